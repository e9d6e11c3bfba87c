"""Annotated (native) records (interchange/importing/saver/spans.py checks them,
annotated.py writes them): annotations, attributions, registry sources, authors."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth import get_user_model

from annotations import anchoring
from annotations.models import Annotation, Attribution, Source
from articles.models import Article
from interchange.importing.records import ArticleRecord, AttributionRecord, SourceRecord
from interchange.importing.saver.run import save_records
from tests.factories import make_user
from tests.interchange.importing.native_records import (
    BODY,
    CLAIM_ID,
    CREATED,
    CUE_ID,
    SOURCE_ID,
    TITLE,
    counts,
    native,
    record,
    span,
)

pytestmark = pytest.mark.django_db


# --- annotated records -------------------------------------------------------------------------


def test_native_record_brings_annotations_attributions_sources_and_authors():
    """Everything a native line carries is stored: ids as client ids, quotes and context from
    the canonical text, statuses and times kept, caption spans on the new caption."""
    result = save_records([native(status="approved")])
    assert (result.created, result.annotations, result.attributions) == (1, 4, 1)
    assert (result.sources, result.users) == (1, 2)
    article = Article.objects.get()
    assert article.status == "approved"
    claim = Annotation.objects.get(client_id=uuid.UUID(CLAIM_ID))
    assert (claim.article, claim.target, claim.start, claim.end) == (article, "body", 0, 32)
    assert (claim.quote, claim.prefix) == ("The council approved the repairs", "")
    assert claim.suffix == BODY[32:64]
    assert (claim.status, claim.created, claim.updated) == ("accepted", CREATED, CREATED)
    assert claim.author.username == "ana"
    caption_span = Annotation.objects.get(target="caption")
    assert caption_span.caption == article.captions.get()
    assert caption_span.quote == "old bridge"
    source = Source.objects.get()
    assert (source.name, source.kind, source.description) == (
        "Mayor of Springfield",
        "person",
        "Elected 2022",
    )
    assert sorted(source.aliases.values_list("alias", flat=True)) == ["Mayor", "the mayor"]
    assert Annotation.objects.get(client_id=uuid.UUID(SOURCE_ID)).source_entry == source


def test_attributions_are_mapped_to_the_new_annotations():
    """Record ids become the new rows' keys: claim, source span and cue of the link."""
    save_records([native()])
    link = Attribution.objects.get()
    assert link.claim.client_id == uuid.UUID(CLAIM_ID)
    assert link.source_span.client_id == uuid.UUID(SOURCE_ID)
    assert link.cue.client_id == uuid.UUID(CUE_ID)
    assert link.author.username == "ana"
    assert link.source_entry is None


def test_attribution_to_a_registry_entry():
    """An attribution may name a registry entry instead of a span."""
    save_records(
        [native(attributions=[AttributionRecord(claim=CLAIM_ID, source="Mayor of Springfield")])]
    )
    link = Attribution.objects.get()
    assert (link.source_span, link.source_entry.name) == (None, "Mayor of Springfield")


def test_unknown_authors_are_created_inactive_without_password():
    """An author missing from the database becomes an inactive account that cannot log in;
    an existing one is reused."""
    ben = make_user("ben")
    save_records([native()])
    ana = get_user_model().objects.get(username="ana")
    assert not ana.is_active
    assert not ana.has_usable_password()
    ben.refresh_from_db()
    assert ben.is_active
    assert Annotation.objects.get(client_id=uuid.UUID(CUE_ID)).author == ben


def test_an_existing_registry_entry_is_reused_as_it_is():
    """A source whose name exists is reused: no copy, its kind and aliases untouched."""
    entry = Source.objects.create(name="Mayor of Springfield", kind="government")
    result = save_records([native()])
    assert result.sources == 0
    assert Source.objects.get() == entry
    assert entry.aliases.count() == 0
    assert Annotation.objects.get(client_id=uuid.UUID(SOURCE_ID)).source_entry == entry


