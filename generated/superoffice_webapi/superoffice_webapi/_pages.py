"""OData list results that page themselves (SuperOffice profile).

A list call returns its first page; ``page.rows`` are that page's rows, ``page.next_link``
the server's ``odata.nextLink``. Iterating the page goes over every row of every page from it
on, fetching each next page when the rows before it are used up::

    page = client.contact.get_all(select=["name", "contactId"], top=200)
    for row in page:                      # async: async for row in page
        print(row["name"])

The next page follows ``odata.nextLink``; when the server sends none but the call has a
``$skip`` parameter, the same request is sent again with ``$skip`` moved on by the rows seen,
until a page is empty or shorter than ``$top``. ``top=`` is the page size you ask for;
``iter_rows(max_rows=..., stop=...)`` caps the rows and ends early, ``iter_pages(max_pages=...)``
walks whole pages. The archive agent's paged calls (a ``Page``/``PageSize`` body, a list
result) return the same pages: the next one asks for ``Page + 1`` until a page is shorter
than ``PageSize`` or empty. A next link that leaves the API's origin raises PaginationError: the
client's credentials are never sent there.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from ._errors import SdkError
from ._response import APIResponse, parse_response

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = [
    "AsyncODataPage",
    "PaginationError",
    "SyncODataPage",
    "afetch_odata_page",
    "fetch_odata_page",
]

RowT = TypeVar("RowT")
_MAX_PAGES = 100_000
"""A bound on any walk, against a server that keeps sending the same link."""


class PaginationError(SdkError):
    """A page's next link cannot be followed (another origin, or a link seen before)."""


def _wire_field(result: object, wire: str) -> Any:
    """A model's field by its wire name (``odata.nextLink``), or a dict's key."""
    if isinstance(result, Mapping):
        return result.get(wire)
    fields = getattr(type(result), "model_fields", {})
    for name, info in fields.items():
        if (info.serialization_alias or info.alias or name) == wire:
            return getattr(result, name, None)
    extra = getattr(result, "__pydantic_extra__", None) or {}
    return extra.get(wire)


class _Request:
    """The arguments of a list call, and how to move them on to the next page."""

    def __init__(
        self,
        method: str,
        path: str,
        request: dict[str, Any],
        error: PaginationError | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.request = request
        self.error = error  # raised when this next page is asked for (not before)

    def query(self) -> dict[str, Any]:
        query = self.request.get("query")
        return dict(query) if isinstance(query, Mapping) else {}

    def following(
        self, base_url: str, url: httpx.URL, next_link: str | None, rows: int
    ) -> _Request | None:
        """The request for the next page, or None when this page was the last."""
        if next_link:
            target = url.join(next_link)
            base = httpx.URL(base_url)
            if (target.scheme, target.host, target.port) != (
                base.scheme,
                base.host,
                base.port,
            ):
                raise PaginationError(
                    f"The next link leaves the API's origin ({target.scheme}://{target.host}); not followed"
                )
            # Relative to the client's base URL, so a re-resolved tenant endpoint is used.
            text = str(target)
            path = text[len(base_url) :] if text.startswith(base_url) else text
            request = {
                k: v
                for k, v in self.request.items()
                if k not in ("query", "path_params", "explode")
            }
            return _Request(self.method, path, request)
        body = self.request.get("json")
        if isinstance(body, Mapping) and "Page" in body and "PageSize" in body:
            return self._next_archive_page(dict(body), rows)
        query = self.query()
        if "$skip" not in query or rows == 0:
            return None
        top = query.get("$top")
        if isinstance(top, int) and rows < top:
            return None
        skip = query.get("$skip")
        query["$skip"] = (skip if isinstance(skip, int) else 0) + rows
        return _Request(self.method, self.path, {**self.request, "query": query})

    def _next_archive_page(self, body: dict[str, Any], rows: int) -> _Request | None:
        """Archive agent paging: ``Page`` (0 first) moves on until a page is short or empty."""
        size, number = body.get("PageSize"), body.get("Page")
        if rows == 0 or (isinstance(size, int) and rows < size):
            return None
        body["Page"] = (number if isinstance(number, int) else 0) + 1
        return _Request(self.method, self.path, {**self.request, "json": body})


def _dump(value: Any, options: dict[str, Any]) -> Any:
    dump = getattr(value, "model_dump", None)
    return dump(**options) if callable(dump) else value


class _Page(Generic[RowT]):
    rows: list[RowT]
    """This page's rows."""
    next_link: str | None
    """The server's ``odata.nextLink`` (None on the last page, or when paging by ``$skip``)."""
    result: Any
    """The whole response body as its documented model (e.g. GetAllResult)."""

    def __init__(
        self, result: Any, rows: list[RowT], next_request: _Request | None
    ) -> None:
        self.result = result
        self.rows = rows
        self.next_link = None
        if not isinstance(result, list):
            self.next_link = _wire_field(result, "odata.nextLink") or None
        self._next = next_request

    def has_next_page(self) -> bool:
        return self._next is not None

    def to_dict(self) -> Any:
        """The page's body as the server sent it (wire names)."""
        return self.model_dump(by_alias=True, mode="json", exclude_unset=True)

    def model_dump(self, **options: Any) -> Any:
        if isinstance(self.result, list):
            return [_dump(row, options) for row in self.result]
        return _dump(self.result, options)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Page)
            and type(other) is type(self)
            and bool(other.result == self.result)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        more = ", more" if self._next is not None else ""
        return f"{type(self).__name__}(rows={len(self.rows)}{more})"


