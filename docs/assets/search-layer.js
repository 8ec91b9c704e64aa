/* Runner's Hip: the search layer, in front of Material's keyword search (lunr).
 *
 * Runners describe how it feels ("it hurts to lie on my side at night"), use everyday words
 * ("bum", "pulled groin"), abbreviations and misspellings ("bursitus"). Keyword search matches
 * words, so small words ("on" matched "once") and symptom pages crowd out the conditions that
 * explain them. This layer reads the site's own vocabulary (search/layer.json, made at build
 * time from front matter and docs/_data/search.yml) and:
 *   1. cleans the query: everyday words and spellings become the site's words, misspellings are
 *      corrected against the site's vocabulary, small words are dropped (normalise);
 *   2. finds the conditions whose names or symptoms the query describes, scored the way the
 *      finder scores ticked symptoms (typical 2, possible 1), and the warning signs, areas of
 *      the body and pages it names (answer);
 *   3. puts those answers before the keyword results, each condition saying which of the typed
 *      symptoms it matched, and offers the finder, the areas and the warning signs when nothing
 *      useful is found (merge).
 * Pure functions: the search worker (search-worker.js) runs them; tests/js runs them in Node.
 */
(function () {
  "use strict";

  /* A phrase "matches" the query when the query holds enough of its meaning: the share of its
     words' weight (rarer words weigh more) that the query contains. */
  var MIN_STRENGTH = 0.5;
  var SIGN_STRENGTH = 0.6; // a warning sign is shown first only on a clear match...
  var SIGN_COVER = 0.5; // ...that explains most of what was typed
  var MAX_CONDITIONS = 5;
  var MAX_SYMPTOMS = 2;
  var CONDITION_FLOOR = 0.3; // conditions scoring under this share of the best are left to the keyword results
  var CONDITION_MIN = 2; // nor is a condition named by no more than a loose or a training-change match
  var GENERIC_SHARE = 0.075; // a word in this share of all the site's phrases (pain, hip) tells nothing apart...
  var GENERIC_MIN = 10; // ...once it is in at least this many
  var AGE_ELSEWHERE = 0.5; // a condition found mainly at one age, when the query names none (doubled when it does)

  /* Words as the query and the phrases are split: lower case, straight apostrophes, possessive 's dropped. */
  function words(text) {
    return String(text).toLowerCase().replace(/[\u2018\u2019`]/g, "'").split(/[^a-z0-9'&]+/)
      .map(function (w) { return w.replace(/^'+|'+$/g, "").replace(/'s$/, ""); })
      .filter(Boolean);
  }

  /* A light stemmer, the same for the query and the site's phrases: plurals and -ing/-ed endings.
     Written here rather than taken from lunr because these rules must run identically in the
     browser's worker and in Node's tests, and lunr is only inside Material's worker bundle. */
  function stem(w) {
    if (w.length <= 3 || /\d/.test(w)) return w;
    if (/ies$/.test(w)) return w.slice(0, -3) + "y";
    if (/(ss|us|is|ous)$/.test(w)) return w;
    if (/ing$/.test(w) && w.length > 5) {
      var base = w.slice(0, -3);
      return /([bdgmnprt])\1$/.test(base) ? base.slice(0, -1) : base;
    }
    if (/ed$/.test(w) && w.length > 4) {
      var root = w.slice(0, -2);
      return /([bdgmnprt])\1$/.test(root) ? root.slice(0, -1) : root;
    }
    if (/es$/.test(w) && /(ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
    if (/s$/.test(w)) return w.slice(0, -1);
    return w;
  }

  /* Edit distance (insert, delete, substitute, swap two neighbours), stopping early past `max`. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      var row = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        row.push(v);
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  /* The model the other functions use, made once from search/layer.json. */
  function prepare(layer) {
    var stop = {};
    (layer.stopwords || []).forEach(function (w) { stop[w] = true; });
    var replace = {}, longest = 1;
    Object.keys(layer.words || {}).forEach(function (from) {
      var key = words(from).join(" ");
      replace[key] = words(layer.words[from]);
      longest = Math.max(longest, key.split(" ").length);
    });
    var model = { stop: stop, replace: replace, longest: longest, vocabulary: {}, df: {}, phrases: 0, layer: layer };

    function phrase(text) {
      var stems = [];
      words(text).forEach(function (w) { model.vocabulary[w] = (model.vocabulary[w] || 0) + 1; });
      replaced(model, words(text)).forEach(function (w) {
        if (!stop[w]) {
          var s = stem(w);
          if (stems.indexOf(s) < 0) stems.push(s);
        }
      });
      stems.forEach(function (s) { model.df[s] = (model.df[s] || 0) + 1; });
      model.phrases++;
      return stems;
    }
    Object.keys(replace).forEach(function (key) { replace[key].forEach(function (w) { model.vocabulary[w] = (model.vocabulary[w] || 0) + 1; }); });
    model.conditions = layer.conditions.map(function (c) {
      words(c.description || "").forEach(function (w) { model.vocabulary[w] = (model.vocabulary[w] || 0) + 1; });
      return { item: c, names: c.names.map(phrase) };
    });
    function withPhrases(list) { return (list || []).map(function (x) { return { item: x, phrases: x.phrases.map(phrase) }; }); }
    model.symptoms = withPhrases(layer.symptoms);
    model.signs = withPhrases(layer.signs);
    model.regions = withPhrases(layer.regions);
    model.pages = withPhrases(layer.pages);
    model.generic = {};
    Object.keys(model.df).forEach(function (s) {
      if (model.df[s] >= GENERIC_MIN && model.df[s] / model.phrases >= GENERIC_SHARE) model.generic[s] = true;
    });
    model.symptomById = {};
    model.symptoms.forEach(function (s) { model.symptomById[s.item.id] = s; });
    model.ages = {};
    Object.keys(layer.ages || {}).forEach(function (group) {
      model.ages[group] = layer.ages[group].map(function (p) { return words(p).map(stem); });
    });
    return model;
  }

  /* The query in the site's words: {words: the words kept, in order, for the keyword search;
     stems: the same, stemmed, for matching; changed: whether anything was corrected}. */
  function normalise(model, query) {
    var raw = words(query), out = replaced(model, raw), changed = out.join(" ") !== raw.join(" ");
    var kept = [];
    out.forEach(function (w) {
      if (model.stop[w]) { changed = true; return; }
      var fixed = correct(model, w);
      if (fixed !== w) changed = true;
      kept.push(fixed);
    });
    var stems = [];
    kept.forEach(function (w) { var s = stem(w); if (stems.indexOf(s) < 0) stems.push(s); });
    return { words: kept, stems: stems, changed: changed };
  }

  /* Words with the everyday words and spellings of search.yml swapped for the site's own
     (longest phrase first), for the query and the site's phrases alike. */
  function replaced(model, list) {
    var out = [], i = 0;
    while (i < list.length) {
      var done = false;
      for (var n = Math.min(model.longest, list.length - i); n >= 1 && !done; n--) {
        var key = list.slice(i, i + n).join(" ");
        if (Object.prototype.hasOwnProperty.call(model.replace, key)) {
          out = out.concat(model.replace[key]);
          i += n;
          done = true;
        }
      }
      if (!done) out.push(list[i++]);
    }
    return out;
  }

  /* A word the site never uses, close in spelling to one it does: that one ("bursitus" -> "bursitis"). */
  function correct(model, w) {
    if (model.vocabulary[w] || w.length < 5 || /\d/.test(w)) return w;
    var max = w.length >= 8 ? 2 : 1, best = w, bestDistance = max + 1, bestCount = 0;
    Object.keys(model.vocabulary).forEach(function (v) {
      if (v.length < 4) return;
      var d = distance(w, v, max);
      if (d < bestDistance || (d === bestDistance && model.vocabulary[v] > bestCount)) {
        best = v; bestDistance = d; bestCount = model.vocabulary[v];
      }
    });
    return bestDistance <= max ? best : w;
  }

  function weight(model, s) { return Math.log(1 + model.phrases / (model.df[s] || 1)); }

  /* How much of a phrase the query holds, 0 to 1; 0 unless it is a match (see MIN_STRENGTH).
     Words such as "pain" and "hip" are in almost every phrase: a phrase matches only through at
     least one word that tells it apart, unless it has no such word and the query has none either. */
  function strength(model, phraseStems, queryStems) {
    if (!phraseStems.length) return 0;
    var total = 0, found = 0, count = 0, telling = false;
    phraseStems.forEach(function (s) {
      var w = weight(model, s);
      total += w;
      if (queryStems.indexOf(s) >= 0) { found += w; count++; telling = telling || !model.generic[s]; }
    });
    if (!telling && !(allGeneric(model, phraseStems) && allGeneric(model, queryStems) && count === phraseStems.length)) return 0;
    var share = found / total;
    if (phraseStems.length === 1) return count ? 1 : 0;
    if (count >= 2 && share >= MIN_STRENGTH) return share;
    return count === phraseStems.length ? 1 : 0;
  }

  function allGeneric(model, stems) {
    return stems.every(function (s) { return model.generic[s]; });
  }

  /* How much of the query a phrase explains, 0 to 1: the weight of the query's words it holds. */
  function coverage(model, phraseStems, queryStems) {
    var total = 0, found = 0;
    queryStems.forEach(function (s) {
      var w = weight(model, s);
      total += w;
      if (phraseStems.indexOf(s) >= 0) found += w;
    });
    return total ? found / total : 0;
  }

  /* The best of an item's phrases: its strength (how much of the phrase the query holds) and its
     coverage (how much of the query the phrase explains), ranked by both. */
  function bestMatch(model, list, queryStems) {
    var top = { st: 0, cover: 0, fit: 0 };
    list.forEach(function (p) {
      var st = strength(model, p, queryStems);
      if (!st) return;
      var cover = coverage(model, p, queryStems), fit = st * (0.5 + 0.5 * cover);
      if (fit > top.fit) top = { st: st, cover: cover, fit: fit };
    });
    return top;
  }

  function best(model, list, queryStems) {
    return bestMatch(model, list, queryStems).st;
  }

  /* What the query describes: conditions (by name and by symptoms), warning signs, areas and
     pages, each with a score, best first; and the cleaned query for the keyword search. */
  function answer(model, query) {
    var q = normalise(model, query);
    var found = [];
    if (!q.stems.length) return { query: q.words.join(" "), changed: q.changed, items: found, stems: q.stems };
    if (allGeneric(model, q.stems)) return { query: q.words.join(" "), changed: q.changed, items: found, stems: q.stems, generic: true };
    var symptomStrength = {};
    model.symptoms.forEach(function (s) {
      var st = best(model, s.phrases, q.stems);
      if (st) symptomStrength[s.item.id] = st;
    });
    var regionStrength = {};
    model.regions.forEach(function (r) {
      var st = best(model, r.phrases, q.stems);
      if (st) {
        regionStrength[r.item.id] = st;
        // only an area named ("groin pain"): its page, with every cause there, is the best answer
        var onlyArea = q.stems.every(function (s) { return model.generic[s] || r.phrases.some(function (p) { return p.indexOf(s) >= 0; }); });
        found.push({ kind: "region", url: r.item.url, title: r.item.name, text: "The conditions that cause pain in this area, and how to tell them apart.", score: (onlyArea ? 6 : 2) * st });
      }
    });
    // the age groups the query names ("my teenage son", "I'm 50"): each phrase wholly typed
    var asked = {};
    Object.keys(model.ages).forEach(function (group) {
      asked[group] = model.ages[group].some(function (p) { return p.length && p.every(function (s) { return q.stems.indexOf(s) >= 0; }); });
    });
    var conditions = [];
    model.conditions.forEach(function (c) {
      var name = bestMatch(model, c.names, q.stems);
      // a whole name typed finds its condition first; part of one ("hip flexor" of "hip flexor
      // strain") counts for less than a page whose whole phrase was typed ("hip flexor stretch")
      var matched = [], score = name.st === 1 ? 12 + 4 * name.cover : name.st ? 4 + 4 * name.fit : 0;
      c.item.symptoms.forEach(function (pair) {
        var st = symptomStrength[pair[0]];
        if (!st) return;
        // a change in training (a mileage jump) comes before most overuse injuries: it tells
        // little about which one, as on the condition pages' "often confused with" lists
        var telling = model.symptomById[pair[0]].item.facet === "training-change" ? 0.3 : 1;
        score += 3 * pair[1] * st * telling;
        matched.push(model.symptomById[pair[0]].item.label);
      });
      if (score < CONDITION_MIN) return;
      c.item.regions.forEach(function (r) { if (regionStrength[r]) score += 0.5 * regionStrength[r]; });
      // found mainly at one age: behind the causes any runner gets, unless the query names that age
      var ages = c.item.ages || [];
      if (ages.length) score *= ages.some(function (g) { return asked[g]; }) ? 1 / AGE_ELSEWHERE : AGE_ELSEWHERE;
      conditions.push({ kind: "condition", url: c.item.url, title: c.item.title, matched: matched, named: name.st > 0, text: c.item.description, score: score, urgency: c.item.urgency });
    });
    conditions.sort(function (a, b) { return b.score - a.score || (a.title < b.title ? -1 : 1); });
    var top = conditions.length ? conditions[0].score : 0;
    found = found.concat(conditions.filter(function (c) { return c.score >= CONDITION_FLOOR * top; }).slice(0, MAX_CONDITIONS));
    model.signs.forEach(function (s) {
      var m = bestMatch(model, s.phrases, q.stems);
      if (m.st >= SIGN_STRENGTH && m.cover >= SIGN_COVER) found.push({ kind: "sign", url: s.item.url, title: s.item.label, text: "A warning sign: read what to do now.", score: 10 * m.fit });
    });
    model.pages.forEach(function (p) {
      var m = bestMatch(model, p.phrases, q.stems);
      if (m.st) found.push({ kind: "page", url: p.item.url, title: p.item.title, text: "", score: m.st === 1 ? 6 + 4 * m.cover : 4 * m.fit + 3 * m.cover });
    });
    var symptoms = Object.keys(symptomStrength).map(function (id) {
      var s = model.symptomById[id].item;
      return { kind: "symptom", url: s.url, title: s.label, text: "A symptom, and the conditions that cause it.", score: symptomStrength[id] };
    }).sort(function (a, b) { return b.score - a.score; }).slice(0, MAX_SYMPTOMS);
    found.sort(function (a, b) { return b.score - a.score; });
    found = found.concat(symptoms); // symptom pages after the conditions that explain them
    var seen = {};
    found = found.filter(function (f) { if (seen[f.url]) return false; seen[f.url] = true; return true; });
    return { query: q.words.join(" "), changed: q.changed, items: found, stems: q.stems };
  }

  function escape(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* One of the layer's answers as a Material search result (escaped: Material shows it as HTML). */
  function resultItem(found, score) {
    var text = found.text || "";
    if (found.kind === "condition" && found.matched.length) text = "Fits what you typed: " + found.matched.join("; ") + ". " + text;
    return { location: found.url, title: escape(found.title), text: escape(text), score: score, terms: {} };
  }

  /* The layer's answers, then the keyword results not already listed; the finder, the areas and
     the warning signs first when neither found anything useful. `result` is Material's
     {items: [[page, sections...], ...], suggest}. */
  function merge(model, answered, result) {
    var items = result && result.items ? result.items : [];
    var listed = {};
    var groups = answered.items.map(function (f, i) {
      listed[f.url] = true;
      return [resultItem(f, 1000 - i)];
    });
    var rest = byCoverage(items, model.layer.hubs || []).filter(function (group) {
      var url = group.length ? String(group[0].location).split("#")[0] : "";
      return !listed[url];
    });
    var understood = answered.items.some(function (f) { return f.kind !== "symptom"; });
    if (!understood) {
      // nothing the layer understood (at most a symptom page): the ways on come first when the
      // keyword results are weak too, else right after the first three results
      var ways = (model.layer.fallback || []).filter(function (f) { return !listed[f.url]; }).map(function (f, i) {
        return [{ location: f.url, title: escape(f.title), text: escape(f.text), score: 1000 - i, terms: {} }];
      });
      var all = groups.concat(rest.filter(function (group) {
        return !ways.some(function (w) { return w[0].location === String(group[0].location).split("#")[0]; });
      }));
      var at = answered.generic || (!groups.length && weak(rest, answered.stems.length)) ? 0 : Math.min(3, all.length);
      return finish(all.slice(0, at).concat(ways, all.slice(at)), answered, result);
    }
    return finish(groups.concat(rest), answered, result);
  }

  function finish(items, answered, result) {
    var out = { items: items };
    if (result && result.suggest && !answered.changed) out.suggest = result.suggest;
    return out;
  }

  /* The cleaned query as Material's keyword search should get it. Material adds a wildcard to
     every word ("increasing*") and never stems a wildcard word, so each word goes in as its stem:
     the index's own stemmer when its pipeline stems ("mileage*" would miss the indexed "mileag"),
     else this file's (the index then holds whole words, and "increas*" finds increase, increasing
     and increased). */
  function keywordQuery(answered, indexStem) {
    return answered.query.split(" ").filter(Boolean).map(indexStem || stem).join(" ");
  }

  /* Keyword results ordered by how many of the typed words each matched, then pages that answer
     before pages that list everything (hubs), then as lunr ranked them: lunr's own score lets one
     word in a title outweigh a page that has them all. */
  function byCoverage(groups, hubs) {
    function hub(group) { return hubs.indexOf(String(group[0].location).split("#")[0]) >= 0 ? 1 : 0; }
    function hits(group) {
      var terms = group[0].terms || {};
      return Object.keys(terms).filter(function (k) { return terms[k]; }).length;
    }
    return groups.map(function (g, i) { return { g: g, i: i, h: hits(g), hub: hub(g) }; })
      .sort(function (a, b) { return b.h - a.h || a.hub - b.hub || a.i - b.i; })
      .map(function (x) { return x.g; });
  }

  /* Keyword results that match under half of what was typed are no answer. */
  function weak(groups, typed) {
    if (!groups.length || !typed) return true;
    var terms = groups[0][0].terms || {};
    var keys = Object.keys(terms);
    var hits = keys.filter(function (k) { return terms[k]; }).length;
    return keys.length > 0 && hits * 2 < keys.length;
  }

  var api = { words: words, stem: stem, distance: distance, prepare: prepare, normalise: normalise, answer: answer, keywordQuery: keywordQuery, merge: merge };
  if (typeof module === "object" && module.exports) module.exports = api;
  else self.RunnersHipSearch = api;
})();
