// Shared by the components (worksheet.js, reply.js, link-kit.js, privacy.js) and offline.js, as
// GOV.UK Frontend's createAll: start every [data-module] root once, each in its own try/catch;
// the storage keys, written once; the interface's words in the page's language (t); keep browser
// storage behind the person's save choice; make an element (el); download a file; copy with a
// fallback; speak in a live region. Nothing here
// sends anything anywhere. The offline bundle inlines this file into each classic script, so it
// imports nothing and never asks for its own URL.

// Every key this site keeps in the browser starts with PREFIX.
export const PREFIX = "after-the-no:";
export const KEYS = {
  choice: `${PREFIX}save`,                       // "yes" | "no"; absent until the person chooses
  worksheets: `${PREFIX}worksheet:`,             // + a worksheet's slug: its answers
  worksheet: (slug) => `${PREFIX}worksheet:${slug}`,
  replyFields: `${PREFIX}reply-fields`,          // the names and details typed into the reply examples
  place: `${PREFIX}place`,                       // places.js: where the person said they are
  check: `${PREFIX}check`,                       // written and removed at once: can we store at all?
};
const CHOICE_KEY = KEYS.choice;

// --- the interface's words ----------------------------------------------------------------
// Every message and button text comes from the page: the build writes the language's strings
// (locales/interface.pot, locales/<code>/interface.po) as <script type="application/json"
// id="interface-strings">. Tests install them with setStrings().

let strings = null;
const FILL = /\{([a-z_][a-z0-9_]*)\}/g;

/** Use `table` ({key: text}) instead of the page's block (the Node tests). */
export function setStrings(table) {
  strings = table;
}

function table() {
  if (strings) return strings;
  try {
    strings = JSON.parse(document.getElementById("interface-strings")?.textContent || "{}");
  } catch (error) {
    console.error("interface strings could not be read:", error);
    strings = {};
  }
  return strings;
}

/** The text for `key` with each {name} filled from `values`. A missing key is said in the
    console and shows as the key itself, so it is seen, and nothing breaks. */
