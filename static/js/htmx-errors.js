/* htmx requests that fail say so. Without this an error answer (HTTP 4xx/5xx, which htmx does
   not swap in) or no answer at all leaves the page as it was, without a word. Each failure
   shows an alert (role="alert") right after the form that made the request; the form and
   what was typed in it stay. The texts come from data attributes on <body>, rendered
   (translated) by templates/base.html. Loaded after htmx. */
(function () {
  "use strict";
  if (!window.htmx) { return; }

  // Longer than the database's 20 s busy timeout: a request waiting for another writer
  // answers before the browser gives up on it.
  window.htmx.config.timeout = 30000;

  var alerts = new WeakMap();

  function anchor(elt) {
    return (elt && elt.closest && elt.closest("form")) || elt;
  }

  function clear(elt) {
    var place = anchor(elt);
    var alert = place && alerts.get(place);
    if (alert) {
      alert.remove();
      alerts.delete(place);
    }
  }

  function show(event, key) {
    var place = anchor(event.detail && event.detail.elt);
    if (!place || !place.isConnected) { place = document.getElementById("main"); }
    if (!place) { return; }
    clear(place);
    var alert = document.createElement("div");
    alert.className = "alert alert-danger py-2 mt-2 lin-htmx-error";
    alert.setAttribute("role", "alert");
    alert.textContent = document.body.dataset[key] || "Something went wrong. Please try again.";
    if (place.id === "main") {
      place.prepend(alert);
    } else {
      place.insertAdjacentElement("afterend", alert);
    }
    alerts.set(place, alert);
  }

  document.body.addEventListener("htmx:beforeRequest", function (event) {
    clear(event.detail && event.detail.elt);
  });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail && event.detail.successful) { clear(event.detail.elt); }
  });
  document.body.addEventListener("htmx:responseError", function (event) {
    show(event, "htmxErrorMessage");
  });
  document.body.addEventListener("htmx:sendError", function (event) {
    show(event, "htmxUnreachableMessage");
  });
  document.body.addEventListener("htmx:timeout", function (event) {
    show(event, "htmxUnreachableMessage");
  });
})();
