// The selection-to-offsets bridge and the keyboard shortcuts of the article page.
//
// Offsets are Unicode code points into the server's canonical text (docs/offsets.md). The
// server renders each text node alone inside an element whose data-o holds the code point
// offset of its first character; we map a DOM selection back through those, and send the
// quote rebuilt from the same nodes so the server can check it against its own text.
// One file, over the usual ~400 lines, because the page loads one script under its strict
// CSP: the two blocks below (bridge and tag keys, panel navigation and help) share nothing but
// the page and could be split into files if it grows further. The correction form's
// select-in-context control and its preview are static/js/review.js.
(function () {
  "use strict";

  const doc = document.getElementById("doc");
  const toolbar = document.getElementById("tag-toolbar");
  const retryForm = document.getElementById("retry-form");
  const coverage = document.getElementById("coverage");
  if (!doc) return;

  const cpLen = (s) => { let n = 0; for (const _ of s) n++; return n; };
  const newId = () => (crypto.randomUUID ? crypto.randomUUID() :
    "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
      (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16)));

  // --- Selection → offsets ------------------------------------------------------------------
  function chunks(root) {
    // Text-bearing elements in document order, each {el, start, text}.
    return Array.from(root.querySelectorAll("[data-o]:not(.para)"), (el) => ({
      el, start: Number(el.dataset.o), text: el.textContent,
    }));
  }

  function boundaryOffset(root, node, offset, isEnd) {
    if (node.nodeType === Node.TEXT_NODE && node.parentElement.matches("[data-o]:not(.para)")) {
      return Number(node.parentElement.dataset.o) + cpLen(node.data.slice(0, offset));
    }
    // The boundary sits between elements (e.g. a triple click): snap to the nearest text.
    const range = document.createRange();
    range.setStart(node, offset);
    let previous = null;
    for (const c of chunks(root)) {
      const textNode = c.el.firstChild;
      if (textNode && range.comparePoint(textNode, 0) >= 0) {
        return isEnd && previous ? previous.start + cpLen(previous.text) : c.start;
      }
      previous = c;
    }
    return previous ? previous.start + cpLen(previous.text) : 0;
  }

  function textBetween(root, start, end) {
    // Rebuild root's canonical text over [start, end): chunk texts, with the gaps between
    // paragraphs filled by the newlines the server's canonical form puts there.
    let out = "", pos = start;
    for (const c of chunks(root)) {
      const cps = Array.from(c.text);
      const cEnd = c.start + cps.length;
      if (cEnd <= start || c.start >= end) continue;
      if (c.start > pos) out += "\n".repeat(c.start - pos);
      const from = Math.max(start, c.start), to = Math.min(end, cEnd);
      out += cps.slice(from - c.start, to - c.start).join("");
      pos = to;
    }
    return out;
  }

  function rootOf(node) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return el ? el.closest(".annotatable") : null;
  }

  // Returns {root, start, end, quote} for the current selection, or {error}, or null.
  function currentSpan() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const root = rootOf(range.startContainer);
    const endRoot = rootOf(range.endContainer);
    if (!root && !endRoot) return null;
    if (root !== endRoot) {
      return { error: "A span must stay within one text: the title, one caption, or the body." };
    }
    let start = boundaryOffset(root, range.startContainer, range.startOffset, false);
    let end = boundaryOffset(root, range.endContainer, range.endOffset, true);
    let quote = textBetween(root, start, end);
    // Leave out the spaces a double click or a sloppy drag picks up at either end.
    const lead = quote.length - quote.trimStart().length;
    const trail = quote.length - quote.trimEnd().length;
    if (lead) { start += cpLen(quote.slice(0, lead)); }
    if (trail) { end -= cpLen(quote.slice(quote.length - trail)); }
    quote = quote.trim();
    if (!quote || start >= end) return null;
    if (!noSnap) ({ start, end, quote } = snapToWords(root, start, end));
    return { root, start, end, quote };
  }

  // A sloppy drag ("eatedly decla", the "he" inside "rushed") is widened to whole words: a
  // boundary inside a word moves to the word's edge. Holding Alt when the selection ends
  // (mouse button released, or Alt+Shift+arrow) keeps the exact characters.
  let noSnap = false;
  const WORD = /[\p{L}\p{N}\p{M}]/u;
  const JOINER = /['\u2019\u00ad-]/u; // inside a word: "don't", "al-Sadr"
  // The page's one notion of a word: root's text as code points, and whether the one at i is
  // inside a word (letters, digits, marks, and a joiner between two letters).
  function words(root) {
    const chars = Array.from(textBetween(root, 0, Number.MAX_SAFE_INTEGER));
    const letter = (i) => i >= 0 && i < chars.length && WORD.test(chars[i]);
    const inWord = (i) => letter(i) || (i > 0 && JOINER.test(chars[i] || "") && letter(i - 1) && letter(i + 1));
    return { chars, inWord };
  }

  function snapToWords(root, start, end) {
    const { chars, inWord } = words(root);
    if (inWord(start) && inWord(start - 1)) while (inWord(start - 1)) start--;
    if (inWord(end - 1) && inWord(end)) while (inWord(end)) end++;
    return { start, end, quote: chars.slice(start, end).join("") };
  }

  // Where a code point offset of root's text lies in the DOM, for showing a snapped selection.
  function domPoint(root, offset, isEnd) {
    for (const c of chunks(root)) {
      const len = cpLen(c.text);
      if (offset >= c.start && (offset < c.start + len || (isEnd && offset === c.start + len))) {
        return [c.el.firstChild, Array.from(c.text).slice(0, offset - c.start).join("").length];
      }
    }
    return null;
  }

  // After a mouse selection, show the words that will be saved.
  function showSnapped() {
    const found = currentSpan();
    if (!found || found.error) return;
    const from = domPoint(found.root, found.start, false), to = domPoint(found.root, found.end, true);
    if (!from || !to || !from[0] || !to[0]) return;
    const range = document.createRange();
    range.setStart(...from);
    range.setEnd(...to);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  // --- Toolbar -----------------------------------------------------------------------------
  let span = null;

  function setField(form, name, value) { form.elements.namedItem(name).value = value ?? ""; }

  function showToolbar() {
    if (!toolbar) return;
    const found = currentSpan();
    if (!found) { hideToolbar(); return; }
    if (found.error) { say(found.error, "error"); hideToolbar(); return; }
    const same = span && span.root === found.root && span.start === found.start && span.end === found.end;
    span = found;
    if (!same) setField(toolbar, "client_id", newId()); // one id per intended save
    setField(toolbar, "target", found.root.dataset.target);
    setField(toolbar, "caption", found.root.dataset.caption || "");
    setField(toolbar, "start", found.start);
    setField(toolbar, "end", found.end);
    setField(toolbar, "quote", found.quote);
    toolbar.hidden = false;
    const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
    const top = window.scrollY + rect.bottom + 8;
    const left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - toolbar.offsetWidth - 8));
    toolbar.style.top = top + "px";   // CSSOM, allowed under the page's CSP
    toolbar.style.left = left + "px";
  }

  function hideToolbar() {
    if (toolbar) toolbar.hidden = true;
    span = null;
  }

  function applyTag(tagId) {
    if (!toolbar || !span) return;
    setField(toolbar, "tag", tagId);
    toolbar.requestSubmit();
  }

  function say(message, level) {
    const box = document.getElementById("status");
    if (!box) return;
    const p = document.createElement("p");
    p.className = "msg " + level;
    if (level === "error") p.setAttribute("role", "alert");
    p.textContent = message;
    box.replaceChildren(p);
  }

  // What the one-flow attribution (flow.js) needs from this block.
  window.Newsroom = Object.assign(window.Newsroom || {}, {
    applyTag, say, domPoint, hasSelection: () => Boolean(toolbar && !toolbar.hidden && span),
    selected: () => span && { root: span.root, start: span.start, end: span.end, quote: span.quote },
  });

  if (toolbar) {
    toolbar.addEventListener("click", (e) => {
      const btn = e.target.closest("button");
      if (!btn) return;
      if (btn.dataset.tag) applyTag(btn.dataset.tag);
      if (btn.dataset.action === "dismiss") { hideToolbar(); window.getSelection().removeAllRanges(); }
    });
    // Keep the selection when the mouse goes down on the toolbar.
    toolbar.addEventListener("mousedown", (e) => e.preventDefault());

    // A retried save whose first answer did arrive after all inserts its panel item twice:
    // keep one of each.
    const dedupePanel = () => {
      const seen = new Set();
      for (const li of document.querySelectorAll("#ann-list li.ann[id]")) {
        if (seen.has(li.id)) li.remove(); else seen.add(li.id);
      }
    };
    document.addEventListener("htmx:after:swap", dedupePanel);

    toolbar.addEventListener("htmx:after:request", (e) => {
      const ctx = e.detail.ctx;
      if (ctx && ctx.response && ctx.response.status < 300) {
        hideToolbar();
        window.getSelection().removeAllRanges();
        if (retryForm) retryForm.hidden = true;
      }
    });

    // A save that never got an answer: keep exactly what was sent so Retry re-sends it with
    // the same client id (the server treats a repeat as the same annotation).
    function offerRetry(text) {
      // Everything the save sent, the attribution in progress (flow.js's flow_*) included.
      for (const input of retryForm.querySelectorAll("input[type=hidden][name]")) {
        const sent = toolbar.elements.namedItem(input.name);
        if (sent && input.name !== "csrfmiddlewaretoken") input.value = sent.value;
      }
      if (text) retryForm.querySelector(".retry-text").textContent = text;
      retryForm.hidden = false;
      retryForm.querySelector("button[type=submit]").focus();
      hideToolbar();
    }
    toolbar.addEventListener("htmx:error", (e) => {
      const ctx = e.detail.ctx;
      if (!retryForm || (ctx && ctx.response)) return;
      offerRetry("The last save did not reach the server.");
    });
    // The database was busy (503, newsroom/busy.py): nothing was saved, the same save may retry.
    toolbar.addEventListener("htmx:response:error", (e) => {
      const ctx = e.detail.ctx;
      if (retryForm && ctx && ctx.response && ctx.response.status === 503) {
        offerRetry("The database was busy: the last save was not stored.");
      }
    });
  }

  if (retryForm) {
    retryForm.addEventListener("htmx:after:request", (e) => {
      const ctx = e.detail.ctx;
      if (ctx && ctx.response && ctx.response.status < 500) retryForm.hidden = true;
    });
    retryForm.addEventListener("htmx:error", (e) => {
      if (!(e.detail.ctx && e.detail.ctx.response)) {
        retryForm.querySelector(".retry-text").textContent = "Still no connection: the save did not reach the server.";
      }
    });
    retryForm.addEventListener("click", (e) => {
      if (e.target.closest("[data-action=discard-retry]")) retryForm.hidden = true;
    });
  }

  // With a reviewer's correction form open, a selection in the annotation's own text sets the
  // corrected span (and the quote the server checks) instead of offering the tag toolbar.
  function fillCorrection() {
    const form = document.querySelector("#panel form.correct-form");
    if (!form) return false;
    const found = currentSpan();
    if (!found) return true;
    if (found.error) { say(found.error, "error"); return true; }
    const root = found.root;
    if (root.dataset.target !== form.dataset.target || (root.dataset.caption || "") !== form.dataset.caption) {
      say("Select words in the same text as the annotation you are correcting: its " + form.dataset.target + ".", "error");
      return true;
    }
    setField(form, "start", found.start);
    setField(form, "end", found.end);
    setField(form, "quote", found.quote);
    form.elements.namedItem("end").dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  }

  function selectionChanged() {
    if (api.onSelect && api.onSelect()) { hideToolbar(); return; }
    if (!fillCorrection()) showToolbar();
  }

  // What static/js/suggest-edit.js (editing a suggestion before accepting) shares with this
  // bridge, so both read selections and words the same way. `onSelect`, when set, is offered
  // every selection first; returning true keeps the tag toolbar closed.
  const api = { currentSpan, textBetween, domPoint, words, onSelect: null };
  window.NewsroomText = api;

  document.addEventListener("mouseup", (e) => {
    if (toolbar && toolbar.contains(e.target)) return;
    noSnap = e.altKey;
    window.setTimeout(() => { if (!noSnap) showSnapped(); selectionChanged(); }, 0);
  });

  // --- Keyboard ----------------------------------------------------------------------------
  // A focused text works like caret browsing: arrows move a caret, Shift+arrows select
  // (Ctrl for whole words; Alt to keep a part of a word, unsnapped), then a tag's key saves.
  // Escape closes the toolbar.
  function placeCaret(root) {
    const sel = window.getSelection();
    if (sel.rangeCount && root.contains(sel.anchorNode)) return;
    const first = root.querySelector("[data-o]:not(.para)");
    if (first && first.firstChild) sel.collapse(first.firstChild, 0);
  }

  doc.addEventListener("focusin", (e) => {
    // Not for a mouse press: moving the selection under it would cancel the drag it starts.
    if (e.target.classList && e.target.classList.contains("annotatable") && e.target.matches(":focus-visible")) placeCaret(e.target);
  });

  const MOVES = {
    ArrowRight: ["forward", "character"], ArrowLeft: ["backward", "character"],
    ArrowDown: ["forward", "line"], ArrowUp: ["backward", "line"],
    Home: ["backward", "lineboundary"], End: ["forward", "lineboundary"],
  };

  document.addEventListener("keydown", (e) => {
    const inField = e.target.closest && e.target.closest("input, textarea, select, [contenteditable]");
    if (inField) return;
    const focusedText = e.target.classList && e.target.classList.contains("annotatable");
    if (focusedText && MOVES[e.key]) {
      const [direction, unit] = MOVES[e.key];
      const wordUnit = e.ctrlKey && unit === "character" ? "word" : unit;
      window.getSelection().modify(e.shiftKey ? "extend" : "move", direction, wordUnit);
      if (e.shiftKey) noSnap = e.altKey;
      e.preventDefault();
      if (e.shiftKey) selectionChanged(); else hideToolbar();
      return;
    }
    if (e.key === "Escape") { hideToolbar(); return; }
    if (suggestionKey(e)) return;
    if (e.ctrlKey || e.metaKey || e.altKey || !toolbar || toolbar.hidden || !span) return;
    const btn = toolbar.querySelector(`[data-shortcut="${CSS.escape(e.key.toLowerCase())}"]`);
    if (btn) { e.preventDefault(); applyTag(btn.dataset.tag); }
  });

  // --- Suggestions (issue 10) -----------------------------------------------------------------
  // On a focused suggestion (the item, or one of its buttons) `a` accepts and `x` rejects; the
  // tags' keys (c, s, u, q) only act on a selection, so neither clashes. Every suggestion action
  // answers with the lists re-rendered: focus then moves to the suggestion that followed.
  const SG_KEYS = { a: "accept", x: "reject" };
  let sgNext = null;

  function suggestionKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || !SG_KEYS[e.key]) return false;
    const item = e.target.closest && e.target.closest("li.sg-item");
    if (!item) return false;
    const btn = item.querySelector(`[data-sg-action="${SG_KEYS[e.key]}"]`);
    if (!btn) return false;
    e.preventDefault();
    btn.click();
    return true;
  }

  const sgMarks = (id) => doc.querySelectorAll(`[data-sg~="${CSS.escape(String(id))}"]`);

  document.addEventListener("click", (e) => {
    const btn = e.target.closest && e.target.closest("li.sg-item [data-sg-action]");
    if (!btn) return;
    const item = btn.closest("li.sg-item");
    const after = item.nextElementSibling && item.nextElementSibling.matches("li.sg-item")
      ? item.nextElementSibling : item.previousElementSibling;
    sgNext = { node: item, to: after && after.matches("li.sg-item") ? after.id : null };
  }, true);

  function focusNextSuggestion() {
    // Until the answer's lists are swapped in, the clicked item is still the one in the page.
    if (!sgNext || sgNext.node.isConnected) return;
    const list = document.getElementById("sg-list");
    const to = (sgNext.to && document.getElementById(sgNext.to)) || (list && list.querySelector("li.sg-item"));
    sgNext = null;
    if (to) { to.focus(); } else { const h = document.getElementById("sg-heading"); if (h) h.focus(); }
  }
  for (const name of ["htmx:after:swap", "htmx:after:request"]) {
    document.addEventListener(name, () => window.setTimeout(focusNextSuggestion, 0));
  }

  const sgList = document.getElementById("sg-list");
  if (sgList) {
    sgList.addEventListener("focusin", (e) => {
      const item = e.target.closest("li.sg-item");
      if (!item) return;
      const marks = sgMarks(item.dataset.sg);
      marks.forEach((m) => m.classList.add("sg-focus"));
      // Not on a click: at phone width the text is above the panel, and scrolling it into view
      // between mousedown and mouseup moved the button away from the pointer (no click).
      if (marks.length && e.target.matches(":focus-visible")) marks[0].scrollIntoView({ block: "nearest" });
    });
    sgList.addEventListener("focusout", (e) => {
      const item = e.target.closest("li.sg-item");
      if (item) sgMarks(item.dataset.sg).forEach((m) => m.classList.remove("sg-focus"));
    });
  }

  // --- Highlights: what covers a character, jumping from the panel, picking for links --------
  const marksOf = (id) => doc.querySelectorAll(`mark[data-ann~="${CSS.escape(String(id))}"]`);

  function describe(mark) {
    coverage.replaceChildren();
    const ids = mark.dataset.ann.split(" ");
    const heading = document.createElement("p");
    heading.textContent = ids.length === 1 ? "1 annotation here" : ids.length + " annotations here";
    coverage.append(heading);
    const list = document.createElement("ul");
    for (const id of ids) {
      const item = document.getElementById("ann-" + id);
      const li = document.createElement("li");
      const tag = item ? item.querySelector(".ann-head strong") : null;
      const quote = item ? item.querySelector(".quote") : null;
      li.textContent = (tag ? tag.textContent : "Annotation") + " " + (quote ? quote.textContent : "");
      list.append(li);
    }
    coverage.append(list);
    const rect = mark.getBoundingClientRect();
    coverage.style.top = window.scrollY + rect.bottom + 6 + "px";
    coverage.style.left = window.scrollX + rect.left + "px";
    coverage.hidden = false;
  }

  function emphasise(ids, on) {
    for (const id of ids) {
      marksOf(id).forEach((m) => m.classList.toggle("related", on));
      const item = document.getElementById("ann-" + id);
      if (item) item.classList.toggle("related", on);
    }
  }

  doc.addEventListener("mouseover", (e) => {
    const mark = e.target.closest("mark[data-ann]");
    if (!mark) return;
    describe(mark);
    emphasise(mark.dataset.ann.split(" "), true);
  });
  doc.addEventListener("mouseout", (e) => {
    const mark = e.target.closest("mark[data-ann]");
    if (!mark) return;
    coverage.hidden = true;
    emphasise(mark.dataset.ann.split(" "), false);
  });

  // Keyboard users: when the caret of a focused text sits in a highlight, show the same card.
  let caretMark = null;
  document.addEventListener("selectionchange", () => {
    const sel = window.getSelection();
    const node = sel && sel.rangeCount ? sel.focusNode : null;
    const el = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    const mark = el && document.activeElement && document.activeElement.classList.contains("annotatable")
      ? el.closest("mark[data-ann]") : null;
    if (mark === caretMark) return;
    if (caretMark) emphasise(caretMark.dataset.ann.split(" "), false);
    caretMark = mark;
    if (mark) { describe(mark); emphasise(mark.dataset.ann.split(" "), true); } else { coverage.hidden = true; }
  });

  const panel = document.getElementById("panel");
  panel.addEventListener("focusin", (e) => {
    const item = e.target.closest("li.ann[data-ann]");
    if (item) emphasise([item.dataset.ann], true);
  });
  panel.addEventListener("focusout", (e) => {
    const item = e.target.closest("li.ann[data-ann]");
    if (item) emphasise([item.dataset.ann], false);
  });

  panel.addEventListener("click", (e) => {
    const jump = e.target.closest("[data-jump]");
    if (!jump) return;
    const marks = marksOf(jump.dataset.jump);
    if (!marks.length) return;
    marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
    marks.forEach((m) => { m.classList.remove("flash"); void m.offsetWidth; m.classList.add("flash"); });
  });

  // While a link form is open, clicking a Source or Cue highlight fills the matching list.
  doc.addEventListener("click", (e) => {
    const form = panel.querySelector("[data-picking=link] form");
    const mark = e.target.closest("mark[data-ann]");
    if (!form || !mark || !window.getSelection().isCollapsed) return;
    for (const id of mark.dataset.ann.split(" ")) {
      for (const select of form.querySelectorAll("select")) {
        if (select.querySelector(`option[value="${CSS.escape(id)}"]`)) {
          select.value = id;
          select.classList.remove("picked"); void select.offsetWidth; select.classList.add("picked");
        }
      }
    }
  });
})();

