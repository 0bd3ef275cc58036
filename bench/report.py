"""Render BenchResults as a Markdown report and as JSON, with every figure also given as a ratio to
sdkgen's (a ratio above 1 means the peer takes more time/memory/lines than sdkgen, except calls/s
where above 1 means the peer is faster)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

from growth import LINEAR_TOLERANCE, growth_vs_1x, linear, per_page_ms
from results import BenchResults, GrowthPoint, ToolResult
from stats import Summary
from targets import references_json, targets_json, targets_markdown

Metric = Callable[[ToolResult], float | None]

# (column key, how to read the figure from a result) for every figure that gets a ratio
RATIO_METRICS: dict[str, Metric] = {
    "generate_wall": lambda r: r.generate_wall.median if r.generate_wall else None,
    "generate_cpu": lambda r: r.generate_cpu.median if r.generate_cpu else None,
    "peak_rss_mib": lambda r: r.peak_rss_mib,
    "py_lines": lambda r: float(r.py_lines) if r.py_lines is not None else None,
    "import_package_ms": lambda r: r.import_package_ms.median if r.import_package_ms else None,
    "import_operation_ms": lambda r: r.import_operation_ms.median if r.import_operation_ms else None,
    "first_call_ms": lambda r: r.first_call_ms.median if r.first_call_ms else None,
    "calls_per_s": lambda r: r.calls_per_s.median if r.calls_per_s else None,
    "cpu_us_per_call": lambda r: r.cpu_us_per_call.median if r.cpu_us_per_call else None,
}


def ratios(results: BenchResults) -> dict[str, dict[str, float | None]]:
    """tool -> metric -> figure / sdkgen's figure (None when either is missing)."""
    base = next((t for t in results.tools if t.tool == "sdkgen"), None)
    table: dict[str, dict[str, float | None]] = {}
    for tool in results.tools:
        row: dict[str, float | None] = {}
        for key, metric in RATIO_METRICS.items():
            mine = metric(tool)
            theirs = metric(base) if base else None
            row[key] = mine / theirs if mine is not None and theirs else None
        table[tool.tool] = row
    return table


def to_json(results: BenchResults) -> str:
    document: dict[str, Any] = dataclasses.asdict(results)
    document["ratios_vs_sdkgen"] = ratios(results)
    document["targets"] = targets_json(results)
    document["references"] = references_json(results)
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def to_markdown(results: BenchResults) -> str:
    ratio_table = ratios(results)
    lines = [
        "# sdkgen benchmark",
        "",
        f"Spec: `{results.spec}` ({results.spec_operations} operations). "
        f"Generation runs: {_generation_runs(results)}; typed calls per run: {results.calls}.",
        "",
        "## Targets",
        "",
        "Each target is a ratio (or a difference) against a yardstick measured in this same run.",
        "",
        *targets_markdown(results),
        "",
        "## Tools",
        "",
        "| tool | version | generate s (median, min–max) | generate CPU s | peak RSS MiB "
        "| Python lines (files) | installs | import package ms | import operation ms "
        "| import + first call ms | calls/s | client CPU µs/call |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for tool in results.tools:
        r = ratio_table[tool.tool]
        show_ratio = tool.tool != "sdkgen"
        shown: set[str] = set()  # stages whose error is already in this row
        cells = [
            tool.tool,
            tool.version,
            _cell(
                tool,
                "generate",
                _spread(tool.generate_wall, "{:.2f}"),
                r["generate_wall"],
                show_ratio,
                shown,
            ),
            _cell(
                tool,
                "generate",
                _median(tool.generate_cpu, "{:.2f}"),
                r["generate_cpu"],
                show_ratio,
                shown,
            ),
            _cell(
                tool,
                "generate",
                _number(tool.peak_rss_mib, "{:.0f}"),
                r["peak_rss_mib"],
                show_ratio,
                shown,
            ),
            _cell(tool, "lines", _lines(tool), r["py_lines"], show_ratio, shown),
            _install_cell(tool),
            _cell(
                tool,
                "import",
                _median(tool.import_package_ms, "{:.0f}"),
                r["import_package_ms"],
                show_ratio,
                shown,
            ),
            _cell(
                tool,
                "import",
                _median(tool.import_operation_ms, "{:.0f}"),
                r["import_operation_ms"],
                show_ratio,
                shown,
            ),
            _cell(
                tool,
                "first call",
                _median(tool.first_call_ms, "{:.0f}"),
                r["first_call_ms"],
                show_ratio,
                shown,
            ),
            _cell(
                tool,
                "call",
                _median(tool.calls_per_s, "{:.0f}"),
                r["calls_per_s"],
                show_ratio,
                shown,
            ),
            _cell(
                tool,
                "call",
                _median(tool.cpu_us_per_call, "{:.0f}"),
                r["cpu_us_per_call"],
                show_ratio,
                shown,
            ),
        ]
        lines.append("| " + " | ".join(_escape(c) for c in cells) + " |")

    stages = results.sdkgen
    lines += [
        "",
        "Ratios in parentheses are the peer's figure divided by sdkgen's.",
        "",
        "## sdkgen stages on the corpus",
        "",
        "| figure | seconds |",
        "| --- | --- |",
        f"| parse corpus -> OpenAPI (median, min–max) | {_spread(stages.parse_wall, '{:.2f}')} |",
        f"| parse peak RSS MiB | {_number(stages.parse_peak_rss_mib, '{:.0f}')} |",
        f"| calibration: markdown-it-py `MarkdownIt().parse` of the corpus, CPU s on one core (median, min–max) | {_spread(stages.tokenize_reference, '{:.2f}')} |",
        f"| calibration: `import httpx` + `from pydantic import BaseModel`, ms (median, min–max) | {_spread(stages.import_floor_ms, '{:.0f}')} |",
        f"| `sdkgen generate` into a new folder, formatting cache warm | {_warm(results)} |",
        f"| `sdkgen build`, cold (median, min–max) | {_spread(stages.build_cold, '{:.2f}')} |",
        f"| `sdkgen build`, nothing changed (median, min–max) | {_spread(stages.build_no_change, '{:.2f}')} |",
        f"| `sdkgen build`, one page changed (median, min–max) | {_spread(stages.build_one_page, '{:.2f}')} |",
    ]
    lines += _growth(results.growth)
    notes = stages.notes + results.notes
    if notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in notes]
    lines += ["", "## Machine", ""] + [f"- {key}: {value}" for key, value in results.machine.items()]
    return "\n".join(lines) + "\n"


