// Render TeX to HTML with KaTeX, for scripts/hooks/katex.py.
// Protocol: one JSON request per line on stdin, {"tex": "...", "display": true},
// one JSON answer per line on stdout, {"html": "..."} or {"error": "..."}.
// A parse error or a strict-mode violation is an error: the build fails on it.
"use strict";
const katex = require("katex");
const readline = require("node:readline");

const strict = (code) => (code === "unicodeTextInMathMode" ? "ignore" : "error");

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const { tex, display } = JSON.parse(line);
  let answer;
  try {
    answer = { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, strict, output: "htmlAndMathml" }) };
  } catch (err) {
    answer = { error: String(err.message || err) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
