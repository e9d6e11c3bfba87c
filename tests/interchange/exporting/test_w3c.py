"""W3C Web Annotation, validated against the W3C test suite's schemas
(../shared/testdata/w3c-web-annotation); its pages, bodies and selectors."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from annotations.models import Annotation
from interchange.exporting import w3c
from tests.conftest import SHARED, needs_shared
from tests.interchange.exporting.sample_db import annotated_article, export, quoted_article

pytestmark = pytest.mark.django_db

W3C_TESTS = SHARED / "testdata" / "w3c-web-annotation"


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
    assert len(pages) == 3 and document["total"] == 9 + 2  # 9 spans, 2 attributions
    checked = 0
    for page in pages:
        assert suite.failures("collections/pages/pageMusts.test", page) == []
        for item in page["items"]:
            assert_meets_the_musts(suite, item)
            checked += 1
    assert checked == 11


def assert_meets_the_musts(suite: W3CSuite, item: dict) -> None:
    """The annotation meets annotationMusts, and so does it with every refined selector (of
    its targets and of its SpecificResource bodies) promoted to the top."""
    assert suite.failures("annotations/annotationMusts.test", item) == [], item["id"]
    promoted = json.loads(json.dumps(item))
    targets = promoted["target"] if isinstance(promoted["target"], list) else [promoted["target"]]
    for resource in [*targets, *promoted["body"]]:
        if "selector" in resource:
            resource["selector"] = [s["refinedBy"] for s in resource["selector"]]
    assert suite.failures("annotations/annotationMusts.test", promoted) == [], item["id"]


@needs_shared("testdata", "w3c-web-annotation")
def test_attributions_are_linking_annotations_with_a_target_per_fragment(suite):
    """An attribution is one "linking" Annotation: a target per content fragment in reading
    order, the source span and the cue as SpecificResource bodies (identifying, describing);
    an implicit source is an identifying body saying so. Both meet the W3C musts."""
    _, spans = quoted_article()
    document = json.loads(export("w3c"))
    links = [i for p in document["@included"] for i in p["items"] if i["motivation"] == "linking"]
    assert len(links) == 2 and document["total"] == 6 + 2
    quote, reported = links

    def exact(resource: dict) -> str:
        return resource["selector"][0]["refinedBy"]["exact"]

    assert [exact(t) for t in quote["target"]] == [spans["first"].quote, spans["second"].quote]
    assert [(b.get("purpose"), b.get("value") or exact(b)) for b in quote["body"]] == [
        ("tagging", "attribution"),
        ("identifying", "the harbour master"),
        ("describing", "said"),
    ]
    assert [exact(t) for t in reported["target"]] == ["that tolls would rise"]
    assert {"type": "TextualBody", "purpose": "identifying", "value": "(implicit source)"} in (
        reported["body"]
    )
    for item in links:
        assert_meets_the_musts(suite, item)
    # The id is made from what the attribution links: the same on every export.
    assert [i["id"] for i in links] == [
        i["id"]
        for p in json.loads(export("w3c"))["@included"]
        for i in p["items"]
        if i["motivation"] == "linking"
    ]


def test_w3c_collection_links_its_pages():
    """Pages are named after the collection, linked by prev and next, and counted by startIndex;
    the collection names its first and last page."""
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
    """Nothing to export: a collection with total 0 and no first page."""
    document = json.loads(export("w3c"))
    assert document["@included"] == [] and document["total"] == 0 and "first" not in document


def test_w3c_bodies_and_target_of_an_annotation():
    """Tag, note and registry entry become bodies; the target is the Newsroom page with base_url,
    else the article's own URL."""
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
    items = [
        i for page in document["@included"] for i in page["items"] if i["motivation"] == "tagging"
    ]
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
