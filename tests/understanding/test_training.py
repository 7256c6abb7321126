"""What the classifiers learn from: which corpus lines become examples of which task, and
whether the shipped weights were trained on the corpus as it is now."""

from __future__ import annotations

from typing import Any

import pytest

from app.understanding import classifiers as clf
from app.understanding.training import (
    _topic,
    carries_other_facts,
    examples,
    load_corpus,
    load_exemplars,
    vocabulary_for,
)


def _row(asking: str, **expect: Any) -> dict[str, Any]:
    return {"asking": asking, "text": "reply", "expect": {"act": "answer", **expect}}


@pytest.mark.parametrize(
    ("row", "carries"),
    [
        (_row("cause_skill", cause_skill="no"), False),
        (_row("cause_skill", cause_skill="no", target=20), True),
        (_row("cause_skill", cause_skill="no", corrections=["target"]), True),
        (_row("baseline", baseline=12, unit="%"), False),  # "unit" is not a slot
        (_row("baseline", baseline=12, target=5), True),
        ({"asking": "mandate", "text": "?", "expect": {"act": "question"}}, False),
    ],
)
def test_carries_other_facts(row: dict[str, Any], carries: bool) -> None:
    assert carries_other_facts(row) is carries


def test_yes_no_examples_leave_out_lines_with_other_facts() -> None:
    plain = _row("cause_skill", cause_skill="no")
    busy = _row("cause_skill", cause_skill="yes", target=20)
    data = examples([plain, busy])
    assert data["yes_no"] == [("reply", "cause_skill", "no")]
    assert len(data["act"]) == 2  # every line still teaches whether it is an answer


def test_shipped_classifiers_were_trained_on_the_current_corpus() -> None:
    """A model trained before the corpus last changed can't be reproduced by `groundwork
    train`, and its figures are not the corpus's. The n-gram vocabulary is derived from the
    training texts alone, so it tells without the encoder whether a retrain is due."""
    data = examples(load_corpus(split="train") + load_exemplars())
    shipped = clf.load_classifiers()
    for task in sorted(clf.WORD_TASKS):
        expected = vocabulary_for([text for text, _, _ in data[task]], task=task)
        assert shipped[task].vocabulary == expected, f"retrain: groundwork train ({task})"


@pytest.mark.parametrize(
    ("row", "topic"),
    [
        # a cause question answered alone: its own topic
        (
            {
                "asking": "cause_resources",
                "text": "No, the scanners keep dropping out.",
                "expect": {"act": "answer", "cause_resources": "no"},
            },
            "cause_resources",
        ),
        # too short to say what it is about
        (
            {
                "asking": "cause_resources",
                "text": "No, not really.",
                "expect": {"act": "answer", "cause_resources": "no"},
            },
            None,
        ),
        # an answer about something else that states no cause
        (
            {
                "asking": "business_goal",
                "text": "Fewer late deliveries to the supermarkets.",
                "expect": {"act": "answer"},
            },
            "other",
        ),
        # one that states a cause too is neither
        (
            {
                "asking": "business_goal",
                "text": "Fewer fines. It's a legal requirement too.",
                "expect": {"act": "answer", "mandate": "yes"},
            },
            None,
        ),
        # not an answer
        (
            {
                "asking": "cause_skill",
                "text": "I'd have to ask their team leader about that.",
                "expect": {"act": "unknown"},
            },
            None,
        ),
    ],
)
def test_topic_labels(row: dict[str, Any], topic: str | None) -> None:
    assert _topic(row) == topic
