"""The first answer, "what are you asking L&D for?": a polite request phrased as a question
asks for the thing ("Could you book...?"), so it is an answer, not a question back."""

from __future__ import annotations

from datetime import date

import pytest

from app.interview.state import InterviewState
from app.understanding.embedded import get_understanding, request_phrase

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Could you book a negotiation course for the buyers?",
            "Negotiation course for the buyers",
        ),
        (
            "Can you please arrange fire marshal training for two of us?",
            "Fire marshal training for two of us",
        ),
        (
            "Is it possible to get a coaching programme for new team leads?",
            "Coaching programme for new team leads",
        ),
        (
            "Can we get some Power BI sessions for the analysts?",
            "Power BI sessions for the analysts",
        ),
        ("Would you sort out a refresher on manual handling?", "Refresher on manual handling"),
    ],
)
def test_a_request_phrased_as_a_question_is_the_answer(text: str, want: str) -> None:
    reading = get_understanding().interpret(
        text, InterviewState(asking="requested_solution"), TODAY
    )
    assert reading.act == "answer"
    assert reading.findings[0].value == want
    assert request_phrase(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "What's the process here, what do people usually ask for?",
        "Sorry, what do you mean by that?",
    ],
)
def test_a_question_about_the_question_stays_a_question(text: str) -> None:
    reading = get_understanding().interpret(
        text, InterviewState(asking="requested_solution"), TODAY
    )
    assert reading.act == "question"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Our first-time fix rate is stuck at 71% and I need it at 85. I want a "
            "troubleshooting course for the service techs.",
            "Troubleshooting course for the service techs",
        ),
        (
            "We need this sorted. I'd like a Lean workshop for the planners.",
            "Lean workshop for the planners",
        ),
        ("I need it fixed.", "I need it fixed."),  # nothing else asked for: the words stand
    ],
)
def test_a_need_for_it_is_not_the_request(text: str, want: str) -> None:
    assert request_phrase(text) == want
