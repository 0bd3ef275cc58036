"""Independent checks of an OpenAPI document: sample bodies against their schemas, untyped share."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOC_URI = "urn:sdkgen:document"


@dataclass(frozen=True)
class SampleCheck:
    operation_id: str
    where: str  # "request" or a status code
    error: str  # "" when the sample validates


def operations(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in document.get("paths", {}).values():
        for method, operation in item.items():
            if method.startswith("x-") or not isinstance(operation, dict):
                continue
            yield operation
            yield from operation.get("x-sdkgen-variants", [])


def _sample_bodies(operation: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], Any]]:
    for media in operation.get("requestBody", {}).get("content", {}).values():
        for example in media.get("examples", {}).values():
            yield "request", media["schema"], example["value"]
    for code, response in operation.get("responses", {}).items():
        for media in response.get("content", {}).values():
            for example in media.get("examples", {}).values():
                yield code, media["schema"], example["value"]


def check_samples(document: dict[str, Any]) -> list[SampleCheck]:
    """Validate every example body against the schema it documents (JSON Schema 2020-12, formats on)."""
    registry: Registry[Any] = Registry().with_resource(
        DOC_URI, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    checks: list[SampleCheck] = []
    for operation in operations(document):
        for where, schema, value in _sample_bodies(operation):
            absolute = json.loads(json.dumps(schema).replace('"#/components/', f'"{DOC_URI}#/components/'))
            validator = Draft202012Validator(absolute, registry=registry, format_checker=FormatChecker())
            error = next(iter(validator.iter_errors(value)), None)
            message = "" if error is None else f"{error.message[:160]} at {'/'.join(map(str, error.absolute_path))}"
            checks.append(SampleCheck(operation["operationId"], where, message))
    return checks


def untyped_share(document: dict[str, Any]) -> tuple[int, int]:
    """(untyped properties, all properties) over the component schemas."""
    total = untyped = 0
    for schema in document.get("components", {}).get("schemas", {}).values():
        for prop in schema.get("properties", {}).values():
            total += 1
            if not set(prop) - {"description"}:
                untyped += 1
    return untyped, total
