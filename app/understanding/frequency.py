"""How often a task comes up, when the reply says it in a regular way.

Two readings, both rules because both are regular: a stated rate ("every 4-5 weeks",
"three times a month", "twice a year") is turned into times per year and bucketed; set
phrases ("daily", "month-end", "once in a blue moon") map straight to an option. Anything
else goes to the frequency classifier.

Buckets, in times per year: daily ≥ 180 (most working days), weekly ≥ 40, monthly ≥ 10,
a few times a year ≥ 2, else yearly or less. "Every six weeks" (8.7 a year) is therefore
"a few times a year": rare enough that the steps are forgotten in between.
"""

from __future__ import annotations

import re

from app.understanding import sentences
from app.understanding.numbers import parse_quantity

DAILY, WEEKLY, MONTHLY, FEW, YEARLY = (
    "daily",
    "weekly",
    "monthly",
    "a few times a year",
    "yearly or less",
)

_PER_YEAR = {
    "hour": 2000.0,
    "shift": 250.0,
    "day": 250.0,
    "night": 250.0,
    "working day": 250.0,
    "week": 52.0,
    "fortnight": 26.0,
    "month": 12.0,
    "quarter": 4.0,
    "term": 3.0,
    "year": 1.0,
    "annum": 1.0,
}
_PERIOD = (
    r"(?P<period>hour|shift|working\s+day|day|night|week|fortnight|month|quarter|term|year|annum)s?"
)
_COUNT = r"(?P<count>\d+(?:\.\d+)?(?:\s*(?:-|–|to|or)\s*\d+(?:\.\d+)?)?|[a-z]+(?:\s+or\s+[a-z]+)?|a\s+couple\s+of|a\s+few|a\s+handful\s+of)"

_EVERY = re.compile(rf"\bevery\s+(?:{_COUNT}\s+)?(?:other\s+)?{_PERIOD}\b", re.I)
""""every 4-5 weeks", "every other month", "every three days" (a count of periods)."""
_TIMES = re.compile(
    rf"\b(?:(?P<word>once\s+or\s+twice|twice\s+or\s+three\s+times|once|twice|thrice)|"
    rf"{_COUNT}\s+times)\s+(?:a|an|per|each|every|in\s+a)\s+{_PERIOD}\b",
    re.I,
)
""""three times a month", "once a year", "a handful of times a year" (events per period)."""
_PER = re.compile(rf"\b{_COUNT}\s+(?:a|an|per|each)\s+{_PERIOD}\b", re.I)
""""four a year", "10-12 per month": a count per period without the word "times"."""

_ONCE_TWICE = {
    "once": 1.0,
    "twice": 2.0,
    "thrice": 3.0,
    "once or twice": 1.5,
    "twice or three times": 2.5,
}
_WORD_COUNTS = {"a couple of": 2.0, "a few": 3.0, "a handful of": 4.0, "other": 2.0}

_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), option)
    for pattern, option in (
        (
            r"\b(daily|every ?day|each day|a day|per day|every shift|each shift|most shifts|all day|"
            r"hourly|constantly|non-?stop|all the time|dozens of times|several times a day|"
            r"every morning|every night|every call|every customer|every order|every job|"
            r"bread and butter|day in,? day out|multiple times a day)\b",
            DAILY,
        ),
        (
            r"\b(weekly|every week|each week|a week|per week|fortnightly|every few days|"
            r"most weeks)\b",
            WEEKLY,
        ),
        (
            r"\b(monthly|every month|each month|a month|per month|month[- ]end|each payroll|"
            r"every payroll|most months)\b",
            MONTHLY,
        ),
        (
            r"\b(quarterly|every quarter|each quarter|a few times a year|couple of times a year|"
            r"handful of times a year|every few months|every couple of months|per quarter|"
            r"now and (then|again)|occasionally|every so often|seasonal(ly)?)\b",
            FEW,
        ),
        (
            r"\b(yearly|annually|once a year|each year|every year|a year|per year|year[- ]end|"
            r"rarely|hardly ever|almost never|once in a blue moon|every two years|"
            r"every other year|once or twice a year|one or two a year|annual)\b",
            YEARLY,
        ),
    )
)


def bucket(per_year: float) -> str:
    if per_year >= 180:
        return DAILY
    if per_year >= 40:
        return WEEKLY
    if per_year >= 10:
        return MONTHLY
    if per_year >= 2:
        return FEW
    return YEARLY


