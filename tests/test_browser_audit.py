"""The site-wide audit: every built page, loaded once per state, with every check on that load.

The pages are globbed from the built site, so a new page (or a new language's tree) is audited
with no new test code; the loads grow as pages x states. States, and what each load checks:

- "320 light" (JS on): the page served with the generated `_headers`, so under its own
  Content-Security-Policy: the policy header is there; no CSP violation, console error, script
  error or request to another host; the colour scheme; axe (WCAG 2.0-2.2 A/AA); reflow at 320
  px (WCAG 1.4.10); then forced colours (controls stay visible, every control and link in main
  shows its focus outline); then WCAG 1.4.12's text-spacing overrides: no text in a control
  cut off, and still no sideways scrolling. The overrides go in after axe and the reflow check
  have run on the plain page, so those see the page as it is.
- "1280 light" (JS on): the same, without the reflow checks (text spacing is checked for
  cut-off text at this width too).
- "1280 dark" (JS on): the policy, ready, scheme, axe, console, CSP and other hosts (Material
  picks its dark palette when the page loads, so dark is a load of its own).
- "390 no JS": the page reads and navigates without JavaScript: the heading and the text show
  (the home and situation pages in full), and the footer's urgent-help link is there.

Interactive states (a filled worksheet, a reply with names typed in, the save prompt, forget
everything) are audited by the tests that exercise them. Each problem names the page, the
state and the element; a test fails with every problem its page has in that state.
"""
from __future__ import annotations

import pytest

from after_the_no.deploy_headers import headers_for, parse
from audit_checks import (ADD_STYLE, CUT_OFF, FOCUS_VISIBLE, INVISIBLE_CONTROLS, OVERFLOWS,
                          RECORD_CSP_VIOLATIONS, TEXT_SPACING)
from browser_support import axe_violations
from conftest import READY, built_site, is_redirect_stub, serve

STATES = ["320 light", "1280 light", "1280 dark", "390 no JS"]
WIDTH = {"320 light": 320, "1280 light": 1280, "1280 dark": 1280, "390 no JS": 390}
SCHEME = {"320 light": "default", "1280 light": "default", "1280 dark": "slate"}   # Material's names
# Pages a person lands on to choose where to go: without JavaScript they show their full text.
FULL_TEXT_WITHOUT_JS = ("", "situations/")
URGENT_HELP = "support/urgent-help/"


def audited_pages(site) -> list[str]:
    """Every page of the built site a person can open: URL path ('' for home, 'reflect/',
    '404.html'); redirect stubs (a refresh to a page audited under its own URL) are not."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        if is_redirect_stub(path.read_text("utf-8")):
            continue
        rel = path.relative_to(site).as_posix()
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


def pytest_generate_tests(metafunc):
    if "audited_page" in metafunc.fixturenames:
        pages = audited_pages(built_site("mkdocs"))
        metafunc.parametrize("audited_page", pages, ids=[f"/{p}" for p in pages])
        metafunc.parametrize("state", STATES, ids=[s.replace(" ", "-") for s in STATES])


@pytest.fixture(scope="module")
def strict_url(site_dir):
    """The site served with exactly the headers of its generated `_headers`."""
    rules = parse((site_dir / "_headers").read_text("utf-8"))
    url, server = serve(site_dir, lambda path: headers_for(rules, path))
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per state for the module (pages share nothing that matters: no
    storage is written by a page that is only loaded)."""
    made = {}

    def get(state):
        if state not in made:
            context = browser.new_context(viewport={"width": WIDTH[state], "height": 900}, color_scheme="dark" if "dark" in state else "light",
                                          java_script_enabled="no JS" not in state, service_workers="block")
            context.add_init_script(RECORD_CSP_VIOLATIONS)
            made[state] = context
        return made[state]

    yield get
    for context in made.values():
        context.close()


