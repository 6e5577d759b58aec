"""Headless Chromium as every browser check here runs it (the tests, bin/benchmark): Debian's
Chromium (Playwright's own browser downloads cannot be reached from these machines).

Playwright drives Debian's `chromium-headless-shell`: the same Blink and V8 as `chromium`, built
from the same source package at the same version, without the full browser's window layer. A
suite's audit takes about 15% less CPU in it (tests/test_browser_audit.py on the same sites:
417 -> 356 CPU seconds). The full browser (FULL_CHROMIUM) is for what the shell does not do as a
person's browser does: Lighthouse starts its own, and the shell lets a frame from another site
keep storage where Chromium denies it (tests/test_browser_embedding.py)."""
from __future__ import annotations

CHROMIUM = "/usr/bin/chromium-headless-shell"
FULL_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# A page is ready once it has loaded and every [data-module] root on it has started: enhance.js
# then sets <html data-ready>. Never network silence (networkidle idles 500 ms per load).
READY = "() => document.documentElement.hasAttribute('data-ready') || !document.querySelector('[data-module]')"
