"""The web app manifest and the service worker's file list and version (after_the_no/offline_cache.py)."""
from __future__ import annotations

import json

from after_the_no.build import offline_cache


def small_site(root):
    for rel, text in {"index.html": "home", "reflect/index.html": "reflect", "assets/site.css": "css",
                      "assets/site.css.map": "map", "_headers": "/*", "sw.js": "old worker",
                      "404.html": "missing", "downloads/a.pdf": "%PDF"}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_manifest_takes_name_and_colour_from_the_brand():
    data = json.loads(offline_cache.manifest("Example Careers", "A guide.", "#00467f"))
    assert data == {
        "name": "Example Careers", "short_name": "Example Careers", "description": "A guide.",
        "start_url": "./", "scope": "./", "display": "standalone",
        "background_color": "#ffffff", "theme_color": "#00467f",
        "icons": [{"src": "assets/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any maskable"},
                  {"src": "assets/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any maskable"}],
    }
    assert json.loads(offline_cache.manifest("After the No", "x"))["theme_color"] == "#00695c"


def test_every_file_is_cached_except_headers_worker_and_source_maps(tmp_path):
    assert offline_cache.cached_urls(small_site(tmp_path)) == [
        "./", "404.html", "assets/site.css", "downloads/a.pdf", "reflect/"]


def test_lunr_language_support_is_cached_only_for_the_search_languages(tmp_path):
    lunr = tmp_path / "assets/javascripts/lunr"
    for rel in ["min/lunr.de.min.js", "min/lunr.ja.min.js", "min/lunr.stemmer.support.min.js",
                "min/lunr.multi.min.js", "tinyseg.js", "wordcut.js"]:
        (lunr / rel).parent.mkdir(parents=True, exist_ok=True)
        (lunr / rel).write_text("x", encoding="utf-8")
    assert offline_cache.cached_urls(tmp_path) == []
    assert offline_cache.cached_urls(tmp_path, ("en", "ja")) == [
        "assets/javascripts/lunr/min/lunr.ja.min.js", "assets/javascripts/lunr/min/lunr.multi.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/tinyseg.js"]


def test_the_version_changes_when_any_file_changes_and_only_then(tmp_path):
    site = small_site(tmp_path)
    first = offline_cache.render(site, "After the No", "x")
    assert offline_cache.render(site, "After the No", "x") == first
    (site / "downloads/a.pdf").write_text("%PDF changed", encoding="utf-8")
    second = offline_cache.render(site, "After the No", "x")
    assert second["sw.js"] != first["sw.js"]
    assert offline_cache.render(site, "After the No", "x", "#00467f")["sw.js"] != second["sw.js"]  # the manifest is cached too


def test_the_worker_lists_every_file_and_the_manifest(tmp_path):
    files = offline_cache.render(small_site(tmp_path), "After the No", "x")
    assert set(files) == {"manifest.webmanifest", "sw.js"}
    worker = files["sw.js"]
    listed = json.loads(worker.split("const FILES = ", 1)[1].split(";\n", 1)[0])
    assert listed == ["./", "404.html", "assets/site.css", "downloads/a.pdf", "manifest.webmanifest", "reflect/"]
    version = worker.split('const CACHE = PREFIX + "', 1)[1][:16]
    urls = listed
    assert version == offline_cache.version(tmp_path, urls, {"manifest.webmanifest": files["manifest.webmanifest"]})
    # Only its own origin: a request to another host is left to the browser, never cached.
    assert "new URL(request.url).origin !== self.location.origin) return;" in worker
