"""suggestions.external.importer: files of other tools' pre-annotations stored as suggestions."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from interchange.importing.limits import Limits
from suggestions import engine
from suggestions.external.importer import ImportOptions, SuggestionImport, import_suggestions
from suggestions.models import Suggestion
from tests.factories import make_article

pytestmark = pytest.mark.django_db

BODY = 'The water board said the reservoir is full.\n\n"Open the sluices," Ida Marsh urged.'


def span(words: str, text: str = BODY) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words}


def citron_doc(**fields) -> dict:
    quotes = [
        {
            "cue": span("said"),
            "sources": [span("The water board")],
            "contents": [span("the reservoir is full")],
            "confidence": "0.8100",
        },
        {
            "cue": span("urged"),
            "sources": [span("Ida Marsh")],
            "contents": [span('"Open the sluices,"')],
            "confidence": 0.64,
        },
    ]
    return {
        "quotes": quotes,
        "source": {"application": "citron-extractor", "model:": "m-2021"},
        **fields,
    }


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def run(*paths: Path, **options) -> tuple:
    problems: list = []
    report = import_suggestions(
        [(p, str(p)) for p in paths],
        ImportOptions(**{"format": "citron", **options}),
        on_problem=problems.append,
    )
    return report, [str(p) for p in problems]


def test_a_citron_file_named_by_external_id_is_stored_with_model_version_and_confidence(tmp_path):
    """One file per article, named by its external id: each quote a pending suggestion with
    origin, version, confidence and rule, spans into the body."""
    article = make_article(body=BODY, external_id="wb-17")
    report, problems = run(write(tmp_path, "wb-17.json", citron_doc()))
    assert problems == []
    assert (report.documents, report.articles, report.created) == (1, 1, 2)
    rows = Suggestion.objects.order_by("confidence")
    assert [(r.origin, r.origin_version, r.confidence, r.rule) for r in rows] == [
        ("citron", "m-2021", 0.64, "citron quote"),
        ("citron", "m-2021", 0.81, "citron quote"),
    ]
    assert all(r.article == article and r.status == "pending" for r in rows)
    assert BODY[slice(*rows[1].cue_span)] == "said"


def test_reimporting_is_idempotent_and_never_reoffers_a_rejected_suggestion(tmp_path):
    """The same file twice leaves the same suggestions; one rejected in between stays rejected
    and is not offered again; --model names the origin."""
    make_article(body=BODY, external_id="wb-17")
    path = write(tmp_path, "wb-17.json", citron_doc())
    run(path, model="desk-model")
    first = sorted(Suggestion.objects.values_list("fingerprint", "origin"))
    report, _ = run(path, model="desk-model")
    assert (report.created, report.replaced) == (2, 2)
    assert sorted(Suggestion.objects.values_list("fingerprint", "origin")) == first
    rejected = Suggestion.objects.get(rule="citron quote", confidence=0.64)
    rejected.status = Suggestion.Status.REJECTED
    rejected.save()
    report, _ = run(path, model="desk-model")
    assert (report.created, report.skipped_decided) == (1, 1)
    assert Suggestion.objects.filter(status="pending").count() == 1
    assert Suggestion.objects.get(pk=rejected.pk).status == "rejected"


def test_bad_items_are_reported_and_the_good_ones_stored(tmp_path):
    """An array of documents: a syntax error, an unknown article, a quote whose span cuts other
    text; each is reported with file, item and field, and the rest is stored."""
    make_article(body=BODY, external_id="wb-17")
    good = citron_doc(external_id="wb-17")
    good["quotes"][1]["cue"] = {"start": 0, "end": 3, "text": "urged"}
    path = tmp_path / "many.json"
    lines = [
        "[",
        json.dumps(good) + ",",
        '{"quotes": tru}',
        ",",
        json.dumps(citron_doc(article_id=999)),
        "]",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    report, problems = run(path)
    assert report.created == 1
    assert problems == [
        f"{path}: record 1 (line 2), quote 2: cue.text: [0, 3] cuts 'The', not 'urged'",
        f"{path}: line 3: record 2: not valid JSON: Expecting value (column 12)",
        f"{path}: record 3 (line 5): no article found for article 999",
    ]
    assert report.problem_count == 3


def test_label_studio_export_round_trip_through_annotations(tmp_path):
    """Our own Label Studio export, read back with its annotations: the attribution (claim →
    source, claim → cue) comes back as one suggestion on the same spans; the spans in no
    attribution are each reported."""
    from tests.interchange.exporting.sample_db import annotated_article, export

    article, spans = annotated_article()
    path = tmp_path / "tasks.json"
    path.write_text(export("labelstudio", approved_only=False), encoding="utf-8")
    report, problems = run(path, format="labelstudio", annotations=True, model="ls-desk")
    (row,) = Suggestion.objects.all()
    assert row.article == article and row.origin == "ls-desk"
    assert row.origin_version == "annotations"
    body = article.body
    assert [body[s:e] for s, e in row.source_spans] == [spans["source"].quote]
    assert body[slice(*row.cue_span)] == spans["cue"].quote
    assert [body[s:e] for s, e in row.content_spans] == [spans["claim"].quote]
    assert all("is linked to no cue" in p for p in problems)
    assert len(problems) == report.problem_count >= 3


def test_label_studio_tasks_found_by_their_text_even_with_crlf(tmp_path):
    """A task without ids is matched by its text, read with CRLF line ends and a BOM; its
    offsets land on our body."""
    article = make_article(body=BODY)
    theirs = "\ufeff" + BODY.replace("\n", "\r\n")

    def region(key, words, label):
        return {"id": key, "type": "labels", "value": {**span(words, theirs), "labels": [label]}}

    results = [
        region("s", "Ida Marsh", "Source"),
        region("c", "urged", "Cue"),
        region("q", '"Open the sluices,"', "Content"),
        {"type": "relation", "from_id": "q", "to_id": "s"},
        {"type": "relation", "from_id": "q", "to_id": "c"},
    ]
    tasks = [
        {
            "data": {"text": theirs},
            "predictions": [{"model_version": "v1", "score": 0.7, "result": results}],
        }
    ]
    report, problems = run(write(tmp_path, "ls.json", tasks), format="labelstudio")
    assert problems == [] and report.created == 1
    row = Suggestion.objects.get()
    assert (row.article, row.origin, row.origin_version, row.confidence) == (
        article,
        "labelstudio",
        "v1",
        0.7,
    )
    assert BODY[slice(*row.cue_span)] == "urged"


def test_a_new_import_replaces_the_origins_pending_suggestions_but_two_versions_in_one_file_add_up(
    tmp_path,
):
    """Within one import, a second model version adds to the first; the next import of the
    same origin replaces what is still pending; --keep-pending keeps it."""
    make_article(body=BODY, external_id="wb-17")
    both = citron_doc()
    first, second = both["quotes"]
    one = write(tmp_path, "wb-17.json", [{**both, "quotes": [first]}, {**both, "quotes": [second]}])
    report, _ = run(one)
    assert report.created == 2
    only_first = write(tmp_path, "wb-17.json", {**both, "quotes": [first]})
    report, _ = run(only_first)
    assert (report.created, report.replaced, Suggestion.objects.count()) == (1, 2, 1)
    report, _ = run(write(tmp_path, "wb-17.json", {**both, "quotes": [second]}), replace=False)
    assert (report.replaced, Suggestion.objects.count()) == (0, 2)


def test_a_batch_of_articles_costs_a_fixed_number_of_queries_per_article(
    tmp_path, django_assert_max_num_queries
):
    """The registry is read once (two queries), articles are found for a batch at once (two
    queries), then each article costs store's few queries: no query per quote."""
    tasks = []
    for n in range(12):
        article = make_article(body=BODY, external_id=f"wb-{n}")
        quotes = citron_doc(article_id=article.pk)["quotes"] * 5
        tasks.append({"quotes": quotes, "article_id": article.pk})
    path = write(tmp_path, "all.json", tasks)
    with django_assert_max_num_queries(2 + 3 + 12 * 5):
        report, problems = run(path)
    assert report.created == 24 and report.skipped_duplicate == 12 * 8


