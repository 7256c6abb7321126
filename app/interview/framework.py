"""The needs-analysis framework, as data.

This module is meant to be read and edited by an L&D person: it holds the questions, their
order, when a question is asked at all, how to push back on a vague answer, and which root
cause leads to which recommendation. The engine (`engine.py`) only walks this data.

The order follows performance consulting: business goal, then how it is measured, then who,
then what they should do differently, then *why* they don't do it today (Gilbert's six boxes,
Mager & Pipe's questions), and only then context and a summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SlotKind = Literal["text", "number", "date", "yes_no", "choice"]

YES, NO, PARTLY = "yes", "no", "partly"
FREQUENCY_OPTIONS = ("daily", "weekly", "monthly", "a few times a year", "yearly or less")
FREQUENT = ("daily", "weekly")


@dataclass(frozen=True)
class Condition:
    """Ask a slot only when another slot's value (or label) is one of `values`."""

    slot: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Slot:
    name: str
    kind: SlotKind
    stage: str
    question: str
    explanation: str
    """Said when the requester asks what we mean; always includes an example."""
    pushback: str
    """Said once when the answer is vague or 'I don't know'."""
    options: tuple[str, ...] = ()
    ask_when: tuple[Condition, ...] = ()
    summary_label: str = ""


SLOTS: tuple[Slot, ...] = (
    Slot(
        "requested_solution",
        "text",
        "goal",
        "What are you asking L&D for?",
        "The thing you had in mind when you got in touch, for example 'a negotiation course for my sales team'.",
        "Just the short version is fine: what did you have in mind, a course, a workshop, something else?",
        summary_label="You asked for",
    ),
    Slot(
        "business_goal",
        "text",
        "goal",
        "Before we talk about solutions: what business result should improve if this works?",
        "The outcome the business cares about, not the training itself. For example 'fewer customer complaints', 'faster month-end close' or 'more repeat orders'.",
        "Let's pin that down a little. What would be different for the business, in results, if this worked? For example fewer errors, more sales, less waste.",
        summary_label="Business goal",
    ),
    Slot(
        "metric",
        "text",
        "measure",
        "How is that measured today? Which number or report would show the improvement?",
        "A metric is a number someone already tracks, for example 'refunds per week from the till reports' or 'customer satisfaction score out of 10'.",
        "Is there a report or figure someone already looks at, for example complaints per month, error rate, or sales per rep? A rough one is fine.",
        summary_label="Measured by",
    ),
    Slot(
        "baseline",
        "number",
        "measure",
        "Where is that number now, roughly?",
        "The current value of the metric, for example '14% of appointments', 'about 60 a week' or '3.6 out of 5'.",
        "A rough figure is fine: how many or how much is it now? For example 'about 60 a week' or '12%'.",
        summary_label="Now",
    ),
    Slot(
        "target",
        "number",
        "measure",
        "And what value would count as success?",
        "The level you want the metric to reach, for example 'below 5%' or '90 a month'.",
        "If you had to put a number on 'good enough', what would it be?",
        summary_label="Target",
    ),
    Slot(
        "deadline",
        "date",
        "measure",
        "By when do you need to get there?",
        "A date or period, for example 'end of March 2027' or 'Q3 2027'.",
        "A rough date helps us plan: this quarter, by the summer, by the end of next year?",
        summary_label="By",
    ),
    Slot(
        "impact",
        "text",
        "measure",
        "What does the gap cost today, and what happens if nothing changes?",
        "We ask because some problems cost a lot and some cost little. For example 'each error costs us about £200 in rework' or 'we could lose our biggest client'.",
        "Roughly, is this costing money, customers, safety or time? And what happens if it carries on for a year?",
        summary_label="Cost of the gap",
    ),
    Slot(
        "audience",
        "text",
        "audience",
        "Who needs to perform differently? Which role or team?",
        "The people whose work affects the number, for example 'the night-shift pickers' or 'new account managers in the north region'.",
        "Which job title or team is it, exactly?",
        summary_label="Who",
    ),
    Slot(
        "audience_size",
        "number",
        "audience",
        "How many people is that?",
        "A head count, for example '12' or 'about 40 across three sites'.",
        "Even a rough head count helps: about how many?",
        summary_label="How many",
    ),
    Slot(
        "desired_behavior",
        "text",
        "behavior",
        "What should they do differently on the job, that you could see or hear?",
        "An observable action, for example 'read back the order to the customer before closing the call' rather than 'be more careful'.",
        "If you watched them for a day after this worked, what would you see them doing that they don't do now?",
        summary_label="What they should do",
    ),
    Slot(
        "cause_information",
        "yes_no",
        "root_cause",
        "Do they know clearly what is expected of them here, and do they get feedback on how they're doing?",
        "We're checking expectations and feedback: has anyone told them the standard, and do they ever see how they measure against it? For example 'yes, it's in the procedure and we review it weekly'.",
        "Would they be able to tell me the standard if I asked them? And do they ever hear how they're doing?",
        summary_label="Expectations & feedback clear",
    ),
    Slot(
        "cause_resources",
        "yes_no",
        "root_cause",
        "Do they have what they need to do it: tools, time, information and a process that works?",
        "Things in the environment that get in the way, for example broken equipment, no time in the schedule, a missing form or a system that doesn't support the task.",
        "Is anything in the way: tools, systems, time, information, the process itself?",
        summary_label="Tools & resources in place",
    ),
    Slot(
        "cause_incentives",
        "text",
        "root_cause",
        "What happens to them when they do it right, and when they don't?",
        "We're looking at consequences: is doing it right rewarded, ignored, or even punished (more work, slower, worse bonus)? For example 'nothing happens either way' or 'their bonus rewards speed, so they skip it'.",
        "Does anything make the wrong way easier or better paid, or the right way a hassle?",
        summary_label="Consequences",
    ),
    Slot(
        "cause_skill",
        "yes_no",
        "root_cause",
        "If their job depended on it, could they do it correctly today?",
        "This separates a skill gap from everything else: if you offered them a big reward to do it perfectly tomorrow, could they? For example 'yes, they do it fine when I'm watching' or 'no, they've never learned how'.",
        "Put another way: is it that they can't, or that they don't?",
        summary_label="Could do it if their job depended on it",
    ),
    Slot(
        "cause_done_before",
        "yes_no",
        "root_cause",
        "Have they ever done it well in the past?",
        "For example 'yes, they were good at it before the system changed' or 'no, it's new to all of them'.",
        "Was there a time when they did this well, or is it new to them?",
        ask_when=(Condition("cause_skill", (NO, PARTLY)),),
        summary_label="Done it well before",
    ),
    Slot(
        "cause_frequency",
        "choice",
        "root_cause",
        "How often do they need to do it?",
        "How often the task comes up in their job, for example 'several times a day' or 'once a year at year end'.",
        "Roughly: daily, weekly, monthly, a few times a year, or yearly or less?",
        options=FREQUENCY_OPTIONS,
        ask_when=(Condition("cause_done_before", (YES, PARTLY)),),
        summary_label="How often it's needed",
    ),
    Slot(
        "cause_capacity",
        "yes_no",
        "root_cause",
        "Is the role a good fit for the people in it: could they realistically learn to do this?",
        "Sometimes people are in a role that doesn't suit them, for example a great technician moved into a sales job. Could these people learn it with support?",
        "With proper support, do you think they could get there?",
        ask_when=(Condition("cause_skill", (NO, PARTLY)), Condition("cause_done_before", (NO,))),
        summary_label="Role fits the people",
    ),
    Slot(
        "mandate",
        "yes_no",
        "context",
        "Is any of this required by law, a regulator, a contract or company policy?",
        "For example a legal certification, a regulator's audit requirement or a customer contract clause.",
        "Is there any rule, regulation or contract that says this must happen?",
        summary_label="Required by law, contract or policy",
    ),
    Slot(
        "existing_resources",
        "text",
        "context",
        "What exists already that might help: courses, documents, experts, people who do this well?",
        "For example an old e-learning module, a procedure document, or a colleague everyone asks.",
        "Anything at all, even a document or a person who is good at this?",
        summary_label="Already available",
    ),
    Slot(
        "sponsor",
        "text",
        "context",
        "Who sponsors this and makes the decisions?",
        "The person who owns the result and can approve time or budget, for example 'our operations director'.",
        "Who would sign off on any time or budget for this?",
        summary_label="Sponsor",
    ),
    Slot(
        "confirm",
        "yes_no",
        "summary",
        "Is this summary right?",
        "Reply 'yes' to submit it to the L&D team, or tell me what to change, for example 'the target is 20'.",
        "Shall I submit it as it is? Say yes, or tell me what to change.",
    ),
)

