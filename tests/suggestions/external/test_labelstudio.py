"""suggestions.external.labelstudio: regions grouped by relations into attributions."""

from __future__ import annotations

from suggestions.external.labelstudio import LabelMap, parse

TEXT = (
    "The ferry operator said that crossings would resume on Monday. "
    'Its spokesman, Piet Alder, added: "The sea is calm. We are ready."'
)


def region(key: str, text: str, label: str, score: float | None = None, nth: int = 0) -> dict:
    start = TEXT.index(text)
    for _ in range(nth):
        start = TEXT.index(text, start + 1)
    value = {"start": start, "end": start + len(text), "text": text, "labels": [label]}
    if score is not None:
        value["score"] = score
    return {"id": key, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def relation(a: str, b: str) -> dict:
    return {"type": "relation", "from_id": a, "to_id": b, "direction": "right", "labels": []}


def task(*results: dict, **prediction) -> dict:
    return {
        "data": {"text": TEXT},
        "predictions": [
            {"model_version": "quotes-v3", "score": 0.6, **prediction, "result": list(results)}
        ],
    }


def run(data: dict, labels: LabelMap | None = None, **kwargs):
    return parse(data, file="t.json", label="record 1", labels=labels or LabelMap.build(), **kwargs)


def test_a_chain_source_cue_content_is_one_attribution_scored_by_its_weakest_region():
    """source → cue → content, with content fragments linked to each other: one attribution
    with every fragment in reading order; confidence is the lowest region score."""
    doc = run(
        task(
            region("s", "Its spokesman, Piet Alder", "Source", 0.9),
            region("c", "added:", "Cue", 0.8),
            region("q2", 'We are ready."', "Content", 0.95),
            region("q1", '"The sea is calm.', "Content", 0.7),
            relation("s", "c"),
            relation("c", "q1"),
            relation("q1", "q2"),
        )
    )
    assert doc.problems == []
    (found_run,) = doc.runs
    assert (found_run.origin, found_run.version) == ("labelstudio", "quotes-v3")
    (found,) = found_run.candidates
    assert [s.text for s in found.source] == ["Its spokesman, Piet Alder"]
    assert found.cue.text == "added:"
    assert [s.text for s in found.content] == ['"The sea is calm.', 'We are ready."']
    assert found.confidence == 0.7


def test_our_export_shape_claim_to_source_and_claim_to_cue_with_lower_case_labels():
    """Our export links the claim to its source and to its cue; label names match whatever
    their case; without region scores the prediction's score is the confidence."""
    doc = run(
        task(
            region("1", "The ferry operator", "SOURCE"),
            region("2", "said", "cue"),
            region("3", "that crossings would resume on Monday", "claim"),
            relation("3", "1"),
            relation("3", "2"),
        )
    )
    (found,) = doc.runs[0].candidates
    assert [s.text for s in found.source] == ["The ferry operator"]
    assert found.confidence == 0.6


def test_labels_are_configurable_and_other_labels_are_counted_not_reported():
    """A desk's own label names map to roles; an NER model's "Person" is left out and counted;
    a choices result is counted too."""
    labels = LabelMap.build([("content", "Statement"), ("source", "Who")])
    doc = run(
        task(
            region("a", "Piet Alder", "Person"),
            region("b", "The ferry operator", "who"),
            region("c", "said", "Cue"),
            region("d", "that crossings would resume on Monday", "Statement"),
            relation("b", "c"),
            relation("c", "d"),
            {"id": "x", "type": "choices", "value": {"choices": ["news"]}},
        ),
        labels=labels,
    )
    assert doc.problems == []
    assert len(doc.runs[0].candidates) == 1
    assert doc.ignored == {"label 'Person'": 1, "result type 'choices'": 1}


def test_no_score_anywhere_takes_the_default():
    """Neither regions nor prediction scored: the default confidence."""
    data = task(
        region("c", "said", "Cue"), region("q", "that crossings", "Content"), relation("c", "q")
    )
    del data["predictions"][0]["score"]
    (found,) = run(data, default_confidence=0.3).runs[0].candidates
    assert (found.source, found.confidence) == ((), 0.3)


def test_unlinked_regions_and_bad_relations_are_reported_each():
    """A cue with no content, a content reached by no cue, a relation to an unknown id, a
    region whose labels name two roles and a score over 1 are each one problem with its field;
    the complete attribution beside them still comes."""
    doc = run(
        task(
            region("s", "The ferry operator", "Source"),
            region("c", "said", "Cue"),
            region("q", "that crossings would resume on Monday", "Content"),
            region("c2", "added:", "Cue"),
            region("lone", "We are ready.", "Content"),
            {
                **region("two", "Piet Alder", "Source"),
                "value": {
                    **region("two", "Piet Alder", "Source")["value"],
                    "labels": ["Source", "Cue"],
                },
            },
            region("hot", "The sea is calm.", "Content", 1.5),
            relation("s", "c"),
            relation("c", "q"),
            relation("c", "ghost"),
        )
    )
    assert len(doc.runs[0].candidates) == 1
    messages = [f"{p.field}: {p.message}" for p in doc.problems]
    assert any(m.startswith("result[5] (region 'two').value.labels") for m in messages)
    assert any("result[6] (region 'hot').score: 1.5 is not in [0, 1]" in m for m in messages)
    assert any("'ghost', no region here" in m for m in messages)
    assert any(
        "result[3] (region 'c2'): cue 'added:' is linked to no content" in m for m in messages
    )
    assert any(
        "result[4] (region 'lone'): content 'We are ready.' is linked to no cue" in m
        for m in messages
    )
    assert len(messages) == 5


def test_each_prediction_is_a_run_and_annotations_only_when_asked():
    """Two model versions give two runs; the task's annotations are read only on request."""
    results = [
        region("c", "said", "Cue"),
        region("q", "that crossings", "Content"),
        relation("c", "q"),
    ]
    data = {
        "data": {"text": TEXT, "article_id": 4},
        "predictions": [
            {"model_version": "one", "result": results},
            {"model_version": 2, "result": results},
        ],
        "annotations": [{"result": results}],
    }
    assert [r.version for r in run(data).runs] == ["one", "2"]
    assert run(data).ignored == {"task annotations (read with --annotations)": 1}
    assert [r.version for r in run(data, annotations=True).runs] == ["one", "2", "annotations"]
    assert run(data).ref.article_id == 4


def test_a_task_without_its_text_or_with_bad_parts_is_refused_whole():
    """data.text missing, or data.parts pointing past the text: one problem for the task."""
    no_text = run({"data": {"article_id": 1}, "predictions": []})
    assert [(p.field, p.message) for p in no_text.problems] == [
        ("data.text", "expected the task's text, not null")
    ]
    bad = run({"data": {"text": "Short.", "parts": [{"target": "body", "start": 0, "end": 99}]}})
    assert [p.field for p in bad.problems] == ["data.parts[0]"]
    assert bad.runs == []
