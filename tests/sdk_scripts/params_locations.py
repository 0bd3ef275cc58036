"""Headers each call sends (test_generate_parameters.py)."""

from __future__ import annotations

from mock_transport import mock_client, report, script_input, seen
from params import Params

client = Params(http_client=mock_client())
for kwargs in script_input():
    client.default.get_thing(7, **kwargs)
report([request["headers"] for request in seen])