SLOT_BY_NAME: dict[str, Slot] = {slot.name: slot for slot in SLOTS}

STAGE_ORDER = (
    "goal",
    "measure",
    "audience",
    "behavior",
    "root_cause",
    "context",
    "summary",
    "submitted",
)

GATE_SLOTS = ("business_goal", "metric")
"""No recommendation exists before these, and every applicable root-cause probe, are answered."""

ROOT_CAUSE_SLOTS = tuple(s.name for s in SLOTS if s.stage == "root_cause")

# --- Root causes (Gilbert's six boxes) and their plain-language labels (after Binder) ---

ROOT_CAUSE_LABELS: dict[str, str] = {
    "information": "expectations & feedback",
    "resources": "tools & resources",
    "incentives": "consequences & incentives",
    "knowledge": "skills & knowledge",
    "capacity": "selection & assignment",
    "motives": "motives & preferences",
}

RECOMMENDATION_LABELS: dict[str, str] = {
    "training": "training",
    "job_aid": "a job aid (checklist or reference at the point of need)",
    "practice_and_feedback": "practice with feedback",
    "clarify_expectations": "clarifying expectations and giving feedback",
    "remove_obstacles": "removing the obstacles in tools, process or time",
    "realign_incentives": "realigning incentives and consequences",
    "selection_or_job_design": "selection or job redesign",
    "compliance_training": "compliance training",
    "no_action": "no action for now",
}