def _generation_runs(results: BenchResults) -> str:
    counted = [f"{t.tool} {t.generate_wall.runs}" for t in results.tools if t.generate_wall]
    return ", ".join(counted) or "none"


def _growth(points: list[GrowthPoint]) -> list[str]:
    if not points:
        return []
    lines = [
        "",
        "## How cost grows with the corpus",
        "",
        "The corpus copied 1×, 2× and 4× (every page again under a new uid, folder and URL path). "
        f"Linear: the CPU cost per page stays at most {LINEAR_TOLERANCE:.0%} above the 1× figure.",
        "",
        "| stage | size | pages | runs | wall s (median) | wall ms/page (vs 1×) | CPU s (median) "
        "| CPU ms/page (vs 1×) | linear |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for point in points:
        if point.error is not None:
            lines.append(
                f"| {point.stage} | {point.factor}× | {point.pages} | – | failed: {_escape(point.error)} "
                "| – | – | – | – |"
            )
            continue
        wall_ratio, cpu_ratio = growth_vs_1x(points, point, cpu=False), growth_vs_1x(points, point, cpu=True)
        verdict = linear(cpu_ratio)
        cells = [
            point.stage,
            f"{point.factor}×",
            str(point.pages),
            str(point.cpu.runs) if point.cpu else "–",
            _median(point.wall, "{:.2f}"),
            _per_page(per_page_ms(point, cpu=False), wall_ratio),
            _median(point.cpu, "{:.2f}"),
            _per_page(per_page_ms(point, cpu=True), cpu_ratio),
            "–" if point.factor == 1 or verdict is None else "yes" if verdict else "no",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _per_page(ms: float | None, ratio: float | None) -> str:
    if ms is None:
        return "–"
    return f"{ms:.2f}" if ratio is None else f"{ms:.2f} ({ratio:.2f}×)"


def _warm(results: BenchResults) -> str:
    sdkgen = next((t for t in results.tools if t.tool == "sdkgen"), None)
    value = sdkgen.generate_warm_cache_s if sdkgen else None
    if isinstance(value, str):
        return f"failed: {value}"
    return _number(value, "{:.2f}")


def _cell(
    tool: ToolResult,
    stage: str,
    text: str,
    ratio: float | None,
    show_ratio: bool,
    shown: set[str],
) -> str:
    if stage in tool.errors:
        # The error is shown once, in the stage's first column; its other columns stay empty.
        if stage in shown:
            return "–"
        shown.add(stage)
        return f"failed: {tool.errors[stage]}"
    if show_ratio and ratio is not None:
        return f"{text} ({ratio:.2f}×)"
    return text


def _install_cell(tool: ToolResult) -> str:
    if "install" in tool.errors:
        return f"no: {tool.errors['install']}"
    if tool.installs is None:
        return "–"
    answer = "yes" if tool.installs else "no"
    return f"{answer} ({tool.install_note})" if tool.install_note else answer


def _lines(tool: ToolResult) -> str:
    if tool.py_lines is None:
        return "–"
    return f"{tool.py_lines:,} ({tool.py_files})"


def _spread(summary: Summary | None, fmt: str) -> str:
    if summary is None:
        return "–"
    if summary.runs == 1:
        return fmt.format(summary.median)
    return f"{fmt.format(summary.median)} ({fmt.format(summary.low)}–{fmt.format(summary.high)})"


def _median(summary: Summary | None, fmt: str) -> str:
    return fmt.format(summary.median) if summary else "–"


def _number(value: float | None, fmt: str) -> str:
    return fmt.format(value) if value is not None else "–"


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")
