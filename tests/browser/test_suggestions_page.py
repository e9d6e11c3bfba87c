"""Suggestions on the article page in headless Chromium (issue 10): outlined in the text,
listed in the panel, accepted with one key and rejected with another, without a reload."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from annotations.models import Attribution
from articles.models import Article
from suggestions.models import Suggestion
from suggestions.runs import suggest_articles
from tests.conftest import seed_file
from tests.factories import make_user

pytestmark = [pytest.mark.browser]


@pytest.fixture
def suggested_article(live) -> Article:
    call_command("import_articles", str(seed_file()), stdout=open("/dev/null", "w"))  # noqa: SIM115
    article = Article.objects.order_by("id").first()
    suggest_articles([article.pk])
    assert Suggestion.objects.filter(article=article).count() >= 3
    return article


def test_accept_with_one_key_reject_with_another(
    live, login_page, suggested_article, artifacts_dir
):
    """The editor focuses the first suggestion and presses `a`: its attribution is made and
    the panel shows it with its provenance, the outline goes, and focus moves to the next
    suggestion, where `x` rejects it. No reload; a screenshot is kept as a test artifact."""
    editor = make_user(role="editor")
    page = login_page(editor)
    page.goto(f"{live.url}{suggested_article.get_absolute_url()}")
    page.evaluate("() => { window.__noReload = true; }")
    pending = list(
        Suggestion.objects.filter(article=suggested_article).values_list("pk", flat=True)
    )
    items = page.locator("#sg-list li.sg-item")
    expect(items).to_have_count(len(pending))
    expect(page.locator("#t-body .sg.sg-cue").first).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "suggestions-shown.png"), full_page=True)

    first_id = items.nth(0).get_attribute("data-sg")
    second_id = items.nth(1).get_attribute("data-sg")
    items.nth(0).focus()
    page.keyboard.press("a")
    expect(page.locator("#status .msg.ok")).to_contain_text("Accepted the attribution")
    expect(page.locator(f"#sg-{first_id}")).to_have_count(0)
    expect(page.locator(f'#t-body [data-sg~="{first_id}"]')).to_have_count(0)
    expect(page.locator("#ann-list .provenance").first).to_contain_text(
        "suggested by newsroom-rules"
    )
    expect(page.locator(f"#sg-{second_id}")).to_be_focused()
    accepted = Suggestion.objects.get(pk=first_id)
    assert accepted.status == "accepted" and accepted.attribution is not None
    assert Attribution.objects.get().author == editor

    page.keyboard.press("x")
    expect(page.locator("#status .msg.ok")).to_contain_text("Rejected the suggestion")
    expect(page.locator(f"#sg-{second_id}")).to_have_count(0)
    expect(page.locator("#sg-count")).to_have_text(str(len(pending) - 2))
    assert Suggestion.objects.get(pk=second_id).status == "rejected"
    assert page.evaluate("() => window.__noReload === true")
    path = artifacts_dir / "suggestions-accepted.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
