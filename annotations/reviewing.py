"""The review page's rows (issue 10): an article's attributions, each one row of source — cue —
claim, then the spans that are in no attribution ("unlinked"). Pure: built from the panel's items
(annotations.items), no ORM, no request.

How a row's status is derived from its spans' (documented in docs/review.md):
- rejected if any of its spans is rejected (one wrong part makes the attribution wrong);
- accepted only when every span is accepted;
- pending otherwise (some accepted, the rest pending: `accepted` counts them for the row).

Confidence bands, for the filter: an attribution made by accepting a suggestion has the
suggestion's confidence; one made by hand has none and belongs to the band "manual" only, never
to high / medium / low, so a confidence filter never mixes a person's work with the engine's.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .items import Item, Link
from .models import Annotation, Tag

PENDING, ACCEPTED, REJECTED = (
    Annotation.Status.PENDING,
    Annotation.Status.ACCEPTED,
    Annotation.Status.REJECTED,
)

# (value, label, low, high): confidence in [low, high)
BANDS: tuple[tuple[str, str, float, float], ...] = (
    ("high", "High (0.8 and above)", 0.8, 1.01),
    ("medium", "Medium (0.5 to 0.8)", 0.5, 0.8),
    ("low", "Low (below 0.5)", 0.0, 0.5),
)
MANUAL = "manual"
BAND_CHOICES = [(v, label) for v, label, _, _ in BANDS] + [(MANUAL, "Manual (no confidence)")]


def derived_status(statuses: Iterable[str]) -> str:
    """A row's status from its spans' (module docstring)."""
    seen = list(statuses)
    if REJECTED in seen:
        return REJECTED
    if seen and all(s == ACCEPTED for s in seen):
        return ACCEPTED
    return PENDING


def band(confidence: float | None) -> str:
    if confidence is None:
        return MANUAL
    for value, _, low, high in BANDS:
        if low <= confidence < high:
            return value
    return BANDS[0][0]


@dataclass(slots=True)
class Part:
    """One span of a row, in the role it plays there."""

    role: str  # "source", "cue" or "claim"
    item: Item


@dataclass(slots=True)
class Row:
    key: str  # "att-<attribution id>" or "ann-<annotation id>"
    attribution_id: int | None
    parts: list[Part]
    editor_id: int
    editor: str
    link: Link | None = None
    status: str = PENDING
    accepted: int = 0
    context: tuple[str, int, int] | None = None  # (target key, start, end) of the sentences
    tags: set[int] = field(default_factory=set)

    @property
    def annotation_ids(self) -> list[int]:
        return [p.item.id for p in self.parts]

    @property
    def confidence(self) -> float | None:
        return self.link.suggested[3] if self.link and self.link.suggested else None

    def claims(self) -> list[Part]:
        return [p for p in self.parts if p.role == "claim"]

    def part(self, role: str) -> Part | None:
        return next((p for p in self.parts if p.role == role), None)


def build_rows(
    items: Sequence[Item],
    sentence_bounds: Callable[[str], Sequence[tuple[int, int]]],
) -> list[Row]:
    """Rows in reading order of their claims, then the unlinked spans in reading order.

    `sentence_bounds(target_key)` gives the sorted (start, end) sentences of one text; a row's
    context is the sentences its parts in the claim's text touch."""
    by_id = {i.id: i for i in items}
    rows: list[Row] = []
    linked: set[int] = set()
    for item in items:
        for link in item.links:
            parts = []
            source = by_id.get(link.source_span_id) if link.source_span_id else None
            if source is not None:
                parts.append(Part("source", source))
            cue = by_id.get(link.cue_id) if link.cue_id else None
            if cue is not None:
                parts.append(Part("cue", cue))
            parts.append(Part("claim", item))
            parts += [Part("claim", by_id[f]) for f, _ in link.fragments if f in by_id]
            rows.append(
                Row(f"att-{link.id}", link.id, parts, item.author_id, item.author, link=link)
            )
            linked.update(p.item.id for p in parts)
    rows += [
        Row(f"ann-{i.id}", None, [Part(i.tag.role or "span", i)], i.author_id, i.author)
        for i in items
        if i.id not in linked
    ]
    cache: dict[str, Sequence[tuple[int, int]]] = {}
    for row in rows:
        statuses = [p.item.status for p in row.parts]
        row.status = derived_status(statuses)
        row.accepted = statuses.count(ACCEPTED)
        row.tags = {p.item.tag.pk for p in row.parts}
        anchor = row.claims()[0].item if row.claims() else row.parts[0].item
        key = anchor.target_key
        if key not in cache:
            cache[key] = sentence_bounds(key)
        same = [p.item for p in row.parts if p.item.target_key == key]
        row.context = (
            key,
            *around(cache[key], min(i.start for i in same), max(i.end for i in same)),
        )
    return rows


def around(bounds: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The start of the sentence holding `start` and the end of the one holding `end - 1`
    (the span itself when no sentence holds it)."""
    starts = [s for s, _ in bounds]
    lo = bisect_right(starts, start) - 1
    hi = bisect_right(starts, max(start, end - 1)) - 1
    first = bounds[lo][0] if lo >= 0 else start
    last = bounds[hi][1] if hi >= 0 else end
    return min(first, start), max(last, end)


@dataclass(slots=True)
class Filters:
    tag: int | None = None
    status: str = ""
    editor: int | None = None
    confidence: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str], tags: Mapping[int, Tag]) -> Filters:
        def number(name: str) -> int | None:
            value = query.get(name, "")
            return int(value) if value.isdigit() else None

        tag = number("tag")
        status = query.get("status", "")
        confidence = query.get("confidence", "")
        return cls(
            tag if tag in tags else None,
            status if status in Annotation.Status.values else "",
            number("editor"),
            confidence if confidence in dict(BAND_CHOICES) else "",
        )

    def query(self) -> dict[str, str]:
        """The filters as GET parameters (the ones set)."""
        pairs = {
            "tag": "" if self.tag is None else str(self.tag),
            "status": self.status,
            "editor": "" if self.editor is None else str(self.editor),
            "confidence": self.confidence,
        }
        return {k: v for k, v in pairs.items() if v}

    def keep(self, row: Row) -> bool:
        if self.tag is not None and self.tag not in row.tags:
            return False
        if self.status and row.status != self.status:
            return False
        if self.editor is not None and row.editor_id != self.editor:
            return False
        if self.confidence:
            if row.attribution_id is None:
                return False  # an unlinked span is no attribution: no provenance to filter on
            return band(row.confidence) == self.confidence
        return True
