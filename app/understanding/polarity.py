"""Yes/no replies whose answer sits in a regular place: "Honestly, no. They're superb
technicians but...".

English puts the answer first and the reasons after. When the opening clause is nothing but
a yes or a no (with a hedge-free softener such as "honestly" or "sadly"), that is the answer,
whatever the explanation after it talks about — the explanation is what confuses a sentence
embedding ("superb technicians" sounds like a yes). A contrast after it ("yes, but only
some of them") makes it a partial answer, so those are left to the classifier.

The same holds for an answer after a "but" or "so" that sets an aside apart, for a "no"
that denies a problem rather than the thing asked, a difficulty denied, a wished-for answer
("I wish I could say yes"), and the idioms of a partial answer ("yes and no"). Each reader
returns None when anything could turn it; the classifier reads the rest. The readers added
since session 10 were kept only if, on fresh writers' lines no rule was written from, they
fired without a wrong reading (docs/status.md). Since the classifier reads MPNet (session
12), a reply that ends with its answer ("I wouldn't say they do, no.") and a plain "They
have / know / can ..." are left to it: on the fresh lines it read both better than the
rules did (32 against 30 of 32, 11 against 9 of 11).
"""

from __future__ import annotations

import re

from app.interview import framework as fw
from app.understanding import sentences
from app.understanding.classifiers import NEGATION

_SOFTENER = (
    r"(?:(?:honestly|frankly|sadly|unfortunately|well|um+|er+|oh|to\s+be\s+(?:honest|fair)|"
    r"in\s+short|short\s+answer|right\s+now|at\s+the\s+moment|currently|today|these\s+days|"
    r"as\s+things\s+stand)[,\s]+)*"
)
_YES_WORDS = (
    r"(?:yes|yeah|yep|yup|yea|aye|absolutely|definitely|certainly|of\s+course|correct|they\s+do|"
    r"they\s+can|they\s+could|they\s+have|it\s+is|probably|"
    r"i\s+(?:think|believe|reckon|guess|suppose)\s+so|i['’]?d\s+(?:say|think)\s+so|"
    r"i\s+would\s+(?:say|think)\s+so)"
)
_NO_WORDS = (
    r"(?:no|nope|nah|not\s+at\s+all|absolutely\s+not|definitely\s+not|certainly\s+not|"
    r"not\s+really|never|probably\s+not|i\s+doubt\s+it|(?:i['’]?m\s+)?afraid\s+not|"
    r"i\s+don['’]?t\s+(?:think|believe)\s+so|i\s+wouldn['’]?t\s+(?:say|think)\s+so|"
    r"not\s+(?:that\s+i['’]?m\s+aware\s+of|that\s+i\s+know\s+of|as\s+far\s+as\s+i\s+know|"
    r"that\s+i['’]?ve\s+(?:ever\s+)?seen)|"
    r"they\s+don['’]?t|they\s+can['’]?t|they\s+couldn['’]?t|they\s+haven['’]?t|"
    r"it['’]?s\s+not|it\s+isn['’]?t|"
    r"not\s+(?:at|to)\s+the\s+(?:level|standard)(?:\s+(?:we|they)\s+(?:need|want|expect))?|"
    r"not\s+(?:well\s+enough|reliably|consistently|yet|any\s*more|any\s+longer)|"
    r"that['’]?s\s+(?:exactly\s+)?(?:the|our)\s+(?:real\s+|main\s+|big\s+|whole\s+)?(?:problem|issue))"
)
"""Besides a plain no: the conventional hedged ones ("I don't think so", "not that I'm aware
of", "probably not"), a leading "not to the standard we need", and "that's the real
problem", which says the thing asked about is what is missing. `_YES_WORDS` has the hedged
yeses ("I think so", "probably"): a hedge on the whole answer is still that answer."""
_END = (
    r"(?:\s*,?\s*(?:if\s+i['’]m\s+(?:honest|being\s+honest)|to\s+be\s+honest|honestly|frankly))?"
    r"(?:\s*(?:[.!;:,]|\s[-–—])\s*|\s*$)"
)
_LEAD = re.compile(
    rf"^\W*{_SOFTENER}(?:(?P<yes>{_YES_WORDS})|(?P<no>{_NO_WORDS})){_END}(?P<rest>.*)$",
    re.I | re.S,
)
_QUALIFIED_START = re.compile(
    r"^\W*(?:but|though|although|however|except|apart|mostly|partly|only|well|some|most|half|"
    r"not\s+all|not\s+always|sort\s+of|kind\s+of|depends|sometimes)\b",
    re.I,
)
_QUALIFIED = re.compile(
    r"^\W*(?:but|though|although|however|except|apart|mostly|partly|only|well)\b|"
    r"\b(?:except|apart\s+from|mostly|partly|partially|some\s+of|half\s+(?:of|the)|a\s+few|"
    r"not\s+all|not\s+always|only\s+(?:some|the|a\s+few|for|on|when|in|at)|sort\s+of|kind\s+of|"
    r"and\s+no|and\s+yes|then\s+again|on\s+the\s+other\s+hand|in\s+theory|on\s+paper)\b",
    re.I,
)
"""What turns a plain answer into a partial one: a "but" straight after it, or words that
limit its scope. A "but" deep in the explanation ("superb technicians, but not suited")
usually supports the answer rather than qualifying it."""
_CLOSED = re.compile(r"[.!]\s*$")
_YES_LEAD = re.compile(rf"^\W*{_SOFTENER}{_YES_WORDS}\b", re.I)
_NO_LEAD = re.compile(rf"^\W*{_SOFTENER}{_NO_WORDS}\b", re.I)


