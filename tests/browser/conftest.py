"""Fixtures for the browser tests: a live server whose database keeps the rows migrations seed
(tags, roles), and pages logged in as a given user."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import reseed_migration_rows

# Selects the n-th occurrence of `needle` in the text under `root` as a user would, then fires
# the mouseup the page listens for. Ranges are set on the page's own text nodes.
SELECT_JS = """([root, needle, nth]) => {
  const rootEl = document.querySelector(root);
  const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
  const nodes = []; let text = '';
  while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
  let i = -1;
  for (let k = 0; k <= nth; k++) { i = text.indexOf(needle, i + 1); if (i < 0) throw new Error('not found: ' + needle); }
  const j = i + needle.length;
  const at = (pos, isEnd) => {
    for (let k = nodes.length - 1; k >= 0; k--) {
      const [n, s] = nodes[k];
      if (isEnd ? s < pos : s <= pos) return [n, pos - s];
    }
  };
  const r = document.createRange(); r.setStart(...at(i, false)); r.setEnd(...at(j, true));
  const s = getSelection(); s.removeAllRanges(); s.addRange(r);
  rootEl.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
}"""


@pytest.fixture
def live(live_server):
    """The live test server, with the tags and roles that migrations 0002 and 0005 seed (a
    live-server test flushes them when it ends; tests/conftest.py puts them back after it)."""
    reseed_migration_rows()
    return live_server


@pytest.fixture
def login_page(live, page, context) -> Callable:
    """login_page(user) -> the Playwright page, with the user's session cookie set."""

    def login(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live.url}]
        )
        return page

    return login


def select_text(page, root: str, needle: str, nth: int = 0) -> None:
    page.evaluate(SELECT_JS, [root, needle, nth])
