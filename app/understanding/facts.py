"""Facts for *other* slots, found in any message ("...and it's actually 45 people, not 30").

Deliberately conservative: a number in passing ("each redelivery costs £4") must not become
a baseline or a head count, because a wrongly filled slot is never asked again. Only
regular, explicit phrasings count here; everything else waits for its own question.
"""

from __future__ import annotations

import re
from datetime import date

from app.interview import framework as fw
from app.interview.state import Finding, Quantity
from app.understanding import sentences
from app.understanding.dates import MONTH, find_dates, parse_deadline, restated
from app.understanding.frequency import frequency_by_rule, task_rate, task_rate_said
from app.understanding.numbers import (
    CHANGED_TO,
    CORRECTING,
    COUNT,
    FIGURE,
    FRACTION,
    HAD,
    METRIC_NOUN,
    MONEY_UNITS,
    WHO_MUST,
    figure_alone,
    figure_first,
    find_quantities,
    is_people_noun,
    leads_people,
    parse_change,
    parse_headcount,
    parse_quantity,
    says_a_spread,
)

_PEOPLE = (
    r"(people|staff|employees|colleagues|members of staff|agents|of them|of us|heads|workers|"
    r"drivers|nurses|engineers|managers|reps|advisers|advisors|operators|cooks|teachers|"
    r"consultants|receptionists|instructors|supervisors|assistants|technicians|cleaners|"
    r"accountants|architects|users|team members|people in total|in the team|in total|strong)"
)
_HEADCOUNT_PHRASE = re.compile(
    rf"(\b(there are|there're|there were|there's|there is|we have|we've got|(?:team|crew|group|squad|cohort|staff) of|total of|headcount (is|of))\s+(about|around|roughly|approximately|some|nearly|almost)?\s*[\w,.-]+\s*{_PEOPLE}?)"
    rf"|(\b(?:(?=[\w,.-]*?(?:\d|\b{COUNT}))[\w,.-]+|number\s+of)\s+{_PEOPLE}\b"
    r"(?!\s+(a|per|each|every)\s+(day|week|month|year)))",
    re.I,
)
"""A head count in so many words. "There are 40" counts people unless it says what; "it's 89"
does not: it is as often a rate ("it's 89 today") as a team. "40 operators" counts them;
"the number of staff, which is 120" names the count; "line operators on lines 3 and 4" names
them, and its numbers name lines."""
_THERE_ARE_PEOPLE = re.compile(
    r"\b(?:there\s+are|there['’]re|there['’]s|there\s+is|we\s+have|we['’]ve\s+got|we\s+employ|"
    r"team\s+of|we['’]re\s+talking(?:\s+about)?)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|only|just)\s+)?[\w,.-]+\s+(?P<w1>[a-z-]+)"
    r"(?:\s+(?P<w2>[a-z-]+))?(?:\s+(?P<w3>[a-z-]+))?",
    re.I,
)
"""A head count stated outright, which counts whatever the question was: "there are 40
drivers", "we've got sixty-five operatives", "there are two hundred nurses", "there's about
50 porters", "there's 300 front desk staff", "We're talking 26 analysts"."""
_EXPLICIT_PEOPLE = re.compile(rf"\b[\w,.-]+\s+{_PEOPLE}\b", re.I)
_RATE = re.compile(r"\b(a|per|each|every)\s+(day|week|month|year|shift|quarter)\b", re.I)
_DEADLINE_CUE = re.compile(r"\b(by|before|deadline|no later than|in time for|until|due)\b", re.I)
_GOAL_CUE = re.compile(
    r"\b(the goal is|our goal is|the aim is|the objective is|we want to|we need to|i want to|trying to|looking to|so that we)\s+(?P<goal>(cut|reduce|lower|increase|improve|raise|grow|boost|get|stop|bring|halve|double|keep|win|avoid|speed|shorten)[^.;:]*)",
    re.I,
)
_METRIC_CUE = re.compile(
    r"\b(?P<metric>(our|the)\s+[\w\s-]{2,40}?\b(rate|score|percentage|ratio|count|time|level|number|nps|csat))\b(?P<rest>[^.;]*?)\b(is|was|sits at|stands at|runs at|of)\s+(about|around|roughly)?\s*\d",
    re.I,
)
_MEASURED = re.compile(r"\bmeasured\s+(by|from|in|on|through|via|with)\s+[^.;]+", re.I)


_WHOSE_GOAL = (
    r"\s+(?:(?:that|which)\s+)?(?:everyone|everybody|we|they|he|she|i|you|people|the\s+[a-z]+)"
    r"\s+[a-z]+(?:\s+(?:us|them|on|for|with|about))?"
)
"""A relative clause between the goal and its figure: "the goal everyone quotes is under 2
hours", "the aim the board set is 90%"; not "the standard form is 3 pages", a noun."""
_BOUND_WORD = r"(?:under|below|over|above|less\s+than|more\s+than|at\s+least|at\s+most)"
_NAMED_SLOT = {
    "baseline": re.compile(
        r"\b(?:the\s+)?(?:baseline\b|current\s+(?:figure|rate|level|value|number))"
        r"(?:['’]s|\s+is|\s+was|\s+should\s+be|\s+of|:)?\s*",
        re.I,
    ),
    "target": re.compile(
        r"\b(?:the\s+)?(?:target\b|(?:goal|aim|standard)(?=(?:['’]s|\s+is|\s+was|\s+should\s+be|:|"
        rf"{_WHOSE_GOAL}\s+(?:is|was))?\s*(?:about|around|roughly|now)?\s*(?:{_BOUND_WORD}\s+)?"
        rf"(?:[-+£$€]?\d|zero\b|nil\b|{COUNT})))"
        r"(?:['’]s|\s+is|\s+was|\s+should\s+be|\s+of|:)?\s*",
        re.I,
    ),
    "audience_size": re.compile(
        r"\b(?:the\s+)?(?:head\s*count|team\s+size|audience\s+size)(?:['’]s|\s+is|\s+was|"
        r"\s+should\s+be|\s+to|:)?\s*",
        re.I,
    ),
    "deadline": re.compile(
        r"\b(?:the\s+)?(?:deadline|due\s+date)(?:['’]s|\s+is|\s+was|\s+should\s+be|"
        r"\s+has\s+moved(?:\s+to)?|\s+moved(?:\s+to)?|:)?\s*",
        re.I,
    ),
}
"""A slot named outright ("the target should be 85%", "the deadline moved to June", "change
the head count to 52")."""
_NOT_THAT = re.compile(r",?\s*\b(?:not|rather\s+than|instead\s+of)\b[^,.;!?]*", re.I)
_CLAUSE_END = re.compile(rf"{sentences.SENTENCE_END}\s?|\s+(?:and|but)\s+(?:the|our|it)\b", re.I)
_METRIC_IS = (
    rf"(?:(?<!\btarget\s)(?<!\bgoal\s)(?<!\bideal\s)\b{METRIC_NOUN}|"
    r"\bours(?=\s+(?:is|sits|stands|runs)\s+(?:at\s+)?(?:about\s+|around\s+|only\s+|just\s+)?"
    r"\d[\d.,]*\s*(?:%|per\s*cent|percent|out\s+of)))"
    r"(?:['’]s|\s+is|\s+(?:is|sits|stands|runs)\s+at)\s+"
    r"(?:(?:only|just|still|about|around|roughly)\s+){0,2}(?=[£$€]?\d)"
)
"""A metric named in the present tense: "the error rate's only 2%", "accuracy is 91%",
"compliance is at 74%", "error rate's about 1%", "ours is 78%" (beside another's figure)."""
_DURATION = r"(?:days?|hours?|hrs?|minutes?|mins?|weeks?|seconds?|secs?)\b"
"""A duration is a level too: "it's 6 days now"."""
_PERFORMING = (
    r"\b(?:we|they)\s+(?:(?:only|still|usually|normally|typically|just)\s+)?"
    r"(?!(?:want|need|expect|aim|hope|plan|target|would|should|could|must|will|can|might|may|"
    r"had|did|got|lost|made|saw|was|were|spent|kept|paid|used)\b)(?![a-z]+ed\b)[a-z]+\s+"
    r"(?:(?:that|it)\s+)?(?:(?:about|around|roughly|only|just|nearly|almost|under|over)\s+)?"
    rf"(?=\d[\d.,]*\s*(?:%|per\s*cent|percent)\s+of\b|{FRACTION}\s+of\b)|"
    r"\b(?:we|they)(?:['’]re|\s+are)\s+(?:doing|averaging|taking|making)\s+"
    r"(?:(?:about|around|roughly|only|just)\s+)?(?=[£$€]\d)"
)
"""A level as what they do, in the present tense: "we manage that 82% of the time", "we fail
about 30% of test purchases", "we lose a third of them", "we're doing £32 a head"; not a want
("we need 95% of"), nor history ("we lost 30% of")."""
_SHARE_DOES = (
    rf"(?:\b\d[\d.,]*\s*(?:%|per\s*cent|percent)|{FRACTION})"
    r"(?:\s+of\s+(?:(?:the|our|them|us)\b\s*)?(?:(?!(?:to|will|would|should|must|can|could)\b)"
    r"[a-z-]+\s+){0,3}?)?\s*(?:(?:still|only|never|always|usually)\s+)?"
    r"(?:pass|fail|leave|quit|use|stay|complete|finish|meet|miss|hit|return|reply|respond|"
    r"arrive|get|make|say|rate|score|turn\s+up|show\s+up|come\s+back|"
    r"(?:have|has)(?=\s+(?:no|a|an|the|their|its|any)\b)|"
    r"(?:are|is|get|gets)\s+(?:(?:still|only|never|actually|currently)\s+)?[a-z]+ed)\b"
    r"(?![\s-]+(?:rates?|marks?|levels?|scores?|percentages?|figures?|targets?|thresholds?)\b)"
)
"""A share as the subject of what people or things do or undergo, in the present tense: "only
40% pass their probation first time", "about 5% still fail QA", "a third of new starters leave within 90 days", "30%
of drops have no photo", "only 64% of results are entered straight in"; not "40% passed",
"40% will pass", "40% have left" or "a 98% pass rate", where the verb is a noun."""
_LEVEL_NAMED = (
    r"\b(?:(?<!national\s)(?<!industry\s)(?<!sector\s)(?<!regional\s)average|current)\s+"
    r"(?:[a-z-]+\s+){0,6}?(?:is|are|['’]s)\s+(?:(?:about|around|roughly|only|just|still)\s+)?"
    r"(?=[£$€]?\d)"
)
"""A level named as the current or average one: "the current pass rate on the assessment is
64%", "our average collection period is 47 days"; not "the national average is 77%", a
comparison."""
_FROM_CURRENT = (
    r"\bfrom\s+(?:the|our)\s+current\s+(?:(?:about|around|roughly)\s+)?"
    rf"(?=[£$€]?\d[\d.,]*\s*(?:%|per\s*cent|percent|[km]\b|{_DURATION})?\s*(?:[.;,!?]|$))"
)
"""Today's level as where a change starts, with nothing after the figure: "under 2 days, from
the current 6", "down from our current 14%"; not "from the current 3 sites to 5"."""
_WE_GET = (
    r"\bwe(?:\s+(?:get|see|receive|log)|(?:['’]re|\s+are)\s+(?:getting|seeing|receiving|logging))\s+"
    r"(?:(?:about|around|roughly|some|maybe)\s+)?"
    r"(?=\d[\d,.]*(?:\s+[a-z]+ed)?\s+(?:a|per|each|every)\s+(?:day|week|month|quarter|year)\b)"
)
"""The metric's things, counted as what we get in a period: "fewer complaints about discharge,
we get about 42 a quarter", "we see 30 a week", "We're getting about 900 reported a month";
not "we get 5 new starters a month" (people), "we get £40 a head" (a price) or "we got 14 a
month" (history)."""
_GETTING = re.compile(_WE_GET, re.I)
_HABITUALLY = (
    r"\b(?:day[\s-]to[\s-]day|in\s+practice|on\s+average|usually|normally|typically|"
    r"generally),?\s+(?:it['’]s|it\s+is|we['’]re|we\s+are|they['’]re|they\s+are)\b|"
    r"\b(?:usually|normally|typically|generally)\s+(?:about|around|roughly|somewhere\s+around)\s+"
    rf"(?=(?:[£$€]?\d[\d.,]*|{COUNT})\s*(?:%|per\s*cent|percent|\s{_DURATION})?\s*(?:[.,;!?]|$))"
)
"""A level said as what usually holds: "day to day it's 70%", "in practice we're at 60%",
"number of late timesheets per week. usually around forty"."""
_HAS_MOVED_TO = (
    rf"\b(?<!to\s)(?:has|have|['’]s|['’]ve)\s+(?:now\s+)?{CHANGED_TO}"
    r"(?=(?:about\s+|around\s+|roughly\s+|just\s+|only\s+)?[£$€]?\d)"
)
"""A present perfect move names where the metric is now: "our first-stick rate has dropped
to 64%". Not after "to" ("we need it to have dropped to 5%" is a wish)."""
_NOW = re.compile(
    r"\b(?:cur+ent?ly|right\s+now|at\s+the\s+moment|at\s+present|these\s+days|averag(?:ing|es)|"
    r"we['’]re\s+at|we\s+are\s+at|it['’]s\s+at|sits?\s+at|stands?\s+at|running\s+at|today|"
    r"sitting\s+at|stuck\s+at|(?:sitting|hovering)\s+(?:around|near))\b|"
    r"\b[a-z-]+\s+(?:is|are)\s+at(?=\s+(?:about\s+|around\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent)"
    r"(?:\s+(?:and|but)\b|\s*[.;,!?]|\s*$))|"
    r"\bnow,?\s+(?:it['’]s|it\s+is|we['’]re|we\s+are)\b|"
    r"\b(?:we['’]re|we\s+are)\s+on(?=\s+(?:(?:about|around|roughly|only|just)\s+)?[£$€]?\d)|"
    rf"\b\d[\d.,]*\s*(?:%|per\s*cent|percent|{_DURATION})?\s+(?:right\s+)?now\b|"
    rf"{_FROM_CURRENT}|{_WE_GET}|{_METRIC_IS}|{_PERFORMING}|{_SHARE_DOES}|{_LEVEL_NAMED}|"
    rf"{_HABITUALLY}|{_HAS_MOVED_TO}",
    re.I,
)
_DOING = re.compile(_PERFORMING, re.I)
"""What we or they do now ("we do about 30% of the work twice"): a level in most answers, but
in an impact answer it is the cost being described ("only 40% pass" is still a level)."""


