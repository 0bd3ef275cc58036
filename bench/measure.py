"""Measurements that each start fresh processes: generation under the rusage wrapper, cold imports,
and timed typed calls."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from procs import Outcome, first_error_line, run_bounded

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class RunUsage:
    wall_s: float
    cpu_s: float
    max_rss_mib: float


def measure_command(argv: list[str], *, timeout: float, cwd: Path, env: dict[str, str]) -> RunUsage | str:
    """Wall/CPU/peak RSS of one run of argv, or the first error line when it fails."""
    wrapper = [
        sys.executable,
        str(HERE / "rusage_wrapper.py"),
        str(timeout),
        "--",
        *argv,
    ]
    outcome = run_bounded(wrapper, timeout=timeout + 60, cwd=cwd, env=env)
    if not outcome.ok:
        return f"measuring wrapper: {outcome.first_error_line()}"
    report = json.loads(outcome.stdout)
    if report["returncode"] is None:
        return f"timed out after {timeout:.0f} s"
    if report["returncode"] != 0:
        return first_error_line(report["output_tail"]) or f"exit {report['returncode']}"
    return RunUsage(report["wall_s"], report["cpu_s"], report["max_rss_kib"] / 1024)


_WITH_BYTECODE = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

IMPORT_SNIPPET = (
    "import importlib, sys, time\n"
    "start = time.perf_counter()\n"
    "importlib.import_module(sys.argv[1])\n"
    "print(time.perf_counter() - start)\n"
)


def repeated_runs(
    argv: list[str],
    *,
    repeats: int,
    timeout: float,
    read: Callable[[str], float],
    env: dict[str, str] | None = None,
) -> list[float] | str:
    """`read(stdout)` of `argv` run `repeats` times (bytecode on by default), or the first error."""
    figures: list[float] = []
    for _ in range(repeats):
        outcome = run_bounded(argv, timeout=timeout, env=_WITH_BYTECODE if env is None else env)
        if not outcome.ok:
            return outcome.first_error_line()
        figures.append(read(outcome.stdout))
    return figures


def _last_line_ms(stdout: str) -> float:
    return float(stdout.strip().splitlines()[-1]) * 1000


def cold_import_ms(python: Path, module: str, *, repeats: int, timeout: float) -> list[float] | str:
    """Import time of `module` in `repeats` fresh interpreters (interpreter start-up excluded)."""
    return repeated_runs(
        [str(python), "-c", IMPORT_SNIPPET, module], repeats=repeats, timeout=timeout, read=_last_line_ms
    )


@dataclass(frozen=True)
class CallRun:
    calls_per_s: float
    cpu_us_per_call: float
    first_result: str


def timed_calls(python: Path, tool: str, package: str, base_url: str, *, calls: int, timeout: float) -> CallRun | str:
    argv = [
        str(python),
        str(HERE / "call_client.py"),
        "--tool",
        tool,
        "--package",
        package,
        "--base-url",
        base_url,
        "--calls",
        str(calls),
    ]
    outcome: Outcome = run_bounded(argv, timeout=timeout)
    if not outcome.ok:
        return outcome.first_error_line()
    report = json.loads(outcome.stdout)
    return CallRun(
        calls_per_s=report["calls"] / report["wall_s"],
        cpu_us_per_call=report["cpu_s"] / report["calls"] * 1e6,
        first_result=report["first_result"],
    )


def first_call_ms(
    python: Path, tool: str, package: str, base_url: str, *, repeats: int, timeout: float
) -> list[float] | str:
    """Import + client + first call of `tool`'s SDK, in `repeats` fresh interpreters."""
    argv = [
        str(python),
        str(HERE / "call_client.py"),
        "--tool",
        tool,
        "--package",
        package,
        "--base-url",
        base_url,
        "--first-call",
    ]
    return repeated_runs(
        argv,
        repeats=repeats,
        timeout=timeout,
        read=lambda stdout: float(json.loads(stdout)["first_call_s"]) * 1000,
    )


FLOOR_SNIPPET = (
    "import time\n"
    "start = time.perf_counter()\n"
    "import httpx\n"
    "from pydantic import BaseModel\n"
    "print(time.perf_counter() - start)\n"
)


def import_floor_ms(python: Path, *, repeats: int, timeout: float) -> list[float] | str:
    """What any httpx + pydantic SDK pays before its own code runs: importing the two."""
    return repeated_runs([str(python), "-c", FLOOR_SNIPPET], repeats=repeats, timeout=timeout, read=_last_line_ms)
