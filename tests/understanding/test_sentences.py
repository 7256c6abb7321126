"""Sentences and clauses of a reply: each table row is one place a break is or is not."""

from __future__ import annotations

import re

import pytest

from app.understanding import sentences
from app.understanding.sentences import CLAUSES, FULL_STOPS, SENTENCES

SPLIT: list[tuple[str, re.Pattern[str], list[str]]] = [
    ("It's 40. Now 60", SENTENCES, ["It's 40.", "Now 60"]),
    # a decimal point, a price or a version is not a full stop
    ("We're at 3.5 now, want 4.2.", SENTENCES, ["We're at 3.5 now, want 4.2."]),
    ("It costs £1.6m a year. Too much", SENTENCES, ["It costs £1.6m a year.", "Too much"]),
    # abbreviations that introduce what follows
    ("a fixed cue, e.g. a checklist", SENTENCES, ["a fixed cue, e.g. a checklist"]),
    ("the last one, i.e. March. Then", SENTENCES, ["the last one, i.e. March.", "Then"]),
    ("approx. 450 per annum", SENTENCES, ["approx. 450 per annum"]),
    ("E.g. the forms", SENTENCES, ["E.g. the forms"]),
    # "etc." ends a list, and here a sentence
    ("forms, labels etc. They never", SENTENCES, ["forms, labels etc.", "They never"]),
    # questions and exclamations end sentences; the mark stays with its sentence
    ("Is it 40? No idea! Ask Sam", SENTENCES, ["Is it 40?", "No idea!", "Ask Sam"]),
    # a semicolon ends a sentence as the rules read it, not a sentence proper
    ("Zero injuries; there are 200", SENTENCES, ["Zero injuries;", "there are 200"]),
    ("Zero injuries; there are 200", FULL_STOPS, ["Zero injuries; there are 200"]),
    ("It was 40; it's 34. Yes", FULL_STOPS, ["It was 40; it's 34.", "Yes"]),
    # a colon or a spaced dash ends a clause only
    ("the target: 95%", SENTENCES, ["the target: 95%"]),
    ("the target: 95%", CLAUSES, ["the target:", "95%"]),
    ("Halve it - we get 600", SENTENCES, ["Halve it - we get 600"]),
    ("Halve it - we get 600", CLAUSES, ["Halve it", "we get 600"]),
    ("Halve it – we get 600", CLAUSES, ["Halve it", "we get 600"]),
    ("Halve it — we get 600", CLAUSES, ["Halve it", "we get 600"]),
    # a hyphen inside a word or a range is no dash
    ("a follow-up 3-4 times a week", CLAUSES, ["a follow-up 3-4 times a week"]),
    # a mark with no space after it breaks nothing
    ("see www.example.com:8080 now", CLAUSES, ["see www.example.com:8080 now"]),
]


@pytest.mark.parametrize(("text", "breaks", "pieces"), SPLIT)
def test_split(text: str, breaks: re.Pattern[str], pieces: list[str]) -> None:
    assert sentences.split(text, breaks) == pieces


BEFORE: list[tuple[str, str, str]] = [
    # (reply, the word the position is at, the words of its sentence before it)
    ("It's 3.5 today. We want 4", "4", "We want "),
    ("It's 3.5 today, we want 4", "4", "It's 3.5 today, we want "),
    ("Is it 40? We want 4", "4", "We want "),
    ("a cue, e.g. we want 4", "4", "a cue, e.g. we want "),
    ("we do it - every day", "every", "we do it - "),
]


@pytest.mark.parametrize(("text", "word", "expected"), BEFORE)
def test_before(text: str, word: str, expected: str) -> None:
    assert sentences.before(text, text.rindex(word)) == expected


def test_before_a_clause() -> None:
    text = "the standard is 3.5 - we do it every day"
    assert sentences.before(text, text.index("every"), CLAUSES) == "we do it "


def test_start_not_before_lo() -> None:
    text = "It was 40. Now it is 60"
    assert sentences.start(text, text.index("60")) == text.index("Now")
    assert sentences.start(text, text.index("60"), lo=text.index("is")) == text.index("is")


AFTER: list[tuple[str, str, str]] = [
    ("it's a legal requirement? I think so", "legal", "legal requirement?"),
    ("it's a legal requirement, at 3.5 hours. Yes", "legal", "legal requirement, at 3.5 hours."),
    ("it's a legal requirement", "legal", "legal requirement"),
    (
        "it's a legal requirement, e.g. the fire bit. Yes",
        "legal",
        "legal requirement, e.g. the fire bit.",
    ),
]


@pytest.mark.parametrize(("text", "word", "expected"), AFTER)
def test_after(text: str, word: str, expected: str) -> None:
    assert sentences.after(text, text.index(word)) == expected


ENDS_AT: list[tuple[str, int, bool]] = [
    ("Ninety. Oh, and the team is 48", 6, True),
    ("Ninety; the team is 48", 6, True),
    ("Ninety? Or so", 6, True),
    ("Ninety.", 6, False),  # nothing follows
    ("3.5 now", 1, False),  # a decimal point
    ("Ninety, about", 6, False),
]


@pytest.mark.parametrize(("text", "i", "expected"), ENDS_AT)
def test_ends_at(text: str, i: int, expected: bool) -> None:
    assert sentences.ends_at(text, i) is expected


SOURCES: list[tuple[str, str, bool]] = [
    # (pattern built from a source, reply, whether it matches)
    (rf"\d+{sentences.SENTENCE_END}", "we're at 3.5 now", False),
    (rf"\d+{sentences.SENTENCE_END}", "we're at 35. Now 40", True),
    (rf"\d+{sentences.SENTENCE_END}", "we're at 35; now 40", True),
    (rf"{sentences.SENTENCE_OPENS}today", "today it's 40", True),
    (rf"{sentences.SENTENCE_OPENS}today", "Fine. Today it's 40", True),
    (rf"{sentences.SENTENCE_OPENS}today", "It was 3.5 today", False),
    (rf"{sentences.SENTENCE_OPENS}today", "the 3 sites, e.g. today", False),
    (rf"{sentences.CLAUSE_OPENS}halve", "Fine - halve it", True),
    (rf"{sentences.CLAUSE_OPENS}halve", "One thing: halve it", True),
    (rf"{sentences.CLAUSE_OPENS}halve", "we'd halve it", False),
]


@pytest.mark.parametrize(("pattern", "text", "matches"), SOURCES)
def test_sources(pattern: str, text: str, matches: bool) -> None:
    assert (re.search(pattern, text, re.I) is not None) is matches
