"""Time-bounded subprocesses whose failures become data, not exceptions.

Every external step of the benchmark goes through `run_bounded`, so a hung or crashing tool costs
at most its timeout and shows up as a table cell.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

_ERROR_WORDS = re.compile(r"error|exception|failed|fatal|traceback", re.IGNORECASE)


@dataclass(frozen=True)
class Outcome:
    argv: tuple[str, ...]
    returncode: int | None  # None when the process was killed for its timeout
    seconds: float
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def timed_out(self) -> bool:
        return self.returncode is None

    def first_error_line(self) -> str:
        """The line a person would read first to see why the step failed."""
        if self.timed_out:
            return f"timed out after {self.seconds:.0f} s"
        return first_error_line(self.stderr + "\n" + self.stdout) or f"exit {self.returncode}"


def first_error_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # Tracebacks put the real message last; other tools put it on the first line naming an error.
    if any(line.startswith("Traceback") for line in lines):
        return _clip(lines[-1])
    for line in lines:
        if _ERROR_WORDS.search(line):
            return _clip(line)
    return _clip(lines[-1]) if lines else ""


def _clip(line: str, limit: int = 160) -> str:
    return line if len(line) <= limit else line[: limit - 1] + "…"


def run_bounded(
    argv: list[str],
    *,
    timeout: float,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Outcome:
    """Run argv with no stdin; on timeout kill its whole process group (Java forks survive otherwise)."""
    start = time.perf_counter()
    try:
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            start_new_session=True,
        )
    except OSError as exc:
        return Outcome(tuple(argv), 127, 0.0, "", f"error: cannot start {argv[0]}: {exc}")
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
        returncode: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        stdout, stderr = proc.communicate()
        returncode = None
    return Outcome(tuple(argv), returncode, time.perf_counter() - start, stdout, stderr)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
