/* Runner's Hip: small helpers on every page, and the loader for the two tools' scripts. */

/* The finder and the training-load checker bring their own scripts, fetched only on their own
   pages, so every other page stays lighter (a test holds every first view under 100 KB). */
(function () {
  var assets = document.currentScript.src.replace(/share\.js(\?.*)?$/, "");
  [["rh-finder", "finder.js"], ["rh-load", "training-load.js"]].forEach(function (tool) {
    if (!document.getElementById(tool[0])) return;
    var script = document.createElement("script");
    script.src = assets + tool[1];
    document.head.append(script);
  });
})();

/* The copy and print buttons are in the page from the build (scripts/crosslinks/pagetools.py),
   so nothing moves as this script starts; here they only learn what to do. */
document$.subscribe(function () {
  Array.prototype.forEach.call(document.querySelectorAll("button.rh-print"), function (button) {
    if (button.dataset.rhWired) return;
    button.dataset.rhWired = "1";
    button.addEventListener("click", function () { window.print(); });
  });
  var copy = document.querySelector("button.rh-copy-summary");
  if (!copy || copy.dataset.rhWired) return;
  copy.dataset.rhWired = "1";
  var status = copy.parentNode.querySelector(".rh-copy-status");
  copy.addEventListener("click", function () {
    var text = inShort().map(plain).join("\n\n") + "\n\nRead more: " + address();
    navigator.clipboard.writeText(text).then(
      function () { status.textContent = "Copied: paste it into your newsletter."; },
      function () { status.textContent = "Could not copy. Select the text above instead."; }
    );
  });

  /* "In short" as plain text, with the page's address, ready to paste into a newsletter */
  function inShort() {
    var paragraphs = [];
    var heading = document.getElementById("in-short");
    for (var el = heading && heading.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
      if (el.tagName === "P" && !el.classList.contains("rh-summary-tools")) paragraphs.push(el);
    }
    return paragraphs;
  }
  function plain(paragraph) {
    var text = paragraph.cloneNode(true);
    text.querySelectorAll("sup").forEach(function (sup) { sup.remove(); }); // citation numbers
    return text.textContent.replace(/\s+/g, " ").replace(/\s+([.,;:])/g, "$1").trim();
  }
  function address() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href : location.href.split("#")[0];
  }
});

/* A table too wide for the screen scrolls sideways inside its frame; a line above it says so,
   only while it does (turning a phone can make it fit). Tables the build lays out as cards on a
   phone (table.rh-stack) never need it. */
document$.subscribe(function () {
  var hints = [];
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table:not(.rh-stack)"), function (table) {
    if (table.closest(".rh-sheet")) return; // the physio sheet's form lays itself out
    var frame = table.closest(".md-typeset__scrollwrap") || table;
    var hint = frame.previousElementSibling;
    if (!hint || !hint.classList.contains("rh-scroll-hint")) {
      // The build writes the line, hidden (scripts/table_hooks.py): making it here would style
      // the page's whole text again. A page built without that hook gets it from here.
      hint = document.createElement("p");
      hint.className = "rh-scroll-hint rh-screen-only";
      hint.textContent = "This table is wider than your screen: swipe it sideways to see every column.";
      hint.hidden = true;
      frame.before(hint);
    }
    hints.push([hint, frame, table]);
  });
  if (!hints.length) return;
  function scrolls(el) { return el.scrollWidth > el.clientWidth + 1; }
  function update() {
    var shown = hints.map(function (h) { return scrolls(h[2]) || scrolls(h[1]); }); // all reads, then all writes
    hints.forEach(function (h, i) { h[0].hidden = !shown[i]; }); // Material's table scrolls in itself, or in its frame
  }
  // measured when the browser lays the page out anyway (and again when a frame's width changes, as
  // when a phone turns), never by forcing a layout of its own while the page loads: on a slow
  // phone that cost a third of a second
  var observer = new ResizeObserver(update);
  hints.forEach(function (h) { observer.observe(h[1]); });
});
