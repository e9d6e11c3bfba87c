"""The site header (templates/base.html, static/css/app.css) on a 390×844 phone screen: it
wraps, so every link an admin has (the most links of any role) is on screen and can be clicked,
and nothing makes the page scroll sideways. A screenshot is kept as a test artifact."""

from __future__ import annotations

import pytest

from tests.factories import make_user

pytestmark = [pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
ADMIN_LINKS = ["Newsroom", "Articles", "Review", "Sets", "Export", "Admin", "Log out"]


def test_every_header_link_is_visible_and_clickable_at_390px(live, login_page, artifacts_dir):
    """At 390 px every header link lies inside the viewport, is the element a tap at its centre
    would hit (nothing covers it), passes Playwright's click checks, and the header is no wider
    than the screen; Export, the one the issue found off-screen, is then actually followed."""
    page = login_page(make_user("a-rather-long-admin-name", role="admin"))
    page.set_viewport_size(PHONE)
    page.goto(f"{live.url}/articles/")
    header = page.locator("header.site-header")
    controls = header.locator("a, button")
    assert controls.all_inner_texts() == ADMIN_LINKS
    for control in controls.all():
        name = control.inner_text()
        box = control.bounding_box()
        assert box is not None, f"{name} is not rendered"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"{name}: {box}"
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], f"{name}: {box}"
        hit = page.evaluate(
            "([x, y]) => { const e = document.elementFromPoint(x, y);"
            " return e && (e.closest('a, button') || e).textContent.trim(); }",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert hit == name, f"a tap on {name} lands on {hit!r}"
        control.click(trial=True, timeout=2000)
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth,"
        " document.querySelector('header.site-header').scrollWidth]"
    )
    assert max(widths) <= PHONE["width"], widths
    page.screenshot(path=str(artifacts_dir / "header-390.png"))
    header.get_by_role("link", name="Export").click()
    page.wait_for_url(f"{live.url}/annotations/export/")
