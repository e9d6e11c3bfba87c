// Attributions visible in the text (issue 10): hovering or focusing a claim — its highlight,
// the caret in it, or its panel item — marks its source, cue and further fragments as
// `.partner`, and the other way round. The map is the page itself: each claim's panel item
// lists its attribution's other spans in data-links (annotations/render/panel.py), read at
// event time, so it stays right after every htmx swap. Claims with no attribution are drawn
// `.unlinked` (annotations/render/highlight.py); linking or unlinking swaps only the panel
// item, so after each swap the marks' `unlinked` class is brought in step with the panel.
(function () {
  "use strict";
  const panel = document.getElementById("panel");
  if (!panel) return;
  const idsOf = (value) => (value || "").split(" ").filter(Boolean);
  const claimItems = () => panel.querySelectorAll("li.ann[data-role=claim]");

  // The other annotations of every attribution that one of `ids` belongs to.
  function partnersOf(ids) {
    const own = new Set(ids);
    const found = new Set();
    for (const item of claimItems()) {
      const group = [item.dataset.ann, ...idsOf(item.dataset.links)];
      if (group.length > 1 && group.some((id) => own.has(id))) group.forEach((id) => found.add(id));
    }
    own.forEach((id) => found.delete(id));
    return found;
  }

  let lit = [];
  function clear() {
    lit.forEach((el) => el.classList.remove("partner"));
    lit = [];
  }
  function light(ids) {
    clear();
    for (const id of partnersOf(ids)) {
      const sel = `mark[data-ann~="${CSS.escape(id)}"]`;
      lit.push(...document.querySelectorAll(sel));
      const item = document.getElementById("ann-" + id);
      if (item) lit.push(item);
    }
    lit.forEach((el) => el.classList.add("partner"));
  }

  // What an event is about: a highlight segment or a panel item, and its annotation ids.
  const subject = (node) => (node instanceof Element ? node.closest("mark[data-ann], li.ann[data-ann]") : null);

  let hovered = null;
  document.addEventListener("mouseover", (e) => {
    const el = subject(e.target);
    if (el === hovered) return;
    hovered = el;
    if (el) light(idsOf(el.dataset.ann)); else clear();
  });
  document.addEventListener("mouseout", (e) => {
    if (!hovered || hovered.contains(e.relatedTarget)) return;
    hovered = null;
    clear();
  });
  document.addEventListener("focusin", (e) => {
    const el = subject(e.target);
    if (el) light(idsOf(el.dataset.ann));
  });
  document.addEventListener("focusout", (e) => {
    if (subject(e.target)) clear();
  });
  // Keyboard users: the caret inside a highlight of a focused text counts as focusing it.
  let caret = null;
  document.addEventListener("selectionchange", () => {
    const sel = window.getSelection();
    const node = sel && sel.rangeCount ? sel.focusNode : null;
    const el = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    const inText = document.activeElement && document.activeElement.classList.contains("annotatable");
    const mark = el && inText ? el.closest("mark[data-ann]") : null;
    if (mark === caret) return;
    caret = mark;
    if (mark) light(idsOf(mark.dataset.ann)); else if (!hovered) clear();
  });

  // Linking or unlinking swaps only the claim's panel item: redraw the marks' hatching from it.
  document.addEventListener("htmx:after:swap", () => {
    const unlinked = new Set();
    for (const item of claimItems()) {
      if (!item.querySelector("ul.links")) unlinked.add(item.dataset.ann);
    }
    for (const mark of document.querySelectorAll("mark[data-ann]")) {
      mark.classList.toggle("unlinked", idsOf(mark.dataset.ann).some((id) => unlinked.has(id)));
    }
    lit = lit.filter((el) => el.isConnected);
  });
})();
