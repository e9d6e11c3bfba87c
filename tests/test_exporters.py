"""Exports: the plain-data loader, each writer, the set → articles rule and the command.

The fixture article has a caption, nested spans, a note with HTML, an attribution to a source
span resolved to the registry (with its cue), an attribution to a registry entry alone, and
pending and rejected spans. The W3C export is validated against the W3C test suite's schemas
(../shared/testdata/w3c-web-annotation), Label Studio's with label-studio-converter, and the
native export by a round trip through the importer into an emptied database.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import random
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft4Validator, Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from annotations.exporters import FORMATS, data, labelstudio, native, w3c
from annotations.exporters import csv as csv_export
from annotations.exporters.data import ArticleData, load_articles
from annotations.models import AnnotatedSet, Annotation, Attribution, Source, SourceAlias, Tag
from articles.models import Article
from interchange import native as native_format
from interchange.importing import jsonl
from interchange.importing.saver.run import save_records

from .conftest import SHARED, needs_shared
from .factories import make_annotation, make_article

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
W3C_TESTS = SHARED / "testdata" / "w3c-web-annotation"
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


# --- The loader ---------------------------------------------------------------------------------


def test_loader_snapshots_an_article_in_reading_order():
    """Captions, annotations in reading order (title, caption, body; enclosing span first),
    caption indexes, authors, registry names, links by client id, sources with sorted aliases."""
    article, spans = annotated_article()
    loaded = one(article)
    assert (loaded.title, loaded.body, loaded.captions) == (article.title, article.body, [CAPTION])
    assert loaded.caption_ids == [article.captions.get().pk]
    order = [a.client_id for a in loaded.annotations]
    names = ["title", "caption", "source", "cue", "claim", "nested", "claim2"]
    assert order == [str(spans[n].client_id) for n in names]
    by_quote = {a.quote: a for a in loaded.annotations}
    assert by_quote["old bridge"].caption == 0 and by_quote["old bridge"].target == "caption"
    assert by_quote["The minister"].source == "Minister of Transport"
    assert by_quote["bridge would"].author == "ben"
    assert by_quote["the bridge would open in spring"].tag_role == Tag.Role.CLAIM
    first, second = loaded.attributions
    assert (first.claim, first.source_span, first.source, first.cue, first.author) == (
        str(spans["claim"].client_id),
        str(spans["source"].client_id),
        None,
        str(spans["cue"].client_id),
        "ana",
    )
    assert (second.source_span, second.source, second.cue) == (None, "Engineering Council", None)
    assert [(s.name, s.aliases) for s in loaded.sources] == [
        ("Engineering Council", []),
        ("Minister of Transport", ["the minister", "transport minister"]),
    ]


def test_loader_keeps_accepted_annotations_unless_told_otherwise():
    """approved_only (the default) drops pending and rejected spans; off, every live span."""
    article, spans = annotated_article()
    assert {a.status for a in one(article).annotations} == {"accepted"}
    everything = one(article, approved_only=False)
    assert len(everything.annotations) == 9
    spans["pending"].mark_deleted()
    assert len(one(article, approved_only=False).annotations) == 8


def test_links_to_unexported_spans_are_dropped_or_lose_their_cue():
    """A link whose source span is not exported is left out; an unexported cue becomes None."""
    article, spans = annotated_article()
    Annotation.objects.filter(pk=spans["cue"].pk).update(status="pending")
    assert one(article).attributions[0].cue is None
    Annotation.objects.filter(pk=spans["source"].pk).update(status="rejected")
    assert [a.source for a in one(article).attributions] == ["Engineering Council"]


def test_loader_runs_the_same_queries_for_three_articles_as_for_thirty():
    """A fixed number of queries per batch, whatever the number of articles in it."""
    _, spans = annotated_article()
    author = spans["claim"].author

    def queries(n: int) -> int:
        for _ in range(n - Article.objects.count()):
            other = make_article(title=f"Other story {uuid.uuid4()}")
            make_annotation(other, quote="bridge", status="accepted", author=author)
        with CaptureQueriesContext(connection) as ctx:
            assert len(list(load_articles(Article.objects.all()))) == n
        return len(ctx.captured_queries)

    # ids, tags, articles, captions, annotations, attributions, users, sources, aliases
    assert queries(3) == queries(30) <= 9


def test_loader_is_lazy_and_reads_one_batch_at_a_time():
    """Nothing is read until the first article is asked for, then only its batch."""
    author = user("ana")
    for i in range(5):
        article = make_article(title=f"Story {i}")
        make_annotation(article, quote="bridge", status="accepted", author=author)
    with CaptureQueriesContext(connection) as ctx:
        stream = load_articles(Article.objects.all(), batch_size=2)
        assert len(ctx.captured_queries) == 0
        next(stream)
        after_first = len(ctx.captured_queries)
        rest = list(stream)
    assert len(rest) == 4
    assert 0 < after_first < len(ctx.captured_queries)


def test_articles_come_in_primary_key_order_by_default():
    """Article's own ordering (newest first) is not the export's: by primary key."""
    ids = [make_article(title=f"Story {i}").pk for i in range(3)]
    assert [a.id for a in load_articles(Article.objects.all())] == sorted(ids)
    explicit = Article.objects.order_by("-pk")
    assert [a.id for a in load_articles(explicit)] == sorted(ids, reverse=True)


def test_note_text_is_one_plain_line():
    """Tags go, entities are decoded, paragraphs are kept apart by a space."""
    assert data.note_text(NOTE) == "Check the date & the minutes. Then call."
    assert data.note_text("") == ""


def test_flat_text_offsets_put_each_part_where_it_is():
    article, _ = annotated_article()
    loaded = one(article)
    flat = data.flat_text(loaded)
    for a in loaded.annotations:
        shift = flat.offset(a.target, a.caption)
        assert flat.text[a.start + shift : a.end + shift] == a.quote


# --- Writers are streams ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["native", "csv", "w3c", "doccano", "labelstudio"])
def test_every_writer_consumes_an_endless_stream_lazily(name):
    """Writers hold one article (one page) at a time: given an endless stream of articles
    they still yield their first pieces, so memory cannot grow with the export."""
    article, _ = annotated_article()
    endless = itertools.repeat(one(article))
    pieces = list(itertools.islice(FORMATS[name].write(endless, page_size=2), 4))
    assert len(pieces) == 4 and all(pieces)


def test_formats_registry_names_writer_type_extension_and_binary_flag():
    for name, (write, content_type, extension, binary) in FORMATS.items():
        assert callable(write) and "/" in content_type and extension.isalnum(), name
        assert isinstance(binary, bool)
    assert not any(FORMATS[name].binary for name in ("native", "csv", "w3c", "doccano"))
    assert not FORMATS["labelstudio"].binary


# --- Native -------------------------------------------------------------------------------------


def test_native_lines_follow_the_schema_and_the_key_order():
    """Every line validates against native-article.schema.json with keys in NATIVE_* order."""
    annotated_article()
    schema = json.loads((ROOT / "docs/formats/native-article.schema.json").read_text())
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    text = export("native", approved_only=False)
    assert text.endswith("\n") and text.count("\n") == 1
    line = json.loads(text)
    validator.validate(line)
    assert tuple(line) == native_format.ARTICLE_KEYS
    assert tuple(line["captions"][0]) == native_format.CAPTION_KEYS
    assert all(tuple(a) == native_format.ANNOTATION_KEYS for a in line["annotations"])
    assert all(tuple(a) == native_format.ATTRIBUTION_KEYS for a in line["attributions"])
    assert all(tuple(s) == native_format.SOURCE_KEYS for s in line["sources"])
    assert text == json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_native_fast_line_equals_json_dumps_of_the_reference_object():
    """article_line (the hot path) writes exactly json.dumps(article_object(...)) + "\\n", on
    text full of what JSON must escape, and some it must not."""
    rng = random.Random(4)
    alphabet = [
        '"',
        "\\",
        "/",
        "\n",
        "\t",
        "\x00",
        "\x1f",
        "\x7f",
        "\u2028",
        "é",
        "👍🏽",
        "\ud800",
        "a",
        " ",
    ]

    def text(n: int = 12) -> str:
        return "".join(rng.choice(alphabet) for _ in range(n))

    article, _ = annotated_article()
    loaded = one(article, approved_only=False)
    for _ in range(20):
        loaded.title, loaded.body, loaded.external_id = text(), text(200), text()
        loaded.published = rng.choice([None, datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=UTC)])
        loaded.captions = [(text(), text()) for _ in range(rng.randint(0, 2))]
        for a in loaded.annotations:
            a.quote, a.prefix, a.suffix, a.note = text(), text(), text(), text(30)
            a.tag, a.author, a.source = text(), text(), rng.choice([None, text()])
        for link in loaded.attributions:
            link.author, link.source = text(), rng.choice([None, text()])
        for source in loaded.sources:
            source.description, source.aliases = text(), [text(), text()]
        reference = native._encode(native.article_object(loaded)) + "\n"
        assert native.article_line(loaded) == reference


def test_native_export_of_the_documented_example_is_the_documented_line():
    """docs/formats/native.md's example, stored and exported, comes out byte for byte."""
    doc = (ROOT / "docs/formats/native.md").read_text()
    example = re.search(r"```json\n(.*?)```", doc, re.S)[1].replace("\n", "")
    line = json.loads(example)
    editor = user("editor1")
    article = make_article(
        title=line["title"],
        body=line["body"],
        captions=[(c["text"], c["credit"]) for c in line["captions"]],
        external_id=line["external_id"],
        url=line["url"],
        outlet=line["outlet"],
        byline=line["byline"],
        published=datetime.fromisoformat(line["published"]),
        status=line["status"],
    )
    for s in line["sources"]:
        entry = Source.objects.create(name=s["name"], kind=s["kind"])
        for alias in s["aliases"]:
            SourceAlias.objects.create(source=entry, alias=alias)
    made = {}
    for a in line["annotations"]:
        span = make_annotation(
            article,
            a["tag"],
            a["start"],
            a["end"],
            author=editor,
            client_id=uuid.UUID(a["id"]),
            note=a["note"],
            status=a["status"],
            source_entry=Source.objects.filter(name=a["source"]).first(),
        )
        Annotation.objects.filter(pk=span.pk).update(
            created=datetime.fromisoformat(a["created"]),
            updated=datetime.fromisoformat(a["updated"]),
        )
        made[a["id"]] = span
    (link,) = line["attributions"]
    Attribution.objects.create(
        claim=made[link["claim"]],
        source_span=made[link["source_span"]],
        cue=made[link["cue"]],
        author=editor,
    )
    assert export("native", approved_only=False) == example + "\n"


