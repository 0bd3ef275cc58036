"""Which module under models/ defines each model (read by ``models.__getattr__``)."""

MODULES: dict[str, str] = {
    "AcceptChatSessionTransferRequest": "accept_chat_session_transfer_request",
    "Associate": "associate",
    "ChatMessage": "chat_message",
    "ChatSessionEntity": "chat_session_entity",
    "ChatSessionEntityGetAllResult": "chat_session_entity_get_all_result",
    "ChatSessionEntityWithLinks": "chat_session_entity_with_links",
    "ChatTopicUserAgent": "chat_topic_user_agent",
    "Contact": "contact",
    "FieldProperty": "field_property",
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
}
