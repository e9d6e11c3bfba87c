"""Snapshots of the panel's suggestion items (annotations.render.suggested) and of the
provenance line an accepted suggestion leaves on its attribution (annotations.render.panel)."""

from __future__ import annotations

import pytest

from annotations.render.panel import provenance_text
from annotations.render.suggested import SuggestedItem, SuggestionPanel

pytestmark = pytest.mark.django_db  # URL reversing only; no rows


def item(**changes: object) -> SuggestedItem:
    values: dict = {
        "id": 4,
        "target": "body",
        "sources": ["The mayor"],
        "cue": "said",
        "contents": ["that <tolls> end"],
        "sentence": "The mayor said that <tolls> end.",
        "entry": "",
        "origin": "newsroom-rules",
        "version": "3",
        "rule": "source-cue-that",
        "confidence": 0.854,
    }
    values.update(changes)
    return SuggestedItem(**values)


def test_item_shows_triple_sentence_and_provenance_escaped():
    """Source — cue — content, the sentence and "confidence · rule · origin version", every
    text escaped."""
    html = SuggestionPanel(can_review=False).item(item())
    assert html.startswith('<li id="sg-4" class="sg-item" data-sg="4" tabindex="-1"')
    assert '<span class="sg-w sg-source">The mayor</span>' in html
    assert "“that &lt;tolls&gt; end”" in html
    assert '<p class="sg-sentence">The mayor said that &lt;tolls&gt; end.</p>' in html
    assert "0.85 · source-cue-that · newsroom-rules 3" in html
    assert "<tolls>" not in html
    assert "data-sg-action" not in html


def test_reviewer_gets_accept_and_reject_with_their_keys():
    """Who may review gets Accept (a) and Reject (x), posting with the page's revision."""
    html = SuggestionPanel(can_review=True).item(item())
    assert 'hx-post="/suggestions/4/accept/"' in html
    assert 'hx-post="/suggestions/4/reject/"' in html
    assert 'aria-keyshortcuts="a"' in html and 'aria-keyshortcuts="x"' in html
    assert 'hx-swap="delete" hx-include="#sg-revision"' in html


def test_implicit_source_and_registry_entry_are_said():
    """No source span reads "implicit source"; a resolved entry is named."""
    assert "implicit source" in SuggestionPanel(can_review=False).item(item(sources=[]))
    assert "= Mayor of Lindholm" in SuggestionPanel(can_review=False).item(
        item(entry="Mayor of Lindholm")
    )


def test_empty_section_says_so():
    """No pending suggestion: one line says so."""
    assert "No pending suggestions." in SuggestionPanel(can_review=True).items([])


def test_provenance_line():
    """The provenance of an accepted suggestion, escaped."""
    assert provenance_text("citron", "<1>", "model", 0.5) == (
        "suggested by citron &lt;1&gt;, rule model, confidence 0.50"
    )
