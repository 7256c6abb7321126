"""Numbers as requesters type them: "about 60 a week", "£2.3m", "a third of them", "3.6 out of 5".

Baseline, target and audience size are the only numeric slots, and a wrong number is worse
than none (a filled slot is never asked again). So this module is conservative and explicit:

- every number is read with its span, so callers can tell which clause it came from;
- numbers that belong to a date ("30 April 2027", "Q3 2027", "by 2027"), a time ("9am"),
  an ordinal ("the 3rd"), a label ("level 4", "ISO 9001") or a phone number are not
  quantities at all, and are dropped before anything else looks at them;
- a unit is kept only from a whitelist of measurement and count words, so "45 people" is a
  bare 45 but "60 complaints" keeps its unit; money and percentages are normalised to
  "£", "$", "€" and "%", ratings to "/5".

Number words are read by a small span-preserving parser rather than `text2num.alpha2digit`:
alpha2digit rewrites the sentence (so offsets are lost) and reads "a hundred" as "a 100",
"4 thousand" as "4 1000" and "a third" as "a 3rd". The tests cross-check the word parser
against `text2num` instead.

Everything here is a pure function of the text; regexes are compiled once, and the scan of
one message is cached because the engine asks several questions of the same reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from app.interview.state import Quantity
from app.understanding import sentences

__all__ = [
    "COUNT",
    "CORRECTING",
    "FRACTION",
    "QuantityMatch",
    "find_quantities",
    "parse_change",
    "parse_headcount",
    "parse_quantity",
    "says_a_multiple",
    "says_a_spread",
]


@dataclass(frozen=True)
class QuantityMatch:
    """One number found in a message, with the unit it carries and where it was said.

    `text` is the matched phrase including approximation markers and unit ("about £40k"),
    `approximate` says the requester hedged ("about", "roughly", "40-ish", a range).
    """

    value: float
    unit: str | None
    start: int
    end: int
    text: str
    approximate: bool


@dataclass(slots=True)
class _Atom:
    """A quantity under construction. `scale` lets a range or a change share its "k" or
    "million" between its two ends ("£40-50k", "from 2 to 1.5 million")."""

    value: float
    start: int
    end: int
    core_start: int
    core_end: int
    unit: str | None = None
    approximate: bool = False
    scale: float = 1.0
    word: bool = False
    kind: str = "number"  # number | fraction | ratio
    rate: bool = False  # followed by "a week", "per day": a rate, never a head count


# --- vocabulary ------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """Word lists are written as prose so they stay readable for whoever extends them."""
    return text.split()


_SMALL = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD_KIND: dict[str, tuple[str, int]] = {
    **{w: ("unit" if i < 10 else "teen", i) for i, w in enumerate(_SMALL)},
    **{w: ("tens", v) for w, v in _TENS.items()},
    "hundred": ("hundred", 100),
    **{w: ("scale", v) for w, v in _SCALES.items()},
    "dozen": ("dozen", 12),
    "couple": ("couple", 2),
    "a": ("a", 1),
    "an": ("a", 1),
    "half": ("half", 0),
    "and": ("and", 0),
    "of": ("of", 0),
}
_NUMWORD = "|".join(
    sorted([*_SMALL, *_TENS, "hundred", *_SCALES, "dozen", "couple"], key=len)[::-1]
)
_VOCAB = _NUMWORD + "|and|of|an|a"

COUNT = (
    r"(?:\d[\d,]*|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred)\b)"
)
"""A count in digits or words; not "one", which is as often a pronoun ("not one of them")."""
HAD = r"(?:['’]d|\s+had)?"
"""After "I" or "we" telling what they said before: the past perfect too ("I'd said 30", "we
had told you 40"), which puts the figure as firmly in the past as "I said 30" does."""
CORRECTING = re.compile(
    rf"\b(?:actually|correction|sorry|i\s+meant|i\s+mean|to\s+correct|make\s+that|"
    rf"scratch\s+that|not\s+{COUNT}|rather\s+than\s+{COUNT}|i\s+forgot|"
    rf"change\s+(?:the|it)|i{HAD}\s+said|(?:i|we){HAD}\s+told\s+you|fix\s+something\s+i\s+said)\b|"
    r"\bupdate:",
    re.I,
)
"""A reply that corrects something said before ("actually it's 45, not 30", "sorry, I meant
June", "I told you 40", "Update: ..."): its facts replace what was filled, and a goal set
"instead of" a figure in it is a correction, not a change."""

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"

# Canonical unit for each accepted spelling. Counts keep their plural noun.
_UNIT_GROUPS: dict[str, tuple[str, ...]] = {
    "seconds": ("sec", "secs", "second", "seconds"),
    "minutes": ("min", "mins", "minute", "minutes"),
    "hours": ("h", "hr", "hrs", "hour", "hours"),
    "days": ("day", "days"),
    "weeks": ("wk", "wks", "week", "weeks"),
    "months": ("month", "months"),
    "years": ("yr", "yrs", "year", "years"),
    "kg": ("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogrammes"),
    "g": ("g", "gram", "grams", "grammes"),
    "tonnes": ("tonne", "tonnes", "ton", "tons"),
    "lb": ("lb", "lbs"),
    "km": ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"),
    "miles": ("mile", "miles"),
    "m": ("metre", "metres", "meter", "meters"),
    "cm": ("cm",),
    "mm": ("mm",),
    "l": ("litre", "litres", "liter", "liters"),
    "ml": ("ml",),
    "points": ("point", "points", "pts", "pt", "pp"),
    "stars": ("star", "stars"),
    "breaches": ("breach", "breaches"),
}
_COUNT_NOUNS = _words(
    "calls complaints tickets errors mistakes incidents accidents injuries refunds returns "
    "orders sales deals leads customers clients patients visits deliveries drops redeliveries "
    "cases claims defects faults escalations reviews applications hires leavers resignations "
    "units items parcels packages emails chats contacts bookings appointments no-shows "
    "transactions invoices jobs tasks shipments pallets picks queries requests enquiries "
    "inquiries messages issues bugs failures rejections complaints absences sick-days "
    "callbacks transfers cancellations renewals referrals conversions signups sign-ups "
    "downloads rework reworks repeats repairs breakdowns audits findings observations "
    "near-misses falls errors lates late-arrivals"
)
_COUNTED_THINGS_NOUNS = frozenset(_COUNT_NOUNS)
_UNITS: dict[str, str] = {}
for _canon, _spellings in _UNIT_GROUPS.items():
    for _s in _spellings:
        _UNITS[_s] = _canon
for _plural in _COUNT_NOUNS:
    _UNITS[_plural] = _plural
    _UNITS.setdefault(_plural[:-3] + "y" if _plural.endswith("ies") else _plural[:-1], _plural)
_TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})

_UNIT_ADJECTIVES = frozenset(
    _words(
        "working business calendar man person full-time extra more fewer less additional "
        "customer repeat failed missed dropped abandoned formal serious lost sick"
    )
)

_PEOPLE_NOUNS = frozenset(
    _words(
        """people person persons techs staff employees employee colleagues colleague members member
    agents agent heads workers worker drivers driver nurses nurse engineers engineer managers
    manager reps rep advisers adviser advisors advisor operators operator cooks cook chefs
    teachers teacher consultants consultant receptionists receptionist instructors supervisors
    supervisor assistants assistant technicians technician cleaners cleaner accountants
    architects users user learners learner trainees trainee starters starter hires recruits
    leaders leader directors director analysts analyst developers developer designers
    officers officer clerks clerk cashiers cashier pharmacists doctors doctor carers carer
    therapists volunteers volunteer students student apprentices apprentice interns intern
    graduates managers men women guys folks souls individuals fte ftes headcount bodies
    salespeople salesperson sellers buyers planners pickers packers handlers porters guards
    paramedics midwives surgeons lawyers solicitors paralegals partners associates coaches
    tutors lecturers researchers scientists specialists generalists administrators admins
    executives execs hosts servers waiters waitresses bartenders baristas stylists mechanics
    electricians plumbers fitters installers inspectors auditors controllers dispatchers
    coordinators team-members people-managers line-managers frontline front-line operatives
    attendants residents tellers marshals marshal ppl"""
    )
)
_NOT_PEOPLE_ER = frozenset(
    _words(
        "customers orders errors numbers letters centres centers computers containers vouchers "
        "transfers offers answers chapters papers matters others hours years layers quarters "
        "meters metres litres liters dollars markers printers monitors servers_ folders "
        "passengers callers visitors scanners trailers chargers stickers routers lockers "
        "trolleys suppliers providers vendors"
    )
)
_LEAD_ROLES = frozenset(
    _words("team shift line site store ward section area floor project tech technical clinical")
)
"""What a lead leads: "12 shift leads", "9 team leads" are people; "40 sales leads" are not."""


def leads_people(first: str, second: str) -> bool:
    """Whether two words after a number are people who lead something ("line leads")."""
    return second in ("leads", "lead") and first in _LEAD_ROLES


_GROUP_NOUNS = frozenset(
    _words(
        "teams team groups group shifts sites site stores store branches branch offices office "
        "cohorts cohort squads squad crews crew departments depots depot wards ward"
    )
)

# --- regexes ---------------------------------------------------------------------------------

_DIGITS = re.compile(
    r"(?:(?<![\w.,/:])(?<![A-Za-z]-)|(?<=\b[Ss]ub-))"  # "covid-19" is a name, "Sub-3" a number
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+|\d+)"
    r"(?:\.\d+)?(?![\d:]|[.,]\d)"
)
_WORD_RUN = re.compile(rf"\b(?:(?:a|an|half)[\s-]+)*(?:{_NUMWORD})(?:[\s-]+(?:{_VOCAB}))*\b", re.I)
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_FEW_BEFORE = re.compile(r"\b(?:few|several|many|some|tens\s+of|hundreds\s+of|of)\s+$", re.I)

_BLOCKED = re.compile(
    "|".join(
        [
            r"\b\d{4}-\d{1,2}-\d{1,2}\b",  # ISO date
            r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b",  # 30/09/2027
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?[\s-]+{_MONTH}(?:[\s,-]+'?\d{{2,4}})?\b",
            rf"\b{_MONTH}[\s-]+{_DAY}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"
            r"(?!\s*(?:%|per\s*cent|percent|people|staff|(?!(?:is|was|as|has|this)\b)[a-z]+s\b))",
            rf"\b{_MONTH}\s*,?\s*(?:'\d{{2}}|\d{{4}})\b",
            r"\b(?:[qh][1-4]|[1-4][qh])\b(?:\s*[/-]?\s*'?\d{2,4}\b)?",  # Q3 2027, H1, 1H
            r"\bfy\s*'?\d{2,4}\b",
            r"\b\d{4}\s*[/-]?\s*q[1-4]\b",
            r"\b\d+(?:st|nd|rd|th)\b",  # ordinals
            r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)",  # 9am, 9.30 pm
            r"\b\d{1,2}:\d{2}(?::\d{2})?\b",  # 17:00
            r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            r"\s*o['’]?\s*clock\b",
            r"\b24\s*/\s*7\b|\b1\s*[:-]\s*1\b|\b1-2-1\b|\b360(?:[\s-]degree)?\s+(?:feedback|review|appraisal)",
            r"(?<![\w£$€])\+\d[\d\s()-]{7,}\d",  # +44 20 7946 0958
            r"(?<![\w£$€.,])0\d{2,5}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w.,])",  # 020 7946 0958
            r"(?<![\w£$€.,])\d{3}[\s.-]\d{3}[\s.-]\d{4}(?![\w.,])",  # 555-123-4567
            r"(?<![\w£$€.,])\d{3}-\d{4}(?![\w.,])",  # 555-1234
            r"(?<![\w.,])(?<!\d\s)0\d+(?![\w.,])",  # 0800, 007: leading zero is never a count
            r"\b(?:level|version|phase|step|stage|tier|grade|band|room|floor|page|section|"
            r"chapter|module|iso|number|no\.|covid|gate|zone|route|bay|aisle|lane|ward|clause|"
            r"article|paragraph|para|rule|item|schedule|annex|appendix|line|site|store|platform|"
            r"terminal|building|plant|dock|wing|"
            r"(?<!\ba\s)(?<!\bper\s)(?<!\beach\s)(?<!\bevery\s)(?:day|week|month))"
            r"\s*[#-]?\s*\d+(?:\.\d+)?\b(?!\s*(?:%|per\s*cent|percent))",
            r"#\s*\d+",
            # a condition on each item, not a count: "4 in 10 orders have at least one error"
            r"\b(?:have|has|had|with|contains?|includes?|including)\s+(?:at\s+least|more\s+than)"
            r"\s+one\b(?=\s+[a-z])",
            # the scale, not a level: "calls are scored out of 100, the average is 71"
            r"\b(?:scored|marked|rated|graded)\s+(?:out\s+of|on\s+a\s+scale\s+of(?:\s+\d+\s+to)?)\s+\d+\b",
            r"\b(?:year|yr|key\s+stage|ks)\s*\d{1,2}\b(?!\s*(?:%|per\s*cent|percent))",  # Year 7 tutors
            r"\bper\s+(?:a\s+)?(?:hundred|thousand|million|100|1,?000|10,?000|1,?000,?000)\b",
        ]
    ),
    re.I,
)
_YEAR_CUE = re.compile(
    rf"\b(?:in|by|since|until|till|til|before|after|during|through|throughout|early|mid|late|"
    rf"spring|summer|autumn|fall|winter|christmas|for|{_MONTH}|"
    r"(?:end|start|beginning|middle|half|quarter|spring|summer|autumn|winter)\s+of(?:\s+the\s+year)?)"
    r"\s*[-,]?\s*$",
    re.I,
)

