"""suggestions.runs: the engine on every text of stored articles, sources resolved against the
registry, results stored per article in one transaction, in chunks with few queries."""

from __future__ import annotations

import uuid

import pytest
from django.utils import timezone

from annotations.models import Source, SourceAlias
from articles.models import Article
from suggestions import runs
from suggestions.engine import ORIGIN, VERSION
from suggestions.models import Suggestion
from suggestions.runs import Registry, suggest_articles
from tests.factories import make_article

pytestmark = pytest.mark.django_db

BODY = (
    "Ana Berg, the port director, said that the quay would reopen in May.\n\n"
    "The harbour board said that dredging had finished.\n\n"
    '"We are ready," she said.'
)
TITLE = "Quay to reopen in May, according to the port authority"
CAPTION = "The quay at dawn. Dock workers said that the quay was safe again."


def story(title: str = TITLE, **fields: object) -> Article:
    return make_article(title=title, body=BODY, captions=[(CAPTION, "Photo: Desk")], **fields)


def words(suggestion: Suggestion, role: str) -> list[str]:
    text = {"body": suggestion.article.body, "title": suggestion.article.title}.get(
        suggestion.target
    ) or (suggestion.caption.text if suggestion.caption else "")
    if role == "cue":
        return [text[slice(*suggestion.cue_span)]]
    spans = suggestion.source_spans if role == "source" else suggestion.content_spans
    return [text[s:e] for s, e in spans]


def test_every_text_of_an_article_gets_suggestions_with_offsets_into_it():
    """Title, caption and body are each run through the engine; every stored span cuts the
    words the engine meant out of that text, with the engine's origin and version."""
    article = story()
    result = suggest_articles([article.pk])
    assert result.articles == 1 and result.created == Suggestion.objects.count()
    rows = list(Suggestion.objects.select_related("article", "caption"))
    assert {row.target for row in rows} == {"title", "caption", "body"}
    by_cue = {
        (row.target, words(row, "source")[0] if row.source_spans else ""): row for row in rows
    }
    berg = by_cue[("body", "Ana Berg, the port director")]
    assert words(berg, "cue") == ["said"]
    assert words(berg, "content") == ["that the quay would reopen in May"]
    assert by_cue[("title", "the port authority")].target == "title"
    caption_row = next(row for row in rows if row.target == "caption")
    assert caption_row.caption_id == article.captions.get().pk
    assert {(row.origin, row.origin_version) for row in rows} == {(ORIGIN, VERSION)}


def test_a_rerun_gives_the_same_single_set():
    """Running twice (a task delivered twice) leaves exactly one set: the second run replaces
    the first run's unreviewed suggestions with the same ones."""
    article = story()
    first = suggest_articles([article.pk])
    marks = sorted(Suggestion.objects.values_list("fingerprint", flat=True))
    second = suggest_articles([article.pk, article.pk])
    assert second.replaced == first.created == second.created
    assert sorted(Suggestion.objects.values_list("fingerprint", flat=True)) == marks


def test_decided_suggestions_are_kept_and_never_offered_again():
    """An accepted or rejected suggestion survives a re-run untouched and is not offered again."""
    article = story()
    suggest_articles([article.pk])
    rejected, accepted = Suggestion.objects.order_by("pk")[:2]
    Suggestion.objects.filter(pk=rejected.pk).update(status=Suggestion.Status.REJECTED)
    Suggestion.objects.filter(pk=accepted.pk).update(status=Suggestion.Status.ACCEPTED)
    result = suggest_articles([article.pk])
    assert result.skipped == 2
    assert Suggestion.objects.filter(fingerprint=rejected.fingerprint).get().status == "rejected"
    assert Suggestion.objects.filter(fingerprint=accepted.fingerprint).get().status == "accepted"


def test_old_suggestions_on_a_text_that_has_none_now_are_removed():
    """A text whose earlier suggestions the engine no longer makes loses them on a re-run,
    though it gets no proposals this time."""
    article = story()
    suggest_articles([article.pk])
    Article.objects.filter(pk=article.pk).update(title="Quay to reopen in May")
    result = suggest_articles([article.pk])
    assert result.replaced > result.created
    assert not Suggestion.objects.filter(target="title").exists()


