"""manage.py import_suggestions: other tools' files in, suggestions stored, summary on stderr."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from suggestions.models import Suggestion
from tests.factories import make_article

pytestmark = pytest.mark.django_db

BODY = "Rangers said the trail is closed. The park office denied it, a guide claimed."


def at(words: str) -> dict:
    start = BODY.index(words)
    return {"start": start, "end": start + len(words), "text": words}


def task(article_id: int, *, cue_text: str = "said") -> dict:
    def region(key: str, words: str, label: str, score: float) -> dict:
        value = {**at(words), "labels": [label], "score": score}
        if key == "c":
            value["text"] = cue_text
        return {
            "id": key,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": value,
        }

    return {
        "data": {"text": BODY, "article_id": article_id},
        "predictions": [
            {
                "model_version": "2024-06",
                "score": 0.9,
                "result": [
                    region("s", "Rangers", "Speaker", 0.92),
                    region("c", "said", "Cue", 0.88),
                    region("q", "the trail is closed", "Claim", 0.75),
                    {"type": "relation", "from_id": "s", "to_id": "c"},
                    {"type": "relation", "from_id": "c", "to_id": "q"},
                ],
            }
        ],
    }


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_suggestions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_label_studio_predictions_are_stored_with_model_version_and_score(tmp_path: Path):
    """End to end: rows with origin (--model), version (model_version) and confidence (the
    weakest region's score); only the summary, on standard error; the same file again changes
    nothing."""
    article = make_article(body=BODY)
    path = tmp_path / "predictions.json"
    path.write_text(json.dumps([task(article.pk)]), encoding="utf-8")
    out, err = run(str(path), "--format", "labelstudio", "--model", "trail-bert")
    assert out == ""
    assert "1 suggestion(s) stored (0 unreviewed replaced); 0 problem(s)" in err
    row = Suggestion.objects.get()
    assert (row.origin, row.origin_version, row.confidence) == ("trail-bert", "2024-06", 0.75)
    assert [BODY[s:e] for s, e in row.content_spans] == ["the trail is closed"]
    before = list(Suggestion.objects.values_list("fingerprint", "status", "confidence"))
    run(str(path), "--format", "labelstudio", "--model", "trail-bert")
    assert list(Suggestion.objects.values_list("fingerprint", "status", "confidence")) == before


def test_problems_are_listed_the_good_stored_and_the_exit_status_is_1(tmp_path: Path):
    """A task whose cue claims other words is reported with file, item and field; the good task
    is stored anyway; the command ends with an error carrying the summary."""
    good, bad = make_article(body=BODY, title="One"), make_article(body=BODY, title="Two")
    path = tmp_path / "predictions.json"
    path.write_text(json.dumps([task(good.pk), task(bad.pk, cue_text="told")]), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match=r"1 suggestion\(s\) stored .*1 problem\(s\)"):
        call_command("import_suggestions", str(path), "--format", "labelstudio", stderr=err)
    assert (
        f"{path}: record 2 (line 1), prediction 1, cue 'c': result[1] (region 'c').text: "
        "[8, 12] cuts 'said', not 'told'"
    ) in err.getvalue()
    assert list(Suggestion.objects.values_list("article", flat=True)) == [good.pk]


def test_a_citron_file_and_a_custom_label(tmp_path: Path):
    """--format citron reads a Citron document named by the file; --label maps a desk's own
    label for Label Studio (checked here only for its parsing: ROLE=NAME)."""
    make_article(body=BODY, external_id="park-3")
    doc = {
        "quotes": [
            {"cue": at("said"), "sources": [at("Rangers")], "contents": [at("the trail is closed")]}
        ]
    }
    path = tmp_path / "park-3.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    _, err = run(str(path), "--format", "citron", "--default-confidence", "0.55")
    assert Suggestion.objects.get().confidence == 0.55
    assert "1 matched to an article" in err
    with pytest.raises(CommandError, match="--label"):
        call_command(
            "import_suggestions", str(path), "--format", "labelstudio", "--label", "speaker"
        )


def test_missing_files_and_the_engine_origin_are_refused(tmp_path: Path):
    """A missing file, or --model naming this project's rule engine, stops before reading."""
    with pytest.raises(CommandError, match="no such file"):
        run(str(tmp_path / "none.json"), "--format", "citron")
    path = tmp_path / "x.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(CommandError, match="rule engine"):
        run(str(path), "--format", "citron", "--model", "newsroom-rules")