@pytest.mark.parametrize("approved_only", [False, True])
def test_native_round_trip_through_an_empty_database_is_byte_identical(approved_only):
    """Export, empty the database, import the export with the saver, export again: same bytes
    (every status, with --all-statuses; accepted only, by default)."""
    annotated_article()
    make_article(title="A story with no annotations", captions=[("A caption", "")])
    first = export("native", approved_only=approved_only)
    before = set(Annotation.objects.values_list("pk", flat=True))
    Article.objects.all().delete()
    Source.objects.all().delete()
    get_user_model().objects.filter(username__in=["ana", "ben"]).delete()
    result = save_records(jsonl.parse(io.StringIO(first), "export.jsonl"), format="jsonl")
    assert not result.errors, result.errors
    assert (result.created, result.annotations) == (2, 9 if not approved_only else 7)
    assert before.isdisjoint(Annotation.objects.values_list("pk", flat=True))
    assert export("native", approved_only=approved_only) == first


# --- CSV ----------------------------------------------------------------------------------------


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_csv_has_one_row_per_annotation_with_its_links():
    article, spans = annotated_article()
    text = export("csv")
    assert not text.startswith("\ufeff")
    assert text.splitlines()[0] == ",".join(csv_export.COLUMNS)
    assert "\r\n" in text
    table = rows(text)
    assert len(table) == 7
    by_tag_quote = {(r["tag"], r["quote"]): r for r in table}
    claim = by_tag_quote["Claim", "the bridge would open in spring"]
    assert claim["article_id"] == str(article.pk) and claim["article_title"] == article.title
    assert claim["note"] == "Check the date & the minutes. Then call."
    assert claim["source"] == "The minister (Minister of Transport)"
    assert claim["cue"] == "said"
    assert claim["source_ids"] == str(spans["source"].client_id)
    start = article.body.index("the bridge would")
    assert (claim["start"], claim["end"]) == (str(start), str(start + 31))
    assert claim["status"] == "accepted" and claim["author"] == "ana"
    source = by_tag_quote["Source", "The minister"]
    assert source["registry_entry"] == "Minister of Transport"
    assert source["linked_claim"] == "the bridge would open in spring"
    assert by_tag_quote["Cue", "said"]["linked_claim"] == "the bridge would open in spring"
    assert by_tag_quote["Claim", "Engineers were less sure"]["source"] == "Engineering Council"
    caption = by_tag_quote["Quote", "old bridge"]
    assert (caption["target"], caption["caption"]) == ("caption", "0")


