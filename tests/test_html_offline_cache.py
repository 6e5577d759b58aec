"""The built site is installable and links its offline copy; every page links forget-everything."""
from __future__ import annotations

import json
from urllib.parse import urljoin

from after_the_no.brand import DEFAULT_COLOUR
from after_the_no.build import offline_cache
from tools.measures import KB, budgets
from site_support import soup


def test_the_worker_caches_exactly_the_files_of_the_built_site(site_dir):
    worker = (site_dir / "sw.js").read_text("utf-8")
    listed = json.loads(worker.split("const FILES = ", 1)[1].split(";\n", 1)[0])
    assert listed == offline_cache.cached_urls(site_dir)  # the manifest is among them, _headers is not
    assert "manifest.webmanifest" in listed and "search/search_index.json" in listed
    assert "downloads/after-the-no-pack-a4.pdf" in listed and "_headers" not in listed
    assert all(not url.startswith(("http:", "https:", "/")) for url in listed)


def test_manifest_and_icons(site_dir):
    data = json.loads((site_dir / "manifest.webmanifest").read_text("utf-8"))
    assert (data["name"], data["theme_color"], data["start_url"], data["scope"]) == ("After the No", DEFAULT_COLOUR, "./", "./")
    for icon in data["icons"]:
        assert (site_dir / icon["src"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_page_links_the_manifest_the_worker_and_forget_everything(html_pages):
    for url, html in html_pages.items():
        page = soup(html)
        at = lambda href: urljoin("/" + url, href)  # noqa: E731
        assert at(page.select_one('link[rel="manifest"]')["href"]) == "/manifest.webmanifest", url
        assert at(page.select_one('script[type="module"][src$="/offline.js"], script[type="module"][src="assets/offline.js"]')["src"]) \
            == "/assets/offline.js", url
        forget = page.select_one(".md-copyright a[href$='#forget-everything']")
        assert forget and at(forget["href"]) == "/about/#forget-everything", url


def test_the_offline_copy_is_within_its_budget(site_dir):
    total = sum((site_dir / ("index.html" if u == "./" else u + "index.html" if u.endswith("/") else u)).stat().st_size
                for u in offline_cache.cached_urls(site_dir))
    budget = budgets()["offline_cache"]["budget_kb"]
    print(f"offline copy: {total / KB:.0f} kB of {budget} kB")
    assert total <= budget * KB