class SyncODataPage(_Page[RowT]):
    """One page of an OData list; iterate it for every row of every page."""

    def __init__(
        self,
        client: SyncAPIClient,
        result: Any,
        rows: list[RowT],
        next_request: _Request | None,
    ) -> None:
        super().__init__(result, rows, next_request)
        self._client = client

    def next_page(self) -> SyncODataPage[RowT] | None:
        """The following page (one request), or None after the last."""
        if self._next is None:
            return None
        page: SyncODataPage[RowT] = _fetch(self._client, self._next)
        return page

    def iter_pages(
        self, *, max_pages: int | None = None
    ) -> Iterator[SyncODataPage[RowT]]:
        """This page, then each following page (fetched as you go)."""
        page: SyncODataPage[RowT] | None = self
        count = 0
        limit = min(max_pages or _MAX_PAGES, _MAX_PAGES)
        while page is not None:
            yield page
            count += 1
            if count >= limit:
                return
            page = page.next_page()

    def iter_rows(
        self, *, max_rows: int | None = None, stop: Callable[[RowT], bool] | None = None
    ) -> Iterator[RowT]:
        """Every row from this page on; at most ``max_rows``, ending before the first row
        for which ``stop(row)`` is true. No page is fetched that is not needed."""
        count = 0
        if max_rows is not None and max_rows <= 0:
            return
        for page in self.iter_pages():
            for row in page.rows:
                if stop is not None and stop(row):
                    return
                yield row
                count += 1
                if max_rows is not None and count >= max_rows:
                    return

    def __iter__(self) -> Iterator[RowT]:
        return self.iter_rows()


class AsyncODataPage(_Page[RowT]):
    """One page of an OData list; ``async for row in page`` goes over every page's rows."""

    def __init__(
        self,
        client: AsyncAPIClient,
        result: Any,
        rows: list[RowT],
        next_request: _Request | None,
    ) -> None:
        super().__init__(result, rows, next_request)
        self._client = client

    async def next_page(self) -> AsyncODataPage[RowT] | None:
        if self._next is None:
            return None
        page: AsyncODataPage[RowT] = await _afetch(self._client, self._next)
        return page

    async def iter_pages(
        self, *, max_pages: int | None = None
    ) -> AsyncIterator[AsyncODataPage[RowT]]:
        page: AsyncODataPage[RowT] | None = self
        count = 0
        limit = min(max_pages or _MAX_PAGES, _MAX_PAGES)
        while page is not None:
            yield page
            count += 1
            if count >= limit:
                return
            page = await page.next_page()

    async def iter_rows(
        self, *, max_rows: int | None = None, stop: Callable[[RowT], bool] | None = None
    ) -> AsyncIterator[RowT]:
        count = 0
        if max_rows is not None and max_rows <= 0:
            return
        async for page in self.iter_pages():
            for row in page.rows:
                if stop is not None and stop(row):
                    return
                yield row
                count += 1
                if max_rows is not None and count >= max_rows:
                    return

    def __aiter__(self) -> AsyncIterator[RowT]:
        return self.iter_rows()


