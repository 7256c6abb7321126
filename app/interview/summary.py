"""Human-readable rendering of captured answers: the confirmation summary and value phrases."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.interview import framework as fw
from app.interview.recommend import Recommendation
from app.interview.state import InterviewState, Quantity

_PREFIX_UNITS = ("£", "$", "€")


def format_quantity(quantity: Quantity | dict[str, Any] | None) -> str:
    if quantity is None:
        return "unknown"
    if isinstance(quantity, dict):
        quantity = Quantity.model_validate(quantity)
    number = f"{quantity.value:,.2f}".rstrip("0").rstrip(".")
    unit = quantity.unit
    if not unit:
        return number
    if unit in _PREFIX_UNITS:
        return f"{unit}{number}"
    if unit == "%" or unit.startswith("/"):
        return f"{number}{unit}"
    return f"{number} {unit}"


def format_date(value: str) -> str:
    try:
        return date.fromisoformat(value).strftime("%-d %B %Y")
    except ValueError:
        return value


def describe_value(slot: str, value: Any) -> str:
    kind = fw.SLOT_BY_NAME[slot].kind
    if value is None:
        return "unknown"
    if kind == "number":
        return format_quantity(value)
    if kind == "date":
        return format_date(str(value))
    return str(value)


def _line(state: InterviewState, slot: str) -> str | None:
    answer = state.answers.get(slot)
    spec = fw.SLOT_BY_NAME[slot]
    if answer is None or not spec.summary_label:
        return None
    if answer.status == "unknown":
        shown = "unknown (to follow up)"
    elif spec.kind in ("text",):
        shown = answer.value or answer.raw
    else:
        shown = describe_value(slot, answer.value)
    return f"- {spec.summary_label}: {shown}"


def summary_text(state: InterviewState, recommendation: Recommendation | None) -> str:
    lines = ["Here is what I have:"]
    lines += [line for s in fw.SLOTS if (line := _line(state, s.name))]
    if recommendation is not None:
        causes = ", ".join(fw.ROOT_CAUSE_LABELS[c] for c in recommendation.root_causes)
        if causes:
            lines.append(f"Likely root cause: {causes}.")
        lines.append(recommendation.rationale)
    return "\n".join(lines)
