"""Headless Chromium as every browser check here runs it (the tests, bin/benchmark): Debian's
`chromium` (Playwright's own browser downloads cannot be reached from these machines)."""
from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# A page is ready once it has loaded and every [data-module] root on it has started: enhance.js
# then sets <html data-ready>. Never network silence (networkidle idles 500 ms per load).
READY = "() => document.documentElement.hasAttribute('data-ready') || !document.querySelector('[data-module]')"
