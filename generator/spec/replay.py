"""The spec stage's result as plain data, and its replay when only pages' local parts changed.

`SpecState` is what a full build of the spec stage produced: the document, the stats, and the
diagnostics in the order they were emitted, with each page's parse diagnostics and each page's
operation diagnostics kept as segments of their own (markers in `sequence`), plus, per page, the
`OperationContext` its operation was built with and where that operation sits in `paths`.

`replay` takes a state and pages whose shared contribution (spec/contribution.py) is proven
unchanged: it rebuilds each such page's operation with `build_operation`, the function the full
build uses, in the stored context, puts it where the old one was (a primary operation's path
parameters widened by its variants again, the component renames applied again), swaps the
page's diagnostic segments, and moves the line numbers that the shared diagnostics and naming
evidence hold for pages whose lines moved. The result is what a full build gives: the same
document, the same diagnostics in the same sorted order (ties keep emission order, which the
sequence preserves), the same stats. Whatever it cannot prove raises NotReplayable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.diagnostics import Diagnostic, Diagnostics, Severity
from generator.parse.page_model import Page
from generator.spec.component_names import rewrite_refs
from generator.spec.document import BuildStats, SpecRecord
from generator.spec.explain import evidence_key
from generator.spec.operation import OperationContext, build_operation, widen_path_params

DiagTuple = tuple[str, int, str, str, str]  # file, line, severity value, code, message
PARSE, OPERATION = "@parse", "@op"  # segment markers in SpecState.sequence: (marker, file)


class NotReplayable(Exception):
    """The stored state cannot stand for this build (the message says why): build in full."""


def diag_tuple(diagnostic: Diagnostic) -> DiagTuple:
    return (diagnostic.file, diagnostic.line, diagnostic.severity.value, diagnostic.code, diagnostic.message)


def _diagnostic(item: Any) -> Diagnostic:
    file, line, severity, code, message = item
    return Diagnostic(file, line, Severity(severity), code, message)


@dataclass(frozen=True)
class SpecState:
    document: dict[str, Any]
    stats: BuildStats
    sequence: list[Any]  # DiagTuple, or (PARSE | OPERATION, file): that page's segment
    parse_diagnostics: dict[str, list[DiagTuple]]
    operation_diagnostics: dict[str, list[DiagTuple]]
    contexts: dict[str, tuple[Any, ...]]  # OperationContext.as_tuple()
    placements: dict[str, tuple[str, str, int]]  # path key, method, variant index (-1: the operation)
    schema_renames: dict[str, str]
    counts: tuple[int, int, int]  # files, endpoint pages, skipped

    def to_plain(self) -> dict[str, Any]:
        s = self.stats
        stats = (s.operations, s.variants, s.schemas, s.properties, s.untyped_properties, s.fallback_schemas)
        return {
            "document": self.document,
            "stats": (stats, list(s.name_report)),
            "sequence": self.sequence,
            "parse": self.parse_diagnostics,
            "operation": self.operation_diagnostics,
            "contexts": self.contexts,
            "placements": self.placements,
            "renames": self.schema_renames,
            "counts": self.counts,
        }

    @classmethod
    def from_plain(cls, plain: Any) -> SpecState:
        """The state `to_plain` wrote; TypeError/ValueError/KeyError when `plain` is not one."""
        (operations, variants, schemas, properties, untyped, fallback), report = plain["stats"]
        counts = tuple(int(n) for n in plain["counts"])
        if len(counts) != 3 or not isinstance(plain["document"], dict):
            raise ValueError("not a spec state")
        stats = BuildStats(
            int(operations), int(variants), int(schemas), int(properties), int(untyped), int(fallback), tuple(report)
        )
        return cls(
            plain["document"],
            stats,
            list(plain["sequence"]),
            dict(plain["parse"]),
            dict(plain["operation"]),
            dict(plain["contexts"]),
            dict(plain["placements"]),
            dict(plain["renames"]),
            (counts[0], counts[1], counts[2]),
        )

    def outputs(self) -> tuple[dict[str, Any], list[Diagnostic], BuildStats]:
        """The document, the sorted diagnostics and the stats, as the full build returned them."""
        items: list[Diagnostic] = []
        for entry in self.sequence:
            if len(entry) == 2:
                segments = self.parse_diagnostics if entry[0] == PARSE else self.operation_diagnostics
                items.extend(_diagnostic(item) for item in segments[entry[1]])
            else:
                items.append(_diagnostic(entry))
        return self.document, sorted(items), self.stats


def record_state(
    document: dict[str, Any],
    stats: BuildStats,
    items: list[Diagnostic],
    parse_ranges: dict[str, tuple[int, int]],
    record: SpecRecord,
    counts: tuple[int, int, int],
) -> SpecState:
    """The state of a full build: `items` in emission order, `parse_ranges` each page's parse
    diagnostics in it (record.operation_diagnostics its operation diagnostics)."""
    starts: dict[int, list[tuple[str, str, int]]] = {}
    # Ranges in the order they were recorded: parse segments first, then operations in build order.
    for kind, ranges in ((PARSE, parse_ranges), (OPERATION, record.operation_diagnostics)):
        for file, (start, end) in ranges.items():
            starts.setdefault(start, []).append((kind, file, end))
    sequence: list[Any] = []
    parse: dict[str, list[DiagTuple]] = {}
    operation: dict[str, list[DiagTuple]] = {}
    position = 0
    while position < len(items) or position in starts:
        opened = starts.pop(position, None)
        if opened is None:
            sequence.append(diag_tuple(items[position]))
            position += 1
            continue
        for kind, file, end in opened:
            sequence.append((kind, file))
            (parse if kind == PARSE else operation)[file] = [diag_tuple(d) for d in items[position:end]]
            position = max(position, end)
    for kind, file, _end in (entry for opened in starts.values() for entry in opened):
        sequence.append((kind, file))  # empty segments after the last diagnostic
        (parse if kind == PARSE else operation)[file] = []
    contexts = {file: ctx.as_tuple() for file, ctx in record.contexts.items()}
    return SpecState(
        document, stats, sequence, parse, operation, contexts, dict(record.placements), record.schema_renames, counts
    )


@dataclass(frozen=True)
class ChangedPage:
    page: Page | None
    parse_diagnostics: tuple[Diagnostic, ...]


def replay(state: SpecState, changed: Mapping[str, ChangedPage], moved: Mapping[str, dict[int, int]]) -> SpecState:
    """`state` with the operations and diagnostics of the `changed` pages rebuilt, and the lines of
    the `moved` pages (file -> every shared line's old -> new number) followed."""
    document = state.document
    operation_diags = dict(state.operation_diagnostics)
    # Variants first: a primary operation rebuilt later is widened by its variants as they are now.
    order = sorted(changed, key=lambda file: (state.placements.get(file, ("", "", 0))[2] < 0, file))
    for file in order:
        page = changed[file].page
        placement = state.placements.get(file)
        if page is None:
            if placement is not None:
                raise NotReplayable(f"{file} is no longer an endpoint page")
            continue
        if placement is None:
            raise NotReplayable(f"{file} had no operation in the stored document")
        local = Diagnostics()
        try:
            op = build_operation(page, OperationContext.from_tuple(state.contexts[file]), local, {})
        except Exception as error:  # the full build reports it (internal-error) and skips the page
            raise NotReplayable(f"{file}: {type(error).__name__}") from None
        if state.schema_renames:
            rewrite_refs(op, state.schema_renames)
        _place(document, placement, op)
        operation_diags[file] = [diag_tuple(d) for d in local.items]
    parse = dict(state.parse_diagnostics)
    for file, changed_page in changed.items():
        parse[file] = [diag_tuple(d) for d in changed_page.parse_diagnostics]
    sequence = [entry if len(entry) == 2 else _moved_diagnostic(entry, moved) for entry in state.sequence]
    report = tuple(_moved_evidence(entry, moved) for entry in state.stats.name_report) if moved else ()
    stats = replace(state.stats, name_report=report) if moved else state.stats
    return replace(
        state, stats=stats, sequence=sequence, parse_diagnostics=parse, operation_diagnostics=operation_diags
    )


def _place(document: dict[str, Any], placement: tuple[str, str, int], op: dict[str, Any]) -> None:
    path, method, index = placement
    item = document["paths"][path]
    if index >= 0:
        item[method]["x-sdkgen-variants"][index] = op
        return
    variants = item[method].get("x-sdkgen-variants")
    if variants is not None:
        for variant in variants:
            widen_path_params(op, variant)
        op["x-sdkgen-variants"] = variants
    item[method] = op


def _new_line(moved: Mapping[str, dict[int, int]], file: str, line: int) -> int:
    mapping = moved.get(file)
    if mapping is None or line == 0:
        return line
    if line not in mapping:
        raise NotReplayable(f"{file}:{line} is no line of the page's shared part")
    return mapping[line]


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _moved_diagnostic(entry: Any, moved: Mapping[str, dict[int, int]]) -> DiagTuple:
    file, line, severity, code, message = entry
    if not moved:
        return (file, line, severity, code, message)
    for other in moved:
        if f"{other}:" in message:  # `file:line` in the text (schema-conflict names where each type was seen)
            pattern = _PATTERNS.get(other) or _PATTERNS.setdefault(
                other, re.compile(r"(?<![\w./-])" + re.escape(other) + r":(\d+)")
            )
            message = pattern.sub(_line_replacer(moved, other), message)
    return (file, _new_line(moved, file, line), severity, code, message)


def _line_replacer(moved: Mapping[str, dict[int, int]], file: str) -> Callable[[re.Match[str]], str]:
    return lambda match: f"{file}:{_new_line(moved, file, int(match.group(1)))}"


def _moved_evidence(entry: dict[str, Any], moved: Mapping[str, dict[int, int]]) -> dict[str, Any]:
    evidence = entry["evidence"]
    if not any(item["file"] in moved for item in evidence):
        return entry
    items = [
        {**item, "line": _new_line(moved, item["file"], item["line"])} if item["file"] in moved else item
        for item in evidence
    ]
    items.sort(key=lambda item: evidence_key(item["kind"], item["file"], item["line"]))
    return {**entry, "evidence": items}
