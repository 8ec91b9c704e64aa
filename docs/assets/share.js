/* Runner's Hip: a button under each condition page's "In short" that copies the summary as
   plain text, with the page's address, ready to paste into a newsletter. Runs on every page
   load, including Material's instant navigation (document$). */
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
  paragraphs[paragraphs.length - 1].after(button, status);
});

/* A "Print this sheet" button above a printable form (it needs JavaScript, so it is added by it) */
document$.subscribe(function () {
  var sheet = document.querySelector(".rh-sheet");
  if (!sheet || sheet.dataset.rhPrint) return;
  sheet.dataset.rhPrint = "1";
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary rh-print";
  button.textContent = "Print this sheet";
  button.addEventListener("click", function () { window.print(); });
  var holder = document.createElement("p");
  holder.className = "rh-screen-only";
  holder.append(button);
  sheet.before(holder);
});
