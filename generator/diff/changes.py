"""Plain values produced by the diff: one `Change` per observed difference, collected in an `ApiDiff`.

A change is located either in one operation (`operation` is set, e.g. ``GET /api/v1/Contact/{id}``)
or in one component schema (`schema` is set and `operations` lists the operations that use it), so a
schema shared by hundreds of operations is reported once, not once per operation.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Impact(enum.Enum):
    """How a change affects code written against the previous generated SDK."""

    BREAKING = "breaking"
    NON_BREAKING = "non-breaking"


class Direction(enum.Enum):
    """Which way data flows through the changed element: into the API, or out of it."""

    REQUEST = "request"
    RESPONSE = "response"


class ChangeKind(enum.Enum):
    """What changed. The value is the stable identifier used in JSON output."""

    OPERATION_ADDED = "operation-added"
    OPERATION_REMOVED = "operation-removed"
    OPERATION_PATH_CHANGED = "operation-path-changed"
    OPERATION_METHOD_CHANGED = "operation-method-changed"
    OPERATION_ID_CHANGED = "operation-id-changed"
    OPERATION_TAG_CHANGED = "operation-tag-changed"
    OPERATION_DEPRECATED = "operation-deprecated"

    PARAMETER_ADDED = "parameter-added"
    PARAMETER_REMOVED = "parameter-removed"
    PARAMETER_RENAMED = "parameter-renamed"
    PARAMETER_LOCATION_CHANGED = "parameter-location-changed"
    PARAMETER_REQUIRED_CHANGED = "parameter-required-changed"

    REQUEST_BODY_ADDED = "request-body-added"
    REQUEST_BODY_REMOVED = "request-body-removed"
    REQUEST_BODY_REQUIRED_CHANGED = "request-body-required-changed"
    REQUEST_BODY_NAME_CHANGED = "request-body-name-changed"
    REQUEST_BODY_FLATTEN_CHANGED = "request-body-flatten-changed"
    MEDIA_TYPE_ADDED = "media-type-added"
    MEDIA_TYPE_REMOVED = "media-type-removed"

    RESPONSE_ADDED = "response-added"
    RESPONSE_REMOVED = "response-removed"

    SECURITY_ADDED = "security-requirement-added"
    SECURITY_REMOVED = "security-requirement-removed"
    SECURITY_SCHEME_ADDED = "security-scheme-added"
    SECURITY_SCHEME_REMOVED = "security-scheme-removed"
    SECURITY_SCHEME_CHANGED = "security-scheme-changed"

    SCHEMA_ADDED = "schema-added"
    SCHEMA_REMOVED = "schema-removed"
    SCHEMA_RENAMED = "schema-renamed"
    PROPERTY_ADDED = "property-added"
    PROPERTY_REMOVED = "property-removed"
    PROPERTY_REQUIRED_CHANGED = "property-required-changed"
    TYPE_CHANGED = "type-changed"
    FORMAT_CHANGED = "format-changed"
    NULLABLE_CHANGED = "nullable-changed"
    ENUM_VALUE_ADDED = "enum-value-added"
    ENUM_VALUE_REMOVED = "enum-value-removed"

    DESCRIPTION_CHANGED = "description-changed"


@dataclass(frozen=True)
class Change:
    """One difference between the old and the new document.

    `location` is a JSON-pointer-like path (``#/components/schemas/Contact/properties/Name``,
    ``#/paths/~1api~1v1~1Foo/get/parameters/query/$top``) in the new document, or the old one for
    removals. `old`/`new` are short JSON-able descriptions (a type such as ``integer(int32)``, a
    status code, a parameter location), None when absent. `operations` lists, for schema changes,
    the operations whose request or response uses the schema.
    """

    kind: ChangeKind
    severity: Impact
    location: str
    message: str
    operation: str | None = None
    tag: str | None = None
    schema: str | None = None
    old: Any = None
    new: Any = None
    operations: tuple[str, ...] = ()

    @property
    def breaking(self) -> bool:
        return self.severity is Impact.BREAKING

    def sort_key(self) -> tuple[int, int, str, str, str, str, str, str]:
        """Breaking first; operation changes (by tag, operation) before schema changes; then
        location, kind and message, so that the order is total and stable across runs."""
        return (
            0 if self.breaking else 1,
            0 if self.operation is not None else 1,
            self.tag or "",
            self.operation or "",
            self.schema or "",
            self.location,
            self.kind.value,
            self.message,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "severity": self.severity.value,
            "operation": self.operation,
            "tag": self.tag,
            "schema": self.schema,
            "location": self.location,
            "old": self.old,
            "new": self.new,
            "message": self.message,
            "operations": list(self.operations),
        }


@dataclass(frozen=True)
class ApiDiff:
    """All changes between two documents, sorted with `Change.sort_key`.

    Description-only changes are always counted in `docs_changed`; they appear in `changes` only
    when the diff was asked to include docs.
    """

    changes: tuple[Change, ...] = ()
    docs_changed: int = 0
    operations_old: int = 0
    operations_new: int = 0
    schemas_old: int = 0
    schemas_new: int = 0

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaking)

    @property
    def non_breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if not c.breaking)

    @property
    def has_breaking(self) -> bool:
        return any(c.breaking for c in self.changes)

    @property
    def is_empty(self) -> bool:
        return not self.changes and self.docs_changed == 0

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind is kind)
