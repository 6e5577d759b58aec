"""Served with exactly the headers in the generated `_headers`, every page loads in Chromium
with zero Content-Security-Policy violations, and the policy allows no other host."""
from __future__ import annotations

import pytest

from after_the_no.build.headers import headers_for, parse
from conftest import serve

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
"""


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
    assert immutable and all(p.startswith("/assets/") and (site_dir / p.lstrip("/")).is_file() for p in immutable)
    assert "Cache-Control" not in headers_for(header_rules, "/assets/site.css")
    assert "Cache-Control" not in headers_for(header_rules, "/reflect/")


def test_every_page_loads_with_zero_csp_violations(browser, strict_url, html_pages):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    messages = []
    page.on("console", lambda m: m.type == "error" and messages.append(m.text))
    problems = []
    for url in html_pages:
        response = page.goto(strict_url + url)
        if "default-src 'self'" not in response.headers.get("content-security-policy", ""):
            problems.append(f"/{url}: served without the policy")
        page.wait_for_load_state("networkidle")
        # Exercise what runs on the page: open search (loads its worker) and type.
        if page.locator("form.worksheet input[type=text]").count():
            page.locator("form.worksheet input[type=text]").first.fill("checking the policy")
        problems += [f"/{url}: {v}" for v in page.evaluate("window.__csp")]
    page.goto(strict_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("feedback")
    page.wait_for_selector(".md-search-result__item")
    problems += [f"search: {v}" for v in page.evaluate("window.__csp")]
    problems += [f"console: {m}" for m in messages]
    context.close()
    assert problems == []
