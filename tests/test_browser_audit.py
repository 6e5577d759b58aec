"""The site-wide audit: every built page, loaded once per state, with every check on that load.

The pages are globbed from the built site, so a new page (or a new language's tree) is audited
with no new test code; the loads grow by one per page (two for an English page in the sample,
below). Every page is served with exactly the headers of the generated `_headers`, so it runs
under its own Content-Security-Policy.

- "light" (JS on), one load: the policy header is there; the page's scripts started
  (<html data-ready>); the colour scheme; at 1280 px axe (WCAG 2.0-2.2 A/AA) and what a kind of
  page must show (page_checks: no inline script in the content, each reply page's personaliser);
  then the window narrows to 320 px (as 1280 px at 400% zoom, WCAG 1.4.10): axe, reflow (no
  sideways scrolling, nothing sticking out), on a sample page forced colours (every control
  visible, every control and link in main showing its focus outline), then WCAG 1.4.12's
  text-spacing overrides on top of the page axe and reflow saw plain: no text in a control cut
  off and still no sideways scrolling; then, on a sample page, back at 1280 px, the person
  switches to the dark palette with Material's own toggle (the palette a system in dark mode
  gets as the page loads): axe's colour rules on the dark page (contrast, links told apart from
  text) and every rule on the toggle whose other label now shows (nothing else changed since axe
  saw the page light at 1280 px), then the text-spacing overrides again: nothing cut off at
  1280 px. The choice is forgotten, so the next page starts light. Last, what the whole load
  did: CSP violations, console and script errors, and requests to other hosts (aborted).
- "no JS" (390 px), on a sample page: the heading and the text show (the home and situation
  pages in full), the footer's urgent-help link is there and leads to the urgent-help page; the
  no-JS notes show (a worksheet's "nothing is saved", the about page's way to forget) and the
  forget-everything button does not; no other host.

Each state has one tab per worker, and every page is loaded into it in turn: a new tab per page
costs a new renderer and a cold JavaScript engine, about twice the CPU of the same audit in one
tab. Nothing carries over: each test starts at its state's width, without forced colours, with
storage emptied, on a new document (the text-spacing sheet and the CSP record go with the old one).

A translated tree (/es/...) shares every template, stylesheet and script with the English one;
only its words differ, and words change what text length and language can break. So each of
its pages has one load, straight at 320 px: axe, reflow, the text-spacing overrides, the page
checks and what the load did. The checks that depend only on the shared code (axe at 1280 px
and in the dark palette, forced colours and focus, text spacing at 1280 px) run on the English
pages, and a translated tree's "no JS" state on one page of each kind (ONE_OF_EACH_KIND).
A new language adds one load per page.

The states that depend only on the shared styles and the page's markup (the dark palette, forced
colours and focus, the text-spacing overrides at 1280 px, JavaScript off) are audited on the
English pages that between them carry every component of the content (audit_sample.py: each
element with its classes, attributes and ancestors): the pages of each kind first, then as many
more as it takes. A component a page adds brings that page into the sample. Likewise axe's colour
rules run on a translated page only where its content has a component no English page has (or
the frame is audited there): the colours come from the same style sheets as the English pages'.

axe sees the site's frame (browser_support.FRAME: the header and the site navigation, the same
templates on every page) on one page of each kind (ONE_OF_EACH_KIND), in every state, and each
page's own content on every page: the frame is about two thirds of a typical page's elements.
Without the frame, axe's colour rules run at 320 px and in the dark palette, not again at 1280 px
light: nothing outside the frame changes its colour, text size or underline between the two
widths (test_no_style_gives_the_content_another_look_at_1280_px checks every style sheet).

Interactive states (a filled worksheet, a reply with names typed in, the save prompt, forget
everything) are audited by the tests that exercise them. Each problem names the page, the
state (and width) and the element; a test fails with every problem its page has in that state.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from after_the_no import replies
from after_the_no.build.headers import headers_for, parse
from after_the_no.i18n import interface
from audit_checks import (ADD_STYLE, CUT_OFF, FOCUS_VISIBLE, INVISIBLE_CONTROLS, OVERFLOWS,
                          RECORD_CSP_VIOLATIONS, REMOVE_STYLES, STILL_PAGE, TEXT_SPACING, width_dependent_styles)
from browser_support import COLOUR_RULES, FRAME, PALETTE_TOGGLE, axe_violations
from after_the_no.i18n.languages import load_languages
from audit_sample import covering, page_components
from conftest import READY, ROOT, built_site, is_redirect_stub, other_hosts, serve
from reply_support import library

STATES = ["light", "no JS"]
WIDTH = {"light": 1280, "no JS": 390}   # "light" narrows to 320 px and turns dark on the same load
SCHEME = {"light": "default", "dark": "slate"}   # Material's names
# Pages a person lands on to choose where to go: without JavaScript they show their full text.
FULL_TEXT_WITHOUT_JS = ("", "situations/")
URGENT_HELP = "support/urgent-help/"
LANGUAGES = [language.code for language in load_languages(ROOT)[1:]]
# Each language's reply examples, by the prefix of its tree ("" for English, "es/").
LIBRARIES = {"": library()} | {f"{code}/": replies.load_library(ROOT / "locales" / code / "replies", ROOT)
                                for code in LANGUAGES if (ROOT / "locales" / code / "replies/placeholders.yml").is_file()}


# The footer's link to urgent help, in each tree's language (locales/<code>/interface.po).
URGENT_LINK = {"": interface.english(ROOT)["page.footer.urgent-link"]} | {
    f"{code}/": interface.strings(ROOT, code, draft=True)["page.footer.urgent-link"] for code in LANGUAGES}


def split(path: str) -> tuple[str, str]:
    """('es/', 'reflect/') for 'es/reflect/'; ('', 'reflect/') for an English page."""
    first = path.split("/", 1)[0]
    return (first + "/", path[len(first) + 1:]) if first in LANGUAGES else ("", path)
# Shown only when JavaScript does not run: a worksheet's note that nothing is saved, the about
# page's way to forget without the button.
NO_JS_NOTES = (".ws-nojs", ".forget .no-js-only")
# A worksheet's note without JavaScript, in each tree's language (render.worksheet.no-js).
WORKSHEET_NO_JS = {"": interface.english(ROOT)["render.worksheet.no-js"]} | {
    f"{code}/": interface.strings(ROOT, code, draft=True)["render.worksheet.no-js"] for code in LANGUAGES}
# No transition or animation running: axe measures colours as they end up, not halfway through
# a fade (Material's drawer, header title). A layout change starts them after a frame.
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
STILL = "() => document.getAnimations().every(a => a.playState !== 'running')"


def wait_until_still(page) -> None:
    page.evaluate(TWO_FRAMES)
    page.wait_for_function(STILL)


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


# One page of each kind (the home page, a guide page, the situation index and a situation, a
# support page, a worksheet, the summary, a reply, the about page, the 404 page): in each tree,
# these are audited with the site's frame (below); a translated tree's are also loaded without
# JavaScript (the home page and situation index in full, the about page's way to forget).
ONE_OF_EACH_KIND = ("", "reflect/", "situations/", "situations/final-round/", "support/urgent-help/",
                    "worksheets/feedback-log/", "worksheets/summary/", "replies/thank-you-for-feedback/", "about/", "404.html")


@lru_cache(maxsize=None)
def samples(site) -> tuple[tuple[str, ...], frozenset[str]]:
    """(the English pages that between them carry every component of the English content, the
    ONE_OF_EACH_KIND pages first; the translated pages with a component no English page has)."""
    pages = {page: page_components(site, page) for page in audited_pages(site)}
    english = {page: found for page, found in pages.items() if not split(page)[0]}
    known = frozenset().union(*english.values())
    return (tuple(covering(english, ONE_OF_EACH_KIND)),
            frozenset(page for page, found in pages.items() if split(page)[0] and found - known))


def audit_states(pages: list[str], sample: tuple[str, ...]) -> list[tuple[str, str]]:
    """(page, state) pairs: every page "light"; "no JS" for an English page in the sample and
    for a translated tree's page of each kind."""
    return [(page, state) for page in pages for state in STATES
            if state == "light" or (page in sample if not split(page)[0] else split(page)[1] in ONE_OF_EACH_KIND)]


