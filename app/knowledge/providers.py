"""Embedding providers behind one interface (`Encoder`): local by default, an
OpenAI-compatible `/embeddings` endpoint by configuration."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class OpenAIEncoder:
    """Embeddings from any OpenAI-compatible server (vLLM, Ollama, LiteLLM, a provider).

    Vectors are L2-normalised here so cosine distances in Chroma mean the same as with the
    local model.
    """

    def __init__(
        self, model: str, base_url: str | None, api_key: str | None, *, timeout: float = 30.0
    ) -> None:
        from openai import OpenAI

        self.model = model
        self.client = OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", max_retries=2, timeout=timeout
        )
        self.dim = 0
        """Known after the first call; the protocol wants it, Chroma learns it on insert."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Plain floats: the client would ask for base64, which not every compatible server speaks.
        response = self.client.embeddings.create(
            model=self.model, input=list(texts), encoding_format="float"
        )
        items = sorted(response.data, key=lambda item: item.index)  # servers may reorder
        if len(items) != len(texts):
            raise ValueError(f"asked for {len(texts)} embeddings, got {len(items)}")
        vectors = np.array([item.embedding for item in items], dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        self.dim = vectors.shape[1]
        return vectors / np.where(norms == 0, 1, norms)
