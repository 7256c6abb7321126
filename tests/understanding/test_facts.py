"""Facts for other slots said in passing: current and wanted values, deadlines, head counts
and corrections; and the incidental numbers that must not become facts."""

from __future__ import annotations

from datetime import date

import pytest

from app.interview.state import InterviewState
from app.understanding.dates import parse_deadline
from app.understanding.embedded import EmbeddedUnderstanding, _names_both, get_understanding
from app.understanding.facts import (
    current_value,
    find_facts,
    is_correction,
    mandate_in_passing,
    named_value,
    team_size_said,
)
from app.understanding.numbers import parse_change

TODAY = date(2026, 11, 24)


def _facts(text: str, asked: str) -> dict[str, object]:
    return {f.slot: getattr(f.value, "value", f.value) for f in find_facts(text, asked, TODAY)}


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        # a wanted value right after the want
        (
            "requested_solution",
            "A GDPR refresher. We logged 9 breaches so far; I'd like none.",
            {"baseline": 9, "target": 0},
        ),
        (
            "desired_behavior",
            "Close tickets the same day. Right now it's 3 a week and I'd want 15.",
            {"baseline": 3, "target": 15},
        ),
        (
            "impact",
            "We're at 62% on time and need to hit 90%, or we lose the contract.",
            {"baseline": 62, "target": 90},
        ),
        (
            "sponsor",
            "Our COO. She wants staff turnover at 12% by the end of 2027.",
            {"target": 12, "deadline": "2027-12-31"},
        ),
        ("baseline", "Nine days on average right now. We'd be happy with 5.", {"target": 5}),
        ("metric", "Invoice accuracy. Last quarter it was 91%.", {"baseline": 91}),
        # deadlines counted from today, after the value, or restated precisely
        (
            "business_goal",
            "Grow repeat orders to 40% within eight months.",
            {"target": 40, "deadline": "2027-07-24"},
        ),
        (
            "business_goal",
            "Pass the audit. It's now four months from now, not six.",
            {"deadline": "2027-03-24"},
        ),
        (
            "sponsor",
            "Maria Lopez. And I meant Q2 2027 for the deadline, not Q1 2027.",
            {"deadline": "2027-06-30"},
        ),
        # a date named as the day things must happen, or pointed back at as the deadline
        (
            "cause_done_before",
            "No, it's all new. Launch is 15 March 2027 and everyone has to be trained by then.",
            {"deadline": "2027-03-15"},
        ),
        (
            "existing_resources",
            "A wiki page. The inspection is on 12 May 2027, so that's the deadline in practice.",
            {"deadline": "2027-05-12"},
        ),
        (
            "audience_size",
            "Eighty. And the date is fixed: 28 February 2027.",
            {"deadline": "2027-02-28"},
        ),
        (
            "metric",
            "On-time rate. We need it fixed by the end of our financial year, which is 31 March 2027.",
            {"deadline": "2027-03-31"},
        ),
        # head counts stated as the whole, or corrected
        (
            "target",
            "Down to 3%. We run 4 branches and 65 tellers in total who'd need it.",
            {"audience_size": 65},
        ),
        (
            "audience",
            "The porters. I said before there were about twenty, but it's nearer thirty.",
            {"audience_size": 30},
        ),
        ("confirm", "Almost. It's a dozen analysts, not ten.", {"audience_size": 12}),
        (
            "deadline",
            "End of June 2027. We're 25 strong on the night shift.",
            {"audience_size": 25},
        ),
        (
            "sponsor",
            "Our CFO. She wants all 60 payroll clerks through it by May 2027.",
            {"audience_size": 60, "deadline": "2027-05-31"},
        ),
        (
            "cause_frequency",
            "Weekly. Around 45 staff across the two kitchens.",
            {"audience_size": 45},
        ),
        (
            "cause_resources",
            "No, the handsets are old. We want first-call resolution at 80%.",
            {"target": 80},
        ),
        (
            "impact",
            "Each rework costs about £60, and we're at 12% rework right now.",
            {"baseline": 12},
        ),
        (
            "metric",
            "Late invoices. Forget the 300 I gave you, last month it was nearer 420.",
            {"baseline": 420},
        ),
        (
            "baseline",
            "About 7% last month. Also, I need to fix one thing: the goal is 3%, not 4%.",
            {"target": 3},
        ),
        # a level stated as such is the baseline, even in money
        ("target", "£900k in annual savings. We're at about £300k so far.", {"baseline": 300000}),
        # a metric named in the present tense; a want that says "has to", "happy at"
        (
            "business_goal",
            "Keep the contract. Our fill rate must reach at least 98%; it's 92 today.",
            {"baseline": 92, "target": 98},
        ),
        (
            "impact",
            "Minor. The defect rate's only 3% and we'd be happy at 2.",
            {"baseline": 3, "target": 2},
        ),
        (
            "deadline",
            "By March. We need the first-time fix rate up to 80% by then.",
            {"target": 80},
        ),
        (
            "cause_information",
            "Partly. The targets are on the wall. The pass rate is 70% and we'd like it at 85%.",
            {"baseline": 70, "target": 85},
        ),
        ("metric", "Repeat visits. It's 14 at the moment.", {"baseline": 14}),
        ("impact", "Big. The target rate is 4% and we miss it every month.", {"target": 4}),
        # a target and where it starts from; a level stated outright in a yes/no answer
        (
            "cause_frequency",
            "Daily. The aim is zero missed handovers, down from about 12.",
            {"baseline": 12, "target": 0},
        ),
        (
            "cause_done_before",
            "Yes, years ago. Accuracy was 97% back then; it's 88% now.",
            {"baseline": 88},
        ),
        # a level as what they do in the present tense, in a share or in money
        (
            "desired_behavior",
            "Answer the phone by the third ring. We do that 64% of the time and the target is 90%.",
            {"baseline": 64, "target": 90},
        ),
        (
            "business_goal",
            "Fewer missed collections. We miss about 12% of collection slots.",
            {"baseline": 12},
        ),
        (
            "requested_solution",
            "Upselling training. They're averaging £18 a transaction right now.",
            {"baseline": 18},
        ),
        # a level against the figure someone expects: that figure is the target
        (
            "business_goal",
            "Satisfaction is 3.9 against the 4.5 the commissioners want.",
            {"target": 4.5},
        ),
        (
            "metric",
            "Audit pass rate - we're at 81% against the required 90%.",
            {"baseline": 81, "target": 90},
        ),
        # a share "within" a time: the share is today's level
        ("business_goal", "Faster repairs. 55% are fixed within 3 days now.", {"baseline": 55}),
        (
            "business_goal",
            "Meet the 2-day standard. 82% are answered within 2 days now; the standard is 90%.",
            {"baseline": 82, "target": 90},
        ),
        # the figure said with "now", not an earlier one in the same clause
        (
            "business_goal",
            "Late deliveries were 30 a week in spring and they're 48 now.",
            {"baseline": 48},
        ),
        (
            "cause_done_before",
            "They were better before the merger - we were at 90% then. We're at 72 now.",
            {"baseline": 72},
        ),
        (
            "business_goal",
            "Fewer falls. We're at 12 a month, down from 20 last year.",
            {"baseline": 12},
        ),
        # a duration stated as today's level in a yes/no answer; a level after a head count
        ("cause_done_before", "Yes, in 2022. It's 9 days now.", {"baseline": 9}),
        (
            "target",
            "Fix two things: it's 14 people, not 12, and we're at 60% now.",
            {"audience_size": 14, "baseline": 60},
        ),
        # a standard to meet is the target; a level corrected while answering anything
        (
            "desired_behavior",
            "Answer the phone within 3 rings. The standard is 90% and we miss it.",
            {"target": 90},
        ),
        (
            "cause_incentives",
            "Nobody cares either way. Correction though: we're at 11% errors, not 8%.",
            {"baseline": 11},
        ),
        # wants said as "would love", "should be", "cut ... to under", "sub-"
        (
            "metric",
            "First-time fix rate. It sits at 64 and we'd love 80.",
            {"baseline": 64, "target": 80},
        ),
        (
            "impact",
            "Serious. Our retention rate is 70% when it should be at least 85%.",
            {"baseline": 70, "target": 85},
        ),
        (
            "business_goal",
            "Reduce late medication rounds to under 5% within 6 months.",
            {"target": 5, "deadline": "2027-05-24"},
        ),
        ("target", "Sub-5% would be ideal. At the moment 9% are late.", {"baseline": 9}),
        # a correction: the new value wins, the old one is no baseline
        (
            "cause_skill",
            "Yes, they're trained. Also, I said the target was 80% - it should be 85%.",
            {"target": 85},
        ),
        (
            "confirm",
            "Mostly, but the crew is smaller than I said: forty rather than fifty.",
            {"audience_size": 40},
        ),
        ("cause_capacity", "No. Let me fix the headcount: it's 33, not 23.", {"audience_size": 33}),
        # the whole team stated outright, in words or as the audience
        (
            "cause_resources",
            "No, the printers jam. For what it's worth, there are forty-two pickers on days.",
            {"audience_size": 42},
        ),
        (
            "cause_done_before",
            "No, it's a new system. All 120 carers will need to learn it.",
            {"audience_size": 120},
        ),
        (
            "cause_information",
            "Yes, it's in the handbook. The audience is the whole branch, 30 people.",
            {"audience_size": 30},
        ),
        # a figure that has to be, or that an authority requires
        (
            "business_goal",
            "Cleaner audits. We're stuck at 70 and it has to be 85.",
            {"baseline": 70, "target": 85},
        ),
        (
            "impact",
            "Serious. First-fix is running at 64% and the contract requires 80%.",
            {"baseline": 64, "target": 80},
        ),
        (
            "desired_behavior",
            "Sign in every visitor. It must be 100% by the inspection.",
            {"target": 100},
        ),
        # a goal in words, and a want whose object runs to five words
        (
            "business_goal",
            "More volunteers; the goal is forty new sign-ups a month.",
            {"target": 40},
        ),
        ("business_goal", "Raise take-up of the flu jab to 75%.", {"target": 75}),
        # a metric named with "is at" or a hedge; in an answer about causes, a level stated
        # as such ("the error rate on returns is 11% right now") and a share wanted
        (
            "impact",
            "Patient safety. Compliance is at 74% and it has to be 95.",
            {"baseline": 74, "target": 95},
        ),
        ("impact", "It's minor. Error rate's about 1%, which is fine.", {"baseline": 1}),
        ("cause_skill", "No. The error rate on returns is 11% right now.", {"baseline": 11}),
        (
            "mandate",
            "Yes, company policy since 2018. We're at 61% compliance with it.",
            {"baseline": 61},
        ),
        ("cause_information", "Yes, the dashboard shows 67% right now.", {"baseline": 67}),
        (
            "cause_incentives",
            "They get a bonus on speed. Check compliance is 48% at the moment.",
            {"baseline": 48},
        ),
        (
            "cause_incentives",
            "Nobody checks. We want 90% by March though.",
            {"target": 90, "deadline": "2027-03-31"},
        ),
        ("mandate", "Yes, CQC requires it, so we need 100% by then.", {"target": 100}),
        ("cause_frequency", "Once a year. We want 100% of appraisals done.", {"target": 100}),
        # a present perfect move names today's level; a wish to have moved names the target
        (
            "requested_solution",
            "IV refresher? Our first-stick rate has dropped to 64%.",
            {"baseline": 64},
        ),
        ("business_goal", "The backlog's gone up to 420 files.", {"baseline": 420}),
        (
            "business_goal",
            "We need it to have dropped to 5% by June 2027.",
            {"target": 5, "deadline": "2027-06-30"},
        ),
    ],
)
def test_facts_said_in_passing(asked: str, text: str, expected: dict[str, object]) -> None:
    assert (
        _facts(text, asked) == pytest.approx(expected)
        if all(isinstance(v, int | float) for v in expected.values())
        else _facts(text, asked) == expected
    )


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("impact", "Someone will get hurt: we had three near misses last month."),
        ("impact", "Each reprint costs £35 and we do about 200 a month."),
        ("metric", "Readmissions within 28 days, from the ward report."),
        ("cause_skill", "Yes - they picked it up in three weeks flat."),
        ("cause_skill", "No. The inspection is on 12 May 2027 and the report comes out in June."),
        ("existing_resources", "Nothing. It went live on 3 March 2026, which is when it started."),
        ("requested_solution", "We need 20 people trained on the new till."),
        ("requested_solution", "Need 5-axis programming training for our machinists."),
        ("business_goal", "We need 24-hour cover on the help desk."),
        ("business_goal", "The goal is to cut waste across our 6 kitchens."),
        ("cause_resources", "No, six of them share one scanner."),
        ("cause_resources", "No, only 40% of them have a scanner right now."),
        ("cause_resources", "No - it's 2 printers for the whole floor at the moment."),
        ("existing_resources", "Nothing formal; we had 9 complaints last quarter, hence the ask."),
        ("target", "Currently each redelivery costs £4 and we want fewer than 2% failed."),
        ("impact", "Big. The vans should be 3 years old at most and ours are older."),
        ("business_goal", "Cut travel costs across the 4 regions to the bone."),
        ("metric", "Waiting time. I'd love to know the figure."),
        ("business_goal", "Meet the 4-hour A&E standard for more patients."),
        ("cause_incentives", "Nobody checks. It's 2 managers for 9 sites at the moment."),
        ("desired_behavior", "Tidy the bays. The forklifts must be 5 years old at most."),
        ("impact", "Big. The client says 3 more misses and we're out."),
        ("business_goal", "The goal is one thing: fewer falls."),
        ("cause_done_before", "Yes - it was a 5 days course back then."),
        # in an answer about causes a need for things, a price or a count is not a want or level
        ("cause_resources", "No, we need 3 more vans."),
        ("cause_incentives", "They get a bonus of 10% on top, and nobody checks."),
        ("cause_frequency", "Weekly. It's 40 orders a day at the moment."),
        ("cause_information", "Yes, the handbook says 3 steps and they know them."),
        ("cause_skill", "No, the failure rate was 30% back in 2019."),
    ],
)
def test_incidental_numbers_are_not_facts(asked: str, text: str) -> None:
    found = _facts(text, asked)
    assert not {"baseline", "target", "deadline"} & set(found), found


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        # weeks from today for something to be ready
        ("cause_information", "No. The MD wants to see results in six weeks.", "2027-01-05"),
        (
            "requested_solution",
            "A de-escalation workshop, ready within 8 weeks please.",
            "2027-01-19",
        ),
        # an event named as the deadline, then dated
        (
            "audience",
            "The ward clerks. They need it before the new rota, which starts on 1 March 2027.",
            "2027-03-01",
        ),
        (
            "requested_solution",
            "First aid for the drivers before the insurer visits in June 2027.",
            "2027-06-30",
        ),
        # a date things were moved to
        ("target", "90%. And the launch has been moved to May 2027.", "2027-05-31"),
        # a coming occasion or period, then dated
        ("target", "Full marks at the next inspection, which is on 9 June.", "2027-06-09"),
        ("sponsor", "The head. She wants 96% this school year, which ends in July.", "2027-07-31"),
        # a date named as the target date, or pointed back at as the line in the sand
        ("audience_size", "Twelve. Target date is the end of Q2 next year.", "2027-06-30"),
        (
            "impact",
            "Our contract renews on 1 April 2027, so that's the line in the sand.",
            "2027-04-01",
        ),
        # a season placed by its month
        (
            "baseline",
            "About 40 a week, and we want half that by the spring audit in March.",
            "2027-03-31",
        ),
        # an event that the date places, or the date named as such after it
        (
            "metric",
            "Pass rate. We need 90% by the time the inspection window closes on 30 April 2027.",
            "2027-04-30",
        ),
        ("sponsor", "Priya Shah, the COO. She's set 31 March 2027 as the date.", "2027-03-31"),
        ("baseline", "We're at 72%; the owners want 85% by next summer.", "2027-08-31"),
        # a time from today said as when it should be done
        (
            "requested_solution",
            "Manual handling refresher for the porters, in three weeks ideally.",
            "2026-12-15",
        ),
        ("requested_solution", "A first-aid course, within a month at the latest.", "2026-12-24"),
        ("audience_size", "About 200. Need them all through it in 6 weeks.", "2027-01-05"),
        # "inside" a period counts from today like "within"
        ("baseline", "eNPS is -4. The CEO wants +10 inside a year.", "2027-11-24"),
        # "until" as the time left, not as when something began
        ("sponsor", "Dana Reyes. We have until June 2027 before the audit.", "2027-06-30"),
    ],
)
def test_deadlines_said_in_passing(asked: str, text: str, expected: str) -> None:
    assert _facts(text, asked).get("deadline") == expected


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("metric", "Complaints answered within 3 weeks, from the CRM."),
        ("business_goal", "We want claims settled in 4 weeks."),
        ("impact", "Before the merger our team handled it in March and April."),
        ("existing_resources", "We moved to the new site in 2025; nothing since."),
        ("impact", "We failed the next audit, which is on 3 March."),
        ("existing_resources", "A guide on the school year, which ends in July."),
        # history placed by an event, a date as something else, a season with no year
        ("impact", "By the time the auditors came back on 3 March 2026 it was fixed."),
        ("sponsor", "Priya, who joined on 3 March 2027 as the new COO."),
        ("baseline", "We sit at 72% occupancy. The owners want 85% by the summer."),
        ("requested_solution", "Refresher training before the winter."),
        ("impact", "Big. Complaints doubled inside a year."),
        # how fast things are done, or were got through
        ("business_goal", "Refunds processed in 3 weeks ideally."),
        ("audience_size", "About 200. They get through it in 6 weeks on average."),
        # when something began, after a past or negated verb and "until"
        ("cause_done_before", "No, the role didn't even exist until this spring."),
        ("cause_done_before", "Never had a problem with it until this year."),
        # a year of someone's programme
        ("cause_capacity", "Most of them are part-qualified by the end of year two."),
    ],
)
def test_durations_and_history_are_no_deadline(asked: str, text: str) -> None:
    assert "deadline" not in _facts(text, asked)


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        (
            "business_goal",
            "Fewer errors. Compliance is 81% today and we want 95%.",
            {"baseline": 81, "target": 95},
        ),
        ("cause_resources", "No, we need 3 more vans.", {}),
    ],
)
def test_today_is_not_a_deadline_and_a_need_is_not_a_target(
    asked: str, text: str, expected: dict[str, object]
) -> None:
    assert _facts(text, asked) == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        # a share as the subject of what people do, in the present tense
        ("business_goal", "Fewer dropouts: only 55% finish the apprenticeship.", 55),
        (
            "requested_solution",
            "Phone skills. About 30% of new callers get cut off.",
            30,
        ),
        ("business_goal", "Keep our drivers. We lose about a quarter of them each year.", 25),
        # a level named as the current or average one
        ("existing_resources", "Just the manual. The current first-time fix rate is 71%.", 71),
        ("desired_behavior", "Answer within the hour. Average response time is 5 hours.", 5),
        ("cause_skill", "Yes. The current error rate is 4%, not 6%.", 4),
        # today's figure after 'now'
        ("cause_done_before", "Yes, they used to get 95%. Now it's 81.", 81),
        # the latest measurement, where a metric is talked about
        ("metric", "The food hygiene rating. The last inspection gave us 3 out of 5.", 3),
        ("metric", "Audit scores; the last one was 71 out of 100.", 71),
        ("requested_solution", "Coaching. In our latest pulse survey wellbeing scored 48%.", 48),
        ("target", "None missed. There were 9 last term.", 9),
        ("metric", "Falls tagged in the log. Last month there were 31 of those.", 31),
        # in an impact answer a level is still a level
        ("impact", "Huge - only 40% pass first time, so we pay for resits.", 40),
        ("impact", "We're running at 62% on time, and it costs us.", 62),
        # a level said before and corrected
        ("metric", "Falls per month. I said it was 12 before; it's actually 15.", 15),
        ("metric", "Falls per month. I'd said it was 12 before; it's actually 15.", 15),
        # a level said as where they are on
        ("business_goal", "More renewals: £3m by March. We're on about £1.9m.", 1_900_000),
        # where they are, said of the people; a cue said after its figure
        ("cause_information", "No, nobody shares the figures. They're at about 72.", 72),
        ("audience_size", "25. They're at 64% on the checklist right now.", 64),
        ("desired_behavior", "Log it the same day. Only 40% get logged same day currently.", 40),
        # a share of things that have or undergo something, in the present tense
        (
            "requested_solution",
            "Scanner refresher. Only 58% of parcels are scanned at the door.",
            58,
        ),
        ("metric", "Photo on delivery. 25% of drops have no photo at all.", 25),
        # in an answer about causes, a percentage doing something now is a level
        ("cause_resources", "Yes, they have the kit. Still only 35% of calls get logged.", 35),
        ("cause_incentives", "They're paid per job. 20% of jobs have no sign-off sheet.", 20),
        # what usually holds
        ("cause_skill", "Yes, they can. In practice it's 65%.", 65),
        ("cause_done_before", "No. Normally we're at 85%.", 85),
        # where a change that happened has taken it
        ("cause_done_before", "Yes. It was 5 days in 2023; it's crept up to 12 days now.", 12),
        ("cause_skill", "Yes, they could. Sadly it's dropped to 60% now.", 60),
        # the last occasion it was measured, where a metric is talked about
        ("metric", "The pulse survey. 48% agreed last time; we want 60%.", 48),
        # the whole figure that "now" follows
        ("metric", "Audit score. Sites average 64 out of 100 right now.", 64),
    ],
)
def test_a_level_said_as_what_they_do_or_as_the_current_one(
    asked: str, text: str, expected: float
) -> None:
    assert _facts(text, asked).get("baseline") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("metric", "We need 95% of calls answered in a minute."),
        ("business_goal", "We lost 30% of new starters in 2023."),
        ("business_goal", "We pay £4 a drop at the moment."),
        ("business_goal", "We'd want 80% of staff on board."),
        ("desired_behavior", "They should check 100% of pallets."),
        ("requested_solution", "We're spending £40 a head on agency cover."),
        ("desired_behavior", "Be on time. The national average is 88% and we're well short."),
        ("business_goal", "We need 90% of learners to pass first time."),
        ("business_goal", "Only 40% will pass unless something changes."),
        ("impact", "Big. We do about 30% of the work twice."),
        ("impact", "Painful: we lose about a third of new starters, at £3k each."),
        ("metric", "Audit scores. At the moment our homes range from 55 to 90."),
        ("deadline", "The last one took 6 weeks, so end of March."),
        ("metric", "I said it was 12 people before; it's actually 15 people."),
        # a share that left, was done, or is part of the team, is not a level said now
        ("requested_solution", "Retention coaching. 40% of the new starters have left."),
        ("requested_solution", "Scan training. 30% of parcels were scanned late."),
        ("cause_resources", "Partly. Half of them have scanners."),
        ("cause_resources", "No. 30% of them get the old handsets."),
        # "they" outside an answer about causes may be someone else; a count of places
        ("target", "Same as the Manchester site, they're at 91%."),
        ("cause_information", "Partly. They're at 3 sites."),
        # a cue followed by more words is not said after a figure
        ("deadline", "18 months from now, it's a long haul."),
        # "last time" of a project, not of a share
        ("deadline", "It took us 3 years last time, but this has to be done by June 2027."),
    ],
)
def test_a_want_history_or_cost_is_not_what_they_do_today(asked: str, text: str) -> None:
    assert "baseline" not in _facts(text, asked)


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("desired_behavior", "We're at 40% against the 60% national average."),
        ("impact", "We're at 50% against the 70% we had in 2022."),
        ("business_goal", "We're up against the 3 big chains."),
    ],
)
def test_a_comparison_is_not_a_target(asked: str, text: str) -> None:
    assert "target" not in _facts(text, asked)


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("cause_resources", "No - two people share one login."),
        ("cause_done_before", "Yes, three people did it last year."),
        ("metric", "Repeat visits. It's 14 at the moment."),
        ("business_goal", "Fewer late vans; it's 30 a week."),
        ("target", "Zero. There were 9 last term."),
    ],
)
def test_a_subset_or_a_bare_figure_is_not_the_head_count(asked: str, text: str) -> None:
    assert "audience_size" not in _facts(text, asked)


