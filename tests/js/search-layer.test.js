/* The search layer (docs/assets/search-layer.js), in Node, on a small made-up vocabulary: how a
   query is cleaned, which conditions it describes and in what order, and how the answers are
   merged with Material's keyword results. tests/test_search_quality.py checks the real site in
   Chromium. Run: node --test tests/js/ */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const L = require(path.join(__dirname, "..", "..", "docs", "assets", "search-layer.js"));

const LAYER = {
  version: 1,
  stopwords: ["a", "i", "my", "on", "the", "when", "it", "at", "can", "to", "of", "that", "too", "with", "and", "up", "do"],
  words: { bum: "buttock", hurt: "pain", hurts: "pain", aches: "pain", lying: "lie", tendonitis: "tendinopathy", "pulled groin": "groin strain" },
  conditions: [
    {
      id: "outer-tendon", title: "Outer hip tendinopathy", url: "conditions/outer-tendon/", names: ["Outer hip tendinopathy", "GTPS"],
      symptoms: [["side-lying", 2], ["stairs", 1]], regions: ["side"], urgency: "self-care", description: "Tendon pain on the outer hip.",
    },
    {
      id: "bursa", title: "Bursitis of the hip", url: "conditions/bursa/", names: ["Bursitis of the hip", "hip bursitis"],
      symptoms: [["side-lying", 1]], regions: ["side"], urgency: "self-care", description: "A sore fluid sac on the outer hip.",
    },
    {
      id: "groin-strain", title: "Groin strain", url: "conditions/groin-strain/", names: ["Groin strain", "adductor strain"],
      symptoms: [["sudden", 2]], regions: ["inner-thigh"], urgency: "self-care", description: "A torn inner thigh muscle.",
    },
    {
      id: "sit-bone", title: "Sit bone tendon pain", url: "conditions/sit-bone/", names: ["Sit bone tendon pain"],
      symptoms: [["sitting", 2]], regions: ["back"], urgency: "self-care", description: "Pain low in the buttock.",
    },
  ],
  symptoms: [
    { id: "side-lying", label: "Lying on that side hurts, at night too", url: "symptoms/side-lying/", phrases: ["Lying on that side hurts, at night too"] },
    { id: "stairs", label: "It hurts going up stairs", url: "symptoms/stairs/", phrases: ["It hurts going up stairs"] },
    { id: "sudden", label: "It started suddenly, with a sharp pain", url: "symptoms/sudden/", phrases: ["It started suddenly, with a sharp pain"] },
    { id: "sitting", label: "Sitting hurts, low in my buttock", url: "symptoms/sitting/", phrases: ["Sitting hurts, low in my buttock"] },
  ],
  signs: [
    { id: "no-weight", label: "I can't put weight on the leg", url: "symptoms/no-weight/", tier: "emergency", phrases: ["I can't put weight on the leg"] },
  ],
  regions: [{ id: "side", name: "Outer hip", url: "where-it-hurts/side/", phrases: ["Outer hip", "side of my hip"] }],
  pages: [{ url: "self-care/ice/", title: "First steps", phrases: ["ice or heat"] }],
  fallback: [
    { url: "finder/", title: "The symptom finder", text: "Tap where it hurts." },
    { url: "where-it-hurts/", title: "Where it hurts", text: "Pick the area." },
    { url: "self-care/when-to-see-a-doctor/", title: "Warning signs", text: "When not to wait." },
  ],
};
const model = L.prepare(LAYER);
const urls = (query) => L.answer(model, query).items.map((f) => f.url);

test("small words are dropped, so 'on' cannot match 'once' and 'can' cannot match 'cannot'", () => {
  const n = L.normalise(model, "pain lying on my side at night");
  assert.deepEqual(n.words, ["pain", "lie", "side", "night"]);
  assert.equal(n.changed, true);
});

test("everyday words and phrases become the site's words, longest phrase first", () => {
  assert.deepEqual(L.normalise(model, "pulled groin").words, ["groin", "strain"]);
  assert.deepEqual(L.normalise(model, "sore bum").words, ["sore", "buttock"]);
  assert.deepEqual(L.normalise(model, "hip tendonitis").words, ["hip", "tendinopathy"]);
});

test("a misspelling close to a word the site uses is corrected; short and unknown words are left alone", () => {
  assert.deepEqual(L.normalise(model, "bursitus").words, ["bursitis"]);
  assert.deepEqual(L.normalise(model, "tendinopaty").words, ["tendinopathy"]);
  assert.deepEqual(L.normalise(model, "knee").words, ["knee"]);
  assert.deepEqual(L.normalise(model, "marathon").words, ["marathon"]);
});

