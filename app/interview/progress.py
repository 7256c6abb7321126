"""Where an interview stands: which slots apply, which are still open, whether advice may be given.

Shared by the engine (what to ask next) and the recommender (the core-promise gate).
"""

from __future__ import annotations

from app.interview import framework as fw
from app.interview.state import InterviewState


def signal(state: InterviewState, slot: str) -> str | None:
    """The value a condition looks at: a classification label if there is one, else the value."""
    answer = state.answers.get(slot)
    if answer is None or answer.status != "filled":
        return None
    if answer.label is not None:
        return answer.label
    return answer.value if isinstance(answer.value, str) else None


def holds(conditions: tuple[fw.Condition, ...], state: InterviewState) -> bool:
    return all(signal(state, c.slot) in c.values for c in conditions)


def applicable(slot: fw.Slot, state: InterviewState) -> bool:
    return holds(slot.ask_when, state)


def pending_slots(state: InterviewState) -> list[fw.Slot]:
    """Slots still to ask, in framework order, excluding the final confirmation."""
    return [
        s
        for s in fw.SLOTS
        if s.name != "confirm" and s.name not in state.answers and applicable(s, state)
    ]


def root_cause_complete(state: InterviewState) -> bool:
    return all(
        s.name in state.answers
        for s in fw.SLOTS
        if s.stage == "root_cause" and applicable(s, state)
    )


def ready_for_recommendation(state: InterviewState) -> bool:
    """The core promise: goal, metric and every applicable root-cause probe are answered."""
    return all(slot in state.answers for slot in fw.GATE_SLOTS) and root_cause_complete(state)
