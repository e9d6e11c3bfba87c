"""The review page's rows (annotations.reviewing, pure) and their cards
(annotations.render.review): which spans make a row and in what order, the context's sentence
bounds, the marks, escaping, and the controls per user and lock. No database: items and tags
are built in memory."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from annotations import reviewing
from annotations.items import Item, Link
from annotations.models import Tag
from annotations.render.review import ReviewCards, context_html

CLAIM = Tag(pk=1, name="Claim", role=Tag.Role.CLAIM, colour="#f6c744", shortcut="c")
SOURCE = Tag(pk=2, name="Source", role=Tag.Role.SOURCE, colour="#7cc4f5", shortcut="s")
CUE = Tag(pk=3, name="Cue", role=Tag.Role.CUE, colour="#b08cf0", shortcut="u")
TEXT = "Intro here. Ann <Lee> said the <b>dam</b> holds. Later text."
#       0123456789012345678901234567890123456789012345678


@dataclass
class User:
    pk: int
    perms: set[str] = field(default_factory=set)

    def has_perm(self, perm: str) -> bool:
        return perm in self.perms


REVIEWER = User(9, {"annotations.add_review"})


def span(pk: int, tag: Tag, quote: str, status: str = "pending") -> Item:
    start = TEXT.index(quote)
    return Item(
        pk, "body", None, start, start + len(quote), quote, tag, "", 1, "ed", status, None, False
    )


def sentences(_key: str) -> list[tuple[int, int]]:
    return [(0, 11), (12, 48), (49, 60)]


def rows(**statuses: str) -> list[reviewing.Row]:
    source = span(1, SOURCE, "Ann <Lee>", statuses.get("source", "pending"))
    cue = span(2, CUE, "said", statuses.get("cue", "pending"))
    claim = span(3, CLAIM, "the <b>dam</b> holds", statuses.get("claim", "pending"))
    lone = span(4, CLAIM, "Later text")
    claim.links = [Link(5, "“Ann <Lee>”", "said", source_span_id=1, cue_id=2, span_ids=(1, 2))]
    return reviewing.build_rows([source, cue, claim, lone], sentences)


def test_an_attribution_row_holds_source_cue_claim_then_unlinked_rows():
    """One row per attribution (its spans in role order), then one per span in none."""
    built = rows()
    assert [r.key for r in built] == ["att-5", "ann-4"]
    assert [(p.role, p.item.id) for p in built[0].parts] == [
        ("source", 1),
        ("cue", 2),
        ("claim", 3),
    ]


def test_context_is_the_sentence_around_the_parts():
    """The context runs from the start of the first part's sentence to the end of the last's."""
    assert rows()[0].context == ("body", 12, 48)


def test_around_without_sentences_is_the_span():
    """A span in no known sentence is its own context."""
    assert reviewing.around([], 3, 9) == (3, 9)


def test_context_html_marks_each_role_and_keeps_offsets():
    """Overlapping parts split the text; each piece has its code point offset and the classes
    of every part covering it; the text is escaped."""
    html = context_html("a <b> c", 0, 7, [("claim", 0, 5), ("source", 2, 5)])
    assert html == (
        '<mark class="cx cx-claim" data-o="0">a </mark>'
        '<mark class="cx cx-claim cx-source" data-o="2">&lt;b&gt;</mark>'
        '<span data-o="5"> c</span>'
    )


def test_card_escapes_every_text():
    """Quotes with markup in them are shown as text, never as markup."""
    html = ReviewCards(REVIEWER).row(rows()[0], {"body": TEXT})
    assert "<b>" not in html
    assert "“the &lt;b&gt;dam&lt;/b&gt; holds”" in html
    assert "Ann &lt;Lee&gt;" in html


def test_card_of_a_partly_rejected_attribution_reads_rejected():
    """A row with one rejected span is rejected."""
    row = rows(cue="rejected", claim="accepted")[0]
    assert row.status == "rejected"
    assert 'data-status="rejected"' in ReviewCards(REVIEWER).row(row, {"body": TEXT})


@pytest.mark.parametrize(
    ("user", "locked"), [(User(1, set()), False), (REVIEWER, True)], ids=["editor", "locked"]
)
def test_card_without_review_rights_or_locked_has_no_controls(user, locked):
    """No checkbox, Accept, Reject… or Correct for a non-reviewer, nor on an approved article."""
    html = ReviewCards(user, locked=locked).row(rows()[0], {"body": TEXT})
    assert 'class="pick"' not in html
    assert "Accept" not in html
    assert "Reject…" not in html
    assert "/correct/" not in html


def test_filters_read_from_the_query_and_back():
    """Known values are kept, unknown ones dropped; query() gives back the ones set."""
    tags = {1: CLAIM, 2: SOURCE}
    f = reviewing.Filters.from_query(
        {"tag": "2", "status": "nope", "editor": "7", "confidence": "low"}, tags
    )
    assert (f.tag, f.status, f.editor, f.confidence) == (2, "", 7, "low")
    assert f.query() == {"tag": "2", "editor": "7", "confidence": "low"}


@pytest.mark.parametrize(
    ("confidence", "band"),
    [
        (None, "manual"),
        (0.95, "high"),
        (0.8, "high"),
        (0.79, "medium"),
        (0.5, "medium"),
        (0.1, "low"),
    ],
)
def test_confidence_bands(confidence, band):
    """High from 0.8, medium from 0.5, low below; no confidence (made by hand) is manual."""
    assert reviewing.band(confidence) == band
