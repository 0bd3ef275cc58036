"""Exceptions raised by the client.

Every exception the client raises derives from ``SdkError``, with the underlying exception
(httpx, zlib, json, pydantic) chained as ``__cause__``. Messages never carry credentials: URLs
in them have API keys, tickets and passwords masked (see _redact.py).

- ``APIConnectionError``: no response (refused, reset, DNS, TLS); ``APITimeoutError`` when a
  timeout or the per-attempt deadline ran out.
- ``APIStatusError``: a 4xx/5xx response, one subclass per common status.
- ``RedirectError``: ``TooManyRedirectsError`` (a loop) or ``CrossOriginRedirectError`` (a
  redirect the client refuses to follow, so that nothing is sent to another origin).
- ``ResponseTooLargeError``: the (decompressed) body exceeds ``max_response_size``.
- ``ResponseDecodingError``: a corrupt compressed body (bad gzip/deflate data).
- ``APIResponseValidationError``: a 2xx body that is not JSON or not the documented type.
- ``InvalidRequestError`` (also a ``ValueError``) and ``ClientClosedError`` (also a
  ``RuntimeError``): the call could not be made as asked.

HTTP error statuses raise an ``APIStatusError`` subclass chosen by status code, with the
parsed body (``body``) and, read from it, ``error_message`` and ``error_type``.
The fields are those of the error schemas the API description declares
(``Problem``), found by their usual names:
the message from ``detail``, ``title``,
the type from ``type``, ``code``
(the first that is a non-empty string, names compared without case; a text body is the message).
"""

from __future__ import annotations

from typing import Any

import httpx

from ._redact import redact_text, redact_url

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "ClientClosedError",
    "CrossOriginRedirectError",
    "InvalidRequestError",
    "RedirectError",
    "ResponseDecodingError",
    "ResponseNotReadError",
    "ResponseTooLargeError",
    "TooManyRedirectsError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitError",
    "SdkError",
    "ServerError",
    "UnprocessableEntityError",
    "connection_error",
    "describe_exception",
    "make_status_error",
]


class SdkError(Exception):
    """Base class of every exception this package raises."""


class APIConnectionError(SdkError):
    """The server could not be reached, or the connection broke before a response arrived."""

    request: httpx.Request | None

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message, request=request)


class InvalidRequestError(SdkError, ValueError):
    """The call's arguments cannot make a valid request (a missing path parameter, a bad URL)."""


class ClientClosedError(SdkError, RuntimeError):
    """The client was used after ``close()``."""


class RedirectError(SdkError):
    """A redirect the client does not follow (an invalid or non-http(s) ``Location``)."""

    request: httpx.Request
    """The request that was redirected."""
    response: httpx.Response | None
    """The redirect response (None when httpx rejected its ``Location`` while receiving it)."""
    location: str | None
    """The ``Location`` the server sent (masked like every URL the package shows)."""

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request,
        response: httpx.Response | None = None,
        location: str | None = None,
    ) -> None:
        super().__init__(message)
        self.request = request
        self.response = response
        self.location = location


class TooManyRedirectsError(RedirectError):
    """More redirects in a row than the client follows (a redirect loop, usually)."""


class CrossOriginRedirectError(RedirectError):
    """A redirect to another scheme, host or port that would have to carry a body or an
    unsafe method there; refused so that neither the body nor any credential leaves the
    origin it was meant for."""


class ResponseTooLargeError(SdkError):
    """The response body (counted after decompression) exceeds the configured limit.

    Raised while streaming, as soon as the limit is passed: the body is never buffered whole.
    Raise the limit with ``options={"max_response_size": n}`` (or the client's
    ``max_response_size``), or stream the body with ``options={"stream": True}``.
    """

    response: httpx.Response
    limit: int

    def __init__(self, message: str, *, response: httpx.Response, limit: int) -> None:
        super().__init__(message)
        self.response = response
        self.limit = limit


class ResponseDecodingError(SdkError):
    """The body could not be decoded (corrupt gzip/deflate data)."""

    response: httpx.Response

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message)
        self.response = response


class ResponseNotReadError(SdkError):
    """A streamed async response was parsed before ``await response.aread()``."""


class APIResponseValidationError(SdkError):
    """A successful response whose body does not match the documented type."""

    response: httpx.Response
    status_code: int
    body: object

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body


class APIStatusError(SdkError):
    """The server answered with an error status (4xx/5xx)."""

    response: httpx.Response
    status_code: int
    headers: httpx.Headers
    body: object
    """The error body: parsed JSON when it is JSON, else the text (``None`` when empty)."""
    error_type: str | None
    """The body's error type or code (see the module docstring for the fields read)."""
    error_message: str | None
    """The body's error message (or the text of a non-JSON body)."""

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = body
        self.error_type, self.error_message, source = _error_fields(body)

    @property
    def request(self) -> httpx.Request:
        return self.response.request


