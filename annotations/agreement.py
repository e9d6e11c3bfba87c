"""How far two editors agree on the spans they tagged in the same texts. Pure Python: no ORM.

What is compared
----------------
A span is (target, start, end, tag). `target` names the text it lies in ("title", "body",
"caption-<id>"); offsets are code points as everywhere else (docs/offsets.md). Spans of different
articles must never meet: compare one article at a time and add the results up (`combine`).

Span-level precision, recall and F1
-----------------------------------
Editor A's spans are taken as the reference and B's as the candidates: precision is the share of
B's spans matched in A, recall the share of A's matched in B, and F1 = 2·matched / (|A| + |B|),
which does not depend on who is A. Matching is one-to-one (a span is matched at most once):

* exact: same target, start and end — did both mark the same stretch of text, whatever its tag?
* exact + tag: the same, and the same tag too.
* overlap: same target and ranges that share at least one code point; pairs are taken greedily,
  largest shared length first (then the pair whose ends are closest, then reading order), so a
  long span of A is matched to the B span that covers most of it.

With no spans at all on either side there is nothing to measure: precision, recall and F1 are
None rather than a made-up 0 or 1. A set's figures are micro-averaged over its articles: the
counts are summed, then divided once, so an article with 200 spans weighs 100 times one with two.

Cohen's kappa on tags: the unit of agreement
--------------------------------------------
The items kappa rates are the *exact-matched pairs*: stretches of text that both editors marked
with exactly the same boundaries; the categories are the tags each gave to it. Kappa therefore
answers "when the two agree a stretch is a span, do they agree what it is?". Spans that only one
editor marked are left to the F1 figures: there is no "not tagged" category, because the
stretches nobody marked are not a finite, countable set of items.

κ = (po − pe) / (1 − pe), where po is the share of pairs given the same tag and
pe = Σ_tag pA(tag) · pB(tag) the agreement expected from each editor's own tag frequencies.
Degenerate cases, reported explicitly instead of dividing by zero:

* no matched pairs: κ is None ("no pairs");
* pe == 1 (both editors gave every matched pair one and the same tag, so po == 1 too): κ is 0/0
  and None is reported with the reason "one tag", since agreement cannot be told from chance
  when there was only one thing to choose. pe is compared exactly, in integers.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Span:
    target: str
    start: int
    end: int
    tag: Hashable
    key: Hashable = field(default=None, compare=False)  # the caller's id, e.g. annotation pk

    @property
    def where(self) -> tuple[str, int, int]:
        return (self.target, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Score:
    """Matched spans out of A's and B's totals."""

    matched: int = 0
    a_total: int = 0
    b_total: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.matched + other.matched,
            self.a_total + other.a_total,
            self.b_total + other.b_total,
        )

    @property
    def precision(self) -> float | None:
        return self.matched / self.b_total if self.b_total else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.a_total if self.a_total else None

    @property
    def f1(self) -> float | None:
        total = self.a_total + self.b_total
        return 2 * self.matched / total if total else None

    @property
    def only_a(self) -> int:
        return self.a_total - self.matched

    @property
    def only_b(self) -> int:
        return self.b_total - self.matched


@dataclass(frozen=True, slots=True)
class Kappa:
    value: float | None
    pairs: int
    observed: float | None = None
    expected: float | None = None
    reason: str = ""  # why value is None: "no pairs" or "one tag"


def kappa(confusion: Mapping[tuple[Hashable, Hashable], int]) -> Kappa:
    """Cohen's kappa from counts of (A's tag, B's tag) over matched pairs."""
    n = sum(confusion.values())
    if n == 0:
        return Kappa(None, 0, reason="no pairs")
    agree = sum(count for (ta, tb), count in confusion.items() if ta == tb)
    by_a: Counter[Hashable] = Counter()
    by_b: Counter[Hashable] = Counter()
    for (ta, tb), count in confusion.items():
        by_a[ta] += count
        by_b[tb] += count
    chance = sum(by_a[t] * by_b[t] for t in by_a)  # pe · n², exactly
    po = Fraction(agree, n)
    pe = Fraction(chance, n * n)
    if pe == 1:
        return Kappa(None, n, float(po), 1.0, reason="one tag")
    return Kappa(float((po - pe) / (1 - pe)), n, float(po), float(pe))


@dataclass(frozen=True)
class Agreement:
    """The figures for one article, or summed over many (`combine`)."""

    exact: Score = Score()
    exact_tag: Score = Score()
    overlap: Score = Score()
    confusion: Counter[tuple[Hashable, Hashable]] = field(default_factory=Counter)
    articles: int = 0

    def __add__(self, other: Agreement) -> Agreement:
        return Agreement(
            self.exact + other.exact,
            self.exact_tag + other.exact_tag,
            self.overlap + other.overlap,
            self.confusion + other.confusion,
            self.articles + other.articles,
        )

    @property
    def kappa(self) -> Kappa:
        return kappa(self.confusion)


