"""Hostile docs folders: links out of the folder, FIFOs, devices, huge pages, deep JSON, odd encodings,
repeated sections and invalid codes or names. Every run ends, names the page it refused, and writes a
valid OpenAPI document in JSON and YAML."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator

from generator.cache import tree_fingerprint
from generator.corpus import Refused, _worker_chunk, parse_folder, read_docs_file
from generator.diagnostics import Diagnostic
from generator.docs_to_openapi import docs_to_openapi, pages_to_openapi

SDKGEN = [str(Path(sys.executable).parent / "sdkgen")]


def page(uid: str, path: str = "/api/v1/Widget/{id}", extra: str = "", sample: str = "") -> str:
    """A small generated-format endpoint page."""
    return (
        textwrap.dedent(
            f"""\
            ---
            title: GET {path}
            uid: {uid}
            ---

            # GET {path}

            ```http
            GET {path}
            ```

            Page {uid} says hello.

            | Path Part | Type | Description |
            |-----------|------|-------------|
            | id | int32 | The id **Required** |

            ## Query String Parameters

            | Parameter Name | Type |  Description |
            |----------------|------|--------------|
            | $select | string |  Columns to return. |

            ## Request Headers

            | Parameter Name | Description |
            |----------------|-------------|
            | Accept         | Response types: `application/json` |

            ## Response:

            OK

            | Response | Description |
            |----------------|-------------|
            | 200 | Found. |

            ### Response body: WidgetEntity

            | Property Name | Type |  Description |
            |----------------|------|--------------|
            | WidgetId | int32 | Primary key |
            """
        )
        + extra
        + sample
    )


def deep_sample(levels: int) -> str:
    return f"\n## Sample response\n\n```http_\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{'[' * levels}1{']' * levels}\n```\n"


def make_docs(tmp_path: Path, pages: dict[str, str]) -> Path:
    root = tmp_path / "docs"
    for relative, text in pages.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def run_parse(root: Path, output: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`sdkgen parse` in its own process: a run that would block or crash fails the test, not the suite."""
    return subprocess.run(
        [*SDKGEN, "parse", str(root), "-o", str(output), *options],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )


def assert_valid(document: dict[str, Any]) -> None:
    errors = [error.message[:200] for error in OpenAPIV31SpecValidator(document).iter_errors()]
    assert errors == []


def operation_ids(document: dict[str, Any]) -> set[str]:
    return {op["operationId"] for item in document["paths"].values() for op in item.values()}


