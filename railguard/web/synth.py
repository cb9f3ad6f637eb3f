"""Generator of labelled web actions (SAFE / LOW / HIGH) for training WebGuard; deterministic by seed.

What it makes: one proposed action per row, with the website, a URL, the page around the element (title,
headings and neighbouring elements) and the target element in one of several markup styles (plain HTML,
accessibility-tree lines, React-style class soup, SeeAct `[tag] text`, words, terse tag + text), over the
site domains of `railguard.web.domains` and six languages (en de fr es zh ja). Labels come from the concepts'
guideline levels (docs/web-labelling-guideline.md); generic buttons (Confirm, Save, Submit, Continue, Yes) take
the level of the page they are on. Task intents of WebArena (Apache-2.0), ST-WebAgentBench (Apache-2.0) and
Mind2Web-Live (MIT) seed further rows: their verbs and objects become the final commit step of the task, and
their search terms the safe steps before it.

    python -m railguard.web.synth --rows 2000 --seed 7 --out /tmp/web.jsonl   # a sample to look at
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import string
import sys
from collections.abc import Iterator
from pathlib import Path

from railguard.web.domains import DOMAINS, OPTION_PICKS, Domain
from railguard.web.lexicon import AMBIGUOUS, FIELDS, GENERIC, LANGS, PAGE_KINDS, Concept

MARKUPS = ("html", "html", "a11y", "a11y", "react", "seeact", "text", "terse", "taghead", "taghead", "widget")
# real pages put the same control in many shapes: an icon with only an aria-label, a div or span with onclick, a link
# styled as a button, a menu item, a switch, a checkbox in a label, a star or an emoji reaction
WIDGETS = ("icon", "onclick", "linkbtn", "menuitem", "input_submit", "switch", "label_check")
INTENT_SOURCES = {
    "webarena_tasks": ("test.raw.json.gz", "Apache-2.0"),
    "st_webagentbench": ("test.raw.json.gz", "Apache-2.0"),
    "mind2web_live_tasks": ("example_130.json", "MIT"),
}


# --- rendering ----------------------------------------------------------------------------------------------------
def _slug(s: str) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s[:30] or "el"


def _noise_class(rng: random.Random) -> str:
    return "css-" + "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(6))


# generator bookkeeping words that must never reach ids, classes or hrefs: they would name the label
_LEAKY_KEY = re.compile(r"(?:^|[_:\-])(?:high|low|safe|ambiguous|entity|option|intent|concept|generic)(?:$|[_:\-])", re.I)


def _id_base(key: str, text: str) -> str:
    """Real sites derive ids and hrefs from what the element does or says; a concept key that carries the
    generator's own words (`drive_high`, `ambiguous:save`, `entity`) is replaced by the visible text."""
    return text if _LEAKY_KEY.search(key) else key


