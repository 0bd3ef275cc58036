"""The pinned Node tools are found and Redocly really judges OpenAPI documents."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.tools import MISSING_NODE_TOOLS, find_node_tool, node_tool_env

VALID_31 = """\
openapi: 3.1.0
info:
  title: Tiny
  version: 1.0.0
  license:
    name: MIT
    identifier: MIT
servers:
  - url: http://127.0.0.1:8080
security: []
paths:
  /api/v1/Ping:
    get:
      operationId: v1Ping_Get
      summary: Ping
      description: Answers with a number.
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                type: [integer, "null"]
                format: int32
        "400":
          description: Bad request
"""

# `responses` must not be empty and `info.version` is required: both are structural errors.
INVALID_31 = """\
openapi: 3.1.0
info:
  title: Tiny
paths:
  /api/v1/Ping:
    get:
      responses: {}
"""


def _redocly() -> Path:
    tool = find_node_tool("redocly")
    if tool is None:
        pytest.skip(MISSING_NODE_TOOLS)
    return tool


def _lint(tool: Path, tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text, encoding="utf-8")
    return subprocess.run(
        [str(tool), "lint", str(spec)],
        capture_output=True,
        text=True,
        timeout=120,
        env=node_tool_env(),
        stdin=subprocess.DEVNULL,
    )


def test_missing_tool_is_none() -> None:
    assert find_node_tool("no-such-tool-sdkgen") is None


def test_redocly_accepts_valid_31_document(tmp_path: Path) -> None:
    result = _lint(_redocly(), tmp_path, VALID_31)
    assert result.returncode == 0, result.stdout + result.stderr


def test_redocly_rejects_invalid_document(tmp_path: Path) -> None:
    result = _lint(_redocly(), tmp_path, INVALID_31)
    assert result.returncode != 0
    assert "error" in (result.stdout + result.stderr).lower()


def test_benchmark_fixture_is_a_valid_document() -> None:
    """bench/fixtures/petstore.yaml stands in for the corpus spec; peers must be able to read it."""
    fixture = Path(__file__).resolve().parent.parent / "bench" / "fixtures" / "petstore.yaml"
    result = subprocess.run(
        [str(_redocly()), "lint", str(fixture)],
        capture_output=True,
        text=True,
        timeout=120,
        env=node_tool_env(),
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr
