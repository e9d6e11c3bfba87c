"""The stored article most export tests read, and how they export it.

The article has a caption, nested spans, a note with HTML, an attribution to a source span
resolved to the registry (with its cue), an attribution to a registry entry alone, and pending
and rejected spans.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from django.contrib.auth import get_user_model

from annotations.models import Annotation, Attribution, Source, SourceAlias
from articles.models import Article
from interchange.exporting.formats import FORMATS
from interchange.exporting.loader import load_articles
from interchange.exporting.records import ArticleData
from tests.factories import make_annotation, make_article

NOTE = '<p>Check <em>the</em> date &amp; the <a href="https://example.org/x">minutes</a>.</p><p>Then call.</p>'
CAPTION = ("The old bridge at dawn, seen from the river.", "Photo: A. Lens")


def user(username: str):
    """An account without a password: hashing one costs more than these tests need."""
    return get_user_model().objects.create(username=username)


def annotated_article(**fields):
    """The fixture: returns the article and its annotations by name."""
    ana = user("ana")
    ben = user("ben")
    article = make_article(
        captions=[CAPTION],
        external_id=fields.pop("external_id", "wire-1"),
        url="https://example.org/news/bridge",
        outlet="City Press",
        published=datetime(2024, 5, 1, 8, 30, tzinfo=UTC),
        **fields,
    )
    caption = article.captions.get()
    minister = Source.objects.create(name="Minister of Transport", kind=Source.Kind.GOVERNMENT)
    SourceAlias.objects.create(source=minister, alias="transport minister")
    SourceAlias.objects.create(source=minister, alias="the minister")
    council = Source.objects.create(
        name="Engineering Council", kind=Source.Kind.ORGANISATION, description="Trade body"
    )
    ok = Annotation.Status.ACCEPTED
    spans = {
        "claim": make_annotation(
            article,
            "Claim",
            quote="the bridge would open in spring",
            author=ana,
            status=ok,
            note=NOTE,
        ),
        "nested": make_annotation(article, "Quote", quote="bridge would", author=ben, status=ok),
        "source": make_annotation(
            article, "Source", quote="The minister", author=ana, status=ok, source_entry=minister
        ),
        "cue": make_annotation(article, "Cue", quote="said", author=ana, status=ok),
        "claim2": make_annotation(
            article, "Claim", quote="Engineers were less sure", author=ben, status=ok
        ),
        "title": make_annotation(
            article, "Source", quote="Minister", author=ana, status=ok, target="title"
        ),
        "caption": make_annotation(
            article,
            "Quote",
            quote="old bridge",
            author=ben,
            status=ok,
            target="caption",
            caption=caption,
        ),
        "pending": make_annotation(article, "Quote", quote="a report", author=ben),
        "rejected": make_annotation(
            article, "Quote", quote="this newspaper", author=ben, status=Annotation.Status.REJECTED
        ),
    }
    Attribution.objects.create(
        claim=spans["claim"], source_span=spans["source"], cue=spans["cue"], author=ana
    )
    Attribution.objects.create(claim=spans["claim2"], source_entry=council, author=ben)
    return article, spans


def export(name: str, articles=None, **options) -> str:
    loaded = load_articles(
        articles if articles is not None else Article.objects.all(),
        approved_only=options.pop("approved_only", True),
    )
    return "".join(FORMATS[name].write(loaded, **options))


def one(article: Article, approved_only: bool = True) -> ArticleData:
    (loaded,) = load_articles(Article.objects.filter(pk=article.pk), approved_only=approved_only)
    return loaded


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


QUOTED_BODY = (
    "“The bridge opens in spring,” the harbour master said, “and the ferry stops.”\n\n"
    "It was reported that tolls would rise."
)


def quoted_article(title: str = "Ferry to stop when the bridge opens"):
    """An article whose attributions the newer fields carry: a quotation interrupted by its cue
    (one attribution, two content fragments, a source span and a cue) and a claim whose source
    is implicit ("It was reported"). Every span accepted. Returns the article and its spans by
    name."""
    ana = get_user_model().objects.get_or_create(username="ana")[0]
    article = make_article(title=title, body=QUOTED_BODY)
    ok = Annotation.Status.ACCEPTED

    def mark(tag: str, quote: str) -> Annotation:
        return make_annotation(article, tag, quote=quote, author=ana, status=ok)

    spans = {
        "first": mark("Claim", "“The bridge opens in spring,”"),
        "source": mark("Source", "the harbour master"),
        "cue": mark("Cue", "said"),
        "second": mark("Claim", "“and the ferry stops.”"),
        "reported": mark("Cue", "It was reported"),
        "tolls": mark("Claim", "that tolls would rise"),
    }
    quote = Attribution.objects.create(
        claim=spans["first"], source_span=spans["source"], cue=spans["cue"], author=ana
    )
    quote.fragments.add(spans["second"])
    Attribution.objects.create(
        claim=spans["tolls"], implicit_source=True, cue=spans["reported"], author=ana
    )
    return article, spans
