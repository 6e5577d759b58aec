"""A careers service's edition, without a build: its settings' checks (each bad value stops the
build with `file:line: key: message`), local services and omissions in the Markdown, the
frame-ancestors header, `after-the-no new` and `after-the-no check`."""
from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from after_the_no.build import headers as deploy_headers
from after_the_no.edition import cli, guide, local_services, omissions, project, upgrades
from after_the_no.build.config import BuildError
from conftest import ROOT

VERSION = guide.version()


def starter(tmp_path: Path, settings: str = "", pages: dict[str, str] | None = None) -> Path:
    """A starter project whose mkdocs.yml ends with `settings` (indented under extra:)."""
    folder = tmp_path / "edition"
    assert cli.main(["new", str(folder)]) == 0
    config = folder / "mkdocs.yml"
    text = config.read_text("utf-8")
    if settings:
        text = text.replace("\nextra:\n", "\nextra:\n" + textwrap.indent(textwrap.dedent(settings), "  "), 1)
        text = text.replace("  local_services: []\n", "").replace("  omit: []\n", "")
    config.write_text(text, "utf-8")
    for uri, content in (pages or {}).items():
        (folder / "local" / uri).parent.mkdir(parents=True, exist_ok=True)
        (folder / "local" / uri).write_text(content, "utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(BuildError) as error:
        project.compose(folder, folder.parent / "composed", ROOT, log=lambda line: None)
    return str(error.value).splitlines()


def line_of(folder: Path, text: str, file: str = "mkdocs.yml") -> int:
    lines = (folder / file).read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_the_starter_project_composes_as_it_is(tmp_path):
    folder = starter(tmp_path)
    logged = []
    config = project.compose(folder, tmp_path / "composed", ROOT, log=logged.append)
    assert logged == []
    assert (tmp_path / "composed/docs/book-an-appointment.md").read_bytes() == \
        (folder / "local/book-an-appointment.md").read_bytes()
    text = config.read_text("utf-8")
    assert "hooks" not in text and f"custom_dir: {ROOT / 'overrides'}" in text
    assert "- Book an appointment: book-an-appointment.md" in text


def test_bad_local_services_stop_the_build_with_line_and_key(tmp_path):
    folder = starter(tmp_path, """\
        local_services:
          - kind: wellbeing
            name: Student Wellbeing
            hours: 9am to 5pm
          - kind: therapy
            name: Counselling
            phone: ask at reception
            hours: Weekdays
          - kind: money
            name: Money advice
            email: money at example
            hours: Weekdays
        """)
    assert problems(folder) == [
        f"mkdocs.yml:{line_of(folder, '- kind: wellbeing')}: extra.local_services[0]: "
        "no way to reach it: give a phone, email or url",
        f"mkdocs.yml:{line_of(folder, '- kind: therapy')}: extra.local_services[1].kind: "
        "'therapy' is not one of appointments, wellbeing, disability, international, money, out-of-hours",
        f"mkdocs.yml:{line_of(folder, 'phone: ask at reception')}: extra.local_services[1].phone: "
        "'ask at reception' is not a phone number (digits, spaces, +, - and brackets; 3 to 15 digits)",
        f"mkdocs.yml:{line_of(folder, 'email: money at example')}: extra.local_services[2].email: "
        "'money at example' is not an email address",
    ]


def test_unknown_omission_and_bad_embed_origin_stop_the_build(tmp_path):
    folder = starter(tmp_path, """\
        omit:
          - /situations/graduate-scheme/
          - /reflect/
        """)
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "    embed_origins: []", "    embed_origins:\n      - http://moodle.example.ac.uk\n      - https://vle.example.ac.uk/course"),
        "utf-8")
    tail = ("only situations, worksheets and replies can be, as /situations/<name>/, /worksheets/<name>/ "
            "or /replies/<name>/")
    origin = "(https://, then the host name, nothing after it)"
    assert problems(folder) == [
        f"mkdocs.yml:{line_of(folder, 'graduate-scheme/')}: extra.omit[0]: '/situations/graduate-scheme/' is not a "
        f"page you can omit (did you mean /situations/graduate-schemes/?): {tail}",
        f"mkdocs.yml:{line_of(folder, '- /reflect/')}: extra.omit[1]: '/reflect/' is not a page you can omit: {tail}",
        f"mkdocs.yml:{line_of(folder, 'http://moodle')}: extra.brand.embed_origins[0]: 'http://moodle.example.ac.uk' "
        f"is not an origin like https://moodle.example.ac.uk {origin}",
        f"mkdocs.yml:{line_of(folder, 'vle.example')}: extra.brand.embed_origins[1]: 'https://vle.example.ac.uk/course' "
        f"is not an origin like https://moodle.example.ac.uk {origin}",
    ]


