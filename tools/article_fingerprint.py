"""A fingerprint of the source article, so the originality test needs nothing outside the repo.

The article is not ours to publish, so the repository keeps only a hash of each of its
normalised six-word runs (tests/fixtures/source-article.fingerprint), never its text. The test
hashes every six-word run of every built page the same way and fails on any match.

    python -m tools.article_fingerprint ../shared/source-article.txt   # rewrite the fingerprint
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

RUN = 6
FINGERPRINT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "source-article.fingerprint"
# 16 hex digits (64 bits): with a few thousand article runs against a few tens of thousands of
# page runs, a chance match is about one in ten million.
DIGITS = 16


def words(text: str) -> list[str]:
    """Lower case, apostrophes dropped (straight or curly), letters and digits only."""
    return re.findall(r"[a-z0-9]+", re.sub(r"['\u2019\u2018\u02bc]", "", text.lower()))


def runs(text: str) -> list[str]:
    w = words(text)
    return [" ".join(w[i:i + RUN]) for i in range(len(w) - RUN + 1)]


def digest(run: str) -> str:
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:DIGITS]


def fingerprint(text: str) -> set[str]:
    return {digest(run) for run in runs(text)}


def read(path: Path = FINGERPRINT) -> set[str]:
    return {line.strip() for line in path.read_text("ascii").splitlines() if line.strip() and not line.startswith("#")}


def copied_runs(text: str, known: set[str]) -> list[str]:
    """The six-word runs of text whose hash is in the fingerprint, in order of appearance."""
    return [run for run in runs(text) if digest(run) in known]


def main(source: str) -> None:
    hashes = sorted(fingerprint(Path(source).read_text("utf-8")))
    FINGERPRINT.write_text("# sha256[:16] of each normalised six-word run of the source article "
                           "(tools/article_fingerprint.py)\n" + "\n".join(hashes) + "\n", encoding="ascii")
    print(f"{FINGERPRINT}: {len(hashes)} runs")


if __name__ == "__main__":
    main(*sys.argv[1:])
