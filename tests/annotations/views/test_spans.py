"""What the span endpoints (annotations.views.spans) answer and write: creating spans, the
article page, editing, deleting and restoring, attribution links, resolving sources to the
registry.

Annotation endpoints are driven the way the page drives them: htmx requests (HX-Request: true)
that get back only the fragments they changed."""

from __future__ import annotations

import html
import re
import uuid
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from annotations.models import Annotation, Attribution, Source, SourceAlias, Tag
from articles.models import Article
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}

# make_article's default body, spelt out so offsets below are plain numbers.
P0 = "The minister said on Tuesday that the bridge would open in spring."
P1 = "Engineers were less sure, according to a report seen by this newspaper."
BODY = f"{P0}\n\n{P1}"


@pytest.fixture
def client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def article():
    return make_article(body=BODY, captions=[("The old bridge at dusk", "Photo: A. Reporter")])


def tag(name: str) -> Tag:
    return Tag.objects.get(name=name)


def text_of(response) -> str:
    """The response body with HTML entities decoded, for comparing messages."""
    return html.unescape(response.content.decode())


def visible_text(response) -> str:
    """The response as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def partial(response, target: str) -> str:
    """The content of the <hx-partial> aimed at `target` (a CSS id selector)."""
    found = re.findall(
        rf'<hx-partial hx-target="{re.escape(target)}" hx-swap="[^"]+">(.*?)</hx-partial>',
        response.content.decode(),
        re.S,
    )
    assert len(found) == 1, f"expected one hx-partial for {target}, found {len(found)}"
    return found[0]


def partial_targets(response) -> list[str]:
    return re.findall(r'<hx-partial hx-target="([^"]+)"', response.content.decode())


def span_post(
    client: Client,
    article: Article,
    start: int,
    end: int,
    *,
    quote: str | None = None,
    tag_name: str = "Claim",
    target: str = "body",
    caption: Any = "",
    client_id: str | None = None,
    revision: int | None = None,
    **extra: Any,
):
    """POST what the toolbar sends; the quote defaults to the server text at [start:end]."""
    if quote is None:
        text = article.target_text(target, caption or None)
        quote = text[start:end]
    data = {
        "client_id": client_id or str(uuid.uuid4()),
        "target": target,
        "caption": caption,
        "start": start,
        "end": end,
        "quote": quote,
        "tag": tag(tag_name).pk,
        "revision": article.revision if revision is None else revision,
        **extra,
    }
    return client.post(reverse("annotations:create", args=[article.pk]), data, headers=HTMX)


def page(client: Client, article: Article) -> str:
    response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    return response.content.decode()


# --- Create -----------------------------------------------------------------------------------


def test_create_valid_span_returns_201_with_status_message(client, article):
    """A valid span is saved: 201 and a "Saved <tag>: “<quote>”" status line."""
    response = span_post(client, article, 34, 65)
    assert response.status_code == 201
    annotation = Annotation.objects.get()
    assert (
        f'<p class="msg ok" data-saved="{annotation.pk}" data-role="claim">'
        "Saved Claim: “the bridge would open in spring”</p>"
    ) in response.content.decode()


def test_create_returns_changed_paragraph_with_new_mark(client, article):
    """The response re-renders the paragraph the span lies in, with the new highlight, and
    leaves the other paragraph alone."""
    response = span_post(client, article, 34, 65)
    annotation = Annotation.objects.get()
    paragraph = partial(response, "#t-body-p0")
    assert paragraph.startswith('<p class="para" id="t-body-p0" data-o="0">')
    assert (
        f'<mark class="hl a-{tag("Claim").pk} unlinked r-claim o-claim e-claim" data-o="34" data-ann="{annotation.pk}" '
        'title="Claim">the bridge would open in spring</mark>'
    ) in paragraph
    assert "#t-body-p1" not in partial_targets(response)


def test_create_appends_the_new_item_after_the_last_in_reading_order(client, article):
    """Only the new panel item comes back, appended when nothing follows it, with the count."""
    make_annotation(article, "Source", quote="The minister")
    response = span_post(client, article, 34, 65)
    annotation = Annotation.objects.get(tag__name="Claim")
    item = partial(response, "#ann-loose")
    assert 'hx-target="#ann-loose" hx-swap="beforeend"' in response.content.decode()
    assert item.count('<li id="ann-') == 1
    assert item.startswith(f'<li id="ann-{annotation.pk}" class="ann" data-ann="{annotation.pk}"')
    assert partial(response, "#ann-count") == "2"


def test_create_inserts_the_new_item_before_the_next_in_reading_order(client, article):
    """A span earlier in the text than an existing one goes in before it in the panel."""
    later = make_annotation(article, "Claim", start=34, end=65)
    response = span_post(client, article, 4, 12, tag_name="Source")
    new = Annotation.objects.exclude(pk=later.pk).get()
    item = partial(response, f"#ann-{later.pk}")
    assert f'hx-target="#ann-{later.pk}" hx-swap="beforebegin"' in response.content.decode()
    assert item.startswith(f'<li id="ann-{new.pk}" class="ann"')


def test_create_stores_quote_and_context_from_server_text(client, article):
    """quote, prefix and suffix are cut from the server's text, 32 characters either side."""
    span_post(client, article, 34, 65)
    annotation = Annotation.objects.get()
    assert (annotation.target, annotation.start, annotation.end) == ("body", 34, 65)
    assert annotation.quote == "the bridge would open in spring"
    assert annotation.prefix == "e minister said on Tuesday that "
    assert annotation.suffix == ".\n\nEngineers were less sure, acc"


