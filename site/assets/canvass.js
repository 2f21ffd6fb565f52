// Canvass: small enhancements. Every page works without this script.
(function () {
  "use strict";
  // Table filters: <form data-filter-target="ID"> with <select data-filter="attribute">.
  document.querySelectorAll("form[data-filter-target]").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-filter-target"));
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var counter = form.querySelector("[data-filter-count]");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          var wanted = select.value;
          if (!wanted) return true;
          var values = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
          return values.indexOf(wanted) !== -1;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (counter) {
        counter.textContent = counter.getAttribute("data-template")
          .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
      }
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.hidden = false;
    apply();
  });
})();
