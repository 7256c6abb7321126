"""Deadlines as requesters say them: "end of March 2027", "Q3", "by summer", "in six months".

A deadline is stored as one ISO date, so every phrase resolves to the *last day of the
period it names*: "March 2027" is 2027-03-31, "Q3 2027" is 2027-09-30, "by 2027" is
2027-12-31. A phrase without a year ("by the end of March", "Q3", "by spring") means its
next occurrence on or after `today`, which the caller passes in (the engine has no clock).

Conventions, because English leaves them open:

- all-numeric dates are read day-first (British) unless that is impossible: "03/04/2027" is
  3 April, "9/30/2027" can only be 30 September; ISO "2027-06-30" is always year-month-day;
- seasons are meteorological: spring ends 31 May, summer 31 August, autumn/fall
  30 November, winter the end of the following February ("winter 2027" ends 2028-02-29);
- "early" / "mid" / "late" March mean the 10th / 15th / 31st; "early 2027" is 31 March,
  "mid-2027" 30 June; "the start of March" is 1 March;
- "end of the week" is its Friday (a working deadline), "next Friday" the first Friday
  after today;
- "in six months", "within 3 months", "2 weeks from now" count from `today`, with month
  ends clamped (31 January + 1 month = 28/29 February) by dateutil's relativedelta;
- financial years ("FY27", "end of the financial year") are not guessed: their calendars
  differ from one organisation to the next;
- vague answers ("ASAP", "soon", "no rush", "whenever", "yesterday!") give None, and so do
  durations that are not deadlines ("it takes 3 weeks", "two years ago", "every month").

Explicit regexes are the whole path. dateutil's `parser.parse(fuzzy=True)` is not used: it
invents a date from any bare number ("45 people" becomes the 45th... or today's date with
the year 45), which is exactly the failure a deadline slot cannot afford. dateutil is used
for what it is good at: month arithmetic and Easter.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from text_to_num import text2num

from app.understanding.numbers import opens_reply

__all__ = ["DateMatch", "find_dates", "parse_deadline"]


@dataclass(frozen=True)
class DateMatch:
    """A date phrase found in a message, resolved to the last day of its period."""

    value: date
    start: int
    end: int
    text: str


# --- calendar helpers -------------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_SEASON_END = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30)}
_ORDINAL = {
    "first": 1,
    "1st": 1,
    "one": 1,
    "1": 1,
    "second": 2,
    "2nd": 2,
    "two": 2,
    "2": 2,
    "third": 3,
    "3rd": 3,
    "three": 3,
    "3": 3,
    "fourth": 4,
    "4th": 4,
    "four": 4,
    "4": 4,
    "last": 4,
    "final": 4,
    "latter": 2,
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(year: int, quarter: int) -> date:
    return _month_end(year, quarter * 3)


def _winter_end(year: int) -> date:
    """Winter 2027 runs December 2027 to February 2028."""
    return _month_end(year + 1, 2)


def _next(end_for_year: Callable[[int], date], today: date, start_after: bool = False) -> date:
    """The first period (one per year) that has not ended yet, or, for "next ...", that has
    not started yet (`start_after`)."""
    for year in (today.year - 1, today.year, today.year + 1, today.year + 2):
        end = end_for_year(year)
        if end >= today:
            if start_after and _period_started(end, today):
                continue
            return end
    return end_for_year(today.year + 1)


def _period_started(end: date, today: date) -> bool:
    # every period handled with `start_after` is at most three months long
    return end - relativedelta(months=3) < today


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.strip().lstrip("'’")
    return 2000 + int(raw) if len(raw) == 2 else int(raw)


def _month(raw: str) -> int:
    return _MONTHS[raw.lower()[:3]]


def _day_of_month(year: int, month: int, mod: str | None) -> date:
    if mod in ("start", "beginning", "begin"):
        return date(year, month, 1)
    if mod == "early":
        return date(year, month, 10)
    if mod in ("mid", "middle"):
        return date(year, month, 15)
    return _month_end(year, month)


def _day_of_year(year: int, mod: str | None) -> date:
    if mod in ("start", "beginning", "begin"):
        return date(year, 1, 1)
    if mod == "early":
        return date(year, 3, 31)
    if mod in ("mid", "middle"):
        return date(year, 6, 30)
    return date(year, 12, 31)


def _mod(m: re.Match[str]) -> str | None:
    raw = m.groupdict().get("mod")
    return raw.lower() if raw else None


# --- patterns --------------------------------------------------------------------------------

_MONTH_FULL = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    # the misspellings people actually type; `_month` reads only the first three letters
    r"febuary|feburary|febrary|janurary|janaury|agust|augest|septmber|ocotber|"
    r"novmber|decmber|decemeber"
)
_MONTH_ABBR = r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
_MONTH = rf"(?:{_MONTH_FULL}|(?:{_MONTH_ABBR})\.?)"
MONTH = _MONTH
"""A month's name as people type it, full, abbreviated or misspelt (`facts` reads it too)."""
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:(?:19|20)\d{2}|['’]\d{2})"
_MOD = (
    r"(?:(?:the\s+)?(?P<mod>end|close|start|beginning|begin|middle|mid|early|late)"
    r"(?:[\s-]+of)?[\s-]*(?:the\s+)?)"
)
_NUM = (
    r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|thirty(?:[\s-]six)?|forty(?:[\s-]eight)?|fifty|sixty|ninety|"
    r"(?:a\s+)?couple\s+of"
)
_UNIT = r"days?|weeks?|months?|years?|quarters?|fortnights?"
_CUE = (
    r"(?:by|before|until|till|til|due|deadline|for|in|no\s+later\s+than|latest|during|"
    r"around|from|of|this|next|coming|through|throughout|ideally|target|within|at|on)"
)

_FALL_CUE = re.compile(rf"\b{_CUE}\s+(?:the\s+)?$", re.I)

_Resolver = Callable[[re.Match[str], date], date | None]


def _iso(m: re.Match[str], today: date) -> date | None:
    return date(int(m["y"]), int(m["m"]), int(m["d"]))


def _numeric(m: re.Match[str], today: date) -> date | None:
    a, b = int(m["a"]), int(m["b"])
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a  # US order, the only valid reading
    else:
        day, month = a, b  # ambiguous: day-first (British)
    return date(year, month, day)


def _day_month(m: re.Match[str], today: date) -> date | None:
    month, day = _month(m["mon"]), int(m["d"])
    year = _year(m["y"])
    if year is not None:
        return date(year, month, day)
    for year in range(today.year, today.year + 9):  # 29 February recurs within 8 years
        if _valid(year, month, day) and date(year, month, day) >= today:
            return date(year, month, day)
    return None


def _valid(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


def _quarter(m: re.Match[str], today: date) -> date | None:
    raw = (m["q"] or m["qw"] or m["qn"]).lower()
    if raw == "last" and not (m["y"] or m["rel"]):
        return None  # "last quarter" is the one that has passed
    quarter = _ORDINAL[raw]
    year = _year(m["y"]) or _relative_year(m["rel"], today)
    if year is not None:
        return _quarter_end(year, quarter)
    return _next(lambda y: _quarter_end(y, quarter), today)


def _relative_year(rel: str | None, today: date) -> int | None:
    if not rel:
        return None
    rel = rel.lower()
    if rel.startswith("next") or rel.startswith("the following"):
        return today.year + 1
    if rel.startswith("last"):
        return today.year - 1
    return today.year


def _half(m: re.Match[str], today: date) -> date | None:
    half = _ORDINAL[(m["h"] or m["h2"] or m["hw"]).lower()]
    year = _year(m["y"]) or _relative_year(m["rel"], today)
    if year is not None:
        return date(year, 6, 30) if half == 1 else date(year, 12, 31)
    return _next(lambda y: date(y, 6, 30) if half == 1 else date(y, 12, 31), today)


def _season(m: re.Match[str], today: date) -> date | None:
    season = m["s"].lower()
    if (
        season == "fall"
        and not (m["y"] or m["rel"] or m["rel2"] or m["mod"])
        and not _FALL_CUE.search(m.string, max(0, m.start() - 15), m.start())
    ):
        return None  # "sales fall", not autumn

    def end(year: int) -> date:
        if season == "winter":
            return _winter_end(year)
        month, day = _SEASON_END[season]
        return date(year, month, day)

    year = _year(m["y"]) or _relative_year(m["rel2"], today)
    if year is not None:
        return end(year)
    rel = (m["rel"] or "").lower()
    if rel == "last":
        return None
    if season == "winter":
        # the winter that has not finished yet
        year = today.year - 1 if today.month <= 2 else today.year
        if rel == "next" and today.month in (12, 1, 2):
            year += 1
        return _winter_end(year)
    if rel == "next":
        return _next(end, today, start_after=True)
    return _next(end, today)


def _month_year(m: re.Match[str], today: date) -> date | None:
    year = _year(m["y"])
    if year is None:
        return None
    return _day_of_month(year, _month(m["mon"]), _mod(m))


def _month_relative_year(m: re.Match[str], today: date) -> date | None:
    if m["rel"].lower().startswith("last"):
        return None  # "in March last year" is history, not a deadline
    year = _relative_year(m["rel"], today)
    assert year is not None
    return _day_of_month(year, _month(m["mon"]), _mod(m))


def _year_mod(m: re.Match[str], today: date) -> date | None:
    return _day_of_year(int(m["y"]), _mod(m))


def _this_time_next_year(m: re.Match[str], today: date) -> date | None:
    return today + relativedelta(years=1)


def _period(m: re.Match[str], today: date) -> date | None:
    which = (m["which"] or "this").lower()
    unit = m["unit"].lower()
    mod = _mod(m)
    if which == "the" and mod is None:
        return None  # "during the week", "in the year": no particular one
    step = 1 if which in ("next", "following", "coming") else 0
    if unit == "year":
        return _day_of_year(today.year + step, mod)
    if unit == "month":
        first = date(today.year, today.month, 1) + relativedelta(months=step)
        return _day_of_month(first.year, first.month, mod)
    if unit == "quarter":
        q = (today.month - 1) // 3 + 1 + step
        year = today.year + (q - 1) // 4
        q = (q - 1) % 4 + 1
        if mod in ("start", "beginning", "begin"):
            return date(year, q * 3 - 2, 1)
        return _quarter_end(year, q)
    # week: its Friday, a working deadline
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
    friday = monday + timedelta(days=4)
    if mod in ("start", "beginning", "begin"):
        return monday
    return friday if friday >= today else monday + timedelta(days=6)


def _period_end_shorthand(m: re.Match[str], today: date) -> date | None:
    raw = m.group(0).lower()
    if "y" in raw[:1] or "year" in raw or raw == "eoy":
        return date(today.year, 12, 31)
    if "q" in raw[:1] or "quarter" in raw or raw == "eoq":
        return _quarter_end(today.year, (today.month - 1) // 3 + 1)
    if "month" in raw or raw == "eom":
        return _month_end(today.year, today.month)
    return today  # end of day, EOD, COB, close of business


def _count(raw: str) -> int | None:
    raw = re.sub(r"\s+", " ", raw.lower().strip())
    if raw.isdigit():
        return int(raw)
    if raw in ("a", "an"):
        return 1
    if "couple" in raw:
        return 2
    try:
        return int(text2num(raw.replace("-", " "), "en"))
    except ValueError:
        return None


def _offset(m: re.Match[str], today: date) -> date | None:
    n = _count(m["n"])
    if n is None or n <= 0 or n > 120:
        return None
    unit = m["u"].lower().rstrip("s")
    if unit == "day":
        return today + timedelta(days=n)
    if unit == "week":
        return today + timedelta(weeks=n)
    if unit == "fortnight":
        return today + timedelta(weeks=2 * n)
    if unit == "month":
        return today + relativedelta(months=n)
    if unit == "quarter":
        return today + relativedelta(months=3 * n)
    return today + relativedelta(years=n)


def _duration(m: re.Match[str], today: date) -> date | None:
    """A bare "6 weeks" answering "by when?" ("we've got 6 weeks") counts from today."""
    return _offset(m, today)


def _within_the(m: re.Match[str], today: date) -> date | None:
    unit = m["unit"].lower()
    if unit == "year":
        return date(today.year, 12, 31)
    if unit == "quarter":
        return _quarter_end(today.year, (today.month - 1) // 3 + 1)
    if unit == "month":
        return _month_end(today.year, today.month)
    monday = today - timedelta(days=today.weekday())
    return max(today, monday + timedelta(days=4))


def _holiday(m: re.Match[str], today: date) -> date | None:
    name = re.sub(r"\s+", " ", m["h"].lower())
    year = _year(m["y"])
    if name in ("christmas", "xmas", "christmas day", "christmas eve"):
        day = 24 if name.endswith("eve") else 25
        return date(year, 12, day) if year else _next(lambda y: date(y, 12, day), today)
    if name == "easter":
        return easter(year) if year else _next(easter, today)
    if "eve" in name:
        return date(year, 12, 31) if year else date(today.year, 12, 31)
    if "day" in name:
        return date(year, 1, 1) if year else date(today.year + 1, 1, 1)
    # "by the new year": the period before it ends on 31 December
    return date(year - 1 if year else today.year, 12, 31)


def _weekday(m: re.Match[str], today: date) -> date | None:
    target = _WEEKDAYS.index(m["wd"].lower())
    ahead = (target - today.weekday()) % 7
    if (m["rel"] or "").lower() == "next" and ahead == 0:
        ahead = 7
    return today + timedelta(days=ahead)


def _named_day(m: re.Match[str], today: date) -> date | None:
    word = m.group(0).lower()
    return today + timedelta(days=1) if word.startswith("tomorrow") else today


def _month_only(m: re.Match[str], today: date) -> date | None:
    month, mod = _month(m["mon"]), _mod(m)
    rel = (m["rel"] or "").lower()

    def when(year: int) -> date:
        return _day_of_month(year, month, mod)

    if rel == "last":
        return None
    return _next(when, today, start_after=rel == "next")


def _bare_year(m: re.Match[str], today: date) -> date | None:
    return date(int(m["y"]), 12, 31)


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: _Resolver
    strict: bool = True  # False: only in a reply to "by when?", not in passing


def _rule(pattern: str, resolve: _Resolver, strict: bool = True) -> _Rule:
    return _Rule(re.compile(pattern, re.I), resolve, strict)


_NOUN = (
    r"(?:%|per\s*cent|percent|k\b|m\b|people|staff|(?!(?:is|was|as|has|this|thus|plus)\b)[a-z]+s\b)"
)
"""What follows a count rather than a date: "May 12 people", "2027 staff", "2027 calls"."""
_NOT_A_NOUN_AFTER = rf"(?!\s*{_NOUN})"

_RULES: tuple[_Rule, ...] = (
    _rule(
        r"\b(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>[0-3]?\d)\b", _iso
    ),
    _rule(
        r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2})(?![\d/-]|\.\d)",
        _numeric,
    ),
    _rule(
        rf"\b(?:the\s+)?(?P<d>{_DAY})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+(?P<mon>{_MONTH})"
        rf"(?:[\s,-]+(?P<y>{_YEAR}))?\b",
        _day_month,
    ),
    _rule(
        rf"\b(?P<mon>{_MONTH})[\s-]+(?:the\s+)?(?P<d>{_DAY})(?:st|nd|rd|th)?(?![\d:.]\d|\s*(?:am|pm)\b)"
        rf"(?:,?\s+(?P<y>{_YEAR}))?\b{_NOT_A_NOUN_AFTER}",
        _day_month,
    ),
    _rule(
        r"\b(?P<y>(?:19|20)\d{2})\s*[/-]?\s*Q(?P<q>[1-4])(?P<qw>)?(?P<qn>)?(?P<rel>)?\b", _quarter
    ),
    _rule(
        rf"\b{_MOD}?(?:(?:the\s+)?Q(?P<q>[1-4])|(?:the\s+)?(?P<qw>first|second|third|fourth|last|final|1st|2nd|3rd|4th)"
        r"\s+quarter|quarter\s+(?P<qn>[1-4]|one|two|three|four))(?!\s*(?:of\s+)?FY)"
        rf"(?:\s*(?:of\s+)?[/-]?\s*(?P<y>{_YEAR})|\s+(?:of\s+)?(?P<rel>next\s+year|this\s+year|the\s+year|the\s+following\s+year|last\s+year))?\b",
        _quarter,
    ),
    _rule(
        rf"\b(?:{_MOD})?(?:H(?P<h>[12])|(?P<h2>[12])H|(?:the\s+)?(?P<hw>first|second|1st|2nd|latter)\s+half)"
        rf"(?:\s*(?:of\s+)?[/-]?\s*(?P<y>{_YEAR})|\s+(?:of\s+)?(?P<rel>next\s+year|this\s+year|the\s+year|the\s+following\s+year))?\b",
        _half,
    ),
    _rule(
        rf"\b{_MOD}?(?:(?P<rel>this|next|the|coming|last)\s+)?(?P<s>spring|summer|autumn|fall|winter)"
        rf"(?:\s+(?:season|term|holidays?|break|period))?(?!\s+(?!(?:is|was|as|has|this)\b)[a-z]+s\b)"
        rf"(?:\s*(?:of\s+)?(?P<y>{_YEAR})|\s+(?P<rel2>next\s+year|this\s+year))?\b",
        _season,
    ),
    _rule(rf"\b{_MOD}?(?P<mon>{_MONTH})\s*,?\s*(?:of\s+)?(?P<y>{_YEAR})\b", _month_year),
    _rule(
        rf"\b{_MOD}?(?P<mon>{_MONTH})\s+(?P<rel>next\s+year|this\s+year|last\s+year)\b",
        _month_relative_year,
    ),
    _rule(rf"\b{_MOD}(?:year\s+)?(?P<y>(?:19|20)\d{{2}})\b", _year_mod),
    _rule(r"\bthis\s+time\s+next\s+year\b", _this_time_next_year),
    _rule(r"\bwithin\s+the\s+(?P<unit>year|quarter|month|week)\b", _within_the),
    _rule(
        rf"\b{_MOD}?(?:the\s+)?(?P<which>this|next|the|current|following|coming)\s+(?P<unit>year|month|quarter|week)\b"
        r"(?!\s+(?:or|and)\b)",
        _period,
    ),
    _rule(
        r"\b(?:year[\s-]end|end\s+of\s+year|eoy|month[\s-]end|end\s+of\s+month|eom|quarter[\s-]end|"
        r"end\s+of\s+quarter|eoq|end\s+of\s+(?:the\s+)?day|eod|cob|close\s+of\s+business)\b"
        # "by the end of year two": a year of someone's programme, not of the calendar
        r"(?!\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)",
        _period_end_shorthand,
    ),
    _rule(
        rf"\b(?:(?:in|within|inside(?:\s+of)?)\s+(?:the\s+next\s+)?|over\s+the\s+next\s+|in\s+another\s+)"
        rf"(?P<n>{_NUM})\s+(?P<u>{_UNIT})\b"
        r"(?:['’]?\s*time)?(?!\s+ago)",
        _offset,
    ),
    _rule(
        rf"\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})(?:['’]\s*|\s+)(?:from\s+(?:now|today)|time|hence)\b",
        _offset,
    ),
    _rule(rf"\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})\b(?!\s+ago)", _duration, strict=False),
    _rule(
        rf"\b(?P<h>christmas(?:\s+(?:day|eve))?|xmas|easter|new\s+year['’]?s?(?:\s+(?:eve|day))?)"
        rf"(?:\s+(?P<y>{_YEAR}))?\b",
        _holiday,
    ),
    _rule(r"\b(?:tomorrow|today|tonight)\b", _named_day),
    _rule(
        rf"\b(?:(?P<rel>this|next|coming)\s+)?(?P<wd>{'|'.join(_WEEKDAYS)})\b",
        _weekday,
        strict=False,
    ),
    _rule(
        rf"\b(?:(?P<rel>this|next|coming|last)\s+)?{_MOD}?(?P<mon>{_MONTH_FULL}|(?:{_MONTH_ABBR})\.?)(?!\s*\d)\b",
        _month_only,
        strict=False,
    ),
    _rule(r"(?<![£$€\d.,])\b(?P<y>20\d{2})\b(?![.,]\d|\s*%)", _bare_year, strict=False),
)

_MONTH_ONLY_CUE = re.compile(
    rf"\b(?:{_CUE}|end|start|beginning|mid|middle|early|late)\s+(?:of\s+)?(?:the\s+)?(?:end\s+of\s+)?$|"
    r"\b(?:which|that)(?:\s+is|['’]s)\s+$",
    re.I,
)
"""A cue that makes a bare month a date: "by March", "end of June", or a period restated as
one ("the end of the school year, which is July")."""
_LABEL_BEFORE = re.compile(r"\b[a-z]{1,2}\d+\s*$", re.I)
_YEAR_CUE = re.compile(
    r"\b(?:by|before|until|till|til|in|during|for|through|throughout|within|deadline|due|around)\s+$",
    re.I,
)
_WEEKDAY_CUE = re.compile(
    r"\b(?:by|before|until|till|due|for|deadline|later\s+than|latest)\s+$", re.I
)
_MAY_VERB = re.compile(
    r"\s+(?:i|we|you|they|he|she|it|be|have|need|want|take|not|also|well|just|get)\b", re.I
)
_NOUN_AFTER = re.compile(rf"\s*{_NOUN}", re.I)
_DURATION_ANSWER = re.compile(
    r"(?:^\W*|\b(?:we['’]ve\s+got|we\s+have|i['’]ve\s+got|i\s+have|you['’]ve\s+got|you\s+have|"
    r"got|give\s+it|allow|say|maybe|about|around|roughly|max|tops|at\s+most|no\s+more\s+than|"
    r"less\s+than|under)\s+)$",
    re.I,
)
_PAST = re.compile(r"^\s*(?:ago|back|previously|earlier)\b", re.I)
_SINCE = re.compile(r"\b(?:since|ago|last)\s+$", re.I)


_HINT = re.compile(
    rf"\d|\b(?:{_MONTH_FULL}|{_MONTH_ABBR}|{'|'.join(_WEEKDAYS)}|year|month|week|day|quarter|"
    r"fortnight|spring|summer|autumn|fall|winter|christmas|xmas|easter|today|tomorrow|tonight|"
    r"eod|eoy|eom|eoq|cob|q[1-4]|h[12]|half)",
    re.I,
)
"""Every rule needs one of these; most replies have none, and skip the rules altogether."""


def _matches(text: str, today: date, relaxed: bool) -> Iterator[DateMatch]:
    if not _HINT.search(text):
        return
    taken: list[tuple[int, int]] = []
    short = len(text.split()) <= 6
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if _PAST.match(text, e) or _SINCE.search(text, max(0, s - 10), s):
                continue
            if not rule.strict and not _cue_ok(rule, m, text, relaxed, short):
                continue
            # a phrase that is a date but not a usable one ("31 June", "last quarter") still
            # owns its words, so a looser rule cannot reread them ("June", "quarter")
            taken.append((s, e))
            try:
                value = rule.resolve(m, today)
            except ValueError:  # 31 June, 29 February 2027, month 13
                continue
            if value is None:
                continue
            yield DateMatch(value=value, start=s, end=e, text=text[s:e])


def _cue_ok(rule: _Rule, m: re.Match[str], text: str, relaxed: bool, short: bool) -> bool:
    """Bare months and years are dates only when something says so: a cue before them
    ("by March", "in 2027"), or a short reply to "by when?"."""
    before = text[max(0, m.start() - 25) : m.start()]
    if rule.resolve is _duration:
        return relaxed and bool(_DURATION_ANSWER.search(text, 0, m.start()))
    if rule.resolve is _weekday:
        return bool(m["rel"] or _WEEKDAY_CUE.search(before)) or (relaxed and short)
    if rule.resolve is _bare_year:
        if _LABEL_BEFORE.search(before):
            return False  # "Q5 2027", "H3 2027": a label we could not read
        if _YEAR_CUE.search(before):
            return True
        return relaxed and short and not _NOUN_AFTER.match(text, m.end())
    month = m["mon"].lower()
    has_cue = bool(m["rel"] or m["mod"] or _MONTH_ONLY_CUE.search(before))
    if re.fullmatch(_MONTH_ABBR, month):
        return has_cue  # a bare "Jan" or "mar" is a name or a verb unless cued: "end of Feb"
    if month == "may":
        # the modal verb is far more common than the month: "May" only capitalised, alone
        return has_cue or (
            relaxed and short and m.group("mon")[0] == "M" and not _MAY_VERB.match(text, m.end())
        )
    # in a reply to "by when?", a capitalised month name is a month ("realistically June")
    return has_cue or (relaxed and (short or m.group("mon")[0].isupper()))


def find_dates(text: str, today: date) -> list[DateMatch]:
    """Every date phrase in a longer message, in order of appearance.

    Stricter than `parse_deadline`: a bare month or year counts only after a cue ("by June",
    "in 2027"), so counts and durations in passing ("it takes 3 weeks", "2027 people") are
    not read as dates.
    """
    return sorted(_matches(text, today, relaxed=False), key=lambda d: d.start)


_DEADLINE_CUE = re.compile(
    r"\b(?:by|before|deadline|no\s+later\s+than|until|till|due|in\s+time\s+for|latest|"
    r"ideally|target|need(?:s|ed)?\s+(?:it|this|them)?|must|has\s+to|have\s+to|within)\b[^.;!?]{0,20}$",
    re.I,
)


def parse_deadline(text: str, today: date) -> date | None:
    """The deadline a reply to "by when?" states, as the last day of the named period.

    When several dates appear, a dated one that opens the reply wins (the answer comes
    first; what follows places it), then the one after "by"/"before"/"deadline"/"no later
    than", otherwise the first. Vague replies ("ASAP", "no rush", "soon") give None.
    """
    found = sorted(_matches(text, today, relaxed=True), key=lambda d: d.start)
    if not found:
        return None
    if opens_reply(text, found[0].start) and _YEAR.search(found[0].text):
        return found[0].value  # "Q3 2027 ideally, before the winter peak": the answer leads
    chosen = next(
        (m for m in found if _DEADLINE_CUE.search(text, max(0, m.start - 40), m.start)), found[0]
    )
    return restated(text, found, chosen).value


def restated(text: str, found: list[DateMatch], chosen: DateMatch) -> DateMatch:
    """`chosen`, or the date right after it that restates it precisely: "the end of the
    summer term, July 2027", "by the spring inspection, which is in April 2027", or a season
    placed by its month ("before the summer audit in June")."""
    following = next((m for m in found if m.start >= chosen.end), None)
    if (
        following is not None
        and _APPOSITION.fullmatch(text, chosen.end, following.start)
        and not _YEAR.search(chosen.text)
        and (
            _YEAR.search(following.text)
            or (_SEASON_WORD.search(chosen.text) and _MONTH_WORD.search(following.text))
        )
    ):
        return following  # "by the summer audit in June": June, not the end of August
    return chosen


_SEASON_WORD = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\b", re.I)
_MONTH_WORD = re.compile(rf"\b{_MONTH}\b", re.I)


_APPOSITION = re.compile(
    r"(?:\s+[a-z-]+){0,2}(?:\s*(?:[,(:]|[-–—])\s*"
    r"(?:(?:i\.e\.|so|that['’]s|which\s+is|which['’]s)\s+)?(?:in\s+)?|\s+(?:in|on)\s+)",
    re.I,
)
_YEAR = re.compile(r"\b20\d\d\b")