def test_create_moves_new_article_into_annotation(client, article):
    """The first span moves the article from "new" to "in annotation"."""
    assert article.status == Article.Status.NEW
    span_post(client, article, 34, 65)
    article.refresh_from_db()
    assert article.status == Article.Status.IN_ANNOTATION


def test_create_same_client_id_twice_gives_one_annotation(client, article):
    """A repeated save (retry, double click) is a no-op: one row, and 200 the second time."""
    client_id = str(uuid.uuid4())
    first = span_post(client, article, 34, 65, client_id=client_id)
    second = span_post(client, article, 34, 65, client_id=client_id)
    assert (first.status_code, second.status_code) == (201, 200)
    annotation = Annotation.all_objects.get()
    assert str(annotation.client_id) == client_id
    assert f'data-saved="{annotation.pk}"' in second.content.decode()


def test_create_with_client_id_of_someone_elses_annotation_is_409(client, article):
    """A client id already used by another user's span is not answered with that span: 409,
    and no second row."""
    theirs = make_annotation(article, quote="less sure", author=make_user(role="editor"))
    response = span_post(client, article, 34, 65, client_id=str(theirs.client_id))
    assert response.status_code == 409
    assert "That save id belongs to another annotation." in response.content.decode()
    assert Annotation.all_objects.count() == 1


def other_articles_caption(article):
    other = make_article(title="Another story", captions=[("A different caption", "")])
    return other.captions.get().pk


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param(
            {"start": 34, "end": 65, "quote": "the bridge would open in summer"},
            "The selected text does not match the article at 34–65: "
            "expected “the bridge would open in spring”, got “the bridge would open in summer”.",
            id="quote-mismatch",
        ),
        pytest.param(
            {"start": 130, "end": 140, "quote": "newspaper."},
            "The span 130–140 lies outside the text, which is 139 characters long.",
            id="end-out-of-range",
        ),
        pytest.param(
            {"start": 40, "end": 40, "quote": "x"},
            "The span is empty: start must come before end.",
            id="start-equals-end",
        ),
        pytest.param(
            {"start": 65, "end": 34, "quote": "x"},
            "The span is empty: start must come before end.",
            id="start-after-end",
        ),
        pytest.param(
            {"start": 34, "end": 65, "tag": 999_999},
            "That tag no longer exists: reload the page.",
            id="unknown-tag",
        ),
        pytest.param(
            {"start": 0, "end": 5, "quote": "A dif", "target": "caption", "caption": "OTHER"},
            "That caption is not part of this article.",
            id="caption-of-another-article",
        ),
        pytest.param(
            {"start": 34, "end": 65, "revision": "STALE"},
            "This article's text changed since the page was loaded, so the selection may point "
            "at different words. Reload the page and select again.",
            id="stale-revision",
        ),
    ],
)
def test_create_rejects_bad_span_with_422_and_writes_nothing(client, article, fields, message):
    """An invalid span is refused with 422 (a stale page with 409) and a message saying why; no
    row is written and the article stays new."""
    data = {
        "client_id": str(uuid.uuid4()),
        "target": "body",
        "caption": "",
        "quote": BODY[34:65],
        "tag": tag("Claim").pk,
        "revision": article.revision,
        **fields,
    }
    if data["caption"] == "OTHER":
        data["caption"] = other_articles_caption(article)
    if data["revision"] == "STALE":
        # Someone changed the text after this page loaded; the page still sends the old number.
        data["revision"] = article.revision
        article.body = BODY.replace("spring", "summer")
        article.save()
        assert article.revision == data["revision"] + 1
    response = client.post(reverse("annotations:create", args=[article.pk]), data, headers=HTMX)
    # A stale page is a conflict with the article's current state (409); the rest is bad input.
    assert response.status_code == (409 if fields.get("revision") == "STALE" else 422)
    assert message in text_of(response)
    assert Annotation.all_objects.count() == 0
    article.refresh_from_db()
    assert article.status == Article.Status.NEW


def test_create_span_across_two_paragraphs_returns_both(client, article):
    """A span from the first paragraph into the second is saved; both paragraphs come back,
    each with its part of the highlight."""
    start, end = BODY.index("spring"), BODY.index(" were")
    response = span_post(client, article, start, end)
    assert response.status_code == 201
    annotation = Annotation.objects.get()
    assert annotation.quote == "spring.\n\nEngineers"
    assert partial_targets(response)[:2] == ["#t-body-p0", "#t-body-p1"]
    p0, p1 = partial(response, "#t-body-p0"), partial(response, "#t-body-p1")
    assert f'data-o="{start}" data-ann="{annotation.pk}" title="Claim">spring.</mark>' in p0
    assert f'data-o="{len(P0) + 2}" data-ann="{annotation.pk}" title="Claim">Engineers</mark>' in (
        p1
    )


