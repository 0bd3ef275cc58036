"""Which package modules importing the full SDK, and then one call, load."""

from __future__ import annotations

import sys

import httpx
from mock_transport import report
from superoffice_webapi import BasicAuth, SuperOffice


def package_modules() -> list[str]:
    return sorted(m for m in sys.modules if m.startswith("superoffice_webapi."))


client = SuperOffice(
    base_url="https://sod.superoffice.com/Cust12345/api/",
    auth=BasicAuth("u", "p"),
    http_client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json={}))),
)
after_import = package_modules()
client.chat_agent.reject_chat_session_transfer(chat_session_id=798)
after_call = package_modules()
report({"after_import": after_import, "after_call": after_call})
