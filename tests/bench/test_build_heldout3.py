"""The third held-out attribution set (bench/attribution/heldout3.jsonl) and its builder.

bench/ is not a package, so the builder is loaded from its file with importlib (it loads
build_heldout.py the same way for the shared span helpers and checks).
"""

from __future__ import annotations

import json

import pytest

from tests.bench.scripts import (
    ATTRIBUTION,
    assert_cues_unique,
    assert_refuses_misnamed_span,
    assert_well_formed,
    load,
)

HELDOUT3 = ATTRIBUTION / "heldout3.jsonl"
ROLES = ("source", "cue", "content")


builder = load("build_heldout3", ATTRIBUTION / "build_heldout3.py")
RECORDS = [json.loads(line) for line in HELDOUT3.read_text(encoding="utf-8").splitlines()]


def test_heldout3_file_is_what_the_builder_writes() -> None:
    """heldout3.jsonl has not been edited apart from its builder (offsets come from the words)."""
    assert HELDOUT3.read_text(encoding="utf-8") == builder.render(builder.build())


def test_heldout3_size_and_coverage() -> None:
    """15 articles of 1,500-4,000 characters with blank-line paragraphs, about 180-260
    attributions, doc ids hc01-hc15 (distinct from the other sets' ho… and hb…), and the harder
    kinds present: implicit sources, a quotation over two paragraphs, interrupted quotations,
    colon cues, questions, negations and "according to"."""
    docs = [r["doc"] for r in RECORDS]
    assert docs == [f"hc{n:02d}" for n in range(1, 16)]
    assert all(1500 <= len(r["text"]) <= 4000 and "\n\n" in r["text"] for r in RECORDS)
    attributions = [a for r in RECORDS for a in r["attributions"]]
    assert 180 <= len(attributions) <= 260
    assert sum(not a["source"] for a in attributions) >= 8
    assert sum(len(a["content"]) > 1 for a in attributions) >= 30
    assert any(len(a["content"]) > 2 for a in attributions)
    cues = {r["text"][s:e] for r in RECORDS for a in r["attributions"] for s, e in a["cue"]}
    assert {":", "according to", "Asked", "reportedly", "did not explain", "has not said"} <= cues


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["doc"])
def test_heldout3_spans_are_well_formed(record: dict) -> None:
    """Every record is well formed (tests/bench/scripts.py: assert_well_formed)."""
    assert_well_formed(record)


def test_heldout3_each_cue_is_counted_once() -> None:
    """No two attributions of an article share a cue (scripts.assert_cues_unique)."""
    assert_cues_unique(RECORDS)


def test_build_refuses_a_misnamed_span() -> None:
    """A misnamed span stops the builder (scripts.assert_refuses_misnamed_span)."""
    assert_refuses_misnamed_span(builder)


def test_build_refuses_an_article_over_4000_characters() -> None:
    """This set keeps every article at 4,000 characters or fewer, tighter than the shared
    builder's 4,500: a longer one stops the builder."""
    saved = builder.ARTICLES
    doc, text, attributions = saved[0]
    builder.ARTICLES = [(doc, text + "\n\n" + "x" * (4001 - len(text)), attributions)]
    try:
        with pytest.raises(ValueError, match="over 4000"):
            builder.build()
    finally:
        builder.ARTICLES = saved