def test_create_span_in_caption(client, article):
    """A span inside a caption is saved against that caption, and the caption comes back."""
    caption = article.captions.get()
    response = span_post(client, article, 4, 14, target="caption", caption=caption.pk)
    assert response.status_code == 201
    annotation = Annotation.objects.get()
    assert (annotation.target, annotation.caption_id, annotation.quote) == (
        "caption",
        caption.pk,
        "old bridge",
    )
    fragment = partial(response, f"#t-caption-{caption.pk}-p0")
    assert fragment.startswith(f'<span class="para" id="t-caption-{caption.pk}-p0"')
    assert f'data-ann="{annotation.pk}" title="Claim">old bridge</mark>' in fragment


def test_create_span_in_title(client, article):
    """A span in the title is saved against the title."""
    response = span_post(client, article, 0, 8, target="title")
    assert response.status_code == 201
    annotation = Annotation.objects.get()
    assert (annotation.target, annotation.quote) == ("title", "Minister")
    assert f'data-ann="{annotation.pk}"' in partial(response, "#t-title-p0")


EMOJI_BODY = "Fans reacted 👍🏽 when the minister spoke."


def test_create_offsets_are_code_points_after_emoji(client):
    """Offsets count code points: "👍🏽" is two of them, so "the minister" starts at 21."""
    article = make_article(body=EMOJI_BODY)
    response = span_post(client, article, 21, 33, quote="the minister")
    assert response.status_code == 201
    annotation = Annotation.objects.get()
    assert (annotation.start, annotation.end, annotation.quote) == (21, 33, "the minister")
    assert annotation.prefix == "Fans reacted 👍🏽 when "


def test_create_refuses_utf16_offsets_after_emoji(client):
    """UTF-16 offsets (23–35 for "the minister", as a naive JavaScript count would give) do not
    match the text and are refused."""
    article = make_article(body=EMOJI_BODY)
    response = span_post(client, article, 23, 35, quote="the minister")
    assert response.status_code == 422
    assert "does not match the article at 23–35" in text_of(response)
    assert Annotation.all_objects.count() == 0


def test_overlapping_spans_are_allowed(client, article):
    """A span that overlaps another one is saved, and the overlap is marked with both."""
    first = span_post(client, article, 0, 17)  # "The minister said"
    second = span_post(client, article, 4, 28)  # "minister said on Tuesday"
    assert (first.status_code, second.status_code) == (201, 201)
    a, b = Annotation.objects.order_by("id")
    assert data_ann_sets(partial(second, "#t-body-p0")) == [{a.pk}, {a.pk, b.pk}, {b.pk}]


def test_nested_spans_are_allowed(client, article):
    """A span inside another one is saved, and the inner part is marked with both."""
    outer = span_post(client, article, 34, 65)  # "the bridge would open in spring"
    inner = span_post(client, article, 38, 44, tag_name="Source")  # "bridge"
    assert (outer.status_code, inner.status_code) == (201, 201)
    a, b = Annotation.objects.order_by("id")
    assert b.quote == "bridge"
    assert data_ann_sets(partial(inner, "#t-body-p0")) == [{a.pk}, {a.pk, b.pk}, {a.pk}]


def data_ann_sets(fragment: str) -> list[set[int]]:
    return [
        {int(x) for x in ids.split()}
        for ids in re.findall(r'<mark [^>]*data-ann="([^"]+)"', fragment)
    ]


# --- The article page -------------------------------------------------------------------------


@pytest.fixture
def annotated(article, editor):
    claim = make_annotation(
        article, "Claim", quote="the bridge would open in spring", author=editor
    )
    source = make_annotation(article, "Source", quote="The minister", author=editor)
    cue = make_annotation(article, "Cue", quote="said", author=editor)
    return article, [claim, source, cue]


def test_page_lists_each_annotation_once_in_panel(client, annotated):
    """Each live annotation has exactly one panel item, in reading order."""
    article, (claim, source, cue) = annotated
    html_ = page(client, article)
    items = re.findall(r'<li id="ann-(\d+)"', html_)
    assert items == [str(source.pk), str(cue.pk), str(claim.pk)]
    assert '<span id="ann-count" class="count">3</span>' in html_


def test_page_hides_deleted_annotation(client, annotated):
    """A soft-deleted annotation has neither a panel item nor a highlight."""
    article, (claim, source, cue) = annotated
    claim.mark_deleted()
    html_ = page(client, article)
    assert f'id="ann-{claim.pk}"' not in html_
    assert f'data-ann="{claim.pk}"' not in html_
    assert '<span id="ann-count" class="count">2</span>' in html_


def test_page_highlights_annotations(client, annotated):
    """Each annotation is highlighted in the text by a <mark> carrying its id."""
    article, (claim, source, cue) = annotated
    html_ = page(client, article)
    assert (
        f'<mark class="hl a-{tag("Source").pk} r-source o-source e-source" data-o="0" data-ann="{source.pk}" '
        'title="Source">The minister</mark>'
    ) in html_
    assert f'data-ann="{cue.pk}" title="Cue">said</mark>' in html_
    assert f'data-ann="{claim.pk}" title="Claim">the bridge would open in spring</mark>' in html_


def test_page_shows_legend_of_tags_with_keys(client, article):
    """The legend lists every tag with its keyboard shortcut."""
    html_ = page(client, article)
    legend = re.search(r'<ul class="legend"[^>]*>(.*?)</ul>', html_, re.S).group(1)
    for name, key in [("Claim", "c"), ("Source", "s"), ("Cue", "u"), ("Quote", "q")]:
        assert f"{name} <kbd>{key}</kbd>" in legend