def test_a_slot_named_at_the_summary_is_read_once() -> None:
    state = InterviewState(asking="confirm")
    text = "Close. The baseline's 12 and the target's 30 - the other way round."
    found = EmbeddedUnderstanding(encoder=None)._extras(text, "confirm", state, TODAY)
    assert [(f.slot, f.value.value) for f in found] == [("baseline", 12), ("target", 30)]


def test_a_team_size_corrected_at_the_summary_is_not_the_level() -> None:
    state = InterviewState(asking="confirm")
    text = "Nearly - we're 40, not 34, and the target is 90%."
    found = EmbeddedUnderstanding(encoder=None)._extras(text, "confirm", state, TODAY)
    assert {f.slot: f.value.value for f in found} == {"audience_size": 40, "target": 90}
    level = "Nearly - we're at 40, not 34."  # a level, not a team
    found = EmbeddedUnderstanding(encoder=None)._extras(level, "confirm", state, TODAY)
    assert "audience_size" not in {f.slot for f in found}


@pytest.mark.parametrize(
    ("text", "corrects"),
    [
        ("Actually it's 45 of them, not 30.", True),
        ("Sorry, I meant June.", True),
        ("I told you 40 before - it's 44.", True),
        ("Oh, and I'd said 30 receptionists, it's 38.", True),
        ("We had told you 40, it's 44.", True),
        ("I'd say 30 of them.", False),
        ("Scratch that, make it 12.", True),
        ("We have 45 of them.", False),
        ("Not one of them knows.", False),
    ],
)
def test_one_list_of_correction_markers(text: str, corrects: bool) -> None:
    """Facts are flagged, and "instead of" read, with the same markers."""
    assert is_correction(text) is corrects


