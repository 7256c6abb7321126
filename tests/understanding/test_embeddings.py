"""The numpy MiniLM encoder against sentence-transformers' own vectors, and its contract.

The reference vectors in tests/data/embedding_reference.json were made with the real
sentence-transformers (torch) by scripts/make_embedding_reference.py, in a separate venv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from app.understanding import embeddings
from app.understanding.embeddings import Encoder, HashingEncoder, MiniLMEncoder, get_encoder

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = json.loads(
    (ROOT / "tests" / "data" / "embedding_reference.json").read_text(encoding="utf-8")
)
PARITY = 0.9999


@pytest.fixture(scope="module")
def encoder() -> MiniLMEncoder:
    return MiniLMEncoder()


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


@pytest.mark.parametrize("index", range(len(REFERENCE["sentences"])))
def test_matches_sentence_transformers_one_at_a_time(encoder: MiniLMEncoder, index: int) -> None:
    sentence = REFERENCE["sentences"][index]
    ours = encoder.encode([sentence])[0]
    assert cosine(ours, np.array(REFERENCE["vectors"][index], dtype=np.float32)) >= PARITY


def test_matches_sentence_transformers_in_a_batch(encoder: MiniLMEncoder) -> None:
    ours = encoder.encode(REFERENCE["sentences"])
    for row, vector in zip(ours, REFERENCE["vectors"], strict=True):
        assert cosine(row, np.array(vector, dtype=np.float32)) >= PARITY


def test_reference_covers_the_awkward_cases(encoder: MiniLMEncoder) -> None:
    sentences = REFERENCE["sentences"]
    assert "" in sentences
    assert any("£" in s and "€" in s for s in sentences)
    assert max(encoder.token_count(s) for s in sentences) == encoder.max_seq_length == 256


def test_rows_are_unit_float32(encoder: MiniLMEncoder) -> None:
    vectors = encoder.encode(
        ["a", "The finance team keeps making errors in month-end close.", "!!!"]
    )
    assert vectors.dtype == np.float32
    assert vectors.shape == (3, encoder.dim) == (3, 384)
    assert np.all(np.isfinite(vectors))
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_batch_equals_one_at_a_time(encoder: MiniLMEncoder) -> None:
    texts = [
        "yes",
        "Weekly, on Mondays.",
        "Complaints have doubled since the new system went live in March.",
        "",
        "word " * 400,
        "Nobody checks, so nothing happens.",
    ] * 3
    batch = encoder.encode_for_reading(texts)
    singles = np.stack([encoder._encode([t])[0] for t in texts])
    np.testing.assert_allclose(batch, singles, atol=1e-5)  # padding masked in both layers
    np.testing.assert_allclose(batch[0], batch[6], atol=1e-6)  # same text, same call


def test_reading_vectors_are_the_sentence_vector_then_a_middle_layer(
    encoder: MiniLMEncoder,
) -> None:
    texts = ["No, not really.", "Yes, they know exactly what good looks like."]
    reading = encoder.encode_for_reading(texts)
    assert reading.shape == (2, 2 * encoder.dim) and reading.dtype == np.float32
    np.testing.assert_allclose(reading[:, : encoder.dim], encoder.encode(texts), atol=1e-6)
    middle = reading[:, encoder.dim :]
    np.testing.assert_allclose(np.linalg.norm(middle, axis=1), 1.0, atol=1e-5)
    assert all(cosine(a, b) < 0.99 for a, b in zip(reading[:, : encoder.dim], middle, strict=True))


def test_empty_inputs(encoder: MiniLMEncoder) -> None:
    assert encoder.encode([]).shape == (0, 384)
    empty = encoder.encode([""])
    assert empty.shape == (1, 384)
    assert np.isfinite(empty).all()
    assert abs(float(np.linalg.norm(empty)) - 1) < 1e-5
    with pytest.raises(TypeError):
        encoder.encode("not a list")  # type: ignore[arg-type]


def test_the_cache_gives_equal_vectors_that_callers_cannot_corrupt(encoder: MiniLMEncoder) -> None:
    text = "About £10k a month in rework, I'd say."
    first = encoder.encode([text])
    first[0, :] = 0  # a caller scribbling on its result
    second = encoder.encode([text])
    assert text in encoder._cache
    np.testing.assert_allclose(np.linalg.norm(second[0]), 1.0, atol=1e-5)
    np.testing.assert_array_equal(second, encoder._encode([text])[:, : encoder.dim])


def test_get_encoder_builds_one_shared_instance(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "_shared", None)
    built: list[object] = []

    class Counting(HashingEncoder):
        def __init__(self) -> None:
            super().__init__()
            built.append(self)

    monkeypatch.setattr(embeddings, "MiniLMEncoder", Counting)
    results: list[Encoder] = []
    threads = [threading.Thread(target=lambda: results.append(get_encoder())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1
    assert all(r is built[0] for r in results)


def test_model_dir_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = embeddings.model_dir()
    monkeypatch.setenv(embeddings.ENV_MODEL_DIR, str(tmp_path))
    with pytest.raises(FileNotFoundError):
        embeddings.model_dir()
    monkeypatch.setenv(embeddings.ENV_MODEL_DIR, str(real))
    assert embeddings.model_dir() == real


def test_both_encoders_meet_the_protocol(encoder: MiniLMEncoder) -> None:
    assert isinstance(encoder, Encoder)
    assert isinstance(HashingEncoder(), Encoder)


def test_hashing_encoder_is_deterministic_and_normalised() -> None:
    hashing = HashingEncoder()
    texts = ["training for the finance team", "Training for the finance team!", "", "zebra"]
    vectors = hashing.encode(texts)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(vectors, HashingEncoder().encode(texts))
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[3]
    assert hashing.encode([]).shape == (0, 384)


def test_importing_and_using_the_encoder_does_not_import_torch() -> None:
    code = (
        "import sys\n"
        "import app.understanding.embeddings as e\n"
        "assert 'torch' not in sys.modules, 'import pulled in torch'\n"
        "e.get_encoder().encode(['hello', 'world'])\n"
        "assert 'torch' not in sys.modules, 'encoding pulled in torch'\n"
        "assert 'sentence_transformers' not in sys.modules\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_read_safetensors_strips_a_task_models_prefix_and_maps_what_is_lazy(
    tmp_path: Path,
) -> None:
    from safetensors.numpy import save_file

    path = tmp_path / "model.safetensors"
    table = np.arange(12, dtype=np.float32).reshape(4, 3)
    save_file({"bert.embeddings.word": table, "bert.pooler.w": np.ones(2, np.float32)}, str(path))

    w = embeddings.read_safetensors(
        path, lambda name: name.startswith("embeddings."), frozenset({"embeddings.word"}), "bert."
    )

    assert list(w) == ["embeddings.word"]
    assert isinstance(w["embeddings.word"], np.memmap) and not w["embeddings.word"].flags.writeable
    np.testing.assert_array_equal(w["embeddings.word"], table)


def test_pieces_are_pooled_from_the_reply_the_same_way_every_time(
    encoder: MiniLMEncoder,
) -> None:
    text = "They have the scanners. It is also a condition of our licence."
    pieces = ["They have the scanners.", "It is also a condition of our licence."]
    encoder.encode_for_reading([text])  # the reply's states are kept as it is read
    kept = encoder.encode_pieces(text, pieces).copy()
    encoder._spans.clear()
    encoder._pieces.clear()
    rerun = encoder.encode_pieces(text, pieces)  # states gone: the reply is run again
    assert rerun.shape == (2, 2 * encoder.dim)
    np.testing.assert_allclose(rerun, kept, atol=1e-6)
    assert np.allclose(np.linalg.norm(kept[:, : encoder.dim], axis=1), 1.0, atol=1e-5)
    # each piece reads its own tokens: the two rows differ
    assert float(kept[0, : encoder.dim] @ kept[1, : encoder.dim]) < 0.95
