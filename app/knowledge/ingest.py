"""Incremental ingestion of `knowledge/` into the vector store.

A file is re-embedded only when its content hash changed; chunks of files that were
removed are deleted. Changing the embedding model re-embeds everything, since vectors of
two models can't share an index (`store.open_for_writing` empties the collection).

The no-change path reads the files, hashes them and lists the ids and hashes in the
collection: no model is loaded, so `make run` can call it every time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.knowledge.documents import Document, embedding_text, load_documents
from app.understanding.embeddings import Encoder

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

BATCH = 64


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    chunks: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed; {self.chunks} chunks embedded"
        )


def indexed(collection: Collection) -> dict[str, tuple[set[str], set[str]]]:
    """doc -> (content hashes, chunk ids) currently in the collection."""
    found: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    got = collection.get(include=["metadatas"])
    for chunk_id, meta in zip(got["ids"], got["metadatas"] or [], strict=False):
        doc = str((meta or {}).get("doc", ""))
        hashes, ids = found[doc]
        hashes.add(str((meta or {}).get("content_hash", "")))
        ids.add(chunk_id)
    return dict(found)


def _upsert(collection: Collection, docs: list[Document], encoder: Encoder) -> int:
    chunks = [c for d in docs for c in d.chunks]
    for i in range(0, len(chunks), BATCH):
        batch = chunks[i : i + BATCH]
        vectors = encoder.encode([embedding_text(c) for c in batch])
        collection.upsert(
            ids=[c.id for c in batch],
            embeddings=vectors,  # type: ignore[arg-type]
            documents=[c.text for c in batch],
            metadatas=[c.metadata for c in batch],  # type: ignore[misc]
        )
    return len(chunks)


def ingest(
    root: Path, collection: Collection, encoder_factory: Callable[[], Encoder]
) -> IngestReport:
    """Bring the collection in line with the markdown files under `root`.

    `encoder_factory` is only called when something must be embedded, so a no-op ingest
    (the usual case at `make run`) doesn't pay for loading the model.
    """
    report = IngestReport()
    docs = load_documents(root)
    current = indexed(collection)
    stale: list[Document] = []
    obsolete: list[str] = []
    for doc in docs:
        hashes, ids = current.get(doc.doc, (set(), set()))
        expected_ids = {c.id for c in doc.chunks}
        if ids == expected_ids and (not ids or hashes == {doc.content_hash}):
            report.unchanged.append(doc.doc)  # includes a file with no text: nothing to index
            continue
        (report.updated if ids else report.added).append(doc.doc)
        obsolete.extend(ids - expected_ids)
        stale.append(doc)
    on_disk = {d.doc for d in docs}
    for doc, (_, ids) in current.items():
        if doc not in on_disk:
            obsolete.extend(ids)
            report.removed.append(doc)
    # Embed before deleting anything: if the encoder fails, the old chunks stay searchable
    # and their old hashes make the next run try again.
    if any(d.chunks for d in stale):
        report.chunks = _upsert(collection, stale, encoder_factory())
    if obsolete:
        collection.delete(ids=obsolete)
    return report
