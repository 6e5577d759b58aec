"""The published URL contract and the advice map hold on the built site; redirects keep moved pages."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from after_the_no.build.url_contract import Entry, broken, load_contract
from conftest import ROOT, build_site

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


def _copy_project(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "node_modules", "site",
                                                               "__pycache__", ".pytest_cache"))
    return copy


def _move_page_and_build(tmp_path: Path, with_redirect: bool):
    """Move move-forward.md to next-steps.md, as an editor might, and check the contract."""
    project = _copy_project(tmp_path)
    (project / "docs/move-forward.md").rename(project / "docs/next-steps.md")
    config = (project / "mkdocs.yml").read_text("utf-8").replace("move-forward.md", "next-steps.md")
    if with_redirect:
        config = config.replace("redirect_maps: {}", "redirect_maps:\n        move-forward.md: next-steps.md")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    for md in (project / "docs").rglob("*.md"):
        md.write_text(md.read_text("utf-8").replace("move-forward.md", "next-steps.md"), "utf-8")
    out = tmp_path / "built"
    return build_site(out, project / "mkdocs.yml"), out


def test_a_moved_page_without_a_redirect_stops_the_build(tmp_path):
    # The adviser link kit is built from the contract, so the build itself refuses.
    result, _ = _move_page_and_build(tmp_path, with_redirect=False)
    assert result.returncode == 1
    assert "published-urls.yml: /move-forward/: no page in docs/ builds this URL" in result.stderr


def test_contract_check_reports_a_missing_page(site_dir, tmp_path):
    entries = load_contract(CONTRACT) + [Entry("/gone/", "A page that was removed.", {})]
    assert broken(site_dir, entries) == ["/gone/: no page"]


def test_a_redirect_keeps_a_moved_page_and_its_anchors(tmp_path):
    result, out = _move_page_and_build(tmp_path, with_redirect=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (out / "move-forward/index.html").read_text("utf-8").count('http-equiv="refresh"') == 1
    assert broken(out, load_contract(CONTRACT)) == []
