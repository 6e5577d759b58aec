// A repeating group on a worksheet (kind `entries`, e.g. the job-search record): the person adds,
// edits, moves and removes entries (undo straight after), each a numbered fieldset. Without
// JavaScript the page has a few empty entries and, on paper, a ruled table; this replaces them
// with the saved entries. Focus goes somewhere sensible after each action and a status line
// says what happened. Imports nothing (the offline bundle inlines it into worksheet.js, and can
// inline only a module that imports nothing): worksheet.js hands it enhance.js's el(), the
// components' one way to make elements, and t(), the page's words.

const readable = (iso, locale) => {   // the table on paper: "15/01/2030" style is ambiguous across countries
  const date = new Date(`${iso}T00:00:00`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(locale, { day: "numeric", month: "short", year: "numeric" });
};

export class Entries {
  /** root: the fieldset.ws-entries; changed(): called after every change the person makes;
      csv(fields, entries): makes and downloads the CSV file; el, t: enhance.js's el() and t();
      locale: the dates' (enhance.js dateLocale()). */
  constructor(root, changed, csv, el, t, locale) {
    this.el = el;
    this.t = t;
    this.locale = locale;
    this.root = root;
    this.changed = changed;
    this.csv = csv;
    this.id = root.dataset.field;
    this.item = root.dataset.item;
    this.fields = JSON.parse(root.dataset.fields);
    this.max = Number(root.dataset.maxEntries);
    this.list = root.querySelector(".ws-entry-list");
    this.none = root.querySelector(".ws-entry-none");
    this.status = root.querySelector(".ws-entry-message");
    this.paper = root.querySelector(".ws-paper tbody");
    this.rows = this.paper.rows.length;
    this.removed = null;   // {index, entry}: the last removal, until undone or another change
    root.addEventListener("click", (event) => {
      const button = event.target.closest("[data-entry-action]");
      if (button) this.act(button.dataset.entryAction, Number(button.closest(".ws-entry-item")?.dataset.index));
    });
  }

  get spec() {
    return { label: this.root.querySelector(".ws-label").textContent.trim(), max: this.max, fields: this.fields };
  }

  /** The entries on screen, in order: each {sub-field id: answer}, empty answers left out. */
  value() {
    return [...this.list.querySelectorAll(".ws-entry")].map((fieldset) => {
      const entry = {};
      for (const input of fieldset.querySelectorAll("[data-sub]")) if (input.value !== "") entry[input.dataset.sub] = input.value;
      return entry;
    });
  }

  /** Draw `entries` (a list of answer sets; anything else shows none). */
  show(entries) {
    const list = Array.isArray(entries) ? entries : [];
    this.list.replaceChildren(...list.map((entry, i) => this.entry(entry, i, list.length)));
    this.none.hidden = list.length > 0;
    this.drawPaper(list);
  }

  /** Text only a screen reader says (the visible label says the rest). */
  hidden(text) {
    return this.el("span", { class: "ws-vh", text });
  }

  entry(entry, index, count) {
    const { el } = this;
    const n = index + 1, base = `ws-${this.id}--${n}`;
    const legend = el("legend", { class: "ws-entry-title", id: `${base}--title`, text: `${this.item} ${n}` });
    const fields = el("div", { class: "ws-entry-fields" });
    for (const f of this.fields) {
      const control = f.kind === "long-text" ? el("textarea", { rows: 2 }) : el("input", { type: f.kind === "date" ? "date" : "text" });
      Object.assign(control, { className: "ws-input", id: `${base}--${f.id}`, name: `${this.id}.${n}.${f.id}`,
        value: typeof entry?.[f.id] === "string" ? entry[f.id] : "" });
      if (f.kind !== "date") control.maxLength = f.max;   // a date box takes no maxlength
      control.dataset.sub = f.id;
      fields.append(el("div", { class: `ws-sub ws-${f.kind}` },
        el("label", { class: "ws-sub-label", for: control.id, text: f.label }), control));
    }
    const action = (name, text) => {
      const button = el("button", { type: "button", class: "md-button" }, text, this.hidden(` ${this.item.toLowerCase()} ${n}`));
      button.dataset.entryAction = name;
      return button;
    };
    const actions = el("div", { class: "ws-entry-actions" });
    const { t } = this;
    if (index > 0) actions.append(action("up", t("entries.move-up")));
    if (index < count - 1) actions.append(action("down", t("entries.move-down")));
    actions.append(action("remove", t("entries.remove")));
    const li = el("li", { class: "ws-entry-item" }, el("fieldset", { class: "ws-entry", id: base }, legend, fields, actions));
    li.dataset.index = String(index);
    return li;
  }

  /** The ruled table printed on paper: the entries, then empty rows up to the definition's count. */
  drawPaper(list) {
    const { el } = this;
    const filled = list.filter((entry) => this.fields.some((f) => entry?.[f.id]));
    const rows = [];
    for (let i = 0; i < Math.max(this.rows, filled.length); i++) {
      const entry = filled[i] || {};
      rows.push(el("tr", {}, el("th", { scope: "row", text: String(i + 1) }),
        ...this.fields.map((f) => el("td", {}, el("span", { text: entry[f.id] ? (f.kind === "date" ? readable(entry[f.id], this.locale) : entry[f.id]) : "" })))));
    }
    this.paper.replaceChildren(...rows);
  }

  say(text, undo = false) {
    const { el } = this;
    this.status.replaceChildren(el("p", { text }));
    if (!undo) return;
    const button = el("button", { type: "button", class: "md-button", text: this.t("common.undo") });
    button.dataset.entryAction = "undo";
    this.status.firstChild.append(" ", button);
    button.focus();
  }

  focus(index, selector = "input, textarea") {
    this.list.children[index]?.querySelector(selector)?.focus();
  }

  act(action, index) {
    const { item, t } = this;
    const entries = this.value();
    if (action === "csv") return this.csv(this.fields, entries);
    if (action === "add") {
      entries.push({});
      this.removed = null;
      this.show(entries);
      this.focus(entries.length - 1);
      this.say(t("entries.added", { item, number: entries.length }));
    } else if (action === "remove") {
      this.removed = { index, entry: entries.splice(index, 1)[0] };
      this.show(entries);
      this.say(t("entries.removed", { item, number: index + 1 }), true);
    } else if (action === "undo" && this.removed) {
      const { index: at, entry } = this.removed;
      entries.splice(at, 0, entry);
      this.removed = null;
      this.show(entries);
      this.focus(at);
      this.say(t("entries.back", { item, number: at + 1 }));
    } else if (action === "up" || action === "down") {
      const to = action === "up" ? index - 1 : index + 1;
      [entries[index], entries[to]] = [entries[to], entries[index]];
      this.removed = null;
      this.show(entries);
      const other = action === "up" ? "down" : "up";
      this.focus(to, `[data-entry-action="${action}"], [data-entry-action="${other}"]`);
      this.say(t("entries.moved", { item, to: to + 1, count: entries.length }));
    } else {
      return;
    }
    this.changed();
  }
}
