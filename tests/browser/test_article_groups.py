"""The panel grouped by attribution and the highlights' non-colour encodings in headless
Chromium (issue 10, deliverables 3 and 6): one card per attribution reading source — cue —
claim, kept right by inline changes; each tag's shape differs in computed style, not only in
colour; a count where two tags share the same words; on a 390 px phone the panel is a bottom
sheet one tap away, nothing scrolls sideways and hover cards stay on screen. Screenshots (the
grouped panel, nested highlights, greyscale, the phone) land in the artifacts folder."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from annotations.models import Attribution
from tests.factories import make_annotation, make_article, make_user

from .conftest import select_text
from .test_accessibility import serious_violations

pytestmark = [pytest.mark.browser]

BODY = (
    "The mayor's spokeswoman said the tram line would open before the winter holidays.\n\n"
    "Residents doubted it, according to a survey by the neighbourhood council.\n\n"
    "Engineers remained cautious about the schedule and the budget overall."
)
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def scene(live):
    """One attribution (a source with a source nested in it, a cue, a claim), a second claim
    with no attribution, a cue and a source of a second, unlinked pair, and two tags on the
    same words ("remained cautious": Claim and Quote)."""
    editor = make_user(role="editor")
    article = make_article(body=BODY)
    make = lambda tag, quote: make_annotation(article, tag, quote=quote, author=editor)  # noqa: E731
    spans = {
        "source": make("Source", "The mayor's spokeswoman"),
        "inner": make("Source", "The mayor"),
        "cue": make("Cue", "said"),
        "claim": make("Claim", "the tram line would open before the winter holidays"),
        "lone": make("Claim", "Residents doubted it"),
        "cue2": make("Cue", "according to"),
        "source2": make("Source", "a survey by the neighbourhood council"),
        "shared_claim": make("Claim", "remained cautious"),
        "shared_quote": make("Quote", "remained cautious"),
    }
    attribution = Attribution.objects.create(
        claim=spans["claim"], source_span=spans["source"], cue=spans["cue"], author=editor
    )
    return editor, article, spans, attribution


def open_page(login_page, live, editor, article, viewport=None):
    page = login_page(editor)
    if viewport:
        page.set_viewport_size(viewport)
    page.goto(f"{live.url}{article.get_absolute_url()}")
    return page


def mark(page, pk):
    return page.locator(f'#t-body mark[data-ann~="{pk}"]').first


def ids_in(locator) -> list[int]:
    return [int(i) for i in locator.evaluate_all("els => els.map(e => e.id.slice(4))")]


def test_the_panel_groups_spans_under_their_attribution(live, login_page, scene, artifacts_dir):
    """The card of the attribution reads source — cue — claim and holds those three items in
    that order; every other span is listed after the cards; hovering the claim outlines its
    source and cue and shows the hover card."""
    editor, article, spans, attribution = scene
    page = open_page(login_page, live, editor, article)
    card = page.locator(f"#att-{attribution.pk}")
    expect(card.locator(".att-head")).to_have_text(
        "Attribution: “The mayor's spokeswoman” — “said” — "
        "“the tram line would open before the winter holidays”"
    )
    assert ids_in(card.locator("li.ann")) == [
        spans["source"].pk,
        spans["cue"].pk,
        spans["claim"].pk,
    ]
    loose = ids_in(page.locator("#ann-loose > li.ann"))
    assert set(loose) == {s.pk for k, s in spans.items() if k not in {"source", "cue", "claim"}}

    mark(page, spans["claim"].pk).hover()
    expect(mark(page, spans["source"].pk)).to_have_class(re.compile(r"\bpartner\b"))
    expect(mark(page, spans["cue"].pk)).to_have_class(re.compile(r"\bpartner\b"))
    expect(page.locator("#coverage")).to_be_visible()
    expect(page.locator("#coverage")).to_contain_text("Claim")
    page.screenshot(path=str(artifacts_dir / "groups-panel-hovered.png"), full_page=True)
    page.locator("#panel").screenshot(path=str(artifacts_dir / "groups-panel.png"))


def test_linking_and_unlinking_move_the_spans_between_card_and_list(
    live, login_page, scene, artifacts_dir
):
    """Linking the lone claim from its Link form makes a card holding its source and cue,
    which leave the loose list, and the focus goes back to the claim's item; unlinking it puts
    the three back; no id is ever doubled."""
    editor, article, spans, _ = scene
    page = open_page(login_page, live, editor, article)
    lone, cue2, source2 = spans["lone"], spans["cue2"], spans["source2"]
    page.locator(f"#ann-{lone.pk}").get_by_role("button", name="Link source…").click()
    form = page.locator(f"#ann-{lone.pk} form")
    form.get_by_label("Source span").select_option(value=str(source2.pk))
    form.get_by_label("Cue").select_option(value=str(cue2.pk))
    form.get_by_role("button", name="Link").click()

    card = page.locator("#att-list > li.att").nth(1)
    expect(card.locator("li.ann")).to_have_count(3)
    assert ids_in(card.locator("li.ann")) == [source2.pk, cue2.pk, lone.pk]
    expect(page.locator(f"#ann-{lone.pk} button.quote")).to_be_focused()
    page.locator("#panel").screenshot(path=str(artifacts_dir / "groups-panel-linked.png"))
    expect(page.locator(f"#ann-loose #ann-{lone.pk}")).to_have_count(0)
    expect(page.locator(f"#ann-loose #ann-{cue2.pk}")).to_have_count(0)
    for pk in (lone.pk, cue2.pk, source2.pk):
        expect(page.locator(f"[id='ann-{pk}']")).to_have_count(1)

    card.locator(f"#ann-{lone.pk}").get_by_role("button", name="unlink").click()
    expect(page.locator("#att-list > li.att")).to_have_count(1)
    assert {lone.pk, cue2.pk, source2.pk} <= set(ids_in(page.locator("#ann-loose > li.ann")))
    loose = ids_in(page.locator("#ann-loose > li.ann"))
    assert loose == sorted(loose, key=lambda pk: [s.pk for s in spans.values()].index(pk))


def test_each_tag_has_its_own_shape_in_computed_style(live, login_page, scene, artifacts_dir):
    """Claim, source, cue and quote marks differ in outline/border/weight/style, not only in
    colour; the nested source draws a double box; the words two tags share carry a ×2 count;
    the page in greyscale is kept as a screenshot."""
    editor, article, spans, _ = scene
    page = open_page(login_page, live, editor, article)
    style = """m => { const s = getComputedStyle(m); return {border: s.borderTopStyle,
        left: s.borderLeftStyle, shadow: s.boxShadow, weight: s.fontWeight, italic: s.fontStyle,
        line: s.textDecorationLine, lineStyle: s.textDecorationStyle}; }"""
    claim = page.locator("#t-body mark", has_text="the tram line would open").first.evaluate(style)
    source = page.locator("#t-body mark", has_text="'s spokeswoman").first.evaluate(style)
    cue = mark(page, spans["cue"].pk).evaluate(style)
    shared = mark(page, spans["shared_quote"].pk)
    both = shared.evaluate(style)
    # Claim: a solid band under the words (an inset shadow 3px high) and bars at its ends.
    assert "inset" in claim["shadow"] and "-3px" in claim["shadow"], claim
    assert claim["border"] == "none" and claim["italic"] == "normal"
    # Source: a box (top and bottom borders, the sides where it starts and ends).
    assert source["border"] == "solid" and source["left"] == "none", source
    assert mark(page, spans["source2"].pk).evaluate(style)["left"] == "solid"
    # Cue: bold with a dotted overline.
    assert int(cue["weight"]) >= 700 and cue["line"] == "overline" and cue["lineStyle"] == "dotted"
    # Quote on the claim's words: italic with its overline (2px) beside the claim's band.
    assert both["italic"] == "italic" and "2px" in both["shadow"] and "-3px" in both["shadow"]
    shapes = {str(claim), str(source), str(cue), str(both)}
    assert len(shapes) == 4
    inner = page.locator("#t-body mark", has_text="The mayor").first
    assert inner.evaluate("m => getComputedStyle(m).borderTopStyle") == "double"
    assert shared.get_attribute("data-stack") == "2"
    assert "×2" in shared.evaluate("m => getComputedStyle(m, '::after').content")
    page.locator("#doc").screenshot(path=str(artifacts_dir / "groups-nested-highlights.png"))
    page.evaluate("() => { document.documentElement.style.filter = 'grayscale(1)'; }")
    page.locator("#doc").screenshot(path=str(artifacts_dir / "groups-greyscale.png"))


def test_on_a_phone_the_panel_is_a_sheet_one_tap_away(live, login_page, scene, artifacts_dir):
    """At 390 px nothing scrolls sideways; the panel is hidden behind a visible "Show panel"
    button that opens it over the text with the cards in view; tagging a selection shows the
    toolbar and, with the sheet closed, the status line."""
    editor, article, spans, attribution = scene
    page = open_page(login_page, live, editor, article, PHONE)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    toggle = page.get_by_role("button", name="Show panel")
    expect(toggle).to_be_visible()
    expect(page.locator(f"#att-{attribution.pk}")).not_to_be_visible()
    page.screenshot(path=str(artifacts_dir / "groups-phone-text.png"))

    toggle.click()
    expect(page.locator(f"#att-{attribution.pk}")).to_be_in_viewport()
    expect(page.get_by_role("button", name="Show text")).to_have_attribute("aria-expanded", "true")
    assert serious_violations(page) == []
    page.screenshot(path=str(artifacts_dir / "groups-phone-panel.png"))
    page.get_by_role("button", name="Show text").click()
    expect(page.locator(f"#att-{attribution.pk}")).not_to_be_visible()

    select_text(page, "#t-body", "Engineers")
    expect(page.locator("#tag-toolbar")).to_be_visible()
    page.keyboard.press("s")
    expect(page.locator("#status")).to_contain_text("Saved Source")
    expect(page.locator("#status")).to_be_in_viewport()
    page.screenshot(path=str(artifacts_dir / "groups-phone-saved.png"))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_hover_card_stays_on_screen_on_a_phone(live, login_page, scene):
    """Hovering a highlight at the right edge of a 390 px screen keeps its card inside the
    viewport."""
    editor, article, spans, _ = scene
    page = open_page(login_page, live, editor, article, PHONE)
    target = mark(page, spans["claim"].pk)
    box = target.bounding_box()
    assert box is not None
    page.mouse.move(min(box["x"] + box["width"] - 3, PHONE["width"] - 5), box["y"] + 5)
    card = page.locator("#coverage")
    expect(card).to_be_visible()
    bounds = card.bounding_box()
    assert bounds is not None
    assert bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= PHONE["width"]


def test_the_grouped_page_has_no_serious_axe_violations(live, login_page, scene):
    """The article page with cards, references and the new shapes passes axe-core."""
    editor, article, _, _ = scene
    page = open_page(login_page, live, editor, article)
    assert serious_violations(page) == []