def lead_answer(text: str) -> str | None:
    """fw.YES or fw.NO when the reply opens with a plain answer and nothing qualifies it."""
    text = text.strip()
    m = _LEAD.match(text)
    if m is None:
        return None
    rest, answer = m["rest"], fw.YES if m["yes"] else fw.NO
    opposite = _NO_LEAD if answer == fw.YES else _YES_LEAD
    if _CLOSED.search(text, 0, m.start("rest")):
        # "Right now, not at the level we need. They've lost the habit after a year of
        # mostly virtual classes": a sentence of its own; the next one qualifies it only
        # if it opens that way ("Yes. Well, some of them.")
        qualified = _QUALIFIED_START.match(rest) is not None
    else:
        qualified = _QUALIFIED.search(sentences.split(rest)[0]) is not None
    if qualified or opposite.match(rest) or "?" in text:
        return None  # "yes, but...", "no. Yes. Sort of?": a partial or unsure answer
    return answer


_BARE_ANSWER = re.compile(
    r"(?:^|[,;:.\-–—])\s*(?:yes|yeah|yep|no|nope|probably(?:\s+not)?|possibly|maybe|"
    r"definitely(?:\s+not)?|absolutely(?:\s+not)?|of\s+course)\s*(?:[,;:.\-–—]|$)",
    re.I,
)
"""An answer standing alone in a part of the reply, hedged ones included: "With the manual,
probably. Without it, no." answers each part differently."""


_CONCEDED = re.compile(
    r"(?:^|[,;.\-–—]\s*|\s)(?:but|so)\s+(?:(?:to\s+answer\s+(?:you|your\s+question|the\s+question)|"
    r"honestly|to\s+be\s+(?:fair|honest)|in\s+fairness|overall|on\s+the\s+whole|basically)"
    r"[,\s]+)?(?P<answer>yes|yeah|yep|no|nope)\b(?!['’])\s*(?:[,.!;:\-–—]|$)(?P<rest>.*)$",
    re.I | re.S,
)
_SOME_OF_THEM = re.compile(r"\b(?:most|many|some|few|several|a\s+couple)\b", re.I)
"""A part of the people or things: in the aside it makes a "but no" partial."""


def _limited(text: str) -> bool:
    """Words that limit an answer's scope: a hedge ("mostly", "apart from") or a part of
    the people ("some of them"). The readers of a whole answer leave such replies to the
    classifier, which has learnt "partly" from them."""
    return _QUALIFIED.search(text) is not None or _SOME_OF_THEM.search(text) is not None


def conceded_answer(text: str) -> str | None:
    """The answer given after a "but" that sets an aside apart from it, or a "so" that
    concludes from it: "Honestly the canteen coffee is the bigger crisis here, but yes, the
    pharmacists know exactly what's expected", "The old manager was a nightmare, but to
    answer you, yes, they did this for years", "there was a contractual requirement, but that
    contract ended, so no, not any more". The aside is what a sentence embedding reads; the
    "but yes" or "so no" is what the requester answered.
    As elsewhere, words that limit the answer's scope on either side of it ("most of them,
    but no, not the night shift"), or an answer in the aside too, leave it to the classifier.

    Chosen on the fresh writers' lines: of 1,529 a rule had not been written from, it fires
    on 15, all right, and turns 4 misreadings right; with "so", on 36, all right, and 5."""
    m = _CONCEDED.search(text.strip())
    if m is None or "?" in text:
        return None
    aside = text[: m.start()]
    if (
        _limited(aside)
        or _QUALIFIED.search(m["rest"])
        or _BARE_ANSWER.search(aside)
        or _LEAD.match(aside)
    ):
        return None
    return fw.NO if m["answer"].lower() in ("no", "nope") else fw.YES