def test_a_source_name_resolves_to_the_one_registry_entry_with_that_name_or_alias(tmp_path):
    """A source resolves as the engine's do: "Ida Marsh" is the one entry by that name; "The
    water board" is no entry's name or alias, so it stays unresolved."""
    from annotations.models import Source
    from suggestions.models import Suggestion

    entry = Source.objects.create(name="Ida Marsh", kind="person")
    article = make_article(body=BODY, external_id="wb-reg")
    run(write(tmp_path, "reg.json", citron_doc(article_id=article.pk)))
    entries = sorted(
        Suggestion.objects.filter(article=article).values_list("source_entry", flat=True),
        key=str,
    )
    assert entries == [entry.pk, None]


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    """IMPORT_MAX_FILE_BYTES: the file is one problem and nothing is read."""
    make_article(body=BODY, external_id="wb-17")
    path = write(tmp_path, "wb-17.json", citron_doc())
    importer = SuggestionImport(ImportOptions(format="citron"), limits=Limits(max_file_bytes=100))
    importer.read(path, "wb-17.json")
    assert importer.report.documents == 0
    assert "over the 100 bytes limit (IMPORT_MAX_FILE_BYTES)" in str(importer.report.problems[0])


def test_an_uploaded_stream_reads_like_a_file():
    """A binary stream (an upload) with a name: what an admin form would pass."""
    make_article(body=BODY, external_id="wb-17")
    stream = io.BytesIO(json.dumps(citron_doc()).encode("utf-8"))
    report = import_suggestions([(stream, "wb-17.json")], ImportOptions(format="citron"))
    assert report.created == 2


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"model": engine.ORIGIN}, "this project's rule engine"),
        ({"model": " "}, "1 to 100 characters"),
        ({"default_confidence": 2.0}, "[0, 1]"),
        ({"format": "brat"}, "one of citron, labelstudio"),
    ],
)
def test_options_that_would_store_wrongly_are_refused(options, message):
    """The engine's own origin (replace would delete its suggestions), an empty model name, a
    default confidence outside [0, 1], an unknown format."""
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        ImportOptions(**{"format": "citron", **options}).check()


def test_the_documented_example_files_import_cleanly():
    """docs/formats/examples: the Citron and Label Studio examples of docs/suggestions.md
    import without a problem and propose the same two attributions for the example article,
    so the second import finds them already pending; the NER "Person" region is left out and
    counted."""
    examples = Path(__file__).resolve().parents[3] / "docs" / "formats" / "examples"
    body = (examples / "suggestions-article.txt").read_text(encoding="utf-8")
    make_article(body=body, external_id="example-1")
    report, problems = run(examples / "citron-suggestions.json")
    assert (problems, report.created) == ([], 2)
    report, problems = run(examples / "labelstudio-predictions.json", format="labelstudio")
    assert (problems, report.created, report.skipped_duplicate) == ([], 0, 2)
    assert report.ignored == {"label 'Person'": 1}
    cues = [body[s:e] for s, e in Suggestion.objects.values_list("cue_span", flat=True)]
    assert sorted(cues) == ["said", "told reporters"]
