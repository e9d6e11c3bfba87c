"""Label Studio tasks with predictions (labelstud.io/guide/predictions) as candidates.

A task is {"data": {"text": ...}, "predictions": [{"model_version", "score", "result": [...]}]}.
In `result`, a region is {"id", "type": "labels", "value": {"start", "end", "text", "labels",
"score"?}} (a region's score may also sit beside "value"); a relation is {"type": "relation",
"from_id", "to_id", "direction"?, "labels"?}. Offsets are code points into `data.text`.

Roles come from the region's labels, matched case-insensitively through a `LabelMap`: by
default Source/Speaker → source, Cue → cue, Content/Claim/Quote/Quotation → content; the
importer adds our tag names by their role and any --label ROLE=NAME. Regions with other labels
(a "Person" of an NER model) are left out and counted.

Grouping: relations are read as links, whatever their direction or labels. Each cue region
makes one attribution: its content is every content region linked to the cue, directly or
through other content regions (fragments linked to each other); its sources are the source
regions linked to the cue or to one of those contents. That reads our own export (claim →
source, claim → cue) as well as source → cue → content chains. A cue with no content, and a
source or content region reached by no cue, are reported, not guessed at.

Confidence: the lowest score among the attribution's regions when they have scores (an
attribution is as sure as its least sure part), else the prediction's score, else the default.

Which article: `data.article_id` (our id, as our export writes it) or `data.external_id`; else
`data.text` matched against article bodies. `data.parts` (our export) says where the title,
captions and body lie in `data.text`; without it the text is the body.

Origin: "labelstudio" (or --model); version: the prediction's model_version. A task's
`annotations` (people's work in Label Studio, our export's content) are read too when asked,
as runs with the version "annotations".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .records import (
    ArticleRef,
    Candidate,
    ExternalDoc,
    ItemError,
    Part,
    Run,
    SpanClaim,
    kind,
    read_list,
    read_name,
    read_object,
    read_offset,
    read_score,
    read_span,
)

ORIGIN = "labelstudio"
RULE = "labelstudio relations"
ROLES = ("source", "cue", "content")
DEFAULT_LABELS: dict[str, tuple[str, ...]] = {
    "source": ("source", "sources", "speaker"),
    "cue": ("cue", "cues"),
    "content": ("content", "contents", "claim", "claims", "quote", "quotes", "quotation"),
}
TARGETS = ("title", "caption", "body")


@dataclass(frozen=True, slots=True)
class LabelMap:
    """Label name (case-folded) → role."""

    roles: Mapping[str, str]

    @classmethod
    def build(cls, *extra: Iterable[tuple[str, str]]) -> LabelMap:
        """The defaults, then each (role, label) of `extra` in order (a later one wins)."""
        roles = {name: role for role, names in DEFAULT_LABELS.items() for name in names}
        for pairs in extra:
            for role, name in pairs:
                if role not in ROLES:
                    raise ValueError(f"{role!r} is not a role ({', '.join(ROLES)})")
                roles[name.strip().casefold()] = role
        return cls(roles)

    def role(self, labels: list[str]) -> str | None:
        found = {self.roles[name.casefold()] for name in labels if name.casefold() in self.roles}
        if len(found) > 1:
            raise ItemError("value.labels", f"{labels} name several roles: {sorted(found)}")
        return found.pop() if found else None


@dataclass(frozen=True, slots=True)
class _Region:
    key: str
    role: str
    span: SpanClaim
    score: float | None
    order: int


def parse(
    task: dict[str, Any],
    *,
    file: str,
    label: str,
    labels: LabelMap,
    text_key: str = "text",
    default_confidence: float = 0.5,
    annotations: bool = False,
) -> ExternalDoc:
    """One task as an ExternalDoc with a run per prediction (and per annotation if asked)."""
    doc = ExternalDoc(file=file, label=label, ref=ArticleRef())
    try:
        data = read_object(task.get("data"), "data")
        text = data.get(text_key)
        if not isinstance(text, str):
            raise ItemError(f"data.{text_key}", f"expected the task's text, not {kind(text)}")
        doc.text = text
        doc.ref = _article_ref(data)
        doc.parts = _parts(data.get("parts"), len(text))
        runs = [("prediction", p) for p in read_list(task.get("predictions", []), "predictions")]
        people = read_list(task.get("annotations", []), "annotations")
        if annotations:
            runs += [("annotation", a) for a in people]
        elif people:
            doc.ignored["task annotations (read with --annotations)"] += len(people)
    except ItemError as error:
        doc.problem(label, error.field, error.message)
        return doc
    counts: dict[str, int] = defaultdict(int)
    for what, value in runs:
        counts[what] += 1
        item = f"{label}, {what} {counts[what]}"
        try:
            run = _run(doc, value, item, what, labels, default_confidence)
        except ItemError as error:
            doc.problem(item, error.field, error.message)
            continue
        doc.runs.append(run)
    return doc


def _article_ref(data: dict[str, Any]) -> ArticleRef:
    article_id = data.get("article_id")
    if isinstance(article_id, str) and article_id.strip().isdigit():
        article_id = int(article_id)
    if article_id is not None:
        article_id = read_offset(article_id, "data.article_id")
    external_id = data.get("external_id")
    if external_id is not None:
        external_id = read_name(external_id, "data.external_id") or None
    return ArticleRef(article_id, external_id)


def _parts(value: object, length: int) -> tuple[Part, ...] | None:
    if value is None:
        return None
    parts = []
    for i, raw in enumerate(read_list(value, "data.parts")):
        field = f"data.parts[{i}]"
        part = read_object(raw, field)
        target = part.get("target")
        if target not in TARGETS:
            raise ItemError(f"{field}.target", f"{target!r} is not one of {', '.join(TARGETS)}")
        caption = part.get("caption")
        if target == "caption":
            caption = read_offset(caption, f"{field}.caption")
        elif caption is not None:
            raise ItemError(f"{field}.caption", f"a {target} has no caption index")
        start = read_offset(part.get("start"), f"{field}.start")
        end = read_offset(part.get("end"), f"{field}.end")
        if not start <= end <= length:
            raise ItemError(field, f"[{start}, {end}] is not within the text (0..{length})")
        parts.append(Part(target, caption, start, end))
    return tuple(parts)


def _run(
    doc: ExternalDoc,
    value: object,
    item: str,
    what: str,
    labels: LabelMap,
    default_confidence: float,
) -> Run:
    prediction = read_object(value, "")
    version = "annotations" if what == "annotation" else ""
    if what == "prediction" and prediction.get("model_version") is not None:
        version = read_name(prediction["model_version"], "model_version")
    score = read_score(prediction.get("score"), "score") if what == "prediction" else None
    regions, links = _read_results(doc, read_list(prediction.get("result"), "result"), item, labels)
    run = Run(ORIGIN, version)
    used: set[str] = set()
    for cue in (r for r in regions.values() if r.role == "cue"):
        contents = _reach(cue.key, "content", regions, links)
        if not contents:
            doc.problem(item, cue.span.field, f"{_quoted(cue)} is linked to no content")
            continue
        near = {other for key in (cue.key, *contents) for other in links[key]}
        sources = {key for key in near if regions[key].role == "source"}
        members = [regions[key] for key in (cue.key, *contents, *sources)]
        used.update(member.key for member in members)
        scores = [member.score for member in members if member.score is not None]
        run.candidates.append(
            Candidate(
                item=f"{item}, cue {cue.key!r}",
                source=_ordered(regions, sources),
                cue=cue.span,
                content=_ordered(regions, contents),
                confidence=min(scores)
                if scores
                else score
                if score is not None
                else default_confidence,
                rule=RULE,
            )
        )
    for region in regions.values():
        if region.role != "cue" and region.key not in used:
            doc.problem(item, region.span.field, f"{_quoted(region)} is linked to no cue")
    return run


def _read_results(
    doc: ExternalDoc, results: list[Any], item: str, labels: LabelMap
) -> tuple[dict[str, _Region], dict[str, set[str]]]:
    """The prediction's regions with a role, and the links between them (both directions)."""
    regions: dict[str, _Region] = {}
    others: set[str] = set()  # regions without a role, that relations may still point at
    pairs: list[tuple[str, str, str]] = []
    for j, raw in enumerate(results):
        field = f"result[{j}]"
        try:
            result = read_object(raw, field)
            kind_of = result.get("type")
            key = result.get("id")
            if kind_of == "relation":
                ends = [result.get("from_id"), result.get("to_id")]
                if not all(
                    isinstance(end, str | int) and not isinstance(end, bool) for end in ends
                ):
                    raise ItemError(field, "a relation needs from_id and to_id")
                pairs.append((field, str(ends[0]), str(ends[1])))
                continue
            if kind_of != "labels":
                doc.ignored[f"result type {kind_of!r}"] += 1
                continue
            key = f"#{j}" if key is None else str(key)
            field = f"{field} (region {key!r})"
            value = read_object(result.get("value"), f"{field}.value")
            names = value.get("labels")
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise ItemError(f"{field}.value.labels", "expected an array of label names")
            try:
                role = labels.role(names)
            except ItemError as error:
                raise ItemError(f"{field}.{error.field}", error.message) from None
            if key in regions or key in others:
                raise ItemError(field, f"the id {key!r} is used by an earlier region")
            if role is None:
                others.add(key)
                doc.ignored[f"label {(names[0] if names else '')!r}"] += 1
                continue
            if "start" not in value and "startOffset" in value:
                raise ItemError(field, "HyperText regions (XPath offsets) are not supported")
            span = read_span(value, field)
            score = read_score(value.get("score", result.get("score")), f"{field}.score")
            regions[key] = _Region(key, role, span, score, j)
        except ItemError as error:
            doc.problem(item, error.field, error.message)
    links: dict[str, set[str]] = defaultdict(set)
    for field, a, b in pairs:
        missing = [end for end in (a, b) if end not in regions and end not in others]
        if missing:
            doc.problem(item, field, f"the relation points at {missing[0]!r}, no region here")
        elif a in regions and b in regions:
            links[a].add(b)
            links[b].add(a)
        else:
            doc.ignored["relation to a region without a role"] += 1
    return regions, links


def _reach(
    start: str, role: str, regions: dict[str, _Region], links: dict[str, set[str]]
) -> set[str]:
    """Regions of `role` linked to `start`, directly or through other regions of `role`."""
    found: set[str] = set()
    frontier = [start]
    while frontier:
        for key in links[frontier.pop()]:
            if regions[key].role == role and key not in found:
                found.add(key)
                frontier.append(key)
    return found


def _ordered(regions: dict[str, _Region], keys: set[str]) -> tuple[SpanClaim, ...]:
    return tuple(
        region.span
        for region in sorted((regions[k] for k in keys), key=lambda r: (r.span.start, r.order))
    )


def _quoted(region: _Region) -> str:
    """The region as a message names it (its field already gives its id): role and words."""
    text = region.span.text
    if text is None:
        return region.role
    return f"{region.role} {text if len(text) <= 40 else text[:37] + '…'!r}"
