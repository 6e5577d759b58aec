"""Browser-tier helpers shared by the test_browser_* files."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


def axe_violations(page) -> list[str]:
    """Every WCAG A/AA violation on the page as 'rule: target' lines (empty when clean)."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{v['id']}: {node['target']} {node.get('failureSummary', '')[:200]}"
            for v in results.response["violations"] for node in v["nodes"]]


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
