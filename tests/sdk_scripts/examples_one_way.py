"""readOnly / writeOnly at runtime: a request model without the server-assigned id, a strictly
validated response without the write-only password (test_generated_suite_examples.py)."""

from __future__ import annotations

import json

from library import LendingLibrary
from library.models import Book, Member
from mock_transport import mock_client, report, routes, seen

client = LendingLibrary(strict_response_validation=True, http_client=mock_client())
routes[("POST", "/v2/members")] = (201, {"id": 1, "name": "Ada", "email": "ada@example.com"})
routes[("GET", "/v2/members/m-1")] = (200, {"id": 1, "name": "Ada", "email": "ada@example.com"})
client.members.register_member(Member(name="Ada", email="ada@example.com", password="pw"), session="s-1")
fetched = client.members.get_member("m-1")
report(
    {
        "request_without_id": json.loads(seen[0]["body"]),
        "response_without_password": type(fetched).__name__,
        "required": {
            model.__name__: sorted(n for n, f in model.model_fields.items() if f.is_required())
            for model in (Member, Book)
        },
    }
)