def codes(diagnostics: list[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code == code]


# -- what the parser reads -----------------------------------------------------------------------


def test_links_inside_the_folder_are_read_links_out_of_it_are_refused(tmp_path: Path) -> None:
    root = make_docs(tmp_path, {"rest/Widget/v1WidgetEntity_Real.md": page("v1WidgetEntity_Real")})
    shared = root / "includes" / "shared-page.md"
    shared.parent.mkdir()
    shared.write_text(page("v1WidgetEntity_Inside", "/api/v1/Inside/{id}"), encoding="utf-8")
    outside = tmp_path / "elsewhere"
    (outside / "Folder").mkdir(parents=True)
    (outside / "secret.md").write_text(page("v1WidgetEntity_Secret", "/api/v1/Secret/{id}"), encoding="utf-8")
    (outside / "Folder" / "v1X_Y.md").write_text(page("v1WidgetEntity_InFolder", "/api/v1/F/{id}"), encoding="utf-8")
    (root / "rest" / "Widget" / "v1WidgetEntity_Inside.md").symlink_to("../../includes/shared-page.md")
    (root / "rest" / "Widget" / "v1WidgetEntity_Secret.md").symlink_to(outside / "secret.md")
    (root / "rest" / "Linked").symlink_to(outside / "Folder", target_is_directory=True)

    document, diagnostics, summary = docs_to_openapi(root)

    assert operation_ids(document) == {"v1WidgetEntity_Real", "v1WidgetEntity_Inside"}
    text = json.dumps(document)
    assert "Secret" not in text and "InFolder" not in text
    refused = codes(diagnostics, "page-outside")
    assert {d.file for d in refused} == {"rest/Widget/v1WidgetEntity_Secret.md", "rest/Linked"}
    assert all(d.file in d.message and "outside the docs folder" in d.message for d in refused)
    assert summary.errors == 0


def test_fifo_and_dev_zero_are_skipped_without_blocking(tmp_path: Path) -> None:
    root = make_docs(tmp_path, {"rest/Widget/v1WidgetEntity_Real.md": page("v1WidgetEntity_Real")})
    os.mkfifo(root / "rest" / "Widget" / "v1WidgetEntity_Fifo.md")
    (root / "rest" / "Widget" / "v1WidgetEntity_Zero.md").symlink_to("/dev/zero")
    (root / "samples").mkdir()
    os.mkfifo(root / "samples" / "fifo.md")
    include = "\n## Sample response\n\n[!include[fifo](../../samples/fifo.md)]\n"
    (root / "rest" / "Widget" / "v1WidgetEntity_Inc.md").write_text(
        page("v1WidgetEntity_Inc", "/api/v1/I/{id}", include)
    )
    (root / "rest" / "Widget" / "v1WidgetEntity_Loop.md").symlink_to("v1WidgetEntity_Loop.md")
    out = tmp_path / "out.json"

    result = run_parse(root, out)  # a read of the FIFO would block, one of /dev/zero would never end

    assert result.returncode == 1, result.stderr  # the link loop is an error; the run still ends and writes
    assert "rest/Widget/v1WidgetEntity_Fifo.md: warning: rest/Widget/v1WidgetEntity_Fifo.md is a FIFO" in result.stderr
    assert "rest/Widget/v1WidgetEntity_Zero.md: warning:" in result.stderr and "/dev/zero" in result.stderr
    assert "include target '../../samples/fifo.md' (samples/fifo.md) is a FIFO" in result.stderr
    assert "rest/Widget/v1WidgetEntity_Loop.md: error: cannot read page:" in result.stderr
    assert operation_ids(json.loads(out.read_text())) == {"v1WidgetEntity_Real", "v1WidgetEntity_Inc"}


def test_build_fingerprint_neither_follows_links_nor_reads_fifos(tmp_path: Path) -> None:
    """`sdkgen build` hashes the docs folder before parsing it: that must not hang either."""
    root = make_docs(tmp_path, {"rest/Widget/v1WidgetEntity_Real.md": page("v1WidgetEntity_Real")})
    os.mkfifo(root / "rest" / "Widget" / "v1WidgetEntity_Fifo.md")
    (root / "rest" / "Widget" / "v1WidgetEntity_Zero.md").symlink_to("/dev/zero")
    outside = tmp_path / "outside.md"
    outside.write_text("secret")
    (root / "rest" / "Widget" / "v1WidgetEntity_Out.md").symlink_to(outside)
    before = tree_fingerprint(root)  # a read of the FIFO or /dev/zero would block or never end
    outside.write_text("another secret")
    assert tree_fingerprint(root) == before  # the parser refuses that link: its target is not an input
    (root / "rest" / "Widget" / "v1WidgetEntity_Real.md").write_text(page("v1WidgetEntity_Real", "/api/v1/R/{id}"))
    assert tree_fingerprint(root) != before


def test_devices_are_never_read() -> None:
    with pytest.raises(Refused, match="character device") as refused:
        read_docs_file(Path("/dev"), "zero")
    assert refused.value.code == "page-not-regular"


def test_oversized_pages_and_includes_are_refused(tmp_path: Path) -> None:
    big = page("v1WidgetEntity_Big", "/api/v1/Big/{id}", extra="\n" + "padding " * 700_000)  # ~5.6 MB
    include = "\n## Sample response\n\n[!include[sample](../../samples/big.md)]\n"
    root = make_docs(
        tmp_path,
        {
            "rest/Widget/v1WidgetEntity_Big.md": big,
            "rest/Widget/v1WidgetEntity_Small.md": page("v1WidgetEntity_Small", extra=include),
            "samples/big.md": "```http_\nHTTP/1.1 200 OK\n\n" + " " * 20_000 + "{}\n```\n",
        },
    )
    document, diagnostics, _ = docs_to_openapi(root)  # the default limit: 4 MiB
    assert operation_ids(document) == {"v1WidgetEntity_Small"}
    [too_large] = codes(diagnostics, "page-too-large")
    assert too_large.file == "rest/Widget/v1WidgetEntity_Big.md" and "4194304" in too_large.message

    result = run_parse(root, tmp_path / "out.json", "--max-page-bytes", "10000")
    assert result.returncode == 0, result.stderr
    assert "[include-refused]" in result.stderr and "over the 10000-byte page limit" in result.stderr
    assert "[include-missing]" not in result.stderr


def test_includes_that_leave_the_folder_are_reported_as_refused(tmp_path: Path) -> None:
    (tmp_path / "outside.md").write_text("```http_\nHTTP/1.1 200 OK\n\n{}\n```\n", encoding="utf-8")
    extra = (
        "\n## Sample request\n\n[!include[escape](../../../outside.md)]\n"
        "\n## Sample response\n\n[!include[linked](../../samples/linked.md)]\n"
        "\n## Notes\n\n[!include[absent](../../samples/absent.md)]\n"
    )
    root = make_docs(tmp_path, {"rest/Widget/v1WidgetEntity_Inc.md": page("v1WidgetEntity_Inc", extra=extra)})
    (root / "samples").mkdir()
    (root / "samples" / "linked.md").symlink_to(tmp_path / "outside.md")
    _, diagnostics, _ = docs_to_openapi(root)
    refused = codes(diagnostics, "include-refused")
    assert sorted(d.message.split("'")[1] for d in refused) == ["../../../outside.md", "../../samples/linked.md"]
    assert all("outside the docs folder" in d.message and d.line > 0 for d in refused)
    [missing] = codes(diagnostics, "include-missing")
    assert "absent.md" in missing.message


# -- no page stops the run -----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_deep_json_samples_are_reported_and_the_document_is_written(tmp_path: Path, suffix: str) -> None:
    root = make_docs(
        tmp_path,
        {
            "rest/Widget/v1WidgetEntity_Deep1000.md": page("v1WidgetEntity_Deep1000", sample=deep_sample(1000)),
            "rest/Widget/v1WidgetEntity_Deep500.md": page(
                "v1WidgetEntity_Deep500", "/api/v1/D/{id}", sample=deep_sample(500)
            ),
            "rest/Widget/v1WidgetEntity_Deep30.md": page(
                "v1WidgetEntity_Deep30", "/api/v1/E/{id}", sample=deep_sample(30)
            ),
            "rest/Widget/v1WidgetEntity_DeepType.md": page(
                "v1WidgetEntity_DeepType", "/api/v1/T/{id}", extra="| Nested | int" + "[]" * 1000 + " | Deep |\n"
            ),
        },
    )
    out = tmp_path / f"out{suffix}"
    result = run_parse(root, out)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    document = json.loads(text) if suffix == ".json" else yaml.load(text, Loader=yaml.CSafeLoader)
    assert len(operation_ids(document)) == 4
    assert_valid(document)
    deep = [line for line in result.stderr.splitlines() if line.endswith("[sample-json-depth]")]
    assert [line.split(":")[0] for line in deep] == [
        "rest/Widget/v1WidgetEntity_Deep1000.md",
        "rest/Widget/v1WidgetEntity_Deep500.md",
    ]
    assert "[unknown-type]" in result.stderr and "'Nested'" in result.stderr
    # A sample of sensible depth is still an example.
    media = document["paths"]["/api/v1/E/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert media["examples"]["sample"]["value"] == json.loads("[" * 30 + "1" + "]" * 30)


def test_an_exception_inside_one_page_is_a_diagnostic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.corpus
    import generator.parse.page

    root = make_docs(
        tmp_path,
        {
            "rest/Widget/v1WidgetEntity_A.md": page("v1WidgetEntity_A"),
            "rest/Widget/v1WidgetEntity_B.md": page("v1WidgetEntity_B", "/api/v1/B/{id}"),
        },
    )
    real = generator.parse.page.page_from_blocks

    def fragile(front: Any, blocks: Any, file: str, *args: Any) -> Any:
        if file.endswith("_B.md"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(front, blocks, file, *args)

    monkeypatch.setattr(generator.corpus, "page_from_blocks", fragile)
    document, diagnostics, summary = pages_to_openapi(parse_folder(root, workers=1))
    assert operation_ids(document) == {"v1WidgetEntity_A"}
    [crash] = codes(diagnostics, "internal-error")
    assert crash.file == "rest/Widget/v1WidgetEntity_B.md" and "RecursionError" in crash.message
    assert summary.errors == 1


def test_a_failed_worker_chunk_is_parsed_again(tmp_path: Path) -> None:
    root = make_docs(tmp_path, {"rest/Widget/v1WidgetEntity_A.md": page("v1WidgetEntity_A")})
    future: Future[bytes] = Future()
    future.set_exception(BrokenProcessPool("a worker died"))
    [result] = _worker_chunk(future, (str(root), ["rest/Widget/v1WidgetEntity_A.md"], 1 << 20))
    assert result.page is not None and result.page.uid == "v1WidgetEntity_A"
    assert [d.code for d in result.diagnostics] == ["worker-failed"]


# -- encodings -----------------------------------------------------------------------------------

ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 BOM": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-16-le BOM": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    "utf-16-be BOM": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
}
ENDINGS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}


def test_every_encoding_and_line_ending_parses_the_same(tmp_path: Path) -> None:
    include = "\n## Sample response\n\n[!include[sample](../../samples/response.md)]\n"
    text = page("v1WidgetEntity_Enc", extra=include).replace("hello", "héllo wörld ✓")
    sample = '```http_\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{"WidgetId": 7, "Name": "Ünïcødé"}\n```\n'
    outputs: dict[str, str] = {}
    for encoding, encode in ENCODINGS.items():
        for ending, newline in ENDINGS.items():
            root = tmp_path / f"{encoding}-{ending}".replace(" ", "_")
            for relative, content in (("rest/Widget/v1WidgetEntity_Enc.md", text), ("samples/response.md", sample)):
                (root / relative).parent.mkdir(parents=True, exist_ok=True)
                (root / relative).write_bytes(encode(content.replace("\n", newline)))
            [result] = parse_folder(root, workers=1)
            assert result.page is not None and result.page.uid == "v1WidgetEntity_Enc", (encoding, ending)
            assert result.diagnostics == (), (encoding, ending)
            document, _, _ = pages_to_openapi([result])
            outputs[f"{encoding} {ending}"] = json.dumps(document, sort_keys=True, ensure_ascii=False)
    reference = outputs["utf-8 LF"]
    assert "héllo wörld ✓" in reference and "Ünïcødé" in reference and "uid:" not in reference
    assert {name for name, out in outputs.items() if out != reference} == set()


def test_undecodable_bytes_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "v1WidgetEntity_Bad.md").write_bytes(page("v1WidgetEntity_Bad").encode() + b"\n\xff\xfe\xfa broken\n")
    [result] = parse_folder(root, workers=1)
    assert result.page is not None and [d.code for d in result.diagnostics] == ["encoding"]


