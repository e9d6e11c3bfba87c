// The side panel on a small screen, and hover cards that stay on screen (issue 10).
// Below 900 px the panel is a bottom sheet (app.css), opened and closed by the "Panel" button;
// the status line stays visible while it is closed. Keys that move through the panel (n, p, l,
// j, k) open it first, and "Show in text" closes it so the highlight is in view.
// After a panel change that redrew the card holding the focus, the focus goes back to the same
// span's item.
// The #coverage card (annotate.js places it under a highlight) is moved back inside the
// viewport whenever it is shown or moved, at any width.
(function () {
  "use strict";
  const panel = document.getElementById("panel");
  const toggle = document.getElementById("panel-toggle");
  const sheet = window.matchMedia("(max-width: 900px)");

  function setOpen(open) {
    if (!panel || !toggle) return;
    panel.classList.toggle("open", open);
    toggle.setAttribute("aria-expanded", String(open));
    toggle.querySelector(".panel-toggle-label").textContent = open ? "Show text" : "Show panel";
  }
  const isOpen = () => panel && panel.classList.contains("open");

  // The "How to annotate" hints take half a phone's sheet: folded there, open elsewhere.
  const help = panel && panel.querySelector("details.panel-help");
  if (help && sheet.matches) help.open = false;

  if (panel && toggle) {
    toggle.addEventListener("click", () => {
      setOpen(!isOpen());
      if (isOpen()) {
        const heading = document.getElementById("panel-heading");
        heading.focus({ preventScroll: true });
      }
    });
    // Before annotate.js's keys move the focus into the panel, which must be open to take it.
    window.addEventListener("keydown", (e) => {
      if (!sheet.matches || isOpen() || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target.closest && e.target.closest("input, textarea, select, [contenteditable], dialog")) return;
      if ("nplLjk".includes(e.key) && e.key.length === 1) setOpen(true);
    }, true);
    panel.addEventListener("click", (e) => {
      if (sheet.matches && e.target.closest && e.target.closest("[data-jump]")) setOpen(false);
    });
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && sheet.matches && isOpen() && !e.defaultPrevented
          && !document.querySelector("dialog[open]")) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // A change in the panel can redraw the whole card the focused control was in: when the focus
  // fell to the page after the swap, put it back on that span's item (its quote button).
  let focusedItem = null;
  document.addEventListener("htmx:before:request", (e) => {
    const source = e.target instanceof Element ? e.target.closest("#panel li.ann[id]") : null;
    focusedItem = source ? source.id : null;
  });
  // A form that opens in the panel (Resolve after `r`, Link, Edit…) needs the sheet open.
  document.addEventListener("htmx:after:swap", () => {
    if (sheet.matches && !isOpen() && panel && panel.querySelector("li.ann.editing")) setOpen(true);
  });
  document.addEventListener("htmx:after:swap", () => {
    if (!focusedItem || (document.activeElement && document.activeElement !== document.body)) return;
    const item = document.getElementById(focusedItem);
    const target = item && (item.querySelector("button.quote") || item.querySelector("button"));
    if (target) target.focus({ preventScroll: true });
    focusedItem = null;
  });

  const card = document.getElementById("coverage");
  if (!card) return;
  const MARGIN = 8;
  function clamp() {
    if (card.hidden) return;
    const r = card.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    let dx = 0;
    let dy = 0;
    if (r.right > vw - MARGIN) dx = vw - MARGIN - r.right;
    if (r.left + dx < MARGIN) dx = MARGIN - r.left;
    if (r.bottom > vh - MARGIN) dy = vh - MARGIN - r.bottom;
    if (r.top + dy < MARGIN) dy = MARGIN - r.top;
    if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) return;
    card.style.left = (parseFloat(card.style.left) || 0) + dx + "px";
    card.style.top = (parseFloat(card.style.top) || 0) + dy + "px";
  }
  new MutationObserver(clamp).observe(card, { attributes: true, attributeFilter: ["style", "hidden"], childList: true });
  window.addEventListener("resize", clamp);
})();
