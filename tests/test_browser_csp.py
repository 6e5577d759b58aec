"""The generated `_headers`: the policy allows no other host, only fingerprinted files are cached
forever, and search and typing run under it in Chromium (every page's own load is audited under
it in test_browser_audit.py)."""
from __future__ import annotations

import pytest

from after_the_no.build.headers import headers_for, parse
from audit_checks import RECORD_CSP_VIOLATIONS
from conftest import language_trees, serve


@pytest.fixture(scope="module")
def header_rules(site_dir):
    return parse((site_dir / "_headers").read_text("utf-8"))


@pytest.fixture(scope="module")
def strict_url(site_dir, header_rules):
    url, server = serve(site_dir, lambda path: headers_for(header_rules, path))
    yield url
    server.shutdown()


def test_policy_allows_nothing_from_other_hosts(header_rules):
    headers = headers_for(header_rules, "/reflect/")
    csp = headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    sources = directives["script-src"].split()
    assert sources[0] == "'self'" and all(s.startswith("'sha256-") for s in sources[1:])
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Permissions-Policy"].startswith("camera=(), microphone=(), geolocation=()")


def test_only_fingerprinted_assets_are_cached_forever(header_rules, site_dir):
    immutable = [p for p, h in header_rules if "immutable" in h.get("Cache-Control", "")]
    # Each language's tree (/es/) has its own copy of the theme's assets.
    trees = tuple(f"/{code}/assets/" for code in language_trees(site_dir))
    assert immutable and all(p.startswith(("/assets/", *trees)) and (site_dir / p.lstrip("/")).is_file() for p in immutable)
    assert "Cache-Control" not in headers_for(header_rules, "/assets/site.css")
    assert "Cache-Control" not in headers_for(header_rules, "/reflect/")


def test_search_and_typing_run_under_the_policy(browser, strict_url):
    """What runs after a page has loaded, under the policy: search (its worker and index) and
    the scripts that answer typing in a worksheet and a reply. Every page's own load is checked
    under the policy by test_browser_audit.py."""
    context = browser.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    messages = []
    page.on("console", lambda m: m.type == "error" and messages.append(m.text))
    problems = []
    for url, field in [("worksheets/momentum-plan/", "#ws-main-goal"), ("replies/thank-you-for-feedback/", ".reply-fields input")]:
        page.goto(strict_url + url)
        page.locator(field).first.fill("checking the policy")
        problems += [f"/{url} typing: {v}" for v in page.evaluate("window.__csp")]
    page.locator("input.md-search__input").click()   # search, on the same page
    page.keyboard.type("feedback")
    page.wait_for_selector(".md-search-result__item")
    problems += [f"/{url} search: {v}" for v in page.evaluate("window.__csp")]
    problems += [f"console: {m}" for m in messages]
    context.close()
    assert problems == [], "\n".join(problems)
