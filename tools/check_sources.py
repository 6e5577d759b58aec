"""bin/check-sources: list every source in sources.yml due for a re-check, and the pages citing it.

A command, not a test: the suite never depends on the calendar. `--today YYYY-MM-DD` checks as
of another day (the default is the machine's date). Exits 1 when something is due, so a
scheduled job can flag it; a broken sources.yml stops it with `sources.yml:line: key: message`.
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from after_the_no import freshness
from after_the_no.definitions import DefinitionError

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bin/check-sources", description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="the day to check as of, YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    try:
        sources = freshness.load(ROOT)
    except DefinitionError as error:
        print(error, file=sys.stderr)
        return 2
    print(freshness.report(sources, args.today))
    return 1 if freshness.due_for_check(sources, args.today) else 0


if __name__ == "__main__":
    sys.exit(main())