_AND_FRACTION = re.compile(
    r"[\s-]+and[\s-]+(?:(?P<half>a[\s-]+half)|(?P<quarter>a[\s-]+quarter)|(?P<three>three[\s-]+quarters))\b",
    re.I,
)
_SCALE = re.compile(
    r"(?:(?P<letter>k|K|bn|BN|Bn|mn|m|M|b|B)\b|[\s-]+(?P<word>thousand|million|billion|hundred|grand|dozen)\b)"
)
_SCALE_VALUE = {
    "k": 1e3,
    "thousand": 1e3,
    "grand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "hundred": 1e2,
    "dozen": 12,
}
_CURRENCY_BEFORE = re.compile(r"(?:(?P<sym>£|€|\$)|\b(?P<code>GBP|USD|EUR|US\$))\s?$", re.I)
_CURRENCY_CODES = {"gbp": "£", "usd": "$", "us$": "$", "eur": "€"}
_APPROX_BEFORE = re.compile(
    r"(?:\b(?:about|around|roughly|circa|approx\.?|approximately|nearly|almost|"
    r"just\s+(?:under|over|below|above|shy\s+of)|under|over|below|above|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|no\s+more\s+than|some|"
    r"maybe|perhaps|probably|possibly|approaching|close\s+to|north\s+of|upwards\s+of|"
    r"in\s+excess\s+of|in\s+the\s+region\s+of|something\s+like|somewhere\s+around|"
    r"give\s+or\s+take|ca\.|c\.|est\.|estimated|ish|guess)\s*|~\s*|±\s*|\+/-\s*)$",
    re.I,
)
_APPROX_AFTER = re.compile(
    r"(?:\s*-?\s*ish\b|\s+or\s+so\b|[\s-]*odd\b|\+(?!\d)|\s+or\s+thereabouts\b|"
    r"\s+give\s+or\s+take(?:\s+a\s+few)?\b|\s+or\s+more\b|\s+or\s+less\b|\s+plus\b(?!\s+\d))",
    re.I,
)
_SUFFIX = re.compile(
    r"\s*(?:"
    r"(?P<pct>%|per\s*cent\b|percent\b|pc\b|pct\b|percentage\s+points?\b)"
    r"|(?P<gbp>pounds?\b|quid\b|sterling\b|gbp\b)"
    r"|(?P<usd>dollars?\b|bucks\b|usd\b)"
    r"|(?P<eur>euros?\b|eur\b)"
    r"|(?P<pence>p\b|pence\b)"
    r"|(?:out\s+of|/)\s*(?P<den>\d+(?:\.\d+)?|ten|five|four|seven|hundred|a\s+hundred)\b"
    r")",
    re.I,
)
_RATIO = re.compile(
    r"\s+in\s+(?:every\s+)?(?P<den>\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|"
    r"a\s+hundred|hundred|a\s+thousand)\b(?!\s*(?:%|per|seconds?|minutes?|hours?|days?|weeks?|months?|years?|the\b))",
    re.I,
)
_SMALL_DEN = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "a thousand": 1000,
}
_UNIT_WORDS = re.compile(
    r"[\s-]*([A-Za-z][A-Za-z-]*)(?:\s+([A-Za-z][A-Za-z-]*))?(?:\s+([A-Za-z][A-Za-z-]*))?"
)
"""The (up to) three words after a number: its unit, or the people it counts."""
_COUNTED_THINGS = re.compile(
    r"\s+(?:of\s+(?:the|our|my)\s+)?(?:[a-z-]+\s+)?(?!(?:stars|points|marks)\b)[a-z]+s\b", re.I
)
"""After "out of 10": the things counted, which makes the pair a share ("3 out of 10 jobs")."""
_RATE_AFTER = re.compile(
    r"\s*(?:a|an|per|each|every|/|in\s+a|a\s+single)\s*(?:day|week|month|year|hour|shift|quarter|"
    r"fortnight|annum|night|term|semester|season|person|head|employee|call|store|site|drop)\b",
    re.I,
)
_NUMERATOR = r"a|an|one|two|three|four|nine"
_DENOMINATOR = r"half|thirds?|quarters?|fifths?|tenths?"
_NOT_AFTER_AND = r"(?<!\band\s)(?<!\band-)"
"""Not the half of "one and a half" or "two-and-a-half", which `_AND_FRACTION` reads."""
_FRACTION = re.compile(
    rf"{_NOT_AFTER_AND}\b(?:(?P<num>{_NUMERATOR})[\s-]+)?(?P<den>{_DENOMINATOR})\b", re.I
)
FRACTION = rf"{_NOT_AFTER_AND}\b(?:(?:{_NUMERATOR})[\s-]+)?(?:{_DENOMINATOR})\b"
"""Regex source of `_FRACTION` without its groups, for patterns elsewhere that must name a
share said in words ("a third", "two-fifths", "half of them"): the words alone, without
`_fractions`' checks of what comes before and after ("the third time", "half an hour")."""
_OF_A_PERCENT = re.compile(r"\s+(?:of\s+)?(?:a|an|one)\s+(?:per\s*cent|percent)\b", re.I)
_FRACTION_DEN = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTION_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_FRACTION_BAD_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|last|next|this|other|the|each|every|per|once|twice|"
    r"times|final|following|previous|coming|in|by|\d\w*)\s+(?:an?\s+)?$",
    re.I,
)
_FRACTION_BAD_AFTER = re.compile(
    r"[\s-]+(?:party|parties|time|times|place|person|round|attempt|option|year|years|week|"
    r"weeks|month|months|day|days|quarter|line|level|generation|wave|tier|grade|shift|floor|"
    r"stage|phase|step|try|world|way|wheel|degree|eye|rate|base|hand|country|sector|final|"
    r"finals|term|century|decade|hour|hours|hearted|baked|price|measures?|an?\s+dozen|"
    r"of\s+(?:the\s+)?(?:year|next|this|last|an?\s+hour|20\d\d)|(?:of\s+)?(?:that|this))\b",
    re.I,
)
_FRACTION_BY = re.compile(r"\b(?:by|in)\s+$", re.I)
_RATE_BEFORE = re.compile(
    r"(?:\d\S*|\b(?:once|twice|times|[a-z]+s)(?<!['’]s)(?<!\bis)(?<!\bwas)(?<!\bits))\s+$", re.I
)
_HALF_DURATION = re.compile(r"[\s-]+(?:an?[\s-]+)?(hour|day|week|month|year|shift)\b", re.I)
_ONE_SKIP_BEFORE = re.compile(
    r"(?:\b(?:no|any|every|each|some|the|this|that|which|another|only\s+the|last|next|at)\s+|"
    r"-(?:to|on)-)$",
    re.I,
)
_ONE_SKIP_AFTER = re.compile(
    r"(?:\s+(?:of|another|thing|way|time|point|issue|problem|reason|more|option|side|hand|"
    r"by\s+one|to\s+one|on\s+one|or\s+(?:the\s+)?other|or\s+not|day\s+(?:we|i|they|you|soon))\b|"
    r"-(?:to|on|off)-)",
    re.I,
)


# --- the scan --------------------------------------------------------------------------------