def test_local_pages_that_replace_badly_stop_the_build(tmp_path):
    folder = starter(tmp_path, pages={
        "situations/final-rond.md": f"---\nbased_on: {VERSION}\ndescription: x\n---\n\n# Close second\n",
        "support/adjustments.md": "---\ndescription: x\n---\n\n# Adjustments\n",
        "situations/no-reply.md": f"---\ndescription: x\nbased_on: {VERSION}\n---\n\n# No reply\n",
        "worksheets/feedback-log.md": "# Our log\n",
    })
    assert problems(folder) == [
        "local/situations/final-rond.md:2: based_on: this page would replace situations/final-rond.md, which the "
        "guide does not have (did you mean local/situations/final-round.md?)",
        "local/situations/no-reply.md:2: headings: a page that replaces ours keeps its published anchors (advisers "
        "link to them): add {#why-it-happens}, {#timing}, {#status-check}, {#when-to-stop}, {#while-you-wait}, {#help-with-money} to the headings "
        "that fit",
        "local/support/adjustments.md:2: (top): this page replaces the guide's support/adjustments.md: add "
        "`based_on: <version>` to its front matter (the guide version you copied it from) so `after-the-no check` "
        "can tell you when ours changes",
        "local/worksheets/feedback-log.md:1: (top): worksheets/feedback-log.md is generated from "
        "worksheets/feedback-log.yml and cannot be replaced: omit it (extra.omit) and add your own page at another path",
    ]


def test_settings_the_guide_owns_are_refused(tmp_path):
    folder = starter(tmp_path)
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "nav:\n  - Home: index.md\n", "utf-8")
    assert problems(folder) == [
        f"mkdocs.yml:{len(config.read_text('utf-8').splitlines()) - 1}: nav: set by the guide, not by an edition (an edition sets "
        "copyright, extra, site_author, site_description, site_name, site_url; place your pages with extra.local_nav)"]


def test_new_into_a_folder_that_is_not_empty_changes_nothing(tmp_path, capsys):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "mkdocs.yml").write_text("site_name: Ours\n", "utf-8")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert cli.main(["new", str(folder)]) == 1
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert capsys.readouterr().err == (f"after-the-no new: {folder} is not empty: nothing was written "
                                       "(choose a new or empty folder)\n")


def test_new_writes_the_starter_tree(tmp_path, capsys):
    assert cli.main(["new", str(tmp_path / "ours")]) == 0
    assert capsys.readouterr().out.splitlines()[:5] == [
        "ours/.gitignore", "ours/README.md", "ours/local/", "ours/local/book-an-appointment.md", "ours/mkdocs.yml"]
    assert f"version {VERSION} of the guide" in (tmp_path / "ours/README.md").read_text("utf-8")


SERVICES = [
    {"kind": "wellbeing", "name": "Wellbeing & Co", "email": "wb@example.ac.uk", "hours": "Weekdays"},
    {"kind": "out-of-hours", "name": "Night line", "phone": "+44 1632 960 001", "url": "https://night.example/",
     "hours": "Every night"},
]