def render_element(rng: random.Random, text: str, role: str, kind: str, markup: str, key: str, value_hint: str = "") -> str:
    """One element in one markup style. `key` (the concept's English key) feeds ids and classes, as real sites do."""
    key = _id_base(key, text)
    ident = _slug(key) if rng.random() < 0.6 else _noise_class(rng)
    nid = rng.randint(10, 9999)
    a11y_role = {"textarea": "textbox", "radio": "radio", "switch": "switch"}.get(role, role)
    if kind == "type" and role not in ("textbox", "textarea", "searchbox", "combobox"):
        role = a11y_role = "textbox"
    if markup == "html":
        if kind == "type":
            if role == "textarea":
                return f'<textarea name="{ident}" placeholder="{text}" rows="4"></textarea>'
            itype = "search" if role == "searchbox" else rng.choice(["text", "text", "email", "tel"] if "mail" not in key else ["email"])
            label = f'aria-label="{text}"' if rng.random() < 0.5 else f'placeholder="{text}"'
            return f'<input type="{itype}" name="{ident}" id="{ident}" {label} autocomplete="off">'
        if kind == "select":
            if role == "radio":
                return f'<label><input type="radio" name="{ident}" value="{value_hint}"> {text}</label>'
            return f'<select name="{ident}" id="{ident}" aria-label="{text}"><option>{value_hint or "…"}</option></select>'
        if kind == "check":
            return f'<input type="checkbox" role="{role}" id="{ident}" aria-label="{text}">'
        if role == "link" or role == "tab":
            href = f"/{_slug(key)}/{nid}" if rng.random() < 0.7 else "#"
            return f'<a href="{href}" class="{ident} nav-link">{text}</a>'
        r = rng.random()
        if r < 0.2:
            return f'<input type="submit" value="{text}" class="btn btn-primary" name="{ident}">'
        if r < 0.3:
            return f'<button type="button" aria-label="{text}" class="icon-btn {ident}"><svg viewBox="0 0 24 24"><path d="M3 3h18"/></svg></button>'
        btype = rng.choice(["submit", "button"])
        return f'<button type="{btype}" id="{ident}" class="btn {rng.choice(["btn-primary", "btn-secondary", "a-button-input", "button--large"])}">{text}</button>'
    if markup == "taghead":  # the element's opening tag with real-looking attributes, then its text
        return _render_taghead(rng, text, role, kind, key, ident)
    if markup == "widget":
        return _render_widget(rng, text, role, kind, key, ident, nid)
    if markup == "a11y":
        extra = ""
        if kind == "type":
            extra = rng.choice(["", " focused: True", " required: True", " editable: plaintext"])
        elif kind == "select":
            extra = rng.choice([" hasPopup: menu expanded: False", ""])
        q = rng.choice(["'", '"'])
        lead = f"[{nid}] " if rng.random() < 0.7 else ""
        return f"{lead}{a11y_role} {q}{text}{q}{extra}"
    if markup == "react":
        cls = " ".join(_noise_class(rng) for _ in range(rng.randint(1, 3)))
        if kind == "type":
            return f'<div class="{cls}"><input class="{_noise_class(rng)}" data-testid="{ident}" placeholder="{text}"></div>'
        if rng.random() < 0.3:
            return f'<div role="{a11y_role}" tabindex="0" aria-label="{text}" class="{cls}"><i class="icon {_noise_class(rng)}"></i></div>'
        return f'<div class="{cls}" role="{a11y_role}" tabindex="0" data-testid="{ident}"><span class="{_noise_class(rng)}">{text}</span></div>'
    if markup == "seeact":
        tag = {"link": "a", "tab": "a", "textbox": "textbox", "textarea": "textbox", "searchbox": "textbox",
               "combobox": "combobox", "checkbox": "checkbox", "switch": "checkbox", "radio": "radio"}.get(role, rng.choice(["button", "button", "span", "div"]))
        return f"[{tag}] {text}"
    if markup == "terse":  # tag head + clipped text, as WebGuard-style logs and some agents give it
        tag = {"link": "a", "tab": "a", "textbox": "input", "textarea": "textarea", "searchbox": "input", "combobox": "select"}.get(role, rng.choice(["button", "a", "span", "div"]))
        t = text.replace(" ", "_")[: rng.choice([30, 30, 40, 60])]
        return f'<{tag}>{t}</{tag}>' if rng.random() < 0.5 else f'<{tag} type="button">{t}</{tag}>'
    # words
    what = {"link": "link", "tab": "tab", "textbox": "text field", "textarea": "text area", "searchbox": "search box",
            "combobox": "dropdown", "checkbox": "checkbox", "switch": "toggle", "radio": "option"}.get(role, "button")
    return rng.choice([f'the "{text}" {what}', f"{what} labelled '{text}'", f'{text} {what}', f'the {rng.choice(["blue", "yellow", "primary", "small", "top-right"])} {what} "{text}"'])


_CLASS_WORDS = ("btn", "button", "btn-primary", "btn-outline", "cta", "action", "link", "nav-item", "chip", "pill", "menu-item",
                "card-link", "primary", "secondary", "ghost", "sm", "lg", "w-full", "flex", "items-center", "text-sm", "font-bold")


def _classes(rng: random.Random, ident: str) -> str:
    words = rng.sample(_CLASS_WORDS, rng.randint(1, 3)) + ([ident] if rng.random() < 0.4 else []) + ([_noise_class(rng)] if rng.random() < 0.5 else [])
    return " ".join(words)


