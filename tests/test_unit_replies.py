"""Reply examples in plain Python: the real files, validation messages, fill, tone rules, the hook."""
from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from after_the_no import replies
from after_the_no.definitions import DefinitionError
from reply_support import REPLIES, ROOT, SAMPLE_VALUES, SLUGS, TONE_SAMPLES, library

# ---------------------------------------------------------------- the real library


def test_the_library_has_every_fixed_slug_in_order():
    assert [r.slug for r in library().replies] == SLUGS


def test_every_message_is_under_150_words_and_the_short_one_is_shorter():
    for reply in library().replies:
        assert replies.word_count(reply.message.body) <= 150, reply.slug
        assert replies.word_count(reply.short.body) < replies.word_count(reply.message.body), reply.slug


def test_every_message_reads_at_grade_8_or_lower():
    # textstat needs the CMU dictionary in NLTK's format; bin/test makes it, so do the same here.
    from tools import cmudict_for_nltk
    os.environ.setdefault("NLTK_DATA", str(ROOT / ".venv" / "nltk_data"))
    cmudict_for_nltk.main(os.environ["NLTK_DATA"])
    import textstat

    lib = library()
    grades = {}
    for reply in lib.replies:
        for name, message in (("message", reply.message), ("short", reply.short)):
            text = replies.fill(message.subject + ".\n" + message.body, SAMPLE_VALUES, lib.placeholders)
            grades[f"{reply.slug}.{name}"] = textstat.flesch_kincaid_grade(text)
    assert {key: grade for key, grade in grades.items() if grade > 8} == {}


def test_every_example_text_passes_its_own_tone_check():
    lib = library()
    for reply in lib.replies:
        for message in (reply.message, reply.short):
            text = replies.fill(message.subject + "\n" + message.body, SAMPLE_VALUES, lib.placeholders)
            assert replies.tone_check(text, lib.tone_rules) == [], reply.slug


def test_thank_you_for_feedback_carries_the_ideas_of_the_articles_example():
    reply = {r.slug: r for r in library().replies}["thank-you-for-feedback"]
    body = reply.message.body
    for idea in ["Thank you for taking the time to call me, and for your thoughts on my interview",
                 "I am disappointed not to be joining {company}, and I respect your decision",
                 "please keep my CV on file", "I am glad we had the chance to meet"]:
        assert idea in body


def test_placeholders_have_labels_and_only_your_name_autocompletes():
    known = library().placeholders
    assert known["interviewer_name"] == replies.Placeholder(
        "interviewer_name", "Interviewer's name", "As you would greet them, for example Ms Okafor or Sam.", "off")
    assert known["company"] == replies.Placeholder("company", "Company or organisation", "", "off")
    assert {p.name for p in known.values() if p.autocomplete != "off"} == {"your_name"}


# ---------------------------------------------------------------- fill and render


def test_fill_puts_values_in_and_shows_labels_for_empty_ones():
    known = library().placeholders
    assert replies.fill("Dear {interviewer_name}, from {your_name}", {"interviewer_name": "  Zoë "}, known) \
        == "Dear Zoë, from [Your name]"
    assert replies.fill("{role}{role}", {"role": "<b>x</b>"}, known) == "<b>x</b><b>x</b>"


def test_a_page_has_front_matter_one_h1_and_no_skipped_levels():
    lib = library()
    for reply in lib.replies:
        text = replies.page_markdown(reply, lib)
        assert text.startswith('---\ndescription: "' + reply.title + ": an example message")
        levels = [len(m) for m in re.findall(r"^(#+) ", text, re.M)]
        assert levels == [1, 2, 2, 2, 2], reply.slug
        assert "<script type=\"application/json\" class=\"reply-data\">" in text
        assert "</script" not in text.split('class="reply-data">')[1].split("</script>")[0]


def test_json_in_the_page_cannot_close_its_script_tag():
    assert replies._json_script({"a": "</script><b>&"}, id="x") == \
        '<script type="application/json" id="x">{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}</script>'


def test_the_index_lists_every_reply_as_a_markdown_link():
    text = replies.index_markdown(library().replies)
    assert text.splitlines()[:4] == [
        '<div class="reply-list" markdown>', "",
        "- [Ask for feedback after a phone call](ask-feedback-after-call.md)<br>",
        '  <span class="reply-list-when">They rang to say no, and you did not get the chance to ask what you '
        'could do better.</span>']
    assert re.findall(r"\]\(([a-z-]+)\.md\)", text) == SLUGS