def _is_doing(clause: str, cued: re.Match[str]) -> bool:
    """Whether the cue found is what they do ("we do about 30% of"), not a level named."""
    m = _DOING.match(clause, cued.start())
    return m is not None and m.end() == cued.end()


_RECENTLY = re.compile(
    r"(?<=%)\s+(?:[a-z]+\s+){0,3}?last\s+time\b|"
    r"\b(?:as\s+of|so\s+far|last\s+(?:month|week|quarter|year|term|semester)|"
    r"this\s+(?:year|month|quarter|term)|(?:the|our)\s+(?:last|latest|most\s+recent)\s+"
    r"(?:(?:[a-z'’-]+\s+){0,2}?(?:survey|audit|inspection|review|report|census|round)|"
    r"one\s+(?=was\b|scored\b|came\s+(?:in|out)\s+at\b)))\b",
    re.I,
)
"""Weaker than `_NOW`: fine for a figure in a goal or a metric ("last month it was 71%", "52%
agreed last time" (a share: "it took 2 years last time" is a project's story), "the
last audit was 62 out of 100", "in the last staff survey we scored 54%", "14 last term"),
not in an impact answer, where "two near misses last month" is a story, not a baseline."""
_NOW_BEFORE = re.compile(
    r"(?:we\b|they\b|we['’]re|we\s+are|it['’]s|sits?|stands?|running|sitting|stuck|hovering|from\b|"
    rf"cur+ent|averag|{METRIC_NOUN}|now\b)",
    re.I,
)
"""Cues that come before the figure they mark ("we're at 4%"), not after ("4% now")."""
_AT_LEVEL = re.compile(r"\s(?:at|on|around|near)$", re.I)
"""A level ("we're at", "sits at", "it's hovering near") names the metric's value even in
money; a bare "currently" before "£4 a drop" may name a cost."""
_WITHIN = re.compile(r"\b(?:within|in|under|inside)\s+$", re.I)
_NEVER_DONE = re.compile(
    r"\b(?:never\s+(?:been|done|had|managed|got|learned|learnt|really\s+(?:been|done))|"
    r"not\s+once|brand\s+new\s+to|first\s+time\s+(?:they|we)|new\s+to\s+(?:it|this|the))\b",
    re.I,
)
_DONE_BEFORE = re.compile(
    r"\b(?:used\s+to\s+(?:be|do|get|manage|handle)|(?:did|were|was|managed)\s+(?:it\s+)?"
    r"(?:fine|well|ok|okay|great|properly)\s+(?:before|last|in\s+the\s+past|until)|"
    r"(?:have|'ve)\s+done\s+it\s+(?:well|fine|before)|slipped|gone\s+rusty|got\s+rusty|forgot(?:ten)?|"
    r"not\s+any\s*more|no\s+longer|were\s+(?:all\s+)?trained)\b",
    re.I,
)
"""Skill-branch facts said in passing while answering the skill question."""
_NEVER_DONE_IT = re.compile(
    r"\b(?:they|we)(?:['’]ve|\s+have)?\s+never\s+(?:(?:really|actually|once)\s+)?"
    r"(?:done|managed|touched|used|tried|had\s+to\s+do)\s+"
    r"(?:it|this|that|one|(?:the|a|an)\s+[a-z-]+(?:\s+[a-z-]+)?)\b",
    re.I,
)
_DID_IT_WELL = re.compile(
    r"\b(?:they|we)(?:['’]ve|\s+have)\s+done\s+it\s+(?:well|fine|properly|right|before)\b|"
    r"\b(?:they|we)\s+used\s+to\s+(?:nail|do|manage|get|be\s+(?:good|great|fine)\s+at)\s+"
    r"(?:it|this|that)\b|"
    r"\b(?:they|we)\s+did\s+it\s+(?:well|fine|perfectly|properly|right)\b",
    re.I,
)
"""Whether the people have done it well before, said plainly in an answer to another question:
"They've never done it well", "They've never touched the new ERP module", "they used to nail
it before the system change", "they've done it fine before", "They did it perfectly during
the 2024 inspection"; not "they never used to", a hedge or a question."""


def _done_before_said(text: str) -> str | None:
    """`_NEVER_DONE_IT` or `_DID_IT_WELL`, unless its sentence hedges or asks."""
    for pattern, label in ((_NEVER_DONE_IT, fw.NO), (_DID_IT_WELL, fw.YES)):
        for m in pattern.finditer(text):
            if _HEDGED.search(sentences.before(text, m.start())) or sentences.after(
                text, m.end()
            ).endswith("?"):
                continue
            return label
    return None


def _names_people(text: str) -> bool:
    """A count of people in so many words: "40 staff", "a dozen analysts", or the team's size
    restated ("the headcount: it's 28, not 18")."""
    return (
        _EXPLICIT_PEOPLE.search(text) is not None
        or _counted_people(text)
        or _TEAM_RESTATED.search(text) is not None
    )


_TEAM_RESTATED = re.compile(
    rf"(?:\b(?:team|headcount|head\s+count|audience|crew|group)\b[^.;!?]*?|\bwe['’]re\s+|\bwe\s+are\s+)"
    rf"\b{COUNT}[\w-]*,?\s+"
    rf"(?:not|rather\s+than|instead\s+of)\s+(?:the\s+)?{COUNT}",
    re.I,
)
"""The team's size with the figure it replaces: "the team is bigger than I said: seventy-five
rather than sixty", "fix the headcount: it's 28, not 18", "we're 65, not 56" (but "we're at 65,
not 56" is a level)."""


def _counted_people(text: str) -> bool:
    """A number followed, within a word, by people: "a dozen analysts", "200 call handlers",
    "300 clinicians will", "52 new call handlers" (the people may be any of the next three words),
    "thirty-odd welders" (hedged)."""
    return any(
        any(word is not None and is_people_noun(word) for word in m.groups())
        or (m[2] is not None and leads_people(m[1].lower(), m[2].lower()))  # "16 shift leads"
        for m in _COUNT_NOUN.finditer(text)
    )


_COUNT_NOUN = re.compile(
    r"\b(?:\d[\d,]*|dozen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:-odd|-ish|\+)?\s+([a-z-]+)"
    r"(?:\s+([a-z-]+))?"
    r"(?:\s+([a-z-]+))?\b",
    re.I,
)


def _names_a_group(m: re.Match[str]) -> bool:
    if m["all_noun"] and _GROUP_ACTS.fullmatch(m["all_noun"]):
        return True  # "all 30 need to be signed off": the whole group, whatever it is
    if m["of_group"]:  # "all 38 of the night team": the whole of a team, or of its people
        return any(
            is_people_noun(n) or n.lower() in _TEAM_NOUNS
            for n in (m["of_group"], m["of_group2"], m["of_group3"])
            if n
        )
    groups = (
        "all_noun",
        "all_noun2",
        "lead_noun",
        "lead_noun2",
        "whole_noun",
        "whole_noun2",
        "the_noun",
        "the_noun2",
        "the_noun3",
        "need_noun",
        "need_noun2",
        "its_noun",
    )
    nouns = [m[g] for g in groups if m[g]]
    return not nouns or any(is_people_noun(n) or n.lower() == "staff" for n in nouns)


_TEAM_NOUNS = frozenset(
    [
        "team",
        "crew",
        "staff",
        "shift",
        "department",
        "unit",
        "ward",
        "depot",
        "branch",
        "office",
        "squad",
        "workforce",
    ]
)


_GROUP_ACTS = re.compile(r"need|needs|must|should|will|would|have|has|can|could", re.I)
"""Modal verbs after "all 30": the group is the subject of what has to happen."""


