"""Breaking-change rules for users of the generated Python SDK.

"Breaking" means: code that type-checked (mypy --strict) and ran against the previous generated SDK
and the previous server may fail to type-check or fail at run time with the new SDK and server.
The generated SDK exposes one method per operation (named from operationId, grouped by tag), its
parameters and flattened request-body properties as keyword arguments, and pydantic v2 models for
bodies. The full rule table is in `generator/diff/README.md`; each rule below cites its reason.

A change in a component schema can affect requests and responses at once; its severity is the
worst over the directions in which the schema is used (a schema used nowhere counts as both).
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.diff.changes import ChangeKind, Direction, Impact
from generator.plan.scalars import scalar_type

B = Impact.BREAKING
NB = Impact.NON_BREAKING

BOTH = frozenset({Direction.REQUEST, Direction.RESPONSE})

# Kinds whose severity never depends on direction or extra facts.
_FIXED: dict[ChangeKind, Impact] = {
    ChangeKind.OPERATION_ADDED: NB,
    ChangeKind.OPERATION_REMOVED: B,
    # Previously released SDKs call the old URL / method, which no longer exists.
    ChangeKind.OPERATION_PATH_CHANGED: B,
    ChangeKind.OPERATION_METHOD_CHANGED: B,
    # The SDK method name is derived from operationId; the tag picks the sub-client it lives on.
    ChangeKind.OPERATION_ID_CHANGED: B,
    ChangeKind.OPERATION_TAG_CHANGED: B,
    ChangeKind.OPERATION_DEPRECATED: NB,
    ChangeKind.PARAMETER_REMOVED: B,
    # Parameters are keyword arguments: a new name breaks every call that passes the old one.
    ChangeKind.PARAMETER_RENAMED: B,
    ChangeKind.PARAMETER_LOCATION_CHANGED: B,
    ChangeKind.REQUEST_BODY_REMOVED: B,
    # Flattening turns one `body=` argument into keyword arguments, or back.
    ChangeKind.REQUEST_BODY_FLATTEN_CHANGED: B,
    ChangeKind.MEDIA_TYPE_ADDED: NB,
    ChangeKind.MEDIA_TYPE_REMOVED: B,
    ChangeKind.RESPONSE_ADDED: NB,
    ChangeKind.SECURITY_REMOVED: B,
    ChangeKind.SECURITY_SCHEME_ADDED: NB,
    ChangeKind.SECURITY_SCHEME_REMOVED: B,
    ChangeKind.SECURITY_SCHEME_CHANGED: B,
    ChangeKind.SCHEMA_ADDED: NB,
    # The pydantic model class disappears from the generated package.
    ChangeKind.SCHEMA_REMOVED: B,
    # Same model under a new class name: every import and annotation of the old name breaks.
    ChangeKind.SCHEMA_RENAMED: B,
    ChangeKind.PROPERTY_REMOVED: B,
    ChangeKind.ENUM_VALUE_ADDED: NB,
    ChangeKind.DESCRIPTION_CHANGED: NB,
}


def python_type(json_type: str | None, fmt: str | None) -> str:
    """The Python annotation the generator emits for a primitive JSON type and format."""
    return (scalar_type(json_type, fmt) if json_type else None) or json_type or "Any"


def _type_change(direction: Direction, old: str, new: str) -> Impact:
    """A change of the Python type of a value flowing in `direction`.

    int -> float is a widening for arguments (an int is still accepted where a float is expected,
    PEP 484 numeric tower) but not for results: code using a result as an int (indexing, range,
    `int`-typed variables) no longer type-checks. float -> int is the reverse.
    """
    if old == new:
        return NB
    if direction is Direction.REQUEST and (old, new) == ("int", "float"):
        return NB
    if direction is Direction.RESPONSE and (old, new) == ("float", "int"):
        return NB
    return B


def _one(
    kind: ChangeKind,
    direction: Direction,
    *,
    required: bool,
    old_required: bool,
    old_python: str | None,
    new_python: str | None,
    old_nullable: bool,
    new_nullable: bool,
    success: bool,
    flattened: bool,
    was_open: bool,
) -> Impact:
    if kind in _FIXED:
        return _FIXED[kind]
    request = direction is Direction.REQUEST
    if kind in (ChangeKind.PARAMETER_ADDED, ChangeKind.REQUEST_BODY_ADDED):
        # A new required argument breaks every existing call; an optional one breaks none.
        return B if required else NB
    if kind in (ChangeKind.PARAMETER_REQUIRED_CHANGED, ChangeKind.REQUEST_BODY_REQUIRED_CHANGED):
        return B if required and not old_required else NB
    if kind is ChangeKind.REQUEST_BODY_NAME_CHANGED:
        # The documented body name is the keyword argument name unless the body is flattened.
        return NB if flattened else B
    if kind is ChangeKind.RESPONSE_REMOVED:
        # Code relying on a success status (and its parsed result) breaks; losing a documented
        # error status only means that error now surfaces as a generic one.
        return B if success else NB
    if kind is ChangeKind.SECURITY_ADDED:
        # A new alternative is harmless, unless the operation used to need no credentials.
        return B if was_open else NB
    if kind is ChangeKind.PROPERTY_ADDED:
        # Response models simply gain a field; request models gain a keyword argument, which
        # breaks existing calls only when it is required.
        return B if request and required else NB
    if kind is ChangeKind.PROPERTY_REQUIRED_CHANGED:
        if request:
            return B if required and not old_required else NB
        # A result field that may now be absent becomes Optional: `resp.x.y` stops type-checking.
        return B if old_required and not required else NB
    if kind is ChangeKind.NULLABLE_CHANGED:
        if request:
            # Passing None was allowed and is now rejected.
            return B if old_nullable and not new_nullable else NB
        # A result that may now be None: attribute access on it stops type-checking.
        return B if new_nullable and not old_nullable else NB
    if kind in (ChangeKind.TYPE_CHANGED, ChangeKind.FORMAT_CHANGED):
        return _type_change(direction, old_python or "Any", new_python or "Any")
    if kind is ChangeKind.ENUM_VALUE_REMOVED:
        # Arguments using the removed value are now rejected; results simply never carry it.
        return B if request else NB
    raise ValueError(f"no rule for {kind}")  # pragma: no cover - every kind has a rule


def classify(
    kind: ChangeKind,
    directions: Iterable[Direction] = BOTH,
    *,
    required: bool = False,
    old_required: bool = False,
    old_python: str | None = None,
    new_python: str | None = None,
    old_nullable: bool = False,
    new_nullable: bool = False,
    success: bool = False,
    flattened: bool = False,
    was_open: bool = False,
) -> Impact:
    """Impact of one change, the worst over the directions in which the changed element is used."""
    dirs = frozenset(directions) or BOTH
    severities = {
        _one(
            kind,
            d,
            required=required,
            old_required=old_required,
            old_python=old_python,
            new_python=new_python,
            old_nullable=old_nullable,
            new_nullable=new_nullable,
            success=success,
            flattened=flattened,
            was_open=was_open,
        )
        for d in sorted(dirs, key=lambda d: d.value)
    }
    return B if B in severities else NB