_TROUBLE = (
    r"(?:(?:real|major|big|serious|particular)\s+)?"
    r"(?:problems?|issues?|complaints?|concerns?|worries|objections?|quibbles?|gripes?|doubts?|"
    r"question)"
)
"""Nouns that name a problem or a doubt: saying there is none of them says all is well."""
_EDITS = r"(?:notes|changes?|corrections?|edits|comments|amendments)"
"""What one would have to say about a summary: "no notes" accepts it (only for `confirm`;
asked about information, "no notes" is a lack)."""
_ACCEPT = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|yup|ok|okay|great|perfect|thanks|no)[,.!\s]+)*"
    rf"(?:nothing\s+to\s+(?:change|add|correct)|no\s+(?:{_EDITS}|{_TROUBLE})\b|all\s+(?:good|correct|fine|right)|"
    r"looks?\s+(?:good|right|fine|correct|great)|spot\s+on|perfect|go\s+ahead|"
    r"that['’]?s\s+(?:right|it|correct|fine|all\s+correct|spot\s+on)|sounds\s+(?:good|right)|"
    r"(?:you['’]ve|you\s+have)\s+got\s+it(?:\s+right)?(?!\s+(?:all\s+)?(?:backwards|wrong|the\s+wrong))|"
    r"bang\s+on|exactly|correct|confirmed?)\b",
    re.I,
)
_NEARLY = re.compile(
    r"^\W*(?:not\s+quite|nearly|almost|close|mostly(?:\s+right)?|one\s+thing|"
    r"a\s+couple\s+of\s+things|(?:there['’]?s|i\s+have)\s+(?:one|a)\s+(?:thing|correction|change))\b",
    re.I,
)
_WRONG = re.compile(
    r"^\W*(?:no\b|nope|(?:you['’]ve|you\s+have)\s+got\s+\w+(?:\s+\w+)?\s+wrong|"
    r"that['’]?s\s+(?:not\s+right|wrong)|(?:it['’]?s|that['’]?s)\s+not\s+right)",
    re.I,
)


def confirm_answer(text: str) -> str | None:
    """The answer to "is this summary right?" when it is said the conventional way: "no
    changes, go ahead" accepts it (a "no" that a plain lead rule would misread), "nearly -
    the metric is..." is partly right, "no, the deadline is wrong" is a no. Anything else
    is for the classifier."""
    if _NEARLY.search(text):
        return fw.PARTLY  # right but for a change: the summary is corrected, not rejected
    if _WRONG.search(text) and not _ACCEPT.search(text):
        return fw.NO
    if _ACCEPT.search(text) and "?" not in text:
        return fw.PARTLY if _EXCEPT.search(text) or _QUALIFIED.search(text) else fw.YES
    return None


_EXCEPT = re.compile(r"\b(?:but|except|apart\s+from|other\s+than|although|though)\b", re.I)
"""'Looks good, except the head count is 120': right but for a change."""


_MIXED = re.compile(
    rf"^\W*{_SOFTENER}(?:yes\s+and\s+no|no\s+and\s+yes|(?:a\s+bit|kind|sort)\s+of\s+both|"
    r"half\s+and\s+half|fifty[-\s]fifty|50[-/\s]50|"
    r"it['’]?s\s+mixed|(?:a\s+)?mixed\s+(?:bag|picture)|mixed(?=\s*[,.;:!–—-]))",
    re.I,
)


def mixed_answer(text: str) -> str | None:
    """fw.PARTLY for a reply that opens with an idiom meaning "in part": "Yes and no.",
    "A bit of both", "Fifty-fifty", "Mixed bag, honestly". A sentence embedding reads the
    first word of "yes and no" as the answer."""
    return fw.PARTLY if _MIXED.match(text.strip()) else None


_DIFFICULTY_DENIED = re.compile(
    r"\b(?:not|isn['’]t|won['’]t|wouldn['’]t)\s+(?:going\s+to\s+|gonna\s+)?(?:be\s+)?"
    r"(?:beyond|defeat|stretch|trouble|faze|challenge|too\s+(?:hard|much|difficult))\s+"
    r"(?:for\s+)?them\b|"
    r"\bwell\s+within\s+(?:their|them)\b|"
    r"\bnothing\s+(?:that\s+)?(?:they|she|he)\s+(?:couldn['’]?t|can['’]?t|wouldn['’]?t)\s+"
    r"(?:learn|pick|handle|manage|do)\b",
    re.I,
)


