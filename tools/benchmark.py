"""Benchmarks, printed as Markdown tables:

- the full build of our site (hooks, worksheet PDFs and Word files included: copied from the
  download cache, rendered only when their inputs changed) against a bare
  Material build of the same Markdown (docs/ copied, minimal mkdocs.yml: Material, our
  markdown_extensions, no hooks, no custom_dir), run interleaved, median of --runs each;
  target: ours <= 1.5x bare (budgets.yml build.max_ratio);
- the same for each published language's own tree (/es/...), built as bin/build builds it,
  against bare Material on the translated Markdown;
- the first-load weight of each page type (the largest page of each), against budgets.yml;
- with --suite, the wall time of the whole test suite (bin/test), which takes minutes.

    bin/benchmark [--runs 5] [--suite] [--profile FILE]
    bin/benchmark --check [--runs 5]

--check measures only the build ratio and exits 1 when it is over budget. It judges each
build by its fastest run (the least disturbed by anything else on the machine: a busy
neighbour takes a core from our parallel rendering and never gives one to the bare build),
and measures one more round before failing: a real slowdown is over every time, a noisy
moment is not. Timing lives here, not in bin/test, so the pass/fail suite never depends on
how busy the machine is.

--profile FILE writes a cProfile of one in-process build of our site (to find where the
time goes; read it with `python -m pstats FILE`, then `sort cumtime`, `stats 30`).
"""
from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from tools.measures import (CHROMIUM, CHROMIUM_ARGS, KB, bare_material_project, budgets, first_load,
                            page_types, serve_gzip)

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q"]


def timed_build(config: Path, out: Path, strict: bool) -> float:
    command = [*MKDOCS, *(["--strict"] if strict else []), "-f", str(config), "-d", str(out)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    start = time.perf_counter()
    result = subprocess.run(command, cwd=config.parent, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-4000:]}")
    return elapsed


def build_times(tmp: Path, runs: int) -> dict[str, list[float]]:
    bare_config = bare_material_project(tmp / "bare")
    times: dict[str, list[float]] = {"ours": [], "bare": []}
    # Once first: warms the file cache, and renders the downloads into .cache/ if their inputs
    # changed (build/size_cache.py), so the timed builds measure a rebuild, as an author editing
    # a page makes it; a first build in a fresh clone renders them too (bin/build prints it).
    timed_build(ROOT / "mkdocs.yml", tmp / "warm", strict=True)
    for _ in range(runs):  # interleaved, so a busy moment hits both
        times["ours"].append(timed_build(ROOT / "mkdocs.yml", tmp / "ours", strict=True))
        # Not strict: the bare copy has no hooks, so links to generated pages do not resolve.
        times["bare"].append(timed_build(bare_config, tmp / "bare-site", strict=False))
    return times


def page_weights(site: Path) -> dict[str, tuple[str, dict]]:
    """Page type -> (its heaviest page, first-load measurement)."""
    from playwright.sync_api import sync_playwright
    base_url, server = serve_gzip(site)
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, pages in page_types(site).items():
                if not pages:
                    continue
                heaviest = max(pages, key=lambda page: (site / page / "index.html").stat().st_size)
                out[name] = (heaviest, first_load(browser, base_url, site, heaviest))
            browser.close()
    finally:
        server.shutdown()
    return out


def suite_time() -> tuple[float, str, dict[str, str]]:
    """bin/test's wall time (set-up included), pytest's last line, and the run's counts of
    builds, page loads and axe runs (tests/conftest.py writes them to AFTER_THE_NO_COUNTS_OUT)."""
    with tempfile.TemporaryDirectory() as tmp:
        counts_file = Path(tmp) / "counts.tsv"
        env = dict(os.environ, AFTER_THE_NO_COUNTS_OUT=str(counts_file))
        start = time.perf_counter()
        result = subprocess.run([str(ROOT / "bin" / "test"), "-q", "-p", "no:cacheprovider"],
                                cwd=ROOT, capture_output=True, text=True, env=env)
        elapsed = time.perf_counter() - start
        counts = dict(line.split("\t") for line in counts_file.read_text("utf-8").splitlines()) \
            if counts_file.exists() else {}
    summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
    return elapsed, summary.strip("= "), counts


def profile_build(path: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=tmp)
        profiler = cProfile.Profile()
        profiler.enable()
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        profiler.disable()
        profiler.dump_stats(str(path))
    import pstats
    pstats.Stats(str(path)).sort_stats("cumulative").print_stats(30)


# One language's tree built as bin/build builds it (staged from locales/<code>/, its own config).
LANGUAGE_BUILD = """
import sys
from pathlib import Path
from after_the_no.build.config import ROOT
from after_the_no.i18n import tree
language = next(l for l in tree.published(ROOT) if l.code == sys.argv[1])
tree.build_tree(Path(sys.argv[2]), "mkdocs", ROOT / "mkdocs.yml", ROOT, language, tree.published(ROOT))
"""


ENGLISH_BUILD = """
import sys
from pathlib import Path
from after_the_no.build.config import ROOT
from after_the_no.edition import engine
engine.build(Path(sys.argv[1]), "mkdocs", ROOT / "mkdocs.yml", quiet=True)
"""