# -- every document is valid ---------------------------------------------------------------------


def test_duplicated_sections_do_not_duplicate_parameters(tmp_path: Path) -> None:
    text = page("v1WidgetEntity_Dup")
    sections = text.split("\n## ")
    doubled = "\n## ".join([*sections[:3], sections[1], sections[2], *sections[3:]])  # query + headers twice
    doubled += "\n\n| Path Part | Type | Description |\n|---|---|---|\n| id | string | Again |\n"
    root = make_docs(tmp_path, {"rest/Widget/v1WidgetEntity_Dup.md": doubled})
    document, diagnostics, _ = docs_to_openapi(root)
    assert_valid(document)
    parameters = document["paths"]["/api/v1/Widget/{id}"]["get"]["parameters"]
    assert [p["name"] for p in parameters] == ["id", "$select"]
    assert parameters[0]["schema"] == {"type": "integer", "format": "int32"}  # the first row is kept
    assert len(codes(diagnostics, "duplicate-section")) == 2
    lines = doubled.split("\n")

    def line_of(prefix: str, occurrence: int) -> int:
        return [i + 1 for i, line in enumerate(lines) if line.startswith(prefix)][occurrence]

    repeats = [line_of("| $select", 1), line_of("| Accept", 1), line_of("| id | string", 0)]
    assert sorted(d.line for d in codes(diagnostics, "duplicate-parameter")) == sorted(repeats)


