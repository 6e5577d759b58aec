"""Open Graph and Twitter card meta on every page, so a pasted link shows a proper card."""
from __future__ import annotations

from site_support import soup

SITE = "https://after-the-no.example.org/"


def meta(page, key):
    el = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return el and el.get("content")


def test_every_page_has_a_complete_card(html_pages, site_dir):
    assert (site_dir / "assets/social-card.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    problems = []
    for url, html in html_pages.items():
        page = soup(html)
        title = page.title.get_text(strip=True)
        description = meta(page, "description")
        expected = {
            "og:type": "website",
            "og:site_name": "After the No",
            "og:title": title.rsplit(" - After the No", 1)[0],
            "og:description": description,
            "og:url": SITE + url,
            "og:image": SITE + "assets/social-card.png",
            "og:image:width": "1200",
            "og:image:height": "630",
            "twitter:card": "summary_large_image",
            "twitter:title": title.rsplit(" - After the No", 1)[0],
            "twitter:description": description,
            "twitter:image": SITE + "assets/social-card.png",
        }
        for key, value in expected.items():
            if meta(page, key) != value:
                problems.append(f"/{url}: {key} is {meta(page, key)!r}, expected {value!r}")
    assert problems == []


def test_social_card_is_1200_by_630(site_dir):
    data = (site_dir / "assets/social-card.png").read_bytes()
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1200, 630)
