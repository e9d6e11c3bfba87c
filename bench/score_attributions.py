"""Scores suggested attributions against the gold development set.

Usage: ``python bench/score_attributions.py GOLD.jsonl PRED.jsonl``

GOLD is bench/attribution/gold.jsonl (one paragraph per line: ``doc``, ``text``,
``attributions`` with ``source``, ``cue``, ``content`` span lists). PRED is the output of
``manage.py suggest_attributions`` (one attribution per line: ``doc``, ``source``, ``cue``,
``content``, ``confidence``, ``source_entity``); its ``confidence`` and ``source_entity`` are not
scored. Spans are ``[start, end)`` code-point offsets. Predictions for a doc that is not in GOLD
are reported on standard error and ignored (they were made on some other text).

How predictions are matched, per document (pure Python, deterministic):

* A role value is the set of spans one attribution gives that role (the content of an
  interrupted quotation is one value with several fragments). An empty source (implicit) is not
  a value: it is neither predicted nor gold for the source role.
* Per role, exact: a predicted value is correct when a gold value has exactly the same set of
  spans; each gold value is used at most once (multiset intersection).
* Per role, overlap: predicted and gold values are paired one-to-one, greedily, largest number of
  shared characters first (ties: earlier gold, then earlier prediction); a pair counts when it
  shares at least one character.
* Attribution: a prediction matches a gold attribution when its cue overlaps the gold cue AND its
  content overlaps the gold content (sources are not required: the per-role source figures judge
  them). Pairs are made one-to-one, greedily, by shared cue plus content characters, largest
  first, same tie-breaking.

Precision = correct / predicted values, recall = correct / gold values, F1 their harmonic mean;
each is 0 when its denominator is 0, except that nothing predicted against nothing in the gold
counts as perfect (1.0).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

ROLES = ("source", "cue", "content")
Spans = tuple[tuple[int, int], ...]


def spans_of(value: Iterable[Iterable[int]]) -> Spans:
    """A role's span list as a sorted tuple of (start, end), the form compared for exact match."""
    return tuple(sorted((int(s), int(e)) for s, e in value))


def shared(a: Spans, b: Spans) -> int:
    """Characters covered by both span sets (spans within one set are assumed disjoint)."""
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a for bs, be in b)


def greedy_pairs(
    preds: list, golds: list, weight: Callable[[object, object], int]
) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) with weight > 0, heaviest first."""
    candidates = [
        (-w, g, p)
        for p, pv in enumerate(preds)
        for g, gv in enumerate(golds)
        if (w := weight(pv, gv)) > 0
    ]
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, g, p in sorted(candidates):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return pairs


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty prediction against an empty gold is perfect."""
    if predicted == 0 and gold == 0:
        return 1.0, 1.0, 1.0
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def attribution_weight(pred: dict, gold: dict) -> int:
    """Shared cue plus content characters, or 0 unless both cue and content overlap."""
    cue = shared(pred["cue"], gold["cue"])
    content = shared(pred["content"], gold["content"])
    return cue + content if cue and content else 0


def score(gold: dict[str, list[dict]], preds: dict[str, list[dict]]) -> dict:
    """All figures: ``{role: {"exact": (P, R, F1), "overlap": (P, R, F1)}, "attribution": ...}``.

    ``gold`` and ``preds`` map a doc to its attributions, each a dict with the three roles as
    span lists; counts are summed over documents before dividing (micro average).
    """
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # correct, predicted, gold
    for doc, gold_attrs in gold.items():
        g_norm = [{r: spans_of(a[r]) for r in ROLES} for a in gold_attrs]
        p_norm = [{r: spans_of(a[r]) for r in ROLES} for a in preds.get(doc, [])]
        for role in ROLES:
            g_vals = [a[role] for a in g_norm if a[role]]
            p_vals = [a[role] for a in p_norm if a[role]]
            exact = sum((Counter(g_vals) & Counter(p_vals)).values())
            overlap = len(greedy_pairs(p_vals, g_vals, shared))
            for key, correct in ((f"{role} exact", exact), (f"{role} overlap", overlap)):
                c = counts[key]
                c[0] += correct
                c[1] += len(p_vals)
                c[2] += len(g_vals)
        c = counts["attribution"]
        c[0] += len(greedy_pairs(p_norm, g_norm, attribution_weight))
        c[1] += len(p_norm)
        c[2] += len(g_norm)
    result: dict = {
        role: {kind: prf(*counts[f"{role} {kind}"]) for kind in ("exact", "overlap")}
        for role in ROLES
    }
    result["attribution"] = prf(*counts["attribution"])
    result["counts"] = {key: tuple(value) for key, value in counts.items()}
    return result


def read_jsonl(path: Path) -> list[dict]:
    """The objects of a JSON Lines file, blank lines skipped."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load(gold_path: Path, pred_path: Path) -> tuple[dict, dict]:
    """Gold and predictions grouped by doc; predictions for unknown docs dropped with a warning."""
    gold = {record["doc"]: record["attributions"] for record in read_jsonl(gold_path)}
    preds: dict[str, list[dict]] = defaultdict(list)
    unknown: Counter[str] = Counter()
    for record in read_jsonl(pred_path):
        if record["doc"] in gold:
            preds[record["doc"]].append(record)
        else:
            unknown[record["doc"]] += 1
    for doc, n in sorted(unknown.items()):
        print(f"ignored {n} prediction(s) for doc {doc!r}, not in the gold file", file=sys.stderr)
    return gold, dict(preds)


def report(result: dict) -> str:
    """The figures as a fixed-width table."""
    lines = [
        f"{'role':<12}{'exact P':>9}{'R':>7}{'F1':>7}   {'overlap P':>9}{'R':>7}{'F1':>7}",
    ]
    for role in ROLES:
        ex, ov = result[role]["exact"], result[role]["overlap"]
        lines.append(
            f"{role:<12}{ex[0]:>9.3f}{ex[1]:>7.3f}{ex[2]:>7.3f}   "
            f"{ov[0]:>9.3f}{ov[1]:>7.3f}{ov[2]:>7.3f}"
        )
    p, r, f = result["attribution"]
    correct, predicted, gold = result["counts"]["attribution"]
    lines.append(
        f"attribution  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
        f"({correct} matched, {predicted} predicted, {gold} gold)"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: print the table for GOLD and PRED."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold JSON Lines (bench/attribution/gold.jsonl)")
    parser.add_argument("pred", type=Path, help="suggest_attributions output (JSON Lines)")
    args = parser.parse_args(argv)
    print(report(score(*load(args.gold, args.pred))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
