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

  // The body column under each header cell, counting the row and column spans of a grouped
  // header (a two-row head whose groups span their columns).
  function headerColumns(head) {
    var taken = [], columns = [];
    Array.prototype.forEach.call(head.rows, function (row, r) {
      var c = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        while (taken[r] && taken[r][c]) c++;
        columns.push([cell, c]);
        for (var dr = 0; dr < cell.rowSpan; dr++) {
          taken[r + dr] = taken[r + dr] || [];
          for (var dc = 0; dc < cell.colSpan; dc++) taken[r + dr][c + dc] = true;
        }
        c += cell.colSpan;
      });
    });
    return columns;
  }

  // Sortable tables: click a header with data-sort="number|text"; cells may carry data-value.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var placed = headerColumns(table.tHead);
    var headers = placed.map(function (entry) { return entry[0]; });
    placed.forEach(function (entry) {
      var header = entry[0], column = entry[1];
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