def test_csv_bom_option():
    annotated_article()
    text = export("csv", bom=True)
    assert text.startswith("\ufeffarticle_id,")
    assert text.encode("utf-8")[:3] == b"\xef\xbb\xbf"


def test_csv_cells_that_a_spreadsheet_would_evaluate_are_neutralised():
    """= + - @ tab and CR at the start of a text cell get an apostrophe; numbers stay."""
    attacker = user("@evil")
    article = make_article(
        title='=HYPERLINK("https://evil.example","x")',
        body="@SUM(1+1) is not a formula\n\n+danger and -minus\tand more",
        external_id="-1",
    )
    for quote in ("@SUM(1+1)", "+danger", "-minus", "\tand"):
        make_annotation(article, "Quote", quote=quote, author=attacker, status="accepted")
    make_annotation(
        article, "Claim", quote="is not", author=attacker, status="accepted", note="=1+1"
    )
    table = rows(export("csv"))
    cells = {r["quote"] for r in table}
    assert cells == {"'@SUM(1+1)", "'+danger", "'-minus", "'\tand", "is not"}
    assert {r["article_title"] for r in table} == {'\'=HYPERLINK("https://evil.example","x")'}
    assert {r["external_id"] for r in table} == {"'-1"}
    assert {r["author"] for r in table} == {"'@evil"}
    assert [r["note"] for r in table if r["tag"] == "Claim"] == ["'=1+1"]
    for row in table:
        for column, value in row.items():
            assert not value.startswith(csv_export._FORMULA_START), (column, value)
    assert {r["start"] for r in table} <= {str(n) for n in range(100)}


