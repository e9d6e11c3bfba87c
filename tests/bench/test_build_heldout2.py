"""The second held-out attribution set (bench/attribution/heldout2.jsonl) and its builder.

bench/ is not a package, so the builder is loaded from its file with importlib (it loads
build_heldout.py the same way for the shared span helpers and checks).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bench.scripts import (
    assert_cues_unique,
    assert_refuses_misnamed_span,
    assert_well_formed,
    load,
)

ATTRIBUTION = Path(__file__).resolve().parents[2] / "bench" / "attribution"
HELDOUT2 = ATTRIBUTION / "heldout2.jsonl"
ROLES = ("source", "cue", "content")


builder = load("build_heldout2", ATTRIBUTION / "build_heldout2.py")
RECORDS = [json.loads(line) for line in HELDOUT2.read_text(encoding="utf-8").splitlines()]


def test_heldout2_file_is_what_the_builder_writes() -> None:
    """heldout2.jsonl has not been edited apart from its builder (offsets come from the words)."""
    assert HELDOUT2.read_text(encoding="utf-8") == builder.render(builder.build())


def test_heldout2_size_and_coverage() -> None:
    """15-18 articles of 1,500-4,500 characters with blank-line paragraphs, about 200
    attributions, doc ids unique and distinct from the first held-out set's, and the harder kinds
    present: implicit sources, several content fragments, colon and dash cues, questions."""
    docs = [r["doc"] for r in RECORDS]
    assert 15 <= len(docs) <= 18 and len(set(docs)) == len(docs)
    assert all(doc.startswith("hb") for doc in docs)
    assert all(1500 <= len(r["text"]) <= 4500 and "\n\n" in r["text"] for r in RECORDS)
    attributions = [a for r in RECORDS for a in r["attributions"]]
    assert 180 <= len(attributions) <= 300
    assert sum(not a["source"] for a in attributions) >= 10
    assert any(len(a["content"]) > 2 for a in attributions)
    cues = {r["text"][s:e] for r in RECORDS for a in r["attributions"] for s, e in a["cue"]}
    assert {":", "—", "according to", "reportedly", "declined to comment", "Asked"} <= cues


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["doc"])
def test_heldout2_spans_are_well_formed(record: dict) -> None:
    """Every record is well formed (tests/bench/scripts.py: assert_well_formed)."""
    assert_well_formed(record)


def test_heldout2_cues_are_not_inside_other_attributions_cues() -> None:
    """No two attributions of an article share a cue (scripts.assert_cues_unique)."""
    assert_cues_unique(RECORDS)


def test_build_refuses_a_misnamed_span() -> None:
    """A misnamed span stops the builder (scripts.assert_refuses_misnamed_span)."""
    assert_refuses_misnamed_span(builder)
