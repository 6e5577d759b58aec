// Adds a "Copy link" button to each address in the adviser link kit ([data-module="link-kit"]).
// Without JavaScript the addresses are plain, selectable text.

import { announce, copy, createAll } from "./enhance.js";

createAll("link-kit", (kit) => {
  for (const link of kit.querySelectorAll("a.link-kit__url")) {
    const url = link.textContent.trim();
    const button = Object.assign(document.createElement("button"),
      { type: "button", className: "link-kit__copy md-button", textContent: "Copy link" });
    button.setAttribute("aria-label", `Copy link ${url}`);
    const status = Object.assign(document.createElement("span"), { className: "link-kit__status" });
    status.setAttribute("role", "status");
    button.addEventListener("click", async () => {
      // Refused: the address is selected, so Ctrl+C / Cmd+C copies it.
      announce(status, await copy(url, link) ? "Copied" : "Selected: press Ctrl+C (or Cmd+C) to copy");
      setTimeout(() => { status.textContent = ""; }, 2500);
    });
    link.after(" ", button, status);
  }
});
