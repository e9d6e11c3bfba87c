"""Other tools' pre-annotations in, Suggestion rows out: the Django side of suggestions.external.

`SuggestionImport(options).read(file)` streams a file (a path, or a binary stream such as an
upload: what an admin action would hand it), parses each top-level object with the format's
parser, finds the articles of a batch of documents in two queries, places the candidates on
the articles' texts and stores them through `suggestions.store.store`, the one write path: so
a suggestion an editor rejected is never offered again, and the same suggestion from two
origins is stored once. `import_suggestions` does it for several files and returns the report.

Replacing: the first time an import stores for an (article, text, origin), the origin's
unreviewed suggestions on that text go (a new run of a model replaces its previous one); later
documents of the same import add to them (a second model version in the same file, or a second
document for the same article). With `replace=False` nothing pending is removed. The keys seen
are kept for the import's length: a few bytes per article.

Memory: the file is read line by line (`interchange.importing.jsonl.json_objects`), one
top-level object decoded at a time, documents stored in batches of BATCH; the problems kept
are capped at MAX_KEPT (all are counted, and `on_problem` sees every one as it comes). Files
over IMPORT_MAX_FILE_BYTES are refused before reading.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.db.models import Q

from annotations.models import Tag
from articles.content import canonical_text
from articles.models import Article, ImageCaption
from interchange.importing.decoding import decode_lines
from interchange.importing.jsonl import JsonObject, json_objects
from interchange.importing.limits import Limits, over
from interchange.importing.records import RecordError

from .. import engine
from ..runs import Registry
from ..store import Proposal, store
from . import citron, labelstudio
from .placing import ArticleTexts, Placed, place
from .records import ExternalDoc, Problem

FORMATS = ("citron", "labelstudio")
BATCH = 200
MAX_KEPT = 500
# Our tags' roles as roles of a suggestion (a Quote is content too).
TAG_ROLES: dict[str, str] = {
    Tag.Role.SOURCE: "source",
    Tag.Role.CUE: "cue",
    Tag.Role.CLAIM: "content",
    Tag.Role.QUOTE: "content",
}


@dataclass(frozen=True, slots=True)
class ImportOptions:
    format: str
    model: str | None = None  # origin for every suggestion, instead of the file's model name
    replace: bool = True
    labels: tuple[tuple[str, str], ...] = ()  # Label Studio: extra (role, label name) pairs
    text_key: str = "text"  # Label Studio: the data key holding the text
    default_confidence: float = 0.5  # when the file gives no score
    annotations: bool = False  # Label Studio: read the tasks' annotations too

    def check(self) -> None:
        """Refuse what would store wrongly; ValueError with the reason."""
        if self.format not in FORMATS:
            raise ValueError(f"format {self.format!r}: one of {', '.join(FORMATS)}")
        if self.model is not None:
            name = self.model.strip()
            if not name or len(name) > 100:
                raise ValueError("--model: a name of 1 to 100 characters")
            if name == engine.ORIGIN:
                # replace would delete the engine's own pending suggestions.
                raise ValueError(f"--model: {engine.ORIGIN!r} is this project's rule engine")
        if not 0 <= self.default_confidence <= 1:
            raise ValueError("the default confidence must be in [0, 1]")


@dataclass(slots=True)
class ImportReport:
    """What an import did, for the command's summary and an admin message."""

    files: int = 0
    documents: int = 0
    articles: int = 0  # documents matched to an article
    candidates: int = 0  # complete attributions read
    created: int = 0
    replaced: int = 0
    skipped_decided: int = 0
    skipped_duplicate: int = 0
    problem_count: int = 0
    problems: list[Problem] = field(default_factory=list)  # the first MAX_KEPT
    notes: list[str] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        parts = [
            f"{self.documents} document(s) in {self.files} file(s), "
            f"{self.articles} matched to an article",
            f"{self.candidates} attribution(s) read",
            f"{self.created} suggestion(s) stored ({self.replaced} unreviewed replaced)",
        ]
        if self.skipped_decided:
            parts.append(f"{self.skipped_decided} already accepted or rejected, not re-offered")
        if self.skipped_duplicate:
            parts.append(f"{self.skipped_duplicate} already pending")
        parts.append(f"{self.problem_count} problem(s)")
        text = "; ".join(parts)
        if self.ignored:
            left = ", ".join(f"{what} ×{n}" for what, n in sorted(self.ignored.items()))
            text += f". Left out: {left}"
        return text


