"""Reviewers' pages in headless Chromium: the dashboard's charts, two editors side by side, and
building a set with its live count. Screenshots go to test-artifacts/ for a human to look at."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from playwright.sync_api import expect

from annotations.models import AnnotatedSet, Annotation, Source
from articles.models import Article
from tests.conftest import seed_file
from tests.factories import make_annotation, make_article, make_user

from .test_accessibility import serious_violations

pytestmark = [pytest.mark.browser]

FIRST_TITLE = "US Strikes Target Extremists in Syria"
# The `live` fixture puts back what migration 0002 seeds; the review and set permissions come
# from 0005, which a live-server test's flush removes just the same.
REVIEW_GRANTS = importlib.import_module("annotations.migrations.0005_review_permissions")


def nth_span(text: str, needle: str, nth: int) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


@pytest.fixture
def review_data(live) -> dict:
    """The seed's articles plus a few of our own in every workflow status; two editors who
    agree on some spans of the first article and not on others; reviews; a registry entry;
    two sets."""
    REVIEW_GRANTS.grant(django_apps, None)
    call_command("import_articles", str(seed_file()), stdout=open("/dev/null", "w"))  # noqa: SIM115
    article = Article.objects.get(title=FIRST_TITLE)
    alice = make_user("alice", "editor")
    bob = make_user("bob", "editor")
    reviewer = make_user("rita", "reviewer")
    body = article.body
    claim = "The attack killed at least 40 extremist leaders"
    said = nth_span(
        body, "said", body[: body.index("the Britain based monitor said")].count("said")
    )
    for author in (alice, bob):
        make_annotation(article, "Claim", quote=claim, author=author, status="accepted")
        make_annotation(article, "Cue", *said, author=author)
    make_annotation(article, "Source", quote="the Britain based monitor", author=alice)
    make_annotation(article, "Source", quote="Britain based monitor", author=bob)  # boundaries
    make_annotation(article, "Source", quote="the Pentagon", author=alice, status="accepted")
    make_annotation(article, "Quote", quote="the Pentagon", author=bob, status="rejected")
    make_annotation(article, "Source", quote="Rami Abdel Rahman", author=bob)  # only bob
    observatory = Source.objects.create(
        name="Syrian Observatory for Human Rights", kind="organisation"
    )
    make_annotation(
        article,
        "Source",
        quote="the Syrian Observatory for Human Rights",
        author=alice,
        source_entry=observatory,
        status="accepted",
    )
    for i, status in enumerate(Article.Status.values * 2):
        extra = make_article(
            title=f"Council report {i}: the budget gap",
            body=f"The treasurer said the budget gap would widen.\n\nReport number {i}.",
            outlet="Daily Ledger" if i % 2 else "Evening Post",
            published=datetime(2026, 3, 1 + i, tzinfo=UTC),
        )
        Article.objects.filter(pk=extra.pk).update(status=status)
        make_annotation(extra, "Claim", quote="the budget gap", author=alice if i % 2 else bob)
    syria = AnnotatedSet.objects.create(name="Syria strikes", filters={"text": "Idlib"})
    AnnotatedSet.objects.create(
        name="Daily Ledger spring", filters={"outlet": "Daily Ledger", "date_from": "2026-03-01"}
    )
    return {"article": article, "reviewer": reviewer, "set": syria}


def test_reviewer_sees_the_dashboard_charts(live, login_page, review_data, artifacts_dir):
    """The dashboard draws its five charts as inline SVG with the numbers behind them, shows
    the two editors' agreement on the Syria set, and passes axe-core."""
    page = login_page(review_data["reviewer"])
    page.goto(f"{live.url}/annotations/dashboard/")
    expect(page.get_by_role("heading", name="Review dashboard")).to_be_visible()
    for chart in ("progress", "editors", "tags", "sources", "agreement"):
        expect(page.locator(f"svg#chart-{chart}")).to_be_visible()
    expect(page.locator("svg#chart-agreement")).to_contain_text("Syria strikes: alice × bob")
    expect(page.locator("svg#chart-sources")).to_contain_text("Syrian Observatory")
    page.get_by_text("Show the numbers").first.click()
    expect(page.locator("table.data").first).to_contain_text("Syria strikes")
    page.screenshot(path=artifacts_dir / "dashboard.png", full_page=True)
    assert serious_violations(page) == []


