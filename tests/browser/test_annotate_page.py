"""The annotating page in headless Chromium against the live server: what an editor does."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from annotations.models import Annotation, Attribution, Source
from articles.models import Article
from tests.conftest import seed_file
from tests.factories import PASSWORD, make_annotation, make_article, make_user

from .conftest import select_text

pytestmark = [pytest.mark.browser]

FIRST_TITLE = "US Strikes Target Extremists in Syria"


@pytest.fixture
def seed_article(live) -> Article:
    call_command("import_articles", str(seed_file()), stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Article.objects.get(title=FIRST_TITLE)


def open_article(page, live, article: Article):
    page.goto(f"{live.url}{article.get_absolute_url()}")
    expect(page.locator("#t-body")).to_be_visible()
    # A marker that a full reload would wipe: saves must happen without one.
    page.evaluate("() => { window.__noReload = true; }")
    return page


def tag_selection(
    page, root: str, needle: str, key: str, nth: int = 0, saved: str | None = None
) -> None:
    select_text(page, root, needle, nth)
    expect(page.locator("#tag-toolbar")).to_be_visible()
    page.keyboard.press(key)
    # Wait for this save's own message (the previous one says "Saved" too).
    expect(page.locator("#status .msg.ok")).to_contain_text(f"“{(saved or needle)[:40]}")


def still_same_page(page) -> bool:
    return page.evaluate("() => window.__noReload === true")


def test_editor_logs_in_tags_the_monitor_said_and_it_persists(live, page, seed_article):
    """An editor logs in through the form, tags "the monitor said" in the seed's first article,
    sees the highlight appear without a reload, and finds it again after reloading."""
    editor = make_user("editor-one", "editor")
    page.goto(f"{live.url}{seed_article.get_absolute_url()}")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    open_article(page, live, seed_article)

    tag_selection(page, "#t-body", "the monitor said", "s")

    mark = page.locator("#t-body mark", has_text="the monitor said")
    expect(mark).to_have_count(1)
    assert still_same_page(page)
    expect(page.locator("#ann-list li.ann")).to_have_count(1)
    saved = Annotation.objects.get()
    assert saved.quote == "the monitor said"
    assert seed_article.body[saved.start : saved.end] == "the monitor said"
    assert saved.tag.name == "Source" and saved.author == editor

    page.reload()
    expect(page.locator("#t-body mark", has_text="the monitor said")).to_have_count(1)
    expect(page.locator("#ann-list")).to_contain_text("the monitor said")


def test_claim_linked_to_its_source_and_cue(live, login_page, seed_article):
    """A claim, its source and its cue are tagged, then linked from the claim's panel item by
    picking the spans (the source by clicking its highlight in the text)."""
    page = open_article(login_page(make_user(role="editor")), live, seed_article)
    claim_text = "The attack killed at least 40 extremist leaders"
    tag_selection(page, "#t-body", claim_text, "c")
    page.keyboard.press("Escape")  # end the one-flow attribution: this test links by the form
    expect(page.locator("#flow-bar")).to_be_hidden()
    tag_selection(page, "#t-body", "the Britain based monitor", "s")
    tag_selection(page, "#t-body", "said", "u", nth=_nth_said(seed_article))

    claim = Annotation.objects.get(quote=claim_text)
    item = page.locator(f"#ann-{claim.pk}")
    item.get_by_role("button", name="Link source…").click()
    form = page.locator(f"#ann-{claim.pk} form")
    expect(form).to_be_visible()
    # Pick the source by clicking its highlight, the cue from the list.
    page.locator("#t-body mark", has_text="the Britain based monitor").click()
    source = Annotation.objects.get(quote="the Britain based monitor")
    expect(form.locator("select[name=source_span]")).to_have_value(str(source.pk))
    cue = Annotation.objects.get(tag__name="Cue")
    form.locator("select[name=cue]").select_option(str(cue.pk))
    form.get_by_role("button", name="Link").click()

    expect(item.locator(".links")).to_contain_text("the Britain based monitor")
    expect(item.locator(".links")).to_contain_text("said")
    link = Attribution.objects.get()
    assert (link.claim, link.source_span, link.cue) == (claim, source, cue)
    assert still_same_page(page)


def test_quotation_interrupted_by_its_cue_becomes_one_attribution(live, login_page):
    """The second half of a quotation is added to the first half's attribution from the claim's
    panel item, with the keyboard and by clicking its highlight: the panel shows both
    fragments and the database holds one attribution with one further fragment."""
    editor = make_user(role="editor")
    article = make_article(
        title="Ferry to stop when the bridge opens",
        body="“The bridge opens in spring,” the harbour master said, “and the ferry stops.”",
    )
    first = make_annotation(article, "Claim", quote="“The bridge opens in spring,”", author=editor)
    source = make_annotation(article, "Source", quote="the harbour master", author=editor)
    cue = make_annotation(article, "Cue", quote="said", author=editor)
    second = make_annotation(article, "Claim", quote="“and the ferry stops.”", author=editor)
    attribution = Attribution.objects.create(
        claim=first, source_span=source, cue=cue, author=editor
    )
    page = open_article(login_page(editor), live, article)

    item = page.locator(f"#ann-{first.pk}")
    add = item.get_by_role("button", name="Add fragment: a further content fragment")
    add.focus()
    page.keyboard.press("Enter")
    form = page.locator(f"#ann-{first.pk} form")
    expect(form).to_be_visible()
    page.locator("#t-body mark", has_text="and the ferry stops").click()
    expect(form.locator("select[name=fragment]")).to_have_value(str(second.pk))
    form.get_by_role("button", name="Add fragment").focus()
    page.keyboard.press("Enter")

    links = page.locator(f"#ann-{first.pk} .links")
    expect(links).to_contain_text("“The bridge opens in spring,”” … ““and the ferry stops.”")
    assert list(attribution.fragments.all()) == [second]
    assert still_same_page(page)

    links.get_by_role("button", name=re.compile("Remove the fragment")).click()
    expect(page.locator(f"#ann-{first.pk} .links .fragment")).to_have_count(0)
    assert attribution.fragments.count() == 0


def _nth_said(article: Article) -> int:
    """Which occurrence of "said" ends the sentence about the Britain based monitor."""
    anchor = article.body.index("the Britain based monitor said") + len(
        "the Britain based monitor "
    )
    return len(re.findall("said", article.body[:anchor]))


def test_source_resolved_to_a_new_registry_entry(live, login_page, seed_article):
    """A Source span is resolved inline to a registry entry created on the spot; "remember as
    alias" ticked on a description ("the monitor") leaves it a candidate for an admin."""
    page = open_article(login_page(make_user(role="editor")), live, seed_article)
    tag_selection(page, "#t-body", "the monitor", "s")
    span = Annotation.objects.get()
    page.locator(f"#ann-{span.pk}").get_by_role("button", name="Resolve…").click()
    page.get_by_role("combobox", name="Registry entry").fill("Syrian Observatory for Human Rights")
    page.locator(f"#ann-{span.pk} [role=option][data-kind=organisation]").click()
    remember = page.get_by_label("Remember these words as an alias")
    expect(remember).not_to_be_checked()
    expect(page.locator(f"#ann-{span.pk}")).to_contain_text("until an admin confirms it")
    remember.check()
    page.locator(f"#ann-{span.pk}").get_by_role("button", name="Resolve").click()
    expect(page.locator(f"#ann-{span.pk} .resolved")).to_contain_text(
        "Syrian Observatory for Human Rights"
    )
    entry = Source.objects.get()
    span.refresh_from_db()
    assert span.source_entry == entry
    assert entry.aliases.filter(alias="the monitor", confirmed=False).exists()