def load(context, url: str, own_host: str):
    """Open url in a fresh tab that records console errors, script errors and requests to other
    hosts (aborted, so the run never leaks to the network)."""
    page = context.new_page()
    page.problems = {"console": [], "other host": []}
    page.on("console", lambda msg: msg.type == "error" and page.problems["console"].append(msg.text))
    page.on("pageerror", lambda err: page.problems["console"].append(f"uncaught {err}"))

    def guard(route):
        request_url = route.request.url
        if request_url.startswith(("http:", "https:")) and not request_url.startswith(own_host):
            page.problems["other host"].append(request_url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", guard)
    page.response = page.goto(url)   # waits for `load`
    return page


def run_checks(page, state: str, path: str, base: str) -> dict[str, list[str]]:
    """Every check for `state` on the page as loaded; check name -> problems."""
    found: dict[str, list[str]] = {}
    policy = page.response.headers.get("content-security-policy", "") if page.response else ""
    found["policy header"] = [] if "default-src 'self'" in policy else [f"served without the policy ({policy!r})"]
    if "no JS" in state:
        return found | no_js_checks(page, path, base)
    try:
        page.wait_for_function(READY, timeout=5000)
        found["ready"] = []
    except Exception:
        found["ready"] = ["<html data-ready> never set: a [data-module] root did not start"]
    scheme, expected = page.locator("body").get_attribute("data-md-color-scheme"), SCHEME[state]
    found["colour scheme"] = [] if scheme == expected else [f"body data-md-color-scheme={scheme}, expected {expected}"]
    found["axe"] = axe_violations(page)
    if state == "1280 dark":
        return found | final_checks(page)
    if WIDTH[state] == 320:
        found["reflow"] = page.evaluate(OVERFLOWS)
    # Forced colours, on this same load: the person's system switches its high-contrast mode on.
    page.emulate_media(forced_colors="active")
    if page.evaluate("matchMedia('(forced-colors: active)').matches"):
        page.keyboard.press("Tab")   # keyboard focus from here on: :focus-visible applies
        checked, problems = page.evaluate(FOCUS_VISIBLE)
        found["forced colours: controls"] = page.evaluate(INVISIBLE_CONTROLS)
        found["forced colours: focus"] = problems
    else:
        found["forced colours: controls"] = ["forced-colors: active did not apply"]
    page.emulate_media(forced_colors="none")
    # WCAG 1.4.12, on top of the page as audited above.
    if page.evaluate(ADD_STYLE, TEXT_SPACING):
        found["text spacing: cut off"] = page.evaluate(CUT_OFF)
        if WIDTH[state] == 320:
            found["text spacing: reflow"] = page.evaluate(OVERFLOWS)
    else:
        found["text spacing: cut off"] = ["the text-spacing overrides did not apply"]
    return found | final_checks(page)


def final_checks(page) -> dict[str, list[str]]:
    """What the load as a whole did: read last, so that every step above is included."""
    return {"CSP violation": page.evaluate("window.__csp"), "console": page.problems["console"],
            "other host": page.problems["other host"]}


def no_js_checks(page, path: str, base: str) -> dict[str, list[str]]:
    found = {}
    h1 = page.locator("article h1")
    found["no JS: heading"] = [] if h1.count() and h1.first.is_visible() else ["article h1 not visible"]
    words = len(page.locator("article").inner_text().split()) if page.locator("article").count() else 0
    least = 200 if path in FULL_TEXT_WITHOUT_JS or path.startswith("situations/") else 1 if path == "404.html" else 20
    found["no JS: text"] = [] if words >= least else [f"article: only {words} words visible (at least {least})"]
    link = page.locator(".md-copyright a", has_text="Get urgent help now")
    if not link.count():
        found["no JS: urgent help"] = ["footer .md-copyright: no 'Get urgent help now' link"]
    else:
        target = link.first.evaluate("a => a.href")
        found["no JS: urgent help"] = ([] if target == base + URGENT_HELP else [f"footer urgent-help link leads to {target}"]) \
            + ([] if link.first.is_visible() else ["footer urgent-help link not visible"])
    found["other host"] = page.problems["other host"]
    return found


def test_page(audited_page, state, contexts, strict_url):
    page = load(contexts(state), strict_url + audited_page, strict_url)
    try:
        found = run_checks(page, state, audited_page, strict_url)
    finally:
        page.close()
    problems = [f"/{audited_page} [{state}] {check}: {problem}" for check, items in found.items() for problem in items]
    assert problems == [], "\n".join(problems)
