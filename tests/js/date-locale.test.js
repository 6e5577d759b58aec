// Dates the scripts write (a worksheet's printed answers and exported text, the job-search
// record's table on paper) follow the page's language, in the reader's own variety of it.
import "./page-without-roots.js";
import { test } from "node:test";
import assert from "node:assert/strict";
import { dateLocale } from "../../docs/assets/enhance.js";

test("an English page uses the reader's English: British or American order", () => {
  assert.equal(dateLocale("en", ["en-GB", "fr-FR"]), "en-GB");
  assert.equal(dateLocale("en", ["fr-FR", "en-US"]), "en-US");
  const day = new Date("2030-01-02T00:00:00");
  const long = { day: "numeric", month: "long", year: "numeric" };
  assert.equal(day.toLocaleDateString(dateLocale("en", ["en-GB"]), long), "2 January 2030");
  assert.equal(day.toLocaleDateString(dateLocale("en", ["en-US"]), long), "January 2, 2030");
});

test("a Spanish page never shows English months, whatever the browser's language", () => {
  assert.equal(dateLocale("es", ["en-US", "en"]), "es");
  assert.equal(dateLocale("es", ["en-US", "es-MX"]), "es-MX");
  const day = new Date("2030-01-02T00:00:00");
  assert.equal(day.toLocaleDateString(dateLocale("es", ["en-US"]), { day: "numeric", month: "long", year: "numeric" }),
    "2 de enero de 2030");
});

test("a region in the page's language tag is matched on the language alone", () => {
  assert.equal(dateLocale("en-US", ["en-GB"]), "en-GB");
  assert.equal(dateLocale("cy", []), "cy");
});