def _render_taghead(rng: random.Random, text: str, role: str, kind: str, key: str, ident: str) -> str:
    if kind == "type":
        attrs = f'type="{rng.choice(["text", "text", "email", "tel", "search" if role == "searchbox" else "text"])}" name="{ident}" placeholder="{text}"'
        return f"<input {attrs} class=\"{_classes(rng, ident)}\">" if role != "textarea" else f'<textarea name="{ident}" placeholder="{text}"></textarea>'
    if kind in ("select",) and role == "combobox":
        return f'<select name="{ident}" class="{_classes(rng, ident)}">{text}</select>'
    if role in ("link", "tab"):
        href = rng.choice([f"/{_slug(key)}", f"/{_slug(text)}/{rng.randint(1, 9999)}", f"https://www.example.com/{_slug(key)}", "#", "javascript:void(0)"])
        return f'<a href="{href}" class="{_classes(rng, ident)}">{text}</a>'
    tag = rng.choice(["button", "button", "button", "div", "span", "a", "li", "label"])
    attrs = []
    if tag == "button":
        attrs.append(f'type="{rng.choice(["button", "submit"])}"')
    if rng.random() < 0.7:
        attrs.append(f'class="{_classes(rng, ident)}"')
    if rng.random() < 0.3:
        attrs.append(f'data-testid="{ident}"')
    if tag in ("div", "span", "li") and rng.random() < 0.5:
        attrs.append('role="button" tabindex="0"')
    if tag == "a":
        attrs.append(f'href="{rng.choice(["#", f"/{_slug(key)}"])}"')
    return f"<{tag} {' '.join(attrs)}>{text}</{tag}>" if attrs else f"<{tag}>{text}</{tag}>"


def _render_widget(rng: random.Random, text: str, role: str, kind: str, key: str, ident: str, nid: int) -> str:
    if kind == "type":
        return f'<div contenteditable="true" role="textbox" aria-label="{text}" data-placeholder="{text}" class="{_noise_class(rng)}"></div>'
    if kind == "check" or role in ("switch", "checkbox"):
        if rng.random() < 0.5:
            return f'<button role="switch" aria-checked="{rng.choice(["true", "false"])}" aria-label="{text}" class="toggle {_noise_class(rng)}"><span class="knob"></span></button>'
        return f'<label class="{_classes(rng, ident)}"><input type="checkbox" name="{ident}"> {text}</label>'
    if role == "radio":
        return rng.choice([f'<label><input type="radio" name="{ident}"> {text}</label>', f'<div role="radio" aria-checked="false" tabindex="0">{text}</div>',
                           f'<button class="chip {_noise_class(rng)}" aria-pressed="false">{text}</button>'])
    w = rng.choice(WIDGETS[:5])
    if w == "icon":
        icon = rng.choice([f'<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M{rng.randint(1, 9)} 3h18"/></svg>', f'<i class="fa fa-{_slug(key)}"></i>', '<span class="material-icons">more_vert</span>'])
        attr = rng.choice(["aria-label", "title", "data-tooltip"])
        return f'<button {attr}="{text}" class="icon-button {_noise_class(rng)}">{icon}</button>'
    if w == "onclick":
        tag = rng.choice(["div", "span"])
        fn = re.sub(r"\W", "", key.title()) or "Action"
        return f'<{tag} onclick="handle{fn}(event)" class="{_noise_class(rng)}">{text}</{tag}>'
    if w == "linkbtn":
        return f'<a href="/{_slug(key)}?id={nid}" class="btn btn-{rng.choice(["primary", "danger", "success", "default"])}" role="button">{text}</a>'
    if w == "menuitem":
        return rng.choice([f'<li role="menuitem" tabindex="-1">{text}</li>', f'<div role="menuitem" class="dropdown-item">{text}</div>', f"[{nid}] menuitem '{text}'"])
    return f'<input type="submit" value="{text}" class="{_classes(rng, ident)}">'


def _render_emoji(rng: random.Random, text: str, nid: int) -> str:
    label = text if not text.isascii() or len(text) > 3 else rng.choice(["React with thumbs up", "Like", "Love"])
    emoji = text if len(text) <= 3 else rng.choice(["👍", "❤️", "😂", "🎉", "👏"])
    return rng.choice([f'<button aria-label="{label}" class="reaction">{emoji}</button>', f'<span role="button" aria-label="{label}">{emoji} {rng.randint(1, 99)}</span>',
                       f"[{nid}] button '{emoji} {rng.randint(1, 99)}'", f"[button] {emoji}"])


def _render_star(rng: random.Random, text: str, nid: int) -> str:
    n = rng.randint(1, 5)
    return rng.choice([f'<span role="radio" aria-label="{text}" class="star">★</span>', f'<input type="radio" name="rating" value="{n}" aria-label="{text}">',
                       f'<button aria-label="{text}"><svg class="star-icon"/></button>', f"[{nid}] radio '{text}'", f'<label for="star{n}" title="{text}">☆</label>'])


