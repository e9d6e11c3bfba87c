// The one-flow attribution and the keyboard-all-day helpers of the article page (issue 10,
// deliverables 2 and 4). docs/attribution-flow.md is the user's guide.
//
// One attribution without a form: the first Claim or Source tagged starts it; every later
// Claim, Source or Cue (a new selection, or an existing highlight picked with its key or a
// click) is sent with the pieces marked so far and saved already linked (the server's
// spans.create / spans.attribute, one transaction each). A cue marked before there is both a
// claim and a source waits here and goes with the step that completes the pair. With all three
// the attribution is done; Escape (or Finish) ends it earlier. While it lasts, a mouse
// selection is saved at once as the bar's "Next selection" (one drag instead of drag + click).
//
// Keyboard: a drawn caret in the focused text (browsers draw none outside editable text), the
// page scrolled to keep the caret, the selection and the toolbar in view, ] / [ for the next /
// previous paragraph, r to resolve a source, focus into an opened form's first field and back
// where the editor was after a save or a closed form, one Link form open at a time.
(function () {
  "use strict";

  const N = window.Newsroom;
  const doc = document.getElementById("doc");
  const panel = document.getElementById("panel");
  const toolbar = document.getElementById("tag-toolbar");
  const bar = document.getElementById("flow-bar");
  const pickForm = document.getElementById("flow-pick");
  if (!N || !doc || !panel) return;

  const ROLES = ["claim", "source", "cue"];
  const LABEL = { claim: "Claim", source: "Source", cue: "Cue" };
  const inField = (el) => el && el.closest && el.closest("input, textarea, select, [contenteditable], dialog");
  const clip = (s, n = 50) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
  const setField = (form, name, value) => { form.elements.namedItem(name).value = value ?? ""; };

  // --- Tags and roles ------------------------------------------------------------------------
  const tagButtons = toolbar ? Array.from(toolbar.querySelectorAll("button[data-tag]")) : [];
  const roleOfTag = (id) => { const b = tagButtons.find((x) => x.dataset.tag === String(id)); return b ? b.dataset.role : null; };
  const tagOfRole = (role) => { const b = tagButtons.find((x) => x.dataset.role === role); return b ? b.dataset.tag : null; };
  const keyOfRole = (role) => { const b = tagButtons.find((x) => x.dataset.role === role); return b ? b.dataset.shortcut : ""; };
  const roleOfKey = (key) => { const b = tagButtons.find((x) => x.dataset.shortcut === key.toLowerCase()); return b ? b.dataset.role : null; };
  const roleOfSpan = (id) => { const li = document.getElementById("ann-" + id); return li ? li.dataset.role : null; };
  const quoteOfSpan = (id) => {
    const b = document.querySelector(`#ann-${CSS.escape(String(id))} button.quote`);
    return b ? b.textContent.replace(/^“|”$/g, "") : "";
  };

  // --- The attribution in progress -------------------------------------------------------------
  // flow: {claim, source, cue: {id, quote} | null, attribution: id | null, next: role}
  let flow = null;
  let lastSource = null; // the source of the last attribution: what `r` resolves

  function nextRole() {
    if (!flow) return null;
    if (flow.next && !flow[flow.next]) return flow.next;
    const order = flow.started === "source" ? ["claim", "cue"] : ["source", "cue"];
    return order.find((r) => !flow[r]) || null;
  }

  function render() {
    if (!bar) return;
    bar.hidden = !flow;
    document.body.classList.toggle("flowing", Boolean(flow));
    if (!flow) return;
    const parts = ROLES.filter((r) => flow[r]).map((r) => `${LABEL[r]} “${clip(flow[r].quote, 40)}”`);
    const want = ROLES.filter((r) => !flow[r]);
    const next = nextRole();
    const ordered = next ? [next, ...want.filter((r) => r !== next)] : want;
    const todo = ordered.map((r, i) => `${i ? "then " : "now select "}the ${r} (${keyOfRole(r)})`).join(", ");
    bar.querySelector(".flow-text").textContent = parts.join(" — ") + (todo ? ` — ${todo}; Esc to finish.` : "");
    for (const b of bar.querySelectorAll("[data-flow-next]")) {
      const role = b.dataset.flowNext;
      b.hidden = Boolean(flow[role]);
      b.setAttribute("aria-pressed", String(role === next));
    }
  }

  function start(role, piece) {
    flow = { claim: null, source: null, cue: null, attribution: null, started: role, next: null };
    flow[role] = piece;
    render();
  }

  function end(message) {
    if (!flow) return;
    if (flow.source) lastSource = flow.source.id;
    flow = null;
    render();
    if (message) N.say(message, "ok");
  }

  function fillFlowFields(form) {
    for (const r of ROLES) setField(form, "flow_" + r, flow && flow[r] ? flow[r].id : "");
    setField(form, "flow_attribution", flow ? flow.attribution : "");
  }

  // A step's answer: the status line carries the span's id and role and, once linked, the
  // attribution's id (annotations/article.html#created).
  function took(joined, pointer) {
    const msg = document.querySelector("#status .msg[data-saved]");
    if (!msg) return;
    const id = msg.dataset.saved, role = msg.dataset.role;
    if (!ROLES.includes(role)) return;
    const piece = { id, quote: quoteOfSpan(id) || (N.lastQuote || "") };
    if (joined && flow) {
      flow[role] = piece;
      if (msg.dataset.attribution) flow.attribution = msg.dataset.attribution;
      flow.next = null;
      flow.mouse = Boolean(pointer);
      if (flow.claim && flow.source && flow.cue && flow.attribution) {
        end(msg.textContent.trim() + ". Press r to resolve the source.");
        return;
      }
      render();
    } else if (role !== "cue") {
      start(role, piece);
      flow.mouse = Boolean(pointer);
      render();
    }
  }

  // A new selection tagged: send the attribution in progress with it when its role has a free
  // place there; a second claim or source ends the flow and starts the next one.
  let sent = null;
  let byPointer = false; // this save comes from a click or a mouse selection, not a key
  if (toolbar) toolbar.addEventListener("click", (e) => { if (e.detail > 0) byPointer = true; }, true);
  document.addEventListener("submit", (e) => {
    if (e.target !== toolbar) return;
    const role = roleOfTag(toolbar.elements.namedItem("tag").value);
    const joins = Boolean(flow && ROLES.includes(role) && !flow[role]);
    if (flow && ROLES.includes(role) && !joins) end();
    if (joins) fillFlowFields(toolbar);
    else for (const n of ["flow_claim", "flow_source", "flow_cue", "flow_attribution"]) setField(toolbar, n, "");
    const sel = N.selected();
    N.lastQuote = sel ? sel.quote : "";
    sent = { joins, root: sel && sel.root, end: sel && sel.end, byPointer };
    byPointer = false;
  }, true);

  let unsent = null; // a step whose save failed: annotate.js's Retry form re-sends it whole
  if (toolbar) {
    toolbar.addEventListener("htmx:finally:request", (e) => {
      const ctx = e.detail.ctx;
      const ok = ctx && ctx.response && ctx.response.status < 300;
      const step = sent;
      sent = null;
      if (!step) return;
      if (!ok) { unsent = step; return; }
      unsent = null;
      took(step.joins, step.byPointer);
      // Back where the editor was: the caret just after the saved words.
      if (step.root) window.setTimeout(() => caretAt(step.root, step.end), 0);
    });
  }
  const retryForm = document.getElementById("retry-form");
  if (retryForm) {
    retryForm.addEventListener("htmx:finally:request", (e) => {
      const ctx = e.detail.ctx;
      if (!(ctx && ctx.response && ctx.response.status < 300) || !unsent) return;
      const step = unsent;
      unsent = null;
      took(step.joins, false);
    });
  }

  // An existing highlight added to the attribution in progress (its key with the caret in it,
  // or a click): no new span, a link-only request.
  let pickPointer = false;
  function pick(id, role, pointer) {
    if (!flow) {
      if (role === "claim" || role === "source") { start(role, { id, quote: quoteOfSpan(id) }); flow.mouse = pointer; }
      return;
    }
    flow.mouse = pointer;
    pickPointer = pointer;
    if (flow[role] && flow[role].id === String(id)) return;
    if (flow[role]) { N.say(`This attribution has its ${role} already: Esc to finish it first.`, "error"); return; }
    if (!pickForm) return;
    const needsServer = (role === "claim" && flow.source) || (role === "source" && flow.claim) || (role === "cue" && flow.attribution);
    if (!needsServer) { flow[role] = { id: String(id), quote: quoteOfSpan(id) }; flow.next = null; render(); return; }
    fillFlowFields(pickForm);
    setField(pickForm, "span", id);
    pickForm.requestSubmit();
  }
  if (pickForm) {
    pickForm.addEventListener("htmx:finally:request", (e) => {
      const ctx = e.detail.ctx;
      if (ctx && ctx.response && ctx.response.status < 300) took(true, pickPointer);
    });
  }

  // The spans of a highlight that can take `role` (or any free role) in the attribution.
  function spanFor(mark, role) {
    const ids = (mark.dataset.ann || "").split(" ").filter(Boolean);
    if (role) return ids.find((id) => roleOfSpan(id) === role) || null;
    const next = nextRole();
    return ids.find((id) => roleOfSpan(id) === next) || ids.find((id) => flow && ROLES.includes(roleOfSpan(id)) && !flow[roleOfSpan(id)]) || null;
  }

  function caretMark() {
    const sel = window.getSelection();
    if (!sel.rangeCount || !sel.isCollapsed) return null;
    const node = sel.focusNode;
    const el = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    return el && el.closest("mark[data-ann]");
  }

  doc.addEventListener("click", (e) => {
    if (!flow || !window.getSelection().isCollapsed) return;
    const mark = e.target.closest("mark[data-ann]");
    if (!mark || panel.querySelector("[data-picking=link]")) return;
    const id = spanFor(mark, null);
    if (id) pick(id, roleOfSpan(id), true);
  });

  // While an attribution begun with the mouse is in progress (its last piece tagged by a click
  // or a mouse selection), a mouse selection is saved as the next piece. One begun with keys
  // keeps the toolbar: select, then press the key.
  document.addEventListener("mouseup", (e) => {
    if (!flow || !flow.mouse || (toolbar && toolbar.contains(e.target)) || (bar && bar.contains(e.target))) return;
    window.setTimeout(() => {
      const role = nextRole();
      if (flow && role && N.hasSelection()) { byPointer = true; N.applyTag(tagOfRole(role)); }
    }, 0);
  });

  if (bar) {
    bar.addEventListener("click", (e) => {
      const b = e.target.closest("button");
      if (!b || !flow) return;
      if (b.dataset.action === "flow-end") { end("Attribution finished."); return; }
      if (b.dataset.flowNext) {
        // With a selection already made, the button tags it; otherwise it says what the next
        // selection becomes.
        if (N.hasSelection()) { byPointer = true; N.applyTag(b.dataset.tag); return; }
        flow.next = b.dataset.flowNext;
        render();
      }
    });
    bar.addEventListener("mousedown", (e) => { if (e.target.closest("button")) e.preventDefault(); });
  }

  // --- The caret: drawn, followed, put back ----------------------------------------------------
  const caret = document.createElement("span");
  caret.className = "caret";
  caret.setAttribute("aria-hidden", "true");
  caret.hidden = true;
  document.body.append(caret);

  const focusedText = () => {
    const el = document.activeElement;
    return el && el.classList && el.classList.contains("annotatable") ? el : null;
  };

  function focusRect() {
    const sel = window.getSelection();
    if (!sel.rangeCount) return null;
    const range = document.createRange();
    range.setStart(sel.focusNode, sel.focusOffset);
    let rect = range.getClientRects()[0] || range.getBoundingClientRect();
    if (rect && !rect.height && sel.focusNode.nodeType === Node.TEXT_NODE && sel.focusNode.length) {
      const wide = document.createRange();
      const at = Math.min(sel.focusOffset, sel.focusNode.length - 1);
      wide.setStart(sel.focusNode, at);
      wide.setEnd(sel.focusNode, at + 1);
      const r = wide.getBoundingClientRect();
      rect = { left: sel.focusOffset > at ? r.right : r.left, top: r.top, bottom: r.bottom, height: r.height };
    }
    return rect && rect.height ? rect : null;
  }

  // Keep what the editor works on in view: the caret or the selection's moving end, and the
  // toolbar under it, clear of the attribution bar at the bottom.
  function follow() {
    const rect = focusRect();
    if (!rect) return;
    if (!byKeys) {
      // A mouse selection: only the toolbar is brought into view.
      if (!toolbar || toolbar.hidden) return;
      const over = toolbar.getBoundingClientRect().bottom - (window.innerHeight - (bar && !bar.hidden ? bar.offsetHeight : 0) - 8);
      if (over > 0) window.scrollBy(0, over);
      return;
    }
    const bottomGap = (bar && !bar.hidden ? bar.offsetHeight : 0) + 12;
    let low = rect.bottom;
    if (toolbar && !toolbar.hidden) low = Math.max(low, toolbar.getBoundingClientRect().bottom);
    const limit = window.innerHeight - bottomGap;
    if (low > limit) window.scrollBy(0, Math.min(low - limit, rect.top - 12));
    else if (rect.top < 8) window.scrollBy(0, rect.top - 48);
  }

  function drawCaret() {
    const sel = window.getSelection();
    const root = focusedText();
    const show = root && sel.rangeCount && sel.isCollapsed && root.contains(sel.focusNode);
    const rect = show ? focusRect() : null;
    caret.hidden = !rect;
    if (!rect) return;
    caret.style.left = window.scrollX + rect.left + "px"; // CSSOM: allowed under the page's CSP
    caret.style.top = window.scrollY + rect.top + "px";
    caret.style.height = rect.height + "px";
    caret.classList.remove("blink"); void caret.offsetWidth; caret.classList.add("blink");
  }

  let byKeys = false; // the selection moves by the keyboard (scroll to follow), not the mouse
  document.addEventListener("keydown", () => { byKeys = true; }, true);
  document.addEventListener("mousedown", () => { byKeys = false; }, true);
  document.addEventListener("mouseup", () => window.setTimeout(follow, 0));

  let lastCaret = null; // {root id, offset}: where focus goes back to
  document.addEventListener("selectionchange", () => {
    const root = focusedText();
    if (root) {
      follow();
      const sel = window.getSelection();
      if (sel.rangeCount && root.contains(sel.focusNode) && sel.focusNode.parentElement.matches("[data-o]:not(.para)")) {
        const el = sel.focusNode.parentElement;
        lastCaret = { root: root.id, offset: Number(el.dataset.o) + Array.from(sel.focusNode.data.slice(0, sel.focusOffset)).length };
      }
    }
    drawCaret();
  });
  window.addEventListener("resize", drawCaret);
  doc.addEventListener("focusout", () => window.setTimeout(drawCaret, 0));

  function caretAt(root, offset) {
    if (!root || !root.isConnected) return;
    // Just after the saved words, outside their highlight when text follows (inside it, the
    // card that lists the highlight's spans would cover the next line).
    const point = N.domPoint(root, offset, false) || N.domPoint(root, offset, true);
    root.focus({ preventScroll: true });
    if (point && point[0]) window.getSelection().collapse(point[0], point[1]);
    drawCaret();
    follow();
  }

  // --- Paragraphs: ] and [ ------------------------------------------------------------------
  function stepParagraph(dir) {
    const paras = Array.from(doc.querySelectorAll(".annotatable .para"));
    if (!paras.length) return;
    const sel = window.getSelection();
    const node = focusedText() && sel.rangeCount ? sel.focusNode : null;
    const here = node ? paras.findIndex((p) => p.contains(node)) : -1;
    const to = paras[here < 0 ? (dir > 0 ? 0 : paras.length - 1) : Math.max(0, Math.min(paras.length - 1, here + dir))];
    const first = to.querySelector("[data-o]:not(.para)");
    const root = to.closest(".annotatable");
    root.focus({ preventScroll: true });
    if (first && first.firstChild) sel.collapse(first.firstChild, 0);
    to.scrollIntoView({ block: "nearest" });
    drawCaret();
  }

  // --- r: resolve a source --------------------------------------------------------------------
  function resolveTarget() {
    const item = document.activeElement && document.activeElement.closest && document.activeElement.closest("li.ann[data-role=source]");
    if (item) return item.dataset.ann;
    const mark = focusedText() && caretMark();
    if (mark) { const id = spanFor(mark, "source"); if (id) return id; }
    return (flow && flow.source && flow.source.id) || lastSource;
  }

  function openResolve() {
    const id = resolveTarget();
    const btn = id && document.querySelector(`#ann-${CSS.escape(String(id))} button[hx-get$="/resolve/"]`);
    if (!btn) { N.say("Put the caret in a Source highlight, or focus a Source in the panel, then press r.", "error"); return; }
    if (flow) end();
    btn.click();
  }

  // --- Keys -----------------------------------------------------------------------------------
  let toolbarWasOpen = false;
  document.addEventListener("keydown", () => { toolbarWasOpen = Boolean(toolbar && !toolbar.hidden); }, true);

  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || inField(e.target)) return;
    if (document.querySelector("dialog[open]")) return;
    if (e.key === "Escape") { if (flow && !toolbarWasOpen) { e.preventDefault(); end("Attribution finished."); } return; }
    if (e.key === "]" || e.key === "[") { e.preventDefault(); stepParagraph(e.key === "]" ? 1 : -1); return; }
    if (e.key === "r" && toolbar) { e.preventDefault(); openResolve(); return; }
    // A tag's key with the caret in a highlight: add that highlight to the attribution.
    const role = roleOfKey(e.key);
    if (!role || !ROLES.includes(role) || !focusedText() || N.hasSelection()) return;
    const mark = caretMark();
    const id = mark && spanFor(mark, role);
    if (!id) return;
    e.preventDefault();
    pick(id, role, false);
  });

  // --- Forms: focus in, one Link form, focus back ------------------------------------------------
  let lastItem = null; // the panel item (li id) the editor was on
  panel.addEventListener("focusin", (e) => {
    const li = e.target.closest("#ann-list li.ann[id]");
    if (li) lastItem = li.id;
  });

  function afterSwap() {
    // A form just opened: its first field takes focus; another open Link form is closed.
    const opened = panel.querySelector("#ann-list li.ann.editing:not([data-focused])");
    if (opened) {
      opened.dataset.focused = "1";
      if (opened.dataset.picking === "link") {
        for (const other of panel.querySelectorAll("#ann-list li.ann.editing[data-picking=link]")) {
          if (other === opened) continue;
          const cancel = Array.from(other.querySelectorAll("button[hx-get]")).find((b) => /Cancel/.test(b.textContent));
          if (cancel) cancel.click();
        }
      }
      const active = document.activeElement;
      if (active && opened.contains(active) && active.matches("input, select, textarea")) {
        return; // the form placed its focus itself (the registry type-ahead of Resolve)
      }
      const field = opened.querySelector("select, textarea, input:not([type=hidden]):not([disabled])");
      if (field) { field.focus({ preventScroll: true }); opened.scrollIntoView({ block: "nearest" }); return; }
    }
    // A form closed or an item redrawn under the focus: back to that item, else to the caret.
    if (!fromPanel) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const item = lastItem && document.getElementById(lastItem);
    const target = item && (item.querySelector("button.quote") || item.querySelector("button"));
    if (target) { target.focus({ preventScroll: true }); item.scrollIntoView({ block: "nearest" }); return; }
    if (lastCaret) caretAt(document.getElementById(lastCaret.root), lastCaret.offset);
  }
  let fromPanel = false; // the request came from the panel (a form's button, an item's action)
  document.addEventListener("htmx:before:request", (e) => { fromPanel = panel.contains(e.target); });
  document.addEventListener("htmx:after:swap", () => window.setTimeout(afterSwap, 0));
})();
