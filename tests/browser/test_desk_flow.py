"""The one-flow attribution and keyboard-all-day navigation in headless Chromium (issue 10,
deliverables 2 and 4): a complete manual attribution (claim, source, cue, linked) from page load
with the keyboard only and with the mouse only, counted, at desktop width and at 390 px; picking
existing highlights; forms that take and give back focus; axe on the new states.

What is counted. Keyboard: every keydown event the page receives from page load to the saved
attribution (a listener in the capture phase), split into `select` (Shift+arrows: drawing the
selection itself), `move` (arrows without Shift: walking the caret to the words) and `other`
(every other key: ], tag keys, Escape …); the keydowns of the modifier keys themselves
(Shift, Control: Playwright presses them again for every chord, a person holds them) are
counted apart and reported. Mouse: pointer actions, a drag (button down, move,
up) or a click each counting one; scrolling is not needed and not counted."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation, Attribution
from tests.factories import make_annotation, make_article, make_user

from .conftest import select_text
from .test_accessibility import serious_violations

pytestmark = [pytest.mark.browser]

BODY = (
    "The minister said on Tuesday that the bridge would reopen in May.\n\n"
    "Engineers were less certain, according to a report seen by this paper.\n\n"
    "Traffic on the ring road has doubled since the closure, the council added."
)
CLAIM = "the bridge would reopen in May"
SOURCE = "The minister"
CUE = "said"

COUNT_KEYS_JS = """() => {
  window.__keys = {select: 0, move: 0, other: 0, modifier: 0, all: []};
  addEventListener('keydown', (e) => {
    const arrow = e.key.startsWith('Arrow');
    const modifier = ['Shift', 'Control', 'Alt', 'Meta'].includes(e.key);
    const kind = modifier ? 'modifier' : arrow && e.shiftKey ? 'select' : arrow ? 'move' : 'other';
    if (modifier) { window.__keys.modifier++; return; }
    window.__keys[kind]++;
    window.__keys.all.push((e.ctrlKey ? 'Ctrl+' : '') + (e.shiftKey && arrow ? 'Shift+' : '') + e.key);
  }, true);
}"""


@pytest.fixture
def article(live):
    return make_article(title="Bridge to reopen after repairs", body=BODY)


@pytest.fixture
def editor(live):
    return make_user(role="editor")


def open_page(login_page, editor, article, live, width: int | None = None):
    page = login_page(editor)
    if width:
        page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{live.url}{article.get_absolute_url()}")
    return page


def press(page, key: str, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press(key)


def saved(page, text: str) -> None:
    """Wait for a save's answer and for the redraw that follows it (the caret is back)."""
    expect(page.locator("#status .msg.ok")).to_contain_text(text)
    expect(page.locator(".caret")).to_be_visible()


def assert_one_attribution(editor) -> Attribution:
    attribution = Attribution.objects.select_related("claim", "source_span", "cue").get()
    assert attribution.claim.quote == CLAIM
    assert attribution.source_span.quote == SOURCE
    assert attribution.cue.quote == CUE
    assert attribution.author == editor
    return attribution


