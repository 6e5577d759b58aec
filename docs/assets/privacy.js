// "Forget everything" on /about/#privacy ([data-module="privacy"]): deletes everything this site
// keeps in this browser (every after-the-no: key in localStorage and sessionStorage, the save
// choice among them, and the offline copy) after a confirmation that lists exactly what will go,
// with an undo for as long as the page stays open. Without JavaScript the page says how to clear
// site data in the browser instead.

import { KEYS, announce, createAll, el, forgetOffline, hasOffline, keepOffline, replaceAll, snapshot, t, tn } from "./enhance.js";

const { worksheets: WORKSHEET, replyFields: REPLY, choice: CHOICE_KEY, place: PLACE } = KEYS;
const title = (slug) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, " ");

/** What forgetting would delete, one line each, from a snapshot() and whether there is an offline copy. */
export function whatWillGo(snap, offline) {
  const keys = [...new Set([...Object.keys(snap.local), ...Object.keys(snap.session)])].sort();
  const sheets = keys.filter((k) => k.startsWith(WORKSHEET)).map((k) => title(k.slice(WORKSHEET.length)));
  const others = keys.filter((k) => !k.startsWith(WORKSHEET) && ![REPLY, CHOICE_KEY, PLACE].includes(k));
  const lines = [];
  if (sheets.length) lines.push(tn("privacy.sheets", sheets.length, { names: sheets.join(", ") }));
  if (keys.includes(REPLY)) lines.push(t("privacy.reply"));
  if (keys.includes(PLACE)) lines.push(t("privacy.place"));
  if (keys.includes(CHOICE_KEY)) lines.push(t("privacy.choice"));
  if (others.length) lines.push(tn("privacy.others", others.length, { keys: others.join(", ") }));
  if (offline) lines.push(t("privacy.offline"));
  return lines;
}

createAll("privacy", (root) => {
  const [ask, confirm, list, yes, no, message, undo] = [".forget-ask", ".forget-confirm", ".forget-list",
    '[data-action="forget-yes"]', '[data-action="forget-no"]', ".forget-message", '[data-action="forget-undo"]']
    .map((selector) => root.querySelector(selector));
  let kept = null;  // what was forgotten, for undo while this page is open

  const close = () => {
    confirm.hidden = true;
    ask.setAttribute("aria-expanded", "false");
  };
  ask.addEventListener("click", async () => {
    const lines = whatWillGo(snapshot(), await hasOffline());
    list.replaceChildren(...lines.map((line) => el("li", { text: line })));
    root.querySelector(".forget-lead").textContent = lines.length ? t("privacy.lead") : t("privacy.nothing");
    yes.hidden = !lines.length;
    undo.hidden = true;
    message.textContent = "";
    confirm.hidden = false;
    ask.setAttribute("aria-expanded", "true");
    (lines.length ? yes : no).focus();
  });
  no.addEventListener("click", () => { close(); ask.focus(); });
  yes.addEventListener("click", async () => {
    kept = { storage: snapshot(), offline: false };
    replaceAll();
    close();
    announce(message, t("privacy.done"));
    undo.hidden = false;
    undo.focus();
    kept.offline = await hasOffline();
    await forgetOffline();
  });
  undo.addEventListener("click", () => {
    if (!kept) return;
    replaceAll(kept.storage);
    if (kept.offline) keepOffline();
    kept = null;
    undo.hidden = true;
    announce(message, t("privacy.back"));
    ask.focus();
  });
  root.querySelector(".forget-js").hidden = false;
});
