"""The annotation models (annotations.models): what the database refuses (constraints), what the
models' own methods guarantee (verify, soft delete, reading order), and the helpers the views read
through (the target key, tags by id, counts by review status, a set's articles)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from annotations import services
from annotations.models import (
    AnnotatedSet,
    Annotation,
    Attribution,
    Source,
    SourceAlias,
    Tag,
    target_key,
)
from articles.models import Article, ImageCaption
from tests.factories import make_annotation, make_article, make_user
from tests.interchange.exporting.sample_db import annotated_article, user

pytestmark = pytest.mark.django_db


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


def test_database_accepts_implicit_source_without_span_or_entry(article, editor):
    """attribution_has_source: an implicit source stands in for a span or an entry."""
    claim = make_annotation(article, "Claim", quote="the bridge would open", author=editor)
    attribution = Attribution.objects.create(claim=claim, implicit_source=True, author=editor)
    assert attribution.source_label == "(implicit source)"


def test_database_refuses_implicit_source_with_a_source_span(article, editor):
    """attribution_implicit_has_no_source: implicit and a source span contradict each other."""
    claim = make_annotation(article, "Claim", quote="the bridge would open", author=editor)
    source = make_annotation(article, "Source", quote="The minister", author=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attribution.objects.create(
            claim=claim, source_span=source, implicit_source=True, author=editor
        )


@pytest.fixture
def quoted(article, editor):
    """A claim, a later Claim span carrying it on, an earlier one, and a Cue between."""
    claim = make_annotation(article, "Claim", quote="the bridge", author=editor)
    later = make_annotation(article, "Claim", quote="Engineers doubted it", author=editor)
    earlier = make_annotation(article, "Claim", quote="The minister", author=editor)
    cue = make_annotation(article, "Cue", quote="said", author=editor)
    attribution = Attribution.objects.create(claim=claim, implicit_source=True, author=editor)
    return attribution, later, earlier, cue


def test_content_spans_are_the_claim_then_live_fragments_in_reading_order(article, editor, quoted):
    """content_spans: the claim first, then the fragments by position, whatever the order they
    were added in; a deleted fragment is left out (its row kept for undo)."""
    attribution, later, _, _ = quoted
    middle = make_annotation(article, "Claim", quote="would open", author=editor)
    attribution.fragments.add(later, middle)
    assert attribution.content_spans() == [attribution.claim, middle, later]
    middle.mark_deleted()
    assert attribution.content_spans() == [attribution.claim, later]
    assert attribution.fragments.through.objects.count() == 2


@pytest.mark.parametrize(
    ("which", "problem"),
    [
        ("claim", "The claim is the attribution's first fragment already."),
        ("earlier", "Pick a span after the claim: the claim is the content's first fragment."),
        ("cue", "Pick a span tagged as a Claim."),
        ("deleted", "That span was deleted."),
        ("elsewhere", "Pick a span of the same article."),
    ],
)
def test_fragment_problem_names_what_cannot_be_a_fragment(article, editor, quoted, which, problem):
    """A fragment is a live Claim span of the same article after the claim; each other span is
    refused with its reason (services.add_fragment raises it, nothing is written)."""
    attribution, later, earlier, cue = quoted
    spans = {"claim": attribution.claim, "earlier": earlier, "cue": cue}
    if which == "deleted":
        later.mark_deleted()
        spans["deleted"] = later
    if which == "elsewhere":
        other = make_article(title="Elsewhere")
        spans["elsewhere"] = make_annotation(other, "Claim", quote="Engineers", author=editor)
    assert Attribution.fragment_problem(attribution.claim, spans[which]) == problem
    with pytest.raises(ValidationError):
        services.add_fragment(attribution, spans[which])
    assert attribution.fragments.count() == 0


def test_a_later_claim_span_is_a_fragment(quoted):
    """The span that carries the quotation on is accepted and stored."""
    attribution, later, _, _ = quoted
    assert Attribution.fragment_problem(attribution.claim, later) is None
    services.add_fragment(attribution, later)
    assert list(attribution.fragments.all()) == [later]


def test_clean_refuses_a_stored_fragment_that_no_longer_fits(quoted):
    """full_clean of a saved attribution checks its fragments too: one retagged as a Cue."""
    attribution, later, _, _ = quoted
    attribution.fragments.add(later)
    later.tag = Tag.objects.get(name="Cue")
    later.save()
    with pytest.raises(ValidationError) as info:
        attribution.full_clean()
    assert "fragments" in info.value.message_dict


def test_retagging_a_fragment_takes_it_out_of_the_attribution(quoted):
    """drop_mismatched_links: a fragment that stops being a Claim is no longer part of the
    content; the attribution itself stays."""
    attribution, later, _, _ = quoted
    attribution.fragments.add(later)
    later.tag = Tag.objects.get(name="Quote")
    later.save()
    services.drop_mismatched_links(later)
    assert Attribution.objects.filter(pk=attribution.pk).exists()
    assert attribution.fragments.count() == 0


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


# --- Helpers the views read through ------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "caption_id", "key"),
    [("title", None, "title"), ("body", None, "body"), ("caption", 12, "caption-12")],
)
def test_target_key_names_the_rendered_text(target, caption_id, key):
    """Title and body are their own keys; a caption's key carries the caption's id."""
    assert target_key(target, caption_id) == key


def test_annotation_target_key_is_the_same_rule():
    """Annotation.target_key answers what target_key answers for its fields."""
    article = make_article(captions=[("The old bridge", "")])
    caption = ImageCaption.objects.get(article=article)
    span = make_annotation(
        article, "Claim", quote="old", target=Annotation.Target.CAPTION, caption=caption
    )
    assert span.target_key == target_key("caption", caption.pk) == f"caption-{caption.pk}"


def test_tags_by_id_holds_every_tag():
    """Tag.objects.by_id() maps each tag's pk to the tag."""
    tags = Tag.objects.by_id()
    assert sorted(tags) == sorted(Tag.objects.values_list("pk", flat=True))
    assert all(tag.pk == pk for pk, tag in tags.items())


