"""The admin: frozen annotated text is refused with a message, and the custom checks hold.

Change forms are submitted the way a browser would: every field of the rendered form is read
back from the HTML, a few are changed, and the whole form is posted.
"""

from __future__ import annotations

import html5lib
import pytest
from django.urls import reverse

from annotations.models import Annotation, Attribution, Source, SourceAlias, Tag
from articles.models import Article
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db

FROZEN = "has annotations, so its text cannot be edited"


@pytest.fixture
def superuser_client(client):
    client.force_login(make_user("boss", role="admin"))
    return client


@pytest.fixture
def article():
    return make_article(
        title="Bridge to open",
        body="The minister said the bridge would open.\n\nEngineers doubted it.",
        captions=[("The bridge at dusk", "Photo: A. Reporter")],
        outlet="Daily Example",
    )


def form_data(html: str, form_id: str) -> dict[str, str | list[str]]:
    """What a browser would submit for the form `form_id` of a page, unchanged."""
    document = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    form = next(f for f in document.iter("form") if f.get("id") == form_id)
    data: dict[str, list[str]] = {}
    for element in form.iter():
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "input":
            kind = (element.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                continue
            if kind in {"checkbox", "radio"} and element.get("checked") is None:
                continue
            default = "on" if kind in {"checkbox", "radio"} else ""
            data.setdefault(name, []).append(element.get("value", default))
        elif element.tag == "textarea":
            # Browsers drop the newline that follows <textarea>; html5lib 1.1 forgets to inside a
            # table cell (tabular inlines), so drop it here.
            data.setdefault(name, []).append((element.text or "").removeprefix("\n"))
        elif element.tag == "select":
            options = list(element.iter("option"))
            chosen = [o for o in options if o.get("selected") is not None] or options[:1]
            if element.get("multiple") is not None:
                chosen = [o for o in options if o.get("selected") is not None]
            for option in chosen:
                value = option.get("value")
                data.setdefault(name, []).append(option.text or "" if value is None else value)
    return {k: v[0] if len(v) == 1 else v for k, v in data.items()}


def change_form(client, model, obj) -> dict[str, str | list[str]]:
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response.content.decode(), f"{opts.model_name}_form")


def post_change(client, model, obj, data):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return client.post(url, data)


# --- Article admin ----------------------------------------------------------------------------


def test_article_changelist_shows_live_annotation_count(superuser_client, article):
    """The list has a count column from the queryset annotation, skipping deleted annotations."""
    make_annotation(article, quote="minister")
    make_annotation(article, quote="bridge")
    make_annotation(article, quote="Engineers").mark_deleted()
    response = superuser_client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    row = response.context["cl"].result_list.get(pk=article.pk)
    assert row.annotation_count == 2
    assert b"Annotations" in response.content


def test_article_changelist_search_finds_body_text(superuser_client, article):
    """Searching matches words of the body, not only the title."""
    make_article(title="Other", body="Nothing relevant.")
    response = superuser_client.get(
        reverse("admin:articles_article_changelist"), {"q": "Engineers"}
    )
    assert list(response.context["cl"].result_list) == [article]


