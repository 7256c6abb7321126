"""Facts for *other* slots, found in any message ("...and it's actually 45 people, not 30").

Deliberately conservative: a number in passing ("each redelivery costs £4") must not become
a baseline or a head count, because a wrongly filled slot is never asked again. Only
regular, explicit phrasings count here; everything else waits for its own question.
"""

from __future__ import annotations

import re
from datetime import date

from app.interview.state import Finding, Quantity
from app.understanding.dates import find_dates, parse_deadline
from app.understanding.numbers import parse_change, parse_headcount, parse_quantity

_CORRECTION = re.compile(
    r"\b(actually|correction|sorry,? (i|we) meant|i meant|i mean|to correct|make that|scratch that|not \d+|rather than \d+|i forgot|update:|change (the|it))\b",
    re.I,
)
_PEOPLE = (
    r"(people|staff|employees|colleagues|members of staff|agents|of them|of us|heads|workers|"
    r"drivers|nurses|engineers|managers|reps|advisers|advisors|operators|cooks|teachers|"
    r"consultants|receptionists|instructors|supervisors|assistants|technicians|cleaners|"
    r"accountants|architects|users|team members|people in total|in the team|in total)"
)
_HEADCOUNT_PHRASE = re.compile(
    rf"(\b(it'?s|there are|there're|we have|we've got|that'?s|team of|total of|headcount (is|of)|make that)\s+(about|around|roughly|approximately|some|nearly|almost)?\s*[\w,.-]+\s*{_PEOPLE}?)"
    rf"|(\b[\w,.-]+\s+{_PEOPLE}\b(?!\s+(a|per|each|every)\s+(day|week|month|year)))",
    re.I,
)
_RATE = re.compile(r"\b(a|per|each|every)\s+(day|week|month|year|shift|quarter)\b", re.I)
_DEADLINE_CUE = re.compile(r"\b(by|before|deadline|no later than|in time for|until|due)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\s+-\s+|\s+—\s+")
_GOAL_CUE = re.compile(
    r"\b(the goal is|our goal is|the aim is|the objective is|we want to|we need to|i want to|trying to|looking to|so that we)\s+(?P<goal>(cut|reduce|lower|increase|improve|raise|grow|boost|get|stop|bring|halve|double|keep|win|avoid|speed|shorten)[^.;:]*)",
    re.I,
)
_METRIC_CUE = re.compile(
    r"\b(?P<metric>(our|the)\s+[\w\s-]{2,40}?\b(rate|score|percentage|ratio|count|time|level|number|nps|csat))\b(?P<rest>[^.;]*?)\b(is|was|sits at|stands at|runs at|of)\s+(about|around|roughly)?\s*\d",
    re.I,
)
_MEASURED = re.compile(r"\bmeasured\s+(by|from|in|on|through|via|with)\s+[^.;]+", re.I)


def is_correction(text: str) -> bool:
    return bool(_CORRECTION.search(text))


def _clause_with(text: str, pattern: re.Pattern[str]) -> str | None:
    for clause in _SENTENCE.split(text):
        if pattern.search(clause):
            return clause
    return None


def headcount(text: str) -> Quantity | None:
    """A head count stated as such ("45 people", "a team of twelve"), never a rate or money."""
    clause = _clause_with(text, _HEADCOUNT_PHRASE)
    if clause is None or _RATE.search(clause):
        return None
    count = parse_headcount(clause)
    if count is None or count <= 0 or count != int(count):
        return None
    return Quantity(value=count)


def change(text: str) -> tuple[Quantity, Quantity] | None:
    return parse_change(text)


def find_facts(text: str, asked: str | None, today: date) -> list[Finding]:
    """Explicit facts for slots other than `asked`."""
    findings: list[Finding] = []
    correction = is_correction(text)

    if asked not in ("baseline", "target"):
        pair = change(text)
        if pair is not None:
            findings.append(
                Finding(slot="baseline", value=pair[0], raw=text, correction=correction)
            )
            findings.append(Finding(slot="target", value=pair[1], raw=text, correction=correction))

    if asked not in ("audience_size", "baseline", "target", "impact"):
        count = headcount(text)
        if count is not None:
            findings.append(
                Finding(slot="audience_size", value=count, raw=text, correction=correction)
            )

    if asked != "deadline" and _DEADLINE_CUE.search(text):
        for match in find_dates(text, today):
            before = text[max(0, match.start - 40) : match.start]
            if _DEADLINE_CUE.search(before):
                findings.append(
                    Finding(
                        slot="deadline",
                        value=match.value.isoformat(),
                        raw=text,
                        correction=correction,
                    )
                )
                break

    if asked in ("requested_solution", "confirm", None):
        goal = _GOAL_CUE.search(text)
        if goal:
            findings.append(
                Finding(slot="business_goal", value=_tidy(goal.group("goal")), raw=text)
            )
        metric = _MEASURED.search(text) or _METRIC_CUE.search(text)
        if metric:
            name = metric.group("metric") if "metric" in metric.groupdict() else metric.group(0)
            clause = _clause_with(text, re.compile(re.escape(name)))
            findings.append(Finding(slot="metric", value=_tidy(clause or name), raw=text))
    return findings


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:-")
    return text[:1].upper() + text[1:] if text else text


__all__ = ["find_facts", "headcount", "is_correction", "parse_deadline", "parse_quantity"]