def test_invalid_status_codes_and_names_are_reported_and_mapped(tmp_path: Path) -> None:
    text = page(
        "v1WidgetEntity_Odd",
        sample="\n## Sample response\n\n```http_\nHTTP/1.1 999 Weird\n\n{}\n```\n",
    )
    text = text.replace(
        "| 200 | Found. |", "| 200 | Found. |\n| 999 | Nine. |\n| abc | Letters. |\n| ٢٠٠ | Arabic digits. |"
    )
    text = text.replace(
        "| WidgetId | int32 | Primary key |", "| WidgetId | int32 | Primary key |\n| Odd | Ünïcødé | Odd type |"
    )
    text = text.replace("### Response body: WidgetEntity", "### Response body: WídgetÉntity")
    root = make_docs(tmp_path, {"rest/Widget/v1WidgetEntity_Odd.md": text})
    document, diagnostics, _ = docs_to_openapi(root)
    assert_valid(document)
    operation = document["paths"]["/api/v1/Widget/{id}"]["get"]
    assert set(operation["responses"]) == {"200"}
    rejected = {d.message.split("'")[1] for d in codes(diagnostics, "status-code")}
    assert rejected == {"999", "abc", "٢٠٠"}
    assert codes(diagnostics, "sample-status")
    schemas = document["components"]["schemas"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/WidgetEntity"
    }
    assert "Odd" in schemas["WidgetEntity"]["properties"]  # the row is kept, its type mapped
    renamed = {d.message.split("'")[1]: d for d in codes(diagnostics, "schema-name")}
    assert set(renamed) == {"WídgetÉntity", "Ünïcødé"}
    assert all(d.file == "rest/Widget/v1WidgetEntity_Odd.md" for d in renamed.values())


