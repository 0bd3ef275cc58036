"""Operations tagged 'ChatTopic'."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, TYPE_CHECKING

from .._base_client import AsyncAPIResource, SyncAPIResource
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, RequestOptions, Timeout, call_options

if TYPE_CHECKING:
    from .._response import NotModified
    from ..models.chat_topic_user_agent import ChatTopicUserAgent

__all__ = [
    "AsyncChatTopic",
    "AsyncChatTopicWithRawResponse",
    "ChatTopic",
    "ChatTopicWithRawResponse",
]


class ChatTopic(SyncAPIResource):
    """Operations tagged 'ChatTopic'."""

    @cached_property
    def with_raw_response(self) -> ChatTopicWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return ChatTopicWithRawResponse(self)

    def update_chat_topic_user_agents(
        self,
        chat_topic_id: int,
        useragents: Sequence[ChatTopicUserAgent | Mapping[str, Any]],
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> list[ChatTopicUserAgent]:
        """Set the roles users have in a chat topic.

        The list in the body replaces the topic's current roles; users left out lose their role.

        Args:
            chat_topic_id: Identifier of the chat topic.
            useragents: The full new list of user roles for the topic.
        """
        from ..models.chat_topic_user_agent import ChatTopicUserAgent

        return self._client.request(
            "PUT",
            "/api/v1/ChatTopic/{chatTopicId}/UserAgent",
            path_params={"chatTopicId": chat_topic_id},
            json=useragents,
            cast_to=list[ChatTopicUserAgent],
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class ChatTopicWithRawResponse:
    """`ChatTopic` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: ChatTopic) -> None:
        self.update_chat_topic_user_agents = to_raw_response_wrapper(
            resource.update_chat_topic_user_agents
        )


class AsyncChatTopic(AsyncAPIResource):
    """Operations tagged 'ChatTopic'."""

    @cached_property
    def with_raw_response(self) -> AsyncChatTopicWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return AsyncChatTopicWithRawResponse(self)

    async def update_chat_topic_user_agents(
        self,
        chat_topic_id: int,
        useragents: Sequence[ChatTopicUserAgent | Mapping[str, Any]],
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> list[ChatTopicUserAgent]:
        """Set the roles users have in a chat topic.

        The list in the body replaces the topic's current roles; users left out lose their role.

        Args:
            chat_topic_id: Identifier of the chat topic.
            useragents: The full new list of user roles for the topic.
        """
        from ..models.chat_topic_user_agent import ChatTopicUserAgent

        return await self._client.request(
            "PUT",
            "/api/v1/ChatTopic/{chatTopicId}/UserAgent",
            path_params={"chatTopicId": chat_topic_id},
            json=useragents,
            cast_to=list[ChatTopicUserAgent],
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class AsyncChatTopicWithRawResponse:
    """`AsyncChatTopic` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: AsyncChatTopic) -> None:
        self.update_chat_topic_user_agents = async_to_raw_response_wrapper(
            resource.update_chat_topic_user_agents
        )