def combine(agreements: Iterable[Agreement]) -> Agreement:
    """Micro-average: counts summed over articles, ratios taken once from the sums."""
    total = Agreement()
    for a in agreements:
        total = total + a
    return total


# Per span, what the other editor has: the same span with the same tag, the same span with
# another tag, an overlapping span only, or nothing.
SAME = "same"
OTHER_TAG = "other-tag"
OVERLAP = "overlap"
ONLY = "only"


@dataclass(frozen=True)
class Comparison:
    agreement: Agreement
    exact_pairs: list[tuple[Span, Span]]
    overlap_pairs: list[tuple[Span, Span]]
    status_a: dict[Hashable, str]  # Span.key -> SAME / OTHER_TAG / OVERLAP / ONLY
    status_b: dict[Hashable, str]


def exact_pairs(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs with the same target, start and end. Where one editor has several spans
    on the same stretch, pairs with equal tags are made first, so a stretch tagged Claim and
    Source by both pairs Claim with Claim and Source with Source."""
    by_where: dict[tuple[str, int, int], list[Span]] = defaultdict(list)
    for span in b:
        by_where[span.where].append(span)
    pairs: list[tuple[Span, Span]] = []
    leftover_a: list[Span] = []
    for span in a:
        candidates = by_where.get(span.where)
        if not candidates:
            continue
        same = next((i for i, c in enumerate(candidates) if c.tag == span.tag), None)
        if same is None:
            leftover_a.append(span)
        else:
            pairs.append((span, candidates.pop(same)))
    for span in leftover_a:
        candidates = by_where[span.where]
        if candidates:
            pairs.append((span, candidates.pop(0)))
    return pairs


def overlap_pairs(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping spans in the same target, greedy by largest overlap."""
    b_by_target: dict[str, list[tuple[int, Span]]] = defaultdict(list)
    for j, span in enumerate(b):
        b_by_target[span.target].append((j, span))
    candidates: list[tuple[int, int, int, int, Span, Span]] = []
    for target, b_spans in b_by_target.items():
        b_spans.sort(key=lambda item: item[1].start)
        starts = [s.start for _, s in b_spans]
        # Running maximum of ends: lets the backward scan stop once nothing earlier can reach.
        reach: list[int] = []
        for _, s in b_spans:
            reach.append(max(s.end, reach[-1]) if reach else s.end)
        for i, span in enumerate(a):
            if span.target != target:
                continue
            k = bisect.bisect_left(starts, span.end) - 1
            while k >= 0 and reach[k] > span.start:
                j, other = b_spans[k]
                shared = min(span.end, other.end) - max(span.start, other.start)
                if shared > 0:
                    distance = abs(span.start - other.start) + abs(span.end - other.end)
                    candidates.append((-shared, distance, i, j, span, other))
                k -= 1
    candidates.sort(key=lambda c: c[:4])
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[Span, Span]] = []
    for _, _, i, j, span, other in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((span, other))
    return pairs


def compare(a: Sequence[Span], b: Sequence[Span]) -> Comparison:
    """Agreement of editor A's spans with editor B's over the same texts (one article), and
    what each span has on the other side (keyed by Span.key)."""
    exact = exact_pairs(a, b)
    overlap = overlap_pairs(a, b)
    confusion: Counter[tuple[Hashable, Hashable]] = Counter((x.tag, y.tag) for x, y in exact)
    same_tag = sum(1 for x, y in exact if x.tag == y.tag)
    agreement = Agreement(
        exact=Score(len(exact), len(a), len(b)),
        exact_tag=Score(same_tag, len(a), len(b)),
        overlap=Score(len(overlap), len(a), len(b)),
        confusion=confusion,
        articles=1,
    )
    status_a = {s.key: ONLY for s in a}
    status_b = {s.key: ONLY for s in b}
    for x, y in overlap:
        status_a[x.key] = status_b[y.key] = OVERLAP
    for x, y in exact:
        status_a[x.key] = status_b[y.key] = SAME if x.tag == y.tag else OTHER_TAG
    return Comparison(agreement, exact, overlap, status_a, status_b)


def agreement(a: Sequence[Span], b: Sequence[Span]) -> Agreement:
    return compare(a, b).agreement


def set_agreement(articles: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> Agreement:
    """Micro-averaged agreement over the articles of a set: (A's spans, B's spans) for each."""
    return combine(agreement(a, b) for a, b in articles)
