"""SDK versioning from a diff: which semver part to bump, the next version, a changelog section."""

from __future__ import annotations

import re
from typing import Literal

from generator.diff.changes import ApiDiff, Change, ChangeKind

BumpKind = Literal["major", "minor", "patch", "none"]

# Non-breaking changes that add something users can now call or read: a minor release.
_ADDITIONS = frozenset(
    {
        ChangeKind.OPERATION_ADDED,
        ChangeKind.PARAMETER_ADDED,
        ChangeKind.REQUEST_BODY_ADDED,
        ChangeKind.MEDIA_TYPE_ADDED,
        ChangeKind.RESPONSE_ADDED,
        ChangeKind.SECURITY_ADDED,
        ChangeKind.SECURITY_SCHEME_ADDED,
        ChangeKind.SCHEMA_ADDED,
        ChangeKind.PROPERTY_ADDED,
        ChangeKind.ENUM_VALUE_ADDED,
    }
)

_SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$"
)


def _is_addition(change: Change) -> bool:
    return change.kind in _ADDITIONS


def bump_kind(diff: ApiDiff) -> BumpKind:
    """major on any breaking change, minor on additions, patch on anything else (including
    documentation-only changes), none when the documents are equivalent."""
    if diff.has_breaking:
        return "major"
    if any(_is_addition(c) for c in diff.changes):
        return "minor"
    if diff.changes or diff.docs_changed:
        return "patch"
    return "none"


def next_version(version: str, kind: BumpKind) -> str:
    """The semver version after a `kind` release of `version`.

    Build metadata is dropped. A pre-release is released rather than skipped, as `npm version`
    does: 2.0.0-rc.1 + major -> 2.0.0, 1.2.0-rc.1 + minor -> 1.2.0, 1.2.3-rc.1 + patch -> 1.2.3.
    Raises ValueError for a version that is not semver.
    """
    match = _SEMVER.match(version.strip())
    if match is None:
        raise ValueError(f"not a semantic version: {version!r}")
    major, minor, patch = (int(match.group(i)) for i in (1, 2, 3))
    pre = match.group(4) is not None
    if kind == "none":
        return version.strip()
    if major == 0 and not pre:
        # 0.y.z is initial development (semver item 4): a breaking change bumps y, anything else
        # z, as Cargo does; the first 1.0.0 is a deliberate release, never an automatic one.
        return f"0.{minor + 1}.0" if kind == "major" else f"0.{minor}.{patch + 1}"
    if kind == "major":
        if pre and minor == 0 and patch == 0:
            return f"{major}.0.0"
        return f"{major + 1}.0.0"
    if kind == "minor":
        if pre and patch == 0:
            return f"{major}.{minor}.0"
        return f"{major}.{minor + 1}.0"
    if kind == "patch":
        return f"{major}.{minor}.{patch}" if pre else f"{major}.{minor}.{patch + 1}"
    raise ValueError(f"unknown bump kind: {kind!r}")


def _entry(change: Change) -> str:
    if change.operation is not None:
        return f"- `{change.operation}`: {change.message}"
    if change.schema is not None:
        return f"- schema `{change.schema}`: {change.message}"
    return f"- {change.message}"


def changelog_entry(diff: ApiDiff, version: str) -> str:
    """A Markdown changelog section for `version` (no dates, deterministic)."""
    lines = [f"## {version}", ""]
    groups = (
        ("Breaking changes", [c for c in diff.changes if c.breaking]),
        ("Added", [c for c in diff.changes if not c.breaking and _is_addition(c)]),
        ("Changed", [c for c in diff.changes if not c.breaking and not _is_addition(c)]),
    )
    for title, changes in groups:
        if changes:
            lines += [f"### {title}", "", *(_entry(c) for c in changes), ""]
    if diff.docs_changed:
        plural = "s" if diff.docs_changed != 1 else ""
        lines += [f"{diff.docs_changed} documentation change{plural}.", ""]
    if len(lines) == 2:
        lines += ["No API changes.", ""]
    return "\n".join(lines)
