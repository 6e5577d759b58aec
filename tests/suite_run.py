"""What one run of the suite shares across its pytest-xdist workers: the sites, built once per
engine, and the counts of builds, page loads and axe runs that bin/test prints at the end.

The first worker that needs a site builds it (bin/build's pipeline, strict) behind a file lock,
in a folder the controller made before it started the workers; the others wait for it and read
it too. AFTER_THE_NO_SITES=DIR set beforehand reuses sites already built there (DIR/<name>
with DIR/<name>.built beside it). bin/test builds them all before pytest starts, two at a time
(`python tests/suite_run.py DIR`, every name in BUILDS), so no worker waits on a lock with a
core idle; a run started without bin/test builds each on first use.

Counts: each process adds to its own tally (count()); at the end of its session it writes the
tally as JSON into AFTER_THE_NO_COUNTS; the controller sums the files (totals()).
"""
from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Callable

from after_the_no.build.config import ENGINES  # noqa: F401  (the one list; conftest and bin/test read it here)

ROOT = Path(__file__).resolve().parent.parent
SITES_ENV = "AFTER_THE_NO_SITES"
COUNTS_ENV = "AFTER_THE_NO_COUNTS"
# What is counted, in the order bin/test prints it.
KINDS = ("builds", "page loads", "axe runs")

_tally: Counter = Counter()


_loads_total = 0   # this process's page loads since it started (the tally is emptied when saved)


def count(kind: str, n: int = 1) -> None:
    global _loads_total
    _tally[kind] += n
    if kind == "page loads":
        _loads_total += n


def loads_so_far() -> int:
    return _loads_total


def shared_dirs() -> None:
    """Called once by the process that starts the run (the xdist controller, or the only
    process): folders every worker it starts will share, passed on in the environment."""
    os.environ.setdefault(SITES_ENV, tempfile.mkdtemp(prefix="after-the-no-sites-"))
    os.environ.setdefault(COUNTS_ENV, tempfile.mkdtemp(prefix="after-the-no-counts-"))


def build_command(engine: str, site: Path) -> list[str]:
    """bin/build's own pipeline (tools/build.py: stage -> engine -> finish), strict."""
    return [sys.executable, "-m", "tools.build", "--engine", engine, "--site-dir", str(site)]


def site(engine: str) -> Path:
    """The site `engine` built for this run, building it first if no process has yet.
    Raises RuntimeError with the build's own message if it fails."""
    return shared(engine, BUILDS[engine])[0]


def shared(name: str, build: Callable[[Path], object]) -> tuple[Path, object]:
    """What build(folder) made in the run's shared folder, made once for all the workers:
    the first caller builds, the others wait on the lock and read it. Returns the
    folder and what build returned (kept as JSON beside it)."""
    folder = Path(os.environ[SITES_ENV])
    out, done = folder / name, folder / f"{name}.built"
    if not done.exists():
        with open(folder / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)   # another worker may be building it: wait for it
            if not done.exists():
                made = build(out)
                done.write_text(json.dumps(made), "utf-8")
    return out, json.loads(done.read_text("utf-8"))


def save_counts() -> None:
    folder = os.environ.get(COUNTS_ENV)
    if folder and _tally:
        (Path(folder) / f"{os.getpid()}-{time.monotonic_ns()}.json").write_text(json.dumps(_tally), "utf-8")
        _tally.clear()


def totals() -> Counter:
    out: Counter = Counter({kind: 0 for kind in KINDS})
    folder = os.environ.get(COUNTS_ENV)
    for path in sorted(Path(folder).glob("*.json")) if folder else []:
        out.update(json.loads(path.read_text("utf-8")))
    return out


def _site_build(engine: str) -> Callable[[Path], None]:
    def build(out: Path) -> None:
        count("builds")
        result = subprocess.run(build_command(engine, out), cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{engine} build failed:\n{(result.stdout + result.stderr)[-4000:]}")
    return build


def _variant(folder: Path):
    import variant_support   # counted by conftest.build_site
    return variant_support.build(folder)


def _offline_bundle(folder: Path):
    from tools.offline_bundle import build
    from variant_support import BRAND
    count("builds")
    return build(folder / "after-the-no", lambda config: config["extra"].update(brand=BRAND))


def _edition(folder: Path):
    import edition_support
    count("builds")
    return edition_support.build(folder)


def _us_english(folder: Path):
    """This repository's site as a US college builds it (extra.english: us), through the one
    build path (edition/engine.py), English only."""
    from after_the_no.i18n.tree import standalone_config, write_config
    count("builds")
    folder.mkdir(parents=True)
    config = standalone_config(ROOT / "mkdocs.yml")
    config["extra"]["english"] = "us"
    write_config(config, folder / "mkdocs.yml")
    _engine_build(folder, "the US English build")


def _pseudo(folder: Path):
    """This repository's site with its interface in the pseudo-language (en-XA: every catalogue
    string accented, longer and bracketed), English only, through the one build path."""
    from after_the_no.i18n import interface
    from after_the_no.i18n.tree import standalone_config, write_config
    count("builds")
    folder.mkdir(parents=True)
    config = standalone_config(ROOT / "mkdocs.yml")
    config["extra"].update(interface.for_config(interface.pseudo(interface.english(ROOT))))
    write_config(config, folder / "mkdocs.yml")
    _engine_build(folder, "the pseudo-language build")


def _engine_build(folder: Path, what: str) -> None:
    build = ("import sys; from pathlib import Path; from after_the_no.edition import engine; "
             "engine.build(Path(sys.argv[2]), 'mkdocs', Path(sys.argv[1]), quiet=True)")
    result = subprocess.run([sys.executable, "-c", build, str(folder / "mkdocs.yml"), str(folder / "site")],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{result.stderr[-4000:]}")


# Every build a run shares, by name: the site per engine, the careers service's copy through the
# MkDocs hook (variant_support), the offline bundle, an adopter's edition (edition_support), a US
# college's build (extra.english: us), the pseudo-language's (en-XA).
BUILDS: dict[str, Callable[[Path], object]] = {
    **{engine: _site_build(engine) for engine in ENGINES},
    "variant": _variant, "offline-bundle": _offline_bundle, "edition": _edition, "us-english": _us_english,
    "pseudo": _pseudo}


def build(name: str):
    """The shared build `name`: (folder, what its build returned), made once per run."""
    return shared(name, BUILDS[name])


def prebuild(folder: Path, counts: Path) -> int:
    """Every build in BUILDS into folder, two at a time; the builds are counted into counts.
    Returns 1 (after printing each failure) if any failed: the tests that need it fail too."""
    from concurrent.futures import ThreadPoolExecutor
    os.environ[SITES_ENV], os.environ[COUNTS_ENV] = str(folder), str(counts)
    failed = []

    def one(name: str) -> None:
        try:
            shared(name, BUILDS[name])
        except Exception as error:   # noqa: BLE001  (said, and the tests using it fail with it)
            failed.append(f"{name}: {error}")

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, ["mkdocs", "edition", "zensical", "variant", "offline-bundle", "us-english", "pseudo"]))
    save_counts()
    print(f"built {len(BUILDS)} sites in {time.perf_counter() - started:.0f} s" + "".join(f"\n{f}" for f in failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]
    sys.modules["suite_run"] = sys.modules["__main__"]   # conftest's count() is this module's
    sys.exit(prebuild(Path(sys.argv[1]), Path(sys.argv[2])))
