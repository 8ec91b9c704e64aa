/* The training-load checker's rule (docs/assets/training-load.js), in Node: each verdict, the
   lines between them, and how fields are read. The page says the same rule in words
   (/tools/training-load/, "The rule it uses"); the browser tests check the page against these
   functions. Run: node --test tests/js/ */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const { check, pct, parseField } = require(path.join(__dirname, "..", "..", "docs", "assets", "training-load.js"));

/* (weekly totals, longest runs), oldest week first; null = left empty; and the verdict */
const CASES = [
  [[20, 22, 25, 24, 30], [8, 9, 10, 10, 14], "spike", "14 after 10: 40% longer"],
  [[20, 22, 25, 24, 26], [8, 9, 10, 10, 11], "none", "exactly 10% longer is not a spike"],
  [[20, 22, 25, 24, 26], [8, 9, 10, 10, 11.5], "spike", "15% longer"],
  [[20, 20, 20, 20, 21], [10, 10, 10, 10, 11.04], "spike", "10.4% longer: over the line"],
  [[20, 20, 20, 20, 27], [10, 10, 10, 10, 10], "jump", "same long run, week up 35%"],
  [[20, 20, 20, 20, 26], [10, 10, 10, 10, 10], "none", "week up exactly 30%"],
  [[null, null, null, 15, 40], [null, null, null, 8, 21], "spike", "more than double"],
  [[null, null, null, null, 30], [null, null, null, null, 12], "incomplete", "nothing before"],
  [[20, 22, 25, 24, 30], [8, 9, 10, 10, null], "incomplete", "no long run this week"],
  [[20, 20, 20, 20, 30], [0, 0, null, 0, 12], "incomplete", "no earlier long run above 0, and not two empty weeks"],
  [[0, 0, 0, 0, 10], [0, 0, 0, 0, 5], "layoff", "a full lay-off: the first run back is a spike"],
  [[20, 20, 0, 0, 10], [8, 8, 0, 0, 5], "layoff", "two empty weeks, even though the run is shorter"],
  [[null, null, 0, 0, 12], [null, null, null, null, null], "layoff", "a first week back, totals only"],
  [[20, 20, 20, 0, 10], [8, 8, 8, 0, 5], "none", "one empty week is not a lay-off"],
  [[20, 20, null, 0, 10], [8, 8, null, 0, 5], "none", "an unknown week is not an empty one"],
  [[20, 20, 0, 0, 0], [8, 8, 0, 0, 0], "none", "still resting: nothing to warn about"],
];

for (const [totals, longest, verdict, why] of CASES) {
  test(`${verdict}: ${why}`, () => {
    assert.equal(check(totals, longest).verdict, verdict);
  });
}

test("a spike says by how much, in the page's three bands", () => {
  const before = [20, 20, 20, 20, 40];
  assert.equal(check(before, [10, 10, 10, 10, 12]).band, "more than 10% longer, up to 30% longer");
  assert.equal(check(before, [10, 10, 10, 10, 13]).band, "more than 10% longer, up to 30% longer"); // 30% exactly
  assert.equal(check(before, [10, 10, 10, 10, 13.1]).band, "more than 30% longer, up to double");
  assert.equal(check(before, [10, 10, 10, 10, 20]).band, "more than 30% longer, up to double"); // double exactly
  assert.equal(check(before, [10, 10, 10, 10, 20.1]).band, "more than double");
  assert.equal(check(before, [10, 10, 10, 10, 11]).band, null); // 10% exactly: no band, no spike
});

test("this week is compared with the longest of the earlier weeks, not the last one", () => {
  const result = check([30, 20, 20, 20, 20], [15, 8, 8, 8, 12]);
  assert.equal(result.before, 15);
  assert.equal(result.verdict, "none");
  assert.equal(result.rise, -20);
});

test("a spike counts before a jump, and a jump is only this week against last week", () => {
  const both = check([20, 20, 20, 20, 40], [10, 10, 10, 10, 14]);
  assert.equal(both.verdict, "spike");
  assert.equal(both.jump, true);
  assert.equal(both.weekRise, 100);
  // a big week two weeks ago does not count: only last week's total is compared
  assert.equal(check([20, 20, 10, 40, 50], [10, 10, 5, 10, 10]).verdict, "none");
  // no total last week (or 0): no week-on-week comparison, so no jump
  const noLast = check([20, 20, 20, null, 60], [10, 10, 10, null, 10]);
  assert.equal(noLast.verdict, "none");
  assert.equal(noLast.weekRise, null);
});

test("percentages are whole numbers except where rounding would land on one of the rule's lines", () => {
  assert.equal(pct(40), "40%");
  assert.equal(pct(15.4), "15%");
  assert.equal(pct(10.4), "10.4%");
  assert.equal(pct(9.6), "9.6%");
  assert.equal(pct(30.4), "30.4%");
  assert.equal(pct(99.8), "99.8%");
  assert.equal(pct(10), "10%");
  assert.equal(pct(0.2), "less than 1%");
  assert.equal(pct(0), "0%");
});

test("fields read plain decimals only, and name what they cannot read", () => {
  assert.deepEqual(parseField("12", "km"), { value: 12 });
  assert.deepEqual(parseField(" 12.5 ", "km"), { value: 12.5 });
  assert.deepEqual(parseField("12,5", "km"), { value: 12.5 });
  assert.deepEqual(parseField("\uff11\uff14", "km"), { value: 14 }); // full-width digits
  assert.deepEqual(parseField("", "km"), { value: null });
  assert.deepEqual(parseField("-4", "km"), { problem: "enter a number of 0 or more" });
  for (const raw of ["abc", "1_000", "1e309", "5e-324", "0x10", "Infinity", "1.2.3", "12 km", "1e3"]) {
    assert.match(parseField(raw, "km").problem, /^this is not a number the checker can read/, raw);
  }
  assert.deepEqual(parseField("1000", "km"), { value: 1000 });
  assert.equal(parseField("1001", "km").problem, "more than 1000 km is more than anyone runs in a week; check the number");
  assert.equal(parseField("621", "mi").problem, "more than 620 miles is more than anyone runs in a week; check the number");
  assert.deepEqual(parseField("6000", "min"), { value: 6000 });
});
