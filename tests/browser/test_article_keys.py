"""The article page's navigation keys, help overlay and word snapping in headless Chromium
(issue 10, deliverable 4): j/k through suggestions, n/p through annotations, l to the next
unlinked claim, ? for the list of keys, and sloppy selections saved as whole words."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from annotations.models import Annotation
from articles.models import Article
from suggestions.models import Suggestion
from suggestions.runs import suggest_articles
from tests.conftest import seed_file
from tests.factories import make_user

from .conftest import SELECT_JS, select_text

pytestmark = [pytest.mark.browser]

# The same selection, released with Alt held: snapping is off.
SELECT_WITH_ALT_JS = SELECT_JS.replace("{bubbles: true}", "{bubbles: true, altKey: true}")


@pytest.fixture
def suggested_article(live) -> Article:
    call_command("import_articles", str(seed_file()), stdout=open("/dev/null", "w"))  # noqa: SIM115
    article = Article.objects.order_by("id").first()
    suggest_articles([article.pk])
    assert Suggestion.objects.filter(article=article).count() >= 3
    return article


def test_keys_move_focus_open_help_and_snap_selections(
    live, login_page, suggested_article, artifacts_dir
):
    """From a fresh page, j/j/k move focus through the suggestions (with the outline in the
    text marked), ? opens the help and Escape closes it with focus back where it was; accepting
    the first suggestion takes 2 keys (j, a); a sloppy drag is saved as whole words but an
    Alt-released one as drawn; n/p walk the annotations and l finds the unlinked claim."""
    url = f"{live.url}{suggested_article.get_absolute_url()}"
    page = login_page(make_user(role="editor"))
    page.goto(url)
    items = page.locator("#sg-list li.sg-item")
    first_id = items.nth(0).get_attribute("data-sg")

    page.keyboard.press("j")
    expect(items.nth(0)).to_be_focused()
    page.keyboard.press("j")
    expect(items.nth(1)).to_be_focused()
    page.keyboard.press("k")
    expect(items.nth(0)).to_be_focused()
    expect(page.locator(f'#t-body [data-sg~="{first_id}"].sg-focus')).not_to_have_count(0)

    help_dialog = page.locator("#key-help")
    expect(help_dialog).to_be_hidden()
    page.keyboard.press("?")
    expect(help_dialog).to_be_visible()
    expect(help_dialog).to_contain_text("Next / previous suggestion")
    expect(help_dialog).to_contain_text("Tag the selection as Claim")
    page.screenshot(path=str(artifacts_dir / "keys-help.png"))
    page.keyboard.press("Escape")
    expect(help_dialog).to_be_hidden()
    expect(items.nth(0)).to_be_focused()

    # Accepting the first suggestion from page load, keyboard only.
    page.goto(url)
    page.evaluate("() => { window.__noReload = true; }")
    page.evaluate(
        "() => { window.__keys = 0;"
        " addEventListener('keydown', () => { window.__keys++; }, true); }"
    )
    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(page.locator("#status .msg.ok")).to_contain_text("Accepted the attribution")
    assert Suggestion.objects.get(pk=first_id).status == "accepted"
    keystrokes = page.evaluate("() => window.__keys")
    print(f"keystrokes to accept the first suggestion from page load: {keystrokes}")
    assert keystrokes == 2

    select_text(page, "#t-body", "ulances rush")
    expect(page.locator("#tag-toolbar")).to_be_visible()
    assert page.evaluate("() => getSelection().toString()") == "Ambulances rushed"
    page.keyboard.press("c")
    expect(page.locator("#status .msg.ok")).to_contain_text("“Ambulances rushed")
    claim = Annotation.objects.get(quote="Ambulances rushed")
    # the save redraws the paragraph: select again only once the new highlight is in the text
    expect(page.locator(f'#t-body mark[data-ann~="{claim.pk}"]').first).to_be_visible()

    page.evaluate(SELECT_WITH_ALT_JS, ["#t-body", "ite of the atta", 0])
    expect(page.locator("#tag-toolbar")).to_be_visible()  # the selection was taken: then tag it
    assert page.evaluate("() => getSelection().toString()") == "ite of the atta"
    page.keyboard.press("q")
    expect(page.locator("#status .msg.ok")).to_contain_text("“ite of the atta")
    assert Annotation.objects.filter(quote="ite of the atta").exists()

    anns = page.locator("#ann-list li.ann[data-ann] button.quote")
    page.locator("#panel-heading").click()  # focus leaves the text
    page.keyboard.press("n")
    expect(anns.nth(0)).to_be_focused()
    page.keyboard.press("n")
    expect(anns.nth(1)).to_be_focused()
    page.keyboard.press("p")
    expect(anns.nth(0)).to_be_focused()
    page.keyboard.press("l")
    expect(page.locator(f"#ann-{claim.pk} button.quote")).to_be_focused()
    assert page.evaluate("() => window.__noReload === true")
