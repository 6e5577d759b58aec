// Worksheets: enhances each <form data-module="worksheet"> with autosave on this device,
// export / import, clear with undo, print blank and calendar reminders.
// The form is complete without this file; nothing here sends anything anywhere. Where answers
// are kept (this device or this tab) is the person's choice, made in enhance.js.

import { KEYS, createAll, dateLocale, download, el, read, saveChoice, t, tn, write } from "./enhance.js";
import { Entries } from "./entries.js";
import { entriesProblem, formatDate as isoDate, toCsv, useStrings } from "./answers.js";

useStrings(t);   // answers.js imports nothing: it takes the page's words from here

// How an answer is read, from its element and controls alone (after_the_no/worksheets/model.py
// KINDS gives each kind one of them): "entries" a repeating group (it carries data-fields, and
// entries.js reads it), "many" checkboxes, "one" radio buttons, "count" a whole number in a text
// box (it carries data-min), "text" any other box. So a new kind with an existing control needs
// no change here.
function controlOf(element, inputs) {
  if ("fields" in element.dataset) return "entries";
  const type = inputs[0]?.type;
  return type === "checkbox" ? "many" : type === "radio" ? "one" : "min" in element.dataset ? "count" : "text";
}

const FORMAT_VERSION = 1;
const MAX_IMPORT_BYTES = 1024 * 1024;
const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"];
// A refused file says why, then that nothing changed (each in the page's language).
const refused = (key, values) => `${t(key, values)} ${t("worksheet.unchanged")}`;

const short = (value) => String(value).slice(0, 80);
// An answer as text: a list joined by commas, an entry (from an older repeating group) as JSON.
const plain = (value) => [].concat(value).map((v) => (typeof v === "object" ? JSON.stringify(v) : v)).join(", ");
const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

// Why `text` is not a count from min to max ("" when it is one, or empty).
export function numberProblem(text, [min, max]) {
  const v = text.trim();
  if (!v) return "";
  if (!/^-?\d+$/.test(v)) return t("number.digits");
  return +v < min ? t("number.min", { min }) : +v > max ? t("number.max", { max }) : "";
}

// The biggest drop between neighbouring stages, as a share of the one before; a stage with no
// count, or after a 0, is skipped (no division by zero).
export function biggestDrop(stages) {
  let best = null;
  for (let i = 1; i < stages.length; i++) {
    const [a, b] = [stages[i - 1], stages[i]];
    if (a.count === null || b.count === null || !a.count) continue;
    if (b.count > a.count) return { error: t("funnel.rise", { later: b.label, later_count: b.count, earlier: a.label, earlier_count: a.count }) };
    const share = (a.count - b.count) / a.count;
    if (!best || share > best.share) best = { share, a, b };
  }
  return best;
}

// Returns the message explaining why `data` cannot be imported into worksheet `slug`, or "" if it can.
// numbers: {field id: [min, max]} for the worksheet's number fields; entries: {field id: spec}
// for its repeating groups (see answers.js entriesProblem).
export function importProblem(data, slug, numbers = {}, entries = {}) {
  if (!isPlainObject(data)) return refused("import.not-export");
  const forbidden = findForbiddenKey(data);
  if (forbidden) return refused("import.forbidden", { key: forbidden });
  if (data.format_version !== FORMAT_VERSION) return refused("import.format", { version: short(JSON.stringify(data.format_version) ?? "missing") });
  if (data.worksheet !== slug) return refused("import.other-sheet", { name: short(data.worksheet) });
  if (!isPlainObject(data.answers)) return refused("import.not-export");
  for (const [key, value] of Object.entries(data.answers)) {
    if (Object.hasOwn(entries, key)) {
      const problem = entriesProblem(key, value, entries[key]);
      if (problem) return problem;
      continue;
    }
    const ok = typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"));
    if (!ok) return refused("import.not-text", { key: short(key) });
    if (numbers[key] && numberProblem(value, numbers[key])) {
      return refused("import.not-number", { key: short(key), min: numbers[key][0], max: numbers[key][1] });
    }
  }
  return "";
}

function findForbiddenKey(value) {
  if (Array.isArray(value)) {
    for (const item of value) { const found = findForbiddenKey(item); if (found) return found; }
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.includes(key)) return key;
      const found = findForbiddenKey(value[key]);
      if (found) return found;
    }
  }
  return "";
}

