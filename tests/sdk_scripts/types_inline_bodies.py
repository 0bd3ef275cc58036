"""Inline request bodies and a self-referencing model at run time (`shapes`, tests/test_generate_types.py)."""

from __future__ import annotations

import json
from typing import Any

import httpx
from mock_transport import report
from shapes import Shapes
from shapes.models import CreateShapeBody

sent: list[Any] = []


def handler(request: httpx.Request) -> httpx.Response:
    sent.append(json.loads(request.content))
    return httpx.Response(
        201,
        json={
            "Id": 1,
            "Parent": {"Id": 2, "Kind": "base"},
            "When": "2024-01-02T03:04:05.1234567Z",
            "Corners": [{"X": 3}],
            "Either": "e",
        },
    )


client = Shapes(base_url="http://x", http_client=httpx.Client(transport=httpx.MockTransport(handler)))
shape = client.default.create_shape(CreateShapeBody(label="sq", meta={"Tag": "t"}))
report(
    {
        "sent": sent,
        "parent": shape.parent.id_,
        "corner": shape.corners[0].x,
        "when": shape.when.isoformat(),
        "either": shape.either,
    }
)
