"""brat standoff: a ZIP holding one brat collection, streamed one article at a time.

Layout (docs/formats/exports.md): inside the folder `<collection>/`, per article `<pk>.txt`
(its title, each caption and its body joined by a blank line, `records.flat_text`) and `<pk>.ann`
(the spans as T lines, notes as AnnotatorNotes, attributions as SourceOf / CueOf relations, a
content in several fragments as FragmentOf relations from each further fragment to the claim,
an implicit source as the ImplicitSource attribute of the claim), then `annotation.conf`
listing the types that occur, written last because only then are they all known.

Why relations and not one discontinuous T line for a content in fragments: each fragment is an
annotation of its own in Newsroom (its id, tag, note, review status), and one T line per
annotation keeps that; brat's discontinuous form marks one mention cut by line breaks (it is
used for that below), and merging the fragments into it would lose the fragments' own notes
and statuses, and the span that heads the attribution.

Offsets are character offsets into the .txt as Python counts them, i.e. Unicode code points:
brat is Python and slices its decoded text, so they are Newsroom's own offsets shifted by where
the span's part starts in the .txt. A line of a .ann file cannot hold a line break, so a span
that contains one is written as brat writes such spans itself: discontinuous, one fragment per
line of text (`T1\tClaim 10 27;29 50\tfirst line second line`, the fragments' texts joined by a
space).

The ZIP is written with Python's zipfile onto a sink that cannot seek (entries then carry data
descriptors), and the sink is drained after every article: memory holds one article, and the
first bytes go out as soon as the first article is read.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Buffer, Iterable, Iterator

from .records import ArticleData, flat_text, note_text, place

COLLECTION = "newsroom"
RELATION_SOURCE = "SourceOf"  # Arg1: the Source span, Arg2: the Claim it is the source of
RELATION_CUE = "CueOf"  # Arg1: the Cue span, Arg2: the Claim
RELATION_FRAGMENT = "FragmentOf"  # Arg1: a further fragment of the content, Arg2: the Claim
ATTRIBUTE_IMPLICIT = "ImplicitSource"  # on a Claim whose source the text does not name
_RESERVED = (RELATION_SOURCE, RELATION_CUE, RELATION_FRAGMENT, ATTRIBUTE_IMPLICIT)
_LINE = re.compile(r"[^\n]+")
_UNSAFE = re.compile(r"[^0-9A-Za-z_-]+")


class _Sink(io.RawIOBase):
    """A write-only, unseekable file that keeps what is written until drained."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._position = 0

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, data: Buffer, /) -> int:
        chunk = bytes(data)
        self._chunks.append(chunk)
        self._position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._position

    def drain(self) -> bytes:
        out = b"".join(self._chunks)
        self._chunks.clear()
        return out


class _Types:
    """Tag names as brat type names: ASCII letters, digits, - and _ (a run of anything else
    becomes _), made unique. Remembers every tag it saw, for annotation.conf."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self._taken: set[str] = set()

    def __call__(self, tag: str) -> str:
        name = self.names.get(tag)
        if name is None:
            base = _UNSAFE.sub("_", tag).strip("_") or "Tag"
            name, n = base, 1
            while name in self._taken or name in _RESERVED:
                n += 1
                name = f"{base}_{n}"
            self.names[tag] = name
            self._taken.add(name)
        return name


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of `text` cut at line breaks: the runs of the span that hold no "\\n"."""
    return [m.span() for m in _LINE.finditer(text, start, end)]


