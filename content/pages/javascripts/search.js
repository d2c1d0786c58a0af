// Pagefind's search box in Material's header. The index is built from the published pages
// (builder/mkdocs_plugin.py) in chunks: a query downloads only the parts it needs.
// "/" focuses the box, as in Material's own search; colours follow Material's palette.
(function () {
  "use strict";

  function bundle() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/") + "pagefind/", document.baseURI).href;
  }

  function start() {
    var header = document.querySelector(".md-header__inner");
    if (!header || document.getElementById("brief-search")) return;
    var box = document.createElement("div");
    box.id = "brief-search";
    box.className = "brief-search";
    var anchor = header.querySelector(".md-header__source");
    header.insertBefore(box, anchor);
    var root = bundle();
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = root + "pagefind-ui.css";
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = root + "pagefind-ui.js";
    script.onload = function () {
      new window.PagefindUI({
        element: "#brief-search",
        bundlePath: root,
        showSubResults: false,
        showImages: false,
        resetStyles: false,
        translations: { placeholder: "Search" },
      });
      var input = box.querySelector("input");
      if (input) input.setAttribute("aria-label", "Search the brief");
      // Pagefind keeps its form from submitting with a javascript: URL; a listener does
      // the same without a script URL in the page
      var form = box.querySelector("form");
      if (form) {
        form.removeAttribute("action");
        form.addEventListener("submit", function (event) { event.preventDefault(); });
      }
    };
    // a site's first build on a person's machine publishes its pages before the index,
    // which a background run adds a few seconds later
    script.onerror = function () {
      var note = document.createElement("p");
      note.className = "brief-search__note";
      note.setAttribute("role", "status");
      note.textContent = "Search is being prepared: reload the page in a moment.";
      box.appendChild(note);
    };
    document.head.appendChild(script);
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key !== "/" || typing || event.ctrlKey || event.metaKey || event.altKey) return;
    var input = document.querySelector("#brief-search input");
    if (input) {
      event.preventDefault();
      input.focus();
    }
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