@pytest.mark.parametrize(
    ("marker", "is_change"),
    [("", True), ("Scratch that: ", False), ("I told you wrong, ", False), ("Update: ", False)],
)
def test_a_goal_instead_of_a_figure_is_no_change_in_a_correction(
    marker: str, is_change: bool
) -> None:
    text = f"{marker}the goal is quotes out in 2 days instead of 5."
    assert (parse_change(text) is not None) is is_change


def test_corrections_are_flagged() -> None:
    findings = find_facts("I said 25 people earlier, but it's actually 28.", "deadline", TODAY)
    assert [(f.slot, f.value.value, f.correction) for f in findings] == [
        ("audience_size", 28, True)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By the end of the spring term, April 2027.", date(2027, 4, 30)),
        ("End of Q3 - so September 2027.", date(2027, 9, 30)),
        ("By March 2027, not June 2027.", date(2027, 3, 31)),
    ],
)
def test_a_precise_restatement_of_the_deadline_wins(text: str, expected: date) -> None:
    assert parse_deadline(text, TODAY) == expected


def test_a_cued_current_value_beats_a_number_in_the_metric_name() -> None:
    text = "Returns within 14 days are running at 9% and we want them under 5%."
    assert _facts(text, "business_goal") == {"baseline": 9, "target": 5}


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        # "the", "our", "all" with a count of people means all of them
        ("cause_resources", "No - the 14 porters have two radios between them.", 14),
        ("cause_skill", "Not really. Few of our 36 junior analysts have built a model.", 36),
        ("cause_information", "Partly - the 9 of them get a weekly email.", 9),
        ("mandate", "Yes. All 40 must have it done before the audit.", 40),
        ("target", "Five days. It's the whole finance team, twelve people.", 12),
        ("impact", "Modest. But it's our 70 cleaners who'd feel it.", 70),
        # a rate elsewhere in the sentence is not the head count's
        ("sponsor", "Our MD wants all 90 drivers trained and incidents down from 8 a week.", 90),
        # the head count named outright
        ("cause_frequency", "Weekly. Oh, and please change the headcount to 19.", 19),
        # the whole team said as such, summed up, or as the group that must change
        ("baseline", "Around 4 a day. Oh, the whole ward is 31 nurses.", 31),
        ("cause_skill", "Yes. And the team is 14 people, if that helps.", 14),
        ("cause_information", "Not at all. That's 60 staff working blind.", 60),
        ("mandate", "No. It affects all 22 of the late shift though.", 22),
        ("cause_resources", "No, the tills freeze. But 35 cashiers rely on them.", 35),
        ("cause_capacity", "Sure. There are 18 on the team right now.", 18),
        ("target", "Under 5%, and 140 porters need to get there.", 140),
        ("deadline", "End of March; the crew is 9 ppl.", 9),
        # a compound's last noun is what is counted
        ("metric", "Basket size. There are 45 sales assistants, by the way.", 45),
        # in an audience answer, a count standing alone or corrected is its size
        ("audience", "The dispatch team on nights. About thirty.", 30),
        ("audience", "Pharmacy technicians across the trust, roughly ninety.", 90),
        ("audience", "The paralegals. I said 20 earlier; it's actually 23.", 23),
        # the people named before their count, with numbers for other things in between
        (
            "audience",
            "Line operators on lines 3 and 4, since 2011. About 30 operators in total.",
            30,
        ),
        ("confirm", "Spot on except the number of staff, which is 120.", 120),
        # the count of people named as such, which is not today's level
        ("confirm", "Almost. The number of people is 210 now that Dundee is in, not 160.", 210),
        # the people named as those who must change, whatever the noun
        ("baseline", "Churn is 2.8% a month. The 14 CSMs are the ones who need to change", 14),
        ("requested_solution", "We've got about 140 staff, only 35 of them need this.", 35),
        # the people said as all there is
        (
            "cause_resources",
            "Yes, the budget is £15 a head, which is plenty. It's 48 cleaners.",
            48,
        ),
        ("impact", "Not much. Nobody will fund a fix. It's only 5 admins anyway.", 5),
        # the count as the subject of needing it, or named after the people who need it
        ("audience", "Porters. There are 900 staff on site but only the 60 porters need this.", 60),
        ("sponsor", "Our MD. We're 120 people, but only the 15 in payroll need it.", 15),
        ("existing_resources", "A binder. The people who need it are the 9 locums.", 9),
        ("metric", "Errors per batch. The ones who must change are our 25 packers.", 25),
        # a hedged count of people
        ("business_goal", "Fewer rejected welds. Forty-odd fabricators need to improve.", 40),
        # people who lead a shift, line or team, counted
        ("requested_solution", "Coaching. Sorry, correction: it's 16 shift leads, I said 12.", 16),
        ("requested_solution", "A yellow belt for the 14 shift leads.", 14),
        # in an audience answer, a count standing alone, but when it holds
        ("audience", "the trainee solicitors in the tax team, 11 at the moment", 11),
        ("audience", "Night-shift pickers. About 70 right now.", 70),
        # the whole team counted later wins over a group named first
        (
            "existing_resources",
            "A wiki, and our 4 super users help. We need the whole crew of 60 on it by June.",
            60,
        ),
        ("existing_resources", "A wiki, and our 4 super users help. The whole crew uses it.", 4),
        ("audience", "Our branch tellers, a couple of hundred across the network.", 200),
        ("audience", "field engineers. all 85.", 85),
        ("audience", "The agents on the collections desk, 120 give or take.", 120),
        ("audience", "claims handlers in motor. ~90. they need to hit 85% quality", 90),
        ("audience", "The night porters, 40 or so in total.", 40),
        ("audience", "The paralegals in conveyancing, 30 or so, and they are swamped.", 30),
    ],
)
def test_a_whole_team_counted_in_passing(asked: str, text: str, expected: float) -> None:
    assert _facts(text, asked).get("audience_size") == expected


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("cause_resources", "No - the 3 vans are off the road half the time."),
        ("existing_resources", "A short e-learning module that four people finished in 2023."),
        ("cause_done_before", "Yes, though we lost 5 people last spring."),
        ("requested_solution", "Induction for the new starters - we hire 6 people a month."),
        ("metric", "Cost per hire; recruiters want 20 a month."),
        ("confirm", "Yes, but the headcount is up 10% since we spoke."),
        # a count per line or site is not the whole team
        ("cause_incentives", "Nothing happens. There's a team of six on each of the 3 shifts."),
        # a part, a thing, or a figure struck out is not the audience's size
        ("cause_resources", "No. And 3 people left last month, which didn't help."),
        ("audience", "Care assistants. Last year we had 12 of them on nights."),
        ("cause_skill", "No. That's 3 sites with no trainer."),
        ("mandate", "Yes. All 4 of the vans need an MOT."),
        ("audience", "Warehouse pickers at 3 sites."),
        ("audience", "The call handlers. Sorry, correction on the baseline: it's 8%, not 12."),
        ("audience", "Drivers - the new ones since 2025."),
        # people named, but the numbers count lines, wards or floors
        ("audience", "Line operators on packaging lines 3 and 4."),
        ("requested_solution", "Training for the shift supervisors on wards 3 and 4."),
        ("audience", "Night managers across floors 2 to 5."),
        ("baseline", "Churn is 2.8% a month. The 3 sites that need to change are in Leeds."),
        ("requested_solution", "We have 3 sites and need trainers."),
        # "it's" with things, a rate, or people for something else
        ("cause_resources", "No, it's 3 scanners."),
        ("impact", "Big. It's 30 complaints a week."),
        ("impact", "Big, it's 5 people a month."),
        ("cause_resources", "No - it's 2 managers for 9 sites."),
        ("impact", "Big. It's 12 sites."),
        # needing it said by us, not by the people counted, or by places
        ("sponsor", "The COO. All 6 depots need this before peak."),
        ("audience", "Team leads. The deadline is what matters, 14 days at the moment."),
        ("audience", "The pickers, across 3 sites."),
        ("audience", "Store managers, all 12 stores."),
        ("audience", "The drivers. ~5% of them are agency."),
        ("audience", "The nurses on ward 7, since 2019 or so."),
        # a sequence, or a part added to a group whose size was not said
        ("desired_behavior", "Hold list price through the first two counter-offers."),
        (
            "existing_resources",
            "An e-course, and there are a couple of top reps who never discount.",
        ),
        ("audience", "Sales administration: the order processors plus the two pricing analysts."),
        ("audience", "The pickers, 3 sites, and the drivers."),
    ],
)
def test_a_part_a_story_or_a_rate_is_not_the_head_count(asked: str, text: str) -> None:
    assert "audience_size" not in _facts(text, asked)


