from pydantic import Field

from .._models import BaseModel

__all__ = ["GetChatMessagesRequest"]


class GetChatMessagesRequest(BaseModel):
    """The GetChatMessagesRequest schema."""

    chat_session_id: int | None = Field(
        default=None,
        validation_alias="ChatSessionId",
        serialization_alias="ChatSessionId",
    )
    after: int | None = Field(
        default=None, validation_alias="After", serialization_alias="After"
    )