def test_local_services_are_placed_above_the_national_routes():
    page = "# Urgent help\n\nIntro.\n\n## Right now {#right-now}\n\nCall 999.\n\n<!-- local-services -->\n\n## UK {#uk}\n"
    placed = local_services.place(page, "support/urgent-help.md", SERVICES, "Example Uni")
    assert placed == page.replace("<!-- local-services -->", (
        '\n<div class="local-services">\n<p class="local-services__title"><strong>Help from Example Uni</strong></p>\n'
        '<ul>\n<li data-kind="out-of-hours"><strong>Night line</strong> (out of hours): call '
        '<a href="tel:+441632960001">+44 1632 960 001</a> or <a href="https://night.example/">visit their '
        'website</a>. Every night.</li>\n<li data-kind="wellbeing"><strong>Wellbeing &amp; Co</strong> (wellbeing and '
        'counselling): email <a href="mailto:wb@example.ac.uk">wb@example.ac.uk</a>. Weekdays.</li>\n</ul>\n</div>\n'))
    # A page with no marker gets them before its first section; a page they do not concern, nothing.
    no_marker = "# International students\n\nIntro.\n\n## Visas {#visas}\n"
    assert local_services.place(no_marker, "situations/international-students.md", SERVICES) == no_marker
    with_intl = SERVICES + [{"kind": "international", "name": "ISA", "url": "https://isa.example/", "hours": "Mon"}]
    placed = local_services.place(no_marker, "situations/international-students.md", with_intl)
    assert placed == no_marker.replace("## Visas", local_services.block(with_intl, ("international", "appointments"))
                                       + "\n## Visas")
    assert 'data-kind="international"><strong>ISA</strong>' in placed
    assert local_services.place(page, "reflect.md", SERVICES) == page.replace("<!-- local-services -->", "")
    assert local_services.footer_html(SERVICES, "Example Uni") == (
        '<p class="local-services-footer">Help from Example Uni: <a href="mailto:wb@example.ac.uk">Wellbeing &amp; '
        'Co</a> · <a href="https://night.example/">Night line</a></p>')


def test_omitted_pages_leave_lists_and_links_lead_on():
    gone = omissions.omitted({"extra": {"omit": ["/situations/no-reply/", "/situations/graduate-schemes/"]}})
    assert gone == {"situations/no-reply.md": "situations/index.md", "situations/graduate-schemes.md": "situations/index.md"}
    chooser = ("- [You heard nothing](situations/no-reply.md){ #after-silence }: check.\n"
               "- [A graduate scheme](situations/graduate-schemes.md): schemes.\n"
               "- [One no after another](situations/many-rejections.md): help.\n\n"
               "See [when they go quiet](situations/no-reply.md#when-to-chase) and [urgent help](support/urgent-help.md).\n")
    # An item with a published anchor stays (the anchor is kept) and leads to the section instead.
    assert omissions.rewrite(chooser, "index.md", gone) == (
        "- [You heard nothing](situations/index.md){ #after-silence }: check.\n"
        "- [One no after another](situations/many-rejections.md): help.\n\n"
        "See [when they go quiet](situations/index.md) and [urgent help](support/urgent-help.md).\n")
    assert omissions.rewrite("[x](../situations/no-reply.md)", "support/index.md", gone) == "[x](../situations/index.md)"


def test_frame_ancestors_are_exactly_the_listed_origins(tmp_path):
    (tmp_path / "index.html").write_text("<p>hi</p>", "utf-8")
    from after_the_no.edition.embedding import frame_ancestors
    assert frame_ancestors({}) == "'none'"
    listed = frame_ancestors({"extra": {"brand": {"embed_origins": ["https://moodle.example.ac.uk",
                                                                     "https://canvas.example.edu"]}}})
    assert listed == "https://moodle.example.ac.uk https://canvas.example.edu"
    policy = deploy_headers.headers_for(deploy_headers.parse(deploy_headers.render(tmp_path, listed)), "/")
    assert policy["Content-Security-Policy"].endswith(
        "; frame-ancestors https://moodle.example.ac.uk https://canvas.example.edu")
    default = deploy_headers.headers_for(deploy_headers.parse(deploy_headers.render(tmp_path)), "/")
    assert default["Content-Security-Policy"].endswith("; frame-ancestors 'none'")


