"""Form and multipart request bodies become typed keyword arguments and reach a real server
encoded as the spec says.

The documents (tests/bodies_specs.py) are a Stripe-like form API, an upload API and an
OpenAI-like transcription endpoint. tests/sdk_scripts/bodies_calls.py calls them, sync and
then async, against a loopback HTTP server; what arrived is decoded here with the standard
library (urllib.parse for forms, the email package's MIME parser for multipart bodies).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from bodies_specs import DOCUMENTS
from generate_support import REPO, SDK_SCRIPTS, generate_into, run_script
from runtime_harness import Received, Reply, ScriptedServer

SCRIPT = "bodies_calls.py"
_REPLY = Reply(200, {"id": "ch_9", "amount": 2000, "text": "hello"})


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bodies")
    for name, spec in DOCUMENTS.items():
        generate_into(root / name, spec, name)
    return {name: root / name for name in DOCUMENTS}


def _call(
    packages: dict[str, Path], package: str, tmp_path: Path, replies: tuple[Reply, ...] = ()
) -> tuple[list[Any], list[Received]]:
    with ScriptedServer() as server:
        server.script(*replies, *[_REPLY] * 20)
        results = run_script(packages[package], SCRIPT, {"url": server.url, "package": package, "dir": str(tmp_path)})
        return results, list(server.received)


def _header(received: Received, name: str) -> str | None:
    return next((v for k, v in received.headers.items() if k.lower() == name.lower()), None)


def _form(received: Received) -> list[tuple[str, str]]:
    assert _header(received, "Content-Type") == "application/x-www-form-urlencoded"
    return parse_qsl(received.body.decode("ascii"), keep_blank_values=True, strict_parsing=True)


def _parts(received: Received) -> list[dict[str, Any]]:
    """Each part: name, filename, content type, content, and its other headers."""
    content_type = _header(received, "Content-Type") or ""
    assert content_type.startswith("multipart/form-data; boundary="), content_type
    assert _header(received, "Content-Length") == str(len(received.body))
    message = BytesParser(policy=policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + received.body
    )
    assert message.is_multipart() and not message.defects, message.defects
    parts = []
    for part in message.iter_parts():
        extra = {k: str(v) for k, v in part.items() if k.lower() not in ("content-disposition", "content-type")}
        parts.append(
            {
                "name": part.get_param("name", header="content-disposition"),
                "filename": part.get_filename(),
                "type": part.get("Content-Type"),
                "content": part.get_payload(decode=True),
                "headers": extra,
            }
        )
    return parts


CHARGE_PAIRS = [
    ("amount", "2000"),
    ("currency", "usd"),
    ("capture", "false"),
    ("metadata[order]", "o-1"),
    ("metadata[note]", "a b&c=d"),
    ("expand[0]", "customer"),
    ("expand[1]", "invoice"),
    ("line_items[0][price]", "p_1"),
    ("line_items[0][quantity]", "2"),
    ("line_items[0][tax_rates][0]", "t1"),
    ("line_items[0][tax_rates][1]", "t2"),
    ("line_items[1][price]", "p_2"),
    ("shipping[name]", "Ann"),
    ("shipping[address][city]", "Oslo"),
    ("tags", "x"),
    ("tags", "y"),
    ("codes", "1,2"),
    ("extra", '{"k":[1,true]}'),
]


def test_form_fields_are_encoded_with_their_style_sync_and_async(packages: dict[str, Path], tmp_path: Path) -> None:
    results, received = _call(packages, "payments", tmp_path)
    assert results == [2000, 2000]  # the JSON response is still the documented model
    post, minimal, listing, delete, delete_reason, customer, async_post, async_listing = received
    for charge in (post, async_post):
        assert (charge.method, charge.path) == ("POST", "/v1/charges")
        assert _form(charge) == CHARGE_PAIRS
    assert _form(minimal) == [("amount", "5"), ("currency", "eur")]
    assert _form(delete_reason) == [("reason", "duplicate")]
    assert customer.json == {"email": "a@b.test"}  # JSON and form offered: JSON is sent
    # A GET or DELETE with no field set sends no body and no body Content-Type.
    assert listing.path == "/v1/charges?limit=3" and async_listing.path == "/v1/charges"
    for request in (listing, delete, async_listing):
        assert _header(request, "Content-Type") is None, request.headers
        assert request.body == b""


def test_multipart_parts_carry_names_filenames_and_content_types(packages: dict[str, Path], tmp_path: Path) -> None:
    replies = (_REPLY,) * 5 + (Reply(503, {}), _REPLY, Reply(503, {}))
    _, received = _call(packages, "uploads", tmp_path, replies)
    avatar, named, photos, blob_path, blob_bytes, failed, retried, *piped, async_avatar, async_photos = received
    assert [(p["name"], p["filename"], p["type"], p["content"]) for p in _parts(avatar)] == [
        ("file", "upload", "application/octet-stream", b"\x00avatar"),
        ("caption", None, None, b"hi"),
    ]
    assert [(p["name"], p["filename"], p["type"]) for p in _parts(named)] == [("file", "me.gif", "image/gif")]
    parts = _parts(photos)
    assert photos.path == "/albums/7/photos"
    assert [(p["name"], p["filename"], p["type"], p["content"]) for p in parts if p["filename"]] == [
        ("photos", "beach.png", "image/png", b"\x89PNG-beach"),
        ("photos", "night.jpg", "image/jpeg", b"\xff\xd8night"),
        ("cover", "beach.png", "image/png", b"\x89PNG-beach"),
    ]
    fields = [(p["name"], p["type"], p["content"]) for p in parts if not p["filename"]]
    meta = next(content for name, _, content in fields if name == "meta")
    assert json.loads(meta) == {"title": "Summer", "year": 2024, "people": ["Ann", "Bo"]}
    assert [(name, kind) for name, kind, _ in fields if name == "meta"] == [("meta", "application/vnd.album+json")]
    assert [(n, t, c) for n, t, c in fields if n != "meta"] == [
        ("tags", None, b"sea"),
        ("tags", None, b"sun"),
        ("rating", None, b"5"),
        ("public", None, b"true"),
        ("notes", "text/markdown", b"# Nice"),
        ("source", None, b"cli"),  # extra_body joins as a part
    ]
    assert next(p for p in parts if p["name"] == "notes")["headers"] == {"X-Part-Version": "2"}
    assert _header(blob_path, "Content-Type") == "application/octet-stream" and blob_path.body == b"\x89PNG-beach"
    assert blob_bytes.body == b"raw bytes"
    assert [(p["name"], p["content"]) for p in _parts(retried)] == [("file", b"\x89PNG-beach"), ("caption", b"again")]
    assert _parts(retried) == _parts(failed)  # the first attempt did not use the file up
    # A pipe cannot be rewound: its bytes are read once, and the retry sends them again.
    assert [[(p["name"], p["filename"], p["content"]) for p in _parts(attempt)] for attempt in piped] == [
        [("file", "pipe.bin", b"piped-bytes"), ("caption", None, b"piped")]
    ] * 2
    assert [(p["name"], p["filename"], p["type"], p["content"]) for p in _parts(async_avatar)] == [
        ("file", "beach.png", "image/png", b"\x89PNG-beach"),
        ("caption", None, None, b"async"),
    ]
    assert [(p["name"], p["type"], p["content"]) for p in _parts(async_photos)] == [
        ("photos", "application/octet-stream", b"one"),  # encoding lists two types: none is assumed
        ("meta", "application/vnd.album+json", b'{"title":"Winter"}'),
    ]


def test_transcription_file_and_repeated_array_parts(packages: dict[str, Path], tmp_path: Path) -> None:
    results, received = _call(packages, "audio", tmp_path)
    assert results == ["hello", "hello"]
    sync_call, async_call = received
    assert [(p["name"], p["filename"], p["type"], p["content"]) for p in _parts(sync_call)] == [
        ("file", "speech.mp3", "audio/mpeg", b"ID3-audio"),
        ("model", None, None, b"whisper-1"),
        ("temperature", None, None, b"0.2"),
        ("response_format", None, None, b"json"),
        ("timestamp_granularities[]", None, None, b"word"),
        ("timestamp_granularities[]", None, None, b"segment"),
    ]
    assert [(p["name"], p["content"]) for p in _parts(async_call)] == [
        ("file", b"RIFF-wav"),
        ("model", b"whisper-1"),
        ("language", b"nb"),
    ]


def _signature(source: str, method: str) -> str:
    start = source.index(f"    def {method}(")
    return source[start : source.index(") ->", start)]


def test_fields_are_typed_and_required_where_the_schema_requires(packages: dict[str, Path]) -> None:
    uploads = (packages["uploads"] / "uploads" / "resources" / "default.py").read_text(encoding="utf-8")
    avatar = _signature(uploads, "upload_avatar")
    assert "file: FileTypes," in avatar and "caption: str | NotGiven = NOT_GIVEN" in avatar
    photos = _signature(uploads, "add_photos")
    assert "photos: Sequence[FileTypes]," in photos and "meta: AlbumMeta | Mapping[str, Any]," in photos
    assert "cover: FileTypes | NotGiven = NOT_GIVEN" in photos
    assert "body: FileContent," in _signature(uploads, "put_blob")
    charges = (packages["payments"] / "payments" / "resources" / "charges.py").read_text(encoding="utf-8")
    post = _signature(charges, "post_charges")
    assert "amount: int," in post and "currency: str," in post
    assert "metadata: Mapping[str, str] | NotGiven = NOT_GIVEN" in post
    assert "shipping: Shipping | Mapping[str, Any] | NotGiven = NOT_GIVEN" in post
    customers = (packages["payments"] / "payments" / "resources" / "customers.py").read_text(encoding="utf-8")
    assert "sent as application/json (the API also accepts application/x-www-form-urlencoded)" in customers
    assert "json=body," in customers and "FormBody" not in customers


def _checked_copy(packages: dict[str, Path], tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    for name in (SCRIPT, "mock_transport.py"):
        shutil.copy(SDK_SCRIPTS / name, work / name)
    for name, out in packages.items():
        (work / name).symlink_to(out / name)
    return work


def test_generated_packages_and_a_user_script_pass_mypy_strict(packages: dict[str, Path], tmp_path: Path) -> None:
    work = _checked_copy(packages, tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), SCRIPT, *packages],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_packages_and_a_user_script_pass_pyright_strict(packages: dict[str, Path], tmp_path: Path) -> None:
    pyright = REPO / "node_modules" / ".bin" / "pyright"
    if not pyright.exists():
        pytest.skip("pyright is not installed: run `npm ci` in the checkout")
    work = _checked_copy(packages, tmp_path)
    # The user's script and the generated modules these bodies touch (the older runtime modules,
    # _request_parts.py and friends, are checked by mypy --strict only).
    modules = ("_bodies.py", "_types.py", "_client.py", "resources", "models")
    config = {"include": [SCRIPT, *(f"{p}/{m}" for p in packages for m in modules)], "typeCheckingMode": "strict"}
    (work / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(pyright), "--outputjson", "-p", str(work / "pyrightconfig.json"), "--pythonpath", sys.executable],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = json.loads(result.stdout)
    problems = [
        f"{d['file']}:{d['range']['start']['line'] + 1}: {d['message']}"
        for d in report["generalDiagnostics"]
        if d["severity"] in ("error", "warning")
    ]
    assert not problems, "\n".join(problems)