@pytest.mark.parametrize(
    ("text", "target", "baseline"),
    [
        ("Halve the no-shows - there are about 120 a month.", 60, 120),
        ("Let's double the 15 referrals we get each quarter.", 30, 15),
        ("95%. Right now it's 88%.", 95, 88),
        # today said as where we are, after the goal
        ("An NPS of 40 would make me very happy. We're on 22.", 40, 22),
        ("4.5 stars would be great; we're at 3.9.", 4.5, 3.9),
        ("under 5% would be great. we're at 11 now", 5, 11),
    ],
)
def test_a_target_said_as_a_multiple_also_gives_today(
    text: str, target: float, baseline: float
) -> None:
    understanding = EmbeddedUnderstanding(encoder=None)
    found = understanding._read_number("target", text)
    assert found is not None and found.value.value == target
    extras = understanding._extras(text, "target", InterviewState(asking="target"), TODAY)
    assert [f.value.value for f in extras if f.slot == "baseline"][:1] == [baseline]


@pytest.mark.parametrize(
    ("text", "names_today"),
    [
        ("An NPS of 40 would make me very happy. We're on 22.", True),
        ("4.5 stars would be great; we're at 3.9.", True),
        # a count of places is not where we are
        ("We want 95%. We're on 3 sites across the north.", False),
        ("An NPS of 40 would be great. We're at 2 offices.", False),
        ("Under 5% would be great. We're at 11 now.", True),
        ("We want 95%. We're at 3 sites now.", False),
    ],
)
def test_where_we_are_names_today_beside_the_target(text: str, names_today: bool) -> None:
    assert _names_both(text) is names_today


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the figure the reply opens with, standing alone, answers the question
        ("90, and the team's bigger than I said: 40 people, not 30.", 90),
        ("About 70%; oh, and we need to book two rooms.", 70),
        ("£2,500, give or take.", 2500),
        ("Let's say 90%. Sorry, the current level I gave you was off - it's 70, not 75.", 90),
        ("Call it 12.", 12),
        ("honestly like 80 percent? oh wait, i told you 15 supervisors earlier, it's 18", 80),
        ("Ideally, 95%. We're at 80 now.", 95),
        # not when a word follows it, nor a decimal point
        ("80 today. We want 95.", 95),
        ("3.5 days", 3.5),
        # a figure and the measure's name, with no verb, open the reply: the goal
        ("98.5% pick accuracy. We're at 96 right now. We do 40k picks a day.", 98.5),
        ("A 4.5 average on Tripadvisor. Our hotels are all around 4.1 at the moment.", 4.5),
        # not a count of things, nor a sentence with a verb
        ("3 depots in the north. We sit at 88% today, want 95%.", 95),
        ("12 branches across the region. 4.5 stars would be great.", 4.5),
        ("4 sites are behind. We want 95%.", 95),
        ("Honestly, like 80 today. We want 95.", 95),
        # the hedges are numbers.OPENING, the one list every opening-figure rule reads
        ("Um, 90%, and the team is 40 now.", 90),
        ("Let's say 4.5 stars on Google. We're at 3.8 overall.", 4.5),
    ],
)
def test_a_leading_figure_answers_the_target(text: str, target: float) -> None:
    found = EmbeddedUnderstanding(encoder=None)._read_number("target", text)
    assert found is not None and found.value.value == target