def test_a_text_edited_between_reading_and_writing_is_suggested_from_the_new_text(monkeypatch):
    """The article's revision is checked inside the write's transaction: edited meanwhile, it is
    suggested again from the text as it is now, so no span points into a text that is gone."""
    article = story()
    original_plan = runs._plan
    edited = []

    def plan_then_edit(*args, **kwargs):
        texts = original_plan(*args, **kwargs)
        if not edited:  # the editor saves between the engine's read and the write
            edited.append(True)
            fresh = Article.objects.get(pk=article.pk)
            fresh.body = "Meanwhile, said the clerk, nothing changed.\n\n" + BODY
            fresh.save()
        return texts

    monkeypatch.setattr(runs, "_plan", plan_then_edit)
    suggest_articles([article.pk])
    article.refresh_from_db()
    for row in Suggestion.objects.filter(target="body").select_related("article"):
        assert words(row, "content")[0] in article.body
    berg = next(
        row
        for row in Suggestion.objects.filter(target="body").select_related("article")
        if words(row, "source") == ["Ana Berg, the port director"]
    )
    assert berg.cue_span[0] > len("Meanwhile, said the clerk, nothing changed.")


@pytest.mark.parametrize("group_size", [1, 2])
def test_a_crash_while_writing_leaves_its_group_untouched_and_earlier_ones_whole(
    monkeypatch, group_size
):
    """One transaction per group of articles: a crash while writing a group (here the one with
    the second article) leaves none of its articles written, and the groups before it stored
    whole."""
    stories = [story(title=f"Story {n}", external_id=f"c{n}") for n in range(3)]
    real_store_texts = runs.store_texts

    def failing_store_texts(items, **kwargs):
        written = real_store_texts(items, **kwargs)  # the rows are in, then the worker dies
        if any(item.article.pk == stories[1].pk for item in items):
            raise RuntimeError("worker killed")
        return written

    monkeypatch.setattr(runs, "store_texts", failing_store_texts)
    with pytest.raises(RuntimeError):
        suggest_articles([s.pk for s in stories], group_size=group_size)
    done = set(Suggestion.objects.values_list("article_id", flat=True))
    assert done == ({stories[0].pk} if group_size == 1 else set())
    if group_size == 1:
        targets = Suggestion.objects.filter(article=stories[0]).values_list("target", flat=True)
        assert set(targets) == {"caption", "body"}


def test_ids_without_an_article_are_reported_not_fatal():
    """A deleted article's id (an import's article removed before the task ran) is counted as
    missing; the others are suggested for."""
    article = story()
    result = suggest_articles([article.pk, 999_999])
    assert result.missing == [999_999]
    assert result.articles == 1
    assert "1 article(s) no longer exist" in result.summary()


def test_a_queryset_is_read_in_keyset_chunks_and_every_article_done():
    """A queryset (a set, --all) is paged by primary key, `chunk_size` at a time, each article
    exactly once."""
    articles = [story(title=f"Story {n}", external_id=f"k{n}") for n in range(5)]
    result = suggest_articles(Article.objects.all(), chunk_size=2)
    assert result.articles == 5
    assert set(Suggestion.objects.values_list("article_id", flat=True)) == {a.pk for a in articles}


