// The pseudo-language (en-XA): every English text of locales/interface.pot wrapped in ⟦…⟧, as
// after_the_no/i18n/interface.py pseudo() makes it. Every message the scripts' pure functions
// make must then be bracketed text and data only: an English word left outside the brackets is a
// string written in a script instead of the catalogue. (Node runs each test file in its own
// process, so these strings do not reach the other tests.)
import "./page-without-roots.js";
import { test } from "node:test";
import assert from "node:assert/strict";
import { ENGLISH } from "./english-strings.js";
import { setStrings } from "../../docs/assets/enhance.js";
import { biggestDrop, importProblem, numberProblem } from "../../docs/assets/worksheet.js";
import { entriesProblem, formatDate, sheetText, summaryText } from "../../docs/assets/answers.js";
import { countText, textFile } from "../../docs/assets/reply.js";
import { whatWillGo } from "../../docs/assets/privacy.js";

setStrings(Object.fromEntries(Object.entries(ENGLISH).map(([key, text]) => [key, `⟦${text}⟧`])));

/** What is left of `text` once every bracketed part is taken out: only data (single letters,
    digits, punctuation, the names passed in) may remain. */
function escaped(text) {
  let rest = text, before;
  do { before = rest; rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ""); } while (rest !== before);   // innermost first
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

test("every message the scripts make is the catalogue's, with no English of their own", () => {
  const exported = (answers, changes = {}) => ({ format_version: 1, worksheet: "w", answers, ...changes });
  const spec = { label: "A", max: 1, fields: [{ id: "d", kind: "date", label: "D", max: 3 }] };
  const sheet = { slug: "w", title: "W", version: 2, sections: [{ title: "S", fields: [
    { id: "d", kind: "date", label: "D" }, { id: "e", kind: "entries", label: "E", item: "I", fields: [{ id: "x", kind: "text", label: "X" }] }] }] };
  const messages = {
    "import: not an export": importProblem([1], "w"),
    "import: forbidden": importProblem(exported({ __proto__: 1 }, { constructor: 1 }), "w"),
    "import: format": importProblem(exported({}, { format_version: 9 }), "w"),
    "import: other sheet": importProblem(exported({}, { worksheet: "v" }), "w"),
    "import: not text": importProblem(exported({ a: 1 }), "w"),
    "import: not a number": importProblem(exported({ n: "x" }), "w", { n: [0, 9] }),
    "entries: not a list": entriesProblem("e", "x", spec),
    "entries: too many": entriesProblem("e", [{}, {}], spec),
    "entries: bad date": entriesProblem("e", [{ d: "1/1/2030" }], spec),
    "entries: unknown": entriesProblem("e", [{ z: "1" }], spec),
    "number: digits": numberProblem("x", [0, 9]),
    "number: min": numberProblem("1", [5, 9]),
    "number: max": numberProblem("10", [0, 9]),
    "funnel: rise": biggestDrop([{ id: "a", label: "A", count: 1 }, { id: "b", label: "B", count: 2 }]).error,
    "date": formatDate("2030-01-15"),
    "answers as text": summaryText("T", "2030-01-15", [sheetText(sheet, { worksheet: "w", worksheet_version: 1,
      saved: "2030-01-15T00:00:00Z", answers: { d: "2030-01-15", e: [{ x: "1", y: "2" }], gone: "1" } })]),
    "no answers": sheetText(sheet, null).lines.join("\n"),
    "count": countText(5, { characters: 3, where: "W" }),
    "text file": textFile("S", "B"),
    "forget everything": whatWillGo({ local: { "after-the-no:worksheet:w": "1", "after-the-no:save": "yes",
      "after-the-no:reply-fields": "{}", "after-the-no:place": "x", "after-the-no:z": "1" }, session: {} }, true).join("\n"),
  };
  const found = Object.entries(messages).filter(([, text]) => escaped(text).length)
    .map(([name, text]) => `${name}: ${JSON.stringify(escaped(text))} outside the catalogue in ${JSON.stringify(text)}`);
  assert.deepEqual(found, []);
  assert.ok(Object.values(messages).every((text) => text.includes("⟦")), "every message came from the catalogue");
});

test("a missing key shows as itself and is said in the console; tn picks the page language's plural form", async () => {
  const { t, tn } = await import("../../docs/assets/enhance.js");
  const logged = [];
  const error = console.error;
  console.error = (...args) => logged.push(args.join(" "));
  try {
    assert.equal(t("no.such-key", { name: "x" }), "no.such-key");
  } finally {
    console.error = error;
  }
  assert.deepEqual(logged, ["interface string missing: no.such-key"]);
  setStrings({ "n.one": "{count} one", "n.few": "{count} few", "n.other": "{count} other {name}" });
  const lang = globalThis.document.documentElement.lang;
  try {
    globalThis.document.documentElement.lang = "cy";   // Welsh: 3 is "few", 6 is "many" (no n.many here: n.other)
    assert.deepEqual([tn("n", 1), tn("n", 3), tn("n", 6, { name: "$&" })], ["1 one", "3 few", "6 other $&"]);
    globalThis.document.documentElement.lang = "es";
    assert.deepEqual([tn("n", 1), tn("n", 3)], ["1 one", "3 other {name}"]);
  } finally {
    globalThis.document.documentElement.lang = lang;
  }
});
