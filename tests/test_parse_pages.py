"""Page formats and bad input, on small pages written for these tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.docs_to_openapi import docs_to_openapi
from generator.parse.page import parse_page

HEADERS = """
## Request Headers

| Parameter Name | Description |
|----------------|-------------|
| Authorization  | Auth header. |
| Accept         | Response types: `application/json`, `text/json` |
| SO-Language | Language code. |
| If-None-Match | Entity tag of the cached copy. |
"""

GENERATED = (
    textwrap.dedent(
        """\
    ---
    title: GET Widget/{id}
    uid: v1WidgetEntity_GetWidget
    generated: true
    ---

    # GET Widget/{id}

    ```http
    GET /api/v1/Widget/{widgetId}
    ```

    Fetch one widget.

    NsApiSlow threshold: 1000 ms.

    | Path Part | Type | Description |
    |-----------|------|-------------|
    | widgetId | int32 | The widget id **Required** |
    """
    )
    + HEADERS
    + textwrap.dedent(
        """
    ## Response:

    OK

    | Response | Description |
    |----------------|-------------|
    | 200 | WidgetEntity found. |
    | 304 | Not modified. |
    | 404 | Not found. |

    ### Response body: WidgetEntity

    | Property Name | Type |  Description |
    |----------------|------|--------------|
    | WidgetId | int32 | Primary key |
    | Owner | Associate | The owner |
    | Tags | array | Free tags |
    | Updated | date-time | Last change |

    ## Sample request

    [!include[sample request](../../samples/rest/request/v1WidgetEntity_GetWidget.md)]

    ## Sample response

    [!include[sample response](../../samples/rest/response/v1WidgetEntity_GetWidget.md)]
    """
    )
)

REQUEST_SAMPLE = "```http!\nGET /api/v1/Widget/42\nAccept: application/json\n```\n"
RESPONSE_SAMPLE = textwrap.dedent(
    """\
    ```http_
    HTTP/1.1 200 WidgetEntity found.
    Content-Type: application/json; charset=utf-8

    {
      "WidgetId": 42,
      "Owner": {"AssociateId": 7, "FullName": "Ada Lovelace"},
      "Tags": ["blue", "round"],
      "Updated": "2024-02-03T04:05:06.1234567+01:00"
    }
    ```
    """
)


def _docs(tmp_path: Path, page: str, samples: bool = True) -> Path:
    root = tmp_path / "docs"
    (root / "rest" / "Widget").mkdir(parents=True)
    (root / "rest" / "Widget" / "v1WidgetEntity_GetWidget.md").write_text(page)
    (root / "rest" / "Widget" / "index.md").write_text(
        "---\ntitle: Widget\n---\n\n* [GET](v1WidgetEntity_GetWidget.md)\n"
    )
    if samples:
        for kind, text in (("request", REQUEST_SAMPLE), ("response", RESPONSE_SAMPLE)):
            (root / "samples" / "rest" / kind).mkdir(parents=True)
            (root / "samples" / "rest" / kind / "v1WidgetEntity_GetWidget.md").write_text(text)
    return root


def test_generated_and_include_format(tmp_path: Path) -> None:
    document, diagnostics, summary = docs_to_openapi(_docs(tmp_path, GENERATED))
    assert summary.pages == 1 and summary.skipped == 1  # index.md is not an endpoint
    assert [d for d in diagnostics if d.severity.value != "info"] == []
    operation = document["paths"]["/api/v1/Widget/{widgetId}"]["get"]
    assert operation["tags"] == ["Widget"]
    path_param = operation["parameters"][0]
    assert path_param == {
        "name": "widgetId",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "format": "int32"},
        "description": "The widget id",
        "example": 42,
    }
    assert {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "description": "Entity tag of the cached copy.",
        "schema": {"type": "string"},
    } in operation["parameters"]
    assert set(operation["responses"]) == {"200", "304", "404"}
    assert operation["responses"]["200"]["description"] == "WidgetEntity found."
    media = operation["responses"]["200"]["content"]["application/json"]
    assert media["schema"] == {"$ref": "#/components/schemas/WidgetEntity"}
    assert media["examples"]["sample"]["value"]["WidgetId"] == 42
    widget = document["components"]["schemas"]["WidgetEntity"]["properties"]
    assert widget["Owner"]["anyOf"][0] == {"$ref": "#/components/schemas/Associate"}
    assert widget["Tags"]["items"] == {"type": "string"}  # array item type from the sample
    owner = document["components"]["schemas"]["Associate"]["properties"]
    assert owner["AssociateId"]["type"] == ["integer", "null"]
    assert "304" not in [c for c in operation["responses"] if "content" in operation["responses"][c]]


def test_an_include_shared_by_pages_is_tokenised_once(tmp_path: Path) -> None:
    from generator.parse.page import included_blocks

    root = _docs(tmp_path, GENERATED)
    twin = (
        GENERATED.replace("v1WidgetEntity_GetWidget", "v1WidgetEntity_GetWidgetAgain")
        .replace("samples/rest/request/v1WidgetEntity_GetWidgetAgain", "samples/rest/request/v1WidgetEntity_GetWidget")
        .replace(
            "samples/rest/response/v1WidgetEntity_GetWidgetAgain", "samples/rest/response/v1WidgetEntity_GetWidget"
        )
    )
    (root / "rest" / "Widget" / "v1WidgetEntity_GetWidgetAgain.md").write_text(twin)
    included_blocks.cache_clear()
    document, _, summary = docs_to_openapi(root)
    assert summary.pages == 2
    info = included_blocks.cache_info()
    assert (info.misses, info.hits) == (2, 2)  # two distinct targets, each reused by the second page
    media = document["paths"]["/api/v1/Widget/{widgetId}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert media["examples"]["sample"]["value"]["WidgetId"] == 42


def test_missing_include_target_is_a_diagnostic(tmp_path: Path) -> None:
    document, diagnostics, _summary = docs_to_openapi(_docs(tmp_path, GENERATED, samples=False))
    missing = [d for d in diagnostics if d.code == "include-missing"]
    assert len(missing) == 2 and missing[0].file == "rest/Widget/v1WidgetEntity_GetWidget.md" and missing[0].line > 0
    assert "/api/v1/Widget/{widgetId}" in document["paths"]


def test_bad_page_reports_file_and_line_and_keeps_rows() -> None:
    page = GENERATED.replace("| Tags | array | Free tags |", "| Tags | array | Free tags | stray |").replace(
        "| Updated | date-time | Last change |", "| Updated | when-ever | Last change |"
    )
    page = page.replace(
        "[!include[sample response](../../samples/rest/response/v1WidgetEntity_GetWidget.md)]",
        '```http_\nHTTP/1.1 200 OK\n\n{"WidgetId": 42,,}\n```',
    )
    diags = Diagnostics()
    parsed = parse_page(page, "rest/Widget/x.md", diags)
    assert parsed is not None and parsed.response is not None
    codes = {d.code: d for d in diags.items}
    assert codes["table-row-cells"].line == page.splitlines().index("| Tags | array | Free tags | stray |") + 1
    assert codes["sample-json"].line == page.splitlines().index('{"WidgetId": 42,,}') + 1
    tags = next(p for p in parsed.response.properties if p.name == "Tags")
    assert tags.description == "Free tags | stray"  # the extra cell is kept, not dropped


def test_unknown_type_and_missing_sections(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "v1ThingAgent_Do.md").write_text(
        "---\nid: v1ThingAgent_Do\n---\n\n# Do\n\n```http\nPOST /api/v1/Agents/Thing/Do\n```\n\nDoes it.\n\n## Request Body: request\n\n| Property Name | Type | Description |\n|---|---|---|\n| Mode | Weird Type | How |\n"
    )
    (root / "v1ThingAgent_Broken.md").write_text(
        "---\nid: v1ThingAgent_Broken\n---\n\n# Broken\n\nNo request line at all.\n\n## Response: object\n"
    )
    document, diagnostics, summary = docs_to_openapi(root)
    by_code = {d.code: d for d in diagnostics}
    assert by_code["unknown-type"].file == "v1ThingAgent_Do.md" and by_code["unknown-type"].line == 17
    assert by_code["missing-response"].line == 7
    assert by_code["no-endpoint"].file == "v1ThingAgent_Broken.md"
    assert summary.pages == 1 and summary.skipped == 1 and summary.errors == 1
    assert "Mode" in document["components"]["schemas"]["DoRequest"]["properties"]  # the row is kept


def test_cli_summary_and_strict(tmp_path: Path) -> None:
    root = _docs(tmp_path, GENERATED, samples=False)
    runner = CliRunner()
    ok = runner.invoke(main, ["parse", str(root), "-o", str(tmp_path / "out.json")])
    assert ok.exit_code == 0, ok.output
    assert "1 endpoint pages" in ok.output and "warnings" in ok.output
    assert (tmp_path / "out.json").read_text().startswith("{")
    strict = runner.invoke(main, ["parse", str(root), "-o", str(tmp_path / "out.yaml"), "--strict"])
    assert strict.exit_code == 1
    assert "include-missing" in strict.output


def test_same_input_same_bytes(tmp_path: Path) -> None:
    root = _docs(tmp_path, GENERATED)
    runner = CliRunner()
    runner.invoke(main, ["parse", str(root), "-o", str(tmp_path / "a.yaml")])
    runner.invoke(main, ["parse", str(root), "-o", str(tmp_path / "b.yaml")])
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()
    assert str(tmp_path) not in (tmp_path / "a.yaml").read_text()


def test_description_markup_becomes_markdown() -> None:
    page = GENERATED.replace(
        "Fetch one widget.",
        'Fetch one widget from the <see cref="T:SuperOffice.CRM.Services.IWidgetAgent">Widget Agent</see>.<para />It&amp;apos;s cached; see <see cref="P:Ns.Widget.Owner"/>.',
    )
    parsed = parse_page(page, "x.md", Diagnostics())
    assert parsed is not None
    assert parsed.summary == "Fetch one widget from the Widget Agent."
    assert parsed.description.startswith("It's cached; see `Widget.Owner`.")
