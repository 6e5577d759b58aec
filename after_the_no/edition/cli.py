"""`after-the-no`: a careers service's own edition of the guide, without a fork.

    after-the-no new DIR                  write a starter project into DIR (which must be empty or absent)
    after-the-no build [--engine E] [--site-dir DIR]   build the site (default: site/)
    after-the-no serve [--engine E] [--port N]         build, serve at http://127.0.0.1:N/, rebuild on change
    after-the-no check                    list local pages that replace ours whose English changed since
                                          the version they were based on

build and serve work in the project's folder (the one with mkdocs.yml); in this repository they
build the guide itself, the same way (bin/build runs `after-the-no build`).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from after_the_no.build.config import ENGINES, BuildError, read_config
from after_the_no.edition import engine, guide, project, upgrades

STARTER = Path(__file__).resolve().parent / "starter"


def new(target: Path) -> int:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"after-the-no new: {target} is not empty: nothing was written (choose a new or empty folder)",
              file=sys.stderr)
        return 1
    shutil.copytree(STARTER, target, dirs_exist_ok=True)
    readme = target / "README.md"
    readme.write_text(readme.read_text("utf-8").replace("{version}", guide.version()), "utf-8")
    for path in sorted(target.rglob("*")):
        print(path.relative_to(target.parent).as_posix() + ("/" if path.is_dir() else ""))
    print(f"\nNext: cd {target} && after-the-no serve")
    return 0


def is_edition(config: Path) -> bool:
    """An edition's mkdocs.yml holds only its settings; a complete site config (the guide's own,
    or a variant of it written by a test) names the theme and builds as it is."""
    return "theme" not in read_config(config)


def build(config: Path, site_dir: Path, engine_name: str, languages: list[str] | None = None) -> dict[str, float]:
    """Build the project whose settings are `config`, composed with the guide; a complete site
    config (this repository's) builds as it is, with every published language (and the drafts
    in `languages`) in its own tree under /<code>/."""
    root = guide.root()
    if not is_edition(config):
        from after_the_no.i18n import tree
        others = tree.languages_to_build(root, languages)
        if not others:
            return engine.build(site_dir, engine_name, config, root=root)
        with tempfile.TemporaryDirectory(prefix="after-the-no-en-") as tmp:
            english = tree.english_config(config, root, Path(tmp) / "mkdocs.yml")
            times = engine.build(site_dir, engine_name, english, root=root)
        times |= {f"build {code}": seconds for code, seconds in
                  tree.build_languages(site_dir, engine_name, config, root, languages).items()}
        return times
    if languages:   # said, not ignored: the edition would otherwise build in English alone
        raise BuildError(f"--language {' '.join(languages)}: an edition is built in English only for now. "
                         "The guide's own site (bin/build in its repository) builds every language; an "
                         "edition's local pages and settings (local services, footer text) would need "
                         "translating too, and that is not built yet.")
    with tempfile.TemporaryDirectory(prefix="after-the-no-edition-") as tmp:
        composed = project.compose(config.parent, Path(tmp), root, log=lambda line: print(line, file=sys.stderr))
        return engine.build(site_dir, engine_name, composed, root=root)


def serve(config: Path, engine_name: str, port: int) -> int:
    """Build into a temporary folder, serve it, and rebuild when a file of the project changes."""
    import functools
    import http.server
    import threading
    import time
    site = Path(tempfile.mkdtemp(prefix="after-the-no-serve-"))
    watched = [config, config.parent / project.LOCAL] if is_edition(config) else \
        [config] + [guide.root() / name for name in ("docs", "worksheets", "replies", "overrides", "after_the_no")]

    def stamp():
        return sorted((str(p), p.stat().st_mtime_ns) for w in watched if w.exists()
                      for p in ([w] if w.is_file() else w.rglob("*")) if p.is_file())

    def rebuild():
        try:   # built beside the served copy, then swapped in: no half-built page is served
            build(config, site / "next", engine_name)
            shutil.rmtree(site / "out", ignore_errors=True)
            (site / "next").rename(site / "out")
            print(f"built: http://127.0.0.1:{port}/", file=sys.stderr)
        except (BuildError, RuntimeError) as error:
            print(error, file=sys.stderr)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    rebuild()
    handler = functools.partial(Quiet, directory=str(site / "out"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    seen = stamp()
    try:
        while True:
            time.sleep(1)
            if (now := stamp()) != seen:
                seen = now
                rebuild()
    except KeyboardInterrupt:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="after-the-no", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("new", help="write a starter project").add_argument("dir", type=Path)
    for name in ("build", "serve"):
        sub = commands.add_parser(name, help=f"{name} the site")
        sub.add_argument("--engine", choices=ENGINES, default="mkdocs")
        sub.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
        if name == "build":
            sub.add_argument("--site-dir", type=Path)
            sub.add_argument("--language", action="append", default=[], metavar="CODE",
                             help="also build this draft language (locales/languages.yml)")
        else:
            sub.add_argument("--port", type=int, default=8000)
    commands.add_parser("check", help="local pages whose original changed").add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    if args.command == "new":
        return new(args.dir)
    config = args.config.resolve()
    if not config.is_file():
        print(f"after-the-no {args.command}: no {args.config} here: run it in your project's folder "
              "(or make one with `after-the-no new DIR`)", file=sys.stderr)
        return 1
    if args.command == "check":
        return upgrades.report(config.parent, guide.root())
    if args.command == "serve":
        return serve(config, args.engine, args.port)
    site_dir = (args.site_dir or config.parent / "site").resolve()
    try:
        times = build(config, site_dir, args.engine, args.language)
    except (BuildError, RuntimeError) as error:
        print(error, file=sys.stderr)
        return 1
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    print(f"{args.engine}: {pages} HTML files in {site_dir} "
          f"(stage {times['stage']:.2f} s, build {times['build']:.2f} s, finish {times['finish']:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
