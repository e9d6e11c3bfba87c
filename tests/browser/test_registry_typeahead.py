"""The registry type-ahead in headless Chromium (issue 10, deliverable 2): resolving a Source
span with the keyboard only (keys counted) and with the mouse, creating an entry inline, the
list at a 390 px phone width, Escape, the Link form's entry picker, and axe-core on the open
list. Screenshots of the open list are kept in the artifacts folder."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from annotations.models import Attribution, Source, SourceAlias
from tests.browser.test_accessibility import serious_violations
from tests.factories import make_annotation, make_article, make_user

pytestmark = [pytest.mark.browser]

BODY = (
    "The Rail Regulator said the line would reopen in June.\n\n"
    "The harbour board said the ferry would run all winter."
)


class Keys:
    """The keyboard, counting every key pressed (a typed character counts one)."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
            self.count += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text, delay=20)
        self.count += len(text)


@pytest.fixture
def desk(live):
    """An article with two Source spans, and a registry where a confirmed alias names the
    first span's words."""
    editor = make_user(role="editor")
    article = make_article(body=BODY)
    regulator = make_annotation(article, "Source", quote="The Rail Regulator", author=editor)
    board = make_annotation(article, "Source", quote="The harbour board", author=editor)
    claim = make_annotation(article, "Claim", quote="the line would reopen in June", author=editor)
    office = Source.objects.create(name="Office of Rail and Road", kind=Source.Kind.GOVERNMENT)
    SourceAlias.objects.create(
        source=office, alias="The Rail Regulator", confirmed=True, confirmed_at=timezone.now()
    )
    for name, kind in [
        ("Rail Workers Union", Source.Kind.ORGANISATION),
        ("Northern Rail Authority", Source.Kind.GOVERNMENT),
        ("Railway Gazette", Source.Kind.MEDIA),
        ("Regional Transport Council", Source.Kind.GOVERNMENT),
    ]:
        Source.objects.create(name=name, kind=kind)
    return {
        "editor": editor,
        "article": article,
        "regulator": regulator,
        "board": board,
        "claim": claim,
        "office": office,
    }


def open_page(live, login_page, desk, width: int | None = None):
    page = login_page(desk["editor"])
    if width:
        page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{live.url}{desk['article'].get_absolute_url()}")
    return page


def test_keyboard_only_resolve_with_the_suggested_entry(live, login_page, desk, artifacts_dir):
    """From the page: `n` to the span, Tab to "Resolve…", Enter opens the form with the focus
    in the combobox and the list open on the entry the confirmed alias suggests; Enter picks
    it, Enter resolves. Keys counted (printed)."""
    page = open_page(live, login_page, desk)
    keys = Keys(page)
    span = desk["regulator"]
    keys.press("n")
    while page.evaluate("() => document.activeElement.textContent") != "Resolve…":
        keys.press("Tab")
        assert keys.count < 8, "Resolve… is more than a few Tabs from the span"
    to_button = keys.count
    keys.press("Enter")
    box = page.locator(f"#resolve{span.pk}-q")
    expect(box).to_be_focused()
    expect(box).to_have_value("The Rail Regulator")
    expect(box).to_have_attribute("aria-expanded", "true")
    active = page.locator(f"#resolve{span.pk}-list [aria-selected=true]")
    expect(active).to_contain_text("Office of Rail and Road")
    expect(active).to_contain_text("suggested")
    expect(box).to_have_attribute(
        "aria-activedescendant", f"resolve{span.pk}-list-{desk['office'].pk}"
    )
    page.screenshot(path=str(artifacts_dir / "registry-typeahead-suggested.png"))
    keys.press("Enter")  # pick
    expect(box).to_have_value("Office of Rail and Road")
    expect(box).to_have_attribute("aria-expanded", "false")
    keys.press("Enter")  # resolve
    expect(page.locator(f"#ann-{span.pk} .resolved")).to_contain_text("Office of Rail and Road")
    print(f"keyboard resolve (suggested entry): {to_button} keys to Resolve…, {keys.count} in all")
    assert keys.count - to_button == 3
    span.refresh_from_db()
    assert span.source_entry == desk["office"]


def test_keyboard_only_search_pick_and_create_inline(live, login_page, desk, artifacts_dir):
    """Typing searches names and aliases as you type (↓ moves, Enter picks); with no match,
    ↓ reaches "Create … as Government", Enter picks it and Enter creates the entry and
    resolves the span in one POST."""
    page = open_page(live, login_page, desk)
    span = desk["board"]
    keys = Keys(page)
    page.locator(f"#ann-{span.pk} button", has_text="Resolve…").focus()
    keys.press("Enter")
    box = page.locator(f"#resolve{span.pk}-q")
    expect(box).to_be_focused()
    listbox = page.locator(f"#resolve{span.pk}-list")
    # The span's words are selected in the input: typing replaces them.
    keys.type("rail")
    expect(listbox.locator("[role=option][data-value]").first).to_contain_text("Rail Workers Union")
    names = listbox.locator("[role=option][data-value]").evaluate_all(
        "os => os.map(o => o.dataset.name)"
    )
    # Names starting with "rail" first, then names with a later word that does ("rail and
    # road" before "rail authority").
    assert names == [
        "Rail Workers Union",
        "Railway Gazette",
        "Office of Rail and Road",
        "Northern Rail Authority",
    ]
    expect(listbox.locator("[role=option]").first).to_contain_text("Organisation")
    page.screenshot(path=str(artifacts_dir / "registry-typeahead-open.png"))
    keys.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    keys.press("Control+a")
    keys.type("Eastport Harbour Board")
    create = listbox.locator("[data-kind=government]")
    expect(create).to_be_visible()
    expect(listbox).to_contain_text("Create “Eastport Harbour Board” as a new entry:")
    page.screenshot(path=str(artifacts_dir / "registry-typeahead-create.png"))
    keys.press("ArrowDown", 4)  # Person, Organisation, Media, Government
    expect(create).to_have_attribute("aria-selected", "true")
    keys.press("Enter")
    expect(page.locator(f"#resolve{span.pk}-list-picked")).to_have_text(
        "New entry: “Eastport Harbour Board” (Government)"
    )
    keys.press("Enter")
    expect(page.locator(f"#ann-{span.pk} .resolved")).to_contain_text("Eastport Harbour Board")
    made = Source.objects.get(name="Eastport Harbour Board")
    assert made.kind == Source.Kind.GOVERNMENT
    print(f"keyboard create inline: {keys.count} keys, 22 of them the name typed")


