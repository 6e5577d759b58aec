// Answers as data and as text, with no page and no storage: the rules for a repeating group
// (entries), the job-search record's CSV file, and the readable text of the "My answers"
// summary. Pure functions, so node --test checks them (tests/js/answers.test.mjs); the
// worksheet and summary scripts import them. Imports nothing (the offline bundle inlines it), so
// its words come from enhance.js's t(), handed over with useStrings(t) by the script that loads it.

let t = (key) => { console.error(`interface string missing: ${key} (answers.js: useStrings not called)`); return key; };
/** Take the page's words from enhance.js's t (worksheet.js, summary.js and the tests call it). */
export function useStrings(translate) {
  t = translate;
}
const unchanged = (text) => `${text} ${t("worksheet.unchanged")}`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ["date.month.1", "date.month.2", "date.month.3", "date.month.4", "date.month.5", "date.month.6",
  "date.month.7", "date.month.8", "date.month.9", "date.month.10", "date.month.11", "date.month.12"];
const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const short = (value) => String(value).slice(0, 80);

/** Why `value` cannot be the answer to the entries field `name` ("" when it can).
    spec: {label, max (entries), fields: [{id, kind, label, max (characters)}]}. */
export function entriesProblem(name, value, spec) {
  const field = short(name);
  if (!Array.isArray(value)) return unchanged(t("entries.not-list", { field }));
  if (value.length > spec.max) return unchanged(t("entries.too-many", { count: value.length, field, max: spec.max }));
  const byId = new Map(spec.fields.map((f) => [f.id, f]));
  for (const [i, entry] of value.entries()) {
    const at = t("entries.entry", { number: i + 1, field });
    if (!isPlainObject(entry)) return unchanged(t("entries.entry-not-set", { entry: at }));
    for (const [key, answer] of Object.entries(entry)) {
      const f = byId.get(key);
      if (!f) return unchanged(t("entries.entry-unknown", { entry: at, key: short(key) }));
      if (typeof answer !== "string") return unchanged(t("entries.entry-not-text", { entry: at, key }));
      if (answer.length > f.max) return unchanged(t("entries.entry-too-long", { entry: at, max: f.max, key }));
      if (f.kind === "date" && answer && !DATE.test(answer)) return unchanged(t("entries.entry-date", { entry: at, key }));
    }
  }
  return "";
}

// --- CSV (RFC 4180) -------------------------------------------------------------------------

/** One cell: a value a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at
    the start) gets an apostrophe first, so it shows as text; then it is quoted, quotes doubled. */
export function csvCell(value) {
  let text = String(value ?? "");
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The file: a byte-order mark (so spreadsheets read it as UTF-8), a header row of the labels,
    then one row per entry that has any answer; lines end CRLF. Dates stay as typed: YYYY-MM-DD. */
export function toCsv(fields, entries) {
  const rows = [fields.map((f) => f.label)];
  for (const entry of entries) {
    if (fields.some((f) => entry[f.id])) rows.push(fields.map((f) => entry[f.id] ?? ""));
  }
  return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

// --- readable text --------------------------------------------------------------------------

/** "2030-01-15" -> "15 January 2030" (in the page's language); anything else as it is. */
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
  if (!m || +m[2] < 1 || +m[2] > 12) return String(iso);
  return t("date.long", { day: +m[3], month: t(MONTHS[+m[2] - 1]), year: m[1] });
}

const underline = (text, mark) => [text, mark.repeat(text.length)];
const indent = (text, by) => String(text).split(/\r?\n/).map((line) => by + line);

// "Label: answer"; a label that is a question or ends in a colon already takes no colon.
const lead = (label) => (/[?:]$/.test(label) ? label : `${label}:`);

function answerLines(f, value, by) {
  if (f.kind === "date") return [`${by}${lead(f.label)} ${formatDate(value)}`];
  const text = [].concat(value).join(", ");
  return text.includes("\n") ? [`${by}${lead(f.label)}`, ...indent(text, `${by}  `)] : [`${by}${lead(f.label)} ${text}`];
}

const shapeOk = (f, value) => f.kind === "entries"
  ? Array.isArray(value) && value.every(isPlainObject)
  : f.kind === "checklist" ? Array.isArray(value) && value.every((v) => typeof v === "string") : typeof value === "string";

/** One worksheet's saved answers as text. sheet: {slug, title, version, sections: [{title,
    fields: [{id, kind, label, item?, fields?}]}]}; saved: the stored payload (or null).
    Returns {lines, leftOut: [why, ...], answered: n}. What it cannot show, it names. */
export function sheetText(sheet, saved) {
  const lines = [...underline(sheet.title, "-")];
  const leftOut = [];
  let answered = 0;
  const answers = isPlainObject(saved?.answers) ? saved.answers : {};
  if (saved?.saved && !Number.isNaN(Date.parse(saved.saved))) lines.push(t("answers.last-changed", { date: formatDate(saved.saved) }));
  if (saved && saved.worksheet_version !== sheet.version) {
    const version = saved.worksheet_version ?? t("answers.unknown-version");
    lines.push(t("answers.old-version", { saved: short(version), now: sheet.version }));
  }
  const known = new Set();
  for (const section of sheet.sections) {
    const body = [];
    for (const f of section.fields) {
      known.add(f.id);
      const value = answers[f.id];
      if (value === undefined || value === "" || (Array.isArray(value) && !value.length)) continue;
      if (!shapeOk(f, value)) { leftOut.push(t("answers.bad-shape", { label: f.label })); continue; }
      answered += 1;
      if (f.kind !== "entries") { body.push(...answerLines(f, value, "")); continue; }
      body.push(lead(f.label));
      const subs = new Map(f.fields.map((s) => [s.id, s]));
      value.filter((entry) => Object.values(entry).some((v) => v)).forEach((entry, i) => {
        body.push(`  ${f.item} ${i + 1}`);
        for (const s of f.fields) if (typeof entry[s.id] === "string" && entry[s.id]) body.push(...answerLines(s, entry[s.id], "    "));
        const extra = Object.keys(entry).filter((k) => !subs.has(k));
        if (extra.length) leftOut.push(t("answers.extra-in-entry", { item: f.item.toLowerCase(), number: i + 1, ids: extra.join(", ") }));
      });
    }
    if (body.length) lines.push("", section.title, ...body);
  }
  const gone = Object.keys(answers).filter((id) => !known.has(id));
  if (gone.length) leftOut.push(t("answers.gone", { ids: gone.join(", ") }));
  if (!answered) lines.push("", t("answers.none"));
  if (leftOut.length) lines.push("", t("answers.left-out", { reasons: leftOut.join("; ") }));
  return { lines, leftOut, answered };
}

/** The whole summary: a title, when it was made, then each chosen worksheet. */
export function summaryText(title, made, parts) {
  const lines = [...underline(title, "=")];
  lines.push(t("answers.made-on", { date: formatDate(made) }));
  for (const part of parts) lines.push("", ...part.lines);
  return lines.join("\n") + "\n";
}

/** A mail link with the text, or "" when it would be longer than `limit` characters (mail
    programs cut longer links short, so then the person attaches the downloaded file). */
export function mailLink(subject, body, limit = 1800) {
  const href = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, "\r\n"))}`;
  return href.length <= limit ? href : "";
}
