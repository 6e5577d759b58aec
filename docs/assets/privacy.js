// "Forget everything" on /about/#privacy ([data-module="forget"]): deletes everything this site
// keeps in this browser (every after-the-no: key in localStorage and sessionStorage, the save
// choice among them, and the offline copy) after a confirmation that lists exactly what will go,
// with an undo for as long as the page stays open. Without JavaScript the page says how to clear
// site data in the browser instead.

import { CHOICE_KEY, PREFIX, announce, createAll, forgetOffline, hasOffline, keepOffline, replaceAll, snapshot } from "./enhance.js";

const WORKSHEET = `${PREFIX}worksheet:`;
const REPLY = `${PREFIX}reply-fields`;
const PLACE = `${PREFIX}place`;   // places.js: where the person said they are
const title = (slug) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, " ");

/** What forgetting would delete, one line each, from a snapshot() and whether there is an offline copy. */
export function whatWillGo(snap, offline) {
  const keys = [...new Set([...Object.keys(snap.local), ...Object.keys(snap.session)])].sort();
  const sheets = keys.filter((k) => k.startsWith(WORKSHEET)).map((k) => title(k.slice(WORKSHEET.length)));
  const others = keys.filter((k) => !k.startsWith(WORKSHEET) && ![REPLY, CHOICE_KEY, PLACE].includes(k));
  const lines = [];
  if (sheets.length) lines.push(`Your answers to ${sheets.length === 1 ? "1 worksheet" : `${sheets.length} worksheets`}: ${sheets.join(", ")}.`);
  if (keys.includes(REPLY)) lines.push("The names and details you typed into the reply examples.");
  if (keys.includes(PLACE)) lines.push("Where you said you are, which the support pages use to show that place's help first.");
  if (keys.includes(CHOICE_KEY)) lines.push("Your choice about saving answers on this device.");
  if (others.length) lines.push(`${others.length === 1 ? "1 other note" : `${others.length} other notes`} this site kept (${others.join(", ")}).`);
  if (offline) lines.push("The copy of this guide kept for reading offline. It holds none of your answers, and comes back when you next open a page here.");
  return lines;
}

createAll("forget", (root) => {
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
    list.replaceChildren(...lines.map((line) => Object.assign(document.createElement("li"), { textContent: line })));
    root.querySelector(".forget-lead").textContent = lines.length
      ? "This deletes everything this site keeps in this browser:"
      : "This site keeps nothing in this browser at the moment, so there is nothing to forget.";
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
    announce(message, "Everything this site kept in this browser is deleted. You can undo this until you leave this page.");
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
    announce(message, "Everything is back as it was.");
    ask.focus();
  });
  root.querySelector(".forget-js").hidden = false;
});
