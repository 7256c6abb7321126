"""Run scripted requesters (design section 5) through the interview, in process.

Each scenario answers the assistant's question by `asking.slot`; the resulting intake is
compared with the scenario's expectations. The same runner backs `groundwork eval` and the
scenario tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.interview import engine
from app.interview.intake import build_intake
from app.interview.progress import ready_for_recommendation
from app.interview.state import InterviewState, Reply
from app.knowledge.guidance import grounded_intake, with_guidance
from app.knowledge.retriever import Retriever
from app.understanding.base import Understanding

MAX_TURNS = 40
SCENARIO_CLOCK = date(2026, 11, 24)
"""Scenario dates are absolute; a fixed clock keeps runs reproducible."""

SLOT_CHECKS = ("metric.baseline", "metric.target", "audience.size", "deadline")
PROPOSAL_MARKERS = ("Recommended:", "my suggestion", "I recommend")


@dataclass
class ScenarioResult:
    id: str
    turns: int
    submitted: bool
    intake: dict[str, Any]
    slot_checks: dict[str, bool] = field(default_factory=dict)
    root_cause_ok: bool | None = None
    recommendation_ok: bool | None = None
    premature: int = 0
    within_max_turns: bool = True
    grounded: bool | None = None
    """With a knowledge index: does the recommendation cite at least one source?"""
    transcript: list[tuple[str, str]] = field(default_factory=list)


class Answerer:
    """Answers by slot, walking through list answers on repeated asks (last one repeats)."""

    def __init__(self, scenario: dict[str, Any]) -> None:
        self.answers = scenario.get("answers", {})
        self.default = scenario.get("default", "I'm not sure.")
        self.asked: dict[str, int] = {}

    def __call__(self, slot: str) -> str:
        answer = self.answers.get(slot, self.default)
        if isinstance(answer, list):
            index = self.asked.get(slot, 0)
            self.asked[slot] = index + 1
            return answer[min(index, len(answer) - 1)]
        return answer


def _get(record: dict[str, Any], dotted: str) -> Any:
    value: Any = record
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def close_enough(actual: Any, expected: Any) -> bool:
    """Numbers agree within 1% (the scenario contract); anything else must be equal."""
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        if not isinstance(actual, int | float):
            return False
        return abs(actual - expected) <= max(abs(expected) * 0.01, 1e-9)
    return actual == expected


def proposes(reply: Reply) -> bool:
    return any(marker.lower() in reply.text.lower() for marker in PROPOSAL_MARKERS)


def run_scenario(
    scenario: dict[str, Any],
    understanding: Understanding,
    today: date = SCENARIO_CLOCK,
    step: Callable[[InterviewState, str], tuple[InterviewState, Reply]] | None = None,
    retriever: Retriever | None = None,
) -> ScenarioResult:
    """One scripted conversation; with a `retriever`, replies and the intake get the same
    guidance (metric candidates, grounded rationale and sources) as over the API."""

    def default_step(state: InterviewState, text: str) -> tuple[InterviewState, Reply]:
        after, reply = engine.advance(state, understanding.interpret(text, state, today))
        return after, with_guidance(state, after, reply, retriever)

    step = step or default_step
    answer = Answerer(scenario)
    state, reply = engine.start()
    transcript: list[tuple[str, str]] = [("assistant", reply.text)]
    text = scenario["opening"]
    premature = turns = 0
    while turns < MAX_TURNS:
        turns += 1
        transcript.append(("requester", text))
        state, reply = step(state, text)
        transcript.append(("assistant", reply.text))
        gate_open = ready_for_recommendation(state)
        if not gate_open and (build_intake(state)["recommendation"] is not None or proposes(reply)):
            premature += 1
        if reply.done or reply.asking is None:
            break
        text = answer(reply.asking.slot)
    intake = grounded_intake(state, retriever)
    result = score(
        scenario,
        ScenarioResult(
            id=scenario["id"],
            turns=turns,
            submitted=state.submitted,
            intake=intake,
            premature=premature,
            transcript=transcript,
        ),
    )
    if retriever is not None and intake["recommendation"] is not None:
        result.grounded = bool(intake["recommendation"]["sources"])
    return result


def score(scenario: dict[str, Any], result: ScenarioResult) -> ScenarioResult:
    expect = scenario.get("expect", {})
    intake = result.intake
    for key in SLOT_CHECKS:
        if key in expect:
            result.slot_checks[key] = close_enough(_get(intake, key), expect[key])
    if "root_causes_include" in expect:
        result.root_cause_ok = set(expect["root_causes_include"]) <= set(intake["root_causes"])
    primary = (intake.get("recommendation") or {}).get("primary")
    if "recommendation_in" in expect or "recommendation_not" in expect:
        result.recommendation_ok = primary in expect.get("recommendation_in", [primary]) and (
            primary not in expect.get("recommendation_not", [])
        )
    if "max_turns" in expect:
        result.within_max_turns = result.turns <= expect["max_turns"]
    return result


@dataclass
class Metrics:
    scenarios: int
    slot_accuracy: float
    root_cause_accuracy: float
    recommendation_accuracy: float
    premature_proposals: int
    submitted_rate: float
    mean_turns: float
    within_max_turns: float
    grounded_rate: float | None = None
    """Share of recommendations citing guidance; None when run without a knowledge index."""

    def as_dict(self) -> dict[str, float | int]:
        return dict(self.__dict__)


def _ratio(values: list[bool]) -> float:
    return round(sum(values) / len(values), 3) if values else 1.0


def metrics(results: list[ScenarioResult]) -> Metrics:
    slots = [ok for r in results for ok in r.slot_checks.values()]
    grounded = [r.grounded for r in results if r.grounded is not None]
    return Metrics(
        scenarios=len(results),
        slot_accuracy=_ratio(slots),
        root_cause_accuracy=_ratio(
            [r.root_cause_ok for r in results if r.root_cause_ok is not None]
        ),
        recommendation_accuracy=_ratio(
            [r.recommendation_ok for r in results if r.recommendation_ok is not None]
        ),
        premature_proposals=sum(r.premature for r in results),
        submitted_rate=_ratio([r.submitted for r in results]),
        mean_turns=round(sum(r.turns for r in results) / len(results), 2) if results else 0.0,
        within_max_turns=_ratio([r.within_max_turns for r in results]),
        grounded_rate=_ratio(grounded) if grounded else None,
    )


def load_scenarios(directory: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted(directory.glob("*.json"))]
