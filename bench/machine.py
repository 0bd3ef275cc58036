"""Facts about the machine a benchmark ran on, so figures from different runs can be compared."""

from __future__ import annotations

import os
import platform
import re
from pathlib import Path

from procs import run_bounded


def machine_facts() -> dict[str, str]:
    return {
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count() or "unknown"),
        "ram": _ram(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "node": _first_line(["node", "--version"]),
        "java": _first_line(["java", "-version"]),
        # Other work on the machine skews every figure; the load when the run started tells how much.
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown"
    match = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else platform.processor() or "unknown"


def _ram() -> str:
    try:
        text = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    match = re.search(r"^MemTotal:\s*(\d+) kB", text, re.MULTILINE)
    return f"{int(match.group(1)) / 1024 / 1024:.1f} GiB" if match else "unknown"


def _first_line(argv: list[str]) -> str:
    outcome = run_bounded(argv, timeout=30)
    lines = (outcome.stdout + outcome.stderr).strip().splitlines()
    return lines[0] if outcome.ok and lines else "not found"