@pytest.mark.parametrize(
    ("asked", "text", "target"),
    [
        # a target said after its figure, which opens the clause
        ("metric", "Near-miss reports, about 37 a month; 60 a month is the aim.", 60),
        ("baseline", "About 3.9 on reviews. 4.5 would be the dream", 4.5),
        ("business_goal", "Better audits. We score 71% now, 90% would be great.", 90),
        ("requested_solution", "Coaching for the leads - 4.2 is our target.", 4.2),
        # not a thing counted, a price, a year, or history
        ("business_goal", "Fewer lost bags. 3 sites would be ideal.", None),
        ("metric", "Spend per head. £15 a head would be great.", None),
        ("business_goal", "Retention. 2028 is the goal.", None),
        ("metric", "Reviews. 4.5 was the target last year and we missed it.", None),
    ],
)
def test_a_target_said_after_its_figure(asked: str, text: str, target: float | None) -> None:
    assert _facts(text, asked).get("target") == (None if target is None else pytest.approx(target))


@pytest.mark.parametrize(
    ("asked", "text", "baseline"),
    [
        # today's level as where the change starts
        ("target", "Under 2 days turnaround, from the current 6.", 6),
        ("target", "5%, down from our current 14%.", 14),
        ("business_goal", "Faster payments: 30 days, from the current 45 days.", 45),
        # not a count of things, a year, or anything named after the figure
        ("target", "Expand from the current 3 sites to 5.", None),
        ("target", "From the current 2019 contract, 4 days.", None),
        ("business_goal", "Move from the current 3 sites.", None),
    ],
)
def test_today_said_as_where_the_change_starts(
    asked: str, text: str, baseline: float | None
) -> None:
    assert _facts(text, asked).get("baseline") == baseline


@pytest.mark.parametrize(
    ("asked", "text", "baseline"),
    [
        # the metric's things counted as what we get in a period
        ("business_goal", "Fewer complaints about discharge, we get about 42 a quarter.", 42),
        ("requested_solution", "Falls training; we see 30 a week.", 30),
        ("business_goal", "Fewer missed bins. We're getting about 900 reported a month.", 900),
        ("business_goal", "Fewer late jobs. We are seeing 40 escalated a week.", 40),
        # not people, a price, history, or the cost in an impact answer
        ("business_goal", "Better induction; we get 5 new starters a month.", None),
        ("requested_solution", "Upselling. We get £40 a head.", None),
        ("business_goal", "Fewer complaints; we got 14 a month back in 2019.", None),
        ("impact", "Big, we get about 40 a week and each costs £50.", None),
        ("business_goal", "Better induction; we're getting 5 new starters a month.", None),
        ("business_goal", "Fewer complaints; we were getting 14 reported a month in 2019.", None),
    ],
)
def test_what_we_get_in_a_period_is_todays_level(
    asked: str, text: str, baseline: float | None
) -> None:
    assert _facts(text, asked).get("baseline") == baseline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # beside the head count asked, a level or share stated as such
        ("About 80 call handlers. They need to hit 90% on QA by March.", {"target": 90}),
        ("200-ish pickers. Accuracy's 96.5% at the moment.", {"baseline": 96.5}),
        # not people to train, things needed, a rate of things, or a part of the team
        ("40 people, and we need 20 trained first.", {}),
        ("About 60; we need 3 more trainers.", {}),
        ("30 drivers, it's 4 vans a day right now.", {}),
        ("45 nurses, 12 of them at the moment on nights.", {}),
    ],
)
def test_a_level_or_share_beside_the_head_count(text: str, expected: dict[str, float]) -> None:
    found = _facts(text, "audience_size")
    assert {k: v for k, v in found.items() if k in ("baseline", "target")} == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        # the people named before the level wanted of them
        ("mandate", "No, it's good practice. We want the 30 reps at 80% by year end.", 80),
        ("cause_incentives", "Nobody checks. We need all 40 drivers at 95%.", 95),
        ("requested_solution", "Coaching. We want the 12 agents at 4.5 stars.", 4.5),
        # not things, or people wanted somewhere
        ("mandate", "No. We need the 3 vans at the depot.", None),
        ("requested_solution", "We need the 20 new starters at the Leeds site trained.", None),
    ],
)
def test_a_level_wanted_of_the_people_named(asked: str, text: str, expected: float | None) -> None:
    assert _facts(text, asked).get("target") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a want said in words, then summed up as a share or zero
        ("What I want is every client file compliant, so 100%, by September.", 100),
        ("I'd like nobody waiting, so zero.", 0),
        # not a relative change, a count of things, or a year
        ("We want to grow, so 20% more sales.", None),
        ("We want more staff trained, so 3 more sessions.", None),
        ("We want the new system, so 2027.", None),
    ],
)
def test_a_want_summed_up_as_a_share(text: str, expected: float | None) -> None:
    assert _facts(text, "business_goal").get("target") == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        # what matters, said as the target; zero is a target even where a need for things is not
        ("audience_size", "Just the 6 site managers, but what matters is zero reportables.", 0),
        ("business_goal", "What matters most is 95% on time.", 95),
        ("cause_resources", "Yes. We want zero incidents.", 0),
        # not things that matter, nor none of something
        ("audience_size", "About 40. What matters is 3 more trainers.", None),
        ("business_goal", "What matters is the 3 sites in the north.", None),
        ("cause_resources", "No, we need zero of the old kit.", None),
    ],
)
def test_what_matters_and_zero_are_targets(asked: str, text: str, expected: float | None) -> None:
    assert _facts(text, asked).get("target") == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        # in an answer about causes, today's figure beside a target must be cued as a level
        (
            "cause_capacity",
            "Mostly. Three might struggle. Target's 85% proficiency.",
            {"target": 85},
        ),
        ("cause_skill", "Partly. Eighty. We want 95%.", {"target": 95}),
        (
            "cause_incentives",
            "Nothing happens. 61% compliance and we need 90.",
            {"baseline": 61, "target": 90},
        ),
        (
            "cause_information",
            "Yes. The screen says 2.1% damage rate vs the 1% goal.",
            {"baseline": 2.1, "target": 1},
        ),
        # elsewhere an uncued figure before the target may be today's
        (
            "business_goal",
            "Fewer late jobs. Eighty a week. We want 20.",
            {"baseline": 80, "target": 20},
        ),
    ],
)
def test_a_level_beside_a_target_in_an_answer_about_causes(
    asked: str, text: str, expected: dict[str, float]
) -> None:
    found = _facts(text, asked)
    assert {k: v for k, v in found.items() if k in ("baseline", "target")} == expected


