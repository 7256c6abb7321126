"""A reply that opens with a plain yes or no is that answer, unless something qualifies it."""

from __future__ import annotations

import pytest

from app.understanding.polarity import (
    conceded_answer,
    confirm_answer,
    difficulty_denied,
    lead_answer,
    mixed_answer,
    rebuttal_answer,
    wished_answer,
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
    # an open answer is qualified by its own sentence (sentences.SENTENCES), which an
    # abbreviation does not end; the next sentence does not qualify it
    ("Yes, e.g. the night shift, but only some of them.", None),
    ("Yes, they know it; mostly from the induction.", "yes"),
    ("No, they don't! Only the leads were shown.", "no"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_lead_answer(text: str, expected: str | None) -> None:
    assert lead_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The canteen is the bigger crisis, but yes, they know exactly what's expected.", "yes"),
        ("The old manager was a nightmare, but to answer you, yes, they did it for years.", "yes"),
        ("I hate the paperwork side of it but no, nothing requires it.", "no"),
        ("The wording's a bit formal for my taste but yes, that's right.", "yes"),
        ("The contract with the old outsourcer ended, so no, not any more.", "no"),
        ("They've all got the handbook, so yes.", "yes"),
        ("Most of them, but no, not the night shift.", None),  # scope limited before it
        ("They know it, but no, only the seniors use it.", None),  # and after it
        ("Yes, the kit is fine, but no, the process isn't.", None),  # an answer in each part
        ("Some would say yes but nobody has checked.", None),  # "but nobody" is no answer
        ("Sure, it's required, but yes? I'm not certain.", None),
        ("They're keen but they can't do it yet.", None),
    ],
)
def test_conceded_answer(text: str, expected: str | None) -> None:
    assert conceded_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("These are nurses with degrees, a new form is not going to defeat them.", "yes"),
        ("It's well within their reach.", "yes"),
        ("A bit rusty on the system, nothing they couldn't learn.", "yes"),
        ("It wouldn't be too hard for them", "yes"),
        ("Not going to defeat them? I'm not so sure.", None),  # a question
        ("For most of them it's well within their reach.", None),  # scope limited
        ("It's beyond them right now.", None),  # the difficulty stated, not denied
        ("They couldn't learn it in a month.", None),
    ],
)
def test_difficulty_denied(text: str, expected: str | None) -> None:
    assert difficulty_denied(text) == expected


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
        # "no" as the determiner of a note or a complaint accepts the summary
        ("No notes!", "yes"),
        ("No complaints from me, that's exactly the situation.", "yes"),
        ("No notes, but the target is 20.", "partly"),
        ("No, you've got it backwards. They're doing it too much.", "no"),
        ("No. The problem isn't training, I told you it's the rota.", "no"),
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
    ("text", "slot", "expected"),
    [
        # "no" as the determiner of a problem or a doubt: all is well
        ("No complaints about the kit or the time, it's all there.", "cause_resources", "yes"),
        ("No problems with the kit.", "cause_resources", "yes"),
        ("I've no worries there, they learn fast.", "cause_capacity", "yes"),
        ("No doubt about it. They know it inside out.", "cause_skill", "yes"),
        ("No question, it's in the contract.", "mandate", "yes"),
        # a leading "No" that rebuts a problem or a lack
        (
            "No, that's not the problem. They know exactly what's expected.",
            "cause_information",
            "yes",
        ),
        ("No - they know it inside out. It's not a skill problem at all.", "cause_skill", "yes"),
        (
            "No, they're not out of their depth at all, they just need showing.",
            "cause_capacity",
            "yes",
        ),
        ("No, there's nothing wrong with the scanners.", "cause_resources", "yes"),
        # a plain no, or a lack, stays for the other rules
        ("No. They don't get feedback.", "cause_information", None),
        ("No, it's not in any policy.", "mandate", None),
        ("No, it's not a legal issue, just good practice.", "mandate", None),
        ("No problems with the regulator.", "mandate", None),
        ("No time, no kit.", "cause_resources", None),
        ("No notes, nothing written down.", "cause_information", None),
        ("No one has ever told them.", "cause_information", None),
        # a problem named after all, or a qualified reply: for the classifier
        ("No - time isn't the problem, the scanners are broken.", "cause_resources", None),
        ("No problems with the kit, but time is tight.", "cause_resources", None),
        ("No complaints about the kit; they don't have the time.", "cause_resources", None),
        ("No, that's not the problem for some of them.", "cause_skill", None),
        ("No - it's always been a problem.", "cause_done_before", None),
        ("No, that's not the problem?", "cause_information", None),
        # on the summary, a denied problem rejects it: for `confirm_answer`
        ("No - you've made it sound like a skills issue and it isn't.", "confirm", None),
    ],
)
def test_rebuttal_answer(text: str, slot: str, expected: str | None) -> None:
    assert rebuttal_answer(text, slot) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I wish I could say yes. The truth is they'd freeze on a difficult call.", "no"),
        ("I'd love to say yes, but the kit is ancient.", "no"),
        ("I'd like to say no, honestly, but they've cracked it.", "yes"),
        ("Yes, I'd say so.", None),
        ("They'd say yes if you asked them.", None),
    ],
)
def test_wished_answer(text: str, expected: str | None) -> None:
    assert wished_answer(text) == expected
