"""What the sync and async clients share: configuration, request building, response handling.

The request loops themselves (retries, redirects, deadlines) are in _base_client.py, whose
docstring lists the behaviour a caller can rely on.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import httpx

from ._errors import (
    ClientClosedError,
    InvalidRequestError,
    make_status_error,
)
from ._hooks import Hooks
from ._redact import install_log_filter, redact_url, safe_request
from ._request_parts import (
    encode_query,
    expand_path,
    format_cookies,
    format_header_value,
    normalise_base_url,
    package_version,
    parse_retry_after,
    to_jsonable,
)
from ._response import APIResponse, parse_response
from ._types import NOT_GIVEN, NotGiven, RequestOptions

if TYPE_CHECKING:
    from httpx._client import UseClientDefault

    from ._bodies import FormBody, MultipartBody

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "MAX_RETRY_AFTER",
    "PACKAGE_NAME",
    "RETRY_STATUSES",
    "BaseClient",
    "Pacer",
    "RecoveryHook",
    "adrain",
    "closed_error",
    "drain",
    "log",
    "origin_parts",
]

PACKAGE_NAME = "bookstore"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
"""Seconds; the backoff ceiling doubles per retry (0.5, 1, 2, ...) up to MAX_RETRY_DELAY."""
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""A server's Retry-After is honoured up to this many seconds (longer waits are cut to it)."""
_DRAIN_LIMIT = 64 * 1024
"""Bytes of a redirect's body read (so that the connection can be reused) before closing."""
RETRY_STATUSES = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})

log = logging.getLogger(PACKAGE_NAME)
install_log_filter(PACKAGE_NAME)

RecoveryHook = Callable[[httpx.Response], "Callable[[], object] | None"]
"""Looks at an error response and returns a one-time repair (or None): after the repair
(which may be async, and returns False to give up) the request is built and sent again."""


class Pacer(Protocol):
    """What ``client.rate_limiter`` needs: wait until a request may go out."""

    def acquire(self) -> None: ...

    async def aacquire(self) -> None: ...


