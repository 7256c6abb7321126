"""Chroma as a server (`GROUNDWORK_CHROMA_HOST`): the same ingest and retrieval over HTTP,
against a `chroma run` started on loopback for this module."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.knowledge.ingest import ingest
from app.knowledge.retriever import Retriever
from app.knowledge.store import ModelMismatch, open_client, open_for_reading, open_for_writing
from app.understanding.embeddings import HashingEncoder

CHROMA = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    if not CHROMA.exists() and shutil.which("chroma") is None:
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    process = subprocess.Popen(
        [str(CHROMA if CHROMA.exists() else "chroma"), "run", "--path", str(path),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                open_client(host="127.0.0.1", port=port).heartbeat()
                break
            except Exception:
                if process.poll() is not None:
                    pytest.fail("chroma run exited")
                time.sleep(0.2)
        else:
            pytest.fail("chroma run did not answer within 30 s")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_ingest_and_search_through_a_chroma_server(server: int, corpus: Path) -> None:
    client = open_client(host="127.0.0.1", port=server)
    encoder = HashingEncoder()
    report = ingest(corpus, open_for_writing(client, "hashing"), lambda: encoder)
    assert len(report.added) == 3

    again = ingest(corpus, open_for_writing(client, "hashing"), lambda: encoder)
    assert not again.changed

    collection = open_for_reading(client, "hashing")
    assert collection is not None
    found = Retriever(collection, encoder).search(
        "the till crashes", k=2, where={"rec_remove_obstacles": True}
    )
    assert [p.doc for p in found] == ["obstacles.md"]
    with pytest.raises(ModelMismatch):
        open_for_reading(client, "another-model")
