from pydantic import Field

from .._models import BaseModel

__all__ = ["RejectChatSessionTransferRequest"]


class RejectChatSessionTransferRequest(BaseModel):
    """The RejectChatSessionTransferRequest schema."""

    chat_session_id: int | None = Field(
        default=None,
        validation_alias="ChatSessionId",
        serialization_alias="ChatSessionId",
        description="Identifier of the session whose handover is declined.",
    )
