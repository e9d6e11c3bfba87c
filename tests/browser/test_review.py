"""The review workflow in headless Chromium against the live server: an editor marks an article
ready, a reviewer decides on its annotations inline and sends it back, the editor sees why."""

from __future__ import annotations

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from playwright.sync_api import expect

from annotations.models import Annotation, ArticleReview, Review
from articles.models import Article
from tests.conftest import seed_file
from tests.factories import make_annotation, make_user

from .conftest import select_text
from .test_accessibility import serious_violations

pytestmark = [pytest.mark.browser]

FIRST_TITLE = "US Strikes Target Extremists in Syria"
REJECT_REASON = "Mixes source and cue: tag “a battlefield monitor” as Source, “called” as Cue."
CORRECT_REASON = "Reported speech, not words in quotation marks."
SEND_BACK = "Two spans need another look (see the review notes); the monitor's claim is untagged."


REVIEW_PERMISSIONS = importlib.import_module("annotations.migrations.0005_review_permissions")


@pytest.fixture(autouse=True)
def review_roles(live):
    """The roles' review permissions (migration 0005): the `live` fixture puts back only what
    0002 seeds, and each live-server test empties the tables when it ends."""
    REVIEW_PERMISSIONS.grant(django_apps, None)


@pytest.fixture
def seed_article(live) -> Article:
    call_command("import_articles", str(seed_file()), stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Article.objects.get(title=FIRST_TITLE)


@pytest.fixture
def annotated(seed_article):
    """Four spans by one editor (one of them wrongly tagged, one wrongly a claim), one by a
    second editor; the article is in annotation."""
    maria = make_user("maria", "editor")
    spans = {
        "source": make_annotation(seed_article, "Source", quote="the Pentagon", author=maria),
        "wrong": make_annotation(
            seed_article, "Claim", quote="a battlefield monitor called", author=maria
        ),
        "quote": make_annotation(
            seed_article,
            "Quote",
            quote="The missiles targeted leaders of radical groups and allied factions near Idlib",
            author=maria,
        ),
        "cue": make_annotation(seed_article, "Cue", quote="said", author=maria),
        "other": make_annotation(
            seed_article,
            "Source",
            quote="the Syrian Observatory",
            author=make_user("tomas", "editor"),
        ),
    }
    Article.objects.filter(pk=seed_article.pk).update(status=Article.Status.IN_ANNOTATION)
    return maria, spans


def open_page(page, url: str):
    page.goto(url)
    # A marker a full reload would wipe: every action below must leave it in place.
    page.evaluate("() => { window.__noReload = true; }")
    return page


def still_same_page(page) -> bool:
    return page.evaluate("() => window.__noReload === true")


def test_mark_ready_review_inline_send_back_and_editor_sees_why(
    live, login_page, seed_article, annotated, artifacts_dir
):
    """The whole loop in the browser, each action an htmx swap without a reload."""
    maria, spans = annotated
    url = f"{live.url}{seed_article.get_absolute_url()}"

    # The editor marks the article ready.
    page = open_page(login_page(maria), url)
    bar = page.locator("#workflow")
    expect(bar.locator(".badge")).to_have_text("In annotation")
    bar.get_by_role("button", name="Mark ready for review").click()
    expect(bar.locator(".badge")).to_have_text("Ready for review")
    expect(bar).to_contain_text("Marked ready by maria")
    expect(bar.get_by_role("button")).to_have_count(0)
    assert still_same_page(page)

    # The reviewer rejects one span, corrects another's tag, accepts a third.
    page = open_page(login_page(make_user("rita", "reviewer")), url)
    wrong = page.locator(f"#ann-{spans['wrong'].pk}")
    wrong.get_by_role("button", name="Reject…").click()
    wrong.get_by_label("Reason").fill(REJECT_REASON)
    wrong.get_by_role("button", name="Reject", exact=True).click()
    expect(wrong.locator(".review")).to_have_text(f"Rejected by rita: {REJECT_REASON}")
    expect(page.locator("#status")).to_contain_text("Rejected Claim")

    quote = page.locator(f"#ann-{spans['quote'].pk}")
    quote.get_by_role("button", name="Correct…").click()
    quote.get_by_label("Tag").select_option(label="Claim")
    quote.get_by_label("Reason").fill(CORRECT_REASON)
    quote.get_by_role("button", name="Save correction").click()
    expect(quote.locator(".review")).to_contain_text("Corrected by rita: was Quote “The missiles")
    expect(quote.locator(".ann-head strong")).to_have_text("Claim")
    # The highlight took the new tag's colour without a reload (hatched: a claim with no
    # source linked yet, issue 10).
    claim_tag = Annotation.objects.get(pk=spans["quote"].pk).tag_id
    # (The focus is back on the item, which may add `related` to the mark.)
    expect(page.locator("#t-body mark", has_text="allied factions").first).to_have_class(
        re.compile(rf"^hl a-{claim_tag} unlinked r-claim o-claim e-claim( related)?$")
    )

    source = page.locator(f"#ann-{spans['source'].pk}")
    source.get_by_role("button", name="Accept").click()
    expect(source.locator(".review")).to_have_text("Accepted by rita")

    # ... and sends the article back with a comment.
    bar = page.locator("#workflow")
    bar.get_by_text("Send back…").click()
    bar.get_by_label("What needs fixing?").fill(SEND_BACK)
    bar.get_by_role("button", name="Send back to the editors").click()
    expect(bar.locator(".badge")).to_have_text("Sent back")
    expect(bar.locator(".wf-comment")).to_have_text(SEND_BACK)
    expect(bar).to_contain_text("Sent back by rita")
    assert still_same_page(page)
    assert [r.action for r in Review.objects.order_by("id")] == ["reject", "correct", "accept"]
    assert ArticleReview.objects.latest("id").comment == SEND_BACK

    page.evaluate(
        "() => { window.scrollTo(0, 0); document.getElementById('panel').scrollTo(0, 0); }"
    )
    page.screenshot(path=str(artifacts_dir / "review-reviewer.png"))

    # The editor comes back and sees the comment and the three decisions.
    page = open_page(login_page(maria), url)
    bar = page.locator("#workflow")
    expect(bar.locator(".badge")).to_have_text("Sent back")
    expect(bar).to_contain_text("Sent back by rita")
    expect(bar.locator(".wf-comment")).to_have_text(SEND_BACK)
    expect(page.locator(f"#ann-{spans['wrong'].pk} .review")).to_have_text(
        f"Rejected by rita: {REJECT_REASON}"
    )
    expect(page.locator(f"#ann-{spans['quote'].pk} .review")).to_have_text(
        "Corrected by rita: was Quote “The missiles targeted leaders of radical groups and "
        f"allied factions near Idlib”; {CORRECT_REASON}"
    )
    expect(page.locator(f"#ann-{spans['source'].pk} .review")).to_have_text("Accepted by rita")
    expect(page.locator(f"#ann-{spans['cue'].pk} .review")).to_have_count(0)
    # Editors get no review controls; they can mark the article ready again.
    expect(page.locator("#ann-list").get_by_role("button", name="Accept")).to_have_count(0)
    expect(bar.get_by_role("button", name="Mark ready for review")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "review-editor.png"))


