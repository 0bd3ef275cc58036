"""The SuperOffice shape (tests/fixtures/superoffice_mini.yaml, as `sdkgen parse` emits it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from generate_support import MOCK_PRELUDE, generate_into, load_fixture, run_python

SESSION = {
    "ChatSessionId": 184,
    "TopicId": 164,
    "User": {
        "AssociateId": 5,
        "Name": "tje0",
        "Contact": {"ContactId": 9, "Associate": None, "_Links": {"Self": "/x"}},
    },
    "CustomerName": "Russel LLC",
    "WhenRequested": "2017-09-17T11:10:26.1285249+02:00",
    "TableRight": {"Mask": "Delete", "Reason": ""},
    "FieldProperties": {
        "ChatSessionId": {"FieldRight": {"Mask": "FULL"}, "FieldType": "System.Int32", "FieldLength": 0}
    },
    "Unknown": [1, 2],
}


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("so")
    generate_into(out, load_fixture("superoffice_mini.yaml"), "superoffice_webapi")
    return out


def test_seed_call_sends_exactly_the_documented_request(sdk: Path) -> None:
    result = run_python(
        sdk,
        MOCK_PRELUDE
        + f"""
import superoffice_webapi
before = sorted(m for m in sys.modules if m.startswith("superoffice_webapi"))
from superoffice_webapi import SuperOffice, BasicAuth

routes[("POST", "/Cust12345/api/v1/Agents/Chat/RejectChatSessionTransfer")] = (200, {SESSION!r})
client = SuperOffice(
    base_url="https://sod.superoffice.com/Cust12345/api/",
    auth=BasicAuth("tje0", "Tje0"),
    http_client=mock_client(),
    language="en", culture="nb", timezone="UTC", app_token="tok", accept_language="en",
)
session = client.chat_agent.reject_chat_session_transfer(chat_session_id=798)
client.chat_agent.reject_chat_session_transfer(
    chat_session_id=None, select=["CustomerName", "TopicId"], options={{"extra_headers": {{"SO-Language": "de"}}}},
)
client.chat_agent.reject_chat_session_transfer()
after = sorted(m for m in sys.modules if m.startswith("superoffice_webapi.") and ".models." in m or ".resources." in m)
print(json.dumps({{
    "before": before,
    "after": after,
    "session": [type(session).__name__, session.chat_session_id, type(session.user).__name__, session.user.name,
                session.user.contact.links, session.when_requested.isoformat(), session.table_right.mask,
                session.field_properties["ChatSessionId"].field_right.mask, session.model_extra],
    "seen": seen,
}}))
""",
    )
    assert result["before"] == ["superoffice_webapi"], "importing the package must not import anything else"
    assert "superoffice_webapi.resources.contact" not in result["after"]
    # Models are imported as the response needs them: User (Associate) and its Contact are in the
    # answer, Person is reachable from the response type but absent from it.
    assert "superoffice_webapi.models.associate" in result["after"]
    assert "superoffice_webapi.models.contact_entity" in result["after"]
    assert "superoffice_webapi.models.person" not in result["after"]
    assert result["session"] == [
        "ChatSessionEntity",
        184,
        "Associate",
        "tje0",
        {"Self": "/x"},
        "2017-09-17T11:10:26.128524+02:00",
        "Delete",
        "FULL",
        {"Unknown": [1, 2]},
    ]
    first, second, third = result["seen"]
    assert first["method"] == "POST"
    assert first["url"] == "https://sod.superoffice.com/Cust12345/api/v1/Agents/Chat/RejectChatSessionTransfer"
    assert first["body"] == '{"ChatSessionId":798}'
    headers = first["headers"]
    assert headers["authorization"] == "Basic dGplMDpUamUw"
    assert (
        headers["so-language"],
        headers["so-culture"],
        headers["so-timezone"],
        headers["so-apptoken"],
        headers["accept-language"],
    ) == ("en", "nb", "UTC", "tok", "en")
    assert second["body"] == '{"ChatSessionId":null}'
    assert second["url"].endswith("RejectChatSessionTransfer?$select=CustomerName,TopicId")
    assert second["headers"]["so-language"] == "de"
    assert third["body"] == "{}"


def test_path_params_304_and_204(sdk: Path) -> None:
    result = run_python(
        sdk,
        MOCK_PRELUDE
        + """
from superoffice_webapi import SuperOffice, NOT_MODIFIED
routes[("GET", "/sub/api/v1/Contact/7")] = (304, None)
routes[("PUT", "/sub/api/v1/Contact/7")] = (200, {"ContactId": 7, "Name": "Acme", "Persons": [{"PersonId": 1}]})
routes[("DELETE", "/sub/api/v1/Contact/7")] = (204, None)
routes[("POST", "/sub/api/v1/Agents/Chat/GetChatSessions")] = (200, [{"ChatSessionId": 1}, {"ChatSessionId": 2}])
client = SuperOffice(base_url="https://host/sub", http_client=mock_client())
unchanged = client.contact.get_contact_entity(7, select="Name")
from superoffice_webapi.models import ContactEntity
updated = client.contact.put_contact_entity(7, ContactEntity(name="Acme"))
deleted = client.contact.delete_contact_entity(id_=7)
sessions = client.chat_agent.get_chat_sessions()
print(json.dumps({"unchanged": unchanged is NOT_MODIFIED, "updated": [updated.contact_id, updated.persons[0].person_id],
                  "deleted": deleted, "sessions": [s.chat_session_id for s in sessions], "seen": seen}))
""",
    )
    assert result["unchanged"] is True
    assert result["updated"] == [7, 1]
    assert result["deleted"] is None
    assert result["sessions"] == [1, 2]
    assert result["seen"][0]["url"] == "https://host/sub/api/v1/Contact/7?$select=Name"
    assert result["seen"][1]["body"] == '{"Name":"Acme"}'


def test_docstrings_and_signatures(sdk: Path) -> None:
    source = (sdk / "superoffice_webapi/resources/contact.py").read_text()
    assert "Online restricted: Not available in SuperOffice CRM Online." in source
    assert ") -> ContactEntity | NotModified:" in source
    agent = (sdk / "superoffice_webapi/resources/chat_agent.py").read_text()
    assert "chat_session_id: int | None | NotGiven = NOT_GIVEN," in agent
    assert "select: Sequence[str] | str | None = None," in agent
    assert "Deny the transfer to the user." in agent
    client = (sdk / "superoffice_webapi/_client.py").read_text()
    assert 'strip_base_suffix="/api"' in client
    assert "class SuperOffice(SyncAPIClient):" in client and "class AsyncSuperOffice(AsyncAPIClient):" in client