class BaseClient:
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
        max_response_size: int | None,
        hooks: Hooks | None = None,
    ) -> None:
        if max_retries < 0:
            raise InvalidRequestError(f"max_retries must be >= 0, got {max_retries}")
        self.base_url = normalise_base_url(base_url, strip_base_suffix)
        self.timeout = timeout
        self.max_retries = max_retries
        self.retry_non_idempotent = retry_non_idempotent
        self.strict_response_validation = strict_response_validation
        self._auth = auth
        self._custom_headers = dict(default_headers or {})
        self.max_response_size = max_response_size
        """Decompressed bytes a buffered body may have (None: no limit); see _streams.py."""
        # Guards the lazy creation of the connection pool and close().
        self._lock = threading.Lock()
        self._closed = False
        self.rate_limiter: Pacer | None = None
        """Paces every attempt when set (off by default); may be shared by several clients."""
        self._recovery_hooks: list[RecoveryHook] = []
        self.hooks: Hooks = Hooks() if hooks is None else hooks
        """Your callables run before each request, after each response and on errors (_hooks.py)."""

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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
    ) -> httpx.Request:
        path = expand_path(path, path_params)
        if path.startswith(("http://", "https://")):
            url = path  # e.g. a link taken from a response
        else:
            url = self.base_url + (path if path.startswith("/") else "/" + path)

        query_string = encode_query(
            {**(query or {}), **options.get("extra_query", {})}, explode
        )
        if query_string:
            url += ("&" if "?" in url else "?") + query_string

        merged = httpx.Headers(self.default_headers)
        for name, value in (headers or {}).items():
            if isinstance(value, Mapping) and name.lower() == "cookie":
                value = format_cookies(value)  # the call's cookie parameters
            if value is not None and not isinstance(value, NotGiven):
                merged[name] = format_header_value(value)
        bodies = (json is not NOT_GIVEN, content is not None, form, multipart)
        if sum(1 for given in bodies if given not in (None, False)) > 1:
            raise InvalidRequestError("Pass one of json=, content=, form=, multipart=")
        extra_body = options.get("extra_body")
        files = None
        if form is not None:
            content = form.encode(method, extra_body)
            extra_body = None
            if content is not None:
                merged["Content-Type"] = "application/x-www-form-urlencoded"
        elif multipart is not None:
            files = multipart.parts(extra_body) or None
            extra_body = None
            # httpx writes the Content-Type with the boundary it picks
            merged.pop("Content-Type", None)
            if files is None:  # not one part: still a multipart body, with a boundary
                content = b"--sdkgen-empty--\r\n"
                merged["Content-Type"] = "multipart/form-data; boundary=sdkgen-empty"
        if content is None and json is NOT_GIVEN and files is None:
            # no body (a GET, an optional body left out): no body Content-Type either
            merged.pop("Content-Type", None)
        merged.update(options.get("extra_headers", {}))
        if files is not None and "boundary=" not in merged.get("Content-Type", "="):
            # a multipart type without its boundary (from extra_headers) is unreadable
            merged.pop("Content-Type", None)

        body = None if json is NOT_GIVEN else to_jsonable(json)
        if extra_body:
            if content is not None or not (body is None or isinstance(body, dict)):
                raise InvalidRequestError(
                    "extra_body needs a request whose body is a JSON object (or empty)"
                )
            merged_body: dict[str, object] = dict(body or {})
            merged_body.update((k, to_jsonable(v)) for k, v in extra_body.items())
            body = merged_body
        try:
            request = http_client.build_request(
                method,
                url,
                headers=merged,
                json=body,
                content=content,
                files=files,
                timeout=self._timeout(options),
            )
        except httpx.InvalidURL as exc:
            raise InvalidRequestError(
                f"Invalid request URL {redact_url(url)}: {exc}"
            ) from exc
        if files is not None:
            # Read the parts (files of unknown size too): a redirect resends these bytes.
            request.read()
            if request.headers.pop("Transfer-Encoding", None) is not None:
                request.headers["Content-Length"] = str(len(request.content))
        return safe_request(request)

    def _timeout(self, options: RequestOptions) -> float | httpx.Timeout | None:
        return options["timeout"] if "timeout" in options else self.timeout

    def _limit(self, options: RequestOptions) -> int | None:
        if "max_response_size" in options:
            return options["max_response_size"]
        return self.max_response_size

    def _send_auth(self) -> httpx.Auth | UseClientDefault:
        # Without our own auth, a user-supplied http_client keeps its configured auth.
        return httpx.USE_CLIENT_DEFAULT if self._auth is None else self._auth

    def _recovery(
        self, response: httpx.Response, done: set[object]
    ) -> Callable[[], object] | None:
        """A repair for this error response not yet tried in this call, or None.

        Extension point: a 401 asks an auth with ``refresh_credentials(request)`` for fresh
        credentials; hooks in ``_recovery_hooks`` handle other statuses (a 421 re-resolving a
        tenant's endpoint, say). Each repair runs at most once per call.
        """
        if response.status_code == 401 and "auth" not in done:
            refresh = getattr(self._auth, "refresh_credentials", None)
            if callable(refresh):
                done.add("auth")
                request = response.request
                return lambda: refresh(request)
        for hook in self._recovery_hooks:
            if hook not in done:
                repair = hook(response)
                if repair is not None:
                    done.add(hook)
                    return repair
        return None

    def _may_retry(self, method: str, options: RequestOptions) -> bool:
        if method in IDEMPOTENT_METHODS:
            return True
        return options.get("retry_non_idempotent", self.retry_non_idempotent)

    def _check_options(self, options: RequestOptions) -> None:
        if options.get("stream") and not options.get("raw_response"):
            raise InvalidRequestError(
                "request_options={'stream': True} needs with_raw_response: the body stays unread "
                "in the APIResponse (write_to_file(), iter_bytes())"
            )

    def _retry_delay(
        self, retries_taken: int, response: httpx.Response | None
    ) -> float:
        """Retry-After when the server sent a usable one (capped), else backoff, full jitter."""
        if response is not None:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if retry_after is not None:
                return min(retry_after, MAX_RETRY_AFTER)
        ceiling = min(INITIAL_RETRY_DELAY * 2**retries_taken, MAX_RETRY_DELAY)
        return random.uniform(0.0, ceiling)

    def _log_retry(
        self,
        request: httpx.Request,
        outcome: object,
        delay: float,
    ) -> None:
        log.info(
            "%s %s -> %s; retrying in %.2fs",
            request.method,
            redact_url(request.url),
            outcome,
            delay,
        )

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
            redact_url(response.request.url),
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
                max_response_size=self._limit(options),
            )
        return parse_response(response, cast_to, strict=self.strict_response_validation)


def origin_parts(request: httpx.Request) -> tuple[httpx.URL, httpx.Headers, bytes]:
    """The call's URL and headers before auth changes them, and its body: what redirects use."""
    return request.url, request.headers.copy(), request.content


def drain(response: httpx.Response) -> None:
    """Read a little of a redirect's body (to keep the connection) and close it."""
    try:
        size = 0
        for chunk in response.iter_raw():
            size += len(chunk)
            if size > _DRAIN_LIMIT:
                break
    except httpx.HTTPError:
        pass  # the redirect's body is of no interest
    finally:
        response.close()


async def adrain(response: httpx.Response) -> None:
    try:
        size = 0
        async for chunk in response.aiter_raw():
            size += len(chunk)
            if size > _DRAIN_LIMIT:
                break
    except httpx.HTTPError:
        pass
    finally:
        await response.aclose()


def closed_error() -> ClientClosedError:
    return ClientClosedError("The client has been closed.")