def pytest_generate_tests(metafunc):
    if "audited_page" in metafunc.fixturenames:
        site = built_site("mkdocs")
        pairs = audit_states(audited_pages(site), samples(site)[0])
        metafunc.parametrize("audited_page,state", pairs,
                             ids=[f"/{page}-{state.replace(' ', '-')}" for page, state in pairs])


@pytest.fixture(scope="module")
def strict_url(site_dir):
    """The site served with exactly the headers of its generated `_headers`."""
    rules = parse((site_dir / "_headers").read_text("utf-8"))
    url, server = serve(site_dir, lambda path: headers_for(rules, path))
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def tabs(browser, strict_url):
    """One tab per state for the module, each in its own browser context, recording console
    errors, script errors and requests to other hosts (aborted, so the run never leaks to the
    network). Only other hosts' requests are routed through Python: the pattern is matched in
    the browser's driver, so the site's own requests are not slowed."""
    made = {}
    other_host = other_hosts(strict_url)

    def get(state):
        if state not in made:
            context = browser.new_context(viewport={"width": WIDTH[state], "height": 900}, color_scheme="light",
                                          java_script_enabled=state != "no JS", service_workers="block")
            context.add_init_script(RECORD_CSP_VIOLATIONS)
            context.add_init_script(STILL_PAGE)
            tab = context.new_page()
            tab.problems = {"console": [], "other host": []}
            tab.on("console", lambda msg: msg.type == "error" and tab.problems["console"].append(msg.text))
            tab.on("pageerror", lambda err: tab.problems["console"].append(f"uncaught {err}"))

            def guard(route):
                tab.problems["other host"].append(route.request.url)
                route.abort()

            tab.route(other_host, guard)
            made[state] = tab
        return made[state]

    yield get
    for tab in made.values():
        tab.context.close()


