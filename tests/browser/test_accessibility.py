"""axe-core (npm, pinned in package-lock.json) run inside Chromium on each page: no serious or
critical violations. The page's CSP forbids injected script tags, so the source is evaluated."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article
from suggestions.runs import suggest_articles
from tests.conftest import seed_file
from tests.factories import make_annotation, make_user

pytestmark = [pytest.mark.browser]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page) -> list[str]:
    page.evaluate(AXE.read_text())
    violations = page.evaluate("() => axe.run().then(r => r.violations)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.fixture
def annotated(live) -> Article:
    call_command("import_articles", str(seed_file()), stdout=open("/dev/null", "w"))  # noqa: SIM115
    article = Article.objects.order_by("id").first()
    editor = make_user("axe-editor", "editor")
    make_annotation(article, "Claim", quote="at least 40 dead", author=editor)
    make_annotation(article, "Source", quote="the Pentagon", author=editor)
    make_annotation(article, "Cue", quote="said", author=editor, note="<b>verb</b> of saying")
    suggest_articles([article.pk])  # the page's Suggestions section and outlines are checked too
    return article


def test_login_page_has_no_serious_violations(live, page):
    """The login page passes axe-core."""
    page.goto(f"{live.url}/login/")
    assert serious_violations(page) == []


def test_article_list_has_no_serious_violations(live, login_page, annotated):
    """The article list passes axe-core."""
    page = login_page(make_user(role="editor"))
    page.goto(f"{live.url}/articles/")
    assert serious_violations(page) == []


def test_annotated_article_page_has_no_serious_violations(live, login_page, annotated):
    """The article page with highlights, the panel and an open edit form passes axe-core."""
    page = login_page(annotated.annotations.first().author)
    page.goto(f"{live.url}{annotated.get_absolute_url()}")
    page.locator("#ann-list li.ann").first.get_by_role("button", name="Edit").click()
    page.locator("#ann-list form").wait_for()
    assert serious_violations(page) == []
