"""The build-time budget (budgets.yml build.max_ratio): our full build, PDF and Word files
included, against a bare Material build of the same Markdown, run interleaved in the same
session so a busy moment slows both. bin/benchmark prints the same figures as a table.

The check uses each build's fastest run (the least disturbed by anything else on the machine:
a busy neighbour takes a core from our parallel rendering and never gives one to the bare
build); the medians are printed too. A round over budget is measured once more, and the test
fails only if both are over: a real slowdown is over every time, a noisy moment is not.
bin/test runs the suite serially, and so should anyone who runs this file (not under pytest -n).
"""
from __future__ import annotations

import statistics

from quality_support import budgets
from tools.benchmark import build_times

RUNS, ROUNDS = 5, 2


def test_our_build_is_within_its_ratio_of_a_bare_material_build(tmp_path):
    max_ratio = budgets()["build"]["max_ratio"]
    rounds = []
    for n in range(ROUNDS):
        times = build_times(tmp_path / str(n), RUNS)
        ours, bare = min(times["ours"]), min(times["bare"])
        medians = statistics.median(times["ours"]) / statistics.median(times["bare"])
        runs = ", ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(times["ours"], times["bare"]))
        rounds.append(f"fastest ours {ours:.2f} s, bare {bare:.2f} s: {ours / bare:.2f}x "
                      f"(medians {medians:.2f}x; runs ours/bare {runs})")
        print(f"build round {n + 1}: {rounds[-1]}")
        if ours / bare <= max_ratio:
            return
    raise AssertionError(f"our build is over {max_ratio}x the bare Material build in every round:\n"
                         + "\n".join(rounds))