def test_mouse_resolve(live, login_page, desk):
    """With the mouse: click "Resolve…", type, click an option, click Resolve (3 clicks)."""
    page = open_page(live, login_page, desk)
    span = desk["board"]
    page.locator(f"#ann-{span.pk} button", has_text="Resolve…").click()
    box = page.locator(f"#resolve{span.pk}-q")
    box.fill("northern")
    option = page.locator(
        f"#resolve{span.pk}-list [role=option]", has_text="Northern Rail Authority"
    )
    option.click()
    expect(box).to_have_value("Northern Rail Authority")
    expect(box).to_be_focused()
    page.locator(f"#ann-{span.pk} button[type=submit]", has_text="Resolve").click()
    expect(page.locator(f"#ann-{span.pk} .resolved")).to_contain_text("Northern Rail Authority")


def test_typing_after_a_pick_undoes_it_and_an_error_keeps_the_words(live, login_page, desk):
    """Typing after a pick clears it; submitting words with nothing picked shows the error in
    place with the words kept and the focus back in the input."""
    page = open_page(live, login_page, desk)
    span = desk["board"]
    page.locator(f"#ann-{span.pk} button", has_text="Resolve…").click()
    box = page.locator(f"#resolve{span.pk}-q")
    expect(box).to_be_focused()
    page.keyboard.type("Nowhere Agency")
    expect(page.locator(f"#resolve{span.pk}-list")).to_contain_text("Create “Nowhere Agency”")
    page.keyboard.press("Escape")
    page.keyboard.press("Enter")
    expect(page.locator(f"#ann-{span.pk} .error")).to_contain_text("Pick an entry from the list")
    box = page.locator(f"#resolve{span.pk}-q")
    expect(box).to_have_value("Nowhere Agency")
    expect(box).to_be_focused()


def test_phone_width_list_fits_and_picks(live, login_page, desk, artifacts_dir):
    """At 390 px the open list stays within the screen, the page does not scroll sideways,
    and a tap on an option picks it."""
    page = open_page(live, login_page, desk, width=390)
    span = desk["regulator"]
    page.get_by_role("button", name="Show panel").click()  # the panel is a sheet on a phone
    page.locator(f"#ann-{span.pk} button", has_text="Resolve…").click()
    box = page.locator(f"#resolve{span.pk}-q")
    expect(box).to_be_focused()
    page.keyboard.type("r")
    listbox = page.locator(f"#resolve{span.pk}-list")
    expect(listbox.locator("[role=option]", has_text="Regional Transport Council")).to_be_visible()
    listbox.scroll_into_view_if_needed()
    bounds = listbox.bounding_box()
    assert bounds is not None and bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= 390
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts_dir / "registry-typeahead-390.png"))
    listbox.locator("[role=option]", has_text="Railway Gazette").click()
    expect(box).to_have_value("Railway Gazette")


def test_open_list_has_no_serious_axe_violations(live, login_page, desk):
    """The Resolve form with its list open and an option active passes axe-core."""
    page = open_page(live, login_page, desk)
    span = desk["regulator"]
    page.locator(f"#ann-{span.pk} button", has_text="Resolve…").click()
    expect(page.locator(f"#resolve{span.pk}-list [aria-selected=true]")).to_be_visible()
    page.keyboard.type("rail")
    expect(page.locator(f"#resolve{span.pk}-list")).to_contain_text("Rail Workers Union")
    page.keyboard.press("ArrowDown")
    assert serious_violations(page) == []


def test_link_form_picks_a_registry_entry_by_keyboard(live, login_page, desk):
    """The Link form's registry entry: type, ↓, Enter picks, Enter links the claim to it."""
    page = open_page(live, login_page, desk)
    claim = desk["claim"]
    page.locator(f"#ann-{claim.pk} button", has_text="Link source…").click()
    box = page.locator(f"#link{claim.pk}-source_entry")
    box.focus()
    page.keyboard.type("office")
    option = page.locator(
        f"#link{claim.pk}-source_entry-list [role=option]", has_text="Office of Rail and Road"
    )
    expect(option).to_be_visible()
    expect(page.locator(f"#link{claim.pk}-source_entry-list")).not_to_contain_text("Create")
    page.keyboard.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(box).to_have_value("Office of Rail and Road")
    page.keyboard.press("Enter")
    expect(page.locator(f"#ann-{claim.pk} ul.links")).to_contain_text("Office of Rail and Road")
    assert Attribution.objects.get(claim=claim).source_entry == desk["office"]
    assert re.search("Office", page.locator(f"#ann-{claim.pk}").inner_text())
