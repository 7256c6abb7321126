"""Deadlines as requesters say them: each row is one phrasing and the date it must mean."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from app.understanding.dates import DateMatch, find_dates, parse_deadline

TODAY = date(2026, 5, 15)  # a Friday in Q2
D = date.fromisoformat

# --- absolute phrasings: the year is given ----------------------------------------------------

ABSOLUTE: list[tuple[str, str]] = [
    ("end of March 2027", "2027-03-31"),
    ("End of March 2027.", "2027-03-31"),
    ("by the end of March 2027", "2027-03-31"),
    ("March 2027", "2027-03-31"),
    ("Mar 2027", "2027-03-31"),
    ("Sept 2027", "2027-09-30"),
    ("Sept. 2027", "2027-09-30"),
    ("February 2028", "2028-02-29"),
    ("February 2027", "2027-02-28"),
    ("June 2027", "2027-06-30"),
    ("end of Jan '27", "2027-01-31"),
    ("Q3 2027", "2027-09-30"),
    ("Q1 2027", "2027-03-31"),
    ("Q4 2027", "2027-12-31"),
    ("q2 2027", "2027-06-30"),
    ("Q3/2027", "2027-09-30"),
    ("Q3-2027", "2027-09-30"),
    ("Q4 '27", "2027-12-31"),
    ("2027 Q3", "2027-09-30"),
    ("end of Q2 2027", "2027-06-30"),
    ("third quarter of 2027", "2027-09-30"),
    ("the third quarter of 2027", "2027-09-30"),
    ("the first quarter of 2028", "2028-03-31"),
    ("the last quarter of 2027", "2027-12-31"),
    ("quarter 2 2027", "2027-06-30"),
    ("H1 2027", "2027-06-30"),
    ("H2 2027", "2027-12-31"),
    ("1H 2027", "2027-06-30"),
    ("first half of 2027", "2027-06-30"),
    ("the second half of 2027", "2027-12-31"),
    ("by 30 April 2027", "2027-04-30"),
    ("30 April 2027", "2027-04-30"),
    ("30th April 2027", "2027-04-30"),
    ("the 30th of April 2027", "2027-04-30"),
    ("30-Apr-2027", "2027-04-30"),
    ("April 30, 2027", "2027-04-30"),
    ("April 30th, 2027", "2027-04-30"),
    ("April 30 2027", "2027-04-30"),
    ("1 January 2027", "2027-01-01"),
    ("by 1st Jan 2027", "2027-01-01"),
    ("29 February 2028", "2028-02-29"),
    ("9/30/2027", "2027-09-30"),
    ("30/09/2027", "2027-09-30"),
    ("30/9/2027", "2027-09-30"),
    ("30.09.2027", "2027-09-30"),
    ("30-09-2027", "2027-09-30"),
    ("30/09/27", "2027-09-30"),
    ("6/30/27", "2027-06-30"),
    ("03/04/2027", "2027-04-03"),  # ambiguous: day-first (British)
    ("01/02/2027", "2027-02-01"),
    ("12/11/2027", "2027-11-12"),
    ("2027-06-30", "2027-06-30"),
    ("2027-6-30", "2027-06-30"),
    ("2027/06/30", "2027-06-30"),
    ("end of 2027", "2027-12-31"),
    ("the end of 2027", "2027-12-31"),
    ("by 2027", "2027-12-31"),
    ("in 2027", "2027-12-31"),
    ("before 2028", "2028-12-31"),
    ("2027", "2027-12-31"),
    ("Let's say 2027.", "2027-12-31"),
    ("2027 would be fine", "2027-12-31"),
    ("early 2027", "2027-03-31"),
    ("mid-2027", "2027-06-30"),
    ("mid 2027", "2027-06-30"),
    ("late 2027", "2027-12-31"),
    ("the beginning of 2027", "2027-01-01"),
    ("start of 2027", "2027-01-01"),
    ("by summer 2027", "2027-08-31"),
    ("summer 2027", "2027-08-31"),
    ("spring 2027", "2027-05-31"),
    ("autumn 2027", "2027-11-30"),
    ("fall 2027", "2027-11-30"),
    ("winter 2027", "2028-02-29"),
    ("winter 2028", "2029-02-28"),
    ("the summer of 2027", "2027-08-31"),
    ("Christmas 2026", "2026-12-25"),
    ("Easter 2027", "2027-03-28"),
    ("mid-March 2027", "2027-03-15"),
    ("early March 2027", "2027-03-10"),
    ("late March 2027", "2027-03-31"),
    ("the start of March 2027", "2027-03-01"),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
def test_absolute_deadlines(text: str, expected: str) -> None:
    assert parse_deadline(text, TODAY) == D(expected)


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
@pytest.mark.parametrize("today", [date(2025, 1, 2), date(2029, 12, 31)])
def test_absolute_deadlines_do_not_depend_on_today(text: str, expected: str, today: date) -> None:
    assert parse_deadline(text, today) == D(expected)


# --- relative to today (2026-05-15, a Friday) ------------------------------------------------

RELATIVE: list[tuple[str, str]] = [
    ("by the end of March", "2027-03-31"),  # March 2026 has passed
    ("end of Feb", "2027-02-28"),
    ("by end of Sept", "2026-09-30"),
    ("give it till end of Jan", "2027-01-31"),
    ("by the end of Febuary at the absolute latest", "2027-02-28"),
    ("no later than Septmber", "2026-09-30"),
    ("end of June", "2026-06-30"),
    ("by the end of May", "2026-05-31"),  # still this month
    ("in May", "2026-05-31"),
    ("June.", "2026-06-30"),
    ("by June", "2026-06-30"),
    ("by mid-October", "2026-10-15"),
    ("by the start of March", "2027-03-01"),
    ("by March next year", "2027-03-31"),
    ("September this year", "2026-09-30"),
    ("next March", "2027-03-31"),
    ("by 30 April", "2027-04-30"),
    ("by 1st Jan", "2027-01-01"),
    ("June 30th", "2026-06-30"),
    ("June 30 is the deadline", "2026-06-30"),
    ("by 20 May", "2026-05-20"),
    ("Q3", "2026-09-30"),
    ("by Q2", "2026-06-30"),
    ("Q1", "2027-03-31"),
    ("end of Q3 next year", "2027-09-30"),
    ("the last quarter of next year", "2027-12-31"),
    ("H2", "2026-12-31"),
    ("H1", "2026-06-30"),  # still in H1: this one
    ("second half of next year", "2027-12-31"),
    ("the first half of this year", "2026-06-30"),
    ("next year", "2027-12-31"),
    ("by next year", "2027-12-31"),
    ("end of next year", "2027-12-31"),
    ("early next year", "2027-03-31"),
    ("the middle of next year", "2027-06-30"),
    ("this year", "2026-12-31"),
    ("end of the year", "2026-12-31"),
    ("by the end of this year", "2026-12-31"),
    ("year end", "2026-12-31"),
    ("year-end", "2026-12-31"),
    ("within the year", "2026-12-31"),
    ("next month", "2026-06-30"),
    ("end of next month", "2026-06-30"),
    ("end of the month", "2026-05-31"),
    ("this month", "2026-05-31"),
    ("It's urgent - end of the month.", "2026-05-31"),
    ("this quarter", "2026-06-30"),
    ("end of the quarter", "2026-06-30"),
    ("end of next quarter", "2026-09-30"),
    ("next quarter", "2026-09-30"),
    ("end of this week", "2026-05-15"),
    ("end of next week", "2026-05-22"),
    ("in six months", "2026-11-15"),
    ("within 3 months", "2026-08-15"),
    ("inside of 3 months", "2026-08-15"),
    ("within three months", "2026-08-15"),
    ("in 2 weeks", "2026-05-29"),
    ("in two weeks", "2026-05-29"),
    ("in 10 days", "2026-05-25"),
    ("in a month", "2026-06-15"),
    ("in a year", "2027-05-15"),
    ("in a fortnight", "2026-05-29"),
    ("in a couple of months", "2026-07-15"),
    ("in eighteen months", "2027-11-15"),
    ("in twenty-four months", "2028-05-15"),
    ("within the next 12 months", "2027-05-15"),
    ("over the next 6 months", "2026-11-15"),
    ("over the next two quarters", "2026-11-15"),
    ("6 months from now", "2026-11-15"),
    ("a year from now", "2027-05-15"),
    ("in six months' time", "2026-11-15"),
    ("six months' time", "2026-11-15"),
    ("this time next year", "2027-05-15"),
    ("We've got 6 weeks.", "2026-06-26"),
    ("6 weeks", "2026-06-26"),
    ("about 3 months", "2026-08-15"),
    ("in 3 weeks or so", "2026-06-05"),
    ("by spring", "2026-05-31"),  # still spring: this one
    ("by summer", "2026-08-31"),
    ("by the autumn", "2026-11-30"),
    ("by the fall", "2026-11-30"),
    ("this winter", "2027-02-28"),
    ("end of the summer season", "2026-08-31"),
    ("before the summer holidays", "2026-08-31"),
    ("next summer", "2026-08-31"),  # the next to start
    ("this summer", "2026-08-31"),
    ("by Christmas", "2026-12-25"),
    ("before Xmas", "2026-12-25"),
    ("by Easter", "2027-03-28"),
    ("by the new year", "2026-12-31"),
    ("by Friday", "2026-05-15"),
    ("by next Friday", "2026-05-22"),
    ("by Monday", "2026-05-18"),
    ("Wednesday", "2026-05-20"),
    ("tomorrow", "2026-05-16"),
    ("today", "2026-05-15"),
    ("end of day", "2026-05-15"),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_deadlines(text: str, expected: str) -> None:
    assert parse_deadline(text, TODAY) == D(expected)


# the year of a phrase without one depends on today
INFERRED: list[tuple[str, str, str]] = [
    ("by the end of March", "2026-03-15", "2026-03-31"),
    ("by the end of March", "2026-03-31", "2026-03-31"),
    ("by the end of March", "2026-04-01", "2027-03-31"),
    ("by the end of January", "2026-12-20", "2027-01-31"),
    ("Q1", "2026-12-20", "2027-03-31"),
    ("Q4", "2026-12-20", "2026-12-31"),
    ("Q3", "2026-10-01", "2027-09-30"),
    ("next quarter", "2026-12-20", "2027-03-31"),
    ("this quarter", "2026-01-01", "2026-03-31"),
    ("next month", "2026-12-20", "2027-01-31"),
    ("next month", "2027-01-31", "2027-02-28"),
    ("by spring", "2026-12-20", "2027-05-31"),
    ("by spring", "2026-04-01", "2026-05-31"),
    ("by summer", "2026-09-01", "2027-08-31"),
    ("next summer", "2026-01-10", "2026-08-31"),
    ("next summer", "2026-07-10", "2027-08-31"),
    ("winter", "2026-12-20", "2027-02-28"),
    ("winter", "2027-01-10", "2027-02-28"),
    ("winter", "2026-03-10", "2027-02-28"),
    ("by Christmas", "2026-12-26", "2027-12-25"),
    ("by Christmas", "2026-12-25", "2026-12-25"),
    ("by Easter", "2027-01-10", "2027-03-28"),
    ("by 30 April", "2026-04-30", "2026-04-30"),
    ("by 29 February", "2026-05-15", "2028-02-29"),
    ("in six months", "2026-08-31", "2027-02-28"),
    ("in 1 month", "2027-01-31", "2027-02-28"),
    ("in 1 month", "2028-01-31", "2028-02-29"),
    ("in 2 years", "2028-02-29", "2030-02-28"),
    ("end of next week", "2026-05-17", "2026-05-22"),
    ("by Friday", "2026-05-16", "2026-05-22"),
    ("H1", "2026-01-10", "2026-06-30"),
    ("next year", "2026-12-31", "2027-12-31"),
]


@pytest.mark.parametrize(("text", "today", "expected"), INFERRED)
def test_year_inferred_from_today(text: str, today: str, expected: str) -> None:
    assert parse_deadline(text, D(today)) == D(expected)


# the scenario runner's clock, 2026-11-24, late in Q4
SCENARIO_CLOCK = date(2026, 11, 24)
AT_SCENARIO_CLOCK: list[tuple[str, str]] = [
    ("By the end of Q1.", "2027-03-31"),
    ("Before our peak trading period starts in November.", "2026-11-30"),
    ("We need it done by 31st March 2027.", "2027-03-31"),
    ("Ideally before the new financial year in April.", "2027-04-30"),
    ("In time for the Christmas rush.", "2026-12-25"),
    ("By Q2 next year at the latest.", "2027-06-30"),
    ("Before the audit on 15 June 2027.", "2027-06-15"),
    ("End of January.", "2027-01-31"),
    ("Sometime in the spring", "2027-05-31"),
    ("Next spring.", "2027-05-31"),
    ("We'd like it in place for January.", "2027-01-31"),
    ("Jan 2027", "2027-01-31"),
    ("January '27", "2027-01-31"),
    ("By 1/3/2027.", "2027-03-01"),
    ("The sooner the better, but realistically June.", "2027-06-30"),
    ("In 8 weeks' time.", "2027-01-19"),
    ("We've got until the end of February.", "2027-02-28"),
    ("this quarter", "2026-12-31"),
    ("next quarter", "2027-03-31"),
    ("end of next month", "2026-12-31"),
    ("by the end of the year", "2026-12-31"),
    ("next year", "2027-12-31"),
    ("Q4", "2026-12-31"),
    ("by winter", "2027-02-28"),
    ("by Christmas", "2026-12-25"),
    ("end of March 2027", "2027-03-31"),
    ("Q3 2027", "2027-09-30"),
    ("June 2027", "2027-06-30"),
]


@pytest.mark.parametrize(("text", "expected"), AT_SCENARIO_CLOCK)
def test_deadlines_at_the_scenario_clock(text: str, expected: str) -> None:
    assert parse_deadline(text, SCENARIO_CLOCK) == D(expected)


# --- several dates: the one after "by" wins, else the first ----------------------------------

CHOICE: list[tuple[str, str]] = [
    ("We started in January and need it by June", "2026-06-30"),
    ("ASAP, ideally by March", "2027-03-31"),
    ("By end of June 2027 at the latest.", "2027-06-30"),
    ("We launch on 14 September, so before then.", "2026-09-14"),
    ("We need this sorted by the end of Q3 next year.", "2027-09-30"),
    ("The regulator wants it by 1 January 2027.", "2027-01-01"),
    ("Before the peak season in November.", "2026-11-30"),
    ("Audit was in March 2026; the next one is due in March 2027", "2027-03-31"),
    ("Not before April 2027 but no later than June 2027", "2027-04-30"),
    ("We have 45 people and need it done by 30 April 2027", "2027-04-30"),
    ("Q3 2027 would be good, Q4 2027 at the latest", "2027-09-30"),
    ("It takes 3 weeks, so we need to start by June", "2026-06-30"),
    # a season placed by its month: the month
    ("Before the winter inspection in January.", "2027-01-31"),
    ("By the spring review in March", "2027-03-31"),
    # but a season with no month stays the season
    ("Before the summer rush.", "2026-08-31"),
    # a dated answer that opens the reply wins over a horizon placed after it
    ("Q3 2027 ideally, before the winter peak.", "2027-09-30"),
    ("June 2027, so before the summer rush.", "2027-06-30"),
    # a period restated as a month
    ("By the end of the financial year, which is March.", "2027-03-31"),
]


@pytest.mark.parametrize(("text", "expected"), CHOICE)
def test_deadline_in_a_sentence(text: str, expected: str) -> None:
    assert parse_deadline(text, TODAY) == D(expected)


VAGUE = [
    "",
    "ask Jan",
    "Jan",
    "mar the finish",
    "ASAP",
    "asap please",
    "as soon as possible",
    "no rush",
    "whenever",
    "whenever you can",
    "soon",
    "yesterday!",
    "yesterday, frankly",
    "no deadline really",
    "not sure",
    "no idea",
    "sooner the better",
    "urgently",
    "it's urgent",
    "the end of the financial year",
    "end of FY",
    "FY27",
    "last quarter",
    "last year",
    "two years ago",
    "in the next few weeks",
    "in a few months",
    "it takes 3 weeks",
    "for 6 months",
    "every 2 weeks",
    "3 weeks ago",
    "90 seconds per drop",
    "about 45 people",
    "2027 people",
    "£2,027",
    "45",
    "3.6 out of 5",
    "we may need more help",
    "May I ask why?",
    "sales fall every year",
    "31 June 2026",
    "30 February",
    "13/13/2027",
    "Q5 2027",
    "we did it in March last year",
    "since 2025",
    "last March",
    "the 9am stand-up",
]


@pytest.mark.parametrize("text", VAGUE)
def test_no_deadline(text: str) -> None:
    assert parse_deadline(text, TODAY) is None


# --- find_dates: dates mentioned in passing --------------------------------------------------

FIND: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "We need the new process live by the end of March 2027, it's costing us.",
        [("the end of March 2027", "2027-03-31")],
    ),
    (
        "Our audit is in Q3 2027 and the board meets in June",
        [("Q3 2027", "2027-09-30"), ("June", "2026-06-30")],
    ),
    ("by 30 April 2027", [("30 April 2027", "2027-04-30")]),
    ("deadline 2027-06-30", [("2027-06-30", "2027-06-30")]),
    ("Ideally within 3 months, it's been bad since 2025", [("within 3 months", "2026-08-15")]),
    ("We go live in 2027 with 40 stores", [("2027", "2027-12-31")]),
    ("in six months we open two stores", [("in six months", "2026-11-15")]),
    ("by Christmas, please", [("Christmas", "2026-12-25")]),
    ("before summer 2027", [("summer 2027", "2027-08-31")]),
    ("onboarding takes 3 weeks and we need it by June", [("June", "2026-06-30")]),
    ("due by Friday", [("Friday", "2026-05-15")]),
    ("next year", [("next year", "2027-12-31")]),
    ("H1 2027 or H2 at the latest", [("H1 2027", "2027-06-30"), ("H2", "2026-12-31")]),
    ("by the end of term, which is July", [("July", "2026-07-31")]),
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_dates(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text, TODAY)
    assert [(m.text, m.value) for m in found] == [(t, D(v)) for t, v in expected]
    for m in found:
        assert text[m.start : m.end] == m.text


NOT_DATES = [
    "it takes 3 weeks",
    "it takes three weeks to train someone",
    "90 seconds per drop",
    "two years ago",
    "we tried this 2 years ago",
    "for 6 months",
    "every 2 weeks",
    "a 3-month programme",
    "a 2-week course",
    "after 6 months they forget",
    "in the last 3 months",
    "in the past 2 weeks",
    "in the first 90 days",
    "over the last year",
    "6 weeks",  # a bare duration is a date only when it answers "by when?"
    "2027",
    "we have 2027 staff",
    "2027 people",
    "£2,027",
    "about 45 people",
    "12 out of 40 stores",
    "3.6 out of 5",
    "we may need it",
    "sales fall in winter months",
    "I spoke to Jan about it",
    "the march of progress",
    "since 2025",
    "last year",
    "last quarter",
    "yesterday",
    "ASAP",
    "we did it on Monday",
    "at 9am",
    "1,200 calls a month",
    "the 3rd team",
    "during the week we are busy",
    "In May 12 people left",
    "by the end of year two",  # a year of a programme
    "by end of month 3",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_find_dates_ignores_durations_and_numbers(text: str) -> None:
    assert find_dates(text, TODAY) == []


def test_date_match_is_frozen() -> None:
    (match,) = find_dates("by June 2027", TODAY)
    assert isinstance(match, DateMatch)
    with pytest.raises(AttributeError):
        match.value = TODAY  # type: ignore[misc]


# --- properties ------------------------------------------------------------------------------

_days = st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31))


@settings(max_examples=200, deadline=None)
@given(_days, st.integers(min_value=1, max_value=36))
def test_in_n_months_clamps_to_a_valid_day(today: date, n: int) -> None:
    assert parse_deadline(f"in {n} months", today) == today + relativedelta(months=n)


@settings(max_examples=200, deadline=None)
@given(_days, st.integers(min_value=1, max_value=52))
def test_in_n_weeks(today: date, n: int) -> None:
    assert parse_deadline(f"within {n} weeks", today) == today + timedelta(weeks=n)


_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@settings(max_examples=200, deadline=None)
@given(_days, st.integers(min_value=1, max_value=12))
def test_month_without_year_is_the_next_month_end(today: date, month: int) -> None:
    result = parse_deadline(f"by the end of {_MONTH_NAMES[month - 1]}", today)
    assert result is not None
    assert result.month == month
    assert result >= today
    assert (result - today).days < 366
    assert (result + timedelta(days=1)).day == 1


@settings(max_examples=200, deadline=None)
@given(_days, st.integers(min_value=1, max_value=4), st.integers(min_value=2000, max_value=2099))
def test_quarter_end(today: date, quarter: int, year: int) -> None:
    result = parse_deadline(f"Q{quarter} {year}", today)
    assert result is not None
    assert (result.year, result.month) == (year, quarter * 3)
    assert (result + timedelta(days=1)).day == 1


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(["{d} {B} {Y}", "{B} {d}, {Y}", "{Y}-{m}-{dd}", "the {d}th of {B} {Y}"]),
)
def test_explicit_dates_round_trip(day: date, form: str) -> None:
    text = form.format(
        d=day.day, dd=f"{day.day:02d}", m=f"{day.month:02d}", B=day.strftime("%B"), Y=day.year
    )
    assert parse_deadline(text, TODAY) == day


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_numeric_dates_read_day_first(day: date) -> None:
    assert parse_deadline(f"{day.day:02d}/{day.month:02d}/{day.year}", TODAY) == day
    month_first = parse_deadline(f"{day.month}/{day.day}/{day.year}", TODAY)
    if day.day > 12:  # only then is month-first unambiguous
        assert month_first == day
    elif day.day != day.month:  # ambiguous: read day-first, so the parts swap
        assert month_first == date(day.year, day.day, day.month)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), _days)
def test_any_text_is_safe(text: str, today: date) -> None:
    parse_deadline(text, today)
    for match in find_dates(text, today):
        assert text[match.start : match.end] == match.text
