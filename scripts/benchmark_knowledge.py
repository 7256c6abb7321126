"""Knowledge benchmark: ingestion of `knowledge/` and retrieval on a 10,000-chunk collection.

Measures, each in a fresh temporary data dir:

- cold ingest: `groundwork ingest` in its own process (import, model load, chunking,
  embedding, Chroma writes), as `make run` does it the first time;
- no-op ingest: the same command again (hashes only, no model load);
- one edited file: a copy of the knowledge base with one document changed; reports how
  many files and chunks were re-embedded and how long it took;
- retrieval on a synthetic collection of `--chunks` chunks (clustered random unit vectors,
  with the `applies_to` flags of real chunks): vector search alone, with an `applies_to`
  filter, and end to end with the query embedded by the local model (every query text
  new, so the encoder's cache never answers);
- hit-rate@3 on the labelled queries in tests/data/retrieval_queries.

    .venv/bin/python scripts/benchmark_knowledge.py
    .venv/bin/python scripts/benchmark_knowledge.py --chunks 10000 --queries 500 --json k.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.evaluation.retrieval import evaluate, load_queries  # noqa: E402
from app.interview import framework as fw  # noqa: E402
from app.knowledge.retriever import Retriever  # noqa: E402
from app.knowledge.store import open_client, open_for_writing  # noqa: E402
from app.understanding.embeddings import get_encoder  # noqa: E402
from scripts.benchmark import machine, percentile  # noqa: E402

KNOWLEDGE = ROOT / "knowledge"
QUERIES = ROOT / "tests" / "data" / "retrieval_queries"
_SUMMARY = re.compile(r"(\d+) added, (\d+) updated, (\d+) unchanged, (\d+) removed; (\d+) chunks")


def ms(seconds: float) -> float:
    """Two decimals (the HTTP benchmark's one is too coarse for sub-millisecond searches)."""
    return round(seconds * 1000, 2)


def run_ingest(directory: Path, data_dir: Path) -> tuple[float, dict[str, int]]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GROUNDWORK_CHROMA")},
        "GROUNDWORK_DATA_DIR": str(data_dir),
        "HF_HUB_OFFLINE": "1",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-m", "app.cli", "ingest", str(directory)]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ingest failed:\n{done.stdout}{done.stderr}")
    match = _SUMMARY.search(done.stdout)
    if match is None:
        raise SystemExit(f"unexpected ingest output: {done.stdout}")
    keys = ("added", "updated", "unchanged", "removed", "chunks")
    return elapsed, dict(zip(keys, map(int, match.groups()), strict=True))


