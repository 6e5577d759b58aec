"""bin/i18n: the translators' commands.

  bin/i18n status            per language: the share of files translated and current, those out
                             of date since the English changed, the pages still only in English
  bin/i18n check [CODE ...]  every translation checked against its English (placeholders, option
                             counts, ids, anchors, markers, links): file:line: key: message
  bin/i18n done CODE PATH..  record that these translations match their English as it is now
"""
from __future__ import annotations

import sys

from after_the_no.build.config import ROOT
from after_the_no.i18n.languages import completeness_problems, load_languages, mark_done, progress
from after_the_no.i18n.translations import check_language


def status() -> int:
    for language in load_languages(ROOT)[1:]:
        state = progress(ROOT, language)
        print(f"{language.code} ({language.name}, {language.status}): {state.share:.0f}% translated and current "
              f"({len(state.translated) - len(state.fuzzy)} of {state.total} files); "
              f"{len(state.fuzzy)} out of date; {len(state.pages_missing)} pages still in English")
        for rel in state.fuzzy:
            print(f"  out of date: {rel}")
        for rel in state.pages_missing:
            print(f"  in English only: {rel}")
    return 0


def check(codes: list[str]) -> int:
    languages = {l.code: l for l in load_languages(ROOT)}
    unknown = [c for c in codes if c not in languages]
    if unknown:
        print(f"unknown language {', '.join(unknown)}: the languages are {', '.join(languages)} (locales/languages.yml)")
        return 2
    problems = []
    for code in codes or [c for c in languages if c != "en"]:
        problems += check_language(ROOT, code) + completeness_problems(ROOT, languages[code])
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["status"]:
        return status()
    if argv[:1] == ["check"]:
        return check(argv[1:])
    if argv[:1] == ["done"] and len(argv) >= 3:
        problems = mark_done(ROOT, argv[1], argv[2:])
        print("\n".join(problems) or f"recorded {len(argv) - 2} file(s) as current in locales/{argv[1]}/translated.yml")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
