"""A careers service's edition, built: the starter project (after-the-no new) with a local page,
a replacement, two local services, an omission and an embed origin, built once by
`after-the-no build` from this checkout. The wheel, installed alone, is tested the same way in
test_adopter_wheel.py."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import edition_support as adopter
import suite_run
from after_the_no.build import headers as deploy_headers
from after_the_no.edition import hooks, local_services
from after_the_no.build.url_contract import broken, load_contract, resolve
from conftest import ROOT
from site_support import soup

PREVIOUS_RELEASE = ROOT / "tests/fixtures/published-urls-1.0.0.yml"


@pytest.fixture(scope="module")
def edition():
    """The adopter's edition, built once per run (suite_run.BUILDS["edition"])."""
    try:
        folder, log = suite_run.build("edition")
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    return folder / "ours", folder / "ours/site-mkdocs", log


def page(site: Path, url: str):
    return soup((site / url / "index.html").read_text("utf-8"))


def check_edition(project: Path, site: Path, log: str) -> list[str]:
    """Every way the built edition differs from what its settings ask, as 'url: problem' lines."""
    problems = []
    if "local/situations/final-round.md replaces the guide's situations/final-round.md" not in log:
        problems.append(f"build log: the replacement is not said: {log[-500:]}")
    home = page(site, "")
    nav = [a.get_text(" ", strip=True) for a in home.select("nav.md-nav--primary a.md-nav__link")]
    for title in ("Our careers events", "Book an appointment"):
        if title not in nav:
            problems.append(f"nav: no {title!r}")
    sections = {links[0]: links for li in home.select("nav.md-nav--primary > ul > li")
                if (links := [a.get_text(strip=True) for a in li.select("a.md-nav__link")])}
    if sections.get("Support", [])[-1:] != ["Book an appointment"]:
        problems.append("nav: 'Book an appointment' is not in the Support section")
    situations = len(list((ROOT / "docs/situations").glob("*.md")))   # the index and each situation
    if "Graduate schemes and assessment centres" in sections.get("Which kind of no?", []) or \
            len(sections.get("Which kind of no?", [])) != situations - 1:
        problems.append(f"nav: the situations are {sections.get('Which kind of no?')}")
    if "Our careers events" not in page(site, "events/").h1.get_text():
        problems.append("events/: the local page is not there")
    if adopter.REPLACEMENT_TEXT not in page(site, "situations/final-round/").get_text():
        problems.append("situations/final-round/: not replaced by local/situations/final-round.md")
    for url in ("", "situations/", "advisers/"):
        links = [a["href"] for a in page(site, url).select("a[href]") if "graduate-schemes" in a["href"]]
        if links:
            problems.append(f"{url or '/'}: still links to the omitted page: {links}")
    stub = (site / "situations/graduate-schemes/index.html").read_text("utf-8")
    if resolve(site, "/situations/graduate-schemes/") != site / "situations/index.html" or 'url=../' not in stub:
        problems.append("/situations/graduate-schemes/: does not redirect to /situations/")
    if (site / "worksheets/momentum-plan/index.html").is_file() is False:
        problems.append("worksheets/momentum-plan/: missing")
    # Local services: in each place, above the national routes; on every page's footer.
    expected = {url: [s["name"] for kind in local_services.PLACES[src] for s in adopter.SERVICES if s["kind"] == kind]
                for src, url in (("support/urgent-help.md", "support/urgent-help/"), ("support/index.md", "support/"),
                                 ("support/adjustments.md", "support/adjustments/"), ("advisers.md", "advisers/"))}
    national = {"support/urgent-help/": "#uk", "support/": "#pages", "support/adjustments/": "#uk",
                "advisers/": "#where-to-signpost ~ ul"}
    for url, names in expected.items():
        html = page(site, url)
        block = html.select_one("article .local-services")
        shown = [li.strong.get_text() for li in block.select("li")] if block else []
        if shown != names:
            problems.append(f"{url}: local services {shown}, expected {names}")
            continue
        after = html.select_one(f"article {national[url]}")
        if after is None or after.find_previous("div", class_="local-services") is not block:
            problems.append(f"{url}: the local services are not above the national routes ({national[url]})")
    night = page(site, "support/urgent-help/").select_one('.local-services li[data-kind="out-of-hours"]')
    if night is None or [a["href"] for a in night.select("a")] != ["tel:+441632960001", "https://nightline.example.ac.uk/"]:
        problems.append(f"support/urgent-help/: the night line's routes are wrong: {night}")
    for path in sorted(site.rglob("index.html")):
        html = path.read_text("utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        footer = soup(html).select_one("footer .local-services-footer")
        names = [a.get_text() for a in footer.select("a")] if footer else []
        if names != [s["name"] for s in adopter.SERVICES]:
            problems.append(f"{path.relative_to(site)}: footer local services {names}")
    policy = deploy_headers.headers_for(deploy_headers.parse((site / "_headers").read_text("utf-8")), "/")
    if not policy["Content-Security-Policy"].endswith("; frame-ancestors https://moodle.example.ac.uk"):
        problems.append(f"_headers: {policy['Content-Security-Policy'][-80:]}")
    # The URL contract across versions: every URL the previous release published still answers.
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    problems += [f"previous release: {p}" for p in broken(site, hooks.contract(config, load_contract(PREVIOUS_RELEASE)))]
    return problems


def test_edition_builds_with_its_pages_services_omission_and_embedding(edition):
    project, site, log = edition
    problems = check_edition(project, site, log)
    assert problems == [], "\n".join(problems)


def test_link_kit_lists_only_the_pages_the_edition_has(edition):
    project, site, log = edition
    kit = page(site, "advisers/").get_text()
    assert "/situations/graduate-schemes/" not in kit
    assert "/situations/final-round/" in kit


def test_previous_release_fixture_is_this_release_or_older():
    """The fixture is a copy of a released published-urls.yml: every URL and anchor in it is still
    in this one (entries are only ever added)."""
    now = {e.url: set(e.anchors) for e in load_contract(ROOT / "published-urls.yml")}
    lost = [f"{e.url}#{a}" for e in load_contract(PREVIOUS_RELEASE) for a in [""] + list(e.anchors)
            if e.url not in now or (a and a not in now[e.url])]
    assert lost == [], lost


def test_default_build_shows_no_local_services(html_pages, site_dir):
    shown = [url for url, html in html_pages.items() if "local-services" in html]
    assert shown == []
