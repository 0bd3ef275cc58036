"""Calls with hostile parameter and property names through the `nasty` package."""

from __future__ import annotations

import json
from typing import Any

from mock_transport import mock_client, report, routes, seen
from nasty import ImportPathlibPathPWNEDTouch as Client

routes[("POST", "/api/import/x%2Fy")] = (
    200,
    {"Name": "root", "Children": [{"Name": "leaf", "Children": []}], "Parent": None},
)
client = Client(base_url="https://h/api", http_client=mock_client())
tree = client.class_.import_2("x/y", self_="s", options=3, filter="f", from_2="v", type='b"""', list_=[1, 2])
depth: dict[str, Any] = {"Value": 0}
for _ in range(20):
    depth = {"Value": 1, "Next": depth}
routes[("GET", "/api/chain")] = (200, depth)
chain = client.chain.get_chain()
report(
    {
        "tree": [type(tree).__name__, tree.name, tree.children[0].name, tree.parent],
        "body": json.loads(seen[0]["body"]),
        "url": seen[0]["url"],
        "chain": [type(chain).__name__, type(chain.next_).__name__, chain.next_.next_.value],
    }
)
