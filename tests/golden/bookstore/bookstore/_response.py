"""Turning HTTP responses into return values: parsing, NOT_MODIFIED, raw-response access."""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Generic, Literal, ParamSpec, TypeVar, cast

import httpx

from ._errors import APIResponseValidationError
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
    ``result is NOT_MODIFIED`` to tell them apart.
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
        except ValueError as exc:
            raise APIResponseValidationError(
                f"Response body is not JSON (expected {cast_to!r}): {exc}",
                response=response,
                body=response.text,
            ) from exc
        from ._construct import (
            construct,
        )  # imports pydantic: on first parse, not with the package

        return construct(data, cast_to)
    from pydantic import ValidationError

    try:
        return _type_adapter(cast_to).validate_json(content)
    except ValidationError as exc:
        raise APIResponseValidationError(
            f"Response body does not match the expected type {cast_to!r}: {exc}",
            response=response,
            body=_body_for_error(response),
        ) from exc


def _body_for_error(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
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
    ) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken
        self._cast_to = cast_to
        self._strict = strict
        self._parsed: tuple[T] | None = None

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
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        return self.http_response.json()

    def parse(self) -> T:
        """The parsed body (computed once): a model, a list, None, NOT_MODIFIED, ..."""
        if self._parsed is None:
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
        return f"<APIResponse [{self.status_code}] {self.method} {self.url}>"


def _with_raw_option(kwargs: dict[str, Any]) -> None:
    options = cast(RequestOptions, dict(kwargs.get("options") or {}))
    options["raw_response"] = True
    kwargs["options"] = options


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
