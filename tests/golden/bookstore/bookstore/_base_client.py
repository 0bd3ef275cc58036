"""HTTP machinery behind every generated method: URLs, headers, bodies, retries, errors, parsing.

Generated resources call ``self._client.request(...)``; everything cross-cutting lives here once.
"""

from __future__ import annotations

import email.utils
import functools
import logging
import random
import re
import time
from collections.abc import Collection, Mapping
from datetime import date, datetime, timezone
from enum import Enum
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, overload
from urllib.parse import quote

import httpx

from ._errors import APIConnectionError, APITimeoutError, make_status_error
from ._response import APIResponse, parse_response
from ._types import NOT_GIVEN, NotGiven, RequestOptions

if TYPE_CHECKING:
    from httpx._client import UseClientDefault
    from typing_extensions import TypeForm

__all__ = [
    "AsyncAPIClient",
    "AsyncAPIResource",
    "SyncAPIClient",
    "SyncAPIResource",
]

PACKAGE_NAME = "bookstore"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
"""Seconds; the backoff ceiling doubles per retry (0.5, 1, 2, ...) up to MAX_RETRY_DELAY."""
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""A server's Retry-After is honoured up to this many seconds."""
RETRY_STATUSES = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})

log = logging.getLogger(PACKAGE_NAME)

_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
# Characters left readable in query strings, so that URLs look like the documentation
# ("?$select=name,category"); "&", "=", "+", "#" and "%" are always escaped.
_QUERY_SAFE = "$,:@!'()*/?"

_T = TypeVar("_T")
_ClientT = TypeVar("_ClientT", bound="SyncAPIClient")
_AsyncClientT = TypeVar("_AsyncClientT", bound="AsyncAPIClient")


@functools.lru_cache(maxsize=None)
def package_version() -> str:
    """The package's ``__version__`` (importlib.metadata would scan sys.path: tens of ms)."""
    import sys

    package = sys.modules.get(__name__.rpartition(".")[0])
    version = getattr(package, "__version__", None)
    return version if isinstance(version, str) else "unknown"


def _format_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return _format_scalar(value.value)
    return str(value)


def _format_query_value(value: object) -> str | None:
    """Wire text of a query value; None when the parameter is to be left out."""
    if value is None or isinstance(value, NotGiven):
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_format_scalar(item) for item in value if item is not None]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return ",".join(items) if items else None
    return _format_scalar(value)


def _encode_query(params: Mapping[str, object], explode: Collection[str] = ()) -> str:
    """``name=value`` pairs; lists are comma-joined unless ``name`` is in ``explode``.

    ``explode`` names the parameters documented as ``style: form, explode: true`` (the
    OpenAPI default), whose lists are sent as repeated pairs: ``id=1&id=2``.
    """
    parts = []
    for key, value in params.items():
        name = quote(str(key), safe=_QUERY_SAFE)
        if key in explode and isinstance(value, (list, tuple, set, frozenset)):
            texts = [_format_query_value(item) for item in value]
            if isinstance(value, (set, frozenset)):
                texts.sort(key=str)
        else:
            texts = [_format_query_value(value)]
        for text in texts:
            if text is not None:
                parts.append(f"{name}={quote(text, safe=_QUERY_SAFE)}")
    return "&".join(parts)


def _format_header_value(value: object) -> str:
    if isinstance(value, datetime):
        # If-Modified-Since and friends take an HTTP date, not ISO 8601.
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return email.utils.format_datetime(
            value.replace(tzinfo=timezone.utc), usegmt=True
        )
    return _format_scalar(value)


def _expand_path(path: str, path_params: Mapping[str, object] | None) -> str:
    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if path_params is None or name not in path_params:
            raise ValueError(f"Missing path parameter {name!r} for {path}")
        value = path_params[name]
        if value is None or isinstance(value, NotGiven) or value == "":
            raise ValueError(
                f"Path parameter {name!r} must not be empty, got {value!r}"
            )
        return quote(_format_scalar(value), safe="")

    return _PLACEHOLDER.sub(substitute, path)


def _to_jsonable(value: object) -> object:
    """Request body data as plain JSON types: models by alias, NOT_GIVEN entries dropped."""
    model_dump = getattr(value, "model_dump", None)
    if model_dump is not None and not isinstance(value, type) and callable(model_dump):
        return model_dump(by_alias=True, mode="json", exclude_unset=True)
    if isinstance(value, Mapping):
        return {
            str(key): _to_jsonable(item)
            for key, item in value.items()
            if not isinstance(item, NotGiven)
        }
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(item) for item in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return _to_jsonable(value.value)
    return value


