"""The native format's one definition (interchange/native.py) against the models, the records,
the JSON Schema and the documentation."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from interchange import native
from interchange.importing.records import (
    AnnotationRecord,
    ArticleRecord,
    AttributionRecord,
    CaptionRecord,
    SourceRecord,
)
from tests.interchange.importing.json_factories import (
    NATIVE_DOC,
    SCHEMA,
    doc_example,
    native_article,
    native_line,
    parse_jsonl,
)


def test_native_datetime_is_utc_with_z():
    """The export's date form: UTC, Z, microseconds only when present; parsing reverses it."""
    moment = datetime(2024, 5, 2, 11, 5, tzinfo=timezone(timedelta(hours=2)))
    assert native.native_datetime(moment) == "2024-05-02T09:05:00Z"
    assert native.native_datetime(moment.replace(microsecond=250000)) == (
        "2024-05-02T09:05:00.250000Z"
    )
    assert native.native_datetime(None) is None
    with pytest.raises(ValueError):
        native.native_datetime(datetime(2024, 5, 2))


def test_choices_are_the_models_own():
    """The table takes its choices from the models (never a copy), in their order, so messages
    list them as the models declare them."""
    from annotations.models import Annotation, Source
    from articles.models import Article

    assert native.field(native.ARTICLE, "status").choices == tuple(Article.Status.values)
    assert native.field(native.ANNOTATION, "target").choices == tuple(Annotation.Target.values)
    assert native.field(native.ANNOTATION, "status").choices == tuple(Annotation.Status.values)
    assert native.field(native.SOURCE, "kind").choices == tuple(Source.Kind.values)


def test_a_choice_default_is_the_models_default():
    """A choice that defaults to a value defaults to the one the model does (the table names it
    as text, so that it imports no model)."""
    from annotations.models import Annotation

    status = native.field(native.ANNOTATION, "status")
    assert status.default == Annotation._meta.get_field("status").default
    assert status.default in status.choices


def test_records_list_their_fields_in_the_order_of_the_table():
    """The readers build a native object's record from its values in table order: each record
    class lists its fields in exactly that order."""
    for record, keys in (
        (CaptionRecord, native.CAPTION_KEYS),
        (AnnotationRecord, native.ANNOTATION_KEYS),
        (AttributionRecord, native.ATTRIBUTION_KEYS),
        (SourceRecord, native.SOURCE_KEYS),
    ):
        assert tuple(f.name for f in dataclasses.fields(record)) == keys


def test_every_stored_field_names_a_model_field():
    """Each field's `model` is a real field of that model: the table cannot drift from the
    schema of the database."""
    from django.apps import apps

    for table in native.TABLES.values():
        for field in table:
            if field.model is None:
                continue
            model_name, _, name = field.model.partition(".")
            model = next(m for m in apps.get_models() if m.__name__ == model_name)
            assert model._meta.get_field(name).name == name, field


@pytest.mark.parametrize(
    ("table", "model_name", "stored", "loaded"),
    [
        ("ANNOTATION", "Annotation", "ANNOTATION_COLUMNS", "_ANNOTATION_COLUMNS"),
        ("ATTRIBUTION", "Attribution", "ATTRIBUTION_COLUMNS", "_ATTRIBUTION_COLUMNS"),
    ],
)
def test_the_saver_and_loader_column_lists_hold_every_field_of_the_table(
    table, model_name, stored, loaded
):
    """The saver's insert and the export loader keep plain column tuples for speed: every model
    field the native table names must be in both, so a field added to the table and forgotten
    there fails here instead of being dropped silently on import or export."""
    from django.apps import apps

    from interchange.exporting import loader
    from interchange.importing.saver import insert

    model = apps.get_model("annotations", model_name)
    saved, read = getattr(insert, stored), getattr(loader, loaded)
    for field in native.TABLES[table]:
        if field.model is None or not field.model.startswith(f"{model_name}."):
            continue
        name = field.model.partition(".")[2]
        if name == "client_id" and model_name == "Annotation":
            assert "client_id" in saved and "client_id" in read
            continue
        model_field = model._meta.get_field(name)
        if model_field.many_to_many:  # rows of their own table: the saver's FRAGMENT_COLUMNS
            assert insert.FRAGMENT_COLUMNS == ("attribution", "annotation")
            assert name in read, (field.key, loaded)  # joined into the attributions' query
            continue
        assert name in saved, (field.key, stored)
        assert model_field.attname in read, (field.key, loaded)


def test_to_json_writes_what_the_format_says():
    """Dates become native_datetime's text, empty optional ids and names null, aliases a list."""
    moment = datetime(2024, 5, 2, 9, 0, tzinfo=UTC)
    assert native.field(native.ANNOTATION, "created").to_json(moment) == "2024-05-02T09:00:00Z"
    assert native.field(native.ARTICLE, "published").to_json(None) is None
    assert native.field(native.ATTRIBUTION, "source_span").to_json("") is None
    assert native.field(native.ANNOTATION, "source").to_json("Mayor") == "Mayor"
    assert native.field(native.SOURCE, "aliases").to_json(("a", "b")) == ["a", "b"]
    assert native.field(native.ANNOTATION, "note").to_json("") == ""


