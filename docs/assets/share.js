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

/* A button under each condition page's "In short" that copies the summary as
   plain text, with the page's address, ready to paste into a newsletter. */
document$.subscribe(function () {
  var heading = document.getElementById("in-short");
  if (!heading || heading.dataset.rhCopy) return;
  heading.dataset.rhCopy = "1";
  var paragraphs = [];
  for (var el = heading.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
    if (el.tagName === "P") paragraphs.push(el);
  }
  if (!paragraphs.length) return;
  var canonical = document.querySelector('link[rel="canonical"]');
  var address = canonical ? canonical.href : location.href.split("#")[0];

  function plain(paragraph) {
    var copy = paragraph.cloneNode(true);
    copy.querySelectorAll("sup").forEach(function (sup) { sup.remove(); }); // citation numbers
    return copy.textContent.replace(/\s+/g, " ").replace(/\s+([.,;:])/g, "$1").trim();
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button rh-copy-summary";
  button.textContent = "Copy this summary for a newsletter";
  var status = document.createElement("span");
  status.className = "rh-copy-status";
  status.setAttribute("role", "status");
  button.addEventListener("click", function () {
    var text = paragraphs.map(plain).join("\n\n") + "\n\nRead more: " + address;
    navigator.clipboard.writeText(text).then(
      function () { status.textContent = "Copied: paste it into your newsletter."; },
      function () { status.textContent = "Could not copy. Select the text above instead."; }
    );
  });
  // every condition page (the one with the run, modify or stop card) prints as a two-page
  // handout (site.css); say so where coaches look
  var handout = document.querySelector(".rh-today") !== null;
  var print = printButton(handout ? "Print a 2-page handout" : "Print this page", "rh-in-short-print");
  // on a condition page the card and the warning box come first (a phone's first screen); the
  // buttons go just before the page's contents list
  var contents = document.querySelector("article > .rh-contents");
  if (handout && contents) {
    var row = document.createElement("p");
    row.className = "rh-screen-only rh-summary-tools";
    row.append(button, " ", print, status);
    contents.before(row);
  } else {
    paragraphs[paragraphs.length - 1].after(button, print, status);
  }
});

/* A "Print this sheet" button above a printable form (it needs JavaScript, so it is added by it) */
document$.subscribe(function () {
  var sheet = document.querySelector(".rh-sheet");
  if (!sheet || sheet.dataset.rhPrint) return;
  sheet.dataset.rhPrint = "1";
  sheet.before(onScreenOnly(printButton("Print this sheet", "md-button--primary"), "rh-screen-only"));
});

/* A button that prints the page, and a paragraph to hold one. */
function printButton(label, extraClass) {
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button rh-print " + extraClass;
  button.textContent = label;
  button.addEventListener("click", function () { window.print(); });
  return button;
}
function onScreenOnly(button, holderClass) {
  var holder = document.createElement("p");
  holder.className = holderClass;
  holder.append(button);
  return holder;
}

/* A "Print this page" button at the end of every other reviewed page (guides, exercises, tools),
   just above its review footer: added by JavaScript, it would push the first screen down (a layout
   shift) if it went under the title. Condition pages have theirs above their contents list, the
   physio sheet above its form. */
document$.subscribe(function () {
  var footer = document.querySelector(".rh-page-footer");
  if (!footer || footer.dataset.rhPrint) return;
  if (document.getElementById("in-short") || document.querySelector(".rh-sheet")) return;
  footer.dataset.rhPrint = "1";
  footer.before(onScreenOnly(printButton("Print this page", ""), "rh-screen-only rh-print-holder"));
});

/* A table too wide for the screen scrolls sideways inside its frame; a line above it says so,
   only while it does (turning a phone can make it fit). Tables the build lays out as cards on a
   phone (table.rh-stack) never need it. */
document$.subscribe(function () {
  var hints = [];
  Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table:not(.rh-stack)"), function (table) {
    if (table.closest(".rh-sheet")) return; // the physio sheet's form lays itself out
    var frame = table.closest(".md-typeset__scrollwrap") || table;
    if (frame.previousElementSibling && frame.previousElementSibling.classList.contains("rh-scroll-hint")) return;
    var hint = document.createElement("p");
    hint.className = "rh-scroll-hint rh-screen-only";
    hint.textContent = "This table is wider than your screen: swipe it sideways to see every column.";
    hint.hidden = true;
    frame.before(hint);
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
