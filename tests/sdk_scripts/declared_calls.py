"""One call through the `things` package with the auth class the test names (or none), then a
404 whose body has the declared error schema's fields."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
from mock_transport import mock_client, report, routes, script_input, seen

things: Any = importlib.import_module("things")
given = script_input()
auth = getattr(things, given["auth"])(*given["args"]) if given["auth"] else None
routes[("GET", "/things/3")] = (200, {"id": 3})
routes[("GET", "/things/4")] = (404, {"reason": "no such thing", "errorCode": 4711, "trace": "x"})
client = things.Things(auth=auth, http_client=mock_client())
client.things.get_thing(3)
first = seen[-1]
error: list[str] = []
try:
    client.things.get_thing(4)
except things.APIStatusError as raised:
    error = [raised.error_message, raised.error_type, str(raised)]
report({"url": first["url"], "headers": first["headers"], "error": error, "auth_type": type(auth).__name__})
_ = httpx
