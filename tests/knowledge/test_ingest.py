"""Incremental ingestion: only changed files are embedded, removed files leave the index."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.knowledge.ingest import indexed, ingest
from app.knowledge.store import ModelMismatch, open_client, open_for_reading, open_for_writing
from tests.knowledge.corpus import CountingEncoder


@pytest.fixture
def collection(tmp_path: Path):  # type: ignore[no-untyped-def]
    return open_for_writing(open_client(tmp_path / "chroma"), "hashing")


def _ingest(corpus: Path, collection, encoder: CountingEncoder):  # type: ignore[no-untyped-def]
    return ingest(corpus, collection, lambda: encoder)


def test_first_run_embeds_every_chunk_of_every_document(corpus: Path, collection) -> None:
    encoder = CountingEncoder()
    report = _ingest(corpus, collection, encoder)
    assert report.added == ["candidate-metrics.md", "job-aids.md", "obstacles.md"]
    assert report.chunks == collection.count() == len(encoder.texts) == 6
    assert set(indexed(collection)) == {"candidate-metrics.md", "job-aids.md", "obstacles.md"}


def test_a_second_run_with_no_change_loads_no_model(corpus: Path, collection) -> None:
    _ingest(corpus, collection, CountingEncoder())

    def no_model() -> CountingEncoder:
        raise AssertionError("nothing changed, so nothing should be embedded")

    report = ingest(corpus, collection, no_model)
    assert not report.changed
    assert report.unchanged == ["candidate-metrics.md", "job-aids.md", "obstacles.md"]


def test_editing_one_file_re_embeds_only_that_file(corpus: Path, collection) -> None:
    _ingest(corpus, collection, CountingEncoder())
    path = corpus / "obstacles.md"
    path.write_text(path.read_text().replace("fix the tool", "repair the tool first"))

    encoder = CountingEncoder()
    report = _ingest(corpus, collection, encoder)
    assert report.updated == ["obstacles.md"]
    assert report.unchanged == ["candidate-metrics.md", "job-aids.md"]
    assert len(encoder.texts) == 1 and "repair the tool first" in encoder.texts[0]
    stored = collection.get(ids=["obstacles.md#broken-tools-come-first"], include=["documents"])
    assert "repair the tool first" in stored["documents"][0]


def test_a_renamed_heading_replaces_its_chunk(corpus: Path, collection) -> None:
    _ingest(corpus, collection, CountingEncoder())
    path = corpus / "job-aids.md"
    path.write_text(path.read_text().replace("## Pitfalls", "## Common mistakes"))

    _ingest(corpus, collection, CountingEncoder())
    ids = indexed(collection)["job-aids.md"][1]
    assert "job-aids.md#common-mistakes" in ids
    assert "job-aids.md#pitfalls" not in ids


def test_a_removed_file_is_deleted_from_the_index(corpus: Path, collection) -> None:
    _ingest(corpus, collection, CountingEncoder())
    (corpus / "job-aids.md").unlink()

    encoder = CountingEncoder()
    report = _ingest(corpus, collection, encoder)
    assert report.removed == ["job-aids.md"]
    assert encoder.texts == []
    assert "job-aids.md" not in indexed(collection)
    assert collection.count() == 3


def test_a_failing_encoder_keeps_the_old_chunks_and_retries_next_time(
    corpus: Path, collection
) -> None:
    _ingest(corpus, collection, CountingEncoder())
    path = corpus / "obstacles.md"
    path.write_text(path.read_text() + "\nNew advice.\n")

    class Broken(CountingEncoder):
        def encode(self, texts):  # type: ignore[no-untyped-def]
            raise RuntimeError("embedding server down")

    with pytest.raises(RuntimeError):
        _ingest(corpus, collection, Broken())
    assert collection.count() == 6  # nothing lost
    assert _ingest(corpus, collection, CountingEncoder()).updated == ["obstacles.md"]


def test_another_model_starts_the_index_over(tmp_path: Path, corpus: Path) -> None:
    client = open_client(tmp_path / "chroma")
    _ingest(corpus, open_for_writing(client, "model-a"), CountingEncoder())
    with pytest.raises(ModelMismatch, match="model-a"):
        open_for_reading(client, "model-b")

    encoder = CountingEncoder()
    report = _ingest(corpus, open_for_writing(client, "model-b"), encoder)
    assert len(report.added) == 3 and len(encoder.texts) == 6
    assert open_for_reading(client, "model-b") is not None


def test_reading_before_any_ingest_finds_nothing(tmp_path: Path) -> None:
    assert open_for_reading(open_client(tmp_path / "chroma"), "hashing") is None


def test_vectors_are_stored_as_given(corpus: Path, collection) -> None:
    encoder = CountingEncoder()
    _ingest(corpus, collection, encoder)
    got = collection.get(ids=["obstacles.md#broken-tools-come-first"], include=["embeddings"])
    expected = encoder.inner.encode([t for t in encoder.texts if "Broken tools" in t])[0]
    assert np.allclose(got["embeddings"][0], expected, atol=1e-6)
