// The registry type-ahead (issue 10): a WAI-ARIA combobox with a list popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). The server draws it
// (annotations/article.html#combobox) and refills its listbox as the editor types (htmx,
// annotations.views.registry.search); this file only moves the active option, picks one and
// opens and closes the list. ↑/↓ move (opening the list), Enter picks the active option (with
// the list closed, Enter submits the form), Escape closes the list, a click picks. Picking an
// entry puts its id in the hidden field and its name in the input; picking a "Create" option
// keeps the words typed and sets the new entry's kind. Typing undoes a pick.
(function () {
  "use strict";
  const INPUT = "[data-combobox] input[role=combobox]";
  const parts = (input) => {
    const box = input.closest("[data-combobox]");
    return {
      box,
      list: document.getElementById(input.getAttribute("aria-controls")),
      value: box.querySelector("[data-cb-value]"),
      kind: box.querySelector("[data-cb-kind]"),
      picked: box.querySelector(".cb-picked"),
    };
  };
  const options = (list) => Array.from(list.querySelectorAll("[role=option]:not([aria-disabled=true])"));

  function setActive(input, option) {
    const { list } = parts(input);
    for (const o of list.querySelectorAll("[aria-selected=true]")) o.setAttribute("aria-selected", "false");
    if (option) {
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  // The open list in view (a form opened low in the panel would hide it below the fold).
  const reveal = (list) => { if (!list.hidden) list.scrollIntoView({ block: "nearest" }); };

  function open(input) {
    const { list } = parts(input);
    const was = list.hidden;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (was) reveal(list);
  }

  function close(input) {
    const { list } = parts(input);
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(input, null);
  }

  function pick(input, option) {
    const { value, kind, picked } = parts(input);
    if (option.dataset.kind) {
      value.value = "";
      if (kind) kind.value = option.dataset.kind;
      picked.textContent = `New entry: “${input.value.trim()}” (${option.dataset.kindLabel})`;
    } else {
      value.value = option.dataset.value;
      if (kind) kind.value = "";
      input.value = option.dataset.name;
      picked.textContent = `Picked: ${option.dataset.name} (${option.dataset.kindLabel})`;
    }
    close(input);
    input.focus();
  }

  document.addEventListener("keydown", (e) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.matches(INPUT)) return;
    const { list } = parts(input);
    const expanded = input.getAttribute("aria-expanded") === "true";
    const all = options(list);
    const current = input.getAttribute("aria-activedescendant");
    const at = all.findIndex((o) => o.id === current);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!expanded) {
        open(input);
        if (!all.length) htmx.trigger(input, "cb-search");  // nothing fetched yet: ask
      }
      if (!all.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : (at + step + all.length) % all.length;
      setActive(input, all[next]);
    } else if (e.key === "Enter" && expanded && at >= 0) {
      e.preventDefault();
      pick(input, all[at]);
    } else if (e.key === "Escape" && expanded) {
      e.preventDefault();
      e.stopPropagation();
      close(input);
    }
  }, true);

  // Typing undoes a pick: the words no longer name what was picked.
  document.addEventListener("input", (e) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.matches(INPUT)) return;
    const { value, kind, picked } = parts(input);
    value.value = "";
    if (kind) kind.value = "";
    picked.textContent = "";
  });

  // The pointer: pressing an option must not take the focus from the input; a click picks.
  document.addEventListener("mousedown", (e) => {
    if (e.target instanceof Element && e.target.closest(".cb-list")) e.preventDefault();
  });
  document.addEventListener("click", (e) => {
    const option = e.target instanceof Element ? e.target.closest(".cb-list [role=option]") : null;
    if (!option || option.getAttribute("aria-disabled") === "true") return;
    const input = document.querySelector(`input[aria-controls="${CSS.escape(option.closest(".cb-list").id)}"]`);
    if (input) pick(input, option);
  });

  // Leaving the combobox closes its list (a pick by mouse keeps the focus in the input).
  document.addEventListener("focusout", (e) => {
    const input = e.target;
    if (input instanceof HTMLInputElement && input.matches(INPUT) && !input.closest("[data-combobox]").contains(e.relatedTarget)) {
      close(input);
    }
  });

  document.addEventListener("htmx:after:swap", () => {
    // A listbox refilled for the words typed (its first child not seen yet): open it, on the
    // suggested entry if that comes first.
    for (const list of document.querySelectorAll(".cb-list")) {
      const first = list.firstElementChild;
      if (!first || first.dataset.seen) continue;
      first.dataset.seen = "1";
      const input = document.querySelector(`input[aria-controls="${CSS.escape(list.id)}"]`);
      if (!input || input !== document.activeElement) continue;
      open(input);
      setActive(input, list.querySelector("[role=option][aria-selected=true]"));
      reveal(list);
    }
    // A Resolve form just opened (or came back with an error): the focus goes to its input.
    const fresh = document.querySelector("[data-combobox][data-autofocus]");
    if (fresh) {
      fresh.removeAttribute("data-autofocus");
      const input = fresh.querySelector("input[role=combobox]");
      // At once, so no key typed meanwhile lands elsewhere or is selected away.
      input.focus();
      input.select();
      reveal(parts(input).list);
    }
  });
})();