def test_annotating_inside_a_caption(live, login_page, seed_article):
    """A selection inside an image caption becomes a caption span with caption offsets."""
    page = open_article(login_page(make_user(role="editor")), live, seed_article)
    caption = seed_article.captions.get()
    tag_selection(page, f"#t-caption-{caption.pk}", "an airstrike near Idlib", "c")
    saved = Annotation.objects.get()
    assert (saved.target, saved.caption) == ("caption", caption)
    assert caption.text[saved.start : saved.end] == "an airstrike near Idlib"
    expect(page.locator(f"#t-caption-{caption.pk} mark")).to_have_text("an airstrike near Idlib")
    expect(page.locator(f"#ann-{saved.pk} .where")).to_have_text("in caption")


def test_selection_across_two_paragraphs(live, login_page, seed_article):
    """A selection from the end of one paragraph into the next is saved as one span whose quote
    holds the paragraph break, and both paragraphs show it."""
    page = open_article(login_page(make_user(role="editor")), live, seed_article)
    tag_selection(
        page, "#t-body", "give any details.The missiles targeted", "c", saved="give any details."
    )
    saved = Annotation.objects.get()
    assert saved.quote == "give any details.\n\nThe missiles targeted"
    expect(page.locator("#t-body-p1 mark")).to_have_text("give any details.")
    expect(page.locator("#t-body-p2 mark")).to_have_text("The missiles targeted")


