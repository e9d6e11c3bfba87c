"""A stale save in the browser (issue 11): the 409 comes back inline, in the form, with the
message and a button to reapply, never as a network failure."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from tests.factories import make_annotation, make_article, make_user

pytestmark = [pytest.mark.browser]

BODY = "The mayor said the new library would open in June, a week later than planned."


@pytest.mark.parametrize("width", [1280, 390])
def test_a_stale_edit_comes_back_inline_with_reapply(live, login_page, artifacts_dir, width):
    """The editor opens Edit; someone else changes the note meanwhile; Save answers with the
    form again (the editor's words kept, the message, "Reapply my change"), and reapplying
    saves the editor's note; the status line never says the change did not reach the server.
    At desktop and 390 px phone width, with the keyboard for the reapply."""
    editor = make_user(role="editor")
    article = make_article(body=BODY)
    claim = make_annotation(article, "Claim", quote="the new library would open", author=editor)
    page = login_page(editor)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live.url}{article.get_absolute_url()}")
    if width < 600:  # on a phone the panel is a sheet behind "Show panel"
        page.get_by_role("button", name="Show panel").click()
    item = page.locator(f"#ann-{claim.pk}")
    item.get_by_role("button", name="Edit").click()
    item.get_by_label("Note").fill("Mine: the date came from the council")

    theirs = Annotation.objects.get(pk=claim.pk)  # another tab, another editor
    theirs.note = "Theirs: checked against the minutes"
    theirs.save()

    item.get_by_role("button", name="Save").click()
    expect(item.locator(".conflict")).to_contain_text("Someone else changed this annotation")
    expect(item.get_by_label("Note")).to_have_value("Mine: the date came from the council")
    expect(page.locator("#status")).not_to_contain_text("did not reach the server")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts_dir / f"conflict-edit-{width}.png"), full_page=False)
    assert Annotation.objects.get(pk=claim.pk).note == "Theirs: checked against the minutes"

    reapply = item.get_by_role("button", name="Reapply my change")
    reapply.focus()
    page.keyboard.press("Enter")
    expect(item.locator(".note")).to_have_text("Mine: the date came from the council")
    assert Annotation.objects.get(pk=claim.pk).note == "Mine: the date came from the council"
