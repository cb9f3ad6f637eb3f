"""Read a target element from whatever the agent gave: HTML, an accessibility-tree line, a SeeAct `[tag] text`,
or plain words; and the page it sits on. Everything downstream sees one `Element` and one `PageView`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

_WS = re.compile(r"\s+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOISE_CLASS = re.compile(r"^(css|sc|jsx|emotion|styles?)[-_]?[a-z0-9]{3,}$|^[a-z]{1,3}[0-9][a-z0-9]{3,}$|^[A-Za-z0-9_-]{6,}[0-9][A-Za-z0-9_-]*$")
_KEEP_ATTRS = ("aria-label", "title", "alt", "placeholder", "value", "name", "id", "data-testid", "data-test", "data-action",
               "aria-description", "label", "for", "action", "formaction")
_ROLES_FROM_TAG = {"a": "link", "button": "button", "input": "textbox", "textarea": "textbox", "select": "combobox",
                   "option": "option", "img": "img", "form": "form", "summary": "button", "label": "label", "li": "listitem"}
_A11Y_LINE = re.compile(r"""^\s*(?:\[(?P<id>[^\]]+)\]\s*)?(?P<role>[A-Za-z][\w-]*)\s+(?P<q>['"“])(?P<name>.*?)(?P=q)(?P<rest>.*)$""", re.S)
_SEEACT = re.compile(r"^\s*\[(?P<role>[A-Za-z][\w -]*)\]\s*(?P<name>.*)$", re.S)
_ID_ONLY = re.compile(r"^\s*\[(?P<id>[\w-]+)\]\s*(?P<name>.*)$", re.S)
_ROLE_WORDS = ("button", "link", "checkbox", "radio", "textbox", "searchbox", "combobox", "tab", "menuitem", "switch",
               "option", "listbox", "icon", "input", "field", "dropdown", "toggle")


def clean_text(s: str | None) -> str:
    """Underscores and runs of blanks become one space: element text often arrives as `Place_your_order`."""
    if not s:
        return ""
    return _WS.sub(" ", s.replace("_", " ").replace("\u00a0", " ")).strip()


def split_identifier(s: str) -> str:
    """`placeOrderButton` / `place-order_btn` -> `place order button btn`."""
    s = _CAMEL.sub(" ", s)
    return clean_text(re.sub(r"[-_.:/#]+", " ", s)).lower()


@dataclass
class Element:
    tag: str = ""
    role: str = ""
    text: str = ""  # visible text / accessible name
    attrs: dict[str, str] = field(default_factory=dict)
    input_type: str = ""
    href: str = ""
    markup: str = "text"  # html | a11y | seeact | text

    @property
    def attr_words(self) -> str:
        parts = []
        for k in _KEEP_ATTRS:
            v = self.attrs.get(k)
            if v:
                parts.append(split_identifier(v) if k in ("id", "name", "data-testid", "data-test", "data-action", "for") else clean_text(v))
        cls = self.attrs.get("class", "")
        words = [split_identifier(c) for c in cls.split() if not _NOISE_CLASS.match(c)]
        parts.extend(w for w in words if w)
        return clean_text(" ".join(parts))

    @property
    def name(self) -> str:
        """The best human-readable label of the element."""
        for k in ("aria-label", "title", "alt", "placeholder", "value"):
            if not self.text and self.attrs.get(k):
                return clean_text(self.attrs[k])
        return self.text


class _FirstElementParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag = ""
        self.attrs: dict[str, str] = {}
        self.texts: list[str] = []
        self.inner_attrs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = {k.lower(): (v or "") for k, v in attrs}
        if not self.tag:
            self.tag, self.attrs = tag.lower(), d
        else:  # icons and nested spans often carry the only label: <button><svg aria-label="Delete"/></button>
            for k in ("aria-label", "title", "alt", "value"):
                if d.get(k):
                    self.inner_attrs.append(d[k])

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(data)


def parse_element(target: str | None) -> Element:
    if not target:
        return Element()
    t = target.strip()[:5000]
    if t.startswith("<"):
        p = _FirstElementParser()
        try:
            p.feed(t)
            p.close()
        except Exception:  # html.parser is lenient; be sure a broken snippet never crashes the guard
            return Element(text=clean_text(re.sub(r"<[^>]*>", " ", t)), markup="html")
        text = clean_text(" ".join(p.texts)) or clean_text(" ".join(p.inner_attrs))
        role = p.attrs.get("role") or _ROLES_FROM_TAG.get(p.tag, "")
        itype = p.attrs.get("type", "").lower()
        if p.tag == "input" and itype in ("submit", "button", "reset", "image"):
            role = "button"
            text = text or clean_text(p.attrs.get("value", ""))
        elif p.tag == "input" and itype in ("checkbox", "radio"):
            role = itype
        elif p.tag == "input" and itype == "search":
            role = "searchbox"
        return Element(tag=p.tag, role=role.lower(), text=text, attrs=p.attrs, input_type=itype,
                       href=p.attrs.get("href", ""), markup="html")
    m = _A11Y_LINE.match(t)
    if m and m.group("role").lower() not in ("the", "a", "an") and len(m.group("role")) < 20:
        attrs: dict[str, str] = {}
        rest = m.group("rest")
        for km in re.finditer(r"(\w+):\s*([^\s,]+)", rest):
            attrs[km.group(1).lower()] = km.group(2)
        return Element(tag="", role=m.group("role").lower(), text=clean_text(m.group("name")), attrs=attrs, markup="a11y")
    m = _SEEACT.match(t)
    if m and not m.group("role").strip().isdigit():
        role = m.group("role").strip().lower()
        tag = role if role in ("a", "button", "input", "select", "textarea", "span", "div", "img", "svg", "li", "label") else ""
        return Element(tag=tag, role=_ROLES_FROM_TAG.get(role, role), text=clean_text(m.group("name")), markup="seeact")
    m = _ID_ONLY.match(t)
    if m:
        return Element(text=clean_text(m.group("name")), attrs={"id": m.group("id")}, markup="a11y")
    text = clean_text(t)
    role = ""
    low = text.lower()
    for w in _ROLE_WORDS:
        if re.search(rf"\b{w}\b", low):
            role = w
            break
    q = re.findall(r"""["'“「『](.{1,120}?)["'”」』]""", text)
    name = clean_text(q[0]) if q else text
    return Element(role=role, text=name, attrs={"description": text} if q else {}, markup="text")


def resolve_in_page(target: str | None, page: str | None) -> str | None:
    """`click [123]` names only an id: look up that node's line in an accessibility tree or SoM listing."""
    if not target or not page:
        return target
    m = re.match(r"^\s*\[(\w+)\]\s*(.*)$", target.strip())
    if not m or m.group(2).strip():
        return target
    node = re.search(rf"^\s*\[{re.escape(m.group(1))}\]\s*(.+)$", page, re.M)
    if node:
        return f"[{m.group(1)}] {node.group(1).strip()}"
    node = re.search(rf"<[^>]*(?:id|data-bid|bid)=[\"']{re.escape(m.group(1))}[\"'][^>]*>.*?</\w+>", page, re.S)
    return node.group(0) if node else target


@dataclass
class PageView:
    host: str = ""
    path_words: str = ""
    query_words: str = ""
    text: str = ""  # the visible words of the page, clipped


_TAGS = re.compile(r"<(script|style)[^>]*>.*?</\1>|<[^>]+>", re.S | re.I)


def page_view(url: str | None, page: str | None, website: str | None, max_chars: int = 1500) -> PageView:
    host, path_words, query_words = "", "", ""
    if url:
        try:
            u = urlsplit(url.strip() if "://" in url else "http://" + url.strip())
            host = (u.hostname or "").lower()
            path_words = split_identifier(unquote(u.path))
            query_words = split_identifier(unquote(u.query))[:200]
        except ValueError:
            path_words = split_identifier(url)[:200]
    if not host and website:
        host = website.lower().strip()
    text = ""
    if page:
        p = page[: max_chars * 8]
        if "<" in p and ">" in p:
            p = _TAGS.sub(" ", p)
        text = clean_text(p)[:max_chars]
    return PageView(host=host, path_words=path_words, query_words=query_words, text=text)
