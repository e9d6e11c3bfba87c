"""The review page by attribution in headless Chromium (issue 10): a whole article of ten
attributions reviewed with the keyboard only and with the mouse (actions counted), a span
corrected by selecting words in its sentence (mouse and Shift+arrows), the page at 390 px,
and axe-core."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import expect

from annotations.models import Annotation, Attribution, Review
from articles.models import Article
from tests.factories import make_annotation, make_article, make_user

from .conftest import select_text
from .test_accessibility import serious_violations

pytestmark = [pytest.mark.browser]

REVIEW_PERMISSIONS = importlib.import_module("annotations.migrations.0005_review_permissions")
PEOPLE = [
    "Mira Voss",
    "The ferry operator",
    "A harbour pilot",
    "Councillor Ade Bello",
    "The port authority",
    "Jonas Keel",
    "The fishermen's union",
    "Dr Lena Ortiz",
    "A dock worker",
    "The mayor",
]
# Ten sentences of our own, each "<source> said <claim>."
SENTENCES = [f"{who} said the tide gauge number {i} was broken." for i, who in enumerate(PEOPLE)]
N = len(SENTENCES)


@pytest.fixture(autouse=True)
def review_roles(live):
    REVIEW_PERMISSIONS.grant(django_apps, None)


@pytest.fixture
def ten(live):
    """A ready article of ten attributions (source — said — claim) by one editor."""
    editor = make_user("maria", "editor")
    article = make_article(title="Tide gauges fail along the coast", body=" ".join(SENTENCES))
    links = []
    for i, who in enumerate(PEOPLE):
        source = make_annotation(article, "Source", quote=who, author=editor)
        at = article.body.index(f"{who} said") + len(who) + 1
        cue = make_annotation(article, "Cue", at, at + 4, author=editor)
        claim = make_annotation(
            article, "Claim", quote=f"the tide gauge number {i} was broken", author=editor
        )
        links.append(
            Attribution.objects.create(claim=claim, source_span=source, cue=cue, author=editor)
        )
    Article.objects.filter(pk=article.pk).update(status=Article.Status.READY)
    return article, links


def review_url(live, article) -> str:
    return f"{live.url}/annotations/review/{article.pk}/"


def all_accepted(article) -> bool:
    statuses = set(Annotation.objects.filter(article=article).values_list("status", flat=True))
    return statuses == {"accepted"}


def test_keyboard_only_reviews_the_whole_article_row_by_row(live, login_page, ten, artifacts_dir):
    """j moves to the next row, a accepts it, x opens its reason; focus stays on the row after
    each swap. Ten attributions: one reject with a reason and nine accepts, keys counted."""
    article, links = ten
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    keys = 0

    def press(key: str) -> None:
        nonlocal keys
        keys += 1
        page.keyboard.press(key)

    press("j")
    expect(page.locator(f"#row-att-{links[0].pk}")).to_be_focused()
    press("x")
    reason = page.locator(f"#why-att-{links[0].pk}")
    expect(reason).to_be_focused()
    page.keyboard.type("Wrong gauge.")
    keys += 1  # typing the reason counts as one action
    press("Tab")
    press("Enter")
    expect(page.locator(f"#row-att-{links[0].pk}")).to_have_attribute("data-status", "rejected")
    expect(page.locator(f"#row-att-{links[0].pk}")).to_be_focused()
    for link in links[1:]:
        press("j")
        row = page.locator(f"#row-att-{link.pk}")
        expect(row).to_be_focused()
        press("a")
        expect(page.locator(f"#row-att-{link.pk}")).to_have_attribute("data-status", "accepted")
        expect(page.locator(f"#row-att-{link.pk}")).to_be_focused()  # the place is kept
    rejected = Annotation.objects.filter(article=article, status="rejected").count()
    assert rejected == 3
    assert Annotation.objects.filter(article=article, status="accepted").count() == 27
    page.screenshot(path=str(artifacts_dir / "review-attributions-keyboard.png"), full_page=True)
    print(f"\nKEYBOARD row by row: {keys} key presses (+ the reason text) for {N} attributions")
    assert keys <= 2 * N + 4


def test_keyboard_only_bulk_accepts_every_row(live, login_page, ten):
    """Select all shown, then Accept selected: every span of the ten rows accepted in one
    POST, with a handful of keys."""
    article, _ = ten
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    keys = 0
    while not page.evaluate("() => document.activeElement.id === 'pick-all'"):
        page.keyboard.press("Tab")  # from the top of the page, every Tab counted
        keys += 1
        assert keys < 60
    for key in ("Space", "Tab", "Tab", "Enter"):  # tick; past the reason; Accept selected
        page.keyboard.press(key)
        keys += 1
    expect(page.locator("#status")).to_contain_text(f"Accepted {N} rows ({3 * N} spans).")
    assert all_accepted(article)
    print(f"\nKEYBOARD bulk: {keys} actions for {N} attributions")


def test_space_toggles_the_focused_rows_checkbox(live, login_page, ten):
    """Space on a focused row ticks and unticks its checkbox."""
    article, links = ten
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    page.keyboard.press("j")
    page.keyboard.press("j")
    box = page.locator(f"#pick-att-{links[1].pk}")
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    page.keyboard.press("Space")
    expect(box).not_to_be_checked()


def test_enter_in_the_bulk_reason_box_does_not_accept(live, login_page, ten):
    """Typing a reason and pressing Enter submits nothing (the form's first button would be
    Accept selected)."""
    article, _ = ten
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    page.get_by_label("Select all shown").check()
    page.get_by_label("Reason (to reject)").fill("Wrong.")
    page.get_by_label("Reason (to reject)").press("Enter")
    page.wait_for_timeout(300)
    assert not Review.objects.exists()


def test_mouse_reviews_the_whole_article(live, login_page, ten):
    """By mouse: reject one row with its reason, filter to the pending rows, then Select all
    shown and Accept selected: the whole article in five clicks (and the reason typed)."""
    article, links = ten
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    clicks = 0
    first = page.locator(f"#row-att-{links[0].pk}")
    first.get_by_text("Reject…").click()
    clicks += 1
    first.get_by_label("Reason").fill("Wrong gauge.")
    first.get_by_role("button", name="Reject", exact=True).click()
    clicks += 1
    expect(page.locator(f"#row-att-{links[0].pk}")).to_have_attribute("data-status", "rejected")
    page.get_by_label("Status").select_option("pending")
    clicks += 1
    expect(page.locator("#review-rows .rv-card")).to_have_count(N - 1)
    page.get_by_label("Select all shown").check()
    clicks += 1
    page.get_by_role("button", name="Accept selected").click()
    clicks += 1
    expect(page.locator("#status")).to_contain_text(f"Accepted {N - 1} rows")
    assert Annotation.objects.filter(article=article, status="accepted").count() == 27
    assert Review.objects.count() == 30
    print(f"\nMOUSE: {clicks} clicks (+ the reason text) for {N} attributions, one rejected")


def test_correct_a_span_by_selecting_words_with_the_mouse(live, login_page, ten, artifacts_dir):
    """Correct claim… opens the form in the card; selecting words in the sentence sets the new
    span (the preview shows them); saving shortens the claim."""
    article, links = ten
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    row = page.locator(f"#row-att-{links[2].pk}")
    row.get_by_role("button", name="Correct claim").click()
    form = page.locator("form.correct-form")
    expect(form).to_be_visible()
    expect(page.locator("form.correct-form .cx-pick")).to_be_visible()  # swapped in by htmx
    select_text(page, "form.correct-form .cx-pick", "the tide gauge number 2")
    expect(form.locator(".preview-text")).to_have_text("the tide gauge number 2")
    form.get_by_label("Reason").fill("The claim is the gauge, not its state.")
    page.screenshot(path=str(artifacts_dir / "review-attributions-correct.png"), full_page=False)
    form.get_by_role("button", name="Save correction").click()
    expect(page.locator(f"#row-att-{links[2].pk} .p-claim")).to_contain_text(
        "“the tide gauge number 2”"
    )
    claim = Annotation.objects.get(pk=links[2].claim_id)
    assert claim.quote == "the tide gauge number 2"
    assert article.body[claim.start : claim.end] == claim.quote


def test_a_sloppy_mouse_selection_is_widened_to_whole_words(live, login_page, ten):
    """A drag from inside one word to inside another becomes the whole words (as on the
    article's text)."""
    article, links = ten
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    page.locator(f"#row-att-{links[5].pk}").get_by_role("button", name="Correct claim").click()
    form = page.locator("form.correct-form")
    expect(form.locator(".cx-pick")).to_be_visible()  # swapped in by htmx
    select_text(page, "form.correct-form .cx-pick", "ide gauge number 5 wa")
    expect(form.locator(".preview-text")).to_have_text("tide gauge number 5 was")
    start = int(form.locator("input[name=start]").input_value())
    assert article.body[start : start + 4] == "tide"


def test_correct_a_span_with_shift_arrows(live, login_page, ten):
    """In the focused context block, Shift+Left takes one character at a time off the current
    span's end; the server saves exactly the words shown."""
    article, links = ten
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    page.locator(f"#row-att-{links[3].pk}").get_by_role("button", name="Correct source").click()
    block = page.locator("form.correct-form .cx-pick")
    block.focus()
    for _ in range(6):  # "Councillor Ade Bello" → "Councillor Ade" (the space too)
        page.keyboard.press("Shift+ArrowLeft")
    form = page.locator("form.correct-form")
    expect(form.locator(".preview-text")).to_have_text("Councillor Ade")
    form.get_by_label("Reason").fill("Only the title and first name.")
    form.get_by_role("button", name="Save correction").click()
    expect(page.locator(f"#row-att-{links[3].pk} .p-source")).to_contain_text("“Councillor Ade”")
    assert Annotation.objects.get(pk=links[3].source_span_id).quote == "Councillor Ade"


def test_phone_width_rows_stack_without_horizontal_scroll(
    live, login_page, ten, page, artifacts_dir
):
    """At 390 px the rows are stacked cards, the page does not scroll sideways, and every
    row's Accept, Reject… and Correct buttons are inside the viewport's width."""
    article, links = ten
    page.set_viewport_size({"width": 390, "height": 844})
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    row = page.locator(f"#row-att-{links[0].pk}")
    for control in (
        row.get_by_role("button", name="Accept"),
        row.get_by_text("Reject…"),
        row.get_by_role("button", name="Correct claim"),
        page.get_by_role("button", name="Accept selected"),
        page.get_by_label("Select all shown"),
    ):
        box = control.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.screenshot(path=str(artifacts_dir / "review-attributions-390.png"), full_page=False)
    row.scroll_into_view_if_needed()
    page.evaluate("() => window.scrollBy(0, -20)")
    page.screenshot(path=str(artifacts_dir / "review-attributions-390-rows.png"), full_page=False)
    row.get_by_text("Reject…").click()
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    row.get_by_role("button", name="Correct claim").click()
    expect(page.locator("form.correct-form")).to_be_visible()
    assert (
        page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        <= 0
    )
    page.screenshot(
        path=str(artifacts_dir / "review-attributions-390-correct.png"), full_page=False
    )


def test_review_page_with_attributions_passes_axe(live, login_page, ten):
    """The page with rows, a reason box open and a correction open: no serious violations."""
    article, links = ten
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    assert serious_violations(page) == []
    page.locator(f"#row-att-{links[0].pk}").get_by_text("Reject…").click()
    page.locator(f"#row-att-{links[1].pk}").get_by_role("button", name="Correct cue").click()
    expect(page.locator("form.correct-form")).to_be_visible()
    assert serious_violations(page) == []


def test_article_page_correct_uses_the_same_select_in_context_control(live, login_page, ten):
    """On the article page, the panel's Correct… has the same context block: Shift+Ctrl+Right
    from the span's end takes in the next word; the server saves it."""
    article, links = ten
    page = login_page(make_user("rita", "reviewer"))
    page.goto(f"{live.url}{article.get_absolute_url()}")
    item = page.locator(f"#ann-{links[4].source_span_id}")
    item.get_by_role("button", name="Correct…").click()
    form = item.locator("form.correct-form")
    form.locator(".cx-pick").focus()
    page.keyboard.press("Control+Shift+ArrowRight")  # "The port authority" + " said"
    expect(form.locator(".preview-text")).to_have_text("The port authority said")
    form.get_by_label("Reason").fill("Take in the verb (a test).")
    form.get_by_role("button", name="Save correction").click()
    expect(item.locator(".review")).to_contain_text("was Source “The port authority”")
    assert Annotation.objects.get(pk=links[4].source_span_id).quote == "The port authority said"


def test_after_approving_the_queue_takes_the_reviewer_on(live, login_page, ten):
    """Approving on the review page (confirming, as rows are pending) leaves a "Next article
    ready for review" link that opens the next ready article's review page."""
    article, _ = ten
    waiting = make_article(title="Lighthouse keepers vote to strike", body="They voted on Monday.")
    Article.objects.filter(pk=waiting.pk).update(status=Article.Status.READY)
    page = login_page(make_user("rita", "reviewer"))
    page.goto(review_url(live, article))
    bar = page.locator("#workflow")
    bar.get_by_role("button", name="Approve").click()
    expect(bar).to_contain_text("30 annotations and 0 suggestions are still pending")
    bar.get_by_role("button", name="Approve with pending work").click()
    expect(bar.locator(".badge")).to_have_text("Approved")
    bar.get_by_role("link", name="Next article ready for review →").click()
    expect(page).to_have_url(review_url(live, waiting))