def _parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or HTTP-date)."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        return None
    return max(seconds, 0.0)


def _normalise_base_url(base_url: str, strip_base_suffix: str | None) -> str:
    url = base_url.strip().rstrip("/")
    if "://" not in url:
        raise ValueError(f"base_url must be an absolute http(s) URL, got {base_url!r}")
    if strip_base_suffix:
        suffix = "/" + strip_base_suffix.strip("/")
        if url.lower().endswith(suffix.lower()):
            url = url[: -len(suffix)]
    return url


class _BaseClient:
    """What the sync and async clients share: configuration and request building."""

    base_url: str
    timeout: float | httpx.Timeout | None
    max_retries: int
    retry_non_idempotent: bool

    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        retry_non_idempotent: bool,
        strict_response_validation: bool,
        default_headers: Mapping[str, str] | None,
        strip_base_suffix: str | None,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {max_retries}")
        self.base_url = _normalise_base_url(base_url, strip_base_suffix)
        self.timeout = timeout
        self.max_retries = max_retries
        self.retry_non_idempotent = retry_non_idempotent
        self.strict_response_validation = strict_response_validation
        self._auth = auth
        self._custom_headers = dict(default_headers or {})

    @property
    def auth(self) -> httpx.Auth | None:
        return self._auth

    @property
    def default_headers(self) -> dict[str, str]:
        """Headers sent with every request (before per-call headers and extra_headers)."""
        return {
            "Accept": "application/json",
            "User-Agent": f"{PACKAGE_NAME}/{package_version()}",
            **self._custom_headers,
        }

    def _build_request(
        self,
        http_client: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None,
        query: Mapping[str, object] | None,
        explode: Collection[str],
        headers: Mapping[str, object] | None,
        json: object,
        content: bytes | None,
        options: RequestOptions,
    ) -> httpx.Request:
        path = _expand_path(path, path_params)
        if path.startswith(("http://", "https://")):
            url = path  # e.g. a link taken from a response
        else:
            url = self.base_url + (path if path.startswith("/") else "/" + path)

        query_string = _encode_query(
            {**(query or {}), **options.get("extra_query", {})}, explode
        )
        if query_string:
            url += ("&" if "?" in url else "?") + query_string

        merged = httpx.Headers(self.default_headers)
        for name, value in (headers or {}).items():
            if value is not None and not isinstance(value, NotGiven):
                merged[name] = _format_header_value(value)
        merged.update(options.get("extra_headers", {}))

        if json is not NOT_GIVEN and content is not None:
            raise TypeError("Pass either json= or content=, not both")
        timeout = options["timeout"] if "timeout" in options else self.timeout
        return http_client.build_request(
            method,
            url,
            headers=merged,
            json=None if json is NOT_GIVEN else _to_jsonable(json),
            content=content,
            timeout=timeout,
        )

    def _send_auth(self) -> httpx.Auth | UseClientDefault:
        # Without our own auth, a user-supplied http_client keeps its configured auth.
        return httpx.USE_CLIENT_DEFAULT if self._auth is None else self._auth

    def _may_retry(self, method: str, options: RequestOptions) -> bool:
        if method in IDEMPOTENT_METHODS:
            return True
        return options.get("retry_non_idempotent", self.retry_non_idempotent)

    def _retry_delay(
        self, retries_taken: int, response: httpx.Response | None
    ) -> float:
        """Retry-After when the server sent one (capped), else exponential backoff, full jitter."""
        if response is not None:
            retry_after = _parse_retry_after(response.headers.get("Retry-After"))
            if retry_after is not None:
                return min(retry_after, MAX_RETRY_AFTER)
        ceiling = min(INITIAL_RETRY_DELAY * 2**retries_taken, MAX_RETRY_DELAY)
        return random.uniform(0.0, ceiling)

    def _process_response(
        self,
        response: httpx.Response,
        cast_to: object,
        options: RequestOptions,
        retries_taken: int,
    ) -> Any:
        log.debug(
            "%s %s -> %s (retries: %d)",
            response.request.method,
            response.request.url,
            response.status_code,
            retries_taken,
        )
        if response.status_code >= 400:
            raise make_status_error(response)
        if options.get("raw_response"):
            return APIResponse[Any](
                raw=response,
                cast_to=cast_to,
                retries_taken=retries_taken,
                strict=self.strict_response_validation,
            )
        return parse_response(response, cast_to, strict=self.strict_response_validation)


