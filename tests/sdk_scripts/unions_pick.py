"""Which class each union response comes back as, constructed or validated (test_generate_unions.py)."""

from __future__ import annotations

from typing import Any

from mock_transport import mock_client, report, routes, script_input
from unions import Unions

data = script_input()
client = Unions(strict_response_validation=data["strict"], http_client=mock_client())
paths = {
    "get_method": "/method",
    "list_pets": "/pets",
    "list_shapes": "/shapes",
    "get_holder": "/holder",
    "list_when": "/when",
    "list_figures": "/figures",
    "list_animals": "/animals",
    "get_farm": "/farm",
    "get_queue": "/queue",
}


def names(value: Any) -> Any:
    if isinstance(value, list):
        return [type(item).__name__ for item in value]
    return type(value).__name__


found: list[Any] = []
for operation, body in data["cases"]:
    routes[("GET", paths[operation])] = (200, body)
    result = getattr(client.default, operation)()
    if operation == "get_holder":
        found.append({"method": names(result.method), "pets": names(result.pets)})
    elif operation == "get_farm":
        parts = ("figure", "animals", "day", "at")
        found.append({part: names(getattr(result, part)) for part in parts})
    elif operation == "get_queue":
        found.append({"playing": names(result.playing), "queue": names(result.queue)})
    else:
        found.append(names(result))
report(found)