def _count(raw: str | None) -> float | None:
    """A count as said: "4-5" is 4.5, "two or three" 2.5, "a handful of" 4."""
    if not raw:
        return 1.0
    raw = raw.lower().strip()
    if raw in _WORD_COUNTS:
        return _WORD_COUNTS[raw]
    values = [
        q.value
        for part in re.split(r"\s*(?:-|–|\bto\b|\bor\b)\s*", raw)
        if part and (q := parse_quantity(part)) is not None
    ]
    return sum(values) / len(values) if values else None


def times_per_year(text: str) -> float | None:
    """The rate a reply states, if it states one."""
    m = _TIMES.search(text)
    if m:
        word = re.sub(r"\s+", " ", (m["word"] or "").lower())
        count = _ONCE_TWICE.get(word) or _count(m["count"])
        period = re.sub(r"\s+", " ", m["period"].lower())
        if count:
            return count * _PER_YEAR[period]
    m = _PER.search(text)
    if (
        m
        and m["count"].lower() not in ("a", "an", "once", "twice")
        and (count := _count(m["count"]))
    ):
        return count * _PER_YEAR[re.sub(r"\s+", " ", m["period"].lower())]
    m = _EVERY.search(text)
    if m:
        every = 2.0 if re.search(r"\bother\b", m.group(0), re.I) else _count(m["count"])
        period = re.sub(r"\s+", " ", m["period"].lower())
        if every:
            return _PER_YEAR[period] / every
    return None


_EXPLICIT = re.compile(
    r"\b(daily|weekly|fortnightly|monthly|quarterly|annually|yearly|once a year|"
    r"year[- ]end|month[- ]end|every (?:day|week|month|quarter|year))\b",
    re.I,
)


def frequency_by_rule(text: str, in_passing: bool = False) -> str | None:
    """The option a regular phrasing names, or None to leave it to the classifier.

    `in_passing`: the question was about something else, so only a stated rate counts
    ("they do it every day"), not a loose phrase ("after a year of virtual classes").
    """
    rate = times_per_year(text)
    if rate is not None:
        return bucket(rate)
    if in_passing:
        m = _EXPLICIT.search(text)
        return frequency_by_rule(m.group(0)) if m else None
    for pattern, option in _PHRASES:
        if pattern.search(text):
            return option
    return None