def write(
    articles: Iterable[ArticleData],
    *,
    collection: str = COLLECTION,
    report: list[str] | None = None,
    **_options: object,
) -> Iterator[bytes]:
    """The ZIP, in chunks: one per article, then annotation.conf and the ZIP's directory.

    `report`, when given, receives a line for each span that could not be written (one made
    of line breaks only: brat has no way to mark it). Other options are ignored."""
    sink = _Sink()
    types = _Types()
    arguments: dict[str, tuple[set[str], set[str]]] = {
        RELATION_SOURCE: (set(), set()),
        RELATION_CUE: (set(), set()),
        RELATION_FRAGMENT: (set(), set()),
    }
    flagged: dict[str, set[str]] = {ATTRIBUTE_IMPLICIT: set()}
    stamp = time.localtime()[:6]
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def add(name: str, text: str) -> None:
            info = zipfile.ZipInfo(f"{collection}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))

        for article in articles:
            txt, ann = document(article, types, arguments, report, flagged)
            add(f"{article.id}.txt", txt)
            add(f"{article.id}.ann", ann)
            yield sink.drain()
        add("annotation.conf", annotation_conf(types, arguments, flagged))
    yield sink.drain()


def document(
    article: ArticleData,
    types: _Types,
    arguments: dict[str, tuple[set[str], set[str]]],
    report: list[str] | None = None,
    flagged: dict[str, set[str]] | None = None,
) -> tuple[str, str]:
    """The .txt and .ann of one article. `arguments` and `flagged` collect, for
    annotation.conf, the types each relation and each attribute was written for."""
    flat = flat_text(article)
    text = flat.text
    lines: list[str] = []
    ids: dict[str, str] = {}  # client_id -> T id
    type_of: dict[str, str] = {}
    notes: dict[str, list[str]] = {}
    for span in article.annotations:
        offset = flat.offset(span.target, span.caption)
        start, end = span.start + offset, span.end + offset
        pieces = fragments(text, start, end)
        if not pieces:
            if report is not None:
                report.append(
                    f"article {article.id}: {place(span)} span {span.start}–{span.end} ({span.tag}) holds only line breaks: not in the brat export"
                )
            continue
        tid = f"T{len(ids) + 1}"
        ids[span.client_id] = tid
        type_of[span.client_id] = types(span.tag)
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        quote = " ".join(text[s:e] for s, e in pieces)
        lines.append(f"{tid}\t{type_of[span.client_id]} {offsets}\t{quote}")
        said = [note_text(span.note)] if span.note else []
        if span.source:
            said.append(f"registry entry: {span.source}")
        if said:
            notes[tid] = said
    relations: list[tuple[str, str, str]] = []
    implicit: list[str] = []
    for link in article.attributions:
        claim = ids.get(link.claim)
        if claim is None:
            continue
        pairs = [(RELATION_SOURCE, link.source_span), (RELATION_CUE, link.cue)]
        pairs += [(RELATION_FRAGMENT, fragment) for fragment in link.fragments]
        for relation, other in pairs:
            if other is None or other not in ids:
                continue
            triple = (relation, ids[other], claim)
            if triple not in relations:
                relations.append(triple)
                arguments[relation][0].add(type_of[other])
                arguments[relation][1].add(type_of[link.claim])
        if link.source and link.source_span is None:
            notes.setdefault(claim, []).append(f"source: {link.source}")
        if link.implicit_source and claim not in implicit:
            implicit.append(claim)
            if flagged is not None:
                flagged[ATTRIBUTE_IMPLICIT].add(type_of[link.claim])
    for number, (relation, arg1, arg2) in enumerate(relations, start=1):
        lines.append(f"R{number}\t{relation} Arg1:{arg1} Arg2:{arg2}")
    for number, claim in enumerate(implicit, start=1):
        lines.append(f"A{number}\t{ATTRIBUTE_IMPLICIT} {claim}")
    for number, (tid, said) in enumerate(notes.items(), start=1):
        lines.append(f"#{number}\tAnnotatorNotes {tid}\t{' · '.join(said)}")
    return text, "".join(line + "\n" for line in lines)


def annotation_conf(
    types: _Types,
    arguments: dict[str, tuple[set[str], set[str]]],
    flagged: dict[str, set[str]] | None = None,
) -> str:
    """brat's type configuration for the collection: the tags seen as entity types, the
    attribution relations, <OVERLAP> allowing spans of any types to nest and overlap, and the
    ImplicitSource attribute (a flag) on the types it was written for."""

    def either(names: set[str]) -> str:
        return "|".join(sorted(names)) or "<ENTITY>"

    out = ["# Written by Newsroom's brat export: entity types are tag names."]
    out += [
        f"# Tag {tag!r} is written as {name}."
        for tag, name in sorted(types.names.items())
        if tag != name
    ]
    out.append("[entities]")
    out += [name for _, name in sorted(types.names.items(), key=lambda item: item[1])]
    out.append("[relations]")
    for relation, (arg1, arg2) in arguments.items():
        out.append(f"{relation}\tArg1:{either(arg1)}, Arg2:{either(arg2)}")
    out.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    out += ["[events]", "[attributes]"]
    for attribute, on in (flagged or {}).items():
        if on:
            out.append(f"{attribute}\tArg:{either(on)}")
    return "\n".join(out) + "\n"
