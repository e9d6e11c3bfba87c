"""doccano JSONL: labels in the joined text, and the relations layout."""

from __future__ import annotations

import json

import pytest

from annotations.models import Annotation
from tests.interchange.exporting.sample_db import (
    CAPTION,
    annotated_article,
    export,
    one,
    quoted_article,
)

pytestmark = pytest.mark.django_db


def test_doccano_labels_point_at_their_quotes_in_the_joined_text():
    """The text is title, captions and body joined by blank lines; every label cuts its quote out
    of it, and "parts" says where each text lies."""
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
    """relations=True: an entity per span, and "source" and "cue" relations from the claim."""
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


def test_doccano_relations_come_from_each_fragment_of_the_content():
    """An attribution in two fragments: "source" and "cue" from each fragment, and "fragment"
    from the claim to the second; the implicit source has no source relation, only its cue."""
    _, spans = quoted_article()
    doc = json.loads(export("doccano", relations=True))
    pk = {name: span.pk for name, span in spans.items()}
    assert [(r["from_id"], r["type"], r["to_id"]) for r in doc["relations"]] == [
        (pk["first"], "source", pk["source"]),
        (pk["first"], "cue", pk["cue"]),
        (pk["second"], "source", pk["source"]),
        (pk["second"], "cue", pk["cue"]),
        (pk["first"], "fragment", pk["second"]),
        (pk["tolls"], "cue", pk["reported"]),
    ]
    assert [r["id"] for r in doc["relations"]] == [1, 2, 3, 4, 5, 6]
