"""Reply examples (replies/*.yml): the model, the tone check, loading with every check, and the pages.

The names below are the package's public face, so `from after_the_no import replies` reads
as one library; each is defined once, in the submodule named beside it."""
from after_the_no.replies.load import MAX_WORDS, check_limit, load_library
from after_the_no.replies.model import (Library, Limit, Message, Placeholder, Reply, ToneRule, fill, filled_length,
                                        placeholders_in, word_count)
from after_the_no.replies.pages import (EXAMPLE_MARKER, THREAD_NOTE, expand_examples, index_markdown, page_href,
                                        page_markdown, tone_rules_data)
from after_the_no.replies.tone import compile_rule, normalise, phrase_pattern, tone_check

__all__ = ["MAX_WORDS", "check_limit", "load_library", "Library", "Limit", "Message", "Placeholder", "Reply",
           "ToneRule", "fill", "filled_length", "placeholders_in", "word_count", "EXAMPLE_MARKER", "THREAD_NOTE",
           "expand_examples", "index_markdown", "page_href", "page_markdown", "tone_rules_data", "compile_rule",
           "normalise", "phrase_pattern", "tone_check"]
