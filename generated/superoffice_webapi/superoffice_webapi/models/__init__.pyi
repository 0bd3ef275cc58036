from .accept_chat_session_transfer_request import AcceptChatSessionTransferRequest as AcceptChatSessionTransferRequest
from .associate import Associate as Associate
from .chat_message import ChatMessage as ChatMessage
from .chat_session_entity import ChatSessionEntity as ChatSessionEntity
from .chat_session_entity_get_all_result import ChatSessionEntityGetAllResult as ChatSessionEntityGetAllResult
from .chat_session_entity_with_links import ChatSessionEntityWithLinks as ChatSessionEntityWithLinks
from .chat_topic_user_agent import ChatTopicUserAgent as ChatTopicUserAgent
from .contact import Contact as Contact
from .field_property import FieldProperty as FieldProperty
from .get_chat_messages_request import GetChatMessagesRequest as GetChatMessagesRequest
from .is_within_opening_hours_request import IsWithinOpeningHoursRequest as IsWithinOpeningHoursRequest
from .patch_operation import PatchOperation as PatchOperation
from .person import Person as Person
from .project import Project as Project
from .reject_chat_session_transfer_request import RejectChatSessionTransferRequest as RejectChatSessionTransferRequest
from .sale import Sale as Sale
from .table_right import TableRight as TableRight
from .ticket import Ticket as Ticket
from .transfer_chat_session_request import TransferChatSessionRequest as TransferChatSessionRequest

__all__ = [
    "AcceptChatSessionTransferRequest",
    "Associate",
    "ChatMessage",
    "ChatSessionEntity",
    "ChatSessionEntityGetAllResult",
    "ChatSessionEntityWithLinks",
    "ChatTopicUserAgent",
    "Contact",
    "FieldProperty",
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
]
