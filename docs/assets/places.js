// "Where are you?" ([data-module="places"], from after_the_no/places.py). The page already shows
// every place's routes, each under its own heading, so without JavaScript nothing is missing.
// Here the person can choose a place: its routes then come first in every block on the page and
// the others move into a closed "Other places" section, one tap away. The choice is kept like
// answers (enhance.js: this tab only unless the person chose to save on this device), and
// "forget everything" on the about page removes it. A stored value that is not one of the
// page's places (an old or hand-edited value) is ignored: every place stays shown.

import { KEYS, announce, createAll, el, read, saving, t, write } from "./enhance.js";

const PLACE_KEY = KEYS.place;

/** The place to show first: the stored value when it names one of `ids`, otherwise null. */
export function chosenPlace(stored, ids) {
  return typeof stored === "string" && ids.includes(stored) ? stored : null;
}

/** Put `place` first in one block and the other places in a closed <details>; null shows all. */
function arrange(block, place, ids) {
  const sections = [...block.querySelectorAll(":scope > section.place, :scope > details.places__others > section.place")]
    .sort((a, b) => ids.indexOf(a.dataset.place) - ids.indexOf(b.dataset.place));
  const others = block.querySelector(":scope > details.places__others");
  if (!place) {
    for (const section of sections) block.append(section);
    others?.remove();
    return;
  }
  const details = others ?? el("details", { class: "places__others" });
  const summary = details.querySelector("summary") ?? details.appendChild(el("summary"));
  const first = sections.find((s) => s.dataset.place === place);
  const rest = sections.filter((s) => s !== first);
  summary.textContent = t("places.others", { count: rest.length });
  // The first section goes straight after the control (or at the start of the block).
  const anchor = block.querySelector(":scope > .places__choose") ?? block.querySelector(":scope > .places__jump");
  if (anchor) anchor.after(first); else block.prepend(first);
  first.after(details);
  details.append(...rest);
}

// On paper every place is shown: the "other places" open while printing and close again after.
addEventListener("beforeprint", () => document.querySelectorAll("details.places__others:not([open])").forEach((d) => { d.open = true; d.dataset.printOpened = ""; }));
addEventListener("afterprint", () => document.querySelectorAll("details[data-print-opened]").forEach((d) => { d.open = false; delete d.dataset.printOpened; }));

// A link to a place that is folded away (the table of contents, a #wales link) opens its section
// (Chromium already does this for any closed <details>; other browsers may not).
const reveal = () => {
  const target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const folded = target?.closest?.("details.places__others");
  if (folded && !folded.open) { folded.open = true; target.scrollIntoView(); }
};
addEventListener("hashchange", reveal);

createAll("places", (root) => {
  const control = root.querySelector(".places__choose");
  if (!control) return;   // a later block on the page: the first block's control arranges it
  const select = control.querySelector("select");
  const status = control.querySelector(".places__status");
  const ids = [...select.options].map((o) => o.value).filter(Boolean);
  const names = Object.fromEntries([...select.options].map((o) => [o.value, o.textContent]));
  const blocks = () => [...document.querySelectorAll('[data-module="places"]')];

  const show = (place) => {
    for (const block of blocks()) arrange(block, place, ids);
    document.documentElement.dataset.place = place ?? "";
    select.value = place ?? "";
  };
  const where = () => t(saving() === "yes" ? "places.kept-device" : "places.kept-tab");

  select.addEventListener("change", () => {
    const place = chosenPlace(select.value, ids);
    show(place);
    const kept = write(PLACE_KEY, place);   // null removes the key
    if (!place) announce(status, t("places.all"));
    else announce(status, t("places.showing", { place: names[place], kept: kept ? where() : t("places.not-kept") }));
  });

  control.hidden = false;
  root.querySelector(".places__jump")?.setAttribute("hidden", "");
  show(chosenPlace(read(PLACE_KEY), ids));
  reveal();
  document.documentElement.dataset.placesReady = "";
});
