"""The types a response's constrained values come back as, and a fragment-keyed call's URL
(test_generate_compositions.py)."""

from __future__ import annotations

from drive import Drive
from mock_transport import mock_client, report, routes, script_input, seen

data = script_input()
client = Drive(strict_response_validation=data["strict"], http_client=mock_client())
routes[("GET", "/items/1")] = (200, data["body"])
routes[("PUT", "/items/1")] = (200, data["body"])
item = client.items.get_item("1")
names = ("sequence_id", "tags", "shared", "region_slug", "level", "rank", "parent", "owner")
client.items.share_item("1", fields="shared_link")
report(
    {
        "types": {name: type(getattr(item, name)).__name__ for name in names},
        "parent_sequence_id": getattr(item.parent, "sequence_id", None),
        "share_url": seen[-1]["url"],
    }
)
