// Registers the service worker (sw.js, at the site's root) that keeps a copy of this guide in
// the browser, so it works with no connection after one visit. Not when the person chose not to
// save anything on this device, and never in the file:// offline bundle (not loaded there).
import { KEYS } from "./enhance.js";

try {
  if (localStorage.getItem(KEYS.choice) !== "no") {
    addEventListener("load", () => navigator.serviceWorker?.register(new URL("sw.js", __md_scope)).catch(() => {}));
  }
} catch { /* storage or service workers blocked: the site works online as before */ }
