"""A figure corrected without naming what it measures ("I said 30 earlier; it's actually
45") lands on the one answer that held the old figure, whatever question is being asked."""

from __future__ import annotations

from datetime import date

import pytest

from app.interview.state import Answer, InterviewState, Quantity
from app.understanding.embedded import get_understanding
from app.understanding.facts import replaced_figures, without_asides

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Oh, and I said 30 earlier; it's actually 45.", [(30, 45)]),
        ("QA reran the sample and it's 35%, not 40.", [(40, 35)]),
        ("I told you 12 - make it 14.", [(12, 14)]),
        ("That's 18, not 16, sorry.", [(16, 18)]),
        ("It's 45 people across both sites.", []),
        ("They'd need 30 minutes, not 20.", []),  # no "it's": a want, not a correction
        ("I said 30 and it's 30.", []),
    ],
)
def test_replaced_figures(text: str, pairs: list[tuple[float, float]]) -> None:
    assert [(old, new.value) for old, new in replaced_figures(text)] == pairs


def _state(asking: str, **numbers: float) -> InterviewState:
    answers = {k: Answer(raw="earlier", value=Quantity(value=v)) for k, v in numbers.items()}
    return InterviewState(asking=asking, answers=answers)


def _corrections(text: str, state: InterviewState) -> dict[str, float]:
    reading = get_understanding().interpret(text, state, TODAY)
    return {f.slot: f.value.value for f in reading.findings if f.correction}


def test_the_answer_that_held_the_old_figure_is_corrected() -> None:
    state = _state("desired_behavior", audience_size=30, baseline=12)
    text = "Check the fix worked before closing. Oh, and I said 30 earlier; it's actually 45."
    assert _corrections(text, state) == {"audience_size": 45}


def test_the_unit_of_the_new_figure_is_kept() -> None:
    reading = get_understanding().interpret(
        "Also, QA reran the sample and it's 35%, not 40.",
        _state("sponsor", baseline=40),
        TODAY,
    )
    corrected = next(f for f in reading.findings if f.slot == "baseline")
    assert corrected.value == Quantity(value=35, unit="%") and corrected.correction


def test_an_old_figure_two_answers_held_corrects_neither() -> None:
    state = _state("desired_behavior", baseline=40, audience_size=40)
    assert _corrections("Sorry, it's 35, not 40.", state) == {}


@pytest.mark.parametrize(
    ("text", "held", "want"),
    [
        # a value the summary showed, changed: right but for a change
        ("Yep, one tweak: we need it by June 2027.", {"deadline": "2027-03-31"}, "partly"),
        ("Yes, all correct, except we're at 12% now, not 15%.", {"baseline": 15.0}, "partly"),
        # a value the summary lacked: an addition, the summary was right
        ("Yes, spot on. I forgot to say - it's for 14 supervisors.", {}, "yes"),
        ("yep all good. deadline is end of Q1 2027 btw", {}, "yes"),
        # the value it already held, said again: nothing changed
        (
            "Yes, and the deadline is 30 June 2027 as you have it.",
            {"deadline": "2027-06-30"},
            "yes",
        ),
        # a plain no stays a no
        ("No, the deadline is wrong: it's June 2027.", {"deadline": "2027-03-31"}, "no"),
    ],
)
def test_a_yes_that_changes_the_summary_is_partly(
    text: str, held: dict[str, object], want: str
) -> None:
    answers = {
        slot: Answer(raw="earlier", value=Quantity(value=v) if isinstance(v, float) else v)
        for slot, v in held.items()
    }
    reading = get_understanding().interpret(
        text, InterviewState(asking="confirm", answers=answers), TODAY
    )
    assert reading.for_slot("confirm") is not None
    assert reading.for_slot("confirm").value == want


@pytest.mark.parametrize(
    ("asked", "text", "want", "corrected"),
    [
        # a later sentence that only corrects another slot's figure says nothing about the
        # question asked: the answer stands, and the correction is still read
        (
            "mandate",
            "The Fire Safety Order, yes. Sorry, while I remember, it is 85 team leaders, not 58, "
            "I swapped the digits.",
            "yes",
            "audience_size",
        ),
        (
            "mandate",
            "The Health and Safety at Work Act, yes. While I think of it, the deadline I gave "
            "you is wrong, it is 31 July 2027 not 30 June.",
            "yes",
            "deadline",
        ),
        (
            "cause_information",
            "They know it, yes. Sorry, one thing: it is 44 supervisors, not 40, I miscounted.",
            "yes",
            "audience_size",
        ),
    ],
)
def test_an_aside_correcting_another_figure_leaves_the_answer(
    asked: str, text: str, want: str, corrected: str
) -> None:
    reading = get_understanding().interpret(text, InterviewState(asking=asked), TODAY)
    assert reading.for_slot(asked) is not None
    assert reading.for_slot(asked).value == want
    assert reading.for_slot(asked).raw == text
    assert reading.for_slot(corrected) is not None


@pytest.mark.parametrize(
    "text",
    [
        "I thought so at first. Correction: the label printer has been broken since August.",
        "They have what they need. Sorry, I tell a lie, the van stock is short every week.",
        "Mostly, yes. Hang on, I'm wrong there, half the team still have no portal login.",
    ],
)
def test_a_correction_of_the_answer_itself_is_no_aside(text: str) -> None:
    assert without_asides(text, "cause_resources", TODAY) == text
