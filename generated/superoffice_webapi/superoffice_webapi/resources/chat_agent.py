"""Operations tagged 'Chat_Agent'."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIResource, SyncAPIResource
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, RequestOptions, Timeout, call_options

if TYPE_CHECKING:
    from .._response import NotModified
    from ..models.chat_message import ChatMessage
    from ..models.chat_session_entity import ChatSessionEntity

__all__ = [
    "AsyncChatAgent",
    "AsyncChatAgentWithRawResponse",
    "ChatAgent",
    "ChatAgentWithRawResponse",
]


class ChatAgent(SyncAPIResource):
    """Operations tagged 'Chat_Agent'."""

    @cached_property
    def with_raw_response(self) -> ChatAgentWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return ChatAgentWithRawResponse(self)

    def accept_chat_session_transfer(
        self,
        *,
        select: Sequence[str] | str | None = None,
        chat_session_id: int | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Take over a session that another agent is handing to you.

        The calling user becomes the agent of the session. A session without a pending handover is left as it is.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
        """
        from .._agents import arequest_entity, request_entity
        from ..models.chat_session_entity import ChatSessionEntity

        return request_entity(
            self._client,
            "POST",
            "/api/v1/Agents/Chat/AcceptChatSessionTransfer",
            query={"$select": select},
            json={"ChatSessionId": chat_session_id},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def chat_sessions_for_user(
        self,
        *,
        select: Sequence[str] | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> list[ChatSessionEntity]:
        """List the chat sessions of every topic the current user takes part in.

        Taking part means holding at least one of the roles respond, listen, manage or notify in the topic.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return self._client.request(
            "POST",
            "/api/v1/Agents/Chat/ChatSessionsForUser",
            query={"$select": select},
            cast_to=list[ChatSessionEntity],
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def get_chat_messages(
        self,
        *,
        select: Sequence[str] | str | None = None,
        chat_session_id: int | None | NotGiven = NOT_GIVEN,
        after: int | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> list[ChatMessage]:
        """Read the messages of a chat session, either all of them or only those newer than a given message.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
        """
        from ..models.chat_message import ChatMessage

        return self._client.request(
            "POST",
            "/api/v1/Agents/Chat/GetChatMessages",
            query={"$select": select},
            json={"ChatSessionId": chat_session_id, "After": after},
            cast_to=list[ChatMessage],
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def get_chat_session_entity(
        self,
        *,
        chat_session_entity_id: int,
        select: Sequence[str] | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Fetch one ChatSessionEntity by its primary key.

        Args:
            chat_session_entity_id: Primary key of the session to fetch.
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
        """
        from .._agents import arequest_entity, request_entity
        from ..models.chat_session_entity import ChatSessionEntity

        return request_entity(
            self._client,
            "POST",
            "/api/v1/Agents/Chat/GetChatSessionEntity",
            query={"chatSessionEntityId": chat_session_entity_id, "$select": select},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def is_within_opening_hours(
        self,
        *,
        select: Sequence[str] | str | None = None,
        chat_topic_id: int | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> bool:
        """Tell whether the given chat topic is open at this moment.

        NsApiSlow threshold: 500 ms.
        The opening hours are compared in the topic's own time zone when one is configured.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
            chat_topic_id: Identifier of the topic to check.
        """
        return self._client.request(
            "POST",
            "/api/v1/Agents/Chat/IsWithinOpeningHours",
            query={"$select": select},
            json={"ChatTopicId": chat_topic_id},
            cast_to=bool,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def reject_chat_session_transfer(
        self,
        *,
        select: Sequence[str] | str | None = None,
        chat_session_id: int | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Turn down a handover.

        The user declines a session that another agent tried to pass on, so it stays with the agent who already has it. When no handover is pending the call changes nothing.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
            chat_session_id: Identifier of the session whose handover is declined.
        """
        from .._agents import arequest_entity, request_entity
        from ..models.chat_session_entity import ChatSessionEntity

        return request_entity(
            self._client,
            "POST",
            "/api/v1/Agents/Chat/RejectChatSessionTransfer",
            query={"$select": select},
            json={"ChatSessionId": chat_session_id},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def transfer_chat_session(
        self,
        *,
        select: Sequence[str] | str | None = None,
        chat_session_id: int | None | NotGiven = NOT_GIVEN,
        to_associate: str | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Offer a chat session to another user agent.

        The session stays with its current agent until the other agent accepts. Nothing happens when the caller does not own the session.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
            chat_session_id: Identifier of the session to hand over.
            to_associate: User name or associate id of the agent who should receive the session.
        """
        from .._agents import arequest_entity, request_entity
        from ..models.chat_session_entity import ChatSessionEntity

        return request_entity(
            self._client,
            "POST",
            "/api/v1/Agents/Chat/TransferChatSession",
            query={"$select": select},
            json={"ChatSessionId": chat_session_id, "ToAssociate": to_associate},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class ChatAgentWithRawResponse:
    """`ChatAgent` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: ChatAgent) -> None:
        self.accept_chat_session_transfer = to_raw_response_wrapper(
            resource.accept_chat_session_transfer
        )
        self.chat_sessions_for_user = to_raw_response_wrapper(
            resource.chat_sessions_for_user
        )
        self.get_chat_messages = to_raw_response_wrapper(resource.get_chat_messages)
        self.get_chat_session_entity = to_raw_response_wrapper(
            resource.get_chat_session_entity
        )
        self.is_within_opening_hours = to_raw_response_wrapper(
            resource.is_within_opening_hours
        )
        self.reject_chat_session_transfer = to_raw_response_wrapper(
            resource.reject_chat_session_transfer
        )
        self.transfer_chat_session = to_raw_response_wrapper(
            resource.transfer_chat_session
        )


class AsyncChatAgent(AsyncAPIResource):
    """Operations tagged 'Chat_Agent'."""

    @cached_property
    def with_raw_response(self) -> AsyncChatAgentWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return AsyncChatAgentWithRawResponse(self)

    async def accept_chat_session_transfer(
        self,
        *,
        select: Sequence[str] | str | None = None,
        chat_session_id: int | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Take over a session that another agent is handing to you.

        The calling user becomes the agent of the session. A session without a pending handover is left as it is.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
        """
        from .._agents import arequest_entity, request_entity
        from ..models.chat_session_entity import ChatSessionEntity

        return await arequest_entity(
            self._client,
            "POST",
            "/api/v1/Agents/Chat/AcceptChatSessionTransfer",
            query={"$select": select},
            json={"ChatSessionId": chat_session_id},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def chat_sessions_for_user(
        self,
        *,
        select: Sequence[str] | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> list[ChatSessionEntity]:
        """List the chat sessions of every topic the current user takes part in.

        Taking part means holding at least one of the roles respond, listen, manage or notify in the topic.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return await self._client.request(
            "POST",
            "/api/v1/Agents/Chat/ChatSessionsForUser",
            query={"$select": select},
            cast_to=list[ChatSessionEntity],
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def get_chat_messages(
        self,
        *,
        select: Sequence[str] | str | None = None,
        chat_session_id: int | None | NotGiven = NOT_GIVEN,
        after: int | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> list[ChatMessage]:
        """Read the messages of a chat session, either all of them or only those newer than a given message.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
        """
        from ..models.chat_message import ChatMessage

        return await self._client.request(
            "POST",
            "/api/v1/Agents/Chat/GetChatMessages",
            query={"$select": select},
            json={"ChatSessionId": chat_session_id, "After": after},
            cast_to=list[ChatMessage],
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def get_chat_session_entity(
        self,
        *,
        chat_session_entity_id: int,
        select: Sequence[str] | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Fetch one ChatSessionEntity by its primary key.

        Args:
            chat_session_entity_id: Primary key of the session to fetch.
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
        """
        from .._agents import arequest_entity, request_entity
        from ..models.chat_session_entity import ChatSessionEntity

        return await arequest_entity(
            self._client,
            "POST",
            "/api/v1/Agents/Chat/GetChatSessionEntity",
            query={"chatSessionEntityId": chat_session_entity_id, "$select": select},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def is_within_opening_hours(
        self,
        *,
        select: Sequence[str] | str | None = None,
        chat_topic_id: int | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> bool:
        """Tell whether the given chat topic is open at this moment.

        NsApiSlow threshold: 500 ms.
        The opening hours are compared in the topic's own time zone when one is configured.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
            chat_topic_id: Identifier of the topic to check.
        """
        return await self._client.request(
            "POST",
            "/api/v1/Agents/Chat/IsWithinOpeningHours",
            query={"$select": select},
            json={"ChatTopicId": chat_topic_id},
            cast_to=bool,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def reject_chat_session_transfer(
        self,
        *,
        select: Sequence[str] | str | None = None,
        chat_session_id: int | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Turn down a handover.

        The user declines a session that another agent tried to pass on, so it stays with the agent who already has it. When no handover is pending the call changes nothing.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
            chat_session_id: Identifier of the session whose handover is declined.
        """
        from .._agents import arequest_entity, request_entity
        from ..models.chat_session_entity import ChatSessionEntity

        return await arequest_entity(
            self._client,
            "POST",
            "/api/v1/Agents/Chat/RejectChatSessionTransfer",
            query={"$select": select},
            json={"ChatSessionId": chat_session_id},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def transfer_chat_session(
        self,
        *,
        select: Sequence[str] | str | None = None,
        chat_session_id: int | None | NotGiven = NOT_GIVEN,
        to_associate: str | None | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Offer a chat session to another user agent.

        The session stays with its current agent until the other agent accepts. Nothing happens when the caller does not own the session.

        Args:
            select: Optional comma-separated list of the properties you want back; every other property is returned as null, which keeps the payload small. Example: "CustomerName,Status,User/FullName". Leave it out to get all properties.
            chat_session_id: Identifier of the session to hand over.
            to_associate: User name or associate id of the agent who should receive the session.
        """
        from .._agents import arequest_entity, request_entity
        from ..models.chat_session_entity import ChatSessionEntity

        return await arequest_entity(
            self._client,
            "POST",
            "/api/v1/Agents/Chat/TransferChatSession",
            query={"$select": select},
            json={"ChatSessionId": chat_session_id, "ToAssociate": to_associate},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class AsyncChatAgentWithRawResponse:
    """`AsyncChatAgent` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: AsyncChatAgent) -> None:
        self.accept_chat_session_transfer = async_to_raw_response_wrapper(
            resource.accept_chat_session_transfer
        )
        self.chat_sessions_for_user = async_to_raw_response_wrapper(
            resource.chat_sessions_for_user
        )
        self.get_chat_messages = async_to_raw_response_wrapper(
            resource.get_chat_messages
        )
        self.get_chat_session_entity = async_to_raw_response_wrapper(
            resource.get_chat_session_entity
        )
        self.is_within_opening_hours = async_to_raw_response_wrapper(
            resource.is_within_opening_hours
        )
        self.reject_chat_session_transfer = async_to_raw_response_wrapper(
            resource.reject_chat_session_transfer
        )
        self.transfer_chat_session = async_to_raw_response_wrapper(
            resource.transfer_chat_session
        )