def _word_numbers(text: str, start: int, end: int) -> list[tuple[float, int, int]]:
    """Read a run of number words ("a hundred and twenty", "twenty four", "two dozen") into
    (value, start, end) groups, splitting where the words stop forming one number."""
    tokens = [
        (m.group().lower(), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text, start, end)
    ]
    out: list[tuple[float, int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        total = current = 0.0
        last: str | None = None
        last_scale = float("inf")
        first = tokens[i][1]
        group_end = -1
        j = i
        while j < n:
            word, _, w_end = tokens[j]
            kind, value = _WORD_KIND[word]
            nxt = _WORD_KIND[tokens[j + 1][0]][0] if j + 1 < n else None
            if kind == "a":
                if last is not None or nxt not in ("hundred", "scale", "dozen", "couple"):
                    break
            elif kind == "half":
                if not (last is None and nxt == "a" and j + 2 < n and tokens[j + 2][0] == "dozen"):
                    break
                current, last, group_end, j = 6, "dozen", tokens[j + 2][2], j + 3
                continue
            elif kind == "couple":
                if last != "a":
                    break
                current = 2
            elif kind == "of":
                if last != "couple" or nxt not in ("hundred", "scale", "dozen"):
                    break
                last, j = "of", j + 1
                continue
            elif kind == "and":
                if last not in ("hundred", "scale") or nxt not in ("unit", "teen", "tens"):
                    break
                last, j = "and", j + 1
                continue
            elif kind == "unit":
                if last in (None, "tens", "hundred", "scale", "and"):
                    current += value
                else:
                    break
            elif kind in ("teen", "tens"):
                if last not in (None, "hundred", "scale", "and"):
                    break
                current += value
            elif kind == "hundred":
                if last not in (None, "a", "unit", "teen", "couple", "of") or current >= 100:
                    break
                current = (current or 1) * 100
            elif kind == "scale":
                if last in ("and",) or value >= last_scale:
                    break
                total += (current or 1) * value
                current, last_scale = 0, value
            elif kind == "dozen":
                if last not in ("a", "unit", "teen", "tens", "couple", "of"):
                    break
                current = (current or 1) * 12
            last = kind
            if kind != "a":
                group_end = w_end
            j += 1
        if group_end > 0 and last not in (None, "a"):
            out.append((total + current, first, group_end))
            # resume after the last token that belonged to the group
            while i < n and tokens[i][2] <= group_end:
                i += 1
        else:
            i = max(j, i + 1) if j > i else i + 1
    return out


def _cores(text: str, claimed: list[tuple[int, int]]) -> list[tuple[float, int, int, bool]]:
    cores: list[tuple[float, int, int, bool]] = []
    for m in _DIGITS.finditer(text):
        raw = re.sub(r"[,\s\u00a0\u202f]", "", m.group())
        cores.append((float(raw), m.start(), m.end(), False))
    lowered = text.lower()
    if any(w in lowered for w in _QUICK_WORDS):
        for m in _WORD_RUN.finditer(text):
            for value, s, e in _word_numbers(text, m.start(), m.end()):
                first = text[s:e].split()[0].lower()
                if first in ("hundred", "thousand", "million", "billion") and _FEW_BEFORE.search(
                    text, max(0, s - 20), s
                ):
                    continue
                cores.append((value, s, e, True))
    cores.sort(key=lambda c: c[1])
    return [c for c in cores if not any(c[1] < ce and cs < c[2] for cs, ce in claimed)]


_QUICK_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve teen twenty thirty "
    "forty fourty fifty sixty seventy eighty ninety hundred thousand million billion dozen couple"
)


def _fractions(text: str, blocked: list[tuple[int, int]]) -> list[_Atom]:
    """Read "a third", "two thirds", "half of them" as percentages; "half an hour" as a duration."""
    atoms: list[_Atom] = []
    for m in _FRACTION.finditer(text):
        s, e = m.start(), m.end()
        if any(s < be and bs < e for bs, be in blocked):
            continue
        den_word = m.group("den").lower()
        plural = den_word.endswith("s")
        den = _FRACTION_DEN[den_word.rstrip("s")]
        num_word = (m.group("num") or "").lower()
        of_percent = _OF_A_PERCENT.match(text, e)
        if of_percent and not plural:
            value = _FRACTION_NUM.get(num_word, 1) / den  # "half a percent" is 0.5%, not 50%
            atoms.append(_Atom(value, s, of_percent.end(), s, e, unit="%", kind="fraction"))
            continue
        if den == 2 and num_word in ("", "a", "an", "one"):
            duration = _HALF_DURATION.match(text, e)
            if duration and not num_word:
                unit = _UNITS[duration.group(1).lower()]
                atoms.append(_Atom(0.5, s, duration.end(), s, e, unit=unit, kind="fraction"))
                continue
        if not num_word and den != 2:
            continue  # "the third", "quarter" alone: ordinals and periods, not proportions
        if plural != (_FRACTION_NUM.get(num_word, 1) > 1):
            continue
        if _FRACTION_BAD_BEFORE.search(text, max(0, s - 25), s) and not num_word:
            continue
        if _FRACTION_BY.search(text, max(0, s - 10), s):
            continue  # "cut it by a third": a relative change, not a value
        if den == 4 and num_word in ("a", "an") and _RATE_BEFORE.search(text, max(0, s - 25), s):
            continue  # "£10k a quarter", "twice a quarter": a rate
        if _FRACTION_BAD_AFTER.match(text, e):
            continue
        value = 100.0 * _FRACTION_NUM.get(num_word, 1) / den
        atoms.append(_Atom(value, s, e, s, e, unit="%", kind="fraction"))
    for atom in atoms:
        m = _APPROX_BEFORE.search(text, max(0, atom.start - 30), atom.start)
        if m:
            atom.approximate, atom.start = True, m.start()
    return atoms


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    if not _HAS_DIGIT.search(text):
        return []  # every blocked form has a digit; most replies have none
    return [m.span() for m in _BLOCKED.finditer(text)]


_HAS_DIGIT = re.compile(r"\d|clock", re.I)


def _build(text: str, value: float, cs: int, ce: int, word: bool) -> _Atom:
    """Grow a bare number into a quantity: fraction, scale, currency, unit, hedges, rate."""
    atom = _Atom(value, cs, ce, cs, ce, word=word)
    pos = ce
    m = _AND_FRACTION.match(text, pos)
    if m:
        atom.value += 0.5 if m.group("half") else 0.25 if m.group("quarter") else 0.75
        pos = m.end()
    m = _SCALE.match(text, pos)
    if m and not (word and m.group("letter")):
        key = (m.group("letter") or m.group("word")).lower()
        atom.scale = _SCALE_VALUE[key]
        atom.value *= atom.scale
        pos = m.end()
        if key == "grand":  # money in the reply's currency: "$30k ... below ten grand"
            atom.unit = next((c for c in "$€" if c in text), "£")
    m = _APPROX_AFTER.match(text, pos)
    if m:
        atom.approximate, pos = True, m.end()
    start = cs
    m = _CURRENCY_BEFORE.search(text, max(0, cs - 5), cs)
    if m:
        atom.unit = m.group("sym") or _CURRENCY_CODES[m.group("code").lower()]
        start = m.start()
    m = _SUFFIX.match(text, pos)
    if m and atom.unit is None:
        if m.group("pct"):
            atom.unit = "%"
        elif m.group("gbp"):
            atom.unit = "£"
        elif m.group("usd"):
            atom.unit = "$"
        elif m.group("eur"):
            atom.unit = "€"
        elif m.group("pence"):
            if m.group("pence").lower() == "p" and m.start() != pos:
                m = None
            else:
                atom.unit, atom.value = "£", atom.value / 100
        else:
            den_raw = m.group("den").lower()
            den = float(den_raw) if den_raw[0].isdigit() else float(_SMALL_DEN[den_raw])
            if den <= 0 or atom.value > den or atom.scale != 1:
                m = None
            elif den == atom.value == 50 and m.group(0).strip() == "/50":
                atom.unit = "%"  # "50/50": an even split
            elif atom.value == int(atom.value) and _COUNTED_THINGS.match(text, m.end()):
                # "three out of ten jobs" is a share of jobs; "4.2 out of 5" stays a rating
                atom.value, atom.unit, atom.kind = 100 * atom.value / den, "%", "ratio"
            else:
                atom.unit = f"/{den:g}"
        if m:
            pos = m.end()
    if atom.unit is None:
        m = _RATIO.match(text, pos)
        if m:
            den_raw = m.group("den").lower()
            den = float(den_raw) if den_raw.isdigit() else float(_SMALL_DEN[den_raw])
            if 2 <= den <= 1000 and 0 < atom.value <= den and not (1900 <= den <= 2100):
                atom.value, atom.unit, atom.kind, pos = (
                    100 * atom.value / den,
                    "%",
                    "ratio",
                    m.end(),
                )
    if atom.unit is None:
        m = _UNIT_WORDS.match(text, pos)
        if m:
            first = m.group(1).lower()
            second = (m.group(2) or "").lower()
            third = (m.group(3) or "").lower()
            # a count noun before people is a modifier: "45 call centre agents", "27 sales
            # assistants" (the last noun of a compound is what is counted); a measure is not:
            # "20 minutes staff time"
            modifier = (is_people_noun(second) and _UNITS.get(first) in _COUNTED_THINGS_NOUNS) or (
                _UNITS.get(first) != first and (is_people_noun(second) or is_people_noun(third))
            )
            if first in _UNITS and not modifier:
                atom.unit, pos = _UNITS[first], m.end(1)
            elif (
                second in _UNITS
                and len(second) > 2
                and not leads_people(first, second)  # "18 shift leads" counts people
                and first not in _UNITS
                and not is_people_noun(third)  # "28 field sales reps" counts reps
                and (
                    first in _UNIT_ADJECTIVES
                    or (first not in _FUNCTION_WORDS and not is_people_noun(first))
                )
            ):
                atom.unit, pos = _UNITS[second], m.end(2)  # "23 reportable incidents"
            elif (
                third in _COUNTED_THINGS_NOUNS
                and not {first, second} & (set(_UNITS) | _FUNCTION_WORDS)
                and not (is_people_noun(first) or is_people_noun(second))
            ):
                atom.unit, pos = _UNITS[third], m.end(3)  # "1,150 overdue maintenance orders"
    m = _APPROX_AFTER.match(text, pos)
    if m:
        atom.approximate, pos = True, m.end()
    m = _APPROX_BEFORE.search(text, max(0, start - 30), start)
    if m:
        atom.approximate, start = True, m.start()
    if atom.unit is None and (minus := _MINUS_BEFORE.search(text, max(0, cs - 8), cs)):
        atom.value, start = -atom.value, min(start, minus.start())  # "NPS is -5"
    atom.start, atom.end = start, pos
    atom.rate = bool(_RATE_AFTER.match(text, pos))
    return atom


_MINUS_BEFORE = re.compile(r"(?:(?<![\w.,)%-])[-−]|\bminus\s+)$", re.I)
"""A score below zero, written with its sign ("NPS is -5", "minus 12"); not a range ("3-5"), a
name ("covid-19"), a bullet ("- 5 people"), or a fall in a share or money ("-10%", "-£5k"),
which is a change, not a level."""


def _keep(text: str, atom: _Atom) -> bool:
    """Drop what only looks like a quantity: years, and "one" used as a pronoun."""
    core = text[atom.core_start : atom.core_end]
    if (
        not atom.word
        and core.isdigit()
        and len(core) == 4
        and 1900 <= atom.value <= 2099
        and atom.unit is None
        and atom.scale == 1
        and not atom.approximate
    ):
        following = _UNIT_WORDS.match(text, atom.end)
        words = [w.lower() for w in following.groups() if w] if following else []
        if following and following.start(1) == atom.end + 1 and any(map(is_people_noun, words)):
            return True  # "2000 staff", "a total of 2027 employees"
        if _YEAR_CUE.search(text, max(0, atom.start - 25), atom.start):
            return False  # "in 2027", "end of 2027"
        if 2015 <= atom.value <= 2045:
            return False  # a plausible deadline year said on its own
    pronoun = bool(
        _ONE_SKIP_BEFORE.search(text, max(0, atom.start - 15), atom.start)
        or _ONE_SKIP_AFTER.match(text, atom.end)
    )
    return not (
        atom.word and core.lower() == "one" and atom.unit is None and atom.scale == 1 and pronoun
    )


_SUBUNIT = {
    ("hours", "minutes"): 60,
    ("minutes", "seconds"): 60,
    ("days", "hours"): 24,
    ("weeks", "days"): 7,
    ("years", "months"): 12,
}
_AND_ONLY = re.compile(r"\s*(?:,\s*)?(?:and\s+)?", re.I)


def _clipped_subunit(text: str, a: _Atom, b: _Atom, between: str) -> int | None:
    """ "7 min 30", "2 hours 15": a bare figure right after a duration, smaller than one of it,
    is its smaller unit; not "20 minutes, 5 times a day", "3 days 40 orders" or "10 minutes 30 of
    them late"."""
    ratio = next((r for (big, _), r in _SUBUNIT.items() if big == a.unit), None)
    if (
        ratio is None
        or b.unit is not None
        or b.rate
        or not between.isspace()
        or not 0 < b.value < ratio
        or b.value != int(b.value)
        or _noun_after(text, b) is not None
        or _OF_A_GROUP.match(text, b.end)
    ):
        return None
    return ratio


_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|or)\s*$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_FROM_OR_CHANGE = re.compile(
    r"\b(?:from|cut|reduce|lower|bring|get|take|drop|improve|increase|raise|grow|move|push|"
    r"shift|decrease|boost|lift|go|went|gone|fell|rose|dropped|climbed)\b[^.;!?]*$",
    re.I,
)


def _merge_ranges(text: str, atoms: list[_Atom], plain_to: bool) -> list[_Atom]:
    """Make "40-50", "between 40 and 50", "40 or 50" into one approximate midpoint.

    "40 to 50" is a range only when nothing in the clause says it is a change ("from",
    "cut", "get ... to"); `plain_to=False` never merges it (used when reading changes)."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and a.kind == "number" and atoms[i + 1].kind == "number":
            b = atoms[i + 1]
            between = text[a.end : b.start]
            ratio = _SUBUNIT.get((a.unit, b.unit)) or _clipped_subunit(text, a, b, between)
            if ratio and _AND_ONLY.fullmatch(between):
                # "7 minutes 30 seconds", "2 hours and 15 minutes": one duration
                merged = _Atom(a.value + b.value / ratio, a.start, b.end, a.core_start, b.core_end)
                merged.unit, merged.approximate, merged.rate = a.unit, a.approximate, b.rate
                out.append(merged)
                i += 2
                continue
            sep = _RANGE_SEP.match(between) if len(between) < 8 else None
            is_range = False
            if sep and between.strip():
                word = between.strip().lower()
                if word == "to":
                    is_range = plain_to and not _FROM_OR_CHANGE.search(text, 0, a.start)
                elif word == "or":
                    is_range = True
                else:
                    is_range = True
            elif re.fullmatch(r"\s+and\s+", between) and _BETWEEN.search(
                text, max(0, a.start - 10), a.start
            ):
                is_range = True
            if is_range:
                lo, hi = a.value, b.value
                if b.scale > 1 and a.scale == 1 and lo * b.scale <= hi * 10:
                    lo *= b.scale
                unit = a.unit or b.unit
                if (a.unit and b.unit and a.unit != b.unit) or not lo < hi:
                    out.append(a)
                    i += 1
                    continue
                start = a.start
                m = _BETWEEN.search(text, max(0, a.start - 10), a.start)
                if m:
                    start = m.start()
                out.append(
                    _Atom(
                        (lo + hi) / 2,
                        start,
                        b.end,
                        a.core_start,
                        b.core_end,
                        unit=unit,
                        approximate=True,
                        scale=b.scale,
                        rate=b.rate,
                    )
                )
                i += 2
                continue
        out.append(a)
        i += 1
    return out


@lru_cache(maxsize=512)
def _scan(text: str) -> tuple[_Atom, ...]:
    """All quantities in `text`, before ranges are merged."""
    blocked = _blocked_spans(text)
    fractions = _fractions(text, blocked)
    claimed = blocked + [(f.start, f.end) for f in fractions]
    atoms = [*fractions]
    taken: list[tuple[int, int]] = [(f.start, f.end) for f in fractions]
    for value, cs, ce, word in _cores(text, claimed):
        if any(cs < te and ts < ce for ts, te in taken):
            continue
        atom = _build(text, value, cs, ce, word)
        if not _keep(text, atom):
            continue
        # a suffix may not swallow the next number ("3.6 out of 5"): drop cores it covers
        atoms.append(atom)
        taken.append((atom.core_start, atom.end))
    atoms.sort(key=lambda a: a.start)
    # cores inside another atom's span (the "5" of "out of 5", "two" of "one in two") go
    result: list[_Atom] = []
    for atom in atoms:
        if result and atom.start < result[-1].end:
            continue
        result.append(atom)
    return tuple(result)


def _match(text: str, atom: _Atom) -> QuantityMatch:
    return QuantityMatch(
        value=round(atom.value, 6),
        unit=atom.unit,
        start=atom.start,
        end=atom.end,
        text=text[atom.start : atom.end],
        approximate=atom.approximate,
    )


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity in `text`, in order, with its unit and span.

    Ranges ("40-50 people", "between 10 and 12%") come back as one approximate midpoint
    because a requester giving a range means "about this much", not two facts.
    """
    return [_match(text, a) for a in _merge_ranges(text, list(_scan(text)), plain_to=True)]


