from typing import TYPE_CHECKING

from pydantic import Field

from .._models import BaseModel
from ._link import link

if TYPE_CHECKING:
    from .associate import Associate

__all__ = ["ChatTopicUserAgent"]


class ChatTopicUserAgent(BaseModel):
    """The ChatTopicUserAgent schema."""

    topic_id: int | None = Field(
        default=None,
        validation_alias="TopicId",
        serialization_alias="TopicId",
        description="Identifier of the chat topic the role applies to.",
    )
    user: "Associate | None" = Field(
        default=None,
        validation_alias="User",
        serialization_alias="User",
        description="The user the role is given to.",
    )
    can_listen: bool | None = Field(
        default=None,
        validation_alias="CanListen",
        serialization_alias="CanListen",
        description="True when the user may follow the topic's sessions without taking part.",
    )
    can_respond: bool | None = Field(
        default=None,
        validation_alias="CanRespond",
        serialization_alias="CanRespond",
        description="True when the user may answer customers in this topic.",
    )
    can_manage: bool | None = Field(
        default=None,
        validation_alias="CanManage",
        serialization_alias="CanManage",
        description="True when the user manages the topic.",
    )
    can_notify: bool | None = Field(
        default=None,
        validation_alias="CanNotify",
        serialization_alias="CanNotify",
        description="True when the user gets a notice for new sessions in the topic.",
    )


link(ChatTopicUserAgent, {"Associate": "associate"})