def ingestion(tmp: Path) -> dict[str, Any]:
    data_dir = tmp / "data"
    cold_s, cold = run_ingest(KNOWLEDGE, data_dir)
    noop_s, _ = run_ingest(KNOWLEDGE, data_dir)
    # Editing one file: ingest a copy, change one document, ingest the copy again.
    copy = tmp / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    copy_dir = tmp / "data-copy"
    run_ingest(copy, copy_dir)
    edited = sorted(copy.glob("*.md"))[-1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more sentence.\n", "utf-8")
    edit_s, edit = run_ingest(copy, copy_dir)
    return {
        "documents": cold["added"],
        "chunks": cold["chunks"],
        "cold_s": round(cold_s, 2),
        "noop_s": round(noop_s, 2),
        "one_edit_s": round(edit_s, 2),
        "one_edit_files_updated": edit["updated"],
        "one_edit_chunks_embedded": edit["chunks"],
    }


def synthetic_collection(path: Path, n: int, dim: int, seed: int = 7) -> Any:
    """`n` unit vectors around 200 topic centres, each chunk tagged like a real one."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((200, dim)).astype(np.float32)
    vectors = centres[rng.integers(0, 200, n)] + 0.6 * rng.standard_normal((n, dim))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    recs = list(fw.RECOMMENDATION_LABELS)
    collection = open_for_writing(open_client(path), "synthetic")
    batch = 2000
    for start in range(0, n, batch):
        stop = min(start + batch, n)
        collection.add(
            ids=[f"doc{i // 8}.md#section-{i % 8}" for i in range(start, stop)],
            embeddings=vectors[start:stop].astype(np.float32),  # type: ignore[arg-type]
            documents=[f"Synthetic section {i}." for i in range(start, stop)],
            metadatas=[
                {
                    "doc": f"doc{i // 8}.md",
                    "title": f"Document {i // 8}",
                    "heading": f"Section {i % 8}",
                    f"rec_{recs[(i // 8) % len(recs)]}": True,
                }
                for i in range(start, stop)
            ],
        )
    return collection


def timed(calls: int, call: Callable[[int], Any]) -> list[float]:
    for i in range(min(20, calls)):  # warm up
        call(i)
    out = []
    for i in range(calls):
        started = time.perf_counter()
        call(i)
        out.append(time.perf_counter() - started)
    return out


def summary(latencies: list[float]) -> dict[str, float]:
    return {
        "p50_ms": ms(percentile(latencies, 50)),
        "p95_ms": ms(percentile(latencies, 95)),
        "p99_ms": ms(percentile(latencies, 99)),
    }


def retrieval(tmp: Path, chunks: int, queries: int) -> dict[str, Any]:
    encoder = get_encoder()
    dim = int(encoder.encode(["warm up"]).shape[1])
    started = time.perf_counter()
    collection = synthetic_collection(tmp / "synthetic", chunks, dim)
    build_s = time.perf_counter() - started
    retriever = Retriever(collection, encoder)
    rng = np.random.default_rng(11)
    probes = rng.standard_normal((queries + 20, dim)).astype(np.float32)
    probes /= np.linalg.norm(probes, axis=1, keepdims=True)
    topics = ["late deliveries", "complaints", "safety incidents", "onboarding", "sales"]
    texts = [f"{topics[i % 5]} in region {i}, team {i * 7 % 13}" for i in range(queries + 20)]
    return {
        "chunks": collection.count(),
        "build_s": round(build_s, 1),
        "queries": queries,
        "vector_k5": summary(timed(queries, lambda i: retriever.search_vector(probes[i], k=5))),
        "vector_k3_filtered": summary(
            timed(
                queries,
                lambda i: retriever.search_vector(probes[i], k=3, where={"rec_job_aid": True}),
            )
        ),
        "query_text_k3_filtered": summary(
            timed(queries, lambda i: retriever.search(texts[i], k=3, where={"rec_job_aid": True}))
        ),
    }


def hit_rate(tmp: Path) -> dict[str, Any]:
    from app.knowledge.ingest import ingest

    encoder = get_encoder()
    collection = open_for_writing(open_client(tmp / "real"), "all-MiniLM-L6-v2")
    ingest(KNOWLEDGE, collection, lambda: encoder)
    labelled = load_queries(QUERIES)
    report = evaluate(labelled, Retriever(collection, encoder), k=3)
    return {"queries": report.total, "hit_rate_at_3": round(report.hit_rate, 3)}


def machine_line() -> str:
    m = machine()
    return f"{m['cpus']} CPUs, {m['cpu_model']}, Python {m['python']}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--json", type=Path, metavar="PATH")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gw-kbench-") as name:
        tmp = Path(name)
        result = {
            "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%MZ"),
            "machine": machine_line(),
            "ingest": ingestion(tmp),
            "retrieval": retrieval(tmp, args.chunks, args.queries),
            "quality": hit_rate(tmp),
        }
    ing, ret, q = result["ingest"], result["retrieval"], result["quality"]
    print(f"date        {result['date']}  ({result['machine']})")
    print(
        f"ingest      cold {ing['cold_s']} s ({ing['documents']} documents, {ing['chunks']} "
        f"chunks); no change {ing['noop_s']} s; one file edited {ing['one_edit_s']} s "
        f"({ing['one_edit_files_updated']} file, {ing['one_edit_chunks_embedded']} chunks)"
    )
    print(f"retrieval   {ret['chunks']} synthetic chunks, {ret['queries']} queries each")
    for key in ("vector_k5", "vector_k3_filtered", "query_text_k3_filtered"):
        s = ret[key]
        print(f"  {key:24} p50 {s['p50_ms']} ms  p95 {s['p95_ms']} ms  p99 {s['p99_ms']} ms")
    print(f"quality     hit-rate@3 {q['hit_rate_at_3']} on {q['queries']} labelled queries")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