def _stated_people(text: str) -> bool:
    return (
        any(_names_a_group(m) for m in _IN_TOTAL.finditer(text))
        or any(
            any(w is not None and is_people_noun(w) for w in (m["w1"], m["w2"], m["w3"]))
            for m in _THERE_ARE_PEOPLE.finditer(text)
        )
        or any(
            any(w is not None and is_people_noun(w) for w in m.groups())
            for m in _WE_ARE_PEOPLE.finditer(text)
        )
    )


_WE_ARE_PEOPLE = re.compile(
    r"\b(?:we\s+are|we['’]re)\s+(?:(?:about|around|roughly|some|nearly|almost|only|just)\s+)?"
    rf"{COUNT}(?:-odd|-ish|\+)?\s+([a-z-]+)(?:\s+([a-z-]+))?",
    re.I,
)
"""The team counted by its members, with a figure: "We are 62 agents", "We're 30 advisers in
total"; not "we're 3 sites" or "we're at 62" (no people, no count right after)."""


_IN_TOTAL = re.compile(
    # "N of them" as an aside of its own: "Our lab techs are very capable, 11 of them, all
    # graduates", "32 of them, mostly graduates."; not "6 of them share a login" (a part)
    rf"(?:^|(?<=[,;:.!?])\s+)(?:(?:about|around|roughly|some)\s+)?{COUNT}\s+of\s+(?:them|us)"
    r"(?=\s*(?:,|[.!?]|$))|"
    r"\b\d[\d,]*\s+[a-z-]+\s+(?:in\s+total|altogether|all\s+told)\b|"
    # everyone, counted with who is included: "Every member of staff, 85 including support staff"
    r"\b(?:every\s+member\s+of\s+(?:staff|the\s+team)|everyone|everybody|all\s+staff),\s+"
    rf"(?:(?:about|around|roughly|some)\s+)?{COUNT}\s+(?:including|incl\.?|counting)\b|"
    r"\b(?:there\s+are|there['’]re|there['’]s|there\s+is|we\s+have|all)\s+"
    rf"(?:(?:about|around|roughly|only|just)\s+)?(?:\d[\d,]*|{COUNT})\s+"
    r"(?:of\s+(?:them|us)(?!\s+(?:that|who|which|with|without)\b)|"
    r"(?:in|on)\s+(?:the|our|my)\s+(?:team|crew|department|unit))\b|"
    rf"\b(?:the|our|my|a)\s+(?:[a-z-]+\s+){{0,2}}(?:team|crew|workforce)\s+of\s+{COUNT}\b"
    r"(?!\s+(?:[a-z-]+\s+)?(?:sites?|stores?|branches|teams|depots|locations|days|weeks))|"
    rf"\ball\s+{COUNT}\s+of\s+(?:the|our|my)\s+(?P<of_group>[a-z-]+)(?:\s+(?P<of_group2>[a-z-]+))?"
    r"(?:\s+(?P<of_group3>[a-z-]+))?|"
    r"\ball\s+\d[\d,]*\s+(?P<all_noun>[a-z-]+)(?:\s+(?P<all_noun2>[a-z-]+))?|"
    rf"{sentences.SENTENCE_OPENS}(?:(?:and|but|so)\s+)?(?:(?:about|around|roughly|some)\s+)?\d[\d,]*\s+"
    r"(?P<lead_noun>[a-z-]+)(?:\s+(?P<lead_noun2>[a-z-]+))?|"
    rf"\b(?:that['’]s|that\s+is|which\s+is)\s+(?:(?:about|around|roughly|some)\s+)?{COUNT}\s+"
    r"(?P<that_noun>people|staff|employees|colleagues|ppl)\b|"
    r"\bit['’]s\s+(?:(?:only|just|about|around|roughly|some)\s+)?\d[\d,]*\s+(?P<its_noun>[a-z-]+)"
    r"(?=(?:\s+(?:anyway|in\s+total|altogether|all\s+told))?\s*(?:[.!?;]|,\s+not\b|$))|"
    rf"\b(?:the|our)\s+(?:[a-z-]+\s+)?{COUNT}(?:\s+[a-z-]+)?\s+{WHO_MUST}|"
    rf"\b(?:people|ones|those)\s+{WHO_MUST}[^.;!?\d]{{0,30}}?\b(?:are|is)\s+"
    rf"(?:(?:the|our|all|just|only)\s+)*{COUNT}|"
    rf"\b{COUNT}\s+(?P<need_noun>[a-z-]+)(?:\s+(?P<need_noun2>[a-z-]+))?\s+"
    r"(?:need|needs|must|have\s+to|will\s+(?:need|have)\s+to)\b|"
    rf"\b(?:the|our|my)\s+{COUNT}\s+(?:of\s+(?:them|us)\b|(?P<the_noun>[a-z-]+)"
    r"(?:\s+(?P<the_noun2>[a-z-]+))?(?:\s+(?P<the_noun3>[a-z-]+))?)|"
    r"\b(?:(?:whole|entire)\s+[a-z-]+(?:\s+[a-z-]+)?(?:,|\s+(?:is|are))|(?:audience|headcount|head\s+count|"
    r"team\s+size)\s+(?:is|are|was|:)[^.;!?\d]{0,30}?|(?:the|our|my)\s+(?:team|crew)\s+(?:is|are))"
    r"\s*(?:(?:about|around|roughly|some)\s+)?"
    rf"{COUNT}\s+(?P<whole_noun>[a-z-]+)(?:\s+(?P<whole_noun2>[a-z-]+))?",
    re.I,
)
"""A head count stated as the whole ("120 drivers in total", "there are 40 of them", "there's
only 12 of them" (not "2 of them that work", a part), "the front desk team of 14", "all 48
junior doctors", "the whole depot, 55 people", "the audience is the ward, 30 nurses"), named as
those who must change ("the people who need it are the 12 locums"), opening
a sentence ("About 70 staff across four sites"), said as all there is ("It's 48 cleaners.",
"it's only 5 admins anyway"), or counted with "the" or "our", which means
all of them ("the 25 field engineers share 6 laptops", "none of our 52 new call handlers",
"the 16 of them"), unlike "six of them" or "three people went on it", a part or a story."""


def leading_answer(text: str) -> Quantity | None:
    """The figure a reply opens with, standing alone (`numbers.figure_alone`), answers the
    number asked ("85%, and I need to fix two things: ..."); unless a want later names
    another ("80. We want 95."), or the figure has a word after it ("80 today. We want 95."
    is today's level)."""
    m = figure_alone(text)
    if m is None or wanted_value(text[m.end() :]) is not None:
        return None
    return parse_quantity(m["figure"])


_REPORTED = re.compile(
    rf"\b(?:i|we){HAD}\s+(?:said|told\s+you|mentioned|gave\s+you|put\s+down)\s+(?:that\s+)?$", re.I
)
"""The slot's value as the requester said it before, which the rest of the sentence replaces."""
_REPORTED_AFTER = re.compile(
    rf"\s*,?\s*(?:(?:that|which)\s+)?(?:i|we){HAD}\s+(?:gave(?:\s+you)?|given(?:\s+you)?|said|mentioned|put\s+down|quoted|"
    r"told\s+you)(?:\s+(?:of|as))?\s*[,:-]?",
    re.I,
)
"""The same, said after the slot's name: "the target I gave, 80%, should be 85%", "the target
I gave you of 90%, make that 92%"."""
_STALE_DATE = re.compile(
    r"\s*(?:(?:the\s+)?(?:end|start|middle)\s+of\s+)?"
    rf"(?:{MONTH}|q[1-4]|spring|summer|autumn|winter)(?:\s+20\d\d)?\b",
    re.I,
)
"""The date as said before, which the rest of the sentence replaces: "the deadline, I said
January, it's actually end of February now"."""


def named_value(text: str, slot: str, today: date) -> Quantity | str | None:
    """The value stated right after the slot's name ("the target's 95%, not 90" -> 95%)."""
    m = _NAMED_SLOT[slot].search(text)
    if m is None:
        return None
    rest = text[m.end() :]
    reported = _REPORTED_AFTER.match(rest)
    dated = fw.SLOT_BY_NAME[slot].kind == "date"
    if reported is not None and dated and (stale := _STALE_DATE.match(rest, reported.end())):
        rest = rest[stale.end() :]  # "the deadline, I said January, it's end of February"
    elif reported is not None and (stale := figure_first(rest, reported.end())):
        rest = rest[stale.end() :]  # "the target I gave, 80%, should be 85%": not 80
    elif (
        _REPORTED.search(text, max(0, m.start() - 30), m.start())
        and (stale := _STALE_DATE.match(rest) if dated else figure_first(rest))
        and (not dated or parse_deadline(rest[stale.end() :], today) is not None)
    ):
        # "I said the target was 95% - it should be 97%": not 95; "I told you the deadline
        # was March, it's actually end of April": not March, but "we said the deadline is
        # March, and it still is" restates it
        rest = rest[stale.end() :]
    for _ in range(2):  # "can I change the baseline? It's 14 a week": the value may follow
        end = _CLAUSE_END.search(rest)
        clause = _NOT_THAT.sub("", rest[: end.start()] if end else rest)
        if fw.SLOT_BY_NAME[slot].kind == "date":
            deadline = parse_deadline(clause, today)
            if deadline:
                return deadline.isoformat()
        elif (lead := figure_first(clause)) and (
            quantity := parse_quantity(lead.group(0))
        ) is not None:
            return quantity  # "the goal is zero late journals, down from 25": the named one
        elif (quantity := parse_quantity(clause)) is not None:
            return quantity
        if end is None:
            break
        rest = rest[end.end() :]
    return None


def named_values(text: str, asked: str | None, today: date) -> list[Finding]:
    """Numbers and dates for the other slots the requester names."""
    correction = (
        is_correction(text)
        or asked == "confirm"
        or bool(re.search(r"\b(?:should\s+be|moved|changed|now)\b", text, re.I))
    )
    return [
        Finding(slot=slot, value=value, raw=text, correction=correction)
        for slot in _NAMED_SLOT
        if slot != asked
        and (value := named_value(text, slot, today)) is not None
        and (slot != "audience_size" or _a_count(value))
    ]


def _a_count(value: Quantity | str) -> bool:
    """A head count is a whole number of people, not "the headcount is up 10%"."""
    return isinstance(value, Quantity) and value.unit is None and _whole(value.value)


def _whole(count: float) -> bool:
    """A number of people: positive and whole."""
    return count > 0 and count == int(count)


_LEVEL_CORRECTED = re.compile(
    r"\b(?P<name>[a-z-]+)\s+(?:is|are|['’]s)\s+(?:(?:actually|now|really|currently)\s+)*"
    r"(?P<new>\d[\d.,]*\s*(?:%|per\s*cent|percent|[km]\b)?)(?:\s+(?P<noun>[a-z-]+))?"
    r"(?:\s+(?:right\s+)?now)?,?\s+not\s+(?:the\s+)?\d",
    re.I,
)
_NOT_A_LEVEL_NAME = re.compile(
    r"(?:target|goal|aim|standard|deadline|date|team|group|crew|headcount|audience|there|it|"
    r"that|this|we|they|budget|cost|price)",
    re.I,
)
_TARGET_BEFORE = re.compile(r"\b(?:target|goal|aim|ideal)\b[^.;!?]{0,20}$", re.I)


