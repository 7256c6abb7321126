"""The intake record's interview fields, derived from the state (design section 4).

Derived, never stored separately: the state is the single source of truth, so the record
cannot drift from what the requester said.
"""

from __future__ import annotations

from typing import Any

from app.interview import framework as fw
from app.interview.progress import applicable, ready_for_recommendation
from app.interview.recommend import Recommendation, recommend, root_causes
from app.interview.state import InterviewState, Quantity
from app.interview.summary import format_date, format_quantity


def _quantity(state: InterviewState, slot: str) -> Quantity | None:
    value = state.value(slot)
    if value is None:
        return None
    return value if isinstance(value, Quantity) else Quantity.model_validate(value)


def _text(state: InterviewState, slot: str) -> str | None:
    value = state.value(slot)
    return str(value) if value is not None else None


def _yes_no(state: InterviewState, slot: str) -> bool | None:
    value = state.value(slot)
    return None if value is None else value == fw.YES


def missing_slots(state: InterviewState) -> list[str]:
    """Slots L&D must follow up: answered 'unknown', or applicable and never answered."""
    return [
        s.name
        for s in fw.SLOTS
        if s.name != "confirm"
        and applicable(s, state)
        and (s.name not in state.answers or state.answers[s.name].status == "unknown")
    ]


def completeness(state: InterviewState) -> float:
    relevant = [s.name for s in fw.SLOTS if s.name != "confirm" and applicable(s, state)]
    filled = sum(1 for name in relevant if state.value(name) is not None)
    return round(filled / len(relevant), 3) if relevant else 0.0


def objectives(state: InterviewState) -> list[str]:
    """SMART objectives: one business objective tied to the metric, one performance objective."""
    result: list[str] = []
    metric = _text(state, "metric")
    baseline, target = _quantity(state, "baseline"), _quantity(state, "target")
    deadline = _text(state, "deadline")
    by = f"By {format_date(deadline)}, " if deadline else ""
    if metric and target:
        start = f" from {format_quantity(baseline)}" if baseline else ""
        sentence = f"{by}{metric} moves{start} to {format_quantity(target)}."
        result.append(sentence[:1].upper() + sentence[1:])  # not .capitalize(): keeps "June"
    behavior = _text(state, "desired_behavior")
    audience = _text(state, "audience")
    if behavior:
        who = audience or "the audience"
        result.append(f"{by}{who} consistently: {behavior.rstrip('.')} (observed on the job).")
    return result


def evaluation_plan(state: InterviewState) -> dict[str, str]:
    deadline = _text(state, "deadline")
    values = {
        "audience": _text(state, "audience") or "participants",
        "behavior_short": (_text(state, "desired_behavior") or "do the task").rstrip(".").lower(),
        "metric": _text(state, "metric") or "the business metric",
        "baseline": format_quantity(_quantity(state, "baseline")),
        "target": format_quantity(_quantity(state, "target")),
        "by_deadline": f" by {format_date(deadline)}" if deadline else "",
    }
    return {level: template.format(**values) for level, template in fw.EVALUATION_TEMPLATES.items()}


def recommendation_record(rec: Recommendation) -> dict[str, Any]:
    return {
        "primary": rec.primary,
        "secondary": list(rec.secondary),
        "rationale": rec.rationale,
        "sources": [],
    }


def build_intake(state: InterviewState) -> dict[str, Any]:
    """The contract fields that come from the interview (ids, status and times come from storage)."""
    baseline, target = _quantity(state, "baseline"), _quantity(state, "target")
    rec = recommend(state)
    size = _quantity(state, "audience_size")
    return {
        "requested_solution": _text(state, "requested_solution"),
        "business_goal": _text(state, "business_goal"),
        "metric": {
            "name": _text(state, "metric"),
            "baseline": baseline.value if baseline else None,
            "target": target.value if target else None,
            "unit": (baseline and baseline.unit) or (target and target.unit) or None,
        },
        "deadline": _text(state, "deadline"),
        "impact": _text(state, "impact"),
        "audience": {
            "description": _text(state, "audience"),
            "size": int(size.value) if size else None,
        },
        "desired_behavior": _text(state, "desired_behavior"),
        "root_causes": list(rec.root_causes if rec else root_causes(state)),
        "mandate": _yes_no(state, "mandate"),
        "existing_resources": _text(state, "existing_resources"),
        "sponsor": _text(state, "sponsor"),
        "recommendation": recommendation_record(rec) if rec else None,
        "objectives": objectives(state) if ready_for_recommendation(state) else [],
        "evaluation_plan": evaluation_plan(state) if ready_for_recommendation(state) else None,
        "answers": {slot: a.raw for slot, a in state.answers.items()},
        "missing": missing_slots(state),
        "completeness": completeness(state),
    }