def test_page_shows_toolbar_to_editor(client, article):
    """An editor, who may annotate, gets the tagging toolbar posting to the create endpoint."""
    html_ = page(client, article)
    assert 'id="tag-toolbar"' in html_
    assert f'hx-post="/annotations/articles/{article.pk}/create/"' in html_


def test_page_hides_toolbar_from_reviewer(article):
    """A reviewer, who may not create spans, gets no toolbar and no create URL."""
    client = Client()
    client.force_login(make_user(role="reviewer"))
    html_ = page(client, article)
    assert 'id="tag-toolbar"' not in html_
    assert f"/annotations/articles/{article.pk}/create/" not in html_


def populate(article: Article, n: int) -> None:
    """n annotations by several authors over the title, a caption and the body, with resolved
    sources, attributions to spans and to registry entries, cues and notes."""
    authors = [make_user(role="editor") for _ in range(3)]
    caption = article.captions.get()
    sources: list[Annotation] = []
    cues: list[Annotation] = []
    kinds = ["Source", "Cue", "Claim", "Quote"]
    for i in range(n):
        kind = kinds[i % 4]
        author = authors[i % 3]
        if i % 10 == 8:
            ann = make_annotation(article, kind, 4, 12, author=author, target="title")
        elif i % 10 == 9:
            ann = make_annotation(
                article, kind, 0, 3, author=author, target="caption", caption=caption
            )
        else:
            start = (i * 7) % (len(article.body) - 10)
            ann = make_annotation(
                article, kind, start, start + 5 + i % 5, author=author, note=f"<b>n{i}</b>"
            )
        if kind == "Source":
            entry = Source.objects.create(name=f"{article.pk}: entry {i}", kind=Source.Kind.PERSON)
            ann.source_entry = entry
            ann.save()
            sources.append(ann)
        elif kind == "Cue":
            cues.append(ann)
        elif kind == "Claim":
            Attribution.objects.create(
                claim=ann, source_span=sources[-1], cue=cues[-1], author=author
            )
            Attribution.objects.create(
                claim=ann, source_entry=sources[-1].source_entry, author=author
            )
    # Content in fragments: each claim's first attribution carries on in the next claim.
    claims = list(
        Annotation.objects.filter(article=article, tag__role=Tag.Role.CLAIM).reading_order()
    )
    for claim, later in zip(claims, claims[1:], strict=False):
        claim.attributions.order_by("id").first().fragments.add(later)


def count_page_queries(user, n: int) -> tuple[int, str]:
    article = make_article(
        title="Minister says the bridge will open",
        body="\n\n".join(f"Paragraph {i}: the minister said it would open." for i in range(12)),
        captions=[("The old bridge", "")],
    )
    populate(article, n)
    assert Annotation.objects.filter(article=article).count() == n
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_page_query_count_does_not_grow_with_annotations(editor):
    """The article page runs as many queries for 60 annotations (with attributions, cues,
    content fragments and resolved sources) as for 5."""
    few, few_html = count_page_queries(editor, 5)
    many, many_html = count_page_queries(editor, 60)
    # The pages really show what was made: items, links and resolved entries.
    assert few_html.count('<li id="ann-') == 5
    assert many_html.count('<li id="ann-') == 60
    assert many_html.count('<span class="muted">source</span>') == 2 * 15
    assert re.search(r"= <strong>\d+: entry 56</strong>", many_html)
    assert many_html.count('<span class="fragment" data-fragment=') == 15 - 1
    assert few == many


# --- Edit -------------------------------------------------------------------------------------