def test_delete_then_undo(live, login_page, seed_article):
    """Deleting removes the highlight and offers Undo, which brings the annotation back."""
    editor = make_user(role="editor")
    annotation = make_annotation(seed_article, "Claim", quote="at least 40 dead", author=editor)
    page = open_article(login_page(editor), live, seed_article)
    item = page.locator(f"#ann-{annotation.pk}")
    expect(page.locator("#t-body mark")).to_have_count(1)
    item.get_by_role("button", name="Delete").click()
    expect(item).to_contain_text("Deleted")
    expect(page.locator("#t-body mark")).to_have_count(0)
    assert not Annotation.objects.exists()
    item.get_by_role("button", name="Undo").click()
    expect(item.get_by_role("button", name="Edit")).to_be_visible()
    expect(page.locator("#t-body mark")).to_have_text("at least 40 dead")
    assert Annotation.objects.get().pk == annotation.pk
    assert still_same_page(page)


def test_edit_tag_and_note_inline(live, login_page, seed_article):
    """Editing an annotation's tag and note saves inline and recolours its highlight."""
    editor = make_user(role="editor")
    annotation = make_annotation(seed_article, "Claim", quote="at least 40 dead", author=editor)
    page = open_article(login_page(editor), live, seed_article)
    item = page.locator(f"#ann-{annotation.pk}")
    item.get_by_role("button", name="Edit").click()
    item.get_by_label("Tag").select_option(label="Quote")
    item.get_by_label("Note").fill("Casualty figure <script>alert(1)</script>from the monitor")
    item.get_by_role("button", name="Save").click()
    expect(item.locator(".note")).to_have_text("Casualty figure from the monitor")
    annotation.refresh_from_db()
    assert annotation.tag.name == "Quote"
    assert "<script>" not in annotation.note
    expect(page.locator("#t-body mark")).to_have_class(re.compile(rf"\ba-{annotation.tag_id}\b"))


def test_second_editor_cannot_change_the_first_editors_annotation(live, login_page, seed_article):
    """Another editor sees the annotation without edit controls, and a forged delete request
    from their session is refused by the server."""
    first = make_user("first-editor", "editor")
    annotation = make_annotation(seed_article, "Claim", quote="at least 40 dead", author=first)
    page = open_article(login_page(make_user("second-editor", "editor")), live, seed_article)
    item = page.locator(f"#ann-{annotation.pk}")
    expect(item).to_contain_text("first-editor")
    expect(item.get_by_role("button", name="Delete")).to_have_count(0)
    expect(item.get_by_role("button", name="Edit")).to_have_count(0)
    status = page.evaluate(
        """async (url) => {
            const token = JSON.parse(document.body.getAttribute('hx-headers:inherited'))['X-CSRFToken'];
            const r = await fetch(url, {method: 'POST', headers: {'X-CSRFToken': token, 'HX-Request': 'true'}});
            return r.status;
        }""",
        f"/annotations/{annotation.pk}/delete/",
    )
    assert status == 403
    assert Annotation.objects.filter(pk=annotation.pk).exists()


def test_network_failure_then_retry_saves_exactly_once(live, login_page, seed_article):
    """A save that fails on the network is shown with a Retry button; retrying saves it, and
    only once even though the server had already received the first attempt."""
    page = open_article(login_page(make_user(role="editor")), live, seed_article)

    answers = []

    def lose_the_answer(route):
        try:
            answers.append(route.fetch().status)  # the server does receive and save it...
        finally:
            route.abort("connectionreset")  # ...but the browser never hears back

    page.route("**/annotations/articles/*/create/", lose_the_answer)
    select_text(page, "#t-body", "the monitor said", 0)
    expect(page.locator("#tag-toolbar")).to_be_visible()
    page.keyboard.press("s")
    retry = page.locator("#retry-form")
    expect(retry).to_be_visible()
    assert answers == [201]
    expect(retry).to_contain_text("did not reach the server")
    page.unroute("**/annotations/articles/*/create/")

    retry.get_by_role("button", name="Retry save").click()
    expect(retry).to_be_hidden()
    expect(page.locator("#t-body mark", has_text="the monitor said")).to_have_count(1)
    assert Annotation.objects.count() == 1
    expect(page.locator("#ann-list li.ann")).to_have_count(1)


