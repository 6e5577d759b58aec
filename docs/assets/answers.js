// Answers as data and as text, with no page and no storage: the rules for a repeating group
// (entries), the job-search record's CSV file, and the readable text of the "My answers"
// summary. Pure functions, so node --test checks them (tests/js/answers.test.mjs); the
// worksheet and summary scripts import them. Imports nothing (the offline bundle inlines it).

const UNCHANGED = "Your answers have not changed.";
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];
const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const short = (value) => String(value).slice(0, 80);

/** Why `value` cannot be the answer to the entries field `name` ("" when it can).
    spec: {label, max (entries), fields: [{id, kind, label, max (characters)}]}. */
export function entriesProblem(name, value, spec) {
  const where = `“${short(name)}”`;
  if (!Array.isArray(value)) return `This file’s answer to ${where} should be a list of entries, and it is not. ${UNCHANGED}`;
  if (value.length > spec.max) {
    return `This file has ${value.length} entries in ${where}; a worksheet takes at most ${spec.max}. ${UNCHANGED}`;
  }
  const byId = new Map(spec.fields.map((f) => [f.id, f]));
  for (const [i, entry] of value.entries()) {
    const at = `Entry ${i + 1} of ${where}`;
    if (!isPlainObject(entry)) return `${at} is not a set of answers. ${UNCHANGED}`;
    for (const [key, answer] of Object.entries(entry)) {
      const f = byId.get(key);
      if (!f) return `${at} has an answer this worksheet does not ask for (“${short(key)}”). ${UNCHANGED}`;
      if (typeof answer !== "string") return `${at} has an answer that is not text (“${key}”). ${UNCHANGED}`;
      if (answer.length > f.max) return `${at} has an answer longer than ${f.max} characters (“${key}”). ${UNCHANGED}`;
      if (f.kind === "date" && answer && !DATE.test(answer)) {
        return `${at} has a date that is not written as year-month-day, like 2030-01-15 (“${key}”). ${UNCHANGED}`;
      }
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

/** "2030-01-15" -> "15 January 2030"; anything else as it is. */
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
  if (!m || +m[2] < 1 || +m[2] > 12) return String(iso);
  return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
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
  if (saved?.saved && !Number.isNaN(Date.parse(saved.saved))) lines.push(`Last changed: ${formatDate(saved.saved)}`);
  if (saved && saved.worksheet_version !== sheet.version) {
    lines.push(`Saved from version ${short(saved.worksheet_version ?? "unknown")} of this worksheet (now version ${sheet.version}).`);
  }
  const known = new Set();
  for (const section of sheet.sections) {
    const body = [];
    for (const f of section.fields) {
      known.add(f.id);
      const value = answers[f.id];
      if (value === undefined || value === "" || (Array.isArray(value) && !value.length)) continue;
      if (!shapeOk(f, value)) { leftOut.push(`an answer to “${f.label}” that is not in the form it should be`); continue; }
      answered += 1;
      if (f.kind !== "entries") { body.push(...answerLines(f, value, "")); continue; }
      body.push(lead(f.label));
      const subs = new Map(f.fields.map((s) => [s.id, s]));
      value.filter((entry) => Object.values(entry).some((v) => v)).forEach((entry, i) => {
        body.push(`  ${f.item} ${i + 1}`);
        for (const s of f.fields) if (typeof entry[s.id] === "string" && entry[s.id]) body.push(...answerLines(s, entry[s.id], "    "));
        const extra = Object.keys(entry).filter((k) => !subs.has(k));
        if (extra.length) leftOut.push(`in ${f.item.toLowerCase()} ${i + 1}, answers to questions it no longer has (${extra.join(", ")})`);
      });
    }
    if (body.length) lines.push("", section.title, ...body);
  }
  const gone = Object.keys(answers).filter((id) => !known.has(id));
  if (gone.length) leftOut.push(`answers to questions this worksheet no longer asks (${gone.join(", ")})`);
  if (!answered) lines.push("", "(No answers yet.)");
  if (leftOut.length) lines.push("", `Left out: ${leftOut.join("; ")}. Open the worksheet to see them.`);
  return { lines, leftOut, answered };
}

/** The whole summary: a title, when it was made, then each chosen worksheet. */
export function summaryText(title, made, parts) {
  const lines = [...underline(title, "=")];
  lines.push(`Made on ${formatDate(made)}. Only the worksheets you chose are included.`);
  for (const part of parts) lines.push("", ...part.lines);
  return lines.join("\n") + "\n";
}

/** A mail link with the text, or "" when it would be longer than `limit` characters (mail
    programs cut longer links short, so then the person attaches the downloaded file). */
export function mailLink(subject, body, limit = 1800) {
  const href = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, "\r\n"))}`;
  return href.length <= limit ? href : "";
}
