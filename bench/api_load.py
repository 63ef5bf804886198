"""API load: latency and throughput of GET /api/events?limit=100 under 20 concurrent clients.

Builds a SQLite store of 10,000 synthetic events (written directly with Store.replace_events:
varied types, dates, places, actors and fatalities), serves it with uvicorn in a subprocess
(`wirewatch serve`'s app, without the dashboard), and drives it with `wrk` when it is on PATH
(else an asyncio httpx client), closed loop: each client sends its next request when the last
one is answered. Writes bench/results/api_load.json.

    .venv/bin/python bench/api_load.py [--events 10000] [--clients 20] [--seconds 20] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.event_factory import synthetic_events  # noqa: E402

from wirewatch.store import Store  # noqa: E402

#: The goal for the list path on the project's 2-core machine.
TARGET_P99_MS = 100.0

#: Seconds of load before measuring, so connection set-up and first-query caches do not count.
WARMUP_SECONDS = 3

#: Sequential requests that measure one request's service time without queueing.
SEQUENTIAL_REQUESTS = 200

_SERVER = """
import sys, uvicorn
workers = int(sys.argv[3])
uvicorn.run("wirewatch.api.app:create_app", factory=True, host="127.0.0.1", port=int(sys.argv[2]),
            workers=workers if workers > 1 else None, log_level="warning", access_log=False)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(base: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with status {server.returncode}")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not come up within a minute")


def process_tree_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children (uvicorn's workers), from /proc:
    unlike latency, it does not depend on what else the shared machine is running."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        process_id, parent_id = int(stat.parent.name), int(fields[1])
        if process_id == pid or parent_id == pid:
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
    return total


def _milliseconds(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url: str, clients: int, seconds: int) -> dict[str, object]:
    # Two wrk threads (one per core); wrk shares the machine with the server, as a real
    # client on the same host would.
    command = ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--latency", url]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    percentiles = {
        match.group(1): _milliseconds(match.group(2))
        for match in re.finditer(r"^\s+(50|75|90|99)%\s+(\S+)$", output, re.MULTILINE)
    }
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "tool": "wrk",
        "requests": requests,
        "requests_per_second": round(rate, 1),
        "p50_ms": round(percentiles["50"], 2),
        "p90_ms": round(percentiles["90"], 2),
        "p99_ms": round(percentiles["99"], 2),
        "failed": int(errors.group(1)) if errors else 0,
    }


async def _client_loop(client: httpx.AsyncClient, url: str, until: float, latencies: list[float]) -> int:
    failed = 0
    while time.perf_counter() < until:
        started = time.perf_counter()
        response = await client.get(url)
        latencies.append((time.perf_counter() - started) * 1000)
        failed += response.status_code != 200
    return failed


async def _run_httpx(url: str, clients: int, seconds: int) -> dict[str, object]:
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        started = time.perf_counter()
        until = started + seconds
        failed = await asyncio.gather(*(_client_loop(client, url, until, latencies) for _ in range(clients)))
        elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "tool": "httpx-asyncio",
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(cuts[49], 2),
        "p90_ms": round(cuts[89], 2),
        "p99_ms": round(cuts[98], 2),
        "failed": sum(failed),
    }


def sequential(url: str) -> dict[str, float]:
    """One client, one request at a time: the service time without queueing."""
    timings = []
    with httpx.Client(timeout=30) as client:
        for _ in range(SEQUENTIAL_REQUESTS):
            started = time.perf_counter()
            client.get(url).raise_for_status()
            timings.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(timings, n=100)
    return {"p50_ms": round(cuts[49], 2), "p99_ms": round(cuts[98], 2)}


def measure(db_url: str, workers: int, args: argparse.Namespace, use_wrk: bool) -> dict[str, object]:
    """Serve the store with ``workers`` uvicorn processes and load it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    url = base + args.path
    env = {**os.environ, "WIREWATCH_DB": db_url}
    env.pop("WIREWATCH_TOKEN", None)
    server = subprocess.Popen([sys.executable, "-c", _SERVER, db_url, str(port), str(workers)], env=env)
    try:
        wait_until_up(base, server)
        body_bytes = len(httpx.get(url, timeout=30).content)
        one_at_a_time = sequential(url)
        load_before = os.getloadavg()[0]
        if use_wrk:
            run_wrk(url, args.clients, WARMUP_SECONDS)
            cpu_before = process_tree_cpu_seconds(server.pid)
            load = run_wrk(url, args.clients, args.seconds)
        else:
            asyncio.run(_run_httpx(url, args.clients, WARMUP_SECONDS))
            cpu_before = process_tree_cpu_seconds(server.pid)
            load = asyncio.run(_run_httpx(url, args.clients, args.seconds))
        server_cpu = process_tree_cpu_seconds(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait(timeout=30)
    requests = int(str(load["requests"]))
    return {
        "uvicorn_workers": workers,
        "response_bytes": body_bytes,
        "sequential": one_at_a_time,
        **load,
        "server_cpu_ms_per_request": round(server_cpu * 1000 / max(1, requests), 2),
        # The machine is shared: a 1-minute load average above the 2 cores means the latencies
        # include waiting for CPU that other work held; CPU per request does not.
        "load_average_1min_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "target_met": float(str(load["p99_ms"])) < TARGET_P99_MS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument(
        "--workers", default="1,2", help="uvicorn worker processes; a comma-separated list runs each in turn"
    )
    parser.add_argument("--path", default="/api/events?limit=100", help="the request to load")
    parser.add_argument("--tool", choices=("auto", "wrk", "httpx"), default="auto")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "api_load.json")
    args = parser.parse_args()

    use_wrk = args.tool == "wrk" or (args.tool == "auto" and shutil.which("wrk") is not None)
    runs = []
    with tempfile.TemporaryDirectory() as scratch:
        db_url = f"sqlite:///{scratch}/bench.db"
        started = time.perf_counter()
        with Store.open(db_url) as store:
            store.replace_events(synthetic_events(args.events))
        build_seconds = time.perf_counter() - started
        for workers in (int(value) for value in args.workers.split(",")):
            run = measure(db_url, workers, args, use_wrk)
            runs.append(run)
            print(
                f"{args.path} on {args.events} events, {args.clients} clients, {workers} worker(s), "
                f"{run['tool']}: p50 {run['p50_ms']} ms, p99 {run['p99_ms']} ms, "
                f"{run['requests_per_second']} requests/s ({run['failed']} failed); server CPU "
                f"{run['server_cpu_ms_per_request']} ms/request; machine load "
                f"{run['load_average_1min_before_after']}"
            )

    report = {
        "benchmark": "api_load",
        "date": time.strftime("%Y-%m-%d"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "store": {"backend": "sqlite", "events": args.events, "build_seconds": round(build_seconds, 1)},
        "request": args.path,
        "clients": args.clients,
        "seconds": args.seconds,
        "target_p99_ms": TARGET_P99_MS,
        "runs": runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
