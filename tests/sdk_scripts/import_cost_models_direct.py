"""A model used directly (constructor, TypeAdapter, JSON schema) binds its references on first use."""

from __future__ import annotations

import sys

from mock_transport import report
from pydantic import TypeAdapter
from superoffice_webapi.models.chat_session_entity import ChatSessionEntity

loaded = [m for m in sys.modules if m.startswith("superoffice_webapi.models.") and not m.endswith("_link")]
assert loaded == ["superoffice_webapi.models.chat_session_entity"], loaded
wire = {
    "ChatSessionId": 1,
    "User": {"AssociateId": 5, "FullName": "Ada"},
    "Person": {"PersonId": 7},
    "WhenRequested": "2017-09-17T11:10:26.1285249+02:00",
}
# A TypeAdapter over a model whose references were never used (as FastAPI builds them).
adapted = TypeAdapter(list[ChatSessionEntity]).validate_python([wire])[0]
built = ChatSessionEntity(**wire)
validated = ChatSessionEntity.model_validate_json(b'{"User": {"AssociateId": 6}}')
assert adapted == built and adapted.user.full_name == "Ada" and built.person.person_id == 7
assert validated.user.associate_id == 6 and adapted.when_requested.utcoffset() is not None
assert built.to_dict()["User"] == {"AssociateId": 5, "FullName": "Ada"}
assert "properties" in ChatSessionEntity.model_json_schema() or "$defs" in ChatSessionEntity.model_json_schema()
report("ok")
