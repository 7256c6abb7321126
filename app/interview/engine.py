"""The interview engine: a pure reducer `(state, interpretation) -> (state, reply)`.

No HTTP, SQL, clock or model calls happen here: understanding has already turned the
requester's text into an `Interpretation`, and persistence happens in the service layer.
That keeps the core promise (no recommendation before goal, metric and root cause) a
property of one small function that can be tested thousands of times.
"""

from __future__ import annotations

from app.interview import framework as fw
from app.interview.progress import applicable, pending_slots
from app.interview.recommend import recommend
from app.interview.state import (
    Answer,
    Asking,
    Finding,
    Interpretation,
    InterviewState,
    Reply,
    Stage,
)
from app.interview.summary import describe_value, summary_text


def next_slot(state: InterviewState) -> fw.Slot:
    pending = pending_slots(state)
    return pending[0] if pending else fw.SLOT_BY_NAME["confirm"]


def stage_of(state: InterviewState) -> Stage:
    if state.submitted:
        return "submitted"
    if state.asking is None:
        return "goal"
    stage = fw.SLOT_BY_NAME[state.asking].stage
    return stage  # type: ignore[return-value]


def asking_for(slot: fw.Slot) -> Asking:
    return Asking(slot=slot.name, kind=slot.kind, options=slot.options)


def start() -> tuple[InterviewState, Reply]:
    first = fw.SLOTS[0]
    state = InterviewState(asking=first.name)
    return state, Reply(
        text=f"{fw.OPENING} {first.question}", asking=asking_for(first), stage="goal"
    )


def _apply(
    state: InterviewState, finding: Finding, asked: str | None
) -> tuple[InterviewState, str | None]:
    """Store one finding; returns the new state and a short note for corrections."""
    if finding.slot not in fw.SLOT_BY_NAME or finding.slot == "confirm":
        return state, None
    existing = state.answers.get(finding.slot)
    is_correction = existing is not None and existing.status == "filled"
    if is_correction and not (finding.correction or state.correcting or finding.slot == asked):
        return state, None  # a passing mention never overwrites what was said on purpose
    answers = dict(state.answers)
    answers[finding.slot] = Answer(raw=finding.raw, value=finding.value, label=finding.label)
    note = None
    if is_correction and existing is not None and existing.value != finding.value:
        label = fw.SLOT_BY_NAME[finding.slot].summary_label or finding.slot
        note = f"Updated: {label.lower()} is now {describe_value(finding.slot, finding.value)}."
    return state.model_copy(update={"answers": answers}), note


def _ask(state: InterviewState, slot: fw.Slot, lead: list[str]) -> tuple[InterviewState, Reply]:
    state = state.model_copy(update={"asking": slot.name})
    if slot.name == "confirm":
        text = summary_text(state, recommend(state)) + "\n\n" + slot.question
    else:
        intro = fw.STAGE_INTROS.get(slot.stage) if stage_changed(state, slot) else None
        text = " ".join(part for part in (*lead, intro, slot.question) if part)
    if slot.name == "confirm" and lead:
        text = " ".join(lead) + "\n\n" + text
    return state, Reply(text=text, asking=asking_for(slot), stage=slot.stage)  # type: ignore[arg-type]


def stage_changed(state: InterviewState, slot: fw.Slot) -> bool:
    """True when `slot` opens a stage none of whose slots has been answered yet."""
    return not any(fw.SLOT_BY_NAME[name].stage == slot.stage for name in state.answers)


def advance(state: InterviewState, interpretation: Interpretation) -> tuple[InterviewState, Reply]:
    """Take one requester message (already interpreted) and decide what to say next."""
    if state.submitted:
        return state, Reply(text=fw.ALREADY_SUBMITTED, asking=None, stage="submitted", done=True)

    state = state.model_copy(update={"turns": state.turns + 1})
    asked = state.asking or fw.SLOTS[0].name
    slot = fw.SLOT_BY_NAME[asked]

    if interpretation.act == "question":
        text = f"{slot.explanation} {slot.question}"
        if asked == "confirm":
            text = f"{slot.explanation}"
        return state, Reply(text=text, asking=asking_for(slot), stage=stage_of(state))

    if asked == "confirm":
        return _confirm(state, interpretation)

    dodged = interpretation.act in ("vague", "unknown")
    push_back = dodged and asked not in state.pushed_back
    notes: list[str] = []
    for finding in interpretation.findings:
        if finding.slot == asked and (push_back or interpretation.act == "unknown"):
            continue  # a dodge is not an answer, whatever understanding salvaged from it
        state, note = _apply(state, finding, asked)
        if note:
            notes.append(note)

    if asked not in state.answers and applicable(slot, state):
        if asked not in state.pushed_back:
            state = state.model_copy(update={"pushed_back": (*state.pushed_back, asked)})
            return state, Reply(
                text=" ".join([*notes, slot.pushback]),
                asking=asking_for(slot),
                stage=stage_of(state),
            )
        answers = dict(state.answers)
        answers[asked] = Answer(raw=interpretation.text, status="unknown")
        state = state.model_copy(update={"answers": answers})
        notes.append(fw.ACKNOWLEDGE_UNKNOWN)

    return _ask(state, next_slot(state), notes)


def _confirm(state: InterviewState, interpretation: Interpretation) -> tuple[InterviewState, Reply]:
    """The summary stage: yes submits; no (or a correction) updates and shows the summary again."""
    confirm = interpretation.for_slot("confirm")
    corrections = [f for f in interpretation.findings if f.slot != "confirm"]
    if confirm is not None and confirm.value == fw.YES and not corrections:
        answers = dict(state.answers)
        answers["confirm"] = Answer(raw=confirm.raw, value=fw.YES)
        state = state.model_copy(
            update={"answers": answers, "submitted": True, "asking": None, "correcting": False}
        )
        return state, Reply(text=fw.SUBMITTED, asking=None, stage="submitted", done=True)

    if corrections:
        notes: list[str] = []
        corrective = state.model_copy(update={"correcting": True})
        for finding in corrections:
            corrective, note = _apply(corrective, finding, None)
            if note:
                notes.append(note)
        state = corrective.model_copy(update={"correcting": False})
        follow_up = next_slot(state)  # a correction can open a branch that needs a question
        return _ask(state, follow_up, notes or ["Thanks, noted."])

    if confirm is not None and confirm.value in (fw.NO, fw.PARTLY):
        state = state.model_copy(update={"correcting": True})
        slot = fw.SLOT_BY_NAME["confirm"]
        return state, Reply(text=fw.CORRECTION_PROMPT, asking=asking_for(slot), stage="summary")

    slot = fw.SLOT_BY_NAME["confirm"]
    return state, Reply(text=slot.pushback, asking=asking_for(slot), stage="summary")
