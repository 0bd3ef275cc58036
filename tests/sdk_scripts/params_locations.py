"""Headers and URLs each call sends (test_generate_parameters.py)."""

from __future__ import annotations

from mock_transport import mock_client, report, script_input, seen
from params import Params

calls = script_input()
client = Params(http_client=mock_client())
for kwargs in calls:
    client.default.get_thing(7, **kwargs)
Params(region="us", http_client=mock_client()).default.get_thing(7, **calls[-1])
urls = [r["url"] for r in seen[-2:]]
client.default.search()
report({"headers": [request["headers"] for request in seen[: len(calls)]], "urls": urls, "search": seen[-1]["headers"]})