INCENTIVE_LABELS = ("punishing", "rewarding_wrong", "neutral")
"""How a free-text answer about consequences is classified: doing it right is punished,
doing it wrong is rewarded, or neither."""

IMPACT_LABELS = ("trivial", "significant")


@dataclass(frozen=True)
class Rule:
    """When every condition holds, `recommendation` applies and `cause` is a root cause.

    Rules are listed in precedence order: the first match is the primary recommendation,
    later matches become secondary ones.
    """

    when: tuple[Condition, ...]
    recommendation: str
    cause: str | None
    why: str
    strength: Literal["strong", "weak"] = "strong"


_GAP = Condition("cause_skill", (NO, PARTLY))

RULES: tuple[Rule, ...] = (
    Rule(
        (Condition("mandate", (YES,)),),
        "compliance_training",
        None,
        "it is required by law, regulation, contract or policy, whatever else is going on",
    ),
    Rule(
        (Condition("impact", ("trivial",)),),
        "no_action",
        None,
        "the gap costs little and nothing much happens if it carries on, so a programme would cost more than the problem",
    ),
    # The environment before the person (Gilbert; Mager & Pipe).
    Rule(
        (Condition("cause_information", (NO,)),),
        "clarify_expectations",
        "information",
        "people are not clear what is expected or do not hear how they are doing",
    ),
    Rule(
        (Condition("cause_resources", (NO,)),),
        "remove_obstacles",
        "resources",
        "tools, time, information or the process get in the way",
    ),
    Rule(
        (Condition("cause_incentives", ("punishing", "rewarding_wrong")),),
        "realign_incentives",
        "incentives",
        "doing it right is not rewarded, or doing it wrong pays off",
    ),
    Rule(
        (Condition("cause_information", (PARTLY,)),),
        "clarify_expectations",
        "information",
        "expectations or feedback are only partly in place",
        strength="weak",
    ),
    Rule(
        (Condition("cause_resources", (PARTLY,)),),
        "remove_obstacles",
        "resources",
        "some tools, time or process issues get in the way",
        strength="weak",
    ),
    # The skill branch: training only when the environment is sound and the skill is missing.
    Rule(
        (
            _GAP,
            Condition("cause_done_before", (YES, PARTLY)),
            Condition("cause_frequency", FREQUENT),
        ),
        "practice_and_feedback",
        "knowledge",
        "they have done it well before and do it often, so the skill has slipped and needs practice with feedback, not a course",
    ),
    Rule(
        (
            _GAP,
            Condition("cause_done_before", (YES, PARTLY)),
            Condition("cause_frequency", tuple(o for o in FREQUENCY_OPTIONS if o not in FREQUENT)),
        ),
        "job_aid",
        "knowledge",
        "they have done it well before but the task is rare, so the steps are forgotten in between: support at the point of need beats a course",
    ),
    Rule(
        (_GAP, Condition("cause_done_before", (NO,)), Condition("cause_capacity", (NO,))),
        "selection_or_job_design",
        "capacity",
        "they have never done it well and the role does not fit the people in it",
    ),
    Rule(
        (_GAP, Condition("cause_done_before", (NO,))),
        "training",
        "knowledge",
        "they have never done it, the environment supports it, and they can learn it",
    ),
)

FALLBACK_CAUSE = "motives"
FALLBACK_RECOMMENDATION = "clarify_expectations"
FALLBACK_WHY = (
    "no clear gap showed up in expectations, tools, consequences or skill, so the next step is "
    "to watch who already does it well and make the standard and feedback explicit"
)

# --- Replies -----------------------------------------------------------------------------

STAGE_INTROS: dict[str, str] = {
    "measure": "Thanks.",
    "audience": "That helps.",
    "behavior": "Good.",
    "root_cause": "Now the important part: why isn't it happening today? A few quick questions.",
    "context": "Nearly done, some context.",
}

OPENING = (
    "Hi, I'm Groundwork. Before we pick a solution, I'd like to understand the business "
    "problem behind your request, it takes about ten minutes."
)
ACKNOWLEDGE_UNKNOWN = "No problem, I'll note that as unknown for the L&D team to follow up."
CORRECTION_PROMPT = "What should I change? For example 'the target is 20' or 'it's 45 people'."
SUBMITTED = "Thank you. Your request is submitted and the L&D team will be in touch."
ALREADY_SUBMITTED = "This request has already been submitted; the L&D team will be in touch."

EVALUATION_TEMPLATES = {
    "level1": "Reaction: a short pulse survey of {audience} on relevance and usefulness right after the intervention.",
    "level2": "Learning: check that {audience} can {behavior_short} correctly, by observation or a short scenario check.",
    "level3": "Behaviour: managers observe and record whether people {behavior_short} on the job, at 30, 60 and 90 days; manager follow-up and checklists are the required drivers.",
    "level4": "Results: track {metric} from {baseline} towards {target}{by_deadline}, using the same report as today.",
}
