"""Path parameters, 304 and 204 in the SuperOffice shape."""

from __future__ import annotations

from mock_transport import mock_client, report, routes, seen
from superoffice_webapi import NOT_MODIFIED, SuperOffice

routes[("GET", "/sub/api/v1/Contact/7")] = (304, None)
routes[("PUT", "/sub/api/v1/Contact/7")] = (200, {"ContactId": 7, "Name": "Acme", "Persons": [{"PersonId": 1}]})
routes[("DELETE", "/sub/api/v1/Contact/7")] = (204, None)
routes[("POST", "/sub/api/v1/Agents/Chat/GetChatSessions")] = (200, [{"ChatSessionId": 1}, {"ChatSessionId": 2}])
client = SuperOffice(base_url="https://host/sub", http_client=mock_client())
unchanged = client.contact.get_contact_entity(7, select="Name")
from superoffice_webapi.models import ContactEntity  # noqa: E402 - imported after the first call, as users do

updated = client.contact.put_contact_entity(7, ContactEntity(name="Acme"))
deleted = client.contact.delete_contact_entity(id=7)
sessions = client.chat_agent.get_chat_sessions()
report(
    {
        "unchanged": unchanged is NOT_MODIFIED,
        "updated": [updated.contact_id, updated.persons[0].person_id],
        "deleted": deleted,
        "sessions": [s.chat_session_id for s in sessions],
        "seen": seen,
    }
)
