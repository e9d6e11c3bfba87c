"""Approval in headless Chromium (issue 10): a reviewer approving with work still pending is
asked to confirm and told how much, confirms, and later reopens the article; while it is
approved the editor's page is read-only. Screenshots of each state are kept as artifacts."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from annotations.models import Annotation, ArticleReview
from articles.models import Article
from tests.factories import make_annotation, make_article, make_user

from .test_accessibility import serious_violations

pytestmark = [pytest.mark.browser]

REVIEW_PERMISSIONS = importlib.import_module("annotations.migrations.0005_review_permissions")


@pytest.fixture(autouse=True)
def review_roles(live):
    """The roles' review permissions (migration 0005), flushed by each live-server test."""
    REVIEW_PERMISSIONS.grant(django_apps, None)


@pytest.fixture
def ready(live):
    """A ready article: two pending spans and one accepted, by one editor."""
    article = make_article()
    editor = make_user("maria", "editor")
    make_annotation(article, "Claim", quote="the bridge would open in spring", author=editor)
    make_annotation(article, "Cue", quote="said", author=editor)
    make_annotation(
        article, "Source", quote="The minister", author=editor, status=Annotation.Status.ACCEPTED
    )
    Article.objects.filter(pk=article.pk).update(status=Article.Status.READY)
    return article, editor


def second_page(browser, live, user):
    """A page in a context of its own (its own cookies), signed in as `user`."""
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live.url}])
    return context.new_page()


def test_approve_confirm_reopen_and_read_only_editor(
    live, login_page, browser, ready, artifacts_dir
):
    """Approve asks to confirm with the counts (an htmx swap, no reload, axe clean); the
    confirmation approves and the page comes back read-only for the editor; Reopen gives the
    editor the controls back, with both steps in the history."""
    article, editor = ready
    url = f"{live.url}{article.get_absolute_url()}"
    page = login_page(make_user("rita", "reviewer"))
    page.goto(url)
    page.evaluate("() => { window.__noReload = true; }")
    bar = page.locator("#workflow")

    bar.get_by_role("button", name="Approve").click()
    confirm = bar.locator(".wf-confirm")
    expect(confirm).to_contain_text(
        "2 annotations and 0 suggestions are still pending. Approve anyway?"
    )
    expect(confirm.get_by_role("button", name="Approve with pending work")).to_be_focused()
    expect(bar.locator(".badge")).to_have_text("Ready for review")
    assert page.evaluate("() => window.__noReload === true")
    assert serious_violations(page) == []
    bar.screenshot(path=str(artifacts_dir / "approve-confirm.png"))

    confirm.get_by_role("button", name="Approve with pending work").click()
    expect(bar.locator(".badge")).to_have_text("Approved")
    expect(bar).to_contain_text("Approved by rita")
    # The page was reloaded with the lock's controls: no decisions and no corrections until
    # the article is reopened.
    expect(page.locator("#ann-list").get_by_role("button", name="Correct…")).to_have_count(0)
    expect(page.locator("#ann-list").get_by_role("button", name="Reject…")).to_have_count(0)

    editor_page = second_page(browser, live, editor)
    editor_page.goto(url)
    expect(editor_page.locator("#workflow")).to_contain_text("ask a reviewer to reopen it")
    expect(editor_page.locator("#panel")).to_contain_text("read-only until a reviewer reopens it")
    expect(editor_page.locator("#tag-toolbar")).to_have_count(0)
    expect(editor_page.locator("#ann-list").get_by_role("button", name="Edit")).to_have_count(0)
    editor_page.screenshot(path=str(artifacts_dir / "approved-editor-read-only.png"))

    bar.get_by_role("button", name="Reopen").click()
    expect(bar.locator(".badge")).to_have_text("Ready for review")
    expect(bar).to_contain_text("Reopened by rita")
    expect(page.locator("#ann-list").get_by_role("button", name="Reject…")).to_have_count(3)
    bar.screenshot(path=str(artifacts_dir / "reopened.png"))
    steps = ArticleReview.objects.order_by("id").values_list("to_status", flat=True)
    assert list(steps) == [Article.Status.APPROVED, Article.Status.READY]

    editor_page.reload()
    expect(editor_page.locator("#ann-list").get_by_role("button", name="Edit")).to_have_count(3)
    editor_page.context.close()
