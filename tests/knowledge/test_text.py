"""Markdown to quotable plain text."""

from __future__ import annotations

import pytest

from app.knowledge.text import best_quote, bold_items, content_words, plain, sentences


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("- **Win rate**: share of bids won", "Win rate: share of bids won"),
        ("1. Ask *why* first", "Ask why first"),
        ("> A quote", "A quote"),
        ("See [the guide](https://example.org/x) now", "See the guide now"),
        ("Use `the form`  twice", "Use the form twice"),
        ("### Heading", "Heading"),
    ],
)
def test_plain_drops_markup(markdown: str, expected: str) -> None:
    assert plain(markdown) == expected


def test_sentences_join_soft_breaks_and_split_at_full_stops() -> None:
    text = "First idea runs\nover two lines. Second idea.\n\n- A list item\n- Another one.\n\n| a | b |"
    assert sentences(text) == [
        "First idea runs over two lines.",
        "Second idea.",
        "A list item",
        "Another one.",
    ]


def test_content_words_ignore_stopwords_and_endings() -> None:
    assert content_words("The measures we measured") == {"measu"}


def test_best_quote_picks_the_sentence_about_the_query() -> None:
    text = (
        "Guidance is written with its point first, as a rule of thumb for everyone.\n\n"
        "A checklist helps when a task is rare and the steps are forgotten between uses. "
        "Keep it at the point of need."
    )
    quote = best_quote(text, "rare task, steps forgotten")
    assert quote.startswith("A checklist helps when a task is rare")


def test_best_quote_takes_a_short_sentence_s_neighbour_along() -> None:
    text = "Fix the broken tool first, whatever the request. Training people to work around a broken tool teaches the workaround."
    assert best_quote(text, "fix the tool") == text


def test_best_quote_ends_with_a_full_stop_and_is_empty_without_sentences() -> None:
    assert best_quote(
        "- Repeat calls within a week are the clearest sign", "repeat calls"
    ).endswith(".")
    assert best_quote("Too short.", "short") == ""


def test_bold_items_read_name_and_description() -> None:
    text = "Intro.\n\n- **Win rate**: share of bids won.\n- **NPS** - would they recommend us\n- plain item"
    assert bold_items(text) == [
        ("Win rate", "share of bids won."),
        ("NPS", "would they recommend us"),
    ]


def test_best_quote_skips_sentences_about_the_document_itself() -> None:
    text = (
        "People do what the workplace rewards, whatever it says it wants. "
        "This guide covers how to spot misaligned rewards and put them right."
    )
    assert best_quote(text, "guide to spot misaligned rewards").startswith("People do what")