export function t(key, values = {}) {
  const text = table()[key];
  if (typeof text !== "string") {
    console.error(`interface string missing: ${key}`);
    return key;
  }
  return text.replace(FILL, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** The locale dates are written in: the reader's own (navigator.languages) when it is in the
    page's language, so an English page shows 2 January 2030 in Britain and January 2, 2030 in
    the US; else the page's own (<html lang>), so a Spanish page never shows English months. */
export function dateLocale(page = globalThis.document?.documentElement?.lang || "en",
  preferred = globalThis.navigator?.languages || []) {
  const language = page.split("-")[0].toLowerCase();
  return preferred.find((tag) => tag.split("-")[0].toLowerCase() === language) || page;
}

/** A number-dependent text: `key.one`, `key.other`... as the page's language counts `count`
    (Intl.PluralRules of <html lang>), `key.other` when that form is not in the catalogue. */
export function tn(key, count, values = {}) {
  const lang = globalThis.document?.documentElement?.lang || "en";
  const form = `${key}.${new Intl.PluralRules(lang).select(count)}`;
  return t(form in table() ? form : `${key}.other`, { count, ...values });
}

/** An element with attributes (`text` sets its text; true is an empty attribute; false, null and
    undefined leave it out) and children. The components' one way to make elements. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children);
  return node;
}

/** Start `start(root, index)` on each [data-module=name] root not started yet. One broken root
    calls onError(root, error) and the others carry on. */
export function createAll(name, start, onError = () => {}) {
  document.querySelectorAll(`[data-module="${name}"]`).forEach((root, index) => {
    const flag = `data-${name}-init`;
    if (root.hasAttribute(flag)) return;
    root.setAttribute(flag, "");
    try {
      start(root, index);
    } catch (error) {
      console.error(`${name}:`, error);
      onError(root, error);
    }
  });
  markReady();
}

/** <html data-ready> once every [data-module] root on the page has started (broken ones
    included: they said so), so tests and tools wait for the page's own readiness, not for
    network silence. A page with no root is ready at `load`. */
function markReady() {
  const roots = document.querySelectorAll("[data-module]");
  if ([...roots].every((root) => root.hasAttribute(`data-${root.dataset.module}-init`))) {
    document.documentElement.setAttribute("data-ready", "");
  }
}

// --- storage -----------------------------------------------------------------------------
// Answers go to this device (localStorage) once the person chose to save, or while answers an
// earlier version of the site saved there are waiting for that choice; otherwise to this tab
// only (sessionStorage), so a reload loses nothing and closing the tab leaves nothing.
// Every call may throw (blocked, full); the exported functions never do.

const ours = (area) => Array.from({ length: area.length }, (_, i) => area.key(i)).filter((k) => k?.startsWith(PREFIX));
const savedBefore = () => ours(localStorage).some((k) => k !== CHOICE_KEY);
const area = () => (localStorage.getItem(CHOICE_KEY) ?? (savedBefore() ? "yes" : "no")) === "yes" ? localStorage : sessionStorage;

export function choice() {
  try { return localStorage.getItem(CHOICE_KEY); } catch { return null; }
}

/** "yes" (this device), "no" (this tab) or "blocked" (nothing can be kept). */
export function saving() {
  try {
    const where = area(), key = KEYS.check;
    where.setItem(key, "1");
    where.removeItem(key);
    return where === localStorage ? "yes" : "no";
  } catch {
    return "blocked";
  }
}

export function read(key) {
  try { return area().getItem(key); } catch { return null; }
}

/** Store a value (null removes it); false when storage is blocked or full. */
export function write(key, value) {
  try {
    if (value === null) area().removeItem(key);
    else area().setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Record the choice for the whole site. This tab's answers move with it, so nothing on screen
    is lost; answers already on the device stay there until deleteSaved(). */
export function choose(value) {
  try {
    const [from, to] = value === "yes" ? [sessionStorage, localStorage] : [localStorage, sessionStorage];
    for (const key of ours(from)) {
      if (key === CHOICE_KEY) continue;
      to.setItem(key, from.getItem(key));
      if (value === "yes") from.removeItem(key);
    }
    localStorage.setItem(CHOICE_KEY, value);
  } catch { /* blocked: the status line says so */ }
  document.dispatchEvent(new CustomEvent("after-the-no:save"));
}

/** Delete the answers kept on this device (this tab keeps its copy until it closes). */
export function deleteSaved() {
  try {
    for (const key of ours(localStorage)) if (key !== CHOICE_KEY) localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/** Everything the site keeps in this browser, as {local: {key: value}, session: {...}}. */
export function snapshot() {
  const out = { local: {}, session: {} };
  for (const [name, store] of [["local", "localStorage"], ["session", "sessionStorage"]]) {
    try {
      for (const key of ours(window[store])) out[name][key] = window[store].getItem(key);
    } catch { /* blocked: nothing is kept there */ }
  }
  return out;
}

/** Remove (or, with a snapshot, put back) every key of ours in both storages. */
export function replaceAll(snap = { local: {}, session: {} }) {
  for (const [name, store] of [["local", "localStorage"], ["session", "sessionStorage"]]) {
    try {
      const s = window[store];
      for (const key of ours(s)) s.removeItem(key);
      for (const [key, value] of Object.entries(snap[name])) s.setItem(key, value);
    } catch { /* blocked */ }
  }
  document.dispatchEvent(new CustomEvent("after-the-no:save"));
}

// --- the offline copy (sw.js, from after_the_no/build/offline_cache.py; none on file://) -----

const worker = () => new URL("sw.js", window.__md_scope);
const copies = async () => (await caches.keys()).filter((name) => name.startsWith(`${PREFIX}offline:${new URL(".", worker())}:`));

/** True when this browser holds the offline copy of the site. */
export async function hasOffline() {
  try { return (await copies()).length > 0; } catch { return false; }
}

/** Delete the offline copy and stop its worker (it holds pages, never answers). */
export async function forgetOffline() {
  try {
    for (const r of await navigator.serviceWorker.getRegistrations()) if (r.scope === new URL(".", worker()).href) await r.unregister();
    for (const name of await copies()) await caches.delete(name);
  } catch { /* file:// or blocked: there is no offline copy */ }
}

/** Make the offline copy again (the undo of forgetting it). */
export function keepOffline() {
  navigator.serviceWorker?.register(worker())
    .then((r) => (r.active || r.waiting || r.installing)?.postMessage("cache")).catch(() => {});
}

// --- the save choice and its status line ---------------------------------------------------

const button = (text, primary) => el("button", { type: "button", class: `md-button${primary ? " md-button--primary" : ""}`, text });
const statusText = (now) => t({ yes: "save.status.yes", no: "save.status.no", ask: "save.status.ask" }[now]);
let asked = false;  // one choice box open on a page at a time

/** The status line (in `status`, a role=status element) and the save choice after it.
    Returns {typed(ok)}: call it on each change the person makes, ok false when it was not kept. */
export function saveChoice(status, blockedText) {
  const ask = el("p", { class: "save-ask-text" });
  const yes = button(t("save.yes"), true), no = button(t("save.no"));
  const box = el("div", { class: "save-ask", hidden: true }, ask, yes, " ", no);
  const change = button(t("save.change"));
  const offer = el("div", { class: "save-ask", hidden: true }, el("p", { text: t("save.offer") }));
  const del = button(t("save.delete"), true), keep = button(t("save.keep"));
  offer.append(del, " ", keep);
  const wrap = el("div", { class: "save-choice" }, box, offer);
  status.after(change, wrap);
  status.classList.add("save-status");

  let failed = false;
  const refresh = () => {
    const now = saving(), chosen = choice();
    const text = now === "blocked" || failed ? blockedText : chosen || now === "yes" ? statusText(now) : box.hidden ? statusText("no") : statusText("ask");
    if (status.textContent !== text) status.textContent = text;  // unchanged text is not re-announced
    status.classList.toggle("save-warning", now === "blocked" || failed);
    change.hidden = now === "blocked" || !box.hidden;
  };
  const open = (text) => {
    if (asked) return;
    asked = true;
    ask.textContent = text;
    box.hidden = false;
    refresh();
  };
  const close = () => { box.hidden = true; asked = false; };
  change.addEventListener("click", () => { open(t("save.prompt")); yes.focus(); });
  yes.addEventListener("click", () => { close(); choose("yes"); change.focus(); });
  no.addEventListener("click", () => {
    const hadSaved = choice() !== "no" && (() => { try { return savedBefore(); } catch { return false; } })();
    close();
    choose("no");
    forgetOffline();  // on a shared computer, no copy of the guide stays either
    offer.hidden = !hadSaved;
    (hadSaved ? del : change).focus();
  });
  del.addEventListener("click", () => {
    deleteSaved();
    offer.hidden = true;
    change.focus();
    announce(status, t("save.deleted"));
    setTimeout(refresh, 3000);
  });
  keep.addEventListener("click", () => { offer.hidden = true; change.focus(); });
  document.addEventListener("after-the-no:save", refresh);
  // Answers an earlier version saved: kept, and the person is asked once what to do.
  if (saving() === "yes" && choice() === null) open(t("save.earlier"));
  refresh();
  return {
    typed(ok = true) {
      failed = !ok;
      if (choice() === null && saving() !== "blocked") open(t("save.prompt"));
      refresh();
    },
  };
}

// --- files, clipboard, messages ---------------------------------------------------------------

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Copy text; when the browser refuses, reveal() and select `node` (a box or any element) so
    Ctrl+C copies it. Resolves to true when copied, false when only selected. */
export async function copy(text, node, reveal = () => {}) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    reveal();
    if (node.select) {
      node.focus();
      node.select();
    } else {
      const range = document.createRange();
      range.selectNodeContents(node);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }
    return false;
  }
}

/** Say `text` in a live region; emptied first, so the same message twice is still announced. */
export function announce(region, text) {
  region.textContent = "";
  clearTimeout(region.announceTimer);
  region.announceTimer = setTimeout(() => { region.textContent = text; }, 50);
}