def language_build_times(tmp: Path, code: str, runs: int) -> dict[str, list[float]]:
    """Our build of one language's tree against bare Material on the same (translated) Markdown."""
    from after_the_no.i18n import tree
    language = next(lang for lang in tree.published(ROOT) if lang.code == code)
    bare_config = bare_material_project(tmp / "bare", tree.stage_root(ROOT, language, tmp / "bare-root"), code)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    times: dict[str, list[float]] = {"ours": [], "bare": [], "english": []}
    for n in range(runs + 1):   # the first round warms the file cache and is not counted
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", LANGUAGE_BUILD, code, str(tmp / f"ours-{n}")], cwd=ROOT, env=env,
                       check=True, capture_output=True)
        ours = time.perf_counter() - start
        bare = timed_build(bare_config, tmp / f"bare-site-{n}", strict=False)
        start = time.perf_counter()   # the English tree the same way (bin/build's path), for comparison
        subprocess.run([sys.executable, "-c", ENGLISH_BUILD, str(tmp / f"english-{n}")], cwd=ROOT, env=env,
                       check=True, capture_output=True)
        if n:
            times["english"].append(time.perf_counter() - start)
            times["ours"].append(ours)
            times["bare"].append(bare)
    return times


def build_ratio(tmp: Path, runs: int) -> tuple[dict[str, list[float]], float]:
    """Interleaved builds of ours and bare; returns the times and the fastest-run ratio."""
    times = build_times(tmp, runs)
    return times, min(times["ours"]) / min(times["bare"])


def print_build_table(times: dict[str, list[float]], max_ratio: float, heading: str) -> None:
    load = os.getloadavg()[0]
    ratio = min(times["ours"]) / min(times["bare"])
    medians = statistics.median(times["ours"]) / statistics.median(times["bare"])
    print(f"## {heading} ({len(times['ours'])} runs each, interleaved; load average {load:.1f} "
          f"on {os.cpu_count()} cores)\n")
    print("| build | median s | fastest s | runs s |")
    print("|---|---|---|---|")
    for name, label in [("ours", "our site (hooks; PDF, Word from the download cache)"), ("bare", "bare Material, same Markdown")]:
        print(f"| {label} | {statistics.median(times[name]):.2f} | {min(times[name]):.2f} | "
              + ", ".join(f"{t:.2f}" for t in times[name]) + " |")
    verdict = "ok" if ratio <= max_ratio else "OVER"
    print(f"| **ratio** | {medians:.2f}x | **{ratio:.2f}x** | target <= {max_ratio}x (fastest): {verdict} |\n")


def check(runs: int, rounds: int = 2) -> int:
    max_ratio = budgets()["build"]["max_ratio"]
    with tempfile.TemporaryDirectory() as tmp_name:
        for n in range(rounds):
            times, ratio = build_ratio(Path(tmp_name) / str(n), runs)
            print_build_table(times, max_ratio, f"Build, round {n + 1}")
            if ratio <= max_ratio:
                print(f"build ratio {ratio:.2f}x <= {max_ratio}x: ok")
                return 0
    print(f"build ratio over {max_ratio}x in every round ({rounds})", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind, interleaved")
    parser.add_argument("--check", action="store_true",
                        help="measure only the build ratio; exit 1 when it is over budgets.yml build.max_ratio")
    parser.add_argument("--suite", action="store_true", help="also time the whole test suite (bin/test)")
    parser.add_argument("--profile", type=Path, help="write a cProfile of one build of our site here")
    args = parser.parse_args(argv)
    if args.profile:
        profile_build(args.profile)
        return 0
    if args.check:
        return check(args.runs)
    max_ratio = budgets()["build"]["max_ratio"]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        times, ratio = build_ratio(tmp, args.runs)
        print_build_table(times, max_ratio, "Build")

        from after_the_no.i18n import tree
        for language in tree.published(ROOT)[1:]:   # each language's tree, as bin/build makes it
            times = language_build_times(tmp / language.code, language.code, args.runs)
            print_build_table(times, max_ratio, f"Build of /{language.code}/ ({language.name})")
            # bin/build's path runs MkDocs in a second interpreter (the hook path above does not):
            # the English tree built the same way shows what the path costs and what the language adds.
            print(f"The English tree built the same way (bin/build's path): fastest {min(times['english']):.2f} s, "
                  f"median {statistics.median(times['english']):.2f} s; /{language.code}/ fastest "
                  f"{min(times['ours']):.2f} s ({min(times['ours']) / min(times['english']):.2f}x the English).\n")
        weights = page_weights(tmp / "ours")
        types = budgets()["page_weight"]["types"]
        print("## First-load weight (heaviest page of each type, empty cache)\n")
        print("| page type | page | files | kB | kB gzipped | budget kB |")
        print("|---|---|---|---|---|---|")
        for name, (page, weight) in weights.items():
            print(f"| {name} | /{page} | {len(weight['files'])} | {weight['bytes'] / KB:.1f} | "
                  f"{weight['gzip'] / KB:.1f} | {types[name]['budget_kb']} |")
    if args.suite:
        elapsed, summary, counts = suite_time()
        print("\n## Test suite\n")
        print("| command | wall s | result (pytest's own time) | builds | page loads | axe runs |")
        print("|---|---|---|---|---|---|")
        print(f"| bin/test | {elapsed:.0f} | {summary} | {counts.get('builds', '?')} | "
              f"{counts.get('page loads', '?')} | {counts.get('axe runs', '?')} |")
    return 0 if ratio <= max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
