"""Knowledge wiring from settings: the store, the encoder, ingestion and retrieval."""

from __future__ import annotations

from pathlib import Path

from app.knowledge.ingest import IngestReport, ingest
from app.knowledge.retriever import Retriever
from app.knowledge.store import open_client, open_collection
from app.settings import Settings
from app.understanding.embeddings import get_encoder

LOCAL_MODEL = "all-MiniLM-L6-v2"


def collection_for(settings: Settings):  # noqa: ANN201 - chromadb's Collection
    client = open_client(settings.chroma_dir, settings.chroma_host, settings.chroma_port)
    return open_collection(client, model=LOCAL_MODEL)


def ingest_directory(directory: Path, settings: Settings) -> IngestReport:
    return ingest(directory, collection_for(settings), get_encoder)


def retriever_for(settings: Settings) -> Retriever:
    return Retriever(collection_for(settings), get_encoder())
