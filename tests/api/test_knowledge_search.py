"""GET /api/v1/knowledge/search: what L&D sees of the guidance the assistant draws on."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.deps import get_retriever
from app.knowledge.retriever import Retriever
from app.understanding.embeddings import HashingEncoder

URL = "/api/v1/knowledge/search"


@pytest.fixture
def with_index(app: FastAPI, fixture_retriever: Retriever) -> Retriever:
    app.dependency_overrides[get_retriever] = lambda: fixture_retriever
    return fixture_retriever


def test_returns_the_closest_chunks_with_their_citation(client: TestClient, with_index) -> None:
    response = client.get(URL, params={"q": "the till crashes and the form is missing", "k": 2})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["query"] == "the till crashes and the form is missing"
    assert body["filters"] == {}
    assert len(body["results"]) == 2
    first = body["results"][0]
    assert first["doc"] == "obstacles.md" and first["heading"] == "Broken tools come first"
    assert set(first) == {"doc", "title", "heading", "text", "score"}


def test_filters_by_recommendation(client: TestClient, with_index) -> None:
    response = client.get(URL, params={"q": "the till crashes", "recommendation": "job_aid"})
    assert response.status_code == 200
    body = response.json()
    assert body["filters"] == {"recommendation": "job_aid"}
    assert {r["doc"] for r in body["results"]} == {"job-aids.md"}


def test_filters_by_slot(client: TestClient, with_index) -> None:
    response = client.get(URL, params={"q": "sales", "slot": "metric"})
    assert {r["doc"] for r in response.json()["results"]} == {"candidate-metrics.md"}


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "x" * 1001},
        {"q": "ok", "k": 0},
        {"q": "ok", "k": 21},
        {"q": "ok", "k": "many"},
        {"q": "ok", "recommendation": "a_course"},
        {"q": "ok", "root_cause": "laziness"},
        {"q": "ok", "slot": "nope"},
    ],
)
def test_bad_input_is_a_422_with_a_detail(
    client: TestClient, with_index, params: dict[str, Any]
) -> None:
    response = client.get(URL, params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_without_an_index_it_says_how_to_build_one(client: TestClient) -> None:
    response = client.get(URL, params={"q": "job aids"})
    assert response.status_code == 503
    assert "groundwork ingest" in response.json()["detail"]


def test_a_failing_store_is_a_503_not_a_500(
    app: FastAPI, client: TestClient, fixture_retriever: Retriever
) -> None:
    class Broken(Retriever):
        def search(self, *args: Any, **kwargs: Any) -> Any:
            raise ConnectionError("chroma server unreachable")

    broken = Broken(fixture_retriever.collection, fixture_retriever.encoder)
    app.dependency_overrides[get_retriever] = lambda: broken
    response = client.get(URL, params={"q": "job aids"})
    assert response.status_code == 503
    assert "unreachable" not in response.text


class TestGuidanceInTheInterview:
    """The conversation API uses the same retriever: sources on the intake, metric tips."""

    def test_the_submitted_recommendation_cites_guidance_that_applies_to_it(
        self, start_chat, script, with_index
    ) -> None:
        script |= {"cause_done_before": "yes", "cause_frequency": "a few times a year"}
        chat = start_chat(text=script["requested_solution"])
        chat.answer_until_done(script)
        recommendation = chat.intake()["recommendation"]
        assert recommendation["primary"] == "job_aid"
        assert [s["doc"] for s in recommendation["sources"]] == ["job-aids.md"]
        assert "Guidance (Job aids, " in recommendation["rationale"]

    def test_without_an_index_the_intake_is_still_submitted_without_sources(
        self, start_chat, script
    ) -> None:
        chat = start_chat(text=script["requested_solution"])
        chat.answer_until_done(script)
        intake = chat.intake()
        assert intake["status"] == "submitted"
        assert intake["recommendation"]["sources"] == []
        assert intake["recommendation"]["rationale"]

    def test_a_requester_without_a_metric_is_offered_candidates(
        self, start_chat, script, with_index
    ) -> None:
        chat = start_chat(text=script["requested_solution"])
        chat.say("Customers keep calling back about the same problem")
        assert chat.last["asking"]["slot"] == "metric"
        reply = chat.say("dunno").json()
        assert reply["asking"]["slot"] == "metric"
        assert "teams often track" in reply["message"]
        assert "repeat calls" in reply["message"].lower()

    def test_no_candidates_without_an_index(self, start_chat, script) -> None:
        chat = start_chat(text=script["requested_solution"])
        chat.say("Customers keep calling back about the same problem")
        reply = chat.say("dunno").json()
        assert reply["asking"]["slot"] == "metric"
        assert "teams often track" not in reply["message"]


def test_an_index_built_after_startup_is_picked_up(
    app: FastAPI, client: TestClient, settings, corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import deps
    from app.knowledge import service

    assert client.get(URL, params={"q": "job aids"}).status_code == 503
    monkeypatch.setattr(service, "encoder_for", lambda _settings: HashingEncoder())
    service.ingest_directory(corpus, settings)
    monkeypatch.setattr(deps, "RETRY_S", 0.0)
    response = client.get(URL, params={"q": "the till crashes"})
    assert response.status_code == 200
    assert response.json()["results"][0]["doc"] == "obstacles.md"
