"""The generator: deterministic by seed, >= 20 domains, six languages, several markup styles, labels by guideline."""

from __future__ import annotations

from collections import Counter

from railguard.web.domains import DOMAINS
from railguard.web.schema import coerce_action
from railguard.web.synth import generate


def test_deterministic_and_diverse() -> None:
    a = generate(600, seed=5)
    assert a == generate(600, seed=5)
    assert a != generate(600, seed=6)
    assert len(DOMAINS) >= 20 and len({r["domain"] for r in a}) == len(DOMAINS)
    assert {"en", "de", "fr", "es", "zh", "ja"} <= {r["lang"] for r in a}
    assert {"html", "a11y", "react", "seeact", "text", "terse"} <= {r["markup"] for r in a}
    labels = Counter(r["label"] for r in a)
    assert all(labels[k] > 50 for k in ("SAFE", "LOW", "HIGH"))
    for r in a:  # every generated row is valid input
        coerce_action(r["input"])


def test_guideline_levels_in_generated_rows() -> None:
    rows = generate(1500, seed=1)
    by_concept: dict[str, set[str]] = {}
    for r in rows:
        by_concept.setdefault(r["concept"], set()).add(r["label"])
    assert by_concept["place_order"] == {"HIGH"}
    assert by_concept["add_to_cart"] == {"LOW"}
    assert by_concept["entity"] == {"SAFE"}
    # generic buttons take the level of their page
    amb = {(r["page_kind"], r["label"]) for r in rows if r["concept"] == "ambiguous:confirm"}
    assert ("checkout", "HIGH") in amb and ("login", "SAFE") in amb


def test_typing_fills_a_form_and_enter_submits_it() -> None:
    rows = [r for r in generate(4000, seed=2) if r["input"]["action"]["type"] in ("type", "press")]
    typed = [r for r in rows if r["input"]["action"]["type"] == "type"]
    # a HIGH-level field (payment, message, post) typed without Enter is LOW; with Enter it keeps the form's level
    assert any(r["label"] == "LOW" and r["concept"] in ("card_number", "status_text", "mail_body", "chat_box") for r in typed)
    assert all(r["label"] != "HIGH" or (r["input"]["action"]["value"] or "").endswith("\n") for r in typed)
    assert any(r["label"] == "HIGH" for r in rows if r["input"]["action"]["type"] == "press")


def test_markup_and_context_variety() -> None:
    rows = generate(3000, seed=4)
    targets = " ".join(r["input"]["action"]["target"] or "" for r in rows)
    for shape in ('role="menuitem"', 'role="switch"', "onclick=", 'type="submit"', 'role="button"', "aria-label="):
        assert shape in targets, shape
    assert {"wiki", "cms", "dashboards", "smart_home", "insurance", "ride_hailing", "calendar", "cloud_storage", "chat"} <= {r["domain"] for r in rows}
    # the same "Yes" / "OK" is HIGH in a delete or payment dialog and LOW or SAFE elsewhere
    yes = {(r["page_kind"], r["label"]) for r in rows if r["concept"] in ("ambiguous:yes", "ambiguous:ok")}
    assert {lab for _, lab in yes} == {"SAFE", "LOW", "HIGH"}


def test_ids_and_hrefs_never_name_the_label() -> None:
    # concept keys such as `drive_high` or `ambiguous:save` are bookkeeping; if they reached ids, classes or hrefs the
    # model would learn the generator's words instead of the element's (visible labels may say "Low balance alert")
    import re

    attrs = re.compile(r'\b(?:id|class|href|name|data-testid|onclick)="([^"]*)"')
    leak = re.compile(r"(?:^|[/#\s_-])(?:high|low|safe|ambiguous|entity)(?:$|[/\s?_-])", re.I)
    for r in generate(3000, seed=8):
        for value in attrs.findall(r["input"]["action"]["target"] or ""):
            assert not leak.search(value), r["input"]["action"]["target"]