def corrected_level(text: str) -> Quantity | None:
    """A metric's level corrected against the figure said before: "the backlog is 420
    applications now, not 380", "This year staff turnover is 23%, not 19%", "the figure is
    62%, not 26"; not the target, the deadline or the team ("the target turnaround is 20
    minutes, not 30", "the team is 15 people, not 12", "it's 45, not 30")."""
    for m in _LEVEL_CORRECTED.finditer(text):
        noun = m["noun"]
        if (
            _NOT_A_LEVEL_NAME.fullmatch(m["name"])
            or _TARGET_BEFORE.search(text, 0, m.start())
            or (noun and (is_people_noun(noun) or re.fullmatch(MONTH, noun, re.I)))
        ):
            continue
        quantity = parse_quantity(m["new"])
        if quantity is not None:
            return quantity
    return None


def current_value(
    text: str,
    rates: bool = False,
    recently: bool = False,
    stated: bool = False,
    doing: bool = True,
) -> Quantity | None:
    """A metric's value today, said in passing ("we're at 71% now"), never a cost or head
    count; a rate ("4 reports a month right now") only when `rates`, a recent figure
    ("last month it was 71%") only when `recently`. With `stated` (a yes/no answer, where
    "two of them have scanners at the moment" is a story), only a level stated as such:
    "we're at 81 now", "it's 7% now". Without `doing` (an impact answer), what they do is
    not a level: "we do about 30% of the work twice" tells the cost, not the metric."""
    if (told := _TOLD_IT_WAS.search(text)) is not None:
        # "I told you it was 40 earlier; it's actually 34": the level, corrected
        # Up to a full stop but not a semicolon: the corrected figure follows one ("...40
        # earlier; it's actually 34").
        sentence = sentences.after(text, told.start(), sentences.FULL_STOPS)
        quantity = parse_quantity(sentence)
        if quantity is not None and headcount(sentence) is None:
            return quantity
    for clause in sentences.split(text, sentences.CLAUSES):
        cued = (
            _NOW.search(clause)
            or (recently and _RECENTLY.search(clause))
            or (stated and _THEY_AT.search(clause))
        )
        if not cued or (not doing and _is_doing(clause, cued)):
            continue
        if not rates and _GETTING.match(clause, cued.start()):
            continue  # "we get about 40 a week and each costs £50": the cost, in an impact answer
        share = _SHARE_SAID.match(clause, cued.start()) is not None
        # "Only 55% go in same day currently": a cue that ends the clause follows its figure
        from_cue = _NOW_BEFORE.match(cued.group(0)) is not None and not _ENDS.fullmatch(
            clause, cued.end()
        )
        if from_cue:  # "costs £35 each, and we're at 4%", "it's 66 staff and we're at 70%"
            clause = clause[cued.start() :]
        doing = from_cue and _DOING.match(clause) is not None
        # "we manage that 82% of the time and the standard is 95%": 82, not the standard
        if doing and (end := _CLAUSE_END.search(clause)):
            clause = clause[: end.start()]
        if headcount(clause) is not None or says_a_spread(clause):
            continue  # "right now they range from 3.8 to 4.6": no one level today
        if stated and (_SUBSET.search(clause) or not (_STATED_LEVEL.search(clause) or share)):
            continue
        if cued.group(0)[0].isdigit() and not _WITHIN.search(clause, 0, cued.start()):
            # "were 15 a month back then and they're 45 now": 45; but in "68% are seen
            # within 18 weeks now" the weeks belong to the metric's name, and "now" to 68%
            # "71 out of 100 right now": the whole figure that "now" follows, "£4" with its sign
            clause = clause[_quantity_start(clause, cued.start()) :]
        clause = _WANT.split(clause, maxsplit=1)[0]  # "at 40% now and need 100": 40
        quantity = parse_quantity(clause)
        level = doing or (from_cue and _AT_LEVEL.search(cued.group(0)) is not None)
        if quantity is None or (quantity.unit in MONEY_UNITS and not level):
            continue  # "we're at £1.6m" is the metric's level; "it costs £4 now" a cost
        if rates or not _RATE_ONLY.search(clause):
            return quantity
    return None


_ENDS = re.compile(r"\W*")
_SHARE_SAID = re.compile(_SHARE_DOES, re.I)
"""In an answer about causes, a percentage doing something now is a level stated as such:
"still only 45% of leads get a follow-up the same day"; "half of them have scanners" is a
part of the team (`_SUBSET`)."""
_THEY_AT = re.compile(r"\bthey(?:['’]re|\s+are)\s+at\b", re.I)
"""In an answer about causes "they" are the people who must change, and where they are is
the level: "They're at about 80"; elsewhere "they" may be another branch."""


def _quantity_start(clause: str, at: int) -> int:
    """Where the quantity holding position `at` begins ("71 out of 100", "£4"), else `at`."""
    return next((q.start for q in find_quantities(clause) if q.start <= at < q.end), at)


_TOLD_IT_WAS = re.compile(
    rf"\b(?:i|we){HAD}\s+(?:said|told\s+you|mentioned|gave\s+you)\s+(?:that\s+)?it\s+was\b"
    r"(?=[^.!?]*\b(?:actually|really|in\s+fact)\b)",
    re.I,
)
"""A level said before and corrected in the same sentence: "I told you it was 40 earlier;
it's actually 34"."""
_STATED_LEVEL = re.compile(
    r"(?:\b(?:we['’]re|we\s+are|they['’]re|they\s+are|it['’]s|it\s+is|"
    r"(?:sits?|stands?|sitting|running|stuck)\s+at|(?:sitting|hovering)\s+(?:around|near)|"
    r"current\s+(?:[a-z-]+\s+){0,4}?(?:is|['’]s)|says|shows|reads|"
    rf"{METRIC_NOUN}(?:\s+(?:on|for|of|in)\s+[a-z-]+"
    r"(?:\s+[a-z-]+)?)?(?:\s+is|['’]s))\s+)"
    rf"(?:at\s+|{CHANGED_TO})?(?:(?:about|around|roughly|only|just|still)\s+){{0,2}}\d[\d.,]*\s*"
    r"(?:(?:%|per\s*cent|percent)(?:\s+[a-z-]+){0,2}?(?:\s+(?:with|on|in|for)\s+(?:it|that|this|them|"
    r"(?:the|our|those|these)\s+[a-z-]+(?:\s+[a-z-]+)?)|\s+of\s+[a-z-]+)?|"
    rf"out\s+of\s+\d+|in\s+\d+(?:,?\s+so\s+\d[\d.]*\s*%)?|{_DURATION})?"
    r"(?:\s+(?:a|per|each)\s+(?:day|week|month|quarter|year))?"
    r"(?:\s+(?:right\s+)?now|\s+today|\s+at\s+the\s+moment|\s*[.;,]|\s*$)|"
    # a share said to be where a thing is: "KYC completeness is at 72% and it has to be 100%"
    r"\b[a-z-]+\s+(?:is|are)\s+at\s+(?:(?:about|around)\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent)"
    r"(?=\s+(?:and|but)\b|\s*[.;,!?]|\s*$)|"
    # a share with today's cue: "Completion's about 40% at the moment", "Currently 68% of
    # staff are up to date"
    r"\b[a-z-]+(?:['’]s|\s+is|\s+are)\s+(?:at\s+)?(?:(?:about|around|roughly|only|just)\s+)?"
    r"\d[\d.,]*\s*(?:%|per\s*cent|percent)\s+(?:right\s+now|now|at\s+the\s+moment|currently|today)\b|"
    rf"(?:{sentences.SENTENCE_OPENS}|,\s*|\b(?:and|but)\s+)(?:currently|right\s+now|at\s+the\s+moment|today),?\s+"
    r"(?:(?:about|around|roughly|only|just)\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent)\s+of\s+[a-z-]+",
    re.I,
)
"""A level and nothing else: "we're at 81 now", "it's 7% today", "we're at 14% returns",
"they're at 60% on the audit right now", "we're still sitting at 68% first-call resolution",
"we're stuck at 91% pick accuracy", "Documentation quality is sitting around 54%", "the
referral rate is still only 40%", "Our wrong-cost-code rate is about 8% of invoices",
"Complaint escalations are at 9% now",
"we're at 61% compliance with it", "the error rate on returns is 11% right now", "the
scorecard says 67% right now", "complaints are running at about 25 a month", "the current
error rate is about 1 in 8", a share with today's cue ("Completion's about 40% at the
moment", "Currently 68% of staff are up to date"); not "it's 3 scanners"."""
_SUBSET = re.compile(r"\bof\s+(?:them|us|the|our|those|these)\b", re.I)


_WANT = re.compile(
    r"\b(?:(?:grow|raise|increase|improve|lift|boost|cut|reduce|lower)"
    r"(?=(?:\s+[a-z-]+){1,5}\s+to\s+(?:(?:under|below|over|above|about|around)\s+)?\d)|"
    r"want(?:s|ed)?|would\s+(?:like|love)|['’]d\s+(?:like|love)|like\s+to\s+see|need(?:s)?(?:\s+to\s+(?:hit|reach|get\s+to|be\s+at))?|"
    r"(?:ha(?:s|ve)\s+to|must)\s+(?:hit|reach|get\s+to|be\s+at)|"
    r"(?:it|that|this|which)\s+(?:should|ought\s+to|needs\s+to|has\s+to|must|will\s+have\s+to)\s+be"
    r"(?=\s+(?:at\s+(?:least|most)\s+|at\s+|about\s+|around\s+)?[£$€]?\d)|"
    r"(?:contract|sla|regulator|regulations?|policy|standard|scorecard|framework|spec|"
    r"specification)['’]?s?\s+(?:says|requires|demands|specifies|"
    r"stipulates|expects|mandates|sets)(?=\s+(?:(?:at\s+least|a\s+minimum\s+of)\s+)?[£$€]?\d)|"
    r"aim(?:ing)?\s+(?:for|at)|hoping\s+for|happy\s+(?:with|at)|settle\s+for|"
    r"(?:the|our)\s+(?:goal|aim|objective)\s+is(?=\s+(?:every|all|each)\b)|"
    r"we(?:['’]ll|\s+will)\s+(?:be\s+at|hit|reach|get\s+to)"
    r"(?=\s+(?:(?:about|around)\s+)?\d[\d.,]*\s*(?:%|per\s*cent|percent))|"
    r"(?:get|bring)\s+(?:it|that|this|them)\s+(?:down|up)\s+to|"
    r"what\s+(?:really\s+)?matters(?:\s+(?:most|here))*\s+is|"
    # a goal promised: "she promised the board we'd have complaints below 50 a month"
    r"(?:promised|committed|pledged)(?:\s+(?:the\s+)?[a-z-]+)?\s+(?:that\s+)?"
    r"(?:we['’]d|we\s+would|we['’]ll|we\s+will)\s+(?:have|get|be\s+at|hit|reach)"
    r"(?=(?:\s+[a-z-]+){0,4}\s+(?:below|under|above|over|at|to)?\s*\d[\d.,]*\s*(?:%|per\s*cent|"
    r"percent|\s(?:a|per)\s))|"
    # the figure of whoever sets the goal: "the COO's number is 90"
    r"(?:ceo|coo|cfo|md|board|boss|director|sponsor|client)['’]s\s+(?:number|figure|ask)\s+is)\b",
    re.I,
)
_TEAM_FIRST = r"(?:(?P<team>(?:the|all|our)\s+\d[\d,]*\s+)(?=[a-z-]+(?:\s+[a-z-]+)?\s+at\s))?"
"""The people whose level is wanted, before it: "we want the 30 reps at 80%"."""
_WANTED_NUMBER = re.compile(
    r"^\s*(?:(?:to\s+)?(?:be\s+|get\s+|see\s+)?(?:it\s+|them\s+|that\s+)?"
    rf"{_TEAM_FIRST}"
    r"(?:at|to|down\s+to|up\s+to|below|under|above|over|at\s+least|at\s+most|no\s+more\s+than|"
    r"[a-z-]+(?:\s+[a-z-]+){0,4}\s+(?:at|to|down\s+to|up\s+to|below|under|above|of|"
    r"scoring|hitting|reaching))\s+)?"
    r"(?:about|around|roughly|just|maybe)?\s*(?:[-+£$€]?\d|zero|none|nil|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred)",
    re.I,
)
"""What follows a want: "+30", "zero", "down to 2%", "volunteer retention at 90%", "the
no-show rate down to 6%", "every home scoring 90% or above" (after a goal of every one)."""


