// Editing a suggestion before accepting it (issue 10): `e` on a focused suggestion (or its Edit
// button) lists its parts (source(s), cue, claim part(s)) and marks them in the text; one part
// is current. Keys, while editing:
//   Tab / Shift+Tab, ↓ / ↑      the next / previous part becomes current
//   Shift+→ / Shift+←           the current part's end takes in / gives up a word
//   Alt+Shift+← / Alt+Shift+→   its start takes in / gives up a word
//   select words in the text (mouse, or Shift+arrows in a focused text), then the role's tag
//   key (s, u, c) or "Use selection"     that part becomes the selection
//   Delete                      remove the current part (a source: the source becomes implicit)
//   Enter or a                  accept the edited attribution;   Escape  cancel, nothing saved
// Words are the page's own (window.NewsroomText.words, the notion annotate.js snaps to).
// The server checks every edited span against its text (suggestions.services.check_edited).
(function () {
  "use strict";

  const text = window.NewsroomText;
  const list = document.getElementById("sg-list");
  if (!text || !list) return;

  const LABEL = { source: "Source", cue: "Cue", claim: "Claim" };
  // The tag key of each role: the toolbar's first tag of the role (the one accepting uses);
  // the seeded keys when the page has no toolbar.
  let roleKeys = {};
  for (const btn of document.querySelectorAll("#tag-toolbar [data-role][data-shortcut]")) {
    const role = btn.dataset.role;
    if (LABEL[role] && !Object.values(roleKeys).includes(role)) roleKeys[btn.dataset.shortcut] = role;
  }
  if (Object.keys(roleKeys).length < 3) roleKeys = { s: "source", u: "cue", c: "claim" };
  const keyOf = (role) => Object.keys(roleKeys).find((k) => roleKeys[k] === role) || "";
  const HAS_HIGHLIGHTS = typeof Highlight === "function" && CSS.highlights;

  let edit = null; // {item, root, parts: [{role, start, end}], current, box, chars, inWord}

  // --- Words ------------------------------------------------------------------------------------
  const isSpace = (ch) => /\s/u.test(ch || "");

  // Move one boundary of [start, end) by a word. A word taken in comes with the punctuation
  // that sticks to it ("reopen." or the opening quote); a part never loses its last word.
  function moved(part, which, grow) {
    const { chars, inWord } = edit;
    const n = chars.length;
    let { start, end } = part;
    if (which === "end" && grow) {
      let i = end;
      while (i < n && !inWord(i)) i++;
      if (i >= n) return null;
      while (i < n && inWord(i)) i++;
      while (i < n && !isSpace(chars[i]) && !inWord(i)) i++;
      end = i;
    } else if (which === "end") {
      let i = end;
      while (i > start && !inWord(i - 1)) i--;
      while (i > start && inWord(i - 1)) i--;
      while (i > start && !inWord(i - 1)) i--;
      if (i <= start) return null;
      end = i;
    } else if (grow) {
      let i = start;
      while (i > 0 && !inWord(i - 1)) i--;
      if (i <= 0 && !inWord(0)) return null;
      while (i > 0 && inWord(i - 1)) i--;
      while (i > 0 && !isSpace(chars[i - 1]) && !inWord(i - 1)) i--;
      start = i;
    } else {
      let i = start;
      while (i < end && !inWord(i)) i++;
      while (i < end && inWord(i)) i++;
      while (i < end && !inWord(i)) i++;
      if (i >= end) return null;
      start = i;
    }
    return start === part.start && end === part.end ? null : { start, end };
  }

  const quoteOf = (p) => edit.chars.slice(p.start, p.end).join("");

  // --- Showing ----------------------------------------------------------------------------------
  function rangeOf(p) {
    const from = text.domPoint(edit.root, p.start, false), to = text.domPoint(edit.root, p.end, true);
    if (!from || !to || !from[0] || !to[0]) return null;
    const r = new Range();
    r.setStart(...from);
    r.setEnd(...to);
    return r;
  }

  function mark() {
    if (!HAS_HIGHLIGHTS) return;
    clearMarks();
    const sets = { source: [], cue: [], claim: [] };
    edit.parts.forEach((p) => { const r = rangeOf(p); if (r) sets[p.role].push(r); });
    for (const role of Object.keys(sets)) CSS.highlights.set("sg-edit-" + role, new Highlight(...sets[role]));
    const current = rangeOf(edit.parts[edit.current]);
    if (current) CSS.highlights.set("sg-edit-current", new Highlight(current));
  }

  function clearMarks() {
    if (!HAS_HIGHLIGHTS) return;
    for (const name of ["source", "cue", "claim", "current"]) CSS.highlights.delete("sg-edit-" + name);
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  }

  function removable(p) {
    if (p.role === "cue") return false;
    return p.role === "source" || edit.parts.filter((q) => q.role === "claim").length > 1;
  }

  function draw(focus) {
    const ol = edit.box.querySelector(".sg-parts");
    ol.replaceChildren();
    edit.parts.forEach((p, i) => {
      const current = i === edit.current;
      const li = el("li", {
        class: "sg-part sg-part-" + p.role + (current ? " current" : ""), tabindex: "0", "data-i": String(i),
        "aria-label": `${LABEL[p.role]}: ${quoteOf(p)}${current ? " (current part)" : ""}`,
      }, el("span", { class: "sg-part-role", text: LABEL[p.role] }), " ", el("q", { text: quoteOf(p) }));
      if (current) {
        li.setAttribute("aria-current", "true");
        const tools = el("span", { class: "sg-part-tools" });
        // Out of the Tab order (Tab goes part to part): each has its key, said in its name.
        const btn = (label, action, keys, name) => el("button", {
          type: "button", "data-edit": action, tabindex: "-1", "aria-keyshortcuts": keys, "aria-label": name,
        }, label);
        const role = LABEL[p.role].toLowerCase();
        tools.append(
          btn("◂ start", "start-grow", "Alt+Shift+ArrowLeft", "Start: take in the word before (Alt+Shift+Left)"),
          btn("start ▸", "start-shrink", "Alt+Shift+ArrowRight", "Start: give up the first word (Alt+Shift+Right)"),
          btn("◂ end", "end-shrink", "Shift+ArrowLeft", "End: give up the last word (Shift+Left)"),
          btn("end ▸", "end-grow", "Shift+ArrowRight", "End: take in the next word (Shift+Right)"),
          btn("Use selection", "use", keyOf(p.role), `Use selection as the ${role} (${keyOf(p.role)})`),
        );
        if (removable(p)) tools.append(btn("Remove", "remove", "Delete", `Remove this ${role} (Delete)`));
        li.append(" ", tools);
      }
      ol.append(li);
    });
    if (!edit.parts.some((p) => p.role === "source")) {
      ol.prepend(el("li", { class: "sg-part sg-part-none" }, el("span", { class: "sg-part-role", text: "Source" }), " implicit (none in the text)"));
    }
    mark();
    if (focus) ol.querySelector(".sg-part.current").focus({ preventScroll: false });
  }

  function say(message, level) {
    const out = edit && edit.box.querySelector(".sg-edit-msg");
    if (!out) return;
    out.className = "sg-edit-msg" + (level ? " " + level : "");
    out.textContent = message;
  }

  // --- Opening, closing, accepting --------------------------------------------------------------
  function open(item) {
    if (edit) close(edit.item === item);
    if (!item.dataset.parts) return;
    const data = JSON.parse(item.dataset.parts);
    const root = document.getElementById(data.target === "caption" ? "t-caption-" + data.caption : "t-" + data.target);
    if (!root) return;
    const parts = [
      ...data.source.map(([start, end]) => ({ role: "source", start, end })),
      { role: "cue", start: data.cue[0], end: data.cue[1] },
      ...data.content.map(([start, end]) => ({ role: "claim", start, end })),
    ];
    const accept = item.querySelector('[data-sg-action="accept"]');
    const pk = item.dataset.sg;
    const form = el("form", {
      class: "sg-edit", "aria-label": "Edit the suggestion before accepting it",
      "hx-post": accept.getAttribute("hx-post"), "hx-target": "#sg-" + pk, "hx-swap": "delete",
      "hx-include": "#sg-revision", "hx-status:422": "target:#sg-edit-msg-" + pk + " swap:innerHTML",
      "hx-disable": "find button",
    });
    form.append(
      el("p", { class: "hint", id: "sg-edit-help-" + pk, text:
        `Tab or ↓/↑ picks a part. Shift+→/← moves its end by a word, Alt+Shift+←/→ its start. ` +
        `Select words in the text and press ${keyOf("source")}, ${keyOf("cue")} or ${keyOf("claim")} (or Use selection) to replace a part; ` +
        `Delete removes it. Enter accepts, Escape cancels.` }),
      el("ol", { class: "sg-parts", "aria-describedby": "sg-edit-help-" + pk }),
      el("div", { class: "sg-edit-msg", id: "sg-edit-msg-" + pk, role: "status", "aria-live": "polite" }),
      el("input", { type: "hidden", name: "spans" }),
      el("div", { class: "actions" },
        el("button", { type: "submit", class: "primary", "data-sg-action": "accept-edited", "aria-keyshortcuts": "Enter a" }, "Accept edited ", el("kbd", { text: "Enter" })),
        el("button", { type: "button", "data-edit": "cancel", "aria-keyshortcuts": "Escape" }, "Cancel ", el("kbd", { text: "Esc" }))),
    );
    item.append(form);
    item.classList.add("editing");
    const { chars, inWord } = text.words(root);
    edit = { item, root, parts, current: Math.max(0, parts.findIndex((p) => p.role === "claim")), box: form, chars, inWord };
    if (window.htmx) window.htmx.process(form);
    text.onSelect = selectionOffered;
    draw(true);
  }

  function close(refocus) {
    if (!edit) return;
    const { item, box } = edit;
    clearMarks();
    box.remove();
    item.classList.remove("editing");
    text.onSelect = null;
    edit = null;
    if (refocus && item.isConnected) item.focus();
  }

  // What the form posts: every part's offsets and the words this page shows there.
  function fillSpans() {
    const spans = (role) => edit.parts.filter((p) => p.role === role).map((p) => [p.start, p.end, quoteOf(p)]);
    const [cue] = spans("cue");
    edit.box.elements.namedItem("spans").value = JSON.stringify({ source: spans("source"), cue, content: spans("claim") });
  }

  // A click (not requestSubmit) so the page moves the focus on as after any accept.
  function acceptEdited() { edit.box.querySelector('[data-sg-action="accept-edited"]').click(); }

  // --- Changing parts ---------------------------------------------------------------------------
  function overlaps(i, start, end) {
    return edit.parts.find((q, j) => j !== i && q.start < end && start < q.end);
  }

  function setPart(i, span) {
    const other = overlaps(i, span.start, span.end);
    if (other) { say(`That would overlap the ${LABEL[other.role].toLowerCase()} “${quoteOf(other)}”.`, "error"); return false; }
    Object.assign(edit.parts[i], { start: span.start, end: span.end });
    say(`${LABEL[edit.parts[i].role]}: “${quoteOf(edit.parts[i])}”`);
    return true;
  }

  function step(which, grow) {
    const span = moved(edit.parts[edit.current], which, grow);
    if (!span) { say(grow ? "No word to take in there." : "A part keeps at least one word: remove it instead.", "error"); return; }
    if (setPart(edit.current, span)) draw(edit.box.contains(document.activeElement));
  }

  function remove() {
    const p = edit.parts[edit.current];
    if (!removable(p)) { say(p.role === "cue" ? "An attribution needs its cue." : "An attribution needs a claim.", "error"); return; }
    edit.parts.splice(edit.current, 1);
    edit.current = Math.min(edit.current, edit.parts.length - 1);
    say(p.role === "source" && !edit.parts.some((q) => q.role === "source") ? "Source removed: it will be implicit." : `${LABEL[p.role]} removed.`);
    draw(true);
  }

  // The selection in the text replaces the current part, or the first part of `role` (a new
  // source or claim part when there is none of that role... a cue is always there).
  function useSelection(role) {
    const found = text.currentSpan();
    if (!found) { say("Select words in the text first.", "error"); return; }
    if (found.error) { say(found.error, "error"); return; }
    if (found.root !== edit.root) { say("Select words in the same text as the suggestion.", "error"); return; }
    role = role || edit.parts[edit.current].role;
    let i = edit.parts[edit.current].role === role ? edit.current : edit.parts.findIndex((p) => p.role === role);
    if (i < 0) {
      edit.parts.splice(role === "source" ? 0 : edit.parts.length, 0, { role, start: found.start, end: found.start });
      i = role === "source" ? 0 : edit.parts.length - 1;
    }
    if (!setPart(i, found)) { if (edit.parts[i].start === edit.parts[i].end) edit.parts.splice(i, 1); return; }
    edit.current = i;
    window.getSelection().removeAllRanges();
    draw(true);
  }

  function selectionOffered() {
    if (!edit) return false;
    const found = text.currentSpan();
    if (found && !found.error && found.root === edit.root) {
      say(`Selected “${found.quote.slice(0, 60)}”: press ${keyOf("source")}, ${keyOf("cue")} or ${keyOf("claim")} to make it that part.`);
    }
    return true;
  }

  // --- Events -----------------------------------------------------------------------------------
  document.addEventListener("click", (e) => {
    const btn = e.target.closest && e.target.closest("button");
    if (!btn) return;
    if (btn.matches('li.sg-item [data-sg-action="edit"]')) { open(btn.closest("li.sg-item")); return; }
    if (edit && btn.matches('[data-sg-action="accept-edited"]') && edit.box.contains(btn)) { fillSpans(); return; }
    if (!edit || !edit.box.contains(btn) || !btn.dataset.edit) return;
    const action = btn.dataset.edit;
    if (action === "cancel") close(true);
    else if (action === "remove") remove();
    else if (action === "use") useSelection(null);
    else step(action.split("-")[0], action.endsWith("grow"));
  });

  list.addEventListener("focusin", (e) => {
    const li = edit && e.target.closest(".sg-part[data-i]");
    if (!li || Number(li.dataset.i) === edit.current) return;
    edit.current = Number(li.dataset.i);
    draw(true);
  });

  document.addEventListener("htmx:after:request", (e) => {
    if (edit && !edit.item.isConnected) close(false);
    const ctx = e.detail && e.detail.ctx;
    if (edit && ctx && ctx.response && ctx.response.status === 422) say(edit.box.querySelector(".sg-edit-msg").textContent, "error");
  });
  document.addEventListener("htmx:after:swap", () => { if (edit && !edit.item.isConnected) close(false); });

  // Ahead of the page's other keys (annotate.js): while editing, its keys are these.
  window.addEventListener("keydown", (e) => {
    const inField = e.target.closest && e.target.closest("input, textarea, select, [contenteditable], dialog");
    if (inField) return;
    if (!edit) {
      const item = e.key === "e" && !e.ctrlKey && !e.metaKey && !e.altKey && e.target.closest && e.target.closest("li.sg-item");
      if (item && item.querySelector('[data-sg-action="edit"]')) { e.preventDefault(); e.stopPropagation(); open(item); }
      return;
    }
    if (e.ctrlKey || e.metaKey) return;
    const inBox = edit.box.contains(e.target);
    const handled = () => { e.preventDefault(); e.stopPropagation(); };
    if (e.key === "Escape") { handled(); close(true); return; }
    if (inBox && e.shiftKey && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
      handled();
      const right = e.key === "ArrowRight";
      if (e.altKey) step("start", !right); else step("end", right);
      return;
    }
    if (e.altKey) return;
    if (inBox && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      handled();
      edit.current = Math.max(0, Math.min(edit.parts.length - 1, edit.current + (e.key === "ArrowDown" ? 1 : -1)));
      draw(true);
      return;
    }
    if (inBox && (e.key === "Delete" || e.key === "Backspace")) { handled(); remove(); return; }
    if (e.key === "Enter" && !(e.target.closest("button"))) { handled(); acceptEdited(); return; }
    const sel = window.getSelection();
    if (roleKeys[e.key] && sel && !sel.isCollapsed) { handled(); useSelection(roleKeys[e.key]); return; }
    if (e.key === "a") { handled(); acceptEdited(); return; }
    // The other single keys (j/k, x, the tag keys) would act outside the edit: not while it is open.
    if (e.key.length === 1 && e.key !== "?") handled();
  }, true);
})();