def render_page(rng: random.Random, title: str, heading: str, neighbours: list[tuple[str, str]], markup: str, extra_lines: list[str]) -> str:
    """The page around the target: title, heading, a few other elements and lines of text."""
    if markup in ("a11y", "seeact", "terse") or (markup == "text" and rng.random() < 0.5):
        lines = [f"RootWebArea '{title}' focused: True", f"\theading '{heading}'"]
        lines += [f"\t[{rng.randint(10, 9999)}] {r} '{t}'" for t, r in neighbours]
        lines += [f"\tStaticText '{x}'" for x in extra_lines]
        return "\n".join(lines)
    if markup == "text":
        return f"{title}. {heading}. " + " ".join(extra_lines) + " Visible: " + ", ".join(t for t, _ in neighbours)
    parts = [f"<title>{title}</title>", f"<h1>{heading}</h1>"]
    for t, r in neighbours:
        parts.append(f'<a href="#">{t}</a>' if r == "link" else f"<button>{t}</button>")
    parts += [f"<p>{x}</p>" for x in extra_lines]
    return "<body>" + "".join(parts) + "</body>"


_EXTRA = {
    "checkout": ["Order total: $53.20", "Payment method: Visa •••• 4242", "Ship to: Jane Doe, 12 Elm St", "Gesamtsumme: 53,20 €", "合计：¥268.00", "ご請求額：¥5,280"],
    "transfer": ["From: Checking ••4821", "Available balance: $2,310.55", "Verfügbar: 1.204,10 €", "可用余额：¥8,000.00", "振込手数料：無料"],
    "cart": ["Subtotal (2 items): $41.98", "Zwischensumme: 39,90 €", "小计：¥199", "小計：¥3,980"],
    "item": ["In stock", "4.5 out of 5 stars (2,144)", "Free delivery Tuesday", "Auf Lager", "En stock", "有货", "在庫あり"],
    "compose": ["To:", "Subject:", "Draft saved", "An:", "À :", "收件人：", "宛先："],
    "security": ["Two-factor authentication is off", "Last sign-in: today", "Zuletzt angemeldet: heute"],
    "delete_dialog": ["This action cannot be undone.", "All data will be permanently removed.", "Diese Aktion kann nicht rückgängig gemacht werden.", "此操作无法撤销。", "この操作は取り消せません。"],
    "application": ["Step 3 of 3: Review", "By submitting you confirm the information is correct.", "Schritt 3 von 3", "Étape 3 sur 3", "第3步，共3步"],
    "search": ["1-48 of over 2,000 results", "Showing 20 results", "Sort by: Featured", "2.000 Ergebnisse", "共找到 312 条结果"],
    "admin_edit": ["Last modified by admin", "Store View: Default", "Status: Pending"],
    "settings": ["Changes are saved automatically", "Display", "Notifications"],
    "login": ["Forgot password?", "New here? Create an account"],
    "home": ["Today's deals", "Recommended for you", "Welcome back"],
}


def _texts(c: Concept | dict, lang: str) -> list[str]:
    texts = c.texts if isinstance(c, Concept) else c
    return texts.get(lang) or texts.get("en") or ["OK"]


def _url(rng: random.Random, host: str, page_kind: str, query: str = "") -> str:
    pk = PAGE_KINDS.get(page_kind)
    path = rng.choice(pk.path) if pk else "/"
    path = path.replace("{id}", str(rng.randint(1000, 999999)))
    if "/" in host:
        host, _, pre = host.partition("/")
        path = "/" + pre + path
    url = f"https://{host}{path}"
    if page_kind == "search" and query:
        url += "?q=" + query.replace(" ", "+")
    elif rng.random() < 0.2:
        url += f"?ref={_slug(rng.choice(['nav', 'sr_1_3', 'hp', 'mail']))}&sid={rng.randint(100, 999)}"
    return url


_TASK_VERBS = ("Buy", "Find", "Book", "Compare", "Delete", "Check", "Post", "Read", "Cancel", "Search for", "Order", "Browse", "Send", "Look up",
               "Subscribe to", "Review", "Update", "Pay for", "Save", "Share", "Open", "Reserve", "Rate", "Download")


