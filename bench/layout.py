"""What a generator wrote: where the importable package is, how many lines it has, and which
module holds the benchmarked operation. Pure filesystem reading; no imports of generated code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_SKIP_DIRS = {"test", "tests", "docs", "__pycache__", ".git", "build", "dist"}


@dataclass(frozen=True)
class GeneratedPackage:
    project_dir: Path  # the directory to `pip install`
    package_dir: Path  # the importable package (has __init__.py)
    installable: bool  # project_dir has pyproject.toml or setup.py

    @property
    def name(self) -> str:
        return self.package_dir.name


def locate_package(output_dir: Path, expected_name: str | None = None) -> GeneratedPackage | None:
    """Find the generated package: `expected_name` if present, else the shallowest package dir."""
    candidates = sorted(
        (p.parent for p in output_dir.rglob("__init__.py") if not _skipped(p.relative_to(output_dir))),
        key=lambda p: (len(p.relative_to(output_dir).parts), str(p)),
    )
    if expected_name is not None:
        named = [p for p in candidates if p.name == expected_name]
        candidates = named or candidates
    if not candidates:
        return None
    package_dir = candidates[0]
    project_dir = package_dir.parent
    installable = (project_dir / "pyproject.toml").is_file() or (project_dir / "setup.py").is_file()
    return GeneratedPackage(project_dir, package_dir, installable)


def _skipped(relative: Path) -> bool:
    return any(part in _SKIP_DIRS or part.startswith(".") for part in relative.parts[:-1])


@dataclass(frozen=True)
class LineCount:
    files: int
    lines: int  # non-blank lines


def count_python_lines(root: Path, *, skip_tests: bool) -> LineCount:
    files = lines = 0
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if skip_tests and any(part in {"test", "tests"} for part in relative.parts[:-1]):
            continue
        if "__pycache__" in relative.parts:
            continue
        files += 1
        text = path.read_text(encoding="utf-8", errors="replace")
        lines += sum(1 for line in text.splitlines() if line.strip())
    return LineCount(files, lines)


def operation_module(package: GeneratedPackage, snake_name: str) -> str | None:
    """Dotted name of the module that defines the operation `snake_name` (e.g.
    reject_chat_session_transfer): a module named after it, else one defining a function or
    method whose name ends with it. Test modules are ignored."""
    files = sorted(p for p in package.package_dir.rglob("*.py") if not _skipped(p.relative_to(package.package_dir)))
    squashed = snake_name.replace("_", "")
    for path in files:
        if path.stem.replace("_", "").endswith(squashed):
            return _dotted(package, path)
    definition = re.compile(rf"^\s*(async\s+)?def\s+\w*{re.escape(snake_name)}\s*\(", re.MULTILINE)
    for path in files:
        if definition.search(path.read_text(encoding="utf-8", errors="replace")):
            return _dotted(package, path)
    return None


def _dotted(package: GeneratedPackage, path: Path) -> str:
    relative = path.relative_to(package.package_dir.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)