# ---------------------------------------------------------------- tone rules


@pytest.mark.parametrize("text, expected", TONE_SAMPLES)
def test_tone_check_samples(text, expected):
    assert [rule_id for rule_id, _ in replies.tone_check(text, library().tone_rules)] == expected


def test_tone_check_reports_the_words_it_found_as_written():
    assert replies.tone_check("Fine, BUT\n I tried", library().tone_rules) == [("but-i", "BUT\n I")]


def test_every_rule_trips_on_its_own_example_and_is_documented():
    rules = library().tone_rules
    readme = (REPLIES / "README.md").read_text("utf-8")
    assert len(rules) >= 10
    for rule in rules:
        assert rule.id in [hit[0] for hit in replies.tone_check(rule.example, rules)]
        assert rule.why and rule.suggest
    for field in ("phrase", "pattern", "why", "suggest", "example"):
        assert f"`{field}`" in readme


def test_phrase_pattern_matches_whole_words_with_any_spacing():
    assert replies.phrase_pattern("but I") == r"\bbut\s+I\b"
    assert replies.phrase_pattern("why didn\u2019t") == r"\bwhy\s+didn't\b"
    assert replies.phrase_pattern("a.b (c)?") == r"\ba\.b\s+\(c\)\?"


# ---------------------------------------------------------------- validation messages

PLACEHOLDERS = """\
interviewer_name: Interviewer's name
role:
  label: Job title
  hint: The job.
your_name:
  label: Your name
  autocomplete: name
"""

TONE = """\
rules:
  - id: but-i
    phrase: but I
    why: It can sound like an argument.
    suggest: Stop at thank you.
    example: Thanks, but I did well.
"""

GOOD = """\
order: 1
title: Say thanks
when: After a call.
placeholders: [interviewer_name, your_name]
subject: Thank you
body: |
  Dear {interviewer_name},

  Thank you for the call.

  Best wishes,
  {your_name}
avoid:
  - Arguing.
short:
  body: |
    Thanks, {interviewer_name}.
    {your_name}
"""


def problems(tmp_path: Path, reply: str = GOOD, placeholders: str = PLACEHOLDERS, tone: str = TONE) -> str:
    """Write a small replies/ folder and return the error text (or 'ok')."""
    folder = tmp_path / "replies"
    folder.mkdir(exist_ok=True)
    (folder / "placeholders.yml").write_text(placeholders, "utf-8")
    (folder / "tone-rules.yml").write_text(tone, "utf-8")
    (folder / "say-thanks.yml").write_text(reply, "utf-8")
    try:
        replies.load_library(folder, tmp_path)
    except DefinitionError as error:
        return str(error)
    return "ok"


def test_a_good_file_loads(tmp_path):
    assert problems(tmp_path) == "ok"
    reply = replies.load_library(tmp_path / "replies", tmp_path).replies[0]
    assert reply.short == replies.Message("Thank you", "Thanks, {interviewer_name}.\n{your_name}")


def test_undeclared_placeholder(tmp_path):
    reply = GOOD.replace("  Thank you for the call.", "  Thank you for the call about the {role} role.")
    assert problems(tmp_path, reply) == "replies/say-thanks.yml:6: body: uses {role} but placeholders does not declare it"


def test_declared_but_unused_placeholder(tmp_path):
    reply = GOOD.replace("[interviewer_name, your_name]", "[interviewer_name, your_name, role]")
    assert problems(tmp_path, reply) == \
        "replies/say-thanks.yml:4: placeholders[2]: 'role' is declared but not used in any message"


def test_unknown_placeholder(tmp_path):
    reply = GOOD.replace("[interviewer_name, your_name]", "[interviewer_name, your_name, boss]")
    reply = reply.replace("{your_name}\nshort", "{your_name}, {boss}\nshort")
    assert problems(tmp_path, reply) == ("replies/say-thanks.yml:4: placeholders[2]: 'boss' is not in "
                                         "replies/placeholders.yml (known: interviewer_name, role, your_name)")


def test_placeholder_declared_twice(tmp_path):
    reply = GOOD.replace("[interviewer_name, your_name]", "[interviewer_name, your_name, your_name]")
    assert problems(tmp_path, reply) == "replies/say-thanks.yml:4: placeholders[2]: 'your_name' is declared twice"