_WANTED_STRICT = re.compile(
    r"^\s*(?:to\s+(?:be\s+|get\s+)?)?(?:it\s+|them\s+|that\s+)?"
    rf"{_TEAM_FIRST}(?:[a-z-]+(?:\s+[a-z-]+)?\s+)?"
    r"(?:at|to|down\s+to|up\s+to|below|under|above)\s+(?:about|around|roughly)?\s*[-+£$€]?\d|"
    r"^\s*(?:about|around|roughly)?\s*\d[\d.,]*\s*(?:%|per\s*cent|percent)|^\s*zero\b(?!\s+of\b)",
    re.I,
)
"""In an answer about causes only "we want pick accuracy at 99.5%", "we want the 30 reps at
80%", a share ("we need 100% by March") or zero ("what matters is zero reportables") counts,
not "we need 3 more vans"."""


_SUMMED_UP = re.compile(
    r"[^.;!?\d]*?,\s*so\s+(?=(?:zero|none|nil|\d[\d.,]*\s*(?:%|per\s*cent|percent))"
    r"(?!\s+(?:more|less|fewer|up|down|higher|lower|better|increase|decrease|cut)\b))",
    re.I,
)
"""A want said in words, then summed up as a share: "what I want is every client file
compliant, so 100%", "I'd like nobody waiting, so zero"; not "we want to grow, so 20% more"."""


_AIM_WORD = re.compile(
    r"aim(?:ing)?\s+(?:for|at)|hoping\s+for|"
    r"(?:contract|sla|regulator|regulations?|policy|standard|scorecard|framework|spec|"
    r"specification)['’]?s?\s+(?:says|requires|demands|specifies|stipulates|expects|mandates|sets)",
    re.I,
)
"""Wants that only ever name a goal; unlike "we need 3 more vans", "we're aiming for 50
reports a month" is a target even in an answer about causes, and so is what a contract or
standard requires ("We're at 71% within SLA and the contract says 95")."""
_MORE_OF = re.compile(
    r"\s*(?:about|around|roughly)?\s*[\w.,]+\s+(?:more|extra|additional|new)\b", re.I
)


_COMPOUND = re.compile(r"\s*(?:an?\s+)?\d+(?:\.\d+)?-[a-z]", re.I)
"""A figure joined by a hyphen to a word ("5-axis", "24-hour", "3-phase") is part of a name
or a modifier, not the value wanted."""


def wanted_value(text: str, strict: bool = False) -> Quantity | None:
    """The value the requester wants, said in passing: "I'd like zero", "we want failed
    deliveries down to 2%", "and need 100". Never money or a head count ("we need 20
    people trained"), and only a number right after the want, not anywhere in its clause."""
    for clause in sentences.split(text, sentences.CLAUSES):
        for want in _WANT.finditer(clause):
            rest = clause[want.end() :]
            if summed := _SUMMED_UP.match(rest):
                rest = rest[summed.end() :]  # "what I want is every file compliant, so 100%"
            # "we're aiming for 50 near-miss reports a month": a word for a goal, not a need
            aimed = strict and _AIM_WORD.fullmatch(want.group(0)) is not None
            pattern = _WANTED_STRICT if strict and not aimed else _WANTED_NUMBER
            if not (wants := pattern.match(rest)) or (aimed and _MORE_OF.match(rest)):
                continue
            if _COMPOUND.match(rest):
                continue  # "Need 5-axis programming": the figure names a kind of thing
            if wants.groupdict().get("team"):
                rest = rest[wants.end("team") :]  # "the 30 reps at 80%": the 80%, not the 30
            end = _CLAUSE_END.search(rest)
            rest = _NOT_THAT.sub("", rest[: end.start()] if end else rest)
            if headcount(rest) is not None or _DEADLINE_ONLY.fullmatch(rest.strip()):
                continue
            quantity = parse_quantity(rest)
            if quantity is not None and quantity.unit not in MONEY_UNITS:
                return quantity
    return None


_AGAINST = re.compile(
    r"[\d%]\s*(?:[a-z-]+\s+){0,2}against\s+(?:the|a|an|our|their)\s+"
    r"(?P<required>(?:required|expected|agreed|contracted|promised|minimum)\s+)?"
    r"(?P<figure>[£$€]?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|per\s*cent|percent))?)"
    r"(?P<after>(?:\s+[a-z'’-]+){0,4})",
    re.I,
)
_EXPECTED_BY = re.compile(
    r"\b(?:expects?|expected|requires?|required|wants?|asks?\s+for|demands?|sets?|set|"
    r"needs?|is\s+the\s+(?:target|standard|minimum))\b",
    re.I,
)


def benchmark_value(text: str) -> Quantity | None:
    """A level measured against the figure someone expects, which is the target: "72%
    compliance against the 95% the assessors expect", "4.1 against the required 4.5"; not
    against any figure ("40% against the 60% national average" is a comparison)."""
    for m in _AGAINST.finditer(text):
        if m["required"] or _EXPECTED_BY.search(m["after"]):
            return parse_quantity(m["figure"])
    return None


_AIMED_AFTER = re.compile(
    rf"(?:{sentences.CLAUSE_OPENS}|,\s+)(?:(?:and|but|so)\s+)?(?:(?:about|around|roughly|maybe)\s+)?"
    r"(?P<figure>\d[\d,]*(?:\.\d+)?\s*(?:%|per\s*cent|percent)?)"
    r"(?:\s+(?:a|per)\s+(?:day|week|month|quarter|year))?\s+"
    r"(?:(?:is|['’]s|would\s+be)\s+(?:the|my|our)\s+(?:aim|goal|target|dream|ambition)|"
    r"would\s+be\s+(?:a\s+dream|ideal|great|brilliant|perfect|amazing|lovely|fantastic))\b",
    re.I,
)
"""A figure that opens a clause and is then called the aim: "60 a month is the aim", "4.5
would be the dream", "95% would be great". Only a bare figure, a share or a rate: "3 sites
would be ideal" and "£15 a head would be great" name things or prices, and "2028 is the
goal" a year."""


_MATCHING = re.compile(
    r"\b(?:happy|content|satisfied|settle)\s+(?:with\s+|for\s+)?(?:just\s+|simply\s+)?"
    r"(?:matching|reaching|hitting|equalling|getting\s+to)\s+(?:that|it|theirs|them)\b",
    re.I,
)
"""A figure named, then wanted: "the network average is 84% and we'd be happy just matching
that"."""


def matched_value(text: str) -> Quantity | None:
    """The figure said just before "we'd be happy matching that", in the same sentence."""
    m = _MATCHING.search(text)
    if m is None:
        return None
    before = sentences.before(text, m.start())
    figures = re.findall(r"\d[\d.,]*\s*(?:%|per\s*cent|percent)?", before)
    return parse_quantity(figures[-1]) if figures else None


def aimed_value(text: str) -> Quantity | None:
    """The target said after its figure, which a want before it would have named."""
    for m in _AIMED_AFTER.finditer(text):
        quantity = parse_quantity(m["figure"])
        if quantity is not None and not (quantity.unit is None and 1990 <= quantity.value <= 2100):
            return quantity
    return None


_DEADLINE_ONLY = re.compile(r"(?:it\s+)?(?:by|before|in)\s+.*", re.I)


_RATE_ONLY = re.compile(r"\b(?:a|per|each)\s+(?:month|year|quarter)\b", re.I)


def skill_branch(text: str, asked: str | None) -> list[Finding]:
    """While the skill question is open, "they've never done it" answers the next one too; asked
    anything else, only a plain statement does ("They've never done it well", "they used to
    nail it").

    And how often the task is done, said in passing: any stated rate while skill or practice
    is asked (it is why they forget), only a rate of doing the task elsewhere.
    """
    found: list[Finding] = []
    if asked not in ("cause_skill", "cause_done_before", "confirm", None) and (
        said := _done_before_said(text)
    ):
        found.append(Finding(slot="cause_done_before", value=said, raw=text))
    if asked == "cause_skill":
        if _NEVER_DONE.search(text) or _done_before_said(text) == fw.NO:
            found.append(Finding(slot="cause_done_before", value=fw.NO, raw=text))
        elif _DONE_BEFORE.search(text) or _done_before_said(text) == fw.YES:
            found.append(Finding(slot="cause_done_before", value=fw.YES, raw=text))
    if asked in ("cause_skill", "cause_done_before"):
        option = frequency_by_rule(text, in_passing=True) or task_rate(text)
    elif asked not in _RATE_IS_ASKED:
        # elsewhere only a rate of doing the task: "they do the dilution every day", not
        # "complaints run at 25 a month" (a level) or "the survey we run every quarter"
        option = task_rate(text)
    else:
        option = None
    if option:
        found.append(Finding(slot="cause_frequency", value=option, raw=text))
    return found


_RATE_IS_ASKED = frozenset({"cause_frequency", "metric"})
"""Asked how often, the rate is the answer; asked for the metric, a rate is how often it is
measured ("the report finance run every 4 weeks")."""


