"""A reply that opens with a plain yes or no is that answer, unless something qualifies it."""

from __future__ import annotations

import pytest

from app.understanding.polarity import (
    confirm_answer,
    lead_answer,
    mixed_answer,
    plain_affirmative,
    trailing_answer,
)

CASES: list[tuple[str, str | None]] = [
    ("Honestly, no. They're superb technicians but they aren't suited to it.", "no"),
    ("Yes - but they never get the time to do it.", None),
    ("No, only the two seniors could.", None),
    (
        "Honestly, no. They're superb technicians and were moved into a job they didn't choose.",
        "no",
    ),
    ("No, never. It's brand new to all of them.", "no"),
    ("Yes.", "yes"),
    ("yep - all sorted", "yes"),
    ("Absolutely, every one of them.", "yes"),
    ("Nope.", "no"),
    ("Sadly not really, the tools are ancient.", "no"),
    ("They do. It's in the job description.", "yes"),
    ("Yes, but only the day shift.", None),
    ("Yes and no.", None),
    ("No problems there.", None),
    ("No one has ever told them.", None),
    ("Oh sure, with laptops from 2014.", None),
    ("Yes? I think so?", None),
    ("Mostly yes.", None),
    ("The checklist is on the wall.", None),
    # a leading negated standard, or "that's the problem": what was asked about is missing
    ("At the moment, not to the standard we expect. The new starters struggle.", "no"),
    ("Currently not well enough; the audits keep finding the same gaps.", "no"),
    ("That's exactly the issue, to be honest. The forms are out of date.", "no"),
    ("That's the problem. Half the forms are out of date.", None),  # "half" may limit it
    ("That's our main problem - the scanners keep dropping the connection.", "no"),
    # a closed answer keeps its meaning whatever context the next sentence gives...
    ("Yes. They mostly work from the printed manual these days.", "yes"),
    # ...unless that sentence opens by limiting it
    ("Yes. Well, some of them.", None),
    ("Not yet, but they will be by spring.", None),
    # hedged answers are still answers
    ("I don't think so, it's all voluntary.", "no"),
    ("Not that I know of.", "no"),
    ("Probably not - the new screens confused everyone.", "no"),
    ("I doubt it. They've never been shown.", "no"),
    ("I'm afraid not.", "no"),
    ("I think so, the audit last spring was clean.", "yes"),
    ("Probably, given a quiet afternoon.", "yes"),
    ("I'd say so.", "yes"),
    ("Probably, though not the new starters.", None),
    ("I think so? Not sure.", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_lead_answer(text: str, expected: str | None) -> None:
    assert lead_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I wouldn't say they do, no.", "no"),
        ("They'd muddle through it, yes.", "yes"),
        ("Given a quiet hour and the manual - so yes.", "yes"),
        ("Only the seniors could, no.", None),  # limited in scope: for the classifier
        ("On the day shift, yes. On nights, no.", None),  # one answer per part: partly
        ("Given a checklist, probably. From memory, no.", None),  # a hedged answer is one too
        ("Maybe on a good day, but honestly, no.", "no"),  # "maybe" here is no answer alone
        ("Probably more than we give them credit for, but no.", None),  # opens with a yes
        ("Is that what you mean? No.", None),
        ("They get a weekly report on it", None),
    ],
)
def test_trailing_answer(text: str, expected: str | None) -> None:
    assert trailing_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No changes, go ahead.", "yes"),
        ("No, that's all correct.", "yes"),
        ("Looks right to me.", "yes"),
        ("Bang on, thanks.", "yes"),
        ("Not quite - it's the Bristol team.", "partly"),
        ("Almost. The deadline is March, not May.", "partly"),
        ("Looks good, except the sponsor is Dana.", "partly"),
        ("No, the metric is wrong.", "no"),
        ("You've got the numbers wrong.", "no"),
        ("Hmm, what does the baseline mean?", None),
    ],
)
def test_confirm_answer(text: str, expected: str | None) -> None:
    assert confirm_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes and no.", "partly"),
        ("Honestly, yes and no - the kit's fine, the time isn't.", "partly"),
        ("A bit of both, really.", "partly"),
        ("Fifty-fifty.", "partly"),
        ("It's mixed. Days are fine, nights not.", "partly"),
        ("Mixed bag.", "partly"),
        ("Yes, and no one has complained.", None),
        ("Mixed teams of nurses and HCAs do the rounds.", None),
        ("Both shifts get the same briefing.", None),
    ],
)
def test_mixed_answer(text: str, expected: str | None) -> None:
    assert mixed_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They have scanners, a checklist and a quiet room.", "yes"),
        ("She knows exactly what the standard is.", "yes"),
        ("They can all do it in their sleep.", "yes"),
        ("They've got the manuals, they don't have the hours.", None),
        ("They have to re-key everything into two systems.", None),
        ("They have an old system that crashes daily.", None),
        ("They could if someone showed them.", None),
        ("They have too much on.", None),
        ("They know the rule but never see their own numbers.", None),
        ("They have the kit?", None),
        # words ending in "nt" are no negation
        ("They have the equipment and the client's sign-off.", "yes"),
        ("Everyone knows the payment terms we want.", "yes"),
        # a contraction, with or without its apostrophe, is
        ("They have laptops, they dont have the time.", None),
        ("We've got the forms, we haven't got a printer.", None),
    ],
)
def test_plain_affirmative(text: str, expected: str | None) -> None:
    assert plain_affirmative(text) == expected