def difficulty_denied(text: str) -> str | None:
    """fw.YES for a reply that denies the thing is hard for them: "these are nurses with
    degrees, learning a new form is not going to defeat them", "It's well within their
    reach", "a bit rusty, but nothing they couldn't learn". The negation is what a sentence
    embedding reads; what it negates is a difficulty. Words that limit its scope or a
    question leave it to the classifier.

    Chosen on the fresh writers' dev lines (A-D); on the 1,529 no rule was written from it
    fires 4 times, all right (13 of 13 with train and dev)."""
    if _DIFFICULTY_DENIED.search(text) is None or _limited(text) or "?" in text:
        return None
    return fw.YES


_WISHED_ANSWER = re.compile(
    r"\b(?:wish\s+i\s+could|i['’]?d\s+love\s+to|i\s+would\s+love\s+to|i['’]?d\s+like\s+to|"
    r"i\s+would\s+like\s+to)\s+say\s+(?P<answer>yes|no)\b",
    re.I,
)


def wished_answer(text: str) -> str | None:
    """The opposite of the answer the requester wishes they could give: "I wish I could say
    yes. The truth is they'd freeze on a difficult call" is a no. The "yes" is what a
    sentence embedding and the word features read. On the fresh writers' lines no rule was
    written from, it fires 4 times, all right (7 of 7 with the dev lines)."""
    m = _WISHED_ANSWER.search(text)
    if m is None:
        return None
    return fw.NO if m["answer"].lower() == "yes" else fw.YES


_NONE_OF = re.compile(
    rf"^\W*{_SOFTENER}(?:i['’]?ve\s+(?:got\s+)?|i\s+have\s+(?:got\s+)?|there['’]?s\s+|"
    rf"there\s+(?:are|is)\s+)?no\s+{_TROUBLE}\b(?P<rest>.*)$",
    re.I | re.S,
)
_REBUTTED_NO = re.compile(rf"^\W*{_SOFTENER}(?:no|nope|nah)\b(?!['’])(?P<rest>.*)$", re.I | re.S)
_DENIED_TROUBLE = re.compile(
    r"\b(?:not|n['’]t)\s+(?:really\s+|actually\s+|even\s+)?(?:the|a|an|any|our|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:problem|issue)s?\b|"
    r"\bnot\s+out\s+of\s+(?:their|his|her|its|our)\s+depth\b|"
    r"\bnothing\s+wrong\s+with\b",
    re.I,
)
"""A problem or a lack denied: "that's not the problem", "it's not a skill issue at all",
"they're not out of their depth", "there's nothing wrong with the kit"."""
_TROUBLE_WORD = re.compile(
    r"\b(?:problems?|issues?|wrong|broken|crash\w*|missing|lack\w*|short\w*|struggl\w*)\b", re.I
)
_DOUBT_ONLY = re.compile(r"\bno\s+(?:doubts?|question)\b", re.I)


def rebuttal_answer(text: str, slot: str) -> str | None:
    """fw.YES for a "no" that denies a problem rather than the thing asked about.

    Every question asked here is put so that yes means all is well ("do they have what they
    need?", "could they learn it?"). So a reply that says there is no problem or doubt ("No
    complaints about the kit", "No doubt about it") is a yes, and so is a leading "No" whose
    explanation denies a problem or a lack ("No, that's not the problem. They know exactly
    what's expected", "No, they're not out of their depth"): it rebuts the premise that
    something is wrong. A "no" followed by a plain lack ("No. They don't get feedback.")
    is still a no, for `lead_answer`.

    It abstains (None) when anything qualifies the reply or names a problem after all ("no
    problems with the kit, but time is tight"), and on `mandate`, whose yes is a rule, not
    the absence of trouble ("No, it's not a legal issue" is a no) — there only "no doubt"
    counts. On `confirm` only the "no complaints" form applies: "No. The problem isn't
    training, it's the rota" rejects the summary.
    """
    text = text.strip()
    if "?" in text or _EXCEPT.search(text) or _QUALIFIED.search(text):
        return None
    m = _NONE_OF.match(text)
    if m is not None:
        if slot == "mandate" and not _DOUBT_ONLY.search(text, 0, m.start("rest")):
            return None
        rest = m["rest"]
        if NEGATION.search(rest) or _TROUBLE_WORD.search(rest):
            return None  # "no complaints about the kit; they don't have the time"
        return fw.YES
    if slot in ("mandate", "confirm"):
        return None
    m = _REBUTTED_NO.match(text)
    if m is None:
        return None
    rest = m["rest"]
    denial = _DENIED_TROUBLE.search(rest)
    if denial is None:
        return None
    if _TROUBLE_WORD.search(rest[: denial.start()] + " " + rest[denial.end() :]):
        return None  # "no - time isn't the problem, the scanners are broken"
    return fw.YES