_ROLE = r"(?:CEO|COO|CFO|CTO|CIO|CMO|CHRO|MD|HR|IT|VP|SVP|EVP|GM|KPIs?|OKRs?|QA|PM|ops)"
"""Capitals that name a person or a target, not an authority: "the CEO requires it"."""
_AUTHORITY = (
    r"(?:the\s+|our\s+|their\s+)?(?:law|regulators?|regulations?|regs|legislation|statute|"
    rf"contracts?|insurers?|insurance|licen[cs]e|SLA|auditors?|policy|(?-i:(?!{_ROLE}\b)[A-Z]{{2,5}}))"
)
_REGULATED = (
    r"(?:[\w-]+\s+)?(?:(?-i:(?!" + _ROLE + r"\b)[A-Z]{2,6})|policy|regulatory|legal|statutory|"
    r"licen[cs]e|licen[cs]ing|contract|contractual|insurance|insurer|compliance)"
)
"""Whose requirement it is: "a GLP requirement", "an OSHA requirement", "a Trust policy
requirement"; not "a CEO requirement" or "a business requirement"."""
_REQUIRED = re.compile(
    # named as a duty: "it's a legal requirement", "a statutory duty", "its a legal thing"
    r"\b(?:legal|statutory|regulatory|contractual)\s+(?:requirement|duty|obligation|must)\b|"
    r"\b(?:it['’]?s|it\s+is|this\s+is|that['’]s)\s+(?:a\s+)?(?:legal|statutory|regulatory)\s+"
    r"(?:thing|issue|matter)\b|"
    r"\b(?:it['’]?s|it\s+is|that['’]s)\s+the\s+law\b|\bby\s+law\b|"
    r"\b(?:legally|statutorily|contractually)\s+(?:required|obliged|bound|mandated)\b|"
    # required by someone: "required by the regulator", "the regulator insists", "the new FCA
    # rules make it compulsory", "the regulator has ordered it"
    rf"\b(?:required|mandated|demanded|ordered|imposed)\s+by\s+{_AUTHORITY}|"
    # required under or by a body of rules: "required under the fire regs", "required by our
    # franchise agreement"; a requirement whose owner is named: "it's an OSHA requirement",
    # "a Trust policy requirement", "a new requirement from the regulator"
    r"\b(?:required|mandated)\s+(?:by|under)\s+(?:the|our|their)\s+(?:[\w-]+\s+)?"
    r"(?:regs|regulations|rules|legislation|law|act|agreement|franchise|accreditation|"
    r"licen[cs]e|standards?|code)\b|"
    rf"\b(?:a|an)\s+(?:new\s+)?{_REGULATED}\s+requirement\b|"
    rf"\b(?:a|an)\s+(?:new\s+)?requirement\s+(?:from|of)\s+{_AUTHORITY}\b|"
    rf"\b{_AUTHORITY}(?:['’]s)?(?:\s+\w+){{0,3}}\s+(?:insists?|requires?|demands?|mandates?|"
    r"(?:has|have)\s+(?:ordered|mandated|required|insisted)|ordered|mandated)\b"
    r"(?!\s+(?:at\s+least\s+|a\s+minimum\s+of\s+|over\s+)?[\d£$€])|"  # "requires 80%": a target
    r"\bmakes?\s+it\s+(?:compulsory|mandatory|a\s+requirement|a\s+legal)\b|"
    r"\b(?:is|are|it['’]?s|becomes?|became|made)\s+(?:now\s+|also\s+)?(?:compulsory|mandatory)"
    r"(?!\s+(?:training|learning|modules?|courses?|e-?learning))\b|"
    # a condition of a contract or cover: "a condition of our NHS contract", "it's in the
    # contract", "written it into the SLA", "company policy says we must"
    r"\bcondition\s+of\s+(?:our\s+|the\s+|their\s+)?(?:[\w-]+\s+)?(?:cover|contract|"
    r"insurance|licen[cs]e|funding|accreditation|registration|the\s+grant)\b|"
    r"\b(?:it['’]?s|it\s+is|that['’]s|written\s+(?:it\s+)?|put\s+(?:it\s+)?|"
    r"(?!(?:target|goal|aim|figure|number|price|rate|fee|penalty|budget|cost)\s)[a-z-]+\s+(?:is|are))"
    r"\s*(?:in|into)\s+(?:(?:a\s+couple|some|one|all|several|most|both|each)\s+of\s+)?"
    r"(?:the|our|their)\s+(?:[\w-]+\s+)?(?:contracts?|SLAs?|service\s+level\s+agreements?|"
    r"licen[cs]e\s+conditions|terms)\b|"
    r"\b(?:it['’]?s|it\s+is|that['’]s)\s+(?:(?:company|group|trust|firm|council|school|"
    r"house|our|a)\s+)?(?:policy|rule)\b(?!\s+(?:doc|document|folder|manual|library))|"
    r"\bpolicy\s+(?:says|states|requires|is\s+that)\b",
    re.I,
)
"""A plain statement that the thing is required by law, a regulator, a contract, an insurer
or policy. A regulator merely named ("the FCA came in last year"), "best practice", or
"mandatory training" as the name of other courses are not."""
_DENIED = re.compile(
    r"(?:\bnot|n['’]t|\bno|\bnothing|\bnever)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_HEDGED = re.compile(
    r"\b(?:if|whether|unless|might|may|maybe|could|don['’]?t\s+know|not\s+sure|no\s+idea|"
    r"wonder|doubt|think|thought|assumes?|believes?|reckons?|supposedly|apparently|like|"
    r"as\s+if|telling|tells|told|say|says)\b|\?",
    re.I,
)
"""Before the statement, in its sentence: a hedge, a question or what others believe."""
_ONLY_SOME = re.compile(
    r"\b(?:some|part|parts|half|bits)\s+of\s+it\b|\bnot\s+all\b|\bthe\s+rest\b|"
    r"\b(?:bit|part|side)\s+(?:is|isn['’]t|aren['’]t)\b|\b(?:isn['’]t|aren['’]t|is\s+not)\s*[.;,]|"
    r"\bbut\s+(?:it|that|this)\s+(?:isn['’]t|is\s+not|wasn['’]t|doesn['’]t)\b|"
    r"\bactually\s+no\b|\bhang\s+on\b|\bold\s+contract\b|\bnot\s+for\b|"
    r"\b(?:only\s+)?(?:recommended|voluntary|nice[- ]to[- ]have|just\s+us|our\s+own)\b",
    re.I,
)
"""Elsewhere in the reply: only part of it is required ("the fire bit is a legal requirement,
the rest is nice to have"), or the statement is taken back ("but it isn't", "actually no,
that was the old contract"). Neither is the clear statement a reader would take."""


def mandate_in_passing(text: str) -> str | None:
    """Whether a reply about something else says this is required ("it's a statutory duty").

    A hedge or a question in the same sentence ("not sure if it's a legal requirement"), a
    part only or a retraction say nothing; a plain denial ("it's not a legal requirement")
    is a no, and "not by law, but it's company policy" a yes.
    """
    if _ONLY_SOME.search(text):
        return None
    readings: list[tuple[int, str]] = []
    for m in _REQUIRED.finditer(text):
        sentence_before = sentences.before(text, m.start())
        after = sentences.after(text, m.end())
        if _HEDGED.search(sentence_before) or "?" in after:
            continue
        readings.append((m.start(), fw.NO if _DENIED.search(sentence_before) else fw.YES))
    if len({label for _, label in readings}) > 1:
        # "not by law, but the contract requires it": what follows the "but" stands
        (first, _), (last, label) = readings[0], readings[-1]
        return label if re.search(r"\bbut\b", text[first:last], re.I) else None
    return readings[0][1] if readings else None


_RELATIVE_DEADLINE = re.compile(
    r"^(?:within|in|inside)\b.*\b(?:months?|years?|quarters?)$|\bfrom\s+now$", re.I
)
"""Counted from today in months or more: "within 30 days" is part of a metric's name."""
_IN_WEEKS = re.compile(r"^(?:within|in)\b.*\bweeks?$", re.I)
_READY_BEFORE = re.compile(
    r"\b(?:in\s+place|ready|done|trained|delivered|live|finished|completed?|sorted|"
    r"rolled\s+out|up\s+and\s+running|signed\s+off|(?:see|notice|show)\s+(?:(?:a|an|some|"
    r"real)\s+)?(?:change|difference|improvement|results?|progress)|"
    r"(?:need|needs|want|wants|have\s+to|has\s+to|must)\b[^.;!?]{0,25}\bthrough\s+"
    r"(?:it|this|that|the\s+[a-z-]+))\s+$",
    re.I,
)
"""Weeks counted from today are a deadline only for something to be ready ("in place within
10 weeks", "expects to see a change in eight weeks", "need them all through it in 8 weeks"):
"answered within 2 weeks" is a metric."""
_RESCHEDULED = re.compile(
    r"\b(?:pushed|moved|put|brought|slipped|shifted)\s+(?:(?:back|forward|out)\s+)?to\s+$",
    re.I,
)
"""A date things were moved to: "the go-live's been pushed to the end of June 2027"."""
_EVENT_DATED = re.compile(
    r"\b(?:before|ahead\s+of|in\s+time\s+for|by\s+the\s+time)\s+(?:the|our|their|my|his|her)\s+"
    r"(?P<event>[^.;!?,\d]{0,60}?)\s(?:in|on)\s+$",
    re.I,
)
_PAST = re.compile(r"\b(?:[a-z]+ed|was|were|had|did|went|came|took)\b", re.I)


def _dated_event(text: str, start: int) -> bool:
    """A deadline set by an event that the date then places: "before the inspector comes
    back in March", "ahead of the audit on 3 May", "by the time the inspection window closes
    on 30 April"; not history ("before the merger we
    handled it in March")."""
    m = _EVENT_DATED.search(text, max(0, start - 90), start)
    return m is not None and _PAST.search(m["event"]) is None


_DEADLINE_AFTER = re.compile(
    r"[\s,]*(?:(?:for\s+the\s+|as\s+the\s+)?(?:deadline|due\s+date)|"
    r"as\s+the\s+(?:date|cut-?off|end\s+date|target\s+date))\b",
    re.I,
)
"""The date named as the deadline after it: "Q4 2027 for the deadline", "she's set 31 March
2027 as the date"."""
_BARE_SEASON = re.compile(r"(?:the\s+)?(?:spring|summer|autumn|fall|winter)", re.I)
"""A season with no year and no "next" is too vague to be a deadline: "by the summer"."""
_STRUCK = re.compile(r"\b(?:not|rather\s+than|instead\s+of)\s+(?:the\s+)?$", re.I)


_FUTURE = re.compile(
    r"\b(?:need|needs|want|wants|have\s+to|has\s+to|must|should|aim|aiming|plan|goal|target|"
    r"hope|hoping|expect|would\s+like|['’]d\s+like|going\s+to|will)\b",
    re.I,
)
_UNTIL_THEN = re.compile(
    r"\b(?:[a-z]+ed|was|were|had|did|didn['’]t|wasn['’]t|weren['’]t|hadn['’]t|never)\b"
    r"[^.;!?]*\b(?:until|till|til)\s+$",
    re.I,
)
"""A past or negated verb before "until": the date says when something began ("never had a
problem with it until this year"), not when it must be done ("we've got until June")."""
_JUST_NOW = re.compile(r"(?:today|now|right\s+now|at\s+the\s+moment|this\s+week)", re.I)


