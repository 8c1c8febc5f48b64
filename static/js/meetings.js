/* Meetings: show the series fields only when a series is chosen (they stay visible
   without JavaScript). */
(function () {
  "use strict";
  function update(form) {
    var checked = form.querySelector('input[name="repeat"]:checked');
    var box = form.querySelector("#series-fields");
    if (!box) { return; }
    box.classList.toggle("d-none", !checked || checked.value === "none");
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("schedule-form");
    if (!form) { return; }
    form.addEventListener("change", function (event) {
      if (event.target.name === "repeat") { update(form); }
    });
    update(form);
  });
})();
