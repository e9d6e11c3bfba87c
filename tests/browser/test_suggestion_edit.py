"""Editing a suggestion before accepting it, in headless Chromium (issue 10): `e` opens it, keys
grow and shrink its parts by a word, a selection in the text replaces a part, Enter accepts what
was edited; keyboard only, with the mouse, and at phone width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation, Attribution
from articles.models import Article
from suggestions.models import Suggestion
from suggestions.store import Proposal, store
from tests.browser.conftest import select_text
from tests.browser.test_accessibility import serious_violations
from tests.factories import make_article, make_user

pytestmark = [pytest.mark.browser]

BODY = (
    "The harbour board said on Monday that the old ferry pier would close for repairs in May.\n"
    "Fishermen were not told, a spokesperson for the union claimed."
)


def span(words: str) -> tuple[int, int]:
    start = BODY.index(words)
    return start, start + len(words)


@pytest.fixture
def article(live) -> Article:
    """One article with one pending suggestion: the harbour board — said — the claim."""
    article = make_article(title="Pier to close", body=BODY)
    proposal = Proposal(
        source=(span("The harbour board"),),
        cue=span("said"),
        content=(span("the old ferry pier would close for repairs in May"),),
        confidence=0.9,
        rule="source-cue-that",
    )
    store(article, [proposal], origin="newsroom-rules", origin_version="3")
    return article


def open_page(live, login_page, article):
    page = login_page(make_user(role="editor"))
    page.goto(f"{live.url}{article.get_absolute_url()}")
    page.evaluate("() => { window.__noReload = true; }")
    expect(page.locator("#sg-list li.sg-item")).to_have_count(1)
    return page


def test_keyboard_only_shrink_the_claim_by_a_word_then_accept(
    live, login_page, article, artifacts_dir
):
    """From the page: j focuses the suggestion, e opens it for editing with the claim current,
    Shift+Left gives up the claim's last word and Enter accepts: the claim made is the shorter
    text, the suggestion is accepted after edit, in 4 keys; no reload. The edit mode is kept
    as a screenshot."""
    page = open_page(live, login_page, article)
    keys = ["j", "e", "Shift+ArrowLeft"]
    for key in keys:
        page.keyboard.press(key)
    current = page.locator(".sg-part.current")
    expect(current).to_be_focused()
    expect(current.locator("q")).to_have_text("the old ferry pier would close for repairs in")
    path = artifacts_dir / "suggestion-edit-mode.png"
    page.screenshot(path=str(path), full_page=True)
    page.keyboard.press("Enter")
    keys.append("Enter")
    expect(page.locator("#status .msg.ok")).to_contain_text("Accepted the attribution, edited")
    expect(page.locator("#sg-list li.sg-item")).to_have_count(0)
    attribution = Attribution.objects.get()
    assert attribution.claim.quote == "the old ferry pier would close for repairs in"
    assert attribution.source_span.quote == "The harbour board"
    suggestion = Suggestion.objects.get()
    assert suggestion.status == "accepted" and suggestion.edited
    expect(page.locator("#ann-list .provenance").first).to_contain_text("accepted after edit")
    assert len(keys) == 4
    assert page.evaluate("() => window.__noReload === true")
    print(f"keys to edit and accept a suggestion: {len(keys)} ({' '.join(keys)})")


def test_grow_the_claims_start_and_end_then_escape_saves_nothing(live, login_page, article):
    """Alt+Shift+Left takes in the word before the claim; Shift+Left then Shift+Right gives up
    the last word and takes it back with the full stop stuck to it; Escape closes the edit with
    nothing written and the suggestion still pending and focused."""
    page = open_page(live, login_page, article)
    page.locator("#sg-list li.sg-item").focus()
    page.keyboard.press("e")
    current = page.locator(".sg-part.current q")
    page.keyboard.press("Alt+Shift+ArrowLeft")
    expect(current).to_have_text("that the old ferry pier would close for repairs in May")
    page.keyboard.press("Shift+ArrowLeft")
    expect(current).to_have_text("that the old ferry pier would close for repairs in")
    page.keyboard.press("Shift+ArrowRight")
    expect(current).to_have_text("that the old ferry pier would close for repairs in May.")
    page.keyboard.press("Escape")
    expect(page.locator(".sg-edit")).to_have_count(0)
    expect(page.locator("#sg-list li.sg-item")).to_be_focused()
    assert Annotation.objects.count() == 0
    assert Suggestion.objects.get().status == "pending"


def test_mouse_reselect_the_source_and_accept(live, login_page, article):
    """With the mouse: Edit, click the source part, select other words in the text, Use
    selection, Accept edited: the source made is the words selected."""
    page = open_page(live, login_page, article)
    page.get_by_role("button", name="Edit").click()
    page.locator(".sg-part-source").click()
    select_text(page, "#t-body", "a spokesperson for the union")
    page.get_by_role("button", name="Use selection as the source").click()
    expect(page.locator(".sg-part-source q")).to_have_text("a spokesperson for the union")
    page.get_by_role("button", name="Accept edited").click()
    expect(page.locator("#status .msg.ok")).to_contain_text("a spokesperson for the union")
    assert Attribution.objects.get().source_span.quote == "a spokesperson for the union"
    assert Attribution.objects.get().source_entry is None


def test_remove_the_source_for_an_implicit_one(live, login_page, article):
    """Tab moves the current part to the source (Shift+Tab from the cue), Delete removes it:
    accepted, the attribution has an implicit source."""
    page = open_page(live, login_page, article)
    page.locator("#sg-list li.sg-item").focus()
    page.keyboard.press("e")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(page.locator(".sg-part.current")).to_have_class("sg-part sg-part-source current")
    page.keyboard.press("Delete")
    expect(page.locator(".sg-part-none")).to_contain_text("implicit")
    page.keyboard.press("a")
    expect(page.locator("#status .msg.ok")).to_contain_text("(implicit source)")
    attribution = Attribution.objects.get()
    assert attribution.source_span is None and attribution.implicit_source


def test_edit_mode_at_390px_is_reachable_and_axe_clean(live, login_page, article, artifacts_dir):
    """At 390 px the Edit button, the parts and their buttons fit the screen; axe-core finds
    no serious violations with edit mode open; a screenshot is kept."""
    page = open_page(live, login_page, article)
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Show panel").click()  # the panel is a sheet on a phone
    page.get_by_role("button", name="Edit").click()
    expect(page.locator(".sg-part.current")).to_be_focused()
    for name in ("End: give up the last word (Shift+Left)", "Accept edited", "Cancel"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, name
    page.screenshot(path=str(artifacts_dir / "suggestion-edit-390.png"), full_page=False)
    assert serious_violations(page) == []


def test_an_edit_the_server_refuses_stays_open_with_the_reason(live, login_page, article):
    """When the server's text no longer holds the words the page shows (changed underneath,
    here without a new revision), Accept edited answers 422: the reason shows in the edit, the
    edit stays open and nothing is written."""
    page = open_page(live, login_page, article)
    page.locator("#sg-list li.sg-item").focus()
    page.keyboard.press("e")
    Article.objects.filter(pk=article.pk).update(body=BODY.replace("harbour", "airport"))
    page.keyboard.press("Enter")
    expect(page.locator(".sg-edit-msg")).to_contain_text("does not match")
    expect(page.locator(".sg-edit")).to_have_count(1)
    assert not Annotation.objects.exists()
