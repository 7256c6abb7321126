"""Knowledge wiring from settings: which encoder, which Chroma, ingestion and retrieval.

Ingestion and retrieval must use the same embedding model; `model_id` names it, and the
store keeps it with the collection (see `store.py`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.knowledge.retriever import Retriever
from app.settings import Settings
from app.understanding.embeddings import Encoder, get_encoder

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

    from app.knowledge.ingest import IngestReport

# chromadb (imported by `store` and `ingest`) takes about a second to import: it is
# imported inside the functions below, so an app or test without an index never pays it.

LOCAL_MODEL = "all-MiniLM-L6-v2"


def model_id(settings: Settings) -> str:
    if settings.embedding_provider == "local":
        return LOCAL_MODEL
    return f"openai:{settings.embedding_model}"


def encoder_for(settings: Settings) -> Encoder:
    if settings.embedding_provider == "local":
        return get_encoder()
    from app.knowledge.providers import OpenAIEncoder

    key = settings.embedding_api_key
    return OpenAIEncoder(
        model=settings.embedding_model or "",
        base_url=settings.embedding_base_url,
        api_key=key.get_secret_value() if key else None,
    )


def client_for(settings: Settings) -> ClientAPI:
    from app.knowledge.store import open_client

    return open_client(settings.chroma_dir, settings.chroma_host, settings.chroma_port)


def ingest_directory(directory: Path, settings: Settings) -> IngestReport:
    """Bring the index in line with `directory`; the model loads only if a file changed."""
    from app.knowledge.ingest import ingest
    from app.knowledge.store import open_for_writing

    collection = open_for_writing(client_for(settings), model_id(settings))
    return ingest(directory, collection, lambda: encoder_for(settings))


def retriever_for(settings: Settings) -> Retriever | None:
    """A retriever over the ingested knowledge, or None if nothing was ingested yet.

    Never creates the embedded store as a side effect of looking for it. Raises
    `store.ModelMismatch` if the index was built with another embedding model, and
    whatever Chroma raises if a configured server can't be reached.
    """
    if not settings.chroma_host and not settings.chroma_dir.is_dir():
        return None
    from app.knowledge.store import open_for_reading

    collection = open_for_reading(client_for(settings), model_id(settings))
    if collection is None:
        return None
    return Retriever(collection, encoder_for(settings))