def test_article_admin_saves_body_change_of_unannotated_article(superuser_client, article):
    """Control case: the same POST without annotations is accepted and bumps the revision."""
    data = change_form(superuser_client, Article, article)
    data["body"] = "The minister said the bridge would open soon.\r\n\r\nEngineers doubted it."
    response = post_change(superuser_client, Article, article, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "The minister said the bridge would open soon.\n\nEngineers doubted it."
    assert article.revision == 2


def test_article_admin_refuses_body_change_of_annotated_body(superuser_client, article):
    """Changing annotated body text shows the frozen-text error and leaves the body unchanged."""
    make_annotation(article, quote="minister")
    before = article.body
    data = change_form(superuser_client, Article, article)
    data["body"] = "The minister said the bridge would open soon.\r\n\r\nEngineers doubted it."
    response = post_change(superuser_client, Article, article, data)
    assert response.status_code == 200
    assert FROZEN in response.context["adminform"].form.errors["body"][0]
    assert FROZEN in response.content.decode()
    article.refresh_from_db()
    assert article.body == before
    assert article.revision == 1


def test_article_admin_refuses_title_change_of_annotated_title(superuser_client, article):
    """A title annotation freezes the title in the same way."""
    make_annotation(article, quote="Bridge", target="title")
    data = change_form(superuser_client, Article, article)
    data["title"] = "Bridge to close"
    response = post_change(superuser_client, Article, article, data)
    assert FROZEN in response.context["adminform"].form.errors["title"][0]
    article.refresh_from_db()
    assert article.title == "Bridge to open"


def test_article_admin_allows_other_fields_of_annotated_article(superuser_client, article):
    """Status and outlet of an annotated article remain editable."""
    make_annotation(article, quote="minister")
    data = change_form(superuser_client, Article, article)
    data["status"] = Article.Status.READY
    response = post_change(superuser_client, Article, article, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.READY


def test_article_admin_refuses_caption_text_change_of_annotated_caption(superuser_client, article):
    """The caption inline shows the frozen-text error and keeps the caption text."""
    caption = article.captions.get()
    make_annotation(article, "Source", target="caption", caption=caption, quote="bridge")
    data = change_form(superuser_client, Article, article)
    assert data["captions-0-text"] == "The bridge at dusk"
    data["captions-0-text"] = "The bridge at dawn"
    response = post_change(superuser_client, Article, article, data)
    assert response.status_code == 200
    inline = response.context["inline_admin_formsets"][0].formset
    assert FROZEN in inline.forms[0].errors["text"][0]
    assert FROZEN in response.content.decode()
    caption.refresh_from_db()
    assert caption.text == "The bridge at dusk"


def test_article_admin_saves_caption_text_change_of_unannotated_caption(superuser_client, article):
    """Control case: without annotations the caption edit is saved."""
    data = change_form(superuser_client, Article, article)
    data["captions-0-text"] = "The bridge at dawn"
    assert post_change(superuser_client, Article, article, data).status_code == 302
    assert article.captions.get().text == "The bridge at dawn"


def test_article_admin_refuses_deleting_annotated_caption(superuser_client, article):
    """Ticking delete on an annotated caption is refused instead of cascading silently."""
    caption = article.captions.get()
    annotation = make_annotation(article, "Source", target="caption", caption=caption, quote="dusk")
    data = change_form(superuser_client, Article, article)
    data["captions-0-DELETE"] = "on"
    response = post_change(superuser_client, Article, article, data)
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert Annotation.objects.filter(pk=annotation.pk).exists()


def test_article_admin_lists_captions_by_position(superuser_client):
    """The inline shows captions in position order, whatever order they were made in."""
    article = make_article(captions=[("first", ""), ("second", "")])
    article.captions.filter(text="first").update(position=5)
    data = change_form(superuser_client, Article, article)
    assert [data["captions-0-text"], data["captions-1-text"]] == ["second", "first"]


# --- Tag and Source admin ---------------------------------------------------------------------


def test_tag_changelist_edits_position_in_place(superuser_client):
    """Positions are editable straight from the tag list."""
    response = superuser_client.get(reverse("admin:annotations_tag_changelist"))
    data = form_data(response.content.decode(), "changelist-form")
    tags = list(Tag.objects.order_by("position", "name"))
    index = next(i for i, tag in enumerate(tags) if tag.name == "Quote")
    data[f"form-{index}-position"] = "0"
    data["_save"] = "Save"
    response = superuser_client.post(reverse("admin:annotations_tag_changelist"), data)
    assert response.status_code == 302
    assert Tag.objects.get(name="Quote").position == 0


def test_source_admin_search_matches_aliases(superuser_client):
    """Searching sources finds one by an alias as well as by name, once."""
    source = Source.objects.create(name="British Broadcasting Corporation", kind="media")
    SourceAlias.objects.create(source=source, alias="BBC")
    SourceAlias.objects.create(source=source, alias="BBC News")
    Source.objects.create(name="Reuters", kind="media")
    response = superuser_client.get(reverse("admin:annotations_source_changelist"), {"q": "bbc"})
    assert list(response.context["cl"].result_list) == [source]


def test_source_admin_refuses_aliases_that_normalise_alike(superuser_client):
    """ "BBC" and "bbc " on one source are refused as a form error, not a database error."""
    response = superuser_client.post(
        reverse("admin:annotations_source_add"),
        {
            "name": "British Broadcasting Corporation",
            "kind": "media",
            "description": "",
            "aliases-TOTAL_FORMS": "2",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
            "aliases-0-alias": "BBC",
            "aliases-1-alias": "bbc ",
        },
    )
    assert response.status_code == 200
    assert "are the same alias" in response.content.decode()
    assert not Source.objects.exists()


def test_source_admin_refuses_name_equal_after_canonicalising(superuser_client):
    """A name differing only in spacing from an existing one is a duplicate, not a crash."""
    Source.objects.create(name="Jane Doe", kind="person")
    response = superuser_client.post(
        reverse("admin:annotations_source_add"),
        {
            "name": "Jane  Doe",
            "kind": "person",
            "description": "",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "name" in response.context["adminform"].form.errors
    assert Source.objects.count() == 1


# --- Annotation admin -------------------------------------------------------------------------


def test_annotation_changelist_filters_and_searches(superuser_client, article):
    """The list can be searched by quote and filtered by tag."""
    claim = make_annotation(article, "Claim", quote="the bridge would open")
    make_annotation(article, "Source", quote="The minister")
    url = reverse("admin:annotations_annotation_changelist")
    assert list(superuser_client.get(url, {"q": "would open"}).context["cl"].result_list) == [claim]
    tag = Tag.objects.get(name="Claim")
    assert list(
        superuser_client.get(url, {"tag__id__exact": tag.pk}).context["cl"].result_list
    ) == [claim]


def test_annotation_admin_moving_offsets_recuts_quote(superuser_client, article):
    """New offsets are checked against the text and quote, prefix and suffix re-cut from it."""
    annotation = make_annotation(article, quote="minister")
    data = change_form(superuser_client, Annotation, annotation)
    data["start"], data["end"] = "22", "28"
    assert post_change(superuser_client, Annotation, annotation, data).status_code == 302
    annotation.refresh_from_db()
    assert annotation.quote == "bridge"
    assert annotation.prefix == "The minister said the "


def test_annotation_admin_refuses_offsets_outside_the_text(superuser_client, article):
    """An end past the text is refused with the anchoring message; the row is unchanged."""
    annotation = make_annotation(article, quote="minister")
    data = change_form(superuser_client, Annotation, annotation)
    data["end"] = "5000"
    response = post_change(superuser_client, Annotation, annotation, data)
    assert response.status_code == 200
    assert "lies outside the text" in response.content.decode()
    annotation.refresh_from_db()
    assert annotation.end == 12


def test_annotation_admin_refuses_caption_target_without_caption(superuser_client, article):
    """Switching to a caption target without naming the caption is a form error."""
    annotation = make_annotation(article, quote="minister")
    data = change_form(superuser_client, Annotation, annotation)
    data["target"] = "caption"
    response = post_change(superuser_client, Annotation, annotation, data)
    assert response.status_code == 200
    assert "caption" in response.context["adminform"].form.errors
    annotation.refresh_from_db()
    assert annotation.target == "body"


def test_annotation_admin_sanitises_note_and_previews_it(superuser_client, article):
    """A note saved in the admin loses its script; the preview shows the cleaned HTML only."""
    annotation = make_annotation(article, quote="minister")
    data = change_form(superuser_client, Annotation, annotation)
    data["note"] = '<b onclick="x()">Checked</b><script>alert(1)</script>'
    assert post_change(superuser_client, Annotation, annotation, data).status_code == 302
    annotation.refresh_from_db()
    assert annotation.note == "<b>Checked</b>"
    content = change_form_page(superuser_client, annotation)
    assert "<b>Checked</b>" in content
    assert "alert(1)" not in content


def change_form_page(client, annotation) -> str:
    url = reverse("admin:annotations_annotation_change", args=[annotation.pk])
    return client.get(url).content.decode()


# --- Attribution admin ------------------------------------------------------------------------


def test_attribution_admin_lists_claim_and_source(superuser_client, article):
    """The list shows each attribution's claim with its source label."""
    claim = make_annotation(article, "Claim", quote="the bridge would open")
    source = make_annotation(article, "Source", quote="The minister")
    Attribution.objects.create(claim=claim, source_span=source, author=claim.author)
    response = superuser_client.get(reverse("admin:annotations_attribution_changelist"))
    assert response.status_code == 200
    assert "“The minister”" in response.content.decode()


def test_attribution_admin_add_without_claim_is_a_form_error(superuser_client, article):
    """Submitting an attribution with no claim shows a field error rather than crashing."""
    source = make_annotation(article, "Source", quote="The minister")
    response = superuser_client.post(
        reverse("admin:annotations_attribution_add"),
        {"claim": "", "source_span": str(source.pk), "author": str(source.author_id)},
    )
    assert response.status_code == 200
    assert "claim" in response.context["adminform"].form.errors
