"""The interview's data: what the requester said, what understanding made of it, what we reply.

Everything here is plain, immutable data so that the engine stays a pure function and the
whole state can be stored as JSON between two HTTP requests.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Act = Literal["answer", "vague", "unknown", "question"]
"""What a message does to the slot being asked: answers it, dodges it, admits not knowing,
or asks us something back."""

Stage = Literal[
    "goal", "measure", "audience", "behavior", "root_cause", "context", "summary", "submitted"
]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Quantity(Frozen):
    """A number as the requester meant it: 14 with unit '%', 2_300_000 with unit '£'."""

    value: float
    unit: str | None = None


class Finding(Frozen):
    """One slot value read from a message.

    `value` is normalised per slot kind: str for text, Quantity for numbers, ISO date string
    for dates, "yes"/"no"/"partly" for yes_no, an option for choice. `label` carries a
    classification of a free-text answer where the framework needs one (incentives:
    punishing / rewarding_wrong / neutral; impact: trivial / significant).
    `correction` marks a value that explicitly replaces an earlier one ("actually it's 45").
    """

    slot: str
    value: Quantity | str | None = None
    label: str | None = None
    raw: str = ""
    correction: bool = False


class Interpretation(Frozen):
    """What understanding made of one requester message, relative to the slot being asked."""

    act: Act = "answer"
    findings: tuple[Finding, ...] = ()
    text: str = ""
    """The message as received, kept for the record even when nothing could be read from it."""

    def for_slot(self, slot: str | None) -> Finding | None:
        return next((f for f in self.findings if f.slot == slot), None)


class Answer(Frozen):
    """A captured slot. `status` is "unknown" when the requester could not say, after one push back."""

    raw: str
    value: Quantity | str | None = None
    label: str | None = None
    status: Literal["filled", "unknown"] = "filled"


class Asking(Frozen):
    slot: str
    kind: str
    options: tuple[str, ...] = ()


class Reply(Frozen):
    text: str
    asking: Asking | None
    stage: Stage
    done: bool = False


class InterviewState(Frozen):
    """Everything the engine needs to take the next step; serialisable as JSON."""

    answers: dict[str, Answer] = Field(default_factory=dict)
    asking: str | None = None
    pushed_back: tuple[str, ...] = ()
    correcting: bool = False
    submitted: bool = False
    turns: int = 0

    def value(self, slot: str) -> Any:
        answer = self.answers.get(slot)
        return answer.value if answer and answer.status == "filled" else None

    def label(self, slot: str) -> str | None:
        answer = self.answers.get(slot)
        return answer.label if answer and answer.status == "filled" else None

    def has(self, slot: str) -> bool:
        return slot in self.answers
