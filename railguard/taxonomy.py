"""The railguard taxonomy (DESIGN.md) and its mapping to other guard taxonomies.

Categories are plain string ids so that policies and deny-lists can add their own;
`CATEGORIES` lists the built-in ones in a stable order (the order model heads use).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    id: str
    meaning: str
    openai: tuple[str, ...] = ()
    llamaguard: tuple[str, ...] = ()
    qwen3guard: tuple[str, ...] = ()


_ALL = (
    Category("violence", "violent acts, threats, weapons incl. CBRN",
             ("violence", "violence/graphic"), ("S1", "S9"), ("Violent",)),
    Category("illegal", "non-violent crime: drugs, fraud, theft, hacking, malware",
             ("illicit",), ("S2",), ("Non-violent Illegal Acts",)),
    Category("sexual", "sexual content", ("sexual",), ("S12",), ("Sexual Content or Sexual Acts",)),
    Category("sexual_minors", "any sexual content involving minors: always unsafe",
             ("sexual/minors",), ("S4",), ()),
    Category("self_harm", "suicide, self-injury, disordered eating",
             ("self-harm", "self-harm/intent", "self-harm/instructions"), ("S11",), ("Suicide & Self-Harm",)),
    Category("hate", "attacks on protected groups", ("hate", "hate/threatening"), ("S10",), ()),
    Category("toxicity", "insults, harassment, abuse of a person, profanity",
             ("harassment", "harassment/threatening"), (), ()),
    Category("sexism", "gender-based discrimination and stereotyping", (), (), ()),
    Category("pii", "exposure or harvesting of personal data", (), ("S7",), ("PII",)),
    Category("prompt_injection", "text that tries to override system or developer instructions", (), (), ()),
    Category("jailbreak", "attempts to get around safety rules (role play, DAN, ...)", (), (), ("Jailbreak",)),
    Category("unethical", "deception, manipulation, cheating, misinformation", (), (), ("Unethical Acts",)),
    Category("political", "politically sensitive topics: controversial, not unsafe, by default",
             (), (), ("Politically Sensitive Topics",)),
    Category("copyright", "requests to reproduce protected works", (), ("S8",), ("Copyright Violation",)),
)

CATEGORIES: dict[str, Category] = {c.id: c for c in _ALL}
CATEGORY_IDS: tuple[str, ...] = tuple(CATEGORIES)

# OpenAI moderation category names, in the order of the API's response.
OPENAI_CATEGORIES: tuple[str, ...] = (
    "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent",
    "self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors",
    "violence", "violence/graphic",
)

# Llama Guard 3 hazard codes that have no single railguard home map to the closest category.
LLAMAGUARD_EXTRA: dict[str, str] = {
    "S3": "illegal",      # sex-related crimes
    "S5": "unethical",    # defamation
    "S6": "unethical",    # specialized advice
    "S13": "political",   # elections
    "S14": "illegal",     # code interpreter abuse
}


def from_openai(name: str) -> str | None:
    """railguard id for an OpenAI moderation category name (e.g. 'harassment/threatening')."""
    for c in _ALL:
        if name in c.openai:
            return c.id
    if name == "illicit/violent":
        return "violence"
    return None


def from_llamaguard(code: str) -> str | None:
    """railguard id for a Llama Guard S-code (S1..S14)."""
    code = code.strip().upper()
    for c in _ALL:
        if code in c.llamaguard:
            return c.id
    return LLAMAGUARD_EXTRA.get(code)


def from_qwen3guard(name: str) -> str | None:
    """railguard id for a Qwen3Guard category name."""
    key = name.strip().lower()
    for c in _ALL:
        if any(key == q.lower() for q in c.qwen3guard):
            return c.id
    return None


def to_openai(scores: dict[str, float]) -> dict[str, float]:
    """OpenAI category scores from railguard scores (each OpenAI name takes its railguard category's score)."""
    out = {name: 0.0 for name in OPENAI_CATEGORIES}
    for name in OPENAI_CATEGORIES:
        cid = from_openai(name)
        if cid is not None:
            out[name] = float(scores.get(cid, 0.0))
    return out
