"""A documented variant is its own method on the same URL (`things`, tests/test_generate_operations.py)."""

from __future__ import annotations

from mock_transport import mock_client, report, routes, seen
from things import Things

routes[("GET", "/api/v1/Thing/7")] = (200, {"ThingId": 7, "Name": "seven"})
routes[("GET", "/api/v1/Thing/seven")] = (200, {"ThingId": 7, "Name": "seven"})
client = Things(base_url="https://host", http_client=mock_client())
by_id = client.thing.get_thing(7, select="Name")
by_name = client.thing.get_thing_by_name("seven")
report(
    {
        "types": [type(by_id).__name__, type(by_name).__name__],
        "names": [by_id.name, by_name.name],
        "urls": [s["url"] for s in seen],
    }
)