def test_stray_brace(tmp_path):
    reply = GOOD.replace("Thank you for the call.", "Thank you for the call at {Company}.")
    assert problems(tmp_path, reply) == ("replies/say-thanks.yml:6: body: stray { or }: write a placeholder as "
                                         "{name}, in lower case with _ between words")


def test_unknown_key(tmp_path):
    assert problems(tmp_path, GOOD + "tone: warm\n") == (
        "replies/say-thanks.yml:19: tone: unknown key "
        "(allowed: avoid, body, guide, order, placeholders, short, subject, title, when)")


def test_missing_key(tmp_path):
    reply = GOOD.replace("avoid:\n  - Arguing.\n", "")
    assert problems(tmp_path, reply) == "replies/say-thanks.yml:1: avoid: missing (required)"


def test_missing_key_in_the_short_version(tmp_path):
    reply = GOOD.replace("  body: |\n    Thanks", "  subject: Thanks\n  text: |\n    Thanks")
    assert problems(tmp_path, reply) == (
        "replies/say-thanks.yml:15: short.body: missing (required)\n"
        "replies/say-thanks.yml:17: short.text: unknown key (allowed: body, subject)")


def test_over_150_words(tmp_path):
    reply = GOOD.replace("  Thank you for the call.", "  " + "word " * 145 + "end.")
    assert problems(tmp_path, reply) == "replies/say-thanks.yml:6: body: 151 words; keep a message to 150 words or fewer"


def test_exactly_150_words_is_fine(tmp_path):
    assert problems(tmp_path, GOOD.replace("  Thank you for the call.", "  " + "word " * 144 + "end.")) == "ok"


def test_the_short_version_must_be_shorter(tmp_path):
    reply = GOOD.replace("    Thanks, {interviewer_name}.", "    Thanks, {interviewer_name}. " + "so " * 8)
    assert problems(tmp_path, reply) == ("replies/say-thanks.yml:16: short.body: 11 words; the shorter version "
                                         "must be shorter than body (10 words)")


def test_broken_yaml(tmp_path):
    reply = GOOD.replace("title: Say thanks", "title: [Say thanks")
    assert problems(tmp_path, reply) == \
        "replies/say-thanks.yml:3: (top): broken YAML: expected ',' or ']', but got ':'"


def test_wrong_types_and_bad_slug(tmp_path):
    folder = tmp_path / "replies"
    folder.mkdir()
    (folder / "Say_Thanks.yml").write_text(GOOD.replace("order: 1", "order: first")
                                           .replace("  - Arguing.", "  - 3"), "utf-8")
    (folder / "placeholders.yml").write_text(PLACEHOLDERS, "utf-8")
    (folder / "tone-rules.yml").write_text(TONE, "utf-8")
    with pytest.raises(DefinitionError) as error:
        replies.load_library(folder, tmp_path)
    assert str(error.value) == (
        "replies/Say_Thanks.yml:1: (top): 'Say_Thanks' must match [a-z][a-z0-9]*(-[a-z0-9]+)*\n"
        "replies/Say_Thanks.yml:1: order: expected a whole number, got text\n"
        "replies/Say_Thanks.yml:14: avoid[0]: expected text, got a number")


def test_an_example_that_trips_the_tone_check(tmp_path):
    reply = GOOD.replace("Thank you for the call.", "Thank you, but I did my best.")
    assert problems(tmp_path, reply) == \
        "replies/say-thanks.yml:6: body: the example itself trips tone rule 'but-i' ('but I')"


def test_two_replies_with_one_order(tmp_path):
    problems(tmp_path)
    (tmp_path / "replies" / "say-more.yml").write_text(GOOD, "utf-8")
    with pytest.raises(DefinitionError) as error:
        replies.load_library(tmp_path / "replies", tmp_path)
    assert str(error.value) == "replies/say-thanks.yml:1: order: 1 is also the order of replies/say-more.yml"


def test_every_problem_in_every_file_is_reported_together(tmp_path):
    reply = GOOD.replace("title: Say thanks\n", "").replace("{your_name}\navoid", "{your_nam}\navoid")
    assert problems(tmp_path, reply, placeholders=PLACEHOLDERS + "Boss: Boss\n") == (
        "replies/placeholders.yml:8: Boss: 'Boss' must match [a-z][a-z0-9_]*\n"
        "replies/say-thanks.yml:1: title: missing (required)\n"
        "replies/say-thanks.yml:5: body: uses {your_nam} but placeholders does not declare it")


