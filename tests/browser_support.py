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
