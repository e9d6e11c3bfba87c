"""Two editors' annotations of one article side by side, each column marked where the other
editor differs, with the article's agreement figures (annotations.agreement). Reviewers and
admins only."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import cast

from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from articles.models import Article
from newsroom.http import HtmxHttpRequest, permission_required

from .. import agreement
from ..models import Annotation, Tag, target_key
from ..render import highlight
from .review import REVIEW_PERM

# How a span of one editor is marked by what the other has there (annotations.agreement):
# the declarations go into the page's nonce'd stylesheet, applied to the spans by id.
MARKS = {
    agreement.ONLY: ("only this editor", "outline:2px dashed #b42318;outline-offset:0"),
    agreement.OVERLAP: ("other boundaries", "outline:2px dotted #9a3412;outline-offset:0"),
    agreement.OTHER_TAG: ("other tag", "outline:3px double #6d28d9;outline-offset:0"),
}


@dataclass(slots=True)
class Column:
    editor: str
    prefix: str  # for the ids of this column's paragraphs
    title_html: list
    caption_blocks: list
    body_html: list
    counts: dict[str, int]  # same, other_tag, overlap, only
    unmatched: list  # (quote, tag, status label) of the spans the other editor lacks


def status_stylesheet(prefix: str, status: dict[int, str]) -> str:
    """Per-status outlines for one column: `#<prefix>col mark:is([data-ann~="12"], …)`. The ids
    are integers and the declarations fixed above, so nothing else can reach the stylesheet."""
    by_status: dict[str, list[int]] = defaultdict(list)
    for pk, state in status.items():
        if state in MARKS:
            by_status[state].append(int(pk))
    rules = []
    for state, ids in sorted(by_status.items()):
        selectors = ",".join(f'[data-ann~="{pk}"]' for pk in sorted(ids))
        rules.append(f"#{prefix}col mark:is({selectors}){{{MARKS[state][1]}}}")
    return "".join(rules)


def legend_stylesheet() -> str:
    return "".join(f".mark-{state}{{{decl}}}" for state, (_, decl) in MARKS.items())


def build_column(
    article: Article,
    captions: list,
    editor: str,
    prefix: str,
    rows: list[tuple],
    status: dict[int, str],
    tags: dict[int, Tag],
) -> Column:
    spans: dict[str, list[highlight.SpanInfo]] = defaultdict(list)
    unmatched = []
    tally = Counter(
        {agreement.SAME: 0, agreement.OTHER_TAG: 0, agreement.OVERLAP: 0, agreement.ONLY: 0}
    )
    for pk, key, start, end, tag_id, quote in rows:
        state = status.get(pk, agreement.ONLY)
        tally[state] += 1
        note = MARKS.get(state, ("",))[0]
        name = tags[tag_id].name
        spans[key].append(
            highlight.SpanInfo(pk, start, end, tag_id, f"{name} ({note})" if note else name)
        )
        if state in MARKS:
            unmatched.append((quote, name, note, state))
    counts = {state.replace("-", "_"): n for state, n in tally.items()}
    caption_blocks = []
    for c in captions:
        key = target_key(Annotation.Target.CAPTION, c.pk)
        caption_blocks.append(
            (c, highlight.render_text(key, c.text, spans[key], "span", id_prefix=prefix))
        )
    return Column(
        editor=editor,
        prefix=prefix,
        title_html=highlight.render_text(
            "title", article.title, spans["title"], "span", id_prefix=prefix
        ),
        caption_blocks=caption_blocks,
        body_html=highlight.render_text("body", article.body, spans["body"], id_prefix=prefix),
        counts=counts,
        unmatched=unmatched,
    )


@require_GET
@permission_required(REVIEW_PERM)
def compare(request: HtmxHttpRequest, article_id: int) -> HttpResponse:
    """Two editors' spans of one article side by side (?a=<username>&b=<username>, by default
    the first two editors by name), each column marked where the other editor differs, with the
    article's agreement figures."""
    article = get_object_or_404(Article, pk=article_id)
    captions = list(article.captions.all())
    tags = Tag.objects.by_id()
    by_editor: dict[str, list[tuple]] = defaultdict(list)
    rows = (
        Annotation.objects.filter(article=article)
        .order_by("target", "caption_id", "start", "-end", "id")
        .values_list("id", "target", "caption_id", "start", "end", "tag_id", "quote")
        .annotate(username=F("author__username"))
    )
    for pk, target, caption_id, start, end, tag_id, quote, username in rows:
        key = target_key(target, caption_id)
        by_editor[username].append((pk, key, start, end, tag_id, quote))
    editors = sorted(by_editor)
    a = request.GET.get("a") or (editors[0] if editors else "")
    b = request.GET.get("b") or next((e for e in editors if e != a), "")
    context = {
        "article": article,
        "editors": editors,
        "a": a,
        "b": b,
        "tags": list(tags.values()),
        "tag_css": highlight.tag_stylesheet((t.pk, t.colour) for t in tags.values()),
        "problem": "",
    }
    if len(editors) < 2:
        context["problem"] = (
            "Only one editor has annotated this article: there is nothing to compare yet."
            if editors
            else "Nobody has annotated this article yet."
        )
    elif a not in by_editor or b not in by_editor:
        missing = a if a not in by_editor else b
        context["problem"] = f"“{missing}” has no annotations on this article: pick another editor."
    elif a == b:
        context["problem"] = "Pick two different editors."
    if context["problem"]:
        return render(request, "annotations/compare.html", context)

    def spans(editor: str) -> list[agreement.Span]:
        return [agreement.Span(k, s, e, t, key=pk) for pk, k, s, e, t, _ in by_editor[editor]]

    result = agreement.compare(spans(a), spans(b))
    # Keyed by Span.key: the annotation pks given above.
    status_a = cast(dict[int, str], result.status_a)
    status_b = cast(dict[int, str], result.status_b)
    columns = [
        build_column(article, captions, a, "a-", by_editor[a], status_a, tags),
        build_column(article, captions, b, "b-", by_editor[b], status_b, tags),
    ]
    context.update(
        figures=result.agreement,
        kappa=result.agreement.kappa,
        columns=columns,
        marks=[(state, label) for state, (label, _) in MARKS.items()],
        # Safe: integers and the fixed declarations of MARKS only (see status_stylesheet); the
        # quotes of the attribute selectors must reach the stylesheet unescaped.
        status_css=mark_safe(  # noqa: S308
            legend_stylesheet()
            + status_stylesheet("a-", status_a)
            + status_stylesheet("b-", status_b)
        ),
    )
    return render(request, "annotations/compare.html", context)
