"""Schema names from the pages' own evidence, on small pages written for these tests."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.parse.page import parse_page
from generator.parse.page_model import Page
from generator.spec.document import BuildStats, build_document


@dataclass
class Spec:
    """One endpoint page in the 2021 format, assembled from its parts."""

    uid: str
    summary: str = "Does something useful."
    method: str = "POST"
    path: str = ""
    body: str = ""  # "name" of `## Request Body: name`
    body_text: str = ""
    body_rows: list[tuple[str, str, str]] = field(default_factory=list)
    response_kind: str = "object"
    response_text: str = ""
    response_type: str = ""  # `### Response body: X` (generated format)
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    sample: Any = None

    def text(self) -> str:
        owner, _, operation = self.uid.removeprefix("v1").partition("_")
        path = self.path or f"/api/v1/Agents/{owner}/{operation}"
        parts = [f"---\ntitle: {self.method} x\nid: {self.uid}\n---\n", f"# {self.method} x\n"]
        parts += [f"```http\n{self.method} {path}\n```\n", f"{self.summary}\n"]
        if self.body:
            parts.append(f"## Request Body: {self.body}\n\n{self.body_text}\n")
            if self.body_rows:
                parts.append(_table(self.body_rows))
        parts.append(f"## Response: {self.response_kind}\n\n{self.response_text}\n")
        parts.append("| Response | Description |\n|---|---|\n| 200 | OK |\n")
        if self.response_type:
            parts.append(f"### Response body: {self.response_type}\n")
        elif self.rows:
            parts.append(f"Response body: {self.response_kind}\n")
        if self.rows:
            parts.append(_table(self.rows))
        if self.sample is not None:
            body = json.dumps(self.sample, indent=2)
            parts.append(
                f"## Sample Request\n\n```http_\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{body}\n```\n"
            )
        return "\n".join(parts)


def _table(rows: list[tuple[str, str, str]]) -> str:
    lines = ["| Property Name | Type |  Description |", "|---|---|---|"]
    lines += [f"| {name} | {kind} | {text} |" for name, kind, text in rows]
    return "\n".join(lines) + "\n"


def _pages(specs: list[Spec]) -> tuple[list[Page], Diagnostics]:
    diags = Diagnostics()
    pages = []
    for spec in specs:
        owner = spec.uid.split("_", 1)[0].removeprefix("v1")
        page = parse_page(spec.text(), f"agent/{owner}/{spec.uid}.md", diags)
        assert page is not None, spec.uid
        pages.append(page)
    return pages, diags


def build(specs: list[Spec]) -> tuple[dict[str, Any], Diagnostics, BuildStats]:
    pages, diags = _pages(specs)
    document, stats = build_document(pages, diags)
    return document, diags, stats


def response_ref(document: dict[str, Any], uid: str) -> str:
    for item in document["paths"].values():
        for operation in item.values():
            if operation["operationId"] == uid:
                schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
                return _name(schema)
    raise KeyError(uid)


def body_ref(document: dict[str, Any], uid: str) -> str:
    for item in document["paths"].values():
        for operation in item.values():
            if operation["operationId"] == uid:
                return _name(operation["requestBody"]["content"]["application/json"]["schema"])
    raise KeyError(uid)


def _name(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[1]
    if "items" in schema:
        return f"list[{_name(schema['items'])}]"
    if "anyOf" in schema:
        return _name(schema["anyOf"][0])
    return str(schema.get("type"))


LIST_ROWS = [("Id", "int32", "Identity of the row"), ("Value", "string", "Shown text"), ("Hint", "string", "Help")]


def test_types_the_evidence_names_differently_stay_apart_even_with_the_same_columns() -> None:
    document, _, _ = build(
        [
            Spec("v1GadgetAgent_GetGadget", response_text="Carrier object for Gadget.", rows=LIST_ROWS),
            Spec(
                "v1GadgetAgent_GetSprocketList",
                summary="Gets an array of Sprocket objects.",
                response_kind="array",
                rows=LIST_ROWS,
            ),
            # No words name this one: the operation's name does, since another page names Lever.
            Spec("v1GadgetAgent_GetLevers", summary="Fetches levers.", response_kind="array", rows=LIST_ROWS),
            Spec("v1GadgetAgent_GetLever", summary="Gets a Lever object.", rows=LIST_ROWS),
        ]
    )
    assert response_ref(document, "v1GadgetAgent_GetGadget") == "Gadget"
    assert response_ref(document, "v1GadgetAgent_GetSprocketList") == "list[Sprocket]"
    assert response_ref(document, "v1GadgetAgent_GetLevers") == "list[Lever]"
    schemas = document["components"]["schemas"]
    assert {"Gadget", "Sprocket", "Lever"} <= set(schemas)
    assert list(schemas["Sprocket"]["properties"]) == ["Id", "Value", "Hint"]


def test_a_table_that_names_nothing_joins_the_named_table_with_its_columns() -> None:
    document, diags, stats = build(
        [
            Spec("v1GadgetAgent_GetGadget", response_text="Carrier object for Gadget.", rows=LIST_ROWS),
            Spec("v1GadgetAgent_Enumerate", summary="Lists what there is.", response_kind="array", rows=LIST_ROWS),
        ]
    )
    assert response_ref(document, "v1GadgetAgent_Enumerate") == "list[Gadget]"
    assert stats.fallback_schemas == 0
    assert not [d for d in diags.items if d.code == "schema-unnamed"]


def test_a_table_nothing_names_is_named_after_its_operation_and_reported() -> None:
    rows = [("Flux", "int32", "How much"), ("Phase", "string", "Which way")]
    document, diags, stats = build([Spec("v1GadgetAgent_Calibrate", summary="Calibrates.", rows=rows)])
    name = response_ref(document, "v1GadgetAgent_Calibrate")
    assert name.endswith("CalibrateResult")
    unnamed = [d for d in diags.items if d.code == "schema-unnamed"]
    assert len(unnamed) == 1 and unnamed[0].file == "agent/GadgetAgent/v1GadgetAgent_Calibrate.md"
    assert unnamed[0].line > 0 and name in unnamed[0].message
    assert stats.fallback_schemas == 1
    report = {entry["name"]: entry for entry in stats.name_report}
    assert report[name]["named_by"] == "fallback"


ENTITY_ROWS = [
    ("Id", "int32", "Identity"),
    ("Label", "string", "What it is called"),
    ("Rank", "int32", "Order"),
    ("Changed", "date-time", "Last change"),
    ("TableRight", "", ""),
]


def test_a_request_body_of_the_pages_entity_uses_the_entitys_schema_with_its_read_only_columns() -> None:
    body_rows = [("Id", "int32", "Identity"), ("Label", "string", "Its name"), ("Rank", "int32", "Order")]
    document, _, _ = build(
        [
            Spec(
                "v1KnobList_PostKnob",
                summary="Adds a knob.",
                body="newItem",
                # The words name a type whose known columns are others: not used blindly.
                body_text="The Knob to be added to the list.",
                body_rows=body_rows,
                response_text="Carrier object for KnobItemEntity.",
                rows=ENTITY_ROWS,
            ),
            Spec("v1KnobList_GetKnob", response_text="Carrier object for Knob.", rows=LIST_ROWS),
        ]
    )
    assert body_ref(document, "v1KnobList_PostKnob") == "KnobItemEntity"
    assert response_ref(document, "v1KnobList_PostKnob") == "KnobItemEntity"
    assert "TableRight" in document["components"]["schemas"]["KnobItemEntity"]["properties"]
    assert list(document["components"]["schemas"]["Knob"]["properties"]) == ["Id", "Value", "Hint"]


def test_a_body_that_names_its_entity_uses_it_although_its_table_omits_columns() -> None:
    document, _, _ = build(
        [
            Spec(
                "v1DialAgent_SaveDialEntity",
                body="dial",
                body_text="The DialEntity to be saved.",
                body_rows=ENTITY_ROWS[:2],
                response_text="Carrier object for DialEntity.",
                rows=ENTITY_ROWS,
            ),
        ]
    )
    assert body_ref(document, "v1DialAgent_SaveDialEntity") == "DialEntity"


def test_a_date_time_beats_a_plain_string_for_the_same_property_and_the_warning_says_so() -> None:
    body_rows = [("Id", "Integer", "Identity"), ("Label", "String", "Name"), ("Changed", "String", "Last change")]
    document, diags, _ = build(
        [
            Spec(
                "v1DialAgent_SaveDialEntity",
                body="dial",
                body_text="The DialEntity to be saved.",
                body_rows=body_rows,
                response_text="Carrier object for DialEntity.",
                rows=ENTITY_ROWS,
            ),
            Spec(
                "v1DialAgent_PutDialEntity", body="dial", body_text="The DialEntity to be saved.", body_rows=body_rows
            ),
        ]
    )
    changed = document["components"]["schemas"]["DialEntity"]["properties"]["Changed"]
    assert changed["format"] == "date-time"
    conflicts = [d for d in diags.items if d.code == "schema-conflict" and "Changed" in d.message]
    assert len(conflicts) == 1 and "date-time" in conflicts[0].message


def test_an_artefact_heading_does_not_name_a_table_with_other_columns() -> None:
    clock = [("Zone", "string", "Zone name"), ("Offset", "int32", "Minutes"), ("Dst", "bool", "Summer time")]
    other = [("State", "string", "Checkout state"), ("Holder", "int32", "Who"), ("Since", "date-time", "When")]
    specs = [Spec(f"v1ClockAgent_GetClock{n}", response_type="ClockData", rows=clock) for n in ("A", "B")]
    specs.append(Spec("v1DeskAgent_GetLockState", response_type="ClockData", rows=other))
    document, _, stats = build(specs)
    schemas = document["components"]["schemas"]
    assert list(schemas["ClockData"]["properties"]) == ["Zone", "Offset", "Dst"]
    lock = response_ref(document, "v1DeskAgent_GetLockState")
    assert lock != "ClockData" and list(schemas[lock]["properties"]) == ["State", "Holder", "Since"]
    report = {entry["name"]: entry for entry in stats.name_report}
    assert any(item["kind"] == "rejected" for item in report["ClockData"]["evidence"])


def test_a_heading_the_reference_also_puts_on_bodiless_responses_names_no_table_alone() -> None:
    state = [("State", "string", "Checkout state"), ("Holder", "int32", "Who"), ("Label", "string", "Name")]
    zone = [("Zone", "string", "Zone name"), ("Offset", "int32", "Minutes")]
    bodiless = Spec("v1DeskAgent_DropDesk", response_type="ZoneInfo", response_kind="")
    bodiless.response_text = "No Content"
    specs = [
        bodiless,
        Spec("v1DeskAgent_GetLockState", response_type="ZoneInfo", rows=state),
        # Words on the page confirm the heading: kept.
        Spec("v1ZoneAgent_GetZone", response_type="ZoneInfo", response_text="Carrier object for ZoneInfo.", rows=zone),
    ]
    text = specs[0].text().replace("| 200 | OK |", "| 204 | No Content |")
    pages, diags = _pages(specs[1:])
    extra = parse_page(text, "agent/DeskAgent/v1DeskAgent_DropDesk.md", diags)
    assert extra is not None
    document, _ = build_document([extra, *pages], diags)
    schemas = document["components"]["schemas"]
    assert list(schemas["ZoneInfo"]["properties"]) == ["Zone", "Offset"]
    lock = response_ref(document, "v1DeskAgent_GetLockState")
    assert lock != "ZoneInfo" and list(schemas[lock]["properties"]) == ["State", "Holder", "Label"]


def test_every_type_a_page_names_becomes_a_schema_of_that_name() -> None:
    document, _, _ = build(
        [
            Spec("v1DeskAgent_GetDesk", response_type="DeskEntity", rows=[("Owner", "Associate", "Who"), *LIST_ROWS]),
            Spec("v1DeskAgent_Empty", response_type="Nothing", response_kind=""),
        ]
    )
    assert {"DeskEntity", "Associate", "Nothing"} <= set(document["components"]["schemas"])


def test_id_and_name_lists_without_a_table_get_their_item_type() -> None:
    document, _, _ = build(
        [
            Spec("v1DeskAgent_GetDeskList", body="deskIds", body_text="The primary keys.", rows=LIST_ROWS),
            Spec("v1DeskAgent_Assign", body="moduleNames", body_text="Which modules.", rows=LIST_ROWS),
        ]
    )
    bodies = {
        item["post"]["operationId"]: item["post"]["requestBody"]["content"]["application/json"]["schema"]
        for item in document["paths"].values()
    }
    assert bodies["v1DeskAgent_GetDeskList"] == {"type": "array", "items": {"type": "integer", "format": "int32"}}
    assert bodies["v1DeskAgent_Assign"] == {"type": "array", "items": {"type": "string"}}


def test_nested_empty_cells_take_the_type_their_rows_name() -> None:
    node_rows = [
        ("NodeId", "int32", "Identity"),
        ("Caption", "string", "Shown text"),
        ("ChildItems", "array", "The child items of the TreeNodeItem"),
    ]
    node = {"NodeId": 1, "Caption": "a", "ChildItems": []}
    document, _, _ = build(
        [
            Spec("v1TreeAgent_GetRoots", summary="Roots.", response_kind="array", rows=node_rows, sample=[node]),
            Spec(
                "v1TreeAgent_GetForest",
                response_text="Carrier object for Forest.",
                rows=[("Name", "string", "Forest name"), ("Nodes", "array", "Its nodes"), ("Keeper", "", "")],
                sample={"Name": "f", "Nodes": [node], "Keeper": {"Mask": "Full", "Reason": ""}},
            ),
            Spec(
                "v1TreeAgent_GetKeeper",
                summary="Gets a Keeper object.",
                rows=[("Mask", "string", ""), ("Reason", "string", "")],
            ),
        ]
    )
    schemas = document["components"]["schemas"]
    assert response_ref(document, "v1TreeAgent_GetRoots") == "list[TreeNodeItem]"
    forest = schemas["Forest"]["properties"]
    assert forest["Nodes"]["items"] == {"$ref": "#/components/schemas/TreeNodeItem"}
    assert forest["Keeper"]["anyOf"][0] == {"$ref": "#/components/schemas/Keeper"}


STABLE_SPECS = [
    Spec("v1GadgetAgent_GetGadget", response_text="Carrier object for Gadget.", rows=LIST_ROWS),
    Spec("v1GadgetAgent_Enumerate", summary="Lists.", response_kind="array", rows=LIST_ROWS),
    Spec("v1GadgetAgent_Calibrate", summary="Calibrates.", rows=[("Flux", "int32", ""), ("Phase", "string", "")]),
    Spec("v1OtherAgent_Calibrate", summary="Calibrates.", rows=[("Amps", "int32", ""), ("Volts", "string", "")]),
    Spec(
        "v1GadgetAgent_GetThingList", summary="Gets an array of Thing objects.", response_kind="array", rows=LIST_ROWS
    ),
]


def _operation_names(document: dict[str, Any]) -> dict[str, str]:
    return {
        operation["operationId"]: response_ref(document, operation["operationId"])
        for item in document["paths"].values()
        for operation in item.values()
    }


def _model(name: str) -> str:
    return name.removeprefix("list[").removesuffix("]")


def test_names_are_stable_when_a_page_is_added_or_removed() -> None:
    full = _operation_names(build(STABLE_SPECS)[0])
    assert full == _operation_names(build(list(reversed(STABLE_SPECS)))[0])
    for index, removed in enumerate(STABLE_SPECS):
        fewer = _operation_names(build(STABLE_SPECS[:index] + STABLE_SPECS[index + 1 :])[0])
        # A name may change only where the removed page described that model.
        renamed = {uid for uid, name in fewer.items() if full[uid] != name}
        assert {_model(full[uid]) for uid in renamed} <= {_model(full[removed.uid])}, (removed.uid, renamed)


def test_explain_names_writes_the_evidence_of_every_schema(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    for spec in STABLE_SPECS:
        owner = spec.uid.split("_", 1)[0].removeprefix("v1")
        (root / "agent" / owner).mkdir(parents=True, exist_ok=True)
        (root / "agent" / owner / f"{spec.uid}.md").write_text(spec.text())
    report = tmp_path / "names.json"
    result = CliRunner().invoke(
        main, ["parse", str(root), "-o", str(tmp_path / "o.json"), "--explain-names", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert "named by fallback" in result.output
    entries = {entry["name"]: entry for entry in json.loads(report.read_text())}
    document = json.loads((tmp_path / "o.json").read_text())
    assert set(entries) == set(document["components"]["schemas"])
    assert entries["Gadget"]["named_by"] == "description"
    assert entries["Thing"]["named_by"] == "summary"
    assert any(item["file"].endswith("v1GadgetAgent_Enumerate.md") for item in entries["Gadget"]["evidence"])
    markdown = tmp_path / "names.md"
    result = CliRunner().invoke(
        main, ["parse", str(root), "-o", str(tmp_path / "o.json"), "--explain-names", str(markdown)]
    )
    assert result.exit_code == 0 and "## Gadget (description)" in markdown.read_text()


def test_an_operations_name_speaks_only_for_its_own_endpoint_family() -> None:
    rows = [("Total", "int32", ""), ("Next", "string", ""), ("Rows", "array", "")]
    document, diags, _ = build(
        [
            Spec("v1WidgetAgent_GetWidgetRows", summary="Rows.", rows=rows),
            Spec("v1WidgetAgent_Search", summary="Searches.", rows=rows),
            Spec("v1FooEntity_GetAll", summary="All foos.", rows=rows),
            Spec("v1BarEntity_GetAll", summary="All bars.", rows=rows),
        ]
    )
    assert response_ref(document, "v1WidgetAgent_GetWidgetRows") == "WidgetRows"
    assert response_ref(document, "v1WidgetAgent_Search") == "WidgetRows"
    assert (
        response_ref(document, "v1FooEntity_GetAll") == response_ref(document, "v1BarEntity_GetAll") == "GetAllResult"
    )
    assert sum(1 for d in diags.items if d.code == "schema-unnamed") == 2