def _task_line(rng: random.Random, domain: Domain, site: str) -> str:
    """A task name drawn independently of the row's label (the verbs of risky and safe tasks alike)."""
    thing = rng.choice(domain.entities)
    t = f"{rng.choice(_TASK_VERBS)} {thing}"
    return rng.choice([t, f"{t} on {site}", f"{site} {t.lower()}", f"{t} {rng.randint(1, 9)}"])


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n = 0

    def _lang(self, site_lang: str) -> str:
        return site_lang if self.rng.random() < 0.7 else self.rng.choice(LANGS)

    def _neighbours(self, domain: Domain, lang: str, k: int) -> list[tuple[str, str]]:
        rng = self.rng
        pool = [c for c in domain.concepts + GENERIC if c.kind == "click"]
        out = []
        for _ in range(k):
            if rng.random() < 0.4:
                out.append((rng.choice(domain.entities), "link"))
            else:
                c = rng.choice(pool)
                out.append((rng.choice(_texts(c, lang)), "link" if c.role == "link" else "button"))
        return out

    def _pick(self, domain: Domain) -> tuple[str, Concept | None, str, str]:
        """-> (slot, concept, page_kind, label)."""
        rng = self.rng
        r = rng.random()
        if r < 0.46:
            c = rng.choices(domain.concepts, weights=[x.weight for x in domain.concepts])[0]
        elif r < 0.60:
            c = rng.choices(GENERIC, weights=[x.weight for x in GENERIC])[0]
        elif r < 0.67:
            c = rng.choice(FIELDS)
        elif r < 0.79:
            pk = rng.choice([p for p in PAGE_KINDS.values() if p.ambiguous and (p.key in domain.pages or rng.random() < 0.3)] or list(PAGE_KINDS.values())[4:6])
            key, label = rng.choice(pk.ambiguous)
            return "ambiguous:" + key, None, pk.key, label
        elif r < 0.82 and domain.name in OPTION_PICKS:
            return "option", None, rng.choice([p for p in domain.pages if p in ("item", "checkout", "application", "search_form")] or ["item"]), "LOW"
        elif r < 0.92:
            return "entity", None, rng.choice([p for p in domain.pages if p in ("home", "search", "item")] or ["home"]), "SAFE"
        else:
            return rng.choice(["scroll", "hover", "navigate", "go_back"]), None, rng.choice(domain.pages), "SAFE"
        pages = c.pages or domain.pages
        return "concept", c, rng.choice(pages), c.label

    def example(self, domain: Domain) -> dict:
        rng = self.rng
        name, host, site_lang = rng.choice(domain.sites)
        lang = self._lang(site_lang)
        slot, c, page_kind, label = self._pick(domain)
        markup = rng.choice(MARKUPS)
        value = None
        kind = "click"
        role = "button"
        key = slot
        if slot == "concept" and c is not None:
            text = rng.choice(_texts(c, lang))
            kind, role, key = c.kind, c.role, c.key
            if c.values:
                value = rng.choice(c.values)
            elif kind == "type":
                value = "example"
        elif slot.startswith("ambiguous:"):
            text = rng.choice(_texts(AMBIGUOUS[slot.split(":", 1)[1]], lang))
        elif slot == "entity":
            text = rng.choice(domain.entities)
            role = "link"
        elif slot == "option":
            text = rng.choice(OPTION_PICKS.get(domain.name) or OPTION_PICKS["shopping"])
            role = rng.choice(["radio", "button", "button"])
            key = "option"
            if page_kind == "search_form":
                label = "SAFE"  # a date, a passenger count or a cabin in a search form only shapes the search
        else:
            text = ""
        instant = bool(c is not None and c.extra.get("instant"))
        if slot == "concept" and c is not None and kind == "select" and c.values and rng.random() < 0.4:
            # the same choice made by clicking the option itself (a chip, a swatch, a radio label), as agents do
            text, kind, role = rng.choice(c.values), "click", rng.choice(["radio", "button", "link"])
            label = label if label != "HIGH" or instant else "LOW"
        atype = {"click": "click", "type": "type", "select": "select", "check": "click", "press": "press"}[kind]
        if atype == "click" and role == "button" and page_kind in ("checkout", "application", "compose", "transfer", "contact", "admin_edit") and rng.random() < 0.15:
            atype = "submit"
        if atype == "check" or (kind == "check" and rng.random() < 0.3):
            atype = "check"
        submits = False
        if atype == "type" and rng.random() < 0.12:  # typing then pressing Enter submits the same form
            atype, value, submits = "press", "Enter", True
        elif atype == "type" and rng.random() < 0.15 and label != "SAFE":  # WebArena-style `type [id] [text] [1]`: Enter after
            value, submits = (value or "example") + "\n", True
        if kind in ("type", "select") and atype in ("type", "select") and label == "HIGH" and not instant and not submits:
            # guideline: typing or choosing in a form writes nothing until the form is submitted; the field holds a
            # draft the user can clear (LOW); the submit click, or Enter, carries the form's level
            label = "LOW"
        pk = PAGE_KINDS.get(page_kind)
        title = rng.choice(_texts(pk.title, lang)) if pk else name
        title = f"{title} | {name}" if rng.random() < 0.7 else title
        heading = rng.choice(domain.entities) if page_kind in ("item",) else (rng.choice(_texts(pk.title, lang)) if pk else name)
        if slot in ("scroll", "hover", "navigate", "go_back"):
            target = None
            if slot == "scroll":
                atype, value = "scroll", rng.choice(["down", "up", "page down"])
            elif slot == "hover":
                atype = "hover"
                t = rng.choice(self._neighbours(domain, lang, 1))
                target = render_element(rng, t[0], t[1], "click", markup, "hover")
            elif slot == "navigate":
                atype, value = "navigate", _url(rng, host, rng.choice(domain.pages))
            else:
                atype, value = "navigate", "back"
        else:
            if markup == "terse" and kind == "type":
                markup = "html"
            if kind == "click" and rng.random() < 0.06:
                text = ""  # icon-only and unlabelled elements: the URL, page and tag must carry the decision
            special = c.extra.get("markup") if (slot == "concept" and c is not None and kind == "click") else None
            if special == "emoji" and rng.random() < 0.7:
                target = _render_emoji(rng, text, rng.randint(10, 9999))
            elif special == "star" and rng.random() < 0.7:
                target = _render_star(rng, text, rng.randint(10, 9999))
            else:
                target = render_element(rng, text, role, kind if atype != "press" else "type", markup, key, value or "")
            if atype == "press" and markup == "a11y":
                target += " focused: True"
        neighbours = self._neighbours(domain, lang, rng.randint(2, 7))
        extra = [x for x in _EXTRA.get(page_kind, []) if rng.random() < 0.4][:3]
        r_page = rng.random()
        if r_page < 0.62:
            page = render_page(rng, title, heading, neighbours, markup, extra)
        elif r_page < 0.74:
            page = title
        elif r_page < 0.86:
            # a task-like line in place of the page (as some harnesses pass it): its verbs say nothing about this
            # element's level, so the model must not lean on them
            page = _task_line(rng, domain, name)
        else:
            page = None
        if page and target and markup in ("a11y",) and rng.random() < 0.5:
            page = page + "\n\t" + target
        url = _url(rng, host, page_kind, query=value or "") if rng.random() < 0.93 else None
        self.n += 1
        return {
            "id": f"syn-{self.n:07d}",
            "source": "template",
            "domain": domain.name,
            "website": name,
            "lang": lang,
            "page_kind": page_kind,
            "concept": key,
            "markup": markup,
            "label": label,
            "input": {"website": name, "url": url, "page": page, "action": {"type": atype, "target": target, "value": value}},
        }


