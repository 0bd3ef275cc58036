"""Operations tagged 'authors'."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIResource, SyncAPIResource
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, RequestOptions, Timeout, call_options

if TYPE_CHECKING:
    from ..models.author import Author

__all__ = [
    "AsyncAuthors",
    "AsyncAuthorsWithRawResponse",
    "Authors",
    "AuthorsWithRawResponse",
]


class Authors(SyncAPIResource):
    """Operations tagged 'authors'."""

    @cached_property
    def with_raw_response(self) -> AuthorsWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return AuthorsWithRawResponse(self)

    def get_author(
        self,
        author_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Author:
        """Get an author"""
        from ..models.author import Author

        return self._client.request(
            "GET",
            "/authors/{authorId}",
            path_params={"authorId": author_id},
            cast_to=Author,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class AuthorsWithRawResponse:
    """`Authors` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: Authors) -> None:
        self.get_author = to_raw_response_wrapper(resource.get_author)


class AsyncAuthors(AsyncAPIResource):
    """Operations tagged 'authors'."""

    @cached_property
    def with_raw_response(self) -> AsyncAuthorsWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return AsyncAuthorsWithRawResponse(self)

    async def get_author(
        self,
        author_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Author:
        """Get an author"""
        from ..models.author import Author

        return await self._client.request(
            "GET",
            "/authors/{authorId}",
            path_params={"authorId": author_id},
            cast_to=Author,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class AsyncAuthorsWithRawResponse:
    """`AsyncAuthors` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: AsyncAuthors) -> None:
        self.get_author = async_to_raw_response_wrapper(resource.get_author)