def test_bad_placeholder_entries(tmp_path):
    placeholders = PLACEHOLDERS + "company:\n  lable: Company\n"
    assert problems(tmp_path, placeholders=placeholders) == (
        "replies/placeholders.yml:8: company.label: missing (required)\n"
        "replies/placeholders.yml:9: company.lable: unknown key (allowed: autocomplete, hint, label)")


PORTABLE = ("use only syntax that Python and JavaScript share "
            "(no inline flags, named groups, \\A, \\Z or possessive repeats)")


@pytest.mark.parametrize("rule, message", [
    ("    pattern: (?i)unfair\n", f"8: rules[1].pattern: {PORTABLE}"),
    ("    pattern: (?P<x>unfair)\n", f"8: rules[1].pattern: {PORTABLE}"),
    ("    pattern: (unfair\n", "8: rules[1].pattern: not a valid regular expression: "
                               "missing ), unterminated subpattern at position 0"),
    ("    pattern: x*\n", "8: rules[1].pattern: matches empty text, so it would flag every message"),
    ("    phrase: unfair\n    pattern: unfair\n", "7: rules[1]: give exactly one of phrase or pattern"),
    ("    phrase: totally unfair\n", "11: rules[1].example: 'It was unfair.' does not trip this rule"),
])
def test_bad_tone_rules(tmp_path, rule, message):
    tone = TONE + ("  - id: unfair\n" + rule + "    why: Blame.\n    suggest: Thank them.\n"
                   "    example: It was unfair.\n")
    assert problems(tmp_path, tone=tone) == f"replies/tone-rules.yml:{message}"


def test_tone_rule_ids_are_unique(tmp_path):
    assert problems(tmp_path, tone=TONE + TONE.split("rules:\n")[1]) == \
        "replies/tone-rules.yml:7: rules[1].id: 'but-i' is also used by rules[0]"


# ---------------------------------------------------------------- the hook


def load_hook():
    spec = importlib.util.spec_from_file_location("replies_hook", ROOT / "overrides/hooks/replies.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


def test_the_hook_stops_the_build_with_every_problem(tmp_path, monkeypatch):
    problems(tmp_path, GOOD.replace("title: Say thanks\n", ""))
    hook = load_hook()
    monkeypatch.setattr(hook, "_ROOT", tmp_path)
    with pytest.raises(PluginError) as error:
        hook.on_config({})
    assert str(error.value) == "replies/say-thanks.yml:1: title: missing (required)"


def test_the_hook_fills_the_index_and_needs_its_marker():
    hook = load_hook()
    hook.on_config({})

    class Page:
        class file:
            src_uri = "replies/index.md"

    assert hook.on_page_markdown("# Replies\n\n<!-- reply-list -->\n", Page, {}, None) == \
        "# Replies\n\n" + replies.index_markdown(library().replies) + "\n"
    with pytest.raises(PluginError) as error:
        hook.on_page_markdown("# Replies\n", Page, {}, None)
    assert str(error.value) == \
        "docs/replies/index.md: the marker <!-- reply-list --> is missing; the list of replies goes there"


# ---------------------------------------------------------------- reply examples on guide pages


def test_a_reply_example_marker_becomes_that_reply_exactly_as_its_page_shows_it():
    lib = library()
    note = next(r for r in lib.replies if r.slug == "connection-note")
    out = replies.expand_examples("Say hello.\n\n<!-- reply-example: connection-note short -->\n\nThen wait.",
                                  "docs/reconnect.md", lib)
    subject = replies.fill(note.short.subject, {}, lib.placeholders)
    body = replies.fill(note.short.body, {}, lib.placeholders).replace("'", "&#x27;")
    assert out == ("Say hello.\n\n<div class=\"reply-text reply-text--short reply-example\">\n"
                   f"<p class=\"reply-subject\"><span class=\"reply-subject-label\">Subject:</span> {subject}</p>\n"
                   f"<pre class=\"reply-body\">{body}</pre>\n</div>\n\nThen wait.")


def test_an_unknown_reply_example_stops_the_build_naming_file_line_and_the_known_slugs():
    with pytest.raises(DefinitionError) as error:
        replies.expand_examples("# Title\n\nText.\n<!-- reply-example: thank-you -->\n", "docs/respond.md", library())
    assert str(error.value) == ("docs/respond.md:4: reply-example: 'thank-you' is not a reply in replies/ "
                                f"(known: {', '.join(sorted(SLUGS))})")
