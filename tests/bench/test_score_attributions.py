"""The attribution scorer (bench/score_attributions.py) and the gold file's invariants.

bench/ is not a package, so both scripts are loaded from their files with importlib.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bench.scripts import load

BENCH = Path(__file__).resolve().parents[2] / "bench"
GOLD = BENCH / "attribution" / "gold.jsonl"


scorer = load("score_attributions", BENCH / "score_attributions.py")
builder = load("build_gold", BENCH / "attribution" / "build_gold.py")

# Two attributions in a notional 80-character text; TWO is an interrupted quotation.
ONE = {"source": [[0, 13]], "cue": [[14, 18]], "content": [[19, 40]]}
TWO = {"source": [[55, 57]], "cue": [[58, 62]], "content": [[42, 53], [64, 75]]}


def _pred(attribution: dict, **changes: object) -> dict:
    return {**attribution, "confidence": 0.9, "source_entity": None, **changes}


def _figures(gold: list[dict], preds: list[dict]) -> dict:
    return scorer.score({"d": gold}, {"d": preds})


def test_perfect_prediction_scores_one_everywhere() -> None:
    """Predicting exactly the gold gives 1.0 for every role, both kinds, and attributions."""
    result = _figures([ONE, TWO], [_pred(ONE), _pred(TWO)])
    for role in scorer.ROLES:
        assert result[role]["exact"] == (1.0, 1.0, 1.0)
        assert result[role]["overlap"] == (1.0, 1.0, 1.0)
    assert result["attribution"] == (1.0, 1.0, 1.0)


def test_missing_attribution_lowers_recall_not_precision() -> None:
    """Leaving one of two gold attributions out halves recall and keeps precision at 1."""
    result = _figures([ONE, TWO], [_pred(ONE)])
    assert result["attribution"][:2] == (1.0, 0.5)
    assert result["cue"]["exact"][:2] == (1.0, 0.5)
    assert result["content"]["overlap"][:2] == (1.0, 0.5)


def test_wrong_extra_attribution_lowers_precision_not_recall() -> None:
    """A suggestion where the gold has none halves precision and keeps recall at 1."""
    extra = {"source": [], "cue": [[80, 84]], "content": [[85, 95]]}
    result = _figures([ONE], [_pred(ONE), _pred(extra)])
    assert result["attribution"][:2] == (0.5, 1.0)
    assert result["cue"]["exact"][:2] == (0.5, 1.0)
    # An implicit predicted source is no source value: source precision is untouched.
    assert result["source"]["exact"] == (1.0, 1.0, 1.0)


def test_partial_content_counts_for_overlap_not_exact() -> None:
    """Content one word short still overlaps: overlap and attribution match, exact does not."""
    result = _figures([ONE], [_pred(ONE, content=[[19, 35]])])
    assert result["content"]["exact"] == (0.0, 0.0, 0.0)
    assert result["content"]["overlap"] == (1.0, 1.0, 1.0)
    assert result["attribution"] == (1.0, 1.0, 1.0)
    assert result["cue"]["exact"] == (1.0, 1.0, 1.0)


def test_interrupted_quote_fragments_are_one_value() -> None:
    """Exact content needs every fragment; one fragment alone still overlaps and matches."""
    both = _figures([TWO], [_pred(TWO, content=[[64, 75], [42, 53]])])
    assert both["content"]["exact"] == (1.0, 1.0, 1.0)
    first_only = _figures([TWO], [_pred(TWO, content=[[42, 53]])])
    assert first_only["content"]["exact"] == (0.0, 0.0, 0.0)
    assert first_only["content"]["overlap"] == (1.0, 1.0, 1.0)
    assert first_only["attribution"] == (1.0, 1.0, 1.0)
    # Each fragment as its own attribution: one matches, the other is an extra.
    split = _figures([TWO], [_pred(TWO, content=[[42, 53]]), _pred(TWO, content=[[64, 75]])])
    assert split["attribution"][:2] == (0.5, 1.0)


def test_attribution_needs_cue_and_content_overlap() -> None:
    """Right content under a wrong cue is no attribution match, and pairing is one-to-one."""
    wrong_cue = _figures([ONE], [_pred(ONE, cue=[[0, 3]])])
    assert wrong_cue["attribution"] == (0.0, 0.0, 0.0)
    twice = _figures([ONE], [_pred(ONE), _pred(ONE)])
    assert twice["attribution"][:2] == (0.5, 1.0)


def test_predictions_for_unknown_docs_are_ignored(tmp_path: Path, capsys) -> None:
    """The command line reads both files, warns about a foreign doc and prints the table."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "d", "text": "x" * 80, "attributions": [ONE]}) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        json.dumps({"doc": "d", **_pred(ONE)}) + "\n" + json.dumps({"doc": "e", **_pred(TWO)})
    )
    assert scorer.main([str(gold), str(pred)]) == 0
    out, err = capsys.readouterr()
    assert "doc 'e'" in err
    assert "attribution  P 1.000  R 1.000  F1 1.000" in out
    assert out.count("1.000") >= 18


GOLD_RECORDS = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def test_gold_file_is_what_the_builder_writes() -> None:
    """gold.jsonl has not been edited apart from its builder (offsets come from the words)."""
    assert GOLD.read_text(encoding="utf-8") == builder.render(builder.build())


def test_gold_file_size_and_coverage() -> None:
    """At least 40 paragraphs, unique doc ids, negatives, implicit sources and fragments."""
    docs = [r["doc"] for r in GOLD_RECORDS]
    assert len(docs) >= 40 and len(set(docs)) == len(docs)
    attributions = [a for r in GOLD_RECORDS for a in r["attributions"]]
    assert sum(not r["attributions"] for r in GOLD_RECORDS) >= 8
    assert any(not a["source"] for a in attributions)
    assert any(len(a["content"]) > 1 for a in attributions)


@pytest.mark.parametrize("record", GOLD_RECORDS, ids=lambda r: r["doc"])
def test_gold_spans_are_well_formed(record: dict) -> None:
    """Every span lies in the text; one cue; content present; no overlap inside an attribution;
    content never ends with a full stop outside quotation marks; keys as documented."""
    text = record["text"]
    assert set(record) == {"doc", "text", "attributions"}
    for attribution in record["attributions"]:
        assert set(attribution) == {"source", "cue", "content", "source_entity"}
        assert len(attribution["cue"]) == 1
        assert attribution["content"]
        spans = [tuple(s) for role in scorer.ROLES for s in attribution[role]]
        for start, end in spans:
            assert 0 <= start < end <= len(text)
            assert text[start:end] == text[start:end].strip()
        ordered = sorted(spans)
        assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:], strict=False))
        for start, end in attribution["content"]:
            # A stop or comma may end a content only inside its quotation marks ('...now."').
            assert not text[start:end].endswith((".", ",", ";")), text[start:end]
