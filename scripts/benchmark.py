"""HTTP benchmark: the scripted requesters against a real uvicorn.

The script starts its own server (one uvicorn worker, SQLite in a fresh temporary data
dir, embedded understanding) on a free loopback port, then measures:

- cold start: spawn -> first answered `POST /api/v1/conversations` with a text (which
  runs understanding); the time `/api/v1/health` first answered is shown beside it;
- turn latency p50/p95/p99 over every requester turn of every scenario, played one
  after another, `--rounds` times;
- throughput: turns/s with `--concurrency` conversations at once for `--duration` s;
- peak RSS of the server process and its children, sampled every 50 ms all along.

Only loopback traffic; every loop is bounded in time and stops by itself; the server is
always stopped. Exit status: 0 ok, 1 the server did not start (or died), 2 some requests
failed (figures printed anyway, but do not publish them).

    .venv/bin/python scripts/benchmark.py                      # ../shared/scenarios
    .venv/bin/python scripts/benchmark.py --rounds 1 --duration 10 --json bench.json
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCENARIOS = ROOT.parent / "shared" / "scenarios"
HOST = "127.0.0.1"  # loopback only, never anything else
API = "/api/v1"
MAX_TURNS = 40  # design section 5: a runner stops after 40 turns
FALLBACK_DEFAULT = "I'm not sure."
SAMPLE_EVERY_S = 0.05
REQUEST_TIMEOUT_S = 30.0
# Variables that would point the server at another database or vector store.
FOREIGN_STORAGE_ENV = (
    "DATABASE_URL",
    "GROUNDWORK_DATABASE_URL",
    "GROUNDWORK_CHROMA_PATH",
    "GROUNDWORK_CHROMA_HOST",
)


class RequestFailed(Exception):
    """A request of a scripted conversation got no answer or a non-success status."""


# --- scenarios ------------------------------------------------------------------------------


def load_scenarios(directory: Path) -> list[dict[str, Any]]:
    scenarios = []
    for path in sorted(directory.glob("*.json")):
        scenario = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(scenario, dict) or not isinstance(scenario.get("opening"), str):
            raise SystemExit(f"{path}: not a scenario (no `opening` text)")
        scenario.setdefault("id", path.stem)
        scenarios.append(scenario)
    return scenarios


class Requester:
    """Answers the assistant by `asking.slot`, as the design's section 5 says."""

    def __init__(self, scenario: dict[str, Any]) -> None:
        self.answers: dict[str, Any] = scenario.get("answers") or {}
        self.default = str(scenario.get("default", FALLBACK_DEFAULT))
        self.asked: dict[str, int] = {}

    def answer(self, slot: str | None) -> str:
        value = self.answers.get(slot or "")
        if value is None or value == []:
            return self.default
        if isinstance(value, list):
            i = self.asked.get(slot or "", 0)
            self.asked[slot or ""] = i + 1
            return str(value[min(i, len(value) - 1)])
        return str(value)


def _checked(response: httpx.Response, expected: int) -> dict[str, Any]:
    if response.status_code != expected:
        raise RequestFailed(f"{response.request.url.path}: HTTP {response.status_code}")
    return response.json()


def _next_text(body: dict[str, Any], requester: Requester, turns: int) -> str | None:
    """The requester's next message, or None when the conversation is over."""
    asking = body.get("asking")
    if body.get("done") or not asking or turns >= MAX_TURNS:
        return None
    return requester.answer(asking.get("slot"))


def play(client: httpx.Client, scenario: dict[str, Any], latencies: list[float]) -> bool:
    """One scenario, sequentially; appends each turn's latency (s). True if it got `done`."""
    requester = Requester(scenario)
    t = time.perf_counter()
    response = client.post(f"{API}/conversations", json={"text": scenario["opening"]})
    latencies.append(time.perf_counter() - t)
    body = _checked(response, 201)
    path = f"{API}/conversations/{body['conversation_id']}/messages"
    headers = {"Authorization": f"Bearer {body['token']}"}
    turns = 1
    while (text := _next_text(body, requester, turns)) is not None:
        t = time.perf_counter()
        response = client.post(path, json={"text": text}, headers=headers)
        latencies.append(time.perf_counter() - t)
        body = _checked(response, 200)
        turns += 1
    return bool(body.get("done"))