class SuggestionImport:
    """One import of one format, over one or more files (see the module doc)."""

    def __init__(
        self,
        options: ImportOptions,
        *,
        on_problem: Callable[[Problem], None] | None = None,
        limits: Limits | None = None,
    ) -> None:
        options.check()
        self.options = options
        self.on_problem = on_problem
        self.limits = limits or Limits.from_settings()
        self.report = ImportReport()
        # the tool's resolved source name, when the registry has exactly one entry by that
        # name or alias (runs.Registry, as for the engine's suggestions); else unresolved
        self._registry = Registry.load()
        self._seen: set[tuple[int, str, int | None, str]] = set()
        self._labels = labelstudio.LabelMap.build(
            [(TAG_ROLES[t.role], t.name) for t in Tag.objects.filter(role__in=list(TAG_ROLES))],
            options.labels,
        )

    def read(self, source: str | os.PathLike[str] | IO[bytes], filename: str) -> None:
        """Import one file; problems are reported, never raised."""
        self.report.files += 1
        size = _size(source)
        if size is not None and size > self.limits.max_file_bytes:
            self._problem(
                Problem(filename, "", "", over("the file is", size, self.limits, "FILE_BYTES"))
            )
            return
        try:
            lines, note = decode_lines(source, filename)
        except OSError as error:
            self._problem(Problem(filename, "", "", f"cannot be read: {error.strerror or error}"))
            return
        if note:
            self.report.notes.append(note)
        noun = "document" if self.options.format == "citron" else "task"
        batch: list[ExternalDoc | Problem] = []  # problems wait their turn: file order
        for found in json_objects(lines, filename, noun=noun):
            if isinstance(found, RecordError):
                batch.append(Problem(filename, f"line {found.line}", "", found.message))
                continue
            batch.append(self._parse(found, filename))
            if len(batch) >= BATCH:
                self._store(batch)
                batch = []
        self._store(batch)

    def _parse(self, found: JsonObject, filename: str) -> ExternalDoc:
        self.report.documents += 1
        label = f"{found.label} (line {found.line})"
        if self.options.format == "citron":
            return citron.parse(
                found.data,
                file=filename,
                label=label,
                name=Path(filename).stem,
                default_confidence=self.options.default_confidence,
            )
        return labelstudio.parse(
            found.data,
            file=filename,
            label=label,
            labels=self._labels,
            text_key=self.options.text_key,
            default_confidence=self.options.default_confidence,
            annotations=self.options.annotations,
        )

    def _store(self, batch: list[ExternalDoc | Problem]) -> None:
        found = _ArticleFinder([doc for doc in batch if isinstance(doc, ExternalDoc)])
        for doc in batch:
            if isinstance(doc, Problem):
                self._problem(doc)
                continue
            self.report.ignored.update(doc.ignored)
            self.report.candidates += sum(len(run.candidates) for run in doc.runs)
            article = found.article(doc) if doc.runs else None
            if article is not None:
                self.report.articles += 1
                self._store_doc(doc, article, found.captions[article.pk])
            for problem in doc.problems:
                self._problem(problem)

    def _store_doc(self, doc: ExternalDoc, article: Article, captions: list[ImageCaption]) -> None:
        texts = ArticleTexts(article.title, article.body, tuple(c.text for c in captions))
        for run, placed in place(doc, texts, f"article {article.pk}"):
            origin = (self.options.model or run.origin).strip()
            by_text: dict[tuple[str, int | None], list[Placed]] = defaultdict(list)
            for one in placed:
                by_text[one.target, one.caption].append(one)
            whole = "\n".join([article.title, article.body, *texts.captions])
            for (target, index), group in by_text.items():
                caption = captions[index] if index is not None else None
                text = caption.text if caption else texts.title if target == "title" else texts.body
                key = (article.pk, target, caption.pk if caption else None, origin)
                first = key not in self._seen
                self._seen.add(key)
                result = store(
                    article,
                    [_proposal(one, self._registry, text, whole) for one in group],
                    origin=origin,
                    origin_version=run.version,
                    target=target,
                    caption=caption,
                    replace=self.options.replace and first,
                )
                self.report.created += result.created
                self.report.replaced += result.replaced
                self.report.skipped_decided += result.skipped_decided
                self.report.skipped_duplicate += result.skipped_duplicate
                for message in result.refused:
                    doc.problem(doc.label, "", f"not stored: {message}")

    def _problem(self, problem: Problem) -> None:
        self.report.problem_count += 1
        if len(self.report.problems) < MAX_KEPT:
            self.report.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)


