"""A careers service's project (mkdocs.yml + local/) composed with the installed guide into one
tree the pipeline builds: the guide's docs/ with the project's local pages over them, and the
guide's mkdocs.yml with the project's settings.

    mkdocs.yml   site_name, site_url, site_description, copyright, extra (brand, local_services,
                 omit, local_nav): nothing else; the guide brings the theme, nav and plugins
    local/       the project's own pages: a new path adds a page; the path of one of ours
                 replaces it, and says `based_on: <version>` (the guide version it was written
                 against) so `after-the-no check` can tell when ours changes
"""
from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import yaml

from after_the_no.definitions import Checker, DefinitionError, Document, FAST_DUMPER, Problem
from after_the_no.edition import omissions, settings
from after_the_no.build.config import BuildError, read_config
from after_the_no.build.markers import FRONT_MATTER
from after_the_no.build.url_contract import load_contract

SETTINGS = {"site_name", "site_url", "site_description", "site_author", "copyright", "extra"}
EXTRA = {"brand", "local_services", "omit", "local_nav"}
LOCAL = "local"
NOT_DATA = {"README.md", "placeholders.yml", "tone-rules.yml", "schema.json"}
VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")


def guide_pages(guide: Path) -> settings.GuidePages:
    def slugs(folder):
        return sorted(p.stem for p in (guide / folder).glob("*.yml") if p.name not in NOT_DATA)
    return settings.GuidePages.of(guide / "docs", slugs("worksheets"), slugs("replies"))


def front_matter(path: Path, name: str) -> Document:
    """A page's front matter with its lines (line 1 is the opening ---)."""
    text = path.read_text("utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        return Document(name, {}, {})
    doc = settings.read_text("\n" + match.group(1), name)
    return doc if isinstance(doc.data, dict) else Document(name, {}, {})


def local_pages(project: Path) -> dict[str, Path]:
    folder = project / LOCAL
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)} \
        if folder.is_dir() else {}


def replacements(project: Path, guide: Path) -> dict[str, tuple[Path, str]]:
    """Each local page that replaces one of ours -> (its file, the version it was based on)."""
    ours = {p.relative_to(guide / "docs").as_posix() for p in (guide / "docs").rglob("*.md")}
    out = {}
    for uri, path in local_pages(project).items():
        if uri.endswith(".md") and uri in ours:
            out[uri] = (path, str(front_matter(path, f"{LOCAL}/{uri}").data.get("based_on") or ""))
    return out


def lost_anchors(path: Path, anchors: dict) -> list[str]:
    """The published anchors a local page's Markdown does not define ({#id}, { #id } or id="id")."""
    text = path.read_text("utf-8")
    return [a for a in anchors if not re.search(r'(\{:?\s*#|\sid=")' + re.escape(a) + r'[\s}"]', text)]


