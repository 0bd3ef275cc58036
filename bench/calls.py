"""Per-call figures against json_server.py: import + client + first call in fresh interpreters, and
timed runs of typed calls. Clients measured together share one server and have their runs
interleaved (sdkgen, plain httpx, sdkgen, ...), so a ratio between them is not skewed by the
machine's speed drifting between minutes.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from measure import first_call_ms, import_floor_ms, timed_calls
from results import ToolResult
from stats import Summary

HERE = Path(__file__).resolve().parent
CALL_TIMEOUT = 600.0
IMPORT_TIMEOUT = 300.0
EXPECTED = "225"  # the server's ChatSessionId: a call only counts when its result carries it


@dataclass
class Client:
    adapter: str  # key in adapters.ADAPTERS
    package: str
    result: ToolResult
    first_call_repeats: int
    call_runs: int


@contextmanager
def json_server(max_seconds: float) -> Iterator[str]:
    """json_server.py in its own process for the duration; yields its base URL."""
    server = subprocess.Popen(
        [sys.executable, str(HERE / "json_server.py"), "--max-seconds", str(max_seconds)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        yield f"http://127.0.0.1:{int(server.stdout.readline())}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def measure_clients(
    python: Path,
    clients: list[Client],
    *,
    calls: int,
    floor_repeats: int,
    progress: Callable[[str], None],
) -> Summary | str | None:
    """First calls, then timed calls, of every client in one server session; with floor_repeats,
    `import httpx` + pydantic's BaseModel is timed in the same rounds. Returns the floor figure (or
    why it failed; None when not asked for)."""
    longest = max((c.call_runs for c in clients), default=1)
    with json_server(CALL_TIMEOUT * (longest + 1) * max(len(clients), 1)) as base_url:
        progress(f"{', '.join(c.result.tool for c in clients)}: import + first call")
        floor = _first_calls(python, clients, base_url, floor_repeats)
        progress(f"{', '.join(c.result.tool for c in clients)}: runs of {calls} typed calls")
        _timed_calls(python, clients, base_url, calls)
    return floor


def _first_calls(python: Path, clients: list[Client], base_url: str, floor_repeats: int) -> Summary | str | None:
    times: dict[str, list[float]] = {c.result.tool: [] for c in clients}
    floor: list[float] = []
    floor_error: str | None = None
    rounds = max([floor_repeats, *(c.first_call_repeats for c in clients)])
    for index in range(rounds):
        for client in clients:
            if index >= client.first_call_repeats or "first call" in client.result.errors:
                continue
            one = first_call_ms(python, client.adapter, client.package, base_url, repeats=1, timeout=IMPORT_TIMEOUT)
            if isinstance(one, str):
                client.result.errors["first call"] = one
            else:
                times[client.result.tool] += one
        if index < floor_repeats and floor_error is None:
            one = import_floor_ms(python, repeats=1, timeout=IMPORT_TIMEOUT)
            if isinstance(one, str):
                floor_error = one
            else:
                floor += one
    for client in clients:
        if times[client.result.tool]:
            client.result.first_call_ms = Summary.of(times[client.result.tool])
    if floor_error is not None:
        return floor_error
    return Summary.of(floor) if floor else None


def _timed_calls(python: Path, clients: list[Client], base_url: str, calls: int) -> None:
    rates: dict[str, list[float]] = {c.result.tool: [] for c in clients}
    cpu: dict[str, list[float]] = {c.result.tool: [] for c in clients}
    for index in range(max((c.call_runs for c in clients), default=0)):
        for client in clients:
            if index >= client.call_runs or "call" in client.result.errors:
                continue
            run = timed_calls(python, client.adapter, client.package, base_url, calls=calls, timeout=CALL_TIMEOUT)
            if isinstance(run, str):
                client.result.errors["call"] = run
            elif EXPECTED not in run.first_result:
                client.result.errors["call"] = f"unexpected result: {run.first_result[:80]}"
            else:
                rates[client.result.tool].append(run.calls_per_s)
                cpu[client.result.tool].append(run.cpu_us_per_call)
    for client in clients:
        tool = client.result.tool
        if rates[tool] and "call" not in client.result.errors:
            client.result.calls_per_s = Summary.of(rates[tool])
            client.result.cpu_us_per_call = Summary.of(cpu[tool])