@pytest.mark.parametrize(
    ("slot", "text", "expected"),
    [
        # the figure that opens the words after the slot's name (numbers.figure_first)
        ("target", "The goal is zero late journals, down from 25.", 0),
        ("target", "The target's now about 85%, we were at 70.", 85),
        ("baseline", "The baseline is like 40 a week, give or take 10.", 40),
        # a figure reported after the name, then replaced: not the reported one
        ("target", "The target I gave, 80%, should be 85%.", 85),
        ("target", "I said the target was 95% - it should be 97%.", 97),
    ],
)
def test_named_value(slot: str, text: str, expected: float) -> None:
    found = named_value(text, slot, TODAY)
    assert found is not None and getattr(found, "value", None) == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        # the goal named with a relative clause or a bound before its figure
        ("metric", "Hours per job. The goal everyone quotes is under 3 hours a job.", 3),
        ("existing_resources", "A dashboard. The aim the board set is 92%.", 92),
        # the figure reported after the slot's name is the one replaced
        ("deadline", "June 2027 - and the target I gave, 70%, should be 75%.", 75),
        # a commitment to a share is the target
        ("sponsor", "Ana, the COO. She's promised the board we'll be at 97% by June.", 97),
        # not a goal's figure: a noun after "standard", a count of places, "it'll" forecast
        ("existing_resources", "The standard form is 3 pages long.", None),
        ("sponsor", "The MD. She says we'll be at 4 sites by June.", None),
        ("metric", "Error rate. No idea what it is today, but the goal is 2%.", 2),
    ],
)
def test_a_goal_named_or_promised(asked: str, text: str, expected: float | None) -> None:
    found = _facts(text, asked)
    assert found.get("target") == expected
    assert "baseline" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a goal of every one of them reaching a level
        ("The goal is every ward scoring 95% or above at the next audit.", 95),
        ("Our aim is all depots hitting 98%.", 98),
        # a goal with no level, or a count of places
        ("The goal is every site in 3 regions.", None),
        ("The goal is fewer errors.", None),
        ("We want them on 3 sites.", None),
    ],
)
def test_a_goal_of_every_one_reaching_a_level(text: str, expected: float | None) -> None:
    assert _facts(text, "business_goal").get("target") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Escalate it the same day, using the form. It's a statutory duty btw.", "yes"),
        ("we need 100% certified, its a legal thing, the HSE would shut us down", "yes"),
        ("By 1 April 2027, when the new FCA rules make it compulsory.", "yes"),
        ("Fire procedure is a legal requirement so it's not optional.", "yes"),
        ("Keeping records this way is a condition of our NHS contract.", "yes"),
        ("We want it by March, the insurer is making it a condition of cover.", "yes"),
        ("I only raised it because company policy says we must print double sided.", "yes"),
        ("About 1,100 staff. It's company policy that everyone does it.", "yes"),
        ("The Chief Risk Officer, because the regulator has ordered it.", "yes"),
        ("e-learning on GDPR because it's legally required", "yes"),
        ("no, and its in the contract with the airline that they must, so", "yes"),
        ("the client has written it into the SLA as a requirement", "yes"),
        ("Not by law, but the framework contract with the council requires it.", "yes"),
        ("They rush the verification step. It's a GLP requirement, we can't skip it.", "yes"),
        ("Once a year, at the fire drill. It's required under the fire regs anyway.", "yes"),
        ("Ward sisters. It's a Trust policy requirement that they do this.", "yes"),
        ("Do the lockout before they touch the press. It's an OSHA requirement.", "yes"),
        ("Never. It's a new requirement from the regulator as of January.", "yes"),
        ("Yes. And it's required by our franchise agreement.", "yes"),
        ("The certification is in a couple of our client contracts so it's not optional.", "yes"),
        ("Daily checks are in all of our haulage contracts.", "yes"),
        ("It's not an FCA requirement, the partners just want it.", "no"),
        # clearly denied
        ("No, it's not a legal requirement, just best practice.", "no"),
        ("There's no legal requirement to do it.", "no"),
        # a regulator named, best practice, a hedge, a part, a belief or a target: nothing
        ("The FCA came in last year and shook everything up.", None),
        ("It's best practice, everyone in the sector does it.", None),
        ("Not sure if it's a legal requirement, I'd have to ask.", None),
        ("Is it a legal requirement?", None),
        ("81% on mandatory training completion.", None),
        ("Each already does around 3 hours of mandatory learning a year.", None),
        ("The target's in the contract: 75%.", None),
        ("First-fix is running at 64% and the contract requires 80%.", None),
        ("The fire safety bit is a legal requirement, the rest is our own preference.", None),
        ("Everyone assumes it's a legal thing, but I checked and it isn't.", None),
        ("There's a 40-page policy and a video, both from 2018.", None),
        ("The policy still points to a system we switched off.", None),
        ("The job requires a lot of patience.", None),
        ("It's a CEO requirement, she wants it done.", None),
        ("The penalty is in the contract: £500 a miss.", None),
        ("The target is in the contract, 95%.", None),
        ("It's a business requirement more than anything.", None),
        ("It's a KPI requirement for the team leaders.", None),
        ("Not sure if it's an FCA requirement or just our preference.", None),
        ("The new requirement from the CEO is 95%.", None),
        ("Fluency is required by the role.", None),
    ],
)
def test_a_mandate_said_in_passing(text: str, expected: str | None) -> None:
    assert mandate_in_passing(text) == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        ("deadline", "By 1 April 2027, when the new FCA rules make it compulsory.", "yes"),
        ("audience", "the kitchen porters. they do the chemical dilution every day", None),
        ("mandate", "Yes, it's a legal requirement.", None),  # the asked slot's own reading
    ],
)
def test_mandate_in_passing_never_answers_the_mandate_question(
    asked: str, text: str, expected: str | None
) -> None:
    assert _facts(text, asked).get("mandate") == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        ("audience", "the kitchen porters. they do the chemical dilution every day", "daily"),
        ("cause_skill", "Yes, definitely. They do it every Friday afternoon.", "weekly"),
        (
            "existing_resources",
            "A couple of SOPs. It's a monthly task so people forget.",
            "monthly",
        ),
        ("cause_resources", "No. And they're scanning every pallet, every day.", "daily"),
        ("metric", "Shrink, in the stock-loss report that finance run every 4 weeks.", None),
        ("mandate", "Yes. Complaints about it are running at about 25 a month.", None),
        ("impact", "We pay £150 each time, and that happens maybe 40 times a month.", None),
        ("cause_frequency", "weekly, every monday at 8am", None),  # asked: not in passing
    ],
)
def test_how_often_the_task_is_done_said_in_passing(
    asked: str, text: str, expected: str | None
) -> None:
    assert _facts(text, asked).get("cause_frequency") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Partly. Whole team is 48.", 48),
        ("Team is 26.", 26),
        ("For the record the total is 60 porters.", 60),
        ("btw its a 25-person team", 25),
        ("No time. It's 140 nurses across the medical wards.", 140),
        ("Sorry, I said 90 earlier, the audience is actually 110 once you add agency staff.", 110),
        ("Sorry, I told you 120 nurses before, it's 145 once you count the bank staff.", 145),
        ("earlier I said the team was 25, it's 32 now after the reorg.", 32),
        ("end of jan. oh and I said 30 people before, its 45 actually", 45),
        ("we're at 62% compliance. oh and i said 300 staff before, it's closer to 400", 400),
        ("End of January. Oops, and I said 120 drivers earlier, meant 210.", 210),
        # not the team's size
        ("I said 30 days before, its 45 actually", None),
        ("I said 120 drivers earlier, meant 21%.", None),
        ("I said 3 weeks before, it's closer to 5.", None),
        ("the team is 3 weeks behind", None),
        ("the team is 80% there", None),
        ("the total is 60 minutes a day", None),
        ("It's 40 calls in the queue at any time.", None),
        ("I said 40% earlier, it's actually 45%.", None),
        ("I said 2 weeks, it's 3.", None),
    ],
)
def test_the_team_size_said_as_such(text: str, expected: float | None) -> None:
    size = team_size_said(text)
    assert (size.value if size else None) == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        ("cause_frequency", "Every shift. There's about 50 porters across both hospitals.", 50),
        ("mandate", "yes, HIPAA. and there's 300 front desk staff across the clinics", 300),
        (
            "cause_information",
            "not really. and there's 70 of them so the managers can't keep up",
            70,
        ),
        ("cause_capacity", "yes totally, they're bright. and there's only 12 of them", 12),
        ("cause_capacity", "Yes. They just need it spelled out. We're talking 26 analysts.", 26),
        ("mandate", "No, purely commercial. The front desk team of 14 just need to offer it.", 14),
        ("mandate", "Yes. Every member of the team, 60 including cleaners, needs it.", 60),
        ("mandate", "Yes, statutory. Everyone, 40 including agency staff, needs it.", 40),
        # "N of them" as an aside of its own
        ("cause_skill", "Yes. Our lab techs are very capable, 11 of them, all graduates.", 11),
        ("cause_capacity", "Yes, they're bright people. 32 of them, mostly graduates.", 32),
        # the team counted by its members
        ("cause_information", "They know, yes. We are 62 agents and all of them know it.", 62),
        ("cause_done_before", "Some of them. The newer half haven't. We're 30 advisers.", 30),
        # a team of N; all N of a group named in three words
        ("cause_skill", "Some of them, yes. It's about a 50/50 split in a team of 24.", 24),
        (
            "cause_done_before",
            "Never. We'll need all 200 of the contact centre staff doing it.",
            200,
        ),
        # not the team: things, places, a part of it, a team of other things
        ("cause_resources", "No. There's 3 scanners for the whole floor.", None),
        ("cause_resources", "No. There's only 2 of them that work.", None),
        ("cause_resources", "No. 6 of them share one login.", None),
        ("cause_skill", "Partly, only 6 of them.", None),
        ("cause_capacity", "Yes. We're 3 sites, though.", None),
        ("cause_information", "Yes. We're at 62 on the board.", None),
        ("cause_skill", "Partly. It's a team of 4 sites.", None),
        ("cause_resources", "No. We're chasing 40 sales leads a week by hand.", None),
        ("mandate", "Yes. All 14 of our sites follow the same checklist.", None),
        ("cause_capacity", "Yes. We're talking 26 sites, though.", None),
        ("mandate", "No. Our team of 4 sites is too small for a regulator to care.", None),
        ("cause_resources", "Partly, there's a list of 40 steps.", None),
        ("mandate", "Yes. Everyone, 3 sites including the depot, by March.", None),
    ],
)
def test_a_head_count_stated_in_an_answer_about_causes(
    asked: str, text: str, expected: float | None
) -> None:
    assert _facts(text, asked).get("audience_size") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doing it right means staying late. Completion's about 40% at the moment.", 40),
        ("Monthly. Error rate is 18% on those month-end reconciliations.", 18),
        ("Yes, it's a CQC requirement. Currently 68% of staff are up to date.", 68),
        ("No. Complaints about it are running at about 25 a month.", 25),
        ("Twelve paralegals. The current error rate is about 1 in 8, so 12.5%.", 12.5),
        # a story or a part, in an answer about causes: no level
        ("Two of them have scanners at the moment.", None),
        ("About 40% of them have never seen the form.", None),
    ],
)
def test_a_level_stated_as_such_in_an_answer_about_causes(
    text: str, expected: float | None
) -> None:
    level = current_value(text, rates=True, stated=True)
    assert (level.value if level else None) == expected


