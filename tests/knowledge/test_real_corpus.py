"""The shipped knowledge base, ingested with the real local model: structure, retrieval
quality on our labelled queries, and grounding of every recommendation value."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.evaluation.retrieval import evaluate, load_queries
from app.interview import engine
from app.interview import framework as fw
from app.interview.state import Finding, Interpretation
from app.knowledge.documents import Document, load_documents
from app.knowledge.guidance import (
    TIP_SLOTS,
    candidate_metrics,
    ground_recommendation,
    push_back_tip,
    with_guidance,
)
from app.knowledge.retriever import Retriever
from app.knowledge.text import bold_items

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"
QUERIES = ROOT / "tests" / "data" / "retrieval_queries"


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return load_documents(KNOWLEDGE)


@pytest.fixture(scope="module")
def retriever(real_retriever: Retriever) -> Retriever:
    return real_retriever


def test_at_least_twenty_documents_each_with_a_title_and_sections(documents) -> None:
    assert len(documents) >= 20
    for doc in documents:
        assert doc.title and doc.topics, doc.doc
        assert len(doc.chunks) >= 3, doc.doc


@pytest.mark.parametrize("value", sorted(fw.RECOMMENDATION_LABELS))
def test_every_recommendation_value_has_guidance(documents, value: str) -> None:
    assert any(value in d.applies_to["recommendations"] for d in documents)


def test_candidate_metrics_list_several_measures_per_area(documents) -> None:
    metrics_doc = next(d for d in documents if d.doc == "candidate-metrics.md")
    areas = [c for c in metrics_doc.chunks if c.heading != "Introduction"]
    assert len(areas) >= 10
    assert all(len(bold_items(c.text)) >= 3 for c in areas), [c.heading for c in areas]


def test_labelled_queries_find_their_documents_in_the_top_three(retriever: Retriever) -> None:
    queries = load_queries(QUERIES)
    assert len(queries) >= 40
    report = evaluate(queries, retriever, k=3)
    assert report.hit_rate >= 0.9, report.misses


CASES = {
    "training": ("Close more deals over 50k", "Negotiate on value", ["knowledge"]),
    "job_aid": ("No errors in the year-end close", "Follow the closing steps", ["knowledge"]),
    "practice_and_feedback": ("Fewer failed audits", "Run the audit interview", ["knowledge"]),
    "clarify_expectations": ("Shorter calls", "Keep calls under six minutes", ["information"]),
    "remove_obstacles": ("Faster repairs", "Fix on the first visit", ["resources"]),
    "realign_incentives": ("Fewer returns", "Log every defect", ["incentives"]),
    "selection_or_job_design": ("More upsells", "Sell on service calls", ["capacity"]),
    "compliance_training": ("Pass the regulator's audit", "Handle data lawfully", []),
    "no_action": ("Tidier shared drive", "Name files consistently", []),
}


@pytest.mark.parametrize(("primary", "case"), sorted(CASES.items()))
def test_every_recommendation_cites_a_source_that_applies_to_it(
    retriever: Retriever, documents, primary: str, case: tuple[str, str, list[str]]
) -> None:
    goal, behaviour, causes = case
    fields = {
        "business_goal": goal,
        "desired_behavior": behaviour,
        "root_causes": causes,
        "recommendation": {"primary": primary, "secondary": [], "rationale": "Rules say so."},
    }
    grounded = ground_recommendation(fields, None, retriever)
    assert grounded is not None and grounded["sources"]
    by_name = {d.doc: d for d in documents}
    for source in grounded["sources"]:
        assert primary in by_name[source["doc"]].applies_to["recommendations"]
        assert source["heading"] and source["title"] == by_name[source["doc"]].title
    assert grounded["rationale"].startswith("Rules say so. Guidance (")


@pytest.mark.parametrize(
    ("goal", "words"),
    [
        ("Cut the number of customer complaints", {"complaint", "resolution", "satisfaction"}),
        ("Fewer accidents in the warehouse", {"incident", "injur", "accident", "lost"}),
        ("Grow sales in our stores", {"sales", "conversion", "basket", "transaction"}),
    ],
)
def test_candidate_metrics_suit_the_goal(retriever: Retriever, goal: str, words: set[str]) -> None:
    names = candidate_metrics(goal, retriever)
    assert 2 <= len(names) <= 3
    assert any(word in name.lower() for name in names for word in words), names


@pytest.mark.parametrize("slot", sorted(TIP_SLOTS))
def test_push_back_tips_quote_guidance_about_the_slot(
    retriever: Retriever, documents, slot: str
) -> None:
    tip = push_back_tip(retriever, slot)
    assert tip.startswith("A tip from our guidance (") and tip.endswith('"')
    cited_title = tip.split("(", 1)[1].split(",")[0].split(")")[0]
    assert any(d.title == cited_title and slot in d.applies_to["slots"] for d in documents), (
        cited_title
    )


def test_a_vague_goal_gets_the_engine_push_back_plus_a_tip(retriever: Retriever) -> None:
    state, _ = engine.advance(
        engine.start()[0],
        Interpretation(findings=(Finding(slot="requested_solution", value="A course"),)),
    )
    assert state.asking == "business_goal"
    after, reply = engine.advance(state, Interpretation(act="vague", text="dunno"))
    guided = with_guidance(state, after, reply, retriever)
    assert guided.text.startswith(reply.text) and "A tip from our guidance" in guided.text
    assert guided.asking == reply.asking
    # Asked again and still vague: accepted as unknown, no second push back and no tip.
    again, second = engine.advance(after, Interpretation(act="vague", text="no idea"))
    assert with_guidance(after, again, second, retriever) == second
