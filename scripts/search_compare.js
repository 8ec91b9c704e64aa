/* Two ways of searching the built site, on the same queries, in one run: plain Material search
 * (its own worker, lunr, given the text as typed) and the site's search (the same worker with
 * docs/assets/search-layer.js in front, as docs/assets/search-worker.js runs it in the browser).
 *
 *   node scripts/search_compare.js SITE_DIR QUERIES.json MATERIAL_WORKER.js
 *
 * QUERIES.json: [{query, expect: [url...], half}]. Prints JSON: for each approach and half, the
 * share of queries with an expected page in the top three and first; with SEARCH_TOPS=N in the
 * environment, only `tops` instead: each query's first N pages in the site's search. `docs.py report`
 * runs it; tests/test_search_quality.py measures the site's search with it, and checks in
 * Chromium, by typing, that the page ranks a sample of the queries the same way.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const [siteDir, queriesFile, workerFile] = process.argv.slice(2);
let handler = null;
let replies = [];
globalThis.self = globalThis;
globalThis.addEventListener = (type, fn) => { if (type === "message") handler = fn; };
globalThis.postMessage = (message) => replies.push(message);
require(path.resolve(workerFile)); // Material's worker: registers its handler, exposes lunr
const layer = require(path.join(__dirname, "..", "docs", "assets", "search-layer.js"));

async function main() {
  const index = JSON.parse(fs.readFileSync(path.join(siteDir, "search", "search_index.json"), "utf8"));
  const model = layer.prepare(JSON.parse(fs.readFileSync(path.join(siteDir, "search", "layer.json"), "utf8")));
  const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
  await handler({ data: { type: 0, data: { config: index.config, docs: index.docs, options: { suggest: true } } } });
  const stems = index.config.pipeline.includes("stemmer"); // as search-worker.js decides
  const indexStem = stems ? (w) => globalThis.lunr.stemmer(new globalThis.lunr.Token(w)).toString() : null;
  async function material(text) {
    replies = [];
    await handler({ data: { type: 2, data: text } });
    return replies[0].data;
  }
  const approaches = {
    "plain Material": async (q) => material(q),
    "Runner's Hip search": async (q) => {
      const answered = layer.answer(model, q);
      return layer.merge(model, answered, await material(layer.keywordQuery(answered, indexStem)));
    },
  };
  const out = {};
  if (process.env.SEARCH_TOPS) {
    // each query's first pages as the site's search ranks them, for the test that measures it
    out.tops = {};
    for (const q of queries) {
      const items = (await approaches["Runner's Hip search"](q.query)).items;
      out.tops[q.query] = items.map((group) => String(group[0].location).split("#")[0]).slice(0, Number(process.env.SEARCH_TOPS));
    }
    process.stdout.write(JSON.stringify(out) + "\n");
    return;
  }
  for (const [name, search] of Object.entries(approaches)) {
    out[name] = {};
    for (const half of ["tune", "check"]) {
      const list = queries.filter((q) => q.half === half);
      let top3 = 0;
      let first = 0;
      for (const q of list) {
        const urls = (await search(q.query)).items.map((group) => String(group[0].location).split("#")[0]);
        if (urls.slice(0, 3).some((u) => q.expect.includes(u))) top3++;
        if (urls.length && q.expect.includes(urls[0])) first++;
      }
      out[name][half] = { queries: list.length, top3: top3 / list.length, first: first / list.length };
    }
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((error) => { console.error(error); process.exit(1); });
