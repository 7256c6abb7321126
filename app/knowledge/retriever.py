"""Retrieval of framework guidance for a query, optionally restricted by `applies_to` flags.

`where` maps metadata flags to required values, e.g. `{"rec_job_aid": True}` for chunks of
documents that apply to the job-aid recommendation (see `documents.flags`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.understanding.embeddings import Encoder

if TYPE_CHECKING:  # chromadb takes a second to import; the web app defers it to first use
    from chromadb.api.models.Collection import Collection

OVERFETCH = 30
"""A filtered query in Chroma costs about 12 ms on 10,000 chunks, a plain one 2-5 ms (see
docs/benchmarks.md). So we fetch the k * OVERFETCH nearest chunks and filter them here,
and ask Chroma to filter only when a filter is so narrow that too few of them pass (a
filter that one chunk in ten passes almost never is)."""

_INCLUDE: Any = ["metadatas", "documents", "distances"]


@dataclass(frozen=True)
class Passage:
    id: str
    doc: str
    title: str
    heading: str
    text: str
    score: float
    """Cosine similarity to the query: 1 is identical, 0 unrelated."""
    metadata: dict[str, Any]

    def source(self) -> dict[str, str]:
        """The citation shape of `recommendation.sources` in the intake record."""
        return {"doc": self.doc, "title": self.title, "heading": self.heading}


def _passages(result: Any) -> list[Passage]:
    out: list[Passage] = []
    for i, chunk_id in enumerate(result["ids"][0]):
        meta = dict(result["metadatas"][0][i] or {})
        out.append(
            Passage(
                id=chunk_id,
                doc=str(meta.get("doc", "")),
                title=str(meta.get("title", "")),
                heading=str(meta.get("heading", "")),
                text=result["documents"][0][i] or "",
                score=1.0 - float(result["distances"][0][i]),
                metadata=meta,
            )
        )
    return out


def _matches(meta: dict[str, Any], where: dict[str, bool]) -> bool:
    return all(meta.get(key) == value for key, value in where.items())


def _clause(where: dict[str, bool]) -> dict[str, Any]:
    if len(where) == 1:
        return dict(where)
    return {"$and": [{key: value} for key, value in where.items()]}


class Retriever:
    def __init__(self, collection: Collection, encoder: Encoder) -> None:
        self.collection = collection
        self.encoder = encoder
        self._seen_chunks = False

    def count(self) -> int:
        return self.collection.count()

    def search(self, query: str, k: int = 3, where: dict[str, bool] | None = None) -> list[Passage]:
        """The `k` chunks nearest to `query` that satisfy `where`, best first."""
        if not self._seen_chunks:  # ingestion only ever empties an index to refill it
            if self.count() == 0:
                return []  # don't pay for embedding the query
            self._seen_chunks = True
        vector = self.encoder.encode([query])[0]
        return self.search_vector(vector, k, where)

    def search_vector(
        self, vector: Any, k: int = 3, where: dict[str, bool] | None = None
    ) -> list[Passage]:
        if not where:
            return _passages(
                self.collection.query(query_embeddings=[vector], n_results=k, include=_INCLUDE)
            )
        nearest = _passages(
            self.collection.query(
                query_embeddings=[vector], n_results=k * OVERFETCH, include=_INCLUDE
            )
        )
        found = [p for p in nearest if _matches(p.metadata, where)]
        if len(found) >= k or len(nearest) < k * OVERFETCH:
            return found[:k]  # enough, or the whole collection was already seen
        return _passages(
            self.collection.query(
                query_embeddings=[vector], n_results=k, where=_clause(where), include=_INCLUDE
            )
        )
