"""Import the full 10.0.2 SDK and make one call. Prints seconds (compared with import_cost_floor.py)."""

from __future__ import annotations

import time

started = time.perf_counter()
import httpx  # noqa: E402 - the imports are what is timed
from superoffice_webapi import SuperOffice  # noqa: E402


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"ChatSessionId": 798, "User": {"AssociateId": 5}})


client = SuperOffice(
    base_url="https://sod.superoffice.com/Cust12345/api/",
    http_client=httpx.Client(transport=httpx.MockTransport(answer)),
)
session = client.chat_agent.reject_chat_session_transfer(chat_session_id=798)
elapsed = time.perf_counter() - started
assert session.chat_session_id == 798 and session.user.associate_id == 5
print(elapsed)
