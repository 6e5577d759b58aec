// The worksheet's pure logic, on the very module the pages load (docs/assets/worksheet.js):
// import checks, number fields, the stages funnel and calendar files. The browser tests keep
// what needs a page (reading a file, the messages on screen, storage, downloads).
import "./page-without-roots.js";
import "./english-strings.js";
import { test } from "node:test";
import assert from "node:assert/strict";
import { biggestDrop, icsCalendar, icsEscape, icsFold, importProblem, numberProblem } from "../../docs/assets/worksheet.js";

const UNCHANGED = "Your answers have not changed.";
const exported = (slug, answers, changes = {}) => ({
  format_version: 1, worksheet: slug, worksheet_version: 1, saved: "2030-01-01T00:00:00.000Z", answers, ...changes,
});

test("an import is refused with the reason, each case its own message", () => {
  const cases = {
    "not an object": [[1, 2], `This file is not a worksheet export. ${UNCHANGED}`],
    "null": [null, `This file is not a worksheet export. ${UNCHANGED}`],
    "another worksheet": [exported("feedback-log", { "job-1": "x" }), `This file holds answers for another worksheet (“feedback-log”). ${UNCHANGED}`],
    "unknown format": [exported("momentum-plan", {}, { format_version: 2 }), `This file was made in a format this site does not know (format_version 2). ${UNCHANGED}`],
    "no format": [{ worksheet: "momentum-plan", answers: {} }, `This file was made in a format this site does not know (format_version missing). ${UNCHANGED}`],
    "__proto__ key": [JSON.parse('{"format_version": 1, "worksheet": "momentum-plan", "answers": {"__proto__": {"x": "1"}}}'), `This file contains a name that is not allowed (“__proto__”). ${UNCHANGED}`],
    "constructor key": [exported("momentum-plan", { "main-goal": "x" }, { constructor: 1 }), `This file contains a name that is not allowed (“constructor”). ${UNCHANGED}`],
    "prototype key, nested": [exported("momentum-plan", { prototype: "x" }), `This file contains a name that is not allowed (“prototype”). ${UNCHANGED}`],
    "a number as an answer": [exported("momentum-plan", { "main-goal": 3 }), `This file has an answer that is not text (“main-goal”). ${UNCHANGED}`],
    "a list of numbers": [exported("momentum-plan", { "practice-skills": [1] }), `This file has an answer that is not text (“practice-skills”). ${UNCHANGED}`],
    "no answers": [exported("momentum-plan", null), `This file is not a worksheet export. ${UNCHANGED}`],
  };
  const got = Object.fromEntries(Object.entries(cases).map(([name, [data]]) => [name, importProblem(data, "momentum-plan")]));
  assert.deepEqual(got, Object.fromEntries(Object.entries(cases).map(([name, [, message]]) => [name, message])));
});

test("a good import passes, and a number field's answer must be a count in range", () => {
  assert.equal(importProblem(exported("momentum-plan", { "main-goal": "x", "practice-skills": ["a", "b"] }), "momentum-plan"), "");
  const numbers = { applications: [0, 9999] };
  assert.equal(importProblem(exported("where-am-i-stuck", { applications: "40" }), "where-am-i-stuck", numbers), "");
  assert.equal(importProblem(exported("where-am-i-stuck", { applications: "lots" }), "where-am-i-stuck", numbers),
    `This file has an answer that is not a whole number from 0 to 9999 (“applications”). ${UNCHANGED}`);
});

test("number fields: digits only, within the field's range; empty is no answer yet", () => {
  assert.deepEqual(
    [numberProblem("", [0, 9]), numberProblem("07", [0, 9]), numberProblem(" 7 ", [0, 9]), numberProblem("10", [0, 9]),
     numberProblem("3", [5, 9]), numberProblem("-3", [0, 9]), numberProblem("1e3", [0, 9999]), numberProblem("4.5", [0, 9999])],
    ["", "", "", "use a number up to 9.", "use 5 or more.", "use 0 or more.", "use digits only, for example 12.",
     "use digits only, for example 12."]);
});

test("the stages funnel: the biggest drop, zeros and gaps skipped, a rise is a mistake", () => {
  const s = (label, count) => ({ id: label, label, count });
  assert.equal(biggestDrop([s("a", 0), s("b", 0)]), null);
  assert.equal(biggestDrop([s("a", null), s("b", 3)]), null);
  assert.equal(biggestDrop([s("a", 10), s("b", 5), s("c", 0)]).b.id, "c");
  assert.equal(biggestDrop([s("a", 10), s("b", 5), s("c", 4)]).b.id, "b");
  assert.equal(biggestDrop([s("a", 40), s("b", 0), s("c", 0)]).share, 1);
  assert.deepEqual(biggestDrop([s("a", 6), s("b", 9)]), { error: "Check your numbers: “b” (9) is more than “a” (6)." });
});

test("calendar text is escaped and folded at 75 octets, never inside a character", () => {
  assert.equal(icsEscape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
  const lines = icsFold("SUMMARY:" + "é".repeat(80)).split("\r\n");
  assert.deepEqual(lines.map((line) => Buffer.byteLength(line)), [74, 75, 21]);   // 33 + 37 + 10 two-byte characters
  assert.equal(lines.map((line, n) => (n ? line.slice(1) : line)).join(""), "SUMMARY:" + "é".repeat(80));
});

test("a calendar file: one all-day event per date, CRLF lines, every line at most 75 octets", () => {
  const ics = icsCalendar([{ uid: "u1@after-the-no", date: "2030-12-31", summary: "Check in; Ana, \\ Co", description: "Line 1\nLine 2" }],
    new Date(Date.UTC(2030, 0, 2, 3, 4, 5)));
  assert.equal(ics, ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//After the No//Worksheets//EN", "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH", "BEGIN:VEVENT", "UID:u1@after-the-no", "DTSTAMP:20300102T030405Z", "DTSTART;VALUE=DATE:20301231",
    "DTEND;VALUE=DATE:20310101", "SUMMARY:Check in\\; Ana\\, \\\\ Co", "DESCRIPTION:Line 1\\nLine 2", "END:VEVENT",
    "END:VCALENDAR", ""].join("\r\n"));
});
