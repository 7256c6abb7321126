"""Grounding a recommendation in retrieved guidance, and candidate metrics."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from app.knowledge.guidance import (
    candidate_metrics,
    ground_recommendation,
    metric_hint,
    recommendation_query,
)
from app.knowledge.retriever import Retriever

RULES_RATIONALE = "They did it well before and it comes up rarely."


def _fields(primary: str) -> dict[str, Any]:
    return {
        "business_goal": "Fewer errors in the year-end stock count",
        "desired_behavior": "Follow the counting steps in order",
        "root_causes": ["knowledge"],
        "recommendation": {"primary": primary, "secondary": [], "rationale": RULES_RATIONALE},
    }


def test_the_query_names_the_recommendation_goal_behaviour_and_causes() -> None:
    query = recommendation_query(_fields("job_aid"), "the task is rare")
    assert query.startswith("a job aid")
    for part in (
        "the task is rare",
        "year-end stock count",
        "counting steps",
        "skills & knowledge",
    ):
        assert part in query


def test_rationale_quotes_a_document_that_applies_and_cites_it(
    fixture_retriever: Retriever,
) -> None:
    grounded = ground_recommendation(_fields("job_aid"), "the task is rare", fixture_retriever)
    assert grounded is not None
    assert grounded["sources"] and {s["doc"] for s in grounded["sources"]} == {"job-aids.md"}
    assert grounded["rationale"].startswith(RULES_RATIONALE + " Guidance (Job aids")
    assert grounded["primary"] == "job_aid"  # retrieval never changes the choice


def test_no_applicable_document_means_no_source_rather_than_a_wrong_one(
    fixture_retriever: Retriever, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        grounded = ground_recommendation(_fields("training"), None, fixture_retriever)
    assert grounded is not None
    assert grounded["sources"] == [] and grounded["rationale"] == RULES_RATIONALE
    assert "no guidance" in caplog.text


def test_without_an_index_the_rules_rationale_stands() -> None:
    grounded = ground_recommendation(_fields("job_aid"), None, None)
    assert grounded == {**_fields("job_aid")["recommendation"], "sources": []}


def test_a_broken_retriever_does_not_break_the_intake(fixture_retriever: Retriever) -> None:
    class Broken(Retriever):
        def search(self, *args: Any, **kwargs: Any) -> Any:
            raise ConnectionError("chroma server unreachable")

    broken = Broken(fixture_retriever.collection, fixture_retriever.encoder)
    grounded = ground_recommendation(_fields("job_aid"), None, broken)
    assert grounded is not None and grounded["sources"] == []
    assert candidate_metrics("more sales", broken) == []


def test_no_recommendation_yet_stays_none(fixture_retriever: Retriever) -> None:
    fields = _fields("job_aid")
    fields["recommendation"] = None
    assert ground_recommendation(fields, None, fixture_retriever) is None


def test_candidate_metrics_come_from_the_section_about_the_goal(
    fixture_retriever: Retriever,
) -> None:
    names = candidate_metrics(
        "customers keep calling back about the same problem", fixture_retriever
    )
    service = {"First-contact resolution", "Repeat calls", "Complaints per thousand orders"}
    assert names[0] in service and "Repeat calls" in names  # pooled with the next section
    assert len(names) == 3
    assert candidate_metrics("   ", fixture_retriever) == []
    assert candidate_metrics("sales", None) == []


@pytest.mark.parametrize(
    ("names", "hint"),
    [
        ([], ""),
        (["Win rate"], "For a goal like yours, teams often track win rate."),
        (
            ["NPS", "Repeat calls", "First-contact resolution"],
            "For a goal like yours, teams often track NPS, repeat calls or first-contact resolution.",
        ),
    ],
)
def test_metric_hint_reads_as_a_sentence(names: list[str], hint: str) -> None:
    assert metric_hint(names) == hint