class _PageResponse(APIResponse[Any]):
    """The raw response of a list call: ``parse()`` gives the page, as the call would."""

    def __init__(self, raw: APIResponse[Any], build: Callable[[Any], Any]) -> None:
        self.__dict__.update(raw.__dict__)
        self._build = build

    def parse(self) -> Any:
        return self._build(super().parse())


def _page_parts(
    client: Any, spec: _Request, response: httpx.Response, result: Any
) -> tuple[list[Any], _Request | None]:
    if isinstance(result, list):  # an archive agent's page: the rows themselves
        rows, next_link = result, None
    else:
        rows = _wire_field(result, "value") or []
        next_link = _wire_field(result, "odata.nextLink")
    try:
        following = spec.following(
            client.base_url, response.request.url, next_link, len(rows)
        )
    except PaginationError as error:
        following = _Request(spec.method, spec.path, {}, error)
    return list(rows), following


def _split(
    method: str, path: str, request: dict[str, Any]
) -> tuple[_Request, Any, dict[str, Any]]:
    cast_to = request.pop("cast_to")
    return _Request(method, path, request), cast_to, request


def fetch_odata_page(
    client: SyncAPIClient, method: str, path: str, **request: Any
) -> SyncODataPage[Any]:
    """Send a list call (the arguments of ``client.request``) and return its first page."""
    spec, cast_to, _ = _split(method, path, request)
    spec.request["cast_to"] = cast_to
    page: SyncODataPage[Any] = _fetch(client, spec)
    return page


async def afetch_odata_page(
    client: AsyncAPIClient, method: str, path: str, **request: Any
) -> AsyncODataPage[Any]:
    spec, cast_to, _ = _split(method, path, request)
    spec.request["cast_to"] = cast_to
    page: AsyncODataPage[Any] = await _afetch(client, spec)
    return page


def _raw(spec: _Request) -> bool:
    options = spec.request.get("options") or {}
    return bool(options.get("raw_response"))


def _fetch(client: SyncAPIClient, spec: _Request) -> Any:
    if spec.error is not None:
        raise spec.error
    cast_to = spec.request["cast_to"]
    arguments = {**spec.request, "cast_to": httpx.Response}
    if _raw(spec):
        raw = client.request(
            spec.method, spec.path, **{**arguments, "cast_to": cast_to}
        )
        return _PageResponse(
            raw, lambda result: _sync_page(client, spec, raw.http_response, result)
        )
    response = client.request(spec.method, spec.path, **arguments)
    result = parse_response(response, cast_to, strict=client.strict_response_validation)
    return _sync_page(client, spec, response, result)


def _sync_page(
    client: SyncAPIClient, spec: _Request, response: httpx.Response, result: Any
) -> SyncODataPage[Any]:
    rows, following = _page_parts(client, spec, response, result)
    return SyncODataPage(client, result, rows, following)


async def _afetch(client: AsyncAPIClient, spec: _Request) -> Any:
    if spec.error is not None:
        raise spec.error
    cast_to = spec.request["cast_to"]
    arguments = {**spec.request, "cast_to": httpx.Response}
    if _raw(spec):
        raw = await client.request(
            spec.method, spec.path, **{**arguments, "cast_to": cast_to}
        )

        def build(result: Any) -> AsyncODataPage[Any]:
            rows, following = _page_parts(client, spec, raw.http_response, result)
            return AsyncODataPage(client, result, rows, following)

        return _PageResponse(raw, build)
    response = await client.request(spec.method, spec.path, **arguments)
    result = parse_response(response, cast_to, strict=client.strict_response_validation)
    rows, following = _page_parts(client, spec, response, result)
    return AsyncODataPage(client, result, rows, following)
