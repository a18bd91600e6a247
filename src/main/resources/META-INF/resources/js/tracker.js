// Progressive enhancement only: every page and form works without this file.
// 1. Story forms keep a draft in localStorage while the writer types, and offer to restore it.
// 2. The markdown body gets a live preview rendered by the server (the same renderer as the story page).
// 3. The confirmation page clears the draft of the form that was submitted.
(function () {
  "use strict";

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function draftKey(form) { return "tracker-draft:" + form.getAttribute("data-draft"); }

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.type !== "hidden" && el.type !== "submit" && el.type !== "button" &&
        !el.closest(".honeypot");
    });
  }

  function saveDraft(form) {
    var store = storage();
    if (!store) { return; }
    var values = {};
    fieldsOf(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        values[el.name + "=" + el.value] = el.checked;
      } else if (el.multiple) {
        values[el.name] = Array.prototype.filter.call(el.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; });
      } else {
        values[el.name] = el.value;
      }
    });
    store.setItem(draftKey(form), JSON.stringify({ savedAt: new Date().toISOString(), values: values }));
  }

  function restoreDraft(form, draft) {
    fieldsOf(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        var key = el.name + "=" + el.value;
        if (key in draft.values) { el.checked = draft.values[key]; }
      } else if (el.multiple && Array.isArray(draft.values[el.name])) {
        Array.prototype.forEach.call(el.options, function (o) {
          o.selected = draft.values[el.name].indexOf(o.value) >= 0;
        });
      } else if (el.name in draft.values) {
        el.value = draft.values[el.name];
      }
    });
  }

  function offerDraft(form) {
    var store = storage();
    var raw = store && store.getItem(draftKey(form));
    if (!raw) { return; }
    var draft;
    try { draft = JSON.parse(raw); } catch (e) { return; }
    // A form re-shown by the server with the writer's values wins over an older draft.
    if (form.getAttribute("data-has-values") === "true") { return; }
    var bar = document.createElement("p");
    bar.className = "warning";
    bar.setAttribute("role", "status");
    bar.textContent = "You have an unsent draft from " + new Date(draft.savedAt).toLocaleString() + ". ";
    var restore = document.createElement("button");
    restore.type = "button";
    restore.textContent = "Restore it";
    restore.addEventListener("click", function () { restoreDraft(form, draft); bar.remove(); });
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "secondary";
    discard.textContent = "Discard it";
    discard.addEventListener("click", function () { store.removeItem(draftKey(form)); bar.remove(); });
    bar.appendChild(restore);
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(discard);
    form.parentNode.insertBefore(bar, form);
  }

  function livePreview(form) {
    var source = form.querySelector("[data-preview-source]");
    var target = document.getElementById(source && source.getAttribute("data-preview-source"));
    var token = form.querySelector("input[name=csrf-token]");
    if (!source || !target || !window.fetch) { return; }
    var timer = null;
    function render() {
      var body = new URLSearchParams();
      body.set("markdown", source.value);
      if (token) { body.set(token.name, token.value); }
      fetch("/preview", { method: "POST", body: body, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        // The server returns sanitised HTML: the same allow-list as the published story page.
        .then(function (html) { if (html !== null) { target.innerHTML = html; } })
        .catch(function () { /* the preview button still works */ });
    }
    source.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(render, 400);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-draft]"), function (form) {
      offerDraft(form);
      form.addEventListener("input", function () { saveDraft(form); });
      form.addEventListener("change", function () { saveDraft(form); });
      livePreview(form);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-clear-draft]"), function (el) {
      var store = storage();
      if (store) { store.removeItem("tracker-draft:" + el.getAttribute("data-clear-draft")); }
    });
  });
})();