def test_count_by_status_counts_live_annotations_and_shows_every_status():
    """Every status is present, zero when none; deleted annotations do not count."""
    article = make_article()
    editor = make_user()
    make_annotation(article, "Claim", quote="minister", author=editor)
    make_annotation(article, "Cue", quote="said", author=editor, status="accepted")
    make_annotation(article, "Source", quote="bridge", author=editor).mark_deleted()
    counts = Annotation.objects.filter(article=article).count_by_status()
    assert counts == {"pending": 1, "accepted": 1, "rejected": 0}


def test_articles_or_none_is_empty_for_malformed_filters():
    """A set whose stored filters are malformed holds no article there, instead of raising."""
    make_article()
    broken = AnnotatedSet.objects.create(name="Broken", filters={"date_from": "soon"})
    with pytest.raises(ValueError):
        broken.articles()
    assert list(broken.articles_or_none()) == []


def test_articles_or_none_is_the_sets_articles_otherwise():
    """A well-formed set holds the same articles through either method."""
    article = make_article(outlet="Daily Ledger")
    make_article(outlet="Other")
    ledger = AnnotatedSet.objects.create(name="Ledger", filters={"outlet": "Daily Ledger"})
    assert list(ledger.articles_or_none()) == [article]


def test_set_filters_and_picked_articles():
    """Filters all hold together; picked articles are added; no filter means picked only."""
    article, _ = annotated_article()
    other = make_article(title="Harbour plan", outlet="Daily", status=Article.Status.APPROVED)
    third = make_article(
        title="Harbour again", outlet="Daily", published=datetime(2023, 1, 5, tzinfo=UTC)
    )
    owner = user("rev")

    def members(filters, picked=()):
        annotated_set = AnnotatedSet.objects.create(
            name=f"set {uuid.uuid4()}", filters=filters, created_by=owner
        )
        annotated_set.picked.set(picked)
        return list(annotated_set.articles().values_list("pk", flat=True))

    assert members({}) == []
    assert members({}, [third]) == [third.pk]
    assert members({"outlet": "Daily"}) == [other.pk, third.pk]
    assert members({"outlet": "Daily", "status": "approved"}) == [other.pk]
    assert members({"status": ["approved", "new"], "text": "harbour"}) == [other.pk, third.pk]
    assert members({"date_from": "2024-05-01", "date_to": "2024-05-01"}) == [article.pk]
    assert members({"date_to": "2023-12-31"}, [article]) == [article.pk, third.pk]
    assert members({"tag": "Cue"}) == [article.pk]
    assert members({"tag": Tag.objects.get(name="Cue").pk}) == [article.pk]
    assert members({"editor": "ben"}) == [article.pk]
    assert members({"editor": "rev"}) == []
    assert members({"outlet": "", "text": None}, [other]) == [other.pk]
    with pytest.raises(ValueError, match="colour"):
        members({"colour": "red"})
    with pytest.raises(ValueError, match="date_from"):
        members({"date_from": "May"})


# --- Source aliases -----------------------------------------------------------------------------


def test_database_refuses_a_confirmed_alias_without_its_time():
    """A confirmed alias records when; an unconfirmed one records neither who nor when."""
    source = Source.objects.create(name="Pentagon", kind="government")
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceAlias.objects.create(source=source, alias="the Pentagon", confirmed=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceAlias.objects.create(source=source, alias="DoD", confirmed_at=timezone.now())


def test_alias_clean_refuses_a_pronoun():
    """full_clean (admin, forms) refuses "he": it is never an alias."""
    source = Source.objects.create(name="Lena Varga", kind="media")
    with pytest.raises(ValidationError, match="never an alias"):
        SourceAlias(source=source, alias="He").full_clean()


def test_matching_entries_come_by_name_confirmed_alias_or_the_same_article():
    """Source.objects.matching: the entry named so, an entry with a confirmed alias, an entry
    the same words were resolved to in the same article; not a candidate alias, not another
    article's resolution, nothing for a pronoun."""
    named = Source.objects.create(name="Harbour Board", kind="organisation")
    aliased = Source.objects.create(name="Port of Lindholm", kind="organisation")
    candidate = Source.objects.create(name="Lindholm Docks", kind="organisation")
    SourceAlias.objects.create(
        source=aliased, alias="the harbour board", confirmed=True, confirmed_at=timezone.now()
    )
    SourceAlias.objects.create(source=candidate, alias="the harbour board")
    here = make_article(body="The harbour board said so. He agreed.")
    elsewhere = make_article(body="The harbour board said so. He agreed.")
    for article, entry in ((here, named), (elsewhere, candidate)):
        span = make_annotation(article, "Source", quote="The harbour board")
        services.resolve_source(span, entry)
        he = make_annotation(article, "Source", quote="He")
        services.resolve_source(he, entry)
    assert set(Source.objects.matching("the harbour board", here.pk)) == {named, aliased}
    assert set(Source.objects.matching("THE harbour board", elsewhere.pk)) == {aliased, candidate}
    assert set(Source.objects.matching("Harbour  Board", elsewhere.pk)) == {named}
    assert not Source.objects.matching("he", here.pk).exists()
