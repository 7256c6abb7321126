"""Schema checks for the labelled utterance corpus, tests/data/utterances.jsonl (see tests/data/README.md)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.evaluation.corpus import kind_of
from app.interview.framework import IMPACT_LABELS, INCENTIVE_LABELS, SLOT_BY_NAME

CORPUS = Path(__file__).parent / "data" / "utterances.jsonl"
FIELDS = {"id", "split", "asking", "text", "today", "expect"}
SPLITS = {"train", "heldout", "fresh"}
"""`fresh`: lines by writers who read only the conventions, kept out of training to measure
how the reader does on people it has never seen (see tests/data/README.md)."""
ACTS = {"answer", "vague", "unknown", "question"}
YES_NO = {"yes", "no", "partly"}
LABELLED_TEXT = {"cause_incentives": INCENTIVE_LABELS, "impact": IMPACT_LABELS}
"""Text slots whose answer is classified; the label is the expected value."""


def _lines() -> list[str]:
    return [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in _lines()]


def _is_iso_date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _value_ok(slot: str, value: Any) -> bool:
    kind = SLOT_BY_NAME[slot].kind
    if slot in LABELLED_TEXT:
        return value in LABELLED_TEXT[slot]
    if kind == "number":  # a score such as NPS can be below zero; a head count cannot
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return number and (value >= 0 or slot != "audience_size")
    if kind == "date":
        return _is_iso_date(value)
    if kind == "yes_no":
        return value in YES_NO
    if kind == "choice":
        return value in SLOT_BY_NAME[slot].options
    return isinstance(value, str) and bool(value.strip())


def test_every_line_parses_as_an_object() -> None:
    for n, line in enumerate(_lines(), 1):
        row = json.loads(line)
        assert isinstance(row, dict), f"line {n} is not an object"
        assert set(row) == FIELDS, f"line {n} fields {sorted(row)}"
        assert isinstance(row["expect"], dict), f"line {n} expect is not an object"


def test_size() -> None:
    assert len(_rows()) >= 720


def test_ids_unique_and_sequential() -> None:
    ids = [r["id"] for r in _rows()]
    assert len(ids) == len(set(ids))
    assert ids == [f"u{i:04d}" for i in range(1, len(ids) + 1)]


def test_no_duplicate_messages() -> None:
    seen = Counter((r["text"].strip().lower(), r["today"]) for r in _rows())
    assert [k for k, c in seen.items() if c > 1] == []


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["id"])
def test_row(row: dict[str, Any]) -> None:
    assert row["split"] in SPLITS
    assert row["asking"] in SLOT_BY_NAME
    assert isinstance(row["text"], str) and row["text"].strip()
    assert _is_iso_date(row["today"])
    expect, asked = row["expect"], row["asking"]
    act = expect.get("act")
    assert act in ACTS
    for key in expect:
        assert key in {"act", "unit", "corrections"} or key in SLOT_BY_NAME, f"unknown key {key}"
    for slot in (k for k in expect if k in SLOT_BY_NAME):
        assert _value_ok(slot, expect[slot]), f"{slot}={expect[slot]!r}"
    kind = SLOT_BY_NAME[asked].kind
    if act == "answer":
        if kind != "text" or asked in LABELLED_TEXT:
            assert asked in expect, f"answer without a value for {asked}"
    else:
        assert asked not in expect, "a non-answer carries no value for the asked slot"
    if "unit" in expect:
        assert kind == "number" and asked in expect, "unit belongs to the asked number slot"
        assert isinstance(expect["unit"], str) and expect["unit"].strip()
    if "corrections" in expect:
        corrections = expect["corrections"]
        assert isinstance(corrections, list) and corrections
        for slot in corrections:
            assert slot in SLOT_BY_NAME and slot in expect, f"correction {slot} without a value"


def test_heldout_split_is_kept_whole() -> None:
    """The held-out split was drawn once (35% of the first 910 lines) and is never
    re-drawn, so figures stay comparable; lines written since are train lines."""
    rows = _rows()
    heldout = sum(r["split"] == "heldout" for r in rows)
    assert heldout == 319
    assert all(int(r["id"][1:]) <= 910 for r in rows if r["split"] == "heldout")


def test_every_kind_has_both_splits() -> None:
    splits: dict[str, set[str]] = {}
    for row in _rows():
        splits.setdefault(kind_of(row), set()).add(row["split"])
    for bucket, seen in splits.items():
        assert {"train", "heldout"} <= seen, f"{bucket} has only {seen}"


def test_distribution_minimums() -> None:
    counts = Counter(kind_of(r) for r in _rows())
    minimum = {
        "number": 170,
        "date": 90,
        "yes_no": 200,
        "choice": 50,
        "incentives": 70,
        "impact": 60,
        "text": 80,
        "multi_fact": 40,
    }
    for bucket, wanted in minimum.items():
        assert counts[bucket] >= wanted, f"{bucket}: {counts[bucket]} < {wanted}"
    yes_no = [r for r in _rows() if kind_of(r) == "yes_no"]
    assert {r["asking"] for r in yes_no} == {
        n for n, s in SLOT_BY_NAME.items() if s.kind == "yes_no"
    }
    assert sum(r["expect"].get(r["asking"]) == "partly" for r in yes_no) >= 40