def deadline_in_passing(text: str, today: date) -> str | None:
    """A date said as the deadline while answering something else: after a cue ("by June",
    "in time for the audit in May"), followed by the word ("Q4 2027 for the deadline"), or
    counted from today ("within six months", "three months from now"). A date struck out
    ("not Q4 2026") is never the deadline."""
    found = find_dates(text, today)
    for match in found:
        before = text[max(0, match.start - 40) : match.start]
        if (
            _STRUCK.search(before)
            or _JUST_NOW.fullmatch(match.text)
            or match.value < today
            or _BARE_SEASON.fullmatch(match.text)
        ):
            continue  # struck out, "today", past ("right up until 2024") or "by the summer"
        if _UNTIL_THEN.search(sentences.before(text, match.start)):
            continue  # "the role didn't even exist until this spring": when it began
        relative = _RELATIVE_DEADLINE.search(match.text) and (
            not match.text.lower().startswith(("in ", "inside ")) or _FUTURE.search(before)
        )  # "in three years" is a deadline after "need to", history after "we've grown"
        if (
            _DEADLINE_CUE.search(before)
            or relative
            or (_IN_WEEKS.search(match.text) and _READY_BEFORE.search(before))
            or _RESCHEDULED.search(before)
            or _dated_event(text, match.start)
            or _DEADLINE_AFTER.match(text, match.end)
            or _wished_by(text, match.text, match.end, before)
            or _DATE_NAMED.search(before)
            or _DEADLINE_BACK.match(text, match.end)
            or _restates_a_deadline(text, match.start)
        ):
            settled = next(
                (
                    later
                    for later in found
                    if later.start > match.end
                    and later.value >= today
                    and _SETTLED_ON.search(text, max(0, later.start - 30), later.start)
                ),
                None,
            )  # "before peak, which starts 1 november next year, so say end of september"
            return (settled or restated(text, found, match)).value.isoformat()
    return None


_SETTLED_ON = re.compile(
    r"\bso,?\s+(?:say|call\s+it|let['’]s\s+say|make\s+it|realistically|to\s+be\s+safe)\s+$",
    re.I,
)
"""A date the requester settles on after another: "..., so say end of September"."""


_WISHED = re.compile(r"[\s,]*(?:ideally|at\s+the\s+latest|latest|tops|max)\b", re.I)
_DONE_TO = re.compile(r"\b[a-z]+ed\s+$", re.I)


def _wished_by(text: str, said: str, end: int, before: str) -> bool:
    """A time from today said as when it should be done: "forklift recertification, in two
    weeks ideally", "within a month at the latest"; not how fast something is done ("refunds
    processed in 3 weeks ideally" is a metric)."""
    return (
        said.lower().startswith(("in ", "within "))
        and _WISHED.match(text, end) is not None
        and _DONE_TO.search(before) is None
    )


_DATE_NAMED = re.compile(
    r"(?:\b(?:the|our)\s+(?:date|cut-?off|hard\s+stop)|\b(?:target|end|due|completion)\s+date|"
    r"\b(?:go-?live|go\s+live|launch|cut-?over|"
    r"hand-?over|switch-?over)(?:\s+date)?)\s+(?:is|will\s+be|['’]s)\b[^.;!?\d]{0,15}$",
    re.I,
)
"""A date given as the day things must happen: "the date is firm: 31 January", "go-live is
1 February", "target date is end of q3 next year" (a past one is history and was dropped
before)."""
_DEADLINE_BACK = re.compile(
    r"[^.;!?]{0,40}?\b(?:(?:that['’]s|that\s+is|which\s+is)\s+(?:our|the|my)\s+(?:real\s+)?"
    r"(?:deadline|cut-?off|due\s+date|hard\s+stop|line\s+in\s+the\s+sand)|by\s+then|"
    r"by\s+that\s+(?:date|day|point))\b",
    re.I,
)
"""The deadline pointing back at a date just said: "the audit is on 30 April, so that's our
deadline", "go-live is 1 February and they must be ready by then"."""
_RESTATING = re.compile(
    r"\b(?:which|that)\s+(?:for\s+(?:us|me)\s+)?(?:is|means|(?:is|are|starts?|begins?|"
    r"happens?|falls?|takes?\s+place|kicks?\s+off|goes\s+live|go\s+live|launch(?:es)?|opens?|"
    r"ends?|finishes|closes)\s+(?:on|in|at))\s+$|\bi\.e\.\s+$",
    re.I,
)


def _restates_a_deadline(text: str, start: int) -> bool:
    """ "by the end of fiscal 2027, which for us is June 30, 2027": a date that spells out a
    deadline given, in the same sentence, in a form no calendar reads, an event named as the
    deadline ("before the first handovers, which start on 12 April 2027"), or a coming one
    ("at the next audit, which is on 12 March"); not history ("the last audit, which was
    on 3 May", "we passed the next audit, which is on 12 March" after a past verb)."""
    sentence = sentences.before(text, start)
    restating = _RESTATING.search(sentence)
    if restating is None:
        return False
    ahead = sentence[: restating.start()]
    return _DEADLINE_CUE.search(ahead) is not None or (
        _COMING.search(ahead) is not None and _PAST.search(ahead) is None
    )


_COMING = re.compile(
    r"\b(?:the|our)\s+next\s+[a-z-]+|"
    r"\b(?:this|next)\s+(?:academic|school|financial|fiscal|business|tax)\s+(?:year|term)\b",
    re.I,
)
"""A coming occasion or period that a date then places: "a 98% pass rate at the next audit,
which is on 12 March", "94% this academic year, which ends in July"."""


def is_correction(text: str) -> bool:
    return bool(CORRECTING.search(text))


def _clause_with(text: str, pattern: re.Pattern[str]) -> str | None:
    for clause in sentences.split(text, sentences.CLAUSES):
        if pattern.search(clause):
            return clause
    return None


_TEAM_WORD = r"(?:team|crew|department|workforce|audience|headcount|head\s+count|team\s+size)"
_AFTER_TEAM_COUNT = (
    r"(?=\s*(?:[.!?;,]|$)|\s+(?:once|after|now|across|including|in\s+total|altogether|"
    r"all\s+told|give\s+or\s+take|or\s+so)\b)"
)
_TEAM_IS = re.compile(
    rf"\b(?:(?:whole|entire|total)\s+)?{_TEAM_WORD}\s+(?:is|was|are|['’]s|:)\s+"
    r"(?:(?:actually|now|really|about|around|roughly|just|only)\s+)*"
    rf"(?P<count>{COUNT}(?:-odd)?)(?:{_AFTER_TEAM_COUNT}|\s+(?P<noun>[a-z-]+))|"
    rf"\btotal\s+is\s+(?:(?:about|around|roughly|now)\s+)?(?P<total>{COUNT})\s+(?P<total_noun>[a-z-]+)|"
    rf"\b(?P<sized>{COUNT})[- ](?:person|people|strong|man|member)\s+(?:team|crew|department|"
    r"unit|workforce|squad)\b|"
    rf"{sentences.SENTENCE_OPENS}it['’]s\s+(?:(?:about|around|roughly|just|only)\s+)?(?P<its>{COUNT})\s+"
    r"(?P<its_noun>[a-z-]+)\s+(?:across|in|on|at)\s+(?:the|our|both|all|two|three|four|\d+)\b",
    re.I,
)
"""The team's size said as what the team is: "Whole team is 48.", "the audience is actually
110 once you add the agency staff", "the total is 60 porters", "a 25-person team", "It's 140
nurses across the medical wards."; not "the team is 3 weeks behind", "the total is 60
minutes" or "it's 40 calls in the queue"."""
_SAID_BEFORE = re.compile(
    r"\b(?:I\s+(?:said|told\s+you|gave\s+you|put\s+down|mentioned))\s+"
    rf"(?:(?P<slot>the\s+{_TEAM_WORD})\s+(?:was|is|as|at)\s+)?(?P<old>{COUNT})"
    r"(?:\s+(?P<noun>[a-z-]+))?[^.;!?\d]{0,30}?[,;]?\s+(?:but\s+)?"
    rf"(?:it['’]?s|it\s+is|(?P<now_slot>the\s+{_TEAM_WORD})\s+is|we['’]re|(?:i\s+)?meant)\s+"
    r"(?:(?:actually|now|really|more\s+like|closer\s+to|nearer)\s+)*(?P<new>"
    + COUNT
    + r")\b(?!\s*%)",
    re.I,
)
"""A head count corrected against what was said before: "I told you 120 nurses before, it's
145", "earlier I said the team was 25, it's 32 now", "I said 90 earlier, the audience is
actually 110", "i said 300 staff before, it's closer to 400", "I said 120 drivers earlier,
meant 210"; "I said 40% earlier, it's 45" or "I said 2 weeks, it's 3" count no people."""


def team_size_said(text: str) -> Quantity | None:
    """The team's size said as such, or corrected against an earlier figure."""
    for m in _SAID_BEFORE.finditer(text):
        people = m["slot"] or m["now_slot"] or (m["noun"] and is_people_noun(m["noun"]))
        if people and (count := parse_quantity(m["new"])) is not None and _whole(count.value):
            return Quantity(value=count.value)
    for m in _TEAM_IS.finditer(text):
        raw = m["count"] or m["total"] or m["sized"] or m["its"]
        noun = m["noun"] or m["total_noun"] or m["its_noun"]
        if noun and not (is_people_noun(noun) or noun.lower() in ("staff", "people")):
            continue
        if (count := parse_quantity(raw.replace("-odd", ""))) is not None and _whole(count.value):
            return Quantity(value=count.value)
    return None


_WHOLE_TEAM = re.compile(
    rf"\b(?:whole|entire)\s+(?:[a-z-]+\s+)?(?:team|crew|department|workforce)\s+of\s+{COUNT}\b",
    re.I,
)


def headcount(text: str) -> Quantity | None:
    """A head count stated as such ("45 people", "a team of twelve"), never a rate or money;
    the whole team counted in a later sentence wins over a group named before it ("our 3
    power users are good. We need the whole team of 45 up to speed")."""
    clauses = sentences.split(text)
    clauses = [c for c in clauses if _WHOLE_TEAM.search(c)] + clauses
    for clause in clauses:
        named = (
            _HEADCOUNT_PHRASE.search(clause)
            or _counted_people(clause)
            or _TEAM_RESTATED.search(clause)
            or _stated_people(clause)
        )
        if not named:
            continue
        count = parse_headcount(clause, in_passing=True)
        if (
            count is not None
            and _whole(count)
            and not _a_rate(clause, count)
            and not _per_unit(clause, count)
        ):
            return Quantity(value=count)
    return None


_BARE_COUNT = re.compile(
    r"(?:^|[,;:]\s+|\s[-–—]\s+)(?:(?:all|approx\.?|c\.)\s+|~\s*)?"
    r"(?P<count>(?:(?:about|around|roughly|approximately|some|nearly|"
    r"almost|just\s+(?:over|under)|over|under)\s+)?(?:a\s+)?[\w-]+"
    r"(?:\s+(?!(?:at|right|now|currently|today|give|or|in|all|across)\b)[\w-]+){0,2})"
    r"(?:\s+(?:give\s+or\s+take|or\s+so|in\s+total|all\s+told|"
    r"across\s+(?:the|both|all|our)\s+[\w-]+(?:\s+[\w-]+)?)){0,2}"
    r"(?:\s+(?:at\s+the\s+moment|right\s+now|currently|now|today|at\s+present))?"
    r"(?:\s*[.!?]*\s*$|,\s+(?:and|but)\s+)",
    re.I,
)
"""A count that is a sentence's last part and nothing else, but when it holds: "Around two
dozen.", "Cabin crew on the regional fleet, about four hundred", "all the junior associates,
14 at the moment", "Our branch tellers, a couple of hundred across the network", "field
engineers. all 85.", "The agents on the collections desk, 120 give or take", "~90.", "the
junior associates in litigation, 25 or so, and they do doc review weekly"."""