def test_an_earlier_target_given_with_of_is_replaced() -> None:
    text = "I'd say by the end of February. And the target I gave you of 90%, make that 92%."
    assert _facts(text, "deadline")["target"] == 92


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maybe £200 a year in paper. Company policy says we must print double sided.", {}),
        ("Nobody wants to double-check the orders, 40 a day go out wrong.", {}),
    ],
)
def test_a_double_sided_thing_is_no_multiple(text: str, expected: dict[str, object]) -> None:
    assert {k: v for k, v in _facts(text, "impact").items() if k in ("baseline", "target")} == (
        expected
    )


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        (
            "deadline",
            "End of May 2027. At the moment they do these handovers three times a day.",
            None,
        ),
        ("deadline", "End of May 2027. At the moment we get three complaints a day.", 3),
    ],
)
def test_how_often_the_task_is_done_is_no_level(
    asked: str, text: str, expected: float | None
) -> None:
    assert _facts(text, asked).get("baseline") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They get blamed. We're aiming for 50 near-miss reports a month.", 50),
        ("They get blamed. We're hoping for 95% by June.", 95),
        ("They've no vans. We're aiming for 3 more vans.", None),
        ("They've no vans. We need 3 more vans.", None),
        ("Yes, it's in the contract. We're at 71% and the contract says 95.", 95),
        ("Yes. The policy requires 100% of checks signed off.", 100),
        ("Yes. The contract says 3 more vans by spring.", None),
        ("Yes. The contract requires 2 trainers on site.", None),
    ],
)
def test_an_aim_in_an_answer_about_causes(text: str, expected: float | None) -> None:
    assert _facts(text, "cause_incentives").get("target") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Around 30. Sorry, also the deadline, I said January, it's actually end of February.",
            "2027-02-28",
        ),
        ("Around 30. And the deadline is January.", "2027-01-31"),
        (
            "Around 30. Oh, and sorry, earlier I said the deadline was December; it's actually "
            "the end of March.",
            "2027-03-31",
        ),
        ("Around 30. I told you the deadline was March, it's actually end of April", "2027-04-30"),
        # not said before: the date named is the deadline
        ("Around 30. We said the deadline is March, and it still is.", "2027-03-31"),
        # a date settled on after another
        (
            "Around 30. Just need it before peak, which for us starts 1 november next year, "
            "so say end of september",
            "2027-09-30",
        ),
        ("Around 30. By 1 March, so January for the pilot.", "2027-03-01"),
        ("Around 30. As I said, the deadline is March.", "2027-03-31"),
    ],
)
def test_a_deadline_said_before_gives_way_to_the_new_one(text: str, expected: str) -> None:
    assert _facts(text, "audience_size")["deadline"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "From the ops dashboard. Ours is 78%, the network average is 84% and we'd be happy "
            "just matching that.",
            {"baseline": 78, "target": 84},
        ),
        ("Ours is 3 sites and a warehouse, all on the dashboard.", {}),
        ("The network average is 84%, and I'd be happy matching that.", {"target": 84}),
    ],
)
def test_ours_beside_another_figure_and_matching_it(text: str, expected: dict[str, float]) -> None:
    found = _facts(text, "metric")
    assert {k: v for k, v in found.items() if k in ("baseline", "target")} == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        ("cause_information", "Yes. Yet we're still sitting at 68% first-call resolution.", 68),
        ("cause_resources", "No. That's why we're stuck at 91% pick accuracy.", 91),
        (
            "cause_incentives",
            "A bonus on cases closed. Documentation quality is sitting around 54%.",
            54,
        ),
        ("cause_skill", "Yes. That's what's frustrating, the referral rate is still only 40%.", 40),
        ("cause_incentives", "Nothing much. Our wrong-cost-code rate is about 8% of invoices.", 8),
        ("cause_capacity", "No, it's a different job. Complaint escalations are at 9% now.", 9),
        ("cause_information", "Yes. They do it every shift, and about 5% still fail QA.", 5),
        ("cause_skill", "Yes. They run the checks, and right now about 30% of checks fail.", 30),
        ("cause_skill", "Yes, but at the moment 25% of audits find a gap.", 25),
        (
            "cause_incentives",
            "Commission on deals. File completeness is at 72% and it must be 100%.",
            72,
        ),
        ("cause_resources", "Partly. For the record, errors are at 12%.", 12),
        # not a level today: a subset, a part of a story, a figure that is no share
        ("cause_resources", "No. We're stuck at 3 scanners for the whole floor.", None),
        ("cause_skill", "No. About 40% of them are still sitting at level 1 of the course.", None),
        ("cause_resources", "No, only 40% of them have a scanner right now.", None),
        ("cause_resources", "No, and right now 40% of them share a scanner.", None),
        ("cause_done_before", "Yes, the referral rate was still only 40% back in 2022.", None),
        ("cause_information", "Yes. They're sitting around 5 hours a day on calls though.", None),
        ("cause_capacity", "Yes. Half the team is at 50% capacity though.", None),
        ("cause_resources", "No. The team is at 3 sites.", None),
    ],
)
def test_a_level_stated_in_an_answer_about_causes(
    asked: str, text: str, expected: float | None
) -> None:
    assert _facts(text, asked).get("baseline") == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        ("audience_size", "450 warehouse staff. They've never done it well, not even then.", "no"),
        ("cause_skill", "No. They've never touched the new ERP module.", "no"),
        ("cause_information", "yeah they know. and they used to nail it before the change", "yes"),
        ("requested_solution", "some kind of refresher. they've done it fine before", "yes"),
        ("cause_skill", "Yes. They did it perfectly during the 2024 inspection.", "yes"),
        # a hedge, a question, another thing never done, or the question itself
        ("requested_solution", "A refresher, though I'm not sure they've done it before.", None),
        ("audience", "The porters. Have they done it well before?", None),
        ("cause_resources", "No, they never used to have scanners.", None),
        ("audience", "The new starters, they've never worked here before.", None),
        ("cause_done_before", "No, they've never done it.", None),
    ],
)
def test_done_before_said_in_passing(asked: str, text: str, expected: str | None) -> None:
    assert _facts(text, asked).get("cause_done_before") == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        (
            "existing_resources",
            "Some experts. And a correction: the backlog is 420 applications now, not 380.",
            420,
        ),
        ("sponsor", "Our MD. Quick correction: this year staff turnover is 23%, not 19%.", 23),
        ("cause_done_before", "Yep. Correction: the backlog is 600 files now, not 400.", 600),
        ("confirm", "Almost right, but the current figure is 40, not 25.", 40),
        # the target, the deadline, the team or a price corrected: no level today
        ("cause_resources", "Yes. Oh - the target turnaround is 20 minutes, not 30.", None),
        ("sponsor", "The COO. And the team is 15 people, not 12.", None),
        ("sponsor", "The COO. The deadline is 30 June, not 31 May.", None),
        ("mandate", "Yes. And it's 45, not 30.", None),
        ("sponsor", "The COO. The budget is 5k, not 3k.", None),
    ],
)
def test_a_level_corrected_against_the_figure_said_before(
    asked: str, text: str, expected: float | None
) -> None:
    assert _facts(text, asked).get("baseline") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("If we could get the basket to $38 I'd be thrilled, it's hovering near $31.", 31),
        ("£50k a month would be great; we're sitting around £32k.", 32000),
        # a price or a cost said with today's cue is no level
        ("£50k a month would be great; currently £4 a drop.", None),
        ("£50k a month would be great. It costs £4 now.", None),
    ],
)
def test_a_level_in_money_said_as_where_we_are(text: str, expected: float | None) -> None:
    assert _facts(text, "target").get("baseline") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NPS from the survey. Sorry, I said 42 earlier, I'd misread it: our NPS is 31.", 31),
        ("CSAT from the post-call survey; CSAT is 78% at the moment.", 78),
        # a target, or someone else's score, is no level
        ("NPS from the survey. The NPS target is 40.", None),
        ("NPS from the survey. Ideally our NPS would be 50.", None),
    ],
)
def test_a_score_named_as_nps_or_csat_is_a_level(text: str, expected: float | None) -> None:
    assert _facts(text, "metric").get("baseline") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Late invoices per week, from the ledger. Usually around forty.", 40),
        ("Time to quote, from the CRM. Typically about 3 days.", 3),
        # not a count of places or people
        ("Late invoices per week, from the ledger. Usually around 3 sites are late.", None),
        ("Late invoices per week. Usually around forty of the team send them.", None),
    ],
)
def test_a_level_said_as_what_usually_holds(text: str, expected: float | None) -> None:
    assert _facts(text, "metric").get("baseline") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bookings from the CRM. We're at 81 and the COO's number is 90.", 90),
        ("Bookings from the CRM. The client's ask is 95%.", 95),
        ("Bookings. She promised the board we'd have returns below 20 a week.", 20),
        ("Bookings. We committed that we'll hit 95% by June.", 95),
        ("Bookings. She promised the board we'd have 3 more sites.", None),
        ("Sales per head. The board's figure is £40.", None),
        ("Sales per head. The COO's number is 07700 900123.", None),
        ("Sales per head. The COO's team is 12 people.", None),
    ],
)
def test_the_figure_of_whoever_sets_the_goal(text: str, expected: float | None) -> None:
    assert _facts(text, "metric").get("target") == expected


