"""A careers service's edition as an adopter writes one: the starter project (after-the-no new)
with a local page, a replacement page, two local services, an omission and an embed origin."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

SERVICES = [
    {"kind": "wellbeing", "name": "Example Student Wellbeing", "phone": "01632 960 000",
     "email": "wellbeing@example.ac.uk", "hours": "Monday to Friday, 9am to 5pm"},
    {"kind": "out-of-hours", "name": "Example Night Line", "phone": "+44 1632 960 001",
     "url": "https://nightline.example.ac.uk/", "hours": "Every night, 8pm to 8am"},
]
BRAND = {"organisation": "Example University Careers Service", "primary_colour": "#00467f",
         "embed_origins": ["https://moodle.example.ac.uk"]}
OMIT = ["/situations/graduate-schemes/"]
REPLACED = "situations/final-round.md"
REPLACEMENT_TEXT = "Our own advice for a close second, written by Example University."
LOCAL_PAGE = "events.md"
# The replaced page's published anchors (published-urls.yml): a replacement keeps them.
REPLACED_SECTIONS = {"close-second": "Why it hurts", "runner-up-note": "A note to send",
                     "if-they-drop-out": "If they drop out", "stay-on-their-list": "Stay on their list",
                     "learn-from-it": "Learn from it", "talk-now": "If it is hard to let go"}


def customise(project: Path, version: str) -> None:
    """Turn a fresh starter project into the adopter's edition."""
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text("utf-8"))
    config["site_name"] = "Example Careers: After the No"
    config["extra"]["brand"].update(BRAND)
    config["extra"]["local_services"] = SERVICES
    config["extra"]["omit"] = OMIT
    config["extra"]["local_nav"].append({"page": LOCAL_PAGE, "title": "Our careers events"})
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    (project / "local" / LOCAL_PAGE).write_text(
        "---\ndescription: Careers events at Example University this term.\n---\n\n"
        "# Our careers events\n\nCome to a drop-in session on Tuesdays.\n", "utf-8")
    (project / "local" / REPLACED).parent.mkdir(parents=True, exist_ok=True)
    (project / "local" / REPLACED).write_text(
        f"---\nbased_on: {version}\nreviewed: 2026-12-03\ndescription: A close second at Example University.\n---\n\n"
        f"# You came a close second\n\n{REPLACEMENT_TEXT}\n\n"
        + "".join(f"## {title} {{#{anchor}}}\n\nTalk to us about it.\n\n" for anchor, title in REPLACED_SECTIONS.items()),
        "utf-8")


def build_edition(project: Path, engine: str, python: str = sys.executable, command: list[str] | None = None):
    """`after-the-no build` in the project's folder; returns (site, build log). Raises
    RuntimeError with the log's end if the build fails."""
    site = project / f"site-{engine}"
    result = subprocess.run((command or [python, "-m", "after_the_no.edition.cli"]) +
                            ["build", "--engine", engine, "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"after-the-no build --engine {engine} failed:\n{result.stderr[-4000:]}")
    return site, result.stderr


def build(folder: Path) -> str:
    """The edition's project in folder/ours (after-the-no new, then customise), built with MkDocs
    into folder/ours/site-mkdocs; returns the build log (once per run: tests/suite_run.py)."""
    from after_the_no.edition import cli, guide
    project = folder / "ours"
    if cli.main(["new", str(project)]) != 0:
        raise RuntimeError("after-the-no new failed")
    customise(project, guide.version())
    return build_edition(project, "mkdocs")[1]
