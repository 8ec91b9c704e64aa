/* Runner's Hip: the training-load checker on /tools/training-load/. Compares this week's
   longest run with the longest of the earlier weeks (more than 10% longer is a spike), and
   this week's total with last week's (more than 30% more is a jump), as the page explains.
   After two or more empty weeks (0 entered), any running this week is a return from time off,
   which counts as a spike. Everything stays in the browser; the numbers go into the address
   only when the reader asks for a link. share.js loads it on the page that has #rh-load.
   Node loads the same file to test the rule (tests/js/training-load.test.js): see the end. */
(function () {
  "use strict";
  var WEEKS = ["4 weeks ago", "3 weeks ago", "2 weeks ago", "Last week", "This week"];
  var UNITS = { km: "km", mi: "miles", min: "minutes" };
  var CHANGES = { shoes: "new shoes", surface: "a new surface", hills: "more hills", speed: "more speedwork" };
  var THRESHOLDS = [10, 30, 100]; /* the rule's lines, in percent */

  /* A week with 0 entered and nothing above 0: no running. Left empty = not known. */
  function empty(totals, longest, i) {
    var zero = totals[i] === 0 || longest[i] === 0;
    return zero && !(totals[i] > 0) && !(longest[i] > 0);
  }

  /* Exported. The rule, on five weeks' totals and longest runs, oldest first (null = left
     empty). Returns {verdict, rise, band, weekRise, jump, before}: verdict is "layoff" (running
     this week after two or more empty weeks), "incomplete" (no longest run this week, or none
     above 0 before), "spike", "jump" or "none". */
  function check(totals, longest) {
    var now = longest[4], before = null;
    for (var i = 0; i < 4; i++) if (longest[i] !== null && (before === null || longest[i] > before)) before = longest[i];
    var result = { verdict: "incomplete", rise: null, band: null, weekRise: null, before: before };
    if ((totals[4] > 0 || now > 0) && empty(totals, longest, 2) && empty(totals, longest, 3)) {
      result.verdict = "layoff";
      return result;
    }
    if (now === null || before === null || before <= 0) return result;
    result.rise = (now - before) / before * 100;
    if (totals[4] !== null && totals[3] !== null && totals[3] > 0) result.weekRise = (totals[4] - totals[3]) / totals[3] * 100;
    /* compared as whole multiples (now * 10 > before * 11), so 11 after 10 is exactly 10% */
    if (now > before * 2) result.band = "more than double";
    else if (now * 10 > before * 13) result.band = "more than 30% longer, up to double";
    else if (now * 10 > before * 11) result.band = "more than 10% longer, up to 30% longer";
    result.jump = result.weekRise !== null && totals[4] * 10 > totals[3] * 13;
    if (result.band) result.verdict = "spike";
    else if (result.jump) result.verdict = "jump";
    else result.verdict = "none";
    return result;
  }

  /* Exported. A percentage in words that can't be misread: whole numbers, but one decimal place when
     rounding would land on one of the rule's lines (10.4% stays 10.4%, never "10%"), and
     "less than 1%" rather than "0%". */
  function pct(value) {
    var whole = Math.round(value);
    if (value > 0 && value < 0.5) return "less than 1%";
    if (THRESHOLDS.indexOf(whole) >= 0 && whole !== value) return (Math.round(value * 10) / 10) + "%";
    return whole + "%";
  }

  /* Reading the fields. Only plain decimals are numbers here (12, 12.5 or 12,5; full-width
     digits too): never 1e309, 5e-324, 1_000, 0x10 or Infinity, which Number() or a number field
     would read, round or silently blank. A field that cannot be read is named and no verdict is
     given on the others; so is a value over MAX (more than anyone runs in a week). Nothing typed
     or taken from a link is ever repeated on the page. */
  var MAX = { km: 1000, mi: 620, min: 6000 };
  var PLAIN_NUMBER = /^(?:\d{1,7}(?:[.,]\d{1,3})?|[.,]\d{1,3})$/;
  var MAX_QUERY = 2000;

  /* Exported. One field's text, read for a unit ("km", "mi", "min"): {value} (null when
     empty) or {problem}, a sentence naming what is wrong. */
  function parseField(raw, unitKey) {
    var text = String(raw).normalize("NFKC").trim();
    if (!text) return { value: null };
    if (/^[-\u2212]/.test(text)) return { problem: "enter a number of 0 or more" };
    if (!PLAIN_NUMBER.test(text)) return { problem: "this is not a number the checker can read; write digits only, like 12 or 12.5" };
    var value = Number(text.replace(",", "."));
    if (value > MAX[unitKey]) {
      return { problem: "more than " + MAX[unitKey] + " " + UNITS[unitKey] + " is more than anyone runs in a week; check the number" };
    }
    return { value: value };
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text) node.textContent = text;
    return node;
  }

  function setup(root) {
    var form = document.getElementById("rh-load-form");
    var grid = document.getElementById("rh-load-grid");
    var unit = document.getElementById("rh-load-unit");
    var result = document.getElementById("rh-load-result");
    var share = document.getElementById("rh-load-share");
    var linkBox = document.getElementById("rh-load-link-box");
    var link = document.getElementById("rh-load-link");
    var inputs = { total: [], long: [] };

    WEEKS.forEach(function (name, index) {
      var row = el("div", { "class": "rh-load__row" });
      grid.append(row);
      [["total", "Total"], ["long", "Longest run"]].forEach(function (pair) {
        var id = "rh-load-" + pair[0] + "-" + index;
        var cell = el("span", { "class": "rh-load__cell" });
        var label = el("label", { "for": id });
        label.append(name + ": " + pair[1].toLowerCase() + ", ", el("span", { "class": "rh-load__unit" }));
        var input = el("input", { type: "text", id: id, inputmode: "decimal", autocomplete: "off", spellcheck: "false", maxlength: "12" });
        input.addEventListener("input", function () { input.removeAttribute("data-unreadable"); });
        cell.append(label, input);
        row.append(cell);
        inputs[pair[0]].push(input);
      });
    });

    function showUnit() {
      root.querySelectorAll(".rh-load__unit").forEach(function (span) { span.textContent = UNITS[unit.value]; });
    }

    function read() {
      var problems = [];
      function values(kind, what) {
        return inputs[kind].map(function (input, index) {
          var field = input.hasAttribute("data-unreadable")
            ? { problem: "the link's number for this field could not be read, so it was left out; enter it again" }
            : parseField(input.value, unit.value);
          if (field.problem) {
            problems.push(WEEKS[index] + ", " + what + ": " + field.problem + ".");
            return null;
          }
          return field.value;
        });
      }
      var totals = values("total", "total");
      var longest = values("long", "longest run");
      longest.forEach(function (value, index) {
        if (value !== null && totals[index] !== null && value > totals[index]) {
          problems.push(WEEKS[index] + ": the longest run (" + value + ") cannot be more than the week's total (" + totals[index] + ").");
        }
      });
      var changed = Object.keys(CHANGES).filter(function (key) { return document.getElementById("rh-load-c-" + key).checked; });
      return { totals: totals, longest: longest, changed: changed, problems: problems };
    }

    function show() {
      var input = read();
      var u = UNITS[unit.value];
      result.textContent = "";
      if (input.problems.length) {
        var box = el("div", { "class": "rh-load__verdict rh-load__verdict--error", id: "rh-load-verdict", "data-verdict": "error", tabindex: "-1" });
        box.append(el("p", {}, "Please fix these numbers:"));
        var list = el("ul");
        input.problems.forEach(function (p) { list.append(el("li", {}, p)); });
        box.append(list);
        result.append(box);
        share.hidden = true;
        return;
      }
      var r = check(input.totals, input.longest);
      var css = "rh-load__verdict" + ({ spike: " rh-load__verdict--spike", layoff: " rh-load__verdict--spike", jump: " rh-load__verdict--jump" }[r.verdict] || "");
      var verdict = el("div", { "class": css, id: "rh-load-verdict", "data-verdict": r.verdict, tabindex: "-1" });
      var lines = [];
      var title;
      if (r.verdict === "layoff") {
        title = "Back after time off: this week counts as a spike";
        lines.push("You ran nothing in the two weeks before this one, so there is no recent run to compare with. After time off, any run counts as a spike.");
        lines.push("Start short and easy, and build back up a little at a time.");
      } else if (r.verdict === "incomplete") {
        title = "Not enough numbers yet";
        lines.push("Enter this week's longest run, and the longest run of at least one earlier week. Enter 0 for a week with no running.");
      } else {
        var longNow = input.longest[4];
        title = { spike: "This week is a spike", jump: "A note: your week jumped, but your longest run did not", none: "No spike this week" }[r.verdict];
        lines.push("Your longest run this week (" + longNow + " " + u + ") is " + (r.rise > 0 ? pct(r.rise) + " longer than" : r.rise < 0 ? pct(-r.rise) + " shorter than" : "the same as") +
          " your longest in the earlier weeks (" + r.before + " " + u + ")" + (r.band ? ": " + r.band + "." : ". Up to 10% longer is not a spike."));
        if (r.weekRise !== null) {
          lines.push("Your total this week is " + (r.weekRise > 0 ? pct(r.weekRise) + " more than" : r.weekRise < 0 ? pct(-r.weekRise) + " less than" : "the same as") + " last week" +
            (r.jump ? ": that is more than 30% more." : "."));
        }
        if (r.verdict === "spike") lines.push("In a large study, runners were hurt more often after runs like this. It is a link, not a promise of injury. Think about a shorter long run, and build up a little at a time.");
        if (r.verdict === "jump") lines.push("This is a milder note, not a spike. The link between weekly jumps and injury is weak, but be careful if more changed as well.");
      }
      if (input.changed.length) {
        lines.push("You also changed: " + input.changed.map(function (key) { return CHANGES[key]; }).join(", ") + ". Change one thing at a time where you can.");
      }
      var heading = el("p", { "class": "rh-load__title" });
      heading.append(el("strong", {}, title));
      verdict.append(heading);
      lines.forEach(function (line) { verdict.append(el("p", {}, line)); });
      verdict.append(el("p", {}, "The rule and its limits are explained below, with pages to read next."));
      result.append(verdict);
      share.hidden = false;
      linkBox.hidden = true;
    }

    function toUrl() {
      var input = read();
      var params = new URLSearchParams();
      params.set("unit", unit.value);
      params.set("total", input.totals.map(function (v) { return v === null ? "" : v; }).join(","));
      params.set("long", input.longest.map(function (v) { return v === null ? "" : v; }).join(","));
      if (input.changed.length) params.set("changed", input.changed.join(","));
      return location.pathname + "?" + params.toString().replace(/%2C/g, ",") + location.hash;
    }

    /* A link's numbers go into the fields only when they are plain numbers; anything else is
       left out and its field marked, so the verdict waits and no text from the link is shown. */
    function fromUrl() {
      var params = new URLSearchParams(String(location.search).slice(0, MAX_QUERY));
      if (!params.has("total") && !params.has("long")) return false;
      if (Object.prototype.hasOwnProperty.call(UNITS, params.get("unit"))) unit.value = params.get("unit");
      ["total", "long"].forEach(function (kind) {
        (params.get(kind) || "").split(",").slice(0, 5).forEach(function (value, index) {
          var input = inputs[kind][index];
          var text = value.normalize("NFKC").trim();
          if (PLAIN_NUMBER.test(text)) input.value = text;
          else if (text) input.setAttribute("data-unreadable", "1");
        });
      });
      var changed = (params.get("changed") || "").split(",");
      Object.keys(CHANGES).forEach(function (key) { document.getElementById("rh-load-c-" + key).checked = changed.indexOf(key) >= 0; });
      return true;
    }

    unit.addEventListener("change", showUnit);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show();
      document.getElementById("rh-load-verdict").focus();
    });
    document.getElementById("rh-load-link-button").addEventListener("click", function () {
      var address = toUrl();
      history.replaceState(history.state, "", address);
      link.value = new URL(address, location.href).href;
      linkBox.hidden = false;
      link.focus();
      link.select();
    });
    document.getElementById("rh-load-nojs").hidden = true;
    form.hidden = false;
    var restored = fromUrl();
    showUnit();
    if (restored) show();
  }

  function start() {
    var root = document.getElementById("rh-load");
    if (!root || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "1");
    setup(root);
  }

  /* In Node (no window) the file is a module: the rule and the field reader, for their tests.
     In the browser it starts the checker; share.js adds it after Material's script, on this page only. */
  if (typeof window === "undefined") {
    module.exports = { check: check, pct: pct, parseField: parseField };
  } else {
    document$.subscribe(start);
  }
})();
