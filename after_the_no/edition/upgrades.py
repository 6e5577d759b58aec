"""`after-the-no check`: the local pages that replace ours whose English changed since the
guide version they were based on (their `based_on:`), from the page hashes each release records
(page-hashes.json)."""
from __future__ import annotations

import sys
from pathlib import Path

from after_the_no.edition import guide, project


def changed(project_dir: Path, guide_root: Path) -> list[str]:
    """One line per local page that needs a look, naming it, our page and why."""
    hashes = guide.manifest(guide_root)
    now = guide.current_hashes(guide_root)
    out = []
    for uri, (path, based_on) in sorted(project.replacements(project_dir, guide_root).items()):
        name = f"{project.LOCAL}/{uri}"
        if not based_on:
            out.append(f"{name}: replaces our {uri} but says no `based_on:` version: compare it with ours "
                       f"and add `based_on: {guide.version()}`")
        elif based_on not in hashes:
            out.append(f"{name}: based_on {based_on}, a version this guide has no record of "
                       f"(recorded: {', '.join(sorted(hashes))})")
        elif hashes[based_on].get(uri) != now.get(uri):
            out.append(f"{name}: our {uri} changed since {based_on} (now {guide.version()}): "
                       "read what changed (CHANGELOG.md) and bring your page up to date, then set "
                       f"`based_on: {guide.version()}`")
    return out


def report(project_dir: Path, guide_root: Path) -> int:
    lines = changed(project_dir, guide_root)
    for line in lines:
        print(line)
    replaced = len(project.replacements(project_dir, guide_root))
    print(f"{replaced} local page(s) replace ours; {len(lines)} need a look (guide {guide.version()})",
          file=sys.stderr)
    return 1 if lines else 0