def _connection_error(
    exc: httpx.TransportError, request: httpx.Request
) -> APIConnectionError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request=request)
    return APIConnectionError(str(exc) or "Connection error.", request=request)


class SyncAPIClient(_BaseClient):
    """Synchronous client on ``httpx.Client``; the generated client class derives from it."""

    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None = None,
        http_client: httpx.Client | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        strip_base_suffix: str | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            strict_response_validation=strict_response_validation,
            default_headers=default_headers,
            strip_base_suffix=strip_base_suffix,
        )
        # Close only what we opened: a caller's http_client stays theirs to close.
        self._owns_http_client = http_client is None
        # Created on first use: an httpx.Client loads the TLS trust store (tens of ms).
        self._http: httpx.Client | None = http_client
        self._closed = False

    @property
    def http_client(self) -> httpx.Client:
        client = self._http
        if client is None:
            if self._closed:
                raise RuntimeError("The client has been closed.")
            client = self._http = httpx.Client(
                timeout=self.timeout, follow_redirects=True
            )
        return client

    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        json: object = NOT_GIVEN,
        content: bytes | None = None,
        cast_to: type[_T],
        options: RequestOptions | None = None,
    ) -> _T: ...

    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        json: object = NOT_GIVEN,
        content: bytes | None = None,
        cast_to: None = None,
        options: RequestOptions | None = None,
    ) -> None: ...

    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        json: object = NOT_GIVEN,
        content: bytes | None = None,
        cast_to: TypeForm[_T],
        options: RequestOptions | None = None,
    ) -> _T: ...

    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        json: object = NOT_GIVEN,
        content: bytes | None = None,
        cast_to: object,
        options: RequestOptions | None = None,
    ) -> Any: ...

    def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        json: object = NOT_GIVEN,
        content: bytes | None = None,
        cast_to: object = None,
        options: RequestOptions | None = None,
    ) -> Any:
        """Send a request (retrying per options) and return the body parsed as ``cast_to``.

        ``cast_to`` None -> None; bytes -> the raw body; a model class or any annotation
        (``list[Model]``, ``dict[str, int]``, ``int``) -> the validated JSON body. 204 or an
        empty body -> None, 304 -> NOT_MODIFIED, >= 400 -> an APIStatusError subclass.
        With ``options={"raw_response": True}`` the APIResponse is returned instead.
        ``explode`` names query parameters whose lists go out as repeated ``name=value``
        pairs; other lists are comma-joined.
        """
        opts: RequestOptions = options or {}
        method = method.upper()
        max_retries = opts.get("max_retries", self.max_retries)
        may_retry = self._may_retry(method, opts)
        http_client = self.http_client
        retries_taken = 0
        while True:
            request = self._build_request(
                http_client,
                method,
                path,
                path_params=path_params,
                query=query,
                explode=explode,
                headers=headers,
                json=json,
                content=content,
                options=opts,
            )
            can_retry = may_retry and retries_taken < max_retries
            try:
                response = http_client.send(request, auth=self._send_auth())
            except httpx.UnsupportedProtocol as exc:
                raise _connection_error(exc, request) from exc
            except httpx.TransportError as exc:
                if not can_retry:
                    raise _connection_error(exc, request) from exc
                delay = self._retry_delay(retries_taken, None)
                log.info(
                    "%s %s failed (%r); retrying in %.2fs",
                    method,
                    request.url,
                    exc,
                    delay,
                )
            else:
                if not (can_retry and response.status_code in RETRY_STATUSES):
                    return self._process_response(
                        response, cast_to, opts, retries_taken
                    )
                delay = self._retry_delay(retries_taken, response)
                log.info(
                    "%s %s -> %s; retrying in %.2fs",
                    method,
                    request.url,
                    response.status_code,
                    delay,
                )
                response.close()
            self._sleep(delay)
            retries_taken += 1

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    @property
    def is_closed(self) -> bool:
        return self._closed or (self._http is not None and self._http.is_closed)

    def close(self) -> None:
        """Close the HTTP connection pool if this client created it."""
        if self._owns_http_client:
            self._closed = True
            if self._http is not None:
                self._http.close()

    def __enter__(self: _ClientT) -> _ClientT:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(_BaseClient):
    """Asynchronous client on ``httpx.AsyncClient``; the generated async client derives from it."""

    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None = None,
        http_client: httpx.AsyncClient | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        strip_base_suffix: str | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            strict_response_validation=strict_response_validation,
            default_headers=default_headers,
            strip_base_suffix=strip_base_suffix,
        )
        self._owns_http_client = http_client is None
        self._http: httpx.AsyncClient | None = http_client
        self._closed = False

    @property
    def http_client(self) -> httpx.AsyncClient:
        client = self._http
        if client is None:
            if self._closed:
                raise RuntimeError("The client has been closed.")
            client = self._http = httpx.AsyncClient(
                timeout=self.timeout, follow_redirects=True
            )
        return client

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        json: object = NOT_GIVEN,
        content: bytes | None = None,
        cast_to: type[_T],
        options: RequestOptions | None = None,
    ) -> _T: ...

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        json: object = NOT_GIVEN,
        content: bytes | None = None,
        cast_to: None = None,
        options: RequestOptions | None = None,
    ) -> None: ...

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        json: object = NOT_GIVEN,
        content: bytes | None = None,
        cast_to: TypeForm[_T],
        options: RequestOptions | None = None,
    ) -> _T: ...

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        json: object = NOT_GIVEN,
        content: bytes | None = None,
        cast_to: object,
        options: RequestOptions | None = None,
    ) -> Any: ...

    async def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        explode: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        json: object = NOT_GIVEN,
        content: bytes | None = None,
        cast_to: object = None,
        options: RequestOptions | None = None,
    ) -> Any:
        """Send a request (retrying per options) and return the body parsed as ``cast_to``.

        ``cast_to`` None -> None; bytes -> the raw body; a model class or any annotation
        (``list[Model]``, ``dict[str, int]``, ``int``) -> the validated JSON body. 204 or an
        empty body -> None, 304 -> NOT_MODIFIED, >= 400 -> an APIStatusError subclass.
        With ``options={"raw_response": True}`` the APIResponse is returned instead.
        ``explode`` names query parameters whose lists go out as repeated ``name=value``
        pairs; other lists are comma-joined.
        """
        opts: RequestOptions = options or {}
        method = method.upper()
        max_retries = opts.get("max_retries", self.max_retries)
        may_retry = self._may_retry(method, opts)
        http_client = self.http_client
        retries_taken = 0
        while True:
            request = self._build_request(
                http_client,
                method,
                path,
                path_params=path_params,
                query=query,
                explode=explode,
                headers=headers,
                json=json,
                content=content,
                options=opts,
            )
            can_retry = may_retry and retries_taken < max_retries
            try:
                response = await http_client.send(request, auth=self._send_auth())
            except httpx.UnsupportedProtocol as exc:
                raise _connection_error(exc, request) from exc
            except httpx.TransportError as exc:
                if not can_retry:
                    raise _connection_error(exc, request) from exc
                delay = self._retry_delay(retries_taken, None)
                log.info(
                    "%s %s failed (%r); retrying in %.2fs",
                    method,
                    request.url,
                    exc,
                    delay,
                )
            else:
                if not (can_retry and response.status_code in RETRY_STATUSES):
                    return self._process_response(
                        response, cast_to, opts, retries_taken
                    )
                delay = self._retry_delay(retries_taken, response)
                log.info(
                    "%s %s -> %s; retrying in %.2fs",
                    method,
                    request.url,
                    response.status_code,
                    delay,
                )
                await response.aclose()
            await self._sleep(delay)
            retries_taken += 1

    async def _sleep(self, seconds: float) -> None:
        # Imported here: the sync-only user never pays for asyncio.
        import asyncio

        await asyncio.sleep(seconds)

    @property
    def is_closed(self) -> bool:
        return self._closed or (self._http is not None and self._http.is_closed)

    async def close(self) -> None:
        """Close the HTTP connection pool if this client created it."""
        if self._owns_http_client:
            self._closed = True
            if self._http is not None:
                await self._http.aclose()

    async def __aenter__(self: _AsyncClientT) -> _AsyncClientT:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        await self.close()


class SyncAPIResource:
    """Base of generated sync resource classes: holds the client they send requests through."""

    _client: SyncAPIClient

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    """Base of generated async resource classes."""

    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