test("the stemmer treats plurals and -ing forms alike, without mangling short words", () => {
  assert.equal(L.stem("tendons"), "tendon");
  assert.equal(L.stem("running"), "run");
  assert.equal(L.stem("bursitis"), "bursitis");
  assert.equal(L.stem("hip"), "hip");
  assert.equal(L.stem("injuries"), "injury");
});

test("a query describing a symptom lists the conditions that have it, typical first, before the symptom page", () => {
  assert.deepEqual(urls("it hurts when I lie on my side"), ["conditions/outer-tendon/", "conditions/bursa/", "symptoms/side-lying/"]);
});

test("a condition says which of the typed symptoms it matched", () => {
  const found = L.answer(model, "lying on my side hurts").items.find((f) => f.url === "conditions/outer-tendon/");
  assert.deepEqual(found.matched, ["Lying on that side hurts, at night too"]);
  const merged = L.merge(model, L.answer(model, "lying on my side hurts"), { items: [] });
  assert.match(merged.items[0][0].text, /^Fits what you typed: Lying on that side hurts, at night too\. /);
});

test("two symptoms in one sentence favour the condition that has both", () => {
  assert.equal(urls("pain lying on my side and going up stairs")[0], "conditions/outer-tendon/");
});

test("a condition's name or other name finds it first, whatever else is typed", () => {
  assert.equal(urls("GTPS")[0], "conditions/outer-tendon/");
  assert.equal(urls("adductor strain after running")[0], "conditions/groin-strain/");
  assert.equal(urls("hip bursitus")[0], "conditions/bursa/");
});

test("a warning sign in the query brings up the sign's page, on a clear match only", () => {
  assert.equal(urls("I can't put weight on my leg")[0], "symptoms/no-weight/");
  assert.ok(!urls("weight training for the leg").includes("symptoms/no-weight/"));
});

test("an area of the body and a page's own questions are answers too", () => {
  assert.ok(urls("side of my hip").includes("where-it-hurts/side/"));
  assert.deepEqual(urls("ice or heat"), ["self-care/ice/"]);
});

test("a query of small words only asks the keyword search for nothing", () => {
  assert.equal(L.answer(model, "can I do it").query, "");
  assert.equal(L.answer(model, "can I run on it").query, "run");
});

test("the keyword query goes in as stems: the index's stemmer if it has one, else the layer's", () => {
  const a = L.answer(model, "increasing mileage");
  assert.equal(L.keywordQuery(a, (w) => w.slice(0, 6)), "increa mileag");
  assert.equal(L.keywordQuery(a, null), "increas mileage"); // "increas*" finds increase, increasing, increased
});

test("answers come first, then keyword results not already listed, ordered by how many typed words they matched", () => {
  const a = L.answer(model, "lying on my side hurts");
  const result = {
    items: [
      [{ location: "prevention/one-word/", title: "t", text: "", score: 90, terms: { lie: true, side: false } }],
      [{ location: "conditions/outer-tendon/#symptoms", title: "t", text: "", score: 80, terms: { lie: true, side: true } }],
      [{ location: "anatomy/both-words/", title: "t", text: "", score: 10, terms: { lie: true, side: true } }],
    ],
    suggest: ["lying"],
  };
  const merged = L.merge(model, a, result);
  const order = merged.items.map((g) => g[0].location);
  assert.deepEqual(order, ["conditions/outer-tendon/", "conditions/bursa/", "symptoms/side-lying/", "anatomy/both-words/", "prevention/one-word/"]);
  assert.equal(merged.suggest, undefined); // the query was cleaned: Material's suggestion would not fit what was typed
});

test("when nothing useful is found, the finder, the areas of the body and the warning signs are offered", () => {
  const a = L.answer(model, "marathon training plan");
  assert.deepEqual(a.items, []);
  const weak = { items: [[{ location: "about/", title: "About", text: "", score: 5, terms: { marathon: false, training: true, plan: false } }]] };
  const merged = L.merge(model, a, weak);
  assert.deepEqual(merged.items.slice(0, 3).map((g) => g[0].location), ["finder/", "where-it-hurts/", "self-care/when-to-see-a-doctor/"]);
  assert.equal(merged.items[3][0].location, "about/"); // the weak match is still there, after them
  assert.deepEqual(L.merge(model, a, { items: [] }).items.map((g) => g[0].location), ["finder/", "where-it-hurts/", "self-care/when-to-see-a-doctor/"]);
});

