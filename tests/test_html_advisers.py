"""The adviser page: a link kit generated from the URL contract, printing, a workshop plan."""
from __future__ import annotations

import yaml

from after_the_no.build.url_contract import load_contract
from conftest import ROOT
from site_support import soup

SITE = "https://after-the-no.example.org"


def test_link_kit_lists_every_contracted_url_and_anchor(html_pages):
    page = soup(html_pages["advisers/"])
    listed = [a.get_text(strip=True) for a in page.select(".link-kit a.link-kit__url")]
    expected = []
    for entry in load_contract(ROOT / "published-urls.yml"):
        expected.append(SITE + entry.url)
        expected += [f"{SITE}{entry.url}#{anchor}" for anchor in entry.anchors]
    assert listed == expected


def test_each_link_kit_address_has_its_description(html_pages):
    page = soup(html_pages["advisers/"])
    first = page.select(".link-kit li")[1]
    assert first.get_text(" ", strip=True) == (
        f"The four steps, with a picture of the path. {SITE}/#the-four-steps")


def test_workshop_plan_has_timings_that_add_up_to_under_an_hour(html_pages):
    """Both plans: the workshop, and the one for groups with no interview yet."""
    page = soup(html_pages["advisers/"])
    plans = [[row.find("td").get_text(strip=True) for row in table.select("tbody tr")]
             for table in page.select(".workshop-plan table")]
    assert [(times[0], times[-1]) for times in plans] == [("0 to 5 min", "45 to 50 min"), ("0 to 5 min", "35 to 45 min")]
    for times in plans:
        ends = [int(t.split(" to ")[1].split()[0]) for t in times]
        starts = [int(t.split(" to ")[0]) for t in times]
        assert starts[1:] == ends[:-1] and 45 <= ends[-1] <= 60


def test_pages_workflow_tests_builds_strict_and_publishes_the_site():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert 'bin/test -m "not browser"' in runs
    assert ".venv/bin/mkdocs build --strict" in runs
    assert {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}} in steps
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"] == "actions/deploy-pages@v4"