# --- W3C ----------------------------------------------------------------------------------------


def _w3c_registry() -> Registry:
    """Every schema of the W3C test suite, registered under its own id (not its file name)."""
    resources = []
    for path in sorted(W3C_TESTS.rglob("*.json")):
        schema = json.loads(path.read_text())
        resources.append((schema["id"], Resource.from_contents(schema, DRAFT4)))
    return Registry().with_resources(resources)


def _assertions(test_file: str) -> list[dict]:
    """The assertions a .test file lists, loaded by path (their ids differ from their names)."""
    listed = json.loads((W3C_TESTS / test_file).read_text())["assertions"]
    return [json.loads((W3C_TESTS / path).read_text()) for path in listed]


class W3CSuite:
    def __init__(self) -> None:
        self.registry = _w3c_registry()

    def failures(self, test_file: str, instance: dict) -> list[str]:
        """Assertions of `test_file` that `instance` does not meet (expected valid or invalid)."""
        failed = []
        for schema in _assertions(test_file):
            validator = Draft4Validator(
                schema, registry=self.registry, format_checker=Draft4Validator.FORMAT_CHECKER
            )
            valid = validator.is_valid(instance)
            if valid != (schema.get("expectedResult", "valid") == "valid"):
                failed.append(f"{schema['id']}: {schema.get('errorMessage', '')}")
        return failed


