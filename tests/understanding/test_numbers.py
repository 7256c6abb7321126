"""Numbers as requesters type them: each table row is one behaviour that can fail on its own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from text_to_num import text2num

from app.interview.state import Quantity
from app.understanding.numbers import (
    QuantityMatch,
    figure_alone,
    figure_first,
    find_quantities,
    opens_reply,
    parse_change,
    parse_headcount,
    parse_quantity,
)

# --- find_quantities: value and unit of every quantity, in order -----------------------------

FIND: list[tuple[str, list[tuple[float, str | None]]]] = [
    # digits, separators, decimals
    ("1,200", [(1200, None)]),
    ("1,200,000 a year", [(1_200_000, None)]),
    ("1 200 visits", [(1200, "visits")]),
    ("12 000", [(12000, None)]),
    ("3.6", [(3.6, None)]),
    ("0.5", [(0.5, None)]),
    ("It is 45.", [(45, None)]),
    ("45 and 60", [(45, None), (60, None)]),
    # words
    ("forty", [(40, None)]),
    ("about forty-five", [(45, None)]),
    ("twenty four", [(24, None)]),
    ("twenty-four", [(24, None)]),
    ("a hundred and twenty", [(120, None)]),
    ("one hundred and five", [(105, None)]),
    ("hundred and twenty", [(120, None)]),
    ("two thousand three hundred", [(2300, None)]),
    ("twelve hundred", [(1200, None)]),
    ("a thousand", [(1000, None)]),
    ("a million", [(1_000_000, None)]),
    ("forty five thousand", [(45000, None)]),
    ("one and a half", [(1.5, None)]),
    ("three and a half", [(3.5, None)]),
    ("two and a quarter", [(2.25, None)]),
    ("1 and a half", [(1.5, None)]),
    ("a dozen", [(12, None)]),
    ("two dozen", [(24, None)]),
    ("half a dozen", [(6, None)]),
    ("a couple", [(2, None)]),
    ("a couple of hundred", [(200, None)]),
    ("eleven", [(11, None)]),
    ("Nine.", [(9, None)]),
    ("zero", [(0, None)]),
    ("fourty", [(40, None)]),
    ("one two three", [(1, None), (2, None), (3, None)]),
    # fractions as proportions
    ("a third of them", [(100 / 3, "%")]),
    ("a quarter of the team", [(25, "%")]),
    ("half of them", [(50, "%")]),
    ("about half", [(50, "%")]),
    ("two thirds", [(200 / 3, "%")]),
    ("three quarters of calls", [(75, "%")]),
    ("a fifth", [(20, "%")]),
    ("one in five", [(20, "%")]),
    ("1 in 4 customers", [(25, "%")]),
    ("nine in ten", [(90, "%")]),
    # percentages
    ("12%", [(12, "%")]),
    ("12 %", [(12, "%")]),
    ("12 percent", [(12, "%")]),
    ("12 per cent", [(12, "%")]),
    ("12 pc", [(12, "%")]),
    ("12.5%", [(12.5, "%")]),
    ("twelve percent", [(12, "%")]),
    # money
    ("£2.3m", [(2_300_000, "£")]),
    ("$40k", [(40_000, "$")]),
    ("€42,000", [(42_000, "€")]),
    ("42,000 euros", [(42_000, "€")]),
    ("4 thousand pounds", [(4000, "£")]),
    ("1.2 million dollars", [(1_200_000, "$")]),
    ("£4,000 a week", [(4000, "£")]),
    ("£4", [(4, "£")]),
    ("£ 40", [(40, "£")]),
    ("$3bn", [(3e9, "$")]),
    ("£1.5 million", [(1_500_000, "£")]),
    ("forty thousand pounds", [(40_000, "£")]),
    ("a million quid", [(1_000_000, "£")]),
    ("50p", [(0.5, "£")]),
    ("5 grand", [(5000, "£")]),
    ("40k", [(40_000, None)]),
    ("2.3m customers", [(2_300_000, "customers")]),
    ("GBP 500", [(500, "£")]),
    ("USD 500", [(500, "$")]),
    ("100 bucks", [(100, "$")]),
    # ratings
    ("3.6 out of 5", [(3.6, "/5")]),
    ("3.6/5", [(3.6, "/5")]),
    ("8 out of 10", [(8, "/10")]),
    ("eight out of ten", [(8, "/10")]),
    ("4.2 stars", [(4.2, "stars")]),
    # units
    ("60 complaints", [(60, "complaints")]),
    ("1 complaint", [(1, "complaints")]),
    ("5kg", [(5, "kg")]),
    ("5 kg", [(5, "kg")]),
    ("250 g", [(250, "g")]),
    ("3 tonnes", [(3, "tonnes")]),
    ("3 days", [(3, "days")]),
    ("3 working days", [(3, "days")]),
    ("8 hours", [(8, "hours")]),
    ("8hrs", [(8, "hours")]),
    ("40 minutes", [(40, "minutes")]),
    ("40 mins", [(40, "minutes")]),
    ("2 weeks", [(2, "weeks")]),
    ("6 months", [(6, "months")]),
    ("90 seconds per drop", [(90, "seconds")]),
    ("a 3-day course", [(3, "days")]),
    ("200 calls a day", [(200, "calls")]),
    ("12 tickets", [(12, "tickets")]),
    ("4 deliveries", [(4, "deliveries")]),
    ("1 delivery", [(1, "deliveries")]),
    ("15 errors per shift", [(15, "errors")]),
    ("35 NPS points", [(35, "points")]),
    ("23 reportable incidents", [(23, "incidents")]),
    ("30 last year", [(30, None)]),
    ("12 new starters", [(12, None)]),
    ("35 points", [(35, "points")]),
    ("40 more complaints", [(40, "complaints")]),
    ("half an hour", [(0.5, "hours")]),
    ("half a day", [(0.5, "days")]),
    # no whitelisted unit: bare number
    ("45 people", [(45, None)]),
    ("3 sites", [(3, None)]),
    ("12 receptionists", [(12, None)]),
    # ranges
    ("40-50 people", [(45, None)]),
    ("40–50", [(45, None)]),
    ("between 10 and 12%", [(11, "%")]),
    ("10-12%", [(11, "%")]),
    ("£40-50k", [(45_000, "£")]),
    ("40 or 50", [(45, None)]),
    ("40 to 50 people", [(45, None)]),
    # several in a sentence
    ("60 a week, 3 sites, 45 people", [(60, None), (3, None), (45, None)]),
    ("from 12% to 5%", [(12, "%"), (5, "%")]),
    ("We lose £4,000 a week across 3 stores", [(4000, "£"), (3, None)]),
    ("NPS is 35 and CSAT is 78%", [(35, None), (78, "%")]),
    ("about 60 complaints a week by 30 April 2027", [(60, "complaints")]),
    ("In Q3 2027 we want 40", [(40, None)]),
    ("meeting at 9am about the 3 sites", [(3, None)]),
    ("call me on 07700 900123 about the 12 agents", [(12, None)]),
    ("+44 20 7946 0958, 30 people", [(30, None)]),
    ("it's 2,000 people", [(2000, None)]),
    ("2000 staff", [(2000, None)]),
    ("about 2000", [(2000, None)]),
    ("we want 30 by 2027", [(30, None)]),
    ("a total of 2000 employees", [(2000, None)]),
    ("In May 12 people left", [(12, None)]),
    ("by May 12", []),
    ("a budget of 1950", [(1950, None)]),
    ("by the end of 2027", []),
    ("the summer of 2027", []),
    ("level 4 is 20%", [(20, "%")]),
    ("scrap was 6.2% on line 2", [(6.2, "%")]),
    ("about 30% of files have more than one error", [(30, "%")]),
    ("the average is 71, calls are scored out of 100", [(71, None)]),
    ("we run 3 lines and 2 sites", [(3, None), (2, None)]),
    ("one option is 12", [(12, None)]),
    ("£10k a quarter", [(10_000, "£")]),
    ("the one-to-one takes 40 minutes", [(40, "minutes")]),
    # a day or week counted from a start is a point in time, not a quantity
    ("we call on day 3 and again in week 2", []),
    ("40 calls a day 5 days a week", [(40, "calls"), (5, "days")]),
    # the last noun of a compound is what is counted, unless the first is a measure
    ("27 sales assistants", [(27, None)]),
    ("12 complaints handlers", [(12, None)]),
    ("20 minutes staff time", [(20, "minutes")]),
    ("40 sales a week", [(40, "sales")]),
    # a bare figure after a duration is its smaller unit, unless it counts something
    ("7 min 30 now", [(7.5, "minutes")]),
    ("2 hours 15 on average", [(2.25, "hours")]),
    ("we wait 20 minutes 5 times a day", [(20, "minutes"), (5, None)]),
    ("3 days 40 orders", [(3, "days"), (40, "orders")]),
    ("10 minutes 30 of them late", [(10, "minutes"), (30, None)]),
    ("4 hours 90 a week", [(4, "hours"), (90, None)]),
    ("6 minutes 75", [(6, "minutes"), (75, None)]),
    # the thing counted may come after two modifiers
    ("900 overdue maintenance jobs", [(900, "jobs")]),
    ("12 new call handlers", [(12, None)]),
    # a score below zero keeps its sign
    ("our NPS is -12 and we want +15", [(-12, None), (15, None)]),
    ("eNPS sits at minus 8", [(-8, None)]),
    ("we scored −3 last time", [(-3, None)]),
    # a range, a bullet, a name, or a fall in a share or money has no sign
    ("3-5 days", [(4, "days")]),
    ("- 5 people", [(5, None)]),
    ("covid-19 cases", []),
    ("costs were -10% on last year", [(10, "%")]),
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_quantities(text: str, expected: list[tuple[float, str | None]]) -> None:
    found = find_quantities(text)
    assert [(pytest.approx(v, rel=1e-4), u) for v, u in expected] == [
        (m.value, m.unit) for m in found
    ]


NOT_QUANTITIES = [
    "",
    "no idea",
    "a lot",
    "loads",
    "lots of them",
    "not sure",
    "a handful",
    "a few",
    "several hundred",
    "a few hundred",
    "hundreds of calls",
    "dozens",
    "thousands",
    "many",
    "by 30 April 2027",
    "30th April 2027",
    "April 30, 2027",
    "the 3rd of May",
    "9/30/2027",
    "30/09/2027",
    "2027-06-30",
    "Q3 2027",
    "Q3",
    "H1 2027",
    "FY27",
    "in 2027",
    "by 2027",
    "2027",
    "March 2027",
    "at 9am",
    "9.30pm",
    "at 17:00",
    "at five o'clock",
    "at 5 o'clock",
    "the 3rd",
    "his 2nd attempt",
    "call 07700 900123",
    "020 7946 0958",
    "+44 20 7946 0958",
    "555-1234",
    "0800",
    "Kirkpatrick level 4",
    "on line 2",
    "site 3 is the worst",
    "scored out of 100",
    "the Year 7 form tutors",
    "our year 11 teachers",
    "Key Stage 2 staff",
    "ISO 9001",
    "COVID-19",
    "24/7",
    "a 1:1 with each",
    "one-to-one coaching",
    "no one knows",
    "one of the problems",
    "the one thing",
    "once a quarter",
    "every quarter",
    "the third quarter of 2027",
    "in the first half of the year",
    "a third party",
    "the second half",
    "Q1 and Q2",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text: str) -> None:
    assert find_quantities(text) == []


APPROXIMATE = [
    ("about 40", True),
    ("around 40", True),
    ("roughly 40", True),
    ("circa 40", True),
    ("c. 40", True),
    ("~40", True),
    ("nearly 40", True),
    ("almost 40", True),
    ("just under 40", True),
    ("just over 40", True),
    ("over 40", True),
    ("more than 40", True),
    ("less than 40", True),
    ("at least 40", True),
    ("approximately 40", True),
    ("40ish", True),
    ("40-ish", True),
    ("40 or so", True),
    ("40-odd", True),
    ("40+", True),
    ("some 40 people", True),
    ("40-50", True),
    ("about a third", True),
    ("more than half", True),
    ("40", False),
    ("exactly 40", False),
    ("40 people", False),
    ("£40k", False),
    ("a third", False),
]


@pytest.mark.parametrize(("text", "approximate"), APPROXIMATE)
def test_approximate(text: str, approximate: bool) -> None:
    (match,) = find_quantities(text)
    assert match.approximate is approximate


SPANS = [
    ("We have about 45 people.", "about 45"),
    ("costs £2.3m a year", "£2.3m"),
    ("roughly 12 per cent of orders", "roughly 12 per cent"),
    ("it scores 3.6 out of 5 now", "3.6 out of 5"),
    ("a hundred and twenty of them", "a hundred and twenty"),
    ("we had 60 complaints last week", "60 complaints"),
    ("a third of them", "a third"),
    ("between 10 and 12% of calls", "between 10 and 12%"),
    ("4 thousand pounds", "4 thousand pounds"),
    ("about forty-five agents", "about forty-five"),
]


@pytest.mark.parametrize(("text", "phrase"), SPANS)
def test_span_covers_the_phrase(text: str, phrase: str) -> None:
    (match,) = find_quantities(text)
    assert match.text == phrase
    assert text[match.start : match.end] == phrase


def test_match_is_frozen() -> None:
    match = find_quantities("40 people")[0]
    assert isinstance(match, QuantityMatch)
    with pytest.raises(AttributeError):
        match.value = 41  # type: ignore[misc]


# --- parse_quantity --------------------------------------------------------------------------

QUANTITY: list[tuple[str, float | None, str | None]] = [
    ("About 60 a week.", 60, None),
    ("60", 60, None),
    ("Roughly 4,000.", 4000, None),
    ("It's currently 14%", 14, "%"),
    ("14 per cent at the moment", 14, "%"),
    ("we're at 3.6 out of 5", 3.6, "/5"),
    ("3.6/5 on the last survey", 3.6, "/5"),
    ("£2.3m a year", 2_300_000, "£"),
    ("Around £40k", 40_000, "£"),
    ("forty-five", 45, None),
    ("about a third", 100 / 3, "%"),
    ("half of them", 50, "%"),
    ("one in five", 20, "%"),
    ("It was 30 last year, now 45", 45, None),
    ("Last year 30, this year it's 45", 45, None),
    ("From 12% to 5%", 12, "%"),
    ("from about 60 a week down to 15", 60, None),
    ("currently 22, target 35", 22, None),
    ("target 35, currently 22", 22, None),
    ("About 60 a week, maybe 70 in December", 60, None),
    ("In the last 3 months we had 45", 45, None),
    ("Over the past 6 weeks it averaged 12", 12, None),
    ("we have 3 sites and currently 40 complaints a week", 40, "complaints"),
    ("40-50 a week", 45, None),
    ("between 40 and 50", 45, None),
    ("Zero, ideally.", 0, None),
    ("zero", 0, None),
    ("none at all", 0, None),
    ("None.", 0, None),
    ("nil", 0, None),
    ("Nothing.", 0, None),
    ("Honestly, none", 0, None),
    ("down to zero", 0, None),
    ("0", 0, None),
    ("it's 0%", 0, "%"),
    ("12 complaints", 12, "complaints"),
    ("Around 2000", 2000, None),
    ("a dozen or so", 12, None),
    ("We see about 1 in 5 calls escalated", 20, "%"),
    ("We lose £4,000 a week", 4000, "£"),
    ("3 days on average", 3, "days"),
    ("the score is 72", 72, None),
    ("NPS sits at 35", 35, None),
    ("a couple a week", 2, None),
    ("eleven", 11, None),
    ("about 90 seconds", 90, "seconds"),
    ("12.5%", 12.5, "%"),
    ("we want 90%", 90, "%"),
    ("Right now we're at about 72% first-time fix.", 72, "%"),
    ("The current pass rate is sixty-two percent.", 62, "%"),
    ("Staff turnover is running at 35% annually.", 35, "%"),
    ("It's about 14 days from offer to start at the moment.", 14, "days"),
    ("Right now it takes 45 minutes per claim.", 45, "minutes"),
    ("Average handling time is 7 minutes 30 seconds.", 7.5, "minutes"),
    ("about 2 hours and 15 minutes", 2.25, "hours"),
    ("Around 9 in every 100 orders get returned.", 9, "%"),
    ("Honestly about 50/50.", 50, "%"),
    ("Mystery shopper score: 71", 71, None),
    ("4 out of 10 customers say they'd recommend us.", 40, "%"),
    ("I'd say three out of ten boiler jobs need a second visit", 30, "%"),
    ("Somewhere near a third of the orders go out with at least one mistake", 33.333333, "%"),
    ("half a percent", 0.5, "%"),
    ("Complaints per thousand orders, currently about 6.", 6, None),
    ("sub-3 minutes handle time", 3, "minutes"),
    ("6 branches, and across all of them the mystery shopper score averages 72", 72, None),
    ("approx. 250", 250, None),
    ("circa 30%", 30, "%"),
    ("£1.2 million in write-offs last year", 1_200_000, "£"),
    ("Maybe 3 or 4 a month.", 3.5, None),
    ("We had 23 reportable incidents last year.", 23, "incidents"),
    ("We're averaging 4.1 on Trustpilot.", 4.1, None),
    ("Twenty-three last month.", 23, None),
    ("We're losing maybe £250k a year on this.", 250_000, "£"),
    ("Ideally under 5 minutes.", 5, "minutes"),
    ("Get it below 2%.", 2, "%"),
    ("the goal is 4.3 out of 5", 4.3, "/5"),
    ("Zero lost-time injuries.", 0, None),
    ("it's half", 50, "%"),
    ("Customer complaints rose from 40 to 65 a month", 65, None),
    ("Our NPS dropped to 12 from 30.", 12, None),
    ("it went from 9% to 14% last year", 14, "%"),
    ("Sixty. Oh, and the audience is 45 people, not 40.", 60, None),
    ("I told you it was 40 earlier; it's actually 34.", 34, None),
    # "today" marks its own sentence only; a level stated as such beats a bare figure
    ("Three in ten parcels arrive late today. We want that at one in ten.", 30, "%"),
    ("A 2.5-day turnaround is the dream. We're at 6 days.", 6, "days"),
    # someone else's level is a comparison
    ("71% of calls are answered in a minute. The national average is 80%.", 71, "%"),
    # a change that happened, with the year of its start: its end is today's
    ("It climbed from 20 in 2024 to 31 this year.", 31, None),
    # negatives
    ("Cut it in half.", None, None),
    ("cut it by a third", None, None),
    ("no idea", None, None),
    ("a lot", None, None),
    ("loads", None, None),
    ("not sure", None, None),
    ("I don't know", None, None),
    ("dunno, lots", None, None),
    ("a handful", None, None),
    ("too many", None, None),
    ("None, we don't track it", None, None),
    ("nothing that we measure", None, None),
    ("we've no data on that", None, None),
    ("by Q3 2027", None, None),
    ("by 30 April 2027", None, None),
    ("at 9am", None, None),
    ("", None, None),
    # the total a share is taken from is not the measure
    ("Eight a month, give or take, out of roughly 300 submitted.", 8, None),
    ("About 12 out of the 200 we ship", 12, None),
    ("Four in ten orders have at least one picking error, so 40%.", 40, "%"),
]


@pytest.mark.parametrize(("text", "value", "unit"), QUANTITY)
def test_parse_quantity(text: str, value: float | None, unit: str | None) -> None:
    result = parse_quantity(text)
    if value is None:
        assert result is None
    else:
        assert result is not None
        assert result.value == pytest.approx(value, rel=1e-4)
        assert result.unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("£4m in bookings a year. We're at about £2.5m.", 4_000_000, "£"),
        ("Ninety-five percent. Right now we sit at 88.", 95, "%"),
        ("Eighty. By the way the team is 30 people, not 25.", 80, None),
        # a count of things around it is context, not the target
        ("92% on time by spring. We have 14 depots.", 92, "%"),
        ("$3m in sales this year; we're on about $1.9m.", 3_000_000, "$"),
    ],
)
def test_a_stated_level_is_not_the_target(text: str, value: float, unit: str | None) -> None:
    assert parse_quantity(text, want="target") == Quantity(value=value, unit=unit)


def test_parse_quantity_returns_the_state_model() -> None:
    assert parse_quantity("about 45") == Quantity(value=45.0, unit=None)


def test_parse_quantity_accepts_lowercased_fragments() -> None:
    # the engine passes the tail of a lower-cased message at the summary
    assert parse_quantity(" is 20 now") == Quantity(value=20.0)
    assert parse_quantity("should be 5%") == Quantity(value=5.0, unit="%")


# --- parse_change ----------------------------------------------------------------------------

CHANGE: list[tuple[str, tuple[float, str | None] | None, tuple[float, str | None] | None]] = [
    ("from 12% to 5%", (12, "%"), (5, "%")),
    ("From 12 to 5%", (12, "%"), (5, "%")),
    ("from about 60 a week down to 15", (60, None), (15, None)),
    ("get it from 3.6 up to 4.3", (3.6, None), (4.3, None)),
    ("from 3.6 out of 5 to 4.3", (3.6, "/5"), (4.3, "/5")),
    ("down to 10 percent from the current 18", (18, "%"), (10, "%")),
    ("About 18% right now, and we want it under 10%.", (18, "%"), (10, "%")),
    ("is 14% and we want it down to 6%", (14, "%"), (6, "%")),
    ("currently 22, target 35", (22, None), (35, None)),
    ("Currently 22; the target is 35", (22, None), (35, None)),
    ("target 35, currently 22", (22, None), (35, None)),
    ("cut it from 40 to 10", (40, None), (10, None)),
    ("we're at 40 and want 10", (40, None), (10, None)),
    ("40 a week now; we'd like 10", (40, None), (10, None)),
    ("it's 40 now, should be under 20", (40, None), (20, None)),
    ("we want to cut errors 12% to 5%", (12, "%"), (5, "%")),
    ("bring it down from £2.3m to £1.8m", (2_300_000, "£"), (1_800_000, "£")),
    ("from 2 to 1.5 million", (2_000_000, None), (1_500_000, None)),
    ("from £40k to £10k a year", (40_000, "£"), (10_000, "£")),
    ("12 → 5", (12, None), (5, None)),
    ("12 -> 5", (12, None), (5, None)),
    ("we want it up to 90% from 70%", (70, "%"), (90, "%")),
    ("60 complaints a week down to 15", (60, "complaints"), (15, "complaints")),
    ("from sixty to fifteen", (60, None), (15, None)),
    ("from a third to a quarter", (100 / 3, "%"), (25, "%")),
    ("NPS is 35, we'd like it at 50", (35, None), (50, None)),
    ("it takes 40 minutes; we want 25", (40, "minutes"), (25, "minutes")),
    ("currently 40, we want to halve it", (40, None), (20, None)),
    # a rate per thousand between the two ends; a goal set "instead of" today's figure
    ("cut falls from 3.1 per 1,000 bed days to 2", (3.1, None), (2, None)),
    ("the aim is to answer in 2 days instead of 4", (4, "days"), (2, "days")),
    # a figure cued in the past yields to one cued as today; alone, it stays the start
    ("Scrap was 8% last year and it's 12% now; we want 5%.", (12, "%"), (5, "%")),
    ("It was 40 last year and now we're at 55, we want 70.", (55, None), (70, None)),
    ("Scrap was 8% last year; we want 5%.", (8, "%"), (5, "%")),
    # a figure describing whom the metric counts is neither end
    ("Card anyone who looks under 21. We refuse 40% of sales and want 10%.", (40, "%"), (10, "%")),
    ("Count patients whose stay is over 7 days; we want fewer than 10.", None, None),
    # the time after "within" a share is the share's window; alone, it is the level
    ("82% are answered within 2 days now; we want 95%.", (82, "%"), (95, "%")),
    ("We reply within 3 days now and want 1 day.", (3, "days"), (1, "days")),
    ("Get the 2-day standard right. 82% are answered within 2 days now.", None, None),
    # a target said as a multiple, before or after the figure it multiplies
    ("Halve the late invoices - there are about 80 a month.", (80, None), (40, None)),
    ("Let's double the 25 leads we get each week.", (25, "leads"), (50, "leads")),
    (
        "Roughly 10 audits a year; the board wants us to triple that.",
        (10, "audits"),
        (30, "audits"),
    ),
    ("She wants overtime halved from £60k.", (60000, "£"), (30000, "£")),
    ("the goal is 2 days, down from 5 days", (5, "days"), (2, "days")),
    ("4.1 today; 4.6 and that's what we're aiming for", (4.1, None), (4.6, None)),
    # a share of the same things, the target referring back to it
    ("Two in five calls get escalated today. Get that down to one in five.", (40, "%"), (20, "%")),
    ("we lose 1 in 3 trainees a year and want to get that to 1 in 8", (100 / 3, "%"), (12.5, "%")),
    ("about 30 now and we'd like to double that", (30, None), (60, None)),
    ("from roughly 4,000 to under 1,000", (4000, None), (1000, None)),
    ("Reduce it from 8 days to 3", (8, "days"), (3, "days")),
    ("increase it from 45% to 60% by Q3 2027", (45, "%"), (60, "%")),
    ("Our first contact resolution is 68% and we'd like 80%.", (68, "%"), (80, "%")),
    ("we're at 3.2 and want 4", (3.2, None), (4, None)),
    ("from about 18% down to 10% or lower", (18, "%"), (10, "%")),
    ("reduce average handle time from 9 minutes to 6 minutes", (9, "minutes"), (6, "minutes")),
    ("It's 40% now. Target: 25%.", (40, "%"), (25, "%")),
    ("Now: 22. Goal: 30.", (22, None), (30, None)),
    ("We'd like to get it to 95% from 88%.", (88, "%"), (95, "%")),
    ("Bring down no-shows from 1 in 5 to 1 in 10.", (20, "%"), (10, "%")),
    ("We're at 2.8 stars, aiming for 4+.", (2.8, "stars"), (4, "stars")),
    ("We want to go from 70 to 90 NPS.", (70, None), (90, None)),
    # a change that already happened is history: its end is today's value
    ("It rose from 40 to 65 and we want it back to 40", (65, None), (40, None)),
    ("We improved it from 60 to 70, now we want 80", (70, None), (80, None)),
    ("the target was to get it from 40 to 10", (40, None), (10, None)),
    ("Customer complaints rose from 40 to 65 a month", None, None),
    ("Our NPS dropped to 12 from 30.", None, None),
    ("it went from 9% to 14% last year", None, None),
    ("errors have crept up from 2% to 5%", None, None),
    ("Compliance moved from 80% to 95% last year.", None, None),
    ("We wanted it improved, and it went from 40 to 60.", None, None),
    # a change wanted, said with a past participle, is a plan
    ("She wants compliance moved from 80% to 95% by March.", (80, "%"), (95, "%")),
    ("She needs the score raised from 3.2 to 4.5.", (3.2, None), (4.5, None)),
    # "one" as a pronoun after a verb of taking is no figure
    ("Right now about 8% of guests take one and we want 15%.", (8, "%"), (15, "%")),
    ("We have one now and we want 3.", (1, None), (3, None)),
    # a goal with its deadline, then where it starts
    ("90% by the end of next year, up from about 70%.", (70, "%"), (90, "%")),
    ("We're at 12, down from about 20.", None, None),
    ("We're at 12 by my count, down from 20.", None, None),
    # someone else's level is a comparison, unless it is what they aim for
    ("We're at 81%; the industry average is 86% but we'd be happy with 84%.", (81, "%"), (84, "%")),
    (
        "It's 3.1. The sector benchmark is 3.9 and that's what we're aiming for.",
        (3.1, None),
        (3.9, None),
    ),
    ("It's about 6% of calls and I'd be fine with 4.", (6, "%"), (4, "%")),
    # the present tense after a past figure is today's level
    ("It was 12%, it's 9% since the new rota, and we want 5%.", (9, "%"), (5, "%")),
    # a bound, then today's level named after its figure
    ("Under 2 days. From the 6 we're at now.", (6, "days"), (2, "days")),
    ("Under 40 a week at the moment, we want 20.", (40, None), (20, None)),
    # a target said as a figure that would please
    (
        "Forty seconds average handling. Thirty would be brilliant.",
        (40, "seconds"),
        (30, "seconds"),
    ),
    (
        "It's 11 days; it was 6 before the move. Five would keep the client happy.",
        (11, "days"),
        (5, "days"),
    ),
    # a rough figure settled on
    ("Between 10 and 14 a week, call it 12. We'd like 6.", (12, None), (6, None)),
    # "grand" is money in the reply's currency
    ("Refunds cost us about $8k a month; we want that under five grand.", (8000, "$"), (5000, "$")),
    # a multiple of today's figure: "half that", "want it halved", "half of what it is now"
    ("Half of what it is now. It's 18% so 9%.", (18, "%"), (9, "%")),
    ("Half of what it is, currently 12 days.", (12, "days"), (6, "days")),
    ("Half of what we do is rework, about 30%.", None, None),
    (
        "About 80 no-shows a month. We'd be happy with half that.",
        (80, "no-shows"),
        (40, "no-shows"),
    ),
    (
        "I need it doubled. Right now we get 25 referrals a quarter.",
        (25, "referrals"),
        (50, "referrals"),
    ),
    # "zero is the only acceptable number" is the target
    ("We had 4 last year; zero is the only acceptable number.", (4, None), (0, None)),
    # a target said of "it" is today's measure
    ("Scrap is 90 units a shift and we'd like it at 60.", (90, "units"), (60, "units")),
    # "one" as a pronoun is no target
    (
        "They sell a warranty whether the customer needs one or not. Returns are 30 a week, want 10.",
        (30, None),
        (10, None),
    ),
    # today's level set against the one wanted
    ("The dashboard says 4.1% breakage vs the 2% target.", (4.1, "%"), (2, "%")),
    ("We score 3.8 against the required 4.5.", (3.8, None), (4.5, None)),
    # a target said after its figure, whatever the words before "is the goal"
    ("98% first-time-right is the goal and we're showing 90%.", (90, "%"), (98, "%")),
    # the goal first, then where it starts from, named as today's
    ("Six days by June, from the 11 it takes today.", (11, "days"), (6, "days")),
    # a figure followed by the metric it measures is a level; so is "rate's"
    ("Nothing happens. 64% compliance and we need 90.", (64, "%"), (90, "%")),
    ("Upsell on every order over £50. Conversion rate's 4% and we want 7.", (4, "%"), (7, "%")),
    # the level that measures what the target does, not another cued figure
    (
        "It takes 12 screens to book a job. I'd want it done in under 4 minutes, it's 10 minutes now.",
        (10, "minutes"),
        (4, "minutes"),
    ),
    # the level said with the target, not one said in a sentence before
    (
        "The Leeds team hits 98% accuracy. Overall we're at 90% and we want 95.",
        (90, "%"),
        (95, "%"),
    ),
    ("Overall we're at 90%. It was 70% last year and we want 95.", (90, "%"), (95, "%")),
    # money beside a level is its cost: the level is what the bare target measures
    (
        "We're paying about £60k a month in overtime. Turnover is at 18%, we need it under 10.",
        (18, "%"),
        (10, "%"),
    ),
    (
        "Each missed slot costs £300 and we've missed 7 this quarter. Want zero.",
        (7, None),
        (0, None),
    ),
    # a money target keeps the money level
    ("We lose £9k a month to breakage. We want it under £4k.", (9000, "£"), (4000, "£")),
    # history yields to the untensed figure said before it
    (
        "£30k a month in refunds. It was £12k back in 2021. We want under £20k.",
        (30000, "£"),
        (20000, "£"),
    ),
    ("It was 40% last year. We want 60%.", (40, "%"), (60, "%")),
    # today's count of things named after two modifiers, and a bare target for it
    (
        "Last count was 640 open maintenance orders. Target is under 200.",
        (640, "orders"),
        (200, "orders"),
    ),
    # a score below zero
    ("Our NPS is -8. The board wants +25 by next year.", (-8, None), (25, None)),
    # not a change
    ("About 1.5k. The whole company is 8,000. We want 90% done.", None, None),
    ("We're at 40% against the 60% national average.", None, None),
    ("95% of orders, from the 3 sites we run now.", None, None),
    ("about 60 a week", None, None),
    ("Half of that is rework, about 30 a week.", None, None),
    ("We have 3 depots. Ten would be great.", None, None),
    ("The national average is 12 days and we're at 15.", None, None),
    # a spread of levels is no change
    ("Our stores range from 62% to 80% on this.", None, None),
    ("Wait times vary between 10 and 40 minutes.", None, None),
    ("We get 1,500 calls a week, and 300 of those are complaints.", None, None),
    ("Maybe 3 or 4 a month.", None, None),
    ("cut it by 20%", None, None),
    ("we have 3 sites and want 10% fewer errors", None, None),
    ("we run 3 depots and want 95% on time", None, None),
    # a count of people is never the level of a figure in a unit
    ("It cost us £1.2m. Would be great to get all 36 operators through it.", None, None),
    ("We want the 30 reps at 80% by year end.", None, None),
    ("an extra five minutes a week. I'd like the 6 receptionists trained.", None, None),
    ("We are at 40 agents and want 60 agents", (40, None), (60, None)),
    # where a change that happened has taken it is no goal; a change wanted still is one
    ("Resolution time was 5 days; it's crept up to 12 days now.", None, None),
    ("It was 40 a month; it has gone up to about 55", None, None),
    ("It's at 12 and we want it down to 5", (12, None), (5, None)),
    # a figure reached once, and when, is history; a figure to hit is still the goal
    ("We hit 98% on the audit two years ago, now we're at 84%.", None, None),
    ("We reached 95% back in 2022; we're at 70% now.", None, None),
    ("We need to hit 98% on the audit, now we're at 84%.", (84, "%"), (98, "%")),
    ("We're at 84% and want to hit 98% by next year", (84, "%"), (98, "%")),
    ("Turnover is 30 leavers a year and we want 15 leavers.", (30, "leavers"), (15, "leavers")),
    ("I said the target was 95% - it should be 97%.", None, None),
    ("we're at 12, down from 20 last year", None, None),
    ("Sales doubled last year and we are at 40 now.", None, None),
    ("Sorry, the target is 2 days instead of 4.", None, None),
    ("We work double shifts, about 40 a week.", None, None),
    ("We double-check 40 orders a day.", None, None),
    ("Between 40 and 50 people", None, None),
    ("40-50", None, None),
    ("it went from 9am to 5pm", None, None),
    ("from Q1 2027 to Q3 2027", None, None),
    ("no idea", None, None),
    ("we want it lower", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("text", "base", "target"), CHANGE)
def test_parse_change(
    text: str, base: tuple[float, str | None] | None, target: tuple[float, str | None] | None
) -> None:
    result = parse_change(text)
    if base is None or target is None:
        assert result is None
        return
    assert result is not None
    got_base, got_target = result
    assert (got_base.value, got_base.unit) == (pytest.approx(base[0], rel=1e-4), base[1])
    assert (got_target.value, got_target.unit) == (pytest.approx(target[0], rel=1e-4), target[1])


# --- parse_headcount -------------------------------------------------------------------------

HEADCOUNT: list[tuple[str, float | None]] = [
    ("the crew is smaller than I said: forty rather than fifty", 40),
    ("fix the headcount: it's 33, not 23", 33),
    ("It's 40 - sorry, 44, I forgot the new starters.", 44),
    ("9 - sorry, I know I said 19 last time, that was a slip.", 9),
    ("Actually I said 40 people earlier - it's 44.", 44),
    # said before in the past perfect; "I'd say" is a hedge, not a figure taken back
    ("Oh, and I'd said 30 receptionists, it's 38.", 38),
    ("I had said 30, it's 38.", 38),
    ("we'd told you 40, it's 44", 44),
    ("I'd say 30, maybe 38 with the temps", 30),
    ("it was 50 in September but we've hired since, so about 58 now", 58),
    ("Roughly 3,000 - it's every frontline colleague in the bank.", 3000),
    ("We've 4 depots with 20 drivers at each one.", 80),
    ("roughly half of the 80 warehouse staff, so 40", 40),
    ("Twelve, give or take, across the two shifts on the ward", 12),
    ("45 people", 45),
    ("45", 45),
    ("Nine.", 9),
    ("eleven", 11),
    ("a team of 12", 12),
    ("a team of twelve", 12),
    ("about 70 of them", 70),
    ("all 40 of them", 40),
    ("there are eleven receptionists", 11),
    ("We have 12 agents who handle 300 calls a day.", 12),
    ("we have 3 sites and 45 people", 45),
    ("12 senior managers", 12),
    ("around 120 across both stores", 120),
    ("about 45, maybe 50", 45),
    ("40-50 people", 45),
    ("between 40 and 50 staff", 45),
    ("a couple of people", 2),
    ("a dozen drivers", 12),
    ("one person", 1),
    ("just me", 1),
    ("Only me.", 1),
    ("it's just me", 1),
    ("me and two others", 3),
    ("just the two of us", 2),
    ("two teams of 8", 16),
    ("3 shifts of 20", 60),
    ("1,200 employees", 1200),
    ("roughly 300 users", 300),
    ("about 30 nurses on the ward", 30),
    ("We employ 85", 85),
    ("there are 14 in the team", 14),
    ("14 in total", 14),
    ("a hundred and twenty staff", 120),
    ("forty-five agents", 45),
    ("2000 staff", 2000),
    ("7 store managers and their deputies", 7),
    ("headcount is 64", 64),
    ("There're 23 of us", 23),
    ("It's 40, give or take", 40),
    ("We've got 9 trainee technicians", 9),
    ("We're a team of 35 customer advisers.", 35),
    ("12 delivery drivers", 12),
    ("About 120 store colleagues across 9 stores.", 120),
    ("The whole team - 18 people.", 18),
    ("Two teams of fifteen.", 30),
    ("It affects about 300 drivers.", 300),
    ("there's 9 of them", 9),
    ("around a hundred", 100),
    ("All 2,400 staff, it's mandatory.", 2400),
    ("Just our 6 team leaders for now.", 6),
    ("Every manager - that's 85 people.", 85),
    ("Twelve.", 12),
    ("A dozen or so.", 12),
    ("About 40 FTE.", 40),
    ("Just the three team leaders.", 3),
    # a breakdown adds up
    ("We have 4 supervisors and 60 pickers.", 64),
    ("14 reps plus 2 managers", 16),
    ("45 people in the team and 3 managers", 48),
    ("We have 40 agents, 12 of them are new", 40),
    ("we have 40 agents and 3 sites", 40),
    # the count of people named as such, whatever follows it
    ("The number of people is 210 now that the Dundee site is in scope, not 160.", 210),
    ("the number of staff is 45 at the moment across all sites", 45),
    ("The number of complaints is 40 now that winter is here, not 30.", None),
    # the people named as those who must change win over the whole
    ("About 150 workers in peak season. It's the permanent 40 who need this.", 40),
    ("140 staff, tho only 35 of them are tier 1 and need this.", 35),
    ("the 14 CSMs are the ones who need to change", 14),
    ("120 drivers, the 30 who need it are on nights", 30),
    ("About 150 workers, the 3 sites who need it most", 150),
    ("We have 40 agents across 3 sites and need a trainer.", 40),
    ("We employ 2,000 people but only the 85 drivers need this.", 85),
    ("45 people in total, only the 6 in payroll need it", 6),
    ("There are 2,400 employees in total but only the 48 in accounts payable need this.", 48),
    ("There are 2,400 employees in total and 3 sites in the north need this.", 2400),
    ("The people who need it are the 12 locums.", 12),
    ("120 drivers and we need it by June", 120),
    ("90 nurses, and all 3 wards need this", 90),
    ("About 60 staff across our five depots would need it.", 60),
    # not head counts
    ("we lose £4,000 a week", None),
    ("about 20% of the team", None),
    ("half of them", None),
    ("it takes 3 hours", None),
    ("60 calls a day", None),
    ("we hire 10 a month", None),
    ("3.6 out of 5", None),
    ("we opened 2 new stores", None),
    ("3 sites", None),
    ("by Q3 2027", None),
    ("by 30 April 2027", None),
    ("no idea", None),
    ("a lot", None),
    ("loads", None),
    ("not sure", None),
    ("a handful", None),
    ("the whole team", None),
    ("everyone", None),
    ("several dozen", None),
    ("hundreds", None),
    ("£40k", None),
    ("90 seconds per drop", None),
    ("twice a week", None),
    # people who lead something
    ("Twelve line leads.", 12),
    ("18 shift leads. And a correction on the target: I said 90%.", 18),
    ("we get 40 sales leads a week", None),
    ("Thirty-four - I said thirty before but forgot the four team leads.", 34),
    # the count named as those who must change, two words after it
    ("There's 35 on site who need to change this.", 35),
    ("We have 3 sites up north who need trainers.", None),
    # a count dated by "as of" is the count
    ("127 as of this morning's headcount report, up from 98 in 2024.", 127),
    ("Roughly 60 as of last week.", 60),
    ("3 sites as of March.", None),
    ("we've got 12 of them for the 30 drivers who need to use them", 30),
    ("140 staff, only 35 of them are tier 1 and need this", 35),
    ("40 - I left out the 6 supervisors before.", 40),
    # firms, not people
    ("Our 280-odd suppliers complain constantly", None),
    ("we use 12 providers and 3 vendors", None),
    ("14 buyers and 280 suppliers", 14),
    # things counted after "of" are not people; "of you" is not "of YouTube"
    ("We have a 40-page manual and a couple of YouTube videos", None),
    ("we have a couple of videos", None),
    ("we have a couple of usability reports", None),
    ("we have a couple of them", 2),
    ("we have 12 of you", 12),
    ("we have a couple of team leads", 2),
    ("we have a couple of staff members", 2),
    ("we have 40 of the nurses", 40),
    ("we have 40 of our agents", 40),
    ("A couple of the old hands have", 2),
    # the people a need is narrowed to
    ("He has about 400 staff, but this is only about the 35 night managers.", 35),
    ("We have 200 staff but it is just for our 12 new starters", 12),
    ("We have 200 staff; this is only about the 4 shift leads", 4),
    ("We have 200 staff and it is only for the 3 sites", 200),
    ("200 staff. it is about the 12 managers", 200),
    # "all in", "all told": the total
    ("38 all in.", 38),
    ("52 all told, counting the temps", 52),
    ("12 all-day sessions", None),
    # a share of a group counted
    ("Exactly a third of the 45 people on the old support floor moved across.", 15),
    ("Half of our 30 agents", 15),
    # a part named as included in the figure before it
    ("Twelve, counting the two night porters who cover the phones.", 12),
    ("40 including the 6 supervisors", 40),
    ("a couple of times a week", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), HEADCOUNT)
def test_parse_headcount(text: str, expected: float | None) -> None:
    result = parse_headcount(text)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "asked", "in_passing"),
    [
        ("it's 24 now, we lost 3 people over the summer", 3, 24),
        ("five people attended the pilot", 5, None),
        ("we recruited 8 apprentices last year", 8, None),
        ("We hired the 12 of them in March.", 12, 12),
        ("Yep, before we lost the two senior clerks.", 2, None),
        ("all 45 nurses trained by June", 45, 45),
        # asked, a share of a group is how many; in passing, a subset of the group
        ("about a third of the 90 farm managers we'd be training", 30, 90),
    ],
)
def test_people_in_a_story_are_no_head_count_in_passing(
    text: str, asked: float | None, in_passing: float | None
) -> None:
    assert parse_headcount(text) == asked
    assert parse_headcount(text, in_passing=True) == in_passing


# --- opening messages: facts in passing are read only when explicit -------------------------

OPENINGS: list[tuple[str, tuple[float, float] | None, float | None]] = [
    ("I need a refresher course on the new till system for my store staff.", None, None),
    ("My team of 12 needs negotiation training, we keep losing deals.", None, 12),
    (
        "Can you set up Excel training for the finance team? About 30 people, ideally by March.",
        None,
        30,
    ),
    ("Our 45 call centre agents need customer service training.", None, 45),
    ("We want to train 3 new managers in 2 weeks on coaching.", None, 3),
    ("We have 3 sites and want to train 40 people.", None, 40),
    ("Customer complaints rose from 40 to 65 a month after the system change.", None, None),
    ("Each redelivery costs £4 and we do about 300 a week.", None, None),
    ("People are working 50 hours a week and still missing deadlines.", None, None),
    ("Need GDPR training for all 250 staff by 25 May 2027.", None, 250),
    ("Sales have fallen 15% in the last 6 months and the MD wants a sales course.", None, None),
    ("Our NPS dropped to 12 from 30.", None, None),
    ("It takes new starters 6 months to get up to speed; we want that down to 3.", (6, 3), None),
    ("We want to cut refunds from about 60 a week to 15 for our 120 store staff.", (60, 15), 120),
]


@pytest.mark.parametrize(("text", "change", "headcount"), OPENINGS)
def test_opening_messages(
    text: str, change: tuple[float, float] | None, headcount: float | None
) -> None:
    pair = parse_change(text)
    assert (None if pair is None else (pair[0].value, pair[1].value)) == change
    assert parse_headcount(text) == headcount


# --- a reply that opens with its figure: one list of hedges for every rule ------------------

OPENS: list[tuple[str, str, bool, bool]] = [
    # (reply, the figure, "a"/"an" allowed before it, whether only hedges come before it)
    ("Ninety. Oh, and the team is 48", "Ninety", False, True),
    ("About 40%.", "40", False, True),
    ("Um, well, just over 200", "200", False, True),
    ("honestly, like 80 percent?", "80", False, True),
    ("Let's say 80%. Sorry, it's 61, not 66.", "80", False, True),
    ("I'd say 12.", "12", False, True),
    ("Call it 12.", "12", False, True),
    ("- 40, give or take", "40", False, True),
    # a word that is no hedge: the figure does not open the reply
    ("We're at 40.", "40", False, False),
    ("Ideally 95. We're at 80.", "95", False, False),  # a goal named, not a hedge
    ("Now 80. We want 95.", "80", False, False),  # today's level
    # an article only where the measure's name follows ("A 4.5 average")
    ("A 4.5 average on Tripadvisor.", "4.5", False, False),
    ("A 4.5 average on Tripadvisor.", "4.5", True, True),
    ("Probably an 8 out of 10.", "8", True, True),
]


@pytest.mark.parametrize(("text", "figure", "article", "opens"), OPENS)
def test_opens_reply(text: str, figure: str, article: bool, opens: bool) -> None:
    assert opens_reply(text, text.index(figure), article=article) is opens


FIGURE_ALONE: list[tuple[str, str | None]] = [
    # (reply, the figure standing alone in the clause that opens it)
    ("85%, and I need to fix two things: the rota and the forms.", "85%"),
    ("About 70%; oh, and we need to book two rooms.", "70%"),
    ("£2,500, give or take.", "£2,500"),
    ("-3 - we lose three a month.", "-3"),
    ("Let's say 90%. Sorry, the level I gave you was off.", "90%"),
    ("honestly like 80 percent? oh wait", "80 percent"),
    ("um, zero.", "zero"),
    ("2.5k", "2.5k"),
    # a word after the figure: it is a level or a count, not the answer alone
    ("80 today. We want 95.", None),
    ("3.5 days", None),
    ("Let's say 4.5 stars on Google.", None),
    # a figure in words is read by the scan (`parse_quantity`), not here
    ("Ninety, and the team is 48.", None),
    ("We want 95.", None),
]


@pytest.mark.parametrize(("text", "figure"), FIGURE_ALONE)
def test_figure_alone(text: str, figure: str | None) -> None:
    m = figure_alone(text)
    assert (m["figure"] if m else None) == figure


FIGURE_FIRST: list[tuple[str, str | None]] = [
    # (the words after a slot's name, the figure that opens them with its hedges)
    (" 85%, not 90", " 85%"),
    (" now 85%", " now 85%"),
    (" about £1.2m a year", " about £1.2m"),
    (": roughly 40 per cent", ": roughly 40 per cent"),
    (" zero late journals, down from 25", " zero"),
    (" 80. It should be 85.", " 80"),  # the full stop stays the sentence's
    (" should be 85%", None),
    (" down from 25", None),
]


@pytest.mark.parametrize(("text", "figure"), FIGURE_FIRST)
def test_figure_first(text: str, figure: str | None) -> None:
    m = figure_first(text)
    assert (m.group(0) if m else None) == figure


def test_figure_first_from_a_position() -> None:
    text = "the target I gave, 80%, should be 85%"
    m = figure_first(text, text.index(","))
    assert m is not None and m.group(0) == ", 80%"


# --- the word parser agrees with text2num ----------------------------------------------------

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _say(n: int) -> str:
    """English words for 0 <= n < 1e9, British style ("one hundred and five")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + (f" and {_say(rest)}" if rest else "")
    for size, name in ((1_000_000, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            tail = ""
            if rest:
                tail = (" and " if rest < 100 else " ") + _say(rest)
            return f"{_say(n // size)} {name}{tail}"
    raise AssertionError(n)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_number_words_match_text2num(n: int) -> None:
    words = _say(n)
    assert text2num(words, "en") == n  # the renderer speaks the same language as text2num
    found = find_quantities(words)
    assert [m.value for m in found] == [n]
    assert found[0].text == words


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=99_999_999))
def test_digits_with_thousands_separators(n: int) -> None:
    found = find_quantities(f"we had {n:,} of them")
    assert [m.value for m in found] == [n]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_safe(text: str) -> None:
    for match in find_quantities(text):
        assert text[match.start : match.end] == match.text
        assert match.start < match.end
    parse_quantity(text)
    parse_change(text)
    parse_headcount(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "about",
                "40",
                "£2.3m",
                "people",
                "from",
                "to",
                "a",
                "third",
                "of",
                "them",
                "12%",
                "currently",
                "target",
                "Q3",
                "2027",
                "one",
                "and",
                "half",
                "-",
                ",",
                "out",
                "5",
                "in",
                "hundred",
                "week",
            ]
        ),
        max_size=12,
    )
)
def test_spans_are_ordered_and_disjoint(words: list[str]) -> None:
    text = " ".join(words)
    found = find_quantities(text)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for match in found:
        assert text[match.start : match.end] == match.text
