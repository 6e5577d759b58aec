"""The built site, read as HTML: links, page structure, and nothing fetched from other hosts."""
from __future__ import annotations

import shutil
from collections import Counter

import pytest

from variant_support import QUOTED_DESCRIPTION
from site_support import (content_headings, css_urls, fetched_urls, internal_target, is_offhost,
                          soup)

EXPECTED_PAGES = {"", "reflect/", "respond/", "reconnect/", "move-forward/", "advisers/", "about/",
                  "worksheets/", "replies/"}


@pytest.mark.engines
def test_every_guide_page_is_built(html_pages):
    assert EXPECTED_PAGES <= set(html_pages)


@pytest.mark.engines
def test_every_internal_link_and_anchor_resolves(site_dir, html_pages):
    broken = []
    ids_cache: dict = {}
    for url, html in html_pages.items():
        page_path = site_dir / url / "index.html" if url.endswith("/") or url == "" else site_dir / url
        for el in soup(html).find_all(["a", "link"], href=True):
            if "canonical" in el.get("rel", []):
                continue
            target = internal_target(site_dir, page_path, el["href"])
            if target is None:
                continue
            file, fragment = target
            if not file.is_file():
                broken.append(f"/{url}: {el['href']}: no such file")
                continue
            if fragment and file.suffix == ".html":
                if file not in ids_cache:
                    ids_cache[file] = {t["id"] for t in soup(file.read_text("utf-8")).find_all(id=True)}
                if fragment not in ids_cache[file]:
                    broken.append(f"/{url}: {el['href']}: no element with id {fragment!r}")
    assert broken == []


@pytest.mark.engines
def test_every_page_has_one_h1_lang_title_description_canonical(html_pages):
    problems = []
    for url, html in html_pages.items():
        page = soup(html)
        if len(page.find_all("h1")) != 1:
            problems.append(f"/{url}: {len(page.find_all('h1'))} h1 elements")
        if not page.html.get("lang"):
            problems.append(f"/{url}: no <html lang>")
        description = page.find("meta", attrs={"name": "description"})
        if not description or len(description.get("content", "").strip()) < 50:
            problems.append(f"/{url}: no meta description of 50+ characters")
        canonical = page.find("link", rel="canonical")
        if not canonical or canonical["href"] != f"https://after-the-no.example.org/{url}":
            problems.append(f"/{url}: canonical is {canonical and canonical['href']!r}")
    assert problems == []


@pytest.mark.engines
def test_titles_and_descriptions_are_unique(html_pages):
    titles = Counter(soup(h).title.get_text(strip=True) for h in html_pages.values())
    descriptions = Counter(soup(h).find("meta", attrs={"name": "description"})["content"]
                           for h in html_pages.values())
    assert [t for t, n in titles.items() if n > 1] == []
    assert [d for d, n in descriptions.items() if n > 1] == []


@pytest.mark.engines
def test_no_skipped_heading_levels(html_pages):
    problems = []
    for url, html in html_pages.items():
        levels = content_headings(soup(html))
        if levels[:1] != [1]:
            problems.append(f"/{url}: content starts with h{levels[:1]}")
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                problems.append(f"/{url}: h{before} followed by h{after}")
    assert problems == []


@pytest.mark.engines
def test_every_image_has_alt_text(html_pages):
    missing = [f"/{url}: {img.get('src')}" for url, html in html_pages.items()
               for img in soup(html).find_all("img") if img.get("alt") is None]
    svgs = [f"/{url}" for url, html in html_pages.items()
            for svg in soup(html).select("article svg[role=img]")
            if not (svg.get("aria-label") or svg.get("aria-labelledby"))]
    assert missing == [] and svgs == []


def test_home_illustration_is_an_accessible_inline_svg(html_pages):
    svg = soup(html_pages[""]).select_one("figure.path-figure svg")
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "path-title path-desc"
    assert svg.find("title").get_text() == "Four steps on one path"


@pytest.mark.engines
def test_pages_fetch_nothing_from_other_hosts(html_pages):
    offhost = [f"/{url}: {u}" for url, html in html_pages.items()
               for u in fetched_urls(soup(html)) if is_offhost(u)]
    assert offhost == []


@pytest.mark.engines
def test_no_script_blocks_the_parser(site_dir):
    """Every external script is deferred (Material's bundle by html_fixes, ours as modules), so
    the first paint never waits for JavaScript; only small inline scripts run in place."""
    for path in sorted(site_dir.rglob("*.html")):
        for script in soup(path.read_text(encoding="utf-8")).find_all("script", src=True):
            assert script.has_attr("defer") or script.get("type") == "module", f"{path.name}: {script}"


@pytest.mark.engines
def test_stylesheets_import_nothing_from_other_hosts(site_dir):
    offhost = [f"{css.relative_to(site_dir)}: {u}" for css in site_dir.rglob("*.css")
               for u in css_urls(css.read_text("utf-8")) if is_offhost(u)]
    assert offhost == []


@pytest.mark.engines
def test_system_fonts_only(html_pages):
    for url, html in html_pages.items():
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, url


@pytest.mark.parametrize("needle", ["google-analytics", "googletagmanager", "gtag(", "cdn.jsdelivr",
                                    "unpkg.com", "cdnjs"])
@pytest.mark.engines
def test_no_analytics_or_cdn(html_pages, needle):
    assert [url for url, html in html_pages.items() if needle in html] == []


def test_a_straight_quote_in_a_description_is_escaped(variant_site):
    # The careers service's edition (variant_support) gave about.md a description with quotes.
    about = soup((variant_site / "about/index.html").read_text("utf-8"))
    assert about.find("meta", attrs={"name": "description"})["content"].startswith(QUOTED_DESCRIPTION)
    assert about.find("meta", property="og:description")["content"].startswith(QUOTED_DESCRIPTION)