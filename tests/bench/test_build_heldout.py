"""The held-out attribution set (bench/attribution/heldout.jsonl) and its builder.

bench/ is not a package, so the builder is loaded from its file with importlib (it loads
build_gold.py the same way for the shared span helper).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bench.scripts import assert_well_formed, load

ATTRIBUTION = Path(__file__).resolve().parents[2] / "bench" / "attribution"
HELDOUT = ATTRIBUTION / "heldout.jsonl"
ROLES = ("source", "cue", "content")


builder = load("build_heldout", ATTRIBUTION / "build_heldout.py")
RECORDS = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines()]


def test_heldout_file_is_what_the_builder_writes() -> None:
    """heldout.jsonl has not been edited apart from its builder (offsets come from the words)."""
    assert HELDOUT.read_text(encoding="utf-8") == builder.render(builder.build())


def test_heldout_size_and_coverage() -> None:
    """24-30 articles of 1,500-4,500 characters, 180+ attributions, unique doc ids, and the
    harder kinds present: implicit sources, several content fragments, colon cues."""
    docs = [r["doc"] for r in RECORDS]
    assert 24 <= len(docs) <= 30 and len(set(docs)) == len(docs)
    assert all(1500 <= len(r["text"]) <= 4500 for r in RECORDS)
    attributions = [a for r in RECORDS for a in r["attributions"]]
    assert len(attributions) >= 180
    assert any(not a["source"] for a in attributions)
    assert any(len(a["content"]) > 2 for a in attributions)
    cues = {r["text"][s:e] for r in RECORDS for a in r["attributions"] for s, e in a["cue"]}
    assert {":", "according to", "reportedly", "declined to comment"} <= cues


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["doc"])
def test_heldout_spans_are_well_formed(record: dict) -> None:
    """Every record is well formed (tests/bench/scripts.py: assert_well_formed). Contents may end in a stop here: this set predates that rule."""
    assert_well_formed(record, strict_content=False)


def test_locate_names_a_span_inside_its_context() -> None:
    """Braces pick the span out of a unique context; an ambiguous or missing phrase raises."""
    text = 'He said no. "Yes," she said.'
    assert builder.locate(text, "she {said}") == [23, 27]
    assert builder.locate(text, ("said", 2)) == [23, 27]
    with pytest.raises(ValueError):
        builder.locate(text, "said")
    with pytest.raises(ValueError):
        builder.locate(text, "they {said}")


def test_builder_refuses_a_content_ending_in_a_stop_outside_quotes() -> None:
    """The check that keeps the sentence-final stop out of contents fails loudly."""
    text = "Officials said the road was closed."
    record = {"source": [[0, 9]], "cue": [[10, 14]], "content": [[15, 35]], "source_entity": None}
    with pytest.raises(ValueError, match="punctuation"):
        builder._check("x", text, record)
