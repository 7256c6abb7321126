"""Training exemplars (app/understanding/exemplars/*.jsonl): well-formed, and none of them
repeats a held-out utterance, which would make the held-out accuracy a lie."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.interview.framework import (
    FREQUENCY_OPTIONS,
    IMPACT_LABELS,
    INCENTIVE_LABELS,
    SLOT_BY_NAME,
)
from app.understanding.training import (
    CAUSE_QUESTIONS,
    EXEMPLARS_DIR,
    TOPICS_DIR,
    load_corpus,
    load_topic_sentences,
)

ACTS = {"answer", "vague", "unknown", "question"}
LABELS: dict[str, set[str]] = {
    "cause_incentives": set(INCENTIVE_LABELS),
    "impact": set(IMPACT_LABELS),
    "cause_frequency": set(FREQUENCY_OPTIONS),
}
FILES = sorted(EXEMPLARS_DIR.glob("*.jsonl"))
TOPIC_FILES = sorted(TOPICS_DIR.glob("*.jsonl"))


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_exemplars_are_well_formed(path: Path) -> None:
    for row in _rows(path):
        assert row["asking"] in SLOT_BY_NAME, row
        expect = row["expect"]
        assert expect["act"] in ACTS, row
        for slot, value in expect.items():
            if slot == "act":
                continue
            assert slot in SLOT_BY_NAME, row
            if SLOT_BY_NAME[slot].kind == "yes_no":
                assert value in {"yes", "no", "partly"}, row
            elif slot in LABELS:
                assert value in LABELS[slot], row


def test_no_exemplar_repeats_a_heldout_utterance() -> None:
    heldout = {_normal(r["text"]) for r in load_corpus(split="heldout")}
    leaked = [
        r["text"] for p in FILES + TOPIC_FILES for r in _rows(p) if _normal(r["text"]) in heldout
    ]
    assert not leaked


@pytest.mark.parametrize("path", TOPIC_FILES, ids=[p.name for p in TOPIC_FILES])
def test_topic_sentences_are_well_formed(path: Path) -> None:
    """One sentence said in passing: which cause question it answers ("other": none) and,
    for a cause, how."""
    for row in _rows(path):
        assert set(row) <= {"text", "topic", "value"}, row
        assert row["text"].strip(), row
        if row["topic"] == "other":
            assert "value" not in row, row
        else:
            assert row["topic"] in CAUSE_QUESTIONS, row
            assert row["value"] in {"yes", "no", "partly"}, row


def test_topic_sentences_reach_the_topic_model() -> None:
    sentences = load_topic_sentences()
    assert len(sentences) == sum(len(_rows(p)) for p in TOPIC_FILES) > 0
    assert {topic for _, _, topic in sentences} == {*CAUSE_QUESTIONS, "other"}
