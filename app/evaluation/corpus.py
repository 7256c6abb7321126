"""Accuracy of understanding on the labelled utterance corpus, per slot kind.

The held-out split is what matters: no rule or classifier was tuned on it, so it estimates
how the product reads requesters it has never seen.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.evaluation.scenarios import close_enough
from app.interview import framework as fw
from app.interview.state import Answer, Interpretation, InterviewState, Quantity
from app.understanding.base import Understanding
from app.understanding.training import carries_other_facts

NUMBER_SLOTS = tuple(s.name for s in fw.SLOTS if s.kind == "number")


def line_number(line_id: str) -> int:
    """u0910 -> 910: corpus ids are numbered in the order the lines were written, so a range
    of them is one batch or one writer's lines."""
    return int(line_id.lstrip("u"))


def kind_of(row: dict[str, Any]) -> str:
    """The bucket a corpus line is scored in."""
    if carries_other_facts(row):
        return "multi_fact"
    slot = fw.SLOT_BY_NAME[row["asking"]]
    if slot.name == "cause_incentives":
        return "incentives"
    if slot.name == "impact":
        return "impact"
    return slot.kind


def _value(finding_value: Any) -> Any:
    return finding_value.value if isinstance(finding_value, Quantity) else finding_value


def prior_state(row: dict[str, Any]) -> InterviewState:
    """A state in which the asked slot is open and corrected slots already hold a value."""
    answers = {
        slot: Answer(
            raw="earlier answer", value=Quantity(value=1.0) if slot in NUMBER_SLOTS else "earlier"
        )
        for slot in row["expect"].get("corrections", [])
    }
    return InterviewState(asking=row["asking"], answers=answers)


def check(row: dict[str, Any], got: Interpretation) -> tuple[bool, str]:
    """Whether the interpretation matches the label; the reason when it does not."""
    expect, asked = row["expect"], row["asking"]
    if expect["act"] != got.act:
        return False, f"act {got.act} != {expect['act']}"
    found = {f.slot: f for f in got.findings}
    for slot, wanted in expect.items():
        if slot not in fw.SLOT_BY_NAME:
            continue
        finding = found.get(slot)
        if finding is None:
            return False, f"{slot} missing"
        actual = finding.label if slot in ("cause_incentives", "impact") else _value(finding.value)
        if not close_enough(actual, wanted):
            return False, f"{slot} {actual!r} != {wanted!r}"
    for slot in found:  # a number or date in passing must not become another slot's value
        if (
            slot != asked
            and slot not in expect
            and fw.SLOT_BY_NAME[slot].kind in ("number", "date")
        ):
            return False, f"unexpected {slot}={_value(found[slot].value)!r}"
    return True, ""


@dataclass
class CorpusReport:
    accuracy: dict[str, float]
    counts: dict[str, int]
    failures: list[tuple[str, str, str]]

    @property
    def overall(self) -> float:
        total = sum(self.counts.values())
        return sum(self.accuracy[k] * self.counts[k] for k in self.counts) / total if total else 0.0


def read(row: dict[str, Any], understanding: Understanding) -> Interpretation:
    """The reading of a corpus line, asked in its own state and on its own day."""
    today = date.fromisoformat(row.get("today", "2026-11-24"))
    return understanding.interpret(row["text"], prior_state(row), today)


def evaluate(rows: list[dict[str, Any]], understanding: Understanding) -> CorpusReport:
    hits: dict[str, list[bool]] = defaultdict(list)
    failures: list[tuple[str, str, str]] = []
    for row in rows:
        ok, why = check(row, read(row, understanding))
        hits[kind_of(row)].append(ok)
        if not ok:
            failures.append((row["id"], row["text"], why))
    accuracy = {k: round(sum(v) / len(v), 3) for k, v in sorted(hits.items())}
    return CorpusReport(accuracy, {k: len(v) for k, v in sorted(hits.items())}, failures)
