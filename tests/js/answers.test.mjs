// node --test: the pure rules of docs/assets/answers.js (entries, CSV, summary text, mail link).
import "./english-strings.js";
import assert from "node:assert/strict";
import { test } from "node:test";

import { csvCell, entriesProblem, formatDate, mailLink, sheetText, summaryText, toCsv } from "../../docs/assets/answers.js";

const UNCHANGED = "Your answers have not changed.";
const SPEC = { label: "Applications", max: 3, fields: [
  { id: "date", kind: "date", label: "Date", max: 10 }, { id: "employer", kind: "text", label: "Employer", max: 5 }] };

test("entries: every wrong shape is refused, saying where and why", () => {
  assert.equal(entriesProblem("applications", [{ date: "2030-01-15", employer: "Acme" }, {}], SPEC), "");
  const cases = [
    ["x", `This file’s answer to “applications” should be a list of entries, and it is not. ${UNCHANGED}`],
    [[{}, {}, {}, {}], `This file has 4 entries in “applications”; a worksheet takes at most 3. ${UNCHANGED}`],
    [[{}, "x"], `Entry 2 of “applications” is not a set of answers. ${UNCHANGED}`],
    [[{ salary: "1" }], `Entry 1 of “applications” has an answer this worksheet does not ask for (“salary”). ${UNCHANGED}`],
    [[{ employer: 3 }], `Entry 1 of “applications” has an answer that is not text (“employer”). ${UNCHANGED}`],
    [[{}, {}, { employer: "Acme Ltd" }], `Entry 3 of “applications” has an answer longer than 5 characters (“employer”). ${UNCHANGED}`],
    [[{ date: "15/01/2030" }], `Entry 1 of “applications” has a date that is not written as year-month-day, like 2030-01-15 (“date”). ${UNCHANGED}`],
  ];
  assert.deepEqual(cases.map(([value]) => entriesProblem("applications", value, SPEC)), cases.map(([, message]) => message));
});

test("CSV: header, one row per entry, RFC 4180 quoting, formulas turned into text", () => {
  const fields = [{ id: "date", label: "Date" }, { id: "employer", label: "Employer, name" }];
  const csv = toCsv(fields, [{ date: "2030-01-15", employer: '=HYPERLINK("x")' }, {}, { employer: 'Say "hi"\nthere' }]);
  assert.equal(csv, '\ufeff"Date","Employer, name"\r\n"2030-01-15","\'=HYPERLINK(""x"")"\r\n"","Say ""hi""\nthere"\r\n');
  assert.deepEqual(["=1", "+1", "-1", "@a", "\tx", "\rx", "a=b", ""].map(csvCell),
    ['"\'=1"', '"\'+1"', '"\'-1"', '"\'@a"', '"\'\tx"', '"\'\rx"', '"a=b"', '""']);
});

const SHEET = { slug: "job-search-record", title: "Job-search record", version: 2, sections: [
  { title: "Next appointment", fields: [{ id: "when", kind: "date", label: "Date" }, { id: "notes", kind: "long-text", label: "Notes" },
    { id: "who", kind: "text", label: "Who are you seeing?" }] },
  { title: "Applications", fields: [{ id: "apps", kind: "entries", label: "Jobs", item: "Application",
    fields: [{ id: "employer", kind: "text", label: "Employer" }, { id: "date", kind: "date", label: "Date" }] }] },
  { title: "Empty", fields: [{ id: "ticks", kind: "checklist", label: "Ticks" }] },
] };

test("summary text: readable answers, and what an older version's file left out", () => {
  const saved = { worksheet: "job-search-record", worksheet_version: 1, saved: "2026-12-03T09:00:00.000Z", answers: {
    when: "2030-01-15", notes: "Line one\nLine two", who: "Sam", apps: [{ employer: "Acme", date: "2030-01-02", old: "x" }, {}],
    "gone-question": "an old answer", ticks: "not a list" } };
  const part = sheetText(SHEET, saved);
  assert.deepEqual(part.lines, [
    "Job-search record", "-----------------", "Last changed: 3 December 2026",
    "Saved from version 1 of this worksheet (now version 2).",
    "", "Next appointment", "Date: 15 January 2030", "Notes:", "  Line one", "  Line two", "Who are you seeing? Sam",
    "", "Applications", "Jobs:", "  Application 1", "    Employer: Acme", "    Date: 2 January 2030",
    "", "Left out: in application 1, answers to questions it no longer has (old); an answer to “Ticks” that is "
      + "not in the form it should be; answers to questions this worksheet no longer asks (gone-question). Open the worksheet to see them.",
  ]);
  assert.equal(part.answered, 4);
  assert.equal(summaryText("My answers", "2026-12-03T10:00:00Z", [part, { lines: ["B", "-"] }]),
    ["My answers", "==========", "Made on 3 December 2026. Only the worksheets you chose are included.", "",
      ...part.lines, "", "B", "-"].join("\n") + "\n");
  assert.deepEqual(sheetText(SHEET, { worksheet_version: 2, answers: {} }).lines, ["Job-search record", "-----------------", "", "(No answers yet.)"]);
});

test("dates and the mail link's length", () => {
  assert.deepEqual([formatDate("2030-12-31"), formatDate("2030-13-01"), formatDate("soon")], ["31 December 2030", "2030-13-01", "soon"]);
  assert.equal(mailLink("My answers", "a b\nc"), "mailto:?subject=My%20answers&body=a%20b%0D%0Ac");
  const fits = "x".repeat(1800 - "mailto:?subject=S&body=".length);
  assert.equal(mailLink("S", fits).length, 1800);
  assert.equal(mailLink("S", fits + "x"), "");
});
