// "My answers" (/worksheets/summary/): one summary of the answers kept in this browser for every
// worksheet, made here on the device. The person ticks what goes in, then prints it, downloads
// it as text or opens an email with it. Nothing is sent anywhere by this page.

import { KEYS, createAll, download, el, read, saving, t } from "./enhance.js";
import { formatDate, mailLink, sheetText, summaryText, useStrings } from "./answers.js";

useStrings(t);   // answers.js imports nothing: it takes the page's words from here

/** A worksheet's kept answers: the stored payload, or {problem} when it cannot be read. */
function kept(slug) {
  const raw = read(KEYS.worksheet(slug));
  if (!raw) return null;
  try {
    const data = JSON.parse(raw);
    return data && typeof data === "object" && data.worksheet === slug ? data : { problem: t("summary.unreadable") };
  } catch {
    return { problem: t("summary.unreadable") };
  }
}

class Summary {
  constructor(root) {
    this.root = root;
    this.sheets = JSON.parse(root.querySelector(".summary-sheets").textContent);
    const heading = document.querySelector("h1")?.cloneNode(true);
    heading?.querySelector(".headerlink")?.remove();   // the section link's "¶" is not part of the title
    this.title = heading?.textContent.trim() || t("summary.title");
    this.site = root.dataset.site;
    this.status = root.querySelector(".summary-status");
    this.choose = root.querySelector(".summary-choose");
    this.actions = root.querySelector(".summary-actions");
    this.mail = root.querySelector('[data-action="mail"]');
    this.mailNote = root.querySelector(".summary-mail-note");
    this.preview = root.querySelector(".summary-preview");
    this.out = root.querySelector(".summary-text");
  }

  start() {
    const where = saving();
    this.parts = [];
    for (const sheet of this.sheets) {
      const saved = kept(sheet.slug);
      if (!saved) continue;
      const part = saved.problem
        ? { lines: [sheet.title, "-".repeat(sheet.title.length), "", t("summary.left-out", { reason: saved.problem })], answered: 0, leftOut: [saved.problem] }
        : sheetText(sheet, saved);
      if (part.answered || part.leftOut.length) this.parts.push({ sheet, saved, ...part });
    }
    const notes = [where === "blocked" ? t("summary.blocked") : where === "no" ? t("summary.this-tab") : ""];
    if (!this.parts.length) notes.push(t("summary.nothing"));
    this.status.textContent = notes.filter(Boolean).join(" ");
    if (!this.parts.length) return;
    const list = this.choose.querySelector(".summary-list");
    for (const part of this.parts) {
      const id = `summary-pick-${part.sheet.slug}`;
      const when = part.saved.saved && !Number.isNaN(Date.parse(part.saved.saved)) ? t("summary.last-changed", { date: formatDate(part.saved.saved) }) : "";
      part.box = el("input", { type: "checkbox", id, checked: true });
      list.append(el("div", { class: "summary-pick" }, part.box, " ",
        el("label", { for: id, text: `${part.sheet.title}${when}` }), " ",
        el("a", { href: `../${part.sheet.slug}/`, text: t("summary.open") }, el("span", { class: "summary-vh", text: ` ${part.sheet.title}` }))));
    }
    this.choose.hidden = this.actions.hidden = this.preview.hidden = false;
    this.choose.addEventListener("change", () => this.refresh());
    this.root.addEventListener("click", (event) => {
      const action = event.target.closest("[data-action]")?.dataset.action;
      if (action === "print") window.print();
      if (action === "download") download("my-answers.txt", "text/plain;charset=utf-8", this.text());
    });
    this.refresh();
  }

  text() {
    const chosen = this.parts.filter((part) => part.box.checked);
    return summaryText(this.title, new Date().toISOString(), chosen) + (chosen.length ? "" : `\n${t("summary.none-chosen")}\n`);
  }

  refresh() {
    const text = this.text();
    this.out.textContent = text;
    const href = mailLink(`${this.title}: ${this.site}`, text);
    this.mail.hidden = !href;
    this.mailNote.hidden = !!href;
    if (href) this.mail.href = href;
  }
}

createAll("summary", (root) => new Summary(root).start());
