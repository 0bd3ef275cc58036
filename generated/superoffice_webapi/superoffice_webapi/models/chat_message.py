from datetime import datetime

from pydantic import Field

from .._models import BaseModel

__all__ = ["ChatMessage"]


class ChatMessage(BaseModel):
    """The ChatMessage schema."""

    chat_message_id: int | None = Field(
        default=None,
        validation_alias="ChatMessageId",
        serialization_alias="ChatMessageId",
        description="Unique identifier of the message, assigned by the database.",
    )
    chat_session_id: int | None = Field(
        default=None,
        validation_alias="ChatSessionId",
        serialization_alias="ChatSessionId",
        description="Identifier of the chat session the message belongs to.",
    )
    type_: str | None = Field(
        default=None,
        validation_alias="Type",
        serialization_alias="Type",
        description="Who or what produced the message.",
    )
    message: str | None = Field(
        default=None,
        validation_alias="Message",
        serialization_alias="Message",
        description="Text of the message.",
    )
    author: str | None = Field(
        default=None,
        validation_alias="Author",
        serialization_alias="Author",
        description="Display name of the sender.",
    )
    read_by_customer: int | None = Field(
        default=None,
        validation_alias="ReadByCustomer",
        serialization_alias="ReadByCustomer",
        description="1 when the customer has seen the message, 0 when not.",
    )
    special_type: str | None = Field(
        default=None,
        validation_alias="SpecialType",
        serialization_alias="SpecialType",
        description="Marks messages with a side effect, such as sending the customer to a URL.",
    )
    special_param: str | None = Field(
        default=None,
        validation_alias="SpecialParam",
        serialization_alias="SpecialParam",
        description="Argument for the SpecialType, such as the URL to open.",
    )
    when_posted: datetime | None = Field(
        default=None,
        validation_alias="WhenPosted",
        serialization_alias="WhenPosted",
        description="Time the message was posted, in UTC.",
    )
