"""Attributions visible in the text in headless Chromium (issue 10, deliverable 3): hovering
or focusing a claim outlines its source and cue (and the other way round), unlinked claims are
hatched, and unlinking from the panel hatches the claim without a page reload."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from annotations.models import Attribution
from tests.factories import make_annotation, make_article, make_user

pytestmark = [pytest.mark.browser]

BODY = (
    "The harbour master said the pier would reopen in May.\n\n"
    "A new timetable would follow, the ferry company hoped."
)
PARTNER = re.compile(r"\bpartner\b")


@pytest.fixture
def linked(live):
    """A claim linked to its source and cue, and a second claim with no attribution."""
    editor = make_user(role="editor")
    article = make_article(body=BODY)
    claim = make_annotation(article, "Claim", quote="the pier would reopen in May", author=editor)
    source = make_annotation(article, "Source", quote="The harbour master", author=editor)
    cue = make_annotation(article, "Cue", quote="said", author=editor)
    lone = make_annotation(article, "Claim", quote="A new timetable would follow", author=editor)
    Attribution.objects.create(claim=claim, source_span=source, cue=cue, author=editor)
    return editor, article, claim, source, cue, lone


def test_hovering_and_focusing_a_claim_outline_its_attribution(
    live, login_page, linked, artifacts_dir
):
    """Hovering the claim outlines its source and cue marks and their panel items, not the
    unlinked claim; hovering the source outlines the claim; focusing the claim's panel item
    does the same by keyboard; the unlinked claim is hatched and the linked one is not, and
    unlinking hatches the claim after the swap."""
    editor, article, claim, source, cue, lone = linked
    page = login_page(editor)
    page.goto(f"{live.url}{article.get_absolute_url()}")
    mark = lambda pk: page.locator(f'#t-body mark[data-ann~="{pk}"]').first  # noqa: E731

    lone_mark = mark(lone.pk)
    expect(lone_mark).to_have_class(re.compile(r"\bunlinked\b"))
    assert lone_mark.evaluate("m => getComputedStyle(m).backgroundImage") != "none"
    expect(mark(claim.pk)).not_to_have_class(re.compile(r"\bunlinked\b"))

    mark(claim.pk).hover()
    expect(mark(source.pk)).to_have_class(PARTNER)
    expect(mark(cue.pk)).to_have_class(PARTNER)
    expect(page.locator(f"#ann-{source.pk}")).to_have_class(PARTNER)
    expect(page.locator(f"#ann-{cue.pk}")).to_have_class(PARTNER)
    expect(lone_mark).not_to_have_class(PARTNER)
    page.screenshot(path=str(artifacts_dir / "article-links-hovered.png"), full_page=True)

    mark(source.pk).hover()
    expect(mark(claim.pk)).to_have_class(PARTNER)
    expect(mark(cue.pk)).to_have_class(PARTNER)
    expect(mark(source.pk)).not_to_have_class(PARTNER)

    page.mouse.move(0, 0)
    expect(page.locator("mark.partner")).to_have_count(0)

    page.locator(f"#ann-{claim.pk} button.quote").focus()
    expect(mark(source.pk)).to_have_class(PARTNER)
    expect(mark(cue.pk)).to_have_class(PARTNER)

    page.locator(f"#ann-{claim.pk} button", has_text="unlink").click()
    expect(page.locator(f"#ann-{claim.pk} ul.links")).to_have_count(0)
    expect(mark(claim.pk)).to_have_class(re.compile(r"\bunlinked\b"))