test("a good keyword match is not pushed down by the ways on: they come after the first three", () => {
  const a = L.answer(model, "marathon training plan");
  const hit = (location) => [{ location, title: "t", text: "", score: 5, terms: { marathon: true, training: true, plan: false } }];
  const good = { items: ["prevention/training-load/", "a/", "b/", "c/"].map(hit) };
  assert.deepEqual(L.merge(model, a, good).items.map((g) => g[0].location), [
    "prevention/training-load/", "a/", "b/", "finder/", "where-it-hurts/", "self-care/when-to-see-a-doctor/", "c/",
  ]);
});

test("titles and text from the layer are escaped: Material shows them as HTML", () => {
  const hostile = L.prepare({ ...LAYER, pages: [{ url: "x/", title: "<img src=x onerror=alert(1)>", phrases: ["ice or heat"] }] });
  const merged = L.merge(hostile, L.answer(hostile, "ice or heat"), { items: [] });
  assert.equal(merged.items[0][0].title, "&lt;img src=x onerror=alert(1)&gt;");
});

test("edit distance counts a swap of neighbours as one edit and gives up past the limit", () => {
  assert.equal(L.distance("pirifomis", "piriformis", 2), 1);
  assert.equal(L.distance("illiotibial", "iliotibial", 2), 1);
  assert.equal(L.distance("hte", "the", 1), 1);
  assert.equal(L.distance("marathon", "bursitis", 2), 3);
});

/* The real site has hundreds of phrases, and "pain" and "hip" are in most of them: a bigger
   made-up vocabulary shows how such words are treated. */
const filler = Array.from({ length: 40 }, (_, i) => ({
  id: `filler-${i}`, label: `Hip pain with thing${i}`, url: `symptoms/filler-${i}/`, phrases: [`Hip pain with thing${i}`],
}));
const big = L.prepare({ ...LAYER, symptoms: LAYER.symptoms.concat(filler), hubs: ["symptoms/"] });

test("a query of only words that are in most phrases (hip, pain) describes nothing, and gets the finder, the areas and the signs", () => {
  const a = L.answer(big, "my hip hurts");
  assert.equal(a.generic, true);
  assert.deepEqual(a.items, []);
  const lunr = { items: [[{ location: "about/", title: "t", text: "", score: 9, terms: { hip: true, pain: true } }]] };
  assert.deepEqual(L.merge(big, a, lunr).items.slice(0, 3).map((g) => g[0].location), ["finder/", "where-it-hurts/", "self-care/when-to-see-a-doctor/"]);
});

test("a phrase does not match through common words alone", () => {
  assert.ok(!L.answer(big, "hip pain lying down").items.some((f) => f.url.startsWith("symptoms/filler-")));
  assert.equal(L.answer(big, "hip pain with thing7").items[0].url, "symptoms/filler-7/");
});

test("among keyword results that match as many words, pages listing everything (hubs) come last", () => {
  const a = L.answer(big, "clamshell exercise");
  const lunr = {
    items: [
      [{ location: "symptoms/", title: "t", text: "", score: 99, terms: { clamshell: true, exercise: true } }],
      [{ location: "exercises/clamshell/", title: "t", text: "", score: 10, terms: { clamshell: true, exercise: true } }],
      [{ location: "prevention/", title: "t", text: "", score: 50, terms: { clamshell: false, exercise: true } }],
    ],
  };
  assert.deepEqual(L.merge(big, a, lunr).items.map((g) => g[0].location).slice(0, 3), ["exercises/clamshell/", "symptoms/", "prevention/"]);
});

test("an area named on its own puts its page first", () => {
  assert.equal(L.answer(big, "side of my hip").items[0].url, "where-it-hurts/side/");
});

test("a condition found mainly at one age ranks behind the causes any runner gets, unless the query names that age", () => {
  const layer = {
    stopwords: ["my", "of"],
    ages: { growing: ["teenager", "son"] },
    conditions: [
      { id: "teen", title: "Teen thing", url: "conditions/teen/", names: ["teen thing"], symptoms: [["knee-ache", 2]], regions: [], urgency: "urgent", ages: ["growing"], description: "" },
      { id: "any", title: "Any thing", url: "conditions/any/", names: ["any thing"], symptoms: [["knee-ache", 1]], regions: [], urgency: "self-care", ages: [], description: "" },
    ],
    symptoms: [{ id: "knee-ache", label: "Knee ache", url: "symptoms/knee-ache/", facet: "feels-like", phrases: ["knee ache"] }],
    signs: [], regions: [], pages: [], words: {},
  };
  const model = L.prepare(layer);
  const ids = (q) => L.answer(model, q).items.filter((f) => f.kind === "condition").map((f) => f.url);
  assert.deepEqual(ids("knee ache"), ["conditions/any/", "conditions/teen/"]);
  assert.equal(ids("knee ache in my teenager")[0], "conditions/teen/");
});
