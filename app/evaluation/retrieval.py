"""Retrieval quality on a labelled set: queries written by us, each with the documents a
reader would want to see for it. A hit is an expected document among the top `k` chunks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from app.knowledge.retriever import Retriever


@dataclass(frozen=True)
class LabelledQuery:
    query: str
    expected: frozenset[str]


@dataclass
class RetrievalReport:
    k: int
    hits: int = 0
    misses: list[tuple[str, list[str]]] = field(default_factory=list)
    """(query, the documents found instead) for every miss."""

    @property
    def total(self) -> int:
        return self.hits + len(self.misses)

    @property
    def hit_rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


def load_queries(directory: Path) -> list[LabelledQuery]:
    rows = [
        json.loads(line)
        for path in sorted(directory.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [LabelledQuery(row["query"], frozenset(row["expected"])) for row in rows]


def evaluate(queries: list[LabelledQuery], retriever: Retriever, k: int = 3) -> RetrievalReport:
    report = RetrievalReport(k=k)
    for item in queries:
        found = [p.doc for p in retriever.search(item.query, k=k)]
        if item.expected & set(found):
            report.hits += 1
        else:
            report.misses.append((item.query, found))
    return report