def import_suggestions(
    files: Iterable[tuple[str | os.PathLike[str] | IO[bytes], str]],
    options: ImportOptions,
    *,
    on_problem: Callable[[Problem], None] | None = None,
) -> ImportReport:
    """Import (source, file name) pairs with one set of options: the entry point for the
    command and for an upload form (give it the uploaded file's stream and name)."""
    importer = SuggestionImport(options, on_problem=on_problem)
    for source, filename in files:
        importer.read(source, filename)
    return importer.report


def _proposal(placed: Placed, registry: Registry, text: str, article_text: str) -> Proposal:
    """A placed candidate as a Proposal, its source resolved through the registry as the
    engine's are (runs.Registry.resolve): by the tool's resolved name, or by the source's own
    words when they are an alias of an entry the article names."""
    words = text[slice(*placed.source[0])] if placed.source else ""
    entry = registry.resolve(placed.source_name, words, lambda name: name in article_text)
    return Proposal(
        source=placed.source,
        cue=placed.cue,
        content=placed.content,
        confidence=placed.confidence,
        rule=placed.rule,
        source_name=placed.source_name,
        source_entry=entry,
    )


def _size(source: str | os.PathLike[str] | IO[bytes]) -> int | None:
    if isinstance(source, str | os.PathLike):
        try:
            return os.path.getsize(source)
        except OSError:
            return None  # decode_lines reports it
    if source.seekable():
        here = source.tell()
        end = source.seek(0, os.SEEK_END)
        source.seek(here)
        return end - here
    return None


class _ArticleFinder:
    """The articles a batch of documents names and their captions, found in two queries."""

    def __init__(self, docs: list[ExternalDoc]) -> None:
        ids: set[int] = set()
        names: set[str] = set()
        bodies: set[str] = set()
        for doc in docs:
            ref = doc.ref
            if not doc.runs:
                continue
            if ref.article_id is not None:
                ids.add(ref.article_id)
            elif ref.external_id is not None:
                names.add(ref.external_id)
            elif doc.text is not None:
                bodies.add(canonical_text(doc.text))
            elif ref.name:
                names.add(ref.name)
                if ref.name.isdigit():
                    ids.add(int(ref.name))
        query = Q(pk__in=ids) | Q(external_id__in=names - {""}) | Q(body__in=bodies)
        articles = list(Article.objects.filter(query)) if ids or names or bodies else []
        # Captions apart, not prefetched: a prefetched caption points back at its article, and
        # such cycles wait for the cyclic garbage collector, so memory would grow with the file.
        self.captions: dict[int, list[ImageCaption]] = defaultdict(list)
        if articles:
            for caption in ImageCaption.objects.filter(article__in=articles).order_by(
                "position", "id"
            ):
                self.captions[caption.article_id].append(caption)
        self.by_id = {a.pk: a for a in articles}
        self.by_external = {a.external_id: a for a in articles if a.external_id}
        self.by_body: dict[str, list[Article]] = defaultdict(list)
        for a in articles:
            self.by_body[a.body].append(a)

    def article(self, doc: ExternalDoc) -> Article | None:
        """The document's article, or None with a problem added to the document."""
        ref = doc.ref
        found: Article | None
        if ref.article_id is not None:
            found = self.by_id.get(ref.article_id)
            if found is not None and ref.external_id and found.external_id != ref.external_id:
                doc.problem(
                    doc.label,
                    "external_id",
                    f"article {found.pk} has the external id {found.external_id!r}, "
                    f"not {ref.external_id!r}",
                )
                return None
        elif ref.external_id is not None:
            found = self.by_external.get(ref.external_id)
        elif doc.text is not None:
            matches = self.by_body.get(canonical_text(doc.text), [])
            if len(matches) > 1:
                ids = ", ".join(str(a.pk) for a in matches)
                doc.problem(doc.label, "text", f"several articles have this text ({ids}): name one")
                return None
            found = matches[0] if matches else None
        elif ref.name:
            found = self.by_external.get(ref.name)
            if found is None and ref.name.isdigit():
                found = self.by_id.get(int(ref.name))
        else:
            found = None
        if found is None:
            doc.problem(doc.label, "", f"no article found for {_described(doc)}")
        return found


def _described(doc: ExternalDoc) -> str:
    ref = doc.ref
    if ref.article_id is None and ref.external_id is None and doc.text is not None:
        return "its text (no article has it as its body)"
    if ref.article_id is None and ref.external_id is None and ref.name:
        return f"the file name {ref.name!r} (neither an external id nor an article id)"
    return str(ref)
