"""An httpx MockTransport for scripts run inside generated packages: records every request and
answers from a route table.

`routes[(method, path)] = (status, payload)`: a bytes payload is sent as
application/octet-stream, None as an empty body, anything else as JSON. Unrouted requests get an
empty 200.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import httpx

seen: list[dict[str, Any]] = []
routes: dict[tuple[str, str], tuple[int, Any]] = {}


def handler(request: httpx.Request) -> httpx.Response:
    seen.append(
        {
            "method": request.method,
            "url": str(request.url),
            "headers": {k.lower(): v for k, v in request.headers.items()},
            "body": request.content.decode("latin-1"),
        }
    )
    status, payload = routes.get((request.method, request.url.raw_path.decode().split("?")[0]), (200, None))
    if isinstance(payload, bytes):
        return httpx.Response(status, content=payload, headers={"Content-Type": "application/octet-stream"})
    if payload is None:
        return httpx.Response(status)
    return httpx.Response(status, json=payload)


def mock_client() -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def mock_async_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


def script_input() -> Any:
    """The JSON document the test passed on stdin (None when it passed nothing)."""
    return json.loads(sys.stdin.read() or "null")


def report(result: Any) -> None:
    """Print the script's result: one JSON document on the last line of stdout."""
    print(json.dumps(result))
