"""`GET /knowledge/search`: lets L&D see which guidance the assistant draws on.

The filters use the contract vocabularies, so an unknown value is a 422 that lists the
allowed ones. Without an index the answer is a 503 that says how to build one: an empty
list would look like "nothing relevant", which is a different thing.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from app.deps import RetrieverDep
from app.errors import AppError
from app.interview import framework as fw

log = logging.getLogger(__name__)

router = APIRouter(prefix="/knowledge", tags=["knowledge"])

RecommendationValue = Literal[tuple(fw.RECOMMENDATION_LABELS)]  # type: ignore[valid-type]
RootCauseValue = Literal[tuple(fw.ROOT_CAUSE_LABELS)]  # type: ignore[valid-type]
SlotValue = Literal[tuple(fw.SLOT_BY_NAME)]  # type: ignore[valid-type]


class KnowledgeUnavailable(AppError):
    status_code = 503
    detail = "Knowledge search is unavailable right now."


class SearchResult(BaseModel):
    doc: str
    """The file in `knowledge/`, as cited in `recommendation.sources`."""
    title: str
    heading: str
    text: str
    score: float
    """Cosine similarity to the query, 1 = same meaning."""


class SearchResponse(BaseModel):
    query: str
    filters: dict[str, str]
    results: list[SearchResult]


@router.get(
    "/search",
    responses={503: {"description": "No knowledge index (run `groundwork ingest`)"}},
)
def search(
    retriever: RetrieverDep,
    q: Annotated[str, Query(min_length=1, max_length=1000, pattern=r"\S")],
    k: Annotated[int, Query(ge=1, le=20)] = 5,
    recommendation: RecommendationValue | None = None,
    root_cause: RootCauseValue | None = None,
    slot: SlotValue | None = None,
) -> SearchResponse:
    """The `k` guidance chunks closest to `q`, optionally only those that apply to a
    recommendation, a root cause or an interview slot."""
    filters: dict[str, Any] = {
        "recommendation": recommendation,
        "root_cause": root_cause,
        "slot": slot,
    }
    prefixes = {"recommendation": "rec", "root_cause": "cause", "slot": "slot"}
    where = {f"{prefixes[name]}_{value}": True for name, value in filters.items() if value}
    if retriever is None:
        raise KnowledgeUnavailable("The knowledge index is empty: run `groundwork ingest`.")
    try:
        if retriever.count() == 0:
            raise KnowledgeUnavailable("The knowledge index is empty: run `groundwork ingest`.")
        passages = retriever.search(q.strip(), k=k, where=where or None)
    except KnowledgeUnavailable:
        raise
    except Exception as exc:
        log.warning("knowledge search failed", exc_info=True)
        raise KnowledgeUnavailable() from exc
    return SearchResponse(
        query=q,
        filters={name: value for name, value in filters.items() if value},
        results=[
            SearchResult(
                doc=p.doc, title=p.title, heading=p.heading, text=p.text, score=round(p.score, 4)
            )
            for p in passages
        ],
    )
