"""The OpenAI-compatible embeddings provider, against a scripted server on loopback."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from app.knowledge.providers import OpenAIEncoder
from app.knowledge.service import encoder_for, ingest_directory, model_id, retriever_for
from app.settings import Settings


class FakeEmbeddings:
    """Answers POST /v1/embeddings with one vector per input, in reverse order (as a server
    may), each vector being (length of the text, 1, 0) unnormalised; records requests."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.drop_one = False

    def answer(self, body: dict[str, Any]) -> dict[str, Any]:
        texts = body["input"]
        data = [
            {"object": "embedding", "index": i, "embedding": [float(len(t)), 1.0, 0.0]}
            for i, t in enumerate(texts)
        ]
        if self.drop_one:
            data = data[1:]
        return {
            "object": "list",
            "data": list(reversed(data)),
            "model": body["model"],
            "usage": {"prompt_tokens": 1, "total_tokens": 1},
        }


@pytest.fixture
def fake() -> Iterator[tuple[FakeEmbeddings, str]]:
    script = FakeEmbeddings()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            script.requests.append({"path": self.path, **body})
            script.headers.append({k.lower(): v for k, v in self.headers.items()})
            payload = json.dumps(script.answer(body)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield script, f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()
    server.server_close()


def test_vectors_come_back_in_input_order_and_normalised(fake) -> None:
    script, url = fake
    encoder = OpenAIEncoder("embed-small", url, "sk-test")
    vectors = encoder.encode(["ab", "abcd"])
    assert vectors.shape == (2, 3) and encoder.dim == 3
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert vectors[0][0] < vectors[1][0]  # "ab" first, despite the server's order
    request = script.requests[0]
    assert request["path"] == "/v1/embeddings"
    assert request["model"] == "embed-small" and request["input"] == ["ab", "abcd"]
    assert request["encoding_format"] == "float"
    assert script.headers[0]["authorization"] == "Bearer sk-test"


def test_no_texts_means_no_request(fake) -> None:
    script, url = fake
    assert OpenAIEncoder("m", url, None).encode([]).shape[0] == 0
    assert script.requests == []


def test_a_short_answer_is_an_error_not_a_misaligned_index(fake) -> None:
    script, url = fake
    script.drop_one = True
    with pytest.raises(ValueError, match="asked for 2 embeddings, got 1"):
        OpenAIEncoder("m", url, None).encode(["a", "b"])


def test_settings_choose_the_provider_and_name_the_index_after_the_model(
    fake, tmp_path: Path
) -> None:
    _, url = fake
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=tmp_path,
        embedding_provider="openai",
        embedding_model="embed-small",
        embedding_base_url=url,
    )
    assert model_id(settings) == "openai:embed-small"
    assert isinstance(encoder_for(settings), OpenAIEncoder)

    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "a.md").write_text("---\ntitle: A\n---\n## One\nSome guidance here.\n")
    assert ingest_directory(knowledge, settings).added == ["a.md"]
    retriever = retriever_for(settings)
    assert retriever is not None
    assert [p.doc for p in retriever.search("guidance", k=1)] == ["a.md"]


def test_the_openai_provider_needs_a_model() -> None:
    with pytest.raises(ValueError, match="GROUNDWORK_EMBEDDING_MODEL"):
        Settings(_env_file=None, embedding_provider="openai")  # type: ignore[call-arg]


def test_no_index_yet_means_no_retriever(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    assert retriever_for(settings) is None
    assert not (tmp_path / "chroma").exists()  # looking does not create it
