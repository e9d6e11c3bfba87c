// Site-wide htmx behaviour: say so when a request never reached the server, so nothing is
// lost silently. Forms stay on screen with what was typed; pressing their button retries.
(function () {
  "use strict";

  function statusBox() {
    return document.getElementById("status");
  }

  function show(message) {
    const box = statusBox();
    if (!box) { window.alert(message); return; }
    box.replaceChildren();
    const p = document.createElement("p");
    p.className = "msg error";
    p.setAttribute("role", "alert");
    p.textContent = message;
    box.append(p);
  }

  document.addEventListener("htmx:error", function (evt) {
    const ctx = evt.detail && evt.detail.ctx;
    if (ctx && ctx.response) return; // the server answered: its fragment says what went wrong
    if (evt.target && evt.target.id === "tag-toolbar") return; // annotate.js offers a retry
    show("Network error: your change did not reach the server and was not saved. " +
         "Check the connection and press the button again.");
  });

  document.addEventListener("htmx:response:error", function (evt) {
    const ctx = evt.detail && evt.detail.ctx;
    if (!ctx || !ctx.response) return;
    const status = ctx.response.status;
    // A 503 carries its own message (newsroom/busy.py: the database was busy), swapped in already.
    if (status >= 500 && !(status === 503 && (ctx.text || "").includes("msg"))) {
      show("The server failed (" + status + "). Nothing was saved; please retry.");
    }
    if (status === 403 && !(ctx.text || "").includes("msg")) show("You are not allowed to do that.");
  });
})();