# --- concurrent load ------------------------------------------------------------------------


@dataclass
class LoadResult:
    turns: int = 0
    errors: int = 0
    elapsed_s: float = 0.0
    latencies: list[float] = field(default_factory=list)


async def _load_worker(
    client: httpx.AsyncClient,
    scenarios: Sequence[dict[str, Any]],
    first: int,
    deadline: float,
    result: LoadResult,
) -> None:
    """Loops over the scenarios until the deadline; no new turn starts after it."""
    i = first
    while time.perf_counter() < deadline:
        scenario = scenarios[i % len(scenarios)]
        i += 1
        requester = Requester(scenario)
        try:
            t = time.perf_counter()
            response = await client.post(f"{API}/conversations", json={"text": scenario["opening"]})
            result.latencies.append(time.perf_counter() - t)
            body = _checked(response, 201)
            result.turns += 1
            path = f"{API}/conversations/{body['conversation_id']}/messages"
            headers = {"Authorization": f"Bearer {body['token']}"}
            turns = 1
            while time.perf_counter() < deadline:
                text = _next_text(body, requester, turns)
                if text is None:
                    break
                t = time.perf_counter()
                response = await client.post(path, json={"text": text}, headers=headers)
                result.latencies.append(time.perf_counter() - t)
                body = _checked(response, 200)
                result.turns += 1
                turns += 1
        except (httpx.HTTPError, RequestFailed, ValueError, KeyError):
            result.errors += 1
            await asyncio.sleep(0.05)  # do not spin on a failing server


async def _load(
    base_url: str, scenarios: Sequence[dict[str, Any]], concurrency: int, duration: float
) -> LoadResult:
    result = LoadResult()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(
        base_url=base_url, timeout=REQUEST_TIMEOUT_S, limits=limits, trust_env=False
    ) as client:
        start = time.perf_counter()
        deadline = start + duration
        workers = [
            _load_worker(
                client, scenarios, k * max(1, len(scenarios) // concurrency), deadline, result
            )
            for k in range(concurrency)
        ]
        # Each worker stops by itself; this is a backstop against a hung server.
        try:
            await asyncio.wait_for(
                asyncio.gather(*workers), timeout=duration + 2 * REQUEST_TIMEOUT_S
            )
        except TimeoutError:
            result.errors += 1
        result.elapsed_s = time.perf_counter() - start
    return result


def run_load(
    base_url: str, scenarios: Sequence[dict[str, Any]], concurrency: int, duration: float
) -> LoadResult:
    return asyncio.run(_load(base_url, scenarios, concurrency, duration))


# --- server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def server_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in FOREIGN_STORAGE_ENV}
    pythonpath = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.update(
        GROUNDWORK_DATA_DIR=str(data_dir),
        PYTHONPATH=pythonpath,
        HF_HUB_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
        PYTHONUNBUFFERED="1",
    )
    return env


def ingest_knowledge(python: str, env: dict[str, str], cwd: Path) -> float | None:
    """`groundwork ingest` of the repo's knowledge base into the temp data dir, so turns
    pay for retrieval as in production; returns the seconds it took (None if it failed)."""
    command = [python, "-m", "app.cli", "ingest", str(ROOT / "knowledge")]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, env=env, cwd=cwd, capture_output=True, text=True, timeout=300
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"warning: knowledge ingest failed: {exc}; serving without it", file=sys.stderr)
        return None
    if done.returncode != 0:
        print(f"warning: knowledge ingest failed: {done.stdout}{done.stderr}", file=sys.stderr)
        return None
    return time.perf_counter() - started


