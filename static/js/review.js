// The review page's keys and bulk selection, and the correction form's select-in-context
// control (review page and article page).
//
// Offsets are Unicode code points into the server's canonical text (docs/offsets.md): the
// context block renders each text node alone in an element whose data-o is its first
// character's offset, as the article's text is; a selection in it (mouse drag, or Shift+arrows
// with the block focused) is mapped back through them, and the quote rebuilt from the same
// nodes goes with the offsets so the server can check it against its own text.
(function () {
  "use strict";

  const cpLen = (s) => { let n = 0; for (const _ of s) n++; return n; };

  // --- Context block: selection ↔ offsets -----------------------------------------------------
  function chunks(root) {
    return Array.from(root.querySelectorAll("[data-o]"), (el) => ({
      el, start: Number(el.dataset.o), text: el.textContent,
    }));
  }

  function bounds(root) {
    const all = chunks(root);
    if (!all.length) return [0, 0];
    const last = all[all.length - 1];
    return [all[0].start, last.start + cpLen(last.text)];
  }

  function offsetOf(root, node, offset, isEnd) {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : null;
    if (el && el.matches("[data-o]") && root.contains(el)) {
      return Number(el.dataset.o) + cpLen(node.data.slice(0, offset));
    }
    // Between elements: snap to the nearest text.
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
    let out = "";
    for (const c of chunks(root)) {
      const cps = Array.from(c.text);
      const cEnd = c.start + cps.length;
      if (cEnd <= start || c.start >= end) continue;
      out += cps.slice(Math.max(start, c.start) - c.start, Math.min(end, cEnd) - c.start).join("");
    }
    return out;
  }

  function domPoint(root, offset) {
    const all = chunks(root);
    for (const c of all) {
      const n = cpLen(c.text);
      if (offset <= c.start + n) {
        const units = Array.from(c.text).slice(0, Math.max(0, offset - c.start)).join("").length;
        return [c.el.firstChild || c.el, units];
      }
    }
    const last = all[all.length - 1];
    return [last.el.firstChild || last.el, last.text.length];
  }

  const picks = new WeakMap(); // block → {anchor, focus}

  function fill(block, anchor, focus) {
    const form = block.closest("form.correct-form");
    if (!form) return;
    const start = Math.min(anchor, focus), end = Math.max(anchor, focus);
    picks.set(block, { anchor, focus });
    if (start === end) return;
    form.elements.namedItem("start").value = start;
    form.elements.namedItem("end").value = end;
    form.elements.namedItem("quote").value = textBetween(block, start, end);
    preview(form);
  }

  function show(block, anchor, focus) {
    const [an, ao] = domPoint(block, anchor);
    const [fn, fo] = domPoint(block, focus);
    window.getSelection().setBaseAndExtent(an, ao, fn, fo);
  }

  // A mouse selection is tidied as on the article's text (annotate.js): spaces at either end
  // left out, a boundary inside a word moved to its edge unless Alt is held.
  const WORD = /[\p{L}\p{N}\p{M}]/u;
  function tidy(block, start, end, exact) {
    const [lo, hi] = bounds(block);
    const chars = Array.from(textBetween(block, lo, hi));
    const at = (i) => chars[i - lo];
    while (start < end && /\s/u.test(at(start) || "")) start++;
    while (end > start && /\s/u.test(at(end - 1) || "")) end--;
    if (!exact) {
      const letter = (i) => i >= lo && i < hi && WORD.test(at(i) || "");
      if (letter(start) && letter(start - 1)) while (letter(start - 1)) start--;
      if (letter(end - 1) && letter(end)) while (letter(end)) end++;
    }
    return [start, end];
  }

  function fromSelection(block, exact) {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return;
    if (!block.contains(sel.anchorNode) || !block.contains(sel.focusNode)) return;
    const a = offsetOf(block, sel.anchorNode, sel.anchorOffset, false);
    const f = offsetOf(block, sel.focusNode, sel.focusOffset, true);
    const [start, end] = tidy(block, Math.min(a, f), Math.max(a, f), exact);
    if (start >= end) return;
    show(block, start, end);
    fill(block, start, end);
  }

  function current(block) {
    const known = picks.get(block);
    if (known) return known;
    const form = block.closest("form.correct-form");
    const [lo, hi] = bounds(block);
    const start = Number(form && form.elements.namedItem("start").value);
    const end = Number(form && form.elements.namedItem("end").value);
    if (Number.isInteger(start) && Number.isInteger(end) && lo <= start && start < end && end <= hi) {
      return { anchor: start, focus: end };
    }
    return { anchor: lo, focus: lo };
  }

  function wordStep(block, from, dir) {
    const [lo, hi] = bounds(block);
    const text = Array.from(textBetween(block, lo, hi));
    let i = from - lo;
    const isWord = (ch) => ch !== undefined && /[\p{L}\p{N}'’-]/u.test(ch);
    if (dir > 0) {
      while (i < text.length && !isWord(text[i])) i++;
      while (i < text.length && isWord(text[i])) i++;
    } else {
      while (i > 0 && !isWord(text[i - 1])) i--;
      while (i > 0 && isWord(text[i - 1])) i--;
    }
    return lo + i;
  }

  document.addEventListener("mouseup", (e) => {
    const block = e.target.closest && e.target.closest(".cx-pick");
    if (block) window.setTimeout(() => fromSelection(block, e.altKey), 0);
  });

  document.addEventListener("keydown", (e) => {
    const block = e.target.closest && e.target.closest(".cx-pick");
    if (!block || !["ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) return;
    e.preventDefault();
    e.stopPropagation();
    const [lo, hi] = bounds(block);
    let { anchor, focus } = current(block);
    const dir = e.key === "ArrowRight" || e.key === "End" ? 1 : -1;
    let next;
    if (e.key === "Home") next = lo;
    else if (e.key === "End") next = hi;
    else if (e.ctrlKey || e.altKey || e.metaKey) next = wordStep(block, focus, dir);
    else next = focus + dir;
    next = Math.max(lo, Math.min(hi, next));
    if (e.shiftKey) focus = next;
    else anchor = focus = next;
    picks.set(block, { anchor, focus });
    if (anchor === focus) {
      const [n, o] = domPoint(block, focus);
      window.getSelection().collapse(n, o);
    } else {
      show(block, anchor, focus);
      fill(block, anchor, focus);
    }
  }, true);

  document.addEventListener("focusin", (e) => {
    const block = e.target.closest && e.target.closest(".cx-pick");
    if (!block || picks.has(block)) return;
    const { anchor, focus } = current(block);
    if (anchor !== focus) show(block, anchor, focus);
  });

  // The words the offsets cut out of the annotation's text, as the server will (code points).
  function preview(form) {
    const out = form.querySelector(".preview-text");
    if (!out) return;
    const chars = Array.from(form.dataset.text || "");
    const start = Number(form.elements.namedItem("start").value);
    const end = Number(form.elements.namedItem("end").value);
    const ok = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= chars.length;
    out.textContent = ok ? chars.slice(start, end).join("") : "";
  }

  // A selection in the article's own text (annotate.js) fills the same fields.
  document.addEventListener("input", (e) => {
    const form = e.target.closest && e.target.closest("form.correct-form");
    if (form && (e.target.name === "start" || e.target.name === "end")) preview(form);
  });

  // --- The review page: rows, keys, selecting many ---------------------------------------------
  const list = () => document.querySelector("#review-rows .rv-list");
  if (!document.getElementById("review-rows")) return;

  const cards = () => Array.from(document.querySelectorAll("#review-rows .rv-card"));
  let lastKey = null;
  document.addEventListener("DOMContentLoaded", () => syncAll());
  if (document.readyState !== "loading") syncAll();

  function focusCard(card) {
    if (!card) return;
    card.focus();
    lastKey = card.dataset.row;
  }

  function syncAll() {
    const all = document.getElementById("pick-all");
    if (!all) return;
    all.closest(".pick-all-line").hidden = false; // a script's control: hidden without one
    const boxes = Array.from(document.querySelectorAll("#review-rows .pick"));
    const on = boxes.filter((b) => b.checked).length;
    all.checked = boxes.length > 0 && on === boxes.length;
    all.indeterminate = on > 0 && on < boxes.length;
  }

  document.addEventListener("change", (e) => {
    if (e.target.id === "pick-all") {
      for (const b of document.querySelectorAll("#review-rows .pick")) b.checked = e.target.checked;
    }
    if (e.target.classList && e.target.classList.contains("pick")) syncAll();
  });

  function typing(el) {
    return el.closest("input, textarea, select, [contenteditable], .cx-pick, form.correct-form");
  }

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !list()) return;
    const here = e.target.closest && e.target.closest(".rv-card");
    if (typing(e.target)) {
      if (e.key === "Escape" && here) { // leave a reason box or a control for the row itself
        const open = here.querySelector("details[open]");
        if (open) open.open = false;
        focusCard(here);
      }
      return;
    }
    const all = cards();
    // Focus not on a row (a swap just replaced it): count from the row the reviewer was on.
    const last = !here && lastKey ? document.getElementById("row-" + lastKey) : null;
    const i = here ? all.indexOf(here) : last ? all.indexOf(last) : -1;
    if (e.key === "j" || e.key === "k") {
      e.preventDefault();
      const next = e.key === "j" ? all[Math.min(all.length - 1, i + 1)] : all[Math.max(0, i - 1)];
      focusCard(next || all[0]);
    } else if (here && e.key === "a") {
      const button = here.querySelector("button.accept");
      if (button) { e.preventDefault(); lastKey = here.dataset.row; button.click(); }
    } else if (here && e.key === "x") {
      const details = here.querySelector("details.rv-reject");
      if (details) {
        e.preventDefault();
        details.open = true;
        details.querySelector("textarea").focus();
      }
    } else if (here && e.key === " " && e.target === here) {
      const box = here.querySelector(".pick");
      if (box) { e.preventDefault(); box.checked = !box.checked; syncAll(); }
    }
  });

  // After the rows are swapped (a review), keep the reviewer's place: the same row, or the
  // one now in its place.
  document.addEventListener("submit", (e) => {
    const here = document.activeElement && document.activeElement.closest(".rv-card");
    if (here) lastKey = here.dataset.row;
    if (e.submitter && e.submitter.name === "one") lastKey = e.submitter.value.split(" ")[1];
  }, true);
  let lastIndex = -1;
  document.addEventListener("click", (e) => {
    const here = e.target.closest && e.target.closest(".rv-card");
    if (here) { lastKey = here.dataset.row; lastIndex = cards().indexOf(here); }
  }, true);
  document.addEventListener("focusin", (e) => {
    const here = e.target.closest && e.target.closest(".rv-card");
    if (here) { lastKey = here.dataset.row; lastIndex = cards().indexOf(here); }
  });
  document.addEventListener("htmx:after:swap", () => {
    syncAll();
    if (!lastKey || document.activeElement && document.activeElement !== document.body &&
        document.getElementById("review-rows").contains(document.activeElement)) return;
    const again = document.getElementById("row-" + lastKey);
    const all = cards();
    focusCard(again || all[Math.min(lastIndex, all.length - 1)]);
  });
})();
