"""The published URL contract and the advice map hold on the built site; redirects keep moved pages."""
from __future__ import annotations

import shutil

import pytest
import yaml

from after_the_no.build.config import BuildError
from after_the_no.build.stage import stage
from after_the_no.build.url_contract import Entry, broken, load_contract
from conftest import ROOT
from tools.derived_config import write_variant
from variant_support import MOVED_FROM, MOVED_TO

CONTRACT = ROOT / "published-urls.yml"


@pytest.mark.engines
def test_every_published_url_and_anchor_resolves(site_dir):
    assert broken(site_dir, load_contract(CONTRACT)) == []


@pytest.mark.engines
def test_contract_lists_every_built_page(html_pages):
    contracted = {entry.url for entry in load_contract(CONTRACT)}
    assert {"/" + url for url in html_pages} - contracted == set()


@pytest.mark.engines
def test_every_point_of_the_article_maps_to_an_existing_anchor(site_dir):
    points = yaml.safe_load((ROOT / "advice-map.yml").read_text("utf-8"))
    assert len(points) >= 20
    missing = []
    for point in points:
        html = (site_dir / point["page"] / "index.html").read_text("utf-8")
        if f'id="{point["anchor"]}"' not in html:
            missing.append(f'{point["page"]}#{point["anchor"]}: {point["point"]}')
    assert missing == []


def test_a_moved_page_without_a_redirect_stops_the_build(tmp_path):
    # The adviser link kit is built from the contract, so staging itself refuses.
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / MOVED_FROM).rename(docs / MOVED_TO)
    for md in docs.rglob("*.md"):
        md.write_text(md.read_text("utf-8").replace(MOVED_FROM, MOVED_TO), "utf-8")
    config = write_variant(tmp_path / "mkdocs.yml", lambda c: c.update(docs_dir=str(docs)))
    config.write_text(config.read_text("utf-8").replace(MOVED_FROM, MOVED_TO), "utf-8")
    with pytest.raises(BuildError) as refused:
        stage(tmp_path / "stage", config)
    assert str(refused.value) == "published-urls.yml: /move-forward/: no page in docs/ builds this URL"


def test_contract_check_reports_a_missing_page(site_dir, tmp_path):
    entries = load_contract(CONTRACT) + [Entry("/gone/", "A page that was removed.", {})]
    assert broken(site_dir, entries) == ["/gone/: no page"]


def test_a_redirect_keeps_a_moved_page_and_its_anchors(variant_site):
    # The careers service's edition (variant_support) renamed move-forward.md with a redirect.
    assert (variant_site / "move-forward/index.html").read_text("utf-8").count('http-equiv="refresh"') == 1
    assert (variant_site / "next-steps/index.html").is_file()
    assert broken(variant_site, load_contract(CONTRACT)) == []
