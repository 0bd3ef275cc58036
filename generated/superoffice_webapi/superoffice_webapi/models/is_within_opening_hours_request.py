from pydantic import Field

from .._models import BaseModel

__all__ = ["IsWithinOpeningHoursRequest"]


class IsWithinOpeningHoursRequest(BaseModel):
    """The IsWithinOpeningHoursRequest schema."""

    chat_topic_id: int | None = Field(
        default=None,
        validation_alias="ChatTopicId",
        serialization_alias="ChatTopicId",
        description="Identifier of the topic to check.",
    )
