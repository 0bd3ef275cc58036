"""Rendering an `ApiDiff` as Markdown (for people) or JSON (for tools). Pure: returns text."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from generator.diff.changes import ApiDiff, Change, ChangeKind

# How many users of a schema are named in Markdown before "and N more".
_USERS_SHOWN = 5


def summary(diff: ApiDiff) -> dict[str, int]:
    return {
        "breaking": len(diff.breaking),
        "non_breaking": len(diff.non_breaking),
        "operations_added": diff.count(ChangeKind.OPERATION_ADDED),
        "operations_removed": diff.count(ChangeKind.OPERATION_REMOVED),
        "operations_old": diff.operations_old,
        "operations_new": diff.operations_new,
        "schemas_old": diff.schemas_old,
        "schemas_new": diff.schemas_new,
        "docs_changed": diff.docs_changed,
    }


def to_json(diff: ApiDiff) -> str:
    """Stable JSON: sorted keys, changes in `Change.sort_key` order, trailing newline."""
    payload: dict[str, Any] = {
        "summary": summary(diff),
        "changes": [c.to_json() for c in diff.changes],
    }
    return json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _code(text: str) -> str:
    return f"`{text}`" if "`" not in text else f"``{text}``"


# The part of a location already given by the heading it is listed under.
_OWNER_PREFIX = re.compile(r"^#/(?:paths/[^/]+/[a-z]+|components/schemas/[^/]+)/?")


def _line(change: Change) -> str:
    text = f"- **{change.kind.value}**: {change.message}"
    values = [v for v in (change.old, change.new) if v is not None]
    # Old and new are shown unless the message already says them ("type changed from A to B").
    if values and not all(isinstance(v, str) and v in change.message for v in values):
        text += f" ({_value(change.old)} → {_value(change.new)})"
    inner = _OWNER_PREFIX.sub("", change.location)
    if inner and (change.operation is not None or change.schema is not None):
        text += f" at {_code(inner.replace('~1', '/').replace('~0', '~'))}"
    elif change.operation is None and change.schema is None:
        text += f" at {_code(change.location)}"
    return text


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return _code(value)
    return _code(json.dumps(value, sort_keys=True, ensure_ascii=False))


def _section(title: str, changes: Iterable[Change]) -> list[str]:
    """Operation changes grouped by tag then operation, then schema changes grouped by schema."""
    lines: list[str] = [f"## {title}", ""]
    current_tag: object = object()
    current_op: str | None = None
    current_schema: str | None = None
    for change in changes:
        if change.operation is not None:
            tag = change.tag or "(untagged)"
            if tag != current_tag:
                lines += [f"### {tag}", ""]
                current_tag, current_op = tag, None
            if change.operation != current_op:
                lines += [f"#### {_code(change.operation)}", ""]
                current_op = change.operation
        else:
            if current_tag != "Schemas":
                lines += ["### Schemas", ""]
                current_tag = "Schemas"
            name = change.schema or "(global)"
            if name != current_schema:
                lines += [f"#### {_code(name)}", ""]
                users = change.operations
                if users:
                    shown = ", ".join(_code(u) for u in users[:_USERS_SHOWN])
                    more = f" and {len(users) - _USERS_SHOWN} more" if len(users) > _USERS_SHOWN else ""
                    lines += [f"Used by {len(users)} operation{'s' if len(users) != 1 else ''}: {shown}{more}.", ""]
                current_schema = name
        lines.append(_line(change))
    lines.append("")
    return _tidy(lines)


def _tidy(lines: list[str]) -> list[str]:
    """Put a blank line after each list, as Markdown renderers expect, without doubling blanks."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].startswith("- ") and line and not line.startswith("- "):
            out.append("")
        if line == "" and out and out[-1] == "":
            continue
        out.append(line)
    return out


def to_markdown(diff: ApiDiff, *, title: str = "API changes") -> str:
    counts = summary(diff)
    lines = [
        f"# {title}",
        "",
        "| | count |",
        "| --- | ---: |",
        f"| breaking changes | {counts['breaking']} |",
        f"| non-breaking changes | {counts['non_breaking']} |",
        f"| operations added | {counts['operations_added']} |",
        f"| operations removed | {counts['operations_removed']} |",
        f"| operations (old → new) | {diff.operations_old} → {diff.operations_new} |",
        f"| schemas (old → new) | {diff.schemas_old} → {diff.schemas_new} |",
        f"| documentation-only changes | {diff.docs_changed} |",
        "",
    ]
    if not diff.changes:
        lines += [
            "No API changes."
            if diff.docs_changed == 0
            else "No API changes; documentation changes are listed with `--include-docs`.",
            "",
        ]
    if diff.breaking:
        lines += _section("Breaking changes", diff.breaking)
    if diff.non_breaking:
        lines += _section("Non-breaking changes", diff.non_breaking)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