def test_edit_form_shows_current_tag_and_note(client, editor, article):
    """GET edit returns the inline form with the span's tag selected and its note filled in."""
    claim = make_annotation(article, "Claim", quote="less sure", author=editor, note="Check")
    response = client.get(reverse("annotations:edit", args=[claim.pk]), headers=HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<option value="{tag("Claim").pk}" selected>Claim</option>' in body
    assert ">Check</textarea>" in body


def test_edit_changes_tag_and_note(client, editor, article):
    """Saving the edit form changes the tag and the note, and the item shows both."""
    claim = make_annotation(article, "Claim", quote="less sure", author=editor)
    response = client.post(
        reverse("annotations:edit", args=[claim.pk]),
        {"tag": tag("Quote").pk, "note": "Verified with the engineers."},
        headers=HTMX,
    )
    assert response.status_code == 200
    claim.refresh_from_db()
    assert (claim.tag.name, claim.note) == ("Quote", "Verified with the engineers.")
    body = response.content.decode()
    assert "<strong>Quote</strong>" in body
    assert '<div class="note">Verified with the engineers.</div>' in body


def test_edit_tag_change_returns_paragraph_with_new_colour(client, editor, article):
    """Changing the tag re-renders the paragraph so the highlight takes the new tag's class."""
    claim = make_annotation(article, "Claim", quote="less sure", author=editor)
    response = client.post(
        reverse("annotations:edit", args=[claim.pk]), {"tag": tag("Quote").pk}, headers=HTMX
    )
    fragment = partial(response, "#t-body-p1")
    assert (
        f'<mark class="hl a-{tag("Quote").pk} r-quote o-quote e-quote" data-o="83" data-ann="{claim.pk}"'
        in fragment
    )


def test_edit_sanitises_note(client, editor, article):
    """A note keeps harmless formatting; a <script> (and its content) is removed on save."""
    claim = make_annotation(article, "Claim", quote="less sure", author=editor)
    response = client.post(
        reverse("annotations:edit", args=[claim.pk]),
        {
            "tag": tag("Claim").pk,
            "note": '<b>Verified</b><script>alert("x")</script><a href="javascript:evil()">x</a>',
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    claim.refresh_from_db()
    assert "<script" not in claim.note
    assert "alert" not in claim.note
    assert "javascript:" not in claim.note
    assert claim.note.startswith("<b>Verified</b>")
    assert "<script" not in response.content.decode()


def test_edit_claim_to_source_drops_its_attributions(client, editor, article):
    """A claim retagged as a Source keeps no attributions: a source cannot be attributed."""
    claim = make_annotation(article, "Claim", quote="less sure", author=editor)
    source = make_annotation(article, "Source", quote="Engineers", author=editor)
    Attribution.objects.create(claim=claim, source_span=source, author=editor)
    response = client.post(
        reverse("annotations:edit", args=[claim.pk]), {"tag": tag("Source").pk}, headers=HTMX
    )
    assert response.status_code == 200
    assert Attribution.objects.filter(claim=claim).count() == 0
    assert Annotation.objects.filter(pk=source.pk).exists()


def test_edit_with_unknown_tag_is_refused(client, editor, article):
    """An edit naming a tag that does not exist is refused with 422 and changes nothing."""
    claim = make_annotation(article, "Claim", quote="less sure", author=editor)
    response = client.post(
        reverse("annotations:edit", args=[claim.pk]), {"tag": 999_999, "note": "x"}, headers=HTMX
    )
    assert response.status_code == 422
    claim.refresh_from_db()
    assert (claim.tag.name, claim.note) == ("Claim", "")


# --- Delete and restore -----------------------------------------------------------------------


def test_delete_is_soft(client, editor, article):
    """Delete hides the annotation but keeps the row for undo."""
    claim = make_annotation(article, "Claim", quote="less sure", author=editor)
    response = client.post(reverse("annotations:delete", args=[claim.pk]), headers=HTMX)
    assert response.status_code == 200
    assert not Annotation.objects.filter(pk=claim.pk).exists()
    assert Annotation.all_objects.get(pk=claim.pk).deleted_at is not None


def test_delete_returns_undo_item_and_paragraph_without_mark(client, editor, article):
    """The deleted item offers Undo (restore); its paragraph comes back without the mark, and
    the count drops."""
    claim = make_annotation(article, "Claim", quote="less sure", author=editor)
    response = client.post(reverse("annotations:delete", args=[claim.pk]), headers=HTMX)
    body = response.content.decode()
    assert f'<li id="ann-{claim.pk}" class="ann deleted">' in body
    assert "Deleted Claim “less sure”." in text_of(response)
    assert f'hx-post="/annotations/{claim.pk}/restore/"' in body
    assert ">Undo</button>" in body
    fragment = partial(response, "#t-body-p1")
    assert "<mark" not in fragment
    assert "less sure" in fragment
    assert partial(response, "#ann-count") == "0"


def test_restore_brings_annotation_back_with_its_mark(client, editor, article):
    """Restore makes a deleted annotation live again; its item and highlight come back."""
    claim = make_annotation(article, "Claim", quote="less sure", author=editor)
    claim.mark_deleted()
    response = client.post(reverse("annotations:restore", args=[claim.pk]), headers=HTMX)
    assert response.status_code == 200
    assert Annotation.objects.get(pk=claim.pk).deleted_at is None
    body = response.content.decode()
    assert f'<li id="ann-{claim.pk}" class="ann" data-ann="{claim.pk}"' in body
    fragment = partial(response, "#t-body-p1")
    assert f'data-o="83" data-ann="{claim.pk}" title="Claim">less sure</mark>' in fragment
    assert partial(response, "#ann-count") == "1"


# --- Link and unlink --------------------------------------------------------------------------


@pytest.fixture
def triple(article, editor):
    claim = make_annotation(
        article, "Claim", quote="the bridge would open in spring", author=editor
    )
    source = make_annotation(article, "Source", quote="The minister", author=editor)
    cue = make_annotation(article, "Cue", quote="said", author=editor)
    return claim, source, cue


def link(client, claim, **data):
    return client.post(reverse("annotations:link", args=[claim.pk]), data, headers=HTMX)


def test_link_form_offers_only_source_and_cue_spans(client, triple):
    """The link form lists the article's Source spans as sources and its Cue spans as cues."""
    claim, source, cue = triple
    response = client.get(reverse("annotations:link", args=[claim.pk]), headers=HTMX)
    body = html.unescape(response.content.decode())
    source_select = re.search(r'<select name="source_span".*?</select>', body, re.S).group(0)
    cue_select = re.search(r'<select name="cue".*?</select>', body, re.S).group(0)
    assert re.findall(r'<option value="(\d+)"', source_select) == [str(source.pk)]
    assert re.findall(r'<option value="(\d+)"', cue_select) == [str(cue.pk)]
    assert "“The minister”" in source_select


def test_link_claim_to_source_span_and_cue(client, editor, triple):
    """Linking saves one attribution (claim, source span, cue) by the user, shown on the item."""
    claim, source, cue = triple
    response = link(client, claim, source_span=source.pk, cue=cue.pk)
    assert response.status_code == 200
    attribution = Attribution.objects.get()
    assert (attribution.claim, attribution.source_span, attribution.cue) == (claim, source, cue)
    assert attribution.source_entry is None
    assert attribution.author == editor
    assert "source “The minister” cue “said”" in visible_text(response)


def test_link_claim_to_registry_entry(client, editor, triple):
    """A claim can be attributed to a registry entry instead of a span."""
    claim, source, cue = triple
    entry = Source.objects.create(name="Ministry of Transport", kind=Source.Kind.GOVERNMENT)
    response = link(client, claim, source_entry=entry.pk)
    assert response.status_code == 200
    attribution = Attribution.objects.get()
    assert (attribution.source_span, attribution.source_entry) == (None, entry)


def test_link_to_non_source_span_is_refused(client, editor, triple):
    """A span that is not tagged Source cannot be the source: 422, nothing written."""
    claim, source, cue = triple
    response = link(client, claim, source_span=cue.pk)
    assert response.status_code == 422
    assert Attribution.objects.count() == 0


def test_link_to_non_cue_span_as_cue_is_refused(client, editor, triple):
    """A span that is not tagged Cue cannot be the cue: 422, nothing written."""
    claim, source, cue = triple
    response = link(client, claim, source_span=source.pk, cue=source.pk)
    assert response.status_code == 422
    assert Attribution.objects.count() == 0


def test_link_to_span_of_another_article_is_refused(client, editor, triple):
    """A Source span of another article cannot be the source: 422, nothing written."""
    claim, source, cue = triple
    elsewhere = make_annotation(make_article(title="Elsewhere"), "Source", quote="The minister")
    response = link(client, claim, source_span=elsewhere.pk)
    assert response.status_code == 422
    assert Attribution.objects.count() == 0


def test_link_refusal_says_why(client, editor, triple):
    """A refused pick is explained next to the field: a Claim offered as the cue is not one of
    the Cue spans, and the form says so instead of silently coming back."""
    claim, source, cue = triple
    response = link(client, claim, source_span=source.pk, cue=claim.pk)
    assert response.status_code == 422
    assert "Select a valid choice." in text_of(response)


def test_duplicate_link_is_refused(client, editor, triple):
    """The same source and cue cannot be linked to a claim twice."""
    claim, source, cue = triple
    assert link(client, claim, source_span=source.pk, cue=cue.pk).status_code == 200
    response = link(client, claim, source_span=source.pk, cue=cue.pk)
    assert response.status_code == 422
    assert "This claim already has that source and cue." in response.content.decode()
    assert Attribution.objects.count() == 1


def test_link_on_non_claim_is_refused(client, editor, triple):
    """Only Claim spans take attributions: linking from a Source span is refused with 422."""
    claim, source, cue = triple
    response = link(client, source, source_entry=Source.objects.create(name="X", kind="person").pk)
    assert response.status_code == 422
    assert "Only Claim spans link to sources and cues." in response.content.decode()
    assert Attribution.objects.count() == 0


def test_unlink_removes_attribution(client, editor, triple):
    """Unlink deletes the attribution; the claim's item comes back without it."""
    claim, source, cue = triple
    attribution = Attribution.objects.create(
        claim=claim, source_span=source, cue=cue, author=editor
    )
    response = client.post(reverse("annotations:unlink", args=[attribution.pk]), headers=HTMX)
    assert response.status_code == 200
    assert Attribution.objects.count() == 0
    body = response.content.decode()
    assert f'<li id="ann-{claim.pk}"' in body
    assert 'class="links"' not in body


# --- Resolve ----------------------------------------------------------------------------------


@pytest.fixture
def ministry():
    return Source.objects.create(name="Ministry of Transport", kind=Source.Kind.GOVERNMENT)


def resolve(client, span, **data):
    """POST the Resolve form as the page does: with the article revision it was opened at."""
    data.setdefault("revision", span.article.revision)
    return client.post(reverse("annotations:resolve", args=[span.pk]), data, headers=HTMX)


def preselected(body: str) -> list[str]:
    """The entries the Resolve form's type-ahead opens on (the active option: Enter picks it)."""
    return re.findall(r'data-value="(\d+)"[^>]*aria-selected="true"', body)


def test_resolve_source_span_to_existing_entry(client, editor, ministry):
    """Resolving points the Source span at the registry entry, shown on the item."""
    article = make_article(body="The ministry said the bridge would open.")
    span = make_annotation(article, "Source", quote="The ministry", author=editor)
    response = resolve(client, span, source=ministry.pk)
    assert response.status_code == 200
    span.refresh_from_db()
    assert span.source_entry == ministry
    assert "= <strong>Ministry of Transport</strong>" in response.content.decode()


def test_resolve_records_words_as_an_unconfirmed_candidate(client, editor, ministry):
    """Without "remember as alias" the span's words become a candidate alias only (spaces
    collapsed, case-folded for matching): unconfirmed, so they match nowhere else."""
    article = make_article(body="The  ministry said the bridge would open.")
    span = make_annotation(article, "Source", quote="The  ministry", author=editor)
    resolve(client, span, source=ministry.pk)
    alias = SourceAlias.objects.get()
    assert (alias.source, alias.alias, alias.normalised, alias.confirmed) == (
        ministry,
        "The ministry",
        "the ministry",
        False,
    )


def test_remember_as_alias_confirms_a_name(client, editor, ministry):
    """Ticking "remember as alias" on words with a name confirms the alias, by the editor."""
    article = make_article(body="The Transport Ministry said the bridge would open.")
    span = make_annotation(article, "Source", quote="The Transport Ministry", author=editor)
    resolve(client, span, source=ministry.pk, remember="on")
    alias = SourceAlias.objects.get()
    assert (alias.alias, alias.confirmed, alias.confirmed_by) == (
        "The Transport Ministry",
        True,
        editor,
    )
    assert alias.confirmed_at is not None


def test_remember_as_alias_leaves_a_generic_description_for_an_admin(client, editor, ministry):
    """ "The ministry" is a description: even ticked, it stays an unconfirmed candidate."""
    article = make_article(body="The ministry said the bridge would open.")
    span = make_annotation(article, "Source", quote="The ministry", author=editor)
    resolve(client, span, source=ministry.pk, remember="on")
    assert SourceAlias.objects.get().confirmed is False


def test_resolving_a_pronoun_never_stores_an_alias(client, editor):
    """ "He" resolved (remember ticked or not) points the span at the entry and stores no
    alias: a pronoun names someone only in its own sentence."""
    reporter = Source.objects.create(name="Lena Varga", kind=Source.Kind.MEDIA)
    body = "He said the talks had stalled.\n\nHe said so again."
    article = make_article(body=body)
    first = make_annotation(article, "Source", quote="He", author=editor)
    at = body.rindex("He")
    second = make_annotation(article, "Source", at, at + 2, author=editor)
    resolve(client, first, source=reporter.pk, remember="on")
    resolve(client, second, source=reporter.pk)
    first.refresh_from_db()
    assert first.source_entry == reporter
    assert SourceAlias.objects.count() == 0


def test_a_pronoun_resolved_in_one_article_is_not_preselected_in_another(client, editor):
    """Issue 10: once "he" was resolved to a correspondent in one article, "he" in another
    came pre-selected as that correspondent. Now nothing is suggested or pre-selected."""
    reporter = Source.objects.create(name="Lena Varga", kind=Source.Kind.MEDIA)
    Source.objects.create(name="Omar Haddad", kind=Source.Kind.PERSON)
    one = make_article(body="He said the convoy had left at dawn.")
    other = make_article(body="He said the ceasefire would hold.")
    resolve(client, make_annotation(one, "Source", quote="He", author=editor), source=reporter.pk)
    span = make_annotation(other, "Source", quote="He", author=editor)
    response = client.get(reverse("annotations:resolve", args=[span.pk]), headers=HTMX)
    body = response.content.decode()
    assert "cb-option suggested" not in body
    assert preselected(body) == []
    assert "never remembered as an alias" in body
    assert 'name="remember"' not in body


def test_a_pronoun_never_preselects_even_a_stored_confirmed_alias(client, editor):
    """A "he" alias left from before (or made in a shell) pre-selects nothing."""
    reporter = Source.objects.create(name="Lena Varga", kind=Source.Kind.MEDIA)
    SourceAlias.objects.create(
        source=reporter, alias="he", confirmed=True, confirmed_at=timezone.now()
    )
    span = make_annotation(make_article(body="He said so."), "Source", quote="He", author=editor)
    response = client.get(reverse("annotations:resolve", args=[span.pk]), headers=HTMX)
    assert preselected(response.content.decode()) == []


def test_words_resolved_in_one_article_do_not_preselect_in_another(client, editor, ministry):
    """An unconfirmed candidate ("the ministry" resolved once) pre-selects nothing in another
    article."""
    one = make_article(body="The ministry said so.")
    other = make_article(body="The ministry said otherwise.")
    first = make_annotation(one, "Source", quote="The ministry", author=editor)
    resolve(client, first, source=ministry.pk, remember="on")
    span = make_annotation(other, "Source", quote="The ministry", author=editor)
    response = client.get(reverse("annotations:resolve", args=[span.pk]), headers=HTMX)
    body = response.content.decode()
    assert "cb-option suggested" not in body
    assert preselected(body) == []


def test_a_confirmed_alias_preselects_its_entry_in_another_article(client, editor, ministry):
    """Words an editor confirmed as an alias pre-select the entry in any article (any case)."""
    Source.objects.create(name="Other Office", kind=Source.Kind.GOVERNMENT)
    one = make_article(body="The Transport Ministry said so.")
    other = make_article(body="The transport ministry said otherwise.")
    first = make_annotation(one, "Source", quote="The Transport Ministry", author=editor)
    resolve(client, first, source=ministry.pk, remember="on")
    span = make_annotation(other, "Source", quote="The transport ministry", author=editor)
    response = client.get(reverse("annotations:resolve", args=[span.pk]), headers=HTMX)
    body = response.content.decode()
    assert preselected(body) == [str(ministry.pk)]
    assert body.count("cb-option suggested") == 1


def test_resolve_preselects_the_entry_the_same_words_got_in_the_same_article(
    client, editor, ministry
):
    """Within one article, the same words resolved earlier pre-select that entry (no alias
    needed): they mean the same there."""
    Source.objects.create(name="Other Office", kind=Source.Kind.GOVERNMENT)
    article = make_article(body="The ministry said so.\n\nLater the ministry said it again.")
    first = make_annotation(article, "Source", quote="The ministry", author=editor)
    second = make_annotation(article, "Source", quote="the ministry", author=editor)
    resolve(client, first, source=ministry.pk)
    response = client.get(reverse("annotations:resolve", args=[second.pk]), headers=HTMX)
    assert preselected(response.content.decode()) == [str(ministry.pk)]


def test_resolving_without_remember_keeps_a_confirmed_alias_confirmed(client, editor, ministry):
    """Leaving the box unticked never undoes an earlier confirmation."""
    confirmed = SourceAlias.objects.create(
        source=ministry, alias="Transport Ministry", confirmed=True, confirmed_at=timezone.now()
    )
    article = make_article(body="Transport Ministry said so.")
    resolve(client, make_annotation(article, "Source", quote="Transport Ministry", author=editor),
            source=ministry.pk)  # fmt: skip
    confirmed.refresh_from_db()
    assert confirmed.confirmed is True


def test_resolving_a_new_entry_can_confirm_its_alias(client, editor):
    """A new entry made inline gets the span's words as a confirmed alias when remembered."""
    article = make_article(body="ORR said the bridge was safe.")
    span = make_annotation(article, "Source", quote="ORR", author=editor)
    resolve(client, span, q="Office of Rail and Road", new_kind="government", remember="on")
    alias = SourceAlias.objects.get()
    assert (alias.source.name, alias.alias, alias.confirmed_by) == (
        "Office of Rail and Road",
        "ORR",
        editor,
    )


def test_words_equal_to_the_entry_name_store_no_alias(client, editor, ministry):
    """Resolving "Ministry of Transport" to the entry of that name adds no alias."""
    article = make_article(body="The Ministry of Transport said so.")
    span = make_annotation(article, "Source", quote="Ministry of Transport", author=editor)
    resolve(client, span, source=ministry.pk, remember="on")
    assert not SourceAlias.objects.exists()


def test_resolve_form_offers_remember_unticked(client, editor, ministry):
    """The form offers "remember as alias", not ticked by default."""
    article = make_article(body="Kyiv Post said so.")
    span = make_annotation(article, "Source", quote="Kyiv Post", author=editor)
    response = client.get(reverse("annotations:resolve", args=[span.pk]), headers=HTMX)
    body = response.content.decode()
    assert re.search(r'<input type="checkbox" name="remember" id="[^"]+">', body)


def test_resolve_form_without_history_suggests_nothing(client, editor, ministry):
    """A span whose words match no entry or alias gets no suggestion and nothing preselected."""
    article = make_article(body="The ministry said so.")
    span = make_annotation(article, "Source", quote="The ministry", author=editor)
    response = client.get(reverse("annotations:resolve", args=[span.pk]), headers=HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert "cb-option suggested" not in body
    assert preselected(body) == []


def test_resolve_creates_new_entry_inline(client, editor):
    """Giving a name and kind creates the registry entry and resolves the span to it."""
    article = make_article(body="The regulator said the bridge was safe.")
    span = make_annotation(article, "Source", quote="The regulator", author=editor)
    response = resolve(client, span, q="  Office of  Rail and Road ", new_kind="government")
    assert response.status_code == 200
    entry = Source.objects.get()
    assert (entry.name, entry.kind) == ("Office of Rail and Road", "government")
    span.refresh_from_db()
    assert span.source_entry == entry
    assert SourceAlias.objects.get().normalised == "the regulator"  # a candidate only


def test_resolve_typed_words_without_a_pick_are_refused(client, editor):
    """Words typed but neither an entry nor a "Create" option picked: 422 with a message, the
    words kept in the input, nothing created."""
    article = make_article(body="The regulator said the bridge was safe.")
    span = make_annotation(article, "Source", quote="The regulator", author=editor)
    response = resolve(client, span, q="Office of Rail and Road")
    assert response.status_code == 422
    assert "Pick an entry from the list, or “Create” one" in text_of(response)
    assert 'value="Office of Rail and Road"' in response.content.decode()
    assert Source.objects.count() == 0
    span.refresh_from_db()
    assert span.source_entry is None


def test_resolve_create_needs_words(client, editor):
    """A "Create" kind picked with the input emptied is refused with 422 and a message."""
    article = make_article(body="The regulator said the bridge was safe.")
    span = make_annotation(article, "Source", quote="The regulator", author=editor)
    response = resolve(client, span, q="  ", new_kind="government")
    assert response.status_code == 422
    assert "Type the name of the new entry." in text_of(response)
    assert Source.objects.count() == 0


def test_resolve_on_non_source_span_is_refused(client, editor, ministry):
    """Only Source spans resolve to the registry: a Claim is refused with 422."""
    article = make_article(body="The ministry said so.")
    claim = make_annotation(article, "Claim", quote="said so", author=editor)
    response = resolve(client, claim, source=ministry.pk)
    assert response.status_code == 422
    claim.refresh_from_db()
    assert claim.source_entry is None


def test_unresolve_clears_entry(client, editor, ministry):
    """Unresolve removes the registry entry from the span."""
    article = make_article(body="The ministry said so.")
    span = make_annotation(article, "Source", quote="The ministry", author=editor)
    span.source_entry = ministry
    span.save()
    response = client.post(reverse("annotations:unresolve", args=[span.pk]), headers=HTMX)
    assert response.status_code == 200
    span.refresh_from_db()
    assert span.source_entry is None
    assert 'class="resolved"' not in response.content.decode()
