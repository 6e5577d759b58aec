"""bin/i18n: the translators' commands.

  bin/i18n status            per language: the share of files translated and current, those out
                             of date since the English changed, the pages still only in English
  bin/i18n check [CODE ...]  every translation checked against its English (placeholders, option
                             counts, ids, anchors, markers, links): file:line: key: message
  bin/i18n done CODE PATH..  record that these translations match their English as it is now
  bin/i18n extract           the interface keys the code asks for against locales/interface.pot
                             (file:line: key: message), then every locales/<code>/interface.po
                             brought up to the template: new keys added untranslated, changed
                             English marked fuzzy (old English kept as #| msgid), removed keys gone
"""
from __future__ import annotations

import sys

from after_the_no.build.config import ROOT
from after_the_no.i18n.languages import completeness_problems, load_languages, mark_done, progress
from after_the_no.i18n import interface
from after_the_no.i18n.catalogue_update import extract_problems, update
from after_the_no.i18n.translations import check_language


def status() -> int:
    for language in load_languages(ROOT)[1:]:
        state = progress(ROOT, language)
        print(f"{language.code} ({language.name}, {language.status}): {state.share:.0f}% translated and current "
              f"({len(state.translated) - len(state.fuzzy)} of {state.total} files); "
              f"{len(state.fuzzy)} out of date; {len(state.pages_missing)} pages still in English")
        print(f"  interface: {interface_share(language.code)}")
        for rel in state.fuzzy:
            print(f"  out of date: {rel}")
        for rel in state.pages_missing:
            print(f"  in English only: {rel}")
    return 0


def interface_share(code: str) -> str:
    """'159 of 160 strings translated (99%), 1 out of date, 0 missing' for locales/<code>/interface.po."""
    template = interface.entries(interface.read(ROOT / interface.TEMPLATE))
    path = ROOT / interface.catalogue_name(code)
    own = interface.entries(interface.read(path)) if path.is_file() else {}
    current = [k for k, m in template.items() if k in own and own[k].string and not own[k].fuzzy and own[k].id == m.id]
    stale = [k for k, m in template.items() if k in own and own[k].string and (own[k].fuzzy or own[k].id != m.id)]
    missing = len(template) - len(current) - len(stale)
    return (f"{len(current)} of {len(template)} strings translated ({100 * len(current) / len(template):.0f}%), "
            f"{len(stale)} out of date, {missing} untranslated")


def extract() -> int:
    problems = extract_problems(ROOT)
    for problem in problems:
        print(problem)
    for language in load_languages(ROOT)[1:]:
        if (ROOT / interface.catalogue_name(language.code)).is_file():
            done = update(ROOT, language.code)
            print(f"{interface.catalogue_name(language.code)}: {len(done.added)} added, {len(done.fuzzy)} marked fuzzy "
                  f"(the English changed), {len(done.removed)} removed")
    print(f"{len(problems)} problem(s) in the code's keys")
    return 1 if problems else 0


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
    if argv[:1] == ["extract"]:
        return extract()
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
