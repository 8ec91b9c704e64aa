/* The symptom finder's rule (docs/assets/finder.js), in Node: which conditions are listed for a
   region and what is ticked, and in what order. The page says the same rule in words
   (/finder/, "How this list is ordered"); the browser tests check the page against these
   functions on the built api/conditions.json. Run: node --test tests/js/ */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const { rank, regionSymptoms, readLink, linkNote, inSentence } = require(path.join(__dirname, "..", "..", "docs", "assets", "finder.js"));

/* A condition in the API's shape; symptoms as {id: "typical" | "possible"}. */
function condition(id, { title = id, regions = ["side"], urgency = "self-care", symptoms = {} } = {}) {
  return {
    id,
    title,
    regions,
    urgency,
    symptoms: Object.entries(symptoms).map(([sid, frequency]) => ({ id: sid, label: sid, frequency })),
  };
}

function order(conditions, region, ticked) {
  return rank({ conditions }, region, new Set(ticked)).map((row) => row.c.id);
}

test("a ticked typical symptom scores 2 points and a possible one 1, and more points come first", () => {
  const conditions = [
    condition("possible-only", { symptoms: { a: "possible", b: "possible" } }),
    condition("typical-a", { symptoms: { a: "typical" } }),
    condition("both", { symptoms: { a: "typical", b: "possible" } }),
  ];
  const rows = rank({ conditions }, "side", new Set(["a", "b"]));
  assert.deepEqual(rows.map((r) => [r.c.id, r.points]), [["both", 3], ["possible-only", 2], ["typical-a", 2]]);
});

test("one typical match outranks one possible match", () => {
  const conditions = [
    condition("a-possible", { symptoms: { x: "possible" } }),
    condition("b-typical", { symptoms: { x: "typical" } }),
  ];
  assert.deepEqual(order(conditions, "side", ["x"]), ["b-typical", "a-possible"]);
});

test("on equal points, fewer usual symptoms left unticked comes first", () => {
  const conditions = [
    condition("a-two-missing", { symptoms: { x: "typical", y: "typical", z: "typical" } }),
    condition("b-none-missing", { symptoms: { x: "typical", q: "possible" } }),
    condition("c-one-missing", { symptoms: { x: "typical", y: "typical" } }),
  ];
  const rows = rank({ conditions }, "side", new Set(["x"]));
  assert.deepEqual(rows.map((r) => r.c.id), ["b-none-missing", "c-one-missing", "a-two-missing"]);
  // a possible symptom left unticked is not "missing"
  assert.deepEqual(rows[0].missing, []);
  assert.deepEqual(rows[2].missing.map((s) => s.id), ["y", "z"]);
  assert.deepEqual(rows[2].matched.map((s) => s.id), ["x"]);
});

test("on equal points and missing symptoms, the more urgent comes first, then the title A to Z", () => {
  const conditions = [
    condition("c", { title: "Alpha", urgency: "self-care", symptoms: { x: "typical" } }),
    condition("a", { title: "Zulu", urgency: "urgent", symptoms: { x: "typical" } }),
    condition("b", { title: "Mike", urgency: "see-clinician-soon", symptoms: { x: "typical" } }),
    condition("d", { title: "Bravo", urgency: "self-care", symptoms: { x: "typical" } }),
  ];
  assert.deepEqual(order(conditions, "side", ["x"]), ["a", "b", "c", "d"]);
});

test("the title breaks a full tie whatever order the data lists the conditions in", () => {
  const conditions = [
    condition("z", { title: "Snapping hip", symptoms: { x: "typical" } }),
    condition("y", { title: "Gluteal tendinopathy", symptoms: { x: "typical" } }),
  ];
  assert.deepEqual(order(conditions, "side", ["x"]), ["y", "z"]);
  assert.deepEqual(order(conditions.slice().reverse(), "side", ["x"]), ["y", "z"]);
});

test("with nothing ticked, every condition of the region is listed A to Z, none scored, rare urgent ones not first", () => {
  const conditions = [
    condition("few-usual", { title: "B", symptoms: { x: "typical", y: "possible" } }),
    condition("many-usual", { title: "A", urgency: "urgent", symptoms: { x: "typical", y: "typical" } }),
    condition("elsewhere", { regions: ["back"], symptoms: { x: "typical" } }),
    condition("urgent-few", { title: "C", urgency: "urgent", symptoms: { y: "typical" } }),
  ];
  const rows = rank({ conditions }, "side", new Set());
  assert.deepEqual(rows.map((r) => r.c.id), ["many-usual", "few-usual", "urgent-few"]);
  assert.ok(rows.every((r) => r.points === 0 && r.matched.length === 0));
});

test("once something is ticked, a condition with no ticked symptom is left out", () => {
  const conditions = [
    condition("matches", { symptoms: { x: "possible" } }),
    condition("no-match", { urgency: "urgent", symptoms: { y: "typical" } }),
  ];
  assert.deepEqual(order(conditions, "side", ["x"]), ["matches"]);
  assert.deepEqual(order(conditions, "side", ["nothing-has-this"]), []);
});