@pytest.mark.parametrize("width", [None, 390], ids=["desktop", "phone-390"])
def test_keyboard_only_attribution_from_page_load(
    live, login_page, editor, article, artifacts_dir, width
):
    """From page load, keys only: ] ] to the body, Shift+Ctrl+→ ×2 and s (source), Shift+Ctrl+→
    and u (cue), Ctrl+→ ×3 then Shift+Ctrl+→ ×6 and c (claim) make one attribution, source —
    cue — claim, with no form opened; the in-progress bar says what comes next, the caret is
    drawn after every save, and r then opens the Resolve form with focus in its first field."""
    page = open_page(login_page, editor, article, live, width)
    page.evaluate(COUNT_KEYS_JS)
    bar = page.locator("#flow-bar")
    press(page, "]", 2)
    expect(page.locator("#t-body")).to_be_focused()
    expect(page.locator(".caret")).to_be_visible()

    press(page, "Shift+Control+ArrowRight", 2)
    expect(page.locator("#tag-toolbar")).to_be_visible()
    press(page, "s")
    saved(page, f"Saved Source: “{SOURCE}”")
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("now select the claim (c), then the cue (u)")

    press(page, "Shift+Control+ArrowRight")
    assert page.evaluate("() => getSelection().toString().trim()") == CUE
    press(page, "u")
    saved(page, f"Saved Cue: “{CUE}”")
    expect(bar).to_contain_text(f"Source “{SOURCE}” — Cue “{CUE}”")
    page.screenshot(path=str(artifacts_dir / f"flow-keyboard-in-progress-{width or 'desktop'}.png"))
    assert serious_violations(page) == []

    press(page, "Control+ArrowRight", 3)
    press(page, "Shift+Control+ArrowRight", 6)
    assert page.evaluate("() => getSelection().toString().trim()") == CLAIM
    press(page, "c")
    expect(page.locator("#status .msg.ok")).to_contain_text("Attribution:")
    expect(bar).to_be_hidden()
    attribution = assert_one_attribution(editor)
    claim_item = page.locator(f"#ann-{attribution.claim_id}")
    expect(claim_item.locator("ul.links")).to_contain_text(SOURCE)
    expect(
        page.locator(f'#t-body mark.unlinked[data-ann~="{attribution.claim_id}"]')
    ).to_have_count(0)

    keys = page.evaluate("() => window.__keys")
    total = keys["select"] + keys["move"] + keys["other"]
    print(
        f"\nkeyboard-only attribution ({width or 'desktop'}): {total} keydowns from page load"
        f" = {keys['select']} Shift+arrow (the selections) + {keys['move']} caret moves"
        f" + {keys['other']} other keys: {' '.join(keys['all'])};"
        f" plus {keys['modifier']} modifier keydowns (Shift/Control, once per chord)"
    )
    assert total - keys["select"] <= 12
    assert total <= 20

    press(page, "r")
    resolve = page.locator(f"#ann-{attribution.source_span_id} form")
    expect(resolve).to_be_visible()
    expect(resolve.locator("select, input:not([type=hidden])").first).to_be_focused()
    page.screenshot(path=str(artifacts_dir / f"flow-keyboard-resolve-{width or 'desktop'}.png"))


def drag(page, needle: str) -> None:
    """One drag over `needle`: the selection a drag makes, then the button's release (the
    mouseup the page listens for), as the other browser tests do. Playwright's own
    down-move-up did select here, but in headless Chromium only when it started right of
    about x = 300 px on this page, even with the page's scripts blocked."""
    select_text(page, "#t-body", needle)


@pytest.mark.parametrize("width", [None, 390], ids=["desktop", "phone-390"])
def test_mouse_only_attribution(live, login_page, editor, article, artifacts_dir, width):
    """With the mouse, claim first: drag the claim, click Claim in the toolbar, drag the source,
    drag the cue — 4 pointer actions; the two later selections are saved as the bar's next
    piece and linked, no form opened."""
    page = open_page(login_page, editor, article, live, width)
    actions = 0
    drag(page, CLAIM)
    actions += 1
    page.locator("#tag-toolbar button[data-role=claim]").click()
    actions += 1
    saved(page, f"Saved Claim: “{CLAIM}”")
    bar = page.locator("#flow-bar")
    expect(bar).to_contain_text("now select the source (s), then the cue (u)")
    page.screenshot(path=str(artifacts_dir / f"flow-mouse-in-progress-{width or 'desktop'}.png"))
    assert serious_violations(page) == []

    drag(page, SOURCE)
    actions += 1
    saved(page, f"Saved Source: “{SOURCE}”")
    expect(bar).to_contain_text("now select the cue (u)")
    drag(page, CUE)
    actions += 1
    expect(page.locator("#status .msg.ok")).to_contain_text("Attribution:")
    expect(bar).to_be_hidden()
    assert_one_attribution(editor)
    print(f"\nmouse-only attribution ({width or 'desktop'}): {actions} pointer actions")
    assert actions <= 5
    page.screenshot(path=str(artifacts_dir / f"flow-mouse-done-{width or 'desktop'}.png"))


def test_existing_highlights_join_by_key_and_by_click(live, login_page, editor, article):
    """With the caret in an existing Claim highlight, c starts its attribution; clicking an
    existing Source highlight links it, and u in an existing Cue completes it — no new span."""
    claim = make_annotation(article, "Claim", quote=CLAIM, author=editor)
    source = make_annotation(article, "Source", quote=SOURCE, author=editor)
    cue = make_annotation(article, "Cue", quote=CUE, author=editor)
    page = open_page(login_page, editor, article, live)
    press(page, "]", 2)
    press(page, "Control+ArrowRight", 8)  # into "bridge"
    press(page, "c")
    expect(page.locator("#flow-bar")).to_contain_text(f"Claim “{CLAIM}”")
    page.locator(f'#t-body mark[data-ann~="{source.pk}"]').first.click()
    expect(page.locator("#status .msg.ok")).to_contain_text("Attribution:")
    page.locator("#t-body").focus()
    page.evaluate(
        """(id) => { const m = document.querySelector(`#t-body mark[data-ann~="${id}"] [data-o]`)
        || document.querySelector(`#t-body mark[data-ann~="${id}"]`);
        const t = m.firstChild; getSelection().collapse(t, 1); }""",
        cue.pk,
    )
    press(page, "u")
    expect(page.locator("#flow-bar")).to_be_hidden()
    attribution = Attribution.objects.get()
    assert (attribution.claim, attribution.source_span, attribution.cue) == (claim, source, cue)
    assert Annotation.objects.count() == 3