def test_annotation_without_author_is_the_importers():
    """A span naming no author is credited to the importing user; with nobody importing it
    is an error."""
    admin = make_user(role="admin")
    spans = [span("Work starts", author="")]
    save_records([native(annotations=spans, attributions=[])], user=admin)
    assert Annotation.objects.get().author == admin
    result = save_records([native(annotations=spans, attributions=[], external_id="x")])
    assert "annotation 1: no author" in result.errors[0].message


def test_quote_mismatch_is_an_error_naming_the_annotation():
    """A quote that is not the text at its offsets fails the record, naming the annotation;
    nothing is written."""
    bad = span("the mayor said")
    bad.quote = "the Mayor said"
    result = save_records([native(annotations=[span("Work"), bad], attributions=[])])
    (error,) = result.errors
    assert str(error).startswith("feed.jsonl:1: annotation 2: The selected text does not match")
    assert counts()[:4] == (0, 0, 0, 0)


def test_span_out_of_range_is_an_error():
    """Offsets past the end of the target text are an error naming the annotation."""
    bad = span("May.")
    bad.start, bad.end = len(BODY) - 2, len(BODY) + 5
    result = save_records([native(annotations=[bad], attributions=[])])
    assert result.errors[0].message.startswith("annotation 1: The span")
    assert "lies outside the text" in result.errors[0].message


def test_quote_is_checked_against_the_canonical_text():
    """Offsets count in the canonical text: a body with CR LF is canonicalised first."""
    raw = BODY.replace("\n", "\r\n")
    result = save_records([native(body=raw, annotations=[span("Work")], attributions=[])])
    assert result.failed == 0
    assert Annotation.objects.get().quote == "Work"


def test_unknown_tag_is_an_error_naming_it():
    """Tags are configuration: a tag name that does not exist fails the record."""
    result = save_records([native(annotations=[span("Work", tag="Rumour")], attributions=[])])
    assert result.errors[0].message == "annotation 1: unknown tag 'Rumour'"


def test_every_problem_of_a_record_is_reported():
    """Two bad annotations and a bad link: three errors, one failed record."""
    result = save_records(
        [
            native(
                annotations=[span("Work", tag="Rumour"), span("May", status="maybe")],
                attributions=[AttributionRecord(claim="nope", source="Nobody Known")],
            )
        ]
    )
    assert result.failed == 1
    messages = [e.message for e in result.errors]
    assert messages[0] == "annotation 1: unknown tag 'Rumour'"
    assert messages[1].startswith("annotation 2: status 'maybe' is not one of")
    assert len(messages) == 2  # links are not checked against annotations that failed


def test_attribution_roles_are_checked():
    """A source span must be tagged Source, a claim Claim (as Attribution.clean says)."""
    result = save_records(
        [
            native(
                attributions=[
                    AttributionRecord(claim=CLAIM_ID, source_span=CUE_ID, author="ana"),
                    AttributionRecord(claim=SOURCE_ID, source="Mayor of Springfield"),
                ]
            )
        ]
    )
    messages = [e.message for e in result.errors]
    assert messages == [
        f"attribution 1: source_span '{CUE_ID}' is not tagged as a Source",
        f"attribution 2: claim '{SOURCE_ID}' is not tagged as a Claim",
    ]


def test_undeclared_registry_source_is_an_error():
    """A span naming a registry entry that is neither stored nor carried is refused."""
    result = save_records([native(sources=[])])
    assert result.errors[0].message == (
        "annotation 2: source 'Mayor of Springfield' is neither in the registry nor in the record"
    )


def test_note_is_sanitised():
    """Notes are HTML and are sanitised on the way in."""
    note = 'See <a href="javascript:alert(1)">this</a><script>x()</script> <b>now</b>'
    save_records([native(annotations=[span("Work", note=note)], attributions=[])])
    stored = Annotation.objects.get().note
    assert "script" not in stored and "javascript" not in stored
    assert "<b>now</b>" in stored


