"""Loading bench/ scripts in tests: bench/ is not a package, so each script is loaded from its
file with importlib (one helper for every test of a bench script)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench"
ATTRIBUTION = BENCH / "attribution"


def load(name: str, path: Path) -> ModuleType:
    """The module in `path`, imported under `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROLES = ("source", "cue", "content")


def assert_well_formed(record: dict, *, strict_content: bool = True) -> None:
    """One gold record as every attribution set writes it: keys as in gold.jsonl; every span
    non-empty, trimmed and inside its text; one cue; some content; the spans of one attribution
    not overlapping; with `strict_content`, no content ending in a comma, semicolon or colon, or
    in a stop outside a quotation left open into the next paragraph."""
    text = record["text"]
    assert set(record) == {"doc", "text", "attributions"}
    for attribution in record["attributions"]:
        assert set(attribution) == {"source", "cue", "content", "source_entity"}
        assert len(attribution["cue"]) == 1 and attribution["content"]
        spans = sorted(tuple(span) for role in ROLES for span in attribution[role])
        for start, end in spans:
            assert 0 <= start < end <= len(text)
            assert text[start:end] == text[start:end].strip()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
        if strict_content:
            for start, end in attribution["content"]:
                piece = text[start:end]
                assert not piece.endswith((",", ";", ":"))
                assert not piece.endswith(".") or piece.startswith('"')


def assert_cues_unique(records: list[dict]) -> None:
    """No two attributions of an article share a cue: each cue is counted once (a shared cue
    would mean one attribution was written twice)."""
    for record in records:
        cues = [tuple(a["cue"][0]) for a in record["attributions"]]
        assert len(cues) == len(set(cues)), record["doc"]


def assert_refuses_misnamed_span(builder: ModuleType) -> None:
    """A span whose words are not in the article stops a set's builder (no silent offsets)."""
    import pytest

    saved = builder.ARTICLES
    doc, text, attributions = saved[0]
    broken = [*attributions, builder.A(["Nobody Here"], "said", ["x"])]
    builder.ARTICLES = [(doc, text, broken)]
    try:
        with pytest.raises(ValueError, match="Nobody Here"):
            builder.build()
    finally:
        builder.ARTICLES = saved
