"""Model invariants: what the database refuses, and what the models' own methods guarantee."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from annotations.models import Annotation, Attribution, Tag
from articles.models import Article
from tests.factories import make_annotation, make_article, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(
        title="Bridge to open",
        body="The minister said the bridge would open.\n\nEngineers doubted it.",
        captions=[("The bridge at dusk", "Photo: A. Reporter")],
    )


@pytest.fixture
def editor():
    return make_user("ed", role="editor")


def unsaved_annotation(article, author, **fields):
    """An Annotation built by hand (no factory checks), for handing straight to the database."""
    values = {
        "article": article,
        "target": Annotation.Target.BODY,
        "start": 4,
        "end": 12,
        "quote": "minister",
        "tag": Tag.objects.get(name="Claim"),
        "author": author,
    }
    values.update(fields)
    return Annotation(**values)


# --- Annotation constraints -------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end"), [(5, 5), (9, 4)])
def test_database_refuses_annotation_with_start_not_before_end(article, editor, start, end):
    """annotation_start_before_end: an empty or reversed span cannot be stored, even in bulk."""
    row = unsaved_annotation(article, editor, start=start, end=end)
    with pytest.raises(IntegrityError), transaction.atomic():
        Annotation.objects.bulk_create([row])


def test_database_refuses_negative_start(article, editor):
    """A negative start is refused by the database (an update skips all Python validation)."""
    annotation = make_annotation(article, quote="minister", author=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Annotation.objects.filter(pk=annotation.pk).update(start=-1)


def test_database_refuses_caption_target_without_caption(article, editor):
    """A caption annotation must name its caption."""
    row = unsaved_annotation(article, editor, target=Annotation.Target.CAPTION, caption=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Annotation.objects.bulk_create([row])


def test_database_refuses_caption_on_body_annotation(article, editor):
    """The caption link is set if and only if the target is a caption."""
    row = unsaved_annotation(article, editor, caption=article.captions.get())
    with pytest.raises(IntegrityError), transaction.atomic():
        Annotation.objects.bulk_create([row])


def test_database_accepts_caption_target_with_caption(article, editor):
    """The constraint is not over-eager: a caption span with its caption is stored."""
    caption = article.captions.get()
    annotation = make_annotation(
        article, "Source", author=editor, target="caption", caption=caption, quote="bridge"
    )
    assert annotation.pk is not None
    assert annotation.target_key == f"caption-{caption.pk}"


def test_client_id_is_unique(article, editor):
    """A second annotation with the same client_id is refused (repeat requests are no-ops)."""
    client_id = uuid.uuid4()
    make_annotation(article, quote="minister", author=editor, client_id=client_id)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_annotation(article, quote="bridge", author=editor, client_id=client_id)


# --- Attribution constraints ------------------------------------------------------------------


def test_database_refuses_attribution_without_any_source(article, editor):
    """attribution_has_source: neither a source span nor a registry entry is refused."""
    claim = make_annotation(article, "Claim", quote="the bridge would open", author=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attribution.objects.create(claim=claim, author=editor)


def test_database_refuses_claim_as_its_own_source(article, editor):
    """attribution_source_not_claim: a span cannot be the source of itself."""
    claim = make_annotation(article, "Claim", quote="the bridge would open", author=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attribution.objects.create(claim=claim, source_span=claim, author=editor)


def test_attribution_with_source_span_is_stored(article, editor):
    """A claim linked to a Source span of the same article is accepted by clean and database."""
    claim = make_annotation(article, "Claim", quote="the bridge would open", author=editor)
    source = make_annotation(article, "Source", quote="The minister", author=editor)
    attribution = Attribution(claim=claim, source_span=source, author=editor)
    attribution.full_clean()
    attribution.save()
    assert list(claim.attributions.all()) == [attribution]


def test_attribution_clean_refuses_source_span_with_wrong_tag(article, editor):
    """The source span must be tagged with a Source-role tag."""
    claim = make_annotation(article, "Claim", quote="the bridge would open", author=editor)
    cue = make_annotation(article, "Cue", quote="said", author=editor)
    with pytest.raises(ValidationError) as info:
        Attribution(claim=claim, source_span=cue, author=editor).full_clean()
    assert "source_span" in info.value.message_dict


# --- soft delete ------------------------------------------------------------------------------


def test_deleted_annotation_is_hidden_from_default_manager(article, editor):
    """mark_deleted hides the row from Annotation.objects (and article.annotations)."""
    annotation = make_annotation(article, quote="minister", author=editor)
    annotation.mark_deleted()
    assert not Annotation.objects.filter(pk=annotation.pk).exists()
    assert not article.annotations.filter(pk=annotation.pk).exists()


def test_deleted_annotation_is_kept_in_all_objects(article, editor):
    """The deleted row stays in Annotation.all_objects, with deleted_at set, for undo."""
    annotation = make_annotation(article, quote="minister", author=editor)
    annotation.mark_deleted()
    stored = Annotation.all_objects.get(pk=annotation.pk)
    assert stored.deleted_at is not None


def test_article_annotation_count_skips_deleted(article, editor):
    """with_annotation_counts counts live annotations only."""
    make_annotation(article, quote="minister", author=editor)
    make_annotation(article, quote="bridge", author=editor).mark_deleted()
    assert Article.objects.with_annotation_counts().get(pk=article.pk).annotation_count == 1


# --- Annotation.verify and note ---------------------------------------------------------------


def test_verify_raises_validation_error_on_quote_mismatch(article, editor):
    """verify turns an anchoring quote mismatch into a ValidationError with the same code."""
    annotation = unsaved_annotation(article, editor, quote="Minister")
    with pytest.raises(ValidationError) as info:
        annotation.verify(article.body)
    assert info.value.code == "quote_mismatch"


def test_verify_checks_the_client_quote_too(article, editor):
    """A correct stored quote is not enough: what the browser saw must match as well."""
    annotation = unsaved_annotation(article, editor)
    with pytest.raises(ValidationError) as info:
        annotation.verify(article.body, client_quote="ministers")
    assert info.value.code == "quote_mismatch"


def test_verify_accepts_a_matching_span(article, editor):
    """A span that fits its text passes verify without error."""
    unsaved_annotation(article, editor).verify(article.body, client_quote="minister")


# --- Tag validators ---------------------------------------------------------------------------


def make_tag(**fields):
    values = {"name": "Opinion", "role": Tag.Role.OTHER, "colour": "#a1b2c3", "shortcut": "o"}
    values.update(fields)
    return Tag(**values)


def test_tag_with_valid_colour_and_shortcut_passes_validation():
    """A #rrggbb colour and one lower-case letter are accepted."""
    make_tag().full_clean()


