"""Diagnostics: what went wrong with the input, where, and how bad it is.

Every stage reports problems as `Diagnostic` values instead of raising, so one bad page
never stops a run and nothing is dropped silently.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in one input file.

    `line` is 1-based; 0 means "the file as a whole".
    `code` is a short stable identifier (e.g. "table-row-cells") that tests and users can filter on.
    """

    file: str
    line: int
    severity: Severity = field(compare=False)
    code: str
    message: str = field(compare=False)

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity.value}: {self.message} [{self.code}]"


@dataclass
class Diagnostics:
    """An append-only collector handed down through a stage."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, file: str, line: int, severity: Severity, code: str, message: str) -> None:
        self.items.append(Diagnostic(file, line, severity, code, message))

    def warn(self, file: str, line: int, code: str, message: str) -> None:
        self.add(file, line, Severity.WARNING, code, message)

    def error(self, file: str, line: int, code: str, message: str) -> None:
        self.add(file, line, Severity.ERROR, code, message)

    def info(self, file: str, line: int, code: str, message: str) -> None:
        self.add(file, line, Severity.INFO, code, message)

    def extend(self, other: list[Diagnostic]) -> None:
        self.items.extend(other)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.items if d.severity is severity)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items)