def upgrade_database(python: str, env: dict[str, str], cwd: Path) -> str:
    """Runs `groundwork db upgrade` (or `python -m app.cli db upgrade`); says which worked."""
    candidates: list[list[str]] = []
    script = Path(python).parent / "groundwork"
    if script.exists():
        candidates.append([str(script), "db", "upgrade"])
    candidates.append([python, "-m", "app.cli", "db", "upgrade"])
    failures = []
    for command in candidates:
        try:
            done = subprocess.run(
                command, env=env, cwd=cwd, capture_output=True, text=True, timeout=120
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            failures.append(f"{' '.join(command[-3:])}: {exc}")
            continue
        if done.returncode == 0:
            return " ".join([Path(command[0]).name, *command[1:]])
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        failures.append(f"{' '.join(command[-3:])}: exit {done.returncode}: {tail[0]}")
    print("warning: database upgrade failed; starting the server anyway", file=sys.stderr)
    for line in failures:
        print(f"  {line}", file=sys.stderr)
    return "failed"


class RssSampler(threading.Thread):
    """Peak resident memory of a process and all its children, polled every 50 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True, name="rss-sampler")
        self.process = psutil.Process(pid)
        self.peak = 0
        self.samples = 0
        self._stop_event = threading.Event()

    def current(self) -> int:
        total = 0
        for proc in (self.process, *self.process.children(recursive=True)):
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss
        return total

    def run(self) -> None:
        while not self._stop_event.is_set():
            with contextlib.suppress(psutil.Error):
                self.peak = max(self.peak, self.current())
                self.samples += 1
            self._stop_event.wait(SAMPLE_EVERY_S)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=2)


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    try:
        children = psutil.Process(server.pid).children(recursive=True)
    except psutil.Error:
        children = []
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.kill()


def wait_until_serving(
    server: subprocess.Popen[bytes],
    client: httpx.Client,
    started: float,
    opening: str,
    timeout: float,
) -> tuple[float | None, float | None]:
    """(health answered, first conversation answered), seconds since spawn; None if never."""
    health_at: float | None = None
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            return health_at, None
        try:
            if health_at is None:
                if client.get(f"{API}/health", timeout=2).status_code == 200:
                    health_at = time.perf_counter() - started
                else:
                    time.sleep(0.1)
                    continue
            response = client.post(f"{API}/conversations", json={"text": opening})
            if response.status_code == 201:
                return health_at, time.perf_counter() - started
            time.sleep(0.1)
        except httpx.TransportError:
            time.sleep(0.05)
    return health_at, None


def log_tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


# --- figures --------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default); NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def machine() -> dict[str, Any]:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def table(result: dict[str, Any]) -> str:
    m, lat, load = result["machine"], result["latency"], result["throughput"]
    rows = [
        ("date", result["date"]),
        (
            "machine",
            f"{m['cpus']} CPUs, {m['cpu_model']}, {m['memory_gib']} GiB, "
            f"{m['system']}, Python {m['python']}",
        ),
        (
            "scenarios",
            f"{result['scenarios']} x {result['rounds']} rounds, db: {result['db_upgrade']}",
        ),
        (
            "knowledge",
            "not ingested"
            if result["knowledge_ingest_s"] is None
            else f"ingested in {result['knowledge_ingest_s']:.2f} s (cold, own process)",
        ),
        (
            "cold start",
            f"{result['cold_start_s']:.2f} s to first answered conversation "
            f"(health at {result['health_ready_s']:.2f} s)",
        ),
        (
            "turn latency",
            f"p50 {lat['p50_ms']} ms  p95 {lat['p95_ms']} ms  p99 {lat['p99_ms']} ms  "
            f"mean {lat['mean_ms']} ms  ({lat['turns']} turns, {lat['completed']} done, "
            f"{lat['errors']} errors)",
        ),
        (
            "  round 1",
            f"p50 {lat['first_round']['p50_ms']} ms  p95 {lat['first_round']['p95_ms']} ms  "
            f"p99 {lat['first_round']['p99_ms']} ms  (texts new to the server's caches)",
        ),
        (
            "throughput",
            f"{load['turns_per_s']} turns/s  ({load['concurrency']} concurrent, "
            f"{load['turns']} turns in {load['elapsed_s']} s, p50 {load['p50_ms']} ms, "
            f"p95 {load['p95_ms']} ms, {load['errors']} errors)",
        ),
        (
            "peak RSS",
            f"{result['peak_rss_mb']} MB server incl. children "
            f"(after start {result['rss_after_start_mb']} MB, {result['rss_samples']} samples)",
        ),
    ]
    return "\n".join(f"{name:<13} {value}" for name, value in rows)


def markdown(result: dict[str, Any]) -> str:
    m, lat, load = result["machine"], result["latency"], result["throughput"]
    header = (
        f"| date | machine | cold start | turn p50 | p95 | p99 "
        f"| turns/s ({load['concurrency']} concurrent) | peak RSS |"
    )
    row = (
        f"| {result['date'][:10]} | {m['cpus']}-core {m['cpu_model']}, {round(m['memory_gib'])} GiB "
        f"| {result['cold_start_s']:.2f} s | {lat['p50_ms']} ms | {lat['p95_ms']} ms "
        f"| {lat['p99_ms']} ms | {load['turns_per_s']} | {round(result['peak_rss_mb'])} MB |"
    )
    note = (
        f"Run: `--rounds {result['rounds']} --duration {load['duration_s']:g}` "
        f"({lat['turns']} latency samples over the {result['scenarios']} scenarios; "
        f"{load['turns']} turns under load, p95 {load['p95_ms']} ms). Round 1 alone, every "
        f"text new to the server's caches: p50 {lat['first_round']['p50_ms']} ms, "
        f"p95 {lat['first_round']['p95_ms']} ms, p99 {lat['first_round']['p99_ms']} ms. "
        + (
            "Served without a knowledge index."
            if result["knowledge_ingest_s"] is None
            else f"Knowledge base ingested first ({result['knowledge_ingest_s']:.1f} s), so turns "
            "include retrieval (grounded rationale, metric candidates)."
        )
    )
    return "\n".join([header, "|---|---|---|---|---|---|---|---|", row, "", note])


# --- main -----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark Groundwork over HTTP with the scripted requesters.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--scenarios", type=Path, default=DEFAULT_SCENARIOS, help="scenario dir")
    parser.add_argument("--rounds", type=int, default=3, help="sequential passes over the set")
    parser.add_argument("--concurrency", type=int, default=8, help="conversations at once")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of concurrent load")
    parser.add_argument(
        "--no-knowledge", action="store_true", help="serve without ingesting knowledge/"
    )
    parser.add_argument("--startup-timeout", type=float, default=120.0, help="seconds")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    parser.add_argument("--markdown", type=Path, metavar="PATH", help="also write the snippet")
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter that runs the server (the venv's)"
    )
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.concurrency < 1 or not 0 < args.duration <= 600:
        parser.error("--rounds and --concurrency must be >= 1, --duration in (0, 600]")
    return args


def _raise_on_sigterm() -> Callable[..., Any] | int | None:
    """Turn SIGTERM into SystemExit so the `finally` that stops the server still runs."""

    def handler(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    return signal.signal(signal.SIGTERM, handler)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.scenarios.is_dir():
        print(f"no scenario directory at {args.scenarios}", file=sys.stderr)
        return 1
    scenarios = load_scenarios(args.scenarios)
    if not scenarios:
        print(f"no *.json scenarios in {args.scenarios}", file=sys.stderr)
        return 1
    _raise_on_sigterm()

    with tempfile.TemporaryDirectory(prefix="gw-bench-", ignore_cleanup_errors=True) as tmp:
        data_dir = Path(tmp)
        # The server runs from the temp dir so that no `.env` or `data/` of the checkout
        # leaks in; `--app-dir` and PYTHONPATH still find the code.
        env = server_env(data_dir)
        db_upgrade = upgrade_database(args.python, env, data_dir)
        ingest_s = None if args.no_knowledge else ingest_knowledge(args.python, env, data_dir)
        port = free_port()
        base_url = f"http://{HOST}:{port}"
        log_path = data_dir / "server.log"
        command = [
            args.python, "-m", "uvicorn", "app.main:app", "--app-dir", str(ROOT),
            "--host", HOST, "--port", str(port), "--workers", "1",
            "--log-level", "warning", "--no-access-log",
        ]  # fmt: skip
        with log_path.open("wb") as log:
            started = time.perf_counter()
            server = subprocess.Popen(
                command, env=env, cwd=data_dir, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )  # fmt: skip
        sampler = RssSampler(server.pid)
        sampler.start()
        try:
            with httpx.Client(
                base_url=base_url, timeout=REQUEST_TIMEOUT_S, trust_env=False
            ) as client:
                health_s, cold_s = wait_until_serving(
                    server, client, started, scenarios[0]["opening"], args.startup_timeout
                )
                if cold_s is None:
                    state = "exited" if server.poll() is not None else "did not answer"
                    print(f"server failed to start ({state}); its log:", file=sys.stderr)
                    print(log_tail(log_path), file=sys.stderr)
                    return 1
                rss_after_start = sampler.current()

                latencies: list[float] = []
                completed = errors = 0
                first_round = 0  # turns of round 1: every text new to the server's caches
                for round_no in range(args.rounds):
                    for scenario in scenarios:
                        try:
                            completed += play(client, scenario, latencies)
                        except (httpx.HTTPError, RequestFailed, ValueError, KeyError) as exc:
                            errors += 1
                            print(f"warning: {scenario['id']}: {exc!r}", file=sys.stderr)
                            if server.poll() is not None:
                                print("server died; its log:", file=sys.stderr)
                                print(log_tail(log_path), file=sys.stderr)
                                return 1
                    if round_no == 0:
                        first_round = len(latencies)

            load = run_load(base_url, scenarios, args.concurrency, args.duration)
            if server.poll() is not None:
                print("server died under load; its log:", file=sys.stderr)
                print(log_tail(log_path), file=sys.stderr)
                return 1
        finally:
            sampler.stop()
            stop_server(server)

    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%MZ"),
        "machine": machine(),
        "scenarios": len(scenarios),
        "rounds": args.rounds,
        "db_upgrade": db_upgrade,
        "knowledge_ingest_s": None if ingest_s is None else round(ingest_s, 2),
        "health_ready_s": round(health_s or 0.0, 3),
        "cold_start_s": round(cold_s, 3),
        "latency": {
            "turns": len(latencies),
            "completed": completed,
            "errors": errors,
            "p50_ms": ms(percentile(latencies, 50)),
            "p95_ms": ms(percentile(latencies, 95)),
            "p99_ms": ms(percentile(latencies, 99)),
            "mean_ms": ms(sum(latencies) / len(latencies)) if latencies else float("nan"),
            "first_round": {
                "turns": first_round,
                "p50_ms": ms(percentile(latencies[:first_round], 50)),
                "p95_ms": ms(percentile(latencies[:first_round], 95)),
                "p99_ms": ms(percentile(latencies[:first_round], 99)),
            },
        },
        "throughput": {
            "concurrency": args.concurrency,
            "duration_s": args.duration,
            "elapsed_s": round(load.elapsed_s, 2),
            "turns": load.turns,
            "errors": load.errors,
            "turns_per_s": round(load.turns / load.elapsed_s, 1) if load.elapsed_s else 0.0,
            "p50_ms": ms(percentile(load.latencies, 50)),
            "p95_ms": ms(percentile(load.latencies, 95)),
        },
        "peak_rss_mb": round(sampler.peak / 1e6, 1),
        "rss_after_start_mb": round(rss_after_start / 1e6, 1),
        "rss_samples": sampler.samples,
    }
    print(table(result))
    snippet = markdown(result)
    print("\nMarkdown for docs/benchmarks.md:\n")
    print(snippet)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(snippet + "\n", encoding="utf-8")
    if errors or load.errors:
        print(f"\n{errors + load.errors} requests failed: figures not valid", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
