"""The seed call of the SuperOffice shape: exact request, lazily imported models.

Input: the ChatSessionEntity the mock server answers with.
"""

from __future__ import annotations

import sys

import superoffice_webapi
from mock_transport import mock_client, report, routes, script_input, seen

before = sorted(m for m in sys.modules if m.startswith("superoffice_webapi"))
from superoffice_webapi import BasicAuth, SuperOffice  # noqa: E402 - `before` is taken first, on purpose

routes[("POST", "/Cust12345/api/v1/Agents/Chat/RejectChatSessionTransfer")] = (200, script_input())
client = SuperOffice(
    base_url="https://sod.superoffice.com/Cust12345/api/",
    auth=BasicAuth("tje0", "Tje0"),
    http_client=mock_client(),
    language="en",
    culture="nb",
    timezone="UTC",
    app_token="tok",
    accept_language="en",
)
session = client.chat_agent.reject_chat_session_transfer(chat_session_id=798)
client.chat_agent.reject_chat_session_transfer(
    chat_session_id=None,
    select=["CustomerName", "TopicId"],
    extra_headers={"SO-Language": "de"},
)
client.chat_agent.reject_chat_session_transfer()
after = sorted(
    m for m in sys.modules if (m.startswith("superoffice_webapi.") and ".models." in m) or ".resources." in m
)
report(
    {
        "package": superoffice_webapi.__name__,
        "before": before,
        "after": after,
        "session": [
            type(session).__name__,
            session.chat_session_id,
            type(session.user).__name__,
            session.user.name,
            session.user.contact.links,
            session.when_requested.isoformat(),
            session.table_right.mask,
            session.field_properties["ChatSessionId"].field_right.mask,
            session.model_extra,
        ],
        "seen": seen,
    }
)
