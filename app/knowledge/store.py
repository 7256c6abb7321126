"""Chroma access: an embedded persistent store by default, a Chroma server by configuration.

We always pass our own embeddings (`embedding_function=None`): Chroma's built-in default
downloads a model at first use, which fails offline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings

COLLECTION = "groundwork_knowledge"


def open_client(path: Path | None = None, host: str | None = None, port: int = 8000) -> ClientAPI:
    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    assert path is not None, "a persistent Chroma needs a directory"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def open_collection(client: ClientAPI, name: str = COLLECTION, model: str = "") -> Collection:
    metadata: dict[str, Any] = {"embedding_model": model} if model else {}
    return client.get_or_create_collection(
        name,
        embedding_function=None,
        metadata=metadata or None,
        configuration={"hnsw": {"space": "cosine"}},
    )
