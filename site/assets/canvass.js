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
    // A link such as notes/index.html?persona=x opens the list already filtered.
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var name = select.getAttribute("data-filter");
      var wanted = params.get(name) || params.get(name.replace(/s$/, ""));
      if (wanted) select.value = wanted;
    });
    form.hidden = false;
    apply();
  });

  // Sortable tables: click a header with data-sort="number|text"; cells may carry data-value.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, column) {
      var kind = header.getAttribute("data-sort");
      if (!kind) return;
      header.tabIndex = 0;
      function sort() {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[column];
          var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
          if (kind === "number") {
            var number = parseFloat(raw.replace("\u2212", "-").replace(/[^0-9eE.+-]/g, ""));
            return isNaN(number) ? -Infinity : number;
          }
          return raw.toLowerCase();
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      header.addEventListener("click", sort);
      header.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
    });
  });
})();
