"""Operations tagged 'ChatSession'."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cached_property
from typing import Any, Literal, TYPE_CHECKING

from .._base_client import AsyncAPIResource, SyncAPIResource
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, RequestOptions, Timeout, call_options

if TYPE_CHECKING:
    from .._pages import AsyncODataPage, SyncODataPage
    from .._response import NotModified
    from ..models.chat_message import ChatMessage
    from ..models.chat_session_entity import ChatSessionEntity
    from ..models.chat_session_entity_with_links import ChatSessionEntityWithLinks
    from ..models.patch_operation import PatchOperation

__all__ = [
    "AsyncChatSession",
    "AsyncChatSessionWithRawResponse",
    "ChatSession",
    "ChatSessionWithRawResponse",
]


class ChatSession(SyncAPIResource):
    """Operations tagged 'ChatSession'."""

    @cached_property
    def with_raw_response(self) -> ChatSessionWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return ChatSessionWithRawResponse(self)

    def get_all(
        self,
        *,
        select: Sequence[str] | str | None = None,
        filter: str | None = None,
        order_by: str | None = None,
        entities: str | None = None,
        top: int | None = None,
        skip: int | None = None,
        mode: Literal["Slim", "Wide", "Full"] | None = None,
        options: str | None = None,
        context: str | None = None,
        format: str | None = None,
        json_safe: bool | None = None,
        output: Literal["Logical", "Display"] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> SyncODataPage[dict[str, int | str | None]]:
        """List chat sessions as OData rows.

        Narrow, sort and page the rows with the usual OData options:

        * ChatSession?$select=customerName,status,whenRequested
        * ChatSession?$filter=status eq 'Closed' and startswith(customerName, 'Ing')
        * ChatSession?$orderby=whenRequested desc,customerName
        * ChatSession?$top=50
        * ChatSession?$mode=full

        The Accept header decides whether the rows come back as JSON or XML.

        The rows are read from the "ChatSession" archive provider.

        ### Filter Operators

        Numbers: eq =, ne, le, lt, gt, ge, set, equals, greater, less, unequals, between

        Text: contains, is, notBegins, notContains, isNot

        Associates: associateIsOneOf, associateIsNotOneOf,

        Id lists: oneOf, NotOneOf,

        Dates: before, date, after, dateBetween, beforeToday

        Without an argument: currentAssociate, beforeToday, today, afterToday, lastWeek, thisWeek, nextWeek, lastMonth, thisMonth, nextMonth, lastQuarter, thisQuarter, nextQuarter, thisHalf, thisYear

        Functions: substringof(a,b), startswith(a,b), endswith(a,b), this(f,period), next(f,n,period), previous(f,n,period), thisAndNext(f,n,period), thisAndPrevious(f,n,period), thisAndPreviousAndNext(f,period)

        Args:
            select: Comma-separated column names to include. Aggregates and modifiers are allowed too, as in "Count(status):Footer".
            filter: Condition the rows must meet, for example "customerName begins 'Ing' and rating gt 3".
            order_by: Comma-separated columns to sort on, each optionally followed by asc or desc.
            entities: Comma-separated entity names the provider should use. Defaults to "chat".
            top: Largest number of rows to return.
            skip: Number of rows to pass over before the first returned row.
            mode: FULL gives raw values plus display hints for every cell; SLIM gives display values only.
            options: Options understood by the provider, for example "GrandTotal=true".
            context: Context value handed to the provider.
            format: Force JSON or XML output regardless of the Accept header.
            json_safe: Rewrite column names so that they are valid JSON property names, replacing unsafe characters with an underscore.
            output: In SLIM mode: Logical gives true/false for booleans, Display gives icon hints. Dates always come as ISO strings.
        """
        from .._pages import afetch_odata_page, fetch_odata_page
        from ..models.chat_session_entity_get_all_result import (
            ChatSessionEntityGetAllResult,
        )

        return fetch_odata_page(
            self._client,
            "GET",
            "/api/v1/ChatSession",
            query={
                "$select": select,
                "$filter": filter,
                "$orderBy": order_by,
                "$entities": entities,
                "$top": top,
                "$skip": skip,
                "$mode": mode,
                "$options": options,
                "$context": context,
                "$format": format,
                "$jsonSafe": json_safe,
                "$output": output,
            },
            cast_to=ChatSessionEntityGetAllResult,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def post_chat_session_entity(
        self,
        new_entity: ChatSessionEntity | Mapping[str, Any],
        *,
        select: Sequence[str] | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Store a new ChatSessionEntity.

        Served by the SaveChatSessionEntity service of the Chat agent. Fetch GET ChatSession/default first to start from the server's default values.

        Args:
            new_entity: The new session, usually based on the defaults from GET ChatSession/default.
            select: Optional comma-separated list of the properties you want back; the rest come back as null. Example: "CustomerName,Status,User/FullName". Without it every property is filled in.
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return self._client.request(
            "POST",
            "/api/v1/ChatSession",
            query={"$select": select},
            json=new_entity,
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def default_chat_session_entity(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Get a new, unsaved ChatSessionEntity filled with the server's default values.

        The server works out the defaults, so call this before creating a session. Served by the CreateDefaultChatSessionEntity service of the Chat agent.
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return self._client.request(
            "GET",
            "/api/v1/ChatSession/default",
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def accept_chat_session_transfer(
        self,
        chat_session_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Take over a session that another agent is handing to you.

        Without a pending handover the session is left unchanged.

        Args:
            chat_session_id: Identifier of the session being handed over.
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return self._client.request(
            "POST",
            "/api/v1/ChatSession/{chatSessionId}/AcceptTransfer",
            path_params={"chatSessionId": chat_session_id},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def get_chat_messages(
        self,
        chat_session_id: int,
        *,
        after: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> list[ChatMessage]:
        """Read the messages of a chat session.

        Pass the id of the last message you already have to get only the newer ones.

        Args:
            chat_session_id: Identifier of the session to read.
            after: Only return messages whose id is greater than this one.
        """
        from ..models.chat_message import ChatMessage

        return self._client.request(
            "GET",
            "/api/v1/ChatSession/{chatSessionId}/Messages",
            path_params={"chatSessionId": chat_session_id},
            query={"after": after},
            cast_to=list[ChatMessage],
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def add_chat_message(
        self,
        chat_session_id: int,
        message: ChatMessage | Mapping[str, Any],
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatMessage:
        """Post a message into a chat session.

        The message is stored and becomes visible to the customer and the other agents of the session.

        Args:
            chat_session_id: Identifier of the session to post into.
            message: The message to post.
        """
        from ..models.chat_message import ChatMessage

        return self._client.request(
            "POST",
            "/api/v1/ChatSession/{chatSessionId}/Messages",
            path_params={"chatSessionId": chat_session_id},
            json=message,
            cast_to=ChatMessage,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def reset_chat_session(
        self,
        chat_session_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Send a chat session back to the queue so that a person can pick it up.

        Chatbots call this when they give a conversation over to a human agent.

        **Online Restricted:** In SuperOffice Online only apps registered with chatbot access may call this. Served by the ResetChatSession service of the Chat agent.

        Args:
            chat_session_id: Identifier of the session to put back in the queue.
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return self._client.request(
            "POST",
            "/api/v1/ChatSession/{chatSessionId}/Reset",
            path_params={"chatSessionId": chat_session_id},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def get_chat_session_entity(
        self,
        id: int,
        *,
        select: Sequence[str] | str | None = None,
        if_modified_since: datetime | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntityWithLinks | NotModified:
        """Fetch one ChatSessionEntity.

        Served by the GetChatSessionEntity service of the Chat agent.
        NsApiSlow threshold: 1000 ms.

        Args:
            id: Primary key of the ChatSessionEntity to fetch.
            select: Optional comma-separated list of the properties you want back; the rest come back as null. Example: "CustomerName,Status,User/FullName". Without it every property is filled in.
            if_modified_since: Only answer with the resource if it changed after this time; otherwise the result is NotModified (check with `isinstance(result, NotModified)`).
        """
        from ..models.chat_session_entity_with_links import ChatSessionEntityWithLinks

        return self._client.request(
            "GET",
            "/api/v1/ChatSession/{id}",
            path_params={"id": id},
            query={"$select": select},
            headers={"If-Modified-Since": if_modified_since},
            cast_to=ChatSessionEntityWithLinks,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def put_chat_session_entity(
        self,
        id: int,
        entity: ChatSessionEntityWithLinks | Mapping[str, Any],
        *,
        select: Sequence[str] | str | None = None,
        if_unmodified_since: datetime | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntityWithLinks:
        """Replace a stored ChatSessionEntity with the one in the request body.

        Send If-Unmodified-Since to make the update fail when someone else has changed the session in the meantime.

        Served by the SaveChatSessionEntity service of the Chat agent.

        Args:
            id: Primary key of the ChatSessionEntity to replace.
            entity: The complete session as it should be stored.
            select: Optional comma-separated list of the properties you want back; the rest come back as null. Example: "CustomerName,Status,User/FullName". Without it every property is filled in.
            if_unmodified_since: Only apply the change if the resource did not change after this time; otherwise the server answers 412 (PreconditionFailedError).
        """
        from ..models.chat_session_entity_with_links import ChatSessionEntityWithLinks

        return self._client.request(
            "PUT",
            "/api/v1/ChatSession/{id}",
            path_params={"id": id},
            query={"$select": select},
            json=entity,
            headers={"If-Unmodified-Since": if_unmodified_since},
            cast_to=ChatSessionEntityWithLinks,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def delete_chat_session_entity(
        self,
        id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Remove a ChatSessionEntity together with its messages.

        Served by the DeleteChatSessionEntity service of the Chat agent.
        NsApiSlow threshold: 2000 ms.

        Args:
            id: Primary key of the ChatSessionEntity to remove.
        """
        return self._client.request(
            "DELETE",
            "/api/v1/ChatSession/{id}",
            path_params={"id": id},
            cast_to=None,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def patch_chat_session_entity(
        self,
        id: int,
        changes: list[PatchOperation] | dict[str, Any],
        *,
        select: Sequence[str] | str | None = None,
        if_unmodified_since: datetime | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Change only some fields of a ChatSessionEntity, described either as JSON Patch operations or as a partial object in JSON Merge Patch style.

        The two formats are defined in [RFC 6902](https://tools.ietf.org/html/rfc6902) and [RFC 7386](https://tools.ietf.org/html/rfc7386). To set the customer's company name, send either a JSON Patch list:

        ```js  [ { "op": "replace", "path": "/CustomerCompanyName", "value": "Nordlys Bakeri AS" } ]  ```

        or a merge document holding just the new value:

        ```js  { "CustomerCompanyName": "Nordlys Bakeri AS" }  ```

        Supported JSON Patch operations are 'add', 'replace', 'remove' and 'test'.

        Paths ignore case and the leading slash may be left out: "/customerPhone", "CustomerPhone" and "customerphone" name the same field.

        Served by the {SuperOffice.CRM.Services.IChatAgent} service SaveChatSessionEntity.

        Args:
            id: Primary key of the ChatSessionEntity to change.
            changes: A JSON Patch list of operations, or a merge document that is turned into such a list.
            select: Optional comma-separated list of the properties you want back; the rest come back as null. Example: "CustomerName,Status,User/FullName". Without it every property is filled in.
            if_unmodified_since: Only apply the change if the resource did not change after this time; otherwise the server answers 412 (PreconditionFailedError).
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return self._client.request(
            "PATCH",
            "/api/v1/ChatSession/{id}",
            path_params={"id": id},
            query={"$select": select},
            json=changes,
            headers={"If-Unmodified-Since": if_unmodified_since},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class ChatSessionWithRawResponse:
    """`ChatSession` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: ChatSession) -> None:
        self.get_all = to_raw_response_wrapper(resource.get_all)
        self.post_chat_session_entity = to_raw_response_wrapper(
            resource.post_chat_session_entity
        )
        self.default_chat_session_entity = to_raw_response_wrapper(
            resource.default_chat_session_entity
        )
        self.accept_chat_session_transfer = to_raw_response_wrapper(
            resource.accept_chat_session_transfer
        )
        self.get_chat_messages = to_raw_response_wrapper(resource.get_chat_messages)
        self.add_chat_message = to_raw_response_wrapper(resource.add_chat_message)
        self.reset_chat_session = to_raw_response_wrapper(resource.reset_chat_session)
        self.get_chat_session_entity = to_raw_response_wrapper(
            resource.get_chat_session_entity
        )
        self.put_chat_session_entity = to_raw_response_wrapper(
            resource.put_chat_session_entity
        )
        self.delete_chat_session_entity = to_raw_response_wrapper(
            resource.delete_chat_session_entity
        )
        self.patch_chat_session_entity = to_raw_response_wrapper(
            resource.patch_chat_session_entity
        )


class AsyncChatSession(AsyncAPIResource):
    """Operations tagged 'ChatSession'."""

    @cached_property
    def with_raw_response(self) -> AsyncChatSessionWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return AsyncChatSessionWithRawResponse(self)

    async def get_all(
        self,
        *,
        select: Sequence[str] | str | None = None,
        filter: str | None = None,
        order_by: str | None = None,
        entities: str | None = None,
        top: int | None = None,
        skip: int | None = None,
        mode: Literal["Slim", "Wide", "Full"] | None = None,
        options: str | None = None,
        context: str | None = None,
        format: str | None = None,
        json_safe: bool | None = None,
        output: Literal["Logical", "Display"] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> AsyncODataPage[dict[str, int | str | None]]:
        """List chat sessions as OData rows.

        Narrow, sort and page the rows with the usual OData options:

        * ChatSession?$select=customerName,status,whenRequested
        * ChatSession?$filter=status eq 'Closed' and startswith(customerName, 'Ing')
        * ChatSession?$orderby=whenRequested desc,customerName
        * ChatSession?$top=50
        * ChatSession?$mode=full

        The Accept header decides whether the rows come back as JSON or XML.

        The rows are read from the "ChatSession" archive provider.

        ### Filter Operators

        Numbers: eq =, ne, le, lt, gt, ge, set, equals, greater, less, unequals, between

        Text: contains, is, notBegins, notContains, isNot

        Associates: associateIsOneOf, associateIsNotOneOf,

        Id lists: oneOf, NotOneOf,

        Dates: before, date, after, dateBetween, beforeToday

        Without an argument: currentAssociate, beforeToday, today, afterToday, lastWeek, thisWeek, nextWeek, lastMonth, thisMonth, nextMonth, lastQuarter, thisQuarter, nextQuarter, thisHalf, thisYear

        Functions: substringof(a,b), startswith(a,b), endswith(a,b), this(f,period), next(f,n,period), previous(f,n,period), thisAndNext(f,n,period), thisAndPrevious(f,n,period), thisAndPreviousAndNext(f,period)

        Args:
            select: Comma-separated column names to include. Aggregates and modifiers are allowed too, as in "Count(status):Footer".
            filter: Condition the rows must meet, for example "customerName begins 'Ing' and rating gt 3".
            order_by: Comma-separated columns to sort on, each optionally followed by asc or desc.
            entities: Comma-separated entity names the provider should use. Defaults to "chat".
            top: Largest number of rows to return.
            skip: Number of rows to pass over before the first returned row.
            mode: FULL gives raw values plus display hints for every cell; SLIM gives display values only.
            options: Options understood by the provider, for example "GrandTotal=true".
            context: Context value handed to the provider.
            format: Force JSON or XML output regardless of the Accept header.
            json_safe: Rewrite column names so that they are valid JSON property names, replacing unsafe characters with an underscore.
            output: In SLIM mode: Logical gives true/false for booleans, Display gives icon hints. Dates always come as ISO strings.
        """
        from .._pages import afetch_odata_page, fetch_odata_page
        from ..models.chat_session_entity_get_all_result import (
            ChatSessionEntityGetAllResult,
        )

        return await afetch_odata_page(
            self._client,
            "GET",
            "/api/v1/ChatSession",
            query={
                "$select": select,
                "$filter": filter,
                "$orderBy": order_by,
                "$entities": entities,
                "$top": top,
                "$skip": skip,
                "$mode": mode,
                "$options": options,
                "$context": context,
                "$format": format,
                "$jsonSafe": json_safe,
                "$output": output,
            },
            cast_to=ChatSessionEntityGetAllResult,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def post_chat_session_entity(
        self,
        new_entity: ChatSessionEntity | Mapping[str, Any],
        *,
        select: Sequence[str] | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Store a new ChatSessionEntity.

        Served by the SaveChatSessionEntity service of the Chat agent. Fetch GET ChatSession/default first to start from the server's default values.

        Args:
            new_entity: The new session, usually based on the defaults from GET ChatSession/default.
            select: Optional comma-separated list of the properties you want back; the rest come back as null. Example: "CustomerName,Status,User/FullName". Without it every property is filled in.
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return await self._client.request(
            "POST",
            "/api/v1/ChatSession",
            query={"$select": select},
            json=new_entity,
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def default_chat_session_entity(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Get a new, unsaved ChatSessionEntity filled with the server's default values.

        The server works out the defaults, so call this before creating a session. Served by the CreateDefaultChatSessionEntity service of the Chat agent.
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return await self._client.request(
            "GET",
            "/api/v1/ChatSession/default",
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def accept_chat_session_transfer(
        self,
        chat_session_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Take over a session that another agent is handing to you.

        Without a pending handover the session is left unchanged.

        Args:
            chat_session_id: Identifier of the session being handed over.
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return await self._client.request(
            "POST",
            "/api/v1/ChatSession/{chatSessionId}/AcceptTransfer",
            path_params={"chatSessionId": chat_session_id},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def get_chat_messages(
        self,
        chat_session_id: int,
        *,
        after: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> list[ChatMessage]:
        """Read the messages of a chat session.

        Pass the id of the last message you already have to get only the newer ones.

        Args:
            chat_session_id: Identifier of the session to read.
            after: Only return messages whose id is greater than this one.
        """
        from ..models.chat_message import ChatMessage

        return await self._client.request(
            "GET",
            "/api/v1/ChatSession/{chatSessionId}/Messages",
            path_params={"chatSessionId": chat_session_id},
            query={"after": after},
            cast_to=list[ChatMessage],
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def add_chat_message(
        self,
        chat_session_id: int,
        message: ChatMessage | Mapping[str, Any],
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatMessage:
        """Post a message into a chat session.

        The message is stored and becomes visible to the customer and the other agents of the session.

        Args:
            chat_session_id: Identifier of the session to post into.
            message: The message to post.
        """
        from ..models.chat_message import ChatMessage

        return await self._client.request(
            "POST",
            "/api/v1/ChatSession/{chatSessionId}/Messages",
            path_params={"chatSessionId": chat_session_id},
            json=message,
            cast_to=ChatMessage,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def reset_chat_session(
        self,
        chat_session_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Send a chat session back to the queue so that a person can pick it up.

        Chatbots call this when they give a conversation over to a human agent.

        **Online Restricted:** In SuperOffice Online only apps registered with chatbot access may call this. Served by the ResetChatSession service of the Chat agent.

        Args:
            chat_session_id: Identifier of the session to put back in the queue.
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return await self._client.request(
            "POST",
            "/api/v1/ChatSession/{chatSessionId}/Reset",
            path_params={"chatSessionId": chat_session_id},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def get_chat_session_entity(
        self,
        id: int,
        *,
        select: Sequence[str] | str | None = None,
        if_modified_since: datetime | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntityWithLinks | NotModified:
        """Fetch one ChatSessionEntity.

        Served by the GetChatSessionEntity service of the Chat agent.
        NsApiSlow threshold: 1000 ms.

        Args:
            id: Primary key of the ChatSessionEntity to fetch.
            select: Optional comma-separated list of the properties you want back; the rest come back as null. Example: "CustomerName,Status,User/FullName". Without it every property is filled in.
            if_modified_since: Only answer with the resource if it changed after this time; otherwise the result is NotModified (check with `isinstance(result, NotModified)`).
        """
        from ..models.chat_session_entity_with_links import ChatSessionEntityWithLinks

        result: ChatSessionEntityWithLinks | NotModified = await self._client.request(
            "GET",
            "/api/v1/ChatSession/{id}",
            path_params={"id": id},
            query={"$select": select},
            headers={"If-Modified-Since": if_modified_since},
            cast_to=ChatSessionEntityWithLinks,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )
        return result

    async def put_chat_session_entity(
        self,
        id: int,
        entity: ChatSessionEntityWithLinks | Mapping[str, Any],
        *,
        select: Sequence[str] | str | None = None,
        if_unmodified_since: datetime | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntityWithLinks:
        """Replace a stored ChatSessionEntity with the one in the request body.

        Send If-Unmodified-Since to make the update fail when someone else has changed the session in the meantime.

        Served by the SaveChatSessionEntity service of the Chat agent.

        Args:
            id: Primary key of the ChatSessionEntity to replace.
            entity: The complete session as it should be stored.
            select: Optional comma-separated list of the properties you want back; the rest come back as null. Example: "CustomerName,Status,User/FullName". Without it every property is filled in.
            if_unmodified_since: Only apply the change if the resource did not change after this time; otherwise the server answers 412 (PreconditionFailedError).
        """
        from ..models.chat_session_entity_with_links import ChatSessionEntityWithLinks

        return await self._client.request(
            "PUT",
            "/api/v1/ChatSession/{id}",
            path_params={"id": id},
            query={"$select": select},
            json=entity,
            headers={"If-Unmodified-Since": if_unmodified_since},
            cast_to=ChatSessionEntityWithLinks,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def delete_chat_session_entity(
        self,
        id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Remove a ChatSessionEntity together with its messages.

        Served by the DeleteChatSessionEntity service of the Chat agent.
        NsApiSlow threshold: 2000 ms.

        Args:
            id: Primary key of the ChatSessionEntity to remove.
        """
        return await self._client.request(
            "DELETE",
            "/api/v1/ChatSession/{id}",
            path_params={"id": id},
            cast_to=None,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def patch_chat_session_entity(
        self,
        id: int,
        changes: list[PatchOperation] | dict[str, Any],
        *,
        select: Sequence[str] | str | None = None,
        if_unmodified_since: datetime | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> ChatSessionEntity:
        """Change only some fields of a ChatSessionEntity, described either as JSON Patch operations or as a partial object in JSON Merge Patch style.

        The two formats are defined in [RFC 6902](https://tools.ietf.org/html/rfc6902) and [RFC 7386](https://tools.ietf.org/html/rfc7386). To set the customer's company name, send either a JSON Patch list:

        ```js  [ { "op": "replace", "path": "/CustomerCompanyName", "value": "Nordlys Bakeri AS" } ]  ```

        or a merge document holding just the new value:

        ```js  { "CustomerCompanyName": "Nordlys Bakeri AS" }  ```

        Supported JSON Patch operations are 'add', 'replace', 'remove' and 'test'.

        Paths ignore case and the leading slash may be left out: "/customerPhone", "CustomerPhone" and "customerphone" name the same field.

        Served by the {SuperOffice.CRM.Services.IChatAgent} service SaveChatSessionEntity.

        Args:
            id: Primary key of the ChatSessionEntity to change.
            changes: A JSON Patch list of operations, or a merge document that is turned into such a list.
            select: Optional comma-separated list of the properties you want back; the rest come back as null. Example: "CustomerName,Status,User/FullName". Without it every property is filled in.
            if_unmodified_since: Only apply the change if the resource did not change after this time; otherwise the server answers 412 (PreconditionFailedError).
        """
        from ..models.chat_session_entity import ChatSessionEntity

        return await self._client.request(
            "PATCH",
            "/api/v1/ChatSession/{id}",
            path_params={"id": id},
            query={"$select": select},
            json=changes,
            headers={"If-Unmodified-Since": if_unmodified_since},
            cast_to=ChatSessionEntity,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class AsyncChatSessionWithRawResponse:
    """`AsyncChatSession` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: AsyncChatSession) -> None:
        self.get_all = async_to_raw_response_wrapper(resource.get_all)
        self.post_chat_session_entity = async_to_raw_response_wrapper(
            resource.post_chat_session_entity
        )
        self.default_chat_session_entity = async_to_raw_response_wrapper(
            resource.default_chat_session_entity
        )
        self.accept_chat_session_transfer = async_to_raw_response_wrapper(
            resource.accept_chat_session_transfer
        )
        self.get_chat_messages = async_to_raw_response_wrapper(
            resource.get_chat_messages
        )
        self.add_chat_message = async_to_raw_response_wrapper(resource.add_chat_message)
        self.reset_chat_session = async_to_raw_response_wrapper(
            resource.reset_chat_session
        )
        self.get_chat_session_entity = async_to_raw_response_wrapper(
            resource.get_chat_session_entity
        )
        self.put_chat_session_entity = async_to_raw_response_wrapper(
            resource.put_chat_session_entity
        )
        self.delete_chat_session_entity = async_to_raw_response_wrapper(
            resource.delete_chat_session_entity
        )
        self.patch_chat_session_entity = async_to_raw_response_wrapper(
            resource.patch_chat_session_entity
        )
