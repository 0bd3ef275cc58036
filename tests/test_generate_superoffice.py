"""The SuperOffice shape (tests/fixtures/superoffice_mini.yaml, as `sdkgen parse` emits it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from generate_support import generate_into, load_fixture, run_script

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
    result = run_script(sdk, "superoffice_seed_call.py", SESSION)
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
    result = run_script(sdk, "superoffice_path_params.py")
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