# --- a reply that opens with its figure -----------------------------------------------------

OPENING = (
    r"\W*?(?:(?:about|around|roughly|approx(?:imately)?|maybe|probably|some|nearly|almost|"
    r"just\s+(?:over|under)|over|under|well|um+|er+|honestly|oh|like|let['’]s\s+say|say|"
    r"call\s+it|i['’]d\s+say)[,\s]+)*"
)
"""Regex source: nothing but hedges and fillers ("about", "honestly, like", "um, let's say"),
so the figure after them opens the reply and is what it answers. The one list for every rule
that asks whether a reply opens with its figure: `opens_reply` (the scan's scoring and head
counts), `figure_alone` (`facts.leading_answer`) and `figure_first` (`facts.named_value`).
Lazy about marks, so a "£" or "-" before the figure stays the figure's. Not "ideally", which
names the goal ("Ideally 95. We're at 80." does not answer today's level with 95;
`_TARGET_CUE` reads it), nor "now", which at a reply's start names today ("Now 80.")."""
FIGURE = r"(?:[-+£$€]?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|per\s*cent|percent|[km]\b))?|zero|nil)"
"""Regex source: a figure in digits with its sign, currency, scale or percent ("85%",
"£2.5k", "-3"), or "zero" or "nil"; for the rules that take a figure from a fixed place
instead of scanning for atoms. A full stop after it stays the sentence's ("80. We want 95")."""
_OPENING = re.compile(OPENING, re.I)
_OPENING_ARTICLE = re.compile(OPENING + r"(?:an?\s+)?", re.I)
_FIGURE_ALONE = re.compile(rf"{OPENING}(?P<figure>{FIGURE})\s*(?:[,;:.!?](?=\s|$)|[-–—]\s|$)", re.I)
_FIGURE_FIRST = re.compile(rf"\s*(?:now\s+)?{OPENING}{FIGURE}", re.I)


def opens_reply(text: str, start: int, article: bool = False) -> bool:
    """Whether nothing but hedges (`OPENING`) comes before `start`: the figure there opens
    the reply. With `article`, "a" or "an" may come right before it ("A 4.5 average")."""
    return (_OPENING_ARTICLE if article else _OPENING).fullmatch(text, 0, start) is not None


def figure_alone(text: str) -> re.Match[str] | None:
    """The reply opens with a figure in digits (group "figure") that stands alone in its
    clause ("85%, and I need to fix two things", "Let's say 90%. Sorry, ..."), up to the
    mark after it; not one with a word after it ("80 today", "3.5 days"). Looser than
    `_answer_alone` (a comma or a dash may end it) and narrower (digits only), because it
    is read only when a target was asked, and there it wins over the scan's scoring."""
    return _FIGURE_ALONE.match(text)


def figure_first(text: str, pos: int = 0) -> re.Match[str] | None:
    """The figure that opens the words from `pos`, with its hedges: the value right after a
    slot's name ("the goal is zero late journals, down from 25"), or the one the requester
    reported there and the rest of the sentence replaces ("the target I gave, 80%, should
    be 85%"). Here "now" may come first too: after the name it marks the change ("the
    target's now 85%"), not today's level."""
    return _FIGURE_FIRST.match(text, pos)


# --- the single number of a reply -----------------------------------------------------------

_ZERO_REPLY = re.compile(
    r"^\W*(?:(?:well|um+|er+|erm|honestly|currently|right\s+now|at\s+the\s+moment|today|"
    r"it'?s|it\s+is|we\s+have|there\s+are|there\s+is)[,\s]+)*"
    r"(?:zero|none|nil|nothing|nada|not\s+a\s+single\s+one|no\s+\w+\s+at\s+all)\b",
    re.I,
)
_UNKNOWN = re.compile(
    r"\b(?:idea|clue|sure|know|knows|track|tracked|measure|measured|record|recorded|data|"
    r"figures?|numbers?|count|counted|visibility|unknown)\b",
    re.I,
)
_STRONG_CUE = re.compile(
    r"\b(?:currently|now|at\s+the\s+moment|at\s+the\s+minute|at\s+present|right\s+now|today|"
    r"presently|these\s+days|nowadays|as\s+it\s+stands|as\s+of\s+now|baseline|current\s+(?:\w+\s+){0,3}?(?:is|of|at))\b|"
    r"\b(?:we['’]re|we\s+are|it['’]s|sits?|stands?|sitting|standing|running)\s+at\s*$|"
    r"\b(?:we['’]re|we\s+are)\s+on\s+(?:(?:about|around|roughly|only|just)\s+)?$",
    re.I,
)
"""Today's value: "currently", "right now", and a level stated as such ("we're at", "sits at",
"we're on about £700k")."""
_WEAK_CUE = re.compile(
    r"(?:\b(?:is|are|at|sits\s+at|stands\s+at|running\s+at|runs\s+at|hovers\s+around|about|"
    r"around|roughly|approximately|have|get|gets|getting|see|seeing|do|does|doing|handle|"
    r"lose|losing|make|making|averages?|averaging|average\s+of)|['’]s|['’]re|:)\s*$",
    re.I,
)
_AFTER_STRONG = re.compile(
    r"\s*,?\s*(?:(?!and\b|but\b|or\b|then\b)[a-z]+\s+){0,3}?(?:currently|now|at\s+the\s+moment|at\s+present|today|these\s+days)\b",
    re.I,
)
_PAST_OR_TARGET = re.compile(
    r"\b(?:was|were|used\s+to|last\s+year|previously|before|want|wants|target|aim|aiming|goal|"
    r"hope|hoping|ideally|would\s+like|'d\s+like|should\s+be|down\s+to|up\s+to|get\s+it\s+to|"
    r"by|to)\b[^.;!?]*$",
    re.I,
)
_PERIOD_BEFORE = re.compile(
    r"\b(?:last|past|next|over|in|within|every|per|for|each|after|during|since)\s+(?:the\s+)?$",
    re.I,
)


_OF_A_GROUP = re.compile(r"\s+of\s+(?:the|our|all|them|those|these|my|its|their)\b", re.I)
_OUT_OF = re.compile(
    r"\bout\s+of\s+(?:(?:a|about|around|roughly|approximately|some|nearly|almost|over|the)\s+)*$",
    re.I,
)
"""A figure after "out of" is the total a share is taken from, not the measure."""


def _window_before(text: str, atoms: list[_Atom], i: int, width: int = 40) -> tuple[int, int]:
    lo = atoms[i - 1].end if i else 0
    return max(lo, atoms[i].start - width), atoms[i].start


def parse_quantity(text: str, want: Literal["current", "target"] = "current") -> Quantity | None:
    """The one number a reply to "what is it now?" / "what would good look like?" means.

    "from X to Y" gives X (the question was about the current value); otherwise the number
    after "currently"/"now" wins, then one after "is"/"at"/"about", then the first. A bare
    "zero"/"none"/"nothing" answer is 0, unless it says the number is not known.
    """
    zero_reply = _ZERO_REPLY.match(text) and not _UNKNOWN.search(text)
    first = sentences.split(text)[0]
    if zero_reply and all(a.value == 0 for a in _scan(first)):
        return Quantity(value=0.0)  # "Zero injuries; there are 200 operatives": the answer leads
    pair = parse_change(text)
    if pair is not None:
        return pair[0]
    change = _explicit_change(text, _merge_ranges(text, list(_scan(text)), plain_to=False))
    if change is not None and change[3]:
        now = change[2]  # "it rose from 40 to 65": 65 is today's value
        return Quantity(value=round(now.value, 6), unit=now.unit or change[1].unit)
    atoms = _merge_ranges(text, list(_scan(text)), plain_to=True)
    if not atoms:
        return None
    best, best_score = None, -99
    for i, atom in enumerate(atoms):
        lo, hi = _window_before(text, atoms, i)
        score = 0
        # a cue in the figure's own sentence: "today" in "One in five is reopened today. Get
        # that to one in ten" marks the five, not the ten
        cue_from = sentences.start(text, hi, lo=lo)
        if _STRONG_CUE.search(text, cue_from, hi) or _AFTER_STRONG.match(text, atom.end):
            score = 3
        elif _WEAK_CUE.search(text, lo, hi) or atom.approximate:
            score = 2
        if atom.kind in ("fraction", "ratio") and _OF_A_GROUP.match(text, atom.end):
            score = max(score, 2)  # "a third of the orders": the share is the measure
        if want == "target":
            # "at least 4.5 stars; we sit at 3.8 today": today's value is not the goal
            targeted = _TARGET_CUE.search(text, lo, hi) or _AFTER_TARGET.match(text[atom.end :])
            score = 4 if targeted else -1 if score == 3 else score
            if not targeted and atom.unit is None and _noun_after(text, atom) is not None:
                score -= 2  # "4.5 stars by summer. We have 9 branches": 9 counts the branches
        elif _PAST_OR_TARGET.search(text, lo, hi) and score < 3:
            score -= 1
        if _OUT_OF.search(text, lo, hi):
            score -= 3  # "eight a month, give or take, out of roughly 300": the total
        if _answer_alone(text, atom) or (want == "target" and _named_alone(text, atom)):
            score = max(score, 3)  # "Ninety. Oh, and the team is 48, not 36": the answer leads
        if atom.unit in _TIME_UNITS and _PERIOD_BEFORE.search(text, max(lo, atom.start - 20), hi):
            score -= 3
        if _COMPARISON.search(text, lo, hi):
            score -= 3  # "68% are fixed first time; the national average is 77%": 68
        if i and atoms[i - 1].approximate and _RESTATED_AS.search(text, lo, hi):
            score = max(score, best_score + 1)  # "between 30 and 35, call it 32": 32
        if _taken_back(text, atoms, i):
            score -= 4  # "the 500 I mentioned earlier", "not 15": a figure taken back
        elif _CONCLUSION.search(text, lo, hi) and any(
            _taken_back(text, atoms, j) and not _counts_people(text, atoms[j])
            for j in range(len(atoms))
        ):
            score += 2  # "scratch the 500 … closer to 650": the figure that replaces it
        if score > best_score:
            best, best_score = atom, score
    assert best is not None
    return Quantity(value=round(best.value, 6), unit=best.unit)


def _answer_alone(text: str, atom: _Atom) -> bool:
    """The number is the reply's whole first sentence ("Ninety.", "About 40%."), so it answers
    the question; what follows is an aside."""
    return opens_reply(text, atom.start) and sentences.ends_at(text, atom.end)


def _named_alone(text: str, atom: _Atom) -> bool:
    """The reply opens with the figure and the measure's name, and no verb: "98.5% pick
    accuracy.", "A 4.5 average on Tripadvisor." Asked what good looks like, that is the goal,
    and today's level comes after; not "4 sites are behind." (a verb), nor "3 depots in the
    north." (a whole number of things is a count)."""
    m = _NAMED_AFTER.match(text, atom.end)
    noun = _noun_after(text, atom) if atom.unit is None else None
    return (
        not (noun is not None and noun.endswith("s") and atom.value == int(atom.value))
        and opens_reply(text, atom.start, article=True)
        and m is not None
        and not _VERB_OR_SUBJECT.search(m.group(0))
    )


def _taken_back(text: str, atoms: list[_Atom], i: int) -> bool:
    lo, hi = _window_before(text, atoms, i)
    return bool(_SUPERSEDED.match(text, atoms[i].end) or _SAID_BEFORE.search(text, lo, hi))


