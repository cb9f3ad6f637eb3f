"""Features of a web action: hashed words and character n-grams of the element, the action, the URL path and the
page, plus the rule signals and their conjunctions with the action type and the page context. Pure Python +
numpy, the same code at training and at inference."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from railguard.web.element import Element, PageView, clean_text, page_view, parse_element, resolve_in_page
from railguard.web.rules import Hit, context_hits, field_kind, target_hits
from railguard.web.schema import WebAction

N_FEATURES = 1 << 18
_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?(?:€|usd|eur|円|元)", re.I)
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b|\b(?:mon|tue|wed|thu|fri|sat|sun)\b|\d{1,2}日", re.I)
_WORD = re.compile(r"[\w'’]+", re.U)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass
class Analysis:
    """Everything read from one action: used for features, rule overrides and the rationale."""

    action_type: str
    element: Element
    page: PageView
    value: str
    target_hits: list[Hit]
    context_hits: list[Hit]
    field: str  # for type/select: search | password | sensitive | message | form; else ""
    submits: bool = False  # the action also submits its form (Enter after typing, a submit action)


def analyse(a: WebAction) -> Analysis:
    target = resolve_in_page(a.action.target, a.page)
    el = parse_element(target)
    pv = page_view(a.url, a.page, a.website)
    typ = a.action.type
    value = clean_text(a.action.value)[:300]
    if typ in ("navigate",) and not el.href and value:
        el.href = value
    fk = field_kind(el) if typ in ("type", "select", "check") else ""
    th = target_hits(el)
    if typ == "navigate" and el.href:  # a URL that performs an action
        from railguard.web.element import split_identifier
        from railguard.web.rules import TARGET_RULES, match_rules

        th += [h for h in match_rules(TARGET_RULES, split_identifier(el.href), "url") if h.rule.level != "SAFE"]
    raw = a.action.value or ""
    submits = typ == "submit" or raw.endswith(("\n", "\r")) or (typ == "press" and clean_text(raw).lower() in ("enter", "return", "\\n"))
    return Analysis(typ, el, pv, value, th, context_hits(pv), fk, submits)


def _words(s: str) -> list[str]:
    out = []
    for w in _WORD.findall(s.lower()):
        if _CJK.search(w):
            out.extend(w[i : i + 2] for i in range(max(1, len(w) - 1)))  # CJK: character bigrams stand in for words
            out.extend(w)
        else:
            out.append(w)
    return out


def _char_ngrams(s: str, lo: int = 3, hi: int = 5) -> list[str]:
    s = f" {s.lower()} "
    return [s[i : i + n] for n in range(lo, hi + 1) for i in range(len(s) - n + 1)]


def feature_tokens(an: Analysis) -> list[tuple[str, float]]:
    t = an.action_type
    el = an.element
    feats: list[tuple[str, float]] = [("bias", 1.0), (f"a:{t}", 1.0)]
    role = el.role or el.tag or "none"
    feats += [(f"role:{role}", 1.0), (f"a&role:{t}&{role}", 1.0)]
    if el.input_type:
        feats.append((f"itype:{el.input_type}", 1.0))
    name = el.name[:120]
    ws = _words(name)
    feats += [(f"w:{w}", 1.0) for w in ws]
    feats += [(f"b:{a}_{b}", 1.0) for a, b in zip(ws, ws[1:], strict=False)]
    if ws:
        feats.append((f"w0:{ws[0]}", 1.0))  # the verb usually comes first
        feats.append((f"a&w0:{t}&{ws[0]}", 1.0))
    feats += [(f"c:{g}", 0.3) for g in _char_ngrams(name[:60])]
    if not ws:
        feats.append(("noname", 1.0))
    feats += [(f"aw:{w}", 0.5) for w in _words(el.attr_words[:200])]
    if el.href:
        feats += [(f"hw:{w}", 0.5) for w in _words(re.sub(r"https?://[^/]+", " ", el.href)[:200])]
    if an.field:
        feats += [(f"fk:{an.field}", 1.0), (f"a&fk:{t}&{an.field}", 1.0), (f"fk&sub:{an.field}&{an.submits}", 1.0)]
    if an.submits:
        feats.append(("submits", 1.0))
    # the shape of the element's name: a price, a date or time, a count, a lone symbol, a long product-like title
    if name:
        feats.append((f"nlen:{min(len(ws), 6)}", 0.5))
        if _PRICE.search(name):
            feats.append(("shape:price", 1.0))
        if _TIME.search(name):
            feats.append(("shape:time", 1.0))
        if not any(ch.isalpha() for ch in name):
            feats.append(("shape:symbol", 1.0))
        if ws:
            feats.append((f"wl:{ws[-1]}", 0.5))
    v = an.value
    if t in ("press", "navigate", "scroll"):
        feats += [(f"vw:{w}", 1.0) for w in _words(v)[:20]]
    elif v:
        feats.append(("vk:long" if len(v) > 60 else "vk:short", 1.0))
        if re.search(r"\d", v):
            feats.append(("vk:digits", 1.0))
    feats += [(f"u:{w}", 0.5) for w in _words(an.page.path_words)[:30]]
    feats += [(f"p:{w}", 0.15) for w in _words(an.page.text)[:200]]
    ctx = [h.rule.name for h in an.context_hits]
    for h in an.target_hits:
        r = h.rule
        if h.evidence.startswith("attribute:") and name:
            # a hit in class names or ids of an element that has its own words is weaker evidence ("voteButton",
            # "filter-apply"): kept as its own features so the model can learn how much to trust it
            feats += [(f"ra:{r.name}", 1.0), (f"rla:{r.level}", 1.0)]
            continue
        feats += [(f"r:{r.name}", 1.0), (f"rl:{r.level}", 1.0), (f"a&r:{t}&{r.name}", 1.0)]
        feats += [(f"r&ctx:{r.name}&{c}", 0.5) for c in ctx]
    if not an.target_hits:
        feats += [("r:none", 1.0), (f"a&r:{t}&none", 1.0)]
        feats += [(f"none&ctx:{c}", 0.5) for c in ctx]
    feats += [(f"ctx:{c}", 0.5) for c in ctx]
    if an.field:
        feats += [(f"fk&ctx:{an.field}&{c}", 0.5) for c in ctx]
    return feats


def hash_features(tokens: list[tuple[str, float]]) -> dict[int, float]:
    out: dict[int, float] = {}
    for tok, val in tokens:
        i = zlib.crc32(tok.encode("utf-8")) & (N_FEATURES - 1)
        out[i] = out.get(i, 0.0) + val
    return out
