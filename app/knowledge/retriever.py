"""Retrieval of framework guidance for a query, optionally restricted by `applies_to` flags."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chromadb.api.models.Collection import Collection

from app.understanding.embeddings import Encoder

OVERFETCH = 8
"""Filtered HNSW queries in Chroma are several times slower than plain ones, so we fetch
k * OVERFETCH nearest chunks and filter them here, querying with the filter only when
too few survive."""


@dataclass(frozen=True)
class Passage:
    id: str
    doc: str
    title: str
    heading: str
    text: str
    score: float

    def source(self) -> dict[str, str]:
        return {"doc": self.doc, "title": self.title, "heading": self.heading}


def _passages(result: Any) -> list[Passage]:
    out: list[Passage] = []
    ids = result["ids"][0]
    for i, chunk_id in enumerate(ids):
        meta = result["metadatas"][0][i] or {}
        out.append(
            Passage(
                id=chunk_id,
                doc=str(meta.get("doc", "")),
                title=str(meta.get("title", "")),
                heading=str(meta.get("heading", "")),
                text=result["documents"][0][i] or "",
                score=1.0 - float(result["distances"][0][i]),
            )
        )
    return out


def _matches(meta: dict[str, Any], where: dict[str, bool]) -> bool:
    return all(meta.get(key) == value for key, value in where.items())


class Retriever:
    def __init__(self, collection: Collection, encoder: Encoder) -> None:
        self.collection = collection
        self.encoder = encoder

    def search(self, query: str, k: int = 3, where: dict[str, bool] | None = None) -> list[Passage]:
        vector = self.encoder.encode([query])[0]
        return self.search_vector(vector, k, where)

    def search_vector(self, vector: Any, k: int = 3, where: dict[str, bool] | None = None) -> list[Passage]:
        total = self.collection.count()
        if total == 0:
            return []
        include = ["metadatas", "documents", "distances"]
        if not where:
            result = self.collection.query(query_embeddings=[vector], n_results=min(k, total), include=include)  # type: ignore[list-item]
            return _passages(result)
        result = self.collection.query(
            query_embeddings=[vector], n_results=min(k * OVERFETCH, total), include=include  # type: ignore[list-item]
        )
        found = [p for p, meta in zip(_passages(result), result["metadatas"][0], strict=False) if _matches(meta or {}, where)]
        if len(found) >= k:
            return found[:k]
        clause: dict[str, Any] = (
            {"$and": [{key: value} for key, value in where.items()]} if len(where) > 1 else dict(where)
        )
        result = self.collection.query(
            query_embeddings=[vector], n_results=min(k, total), where=clause, include=include  # type: ignore[list-item]
        )
        return _passages(result)
