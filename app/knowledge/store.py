"""Chroma access: an embedded persistent store by default, a Chroma server by configuration.

We always pass our own embeddings (`embedding_function=None`): Chroma's built-in default
downloads a model at first use, which fails offline. The collection records which model
made its vectors, because vectors of two models can't be compared: ingestion starts over
when the model changes, and retrieval refuses a collection made by another model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError

COLLECTION = "groundwork_knowledge"
MODEL_KEY = "embedding_model"


class ModelMismatch(RuntimeError):
    """The collection holds vectors of another embedding model than the one configured."""


def open_client(path: Path | None = None, host: str | None = None, port: int = 8000) -> ClientAPI:
    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    if path is None:
        raise ValueError("an embedded Chroma needs a directory")
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def _create(client: ClientAPI, name: str, model: str) -> Collection:
    metadata: dict[str, Any] | None = {MODEL_KEY: model} if model else None
    return client.get_or_create_collection(
        name,
        embedding_function=None,
        metadata=metadata,
        configuration={"hnsw": {"space": "cosine"}},
    )


def open_for_writing(client: ClientAPI, model: str, name: str = COLLECTION) -> Collection:
    """The collection to ingest into, emptied first if another model's vectors are in it."""
    collection = _create(client, name, model)
    if (collection.metadata or {}).get(MODEL_KEY) != model:
        client.delete_collection(name)
        collection = _create(client, name, model)
    return collection


def open_for_reading(client: ClientAPI, model: str, name: str = COLLECTION) -> Collection | None:
    """The collection to search, or None if nothing was ingested yet."""
    try:
        collection = client.get_collection(name, embedding_function=None)
    except NotFoundError:
        return None
    found = (collection.metadata or {}).get(MODEL_KEY)
    if found != model:
        raise ModelMismatch(
            f"the knowledge index was built with {found!r}, not {model!r}: run `groundwork ingest`"
        )
    return collection