def load(tab, state: str, url: str, width: int | None = None):
    """Open url in the state's tab, as a fresh start: its width (or `width`), no forced colours,
    nothing stored, no problems recorded yet."""
    tab.set_viewport_size({"width": width or WIDTH[state], "height": 900})
    tab.emulate_media(forced_colors="none")
    if state != "no JS" and tab.url.startswith("http"):
        tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    for problems in tab.problems.values():
        problems.clear()
    tab.response = tab.goto(url)   # waits for `load`
    return tab


def run_checks(page, state: str, path: str, base: str, sample) -> dict[str, list[str]]:
    """Every check for `state` on the page as loaded: "<width> <state>: <check>" -> problems.
    `sample` is samples(site): where the checks of the shared styles alone run."""
    found: dict[str, list[str]] = {}
    policy = page.response.headers.get("content-security-policy", "") if page.response else ""
    found["policy header"] = [] if "default-src 'self'" in policy else [f"served without the policy ({policy!r})"]
    if state == "no JS":
        return found | no_js_checks(page, path, base)
    try:
        page.wait_for_function(READY, timeout=5000)
        found["ready"] = []
    except Exception:
        found["ready"] = ["<html data-ready> never set: a [data-module] root did not start"]
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    found["colour scheme"] = [] if scheme == SCHEME[state] else [f"body data-md-color-scheme={scheme}, expected {SCHEME[state]}"]
    wait_until_still(page)
    translated = bool(split(path)[0])   # loaded at 320 px: the words' checks only (see above)
    frame = () if split(path)[1] in ONE_OF_EACH_KIND else FRAME   # left out: checked on one page of each kind
    # A page of the English sample: forced colours, the dark palette and text spacing at 1280 px.
    styled = path in sample[0]
    # A translated page's colours: where its frame is audited or it has a component of its own.
    coloured = not translated or not frame or path in sample[1]
    if not translated:
        # Without the frame, the colour rules are left to 320 px: the content's colours and text
        # sizes are the same at both widths (test_no_style_gives_the_content_another_look_at_1280_px).
        found["1280 axe"] = axe_violations(page, exclude=frame, skip=COLOUR_RULES if frame else ())
    found |= page_checks(page, path)
    # The window narrows to 320 px, as 1280 px at 400% zoom does (WCAG 1.4.10): same load.
    if not translated:
        page.set_viewport_size({"width": 320, "height": 900})
        wait_until_still(page)   # the navigation folds into its drawer with a transition
    found["320 axe"] = axe_violations(page, exclude=frame, skip=() if coloured else COLOUR_RULES)
    found["320 reflow"] = page.evaluate(OVERFLOWS)
    if styled:
        found |= {f"320 {check}": problems for check, problems in forced_colours(page).items()}
    # WCAG 1.4.12, on top of the page as audited above (so axe and reflow saw it plain).
    if page.evaluate(ADD_STYLE, TEXT_SPACING):
        found["320 text spacing: cut off"] = page.evaluate(CUT_OFF)
        found["320 text spacing: reflow"] = page.evaluate(OVERFLOWS)
        page.evaluate(REMOVE_STYLES)
    else:
        found["text spacing"] = ["the text-spacing overrides did not apply"]
    if not styled:
        return found | final_checks(page)
    # Dark: the person switches the palette, back at 1280 px (same load).
    page.set_viewport_size({"width": 1280, "height": 900})
    found |= dark_palette(page, frame)
    if page.evaluate(ADD_STYLE, TEXT_SPACING):
        found["1280 text spacing: cut off"] = page.evaluate(CUT_OFF)
    return found | final_checks(page)