def test_request_that_never_arrives_is_retried(live, login_page, seed_article):
    """When the request never reaches the server, nothing is saved until Retry, then one is."""
    page = open_article(login_page(make_user(role="editor")), live, seed_article)
    page.route(
        "**/annotations/articles/*/create/", lambda route: route.abort("internetdisconnected")
    )
    select_text(page, "#t-body", "the Pentagon said", 0)
    expect(page.locator("#tag-toolbar")).to_be_visible()
    page.keyboard.press("c")
    expect(page.locator("#retry-form")).to_be_visible()
    assert Annotation.objects.count() == 0
    page.unroute("**/annotations/articles/*/create/")
    page.locator("#retry-form").get_by_role("button", name="Retry save").click()
    expect(page.locator("#t-body mark", has_text="the Pentagon said")).to_have_count(1)
    assert Annotation.objects.count() == 1


def test_a_busy_database_answers_503_and_retry_saves_once(
    live, login_page, seed_article, monkeypatch
):
    """A save that meets SQLite's write lock past its timeout (a long import writing) is told
    so in the status line with a Retry button, nothing stored; Retry then saves it once."""
    from django.db import OperationalError

    from annotations import services

    real = services.create_annotation
    calls = []

    def locked_once(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return real(**kwargs)

    monkeypatch.setattr(services, "create_annotation", locked_once)
    page = open_article(login_page(make_user(role="editor")), live, seed_article)
    select_text(page, "#t-body", "the Pentagon said", 0)
    expect(page.locator("#tag-toolbar")).to_be_visible()
    page.keyboard.press("c")
    expect(page.locator("#status")).to_contain_text("The database is busy")
    retry = page.locator("#retry-form")
    expect(retry).to_be_visible()
    expect(retry).to_contain_text("The database was busy")
    assert Annotation.objects.count() == 0
    retry.get_by_role("button", name="Retry save").click()
    expect(retry).to_be_hidden()
    expect(page.locator("#t-body mark", has_text="the Pentagon said")).to_have_count(1)
    assert Annotation.objects.count() == 1


def test_stale_page_gets_a_clear_error_and_saves_nothing(live, login_page, seed_article):
    """If the article's text changed after the page loaded, a save is refused inline."""
    page = open_article(login_page(make_user(role="editor")), live, seed_article)
    seed_article.body = seed_article.body + "\n\nA late correction."
    seed_article.save()
    select_text(page, "#t-body", "the monitor said", 0)
    expect(page.locator("#tag-toolbar")).to_be_visible()
    page.keyboard.press("s")
    expect(page.locator("#status .msg.error")).to_contain_text("changed since the page was loaded")
    assert Annotation.objects.count() == 0


def test_keyboard_only_selection_and_tagging(live, login_page, seed_article):
    """With the keyboard alone: focus the title, extend a selection word by word with
    Ctrl+Shift+Right, and press a tag's key."""
    page = open_article(login_page(make_user(role="editor")), live, seed_article)
    page.locator("#t-title").focus()
    for _ in range(2):
        page.keyboard.press("Control+Shift+ArrowRight")
    expect(page.locator("#tag-toolbar")).to_be_visible()
    page.keyboard.press("c")
    expect(page.locator("#status .msg.ok")).to_contain_text("Saved Claim")
    saved = Annotation.objects.get()
    assert saved.target == "title"
    assert saved.quote == "US Strikes"
    expect(page.locator("#t-title mark")).to_have_text("US Strikes")


def test_annotated_page_screenshot(live, login_page, seed_article, artifacts_dir):
    """The annotated page renders nested and overlapping highlights, the hover card lists the
    spans covering a character, and a screenshot is kept as a test artifact."""
    editor = make_user(role="editor")
    claim = make_annotation(
        seed_article,
        "Claim",
        quote="The missiles targeted leaders of radical groups and allied factions near Idlib",
        author=editor,
    )
    source = make_annotation(
        seed_article, "Source", quote="the Syrian Observatory for Human Rights", author=editor
    )
    make_annotation(seed_article, "Source", quote="the Syrian Observatory", author=editor)
    make_annotation(seed_article, "Cue", quote="said", author=editor)
    Attribution.objects.create(claim=claim, source_span=source, author=editor)
    page = open_article(login_page(editor), live, seed_article)
    nested = page.locator("#t-body mark", has_text="Observatory").first
    nested.hover()
    expect(page.locator("#coverage")).to_be_visible()
    expect(page.locator("#coverage")).to_contain_text("2 annotations here")
    path = artifacts_dir / "annotated-article.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def test_caret_in_a_highlight_shows_what_covers_it(live, login_page, seed_article):
    """Moving the keyboard caret into a highlight shows the card listing the spans there."""
    editor = make_user(role="editor")
    make_annotation(seed_article, "Claim", target="title", quote="US Strikes", author=editor)
    page = open_article(login_page(editor), live, seed_article)
    page.locator("#t-title").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#coverage")).to_be_visible()
    expect(page.locator("#coverage")).to_contain_text("Claim")