@pytest.mark.parametrize("colour", ["red", "#fff", "#12345g", "123456", "#1234567"])
def test_tag_colour_must_be_hash_rrggbb(colour):
    """Colours other than # plus six hex digits are refused (they end up in CSS)."""
    with pytest.raises(ValidationError) as info:
        make_tag(colour=colour).full_clean()
    assert "colour" in info.value.message_dict


@pytest.mark.parametrize("shortcut", ["O", "!", " ", "é"])
def test_tag_shortcut_must_be_lowercase_letter_or_digit(shortcut):
    """Shortcuts are one lower-case ASCII letter or digit."""
    with pytest.raises(ValidationError) as info:
        make_tag(shortcut=shortcut).full_clean()
    assert "shortcut" in info.value.message_dict


def test_tag_shortcut_is_unique():
    """Two tags cannot share a key: the seeded Claim tag already uses "c"."""
    with pytest.raises(ValidationError) as info:
        make_tag(shortcut="c").full_clean()
    assert "shortcut" in info.value.message_dict


# --- Article.save: canonical text and revision ------------------------------------------------


def test_article_save_canonicalises_title_and_body():
    """Saving stores canonical text: one-line NFC title, LF-only body without extra blank lines."""
    article = make_article(title="  Cafe\u0301\n opens ", body="One \r\n\r\n\r\nTwo\u00a0\r\n")
    article.refresh_from_db()
    assert article.title == "Caf\u00e9 opens"
    assert article.body == "One\n\nTwo"