def dark_palette(page, frame: tuple[str, ...]) -> dict[str, list[str]]:
    """The dark palette through Material's own toggle: axe on the dark page (without the frame
    where `frame` names it); then the choice (Material keeps it in localStorage) is forgotten,
    so the next page loads light."""
    toggle = page.locator(PALETTE_TOGGLE)
    if toggle.count() != 1:
        return {"1280 dark": [f"{PALETTE_TOGGLE}: {toggle.count()} on the page, expected 1"]}
    toggle.click()
    try:
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'", timeout=5000)
    except Exception:
        return {"1280 dark": [f"body data-md-color-scheme={page.locator('body').get_attribute('data-md-color-scheme')} "
                              "after the toggle, expected slate"]}
    wait_until_still(page)
    # The palette changes the colours and which of the toggle's two labels shows, nothing else:
    # every other rule's result is the light page's at 1280 px, checked on this same load. The
    # toggle is in the frame: its other label is checked where the frame is.
    found = {"1280 dark axe": axe_violations(page, COLOUR_RULES, exclude=frame)
             + ([] if frame else axe_violations(page, within="form[data-md-component=palette]"))}
    page.evaluate("() => localStorage.clear()")
    return found


def forced_colours(page) -> dict[str, list[str]]:
    """The person's system switches its high-contrast mode on (same load), then off again."""
    page.emulate_media(forced_colors="active")
    try:
        if not page.evaluate("matchMedia('(forced-colors: active)').matches"):
            return {"forced colours": ["forced-colors: active did not apply"]}
        page.keyboard.press("Tab")   # keyboard focus from here on: :focus-visible applies
        checked, problems = page.evaluate(FOCUS_VISIBLE)
        return {"forced colours: controls": page.evaluate(INVISIBLE_CONTROLS), "forced colours: focus": problems}
    finally:
        page.emulate_media(forced_colors="none")


def page_checks(page, path: str) -> dict[str, list[str]]:
    """What a kind of page must show, checked on the audit's load (no load of its own): a page's
    content carries no inline script (the finish step would put its hash in the policy, so the
    CSP would not stop it); loading a page keeps nothing in the browser; the notes for a browser
    without JavaScript are hidden; the reply personaliser is on the reply pages only, and on
    each it has replaced the plain text with the example's own words, every detail to fill in."""
    found = {"inline script in the content": page.eval_on_selector_all(
        "article script:not([src]):not([type='application/json'])",
        "scripts => scripts.map(s => `article <script>${s.textContent.trim().slice(0, 60)}</script>: a page's content "
        "runs no script of its own (the CSP would allow it by its hash)`)")}
    # Only loading a page keeps nothing in this browser (answers are kept only once typed).
    kept = page.evaluate("""() => ['localStorage', 'sessionStorage'].flatMap(area =>
        Object.keys(window[area]).filter(k => k.startsWith('after-the-no:')).map(k => `${area} ${k}`))""")
    found["kept on load"] = [f"{key}: written by just loading the page" for key in kept]
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")   # the next page starts clean
    # The notes for a browser without JavaScript are hidden once scripts run.
    found["no-JS notes"] = [f"{selector}: shown although JavaScript runs" for selector in NO_JS_NOTES
                            if page.locator(selector).count() and page.locator(selector).first.is_visible()]
    prefix, path = split(path)
    lib = LIBRARIES.get(prefix, LIBRARIES[""])
    REPLIES = {reply.slug: reply for reply in lib.replies}   # noqa: N806
    slug = path.removeprefix("replies/").rstrip("/")
    if not (path.startswith("replies/") and slug in REPLIES) and page.locator(".reply-ui").count():
        found["reply personaliser"] = [".reply-ui: on a page that is not a reply example"]
    if path.startswith("replies/") and slug in REPLIES:
        problems = []
        if page.locator(".reply-ui").count() != 1:
            problems.append(f".reply-ui: {page.locator('.reply-ui').count()} on the page, expected 1")
        else:
            shown = page.locator(".reply-preview-body").text_content()
            expected = replies.fill(REPLIES[slug].message.body, {}, lib.placeholders)
            if shown != expected:
                problems.append(f".reply-preview-body: shows {shown[:80]!r}..., expected the example {expected[:80]!r}...")
        found["reply personaliser"] = problems
    return found