def test_forms_take_focus_one_link_form_and_focus_comes_back(live, login_page, editor, article):
    """Link source… puts focus in the form's first field; opening another claim's Link form
    closes the first; Cancel gives focus back to the claim's item; ] / [ walk paragraphs."""
    first = make_annotation(article, "Claim", quote=CLAIM, author=editor)
    second = make_annotation(article, "Claim", quote="Engineers were less certain", author=editor)
    page = open_page(login_page, editor, article, live)
    page.locator(f"#ann-{first.pk}").get_by_role("button", name="Link source…").click()
    expect(page.locator(f"#ann-{first.pk} select").first).to_be_focused()
    page.locator(f"#ann-{second.pk}").get_by_role("button", name="Link source…").click()
    expect(page.locator(f"#ann-{second.pk} select").first).to_be_focused()
    expect(page.locator("#ann-list [data-picking=link]")).to_have_count(1)
    page.locator(f"#ann-{second.pk}").get_by_role("button", name="Cancel").click()
    expect(page.locator(f"#ann-{second.pk} button.quote")).to_be_focused()

    page.locator(f"#ann-{second.pk} button.quote").focus()
    press(page, "]", 3)  # title, body paragraph 1, paragraph 2
    para = page.evaluate("() => getSelection().focusNode.parentElement.closest('.para').id")
    assert para == "t-body-p1"
    press(page, "[")
    para = page.evaluate("() => getSelection().focusNode.parentElement.closest('.para').id")
    assert para == "t-body-p0"


def test_page_follows_the_caret_and_keeps_the_toolbar_in_view(
    live, login_page, editor, artifacts_dir
):
    """On a 390 px phone, walking down a long article with ] keeps the drawn caret in the
    window, and a selection made with Shift+Ctrl+→ near the bottom shows its toolbar inside
    the window (above the attribution bar, once one is in progress)."""
    paragraphs = [
        f"Paragraph {i} says the council met again on a quiet evening." for i in range(40)
    ]
    long_article = make_article(title="A long council report", body="\n\n".join(paragraphs))
    page = open_page(login_page, editor, long_article, live, 390)
    press(page, "]", 31)  # the title, then 30 paragraphs down
    inside = "() => { const r = document.querySelector('.caret').getBoundingClientRect();"
    inside += " return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }"
    expect(page.locator(".caret")).to_be_visible()
    assert page.evaluate(inside)
    press(page, "Shift+Control+ArrowRight", 2)
    press(page, "c")
    saved(page, "Saved Claim: “Paragraph 29”")
    press(page, "]", 9)
    press(page, "Shift+Control+ArrowRight", 2)
    toolbar = page.locator("#tag-toolbar")
    expect(toolbar).to_be_visible()
    box = toolbar.bounding_box()
    bar_top = page.locator("#flow-bar").bounding_box()["y"]
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= bar_top
    page.screenshot(path=str(artifacts_dir / "flow-follow-390.png"))


def test_a_flow_step_lost_on_the_network_is_retried_with_its_link(
    live, login_page, editor, article
):
    """The claim is saved; the source's save never reaches the server; Retry save sends it
    again with the attribution in progress, so the source arrives linked to the claim and the
    flow goes on to the cue."""
    page = open_page(login_page, editor, article, live)
    select_text(page, "#t-body", CLAIM)
    expect(page.locator("#tag-toolbar")).to_be_visible()
    press(page, "c")
    saved(page, "Saved Claim")
    page.route(
        "**/annotations/articles/*/create/", lambda route: route.abort("internetdisconnected")
    )
    select_text(page, "#t-body", SOURCE)
    expect(page.locator("#tag-toolbar")).to_be_visible()
    press(page, "s")
    retry = page.locator("#retry-form")
    expect(retry).to_be_visible()
    assert not Attribution.objects.exists()
    page.unroute("**/annotations/articles/*/create/")
    retry.get_by_role("button", name="Retry save").click()
    expect(retry).to_be_hidden()
    expect(page.locator("#status .msg.ok")).to_contain_text("Attribution:")
    attribution = Attribution.objects.select_related("claim", "source_span").get()
    assert (attribution.claim.quote, attribution.source_span.quote) == (CLAIM, SOURCE)
    assert Annotation.objects.count() == 2
    expect(page.locator("#flow-bar")).to_contain_text("cue")
