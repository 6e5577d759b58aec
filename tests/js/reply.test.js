// The reply personaliser's pure logic, on the module the pages load (docs/assets/reply.js).
// That the tone check agrees with Python's is tested from Python (tests/test_unit_reply_js.py),
// which holds the rules; the browser tests keep what needs a page.
import "./page-without-roots.js";
import "./english-strings.js";
import { test } from "node:test";
import assert from "node:assert/strict";
import { characterCount, countText, fill, mailtoHref, normalise, textFile, toneCheck } from "../../docs/assets/reply.js";

const labels = { interviewer_name: "Interviewer's name", your_name: "Your name" };

test("fill puts each value in; an empty one shows its label; unknown names stay as typed", () => {
  assert.equal(fill("Dear {interviewer_name},\n{your_name} {other}", { interviewer_name: " Sam " }, labels),
    "Dear Sam,\n[Your name] {other}");
  assert.equal(fill("{interviewer_name}", { interviewer_name: "<b>Sam</b> $& $1" }, labels), "<b>Sam</b> $& $1");
});

test("curly apostrophes and no-break spaces count as plain ones", () => {
  assert.equal(normalise("I\u2019m \u2018sure\u2019\u00a0now \u02bc"), "I'm 'sure' now '");
});

test("the tone check lists each rule it trips once, in rule order, and skips a broken rule", () => {
  const rules = [{ id: "but-i", pattern: "\\bbut I\\b", why: "w1", suggest: "s1" },
    { id: "broken", pattern: "(", why: "", suggest: "" },
    { id: "unfair", pattern: "unfair", why: "w2", suggest: "s2", link: { url: "x", text: "y" } }];
  const warn = console.warn;
  console.warn = () => {};
  try {
    assert.deepEqual(toneCheck("That was UNFAIR, but I\u2019m fine. Unfair!", rules), [
      { id: "but-i", match: "but I", why: "w1", suggest: "s1", link: null },
      { id: "unfair", match: "UNFAIR", why: "w2", suggest: "s2", link: { url: "x", text: "y" } }]);
    assert.deepEqual(toneCheck("Thank you.", rules), []);
  } finally {
    console.warn = warn;
  }
});

test("characters are counted as a person counts them, and the count says how many too many", () => {
  assert.equal(characterCount("café 👋"), 6);
  assert.equal(countText(198, { characters: 200, where: "a free LinkedIn invitation" }), "198 of 200 characters");
  assert.equal(countText(206, { characters: 200, where: "a free LinkedIn invitation" }),
    "206 of 200 characters: 6 too many for a free LinkedIn invitation.");
});

test("open in email keeps every character, with CRLF line breaks", () => {
  assert.equal(mailtoHref("The Café lead job at Smith & Jones? #1", "Dear Zoë,\n50%+"),
    "mailto:?subject=The%20Caf%C3%A9%20lead%20job%20at%20Smith%20%26%20Jones%3F%20%231&body=Dear%20Zo%C3%AB%2C%0D%0A50%25%2B");
  assert.equal(textFile("Hi", "Body"), "Subject: Hi\n\nBody\n");
});