# --- task intents as seeds --------------------------------------------------------------------------------------
_SITE_DOMAIN = {"shopping": "shopping", "shopping_admin": "shop_admin", "gitlab": "code_hosting", "reddit": "forums",
                "map": "maps", "wikipedia": "news", "suitecrm": "crm"}
_SITE_NAME = {"shopping": ("One Stop Market", "shop.webarena.local"), "shopping_admin": ("Magento Admin", "admin.webarena.local/admin"),
              "gitlab": ("GitLab", "gitlab.webarena.local"), "reddit": ("Postmill", "forum.webarena.local"),
              "map": ("OpenStreetMap", "map.webarena.local"), "wikipedia": ("Wikipedia", "wiki.webarena.local"),
              "suitecrm": ("SuiteCRM", "crm.webarena.local")}
_M2W_DOMAIN = [(r"airline|flight|united|delta|jetblue|aa\b|kayak|expedia|booking|hotel|marriott|airbnb|amtrak|rail|trip|travel|car ?rental|budget|enterprise|koa|rei", "travel"),
               (r"amazon|ebay|target|walmart|bestbuy|shop|store|ikea|cabelas|carmax|gamestop|cvs|kohls|macys|instacart|costco|uniqlo", "shopping"),
               (r"imdb|netflix|spotify|youtube|twitch|soundcloud|tvguide|ign|rottentomatoes|movie|music|game", "streaming"),
               (r"yelp|yellowpages|opentable|resy|doordash|ubereats|grubhub|restaurant", "food_delivery"),
               (r"indeed|linkedin|glassdoor|job", "jobs"), (r"zillow|redfin|realtor|apartments|rent", "real_estate"),
               (r"nps|gov|dmv|irs|usps", "government"), (r"webmd|healthgrades|drugs|mayo", "health"), (r"espn|cnn|bbc|nytimes|news", "news"),
               (r"reddit|stackoverflow|quora", "forums"), (r"google maps|maps", "maps")]

