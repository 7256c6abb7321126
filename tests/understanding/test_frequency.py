"""How often a task comes up: stated rates are bucketed, set phrases map to an option."""

from __future__ import annotations

import pytest

from app.understanding.frequency import bucket, frequency_by_rule, task_rate, times_per_year

CASES: list[tuple[str, str | None]] = [
    ("daily", "daily"),
    ("every day, first thing", "daily"),
    ("most shifts", "daily"),
    ("several times a day", "daily"),
    ("it's their bread and butter", "daily"),
    ("3 times a week", "weekly"),
    ("a couple of times a week", "weekly"),
    ("every few days", "weekly"),
    ("fortnightly", "weekly"),
    ("once every 4-5 weeks", "monthly"),
    ("every four weeks or so", "monthly"),
    ("at month-end", "monthly"),
    ("two or three times a month", "monthly"),
    ("every six weeks", "a few times a year"),
    ("every other month", "a few times a year"),
    ("Rarely. A handful of times a year.", "a few times a year"),
    ("whenever a new starter joins, maybe four a year", "a few times a year"),
    ("twice a year", "a few times a year"),
    ("quarterly", "a few times a year"),
    ("once or twice a year", "yearly or less"),
    ("once a year at the stocktake", "yearly or less"),
    ("every 2 years", "yearly or less"),
    ("once in a blue moon", "yearly or less"),
    ("hmm, hard to say", None),
    ("whenever it comes up", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_frequency_by_rule(text: str, expected: str | None) -> None:
    assert frequency_by_rule(text) == expected


@pytest.mark.parametrize(
    ("per_year", "expected"),
    [
        (250, "daily"),
        (180, "daily"),
        (52, "weekly"),
        (12, "monthly"),
        (10, "monthly"),
        (8.7, "a few times a year"),
        (2, "a few times a year"),
        (1.5, "yearly or less"),
        (0.5, "yearly or less"),
    ],
)
def test_buckets(per_year: float, expected: str) -> None:
    assert bucket(per_year) == expected


def test_ranges_are_averaged() -> None:
    assert times_per_year("every 4-5 weeks") == pytest.approx(52 / 4.5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes, years ago, and they do it every day, so it's odd they've slipped.", "daily"),
        ("Yes, but only once a year at the stocktake, so they forget.", "yearly or less"),
        ("They've gone rusty after a year of mostly virtual classes.", None),
        ("Not at the level we need a day like today.", None),
    ],
)
def test_in_passing_only_a_stated_rate_counts(text: str, expected: str | None) -> None:
    assert frequency_by_rule(text, in_passing=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the kitchen porters. they do the chemical dilution every day", "daily"),
        ("Forty-five. They all do it weekly.", "weekly"),
        ("It's a monthly task so people forget.", "monthly"),
        ("no, it's a once-a-year task so they forget how", "yearly or less"),
        ("They only use the advanced bits quarterly.", "a few times a year"),
        ("They do it every Friday afternoon, they just rush it.", "weekly"),
        ("And they're scanning every pallet, every day.", "daily"),
        ("they need to do it every time they load, which is several times a day", "daily"),
        ("Check the wristband. It's every drug round, four times a day.", "daily"),
        ("It has to be done every month at the stock count.", "monthly"),
        ("it only happens twice a year", "a few times a year"),
        ("They only have those reviews once a month.", "monthly"),
        ("All 70 drivers on this do lifts every single day though.", "daily"),
        ("They do a clearance at each changeover, three or four times a shift.", "daily"),
        ("They run the returns two or three times a month.", "monthly"),
        ("the pickers do this hundreds of times a day", "daily"),
        ("they miss the turnaround. and they do dozens of turnarounds a day", "daily"),
        ("There are 8 of them and they process bookings every day.", "daily"),
        ("the 30 pharmacists will keep doing this monthly regardless", "monthly"),
        ("Thirty-two, and they all handle cash every single day.", "daily"),
        ("they rotate stock every morning and could do it in their sleep", "daily"),
        ("My 15 planners build the weekly schedule every Friday.", "weekly"),
        ("They sign off the permits to work every morning.", "daily"),
        ("write up the site diary properly each week", "weekly"),
        ("nope. the EHR takes 11 clicks to log a fall. and they chart every shift", "daily"),
        # a metric's period, a count of events, a level: no rate of doing the task
        ("Complaints are running at about 25 a month.", None),
        ("We lose £4k a month on it.", None),
        ("we get 40 complaints per week", None),
        ("We use the weekly scrap report out of the MES.", None),
        ("It's costing us £4k every month.", None),
        ("We pay £150 each time, and that happens maybe 40 times a month.", None),
        # how often it is measured, checked on or trained, not done
        ("We run the survey every quarter.", None),
        ("We run the audit twice a year across 8 sites.", None),
        ("We do observations in the reading room every quarter.", None),
        ("We've done the refresher course every year since 2019.", None),
        # the rate belongs to another clause
        ("They know what to do, the supervisor tells them every morning.", None),
        ("Do it by the book and you're the last one out of the car park every night.", None),
        ("We do celebrate it - there's a quality award every quarter.", None),
        ("They handle it fine, the team leader gives feedback every single day.", None),
        ("They sign the form, and we audit it three or four times a year.", None),
        ("They're on the phones all day long, so there's no time.", None),
        ("The dashboard is updated every single day.", None),
        ("The build breaks about twice a week.", None),
        ("The booking system crashes about twice a shift, so no.", None),
        ("We write off a lot of stock every month.", None),
        ("It's a few hundred euros a time, but it happens dozens of times a day.", None),
        ("They run complicated machinery all day.", None),
        ("They're fine, but we get dozens of complaints a day.", None),
        ("It happens dozens of times a day.", None),
        ("This is processed every single day by the system.", None),
        ("They process the claims and we get all day long complaints.", None),
    ],
)
def test_task_rate_in_passing(text: str, expected: str | None) -> None:
    assert task_rate(text) == expected
