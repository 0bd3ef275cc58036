"""Enum values the document does not list, from a loopback server, in both response modes;
patch bodies of each kind (tests/test_generate_enums.py)."""

from __future__ import annotations

from typing import Any

import pydantic
from desk import Desk
from desk.models import Op, Ticket
from mock_transport import report, script_input

url: str = script_input()["url"]
lenient = Desk(base_url=url)
strict = Desk(base_url=url, strict_response_validation=True)


def seen(ticket: Ticket) -> dict[str, Any]:
    return {"status": ticket.status, "priority": ticket.priority, "labels": ticket.labels}


constructed = seen(lenient.default.get_ticket(1, view="full"))
validated = seen(strict.default.get_ticket(1))
events = [[type(e).__name__, e.kind] for e in [*lenient.default.list_events(), *strict.default.list_events()]]
user_built = Ticket.model_validate({"id": 2, "status": "pending"}).status
try:
    Ticket.model_validate({"id": 2, "status": ["not", "a", "string"]})
    type_errors_still_fail = False
except pydantic.ValidationError:
    type_errors_still_fail = True

lenient.default.patch_ticket(
    1,
    [
        Op.replace("status", "closed", model=Ticket),
        {"op": "move", "from": "/Owner", "path": "/previous"},
        *Op.replace_fields(Ticket, owner="bo"),
    ],
)
lenient.default.merge_ticket(1, Ticket(id=1, status="open", owner="bo"))
lenient.default.raw_patch_ticket(1, [{"op": "remove", "path": "/labels/0"}])
report(
    {
        "constructed": constructed,
        "validated": validated,
        "events": events,
        "user_built": user_built,
        "type_errors_still_fail": type_errors_still_fail,
    }
)