// Moving through the panel with single keys, and the help overlay that lists every key
// (issue 10). Outside text fields only, and after the page's other keys: a tag's key on an open
// toolbar or `a`/`x` on a suggestion has already been handled (defaultPrevented) by then.
//   j / k  next / previous suggestion     n / p  next / previous annotation
//   l / L  next / previous claim with no source linked yet        ?  this help
(function () {
  "use strict";

  const doc = document.getElementById("doc");
  const panel = document.getElementById("panel");
  const help = document.getElementById("key-help");
  if (!doc || !panel) return;

  // Each kind of stop: the panel items, and what in an item takes focus.
  const STOPS = {
    suggestion: { items: "#sg-list li.sg-item", focus: (li) => li, marks: (li) => `[data-sg~="${CSS.escape(li.dataset.sg)}"]` },
    annotation: { items: "#ann-list li.ann[data-ann]", focus: (li) => li.querySelector("button.quote"), marks: (li) => `mark[data-ann~="${CSS.escape(li.dataset.ann)}"]` },
    unlinked: {
      items: "#ann-list li.ann[data-role=claim]:not(:has(ul.links))", focus: (li) => li.querySelector("button.quote"),
      marks: (li) => `mark[data-ann~="${CSS.escape(li.dataset.ann)}"]`,
    },
  };
  const KEYS = {
    j: ["suggestion", 1], k: ["suggestion", -1], n: ["annotation", 1], p: ["annotation", -1],
    l: ["unlinked", 1], L: ["unlinked", -1],
  };

  function step(kind, dir) {
    const stop = STOPS[kind];
    const items = Array.from(panel.querySelectorAll(stop.items)).filter((li) => stop.focus(li));
    if (!items.length) return;
    const at = items.findIndex((li) => li.contains(document.activeElement));
    const next = items[at < 0 ? (dir > 0 ? 0 : items.length - 1) : Math.max(0, Math.min(items.length - 1, at + dir))];
    stop.focus(next).focus({ preventScroll: true });
    next.scrollIntoView({ block: "nearest" });
    const mark = doc.querySelector(stop.marks(next));
    if (mark) mark.scrollIntoView({ block: "nearest" });
  }

  let returnTo = null;
  function openHelp() {
    if (!help || help.open) return;
    returnTo = document.activeElement;
    help.showModal();
  }
  if (help) {
    help.addEventListener("close", () => {
      if (returnTo && returnTo.isConnected && returnTo !== document.body) returnTo.focus({ preventScroll: true });
      returnTo = null;
    });
  }
  document.addEventListener("click", (e) => {
    if (e.target.closest && e.target.closest("[data-action=key-help]")) openHelp();
  });

  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || (help && help.open)) return;
    if (e.target.closest && e.target.closest("input, textarea, select, [contenteditable], dialog")) return;
    if (e.key === "?") { e.preventDefault(); openHelp(); return; }
    const move = KEYS[e.key];
    if (!move) return;
    e.preventDefault();
    step(...move);
  });
})();