def test_reviewer_corrects_a_span_by_selecting_the_words(
    live, login_page, annotated, artifacts_dir
):
    """With the Correct form open, selecting words in the text sets the new span (the preview
    shows them); saving moves the highlight."""
    _, spans = annotated
    article = spans["other"].article
    page = open_page(
        login_page(make_user("rita", "reviewer")), f"{live.url}{article.get_absolute_url()}"
    )
    item = page.locator(f"#ann-{spans['other'].pk}")
    item.get_by_role("button", name="Correct…").click()
    form = item.locator("form.correct-form")
    expect(form).to_be_visible()
    select_text(page, "#t-body", "the Syrian Observatory for Human Rights")
    expect(form.locator(".preview-text")).to_have_text("the Syrian Observatory for Human Rights")
    expect(page.locator("#tag-toolbar")).to_have_count(0)  # reviewers do not tag
    form.get_by_label("Reason").fill("The whole name.")
    page.locator("#panel").screenshot(path=str(artifacts_dir / "review-correct-form.png"))
    form.get_by_role("button", name="Save correction").click()
    expect(item.locator(".review")).to_contain_text("was Source “the Syrian Observatory”")
    span = Annotation.objects.get(pk=spans["other"].pk)
    assert span.quote == "the Syrian Observatory for Human Rights"
    assert article.body[span.start : span.end] == span.quote
    expect(page.locator(f'#t-body mark[data-ann="{span.pk}"]')).to_have_text(
        "the Syrian Observatory for Human Rights"
    )
    assert still_same_page(page)


def test_review_page_filters_and_reviews_rows(live, login_page, annotated, artifacts_dir):
    """The review page lists every span (here none linked, so every row is "Unlinked") with
    its editor; the editor filter swaps the rows in place; a row is rejected with its reason
    and the counts follow; no serious axe violations."""
    _, spans = annotated
    article = spans["other"].article
    page = open_page(
        login_page(make_user("rita", "reviewer")),
        f"{live.url}/annotations/review/{article.pk}/",
    )
    rows = page.locator("#review-rows .rv-card")
    expect(rows).to_have_count(5)
    page.get_by_label("Editor", exact=True).select_option(label="tomas (1)")
    expect(rows).to_have_count(1)
    expect(page).to_have_url(re.compile(rf"editor={spans['other'].author_id}"))
    page.get_by_label("Editor", exact=True).select_option(label="All editors")
    expect(rows).to_have_count(5)

    row = page.locator(f"#row-ann-{spans['cue'].pk}")
    row.get_by_text("Reject…").click()
    row.get_by_label("Reason").fill("Not the attribution verb of any claim here.")
    row.get_by_role("button", name="Reject", exact=True).click()
    row = page.locator(f"#row-ann-{spans['cue'].pk}")
    expect(row.locator(".review")).to_contain_text("Rejected by rita")
    expect(row.locator(".st")).to_have_text("Rejected")
    expect(page.locator("#review-counts")).to_contain_text("1 rejected")
    assert still_same_page(page)
    page.locator(f"#row-ann-{spans['wrong'].pk}").get_by_role(
        "button", name=re.compile("^Correct")
    ).click()
    expect(page.locator("form.correct-form")).to_be_visible()
    assert serious_violations(page) == []
    page.screenshot(path=str(artifacts_dir / "review-page.png"), full_page=True)


def test_reviewer_article_page_with_open_forms_has_no_serious_violations(
    live, login_page, annotated
):
    """The reviewer's article page, with the send-back form and a correct form open, passes
    axe-core."""
    _, spans = annotated
    article = spans["other"].article
    Article.objects.filter(pk=article.pk).update(status=Article.Status.READY)
    page = open_page(
        login_page(make_user("rita", "reviewer")), f"{live.url}{article.get_absolute_url()}"
    )
    page.locator("#workflow").get_by_text("Send back…").click()
    page.locator(f"#ann-{spans['cue'].pk}").get_by_role("button", name="Correct…").click()
    expect(page.locator("form.correct-form")).to_be_visible()
    assert serious_violations(page) == []
