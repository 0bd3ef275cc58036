"""Why each schema has its name: the evidence report of `sdkgen parse --explain-names`."""

from __future__ import annotations

from collections import Counter
from typing import Any

from generator.spec.schema_registry import NameNote, Registry

# Strongest first (naming.py); a schema's kind is the strongest evidence that named it.
KIND_ORDER = (
    "page-type",
    "type-cell",
    "description",
    "body-description",
    "summary",
    "owner",
    "response-entity",
    "confirmed-identity",
    "request-carrier",
    "json-patch",
    "subject",
    "identity",
    "property",
    "sibling",  # copies a name another table was given: never the reason on its own
    "fallback",
)
_RANK = {kind: index for index, kind in enumerate(KIND_ORDER)}


def evidence_key(kind: str, file: str, line: int) -> tuple[int, str, int]:
    """The order of a schema's evidence in the report: strongest kind first, then by place."""
    return (_RANK.get(kind, len(_RANK)), file, line)


def name_kind(notes: list[NameNote]) -> str:
    """The strongest kind of evidence among `notes` ('unexplained' without any)."""
    kinds = [note.kind for note in notes if note.kind in _RANK]
    return min(kinds, key=_RANK.__getitem__) if kinds else "unexplained"


def fallback_names(registry: Registry) -> list[str]:
    return sorted(name for name in registry.schemas if name_kind(registry.name_notes.get(name, [])) == "fallback")


def name_report(registry: Registry) -> list[dict[str, Any]]:
    """One entry per schema: its name, the strongest kind of evidence, and every piece of it."""
    report: list[dict[str, Any]] = []
    for name in sorted(registry.schemas):
        notes = registry.name_notes.get(name, [])
        counts = Counter(note.kind for note in notes)
        report.append(
            {
                "name": name,
                "named_by": name_kind(notes),
                "evidence": [
                    {"kind": note.kind, "text": note.text, "file": note.file, "line": note.line}
                    for note in sorted(notes, key=lambda n: evidence_key(n.kind, n.file, n.line))
                ],
                "counts": dict(sorted(counts.items())),
            }
        )
    return report


def report_markdown(report: list[dict[str, Any]]) -> str:
    """The report as Markdown: a summary of kinds, then each schema with its evidence."""
    kinds = Counter(entry["named_by"] for entry in report)
    lines = ["# Schema names and their evidence", "", "| named by | schemas |", "| --- | --- |"]
    lines += [f"| {kind} | {kinds[kind]} |" for kind in [*KIND_ORDER, "unexplained"] if kinds[kind]]
    for entry in report:
        lines += ["", f"## {entry['name']} ({entry['named_by']})", ""]
        for item in entry["evidence"][:12]:
            where = f"{item['file']}:{item['line']}" if item["line"] else item["file"] or "-"
            text = " ".join(str(item["text"]).split())[:160]
            lines.append(f"- {item['kind']}: {text} ({where})")
        if len(entry["evidence"]) > 12:
            lines.append(f"- ... {len(entry['evidence']) - 12} more")
    return "\n".join(lines) + "\n"
