"""The site carries the source article's advice in its own words: no run of six words from
the article appears anywhere in the built site's text."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from site_support import soup

SOURCE = ROOT.parent / "shared" / "source-article.txt"
RUN = 6


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'").replace("'", ""))


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1)}


def test_no_six_word_run_of_the_article_is_on_any_page(html_pages):
    if not SOURCE.is_file():
        pytest.fail(f"the source article is expected beside the project at {SOURCE}")
    article = runs(SOURCE.read_text("utf-8"))
    copied = []
    for url, html in html_pages.items():
        main = soup(html).select_one("article")
        for run in runs(main.get_text(" ")) & article:
            copied.append(f"/{url}: {' '.join(run)}")
    assert sorted(copied) == []
