"""Which package modules importing the full SDK, then one call, then a call whose answer nests
another model, load."""

from __future__ import annotations

import sys

import httpx
from mock_transport import report
from superoffice_webapi import BasicAuth, SuperOffice


def package_modules() -> list[str]:
    return sorted(m for m in sys.modules if m.startswith("superoffice_webapi."))


answers = [{}, {"ChatSessionId": 798, "User": {"AssociateId": 5}}]
client = SuperOffice(
    base_url="https://sod.superoffice.com/Cust12345/api/",
    auth=BasicAuth("u", "p"),
    http_client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=answers.pop(0)))),
)
after_import = package_modules()
client.chat_agent.reject_chat_session_transfer(chat_session_id=798)
after_call = package_modules()
nested = client.chat_agent.reject_chat_session_transfer(chat_session_id=798)
assert nested.user is not None and nested.user.associate_id == 5
after_nested_call = package_modules()
report({"after_import": after_import, "after_call": after_call, "after_nested_call": after_nested_call})
