"""Suggesting for stored articles: the engine on every text of each article (title, captions,
body), its sources resolved against the registry, the result stored through
`suggestions.store` — what `suggest_attributions --article/--set/--all` and the background task
after an import both run.

Shape of a run, chosen for a 10,000-article import in the background:

- **Memory flat in the number of articles.** Articles are read `CHUNK` at a time by primary
  key (keyset pages, each a complete query, so nothing stays open while rows are written); only
  one chunk's texts are held. The registry is read once per run.
- **Few queries per article.** Per chunk: the articles, their captions, and which of their
  texts already hold this engine's unreviewed suggestions (three queries). Per group of `GROUP`
  articles: a lock on their rows, then `store_texts` (one delete, one read, one insert) for
  every text that has proposals or old ones to replace.
- **Short transactions, whole articles.** The engine runs before the transaction opens; each
  group is then written in one short transaction (milliseconds), so an editor's save never
  waits long behind a run (on SQLite, where a writer locks the whole database, the engine's
  work on the next group leaves it a free window), and a worker killed mid-run leaves every
  article either done or untouched. A re-run (a task delivered twice, retried) stores the same
  set again: the store replaces the engine's pending suggestions and skips decided ones.
- **The text the suggestions were made on.** Inside the transaction the articles' revisions
  are read with a row lock; an article whose text changed since the chunk was read is
  suggested again from the text as it is now.

Registry resolution (issue 9: "resolve each source to an entry of the source registry when the
article or the registry makes it clear"): the engine's `source_entity` (a name it read in the
text) resolves when exactly one registry entry has that name or alias (`normalise_alias`); an
unnamed source ("the monitor") resolves by its words only when they are an alias of exactly one
entry *and* the article names that entry, so a generic alias never reaches an article about
someone else. Nothing is guessed and no alias is ever written: a pronoun or a source named
nowhere in the registry stays unresolved (its name is kept as `source_name`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import batched

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from annotations.models import Annotation, Source, SourceAlias, normalise_alias
from articles.models import Article, ImageCaption

from .engine import ORIGIN, VERSION
from .models import Suggestion
from .store import Proposal, Stored, TextProposals, store_texts
from .textmap import suggest_stored

# Every rule's confidence is at least this; what is stored is the engine's precision-tuned set,
# the same as the file form of suggest_attributions writes by default.
MIN_CONFIDENCE = 0.6
CHUNK = 200  # articles read per query
GROUP = 10  # articles written per transaction
_DETERMINERS = ("the ", "a ", "an ")


@dataclass(slots=True)
class RunResult:
    """What a run did, for the command's summary and the task's return value."""

    articles: int = 0  # articles suggested for
    created: int = 0
    replaced: int = 0  # unreviewed suggestions of an earlier run removed
    skipped: int = 0  # already decided by an editor, or pending from another origin
    refused: int = 0  # proposals whose spans did not fit (never expected from the engine)
    missing: list[int] = field(default_factory=list)  # ids with no article (deleted since)

    def add(self, stored: Stored) -> None:
        self.created += stored.created
        self.replaced += stored.replaced
        self.skipped += stored.skipped_decided + stored.skipped_duplicate
        self.refused += len(stored.refused)

    def merge(self, other: RunResult) -> None:
        self.articles += other.articles
        self.created += other.created
        self.replaced += other.replaced
        self.skipped += other.skipped
        self.refused += other.refused
        self.missing += other.missing

    def summary(self) -> str:
        line = (
            f"{self.articles} article(s): created {self.created}, replaced {self.replaced}, "
            f"skipped {self.skipped} already decided or pending"
        )
        if self.refused:
            line += f", refused {self.refused}"
        if self.missing:
            line += f"; {len(self.missing)} article(s) no longer exist"
        return line

    def as_dict(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "created": self.created,
            "replaced": self.replaced,
            "skipped": self.skipped,
            "refused": self.refused,
            "missing": len(self.missing),
        }


class Registry:
    """The source registry's names and confirmed aliases, normalised, each to its entry; a name
    two entries share maps to None (ambiguous: never resolved)."""

    def __init__(self, names: dict[str, int | None], entries: dict[int, Source]) -> None:
        self.names = names
        self.entries = entries

    @classmethod
    def load(cls) -> Registry:
        """Read once per run: two queries, however many articles follow."""
        entries = {source.pk: source for source in Source.objects.only("id", "name")}
        names: dict[str, int | None] = {}

        def add(key: str, pk: int) -> None:
            names[key] = pk if names.get(key, pk) == pk else None

        for pk, source in entries.items():
            add(normalise_alias(source.name), pk)
        # Confirmed aliases only: a candidate (words some editor once resolved) is no evidence.
        confirmed = SourceAlias.objects.confirmed()
        for source_id, normalised in confirmed.values_list("source_id", "normalised"):
            add(normalised, source_id)
        return cls(names, entries)

    def lookup(self, words: str) -> Source | None:
        """The one entry with these words as its name or alias, else None."""
        pk = self.names.get(normalise_alias(words)) if words else None
        return self.entries.get(pk) if pk is not None else None

    def resolve(
        self, name: str | None, source_words: str, named: Callable[[str], bool]
    ) -> Source | None:
        """The entry a suggestion's source refers to, or None. `name` is the engine's
        `source_entity`; `source_words` the source span's text; `named(entry_name)` says
        whether the article names that entry (asked only for an alias match)."""
        if name:
            entry = self.lookup(name)
            if entry is not None:
                return entry
        if not source_words or not self.names:
            return None
        candidates = [source_words]
        lowered = source_words.lower()
        candidates += [source_words[len(d) :] for d in _DETERMINERS if lowered.startswith(d)]
        for words in candidates:
            entry = self.lookup(words)
            if entry is not None and named(entry.name):
                return entry
        return None


@dataclass(slots=True)
class _Text:
    """One text of an article and the proposals the engine made for it."""

    target: str
    caption: ImageCaption | None
    proposals: list[Proposal]


def proposals_for(
    text: str,
    registry: Registry,
    named: Callable[[str], bool],
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Proposal]:
    """The engine's suggestions for one stored text, as proposals to store (offsets into the
    text as stored), their sources resolved where the registry makes it clear."""
    proposals = []
    for found in suggest_stored(text, min_confidence):
        words = " ".join(text[s:e] for s, e in found.source)
        proposals.append(
            Proposal(
                source=found.source,
                cue=found.cue,
                content=found.content,
                confidence=found.confidence,
                rule=found.rule,
                source_name=found.source_entity or "",
                source_entry=registry.resolve(found.source_entity, words, named),
            )
        )
    return proposals


def _plan(
    article: Article, captions: list[ImageCaption], registry: Registry, min_confidence: float
) -> list[_Text]:
    """Every text of the article (title, captions in order, body) with its proposals."""
    folded: list[str] = []

    def named(entry_name: str) -> bool:
        if not folded:  # built on first need: most sources resolve by name or not at all
            texts = [article.title, *(c.text for c in captions), article.body]
            folded.append(" ".join(" ".join(t.split()) for t in texts).casefold())
        return entry_name.casefold() in folded[0]

    def plan(target: str, caption: ImageCaption | None, text: str) -> _Text:
        return _Text(target, caption, proposals_for(text, registry, named, min_confidence))

    Target = Annotation.Target
    return [
        plan(Target.TITLE, None, article.title),
        *(plan(Target.CAPTION, caption, caption.text) for caption in captions),
        plan(Target.BODY, None, article.body),
    ]


def _captions_of(article_ids: list[int]) -> dict[int, list[ImageCaption]]:
    by_article: dict[int, list[ImageCaption]] = defaultdict(list)
    captions = ImageCaption.objects.filter(article_id__in=article_ids).only(
        "id", "article_id", "position", "text"
    )
    for caption in captions.order_by("article_id", "position", "id"):
        by_article[caption.article_id].append(caption)
    return by_article


def _write(
    planned: list[tuple[Article, list[_Text]]],
    pending: set[tuple[int, str, int | None]],
    registry: Registry,
    min_confidence: float,
) -> RunResult:
    """Store a group of articles' proposals in one transaction, against their text as it is
    now; what it did, to be counted once the transaction has committed."""
    result = RunResult()
    items: list[TextProposals] = []
    with transaction.atomic():
        revisions = dict(
            Article.objects.select_for_update()
            .filter(pk__in=[article.pk for article, _ in planned])
            .values_list("pk", "revision")
        )
        for article, texts in planned:
            revision = revisions.get(article.pk)
            if revision is None:
                result.missing.append(article.pk)
                continue
            everything = revision != article.revision
            if everything:
                # Edited since the chunk was read: suggest again from the text as it is now,
                # and rewrite every text (old suggestions may sit on one that has none now).
                article = Article.objects.only("id", "title", "body", "revision").get(pk=article.pk)
                captions = _captions_of([article.pk])[article.pk]
                texts = _plan(article, captions, registry, min_confidence)
            for text in texts:
                key = (article.pk, text.target, text.caption.pk if text.caption else None)
                if text.proposals or everything or key in pending:
                    items.append(TextProposals(article, text.target, text.caption, text.proposals))
            result.articles += 1
        result.add(store_texts(items, origin=ORIGIN, origin_version=VERSION))
    return result


def _chunks(articles: QuerySet[Article] | Iterable[int], size: int) -> Iterator[list[int]]:
    """Article ids, `size` at a time, ascending: keyset pages of a queryset (each page a
    complete query), or a list of ids sorted and cut."""
    if isinstance(articles, QuerySet):
        ids = articles.order_by("pk").values_list("pk", flat=True)
        last = 0
        while page := list(ids.filter(pk__gt=last)[:size]):
            yield page
            last = page[-1]
        return
    unique = sorted(set(articles))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


def suggest_articles(
    articles: QuerySet[Article] | Iterable[int],
    *,
    chunk_size: int = CHUNK,
    group_size: int = GROUP,
    min_confidence: float = MIN_CONFIDENCE,
    progress: Callable[[RunResult], None] | None = None,
) -> RunResult:
    """Suggest for each article (a queryset, or ids) and store the suggestions; `progress` is
    called with the running result after each group of articles is written."""
    result = RunResult()
    registry = Registry.load()
    for ids in _chunks(articles, chunk_size):
        found = Article.objects.filter(pk__in=ids).only("id", "title", "body", "revision")
        chunk = list(found.order_by("pk"))
        known = {article.pk for article in chunk}
        result.missing += [pk for pk in ids if pk not in known]
        captions = _captions_of(ids)
        pending: set[tuple[int, str, int | None]] = set(
            Suggestion.objects.filter(
                article_id__in=ids, origin=ORIGIN, status=Suggestion.Status.PENDING
            )
            .order_by()  # else the model's ordering joins captions and widens DISTINCT
            .values_list("article_id", "target", "caption_id")
            .distinct()
        )
        for group in batched(chunk, max(1, group_size)):
            planned = [
                (article, _plan(article, captions.get(article.pk, []), registry, min_confidence))
                for article in group
            ]
            try:
                done = _write(planned, pending, registry, min_confidence)
            except IntegrityError:
                # Another origin stored one of these at the same moment (one row per
                # fingerprint): the group's transaction is undone whole; once more.
                done = _write(planned, pending, registry, min_confidence)
            result.merge(done)
            if progress is not None:
                progress(result)
    return result
