"""Query arrays follow `style` and `explode` (`things`)."""

from __future__ import annotations

from mock_transport import mock_client, report, seen
from things import Things

client = Things(base_url="https://host", http_client=mock_client())
client.thing.find(comma_ids=["1", "2"], repeated_by_default=["a", "b"], repeated=("x",), select=["Name", "ThingId"])
client.thing.find(repeated_by_default=[], repeated="single")
report([s["url"] for s in seen])
