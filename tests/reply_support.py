"""Shared data for the reply tests (unit, html, browser): the library, sample values, tone samples."""
from __future__ import annotations

from pathlib import Path

from after_the_no import replies

ROOT = Path(__file__).resolve().parent.parent
REPLIES = ROOT / "replies"

SLUGS = ["ask-feedback-after-call", "ask-feedback-after-email", "thank-you-for-feedback",
         "when-you-disagree", "reply-to-rejection-email", "connection-note", "check-in-months-later",
         "future-roles", "status-check-after-silence", "runner-up-still-interested", "note-to-recruiter",
         "ask-for-development-conversation", "feedback-after-assessment-centre", "offer-withdrawn-ask-in-writing",
         "withdraw-resignation",
         "ask-for-adjustments", "subject-access-request"]

# Values a person might type, one for every known placeholder.
SAMPLE_VALUES = {
    "interviewer_name": "Sam", "your_name": "Alex", "role": "office manager", "company": "Acme",
    "new_role": "team leader", "when_we_met": "March", "your_news": "finished a course in bookkeeping",
    "your_example": "the summer fair project", "recruiter_name": "Priya",
    "manager_name": "Jo", "interview_date": "3 March", "offer_date": "12 May",
    "adjustments_needed": "the questions ten minutes before we start, and a quiet room",
    "application_date": "March 2026", "your_email": "alex@example.org",
}

# Texts the tone check is tried on in Python (test_unit_replies) and in the browser's
# reply.js (test_browser_replies): both must give the same answer for each.
TONE_SAMPLES = [
    ("Thank you for your feedback. I am glad we met.", []),
    ("Thanks, but I think I answered that well.", ["but-i"]),
    ("Thanks, BUT\n  i think I answered that well.", ["but-i"]),
    ("I like butter. I do.", []),
    ("I disagree. It was unfair, and you should have asked me.", ["i-disagree", "unfair", "you-should-have"]),
    ("I don\u2019t agree, and why didn\u2019t you call?", ["i-disagree", "why-didnt"]),
    ("With all due respect, I don't understand why I was not chosen!!", ["all-due-respect", "dont-understand-why",
                                                                         "many-marks"]),
    ("Please reconsider. You are making a big mistake and I deserve better.", ["reconsider", "mistake",
                                                                              "i-deserved"]),
    ("It was a waste of my time. You didn't even look at my work. Obviously.", ["waste-of-time", "you-never",
                                                                                "obviously"]),
    ("Would you consider me for future roles? Thank you!", []),
    ("It is not fair\u00a0at all", ["unfair"]),
    # Honest reflection about your own mistake is not flagged; a mistake put on them is.
    ("I made a mistake.", []),
    ("I made a mistake in my second answer, and I have practised it since.", []),
    ("I know I made a big mistake with the budget question.", []),
    ("Thank you for pointing out my mistake.", []),
    ("You are making a big mistake.", ["mistake"]),
    ("I think you\u2019ve made a huge mistake.", ["mistake"]),
    ("They made the wrong call. It was a mistake to turn me down.", ["mistake"]),
    ("It was a mistake not to hire me", ["mistake"]),
]

# Long but realistic details: the connection note's shorter version must still fit 200 characters.
LONG_VALUES = {"interviewer_name": "Alexandra Montgomery-Smith", "company": "Northwind Logistics International",
               "role": "Senior Customer Experience and Operations Manager",
               "your_name": "Maria Fernanda Gonzalez-Ramirez"}


def library() -> replies.Library:
    return replies.load_library(REPLIES, ROOT)


def filled(template: str, values: dict[str, str] | None = None) -> str:
    lib = library()
    return replies.fill(template, values or {}, lib.placeholders)
