"""Both engines build the same site from the same staged tree: pages, URLs, anchors, downloads,
search and `_headers`; and the finish step's CSP lists every inline script either one writes."""
from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from after_the_no.build.headers import headers_for, inline_script_hashes, parse
from conftest import ENGINES, built_site, is_redirect_stub, language_trees
from site_support import soup

# Where each engine writes its search index, and what it calls the list of entries.
SEARCH_INDEX = {"mkdocs": ("search/search_index.json", "docs"), "zensical": ("search.json", "items")}


def pages(site: Path) -> dict[str, Path]:
    out = {}
    for path in sorted(site.rglob("*.html")):
        if not is_redirect_stub(path.read_text("utf-8")):
            out[path.relative_to(site).as_posix()] = path
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    return {engine: built_site(engine, tmp_path_factory) for engine in ENGINES}


@pytest.mark.engines
def test_csp_allows_every_inline_script_by_its_hash(site_dir):
    policy = headers_for(parse((site_dir / "_headers").read_text("utf-8")), "/")["Content-Security-Policy"]
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src ")).split()[1:]
    assert "'unsafe-inline'" not in script_src
    missing = {}
    for name, path in pages(site_dir).items():
        hashes = inline_script_hashes(path.read_text("utf-8")) - set(script_src)
        if hashes:
            missing[name] = hashes
    assert missing == {}
    assert len(script_src) > 1  # 'self' and the theme's inline scripts


def test_same_pages_and_urls(sites):
    assert set(pages(sites["mkdocs"])) == set(pages(sites["zensical"]))
    assert len(pages(sites["mkdocs"])) >= 45


# Zensical's skip link goes to an element of its own at the top of the article (README).
OWN_IDS = {"zensical": {"__skip"}, "mkdocs": set()}


def test_same_anchors_in_every_article(sites):
    different = []
    for name in pages(sites["mkdocs"]):
        ids = []
        for engine in ENGINES:
            # lxml: only the ids are wanted, and every page of both trees is read (about 40x faster than bs4)
            ids.append([i for i in lxml.html.fromstring((sites[engine] / name).read_bytes()).xpath("(//article)[1]//*/@id")
                        if i not in OWN_IDS[engine]])
        if ids[0] != ids[1]:
            different.append(name)
    assert different == []


def test_same_downloads_byte_for_byte(sites):
    files = {engine: {p.name: p.read_bytes() for p in (sites[engine] / "downloads").iterdir()} for engine in ENGINES}
    assert sorted(files["mkdocs"]) == sorted(files["zensical"])
    assert len(files["mkdocs"]) >= 3 * 5 + 2
    assert files["mkdocs"] == files["zensical"]


def test_same_download_links_with_sizes(sites):
    for name in ["worksheets/index.html", "advisers/index.html", "worksheets/feedback-log/index.html"]:
        links = [[(a["href"], a.get_text()) for a in soup((sites[e] / name).read_text("utf-8"))
                  .select("article a[href*='downloads/']")] for e in ENGINES]
        assert links[0] and links[0] == links[1], name


@pytest.mark.parametrize("engine", ENGINES)
def test_search_index_lists_every_page(sites, engine):
    """Each language's tree has its own search index (its own stemming), listing its pages."""
    path, key = SEARCH_INDEX[engine]
    trees = sorted(language_trees(sites[engine]))
    missing = {}
    for tree in ["", *(f"{code}/" for code in trees)]:
        entries = json.loads((sites[engine] / tree / path).read_text("utf-8"))[key]
        locations = {tree + entry["location"].split("#")[0] for entry in entries}
        expected = {name[: -len("index.html")] for name in pages(sites[engine]) if not name.endswith("404.html")
                    and name.startswith(tree) and (tree or name.split("/")[0] not in trees)}
        missing[tree or "/"] = sorted(expected - locations)
    assert missing == {tree or "/": [] for tree in ["", *(f"{code}/" for code in trees)]}, missing


def test_same_headers_apart_from_the_inline_script_hashes(sites):
    rules = {}
    for engine in ENGINES:
        parsed = parse((sites[engine] / "_headers").read_text("utf-8"))
        headers = dict(parsed[0][1])
        headers["Content-Security-Policy"] = "; ".join(
            part for part in headers["Content-Security-Policy"].split("; ") if not part.startswith("script-src"))
        rules[engine] = headers
    assert rules["mkdocs"] == rules["zensical"]
