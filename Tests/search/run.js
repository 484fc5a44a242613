// Runs the site's own search script (themes/default/static/search.js) under Node
// against a built site, for each query in a list, and checks the first result.
//
//   node Tests/search/run.js SITE_FOLDER QUERIES.tsv
//
// QUERIES.tsv: one query a line, a tab, the URL the first result must have (relative to
// the site root, e.g. 84/8409/), "-" for no result, or "*" for any result. Prints each failure and the bytes
// each query fetched; exits 1 if any query fails.
"use strict";
const fs = require("fs");
const path = require("path");
const search = require(path.join(__dirname, "../../themes/default/static/search.js"));

const [site, list] = process.argv.slice(2);
const lines = fs.readFileSync(list, "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
let failures = 0;
(async () => {
  for (const line of lines) {
    const [query, expected] = line.split("\t");
    let bytes = 0;
    const fetched = new Set();
    const load = (file) => {
      const text = fs.readFileSync(path.join(site, file), "utf8");
      if (!fetched.has(file)) { fetched.add(file); bytes += Buffer.byteLength(text); }
      return Promise.resolve(JSON.parse(text));
    };
    const found = await search.search(query, load);
    const first = found.results.length ? found.results[0].url : "-";
    const ok = expected === "*" ? found.results.length > 0 : first === expected;
    if (!ok) failures++;
    console.log(`${ok ? "ok  " : "FAIL"} ${query} -> ${first}${ok ? "" : " (expected " + expected + ")"} ` +
      `[${found.total} results, ${fetched.size} files, ${bytes} bytes]`);
  }
  if (failures) { console.log(`${failures} of ${lines.length} queries failed`); process.exit(1); }
  console.log(`all ${lines.length} queries found their page first`);
})();