_VERB_RULES: list[tuple[str, str, list[str]]] = [
    # (verb regex at the start of the intent, label, button texts; {obj} = object of the intent)
    (r"add .*(cart|basket)", "LOW", ["Add to Cart", "Add to cart"]),
    (r"add .*(wish ?list|favou?rite|watchlist|my list)", "LOW", ["Add to Wish List", "Add to watchlist", "Save"]),
    (r"(star|fork|follow|like|upvote|downvote|subscribe|watch|bookmark|save)\b", "LOW", ["{Verb}", "{Verb}"]),
    (r"set .* as (my )?(home|default|preferred)", "LOW", ["Set as my store", "Make this my store", "Set as default"]),
    (r"(delete|remove)\b.*(cart|basket)", "LOW", ["Remove", "Remove item"]),
    (r"(delete|remove|erase|drop|unpublish)\b", "HIGH", ["Delete", "Delete {obj}", "Remove {obj}", "Yes, delete"]),
    (r"(post|reply|comment|publish|share|submit|write|leave)\b", "HIGH", ["Post", "Submit", "Reply", "Comment", "Publish"]),
    (r"(invite|assign|merge|approve|close|reopen|reject|ban|block)\b", "HIGH", ["{Verb}", "{Verb} {obj}", "Confirm"]),
    (r"(buy|order|purchase|checkout|pay)\b", "HIGH", ["Place Order", "Buy now", "Pay now"]),
    (r"(book|reserve|rent|hire)\b", "HIGH", ["Book now", "Reserve", "Confirm booking"]),
    (r"(cancel|refund|return)\b", "HIGH", ["Cancel order", "Submit return", "Refund"]),
    (r"(send|email|message|contact|notify|ask)\b", "HIGH", ["Send", "Send message", "Submit"]),
    (r"(apply|sign up|register|enroll|join)\b", "HIGH", ["Apply", "Submit application", "Register"]),
    (r"(create|open a new|make a new|draft|add)\b.*(issue|merge request|post|forum|discussion|price rule|product|page|member|collaborator|user|contact|lead|case|account|meeting|note)", "HIGH", ["Create {obj}", "Save", "Submit", "Add {obj}"]),
    (r"(create|make|new|draft|fork)\b", "LOW", ["Create {obj}", "Create"]),
    (r"(update|change|edit|set|modify|make|mark|rename|move|archive|disable|enable|adjust|fill|rate)\b", "ADMIN", ["Save", "Save changes", "Update", "Submit"]),
]
_SAFE_START = re.compile(r"^(what|how|which|who|when|where|is|are|tell|list|show|find|get|give|check|look|browse|search|compare|display|open|navigate|go|view|see|read|count|summar|locate|provide|identify|among|from|in|do|does|can|i )", re.I)
_DET = re.compile(r"^(the|a|an|my|all|this|that|these|those|our|your|its|their|every|each|new)\s+", re.I)


def _intent_object(intent: str, verb_len: int) -> str:
    rest = intent[verb_len:].strip()
    rest = re.split(r"\s+(?:to|from|in|on|for|with|of|at|that|which|as|by|and|under|into)\s+|[,.;:!?(]", rest)[0]
    for _ in range(3):
        rest = _DET.sub("", rest)
    words = rest.split()
    return " ".join(words[:3])


def _read_intents(root: Path) -> Iterator[tuple[str, str, str]]:
    """-> (source, site key or website name, intent). Missing data sets are skipped (the generator still runs)."""
    for folder, (fname, _lic) in INTENT_SOURCES.items():
        p = root / folder / fname
        if not p.is_file():
            continue
        data = json.load(gzip.open(p) if fname.endswith(".gz") else open(p, encoding="utf-8"))
        for t in data:
            if folder == "mind2web_live_tasks":
                task = t.get("task", "")
                m = re.search(r"\s(?:in|on|at|from|using)\s+([\w.\-' ]+)$", task)
                site = m.group(1).strip() if m else "website"
                yield folder, "m2w:" + site, task
            else:
                sites = t.get("sites") or ["shopping"]
                yield folder, sites[0], t.get("intent", "")