# --- baseline and target in one breath -----------------------------------------------------

_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:a|an|the|our|its|current|present|today['’]s|baseline|level|rate|score|"
    r"average|of|roughly)\s+){0,3}$",
    re.I,
)
_TO_BETWEEN = re.compile(
    r"^(?:\s*per\s+(?:a\s+)?\d[\d,]*)?(?:\s+(?:in|during|back\s+in)\s+(?:19|20)\d\d\b)?"
    r"(?:[^.;!?\d]{0,45}?\b(?:to|towards|into|under|below|above|over)|\s*(?:->|→|-->|=>|—>))\s*"
    r"(?:(?:just|around|about|roughly|maybe|perhaps|something\s+like|no\s+more\s+than|at\s+most|"
    r"at\s+least|under|below|over|above)\s+)?$",
    re.I,
)
_ARROW_BETWEEN = re.compile(r"^\s*(?:->|→|-->|=>)\s*$")
_DIRECTED_TO = re.compile(
    r"^[^.;!?\d]{0,30}?\b(?:down|up|back|drop|dropped|fall|rise|reduced?|cut|bring|get|go|"
    r"lower|raise|improve|increase|decrease|halve|push|move)\b[^.;!?\d]{0,20}?\bto\s*$",
    re.I,
)
_CHANGE_VERB = re.compile(
    r"\b(?:cut|reduce|lower|bring|get|take|drop|improve|increase|raise|grow|move|push|shift|"
    r"decrease|boost|lift)\b[^.;!?]*$",
    re.I,
)
METRIC_NOUN = r"(?:rate|score|percentage|ratio|accuracy|compliance|nps|csat)"
"""Words that name a metric's level: "the error rate", "pick accuracy", "compliance"."""
MONEY_UNITS = frozenset({"£", "$", "€"})
_BASELINE_CUE = re.compile(
    r"\b(?:currently|current(?:ly)?\s+(?:at|is|sits\s+at|running\s+at)|now|at\s+the\s+moment|"
    r"at\s+present|right\s+now|today|presently|baseline|is|are|it['’]s|we['’]re|we\s+are|"
    r"sits\s+at|stands\s+at|running\s+at|runs\s+at|at|was|were|have|get|getting|takes?|took|"
    r"taking|averages?|averaging|spends?|lose|losing|"
    rf"{METRIC_NOUN}['’]s)\b[^.;!?\d]{{0,25}}$",
    re.I,
)
_PAST_CUE = re.compile(r"\b(?:was|were|took|had|used\s+to\s+be)\b[^.;!?\d]{0,25}$", re.I)
_PRESENT_CUE = re.compile(
    r"\b(?:currently|now|at\s+the\s+moment|at\s+present|right\s+now|today|presently)\b"
    r"[^.;!?\d]{0,25}$",
    re.I,
)
"""A figure cued in the past tense is today's level only until one cued as today follows."""
_PRESENT_TENSE = re.compile(
    r"\b(?:it['’]s|it\s+is|we['’]re|we\s+are|they['’]re|they\s+are|is|are)\s+"
    r"(?:(?:at|on|down\s+to|up\s+to)\s+)?(?:(?:about|around|roughly|only|just)\s+)?$",
    re.I,
)
"""The present tense against a past one ("it was 11%, it's 8.5%"): today's level."""
_OF_IT = re.compile(
    r"\b(?:want|like|need|get|see)\s+(?:it|that|them)\s+(?:down\s+|up\s+)?(?:at|to|under|below)\s+$",
    re.I,
)
"""A target said of "it" is the same measure as today's: "Wastage is 150 kits a month and
we'd like it at 50"."""
_BOUND = re.compile(
    r"(?:under|below|less\s+than|fewer\s+than|no\s+more\s+than|at\s+most|at\s+least)\b", re.I
)
"""A figure given as a bound ("under 10 minutes") reads as a goal once today's level is named."""
_RESTATED_AS = re.compile(r"(?:^|[,;:.-]\s*)(?:so\s+)?(?:call\s+it|let['’]s\s+say|say)\s+$", re.I)
"""A rough figure settled on: "somewhere between 30 and 35, call it 32"."""
_COMPARISON = re.compile(
    r"\b(?:national|industry|sector|regional|market|peer|uk|us|eu)\s+(?:average|median|norm|"
    r"benchmark|figure)\b[^.;!?\d]{0,20}$|\bbenchmark\s+(?:is|of)\b[^.;!?\d]{0,10}$",
    re.I,
)
"""Someone else's level, said for comparison: "the national average is 77%", "the industry
benchmark is 4.2"; neither today's level nor the target."""
_DESCRIBES_SOMEONE = re.compile(r"\b(?:who|whom|whose)\b[^.;!?\d]{0,30}$", re.I)
"""A figure in a description of people ("anyone who looks under 25", "patients whose stay
is over 7 days") says whom the metric counts, not its level."""
_AFTER_BASELINE = re.compile(
    r"^\s*(?:[a-z'’]+\s+){0,3}?(?:now|currently|at\s+the\s+moment|today)\b", re.I
)
"""Today's level said after its figure: "22 at the moment", "the 25 we're at now"."""
_TARGET_CUE = re.compile(
    r"\b(?:target(?:ing|ed)?|want|wants|wanted|wanting|aim|aims|aiming|goal|objective|hope|hoping|"
    r"like|love|need|needs|should|ideally|down\s+to|up\s+to|get\s+(?:it|that|this|them)?\s*to|"
    r"reach|hit|achieve|under|below|halve|towards|expect|expecting|plan|planning|good|great|"
    r"settle|thrilled|fine\s+with|happy\s+with)\b"
    r"[^.;!?\d]{0,30}$",
    re.I,
)
_BY_BEFORE = re.compile(r"\bby\s+(?:about|around|roughly|at\s+least)?\s*$", re.I)
_AFTER_TARGET = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}?(?:target|would\s+be\s+(?:good|great|ideal|lovely|nice|brilliant|"
    r"fantastic|perfect|fine|amazing|acceptable|a\s+(?:win|result|dream))|"
    r"would\s+(?:keep|make)\s+(?:\w+\s+){1,2}?happy|is\s+the\s+(?:goal|target|aim)|ideally|"
    r"is\s+the\s+only\s+acceptable\s+\w+|"
    r"(?:that['’]s|which\s+is)\s+(?:what|where)\s+(?:we|i)(?:['’]re|\s+are|['’]m|\s+am)?\s+"
    r"(?:aim(?:ing)?|want(?:ing)?|head(?:ing)?|going|shoot(?:ing)?|after))\b",
    re.I,
)
"""A target said after its figure: "35 would be great", "4.5 and that's what we're aiming for",
"97% on-time is the goal"."""
_MULTIPLE = re.compile(
    r"\b(?:(?P<half>halve[ds]?|halving|cut\s+(?:(?:it|that|this|them)\s+)?in\s+half|"
    r"(?:(?<=with\s)|(?<=to\s)|(?<=at\s)|(?<=for\s)|(?<=take\s)|(?<=want\s)|(?<=like\s))"
    r"half\s+(?:of\s+)?(?:that|this)|"
    r"half\s+(?:of\s+)?what\s+(?:it|we)(?:\s+is|['’]s|\s+are|['’]re)(?=\s+(?:now|at|today|currently)\b|\s*[.,;!?]))|"
    r"(?P<double>double[ds]?|doubling|twice\s+(?:that|this))|(?P<triple>triple[ds]?|tripling|treble[ds]?|trebling)|"
    r"(?P<quadruple>quadruple[ds]?|quadrupling))\b"
    r"(?!-|\s+(?:sided|checked|checks?|checking|booked|booking|entry|shifts?|glazed|figures|"
    r"digits|time|decker|edged|spaced))",
    re.I,
)
"""A target said as a multiple of today's figure: "we want to halve it", "triple that", "we'd
be happy with half that", "half of what it is now" (not "half of that is rework" or "half of
what we do is rework", a share, nor "print double sided" or "double-check", a kind of thing)."""
_FACTOR = {"half": 0.5, "double": 2.0, "triple": 3.0, "quadruple": 4.0}
_MULTIPLE_AHEAD = re.compile(
    rf"(?:{sentences.CLAUSE_OPENS}|\b(?:to|and|so|let['’]s|must|should|will|can|could|we['’]d)\s+)"
    rf"(?:(?:try\s+and|try\s+to|help\s+(?:us\s+)?)\s+)?{_MULTIPLE.pattern}(?<!d)",
    re.I,
)
"""The multiple said before the figure, as a request ("Halve the missed collections - we get
600 a month", "we'd double the 40 referrals"), not as history ("sales doubled; now 40")."""
_WANT_MULTIPLIED = re.compile(
    rf"\b(?:want|wants|need|needs|like|see|get)\s+(?:it|that|this|them|those)\s+{_MULTIPLE.pattern}",
    re.I,
)
"""The multiple asked for as the state wanted: "I want it halved", "we need that doubled"."""
_MULTIPLE_FROM = re.compile(
    rf"{_MULTIPLE.pattern}\s+(?:(?:it|that|this|them)\s+)?from\s+"
    r"(?:(?:the|our|its|their|about|around|roughly)\s+)*$",
    re.I,
)
"""The figure the multiple starts from: "wants write-offs halved from £800k"."""
_MULTIPLE_BEFORE = re.compile(
    rf"{_MULTIPLE.pattern}\s+(?:(?:it|that|this|them|the|our|its|their|about|around|roughly)\s+)*$",
    re.I,
)
"""The figure right after the multiple: "halve the 40 errors", "double our 12"."""


def _compatible(a: _Atom, b: _Atom) -> bool:
    """Whether two figures can measure the same thing: the same unit or one bare, but not a
    share beside a bare figure over 100 ("the whole org is 9,000 ... 90% completion")."""
    if {a.unit, b.unit} == {"%", None} and max(a.value, b.value) > 100:
        return False
    return a.unit is None or b.unit is None or a.unit == b.unit


def _noun_after(text: str, atom: _Atom) -> str | None:
    """The content word right after an atom without a unit ("3 sites" -> "sites")."""
    m = _UNIT_WORDS.match(text, atom.end)
    if not m or m.start(1) > atom.end + 1:
        return None
    word = m.group(1).lower()
    if word in _FUNCTION_WORDS:
        return None
    return word


_FUNCTION_WORDS = frozenset(
    _words(
        """a an the of in on at to for from by with and or but so as now currently today then this
    that these those it its we our they their them us you your i me my is are was were be
    been being per each every give ideally max maximum minimum min ok okay please thanks
    roughly about around approx approximately odd ish plus more less down up target tops
    which who where when if would could should might may will shall must can need needs across between among
    over under above below into onto out off after before during within without than too
    also just only still yet maybe perhaps probably last next past previous first whole
    other same such right already here there once including counting not rather instead all
    told"""
    )
)


def _pair(text: str, base: _Atom, target: _Atom) -> tuple[Quantity, Quantity]:
    b_val, t_val = base.value, target.value
    if target.scale > 1 and base.scale == 1 and b_val * target.scale <= t_val * 100:
        b_val *= target.scale
    elif base.scale > 1 and target.scale == 1 and t_val * base.scale <= b_val * 100:
        t_val *= base.scale
    unit = base.unit or target.unit
    return (
        Quantity(value=round(b_val, 6), unit=base.unit or unit),
        Quantity(value=round(t_val, 6), unit=target.unit or unit),
    )


def _explicit_change(text: str, atoms: list[_Atom]) -> tuple[int, _Atom, _Atom, bool] | None:
    """The first "from X to Y" / "X -> Y" / "X down to Y" / "to Y from X" in the text, as
    (index of its second atom, from, to, happened): `happened` when a past-tense verb says
    the change is history ("rose from 40 to 65"), so its end is today's value."""
    for i in range(len(atoms) - 1):
        x, y = atoms[i], atoms[i + 1]
        if not _compatible(x, y):
            continue
        between = text[x.end : y.start]
        before = max(0, x.start - 40)
        if _SPREAD.search(text, before, x.start):
            continue  # "right now they range from 3.8 to 4.6": a spread, not a change
        if (
            (_FROM_BEFORE.search(text, before, x.start) and _TO_BETWEEN.match(between))
            or _ARROW_BETWEEN.match(between)
            or _DIRECTED_TO.match(between)
            or (
                _PLAIN_TO.fullmatch(between)
                and _CHANGE_VERB.search(text, max(0, x.start - 60), x.start)
            )
        ):
            return i + 1, x, y, _happened(text, before, x.start)
        if _PLAIN_FROM.fullmatch(between) and _TO_BEFORE.search(
            text, max(0, x.start - 10), x.start
        ):
            # "up to 90% from 70%", "dropped to 12 from 30"
            return i + 1, y, x, _happened(text, before, x.start)
        if _VERSUS.fullmatch(between) and (
            _VERSUS.fullmatch(between)["required"] or _GOAL_AFTER.match(text, y.end)
        ):
            return i + 1, x, y, False  # "3.2% damage rate vs the 1% goal"
        if (
            _FROM_TODAY.fullmatch(between)
            and _AFTER_BASELINE.match(text[y.end :])
            and (y.unit is not None or _noun_after(text, y) is None)
        ):
            return i + 1, y, x, False  # "95% by end of March, from the 82% we're at now"
        if _DOWN_FROM.fullmatch(between) and (
            _TARGET_CUE.search(text, max(0, x.start - 60), x.start) or _BY_WHEN.match(between)
        ):
            # "the goal is zero late journals, down from 25"; "we're at 12, down from 20" is history
            return i + 1, y, x, False
    return None


_PLAIN_TO = re.compile(r"\s+to\s+", re.I)
_VERSUS = re.compile(
    r"\s*(?:[a-z-]+\s+){0,3}?(?:vs\.?|versus|against|compared\s+(?:to|with))\s+"
    r"(?:the|our|a|an)\s+(?P<required>(?:required|agreed|expected|contracted|promised)\s+)?",
    re.I,
)
_GOAL_AFTER = re.compile(
    r"\s*(?:[a-z-]+\s+){0,2}?(?:goal|target|aim|standard|requirement|minimum|sla)\b", re.I
)
"""Today's level set against the one wanted: "3.2% damage rate vs the 1% goal", "4.1 against
the required 4.5"; not "40% against the 60% national average", a comparison."""
_FROM_TODAY = re.compile(r"[^.;!?\d]{0,40}?,?\s+from\s+(?:the|our)\s+", re.I)
"""The goal first, then where it starts from, named as today's: "95% by end of March, from the
82% we're at now"."""
_SPREAD = re.compile(
    r"\b(?:range[sd]?|ranging|vary|varies|varying|anywhere)\s+(?:between\s+|from\s+)"
    r"(?:(?:about|around|roughly)\s+)?$",
    re.I,
)
"""How figures are spread, not how one changes: "the branches range from 3.8 to 4.6"."""


def says_a_spread(text: str) -> bool:
    """Whether the text gives a spread of levels ("they range from 3.8 to 4.6"), which has
    no single value today."""
    return any(_SPREAD.search(text, 0, m.start()) for m in _DIGITS.finditer(text))


_DOWN_FROM = re.compile(
    r"[^.;!?\d]{0,30}?\b(?:down|up|reduced|cut|raised)\s+from\s+(?:(?:the|our|a|today['’]s|"
    r"current|present|about|around|roughly)\s+)*",
    re.I,
)
_BY_WHEN = re.compile(
    r"\s*,?\s*(?:by|before|within)\s+(?:the\s+)?(?:end|start|middle|beginning|close|next|this|"
    rf"q[1-4]|{_MONTH}|spring|summer|autumn|winter|year)\b[^.;!?\d,]{{0,30}},",
    re.I,
)
"""A deadline right after the first figure makes it a goal: "90% by the end of next year, up
from about 70%"."""
_PLAIN_FROM = re.compile(
    r"\s+from\s+(?:(?:the|our|a|its)\s+)?(?:(?:current|present|today['’]s|existing)\s+)?", re.I
)
_TO_BEFORE = re.compile(r"\bto\s+$", re.I)
_HISTORY = re.compile(
    r"\b(?:rose|risen|went|gone|increased|decreased|dropped|fell|fallen|jumped|climbed|grew|grown|"
    r"slipped|crept|declined|shot|spiked|soared|plummeted|deteriorated|worsened|improved|moved|"
    r"changed|doubled|tripled|halved|(?:has|have|had)\s+(?:\w+\s+)?(?:been|gone|risen|fallen|dropped|"
    r"increased|decreased|grown|climbed|crept|slipped|improved|moved|changed|doubled))\b"
    r"[^.;!?\d]{0,25}$",
    re.I,
)
_WANTED_DONE = re.compile(
    r"\b(?:wants?|needs?|would\s+like|['’]d\s+like|like\s+to\s+see|expects?|asked\s+for)\s+"
    r"(?:[a-z-]+\s+){1,5}?(?:moved|changed|improved|increased|decreased|dropped|raised|lifted|"
    r"brought|cut|pushed|reduced)(?:\s+(?:up|down|back))?\s+from\s+(?:(?:about|around|roughly)\s+)?$",
    re.I,
)
"""A change wanted, said with a past participle: "She wants sepsis screening compliance moved
from 80% to 95%" is a plan, not history."""


CHANGED_TO = (
    r"(?:rose|risen|went|gone|increased|decreased|dropped|fell|fallen|jumped|climbed|grew|"
    r"grown|slipped|crept|declined|shot|spiked|soared|plummeted|improved|moved|edged|drifted|"
    r"crawled|sunk|sank|dipped)\s+(?:(?:all\s+the\s+way|right)\s+)?(?:(?:up|down|back)\s+)?to\s+"
)
"""A change that happened, up to where it took the figure: "crept up to", "dropped to". Also
read after "has" (`facts._HAS_MOVED_TO`: "the rate has dropped to 64%")."""
_REACHED_ONCE = re.compile(
    r"(?<!\bto\s)(?<!\bwill\s)(?<!['’]ll\s)(?<!\bcan\s)(?<!\bcould\s)(?<!\bmust\s)"
    r"(?<!\bshould\s)(?<!\bwould\s)(?<!\bwe['’]d\s)"
    r"\b(?:hit|reached|achieved|got\s+to|managed|touched)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|over|a\s+peak\s+of)\s+)?$",
    re.I,
)
_WHEN_PAST = re.compile(
    r"[^.;!?,]{0,40}?\b(?:(?:a|one|two|three|four|five|\d+|a\s+few|a\s+couple\s+of)\s+"
    r"(?:years?|months?|quarters?|weeks?)\s+ago|back\s+in|last\s+(?:year|month|quarter))\b",
    re.I,
)
"""A figure reached once, and when ("We hit 98% on the food safety audit two years ago"): a
past level, not the goal "hit" names in "we need to hit 98%" or "we'll hit 98% next year"."""
_GROWN_TO = re.compile(
    rf"\b{CHANGED_TO}"
    r"(?:(?:about|around|roughly|nearly|almost|over|under|just\s+over|just\s+under)\s+)?$",
    re.I,
)
"""Where a change that happened has taken a figure: "it's crept up to 12 days now", "it
dropped to 60%" is today's level, not a goal "up to" or "down to" would name; "we want it
dropped to 5" (a want before the verb) is still one."""


def _happened(text: str, start: int, end: int) -> bool:
    """Whether a past-tense verb before the change says it is history."""
    return bool(_HISTORY.search(text, start, end)) and not _WANTED_DONE.search(text, 0, end)


def parse_change(text: str, stated: bool = False) -> tuple[Quantity, Quantity] | None:
    """(baseline, target) when one reply gives both: "from 12% to 5%", "is 14% and we want it
    down to 6%", "currently 22, target 35". A unit given on one side applies to both. With
    `stated` (an answer about causes) today's figure must be cued as a level: an uncued first
    figure ("A couple might struggle") is not one.

    A change that already happened ("complaints rose from 40 to 65") is history, not a plan:
    its end is the baseline, and the pair exists only if a target follows.
    """
    atoms = _merge_ranges(text, list(_scan(text)), plain_to=False)
    if (instead := _wanted_instead(text, atoms)) is not None:
        return instead
    # "I said the target was 95% - it should be 97%" is a correction, not a change
    atoms = [a for i, a in enumerate(atoms) if not _taken_back(text, atoms, i)]
    # "about 8% of guests take one and we want 15%": "one" is the upgrade, not a figure
    atoms = [a for a in atoms if not _pronoun_one(text, a)]
    if not atoms:
        return None
    explicit = _explicit_change(text, atoms)
    if explicit is not None:
        index, start, end, happened = explicit
        if not happened:
            return _pair(text, start, end)
        for later in atoms[index + 1 :]:
            lo = max(atoms[index].end, later.start - 60)
            if _TARGET_CUE.search(text, lo, later.start) and _compatible(end, later):
                return _pair(text, end, later)
        return None
    # cue words: "is 14% ... want 6%", "currently 22, target 35", "target 35, now 22"
    base: _Atom | None = None
    base_cued = False  # an uncued first number is only a stand-in for a cued one
    base_past = False  # "were 15 a month back then and they're 45 now": today's figure wins
    stand_in: _Atom | None = None  # an uncued first figure that a cued level displaced
    target: _Atom | None = None
    levels: list[_Atom] = []  # every figure cued as a level, in order
    for i, atom in enumerate(atoms):
        lo, hi = _window_before(text, atoms, i, width=60)
        window = text[lo:hi]
        if _BY_BEFORE.search(window):
            continue  # "cut it by 20%" is a relative change, not a target value
        if i and _RESTATED_AS.search(window) and base is atoms[i - 1] and base.approximate:
            base = atom  # "between 30 and 35 percent, call it 32": the figure settled on
            continue
        if _MULTIPLE_FROM.search(window) or _MULTIPLE_BEFORE.search(window):
            base, base_cued = atom, True  # "halve the 40 errors": 40 is what is halved
            continue
        if _DESCRIBES_SOMEONE.search(window) or _window_of_share(text, atoms, i):
            continue  # "anyone who looks under 25", "68% within 18 weeks": what is counted
        if _COMPARISON.search(window) and not _AFTER_TARGET.match(text[atom.end :]):
            continue  # "the national average is 77%": someone else's level, not ours
        if _REACHED_ONCE.search(window) and _WHEN_PAST.match(text, atom.end):
            continue  # "We hit 98% on the audit two years ago": history, not the goal
        is_target = bool(_TARGET_CUE.search(window) or _AFTER_TARGET.match(text[atom.end :]))
        is_base = bool(_BASELINE_CUE.search(window) or _AFTER_BASELINE.match(text[atom.end :]))
        present = bool(
            _PRESENT_CUE.search(window)
            or _AFTER_STRONG.match(text, atom.end)
            or (base_past and _PRESENT_TENSE.search(window))
        )  # "It was 11%, it's 8.5% since the new scanners": the present tense after the past
        grown = _GROWN_TO.search(window)
        if grown and not _TARGET_CUE.search(window, 0, grown.start()):
            is_target, is_base, present = False, True, True  # "it's crept up to 12 days now"
        if is_target and target is None and (base is not None or not is_base):
            target = atom
        elif is_base and (base is None or not base_cued or (base_past and present)):
            if base is not None and not base_cued:
                stand_in = base
            base, base_cued = atom, True  # "the first 90 days is running at 28%": 28
            base_past = not present and bool(_PAST_CUE.search(window))
            if not base_past:
                levels.append(atom)
        elif is_base or (_METRIC_AFTER.match(text, atom.end) and not is_target):
            if present or not _PAST_CUE.search(window):
                levels.append(atom)  # "58% compliance and we need 95": named by its metric
            if base is None or not base_cued:
                if base is not None:
                    stand_in = base
                base, base_cued = atom, True
        elif (
            base is None
            and target is None
            and not stated
            and (_noun_after(text, atom) is None or atom.unit in _TIME_UNITS)
        ):  # "Seventeen minutes average wait": the unit is what it measures
            period = _PERIOD_BEFORE.search(text, max(lo, atom.start - 20), hi)
            base = None if atom.unit in _TIME_UNITS and period else atom
    if target is None and stand_in is not None and _BOUND.match(text, stand_in.start):
        target = stand_in  # "Under 10 minutes. From the 25 we're at now": a bound, then today
    if (
        base is not None
        and target is not None
        and base.unit in MONEY_UNITS
        and target.unit not in MONEY_UNITS
    ):  # "£80k a month on agency cover ... absence is at 7.5%, we need it under 4": the level
        base = next(
            (
                a
                for a in reversed(atoms)
                if base.start < a.start < target.start
                and a.unit not in MONEY_UNITS
                and a.kind == "number"
                and (a.unit is not None or _noun_after(text, a) is None)
            ),
            base,
        )
    if (
        base_past
        and base is not None
        and stand_in is not None
        and target is not None
        and stand_in.start < base.start
        and _HISTORY_WHEN.match(text, base.end, min(len(text), base.end + 40))
    ):  # "£42k a month in write-offs. It was £18k back in 2022": 42k
        base = stand_in
    if base is not None and target is not None and not _pairable(text, base, target):
        # "it takes 14 clicks ... under 3 minutes, it's 9 minutes now": the level that
        # measures what the target does
        base = next((a for a in reversed(levels) if _pairable(text, a, target)), base)
    if base is not None and target is not None and base.start < target.start:
        # "Jo's team hits 99% accuracy. Overall we're at 91% and we want 97": the level said
        # with the target, not one said in a sentence before
        start = sentences.start(text, target.start)
        if base.start < start:
            base = next(
                (
                    a
                    for a in reversed(levels)
                    if start <= a.start < target.start and _pairable(text, a, target)
                ),
                base,
            )
    if base is not None and target is not None and _pairable(text, base, target):
        return _pair(text, base, target)
    if base is not None and target is None and (factor := _multiple_of(text, base)):
        return Quantity(value=base.value, unit=base.unit), Quantity(
            value=round(base.value * factor, 6), unit=base.unit
        )
    return None


_HISTORY_WHEN = re.compile(
    r"[^.;!?]*?\b(?:back\s+in|in\s+(?:19|20)\d\d|last\s+(?:year|month|quarter)|"
    r"(?:a\s+)?(?:year|month|few\s+years|couple\s+of\s+years)s?\s+ago|before\s+(?:the|we|covid))\b",
    re.I,
)
"""When a figure in the past tense was true: "it was £18k back in 2022", "40 a year ago"."""
_METRIC_AFTER = re.compile(
    rf"\s+(?:[a-z-]+\s+)?{METRIC_NOUN}\b(?!\s+target)",
    re.I,
)
"""A figure followed by the metric it measures: "58% compliance", "3.2% damage rate"."""


def _counts_people(text: str, atom: _Atom) -> bool:
    """Whether a bare figure counts people: "all 36 operators", "36 new operators"."""
    if atom.unit is not None:
        return False
    m = _UNIT_WORDS.match(text, atom.end)
    if not m or m.start(1) > atom.end + 1:
        return False
    words = [w.lower() for w in m.groups()[:2] if w]
    return any(is_people_noun(w) for w in words if w not in _FUNCTION_WORDS)


def _pairable(text: str, base: _Atom, target: _Atom) -> bool:
    """Whether today's figure and the wanted one measure the same thing; never a figure in a
    unit and a count of people ("a simulator that cost us £1.2m ... great to get all 36
    operators through it")."""
    if (base.unit is None) != (target.unit is None) and (
        _counts_people(text, base) or _counts_people(text, target)
    ):
        return False
    return (
        base is not target
        and _compatible(base, target)
        and (
            _noun_after(text, base) in (None, _noun_after(text, target))
            or (base.unit is not None and base.unit == target.unit)
            # "17 minutes average wait. Eight would be lovely": a bare figure, the same measure
            or (base.unit is not None and target.unit is None and _noun_after(text, target) is None)
            or _OF_IT.search(text, max(0, target.start - 30), target.start) is not None
        )  # "one in five tickets ... get that to one in ten": a share of the same things
    )


def _window_of_share(text: str, atoms: list[_Atom], i: int) -> bool:
    """A time after "within" or "in" that follows a share in the same sentence is the share's
    window ("68% are treated within 18 weeks now"): the share is the level, not the weeks."""
    atom = atoms[i]
    if atom.unit not in _TIME_UNITS or not _PERIOD_BEFORE.search(
        text, max(0, atom.start - 20), atom.start
    ):
        return False
    start = sentences.start(text, atom.start)
    return any(a.unit == "%" and start <= a.start for a in atoms[:i])


_ONE_TAKEN = re.compile(
    r"\b(?:take|takes|took|buy|buys|bought|get|gets|grab|grabs|book|books|order|orders|"
    r"accept|accepts|choose|chooses|pick|picks|want|wants)\s+$",
    re.I,
)
_AFTER_ONE = re.compile(r"\s*(?:[.,;!?]|\b(?:and|but|so|though)\b|$)", re.I)


def _pronoun_one(text: str, atom: _Atom) -> bool:
    """ "one" as a pronoun after a verb of taking ("take one", "buy one"), not a figure."""
    return (
        text[atom.start : atom.end].lower() == "one"
        and _ONE_TAKEN.search(text, max(0, atom.start - 12), atom.start) is not None
        and _AFTER_ONE.match(text, atom.end) is not None
    )


def _wanted_instead(text: str, atoms: list[_Atom]) -> tuple[Quantity, Quantity] | None:
    """A goal set against today's figure: "the goal is quotes out in 2 days instead of 5".
    Only "instead of", after a want, and not in a correction ("the target is 2, not 5")."""
    for x, y in zip(atoms, atoms[1:], strict=False):
        if (
            _INSTEAD_OF.fullmatch(text, x.end, y.start)
            and _TARGET_CUE.search(text, max(0, x.start - 60), x.start)
            and not CORRECTING.search(text)
            and _compatible(x, y)
        ):
            return _pair(text, y, x)
    return None


_INSTEAD_OF = re.compile(r"\s*,?\s*instead\s+of\s+(?:the\s+|today['’]s\s+|our\s+)?", re.I)


def _multiple_of(text: str, base: _Atom) -> float | None:
    """The factor when the target is said as a multiple of today's figure: after it ("it's 40,
    we want it halved", "about 15 a year; the trustees want us to triple that") or asked for
    before it ("Halve the missed collections - we get about 600 a month", "Double the 40
    referrals we get now", "write-offs halved from £800k")."""
    m = (
        _MULTIPLE.search(text, base.end)
        or _MULTIPLE_AHEAD.search(text, 0, base.start)
        or _WANT_MULTIPLIED.search(text, 0, base.start)
    )
    if m is None:
        m = _MULTIPLE_FROM.search(text, max(0, base.start - 40), base.start)
    if m is None:
        return None
    return next(_FACTOR[k] for k, v in m.groupdict().items() if v and k in _FACTOR)


def says_a_multiple(text: str) -> bool:
    """Whether the reply says its target as a multiple ("halve it", "double the 40")."""
    return _MULTIPLE.search(text) is not None


# --- people -----------------------------------------------------------------------------------

_JUST_ME = re.compile(
    r"\b(?:just|only)\s+(?:me|myself|the\s+one\s+of\s+us)\b|\bme\s+alone\b|\bit['’]?s\s+only\s+me\b"
    r"|\bjust\s+the\s+one\b|^\W*(?:me|myself)\W*$",
    re.I,
)
_ME_PLUS = re.compile(r"\bme\s+(?:and|plus|\+)\s+$", re.I)
_OF_PEOPLE = re.compile(
    r"\s+(?:of\s+(?:them|us|those|these|you|whom|my\s+\w+|our\s+\w+|the\s+team|the\s+staff)|"
    r"in\s+(?:total|all|the\s+team|my\s+team|our\s+team|the\s+department|the\s+group|the\s+office|"
    r"the\s+(?:whole\s+)?(?:company|business|org|organisation|organization))|on\s+(?:the|my|our)\s+team|"
    r"altogether|all\s+together|overall|total|others?|more|colleagues|"
    r"across|between\s+(?:the|our|us|them))\b",
    re.I,
)
_PEOPLE_CUE = re.compile(
    r"\b(?:team\s+of|group\s+of|total\s+of|headcount\s+(?:of|is)|there\s+are|there['’]re|"
    r"we\s+have|we['’]ve\s+got|we\s+employ|i\s+have|i['’]ve\s+got|i\s+manage|i\s+lead|we['’]re|"
    r"we\s+are|staff\s+of|cohort\s+of|class\s+of|it['’]s|that['’]s|all|employ|employs|size\s+is|"
    r"size\s+of|of\s+them\s+are|number\s+of\s+(?:people|staff|employees|colleagues)\s+(?:is|['’]s)|"
    r"about|around|roughly|approx(?:imately)?|some|nearly|almost|"
    r"over|under|just\s+(?:over|under))\s*$",
    re.I,
)
_OF_GROUP = re.compile(r"\s+of\s+$", re.I)

_NAMED_AFTER = re.compile(rf"(?:\s+[a-z'’-]+){{1,4}}(?={sentences.SENTENCE_END}\s)", re.I)
_VERB_OR_SUBJECT = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|need|needs|will|would|can|could|"
    r"should|must|we|they|it|i|you|he|she|who|that|which)\b|['’]|[a-z]ed\b",
    re.I,
)
_CONCLUSION = re.compile(
    r"\b(?:so|which\s+(?:is|makes)|making|that['’]s|call\s+it|sorry,?|i\s+mean|or\s+rather|make\s+that|"
    r"actually|really|in\s+fact|nearer(?:\s+to)?|closer\s+to|more\s+like|should\s+be)\s+(?:(?:about|around|roughly|"
    r"approx(?:imately)?|nearly|almost|just\s+(?:over|under))\s+)?$",
    re.I,
)
_SUPERSEDED = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:earlier|originally|previously|last\s+time|before\s+(?:but|-|,))",
    re.I,
)
_SAID_BEFORE = re.compile(
    rf"\b(?:not|rather\s+than|instead\s+of|i{HAD}\s+said|(?:scratch|forget|ignore)\s+(?:the|that)|"
    rf"(?:i|we){HAD}\s+(?:said|told\s+you)\s+(?:that\s+)?(?:it|the\s+[a-z-]+(?:\s+[a-z-]+)?)"
    r"(?:\s+was|\s+is|['’]s|\s+were))\s+$",
    re.I,
)
"""A figure taken back: "not 15", "I said 40", "I told you it was 40", "I said the target was 95"."""
_TAKEN_BACK = re.compile(r"\s*(?:[-–—,]\s*)?(?:sorry|no\s+wait|wait|i\s+mean|or\s+rather)\b", re.I)
_AT_EACH = re.compile(r"[\s\w]{0,20}?\b(?:at|in|on|per|for)\s+each\b", re.I)
_GROUP_CUE = re.compile(
    r"\b(?:team|group|staff|cohort|class|workforce|headcount|total|department|crew)\s+(?:of|is|are)\s+"
    r"(?:about|around|roughly|approx(?:imately)?|some|nearly|almost|just\s+(?:over|under))?\s*$",
    re.I,
)
_NOT_PEOPLE_BEFORE = re.compile(
    r"\b(?:to|from|by|than|under|below|above|over|towards|reach|hit|down|up|wants?|wanted)\s*$",
    re.I,
)