@pytest.fixture(scope="module")
def suite() -> W3CSuite:
    return W3CSuite()


@needs_shared("testdata", "w3c-web-annotation")
def test_the_w3c_harness_checks_uri_formats_and_can_fail(suite):
    """The harness would catch a bad export: a format checker that knows "uri", and an
    annotation without @context or with a relative id fails the musts."""
    assert not Draft4Validator.FORMAT_CHECKER.conforms("not a uri", "uri")
    good = {
        "@context": w3c.CONTEXT,
        "id": "urn:uuid:6f1c2a7e-3b4d-4e8f-9a0b-1c2d3e4f5a6b",
        "type": "Annotation",
        "target": "https://example.org/a",
    }
    assert suite.failures("annotations/annotationMusts.test", good) == []
    assert suite.failures("annotations/annotationMusts.test", {**good, "@context": "x"})
    assert suite.failures("annotations/annotationMusts.test", {**good, "id": "a/b"})


@needs_shared("testdata", "w3c-web-annotation")
def test_every_w3c_annotation_page_and_the_collection_meet_the_musts(suite):
    """Each annotation (and its refined selectors, promoted to the top), each page and the
    collection pass every assertion of the W3C test suite's *Musts.test files."""
    article, _ = annotated_article()
    document = json.loads(
        export("w3c", approved_only=False, page_size=4, base_url="https://newsroom.example.org")
    )
    assert suite.failures("collections/collectionMusts.test", document) == []
    pages = document["@included"]
    assert len(pages) == 3 and document["total"] == 9
    checked = 0
    for page in pages:
        assert suite.failures("collections/pages/pageMusts.test", page) == []
        for item in page["items"]:
            assert suite.failures("annotations/annotationMusts.test", item) == [], item["id"]
            promoted = json.loads(json.dumps(item))
            promoted["target"]["selector"] = [s["refinedBy"] for s in item["target"]["selector"]]
            assert suite.failures("annotations/annotationMusts.test", promoted) == []
            checked += 1
    assert checked == 9


def test_w3c_collection_links_its_pages():
    annotated_article()
    document = json.loads(export("w3c", approved_only=False, page_size=4, collection_id="urn:x:c"))
    pages = document["@included"]
    ids = [p["id"] for p in pages]
    assert ids == ["urn:x:c#page-1", "urn:x:c#page-2", "urn:x:c#page-3"]
    assert (document["first"], document["last"]) == (ids[0], ids[-1])
    assert [p.get("next") for p in pages] == [ids[1], ids[2], None]
    assert [p.get("prev") for p in pages] == [None, ids[0], ids[1]]
    assert [p["startIndex"] for p in pages] == [0, 4, 8]
    assert all(p["partOf"] == {"id": "urn:x:c", "label": "Newsroom annotations"} for p in pages)


def test_an_empty_w3c_collection_has_no_pages():
    document = json.loads(export("w3c"))
    assert document["@included"] == [] and document["total"] == 0 and "first" not in document


def test_w3c_bodies_and_target_of_an_annotation():
    article, spans = annotated_article()
    document = json.loads(export("w3c", base_url="https://newsroom.example.org/"))
    items = {i["id"]: i for page in document["@included"] for i in page["items"]}
    claim = items[f"urn:uuid:{spans['claim'].client_id}"]
    assert claim["body"] == [
        {"type": "TextualBody", "purpose": "tagging", "value": "Claim"},
        {
            "type": "TextualBody",
            "purpose": "commenting",
            "value": spans["claim"].note,
            "format": "text/html",
        },
    ]
    assert claim["creator"] == {"type": "Person", "nickname": "ana"}
    assert claim["target"]["source"] == f"https://newsroom.example.org/articles/{article.pk}/"
    source = items[f"urn:uuid:{spans['source'].client_id}"]
    assert {"type": "TextualBody", "purpose": "identifying", "value": "Minister of Transport"} in (
        source["body"]
    )
    without_base = json.loads(export("w3c"))["@included"][0]["items"][0]
    assert without_base["target"]["source"] == "https://example.org/news/bridge"