def test_queries_per_group_not_per_suggestion():
    """Few queries: a fixed number per chunk and per group of articles (a lock and the store's
    delete, read and insert), none per article or suggestion: ten articles in one group cost
    what twenty in one group cost, and two groups cost one group's queries more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(count: int, group_size: int) -> int:
        ids = [story(title=f"Story {uuid.uuid4()}").pk for _ in range(count)]
        with CaptureQueriesContext(connection) as captured:
            result = suggest_articles(ids, group_size=group_size)
        assert result.created == count * 4  # three in each body, one in each caption
        return len(captured)

    one_group = queries(10, group_size=10)
    assert queries(20, group_size=20) == one_group
    two_groups = queries(20, group_size=10)
    assert 0 < two_groups - one_group <= 10
    assert one_group <= 25


def test_progress_is_called_after_every_group():
    """The command's bar hears from the run after each group written, with the running
    counts."""
    ids = [story(title=f"Story {n}", external_id=f"p{n}").pk for n in range(3)]
    seen: list[int] = []
    suggest_articles(ids, group_size=2, progress=lambda result: seen.append(result.articles))
    assert seen == [2, 3]


def test_min_confidence_leaves_out_what_is_below_it():
    """Nothing below the threshold is stored (every rule is below 1.0)."""
    article = story()
    assert suggest_articles([article.pk], min_confidence=0.99).created == 0


# --- Registry resolution -------------------------------------------------------------------------


def confirmed_alias(source: Source, alias: str) -> SourceAlias:
    return SourceAlias.objects.create(
        source=source, alias=alias, confirmed=True, confirmed_at=timezone.now()
    )


def test_a_named_source_resolves_to_the_one_registry_entry_with_that_name_or_alias():
    """The engine's source_entity (here the name and, resolved by the engine, a later "she")
    resolves by the entry's name or an alias (normalised)."""
    berg = Source.objects.create(name="Ana Berg", kind="person")
    suggest_articles([story().pk])
    rows = Suggestion.objects.filter(source_name="Ana Berg")
    assert rows.exists()
    assert {row.source_entry for row in rows} == {berg}


def test_an_ambiguous_name_stays_unresolved():
    """Two entries sharing a name (one by its alias) resolve neither: nothing is guessed."""
    Source.objects.create(name="Ana Berg", kind="person")
    other = Source.objects.create(name="Ana Berg-Lind", kind="person")
    confirmed_alias(other, "ana berg")
    suggest_articles([story().pk])
    rows = Suggestion.objects.filter(source_name="Ana Berg")
    assert rows.exists()
    assert {row.source_entry for row in rows} == {None}


def test_an_alias_resolves_an_unnamed_source_only_when_the_article_names_the_entry():
    """ "The harbour board" resolves through an alias only in an article that names the entry;
    in another article the same words stay unresolved. No alias is ever written."""
    board = Source.objects.create(name="Harbour Board of Lindholm", kind="organisation")
    confirmed_alias(board, "harbour board")
    naming = story(external_id="n")
    naming.body = "The Harbour Board of Lindholm met on Monday.\n\n" + BODY
    naming.save()
    silent = story(external_id="s")
    aliases = SourceAlias.objects.count()
    suggest_articles([naming.pk, silent.pk])

    def board_rows(article: Article) -> list[Suggestion]:
        rows = Suggestion.objects.filter(article=article, target="body").select_related("article")
        return [r for r in rows if words(r, "source") == ["The harbour board"]]

    assert [r.source_entry for r in board_rows(naming)] == [board]
    assert [r.source_entry for r in board_rows(silent)] == [None]
    assert SourceAlias.objects.count() == aliases


def test_an_unconfirmed_alias_resolves_nothing():
    """A candidate alias (words an editor once resolved, never confirmed) is no evidence: the
    same set-up as above with the alias unconfirmed leaves "the harbour board" unresolved."""
    board = Source.objects.create(name="Harbour Board of Lindholm", kind="organisation")
    SourceAlias.objects.create(source=board, alias="harbour board")
    naming = story(external_id="n")
    naming.body = "The Harbour Board of Lindholm met on Monday.\n\n" + BODY
    naming.save()
    suggest_articles([naming.pk])
    rows = Suggestion.objects.filter(article=naming, target="body").select_related("article")
    assert [r.source_entry for r in rows if words(r, "source") == ["The harbour board"]] == [None]
    assert Registry.load().lookup("harbour board") is None


def test_registry_lookup_is_read_once_and_normalised():
    """Registry.load reads names and aliases once; lookups ignore case and spacing."""
    entry = Source.objects.create(name="Port  Authority", kind="organisation")
    registry = Registry.load()
    assert registry.lookup("port authority") == entry
    assert registry.lookup("") is None