def test_article_save_sets_content_hash():
    """The stored hash is the content_hash of the canonical title and body."""
    from articles.content import content_hash

    article = make_article(title="T", body="B")
    assert article.content_hash == content_hash("T", "B")


def test_new_article_starts_at_revision_one():
    """A fresh article is revision 1."""
    assert make_article().revision == 1


def test_article_save_without_text_change_keeps_revision(article):
    """Saving other fields (or text that canonicalises the same) does not bump revision."""
    article.status = Article.Status.IN_ANNOTATION
    article.body = article.body.replace("\n", "\r\n") + "\n\n"
    article.save()
    article.refresh_from_db()
    assert article.revision == 1


def test_article_save_with_body_change_bumps_revision(article):
    """Changing the body moves the revision on by one, and the instance sees the new number."""
    article.body += " Really."
    article.save()
    assert article.revision == 2
    article.refresh_from_db()
    assert article.revision == 2


def test_article_save_with_title_change_bumps_revision(article):
    """Changing the title also bumps revision."""
    article.title = "Bridge to close"
    article.save()
    assert article.revision == 2


def test_caption_text_change_bumps_article_revision(article):
    """A caption is part of the annotatable text: editing it bumps the article's revision."""
    caption = article.captions.get()
    caption.text = "The bridge at dawn"
    caption.save()
    article.refresh_from_db()
    assert article.revision == 2


def test_caption_credit_change_keeps_article_revision(article):
    """Only caption text counts: a new credit leaves the revision alone."""
    caption = article.captions.get()
    caption.credit = "Photo: B. Reporter"
    caption.save()
    article.refresh_from_db()
    assert article.revision == 1


# --- frozen annotated text (clean) ------------------------------------------------------------


def test_article_clean_refuses_body_change_when_body_is_annotated(article, editor):
    """With a body annotation, clean() refuses a body edit with the frozen-text message."""
    make_annotation(article, quote="minister", author=editor)
    article.body += " Really."
    with pytest.raises(ValidationError) as info:
        article.full_clean()
    assert "cannot be edited" in info.value.message_dict["body"][0]


def test_article_clean_allows_title_change_when_only_body_is_annotated(article, editor):
    """Only annotated fields are frozen: the title of a body-annotated article can change."""
    make_annotation(article, quote="minister", author=editor)
    article.title = "A new title"
    article.full_clean()


def test_article_clean_allows_whitespace_only_change(article, editor):
    """A change that canonicalises away (CR LF from a browser form) is not an edit."""
    make_annotation(article, quote="minister", author=editor)
    article.body = article.body.replace("\n", "\r\n") + "  "
    article.full_clean()


def test_caption_clean_refuses_text_change_when_caption_is_annotated(article, editor):
    """An annotated caption's text is frozen too."""
    caption = article.captions.get()
    make_annotation(
        article, "Source", author=editor, target="caption", caption=caption, quote="bridge"
    )
    caption.text = "The bridge at dawn"
    with pytest.raises(ValidationError) as info:
        caption.full_clean()
    assert "cannot be edited" in info.value.message_dict["text"][0]


@pytest.mark.django_db
def test_listed_after_follows_reading_order_across_title_captions_and_body():
    """listed_after gives what comes later in the panel: title, captions by position, body;
    within a text by start, the longer of two spans starting together first."""
    from annotations.models import Annotation
    from tests.factories import make_annotation, make_article

    article = make_article(captions=[("First caption here.", "AP"), ("Second caption.", "")])
    first, second = article.captions.all()
    title = make_annotation(article, "Claim", target="title", quote="Minister")
    cap2 = make_annotation(article, "Claim", target="caption", caption=second, quote="Second")
    cap1 = make_annotation(article, "Claim", target="caption", caption=first, quote="caption")
    long = make_annotation(article, "Claim", quote="The minister said")
    short = make_annotation(article, "Source", quote="The minister")
    later = make_annotation(article, "Cue", quote="said")
    ordered = [title, cap1, cap2, long, short, later]
    live = Annotation.objects.filter(article=article)
    assert list(live.reading_order()) == ordered
    for i, annotation in enumerate(ordered):
        assert list(live.listed_after(annotation)) == ordered[i + 1 :], annotation.quote
