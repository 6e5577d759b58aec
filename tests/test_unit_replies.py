"""Reply examples in plain Python: the real files, validation messages, fill, tone rules, the hook."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from after_the_no import replies
from after_the_no.build.config import BuildError
from after_the_no.build.markers import Context, expand_markers
from after_the_no.build.stage import load_library
from after_the_no.definitions import DefinitionError
from reply_support import LONG_VALUES, REPLIES, ROOT, SAMPLE_VALUES, SLUGS, TONE_SAMPLES, library

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


def test_thank_you_for_feedback_carries_the_ideas_of_the_articles_example_in_its_own_order():
    # The article's letter: thanks; disappointed but trusting the choice; keep my CV on file;
    # a pleasure to meet you. Ours carries each idea, and says it was glad to meet them before
    # it turns to the news, so it does not follow the letter sentence by sentence.
    reply = {r.slug: r for r in library().replies}["thank-you-for-feedback"]
    body = reply.message.body
    ideas = ["Thank you for getting in touch", "Meeting you and hearing about the team was a real pleasure",
             "Of course I had hoped for a different answer", "I trust the choice you made",
             "would you keep my CV on file"]
    assert [body.find(idea) for idea in ideas] == sorted(body.find(idea) for idea in ideas)
    assert -1 not in [body.find(idea) for idea in ideas]


def test_placeholders_have_labels_and_only_your_own_details_autocomplete():
    known = library().placeholders
    assert known["interviewer_name"] == replies.Placeholder(
        "interviewer_name", "Interviewer's name", "As you would greet them, for example Ms Okafor or Sam.", "off",
        "Alexandra Montgomery-Smith")
    assert known["company"] == replies.Placeholder("company", "Company or organisation", "", "off",
                                                   "Northwind Logistics International")
    assert {p.name: p.autocomplete for p in known.values() if p.autocomplete != "off"} == {
        "your_name": "name", "your_email": "email"}


# ---------------------------------------------------------------- length limits


def test_the_connection_notes_short_version_fits_a_free_linkedin_invitation_with_long_names():
    lib = library()
    note = {r.slug: r for r in lib.replies}["connection-note"]
    assert note.short.limit == replies.Limit(200, "a free LinkedIn invitation")
    assert {name: lib.placeholders[name].long_example for name in LONG_VALUES} == LONG_VALUES
    text = replies.fill(note.short.body, LONG_VALUES, lib.placeholders)
    assert text == ("Hi Alexandra Montgomery-Smith, I enjoyed meeting you at my interview for the Senior Customer "
                    "Experience and Operations Manager role. I would be glad to stay in touch.\n"
                    "Maria Fernanda Gonzalez-Ramirez")
    assert replies.filled_length(text) == 198
    assert replies.check_limit(note.short, lib.placeholders) is None


def test_every_placeholder_has_a_long_example_longer_than_the_sample():
    lib = library()
    assert {name: len(p.long_example) > len(SAMPLE_VALUES[name]) for name, p in lib.placeholders.items()
            if name in SAMPLE_VALUES} == {name: True for name in SAMPLE_VALUES if name in lib.placeholders}


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
    assert replies.pages._json_script({"a": "</script><b>&"}, id="x") == \
        '<script type="application/json" id="x">{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}</script>'


def test_the_index_lists_every_reply_as_a_markdown_link():
    text = replies.index_markdown(library().replies)
    assert text.splitlines()[:4] == [
        '<div class="reply-list" markdown>', "",
        "- [Ask for feedback after a phone call](ask-feedback-after-call.md)<br>",
        '  <span class="reply-list-when">They rang to say no, and you did not get the chance to ask what you '
        'could do better. Send it within a day or two.</span>']
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
    for field in ("phrase", "pattern", "why", "suggest", "example", "link"):
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
        "(allowed: avoid, body, guide, in_thread, order, placeholders, see_also, short, subject, title, when)")


def test_missing_key(tmp_path):
    reply = GOOD.replace("avoid:\n  - Arguing.\n", "")
    assert problems(tmp_path, reply) == "replies/say-thanks.yml:1: avoid: missing (required)"


def test_missing_key_in_the_short_version(tmp_path):
    reply = GOOD.replace("  body: |\n    Thanks", "  subject: Thanks\n  text: |\n    Thanks")
    assert problems(tmp_path, reply) == (
        "replies/say-thanks.yml:15: short.body: missing (required)\n"
        "replies/say-thanks.yml:17: short.text: unknown key (allowed: body, limit, subject)")


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
        "replies/placeholders.yml:9: company.lable: unknown key (allowed: autocomplete, hint, label, long_example)")


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


LONG_PLACEHOLDERS = PLACEHOLDERS.replace("  hint: The job.\n", "  hint: The job.\n  long_example: Chief Executive\n") \
    .replace("interviewer_name: Interviewer's name\n",
             "interviewer_name:\n  label: Interviewer's name\n  long_example: Alexandra Montgomery-Smith\n") \
    .replace("  autocomplete: name\n", "  autocomplete: name\n  long_example: Maria Fernanda Gonzalez-Ramirez\n")
LIMIT = "  limit:\n    characters: 60\n    where: a short note\n"


def test_a_short_version_within_its_limit_loads(tmp_path):
    assert problems(tmp_path, GOOD + LIMIT.replace("60", "70"), placeholders=LONG_PLACEHOLDERS) == "ok"
    reply = replies.load_library(tmp_path / "replies", tmp_path).replies[0]
    assert reply.short.limit == replies.Limit(70, "a short note")


def test_a_short_version_over_its_limit_with_long_names_stops_the_build(tmp_path):
    # "Thanks, Alexandra Montgomery-Smith.\nMaria Fernanda Gonzalez-Ramirez" is 67 characters.
    assert problems(tmp_path, GOOD + LIMIT.replace("60", "66"), placeholders=LONG_PLACEHOLDERS) == (
        "replies/say-thanks.yml:16: short.body: 67 characters with the long examples from "
        "replies/placeholders.yml filled in; a short note allows 66")
    assert problems(tmp_path, GOOD + LIMIT.replace("60", "67"), placeholders=LONG_PLACEHOLDERS) == "ok"


def test_a_limit_needs_a_long_example_for_every_placeholder_it_uses(tmp_path):
    assert problems(tmp_path, GOOD + LIMIT) == (
        "replies/say-thanks.yml:16: short.body: has a limit, so every placeholder it uses needs a long_example in "
        "replies/placeholders.yml (missing: interviewer_name, your_name)")


def test_a_broken_limit(tmp_path):
    limit = "  limit:\n    characters: many\n    wher: a short note\n"
    assert problems(tmp_path, GOOD + limit, placeholders=LONG_PLACEHOLDERS) == (
        "replies/say-thanks.yml:19: short.limit.where: missing (required)\n"
        "replies/say-thanks.yml:20: short.limit.characters: expected a whole number, got text\n"
        "replies/say-thanks.yml:21: short.limit.wher: unknown key (allowed: characters, where)")


def test_in_thread_and_see_also(tmp_path):
    extra = "in_thread: sometimes\nsee_also:\n  text: Unfair?\n  link: support/unfair\n"
    assert problems(tmp_path, GOOD + extra) == (
        "replies/say-thanks.yml:19: in_thread: expected true or false\n"
        "replies/say-thanks.yml:22: see_also.link: 'support/unfair' must be a guide page under docs/, "
        "e.g. respond.md#thank-them")
    extra = "in_thread: true\nsee_also:\n  text: if it felt unfair\n  link: support/unfair-treatment.md\n"
    assert problems(tmp_path, GOOD + extra) == "ok"
    lib = replies.load_library(tmp_path / "replies", tmp_path)
    reply = lib.replies[0]
    assert (reply.in_thread, reply.see_also_text, reply.see_also_link) == \
        (True, "if it felt unfair", "support/unfair-treatment.md")
    text = replies.page_markdown(reply, lib)
    assert "\nSee also: [if it felt unfair](../support/unfair-treatment.md).\n" in text
    assert f'<p class="reply-thread-note">{replies.THREAD_NOTE}</p>' in text


def test_a_tone_rule_link_is_a_page_that_exists(tmp_path):
    rule = TONE + "    link:\n      text: If it felt unfair\n      page: {page}\n"
    assert problems(tmp_path, tone=rule.format(page="support/unfair")) == (
        "replies/tone-rules.yml:9: rules[0].link.page: 'support/unfair' must be a guide page under docs/, "
        "e.g. respond.md#thank-them")
    assert problems(tmp_path, tone=rule.format(page="support/unfair.md")) == "ok"  # no docs/ here to look in
    (tmp_path / "docs" / "support").mkdir(parents=True)
    assert problems(tmp_path, tone=rule.format(page="support/unfair.md")) == \
        "replies/tone-rules.yml:9: rules[0].link.page: docs/support/unfair.md does not exist"
    (tmp_path / "docs" / "support" / "unfair.md").write_text("# Unfair\n", "utf-8")
    assert problems(tmp_path, tone=rule.format(page="support/unfair.md")) == "ok"
    assert replies.load_library(tmp_path / "replies", tmp_path).tone_rules[0].link_page == "support/unfair.md"


def test_the_unfair_rule_points_to_the_unfair_treatment_page_from_a_reply_page():
    data = {rule["id"]: rule for rule in replies.tone_rules_data(library().tone_rules)}
    assert data["unfair"]["link"] == {"text": "If it felt unfair", "href": "../../support/unfair-treatment/"}
    assert [rule_id for rule_id, rule in data.items() if "link" in rule] == ["unfair"]


@pytest.mark.parametrize("page, href", [("support/unfair-treatment.md", "../../support/unfair-treatment/"),
                                        ("respond.md#if-you-disagree", "../../respond/#if-you-disagree"),
                                        ("index.md#the-four-steps", "../../#the-four-steps"),
                                        ("support/index.md", "../../support/")])
def test_page_href(page, href):
    assert replies.page_href(page) == href


def test_the_reply_page_says_what_the_limit_is_and_gives_it_to_the_script():
    lib = library()
    note = {r.slug: r for r in lib.replies}["connection-note"]
    text = replies.page_markdown(note, lib)
    assert ('<p class="reply-limit-note">It is kept to 200 characters or fewer, even with long names filled in, '
            'to fit a free LinkedIn invitation.</p>') in text
    assert '"limit":{"characters":200,"where":"a free LinkedIn invitation"}' in text
    assert "reply-thread-note" not in text  # an invitation is not an email thread


def test_tone_rule_ids_are_unique(tmp_path):
    assert problems(tmp_path, tone=TONE + TONE.split("rules:\n")[1]) == \
        "replies/tone-rules.yml:7: rules[1].id: 'but-i' is also used by rules[0]"


# ---------------------------------------------------------------- the build's staging step


def test_staging_stops_the_build_with_every_problem(tmp_path):
    problems(tmp_path, GOOD.replace("title: Say thanks\n", ""))
    with pytest.raises(BuildError) as error:
        load_library(tmp_path)
    assert str(error.value) == "replies/say-thanks.yml:1: title: missing (required)"


def test_staging_fills_the_index_and_needs_its_marker():
    ctx = Context(ROOT, {}, [], load_library(ROOT), {}, [])
    assert expand_markers(ctx, "replies/index.md", "# Replies\n\n<!-- reply-list -->\n") == \
        "# Replies\n\n" + replies.index_markdown(library().replies) + "\n"
    with pytest.raises(BuildError) as error:
        expand_markers(ctx, "replies/index.md", "# Replies\n")
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