def test_every_w3c_selector_picks_exactly_the_stored_text():
    """Each CssSelector names the element of the span's text on the article page; its
    TextQuoteSelector's first match and its TextPositionSelector both give the stored quote."""
    article, _ = annotated_article()
    caption = article.captions.get()
    texts = {"#t-title": article.title, "#t-body": article.body}
    texts[f"#t-caption-{caption.pk}"] = caption.text
    document = json.loads(export("w3c", approved_only=False))
    stored = {str(a.client_id): a for a in Annotation.objects.all()}
    items = [i for page in document["@included"] for i in page["items"]]
    assert len(items) == len(stored)
    for item in items:
        annotation = stored[item["id"].removeprefix("urn:uuid:")]
        quote_selector, position_selector = item["target"]["selector"]
        assert quote_selector["value"] == position_selector["value"]
        text = texts[quote_selector["value"]]
        assert text == annotation.text()
        q, p = quote_selector["refinedBy"], position_selector["refinedBy"]
        assert (q["type"], p["type"]) == ("TextQuoteSelector", "TextPositionSelector")
        found = text.find(q["prefix"] + q["exact"] + q["suffix"]) + len(q["prefix"])
        assert (found, found + len(q["exact"])) == (p["start"], p["end"])
        assert text[p["start"] : p["end"]] == q["exact"] == annotation.quote


# --- doccano ------------------------------------------------------------------------------------


def test_doccano_labels_point_at_their_quotes_in_the_joined_text():
    article, _ = annotated_article()
    (line,) = export("doccano", approved_only=False).splitlines()
    doc = json.loads(line)
    assert doc["text"].startswith(article.title + "\n\n" + CAPTION[0] + "\n\n")
    assert doc["text"].endswith(article.body)
    quotes = sorted(a.quote for a in Annotation.objects.all())
    assert sorted(doc["text"][s:e] for s, e, _ in doc["label"]) == quotes
    assert {tag for _, _, tag in doc["label"]} == {"Claim", "Source", "Cue", "Quote"}
    assert [p["target"] for p in doc["parts"]] == ["title", "caption", "body"]
    loaded = one(article)
    for part in doc["parts"]:
        assert doc["text"][part["start"] : part["end"]] == loaded.text(
            part["target"], part["caption"]
        )
    assert (doc["article_id"], doc["external_id"]) == (article.pk, "wire-1")


def test_doccano_relations_layout_links_claims_to_sources_and_cues():
    _, spans = annotated_article()
    doc = json.loads(export("doccano", relations=True))
    entities = {e["id"]: e for e in doc["entities"]}
    assert len(entities) == 7
    for e in entities.values():
        assert e["label"] in {"Claim", "Source", "Cue", "Quote"}
        assert (
            doc["text"][e["start_offset"] : e["end_offset"]]
            == Annotation.objects.get(pk=e["id"]).quote
        )
    links = {(r["from_id"], r["to_id"], r["type"]) for r in doc["relations"]}
    claim = spans["claim"].pk
    assert links == {(claim, spans["source"].pk, "source"), (claim, spans["cue"].pk, "cue")}


# --- Label Studio -------------------------------------------------------------------------------


