"""OpenAPI-vs-OpenAPI change detection and breaking-change classification (`sdkgen diff`)."""

from generator.diff.changes import ApiDiff, Change, ChangeKind, Direction, Impact
from generator.diff.compare import diff_specs

__all__ = ["ApiDiff", "Change", "ChangeKind", "Direction", "Impact", "diff_specs"]