def final_checks(page) -> dict[str, list[str]]:
    """What the load as a whole did: read last, so that every step above is included."""
    return {"CSP violation": page.evaluate("window.__csp"), "console": page.problems["console"],
            "other host": page.problems["other host"]}


def no_js_checks(page, path: str, base: str) -> dict[str, list[str]]:
    found = {}
    prefix, path = split(path)
    base += prefix
    h1 = page.locator("article h1")
    found["no JS: heading"] = [] if h1.count() and h1.first.is_visible() else ["article h1 not visible"]
    words = len(page.locator("article").inner_text().split()) if page.locator("article").count() else 0
    least = 200 if path in FULL_TEXT_WITHOUT_JS or path.startswith("situations/") else 1 if path == "404.html" else 20
    found["no JS: text"] = [] if words >= least else [f"article: only {words} words visible (at least {least})"]
    link = page.locator(".md-copyright a", has_text=URGENT_LINK[prefix])
    if not link.count():
        found["no JS: urgent help"] = [f"footer .md-copyright: no {URGENT_LINK[prefix]!r} link"]
    else:
        target = link.first.evaluate("a => a.href")
        found["no JS: urgent help"] = ([] if target == base + URGENT_HELP else [f"footer urgent-help link leads to {target}"]) \
            + ([] if link.first.is_visible() else ["footer urgent-help link not visible"])
    found["no-JS notes"] = [f"{selector}: not shown" for selector in NO_JS_NOTES
                            if page.locator(selector).count() and not page.locator(selector).first.is_visible()]
    if page.locator(".ws-nojs").count() and page.locator(".ws-nojs").first.inner_text() != " ".join(WORKSHEET_NO_JS[prefix].split()):
        found["no-JS notes"].append(f".ws-nojs says {page.locator('.ws-nojs').first.inner_text()!r}")
    if page.locator(".forget-js").count() and page.locator(".forget-js").first.is_visible():
        found["no-JS notes"].append(".forget-js: the forget-everything control shows, and cannot work without JavaScript")
    found["other host"] = page.problems["other host"]
    return found


def test_page(audited_page, state, tabs, strict_url, site_dir):
    narrow = state == "light" and bool(split(audited_page)[0])   # a translated page: 320 px only
    page = load(tabs(state), state, strict_url + audited_page, 320 if narrow else None)
    found = run_checks(page, state, audited_page, strict_url, samples(site_dir))
    problems = [f"/{audited_page} [{state}] {check}: {problem}" for check, items in found.items() for problem in items]
    assert problems == [], "\n".join(problems)


def test_each_tree_has_every_page_of_each_kind_the_audit_names():
    """ONE_OF_EACH_KIND: where each tree's frame is audited, and a translated tree's "no JS" state.
    A page moved away would take a kind's frame out of the audit without a word: this says so."""
    pages = audited_pages(built_site("mkdocs"))
    trees = [""] + [f"{code}/" for code in LANGUAGES if f"{code}/" in {split(p)[0] for p in pages}]
    missing = [f"/{tree}{page}" for tree in trees for page in ONE_OF_EACH_KIND if f"{tree}{page}" not in pages]
    assert missing == [], "ONE_OF_EACH_KIND names pages a tree does not have:\n" + "\n".join(missing)


def test_no_style_gives_the_content_another_look_at_1280_px():
    """What lets the audit leave the colour rules to 320 px on pages without the frame: no style
    sheet of the built site (ours or Material's) gives anything outside the frame another colour,
    text size or underline at 1280 px than at 320 px. If one ever does, this names it: then run
    the colour rules at 1280 px too (run_checks)."""
    site = built_site("mkdocs")
    found = [f"{sheet.relative_to(site)}: {rule}" for sheet in sorted((site / "assets").rglob("*.css"))
             for rule in width_dependent_styles(sheet.read_text("utf-8"))]
    assert len(list((site / "assets").rglob("*.css"))) >= 3, "no style sheets found under assets/"
    assert found == [], "\n".join(found)
