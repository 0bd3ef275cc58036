"""Which module under models/ defines each model (read by ``models.__getattr__``)."""

MODULES: dict[str, str] = {
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