_OF_THINGS = re.compile(
    r"\s+of\s+(?:(?:the|our|my|their|your|these|those)\s+)?(?:([A-Za-z][\w-]*)\s+)?"
    r"([A-Za-z][A-Za-z-]*s)\b",
    re.I,
)
"""After a bare number: "of" and the (plural) things it counts ("a couple of YouTube videos")."""
_PEOPLE_AFTER_OF = frozenset(
    _words("hands lads girls boys kids adults temps leads newbies medics vets pilots crews folks")
)
"""People "of" may name that do not look like people to is_people_noun ("a couple of the old
hands"): counted, not things."""


def _counts_things_after_of(text: str, end: int) -> bool:
    """Whether "of" after a number names things, not people: "a couple of YouTube videos",
    "a dozen of our old modules"; not "a couple of them", "40 of our agents", "two of the
    team leads" or "a few of us"."""
    m = _OF_THINGS.match(text, end)
    if m is None:
        return False
    modifier, noun = (m.group(1) or "").lower(), m.group(2).lower()
    if noun in _FUNCTION_WORDS or noun.endswith(("ss", "us", "is")) or noun in _GROUP_NOUNS:
        return False
    if modifier and (
        modifier in _FUNCTION_WORDS
        or modifier in _GROUP_NOUNS
        or is_people_noun(modifier)
        or leads_people(modifier, noun)
    ):
        return False
    return noun not in _PEOPLE_AFTER_OF and not is_people_noun(noun)


