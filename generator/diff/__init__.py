"""OpenAPI-vs-OpenAPI change detection and breaking-change classification (`sdkgen diff`)."""

from generator.diff.compare import diff_specs
from generator.diff.model import ApiDiff, Change, ChangeKind, Direction, Severity

__all__ = ["ApiDiff", "Change", "ChangeKind", "Direction", "Severity", "diff_specs"]
