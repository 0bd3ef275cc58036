"""The speed targets, each a ratio (or a difference) against a yardstick measured in the same run,
so whether a target holds does not depend on how fast the machine happens to be that day."""

from __future__ import annotations

from dataclasses import dataclass

from results import BenchResults, ToolResult
from stats import Summary

PLAIN_HTTPX = "plain httpx"
# A second yardstick: the same call hand-written with httpx and a pydantic model (bench/adapters.py).
HANDWRITTEN = "httpx + pydantic by hand"
MICRO = "\u00b5s"
MIN_RUNS = 5  # the medians behind a target come from at least this many runs, when affordable


@dataclass(frozen=True)
class Side:
    label: str
    summary: Summary | None
    unit: str  # "s", "ms" or MICRO


@dataclass(frozen=True)
class TargetRow:
    key: str
    figure: str
    measured: Side
    yardstick: Side
    kind: str  # "ratio" or "difference"
    limit: float
    percent: bool = False  # show the ratio as a percentage

    @property
    def value(self) -> float | None:
        mine, theirs = self.measured.summary, self.yardstick.summary
        if mine is None or theirs is None:
            return None
        if self.kind == "difference":
            return mine.median - theirs.median
        return mine.median / theirs.median if theirs.median else None

    @property
    def holds(self) -> bool | None:
        value = self.value
        return None if value is None else value <= self.limit

    @property
    def fewest_runs(self) -> int:
        return min((s.summary.runs for s in (self.measured, self.yardstick) if s.summary), default=0)

    def show_value(self) -> str:
        value = self.value
        if value is None:
            return "-"
        if self.kind == "difference":
            return f"{value:.0f} {self.measured.unit}"
        return f"{value:.1%}" if self.percent else f"{value:.2f}"

    def show_limit(self) -> str:
        if self.kind == "difference":
            return f"at most {self.limit:.0f} {self.measured.unit}"
        return f"at most {self.limit:.0%}" if self.percent else f"at most {self.limit:.2f}"

    def show_holds(self) -> str:
        holds = self.holds
        return "not measured" if holds is None else "yes" if holds else "no"

    def show_medians(self) -> str:
        """`5.20 s (5 runs) / 10.76 s (5 runs)`: the medians the figure is computed from."""
        sign = " - " if self.kind == "difference" else " / "
        return sign.join(_side(s) for s in (self.measured, self.yardstick))


def _side(side: Side) -> str:
    if side.summary is None:
        return f"{side.label}: not measured"
    decimals = 2 if side.unit == "s" else 0
    runs = side.summary.runs
    return f"{side.label} {side.summary.median:.{decimals}f} {side.unit} ({runs} run{'' if runs == 1 else 's'})"


def _tool(results: BenchResults, name: str) -> ToolResult | None:
    return next((t for t in results.tools if t.tool == name), None)


def target_rows(results: BenchResults) -> list[TargetRow]:
    stages = results.sdkgen
    sdkgen = _tool(results, "sdkgen") or ToolResult(tool="sdkgen")
    httpx = _tool(results, PLAIN_HTTPX) or ToolResult(tool=PLAIN_HTTPX)
    opc = _tool(results, "openapi-python-client") or ToolResult(tool="openapi-python-client")
    cold = Side("cold", stages.build_cold, "s")
    return [
        TargetRow(
            "build_one_page_vs_cold",
            "`sdkgen build` after one page changed, against a cold build",
            Side("one page changed", stages.build_one_page, "s"),
            cold,
            "ratio",
            0.10,
            percent=True,
        ),
        TargetRow(
            "build_no_change_vs_cold",
            "`sdkgen build` with nothing changed, against a cold build",
            Side("nothing changed", stages.build_no_change, "s"),
            cold,
            "ratio",
            0.03,
            percent=True,
        ),
        TargetRow(
            "parse_vs_markdown_it",
            "`sdkgen parse` of the corpus (wall), against markdown-it-py's default parser over the "
            "same pages on one core (CPU)",
            Side("parse", stages.parse_wall, "s"),
            Side("markdown-it-py", stages.tokenize_reference, "s"),
            "ratio",
            0.5,
        ),
        TargetRow(
            "first_call_over_floor",
            "import + client + first call (real loopback transport), minus `import httpx` + "
            "`from pydantic import BaseModel`",
            Side("first call", sdkgen.first_call_ms, "ms"),
            Side("floor", stages.import_floor_ms, "ms"),
            "difference",
            25.0,
        ),
        TargetRow(
            "call_cpu_vs_httpx",
            "client CPU per call, against plain httpx making the same call and decoding its JSON",
            Side("sdkgen", sdkgen.cpu_us_per_call, MICRO),
            Side(PLAIN_HTTPX, httpx.cpu_us_per_call, MICRO),
            "ratio",
            1.1,
        ),
        TargetRow(
            "generate_vs_openapi_python_client",
            "`sdkgen generate` wall time, against openapi-python-client on the same spec",
            Side("sdkgen", sdkgen.generate_wall, "s"),
            Side("openapi-python-client", opc.generate_wall, "s"),
            "ratio",
            0.25,
        ),
    ]


