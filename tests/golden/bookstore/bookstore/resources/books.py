"""Operations tagged 'books'."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Annotated, Any, Literal, TYPE_CHECKING

from pydantic import Field

from .._base_client import AsyncAPIResource, SyncAPIResource
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, RequestOptions, Timeout, call_options

if TYPE_CHECKING:
    from ..models.book import Book
    from ..models.book_page import BookPage
    from ..models.digital_edition import DigitalEdition
    from ..models.genre import Genre
    from ..models.new_book import NewBook
    from ..models.printed_edition import PrintedEdition

__all__ = [
    "AsyncBooks",
    "AsyncBooksWithRawResponse",
    "Books",
    "BooksWithRawResponse",
]


class Books(SyncAPIResource):
    """Operations tagged 'books'."""

    @cached_property
    def with_raw_response(self) -> BooksWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return BooksWithRawResponse(self)

    def list_books(
        self,
        *,
        genre: Genre | None = None,
        tags: Sequence[str] | None = None,
        ids: Sequence[int] | None = None,
        limit: int | None = None,
        x_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> BookPage:
        """List books

        Books in the catalogue, filtered by genre and tag.

        Args:
            tags: Books carrying all of these tags.
            ids: Only these books.
        """
        from ..models.book_page import BookPage

        return self._client.request(
            "GET",
            "/books",
            query={"genre": genre, "tags": tags, "ids": ids, "limit": limit},
            explode=("tags",),
            headers={"X-Request-Id": x_request_id},
            cast_to=BookPage,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def create_book(
        self,
        body: NewBook | Mapping[str, Any],
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Book:
        """Add a book

        Args:
            body: The book to add.
        """
        from ..models.book import Book

        return self._client.request(
            "POST",
            "/books",
            json=body,
            cast_to=Book,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def get_book(
        self,
        book_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Book:
        """Get one book

        Args:
            book_id: The book's id.
        """
        from ..models.book import Book

        return self._client.request(
            "GET",
            "/books/{bookId}",
            path_params={"bookId": book_id},
            cast_to=Book,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def update_book(
        self,
        book_id: int,
        body: Book | Mapping[str, Any],
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Book:
        """Replace a book

        Args:
            book_id: The book's id.
        """
        from ..models.book import Book

        return self._client.request(
            "PUT",
            "/books/{bookId}",
            path_params={"bookId": book_id},
            json=body,
            cast_to=Book,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def delete_book(
        self,
        book_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Remove a book

        Args:
            book_id: The book's id.
        """
        return self._client.request(
            "DELETE",
            "/books/{bookId}",
            path_params={"bookId": book_id},
            cast_to=None,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def get_book_cover(
        self,
        book_id: int,
        *,
        size: Literal["small", "medium", "large"] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> bytes:
        """The cover image"""
        return self._client.request(
            "GET",
            "/books/{bookId}/cover",
            path_params={"bookId": book_id},
            query={"size": size},
            headers={"Accept": "image/png"},
            cast_to=bytes,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    def list_book_formats(
        self,
        book_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> list[Annotated[PrintedEdition | DigitalEdition, Field(discriminator="kind")]]:
        """Editions of a book"""
        from ..models.digital_edition import DigitalEdition
        from ..models.printed_edition import PrintedEdition

        return self._client.request(
            "GET",
            "/books/{bookId}/formats",
            path_params={"bookId": book_id},
            cast_to=list[
                Annotated[PrintedEdition | DigitalEdition, Field(discriminator="kind")]
            ],
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class BooksWithRawResponse:
    """`Books` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: Books) -> None:
        self.list_books = to_raw_response_wrapper(resource.list_books)
        self.create_book = to_raw_response_wrapper(resource.create_book)
        self.get_book = to_raw_response_wrapper(resource.get_book)
        self.update_book = to_raw_response_wrapper(resource.update_book)
        self.delete_book = to_raw_response_wrapper(resource.delete_book)
        self.get_book_cover = to_raw_response_wrapper(resource.get_book_cover)
        self.list_book_formats = to_raw_response_wrapper(resource.list_book_formats)


class AsyncBooks(AsyncAPIResource):
    """Operations tagged 'books'."""

    @cached_property
    def with_raw_response(self) -> AsyncBooksWithRawResponse:
        """The same methods, returning the APIResponse (status, headers, parse())."""
        return AsyncBooksWithRawResponse(self)

    async def list_books(
        self,
        *,
        genre: Genre | None = None,
        tags: Sequence[str] | None = None,
        ids: Sequence[int] | None = None,
        limit: int | None = None,
        x_request_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> BookPage:
        """List books

        Books in the catalogue, filtered by genre and tag.

        Args:
            tags: Books carrying all of these tags.
            ids: Only these books.
        """
        from ..models.book_page import BookPage

        return await self._client.request(
            "GET",
            "/books",
            query={"genre": genre, "tags": tags, "ids": ids, "limit": limit},
            explode=("tags",),
            headers={"X-Request-Id": x_request_id},
            cast_to=BookPage,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def create_book(
        self,
        body: NewBook | Mapping[str, Any],
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Book:
        """Add a book

        Args:
            body: The book to add.
        """
        from ..models.book import Book

        return await self._client.request(
            "POST",
            "/books",
            json=body,
            cast_to=Book,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def get_book(
        self,
        book_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Book:
        """Get one book

        Args:
            book_id: The book's id.
        """
        from ..models.book import Book

        return await self._client.request(
            "GET",
            "/books/{bookId}",
            path_params={"bookId": book_id},
            cast_to=Book,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def update_book(
        self,
        book_id: int,
        body: Book | Mapping[str, Any],
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Book:
        """Replace a book

        Args:
            book_id: The book's id.
        """
        from ..models.book import Book

        return await self._client.request(
            "PUT",
            "/books/{bookId}",
            path_params={"bookId": book_id},
            json=body,
            cast_to=Book,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def delete_book(
        self,
        book_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Remove a book

        Args:
            book_id: The book's id.
        """
        return await self._client.request(
            "DELETE",
            "/books/{bookId}",
            path_params={"bookId": book_id},
            cast_to=None,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def get_book_cover(
        self,
        book_id: int,
        *,
        size: Literal["small", "medium", "large"] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> bytes:
        """The cover image"""
        return await self._client.request(
            "GET",
            "/books/{bookId}/cover",
            path_params={"bookId": book_id},
            query={"size": size},
            headers={"Accept": "image/png"},
            cast_to=bytes,
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )

    async def list_book_formats(
        self,
        book_id: int,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> list[Annotated[PrintedEdition | DigitalEdition, Field(discriminator="kind")]]:
        """Editions of a book"""
        from ..models.digital_edition import DigitalEdition
        from ..models.printed_edition import PrintedEdition

        return await self._client.request(
            "GET",
            "/books/{bookId}/formats",
            path_params={"bookId": book_id},
            cast_to=list[
                Annotated[PrintedEdition | DigitalEdition, Field(discriminator="kind")]
            ],
            options=call_options(
                request_options, extra_headers, extra_query, extra_body, timeout
            ),
        )


class AsyncBooksWithRawResponse:
    """`AsyncBooks` methods that return the APIResponse instead of the parsed body."""

    def __init__(self, resource: AsyncBooks) -> None:
        self.list_books = async_to_raw_response_wrapper(resource.list_books)
        self.create_book = async_to_raw_response_wrapper(resource.create_book)
        self.get_book = async_to_raw_response_wrapper(resource.get_book)
        self.update_book = async_to_raw_response_wrapper(resource.update_book)
        self.delete_book = async_to_raw_response_wrapper(resource.delete_book)
        self.get_book_cover = async_to_raw_response_wrapper(resource.get_book_cover)
        self.list_book_formats = async_to_raw_response_wrapper(
            resource.list_book_formats
        )
