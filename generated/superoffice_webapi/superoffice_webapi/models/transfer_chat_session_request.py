from pydantic import Field

from .._models import BaseModel

__all__ = ["TransferChatSessionRequest"]


class TransferChatSessionRequest(BaseModel):
    """The TransferChatSessionRequest schema."""

    chat_session_id: int | None = Field(
        default=None,
        validation_alias="ChatSessionId",
        serialization_alias="ChatSessionId",
        description="Identifier of the session to hand over.",
    )
    to_associate: str | None = Field(
        default=None,
        validation_alias="ToAssociate",
        serialization_alias="ToAssociate",
        description="User name or associate id of the agent who should receive the session.",
    )
