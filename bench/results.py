"""The benchmark's results as plain data (serialised to latest.json, rendered to latest.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from stats import Summary


@dataclass
class ToolResult:
    tool: str
    version: str = "unknown"
    generate_wall: Summary | None = None
    generate_cpu: Summary | None = None
    peak_rss_mib: float | None = None  # max over runs of the largest process in the tree
    generate_warm_cache_s: float | str | None = None  # sdkgen only: seconds, or why it failed
    package: str | None = None
    py_files: int | None = None
    py_lines: int | None = None  # non-blank lines of the importable package, tests excluded
    py_lines_all: int | None = None  # everything the tool wrote, tests and docs included
    installs: bool | None = None
    install_note: str = ""
    operation_module: str | None = None
    import_package_ms: Summary | None = None
    import_operation_ms: Summary | None = None
    first_call_ms: Summary | None = None  # import + client + first call, fresh interpreter
    calls_per_s: Summary | None = None
    cpu_us_per_call: Summary | None = None
    errors: dict[str, str] = field(default_factory=dict)  # column -> first error line


@dataclass
class SdkgenStages:
    parse_wall: Summary | None = None
    parse_peak_rss_mib: float | None = None
    # Calibration: markdown-it-py's default MarkdownIt().parse over the corpus, one core.
    tokenize_reference: Summary | None = None
    # Calibration: `import httpx` + `from pydantic import BaseModel` in the runtime venv, ms.
    import_floor_ms: Summary | None = None
    # `sdkgen build` rounds in a throwaway project: cold, then nothing changed, then one page changed.
    build_cold: Summary | None = None
    build_no_change: Summary | None = None
    build_one_page: Summary | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class GrowthPoint:
    """One stage (parse or generate) on the corpus copied `factor` times."""

    stage: str
    factor: int
    pages: int  # Markdown pages in the copied corpus
    wall: Summary | None = None
    cpu: Summary | None = None  # user + system CPU of the whole process tree
    error: str | None = None


@dataclass
class BenchResults:
    spec: str  # repo-relative or descriptive, never an absolute path
    spec_operations: int
    runs: int
    calls: int
    machine: dict[str, str]
    tools: list[ToolResult]
    sdkgen: SdkgenStages
    notes: list[str]
    growth: list[GrowthPoint] = field(default_factory=list)
