"""Browser-tier helpers shared by the test_browser_* files."""
from __future__ import annotations

from pathlib import Path

import suite_run

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe-core as package.json pins it (npm ci, run by bin/test); put in a page once, run as often as
# needed. 4.14 runs the same WCAG rules in about half the time of 4.12 (colour contrast above all).
AXE_SOURCE = (Path(__file__).resolve().parent.parent / "node_modules/axe-core/axe.min.js").read_text("utf-8")
# Only violations are collected: axe skips building the details of every passing node.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


# The rules whose results depend on the colours alone (a palette switch changes nothing else).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# The site's frame: the header (title, search, palette toggle, language switcher) and the site
# navigation (the sidebar at 1280 px, the drawer at 320 px). Every page of a tree has the same
# frame, from the same templates, styles and scripts; what differs is which link is marked as the
# current page and which section is open. The site-wide audit (test_browser_audit.py) has axe
# see it on one page of each kind in every state; elsewhere axe leaves it out (about two thirds of
# a typical page's elements, and most of axe's time) and sees each page's own content. No script
# of a page's content changes the frame: the states a person reaches by using a page (a filled
# worksheet, a place chosen, a reply personalised) are checked without it too.
FRAME = ("header.md-header", ".md-sidebar--primary")


def axe_results(page, rules: list[str] | None = None, within: str | None = None,
                exclude: tuple[str, ...] = (), skip: list[str] = ()) -> list[dict]:
    """axe's WCAG 2.0-2.2 A/AA violations on the page as it is now (every run is counted):
    every rule, or only `rules`; on the whole document, or only the element `within` selects;
    leaving out the elements `exclude` selects (axe still sees the whole document, so rules
    about the page as a whole, such as a way to bypass blocks, still run); without the rules
    `skip` names."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    suite_run.count("axe runs")
    options = AXE_OPTIONS if rules is None else {**AXE_OPTIONS, "runOnly": {"type": "rule", "values": rules}}
    if skip:
        options = {**options, "rules": {rule: {"enabled": False} for rule in skip}}
    return page.evaluate("""([options, within, exclude]) => axe.run(
        within ? document.querySelector(within) : exclude.length ? {exclude: exclude.map(s => [s])} : document,
        options).then(r => r.violations)""", [options, within, list(exclude)])


def axe_violations(page, rules: list[str] | None = None, within: str | None = None,
                   exclude: tuple[str, ...] = (), skip: list[str] = ()) -> list[str]:
    """Every WCAG A/AA violation on the page as 'rule: target summary' lines (empty when clean)."""
    return [f"{v['id']}: {node['target']} {node.get('failureSummary', '')[:200]}"
            for v in axe_results(page, rules, within, exclude, skip) for node in v["nodes"]]


# Material's palette toggle: the one label shown is the switch to the other palette.
PALETTE_TOGGLE = "form[data-md-component=palette] label:not([hidden])"


def show_look(page, width: int, scheme: str) -> None:
    """The page as it is, at `width` px in Material's palette `scheme` ("default" or "slate"):
    the window resized and, if the palette differs, the person's click on Material's own toggle
    (Material keeps the choice for the next page)."""
    page.set_viewport_size({"width": width, "height": 900})
    if page.locator("body").get_attribute("data-md-color-scheme") != scheme:
        page.click(PALETTE_TOGGLE)
        page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=scheme)


# The person chose "Save my answers on this device" (docs/assets/enhance.js CHOICE_KEY), unless the
# page has a choice already. Storage may be blocked: then there is nothing to choose.
CHOSE_TO_SAVE = """try { if (localStorage.getItem('after-the-no:save') === null)
  localStorage.setItem('after-the-no:save', 'yes'); } catch (e) {}"""


def chose_to_save(open_page, base_url):
    """open_page for a person who chose to save on this device: for the worksheet and reply tests
    about what is kept, not about the choice (test_browser_privacy.py). saving=False: no choice."""
    def _open(path: str = "", saving: bool = True, **kwargs):
        page = open_page(None, **kwargs)
        if saving:
            page.add_init_script(CHOSE_TO_SAVE)
        if path is not None:
            page.goto(base_url + path)
        return page
    return _open
