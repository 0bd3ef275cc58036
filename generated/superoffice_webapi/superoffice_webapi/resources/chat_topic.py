"""Operations tagged 'ChatTopic'."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TYPE_CHECKING

from .._base_client import AsyncAPIResource, SyncAPIResource
from .._types import RequestOptions

if TYPE_CHECKING:
    from .._response import NotModified
    from ..models.update_chat_topic_user_agents_item import (
        UpdateChatTopicUserAgentsItem,
    )

__all__ = ["AsyncChatTopic", "ChatTopic"]


class ChatTopic(SyncAPIResource):
    """Operations tagged 'ChatTopic'."""

    def update_chat_topic_user_agents(
        self,
        chat_topic_id: int,
        useragents: Sequence[UpdateChatTopicUserAgentsItem | Mapping[str, Any]],
        *,
        options: RequestOptions | None = None,
    ) -> list[UpdateChatTopicUserAgentsItem]:
        """Set the roles users have in a chat topic.

        The list in the body replaces the topic's current roles; users left out lose their role.

        Args:
            chat_topic_id: Identifier of the chat topic.
            useragents: The full new list of user roles for the topic.
        """
        from ..models.update_chat_topic_user_agents_item import (
            UpdateChatTopicUserAgentsItem,
        )

        return self._client.request(
            "PUT",
            "/api/v1/ChatTopic/{chatTopicId}/UserAgent",
            path_params={"chatTopicId": chat_topic_id},
            json=useragents,
            cast_to=list[UpdateChatTopicUserAgentsItem],
            options=options,
        )


class AsyncChatTopic(AsyncAPIResource):
    """Operations tagged 'ChatTopic'."""

    async def update_chat_topic_user_agents(
        self,
        chat_topic_id: int,
        useragents: Sequence[UpdateChatTopicUserAgentsItem | Mapping[str, Any]],
        *,
        options: RequestOptions | None = None,
    ) -> list[UpdateChatTopicUserAgentsItem]:
        """Set the roles users have in a chat topic.

        The list in the body replaces the topic's current roles; users left out lose their role.

        Args:
            chat_topic_id: Identifier of the chat topic.
            useragents: The full new list of user roles for the topic.
        """
        from ..models.update_chat_topic_user_agents_item import (
            UpdateChatTopicUserAgentsItem,
        )

        return await self._client.request(
            "PUT",
            "/api/v1/ChatTopic/{chatTopicId}/UserAgent",
            path_params={"chatTopicId": chat_topic_id},
            json=useragents,
            cast_to=list[UpdateChatTopicUserAgentsItem],
            options=options,
        )