def check(project: Path, guide: Path) -> tuple[Document, list[Problem]]:
    """Every problem in the project's settings and local pages."""
    doc = settings.read(project / "mkdocs.yml")
    checker = Checker(doc)
    data = doc.data if isinstance(doc.data, dict) else {}
    for key in data:
        if key not in SETTINGS:
            checker.fail((key,), f"set by the guide, not by an edition (an edition sets {', '.join(sorted(SETTINGS))}"
                                 "; place your pages with extra.local_nav)")
    for key in settings.extra(doc):
        if key not in EXTRA:
            checker.fail(("extra", key), f"unknown setting (allowed: {', '.join(sorted(EXTRA))})")
    pages = guide_pages(guide)
    problems = checker.problems + settings.check(doc, pages)
    ours = {p.relative_to(guide / "docs").as_posix() for p in (guide / "docs").rglob("*.md")}
    local = local_pages(project)
    gone = omissions.omitted(data)
    anchors = {omissions.page_of(e.url) if e.url != "/" else "index.md": e.anchors
               for e in load_contract(guide / "published-urls.yml")}
    for uri, path in local.items():
        if not uri.endswith(".md"):
            continue
        name = f"{LOCAL}/{uri}"
        meta = front_matter(path, name)
        page_check = Checker(meta)
        based_on = meta.data.get("based_on")
        if uri in pages.generated:
            page_check.fail((), f"{uri} is generated from {uri[:-3]}.yml and cannot be replaced: omit it "
                                "(extra.omit) and add your own page at another path")
        elif uri in gone:
            page_check.fail((), f"{uri} is omitted in mkdocs.yml extra.omit: keep one or the other")
        elif based_on is not None and uri not in ours:
            close = difflib.get_close_matches(uri, sorted(ours), n=1)
            hint = f" (did you mean {LOCAL}/{close[0]}?)" if close else ""
            page_check.fail(("based_on",), f"this page would replace {uri}, which the guide does not have{hint}")
        elif uri in ours and based_on is None:
            page_check.fail((), f"this page replaces the guide's {uri}: add `based_on: <version>` to its front "
                                "matter (the guide version you copied it from) so `after-the-no check` can tell "
                                "you when ours changes")
        elif based_on is not None and not VERSION.fullmatch(str(based_on)):
            page_check.fail(("based_on",), f"{based_on!r} is not a version like 1.0.0")
        elif uri in ours and (lost := lost_anchors(path, anchors.get(uri, {}))):
            page_check.fail(("headings",), "a page that replaces ours keeps its published anchors (advisers link to them): "
                                f"add {', '.join('{#' + a + '}' for a in lost)} to the headings that fit")
        problems += page_check.problems
    nav = settings.extra(doc).get("local_nav")
    nav_check = Checker(doc)
    sections = [title for item in read_config(guide / "mkdocs.yml").get("nav") or [] if isinstance(item, dict)
                for title, target in item.items() if isinstance(target, list)]
    for i, item in enumerate(nav if isinstance(nav, list) else [] if nav is None else [None]):
        path = ("extra", "local_nav", i)
        if nav_check.mapping(path, item, {"page", "title"}, {"section"}) is None:
            continue
        if nav_check.text(path + ("page",), item.get("page")) and item["page"] not in local:
            nav_check.fail(path + ("page",), f"{item['page']!r} is not a page in {LOCAL}/")
        nav_check.text(path + ("title",), item.get("title"))
        if "section" in item and item["section"] not in sections:
            nav_check.fail(path + ("section",), f"{item['section']!r} is not one of {', '.join(sections)}")
    return doc, problems + nav_check.problems


def compose(project: Path, out: Path, guide: Path, log=print) -> Path:
    """Write the composed tree into out (docs/ and mkdocs.yml); returns its mkdocs.yml.
    Raises BuildError listing every problem as `file:line: key: message`."""
    try:
        doc, problems = check(project, guide)
    except DefinitionError as error:
        problems = error.problems
    if problems:
        raise BuildError("\n".join(str(p) for p in sorted(problems, key=lambda p: (p.file, p.line))))
    data = doc.data
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(guide / "docs", docs)
    for uri, path in local_pages(project).items():
        if (docs / uri).exists():
            log(f"{LOCAL}/{uri} replaces the guide's {uri}")
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, docs / uri)

    config = read_config(guide / "mkdocs.yml")
    config.pop("hooks", None)
    config["docs_dir"] = "docs"
    config["theme"]["custom_dir"] = str(guide / "overrides")
    for key in SETTINGS - {"extra"}:
        if key in data:
            config[key] = data[key]
    extra = dict(config.get("extra") or {})
    for key, value in settings.extra(doc).items():
        extra[key] = value
    config["extra"] = extra
    for item in extra.get("local_nav") or []:
        entry = {item["title"]: item["page"]}
        nav = config["nav"]
        section = next((target for i in nav if isinstance(i, dict) for title, target in i.items()
                        if title == item.get("section") and isinstance(target, list)), None)
        if section is not None:
            section.append(entry)
        else:
            nav.insert(len(nav) - 1, entry)   # before About, the guide's last entry
    (out / "mkdocs.yml").write_text(yaml.dump(config, Dumper=FAST_DUMPER, sort_keys=False, allow_unicode=True), "utf-8")
    return out / "mkdocs.yml"
