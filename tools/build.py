"""bin/build: stage -> build -> finish, with either engine; the same command as `after-the-no build`
(after_the_no/edition/cli.py) run in this repository.

    bin/build [--engine mkdocs|zensical] [--site-dir DIR] [--config FILE]

MkDocs + Material is the default engine; the site goes to site/ unless --site-dir says otherwise.
"""
from __future__ import annotations

import sys

from after_the_no.edition.engine import build, engine_command  # noqa: F401  (tools.build.build, as before)


def main(argv: list[str] | None = None) -> int:
    from after_the_no.edition import cli
    return cli.main(["build", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
