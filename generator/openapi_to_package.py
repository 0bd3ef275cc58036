"""The second half of sdkgen: an OpenAPI document -> {relative path: formatted source}.

Plan, render and format are pure; black's results are cached by content (see writer.py)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Severity
from generator.plan import build_plan
from generator.render import render_package
from generator.writer import format_files


@dataclass(frozen=True, eq=False)
class GeneratedPackage(Mapping[str, str]):
    """The package's files (a mapping: relative path -> text) and what the plan reported."""

    files: dict[str, str]
    diagnostics: tuple[Diagnostic, ...] = ()
    operations: int = 0
    models: int = 0
    warnings: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "warnings", sum(d.severity is Severity.WARNING for d in self.diagnostics))

    def __getitem__(self, path: str) -> str:
        return self.files[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def summary(self) -> str:
        """`12 operations, 7 models, 1 warning`."""
        warnings = f"{self.warnings} warning" + ("" if self.warnings == 1 else "s")
        return f"{self.operations} operations, {self.models} models, {warnings}"


def generate_package(
    spec: dict[str, Any],
    *,
    package_name: str,
    version: str = "0.1.0",
    templates_dir: Path | None = None,
    cache_dir: Path | None = None,
    source: str = "openapi",
    profile: str | None = None,
) -> GeneratedPackage:
    """Plan, render and black-format a whole package; keys are paths relative to OUT_DIR.

    Every rendered Python file is compiled first, so a template bug or an unsafe spec string
    fails here, naming the file, instead of in the user's import. `source` names the spec in
    the diagnostics (`<source>#<JSON pointer>`).
    """
    plan = build_plan(spec, package_name=package_name, version=version, source=source, profile=profile)
    files = render_package(plan, templates_dir)
    return GeneratedPackage(
        format_files(files, cache_dir=cache_dir),
        plan.diagnostics,
        operations=plan.operation_count,
        models=len(plan.models),
    )
