"""Native JSONL: the schema and key order, the fast line against its reference, the documented
example, and a byte-identical round trip through the importer into an emptied database."""

from __future__ import annotations

import io
import json
import random
import re
import uuid
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from jsonschema import Draft202012Validator

from annotations.models import Annotation, Attribution, Source, SourceAlias
from articles.models import Article
from interchange import native as native_definition
from interchange.exporting import native
from interchange.importing import jsonl
from interchange.importing.saver.run import save_records
from tests.factories import make_annotation, make_article
from tests.interchange.exporting.sample_db import (
    annotated_article,
    export,
    one,
    quoted_article,
    user,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


def test_native_lines_follow_the_schema_and_the_key_order():
    """Every line validates against native-article.schema.json with keys in NATIVE_* order."""
    annotated_article()
    schema = json.loads((ROOT / "docs/formats/native-article.schema.json").read_text())
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    text = export("native", approved_only=False)
    assert text.endswith("\n") and text.count("\n") == 1
    line = json.loads(text)
    validator.validate(line)
    assert tuple(line) == native_definition.ARTICLE_KEYS
    assert tuple(line["captions"][0]) == native_definition.CAPTION_KEYS
    assert all(tuple(a) == native_definition.ANNOTATION_KEYS for a in line["annotations"])
    assert all(tuple(a) == native_definition.ATTRIBUTION_KEYS for a in line["attributions"])
    assert all(tuple(s) == native_definition.SOURCE_KEYS for s in line["sources"])
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
        reference = native_definition.encode_json(native.article_object(loaded)) + "\n"
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


def attribution_triples() -> list[tuple]:
    """Every stored attribution as (claim, content in order, source, implicit, cue), by quotes
    and client ids: what a round trip must keep."""
    out = []
    for link in Attribution.objects.select_related("claim", "source_span", "cue"):
        out.append(
            (
                [(str(a.client_id), a.quote) for a in link.content_spans()],
                link.source_span.quote if link.source_span else None,
                link.implicit_source,
                link.cue.quote if link.cue else None,
            )
        )
    return sorted(out)


def test_native_round_trip_keeps_fragments_and_implicit_sources():
    """An attribution in two fragments and one with an implicit source: the export writes them
    (schema-valid), an import into an emptied database makes the same attributions, and the
    second export is byte-identical."""
    quoted_article()
    first = export("native")
    line = json.loads(first)
    schema = json.loads((ROOT / "docs/formats/native-article.schema.json").read_text())
    Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(line)
    by_id = {a["id"]: a["quote"] for a in line["annotations"]}
    quote, reported = line["attributions"]
    assert [by_id[f] for f in quote["fragments"]] == ["“and the ferry stops.”"]
    assert (quote["implicit_source"], reported["implicit_source"]) == (False, True)
    assert (reported["source_span"], reported["source"], reported["fragments"]) == (None, None, [])
    before = attribution_triples()
    Article.objects.all().delete()
    get_user_model().objects.filter(username="ana").delete()
    result = save_records(jsonl.parse(io.StringIO(first), "export.jsonl"), format="jsonl")
    assert not result.errors, result.errors
    assert result.attributions == 2
    assert attribution_triples() == before
    assert export("native") == first


def test_native_export_leaves_out_a_fragment_that_is_not_exported():
    """A fragment still pending is not in an export of accepted annotations: the attribution
    goes out without it (as a cue that is not exported), and the line still imports."""
    _, spans = quoted_article()
    Annotation.objects.filter(pk=spans["second"].pk).update(status=Annotation.Status.PENDING)
    line = json.loads(export("native"))
    assert [a["fragments"] for a in line["attributions"]] == [[], []]
    assert (
        len(json.loads(export("native", approved_only=False))["attributions"][0]["fragments"]) == 1
    )


def test_one_table_drives_the_writer():
    """The writer is generated from interchange/native.py's tables, the very ones the reader
    checks keys against: a field added to a table (one place) is written by the fast path, in
    its place, exactly as the reference writes it, and the format's own writer has exactly the
    reader's keys."""
    added = native_definition.Field("tag_role", native_definition.TEXT, None)
    annotation = (*native_definition.ANNOTATION[:9], added, *native_definition.ANNOTATION[9:])
    tables = {**native_definition.TABLES, "ANNOTATION": annotation}
    article, _ = annotated_article()
    loaded = one(article, approved_only=False)
    line = native.compile_line(native_definition.ARTICLE, tables)(loaded)
    reference = {
        **native.article_object(loaded),
        "annotations": [native_definition.as_object(annotation, a) for a in loaded.annotations],
    }
    assert line == native_definition.encode_json(reference) + "\n"
    written = json.loads(line)["annotations"][0]
    assert tuple(written) == native_definition.keys(annotation)
    assert written["tag_role"] == loaded.annotations[0].tag_role
    own = json.loads(native.article_line(loaded))
    assert tuple(own) == native_definition.ARTICLE_KEYS
    assert tuple(own["annotations"][0]) == native_definition.ANNOTATION_KEYS


class _OtherUTC(tzinfo):
    """Offset zero, but not the `UTC` object: native_datetime takes its general path."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "zero"


@pytest.mark.parametrize(
    "value",
    [
        None,
        datetime(2024, 5, 1, 8, 30, tzinfo=UTC),
        datetime(2024, 5, 1, 8, 30, 0, 120, tzinfo=UTC),
        datetime.fromisoformat("2024-05-01T10:30:00+02:00"),
        datetime.fromisoformat("2024-12-31T23:59:59.5-05:00"),
    ],
)
def test_the_writers_dates_are_the_readers(value):
    """native_datetime's shortcut for UTC (the writer's hot path) writes what its general rule
    (any other offset, as a reader's values may have) writes for the same moment."""
    general = None if value is None else value.astimezone(_OtherUTC())
    assert native_definition.native_datetime(value) == native_definition.native_datetime(general)


def test_a_naive_datetime_is_refused():
    """The native format writes aware datetimes only: a naive one is an error, not a guess."""
    with pytest.raises(ValueError, match="aware"):
        native_definition.native_datetime(datetime(2024, 5, 1, 8, 30))
