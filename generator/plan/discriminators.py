"""The tag values that pick a member of a discriminated union, shared by the models (the
tag reader of `code.MappedTagged`) and the suite's placeholders, so placeholder data carries
a tag the generated union accepts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.plan.names import as_dict, as_list

if TYPE_CHECKING:
    from generator.plan.models import SchemaRegistry


def component_name(target: object) -> str:
    """`Cat` of a mapping target or `$ref` (`#/components/schemas/Cat`, or the bare name)."""
    return str(target).rsplit("/", 1)[-1]


def member_tags(
    registry: SchemaRegistry, discriminator: dict[str, Any], name: str, schema: dict[str, Any]
) -> list[str]:
    """The tag values that select component `name` (whose schema is `schema`).

    The `mapping` keys that name it; else the text values its tag property allows (`const`,
    `enum`): a server can only send those, so OpenAPI's implicit value (the schema's name)
    would contradict the member's own schema (Spotify's `TrackObject` has `type: enum
    [track]`); else the schema's name.
    """
    named = [str(k) for k, v in as_dict(discriminator.get("mapping")).items() if component_name(v) == name]
    if named:
        return named
    wire = discriminator.get("propertyName")
    props, _ = registry.merged_properties(schema)
    prop = registry.deref(props.get(wire)) if isinstance(wire, str) else {}
    allowed = [prop["const"]] if "const" in prop else as_list(prop.get("enum"))
    if allowed:
        return [v for v in allowed if isinstance(v, str)]
    return [name]