def is_people_noun(word: str) -> bool:
    """Whether a plural noun names people ("operatives", "pickers"), not things ("sites")."""
    word = word.lower()
    if word in _PEOPLE_NOUNS:
        return True
    if word in _NOT_PEOPLE_ER or word in _UNITS:
        return False
    return word.endswith(("ers", "ors", "ists", "ians", "ees"))


def parse_headcount(text: str, in_passing: bool = False) -> float | None:
    """How many people: "45 people", "a team of 12", "about 70 of them", "Nine.", "just me".

    Money, percentages, durations, ratings and rates ("60 calls a day") are never head
    counts; neither is a number followed by a thing that is not people ("3 sites").
    "two teams of 8" multiplies out, and a breakdown ("4 supervisors and 60 pickers") adds
    up, because the question was how many people in all. `in_passing` (the count was not
    asked for) also drops people counted in a story: "we lost 2 people in October", "three
    people went on it in 2022" tell what happened to some, not how many there are.
    """
    atoms = _merge_ranges(text, list(_scan(text)), plain_to=True)
    candidates: list[tuple[int, float, int]] = []  # (atom index, value, score)
    for i, atom in enumerate(atoms):
        if atom.unit is not None or atom.rate or atom.kind != "number" or atom.value <= 0:
            continue
        if _YEAR_BEFORE.search(text, 0, atom.start) and 1990 <= atom.value <= 2100:
            continue  # "opening 4 new stores in 2027 and need managers": a year, not people
        m = _UNIT_WORDS.match(text, atom.end)
        words = [w.lower() for w in (m.groups() if m else ()) if w]
        if in_passing and _in_a_story(text, atom, words):
            continue
        if in_passing and (
            _A_COUPLE.fullmatch(text, atom.start, atom.end)
            or _IN_A_SEQUENCE.search(text, 0, atom.start)
            or (not i and _ADDED_TO_A_GROUP.search(text, 0, atom.start))
        ):
            continue  # "a couple of top reps", "the first two counter-offers", "... plus the two analysts"
        adjacent = m is not None and m.start(1) - atom.end <= 1
        lo, hi = _window_before(text, atoms, i, width=30)
        if (
            _WHO_NEED.match(text, atom.end)
            or _subject_needs(text, atom.end)
            or _NAMED_AS_NEEDING.search(text, max(0, atom.start - 60), atom.start)
        ) and not (words and words[0] in _GROUP_NOUNS):
            score = 5  # "150 in peak season. It's the permanent 40 who need this": the 40
        elif (
            _SCOPED_TO.search(text, max(0, atom.start - 50), atom.start)
            and adjacent
            and (
                any(is_people_noun(w) for w in words[:3])
                or (len(words) > 1 and leads_people(words[0], words[1]))
            )
        ):
            score = 5  # "about 400 staff, but this is only about the 35 night managers"
        elif _OF_PEOPLE.match(text, atom.end):
            score = 2
        elif _STRONG_TEAM.match(text, atom.end):
            score = 1  # "we're 30 strong": weaker than "the 18 cashiers" it may precede
        elif adjacent and (
            any(is_people_noun(w) for w in words[:3])
            or (len(words) > 1 and leads_people(words[0], words[1]))
        ):
            score = 3
        elif _GROUP_CUE.search(text, lo, hi):
            score = 3  # "my team of 12 needs ..."
        elif m is not None and adjacent and words[0] in _GROUP_NOUNS:
            nxt = atoms[i + 1] if i + 1 < len(atoms) else None
            if (
                nxt
                and nxt.unit is None
                and not nxt.rate
                and _OF_GROUP.fullmatch(text, m.end(1), nxt.start)
            ):
                candidates.append((i + 1, atom.value * nxt.value, 4))  # "two teams of 8"
            continue
        elif not adjacent or not words or words[0] in _FUNCTION_WORDS:
            # a bare number: a head count in a short answer or after "there are", "we have";
            # never the end of a change ("down to 3", "from 40"), nor things after "of"
            if _NOT_PEOPLE_BEFORE.search(text, lo, hi) or _counts_things_after_of(text, atom.end):
                continue
            leading = opens_reply(text, atom.start)
            replaces = i + 1 < len(atoms) and _REPLACES.fullmatch(
                text, atom.end, atoms[i + 1].start
            )
            cued = (
                leading
                or replaces  # "seventy-five rather than sixty": the figure that stands
                or _CONCLUSION.search(text, lo, hi)
                or _PEOPLE_CUE.search(text, lo, hi)
            )
            if len(text.split()) > 8 and not cued:
                continue
            score = 2 if leading else 1
        else:
            continue  # "3 sites", "12 new stores": counts of something else
        if _PEOPLE_CUE.search(text, lo, hi):
            score += 1
        if _CONCLUSION.search(text, lo, hi):
            score = 5  # "it was 50, but we've hired, so about 58 now": the last word wins
        elif (
            _SUPERSEDED.match(text, atom.end)
            or (_TAKEN_BACK.match(text, atom.end) and not _apology_for_the_next(text, atoms, i))
            or _SAID_BEFORE.search(text, lo, hi)
        ):
            score = 0  # "I said 40 people earlier - it's 44": the old figure
        if _PART_LEFT_OUT.search(text, max(0, atom.start - 40), atom.start) or (
            i and _PART_INCLUDED.search(text, lo, atom.start)
        ):
            score = min(score, 1)  # "34 - I said 30 but forgot the four team leads": a part
        value = atom.value + 1 if _ME_PLUS.search(text, lo, hi) else atom.value
        if i and _AT_EACH.match(text, atom.end) and atoms[i - 1].unit is None:
            value *= atoms[i - 1].value  # "4 depots with 20 drivers at each one"
        if (
            not in_passing  # in passing, "a third of the 90 managers" is a subset of them
            and i
            and atoms[i - 1].kind == "fraction"
            and _SHARE_OF.fullmatch(text, atoms[i - 1].end, atom.start)
        ):
            value = round(value * atoms[i - 1].value / 100)  # "a third of the 45 people": 15
        candidates.append((i, value, score))
    # a breakdown adds up: "4 supervisors and 60 pickers", "14 reps plus 2 managers"
    merged: list[tuple[int, float, int]] = []
    for index, value, score in candidates:
        if merged and score >= 3 and merged[-1][2] >= 3 and merged[-1][0] == index - 1:
            between = text[atoms[index - 1].end : atoms[index].start]
            if _BREAKDOWN.fullmatch(between):
                merged[-1] = (index, merged[-1][1] + value, max(score, merged[-1][2]))
                continue
        merged.append((index, value, score))
    if merged:
        best = max(merged, key=lambda c: c[2])  # the strongest; the first among equals
        if best[2] > 0:  # a figure taken back ("not six") is never the answer on its own
            return best[1]
    if _JUST_ME.search(text):
        return 1.0
    return None