test("conditions outside the region are never listed, even when they match best", () => {
  const conditions = [
    condition("other-region", { regions: ["back", "lower-back"], urgency: "urgent", symptoms: { x: "typical", y: "typical" } }),
    condition("two-regions", { regions: ["front", "side"], symptoms: { x: "possible" } }),
  ];
  assert.deepEqual(order(conditions, "side", ["x", "y"]), ["two-regions"]);
  assert.deepEqual(order(conditions, "back", ["x", "y"]), ["other-region"]);
  assert.deepEqual(order(conditions, "inner-thigh", []), []);
});

test("the region's questions are its conditions' symptoms, by facet in the vocabulary's order, then A to Z", () => {
  const data = {
    facets: ["feels-like", "when-it-hurts", "worse-with", "training-change"].map((id) => ({ id, label: id })),
    symptoms: [
      { id: "s-worse", label: "Aa worse", facet: "worse-with" },
      { id: "s-feels-b", label: "B feels", facet: "feels-like" },
      { id: "s-feels-a", label: "A feels", facet: "feels-like" },
      { id: "s-training", label: "A training", facet: "training-change" },
      { id: "s-when", label: "Z when", facet: "when-it-hurts" },
      { id: "s-other", label: "Only elsewhere", facet: "feels-like" },
    ],
    conditions: [
      condition("one", { symptoms: { "s-worse": "typical", "s-feels-b": "possible", "s-training": "possible" } }),
      condition("two", { regions: ["side", "back"], symptoms: { "s-feels-a": "typical", "s-when": "possible", "s-worse": "possible" } }),
      condition("three", { regions: ["back"], symptoms: { "s-other": "typical" } }),
    ],
  };
  assert.deepEqual(regionSymptoms(data, "side").map((s) => s.id), ["s-feels-a", "s-feels-b", "s-when", "s-worse", "s-training"]);
  assert.deepEqual(regionSymptoms(data, "back").map((s) => s.id), ["s-feels-a", "s-other", "s-when", "s-worse"]);
  assert.deepEqual(regionSymptoms(data, "front"), []);
});

test("a link keeps only known ids, merges repeats and counts the rest", () => {
  const offered = (region) => (region === "side" ? ["a", "b"] : []);
  assert.deepEqual(readLink("?where=side&s=a,b", ["side", "back"], offered), { where: "side", ticked: ["a", "b"], ages: [], unknown: 0 });
  assert.deepEqual(readLink("?where=side&where=side&s=a&s=a,b", ["side"], offered), { where: "side", ticked: ["a", "b"], ages: [], unknown: 0 });
  assert.deepEqual(readLink("?where=knee&s=a", ["side"], offered), { where: null, ticked: [], ages: [], unknown: 2 });
  assert.deepEqual(readLink("?where=side&where=back&s=x", ["side", "back"], offered), { where: "side", ticked: [], ages: [], unknown: 2 });
  const long = "?where=side&s=" + Array.from({ length: 4000 }, (_, i) => "x" + i).join(",");
  assert.equal(readLink(long, ["side"], offered).unknown, 100);
});

test("the link note is a fixed sentence with only a count in it", () => {
  assert.equal(linkNote(0), "");
  assert.equal(linkNote(1), "1 item in the link was not recognised, so it was left out.");
  assert.equal(linkNote(7), "7 items in the link were not recognised, so they were left out.");
});

test("a symptom inside a sentence loses its capital, except I and abbreviations", () => {
  assert.equal(inSentence("An ache over the bony point"), "an ache over the bony point");
  assert.equal(inSentence("I limp after runs"), "I limp after runs");
  assert.equal(inSentence("I'm stiff in the morning"), "I'm stiff in the morning");
  assert.equal(inSentence("ITB feels tight"), "ITB feels tight");
  assert.equal(inSentence("It clicks"), "it clicks");
});

test("an age group the runner is in adds 2 points to the conditions found mainly at that age", () => {
  const conditions = [
    condition("adult", { symptoms: { a: "typical" } }),
    Object.assign(condition("teen", { symptoms: { a: "possible" } }), { ages: ["growing"] }),
    Object.assign(condition("older", { symptoms: { b: "typical" } }), { ages: ["over-50"] }),
  ];
  const rankAges = (ticked, ages) => rank({ conditions }, "side", new Set(ticked), new Set(ages)).map((row) => [row.c.id, row.points]);
  assert.deepEqual(rankAges(["a"], []), [["adult", 2], ["teen", 1]]);
  assert.deepEqual(rankAges(["a"], ["growing"]), [["teen", 3], ["adult", 2]]);
  // an age alone never lists a condition that matches none of the ticked symptoms
  assert.deepEqual(rankAges(["a"], ["over-50"]), [["adult", 2], ["teen", 1]]);
  // with nothing ticked every condition is listed, those of the runner's age first, then A to Z
  assert.deepEqual(rankAges([], ["over-50"]).map(([id]) => id), ["older", "adult", "teen"]);
  // without the argument (older callers) the rule is the symptom rule alone
  assert.deepEqual(rank({ conditions }, "side", new Set(["a"])).map((row) => row.c.id), ["adult", "teen"]);
});

test("a link's age= keeps known age groups only and counts the rest", () => {
  const read = readLink("?where=side&age=growing,teen&age=over-50&age=growing", ["side"], () => [], ["growing", "over-50"]);
  assert.deepEqual(read.ages, ["growing", "over-50"]);
  assert.equal(read.unknown, 1);
  assert.deepEqual(readLink("?age=growing", ["side"], () => []).ages, [], "no known groups given: none kept");
});
