"""Models of SuperOffice WebAPI: one module per schema, imported on first access."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .accept_chat_session_transfer_request import (
        AcceptChatSessionTransferRequest as AcceptChatSessionTransferRequest,
    )
    from .associate import Associate as Associate
    from .chat_session_entity import ChatSessionEntity as ChatSessionEntity
    from .chat_session_entity_with_links import (
        ChatSessionEntityWithLinks as ChatSessionEntityWithLinks,
    )
    from .contact import Contact as Contact
    from .field_property import FieldProperty as FieldProperty
    from .get_all_result import GetAllResult as GetAllResult
    from .get_chat_messages_item import GetChatMessagesItem as GetChatMessagesItem
    from .get_chat_messages_request import (
        GetChatMessagesRequest as GetChatMessagesRequest,
    )
    from .is_within_opening_hours_request import (
        IsWithinOpeningHoursRequest as IsWithinOpeningHoursRequest,
    )
    from .patch_operation import PatchOperation as PatchOperation
    from .person import Person as Person
    from .project import Project as Project
    from .reject_chat_session_transfer_request import (
        RejectChatSessionTransferRequest as RejectChatSessionTransferRequest,
    )
    from .sale import Sale as Sale
    from .table_right import TableRight as TableRight
    from .ticket import Ticket as Ticket
    from .transfer_chat_session_request import (
        TransferChatSessionRequest as TransferChatSessionRequest,
    )
    from .update_chat_topic_user_agents_item import (
        UpdateChatTopicUserAgentsItem as UpdateChatTopicUserAgentsItem,
    )

_MODULES: dict[str, str] = {
    "AcceptChatSessionTransferRequest": "accept_chat_session_transfer_request",
    "Associate": "associate",
    "ChatSessionEntity": "chat_session_entity",
    "ChatSessionEntityWithLinks": "chat_session_entity_with_links",
    "Contact": "contact",
    "FieldProperty": "field_property",
    "GetAllResult": "get_all_result",
    "GetChatMessagesItem": "get_chat_messages_item",
    "GetChatMessagesRequest": "get_chat_messages_request",
    "IsWithinOpeningHoursRequest": "is_within_opening_hours_request",
    "PatchOperation": "patch_operation",
    "Person": "person",
    "Project": "project",
    "RejectChatSessionTransferRequest": "reject_chat_session_transfer_request",
    "Sale": "sale",
    "TableRight": "table_right",
    "Ticket": "ticket",
    "TransferChatSessionRequest": "transfer_chat_session_request",
    "UpdateChatTopicUserAgentsItem": "update_chat_topic_user_agents_item",
}

__all__ = [
    "AcceptChatSessionTransferRequest",
    "Associate",
    "ChatSessionEntity",
    "ChatSessionEntityWithLinks",
    "Contact",
    "FieldProperty",
    "GetAllResult",
    "GetChatMessagesItem",
    "GetChatMessagesRequest",
    "IsWithinOpeningHoursRequest",
    "PatchOperation",
    "Person",
    "Project",
    "RejectChatSessionTransferRequest",
    "Sale",
    "TableRight",
    "Ticket",
    "TransferChatSessionRequest",
    "UpdateChatTopicUserAgentsItem",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
