"""Turning HTTP responses into return values: parsing, NOT_MODIFIED, raw-response access.

Streaming a download to a file, with memory flat whatever its size::

    with client.documents.with_raw_response.get_content(7, request_options={"stream": True}) as raw:
        raw.write_to_file("report.pdf")

(async: ``async with ... as raw: await raw.awrite_to_file(path)``). A streamed body has no
size limit and is not covered by the call's deadline (httpx's per-read timeout still applies).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Literal, ParamSpec, TypeVar, cast

import httpx

from ._errors import (
    APIResponseValidationError,
    ResponseNotReadError,
    connection_error,
)
from ._streams import (
    aiter_decoded,
    aread_body,
    awrite_to_file,
    iter_decoded,
    read_body,
    write_to_file,
)
from ._types import RequestOptions

if TYPE_CHECKING:
    # pydantic is imported on first parse, not when the package is imported.
    from pydantic import TypeAdapter

__all__ = [
    "NOT_MODIFIED",
    "APIResponse",
    "NotModified",
    "async_to_raw_response_wrapper",
    "parse_response",
    "to_raw_response_wrapper",
]

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")


class NotModified:
    """Returned for ``304 Not Modified``: the caller's cached copy is still current.

    Falsy, so ``if not result:`` covers both "nothing" and "unchanged"; test with
    ``isinstance(result, NotModified)`` to tell them apart (it narrows the type in mypy and
    pyright; ``result is NOT_MODIFIED`` is true too but narrows in neither).
    """

    _instance: NotModified | None = None

    def __new__(cls) -> NotModified:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_MODIFIED"

    def __reduce__(self) -> str:
        return "NOT_MODIFIED"


NOT_MODIFIED = NotModified()

# One TypeAdapter per cast_to object (a model class, list[Model], int, ...): building one
# compiles a validator, which is far more expensive than validating a response.
_ADAPTERS: dict[object, TypeAdapter[Any]] = {}


def _type_adapter(cast_to: object) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    try:
        return _ADAPTERS[cast_to]
    except KeyError:
        adapter: TypeAdapter[Any] = TypeAdapter(cast(Any, cast_to))
        _ADAPTERS[cast_to] = adapter
        return adapter
    except TypeError:
        # Unhashable annotation (e.g. Annotated with unhashable metadata): not cacheable.
        return TypeAdapter(cast(Any, cast_to))


def parse_response(
    response: httpx.Response, cast_to: object, *, strict: bool = False
) -> Any:
    """The value of a successful (non-error) response as ``cast_to``.

    304 -> NOT_MODIFIED; 204, an empty body or ``cast_to=None`` -> None; ``bytes`` -> the raw
    body; ``httpx.Response`` -> the response itself; ``str`` with a non-JSON content type ->
    the text. Anything else comes from the JSON body: constructed without validation (see
    _construct.py), or with ``strict`` validated by a cached pydantic TypeAdapter, raising
    APIResponseValidationError when the body does not match.
    """
    if response.status_code == 304:
        return NOT_MODIFIED
    if cast_to is httpx.Response:
        return response
    if cast_to is None or response.status_code == 204:
        return None
    content = response.content
    if cast_to is bytes:
        return content
    if not content.strip():
        return None
    content_type = response.headers.get("content-type", "")
    if cast_to is str and content_type and "json" not in content_type:
        return response.text
    if not strict:
        try:
            data = json.loads(content)
        except (ValueError, RecursionError) as exc:
            raise APIResponseValidationError(
                f"Response body is not JSON (expected {cast_to!r}): {exc}",
                response=response,
                body=response.text,
            ) from exc
        from ._construct import (
            construct,
        )  # imports pydantic: on first parse, not with the package

        try:
            return construct(data, cast_to)
        except RecursionError as exc:
            raise APIResponseValidationError(
                f"Response body is nested too deeply to build {cast_to!r}",
                response=response,
                body=None,
            ) from exc
    from pydantic import ValidationError

    try:
        return _type_adapter(cast_to).validate_json(content)
    except (ValidationError, RecursionError) as exc:
        raise APIResponseValidationError(
            f"Response body does not match the expected type {cast_to!r}: {exc}",
            response=response,
            body=_body_for_error(response),
        ) from exc


def _body_for_error(response: httpx.Response) -> object:
    try:
        return response.json()
    except (ValueError, RecursionError):
        return response.text


class APIResponse(Generic[T]):
    """The HTTP response of a call, with ``parse()`` giving what the call would have returned."""

    http_response: httpx.Response
    retries_taken: int
    """How many retries the call needed (0 when the first attempt succeeded)."""

    def __init__(
        self,
        *,
        raw: httpx.Response,
        cast_to: object,
        retries_taken: int = 0,
        strict: bool = False,
        max_response_size: int | None = None,
    ) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken
        self._cast_to = cast_to
        self._strict = strict
        self._max_response_size = max_response_size
        self._parsed: tuple[T] | None = None

    @property
    def is_read(self) -> bool:
        """False for a streamed response whose body has not been read yet."""
        return hasattr(self.http_response, "_content")

    def read(self) -> bytes:
        """The whole body (read now if streamed), limited like a buffered call."""
        if not self.is_read:
            if _is_async_only(self.http_response):
                raise ResponseNotReadError(
                    "A streamed async response: use `await response.aread()`"
                )
            with self._mapped_errors():
                return read_body(self.http_response, self._max_response_size)
        return self.http_response.content

    async def aread(self) -> bytes:
        """The async twin of read()."""
        if not self.is_read:
            with self._mapped_errors():
                return await aread_body(self.http_response, self._max_response_size)
        return self.http_response.content

    def iter_bytes(self) -> Iterator[bytes]:
        """The (decompressed) body in chunks, as it arrives; no size limit."""
        if self.is_read:
            yield self.http_response.content
            return
        with self._mapped_errors():
            yield from iter_decoded(self.http_response)

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        """The async twin of iter_bytes()."""
        if self.is_read:
            yield self.http_response.content
            return
        with self._mapped_errors():
            async for chunk in aiter_decoded(self.http_response):
                yield chunk

    def write_to_file(self, path: str | os.PathLike[str]) -> int:
        """Write the (decompressed) body to ``path`` chunk by chunk; returns the byte count.

        The file appears under its name only once complete (written beside it, then renamed).
        """
        if self.is_read:
            with open(path, "wb") as file:
                return file.write(self.http_response.content)
        with self._mapped_errors():
            return write_to_file(self.http_response, path)

    async def awrite_to_file(self, path: str | os.PathLike[str]) -> int:
        """The async twin of write_to_file()."""
        if self.is_read:
            with open(path, "wb") as file:
                return file.write(self.http_response.content)
        with self._mapped_errors():
            return await awrite_to_file(self.http_response, path)

    @contextlib.contextmanager
    def _mapped_errors(self) -> Iterator[None]:
        # Reading a streamed body happens after the call returned: same error hierarchy.
        try:
            yield
        except httpx.HTTPError as exc:
            raise connection_error(exc, self.http_response.request) from exc

    def close(self) -> None:
        """Release the connection of a streamed response that is not read to the end."""
        self.http_response.close()

    async def aclose(self) -> None:
        await self.http_response.aclose()

    def __enter__(self) -> APIResponse[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        self.close()

    async def __aenter__(self) -> APIResponse[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def elapsed(self) -> float:
        """Seconds from sending the request to reading the whole response."""
        return self.http_response.elapsed.total_seconds()

    @property
    def content(self) -> bytes:
        return self.read()

    @property
    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> Any:
        self.read()
        return self.http_response.json()

    def parse(self) -> T:
        """The parsed body (computed once): a model, a list, None, NOT_MODIFIED, ..."""
        if self._parsed is None:
            self.read()
            self._parsed = (
                cast(
                    T,
                    parse_response(
                        self.http_response, self._cast_to, strict=self._strict
                    ),
                ),
            )
        return self._parsed[0]

    def __repr__(self) -> str:
        from ._redact import redact_url

        url = redact_url(self.url)
        return f"<APIResponse [{self.status_code}] {self.method} {url}>"


def _is_async_only(response: httpx.Response) -> bool:
    return not isinstance(response.stream, httpx.SyncByteStream)


def _with_raw_option(kwargs: dict[str, Any]) -> None:
    options = cast(RequestOptions, dict(kwargs.get("request_options") or {}))
    options["raw_response"] = True
    kwargs["request_options"] = options


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """Wrap a generated method so that it returns the APIResponse instead of the parsed body."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        _with_raw_option(kwargs)
        return cast(APIResponse[R], func(*args, **kwargs))

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[APIResponse[R]]]:
    """The async twin of ``to_raw_response_wrapper``."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        _with_raw_option(kwargs)
        return cast(APIResponse[R], await func(*args, **kwargs))

    return wrapped