def test_compare_page_shows_two_editors_side_by_side(live, login_page, review_data, artifacts_dir):
    """From the dashboard's "agree least" list to the compare page: both columns highlighted,
    the spans only one editor has marked, the figures shown; axe-core passes."""
    article = review_data["article"]
    page = login_page(review_data["reviewer"])
    page.goto(f"{live.url}/annotations/dashboard/")
    page.get_by_role("link", name=FIRST_TITLE).click()
    expect(page).to_have_url(f"{live.url}/annotations/compare/{article.pk}/?a=alice&b=bob")
    expect(page.locator("#a-col mark")).not_to_have_count(0)
    expect(page.locator("#b-col mark")).not_to_have_count(0)
    only_bob = Annotation.objects.get(quote="Rami Abdel Rahman")
    mark = page.locator(f'#b-col mark[data-ann~="{only_bob.pk}"]')
    expect(mark).to_have_attribute("title", "Source (only this editor)")
    assert mark.evaluate("m => getComputedStyle(m).outlineStyle") == "dashed"
    same = page.locator("#a-col mark", has_text="The attack killed at least 40")
    assert same.evaluate("m => getComputedStyle(m).outlineStyle") == "none"
    expect(page.locator(".stats")).to_contain_text("F1, exact spans")
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    page.screenshot(path=artifacts_dir / "compare.png", full_page=True)
    assert serious_violations(page) == []


def test_creating_a_set_with_the_live_count(live, login_page, review_data, artifacts_dir):
    """A reviewer builds a set: the count under the form follows the filters as they are
    chosen, the set is saved, and an article ticked in the pick list joins it at once."""
    page = login_page(review_data["reviewer"])
    page.goto(f"{live.url}/annotations/sets/")
    page.get_by_role("link", name="New set").click()
    page.wait_for_load_state()  # htmx wires its triggers once the deferred scripts ran
    page.get_by_label("Name").fill("Evening Post, March")
    count = page.locator("#preview-count")
    total = Article.objects.count()
    expect(count).to_have_text("0")  # no filters yet: picked articles only
    page.get_by_label("Outlet").select_option("Evening Post")
    expect(count).to_have_text(str(Article.objects.filter(outlet="Evening Post").count()))
    page.get_by_label("Has a span tagged").select_option("Claim")
    page.get_by_label("Title or text contains").fill("budget")
    expected = Article.objects.filter(outlet="Evening Post", title__contains="budget").count()
    expect(count).to_have_text(str(expected))
    assert 0 < expected < total
    page.screenshot(path=artifacts_dir / "set-create.png", full_page=True)
    assert serious_violations(page) == []
    page.get_by_role("button", name="Create the set").click()

    saved = AnnotatedSet.objects.get(name="Evening Post, March")
    expect(page).to_have_url(f"{live.url}/annotations/sets/{saved.pk}/")
    assert saved.filters == {"outlet": "Evening Post", "tag": "Claim", "text": "budget"}
    page.wait_for_load_state()
    page.get_by_label("Search title and text").fill("Syria")
    found = Article.objects.search("Syria").count()
    assert found < Article.objects.count()
    expect(page.locator("#picklist > p").first).to_have_text(f"{found} article{'s' * (found != 1)}")
    row = page.locator("#picklist tbody tr", has_text=FIRST_TITLE)
    expect(row).to_have_count(1)
    row.get_by_role("checkbox").check()
    expect(page.locator("#picked-count")).to_have_text("1")
    expect(count).to_have_text(str(expected + 1))
    assert list(saved.picked.values_list("title", flat=True)) == [FIRST_TITLE]
    page.screenshot(path=artifacts_dir / "set-edit.png", full_page=True)
    assert serious_violations(page) == []


def test_deleting_a_set_asks_first(live, login_page, review_data, artifacts_dir):
    """Delete from the list leads to a confirmation; confirming removes the set only."""
    page = login_page(review_data["reviewer"])
    page.goto(f"{live.url}/annotations/sets/")
    expect(page.locator("table.sets")).to_contain_text("Filters: contains “Idlib”")
    page.screenshot(path=artifacts_dir / "sets.png", full_page=True)
    assert serious_violations(page) == []
    page.get_by_role("link", name="Delete Syria strikes").click()
    expect(page.get_by_role("heading", name="Delete the set “Syria strikes”?")).to_be_visible()
    assert AnnotatedSet.objects.filter(name="Syria strikes").exists()
    page.get_by_role("button", name="Delete the set").click()
    expect(page.locator(".messages")).to_contain_text("deleted")
    assert not AnnotatedSet.objects.filter(name="Syria strikes").exists()
    assert Article.objects.filter(title=FIRST_TITLE).exists()