def intent_examples(root: Path, seed: int, per_intent: int = 2) -> list[dict]:
    rng = random.Random(seed + 1)
    dom_by_name = {d.name: d for d in DOMAINS}
    out: list[dict] = []
    seen: set[str] = set()
    n = 0
    for source, site, intent in _read_intents(root):
        intent = " ".join(intent.split())
        if not intent or intent.lower() in seen:
            continue
        seen.add(intent.lower())
        if site.startswith("m2w:"):
            wname = site[4:]
            dname = next((d for rx, d in _M2W_DOMAIN if re.search(rx, wname.lower())), "shopping")
            host = re.sub(r"[^a-z0-9.]", "", wname.lower()) or "example"
            host = host if "." in host else f"www.{host}.com"
        else:
            dname = _SITE_DOMAIN.get(site, "shopping")
            wname, host = _SITE_NAME.get(site, (site, f"{site}.local"))
        domain = dom_by_name[dname]
        low = intent.lower()
        commit: tuple[str, str] | None = None
        for rx, label, texts in _VERB_RULES:
            m = re.match(rx, low)
            if m:
                verb = low.split()[0]
                obj = _intent_object(intent, len(verb))
                t = rng.choice(texts).replace("{Verb}", verb.capitalize()).replace("{obj}", obj).strip()
                if label == "ADMIN":
                    label = "HIGH" if dname in ("shop_admin", "crm", "code_hosting") or "address" in low else "LOW"
                commit = (t or verb.capitalize(), label)
                break
        if commit is None and not _SAFE_START.match(low):
            continue
        steps: list[tuple[str, str, str, str | None, str]] = []  # (type, text, role, value, label)
        q = re.findall(r'"([^"]{2,60})"|\'([^\']{2,60})\'', intent)
        caps = re.findall(r"[A-Z][\w'-]+", " ".join(intent.split()[1:]))
        query = next((a or b for a, b in q), None) or " ".join(caps[:3]) or " ".join(intent.split()[-3:])
        steps.append(("type", rng.choice(["Search", "Search products", "Search GitLab", "Search or jump to...", "Search"]), "searchbox", query, "SAFE"))
        steps.append(("click", query[:60], "link", None, "SAFE"))
        if commit:
            steps.append(("click", commit[0], "button", None, commit[1]))
            steps.append(("click", commit[0], "button", None, commit[1]))  # the commit is what the intents teach
        for typ, text, role, value, label in rng.sample(steps, min(per_intent, len(steps))):
            markup = rng.choice(MARKUPS[:-1])
            kind = "type" if typ == "type" else "click"
            page_kind = "search" if label == "SAFE" else ("admin_edit" if dname in ("shop_admin", "crm") else "item")
            target = render_element(rng, text, role, kind, markup, _slug(text))
            pk = PAGE_KINDS[page_kind]
            title = f"{rng.choice(_texts(pk.title, 'en'))} | {wname}"
            neighbours = Generator(rng.randint(0, 10**9))._neighbours(domain, "en", rng.randint(2, 6))
            page = render_page(rng, title, query[:60], neighbours, markup, []) if rng.random() < 0.85 else None
            n += 1
            out.append({
                "id": f"int-{n:06d}", "source": f"intent:{source}", "domain": dname, "website": wname, "lang": "en",
                "page_kind": page_kind, "concept": f"intent:{label}", "markup": markup, "label": label,
                "input": {"website": wname, "url": _url(rng, host, page_kind, query if page_kind == "search" else ""), "page": page,
                          "task": intent, "action": {"type": typ, "target": target, "value": value}},
            })
    return out


def generate(rows: int, seed: int, data_root: Path | None = None) -> list[dict]:
    """`rows` template rows (spread evenly over domains) plus the intent-seeded rows when the data is there."""
    g = Generator(seed)
    out = [g.example(DOMAINS[i % len(DOMAINS)]) for i in range(rows)]
    if data_root is not None:
        out += intent_examples(data_root, seed)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=None, help="JSONL file (default: standard output)")
    ap.add_argument("--no-intents", action="store_true", help="template rows only (no shared data needed)")
    args = ap.parse_args(argv)
    from railguard.data_paths import data_root

    rows = generate(args.rows, args.seed, None if args.no_intents else data_root())
    f = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.out:
        f.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