class ClientError(APIStatusError):
    """A 4xx status."""


class ServerError(APIStatusError):
    """A 5xx status."""


class BadRequestError(ClientError):
    """400 Bad Request."""


class AuthenticationError(ClientError):
    """401 Unauthorized: missing or invalid credentials."""


class PermissionDeniedError(ClientError):
    """403 Forbidden."""


class NotFoundError(ClientError):
    """404 Not Found."""


class ConflictError(ClientError):
    """409 Conflict."""


class PreconditionFailedError(ClientError):
    """412 Precondition Failed, e.g. the entity changed since ``If-Unmodified-Since``."""


class UnprocessableEntityError(ClientError):
    """422 Unprocessable Entity."""


class RateLimitError(ClientError):
    """429 Too Many Requests (raised once the retries are used up)."""


class InternalServerError(ServerError):
    """Any status >= 500."""


_ERROR_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    412: PreconditionFailedError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _first_str(body: dict[str, Any], *keys: str) -> str | None:
    lowered = {k.lower(): v for k, v in body.items() if isinstance(k, str)}
    for key in keys:
        value = body.get(key, lowered.get(key.lower()))
        if isinstance(value, str) and value:
            return value
    return None


# Compared without case: "message" also reads "Message".
_MESSAGE_KEYS: tuple[str, ...] = (
    "detail",
    "title",
)
_TYPE_KEYS: tuple[str, ...] = (
    "type",
    "code",
)
_SOURCE_KEYS: tuple[str, ...] = ()
_NESTED_KEYS: tuple[str, ...] = ()


def _error_fields(body: object) -> tuple[str | None, str | None, str | None]:
    """(error_type, error_message, error_source) from an error body."""
    if isinstance(body, str):
        return None, (body.strip() or None), None
    if not isinstance(body, dict):
        return None, None, None
    error_type = _first_str(body, *_TYPE_KEYS)
    if error_type is None:
        lowered = {k.lower(): v for k, v in body.items() if isinstance(k, str)}
        codes = [lowered.get(key.lower()) for key in _TYPE_KEYS]
        code = next(
            (c for c in codes if isinstance(c, int) and not isinstance(c, bool)), None
        )
        error_type = None if code is None else str(code)
    error_message = _first_str(body, *_MESSAGE_KEYS)
    for key in _NESTED_KEYS:
        nested = body.get(key)
        if isinstance(nested, dict) and (error_message is None or error_type is None):
            # {"error": {"message": ..., "code": ...}} as many APIs send it.
            nested_type, nested_message, _ = _error_fields(nested)
            error_type = error_type or nested_type
            error_message = error_message or nested_message
    return error_type, error_message, _first_str(body, *_SOURCE_KEYS)


def _parse_body(response: httpx.Response) -> object:
    if not response.content:
        return None
    try:
        return response.json()
    except (ValueError, RecursionError):
        # Not JSON (an HTML error page), or nested too deep to parse.
        return response.text


def make_status_error(response: httpx.Response) -> APIStatusError:
    """The exception for an error response; the body must already be read."""
    status = response.status_code
    if status in _ERROR_BY_STATUS:
        error_class = _ERROR_BY_STATUS[status]
    elif status >= 500:
        error_class = InternalServerError
    elif status >= 400:
        error_class = ClientError
    else:
        error_class = APIStatusError
    body = _parse_body(response)
    error_type, error_message, _ = _error_fields(body)
    message = f"{status} {response.reason_phrase}".rstrip()
    details = ": ".join(part for part in (error_type, error_message) if part)
    if len(details) > 500:
        # A text body may be a whole HTML error page: keep the message readable.
        details = details[:500] + "..."
    if details:
        message = f"{message} - {details}"
    return error_class(message, response=response, body=body)


def describe_exception(exc: BaseException) -> str:
    """The messages along an exception's cause chain (exception groups included), masked."""
    parts: list[str] = []
    pending: list[BaseException] = [exc]
    seen: set[int] = set()
    while pending and len(seen) < 12:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        nested = getattr(current, "exceptions", None)
        if isinstance(nested, tuple):
            pending.extend(e for e in nested if isinstance(e, BaseException))
        else:
            text = str(current).strip()
            if text and not any(text in part for part in parts):
                parts.append(text)
        cause = current.__cause__ or current.__context__
        if cause is not None:
            pending.append(cause)
    return redact_text("; ".join(parts)) if parts else type(exc).__name__


def connection_error(exc: httpx.HTTPError, request: httpx.Request) -> SdkError:
    """The package's exception for an httpx failure, naming its cause and the (masked) URL."""
    where = f"{request.method} {redact_url(request.url)}"
    detail = describe_exception(exc)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            f"Request timed out ({type(exc).__name__}: {detail}) - {where}",
            request=request,
        )
    return APIConnectionError(
        f"Connection error ({type(exc).__name__}: {detail}) - {where}",
        request=request,
    )