def test_schema_agrees_with_the_table():
    """Every key of the JSON Schema has the table's type: enums are the table's choices,
    required keys are present, nullable ones accept null."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    objects = {
        "ARTICLE": schema,
        "CAPTION": schema["$defs"]["caption"],
        "ANNOTATION": schema["$defs"]["annotation"],
        "ATTRIBUTION": schema["$defs"]["attribution"],
        "SOURCE": schema["$defs"]["source"],
    }
    for name, table in native.TABLES.items():
        properties = objects[name]["properties"]
        assert tuple(properties) == native.keys(table), name
        for field in table:
            spec = json.dumps(properties[field.key])
            if field.type == native.CHOICE:
                assert properties[field.key]["enum"] == list(field.choices), field
            if field.nullable:
                assert "null" in spec, field
            if field.type in (native.UUID, native.REFERENCE, native.REFERENCES):
                assert "#/$defs/uuid" in spec, field
            if field.type == native.BOOLEAN:
                assert properties[field.key]["type"] == "boolean", field
            if field.type == native.DATETIME:
                assert "#/$defs/datetime" in spec, field
            if field.type == native.OBJECTS:
                assert properties[field.key]["items"]["$ref"] == f"#/$defs/{field.items.lower()}"


def test_documented_key_tables_list_the_table():
    """native.md's key tables list each object's keys in the table's order."""
    text = NATIVE_DOC.read_text(encoding="utf-8")
    tables = re.findall(r"\| key \| type \| meaning \|\n\|[-| ]+\|\n((?:\|.*\|\n)+)", text)
    documented = [tuple(re.findall(r"^\| `(\w+)`", t, re.M)) for t in tables]
    assert documented == [
        native.ARTICLE_KEYS,
        native.ANNOTATION_KEYS,
        native.ATTRIBUTION_KEYS,
        native.SOURCE_KEYS,
    ]


# --- schema and documentation ------------------------------------------------------------------


def test_schema_is_draft_2020_12_and_lists_keys_in_the_documented_order():
    """The schema declares its draft and lists every key in the order the export writes."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert tuple(schema["properties"]) == native.ARTICLE_KEYS
    assert tuple(schema["required"]) == native.ARTICLE_KEYS
    defs = schema["$defs"]
    assert tuple(defs["caption"]["properties"]) == native.CAPTION_KEYS
    assert tuple(defs["annotation"]["properties"]) == native.ANNOTATION_KEYS
    assert tuple(defs["attribution"]["properties"]) == native.ATTRIBUTION_KEYS
    assert tuple(defs["source"]["properties"]) == native.SOURCE_KEYS


def test_doc_example_is_a_canonical_native_line_that_parses(tmp_path):
    """The documentation's example is serialised exactly as the format prescribes, its quotes
    cut from its body, and it imports without errors."""
    line = doc_example()
    data = json.loads(line)
    assert native_line(data) == line
    assert tuple(data) == native.ARTICLE_KEYS
    for span in data["annotations"]:
        assert tuple(span) == native.ANNOTATION_KEYS
        assert data["body"][span["start"] : span["end"]] == span["quote"]
    (record,) = parse_jsonl(tmp_path, line + "\n")
    assert isinstance(record, ArticleRecord)
    assert len(record.annotations) == 3
    assert record.attributions[0].cue == "c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f"


def native_validator():
    jsonschema = pytest.importorskip(
        "jsonschema", reason="jsonschema is not installed in the venv (a test dependency to add)"
    )
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_schema_validates_a_sample_native_line():
    """The factory's native line and the documentation's example both satisfy the schema."""
    validator = native_validator()
    for line in (native_line(native_article()), doc_example()):
        assert list(validator.iter_errors(json.loads(line))) == []


def test_schema_rejects_what_the_format_forbids():
    """An unknown key, a caption index on a body span and an attribution without a source are
    each a schema violation."""
    validator = native_validator()
    bad = native_article(colour="red")
    bad["annotations"][0]["caption"] = 0  # type: ignore[index]
    bad["attributions"][0]["source_span"] = None  # type: ignore[index]
    paths = sorted(error.json_path for error in validator.iter_errors(bad))
    assert paths == ["$", "$.annotations[0].caption", "$.attributions[0]"]


def render_field_table() -> str:
    """native.md's field list, as the table in interchange/native.py gives it."""
    lines = [
        "| object | key | type | stored in | required | default |",
        "|---|---|---|---|---|---|",
    ]
    for name, table in native.TABLES.items():
        for field in table:
            kind = field.type
            if field.choices:
                kind += ": " + ", ".join(f"`{c}`" for c in field.choices)
            if field.items:
                kind += f" of {field.items.lower()}"
            if field.required:
                default = ""
            elif field.default is None:
                default = "`null`"
            elif field.default == ():
                default = "`[]`"
            elif isinstance(field.default, bool):
                default = f"`{str(field.default).lower()}`"
            else:
                default = f"`{field.default!r}`"
            lines.append(
                f"| {name.lower()} | `{field.key}` | {kind} | {field.model or '—'} | "
                f"{'yes' if field.required else ''} | {default} |"
            )
    return "\n".join(lines) + "\n"


def test_documented_field_table_is_the_table():
    """native.md's field table is exactly what interchange/native.py says, row by row."""
    text = NATIVE_DOC.read_text(encoding="utf-8")
    documented = re.search(r"<!-- field-table:.*?-->\n(.*?)<!-- /field-table -->", text, re.S)
    assert documented is not None
    assert documented[1] == render_field_table()