def test_a_duplicate_article_skips_its_annotations():
    """Same text as a stored article: its annotations are not imported a second time, even
    with new ids."""
    save_records([native()])
    again = native(
        external_id="ap-2", annotations=[span("Work", id=str(uuid.uuid4()))], attributions=[]
    )
    result = save_records([again], batch_size=1)
    assert (result.skipped, result.annotations) == (1, 0)
    assert Annotation.objects.count() == 4


def test_annotations_whose_ids_are_stored_are_skipped():
    """A new article whose annotation ids already exist: the article is written, those spans
    and their links are not."""
    save_records([native()])
    result = save_records([native(external_id="ap-2", body=BODY + "\n\nMore.")])
    assert (result.created, result.annotations, result.annotations_skipped) == (1, 0, 4)
    assert result.attributions == 0
    assert Annotation.objects.count() == 4


def test_importing_the_same_native_records_twice_creates_nothing_the_second_time():
    """Idempotent: articles, captions, annotations, links, sources, aliases and users are all
    left as the first import made them."""
    first_batch = [
        native(),
        native(
            external_id="ap-2",
            title="Second story",
            annotations=[span("Work starts", id=str(uuid.uuid5(uuid.NAMESPACE_URL, "x")))],
            attributions=[],
        ),
    ]
    save_records(first_batch)
    after_first = counts()
    second = save_records(
        [
            native(),
            native(
                external_id="ap-2",
                title="Second story",
                annotations=[span("Work starts", id=str(uuid.uuid5(uuid.NAMESPACE_URL, "x")))],
                attributions=[],
            ),
        ]
    )
    assert counts() == after_first
    assert (second.created, second.updated, second.skipped, second.failed) == (0, 0, 2, 0)
    assert (second.annotations, second.attributions, second.sources, second.users) == (0, 0, 0, 0)


def test_stored_context_is_the_selector_anchoring_computes():
    """Quote, prefix and suffix stored for spans mid-text, at the end and in the title are
    what anchoring.text_quote gives for the canonical text."""
    last_word = BODY.rstrip(".").rsplit(" ", 1)[-1]
    spans = [span("repairs"), span(last_word), span(TITLE.split()[-1], target="title", text=TITLE)]
    save_records([record(annotations=spans)], user=make_user("importer"))
    for stored in Annotation.objects.all():
        text = TITLE if stored.target == "title" else BODY
        expected = anchoring.text_quote(text, stored.start, stored.end)
        assert (stored.quote, stored.prefix, stored.suffix) == (
            expected.exact,
            expected.prefix,
            expected.suffix,
        )
    assert Annotation.objects.count() == 3


# --- content in fragments, implicit sources ---------------------------------------------------

FRAGMENT_ID = "3d4e5f60-7182-4930-9c4d-5e6f7a8b9c0d"


def fragmented(title: str = TITLE, **link) -> ArticleRecord:
    """The native record with a second Claim span ("Work starts in May") and one link."""
    annotations = [*native().annotations, span("Work starts in May", id=FRAGMENT_ID)]
    link.setdefault("claim", CLAIM_ID)
    return native(
        title=title,
        external_id=f"ap-{uuid.uuid4()}",
        annotations=annotations,
        attributions=[AttributionRecord(author="ana", **link)],
    )