@pytest.mark.parametrize(
    ("asked", "text", "expected"),
    [
        (
            "existing_resources",
            "IT run phishing tests. The click rate on the last one was 14%.",
            14,
        ),
        ("sponsor", "The CFO. Our error rate last month was 6%.", 6),
        # no metric named: a story; the cost in an impact answer
        ("existing_resources", "A course. We had 9 complaints last quarter.", None),
        ("impact", "Big. The error rate last month was 6%, each costs £40.", None),
    ],
)
def test_a_recent_figure_of_a_metric_named_is_its_level(
    asked: str, text: str, expected: float | None
) -> None:
    assert _facts(text, asked).get("baseline") == expected


@pytest.mark.parametrize(
    ("asked", "text", "cause", "want"),
    [
        (
            "cause_information",
            "Not really. Their scanners are ancient and the system crashes every afternoon.",
            "cause_resources",
            "no",
        ),
        (
            "mandate",
            "No. They know the standard though, it is on the wall and the supervisor reviews "
            "it weekly.",
            "cause_information",
            "yes",
        ),
        (
            "desired_behavior",
            "Check the ID of every customer before the sale. They have the scanners for it and "
            "the till prompts them.",
            "cause_resources",
            "yes",
        ),
    ],
)
def test_a_cause_said_in_passing_is_read_by_the_topic_model(
    asked: str, text: str, cause: str, want: str
) -> None:
    assert cause not in {f.slot for f in find_facts(text, asked, TODAY)}  # no rule reads it
    reading = get_understanding().interpret(text, InterviewState(asking=asked), TODAY)
    assert reading.for_slot(cause) is not None
    assert reading.for_slot(cause).value == want


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        (
            "business_goal",
            "Fewer complaints about late deliveries. Customers keep ringing the call centre.",
        ),
        ("metric", "The weekly dashboard from the warehouse system shows the pick error rate."),
        # at the summary a sentence corrects what was said; it adds no cause
        ("confirm", "Yes, that's right. They know the standard and get a weekly scorecard."),
    ],
)
def test_no_cause_is_read_where_none_is_said(asked: str, text: str) -> None:
    assert get_understanding()._said_in_passing(text, asked) == []
