"""Label Studio JSON, read back with label-studio-converter; relations from attributions."""

from __future__ import annotations

import json

import pytest

from annotations.models import Annotation, Tag
from interchange.exporting import labelstudio
from tests.factories import make_article
from tests.interchange.exporting.sample_db import annotated_article, export, quoted_article

pytestmark = pytest.mark.django_db


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
    """Claim → source span and claim → cue become relations between regions of the task; a note
    becomes its region's meta text."""
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


def test_label_studio_relations_from_each_fragment_and_the_implicit_choice():
    """Relations from each fragment of the content to its source and cue, claim → further
    fragment; an implicit source is the "implicit" choice on the claim's region (same id and
    value), which the config declares as a per-region <Choices>."""
    _, spans = quoted_article()
    (task,) = json.loads(export("labelstudio"))
    result = task["annotations"][0]["result"]
    ids = {name: str(span.client_id) for name, span in spans.items()}
    relations = [(r["from_id"], r["labels"][0], r["to_id"]) for r in result if "from_id" in r]
    assert relations == [
        (ids["first"], "source", ids["source"]),
        (ids["first"], "cue", ids["cue"]),
        (ids["second"], "source", ids["source"]),
        (ids["second"], "cue", ids["cue"]),
        (ids["first"], "fragment", ids["second"]),
        (ids["tolls"], "cue", ids["reported"]),
    ]
    (choice,) = [r for r in result if r["type"] == "choices"]
    (region,) = [r for r in result if r.get("id") == ids["tolls"] and r["type"] == "labels"]
    assert choice["value"] == {**{k: region["value"][k] for k in ("start", "end", "text")},
                               "choices": ["implicit"]}  # fmt: skip
    config = labelstudio.label_config(["Claim"])
    assert '<Relation value="fragment"/>' in config
    assert '<Choices name="source_kind" toName="text" perRegion="true">' in config


def test_label_studio_converter_reads_the_implicit_source_choice(tmp_path):
    """label-studio-converter (JSON-MIN) reads the per-region choice with the config from
    label_config: the task says its source is implicit, and every region still comes out."""
    from label_studio_converter import Converter

    quoted_article()
    exported = tmp_path / "tasks.json"
    exported.write_text(export("labelstudio"), encoding="utf-8")
    tags = Tag.objects.values_list("name", flat=True)
    converter = Converter(labelstudio.label_config(tags), str(tmp_path), download_resources=False)
    converter.convert_to_json_min(str(exported), str(tmp_path / "out"), is_dir=False)
    (record,) = json.loads((tmp_path / "out" / "result.json").read_text())
    assert record["source_kind"] == "implicit"
    assert len(record["label"]) == 6
