"""The formats registry, and what holds for every writer: they stream, and read what the loader
gives."""

from __future__ import annotations

import itertools

import pytest

from annotations.models import Annotation, Attribution, Source
from articles.models import Article
from interchange.exporting.formats import FORMATS
from interchange.exporting.loader import load_articles
from tests.factories import make_annotation, make_article, make_user
from tests.interchange.exporting.sample_db import annotated_article, one
from tests.interchange.exporting.sample_records import load_docbin, parse_ann, unzip


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["native", "csv", "w3c", "doccano", "labelstudio"])
def test_every_writer_consumes_an_endless_stream_lazily(name):
    """Writers hold one article (one page) at a time: given an endless stream of articles
    they still yield their first pieces, so memory cannot grow with the export."""
    article, _ = annotated_article()
    endless = itertools.repeat(one(article))
    pieces = list(itertools.islice(FORMATS[name].write(endless, page_size=2), 4))
    assert len(pieces) == 4 and all(pieces)


def test_formats_registry_names_writer_type_extension_and_binary_flag():
    """Each format names a writer, a content type, an extension and whether it is binary; the
    text formats are not binary."""
    for name, (write, content_type, extension, binary, drops) in FORMATS.items():
        assert callable(write) and "/" in content_type and extension.isalnum(), name
        assert isinstance(binary, bool) and (drops is None or callable(drops))
    assert not any(FORMATS[name].binary for name in ("native", "csv", "w3c", "doccano"))
    assert not FORMATS["labelstudio"].binary


@pytest.mark.django_db
def test_both_formats_read_back_from_the_database():
    """Annotations saved through the models, loaded by load_articles and written by FORMATS'
    brat and spacy writers, read back with the same counts and texts; pending ones are left
    out by default."""
    editor = make_user(role="editor")
    article = make_article(captions=[("Engineers on the bridge deck", "AP")])
    caption = article.captions.get()
    accepted = {"author": editor, "status": Annotation.Status.ACCEPTED}
    claim = make_annotation(article, "Claim", quote="the bridge would open in spring", **accepted)
    source = make_annotation(article, "Source", quote="The minister", **accepted)
    cue = make_annotation(article, "Cue", quote="said", **accepted)
    make_annotation(article, "Claim", target="title", quote="Minister says", **accepted)
    make_annotation(
        article, "Quote", target="caption", caption=caption, quote="Engineers", **accepted
    )
    make_annotation(article, "Claim", quote="spring.\n\nEngineers", **accepted)
    make_annotation(article, "Claim", quote="less sure", author=editor)  # pending
    entry = Source.objects.create(name="Ministry of Transport", kind="government")
    Attribution.objects.create(claim=claim, source_span=source, cue=cue, author=editor)
    Attribution.objects.create(claim=claim, source_entry=entry, author=editor)

    def data():
        return load_articles(Article.objects.all())

    files = unzip(FORMATS["brat"].write(data()))
    spans, relations, notes = parse_ann(files[f"newsroom/{article.pk}.ann"])
    txt = files[f"newsroom/{article.pk}.txt"]
    assert len(spans) == 6
    for _, pieces, text in spans.values():
        assert text == " ".join(txt[s:e] for s, e in pieces)
    assert sorted(r[0] for r in relations) == ["CueOf", "SourceOf"]
    assert [n[1] for n in notes] == ["source: Ministry of Transport"]

    docs = load_docbin(FORMATS["spacy"].write(data()))
    assert [d.text for d in docs] == [article.title, caption.text, article.body]
    assert sum(len(d.spans["sc"]) for d in docs) == 6
    quotes = sorted(s.text for d in docs for s in d.spans["sc"])
    assert quotes == sorted(
        Annotation.objects.filter(status="accepted").values_list("quote", flat=True)
    )


@pytest.mark.django_db
def test_only_formats_without_relations_for_every_link_count_dropped_links():
    """doccano's default layout drops every attribution; with relations it (and Label Studio)
    drops only a source that is no span; the other formats keep every link (no counter)."""
    from interchange.exporting.formats import DroppedLinks
    from tests.interchange.exporting.sample_db import quoted_article

    annotated_article()  # a source span with its cue; a registry entry alone
    quoted_article()  # a content in two fragments; an implicit source
    expected = {"doccano": 4, "doccano-relations": 2, "labelstudio": 1}
    for name in FORMATS:
        dropped = DroppedLinks(name)
        out = FORMATS[name].write(dropped.counted(load_articles(Article.objects.all())))
        for _ in out:
            pass
        assert dropped.applies == (name in expected), name
        assert dropped.count == expected.get(name, 0), name
    assert DroppedLinks("doccano").phrase() == (
        "0 attribution links dropped (doccano cannot carry them)"
    )


@pytest.mark.django_db
def test_doccano_relations_is_doccano_with_its_relations():
    """The "doccano-relations" format is doccano's writer with relations=True: entities and
    relations instead of labels, a source relation for the source span."""
    import json

    annotated_article()
    (document,) = [
        json.loads(line)
        for line in FORMATS["doccano-relations"].write(load_articles(Article.objects.all()))
    ]
    assert "label" not in document and len(document["entities"]) == 7
    assert sorted(r["type"] for r in document["relations"]) == ["cue", "source"]
