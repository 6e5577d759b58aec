"""Render docs/assets/social-card.png (1200x630), the link-preview image, in Chromium.

Run again only when the card's words change: `.venv/bin/python -m tools.make_social_card`.
The PNG is committed so that builds need no browser.
"""
from pathlib import Path

from playwright.sync_api import sync_playwright

from after_the_no.brand import DEFAULT_COLOUR, DEFAULT_NAME

ROOT = Path(__file__).resolve().parent.parent
CARD = """<!doctype html><html><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:80px;background:{colour};color:#fff;
font-family:'DejaVu Sans',sans-serif;display:flex;flex-direction:column;justify-content:space-between">
<div style="font-size:40px;opacity:.9">{name}</div>
<div style="font-size:76px;font-weight:700;line-height:1.1">Four calm steps after<br>a job rejection</div>
<svg viewBox="0 0 600 120" width="700" height="140" aria-hidden="true">
<path d="M 40 80 C 120 80, 150 40, 220 40 C 290 40, 320 80, 390 80 C 460 80, 490 40, 560 40" fill="none"
 stroke="#fff" stroke-width="5" stroke-dasharray="3 14" stroke-linecap="round"/>
<g fill="{colour}" stroke="#fff" stroke-width="5"><circle cx="40" cy="80" r="26"/><circle cx="220" cy="40" r="26"/>
<circle cx="390" cy="80" r="26"/><circle cx="560" cy="40" r="26"/></g>
<g fill="#fff" font-size="28" font-weight="700" text-anchor="middle" font-family="DejaVu Sans">
<text x="40" y="90">1</text><text x="220" y="50">2</text><text x="390" y="90">3</text><text x="560" y="50">4</text></g>
</svg>
<div style="font-size:32px">Reflect · Respond · Reconnect · Move forward</div>
</div></body></html>"""


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(CARD.format(colour=DEFAULT_COLOUR, name=DEFAULT_NAME))
        page.screenshot(path=str(ROOT / "docs/assets/social-card.png"))
        browser.close()


if __name__ == "__main__":
    main()
