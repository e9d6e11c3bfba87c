"""Every exported W3C selector anchors to exactly the annotated text on the rendered article
page, as a real client anchors it: Apache Annotator's DOM matchers (@apache-annotator/dom and
/selector from npm, pinned in package-lock.json) running in Chromium.

Loading the library under the page's strict CSP. The packages ship only untranspiled-import ES
modules (no UMD or IIFE build) whose imports reach CommonJS polyfills (@babel/runtime-corejs3,
core-js-pure), so the browser cannot import them as they are, and the CSP forbids an import
map or an injected <script>. esbuild (npm, pinned) bundles them once per session into one IIFE
in a temporary folder, which is evaluated in the page as axe-core is (test_accessibility.py).
Nothing is served or committed; the CSP is left on (no bypass_csp).

What is checked, for every annotation of the export. Each carries two alternative selectors, a
CssSelector naming the element that holds its text (#t-title, #t-caption-<pk>, #t-body) refined
by a TextQuoteSelector, and the same refined by a TextPositionSelector. Both are resolved from
`document` by Apache Annotator itself (makeRefinable over its CSS, quote and position matchers):
each must give exactly one Range whose text is the annotation's quote, and
describeTextPosition of that Range must give back the exported start and end (code points:
the library counts them as Newsroom does, which the emoji article below tests). Every text node
of the Range must sit in a highlight <mark> of that annotation, and the annotation's marks must
hold nothing else: the offsets are the ones the reader sees highlighted.

The one mapping. The page renders each paragraph as its own element with nothing between them
(the blank line is the paragraph's margin), so a root's DOM text (what DOM matchers walk, the
concatenated text nodes) lacks the "\\n\\n" that the canonical text, and so every offset, counts
between paragraphs. What the reader sees has them: the test first asserts that each root's
innerText (the rendered text, what copying gives) equals the canonical text exactly. It then
puts the separator back into the DOM as a text node between adjacent paragraph elements of the
root, asserts that this changes nothing on screen (same root height, same paragraph positions)
and that the root's textContent now equals the canonical text, and only then anchors. The
matchers run on the page's own text nodes; nothing else in the page is touched.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from annotations.models import Annotation, Attribution
from articles.models import Article
from interchange.exporting.formats import FORMATS
from interchange.exporting.loader import load_articles
from tests.conftest import seed_file
from tests.factories import make_annotation, make_article, make_user

pytestmark = [pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
FIRST_TITLE = "US Strikes Target Extremists in Syria"
ENTRY = """
export {
  createCssSelectorMatcher,
  createTextQuoteSelectorMatcher,
  createTextPositionSelectorMatcher,
  describeTextPosition,
} from "@apache-annotator/dom";
export { makeRefinable } from "@apache-annotator/selector";
"""

# Makes each root's DOM text equal its rendered text (see the module docstring) and reports
# what a check needs: innerText before, textContent after, and the layout before and after.
PREPARE_JS = """(ids) => ids.map((id) => {
  const root = document.getElementById(id);
  const paras = [...root.querySelectorAll(':scope > .para')];
  const layout = () => [root.getBoundingClientRect().height, ...paras.map((p) => p.getBoundingClientRect().top)];
  const rendered = root.innerText;
  const before = layout();
  paras.slice(1).forEach((p) => p.before(document.createTextNode('\\n\\n')));
  return {id, rendered, text: root.textContent, before, after: layout(), paragraphs: paras.length};
})"""

ANCHOR_JS = """async (items) => {
  const A = window.apacheAnnotator;
  const matcherOf = A.makeRefinable((selector) => {
    switch (selector.type) {
      case 'CssSelector': return A.createCssSelectorMatcher(selector);
      case 'TextQuoteSelector': return A.createTextQuoteSelectorMatcher(selector);
      case 'TextPositionSelector': return A.createTextPositionSelectorMatcher(selector);
    }
    throw new Error('unexpected selector ' + selector.type);
  });
  const textNodes = (range) => {
    const root = range.commonAncestorContainer;
    const walker = document.createTreeWalker(
      root.nodeType === Node.TEXT_NODE ? root.parentNode : root, NodeFilter.SHOW_TEXT);
    const out = [];
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (range.intersectsNode(node) && node.data.length
          && !(node === range.endContainer && range.endOffset === 0)
          && !(node === range.startContainer && range.startOffset === node.data.length)) out.push(node);
    }
    return out;
  };
  const results = [];
  for (const {pk, selectors} of items) {
    const found = [];
    for (const selector of selectors) {
      const root = document.querySelector(selector.value);
      const matches = [];
      for await (const range of matcherOf(selector)(document)) {
        const position = await A.describeTextPosition(range, root);
        const outside = textNodes(range)
          .filter((node) => node.parentNode !== root)  // a paragraph separator put back
          .filter((node) => !(node.parentElement.closest('mark[data-ann]')?.dataset.ann.split(' ') || []).includes(String(pk)))
          .map((node) => node.data);
        matches.push({text: range.toString(), start: position.start, end: position.end, outside});
      }
      found.push({type: selector.refinedBy.type, matches});
    }
    const marked = [...document.querySelectorAll('mark[data-ann]')]
      .filter((mark) => mark.dataset.ann.split(' ').includes(String(pk)))
      .map((mark) => mark.textContent).join('');
    results.push({pk, found, marked});
  }
  return results;
}"""


@pytest.fixture(scope="session")
def annotator_bundle(tmp_path_factory) -> str:
    """@apache-annotator/dom and /selector as one IIFE defining window.apacheAnnotator."""
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists() or not (ROOT / "node_modules" / "@apache-annotator" / "dom").is_dir():
        pytest.fail("npm packages missing: run `npm ci` (scripts/test does)")
    out = tmp_path_factory.mktemp("annotator") / "annotator.js"
    subprocess.run(  # noqa: S603 - a fixed command on files of this checkout
        [
            str(esbuild),
            "--bundle",
            "--format=iife",
            "--global-name=apacheAnnotator",
            "--target=chrome100",
            "--log-level=warning",
            f"--outfile={out}",
        ],
        input=ENTRY,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return out.read_text(encoding="utf-8")


@pytest.fixture
def annotated(live) -> list[Article]:
    """The seed article annotated in its title, caption and body (nested, overlapping and
    across paragraphs, with an attribution), and an article whose emoji make code points and
    UTF-16 units differ; all accepted, plus one pending span the export leaves out."""
    call_command("import_articles", str(seed_file()), stdout=open("/dev/null", "w"))  # noqa: SIM115
    seed = Article.objects.get(title=FIRST_TITLE)
    editor = make_user("anchor-editor", "editor")
    ok = {"author": editor, "status": Annotation.Status.ACCEPTED}
    caption = seed.captions.get()
    make_annotation(seed, "Claim", target="title", quote="US Strikes", **ok)
    make_annotation(seed, "Claim", target="title", quote="Extremists in Syria", **ok)
    make_annotation(
        seed, "Quote", target="caption", caption=caption, quote="an airstrike near Idlib", **ok
    )
    make_annotation(seed, "Source", target="caption", caption=caption, quote="airstrike", **ok)
    claim = make_annotation(
        seed,
        "Claim",
        quote="The missiles targeted leaders of radical groups and allied factions near Idlib",
        **ok,
    )
    source = make_annotation(seed, "Source", quote="the Syrian Observatory for Human Rights", **ok)
    make_annotation(seed, "Source", quote="the Syrian Observatory", **ok)  # nested
    make_annotation(seed, "Quote", quote="allied factions near Idlib, the Syrian", **ok)  # overlaps
    make_annotation(seed, "Claim", quote="give any details.\n\nThe missiles targeted", **ok)
    make_annotation(seed, "Cue", quote="said", **ok)
    make_annotation(seed, "Claim", quote="at least 40 dead", author=editor)  # pending: not exported
    Attribution.objects.create(claim=claim, source_span=source, author=editor)

    emoji = make_article(
        title="Café owners 👍🏽 the new bridge",
        body="Owners 👍🏽 said the bridge 🌉 helps.\n\nThe mayor 🙂 agreed, aides said.",
        captions=[("The bridge 🌉 at dawn", "AP")],
    )
    make_annotation(emoji, "Claim", target="title", quote="the new bridge", **ok)
    make_annotation(
        emoji, "Quote", target="caption", caption=emoji.captions.get(), quote="at dawn", **ok
    )
    make_annotation(emoji, "Claim", quote="the bridge 🌉 helps.\n\nThe mayor 🙂 agreed", **ok)
    make_annotation(emoji, "Cue", quote="said", **ok)
    return [seed, emoji]


def canonical_texts(article: Article) -> dict[str, str]:
    texts = {"t-title": article.title, "t-body": article.body}
    texts.update({f"t-caption-{c.pk}": c.text for c in article.captions.all()})
    return texts


def test_every_exported_selector_anchors_to_the_annotated_text(
    live, login_page, annotated, annotator_bundle
):
    """For each annotation of the W3C export, Apache Annotator in Chromium finds exactly its
    quote on the article page with both the quote and the position selector, at the exported
    offsets, inside that annotation's highlight (mapping: see the module docstring)."""
    collection = json.loads(
        "".join(FORMATS["w3c"].write(load_articles(Article.objects.all()), base_url=live.url))
    )
    every = [item for page in collection["@included"] for item in page["items"]]
    items = [item for item in every if item["motivation"] == "tagging"]
    spans = {f"urn:uuid:{a.client_id}": a for a in Annotation.objects.filter(status="accepted")}
    assert collection["total"] == len(every)
    assert len(items) == len(spans) == 14
    # An attribution's targets and resource bodies are its spans' own targets, selector for
    # selector: anchoring those (below) anchors them.
    targets = [json.dumps(item["target"], sort_keys=True) for item in items]
    for link in (item for item in every if item["motivation"] == "linking"):
        resources = [*link["target"], *(b for b in link["body"] if "selector" in b)]
        for resource in resources:
            plain = {key: value for key, value in resource.items() if key != "purpose"}
            assert json.dumps(plain, sort_keys=True) in targets
    by_page: dict[str, list[dict]] = {}
    for item in items:
        by_page.setdefault(item["target"]["source"], []).append(item)
    assert sorted(by_page) == sorted(f"{live.url}{a.get_absolute_url()}" for a in annotated)

    page = login_page(make_user("anchor-reviewer", "reviewer"))
    checked = 0
    for url, page_items in by_page.items():
        article = Article.objects.get(pk=int(url.rstrip("/").rsplit("/", 1)[1]))
        page.goto(url)
        page.locator("#t-body").wait_for()
        page.evaluate(annotator_bundle)
        texts = canonical_texts(article)
        for root in page.evaluate(PREPARE_JS, sorted(texts)):
            assert root["rendered"] == texts[root["id"]], f"{root['id']}: what the reader sees"
            assert root["text"] == texts[root["id"]], f"{root['id']}: DOM text with separators"
            assert root["before"] == root["after"], f"{root['id']}: separators must not show"

        requests = [
            {
                "pk": spans[item["id"]].pk,
                "selectors": item["target"]["selector"],
            }
            for item in page_items
        ]
        for item, result in zip(page_items, page.evaluate(ANCHOR_JS, requests), strict=True):
            span = spans[item["id"]]
            kinds = [found["type"] for found in result["found"]]
            assert kinds == ["TextQuoteSelector", "TextPositionSelector"]
            for found in result["found"]:
                assert len(found["matches"]) == 1, (span.quote, found)
                (match,) = found["matches"]
                assert match["text"] == span.quote, (found["type"], span.quote, match)
                assert (match["start"], match["end"]) == (span.start, span.end), span.quote
                assert match["outside"] == [], (span.quote, match["outside"])
            assert result["marked"] == span.quote.replace("\n\n", ""), span.quote
            checked += 1
    assert checked == 14


def test_annotator_bundle_runs_under_the_page_csp(live, login_page, annotated, annotator_bundle):
    """The bundle evaluates on the page with its strict CSP on (no bypass) and defines the
    matchers; the page does send that CSP."""
    page = login_page(make_user("csp-reviewer", "reviewer"))
    response = page.goto(f"{live.url}{annotated[0].get_absolute_url()}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.evaluate(annotator_bundle)
    assert page.evaluate("() => typeof window.apacheAnnotator.makeRefinable") == "function"
