"""HTML for annotatable text: paragraphs cut into highlight segments.

Built in Python rather than a template loop because an article with thousands of spans yields
thousands of segments, and this runs on every page view and every save (docs/benchmarks.md:
about 5 ms of the 500-annotation page). Every piece of text
goes through `escape`; the markup around it is fixed here. Each text node sits alone in an
element whose `data-o` is the code point offset of its first character in the target text:
static/js/annotate.js maps a browser selection back to offsets through these attributes.

A segment of a claim with no attribution yet gets the `unlinked` class (hatched in app.css);
static/js/links.js keeps that class in step when a link is made or removed without the
paragraph being redrawn.

Pending suggestions (issue 10) are drawn in the same pass, as outlines rather than fills: a
segment a suggestion covers carries `sg sg-<role>` classes and `data-sg` (the suggestion ids),
on its `<mark>` when annotations cover it too, else on a plain `<span>`, so the segments and
their `data-o` stay exactly what the selection bridge expects.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape  # Django's escape wraps it; see render/panel.py

from django.utils.safestring import SafeString, mark_safe

from ..anchoring import Span, paragraph_bounds, segments

LAYER_CLASSES = ("a", "b", "c")  # innermost span's tag, then the two that enclose it
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True, slots=True)
class SpanInfo:
    """What rendering needs of one annotation."""

    id: int
    start: int
    end: int
    tag_id: int
    tag_name: str
    # A claim that no attribution links to a source yet: drawn hatched ("needs a source"), so
    # linked and unlinked claims look different without colour (issue 10).
    unlinked: bool = False
    # The tag's role (Tag.Role: claim, source, cue, quote, other): what draws its shape, so tags
    # read without colour (issue 10). Empty (the compare page): colour only.
    role: str = ""


@dataclass(frozen=True, slots=True)
class SuggestedSpan:
    """One span of a pending suggestion: `role` is source, cue or claim (Tag.Role values)."""

    id: int
    start: int
    end: int
    role: str


def _suggestion_attrs(spans: Sequence[SuggestedSpan]) -> tuple[str, str]:
    """Classes and the data-sg attribute for the suggestion spans covering one segment."""
    roles = sorted({s.role for s in spans})
    ids = " ".join(sorted({str(s.id) for s in spans}))
    return " sg " + " ".join(f"sg-{r}" for r in roles), f' data-sg="{ids}"'


# A mark's class list and title by what covers it, innermost first: (tag id, tag name, role,
# unlinked, opens here, closes here) per span. A page repeats few combinations, so each is built
# once (the dict is bounded).
_MarkKey = tuple[tuple[int, str, str, bool, bool, bool], ...]
_MARKS: dict[_MarkKey, tuple[str, str]] = {}


def _mark_attrs(look: _MarkKey) -> tuple[str, str]:
    """The class list and escaped title of a mark: `hl`, the layer classes (innermost span's
    tag a-, the two enclosing it b-, c-), `unlinked` if a claim without a source covers it, the
    depth n2/n3, then the non-colour encoding (app.css draws it) when roles are given:
    `r-<role>` for each role covering it, `o-<role>` / `e-<role>` where a span of that role
    opens / closes here (the ends of a source's box, a claim's brackets), `d-<role>` where two
    spans of one role cover it (a Source inside a Source: a double box)."""
    classes = ["hl"] + [f"{layer}-{k[0]}" for layer, k in zip(LAYER_CLASSES, look, strict=False)]
    if any(k[3] for k in look):
        classes.append("unlinked")
    if len(look) > 1:
        # Depth drawn in ink too, so nesting shows even between spans of the same tag.
        classes.append(f"n{min(len(look), 3)}")
    if look[0][2]:
        roles = Counter(k[2] for k in look)
        classes += [f"r-{r}" for r in roles]
        classes += [f"o-{r}" for r in roles if any(k[2] == r and k[4] for k in look)]
        classes += [f"e-{r}" for r in roles if any(k[2] == r and k[5] for k in look)]
        classes += [f"d-{r}" for r, n in roles.items() if n > 1]
    if len(_MARKS) > 8192:
        _MARKS.clear()
    _MARKS[look] = found = (" ".join(classes), escape(" · ".join(k[1] for k in look)))
    return found


def root_id(target_key: str, prefix: str = "") -> str:
    return f"{prefix}t-{target_key}"


def paragraph_id(target_key: str, index: int, prefix: str = "") -> str:
    """`prefix` keeps ids apart when one page shows the same text twice (the compare page)."""
    return f"{prefix}t-{target_key}-p{index}"


def render_paragraph(
    target_key: str,
    index: int,
    bounds: tuple[int, int],
    text: str,
    spans: Sequence[SpanInfo],
    element: str = "p",
    *,
    id_prefix: str = "",
    suggested: Sequence[SuggestedSpan] = (),
) -> SafeString:
    start, end = bounds
    # Keyed as segments() hands its keys back (Hashable): the ids given to it as Span keys.
    by_id: Mapping[Hashable, SpanInfo] = {s.id: s for s in spans}
    pid = paragraph_id(target_key, index, id_prefix)
    parts = [f'<{element} class="para" id="{pid}" data-o="{start}">']
    same = Counter((s.start, s.end) for s in spans)
    # Spans sharing their exact words with another: what gets the count marker (usually none).
    stacked = {s.id: same[(s.start, s.end)] for s in spans if same[(s.start, s.end)] > 1}
    cut = [Span(s.id, s.start, s.end) for s in spans]
    # Suggestion spans are keyed apart from annotation ids: ("s", position in `suggested`).
    cut += [Span(("s", i), s.start, s.end) for i, s in enumerate(suggested)]
    for seg in segments(start, end, cut):
        piece = escape(text[seg.start : seg.end])
        keys = [k for k in seg.keys if not isinstance(k, tuple)]
        sg_class, sg_attr = (
            _suggestion_attrs([suggested[k[1]] for k in seg.keys if isinstance(k, tuple)])
            if len(keys) < len(seg.keys)
            else ("", "")
        )
        if not keys:
            if sg_class:
                parts.append(
                    f'<span class="{sg_class[1:]}" data-o="{seg.start}"{sg_attr}>{piece}</span>'
                )
            else:
                parts.append(f'<span data-o="{seg.start}">{piece}</span>')
            continue
        infos = [by_id[k] for k in keys]
        s0, s1 = seg.start, seg.end
        # Everything of the mark but its ids and text depends only on what covers it and where
        # those spans start and end: built once per combination (`_mark_attrs`).
        look = tuple(
            (i.tag_id, i.tag_name, i.role, i.unlinked, i.start == s0, i.end == s1) for i in infos
        )
        classes, label = _MARKS.get(look) or _mark_attrs(look)
        stack = ""
        if stacked:  # two tags or more on exactly these words: a count marker at their end
            shared = max((stacked.get(i.id, 1) for i in infos if i.end == s1), default=1)
            stack = f' data-stack="{shared}"' if shared > 1 else ""
        ids = " ".join(str(info.id) for info in infos)
        parts.append(
            f'<mark class="{classes}{sg_class}" data-o="{s0}" data-ann="{ids}"'
            f'{sg_attr}{stack} title="{label}">{piece}</mark>'
        )
    parts.append(f"</{element}>")
    # Safe: every piece of text above went through escape(); ids and classes are integers.
    return mark_safe("".join(parts))  # noqa: S308


def render_text(
    target_key: str,
    text: str,
    spans: Iterable[SpanInfo],
    element: str = "p",
    *,
    id_prefix: str = "",
    suggested: Sequence[SuggestedSpan] = (),
) -> list[SafeString]:
    """Every paragraph of one target text, with its highlights (and pending suggestions'
    outlines)."""
    spans = sorted(spans, key=lambda s: s.start)
    out = []
    for index, bounds in enumerate(paragraph_bounds(text)):
        inside = tuple(s for s in spans if s.start < bounds[1] and s.end > bounds[0])
        near = tuple(s for s in suggested if s.start < bounds[1] and s.end > bounds[0])
        key = (
            target_key,
            index,
            bounds,
            text[bounds[0] : bounds[1]],
            inside,
            element,
            id_prefix,
            near,
        )
        html = _PARAGRAPHS.get(key)
        if html is None:
            html = render_paragraph(
                target_key,
                index,
                bounds,
                text,
                inside,
                element,
                id_prefix=id_prefix,
                suggested=near,
            )
            _PARAGRAPHS.put(key, html)
        out.append(html)
    return out


class _Memo:
    """The paragraphs drawn lately, by everything that decides their HTML: the paragraph's
    words and place, and the spans and suggestion outlines over it (frozen dataclasses, compared
    field by field — never a digest, so two inputs never share an entry). A page viewed again
    without a change in between redraws nothing; a save redraws only the paragraphs it touched.
    Per process, least recently used out first, MAX entries (a paragraph is a few KB of HTML:
    tens of MB at most). bench/bench_article_page.py measures the page with and without it."""

    MAX = 4096

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple, SafeString] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> SafeString | None:
        with self._lock:
            html = self._entries.get(key)
            if html is not None:
                self._entries.move_to_end(key)
            return html

    def put(self, key: tuple, html: SafeString) -> None:
        with self._lock:
            self._entries[key] = html
            if len(self._entries) > self.MAX:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_PARAGRAPHS = _Memo()


def render_paragraphs(
    target_key: str,
    text: str,
    spans: Iterable[SpanInfo],
    indexes: Iterable[int],
    element: str = "p",
    suggested: Sequence[SuggestedSpan] = (),
) -> list[SafeString]:
    """Only the given paragraphs: what a save swaps back into the page."""
    spans = list(spans)
    all_bounds = paragraph_bounds(text)
    out = []
    for index in sorted(set(indexes)):
        bounds = all_bounds[index]
        inside = [s for s in spans if s.start < bounds[1] and s.end > bounds[0]]
        near = [s for s in suggested if s.start < bounds[1] and s.end > bounds[0]]
        out.append(
            render_paragraph(target_key, index, bounds, text, inside, element, suggested=near)
        )
    return out


def tag_stylesheet(tags: Iterable[tuple[int, str]]) -> str:
    """Colour classes for (tag id, validated #rrggbb colour): a- background for the innermost
    span, chip- for legend and panel. The spans that enclose it (b-, c-) are drawn by their
    role's shape in ink (app.css: r-claim, r-source, …), not by a second colour: shapes add up
    where colours hide one another, and they read in greyscale."""
    rules = []
    for tag_id, colour in tags:
        if not _COLOUR.fullmatch(colour):  # never let a stray value into a stylesheet
            continue
        rules.append(
            f"mark.a-{tag_id}{{background-color:{colour}}}.chip-{tag_id}{{--chip:{colour}}}"
        )
    return "".join(rules)
