"""Loaders of the evaluation-only web sets (never used for training, thresholds or generation).

- webguard_test: WebGuard's three public test splits (1,288 CLICK actions, SAFE/LOW/HIGH). The element text
  and the page title are read from the screenshot path; the early-annotator label in that path
  (`annot_<LABEL>_Tgt_...`) is stripped before anything else sees it (see its SOURCE.md: label leakage).
- mind2web_sc: 200 SeeAct steps with allow (0) / deny (1) and the violated rule.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

from railguard.data_paths import dataset

WEBGUARD_SPLITS = ("action", "tail", "website")
_PATH = re.compile(r"/downloads/(?P<site>[^/]+)/annot_batch_(?P<title>.*?)_id_[0-9a-fA-F-]{8,}.*?/act_annots/(?P<annot>[^/]+)/")
_ANNOT = re.compile(r"^annot_(?:[A-Za-z]+_)?Tgt_(?P<text>.*?)(?:_[0-9a-fA-F]{8}-[0-9a-fA-F-]{27,})?$")
_FIELD = {k: re.compile(rf"The {k} (?:of the element |of the web page )?is (.*?)\.\n", re.S) for k in ("description", "tagHead", "url")}


def strip_annotator_label(annot_dir: str) -> str:
    """`annot_LOW_Tgt_Add_to_cart_<uuid>` -> `Add_to_cart`: the early annotation is dropped, never returned."""
    m = _ANNOT.match(annot_dir)
    return m.group("text") if m else ""


def _webguard_row(rec: dict, title_as: str = "task") -> dict:
    user = rec["messages"][0]["content"]
    tail = user.split("<image>", 1)[-1] + "\n"
    desc = (_FIELD["description"].search(tail) or [None, ""])[1].strip()
    tag = (_FIELD["tagHead"].search(tail) or [None, ""])[1].strip() or "element"
    url = (_FIELD["url"].search(tail) or [None, ""])[1].strip()
    label = json.loads(rec["messages"][1]["content"])["risky_level"].upper()
    site, title, text = "", "", ""
    m = _PATH.search((rec.get("images") or [""])[0])
    if m:
        site, title = m.group("site"), m.group("title").replace("_", " ").strip()
        text = strip_annotator_label(m.group("annot")).replace("_", " ").strip()
    tag_name = tag.split()[0] if tag else "element"
    attrs = tag[len(tag_name):].strip()
    aria = f' aria-label="{desc}"' if desc and desc.lower() != "nan" else ""
    target = f"<{tag_name}{(' ' + attrs) if attrs else ''}{aria}>{text}</{tag_name}>"
    return {"label": label, "website": site,
            "input": {"website": site, "url": url, title_as: title or None, "action": {"type": "click", "target": target, "value": None}}}


def webguard_test(split: str | None = None, title_as: str = "task") -> Iterator[tuple[str, dict]]:
    """-> (split, row) for each WebGuard test action; rows carry `label`, `website` and `input` (our input form).

    The annotation-batch title in the screenshot path names the annotation task (SOURCE.md), not the page, and
    WebGuard's own prompt shows no such field (description, tagHead, URL, action only). So it goes to `task`,
    which WebGuard reads as context and does not score (the rubric: judge the action, not the task). Rounds 1-3
    passed it as `page`; `title_as="page"` reproduces that input for comparison."""
    if title_as not in ("task", "page"):
        raise ValueError("title_as must be 'task' or 'page'")
    root = dataset("webguard_test")
    for s in WEBGUARD_SPLITS if split is None else (split,):
        for rec in json.load(gzip.open(root / f"monitor_factory_test_{s}.json.gz")):
            yield s, _webguard_row(rec, title_as)


def mind2web_sc() -> list[dict]:
    data = json.loads((dataset("mind2web_sc") / "sample_labeled_all.json").read_text())
    out = []
    for r in data:
        reprs = r.get("target_action_reprs") or ""
        out.append({"label": int(r["label"]), "violation": r.get("violation") or "", "domain": r.get("domain", ""),
                    "input": {"website": r.get("website"), "task": r.get("confirmed_task"), "action": reprs}})
    return out


DEV_DIR = Path(__file__).resolve().parent / "devdata"


def handwritten_dev(name: str = "handwritten_dev") -> list[dict]:
    """Our own hand-written development actions (labelled by the guideline); used to choose model variants."""
    out = []
    for line in (DEV_DIR / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        label, site, url, target = cols[:4]
        typ = cols[4] if len(cols) > 4 else "click"
        value = cols[5].replace("\\n", "\n") if len(cols) > 5 else None  # `\n` written in the file: Enter after typing
        out.append({"label": label, "website": site,
                    "input": {"website": site, "url": url, "page": None, "action": {"type": typ, "target": target, "value": value}}})
    return out