def fake_guide(tmp_path: Path, pages: dict[str, str], recorded: dict) -> Path:
    root = tmp_path / "guide"
    for uri, text in pages.items():
        (root / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / uri).write_text(text, "utf-8")
    (root / guide.MANIFEST).write_text(json.dumps(recorded), "utf-8")
    return root


def test_check_lists_local_pages_whose_original_changed(tmp_path, capsys):
    old = {"a.md": "# A\n", "b.md": "# B\n", "c.md": "# C\n"}
    root = fake_guide(tmp_path, {"a.md": "# A, changed\n", "b.md": "# B\n", "c.md": "# C\n"}, {})
    recorded = {"0.9.0": {uri: guide.page_hash(_write(tmp_path / "old" / uri, text)) for uri, text in old.items()}}
    (root / guide.MANIFEST).write_text(json.dumps(recorded), "utf-8")
    folder = tmp_path / "edition"
    for uri, based_on in (("a.md", "0.9.0"), ("b.md", "0.9.0"), ("c.md", "0.5.0"), ("new.md", None)):
        meta = f"based_on: {based_on}\n" if based_on else ""
        _write(folder / "local" / uri, f"---\n{meta}---\n\n# Ours\n")
    (folder / "mkdocs.yml").write_text("site_name: Ours\n", "utf-8")
    assert upgrades.changed(folder, root) == [
        f"local/a.md: our a.md changed since 0.9.0 (now {VERSION}): read what changed (CHANGELOG.md) and bring "
        f"your page up to date, then set `based_on: {VERSION}`",
        "local/c.md: based_on 0.5.0, a version this guide has no record of (recorded: 0.9.0)",
    ]
    assert upgrades.report(folder, root) == 1
    assert capsys.readouterr().err == f"3 local page(s) replace ours; 2 need a look (guide {VERSION})\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_this_version_is_recorded_for_check():
    """A release records its page hashes (python -m after_the_no.edition.guide): `check` compares
    a local page's based_on version with them."""
    recorded = guide.manifest(ROOT)
    assert VERSION in recorded, f"page-hashes.json has no entry for {VERSION}: run python -m after_the_no.edition.guide"
    assert set(recorded[VERSION]) <= set(guide.current_hashes(ROOT)) | set(recorded[VERSION])
    assert guide.root() == ROOT


def test_the_wheel_carries_every_file_the_build_reads_from_the_guide():
    """The build reads the guide's files as `root / "name"`; each must be in the wheel's
    force-include (pyproject.toml), or an installed edition cannot build (the adopter test
    finds it too, but only in CI)."""
    import re
    import tomllib
    carried = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["hatch"]["build"]["targets"]
                  ["wheel"]["force-include"])
    read = {name.split("/")[0] for path in (ROOT / "after_the_no").rglob("*.py")
            for name in re.findall(r'\b(?:root|ROOT|guide) / "([^"]+)"', path.read_text("utf-8"))}
    assert sorted(read - carried) == []
    assert {"mkdocs.yml", "docs", "overrides", "worksheets", "replies", "places.yml", "sources.yml"} <= carried


def test_an_edition_asked_for_a_language_says_it_builds_in_english_only(tmp_path, capsys):
    assert cli.main(["new", str(tmp_path / "ours")]) == 0
    capsys.readouterr()
    assert cli.main(["build", "--config", str(tmp_path / "ours/mkdocs.yml"), "--language", "es"]) == 1
    assert capsys.readouterr().err == (
        "--language es: an edition is built in English only for now. The guide's own site (bin/build in its "
        "repository) builds every language; an edition's local pages and settings (local services, footer "
        "text) would need translating too, and that is not built yet.\n")
    assert not (tmp_path / "ours/site").exists()
