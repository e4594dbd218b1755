/* The web form's rule interpreter (site_builder/assets/kpi/rules.js) against the Python
 * validator, without a browser. tests/test_rule_table.py writes the cases (answer sets
 * in the form's own shape, the parts the validator refused, the validator's findings
 * from the table's codes) and the form's config to the JSON file named by RULE_CASES,
 * then runs this file with `node --test`. */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const KpiRules = require(
  path.join(__dirname, "..", "..", "site_builder", "assets", "kpi", "rules.js"),
);

const data = JSON.parse(fs.readFileSync(process.env.RULE_CASES, "utf8"));
const C = data.config;

// the form's fields and their kinds, walked as form.js walks them
const kinds = {};
function walk(fields) {
  fields.forEach((f) => {
    kinds[f.key] = f.kind;
    (f.choices || []).forEach((c) => walk(c.fields || []));
  });
}
C.items.forEach((it) => walk(it.fields));

test("the form's interpreter gives the validator's findings on every generated answer set", () => {
  let agree = 0;
  const differ = [];
  data.cases.forEach((c, i) => {
    const hits = KpiRules.run(C.rules, {
      field: KpiRules.reader(C, c.answers, c.round),
      has: (k) => k in kinds,
      broken: new Set(c.broken),
      found: () => false,
      fmt: { long: (iso) => KpiRules.beLong(iso, C.months), grouped: (n) => String(n) },
    });
    const js = hits.map((h) => [h.code, h.row.field]);
    if (JSON.stringify(js) === JSON.stringify(c.python)) agree++;
    else if (differ.length < 5)
      differ.push({ case: i, answers: c.answers, js: js, python: c.python });
  });
  console.log("agreement: " + agree + " of " + data.cases.length);
  assert.deepStrictEqual(differ, []);
  assert.strictEqual(agree, data.cases.length);
});