def test_fragments_and_an_implicit_source_are_stored():
    """An attribution's further fragments become its fragments rows; an implicit source is
    stored as one, with neither source span nor registry entry."""
    result = save_records([fragmented(fragments=[FRAGMENT_ID], implicit_source=True, cue=CUE_ID)])
    assert (result.failed, result.attributions) == (0, 1)
    link = Attribution.objects.get()
    assert [a.client_id for a in link.content_spans()] == [
        uuid.UUID(CLAIM_ID),
        uuid.UUID(FRAGMENT_ID),
    ]
    assert link.implicit_source
    assert (link.source_span, link.source_entry) == (None, None)


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ({"fragments": [SOURCE_ID], "source": "Mayor of Springfield"}, "is not tagged as a Claim"),
        ({"fragments": [CLAIM_ID], "source": "Mayor of Springfield"}, "is the claim itself"),
        (
            {"claim": FRAGMENT_ID, "fragments": [CLAIM_ID], "source": "Mayor of Springfield"},
            "comes before the claim: the claim is the first",
        ),
        (
            {"source_span": SOURCE_ID, "implicit_source": True},
            "an implicit source has no source span or registry source",
        ),
        ({}, "needs a source span, a registry source or an implicit source"),
    ],
)
def test_fragment_and_implicit_source_problems_are_errors(link, message):
    """The saver checks what needs the spans' tags and places (Attribution.fragment_problem's
    rule): the record fails with the attribution's number and the reason, nothing written."""
    result = save_records([fragmented(**link)])
    assert result.failed == 1
    assert message in result.errors[0].message
    assert result.errors[0].message.startswith("attribution 1: ")
    assert Attribution.objects.count() == 0


def test_fragments_are_written_in_a_fixed_number_of_queries():
    """Writing the fragments adds the same queries for two records as for twenty: bulk
    inserts, no query per link. Measured as the queries records with fragments cost over the
    same records without, so how a backend chunks its inserts cancels out."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(n: int, fragments: list[str]) -> int:
        records = [
            fragmented(f"{TITLE} {uuid.uuid4()}", fragments=fragments, source_span=SOURCE_ID)
            for _ in range(n)
        ]
        for r in records:  # fresh ids: every record's spans are new
            ids = {a.id: str(uuid.uuid4()) for a in r.annotations}
            for a in r.annotations:
                a.id = ids[a.id]
            for link in r.attributions:
                link.claim, link.source_span = ids[link.claim], ids[link.source_span]
                link.fragments = [ids[f] for f in link.fragments]
        with CaptureQueriesContext(connection) as captured:
            result = save_records(records)
        assert (result.failed, result.attributions) == (0, n)
        return len(captured)

    queries(1, [FRAGMENT_ID])  # the first import makes the authors and the registry entry
    extra_for_2 = queries(2, [FRAGMENT_ID]) - queries(2, [])
    extra_for_20 = queries(20, [FRAGMENT_ID]) - queries(20, [])
    # a backend may split a bulk statement in two (PostgreSQL's parameter pages); 20 links
    # written one by one would cost 20
    assert 1 <= extra_for_2 <= extra_for_20 <= 3
    assert Attribution.fragments.through.objects.count() == 23


def test_imported_aliases_are_candidates_and_never_pronouns():
    """A file's aliases are stored unconfirmed (the file does not say who confirmed them), and
    a pronoun or bare generic word among them is never stored."""
    sources = [SourceRecord("Mayor of Springfield", "person", "", ["he", "officials", "the mayor"])]
    save_records([native(sources=sources)])
    aliases = Source.objects.get().aliases.all()
    assert [(a.alias, a.confirmed) for a in aliases] == [("the mayor", False)]


def test_imported_sources_and_aliases_are_in_the_type_ahead():
    """Sources and aliases bulk-inserted by an import get their search terms (bulk_create
    skips save()): the registry type-ahead finds the entry by a later word of its name and by
    an alias once confirmed."""
    from annotations.models import SourceAlias

    save_records([native()])
    assert [h.source.name for h in Source.objects.search("springf")] == ["Mayor of Springfield"]
    assert Source.objects.search("the mayor") == []  # a candidate: not searched
    SourceAlias.objects.filter(alias="the mayor").update(confirmed=True, confirmed_at=CREATED)
    assert [(h.source.name, h.alias) for h in Source.objects.search("the mayor")] == [
        ("Mayor of Springfield", "the mayor")
    ]
