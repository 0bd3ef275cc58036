"""A user's script against the SDK of the whole 10.0.2 reference: what a Python developer writes.

It must run (against the mock transport) and type-check under `mypy --strict` and pyright strict
with the generated package importable (tests/test_user_surface.py does all three).
Input: the ContactEntity (wire names) the mock server answers GET and PUT with.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any

from mock_transport import mock_async_client, mock_client, report, routes, script_input, seen
from superoffice_webapi import AsyncSuperOffice, BasicAuth, NotModified, SuperOffice
from superoffice_webapi.models import (
    Associate,
    ContactEntity,
    ContactEntityWithLinks,
    PatchOperation,
    PatchOperationDict,
)

answer: dict[str, Any] = script_input()
routes[("GET", "/Cust1/api/v1/Contact/5")] = (200, answer)
routes[("PUT", "/Cust1/api/v1/Contact/5")] = (200, answer)
# An agent answers with its entity (a null body would be an AgentError, as the reference describes).
routes[("POST", "/Cust1/api/v1/Agents/Chat/RejectChatSessionTransfer")] = (200, {"ChatSessionId": 798})

client = SuperOffice(
    base_url="https://sod.superoffice.com/Cust1/",
    auth=BasicAuth("user", "pass"),
    http_client=mock_client(),
)

# Models are built by their Python names (type-checked), read by Python names, sent by wire names.
entity = ContactEntity(contact_id=5, name="Acme", department="Sales", updated_by=Associate(associate_id=7))
by_wire = ContactEntity.model_validate({"ContactId": 5, "Name": "Acme"})  # wire names still work
contact_id: int | None = entity.contact_id

# REST entity round trip: GET (the result may be "not modified"; isinstance narrows it), PUT back.
fetched = client.contact.get_contact_entity(5)
if isinstance(fetched, NotModified):
    raise SystemExit("unexpected 304")
found: ContactEntityWithLinks = fetched
as_fetched = [found.contact_id, found.name, found.department]
found.department = "Support"
saved = client.contact.put_contact_entity(5, ContactEntity(contact_id=found.contact_id, department=found.department))

# OData parameters keep their natural names; per-call options are keyword arguments.
client.contact.get_all(select=["name"], filter="name begins 'A'", options="GrandTotal=true", top=5, timeout=10.0)
client.chat_agent.reject_chat_session_transfer(
    chat_session_id=798, extra_body={"Extra": True}, extra_headers={"X-Trace": "1"}, extra_query={"debug": 1}
)

# A client with other defaults (SO-Language header), sharing the connection pool.
german = client.with_options(language="de", max_retries=0)
german.contact.delete_contact_entity(5)


async def main() -> str | None:
    async with AsyncSuperOffice(
        base_url="https://sod.superoffice.com/Cust1/", auth=BasicAuth("user", "pass"), http_client=mock_async_client()
    ) as aclient:
        got = await aclient.with_options(culture="nb").contact.get_contact_entity(5, timeout=5.0)
        return None if isinstance(got, NotModified) else got.name


async_name = asyncio.run(main())

# Conditional requests: the documented 304 is a NotModified result (isinstance narrows it).
routes[("GET", "/Cust1/api/v1/Contact/6")] = (304, None)
since = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
unchanged = client.contact.get_contact_entity(6, if_modified_since=since)
not_modified = isinstance(unchanged, NotModified)
client.contact.put_contact_entity(5, {"Name": "Acme"}, if_unmodified_since=since)

# JSON Patch from plain dicts (typed by PatchOperationDict, `op` a Literal) ...
routes[("PATCH", "/Cust1/api/v1/Contact/5")] = (200, answer)
start = len(seen)
as_dicts: list[PatchOperationDict] = [
    {"op": "replace", "path": "/Department", "value": "Sales"},
    {"op": "remove", "path": "/Info"},
]
client.contact.patch_contact_entity(5, as_dicts)
client.contact.patch_contact_entity(5, [{"op": "test", "path": "/Name", "value": "Acme"}])
# ... from models (the Literal-typed `op` set by value) and the helpers, by Python or wire names ...
op_model = PatchOperation(op="replace", path="/Name", value="Acme Inc")
op_value: str | None = op_model.op
client.contact.patch_contact_entity(
    5,
    [
        op_model,
        PatchOperation.replace("department", "Support", model=ContactEntity),
        PatchOperation.remove("Info"),
        {"op": "add", "path": "/Emails/-", "value": {"Value": "a@example.com"}},
    ],
)
client.contact.patch_contact_entity(5, PatchOperation.replace_fields(ContactEntity, department="Sales", Name="X"))
# ... and merge patches: a model holding only the changed fields, or a dict.
client.contact.patch_contact_entity(5, ContactEntity(department="Sales"))
client.contact.patch_contact_entity(5, {"Department": "Sales"})
patches = [(r["method"], r["headers"].get("content-type"), r["body"]) for r in seen[start:]]
# Documented enum values of query parameters are Literals too.
client.contact.get_all(mode="Full", output="Display")
typo_caught = ""
try:
    PatchOperation.replace("departmnet", "Sales", model=ContactEntity)
except ValueError as error:
    typo_caught = str(error)

report(
    {
        "patches": patches,
        "op_value": op_value,
        "enum_query": seen[-1]["url"],
        "typo_caught": typo_caught,
        "entity": entity.to_dict(),
        "by_wire": [by_wire.contact_id, by_wire.name],
        "contact_id": contact_id,
        "fetched": as_fetched,
        "async_name": async_name,
        "not_modified": not_modified,
        "same_pool": german.http_client is client.http_client,
        "repr": repr(client),
        "saved": saved.name,
        "sent": [(r["method"], r["url"], r["body"], r["headers"]) for r in seen],
    }
)