// RFC 5545 text: escape, then fold lines longer than 75 octets (never inside a UTF-8 character).
export function icsEscape(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

export function icsFold(line) {
  const encoder = new TextEncoder();
  const parts = [];
  let current = "", size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > (parts.length ? 74 : 75)) { parts.push(current); current = ""; size = 0; }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function icsCalendar(events, now = new Date()) {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//After the No//Worksheets//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const event of events) {
    const day = event.date.replace(/-/g, "");
    const next = new Date(Date.UTC(+day.slice(0, 4), +day.slice(4, 6) - 1, +day.slice(6, 8) + 1));
    lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, "")}`,
      `SUMMARY:${icsEscape(event.summary)}`, `DESCRIPTION:${icsEscape(event.description)}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(icsFold).join("\r\n") + "\r\n";
}

function formatDate(iso) {
  const date = new Date(`${iso}T00:00:00`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(dateLocale(), { day: "numeric", month: "long", year: "numeric" });
}

class Worksheet {
  constructor(form) {
    this.form = form;
    this.slug = form.dataset.worksheet;
    this.version = Number(form.dataset.version);
    this.key = KEYS.worksheet(this.slug);
    this.stored = {};      // every answer we hold, including ones for questions no longer here
    this.undoAnswers = null;
    this.fields = [...form.querySelectorAll("[data-field]")].map((element) => {
      const inputs = [...element.querySelectorAll("input, textarea")];
      return { id: element.dataset.field, control: controlOf(element, inputs), date: inputs[0]?.type === "date",
        element, label: element.querySelector(".ws-label").textContent.trim(), inputs };
    });
    this.byId = new Map(this.fields.map((f) => [f.id, f]));
    this.numbers = Object.fromEntries(this.fields.filter((f) => f.control === "count")
      .map((f) => [f.id, [Number(f.element.dataset.min), Number(f.element.dataset.max)]]));
    this.entries = new Map(this.fields.filter((f) => f.control === "entries").map((f) =>
      [f.id, new Entries(f.element, () => this.changed({ target: f.element }), (columns, list) =>
        download(`${this.slug}-${f.id}.csv`, "text/csv;charset=utf-8", toCsv(columns, list)), el, t, dateLocale())]));
    this.entrySpecs = Object.fromEntries([...this.entries].map(([id, group]) => [id, group.spec]));
    this.result = document.querySelector(`.ws-result[data-worksheet="${this.slug}"]`);
    this.toolbar = form.querySelector(".ws-toolbar");
    this.status = form.querySelector(".ws-status");
    this.message = form.querySelector(".ws-message");
    this.confirm = form.querySelector(".ws-confirm");
  }

  start() {
    this.form.classList.add("ws-js");
    for (const group of this.entries.values()) group.show([]);   // the plain form's empty entries give way
    for (const f of this.fields) {
      if (f.control === "text") {
        const mirror = el("div", { class: "ws-mirror", "aria-hidden": "true" });
        f.mirror = mirror.appendChild(el("span"));
        f.element.append(mirror);
      }
    }
    // Every handler reports its own failure instead of breaking the rest of the form.
    const guard = (handler) => async (event) => {
      try {
        await handler(event);
      } catch (error) {
        console.error(`Worksheet ${this.slug}:`, error);
      }
    };
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.addEventListener("input", guard((event) => this.changed(event)));
    this.form.addEventListener("change", guard((event) => this.changed(event)));
    this.form.addEventListener("click", guard((event) => {
      const action = event.target.closest("[data-action]")?.dataset.action;
      if (action) this.run(action);
    }));
    this.form.querySelector("#ws-import-file").addEventListener("change", guard((event) => this.importFile(event.target)));
    window.addEventListener("afterprint", () => this.form.classList.remove("ws-blank"));
    for (const hidden of this.form.querySelectorAll(".ws-toolbar, .ws-reminders")) hidden.hidden = false;
    this.panel = saveChoice(this.status, t("worksheet.blocked"));
    this.restore();
  }

  run(action) {
    const actions = {
      "print": () => { this.form.classList.remove("ws-blank"); window.print(); },
      "print-blank": () => { this.form.classList.add("ws-blank"); window.print(); },
      "export-json": () => download(`${this.slug}-answers.json`, "application/json", JSON.stringify(this.payload(), null, 2) + "\n"),
      "export-text": () => download(`${this.slug}-answers.txt`, "text/plain;charset=utf-8", this.asText()),
      "clear": () => this.askToClear(),
      "clear-no": () => this.closeConfirm(),
      "clear-yes": () => this.clear(),
      "undo": () => this.undo(),
      "ics": () => this.reminders(),
    };
    actions[action]?.();
  }

  changed(event) {
    if (event.target.id === "ws-import-file") return;
    this.stored = this.collect();
    this.refreshMirrors();
    this.save();
    this.showResult();
  }

  // A number that is not a count says so under its field; the answer saved before stays
  // saved (collect() keeps it) until the field holds a count again.
  checkNumber(f) {
    const problem = numberProblem(f.inputs[0].value, this.numbers[f.id]), kept = this.stored[f.id];
    f.element.querySelector(".ws-error").textContent = problem
      ? t("number.not-saved", { problem }) + (kept ? ` ${t("number.kept", { answer: kept })}` : "") : "";
    f.inputs[0].toggleAttribute("aria-invalid", !!problem);
    return !problem;
  }

  showResult() {
    if (!this.result) return;
    const steps = [...this.result.querySelectorAll("[data-stage]")];
    const drop = biggestDrop([this.result.dataset.first, ...steps.map((s) => s.dataset.stage)].map((id) =>
      ({ id, label: this.byId.get(id).label, count: id in this.stored ? +this.stored[id] : null })));
    for (const s of steps) s.classList.toggle("ws-result-top", s.dataset.stage === drop?.b?.id);
    this.result.querySelector(".ws-result-answer").textContent = !drop ? t("funnel.empty")
      : drop.error || tn("funnel.verdict", drop.a.count - drop.b.count, { from: drop.a.label, to: drop.b.label,
        lost: drop.a.count - drop.b.count, total: drop.a.count, percent: Math.round(drop.share * 100) });
  }

  // Form values merged over what we hold: answers to unknown questions, and picked options that
  // are no longer offered, stay as they are; they are never dropped.
  collect() {
    const answers = {};
    for (const [id, value] of Object.entries(this.stored)) if (!this.byId.has(id)) answers[id] = value;
    for (const f of this.fields) {
      const old = this.stored[f.id];
      const offered = f.inputs.map((input) => input.value);
      let value;
      if (f.control === "many") {
        value = f.inputs.filter((i) => i.checked).map((i) => i.value)
          .concat((Array.isArray(old) ? old : []).filter((v) => !offered.includes(v)));
        if (!value.length) continue;
      } else if (f.control === "entries") {
        value = this.entries.get(f.id).value();
        if (!value.length) continue;
      } else if (f.control === "one") {
        value = f.inputs.find((i) => i.checked)?.value ?? (typeof old === "string" && !offered.includes(old) ? old : "");
      } else {
        value = f.inputs[0].value;
        if (f.control === "count") value = this.checkNumber(f) ? value.trim() : old ?? "";
      }
      if (value !== "") answers[f.id] = value;
    }
    return answers;
  }

  show(answers) {
    for (const f of this.fields) {
      const value = answers[f.id];
      if (f.control === "entries") {
        this.entries.get(f.id).show(value);
      } else if (f.control === "many" || f.control === "one") {
        const picked = Array.isArray(value) ? value : [value];
        for (const input of f.inputs) input.checked = picked.includes(input.value);
      } else {
        f.inputs[0].value = typeof value === "string" ? value : "";
      }
    }
    this.stored = { ...answers };
    this.refreshMirrors();
    this.showOrphans();
    for (const f of this.fields) if (f.control === "count") this.checkNumber(f);
    this.showResult();
  }

  refreshMirrors() {
    for (const f of this.fields) {
      if (!f.mirror) continue;
      const value = f.inputs[0].value;
      f.mirror.textContent = f.date && value ? formatDate(value) : value;
    }
  }

  orphans() {
    return Object.entries(this.stored).filter(([id]) => !this.byId.has(id));
  }

  showOrphans() {
    this.form.querySelector(".ws-orphans")?.remove();
    const orphans = this.orphans();
    if (!orphans.length) return;
    const list = el("dl");
    for (const [id, value] of orphans) list.append(el("dt", { text: id }), el("dd", { text: plain(value) }));
    this.form.append(el("section", { class: "ws-orphans" }, el("h2", { text: t("worksheet.orphans") }),
      el("p", { text: t("worksheet.orphans-hint") }), list));
  }

  payload() {
    return { format_version: FORMAT_VERSION, worksheet: this.slug, worksheet_version: this.version,
      saved: new Date().toISOString(), answers: this.stored };
  }

  save() {
    // Blocked or full: the status line says so, and the answers stay on screen.
    this.panel.typed(write(this.key, JSON.stringify(this.payload())));
  }

  restore() {
    const raw = read(this.key);
    if (!raw) return;
    try {
      const data = JSON.parse(raw);
      if (!importProblem(data, this.slug, this.numbers, this.entrySpecs)) this.show(data.answers);
    } catch { /* unreadable saved data: leave it in storage, start from the blank form */ }
  }

  say(text, { error = false, undo = false } = {}) {
    this.message.replaceChildren(el("p", { text }));
    this.message.classList.toggle("ws-warning", error);
    if (undo) {
      const button = el("button", { type: "button", class: "md-button", "data-action": "undo", text: t("common.undo") });
      this.message.firstChild.append(" ", button);
      button.focus();
    }
  }

  async importFile(input) {
    const file = input.files[0];
    if (!file) return;
    input.value = "";  // so the same file can be chosen again
    if (file.size > MAX_IMPORT_BYTES) return this.say(refused("import.too-big"), { error: true });
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return this.say(refused("import.not-json"), { error: true });
    }
    const problem = importProblem(data, this.slug, this.numbers, this.entrySpecs);
    if (problem) return this.say(problem, { error: true });
    this.show(data.answers);
    this.save();
    this.say(t("import.done", { name: short(file.name) }));
  }

  askToClear() {
    this.confirm.hidden = false;
    this.form.querySelector('[data-action="clear"]').setAttribute("aria-expanded", "true");
    this.confirm.querySelector('[data-action="clear-yes"]').focus();
  }

  closeConfirm() {
    this.confirm.hidden = true;
    const clear = this.form.querySelector('[data-action="clear"]');
    clear.setAttribute("aria-expanded", "false");
    clear.focus();
  }

  clear() {
    this.undoAnswers = this.collect();
    this.closeConfirm();
    this.show({});
    this.save();
    this.say(t("worksheet.cleared"), { undo: true });
  }

  undo() {
    if (!this.undoAnswers) return;
    this.show(this.undoAnswers);
    this.undoAnswers = null;
    this.save();
    this.say(t("worksheet.restored"));
    this.form.querySelector('[data-action="clear"]').focus();
  }

  asText() {
    const title = this.form.dataset.title;
    const lines = [title, "=".repeat(title.length), ""];
    for (const section of this.form.querySelectorAll(".ws-section")) {
      const heading = section.querySelector(".ws-section-title").textContent.trim();
      lines.push(heading, "-".repeat(heading.length));
      for (const element of section.querySelectorAll("[data-field]")) {
        const f = this.byId.get(element.dataset.field);
        if (f.control === "entries") {
          lines.push(f.label, ...this.entryLines(f), "");
          continue;
        }
        const value = [].concat(this.stored[f.id] ?? []).join(", ");
        lines.push(`${f.label}`, value ? (f.date ? formatDate(value) : value) : t("worksheet.no-answer"), "");
      }
    }
    const orphans = this.orphans();
    if (orphans.length) {
      const heading = t("worksheet.orphans");
      lines.push(heading, "-".repeat(heading.length));
      for (const [id, value] of orphans) lines.push(id, plain(value), "");
    }
    lines.push(t("worksheet.saved-from", { date: new Date().toLocaleString(dateLocale()), url: location.href.split("#")[0] }));
    return lines.join("\n") + "\n";
  }

  entryLines(f) {
    const group = this.entries.get(f.id), list = this.stored[f.id] ?? [];
    if (!list.length) return [t("worksheet.no-answer")];
    return list.flatMap((entry, i) => [`${group.item} ${i + 1}`, ...group.fields.filter((s) => entry[s.id])
      .map((s) => `  ${s.label}: ${s.kind === "date" ? isoDate(entry[s.id]) : entry[s.id].replace(/\n/g, "\n    ")}`)]);
  }

  reminders() {
    const title = this.form.dataset.title;
    const events = this.fields.filter((f) => f.element.dataset.reminder && f.inputs[0].value).map((f) => {
      let empty = false;
      const summary = f.element.dataset.reminder.replace(/\{([a-z0-9-]+)\}/g, (_, id) => {
        const value = String(this.stored[id] ?? "").trim().replace(/\s+/g, " ");
        empty ||= !value;
        return value;
      });
      return {
        uid: `${this.slug}-${f.id}-${f.inputs[0].value}@after-the-no`,
        date: f.inputs[0].value,
        summary: empty ? `${title}: ${f.label}` : summary,
        description: t("worksheet.reminder", { title: title.toLowerCase(), url: location.href.split("#")[0] }),
      };
    });
    if (!events.length) return this.say(t("worksheet.no-dates"), { error: true });
    download(`${this.slug}-reminders.ics`, "text/calendar;charset=utf-8", icsCalendar(events));
  }
}

// A form that fails to start stays a plain, printable form.
createAll("worksheet", (form) => new Worksheet(form).start());
