"""Helpers for the generator tests: generate a package into a directory, run code against it.

Generated packages are imported in a subprocess with OUT_DIR on sys.path (no pip install),
so every test sees a fresh interpreter: import-time side effects and import costs are real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import yaml

from generator.openapi_to_package import generate_package
from generator.writer import write_files

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
# Content-addressed, so sharing it between runs only saves time.
BLACK_CACHE = Path(tempfile.gettempdir()) / "sdkgen-tests-black-cache"


def load_fixture(name: str) -> dict[str, Any]:
    with open(FIXTURES / name, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


def generate_into(out_dir: Path, spec: dict[str, Any], package_name: str, **options: Any) -> dict[str, str]:
    files = generate_package(spec, package_name=package_name, cache_dir=BLACK_CACHE, **options).files
    write_files(out_dir, files)
    return files


def run_python(out_dir: Path, code: str, *, cwd: Path | None = None) -> Any:
    """Run `code` with OUT_DIR importable; it must print one JSON document, which is returned."""
    env = {**os.environ, "PYTHONPATH": str(out_dir), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=str(cwd or out_dir),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"generated code failed:\n{result.stderr}"
    return json.loads(result.stdout.strip().splitlines()[-1])


# Prepended to test scripts: a MockTransport that records requests and answers from a table.
MOCK_PRELUDE = """
import json, sys
import httpx

seen = []
routes = {}

def handler(request):
    seen.append({
        "method": request.method,
        "url": str(request.url),
        "headers": {k.lower(): v for k, v in request.headers.items()},
        "body": request.content.decode("latin-1"),
    })
    status, payload = routes.get((request.method, request.url.raw_path.decode().split("?")[0]), (200, None))
    if isinstance(payload, bytes):
        return httpx.Response(status, content=payload, headers={"Content-Type": "application/octet-stream"})
    if payload is None:
        return httpx.Response(status)
    return httpx.Response(status, json=payload)

def mock_client():
    return httpx.Client(transport=httpx.MockTransport(handler))

def mock_async_client():
    return httpx.AsyncClient(transport=httpx.MockTransport(handler))
"""
