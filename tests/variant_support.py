"""A careers service's own edition of the guide, built once per run through the MkDocs hook
(`mkdocs build --strict` on a copy of the project, as a service running its own copy would):
its brand and its own site name, the "Move forward" page renamed to next-steps.md with a
redirect from the old address, and a page description with straight quotes in it. The
branding, URL-contract and HTML tests read it; the failure paths are checked in-process
(pipeline.begin_stage on a small tree), not by more builds."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import ROOT, build_site

BRAND = {
    "organisation": "Example University Careers Service",
    "logo": "assets/favicon.svg",
    "primary_colour": "#00467f",
    "contact_url": "https://careers.example.ac.uk/book",
    "contact_label": "Book a careers appointment",
    "footer_text": "Run by Example University Careers Service for its students.",
}
SITE_NAME = "Example Careers Guide"   # mkdocs.yml site_name: the brand's name in every output
QUOTED_DESCRIPTION = 'Say "no" & mean it.'
MOVED_FROM, MOVED_TO = "move-forward.md", "next-steps.md"


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv", ".git", "node_modules", "site", "dist",
                                                                 "__pycache__", ".pytest_cache"))
    return target


def move_page(project: Path, with_redirect: bool) -> None:
    """Rename move-forward.md to next-steps.md, as an editor might, links and nav included."""
    (project / "docs" / MOVED_FROM).rename(project / "docs" / MOVED_TO)
    config = (project / "mkdocs.yml").read_text("utf-8").replace(MOVED_FROM, MOVED_TO)
    if with_redirect:
        assert "redirect_maps: {}" in config
        config = config.replace("redirect_maps: {}", f"redirect_maps:\n        {MOVED_FROM}: {MOVED_TO}")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    # Every link to it, as an editor would: the pages, and the reply and worksheet definitions.
    for md in [*(project / "docs").rglob("*.md"), *(project / "replies").glob("*.yml"),
               *(project / "worksheets").glob("*.yml")]:
        md.write_text(md.read_text("utf-8").replace(MOVED_FROM, MOVED_TO), "utf-8")


def quote_description(docs: Path) -> None:
    page = docs / "about.md"
    page.write_text(page.read_text("utf-8").replace("description:", f"description: {QUOTED_DESCRIPTION}", 1), "utf-8")


def build(folder: Path) -> None:
    """The edition's project in folder/project, its site in folder/site (raises if the build fails)."""
    project = copy_project(folder / "project")
    move_page(project, with_redirect=True)
    quote_description(project / "docs")
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    config["site_name"] = SITE_NAME
    config["extra"]["brand"] = BRAND
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    result = build_site(folder / "site", project / "mkdocs.yml")
    if result.returncode != 0:
        raise RuntimeError(f"the careers service's edition did not build:\n{result.stderr[-4000:]}")