def test_label_studio_export_converts_with_label_studio_converter(tmp_path):
    """label-studio-converter reads the tasks with the config from label_config: the same
    spans, with their texts and labels, come out of its JSON-MIN conversion."""
    from label_studio_converter import Converter

    article, _ = annotated_article()
    make_article(title="No annotations here")
    exported = tmp_path / "tasks.json"
    exported.write_text(export("labelstudio", approved_only=False), encoding="utf-8")
    tags = Tag.objects.values_list("name", flat=True)
    converter = Converter(labelstudio.label_config(tags), str(tmp_path), download_resources=False)
    converter.convert_to_json_min(str(exported), str(tmp_path / "out"), is_dir=False)
    records = json.loads((tmp_path / "out" / "result.json").read_text())
    annotated = [r for r in records if r["id"] == article.pk]
    assert len(annotated) == 1
    spans = annotated[0]["label"]
    expected = sorted((a.quote, a.tag.name) for a in Annotation.objects.all())
    assert sorted((s["text"], s["labels"][0]) for s in spans) == expected
    text = annotated[0]["text"]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in spans)


def test_label_studio_relations_follow_attributions():
    _, spans = annotated_article()
    (task,) = json.loads(export("labelstudio"))
    result = task["annotations"][0]["result"]
    regions = {r["id"] for r in result if r["type"] == "labels"}
    relations = [r for r in result if r["type"] == "relation"]
    claim = str(spans["claim"].client_id)
    assert {(r["from_id"], r["to_id"], r["labels"][0]) for r in relations} == {
        (claim, str(spans["source"].client_id), "source"),
        (claim, str(spans["cue"].client_id), "cue"),
    }
    assert all(r["from_id"] in regions and r["to_id"] in regions for r in relations)
    noted = [r for r in result if r.get("meta")]
    assert noted[0]["meta"] == {"text": ["Check the date & the minutes. Then call."]}


# --- Annotated sets -----------------------------------------------------------------------------


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


# --- The command --------------------------------------------------------------------------------


def test_command_writes_a_file_of_accepted_annotations_by_default(tmp_path):
    annotated_article()
    target = tmp_path / "export.jsonl"
    err = io.StringIO()
    call_command("export_annotations", "--format", "native", "-o", str(target), stderr=err)
    (line,) = target.read_text(encoding="utf-8").splitlines()
    assert {a["status"] for a in json.loads(line)["annotations"]} == {"accepted"}
    assert "exported 1 articles, 7 annotations" in err.getvalue()
    assert not list(tmp_path.glob("*.part"))
    call_command(
        "export_annotations", "--format", "native", "-o", str(target), "--all-statuses",
        stderr=err,
    )  # fmt: skip
    assert len(json.loads(target.read_text())["annotations"]) == 9


def test_command_streams_a_set_to_stdout():
    article, _ = annotated_article()
    make_article(title="Not in the set")
    picked = AnnotatedSet.objects.create(name="Bridge")
    picked.picked.add(article)
    out = io.StringIO()
    call_command(
        "export_annotations", "--set", "Bridge", "--format", "csv", "--bom",
        stdout=out, stderr=io.StringIO(),
    )  # fmt: skip
    table = rows(out.getvalue())
    assert out.getvalue().startswith("\ufeff")
    assert {r["article_id"] for r in table} == {str(article.pk)}
    assert len(table) == 7


def test_command_refuses_an_unknown_set():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no annotated set"):
        call_command("export_annotations", "--set", "Nope", "--format", "csv")


@pytest.mark.parametrize("name", sorted(n for n, f in FORMATS.items() if f.binary))
def test_command_writes_binary_formats_as_bytes(tmp_path, name):
    """A binary format goes to the file byte for byte; to a text stdout it is refused."""
    from django.core.management.base import CommandError

    annotated_article()
    target = tmp_path / f"export.{FORMATS[name].extension}"
    call_command("export_annotations", "--format", name, "-o", str(target), stderr=io.StringIO())
    pieces = b"".join(FORMATS[name].write(load_articles(Article.objects.all())))
    assert target.read_bytes()[:2] == pieces[:2] and len(target.read_bytes()) > 0
    with pytest.raises(CommandError, match="binary"):
        call_command("export_annotations", "--format", name, stdout=io.StringIO())
