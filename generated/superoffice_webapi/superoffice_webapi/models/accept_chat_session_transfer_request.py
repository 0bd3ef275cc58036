from pydantic import Field

from .._models import BaseModel

__all__ = ["AcceptChatSessionTransferRequest"]


class AcceptChatSessionTransferRequest(BaseModel):
    """The AcceptChatSessionTransferRequest schema."""

    chat_session_id: int | None = Field(
        default=None,
        validation_alias="ChatSessionId",
        serialization_alias="ChatSessionId",
    )
