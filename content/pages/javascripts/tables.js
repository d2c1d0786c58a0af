/* Data tables: sortable by any column (tablesort, shipped beside this file, as Material
   documents for data tables), filterable by text and by geography or publisher, and read as
   cards on a phone. Runs on every page view, instant navigation included (`document$`). */
(function () {
  "use strict";

  var FILTER_COLUMNS = ["Geography", "Publisher"];

  /* "10,560 (2022)" -> "10560", "7.4%" -> "7.4", "—" -> "": what a figure sorts by. */
  function figure(text) {
    var found = text.replace(/,/g, "").match(/-?\d+(?:\.\d+)?/);
    return found ? found[0] : "";
  }

  function rightAligned(cell) {
    return (cell.getAttribute("style") || "").indexOf("right") >= 0 || cell.align === "right";
  }

  function prepare(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head || !table.tBodies.length) return null;
    var labels = Array.prototype.map.call(head.cells, function (cell) {
      return cell.textContent.trim();
    });
    Array.prototype.forEach.call(head.cells, function (cell) {
      if (rightAligned(cell)) cell.setAttribute("data-sort-method", "number");
      cell.title = "Sort by " + cell.textContent.trim();
    });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        if (labels[i]) cell.setAttribute("data-label", labels[i]);
        if (head.cells[i] && rightAligned(head.cells[i])) {
          cell.setAttribute("data-sort", figure(cell.textContent));
        }
      });
    });
    return labels;
  }

  function control(label, field) {
    var wrap = document.createElement("label");
    wrap.className = "brief-filter__field";
    wrap.appendChild(document.createTextNode(label + " "));
    wrap.appendChild(field);
    return wrap;
  }

  function addFilter(table, labels) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var bar = document.createElement("div");
    bar.className = "brief-filter";
    var text = document.createElement("input");
    text.type = "search";
    text.placeholder = "Type to filter";
    bar.appendChild(control("Filter", text));
    var selects = [];
    FILTER_COLUMNS.forEach(function (name) {
      var column = labels.indexOf(name);
      if (column < 0) return;
      var values = {};
      rows.forEach(function (row) {
        var cell = row.cells[column];
        if (cell && cell.textContent.trim()) values[cell.textContent.trim()] = true;
      });
      var select = document.createElement("select");
      select.appendChild(new Option("All", ""));
      Object.keys(values).sort().forEach(function (value) {
        select.appendChild(new Option(value, value));
      });
      selects.push({ column: column, select: select });
      bar.appendChild(control(name, select));
    });
    var status = document.createElement("span");
    status.className = "brief-filter__count";
    status.setAttribute("aria-live", "polite");
    bar.appendChild(status);

    function apply() {
      var words = text.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var content = row.textContent.toLowerCase();
        var keep = words.every(function (word) { return content.indexOf(word) >= 0; });
        selects.forEach(function (choice) {
          var cell = row.cells[choice.column];
          if (choice.select.value && (!cell || cell.textContent.trim() !== choice.select.value)) {
            keep = false;
          }
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      status.textContent = shown + " of " + rows.length + " rows";
    }
    text.addEventListener("input", apply);
    selects.forEach(function (choice) { choice.select.addEventListener("change", apply); });
    apply();
    var anchor = table.closest(".md-typeset__scrollwrap") || table;
    anchor.parentNode.insertBefore(bar, anchor);
  }

  /* A table wider than its column says so, and its first column stays in view. */
  function cueScroll(table) {
    var wrap = table.closest(".md-typeset__scrollwrap");
    var scroller = table.scrollWidth > table.clientWidth ? table : wrap;
    if (!scroller || scroller.scrollWidth <= scroller.clientWidth + 1) return;
    var cue = document.createElement("p");
    cue.className = "brief-scroll-cue";
    cue.textContent = "Scroll the table sideways for more columns \u2192";
    (wrap || table).parentNode.insertBefore(cue, wrap || table);
  }

  function setUp() {
    document.querySelectorAll("article table:not([class])").forEach(function (table) {
      if (table.hasAttribute("data-brief-table")) return;
      table.setAttribute("data-brief-table", "");
      var labels = prepare(table);
      if (!labels) return;
      if (typeof Tablesort === "function") new Tablesort(table);
      if (table.closest(".brief-table")) addFilter(table, labels);
      if (table.closest(".brief-matrix")) cueScroll(table);
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