_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?"
_SMALL = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)"
_RATE_SAID = re.compile(
    r"\bevery\s+(?:other\s+|single\s+)?(?:day|week|month|quarter|year|shift|morning|evening|night|"
    rf"weekday|working\s+day|fortnight|{_WEEKDAY}|month[- ]end|year[- ]end)\b|"
    r"\bevery\s+(?:\d+|two|three|four|five|six|few|couple\s+of)\s+(?:days|weeks|months|years)\b|"
    r"\beach\s+(?:day|week|month|quarter|year|shift)\b|"
    rf"\b(?:once|twice|thrice|(?:{_SMALL}(?:\s+(?:or|to)\s+{_SMALL}|\s*-\s*\d+)?|several|"
    r"multiple|a\s+few|a\s+couple\s+of|dozens\s+of|hundreds\s+of)\s+times)\s+"
    r"(?:a|an|per|each|every|in\s+a)\s+(?:day|week|month|quarter|year|shift|fortnight)\b|"
    r"\b(?:dozens|hundreds|scores)\s+of\s+[a-z-]+\s+(?:a|per|each|every)\s+(?:day|shift|week)\b|"
    r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly)\b"
    r"(?=\s*(?:[.,;:!?)]|$|(?:and|but|so|though|at|on|in|or|for|now|anyway|too|as|basically|"
    r"really|regardless|at\s+most|at\s+least)\b))",
    re.I,
)
"""A rate said as such ("every Friday", "every single day", "three or four times a shift",
"five or six times in a week", "hundreds of times a day", "dozens of turnarounds a day",
"weekly."); "weekly"
before a noun ("the weekly scrap report") names a report's period, not how often a task is
done."""
_TASK_NOUN = r"(?:task|job|thing|process|routine|chore|activity|exercise|procedure|check)"
_RATE_ADJECTIVE = re.compile(
    r"\b(?:it['’]s|it\s+is|this\s+is|that['’]s|be)\s+(?:only\s+)?an?\s+(?P<rate>daily|weekly|"
    r"fortnightly|monthly|quarterly|annual|yearly|(?:once|twice)[- ]a[- ](?:day|week|month|"
    rf"quarter|year))\s+{_TASK_NOUN}\b",
    re.I,
)
""""It's a monthly task", "a once-a-year task": the task named as done at a rate."""
_HANDLING = (
    r"(?:(?:all|still|just|only|each|always|also)\s+)?"
    r"(?:(?:handl|process|build|sign|rotat|chart|submit|prepar|book|pick|pack|load|"
    r"enter|fil|issu|rais|record|clean|serv|deliver|operat|calibrat|dispens|"
    r"administer|lift|quot|log)(?:e|es|s|ed|ing)?|writ(?:e|es|ing)\b(?!\s+off))\b"
)
_DOING = re.compile(
    r"\b(?:do|does|did|doing|done|use|uses|using|run|runs|running|fill|fills|filling|"
    r"complete|completes|completing|carry|carries|carrying|perform|performs|performing|"
    r"scan|scans|scanning|happens?|comes?\s+(?:up|round|around)|have\s+(?:those|these)|"
    # verbs of handling work after the people who do it: "they handle cash", "they rotate
    # stock", "the planners build the schedule", "to write up the site diary"; a noun ("the
    # build breaks", "the booking system") or "write off" is no doing
    r"(?:(?:they|we|you|i|he|she|everyone|everybody|who|to|(?!(?:is|was|has|this|its|us)\s)"
    rf"[a-z]+s)\s+|^\s*){_HANDLING})\b"
    r"(?P<gap>[^.;!?]{0,60}?)$",
    re.I,
)
"""A verb of doing the task before the rate, in the same sentence: "they do it every day",
"they fill it in every month", "it only happens twice a year", "they handle cash every single
day"."""
_IT_IS_RATE = re.compile(r"\b(?:it['’]s|it\s+is)\s+(?:every\s+[\w-]+(?:\s+[\w-]+)?,?\s+)?$", re.I)
""""It's weekly", "It's every drug round, four times a day": the rate as what it is."""
_NOT_THE_TASK = re.compile(
    r"\b(?:survey|report|dashboard|scorecard|figures|numbers|stats|data|kpis?|metrics?|"
    r"audit|observation|appraisal|1:1|one-to-one|supervision|feedback|spot[- ]check|"
    r"course|training|session|workshop|e-?learning|module|refresher|webinar)s?\b",
    re.I,
)
"""A rate of measuring, of checking on people or of training ("we run the survey every
quarter", "we do observations every quarter", "we've done the course every year") is not
how often the task itself comes up."""
_OTHER_CLAUSE = re.compile(
    r"\b(?:and|but|so|because|or|plus)\s+(?:you|they|we|i|he|she|there)\b", re.I
)
_GAP_AFTER_COMMA = re.compile(r"^\s*(?:which\s+is\s+)?$", re.I)


def _rate_of_doing(gap: str, verb: str, rate: str) -> bool:
    """Whether the words between the verb and the rate keep them in one clause about the task.

    "they're scanning every pallet, every day" and "every time they load, which is several
    times a day" do; "what to do, the supervisor tells them every morning" and "do it by the
    book and you're the last one out every night" start another clause; "that happens 40
    times a month" counts events, a level, not how often the task is done.
    """
    if _NOT_THE_TASK.search(gap) or _OTHER_CLAUSE.search(gap):
        return False
    if "," in gap and not _GAP_AFTER_COMMA.match(gap.rsplit(",", 1)[1]):
        return False
    return not (
        re.match(r"happen|come", verb, re.I) and re.match(r"\d|dozens|hundreds", rate, re.I)
    )


def _option_of(rate: str) -> str | None:
    if re.search(_WEEKDAY, rate, re.I):
        return WEEKLY
    return frequency_by_rule(re.sub(r"\bsingle\s+", "", rate, flags=re.I))


def task_rate(text: str) -> str | None:
    """How often the task is done, when a reply about something else says it.

    Only a rate of doing the task counts ("they do the dilution every day", "it's a monthly
    task", "they only use it quarterly"), never a metric's period ("complaints per week",
    "we lose £4k a month") or a count per period ("20 a month"), which is a level.
    """
    said = task_rate_said(text)
    return said[0] if said else None


def task_rate_said(text: str) -> tuple[str, str] | None:
    """The option and the words that say it ("three times a day"): a count in them is how
    often the task is done, not a level today."""
    m = _RATE_ADJECTIVE.search(text)
    if m:
        option = _option_of(m["rate"].replace("-", " "))
        return (option, m.group(0)) if option else None
    for m in _RATE_SAID.finditer(text):
        before = sentences.before(text, m.start(), sentences.CLAUSES)
        doing = _DOING.search(before)
        of_doing = doing is not None and _rate_of_doing(doing["gap"], doing.group(0), m.group(0))
        if (of_doing or _IT_IS_RATE.search(before)) and (option := _option_of(m.group(0))):
            return option, m.group(0)
    return None
