"""Lighthouse 12 on the pages listed in budgets.yml, mobile and desktop, with the site served
gzipped as a real host would. Prints the median of several runs per page and preset, and the
audits that cost points; exits 1 when a median misses its target in budgets.yml.

    bin/lighthouse                 # build the site, 3 runs of each page and preset
    bin/lighthouse --runs 1        # quicker, noisier
    bin/lighthouse --site DIR      # audit a site already built
    bin/lighthouse --json FILE     # also keep every run's scores as JSON
    bin/lighthouse --page reflect/ --preset mobile --reports DIR   # one page, full reports kept
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tools.measures import (CATEGORIES, LIGHTHOUSE, budgets, build, lighthouse_pages, node_tool_missing,
                            run_lighthouse, score_problems, scores, serve_gzip)

PRESETS = ["mobile", "desktop"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per page and preset (median taken)")
    parser.add_argument("--site", type=Path, help="a built site to audit (default: build one now)")
    parser.add_argument("--json", type=Path, help="write every run's scores and problems here")
    parser.add_argument("--page", action="append", help="audit only this URL path (repeatable), e.g. reflect/")
    parser.add_argument("--preset", choices=PRESETS, action="append", dest="presets", help="only this preset (repeatable)")
    parser.add_argument("--reports", type=Path, help="keep every full Lighthouse report (JSON) in this folder")
    args = parser.parse_args(argv)
    if missing := node_tool_missing(LIGHTHOUSE):
        print(missing, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build(Path(tmp) / "site")
        pages, not_built = lighthouse_pages(site)
        if args.page:
            pages = [p for p in args.page if (site / p / "index.html").is_file()]
            not_built = [p for p in args.page if p not in pages]
        for page in not_built:
            print(f"warning: /{page} is listed in budgets.yml lighthouse.pages but not built", file=sys.stderr)
        base_url, server = serve_gzip(site)
        try:
            return report(base_url, pages, args.presets or PRESETS, args.runs, args.json, args.reports)
        finally:
            server.shutdown()


def report(base_url: str, pages: list[str], presets: list[str], runs: int, json_path: Path | None, reports: Path | None) -> int:
    targets = budgets()["lighthouse"]["targets"]
    started = time.perf_counter()
    results, failed = [], False
    # benchmarkIndex: Lighthouse's measure of the CPU it got (lower = busier machine).
    print(f"| page | preset | {' | '.join(CATEGORIES)} | each run | benchmarkIndex |")
    print("|---|---|" + "---|" * len(CATEGORIES) + "---|---|")
    for page in pages:
        for preset in presets:
            lhrs = [run_lighthouse(base_url + page, preset) for _ in range(runs)]
            each = [scores(lhr) for lhr in lhrs]
            if reports:
                reports.mkdir(parents=True, exist_ok=True)
                for i, lhr in enumerate(lhrs, 1):
                    name = f"{page.strip('/').replace('/', '_') or 'home'}-{preset}-{i}.json"
                    (reports / name).write_text(json.dumps(lhr), encoding="utf-8")
            median = {c: statistics.median(s[c] for s in each if s[c] is not None) for c in CATEGORIES}
            spread = ", ".join("/".join(f"{s[c]:.2f}" for c in CATEGORIES) for s in each)
            print(f"| /{page} | {preset} | " + " | ".join(f"{median[c]:.2f}" for c in CATEGORIES)
                  + f" | {spread} | "
                  + ", ".join(f"{lhr['environment']['benchmarkIndex']:.0f}" for lhr in lhrs) + " |", flush=True)
            misses = [f"{c} {median[c]:.2f} < {t}" for c, t in targets[preset].items() if median[c] < t]
            # Name the audits behind a miss, from the run closest to the median.
            problems = []
            if misses:
                failed = True
                worst = min(lhrs, key=lambda lhr: sum(abs((scores(lhr)[c] or 0) - median[c]) for c in CATEGORIES))
                problems = score_problems(worst, preset)
                for line in [f"  /{page} {preset}: median " + "; ".join(misses), *("    " + p for p in problems)]:
                    print(line, file=sys.stderr)
            results.append({"page": page, "preset": preset, "runs": each, "median": median,
                            "problems": problems})
    elapsed = time.perf_counter() - started
    print(f"\n{len(pages)} pages x {len(presets)} presets x {runs} runs in {elapsed:.0f} s")
    if json_path:
        json_path.write_text(json.dumps({"results": results, "seconds": elapsed}, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
