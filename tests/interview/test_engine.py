"""Engine rules and invariants. Pure: no fixtures, no I/O, thousands of runs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.interview import engine
from app.interview import framework as fw
from app.interview.intake import build_intake
from app.interview.progress import applicable, ready_for_recommendation
from app.interview.recommend import recommend
from app.interview.state import Answer, Finding, Interpretation, InterviewState, Quantity


def answer(slot: str, value: object, label: str | None = None, **kw: object) -> Interpretation:
    return Interpretation(
        findings=(Finding(slot=slot, value=value, label=label, raw=str(value), **kw),)
    )


VALUES: dict[str, tuple[object, str | None]] = {
    "baseline": (Quantity(value=60), None),
    "target": (Quantity(value=15), None),
    "audience_size": (Quantity(value=40), None),
    "deadline": ("2027-03-31", None),
    "cause_incentives": ("nothing happens", "neutral"),
    "impact": ("about £10k a month", "significant"),
    "cause_frequency": ("weekly", None),
}


def value_for(slot: str) -> tuple[object, str | None]:
    if slot in VALUES:
        return VALUES[slot]
    if fw.SLOT_BY_NAME[slot].kind == "yes_no":
        return "yes", None
    return f"some {slot}", None


def state_at(slot: str) -> InterviewState:
    """A state whose every earlier slot is answered, now asking `slot`."""
    answers = {}
    for spec in fw.SLOTS:
        if spec.name == slot:
            break
        value, label = value_for(spec.name)
        answers[spec.name] = Answer(raw=str(value), value=value, label=label)  # type: ignore[arg-type]
    return InterviewState(asking=slot, answers=answers)


def run_happy(state: InterviewState, overrides: dict[str, object] | None = None) -> InterviewState:
    overrides = overrides or {}
    for _ in range(40):
        if state.submitted:
            break
        slot = state.asking
        assert slot is not None
        value, label = value_for(slot)
        state, _ = engine.advance(state, answer(slot, overrides.get(slot, value), label))
    return state


def test_start_asks_for_the_request() -> None:
    state, reply = engine.start()
    assert reply.asking is not None and reply.asking.slot == "requested_solution"
    assert reply.stage == "goal"
    assert state.asking == "requested_solution"


def test_full_interview_submits_with_recommendation() -> None:
    state = run_happy(engine.start()[0])
    assert state.submitted
    intake = build_intake(state)
    assert intake["recommendation"] is not None
    assert intake["missing"] == []
    assert intake["evaluation_plan"]["level4"].startswith("Results")


def test_slots_already_filled_are_skipped() -> None:
    state, _ = engine.start()
    both = Interpretation(
        findings=(
            Finding(slot="requested_solution", value="a course", raw="x"),
            Finding(slot="business_goal", value="fewer no-shows", raw="x"),
            Finding(slot="metric", value="no-show rate", raw="x"),
        )
    )
    state, reply = engine.advance(state, both)
    assert reply.asking is not None and reply.asking.slot == "baseline"


def test_vague_answer_gets_one_push_back_then_unknown() -> None:
    state = state_at("baseline")
    state, first = engine.advance(state, Interpretation(act="vague", findings=()))
    assert first.asking is not None and first.asking.slot == "baseline"
    assert first.text == fw.SLOT_BY_NAME["baseline"].pushback
    state, second = engine.advance(state, Interpretation(act="unknown", findings=()))
    assert state.answers["baseline"].status == "unknown"
    assert second.asking is not None and second.asking.slot == "target"
    assert "baseline" in build_intake(state)["missing"]


def test_question_back_is_explained_and_not_stored() -> None:
    state = InterviewState(asking="metric")
    state, reply = engine.advance(state, Interpretation(act="question"))
    assert "metric" not in state.answers
    assert reply.asking is not None and reply.asking.slot == "metric"
    assert "for example" in reply.text.lower()
    assert reply.text.endswith(fw.SLOT_BY_NAME["metric"].question)
    assert "metric" not in state.pushed_back  # a question is not a dodge


def test_correction_updates_an_earlier_answer() -> None:
    state = state_at("desired_behavior")
    assert state.value("audience_size") == Quantity(value=40)
    msg = Interpretation(
        findings=(
            Finding(slot="desired_behavior", value="leave a card", raw="x"),
            Finding(slot="audience_size", value=Quantity(value=45), raw="x", correction=True),
        )
    )
    state, reply = engine.advance(state, msg)
    assert state.value("audience_size") == Quantity(value=45)
    assert "45" in reply.text


def test_passing_mention_does_not_overwrite() -> None:
    state = state_at("desired_behavior")
    assert state.value("audience_size") == Quantity(value=40)
    msg = Interpretation(
        findings=(
            Finding(slot="desired_behavior", value="x", raw="x"),
            Finding(slot="audience_size", value=Quantity(value=99), raw="x"),
        )
    )
    state, _ = engine.advance(state, msg)
    assert state.value("audience_size") == Quantity(value=40)


def test_branch_questions_follow_a_skill_gap() -> None:
    state = state_at("cause_skill")
    state, reply = engine.advance(state, answer("cause_skill", "no"))
    assert reply.asking is not None and reply.asking.slot == "cause_done_before"
    state, reply = engine.advance(state, answer("cause_done_before", "yes"))
    assert reply.asking is not None and reply.asking.slot == "cause_frequency"
    assert reply.asking.options == fw.FREQUENCY_OPTIONS
    state, reply = engine.advance(state, answer("cause_frequency", "yearly or less"))
    assert reply.asking is not None and reply.asking.slot == "mandate"  # capacity is not asked


def test_no_skill_gap_skips_the_branch() -> None:
    state = state_at("cause_skill")
    _, reply = engine.advance(state, answer("cause_skill", "yes"))
    assert reply.asking is not None and reply.asking.slot == "mandate"


def test_confirm_no_asks_what_to_change_then_resummarises() -> None:
    state = run_happy(engine.start()[0], overrides={"confirm": "no"})
    assert not state.submitted
    assert state.correcting
    state, reply = engine.advance(state, answer("target", Quantity(value=20), correction=True))
    assert reply.asking is not None and reply.asking.slot == "confirm"
    assert state.value("target") == Quantity(value=20)
    state, reply = engine.advance(state, answer("confirm", "yes"))
    assert reply.done and state.submitted


def test_after_submission_nothing_changes() -> None:
    state = run_happy(engine.start()[0])
    again, reply = engine.advance(state, answer("target", Quantity(value=1), correction=True))
    assert again == state
    assert reply.done


# --- property: the core promise holds whatever the requester says, in any order ----------

SLOT_NAMES = [s.name for s in fw.SLOTS]


@st.composite
def interpretations(draw: st.DrawFn) -> Interpretation:
    act = draw(st.sampled_from(["answer", "answer", "answer", "vague", "unknown", "question"]))
    slots = draw(st.lists(st.sampled_from(SLOT_NAMES), max_size=3))
    findings = []
    for slot in slots:
        kind = fw.SLOT_BY_NAME[slot].kind
        if kind == "yes_no":
            value: object = draw(st.sampled_from(["yes", "no", "partly"]))
        elif kind == "choice":
            value = draw(st.sampled_from(fw.FREQUENCY_OPTIONS))
        elif kind == "number":
            value = Quantity(value=draw(st.integers(0, 500)))
        elif kind == "date":
            value = "2027-06-30"
        else:
            value = "text"
        label = None
        if slot == "cause_incentives":
            label = draw(st.sampled_from(fw.INCENTIVE_LABELS))
        if slot == "impact":
            label = draw(st.sampled_from(fw.IMPACT_LABELS))
        findings.append(
            Finding(slot=slot, value=value, label=label, raw="r", correction=draw(st.booleans()))
        )
    return Interpretation(act=act, findings=tuple(findings))


@settings(max_examples=400, deadline=None)
@given(st.lists(interpretations(), min_size=1, max_size=60))
def test_no_recommendation_before_goal_metric_and_root_cause(
    messages: list[Interpretation],
) -> None:
    state, _ = engine.start()
    for message in messages:
        state, reply = engine.advance(state, message)
        gate = ready_for_recommendation(state)
        if not gate:
            assert recommend(state) is None
            assert build_intake(state)["recommendation"] is None
            assert "Recommended:" not in reply.text
        if state.submitted:
            assert gate, "submitted without goal, metric and root cause"
            assert reply.done
        else:
            assert reply.asking is not None
            slot = fw.SLOT_BY_NAME[reply.asking.slot]
            assert slot.name == "confirm" or (
                slot.name not in state.answers and applicable(slot, state)
            )


@settings(max_examples=200, deadline=None)
@given(st.lists(interpretations(), max_size=30))
def test_interview_always_finishes_for_a_cooperative_requester(noise: list[Interpretation]) -> None:
    state, _ = engine.start()
    for message in noise:
        state, _ = engine.advance(state, message)
    state = run_happy(state)
    assert state.submitted
    assert build_intake(state)["recommendation"] is not None


def test_objectives_keep_month_names_capitalised() -> None:
    state = run_happy(engine.start()[0])
    objectives = build_intake(state)["objectives"]
    assert objectives[0].startswith("By 31 March 2027, ")