def test_empty_media_type_list_is_reported(tmp_path: Path) -> None:
    text = page("v1WidgetEntity_Media").replace("Response types: `application/json`", "Content-type(s):  ")
    root = make_docs(tmp_path, {"rest/Widget/v1WidgetEntity_Media.md": text})
    document, diagnostics, _ = docs_to_openapi(root)
    [empty] = codes(diagnostics, "media-types-empty")
    assert empty.line == text.split("\n").index("| Accept         | Content-type(s):   |") + 1
    assert "x-accept-types" not in document["paths"]["/api/v1/Widget/{id}"]["get"]


def test_pages_sharing_a_uid_get_unique_operation_ids(tmp_path: Path) -> None:
    root = make_docs(
        tmp_path,
        {
            "rest/Widget/v1WidgetEntity_A.md": page("v1Same_Uid"),
            "rest/Widget/v1WidgetEntity_B.md": page("v1Same_Uid", "/api/v1/Other/{id}"),
        },
    )
    document, diagnostics, _ = docs_to_openapi(root)
    assert_valid(document)
    assert operation_ids(document) == {"v1Same_Uid", "v1Same_Uid_2"}
    assert "v1Same_Uid_2" in codes(diagnostics, "duplicate-operation-id")[0].message


def test_stray_braces_and_unpaired_surrogates_still_give_a_writable_valid_document(tmp_path: Path) -> None:
    surrogate = '\n## Sample response\n\n```http_\nHTTP/1.1 200 OK\n\n{"WidgetId": 1, "Name": "\\ud800"}\n```\n'
    root = make_docs(
        tmp_path,
        {
            "rest/Widget/v1WidgetEntity_Brace.md": page("v1WidgetEntity_Brace", "/api/v1/{Widget/x{id}/{id}"),
            "rest/Widget/v1WidgetEntity_Twice.md": page("v1WidgetEntity_Twice", "/api/v1/Twice/{id}/{id}"),
            "rest/Widget/v1WidgetEntity_Sur.md": page("v1WidgetEntity_Sur", "/api/v1/S/{id}", sample=surrogate),
        },
    )
    for suffix in (".json", ".yaml"):
        out = tmp_path / f"out{suffix}"
        result = run_parse(root, out)
        assert result.returncode == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        document = json.loads(text) if suffix == ".json" else yaml.load(text, Loader=yaml.CSafeLoader)
        assert_valid(document)
        assert "/api/v1/%7BWidget/x%7Bid%7D/{id}" in document["paths"]
        assert "[path-template]" in result.stderr and "[sample-surrogates]" in result.stderr
        media = document["paths"]["/api/v1/S/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
        assert media["examples"]["sample"]["value"]["Name"] == "\ufffd"


def test_values_json_cannot_hold_and_unused_rows_are_reported(tmp_path: Path) -> None:
    controls = "a\x01b\x1bc\u2028d\x85e\ufeffg\x7fh: - # & * ! > ' \" % @"
    nan = '\n## Sample response\n\n```http_\nHTTP/1.1 200 OK\n\n{"WidgetId": 1, "N": NaN, "Big": 1e400}\n```\n'
    binary = "\n## Request Body: request binary\n\n| Property Name | Type | Description |\n|---|---|---|\n| Blob | string | x |\n"
    text = page("v1WidgetEntity_Nan", sample=nan).replace("says hello.", f"says {controls}")
    text = text.replace(
        "```http\nGET /api/v1/Widget/{id}\n```", "```http\nPOST /api/v1/Widget/{id}?$select=Infinity\n```"
    )
    root = make_docs(tmp_path, {"rest/Widget/v1WidgetEntity_Nan.md": text + binary})
    documents: list[dict[str, Any]] = []
    for suffix in (".json", ".yaml"):
        out = tmp_path / f"out{suffix}"
        result = run_parse(root, out)
        assert result.returncode == 0, result.stderr
        written = out.read_text(encoding="utf-8")
        document = (
            json.loads(written, parse_constant=lambda constant: pytest.fail(f"{constant} in the JSON output"))
            if suffix == ".json"
            else yaml.load(written, Loader=yaml.CSafeLoader)
        )
        assert_valid(document)
        operation = document["paths"]["/api/v1/Widget/{id}"]["post"]
        assert operation["summary"] == "Page v1WidgetEntity_Nan says " + " ".join(controls.split())
        documents.append(document)
        assert "[sample-json]" in result.stderr and "NaN is not a JSON value" in result.stderr
        assert "[properties-unused]" in result.stderr and "(Blob)" in result.stderr
    assert documents[0] == documents[1]  # the YAML says what the JSON says


def test_pathological_markup_is_cleaned_without_quadratic_time() -> None:
    import time

    from generator.parse.text import clean

    started = time.perf_counter()
    text = clean("[" * 300_000 + ' <see cref="T:X"/> &amp; ' + "[" * 10)
    assert time.perf_counter() - started < 20  # markdown-it's inline pass alone takes minutes here
    assert text.count("[") == 300_010 and "\\<see" in text and "&amp;" not in text and "& " in text


@pytest.mark.parametrize("stage", ["draft_named", "_request_body"])
def test_an_exception_while_building_one_operation_is_a_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    import generator.spec.document as document_module
    import generator.spec.operation as operation_module

    root = make_docs(
        tmp_path,
        {
            "rest/Widget/v1WidgetEntity_A.md": page("v1WidgetEntity_A"),
            "rest/Widget/v1WidgetEntity_B.md": page("v1WidgetEntity_B", "/api/v1/B/{id}"),
        },
    )
    owner: Any = document_module if stage == "draft_named" else operation_module
    real = getattr(owner, stage)

    def fragile(*args: Any) -> Any:
        if args[0].file.endswith("_B.md"):  # both take the page first
            raise KeyError("boom")
        return real(*args)

    monkeypatch.setattr(owner, stage, fragile)
    document, diagnostics, summary = docs_to_openapi(root)
    assert operation_ids(document) == {"v1WidgetEntity_A"}
    assert_valid(document)
    [crash] = codes(diagnostics, "internal-error")
    assert crash.file == "rest/Widget/v1WidgetEntity_B.md" and "KeyError" in crash.message
    assert summary.errors == 1