def reference_rows(results: BenchResults) -> list[TargetRow]:
    """Figures without a target of their own that show where a target's yardstick stands: what
    plain httpx pays for its first call beyond its import, and what a hand-written httpx + pydantic
    client pays for the same first call and per call. Their `limit`
    is the target's, for comparison only."""
    stages = results.sdkgen
    sdkgen = _tool(results, "sdkgen") or ToolResult(tool="sdkgen")
    by_hand = _tool(results, HANDWRITTEN) or ToolResult(tool=HANDWRITTEN)
    httpx = _tool(results, PLAIN_HTTPX) or ToolResult(tool=PLAIN_HTTPX)
    return [
        TargetRow(
            # What httpx alone pays beyond its import (client with its TLS context, first request):
            # a part of any httpx-based SDK's first call that the floor does not hold.
            "httpx_first_call_over_import",
            "plain httpx's import + client + first call, minus `import httpx` alone",
            Side(PLAIN_HTTPX, httpx.first_call_ms, "ms"),
            Side("import httpx", httpx.import_package_ms, "ms"),
            "difference",
            25.0,
        ),
        TargetRow(
            "handwritten_first_call_over_floor",
            "a hand-written httpx + pydantic client's import + client + first call, minus `import httpx` + "
            "`from pydantic import BaseModel`",
            Side(HANDWRITTEN, by_hand.first_call_ms, "ms"),
            Side("floor", stages.import_floor_ms, "ms"),
            "difference",
            25.0,
        ),
        TargetRow(
            "first_call_over_handwritten",
            "sdkgen's import + client + first call, minus the hand-written httpx + pydantic client's",
            Side("sdkgen", sdkgen.first_call_ms, "ms"),
            Side(HANDWRITTEN, by_hand.first_call_ms, "ms"),
            "difference",
            25.0,
        ),
        TargetRow(
            "call_cpu_vs_handwritten",
            "client CPU per call, against the hand-written httpx + pydantic client (response validated into its model)",
            Side("sdkgen", sdkgen.cpu_us_per_call, MICRO),
            Side(HANDWRITTEN, by_hand.cpu_us_per_call, MICRO),
            "ratio",
            1.1,
        ),
    ]


def targets_json(results: BenchResults) -> list[dict[str, object]]:
    return [_row_json(row) for row in target_rows(results)]


def references_json(results: BenchResults) -> list[dict[str, object]]:
    return [_row_json(row) for row in reference_rows(results)]


def _row_json(row: TargetRow) -> dict[str, object]:
    return {
        "key": row.key,
        "figure": row.figure,
        "value": row.value,
        "limit": row.limit,
        "kind": row.kind,
        "holds": row.holds,
        "measured_median": row.measured.summary.median if row.measured.summary else None,
        "measured_runs": row.measured.summary.runs if row.measured.summary else 0,
        "yardstick_median": row.yardstick.summary.median if row.yardstick.summary else None,
        "yardstick_runs": row.yardstick.summary.runs if row.yardstick.summary else 0,
        "unit": row.measured.unit,
    }


def targets_markdown(results: BenchResults) -> list[str]:
    rows = target_rows(results)
    lines = [
        "| figure | measured | target | holds | medians behind it |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        cells = [row.figure, row.show_value(), row.show_limit(), row.show_holds(), row.show_medians()]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    short = [row.key for row in rows if 0 < row.fewest_runs < MIN_RUNS]
    if short:
        lines += ["", f"Fewer than {MIN_RUNS} runs behind: {', '.join(short)} (see the notes)."]
    lines += [
        "",
        "Where the yardsticks stand (no target of their own; the target of the row above them for comparison):",
        "",
        "| figure | measured | compare with | medians behind it |",
        "| --- | --- | --- | --- |",
    ]
    for row in reference_rows(results):
        cells = [row.figure, row.show_value(), row.show_limit(), row.show_medians()]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return lines


def closing_note(results: BenchResults) -> str:
    """One line per target for the end of the console output: verdict and the medians behind it."""
    lines = ["Targets (medians of the runs in this session):"]
    for row in target_rows(results):
        lines.append(f"  {row.key}: {row.show_value()} ({row.show_limit()}: {row.show_holds()}) = {row.show_medians()}")
    lines.append("Where the yardsticks stand (no targets):")
    for row in reference_rows(results):
        lines.append(f"  {row.key}: {row.show_value()} = {row.show_medians()}")
    return "\n".join(lines)
