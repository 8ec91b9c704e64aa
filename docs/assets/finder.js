/* Runner's Hip: the symptom finder on /finder/. Pick an area on the body map, tick what you
   feel, and see which conditions fit, ranked by the rule written on the page ("How this list
   is ordered"). Reads only the site's own api/conditions.json, and takes its wording (urgency
   labels, recovery times) from there. Its state lives in the address: ?where=<region>&s=<id>,<id>.
   share.js loads it on the page that has #rh-finder; it starts through Material's document$.
   Node loads the same file to test the rule (tests/js/finder.test.js): see the end. */
(function () {
  "use strict";
  var URGENCY_RANK = { urgent: 0, "see-clinician-soon": 1, "self-care": 2 };
  var dataPromise = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.append(child); });
    return node;
  }

  /* Exported. A symptom label inside a sentence: "An ache..." becomes "an ache...", but "I",
     "I'm" and abbreviations (ITB) keep their capitals. */
  function inSentence(label) {
    return /^(I\b|[A-Z]{2})/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
  }

  /* Exported. The rule, on the data of api/conditions.json, a region id, a Set of ticked
     symptom ids and (optional) a Set of the runner's age groups ("growing", "over-50").
     Listed: conditions in the region with at least one ticked symptom (all of them when no
     symptom is ticked). Points: 2 per ticked typical symptom, 1 per ticked possible one, and 2
     when the runner is in an age group the condition mainly affects. Order: points (high
     first), usual symptoms not ticked (few first), urgency (most urgent first), title (A to Z).
     With no symptom ticked, no count of untracked symptoms or urgency orders the list (it would
     put rare, serious causes first for everyone): points (age only), then A to Z.
     Returns rows of {c: condition, matched, missing, ages, points}. */
  function rank(data, region, ticked, ages) {
    var rows = [];
    ages = ages || new Set();
    data.conditions.forEach(function (c) {
      if (c.regions.indexOf(region) < 0) return;
      var matched = [], missing = [], points = 0;
      c.symptoms.forEach(function (s) {
        if (ticked.has(s.id)) {
          matched.push(s);
          points += s.frequency === "typical" ? 2 : 1;
        } else if (s.frequency === "typical") {
          missing.push(s);
        }
      });
      if (ticked.size && !matched.length) return;
      var ageMatched = (c.ages || []).filter(function (group) { return ages.has(group); });
      points += 2 * ageMatched.length;
      rows.push({ c: c, matched: matched, missing: missing, ages: ageMatched, points: points });
    });
    var none = !ticked.size;
    rows.sort(function (a, b) {
      return b.points - a.points ||
        (none ? 0 : a.missing.length - b.missing.length || URGENCY_RANK[a.c.urgency] - URGENCY_RANK[b.c.urgency]) ||
        (a.c.title < b.c.title ? -1 : a.c.title > b.c.title ? 1 : 0);
    });
    return rows;
  }

  /* Exported. The symptoms the finder asks about for a region (those of any condition there),
     grouped by facet in the vocabulary's order, then A to Z by label. */
  function regionSymptoms(data, region) {
    var byId = {};
    data.symptoms.forEach(function (s) { byId[s.id] = s; });
    var seen = {};
    data.conditions.forEach(function (c) {
      if (c.regions.indexOf(region) < 0) return;
      c.symptoms.forEach(function (s) { seen[s.id] = byId[s.id]; });
    });
    var facets = data.facets.map(function (f) { return f.id; }); // the API's order
    return Object.keys(seen).map(function (id) { return seen[id]; }).sort(function (a, b) {
      return facets.indexOf(a.facet) - facets.indexOf(b.facet) ||
        (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    });
  }

  /* The warning signs, from the site's registry: the same questions for every area, in the
     registry's order (most serious tier first), each with its tier's fixed action. */
  function tierOf(data, sign) {
    return data.tiers.filter(function (t) { return t.id === sign.tier; })[0];
  }

  function tierSentence(tier) {
    return tier.title + ".";
  }

  /* The box shown right under a ticked warning question: the tier's action, word for word. */
  function alertBox(data, sign) {
    var tier = tierOf(data, sign);
    var action = el("p", { "class": "rh-warnings__action", "data-tier-action": tier.id }, [
      el("strong", { text: tierSentence(tier) }), document.createTextNode(" " + tier.action)
    ]);
    var box = el("div", { "class": "rh-finder__alert rh-finder__alert--" + tier.id, role: "alert", "data-alert-for": sign.id, "data-tier": tier.id }, [
      action,
      el("p", { text: "Why: " + sign.why })
    ]);
    if (sign.never_test) box.append(el("p", { "class": "rh-finder__never", text: sign.never_test }));
    return box;
  }

  /* Exported. What a link asks for. Anyone can write a link, so nothing from it is ever shown:
     the address is cut to MAX_QUERY characters, repeated where=, s= and age= are merged, only
     known ids are kept, and the rest is only counted, for a fixed note (linkNote).
     Self-contained: knownRegions is a list of region ids, offeredIn(region) the ids the finder
     offers there (region may be null), knownAges the age groups (optional).
     Returns {where, ticked, ages, unknown}. */
  var MAX_QUERY = 2000, MAX_IDS = 100;
  function readLink(search, knownRegions, offeredIn, knownAges) {
    var params = new URLSearchParams(String(search).slice(0, MAX_QUERY));
    var seen = {}, unknown = 0, where = null, ticked = [], ages = [];
    knownAges = knownAges || [];
    function once(value) {
      var key = value.trim();
      if (!key || seen[key]) return null;
      seen[key] = true;
      return key;
    }
    params.getAll("where").forEach(function (value) {
      var id = once("where:" + value) && value.trim();
      if (!id) return;
      if (!where && knownRegions.indexOf(id) >= 0) where = id; else unknown += 1;
    });
    var offered = offeredIn(where);
    params.getAll("s").forEach(function (value) {
      value.split(",").slice(0, MAX_IDS).forEach(function (part) {
        var id = once("s:" + part) && part.trim();
        if (!id) return;
        if (offered.indexOf(id) >= 0 && ticked.length < MAX_IDS) ticked.push(id); else unknown += 1;
      });
    });
    params.getAll("age").forEach(function (value) {
      value.split(",").slice(0, MAX_IDS).forEach(function (part) {
        var id = once("age:" + part) && part.trim();
        if (!id) return;
        if (knownAges.indexOf(id) >= 0) ages.push(id); else unknown += 1;
      });
    });
    return { where: where, ticked: ticked, ages: ages, unknown: Math.min(unknown, 2 * MAX_IDS) };
  }

  /* Exported. The fixed note for the number of items a link asked for that were left out. */
  function linkNote(unknown) {
    if (!unknown) return "";
    return unknown === 1 ? "1 item in the link was not recognised, so it was left out."
      : unknown + " items in the link were not recognised, so they were left out.";
  }

  function urlFor(region, ticked, ages) {
    var params = new URLSearchParams(location.search);
    params.delete("where");
    params.delete("s");
    params.delete("age");
    if (region) params.set("where", region);
    if (ticked.length) params.set("s", ticked.join(","));
    if (ages && ages.length) params.set("age", ages.join(","));
    var query = params.toString().replace(/%2C/g, ",");
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  function setup(root) {
    var base = new URL(root.getAttribute("data-root") || "./", location.href);
    var map = root.querySelector(".rh-bodymap");
    var picked = document.getElementById("rh-finder-picked");
    var note = document.getElementById("rh-finder-note");
    var warnings = document.getElementById("rh-finder-warnings");
    var questions = document.getElementById("rh-finder-questions");
    var results = document.getElementById("rh-finder-results");
    var nojs = document.getElementById("rh-finder-nojs");
    var nothingPicked = picked.textContent; // the page's own words (finder/index.md), shown before anything is picked
    var regionEls = Array.prototype.slice.call(map.querySelectorAll(".rh-bodymap__region"));
    var data = null;
    var state = { where: null, ticked: [], ages: [] };

    nojs.hidden = true;
    map.setAttribute("aria-label", "Body map, front and back views. Pick where it hurts.");
    regionEls.forEach(function (g) {
      g.setAttribute("role", "button");
      g.setAttribute("tabindex", "0");
      g.setAttribute("aria-pressed", "false");
      g.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        pick(g.getAttribute("data-region"));
      });
      g.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          pick(g.getAttribute("data-region"));
        }
      });
    });

    function showNote(text) {
      note.textContent = text;
      note.hidden = !text;
    }

    function pick(region) {
      if (!data) return;
      if (region === state.where) {
        focusQuestions();
        return;
      }
      var kept = state.ticked.filter(isSign); // the warning questions are the same on every area
      state = { where: region, ticked: kept, ages: state.ages }; // and so are the questions about the runner
      showNote("");
      history.pushState({ rhFinder: true }, "", urlFor(region, kept, state.ages));
      render();
      focusQuestions();
    }

    function focusQuestions() {
      var heading = document.getElementById("rh-finder-questions-heading");
      if (heading) heading.focus();
    }

    function toggle(id, on) {
      var ticked = state.ticked.filter(function (s) { return s !== id; });
      if (on) ticked.push(id);
      state.ticked = ticked;
      history.replaceState({ rhFinder: true }, "", urlFor(state.where, ticked, state.ages));
      if (state.where) renderResults();
      else renderSummary();
    }

    function toggleAge(group, on) {
      var ages = state.ages.filter(function (a) { return a !== group; });
      if (on) ages.push(group);
      state.ages = ages;
      history.replaceState({ rhFinder: true }, "", urlFor(state.where, state.ticked, ages));
      if (state.where) renderResults();
    }

    function isSign(id) {
      return data.warning_signs.some(function (s) { return s.id === id; });
    }

    function restore() {
      var regionIds = data.regions.map(function (r) { return r.id; });
      var signIds = data.warning_signs.map(function (s) { return s.id; });
      var wanted = readLink(location.search, regionIds, function (region) {
        // the warning questions are offered on every area, and with no area picked
        return signIds.concat(region ? regionSymptoms(data, region).map(function (s) { return s.id; }) : []);
      }, data.age_groups.map(function (g) { return g.id; }));
      state = { where: wanted.where, ticked: wanted.ticked, ages: wanted.ages };
      showNote(linkNote(wanted.unknown));
      render();
    }

    /* The areas as a list of buttons under the map, in words and at least 44 px high: the full
       names, for readers who would rather pick a name than a shape. The build writes them into
       the page (so nothing moves when this script starts); here they only learn to pick. */
    var areaButtons = Array.prototype.slice.call(root.querySelectorAll(".rh-finder__areas button"));
    areaButtons.forEach(function (b) {
      b.addEventListener("click", function () { pick(b.getAttribute("data-region")); });
    });
    function renderAreas() {
      areaButtons.forEach(function (b) {
        b.setAttribute("aria-pressed", b.getAttribute("data-region") === state.where ? "true" : "false");
      });
    }

    function render() {
      regionEls.forEach(function (g) {
        var on = g.getAttribute("data-region") === state.where;
        g.classList.toggle("is-picked", on);
        g.setAttribute("aria-pressed", on ? "true" : "false");
      });
      renderAreas();
      renderWarnings();
      if (!state.where) {
        picked.hidden = false;
        picked.textContent = nothingPicked;
        questions.hidden = true;
        renderSummary();
        return;
      }
      var region = data.regions.filter(function (r) { return r.id === state.where; })[0];
      picked.hidden = false;
      picked.textContent = "You picked: " + region.name + ".";
      renderQuestions(region);
      renderResults();
    }

    function checkbox(s, onChange) {
      var box = el("input", { type: "checkbox", id: "rh-s-" + s.id, value: s.id });
      box.checked = state.ticked.indexOf(s.id) >= 0;
      box.addEventListener("change", function () { onChange(box); });
      return box;
    }

    /* Warning questions: the same on every area, before the area's own symptoms. Ticking one
       puts its tier's box right under it (role="alert", so screen readers announce it). */
    function renderWarnings() {
      warnings.textContent = "";
      warnings.append(el("h2", { id: "rh-finder-warnings-heading", text: "First: any warning signs?" }));
      var fieldset = el("fieldset", { "class": "rh-finder__flags" }, [el("legend", { text: "Tick any you have. These are the same whatever the area." })]);
      data.warning_signs.forEach(function (s) {
        var item = el("div", { "class": "rh-finder__check", "data-sign-question": s.id });
        var box = checkbox(s, function (input) {
          var old = item.querySelector(".rh-finder__alert");
          if (old) old.remove();
          if (input.checked) {
            var alert = alertBox(data, s);
            item.append(alert);
            alert.scrollIntoView({ block: "nearest" });
          }
          toggle(s.id, input.checked);
        });
        item.append(box, el("label", { "for": "rh-s-" + s.id, text: s.label }));
        if (box.checked) item.append(alertBox(data, s));
        fieldset.append(item);
      });
      warnings.append(fieldset);
      warnings.hidden = false;
    }

    function renderQuestions(region) {
      var symptoms = regionSymptoms(data, region.id);
      questions.textContent = "";
      questions.append(el("h2", { id: "rh-finder-questions-heading", tabindex: "-1", text: "What do you feel in the " + region.name.toLowerCase() + "?" }));
      var about = el("fieldset", { "class": "rh-finder__about" }, [el("legend", { text: "About you (optional): some causes are found mainly at one age" })]);
      data.age_groups.forEach(function (g) {
        var box = el("input", { type: "checkbox", id: "rh-age-" + g.id, value: g.id });
        box.checked = state.ages.indexOf(g.id) >= 0;
        box.addEventListener("change", function () { toggleAge(g.id, box.checked); });
        about.append(el("div", { "class": "rh-finder__check" }, [box, el("label", { "for": "rh-age-" + g.id, text: g.label })]));
      });
      questions.append(about);
      questions.append(el("p", { "class": "rh-finder__hint", text: "Tick all that fit. The questions are grouped by kind." }));
      // one group per kind of symptom (the API's facets, in order), so a long list is scannable
      data.facets.forEach(function (facet) {
        var mine = symptoms.filter(function (s) { return s.facet === facet.id; });
        if (!mine.length) return;
        var fieldset = el("fieldset", { "class": "rh-finder__feel", "data-facet": facet.id }, [el("legend", { text: facet.label })]);
        mine.forEach(function (s) {
          var box = checkbox(s, function (input) { toggle(s.id, input.checked); });
          fieldset.append(el("div", { "class": "rh-finder__check" }, [box, el("label", { "for": "rh-s-" + s.id, text: s.label })]));
        });
        questions.append(fieldset);
      });
      questions.hidden = false;
    }

    /* Before the results: the most serious warning tier ticked, with its action, word for word. */
    function summaryBox() {
      var ticked = new Set(state.ticked);
      var flags = data.warning_signs.filter(function (s) { return ticked.has(s.id); });
      if (!flags.length) return null;
      var tier = tierOf(data, flags[0]); // the registry lists the most serious tier first
      return el("div", { "class": "rh-finder__urgent rh-finder__urgent--" + tier.id, id: "rh-finder-urgent", "data-tier": tier.id }, [
        el("p", { "class": "rh-finder__urgent-title rh-warnings__action", "data-tier-action": tier.id }, [
          el("strong", { text: tierSentence(tier) }), document.createTextNode(" " + tier.action)
        ]),
        el("p", { text: "You ticked " + (flags.length === 1 ? "a warning sign" : flags.length + " warning signs") + ": " +
          flags.map(function (s) { return inSentence(s.label); }).join("; ") + ". Act on the most serious one first." }),
        el("p", {}, [el("a", { href: new URL("self-care/when-to-see-a-doctor/", base).pathname, text: "Every warning sign, and where to go" })])
      ]);
    }

    /* With no area picked, the results area holds only the warning summary, if any. */
    function renderSummary() {
      results.textContent = "";
      var box = summaryBox();
      if (box) results.append(box);
      results.hidden = !box;
    }

    function renderResults() {
      var ticked = new Set(state.ticked.filter(function (id) { return !isSign(id); }));
      var ages = new Set(state.ages);
      var rows = rank(data, state.where, ticked, ages);
      results.textContent = "";
      var box = summaryBox();
      if (box) results.append(box);
      results.append(el("h2", { id: "rh-finder-results-heading", text: "Conditions that fit" }));
      var summary = !ticked.size
        ? rows.length + " conditions can cause pain here" + (ages.size ? ", those found mainly at your age first" : "") + ". Tick what you feel to sort them."
        : rows.length + (rows.length === 1 ? " condition fits" : " conditions fit") + " what you ticked. First: " + (rows[0] ? rows[0].c.title : "none") + ".";
      results.append(el("p", { id: "rh-finder-summary", "aria-live": "polite", text: summary }));
      var list = el("ol", { "class": "rh-finder__list" });
      rows.forEach(function (row) {
        var c = row.c;
        var item = el("li", { "class": "rh-finder__condition", "data-condition": c.id }, [
          el("h3", {}, [el("a", { href: new URL(c.url, base).pathname, text: c.title })]),
          el("p", { text: c.description })
        ]);
        var facts = el("ul", {});
        if (ticked.size) {
          facts.append(el("li", { "class": "rh-finder__matched", text: "Fits what you ticked: " + row.matched.map(function (s) { return inSentence(s.label); }).join("; ") }));
        }
        if (row.ages.length) {
          facts.append(el("li", { "class": "rh-finder__ages", text: "Found mainly at your age: " + row.ages.map(function (id) {
            return inSentence(data.age_groups.filter(function (g) { return g.id === id; })[0].label);
          }).join("; ") }));
        }
        if (row.missing.length) {
          facts.append(el("li", { "class": "rh-finder__missing", text: "Usually also has, not ticked: " + row.missing.map(function (s) { return inSentence(s.label); }).join("; ") }));
        }
        facts.append(el("li", { text: "Urgency: " + data.urgency_labels[c.urgency] }));
        facts.append(el("li", { text: "Typical recovery: " + c.recovery_text }));
        item.append(facts);
        list.append(item);
      });
      results.append(list);
      results.append(el("p", { "class": "rh-finder__reminder", text: "This list is not a diagnosis. Only a clinician who examines you can say what is wrong." }));
      results.hidden = false;
    }

    function onPop() {
      if (!document.body.contains(root)) {
        window.removeEventListener("popstate", onPop);
        return;
      }
      restore();
    }

    window.addEventListener("popstate", onPop);
    if (!dataPromise) {
      dataPromise = fetch(new URL("api/conditions.json", base)).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
    }
    dataPromise.then(function (json) {
      data = json;
      restore();
      root.setAttribute("data-loaded", "1"); // answers taps from now on (tests wait for this)
    }, function () {
      dataPromise = null;
      showNote("The finder could not load its list of conditions. Pick your area from the list below instead.");
    });
  }

  function start() {
    var root = document.getElementById("rh-finder");
    if (!root || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "1");
    setup(root);
  }

  /* In Node (no window) the file is a module: the rule and the link reader, for their tests.
     In the browser it starts the finder; share.js adds it after Material's script, on this page only. */
  if (typeof window === "undefined") {
    module.exports = { rank: rank, regionSymptoms: regionSymptoms, readLink: readLink, linkNote: linkNote, inSentence: inSentence };
  } else {
    document$.subscribe(start);
  }
})();
