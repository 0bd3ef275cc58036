"""Union responses: the member a JSON object belongs to, the same in both response modes.

A generated client constructs responses without validation by default and validates them with
`strict_response_validation=True`; either way a `oneOf`/`anyOf` object must come back as the
member it fits: the one its discriminator names, else the one whose required properties it has,
else the closest match. Members here have fields whose wire names equal their Python names (no
alias), which is what most public documents look like.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from generate_support import generate_into, run_script
from test_generated_suite import run_suite

from generator.plan import build_plan


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(required: list[str], **props: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": props}
    if required:
        schema["required"] = required
    return schema


SCHEMAS: dict[str, Any] = {
    # no discriminator: told apart by required properties
    "Card": _object(["number"], number={"type": "string"}, holder={"type": "string"}),
    "Bank": _object(["iban"], iban={"type": "string"}, holder={"type": "string"}),
    "Method": {"oneOf": [_ref("Card"), _ref("Bank")]},
    # discriminator over members whose tag is a const (pydantic's tagged union)
    "Cat": _object(["kind", "name"], kind={"type": "string", "const": "cat"}, name={"type": "string"}),
    "Dog": _object(["kind", "name"], kind={"type": "string", "enum": ["dog"]}, name={"type": "string"}),
    "Pet": {
        "oneOf": [_ref("Cat"), _ref("Dog")],
        "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}},
    },
    # nothing required: the closest match (known keys, JSON types)
    "Point": _object([], x={"type": "integer"}, y={"type": "integer"}),
    "Label": _object([], text={"type": "string"}, x={"type": "string"}),
    "Shape": {"anyOf": [_ref("Point"), _ref("Label")]},
    "Holder": _object(["method"], method=_ref("Method"), pets={"type": "array", "items": _ref("Pet")}),
    # discriminators over plain-text tags (no literal): members with the same fields, so only
    # the tag tells them apart; an explicit mapping ($ref and bare-name values) ...
    "Circle": _object(["shapeType", "size"], shapeType={"type": "string"}, size={"type": "number"}),
    "Square": _object(["shapeType", "size"], shapeType={"type": "string"}, size={"type": "number"}),
    "Figure": {
        "oneOf": [_ref("Circle"), _ref("Square")],
        "discriminator": {
            "propertyName": "shapeType",
            "mapping": {"circle": "#/components/schemas/Circle", "sq": "Square"},
        },
    },
    # ... and the implicit one: the tag is the member schema's name
    "Cow": _object(["animal"], animal={"type": "string"}, name={"type": "string"}),
    "Hen": _object(["animal"], animal={"type": "string"}, name={"type": "string"}),
    "Animal": {"anyOf": [_ref("Cow"), _ref("Hen")], "discriminator": {"propertyName": "animal"}},
    # ... and tags that are each member's optional one-value enum, no mapping: the server sends
    # the enum's value (the schema's name would break the member's own enum)
    "Track": _object([], type={"type": "string", "enum": ["track"]}, name={"type": "string"}),
    "Episode": _object([], type={"type": "string", "enum": ["episode"]}, name={"type": "string"}),
    "Media": {"oneOf": [_ref("Track"), _ref("Episode")], "discriminator": {"propertyName": "type"}},
    "Queue": _object([], playing=_ref("Media"), queue={"type": "array", "items": _ref("Media")}),
    # alternatives that only list required properties beside the object's own: the object
    "Mapping": {
        **_object([], orgID={"type": "string"}, org={"type": "string"}, bucket={"type": "string"}),
        "oneOf": [{"required": ["orgID", "bucket"]}, {"required": ["org", "bucket"]}],
    },
    "Mappings": _object([], content={"type": "array", "items": _ref("Mapping")}),
    "Farm": _object(
        [],
        figure=_ref("Figure"),
        animals={"type": "array", "items": _ref("Animal")},
        day={"type": "string", "format": "date"},
        at={"oneOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]},
    ),
}


def _get(operation_id: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "get": {
            "operationId": operation_id,
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}},
        }
    }


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Unions", "version": "1"},
    "servers": [{"url": "https://unions.test"}],
    "paths": {
        "/method": _get("getMethod", _ref("Method")),
        "/pets": _get("listPets", {"type": "array", "items": _ref("Pet")}),
        "/shapes": _get("listShapes", {"type": "array", "items": _ref("Shape")}),
        "/holder": _get("getHolder", _ref("Holder")),
        "/figures": _get("listFigures", {"type": "array", "items": _ref("Figure")}),
        "/animals": _get("listAnimals", {"type": "array", "items": _ref("Animal")}),
        "/farm": _get("getFarm", _ref("Farm")),
        "/queue": _get("getQueue", _ref("Queue")),
        "/mappings": {
            **_get("listMappings", _ref("Mappings")),
            "post": {
                "operationId": "createMapping",
                "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("Mapping")}}},
                "responses": {
                    "201": {"description": "ok", "content": {"application/json": {"schema": _ref("Mapping")}}}
                },
            },
        },
        "/when": _get(
            "listWhen",
            {
                "type": "array",
                "items": {"oneOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]},
            },
        ),
    },
    "components": {"schemas": SCHEMAS},
}

# (operation, JSON body, the class name(s) each mode must return)
CASES: list[tuple[str, Any, Any]] = [
    ("get_method", {"iban": "DE00", "holder": "A"}, "Bank"),
    ("get_method", {"number": "4242", "holder": "A"}, "Card"),
    ("list_pets", [{"kind": "dog", "name": "Rex"}, {"kind": "cat", "name": "Tom"}], ["Dog", "Cat"]),
    ("list_shapes", [{"text": "hi"}, {"x": 1, "y": 2}, {"x": "left"}], ["Label", "Point", "Label"]),
    (
        "get_holder",
        {"method": {"iban": "X"}, "pets": [{"kind": "dog", "name": "Rex"}]},
        {"method": "Bank", "pets": ["Dog"]},
    ),
    # a plain date in `datetime | date` is a date; a date-time stays one (format: date vs date-time)
    ("list_when", ["2024-05-01T10:00:00Z", "2024-05-01", "2024-05-01T00:00:00"], ["datetime", "date", "datetime"]),
    (
        "list_figures",
        [{"shapeType": "sq", "size": 2}, {"shapeType": "circle", "size": 1}, {"shapeType": "sq", "size": 3}],
        ["Square", "Circle", "Square"],
    ),
    ("list_animals", [{"animal": "Hen", "name": "Ida"}, {"animal": "Cow", "name": "Mu"}], ["Hen", "Cow"]),
    (
        "get_farm",
        {
            "figure": {"shapeType": "sq", "size": 2},
            "animals": [{"animal": "Hen"}],
            "day": "2024-05-01",
            "at": "2024-05-02",
        },
        {"figure": "Square", "animals": ["Hen"], "day": "date", "at": "date"},
    ),
    (
        "get_queue",
        {"playing": {"type": "episode", "name": "Ep. 1"}, "queue": [{"type": "track"}, {"type": "episode"}]},
        {"playing": "Episode", "queue": ["Track", "Episode"]},
    ),
]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("unions")
    generate_into(out, SPEC, "unions")
    return out


@pytest.mark.parametrize("strict", [False, True], ids=["constructed", "validated"])
def test_each_union_object_comes_back_as_the_member_it_fits(package: Path, strict: bool) -> None:
    found = run_script(package, "unions_pick.py", {"strict": strict, "cases": [[op, body] for op, body, _ in CASES]})
    assert found == [expected for _, _, expected in CASES]


def test_a_discriminated_union_of_tagged_members_is_a_pydantic_tagged_union(package: Path) -> None:
    pet = (package / "unions" / "models" / "pet.py").read_text(encoding="utf-8")
    assert 'FieldInfo(discriminator="kind")' in pet


def test_a_discriminator_over_plain_text_tags_is_a_callable_discriminated_union(package: Path) -> None:
    figure = (package / "unions" / "models" / "figure.py").read_text(encoding="utf-8")
    assert 'tag_reader("shapeType", "shape_type", {"circle": "Circle", "sq": "Square"})' in figure
    assert 'Annotated[Square, Tag("Square")]' in figure


def test_a_discriminator_over_one_value_enums_reads_the_enum_values(package: Path) -> None:
    media = (package / "unions" / "models" / "media.py").read_text(encoding="utf-8")
    assert 'tag_reader("type", "type_", {"track": "Track", "episode": "Episode"})' in media


def test_placeholders_of_an_object_with_required_alternatives_are_that_object() -> None:
    plan = build_plan(SPEC, package_name="unions")
    assert plan.tests is not None
    cases = {c.case_id: c.data for r in plan.tests.resources for c in r.cases}
    assert cases["create_mapping"]["request"]["json"] == {"orgID": "sample", "bucket": "sample"}
    assert cases["list_mappings"]["response"]["json"]["content"] == [{"orgID": "sample", "bucket": "sample"}]


def test_the_generated_suite_passes_on_placeholders_of_every_union_shape(package: Path) -> None:
    """No examples: every value is a placeholder, the queue's members (deep enough that optional
    properties are left out) included: each must carry a tag its union reads, and an object
    with required alternatives must be an object."""
    run = run_suite(package)
    assert run.returncode == 0, run.output[-4000:]
    passed = " ".join(run.passed)
    assert all(op in passed for op in ("get_queue", "list_mappings", "create_mapping")), sorted(run.passed)