def _count_for_the_audience(text: str, correction: bool) -> Quantity | None:
    """Who needs to change, answered with how many: after naming the group, a count standing
    alone is its size ("The packers at both sites. Around two dozen."), and so is a count
    corrected ("I told you 15 before; it's actually 19"); "the 3 depots" counts places."""
    if correction and (count := parse_headcount(text, in_passing=True)) is not None:
        return Quantity(value=count) if _whole(count) else None
    for sentence in sentences.split(text):
        m = _BARE_COUNT.search(sentence)
        if m is None:
            continue
        atoms = find_quantities(m["count"])
        if (
            len(atoms) == 1
            and atoms[0].unit is None
            and (atoms[0].start, atoms[0].end) == (0, len(m["count"]))
        ):
            count = atoms[0].value
            if _whole(count) and not (1990 <= count <= 2100):
                return Quantity(value=count)
    return None


def _per_unit(clause: str, count: float) -> bool:
    """Whether the count is per line or site ("a crew of nine on each of the four lines"), so
    not the whole team; "4 depots with 20 drivers at each one" was already multiplied out."""
    return any(q.value == count and _AT_EACH.match(clause, q.end) for q in find_quantities(clause))


_AT_EACH = re.compile(r"\s+(?:at|in|on|for|per)\s+each\b", re.I)


def _a_rate(clause: str, count: float) -> bool:
    """Whether the count is a throughput ("we train 5 people a month") or a tally over a period,
    named after it ("there were 14 last term") or before it ("last quarter there were 48 of
    those"); a rate elsewhere in the sentence ("all 320 nurses trained ... and falls cut from
    12 a month") is not its."""
    return any(
        q.value == count
        and (
            _RATE_AFTER_COUNT.match(clause, q.end)
            or _TALLY_BEFORE_COUNT.search(clause, 0, q.start) is not None
        )
        for q in find_quantities(clause)
    )


_TALLY_BEFORE_COUNT = re.compile(
    r"\b(?:last|this|past)\s+(?:week|month|term|quarter|year)\b,?\s+"
    r"(?:there\s+were|we\s+(?:had|saw|got|logged|recorded))\s+(?:(?:about|around|some)\s+)?$",
    re.I,
)


_RATE_AFTER_COUNT = re.compile(
    rf"\s+(?:[a-z-]+\s+){{0,3}}?(?:{_RATE.pattern}|\b(?:last|this)\s+(?:week|month|term|quarter|year)\b)",
    re.I,
)
"""A count over a period is a throughput or a tally: "5 people a month", "14 last term"."""


def change(text: str, stated: bool = False) -> tuple[Quantity, Quantity] | None:
    return parse_change(text, stated=stated)


_IN_PASSING = frozenset(
    {
        "requested_solution",
        "business_goal",
        "metric",
        "target",
        "deadline",
        "impact",
        "audience",
        "desired_behavior",
        "existing_resources",
        "sponsor",
        "confirm",
    }
)
"""Where a metric's current or wanted value said in passing is taken: not while another
number is asked, nor in a yes/no answer about causes ("six of them share one login")."""


_METRIC_NAMED = re.compile(rf"\b{METRIC_NOUN}\b", re.I)
_METRIC_TALK = frozenset({"requested_solution", "business_goal", "metric", "target", "deadline"})
"""Where "last month it was 71%" is the metric's recent value; elsewhere "we had 12 near
misses last quarter" is a story told to explain the request."""


def find_facts(text: str, asked: str | None, today: date) -> list[Finding]:
    """Explicit facts for slots other than `asked`."""
    findings: list[Finding] = []
    correction = is_correction(text) or asked == "confirm"  # a fact at the summary corrects it

    kind = fw.SLOT_BY_NAME[asked].kind if asked in fw.SLOT_BY_NAME else None
    if asked not in ("baseline", "target"):
        # in an answer about causes only a level stated as such: "A couple might struggle.
        # Target's 90%" has no level today
        pair = change(text, stated=kind in ("yes_no", "choice") or asked == "cause_incentives")
        people = parse_headcount(text) if asked == "audience_size" else None
        if pair is not None and pair[0].value != people:  # "40 people - it's 44" is no change
            findings.append(
                Finding(slot="baseline", value=pair[0], raw=text, correction=correction)
            )
            findings.append(Finding(slot="target", value=pair[1], raw=text, correction=correction))

    # while a number is asked, only a corrected head count counts; while a yes/no is asked,
    # "six of them share one login" is a subset of the team, not its size
    numeric = asked in ("audience_size", "baseline", "target", "impact")
    if (not numeric and kind not in ("yes_no", "choice")) or (
        (correction and _names_people(text)) or _stated_people(text)
    ):
        count = headcount(text) or (
            _count_for_the_audience(text, correction) if asked == "audience" else None
        )
        if count is not None:
            # "we're 65, not 56, and the goal is 4.6 stars": 65 is the team, not today's level;
            # "we want the 30 reps at 80%": a change that ends at the team is no change
            if any(f.slot == "target" and f.value.value == count.value for f in findings):
                findings = []
            findings = [
                f for f in findings if not (f.slot == "baseline" and f.value.value == count.value)
            ]
            findings.append(
                Finding(slot="audience_size", value=count, raw=text, correction=correction)
            )

    # "Whole team is 48", "I told you 120 nurses before, it's 145": the team's size as such,
    # the corrected figure over the one it replaces
    if asked != "audience_size" and (size := team_size_said(text)) is not None:
        findings = [
            f
            for f in findings
            if f.slot != "audience_size" and not (f.slot == "baseline" and f.value == size)
        ]
        findings.append(Finding(slot="audience_size", value=size, raw=text, correction=correction))

    named = named_values(text, asked, today)
    findings = [f for f in findings if f.slot not in {n.slot for n in named}] + named
    taken = {f.slot for f in findings}

    # beside a head count, as in an answer about causes, only a level or share stated as such:
    # "About 80 call handlers. They need to hit 90% on QA", "200 pickers. Accuracy's 96.5%"
    cause = kind in ("yes_no", "choice") or asked in ("cause_incentives", "audience_size")
    # "the backlog is 420 applications now, not 380": the level, corrected, whatever is asked
    if asked not in ("baseline", "target") and "baseline" not in taken:
        level = corrected_level(text)
        if level is not None:
            findings.append(Finding(slot="baseline", value=level, raw=text, correction=True))
            taken.add("baseline")
    if (asked in _IN_PASSING or cause or correction) and "baseline" not in taken:
        now = current_value(
            text,
            rates=asked != "impact",
            # "The click rate on the last one was 14%": a metric named, recent, is its level
            recently=asked in _METRIC_TALK
            or (asked in _IN_PASSING and asked != "impact" and _METRIC_NAMED.search(text)),
            stated=asked not in _IN_PASSING,
            doing=asked != "impact",
        )
        counted = next((f.value for f in findings if f.slot == "audience_size"), None)
        wanted = next((f.value for f in findings if f.slot == "target"), None)
        done = task_rate_said(text)
        if (
            now is not None
            # "at the moment they do these handovers three times a day": how often, no level
            and not (done and (rate := parse_quantity(done[1])) and rate.value == now.value)
            and not (  # "the junior associates, 14 at the moment": the team
                isinstance(counted, Quantity) and now.unit is None and now.value == counted.value
            )
            and now != wanted  # "no idea today, but the goal everyone quotes is under 2 hours"
        ):
            findings.append(Finding(slot="baseline", value=now, raw=text, correction=correction))
            taken.add("baseline")
    if asked != "target" and "target" not in taken:
        wanted = wanted_value(text, strict=asked not in _IN_PASSING | {"baseline"}) or (
            (benchmark_value(text) or aimed_value(text) or matched_value(text))
            if asked in _IN_PASSING | {"baseline"}
            else None
        )
        if wanted is not None:
            if wanted == matched_value(text):  # "the average is 84%, we'd match that": no level
                findings = [f for f in findings if not (f.slot == "baseline" and f.value == wanted)]
            findings.append(Finding(slot="target", value=wanted, raw=text, correction=correction))

    findings += skill_branch(text, asked)

    # asked about something else, "it's a statutory duty" answers the mandate question too;
    # asked about the mandate, the yes/no reading stands alone
    if asked != "mandate" and (required := mandate_in_passing(text)) is not None:
        findings.append(Finding(slot="mandate", value=required, raw=text, correction=correction))

    if asked != "deadline" and "deadline" not in taken:
        when = deadline_in_passing(text, today)
        if when is not None:
            findings.append(Finding(slot="deadline", value=when, raw=text, correction=correction))

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


def without_asides(text: str, asked: str, today: date) -> str:
    """The reply without its later sentences that only correct another slot's figure: "The
    Building Safety Act, yes. Sorry, it's 140 site managers, not 104." is a plain yes to
    the mandate question, but read whole the correction sounds like a "partly". The aside is
    still read for its fact (`find_facts` sees the whole reply). A correction of the answer
    itself ("Actually no, I'm thinking of the other ward") carries no other slot's figure and
    stays."""
    pieces = sentences.split(text, sentences.FULL_STOPS)
    kept = pieces[:1] + [
        piece
        for piece in pieces[1:]
        if not (
            is_correction(piece)
            and any(
                f.slot != asked and fw.SLOT_BY_NAME[f.slot].kind in ("number", "date")
                for f in find_facts(piece, asked, today)
            )
        )
    ]
    return " ".join(kept)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:-")
    return text[:1].upper() + text[1:] if text else text


_REPLACED_FIGURE = re.compile(
    rf"\b(?:i{HAD}\s+said|i\s+told\s+you|i\s+gave\s+you|i\s+mentioned|i\s+put)\s+"
    rf"(?P<old>{FIGURE})(?:\s+(?:earlier|before|just\s+now|then))?\s*(?:[;,.:]|[-–—])?\s*"
    rf"(?:but\s+)?(?:it['’]s|it\s+is|that['’]s|make\s+(?:it|that)|should\s+be|really)\s+"
    rf"(?:actually\s+|really\s+|more\s+like\s+)?(?P<new>{FIGURE})"
    rf"|\b(?:it['’]s|it\s+is|that['’]s|make\s+(?:it|that))\s+(?:actually\s+)?(?P<new2>{FIGURE}),?"
    rf"\s+not\s+(?P<old2>{FIGURE})",
    re.I,
)
"""A figure said again in its corrected form, without naming what it measures: "I said 30
earlier; it's actually 45", "QA reran the sample and it's 35%, not 40"."""


def replaced_figures(text: str) -> list[tuple[float, Quantity]]:
    """(old value, new quantity) for each figure the reply corrects without naming its slot.
    The interview knows which answer held the old value; this only reads the two figures."""
    out: list[tuple[float, Quantity]] = []
    for m in _REPLACED_FIGURE.finditer(text):
        old = parse_quantity(m["old"] or m["old2"])
        new = parse_quantity(m["new"] or m["new2"])
        if old is not None and new is not None and old.value != new.value:
            out.append((old.value, new))
    return out


__all__ = ["find_facts", "headcount", "is_correction", "parse_deadline", "parse_quantity"]
