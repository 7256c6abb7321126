"""HTTP benchmark: scenarios against a real uvicorn (one worker, SQLite in a temp dir).

Reports cold start (spawn -> first answered conversation), turn latency p50/p95/p99,
turns/s with N concurrent conversations, and the server's peak RSS. Loopback only;
every loop is bounded and the server is always stopped.

    .venv/bin/python scripts/benchmark.py --scenarios ../shared/scenarios
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def answer_for(scenario: dict[str, Any], asked: dict[str, int], slot: str) -> str:
    value = scenario.get("answers", {}).get(slot, scenario.get("default", "I'm not sure."))
    if isinstance(value, list):
        i = asked.get(slot, 0)
        asked[slot] = i + 1
        return str(value[min(i, len(value) - 1)])
    return str(value)


def play(client: httpx.Client, scenario: dict[str, Any], latencies: list[float]) -> int:
    t = time.perf_counter()
    r = client.post("/api/v1/conversations", json={"text": scenario["opening"]})
    latencies.append(time.perf_counter() - t)
    r.raise_for_status()
    body = r.json()
    cid, token, asked, turns = body["conversation_id"], body["token"], {}, 1
    headers = {"authorization": f"Bearer {token}"}
    while not body["done"] and body["asking"] and turns < 40:
        text = answer_for(scenario, asked, body["asking"]["slot"])
        t = time.perf_counter()
        r = client.post(
            f"/api/v1/conversations/{cid}/messages", json={"text": text}, headers=headers
        )
        latencies.append(time.perf_counter() - t)
        r.raise_for_status()
        body = r.json()
        turns += 1
    return turns


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenarios", type=Path, default=ROOT.parent / "shared" / "scenarios")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=15.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    scenarios = [json.loads(p.read_text()) for p in sorted(args.scenarios.glob("*.json"))]

    data = tempfile.mkdtemp(prefix="gw-bench-")
    env = {**os.environ, "GROUNDWORK_DATA_DIR": data, "HF_HUB_OFFLINE": "1"}
    subprocess.run(
        [str(BIN / "groundwork"), "db", "upgrade"], env=env, check=True, capture_output=True
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    start = time.perf_counter()
    server = subprocess.Popen(
        [
            str(BIN / "uvicorn"),
            "app.main:app",
            "--port",
            str(port),
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    peak = 0.0
    sampling = True

    def sample() -> None:
        nonlocal peak
        proc = psutil.Process(server.pid)
        while sampling:
            try:
                rss = proc.memory_info().rss + sum(
                    c.memory_info().rss for c in proc.children(recursive=True)
                )
                peak = max(peak, rss / 1e6)
            except psutil.Error:
                pass
            time.sleep(0.05)

    threading.Thread(target=sample, daemon=True).start()
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            cold = None
            while time.perf_counter() - start < 60:
                try:
                    r = client.post(
                        "/api/v1/conversations", json={"text": "I need a course for my team."}
                    )
                    if r.status_code == 201:
                        cold = time.perf_counter() - start
                        break
                except httpx.TransportError:
                    time.sleep(0.05)
            if cold is None:
                print("server did not start", file=sys.stderr)
                return 1
            latencies: list[float] = []
            for _ in range(args.rounds):
                for s in scenarios:
                    play(client, s, latencies)

        done = 0
        lock = threading.Lock()
        deadline = time.perf_counter() + args.duration

        def worker(offset: int) -> None:
            nonlocal done
            with httpx.Client(base_url=base, timeout=30) as c:
                i = offset
                while time.perf_counter() < deadline:
                    n = play(c, scenarios[i % len(scenarios)], [])
                    with lock:
                        done += n
                    i += 1

        t0 = time.perf_counter()
        threads = [threading.Thread(target=worker, args=(k,)) for k in range(args.concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        throughput = done / (time.perf_counter() - t0)
    finally:
        sampling = False
        server.terminate()
        server.wait(timeout=10)

    result = {
        "date": time.strftime("%Y-%m-%d"),
        "cpus": os.cpu_count(),
        "cold_start_s": round(cold, 2),
        "turns": len(latencies),
        "p50_ms": round(pct(latencies, 0.50), 1),
        "p95_ms": round(pct(latencies, 0.95), 1),
        "p99_ms": round(pct(latencies, 0.99), 1),
        "turns_per_s": round(throughput, 1),
        "concurrency": args.concurrency,
        "peak_rss_mb": round(peak, 1),
    }
    print("\n".join(f"{k:14} {v}" for k, v in result.items()))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
