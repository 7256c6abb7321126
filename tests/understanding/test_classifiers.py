"""The embedding classifiers on phrasings written for this test (in no scenario, corpus line
or exemplar), where rules would be weak: what consequences reward, whether a gap matters,
whether a free-text reply says yes, no or partly.

A classifier is allowed the odd miss, so each table asserts an accuracy floor rather than
every row; the rows that must never flip are asserted one by one.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from app.interview.state import InterviewState
from app.understanding.embedded import EmbeddedUnderstanding, get_understanding

TODAY = date(2026, 11, 24)

INCENTIVES = [
    ("Whoever ships the most boxes gets the Friday bonus, mistakes or not.", "rewarding_wrong"),
    (
        "The quickest adjusters get the best caseloads, even if their files are sloppy.",
        "rewarding_wrong",
    ),
    (
        "Skipping the safety briefing gets the crew on site an hour earlier, and that's what the foreman praises.",
        "rewarding_wrong",
    ),
    ("Stylists are paid per cut, so rushing the consultation earns them more.", "rewarding_wrong"),
    (
        "If they slow down to check, they fall behind and the supervisor docks their break.",
        "punishing",
    ),
    ("The honest ones who flag problems end up doing the extra paperwork themselves.", "punishing"),
    ("Anyone who follows the full procedure gets teased for being slow.", "punishing"),
    ("Doing it properly means staying late unpaid.", "punishing"),
    ("A clean audit earns the store a team lunch, and errors are just talked through.", "neutral"),
    ("Nothing really happens either way, nobody looks at it.", "neutral"),
    ("Accuracy is part of their quarterly review and it counts towards pay rises.", "neutral"),
    (
        "They get a thank-you from the manager when it's right; if it's wrong, they fix it.",
        "neutral",
    ),
]

IMPACT = [
    ("Each missed inspection can cost us a £10,000 fine.", "significant"),
    ("We're losing about one client a month over it, worth £50k a year each.", "significant"),
    ("If it carries on someone will get hurt on the loading bay.", "significant"),
    ("It adds a day to every hire, and we hire 300 people a year.", "significant"),
    ("Honestly it's a bit untidy, that's all.", "trivial"),
    ("Maybe ten minutes a week of someone's time.", "trivial"),
    ("Not much - nobody outside the team would notice.", "trivial"),
    ("It's more a matter of pride than money.", "trivial"),
]

YES_NO = [
    ("cause_resources", "The label printer has been broken since August.", "no"),
    ("cause_resources", "They have the kit, the time and a clear process.", "yes"),
    ("cause_information", "Nobody ever tells them how they're doing.", "no"),
    ("cause_information", "The standard is pinned up and they get a weekly scorecard.", "yes"),
    ("cause_skill", "Some of the seniors could, the rest would be guessing.", "partly"),
    ("cause_skill", "Of course they could, they did it for years.", "yes"),
    ("mandate", "It's a condition of our operating licence.", "yes"),
    ("mandate", "No law about it, we just want fewer returns.", "no"),
]


@pytest.fixture(scope="module")
def understanding() -> EmbeddedUnderstanding:
    return get_understanding()


def _label(understanding: EmbeddedUnderstanding, slot: str, text: str) -> str | None:
    found = understanding.interpret(text, InterviewState(asking=slot), TODAY).findings
    finding = next((f for f in found if f.slot == slot), None)
    if finding is None:
        return None
    return finding.label if slot in ("cause_incentives", "impact") else finding.value


def _accuracy(understanding: EmbeddedUnderstanding, rows: list[tuple[str, str, str]]) -> float:
    return sum(_label(understanding, s, t) == want for s, t, want in rows) / len(rows)


def test_incentives_from_what_is_rewarded(understanding: EmbeddedUnderstanding) -> None:
    rows = [("cause_incentives", t, want) for t, want in INCENTIVES]
    assert _accuracy(understanding, rows) >= 0.75


def test_impact_worth_solving(understanding: EmbeddedUnderstanding) -> None:
    rows = [("impact", t, want) for t, want in IMPACT]
    assert _accuracy(understanding, rows) >= 0.75


def test_yes_no_without_a_yes_or_no_word(understanding: EmbeddedUnderstanding) -> None:
    assert _accuracy(understanding, YES_NO) >= 0.75


@pytest.mark.parametrize(
    ("slot", "text", "want"),
    [
        ("cause_skill", "No.", "no"),
        ("cause_skill", "Yes, absolutely.", "yes"),
        ("mandate", "Nope, nothing like that.", "no"),
        (
            "cause_incentives",
            "Their bonus depends only on speed, so they skip the checks.",
            "rewarding_wrong",
        ),
    ],
)
def test_plain_answers_never_flip(
    understanding: EmbeddedUnderstanding, slot: str, text: str, want: str
) -> None:
    assert _label(understanding, slot, text) == want


@pytest.mark.parametrize("task", ["act", "yes_no", "incentives", "impact", "frequency"])
def test_the_sparse_word_path_matches_the_dense_features(task: str) -> None:
    """`predict_text` sums the weight rows of the n-grams present instead of multiplying a
    mostly-zero vector: same labels, same probabilities."""
    from app.understanding import classifiers as clf
    from app.understanding.embeddings import get_encoder, get_polarity_encoder

    model = clf.load_classifiers()[task]
    texts = [
        "Not really, the scanners keep dropping out.",
        "They get a bonus for speed, so nobody double-checks.",
        "No idea, I'd have to ask finance?",
        "About once a quarter, at the stock take.",
        "Yes.",
    ]
    encoder = get_polarity_encoder() if task in clf.POLARITY_TASKS else get_encoder()
    vectors = encoder.encode_for_reading(texts)
    for vector, text in zip(vectors, texts, strict=True):
        dense = clf.task_input(task, vector, text, "cause_resources", model.word_index)
        label, confidence = model.predict(dense)
        fast_label, fast_confidence = model.predict_text(task, vector, text, "cause_resources")
        assert fast_label == label
        assert fast_confidence == pytest.approx(confidence, abs=1e-5)


def test_classifiers_given_replace_the_shipped_ones() -> None:
    """Cross-validation reads each fold with its own models: they must be the ones used."""
    import dataclasses

    import numpy as np

    from app.understanding import classifiers as clf

    shipped = clf.load_classifiers()
    yes_no = shipped["yes_no"]
    # Same model, but the bias makes "partly" win whatever the text says.
    bias = np.where(np.array(yes_no.labels) == "partly", 1e6, 0).astype(np.float32)
    always_partly = dataclasses.replace(yes_no, bias=bias)
    reader = EmbeddedUnderstanding(classifiers={**shipped, "yes_no": always_partly})
    text = "They've got the kit, the time and a process that works."  # no rule reads it

    got = reader.interpret(text, InterviewState(asking="cause_resources"), TODAY)
    shipped_got = EmbeddedUnderstanding().interpret(
        text, InterviewState(asking="cause_resources"), TODAY
    )

    assert got.findings[0].value == "partly"
    assert shipped_got.findings[0].value == "yes"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("No, they can't.", "No,"),
        ("Honestly no. They're superb technicians.", "Honestly no."),
        ("not really - the scanners drop out", "not really -"),
        ("Yes", "Yes"),
        ("They know it; nobody checks though", "They know it;"),
        ("   ", "   "),
    ],
)
def test_the_opening_clause_ends_at_the_first_stop_comma_or_dash(text: str, want: str) -> None:
    from app.understanding import classifiers as clf

    assert clf.opening(text) == want


def test_only_opening_tasks_mark_the_opening_grams() -> None:
    from app.understanding import classifiers as clf

    text = "No. They know it, no doubt."
    marked = clf.ngrams(text, "yes_no")
    assert [g for g in marked if g.startswith("^")] == ["^no"]
    assert clf.ngrams(text, "incentives") == clf.ngrams(text)
    assert not any(g.startswith("^") for g in clf.ngrams(text))


@pytest.mark.parametrize(
    ("text", "denied", "negations"),
    [
        ("They picked it up in six weeks, so no worries there.", 1, 0),
        ("Nobody complained about the tools.", 1, 0),
        ("I guess they do? Nobody's complained about the tools.", 1, 0),
        ("We never had a single complaint about it.", 1, 0),
        ("No-one has any concerns about it.", 1, 0),
        ("It's not rocket science.", 1, 0),
        ("No problems with the kit, but they don't have the time.", 1, 1),
        ("They don't have the tools.", 0, 1),
        ("No. Nobody shows them the standard.", 0, 2),
        ("Problems every day, no question.", 0, 1),
    ],
)
def test_denied_trouble_is_no_negation_for_yes_no_and_act(
    text: str, denied: int, negations: int
) -> None:
    from app.understanding import classifiers as clf

    plain, yes_no = clf.cue_features(text), clf.cue_features(text, "yes_no")
    assert len(yes_no) == len(plain) + 1
    assert yes_no[-1] == pytest.approx(min(denied, 2) / 2)
    assert yes_no[4] == pytest.approx(min(negations, 3) / 3)
    assert np.array_equal(yes_no, clf.cue_features(text, "act"))
    assert np.array_equal(plain, clf.cue_features(text, "incentives"))
