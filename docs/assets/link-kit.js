// Adds a "Copy link" button to each address in the adviser link kit ([data-module="link-kit"]).
// Without JavaScript the addresses are plain, selectable text.

import { announce, copy, createAll, el, t } from "./enhance.js";

createAll("link-kit", (kit) => {
  for (const link of kit.querySelectorAll("a.link-kit__url")) {
    const url = link.textContent.trim();
    const button = el("button", { type: "button", class: "link-kit__copy md-button", "aria-label": t("link-kit.copy-label", { url }),
      text: t("link-kit.copy") });
    const status = el("span", { class: "link-kit__status", role: "status" });
    button.addEventListener("click", async () => {
      // Refused: the address is selected, so Ctrl+C / Cmd+C copies it.
      announce(status, t(await copy(url, link) ? "link-kit.copied" : "link-kit.selected"));
      setTimeout(() => { status.textContent = ""; }, 2500);
    });
    link.after(" ", button, status);
  }
});