_PART_LEFT_OUT = re.compile(
    r"\b(?:forgot|forgotten|missed|left\s+out|didn['’]t\s+count|not\s+counting|excluding)"
    r"\s+(?:about\s+)?(?:the\s+|our\s+)?$",
    re.I,
)
"""A count named as what was left out of the total before: a part, not the whole."""
_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|our\s+|all\s+|those\s+|these\s+)?", re.I)
"""Between a share and a count: "a third of the 45 people" counts a third of them."""
_IN_A_SEQUENCE = re.compile(r"\b(?:first|last|next)\s+$", re.I)
_A_COUPLE = re.compile(r"a\s+couple(?:\s+of)?", re.I)
"""In passing, "a couple of top reps" names some people, not how many there are."""
_ADDED_TO_A_GROUP = re.compile(
    r"\b(?:plus|as\s+well\s+as|along\s+with|together\s+with)\s+(?:the\s+|our\s+)?$", re.I
)
"""In passing, a count after "plus" with no count before it is a part added to a group
whose size was not said."""
_PART_INCLUDED = re.compile(
    r"\b(?:counting|including|incl\.?|that\s+includes|which\s+includes)\s+(?:about\s+)?"
    r"(?:the\s+|our\s+)?$",
    re.I,
)
"""A count named as part of a figure before it: "Twelve, counting the two night porters"."""


def _apology_for_the_next(text: str, atoms: list[_Atom], i: int) -> bool:
    """ "14 - sorry, I know I said 40": the apology is for the figure said before, which
    follows it, so the first figure stands; in "14, sorry, I mean 41" it does not."""
    if i + 1 >= len(atoms):
        return False
    lo, hi = _window_before(text, atoms, i + 1)
    return bool(_SAID_BEFORE.search(text, lo, hi) or _SUPERSEDED.match(text, atoms[i + 1].end))


def _in_a_story(text: str, atom: _Atom, words: list[str]) -> bool:
    """People counted as the subject or object of something that happened: "we lost 2
    people", "three people went on the course". Not "the 16 of them", which is everyone."""
    if _STORY_BEFORE.search(text, max(0, atom.start - 20), atom.start):
        return True
    for i, word in enumerate(words[:2]):
        if is_people_noun(word):
            return i + 1 < len(words) and words[i + 1] in _STORY_VERBS
    return False


_STORY_BEFORE = re.compile(
    r"\b(?:lost|hired|recruited|took\s+on|let\s+go|laid\s+off|sent)\s+"
    r"(?:(?:about|around|another|some|only|just)\s+)?$|"
    r"\b(?:lost|let\s+go|laid\s+off)\s+(?:the|our|my)\s+$",
    re.I,
)
"""People a verb says something happened to: "we lost 2 people", "before we lost the two senior
clerks" (but "we hired the 12 of them" is the whole team)."""
_STORY_VERBS = frozenset(
    _words(
        "went did left quit attended joined came took tried completed finished passed failed sat had"
    )
)


_REPLACES = re.compile(r"\s*,?\s*(?:not|rather\s+than|instead\s+of)\s+(?:the\s+)?", re.I)
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|by|from|until|till|before|after|of|early|late|mid|during)\s*$", re.I
)
WHO_MUST = r"(?:are\s+the\s+ones\s+)?who\s+(?:need|needs|must|have\s+to|should)\b"
"""The people named as those who must change: "... who need this", "... are the ones who must"."""
_WHO_NEED = re.compile(
    rf"(?:\s+[a-z-]+){{0,2}}?\s+{WHO_MUST}|"
    r"\s+of\s+(?:them|us)\b(?:(?:\s+(?!\d\d)[a-z0-9-]+){0,4}?\s+(?:and|who))?\s+(?:need|needs|must)\b",
    re.I,
)
"""The people a count names as those who must change, whatever the noun: "the 14 CSMs are the
ones who need to change", "the permanent 40 who need this", "There's 35 on site who need to
change this" (but in "40 of them for the 65 pickers who need to", the 65), "140 staff, only 35 of them are
tier 1 and need this"; not "3 sites and need trainers", where nothing says who."""
_SUBJECT_NEEDS = re.compile(
    r"(?:\s+(?:in|on|at|from)\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?|(?P<nouns>(?:\s+[a-z-]+){0,2}?))"
    r"\s+(?:need|needs)\s+(?:this|it|that)\b",
    re.I,
)
"""The count as the subject of needing it: "4,000 staff, but only the 310 tellers need this",
"only the 8 in accounts need it", "only the 48 in accounts payable need this", "the 40 need
it"; its words, if any, must name people: "70
staff across four warehouses would need it" counts the staff."""


def _subject_needs(text: str, end: int) -> bool:
    m = _SUBJECT_NEEDS.match(text, end)
    if m is None:
        return False
    nouns = (m["nouns"] or "").split()
    return not nouns or any(is_people_noun(w) for w in nouns)


_NAMED_AS_NEEDING = re.compile(
    rf"\b(?:people|ones|those|staff)\s+{WHO_MUST}[^.;!?\d]{{0,30}}?\b(?:are|is)\s+"
    r"(?:(?:the|our|all|just|only)\s+)*$",
    re.I,
)
"""The count after the people who must change are named: "the people who need it are the 12
locums", "the ones who must change are our 40 drivers"."""
_SCOPED_TO = re.compile(
    r"\b(?:this|it|that)(?:['’]s|\s+is)\s+(?:(?:only|just|really|mainly|mostly|purely)\s+)+"
    r"(?:about|for|aimed\s+at)\s+(?:the|our|my)\s+(?:(?:about|around|roughly)\s+)?$",
    re.I,
)
"""The people a need is narrowed to: "He's responsible for about 400 staff, but this is only
about the 35 night managers", "it's just for our 12 new starters"; not "it's only for the 3
sites" (no people)."""
_STRONG_TEAM = re.compile(r"\s+strong\b", re.I)
_BREAKDOWN = re.compile(
    r"\s+(?:[a-z-]+\s+){0,3}?[a-z-]+\s*(?:,\s*(?:and\s+|plus\s+)?|\s+(?:and|plus|&|\+)\s+)"
    r"(?:(?:about|around|roughly|another|some)\s+)?",
    re.I,
)
