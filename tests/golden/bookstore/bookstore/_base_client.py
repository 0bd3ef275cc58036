"""HTTP machinery behind every generated method: URLs, headers, bodies, retries, errors, parsing.

Generated resources call ``self._client.request(...)``; everything cross-cutting lives here once.

Decisions a caller can rely on (each documented where it is implemented):

- Redirects are followed by the client, not httpx (``_redirects.py``): same-origin ones with
  the credentials applied again, cross-origin ones only for GET/HEAD and with no credential or
  custom header; a body never goes to another origin (``CrossOriginRedirectError``).
- Timeouts: ``timeout=T`` (seconds) is both httpx's connect/read/write/pool timeout and a
  deadline for the whole attempt (connect, send, redirects, reading the body): an attempt ends
  within T even when the server trickles bytes. Pass an ``httpx.Timeout`` for finer control,
  e.g. ``httpx.Timeout(30.0, connect=5.0)``; its deadline is the largest of its four values,
  and there is none if any of them is None. Retries and their waits are not part of an
  attempt: a call takes at most (max_retries + 1) * T plus the waits.
- Bodies: buffered responses are limited to ``max_response_size`` decompressed bytes
  (64 MiB by default; per call ``request_options={"max_response_size": n}``, None for no limit).
  ``request_options={"stream": True}`` with ``with_raw_response`` leaves the body unread for
  ``write_to_file()`` / ``iter_bytes()`` (see _streams.py).
- Retries: 429/502/503/504 and connection errors, for idempotent methods (POST/PATCH only
  when allowed). A server's Retry-After (seconds or HTTP date) is honoured up to
  MAX_RETRY_AFTER (60 s); a value that is zero, negative, in the past or unparsable falls back
  to the exponential backoff (full jitter, 0.5 s doubling up to 8 s).
- Recovery: a 401 when the auth has ``refresh_credentials`` (a token auth with
  ``refresh=``) refreshes it once and sends the request again; a second 401 raises.
  ``_recovery_hooks`` repair other answers the same way (once per call each). Neither counts
  as a retry. ``client.rate_limiter`` (None by default) paces every attempt.
- Hooks (``client.hooks``, _hooks.py): your callables run before each attempt, after each
  attempt's response and before the call raises an ``SdkError``, in registration order.
- One connection pool per client, created on first use under a lock, so threads (sync) and
  tasks (async) sharing a client share it; ``close()`` closes it, and a closed client raises
  ``ClientClosedError``.
- Logs and reprs mask credentials (_redact.py); the package logs each response at DEBUG and
  each retry at INFO.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Collection, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, overload

import httpx

from ._client_core import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    MAX_RETRY_AFTER,
    PACKAGE_NAME,
    RETRY_STATUSES,
    BaseClient,
    adrain,
    closed_error,
    drain,
    log,
    origin_parts,
)
from ._errors import (
    InvalidRequestError,
    SdkError,
    connection_error,
    describe_exception,
)
from ._hooks import Hooks
from ._redact import SafeHeaders, redact_url
from ._redirects import (
    MAX_REDIRECTS,
    NO_AUTH,
    next_request,
    redirect_location,
    rejected_location,
    too_many_redirects,
)
from ._request_parts import (
    DEADLINE,
    attempt_budget,
)
from ._streams import DEFAULT_MAX_RESPONSE_SIZE, aread_body, read_body
from ._types import NOT_GIVEN, RequestOptions

if TYPE_CHECKING:
    from typing_extensions import TypeForm

    from ._bodies import FormBody, MultipartBody

__all__ = [
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "MAX_REDIRECTS",
    "MAX_RETRY_AFTER",
    "PACKAGE_NAME",
    "AsyncAPIClient",
    "AsyncAPIResource",
    "SyncAPIClient",
    "SyncAPIResource",
]


_T = TypeVar("_T")
_ClientT = TypeVar("_ClientT", bound="SyncAPIClient")
_AsyncClientT = TypeVar("_AsyncClientT", bound="AsyncAPIClient")


class SyncAPIClient(BaseClient):
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
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        hooks: Hooks | None = None,
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
            max_response_size=max_response_size,
            hooks=hooks,
        )
        # Close only what we opened: a caller's http_client stays theirs to close.
        self._owns_http_client = http_client is None
        # Created on first use (its TLS trust store is loaded at the first TLS handshake: _tls.py).
        self._http: httpx.Client | None = http_client

    @property
    def http_client(self) -> httpx.Client:
        """The connection pool: one per client, however many threads make the first call."""
        client = self._http
        if client is None or self._closed:
            with self._lock:
                if self._closed:
                    raise closed_error()
                if self._http is None:
                    from ._deadline import install_deadline
                    from ._tls import default_tls_context

                    created = httpx.Client(
                        timeout=self.timeout,
                        follow_redirects=False,
                        verify=default_tls_context(),
                    )
                    install_deadline(created)
                    self._http = created
                client = self._http
        if client.is_closed:
            raise closed_error()
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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
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
        self._check_options(opts)
        max_retries = opts.get("max_retries", self.max_retries)
        may_retry = self._may_retry(method, opts)
        http_client = self.http_client
        retries_taken = 0
        repaired: set[object] = set()
        hooks = self.hooks
        try:
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
                    form=form,
                    multipart=multipart,
                )
                can_retry = may_retry and retries_taken < max_retries
                if self.rate_limiter is not None:
                    self.rate_limiter.acquire()
                if hooks:
                    hooks.run_before(request)
                try:
                    response = self._attempt(http_client, request, opts)
                except httpx.TransportError as exc:
                    if not can_retry or isinstance(exc, httpx.UnsupportedProtocol):
                        raise connection_error(exc, request) from exc
                    delay = self._retry_delay(retries_taken, None)
                    self._log_retry(request, repr(describe_exception(exc)), delay)
                except httpx.HTTPError as exc:
                    raise connection_error(exc, request) from exc
                else:
                    if hooks:
                        hooks.run_after(response)
                    repair = self._recovery(response, repaired)
                    if repair is not None and self._repair(repair):
                        response.close()
                        continue
                    if not (can_retry and response.status_code in RETRY_STATUSES):
                        return self._process_response(
                            response, cast_to, opts, retries_taken
                        )
                    delay = self._retry_delay(retries_taken, response)
                    self._log_retry(request, response.status_code, delay)
                    response.close()
                self._sleep(delay)
                retries_taken += 1
        except SdkError as exc:
            if hooks:
                hooks.run_error(exc)
            raise

    def _repair(self, repair: Callable[[], object]) -> bool:
        """Run a recovery (see BaseClient._recovery); True: send the request again."""
        outcome = repair()
        if inspect.isawaitable(outcome):
            close = getattr(outcome, "close", None)
            if callable(close):
                close()
            raise InvalidRequestError(
                "An async refresh or recovery hook needs the async client"
            )
        return outcome is not False

    def _attempt(
        self, http_client: httpx.Client, request: httpx.Request, opts: RequestOptions
    ) -> httpx.Response:
        """One attempt within its deadline: send, follow redirects, read the body."""
        budget = attempt_budget(self._timeout(opts))
        deadline = None if budget is None else time.monotonic() + budget
        token = DEADLINE.set(deadline)
        try:
            response = self._send(http_client, request)
            if not (opts.get("stream") and response.status_code < 400):
                read_body(response, self._limit(opts), deadline=deadline)
            return response
        finally:
            DEADLINE.reset(token)

    def _send(
        self, http_client: httpx.Client, request: httpx.Request
    ) -> httpx.Response:
        """Send, following redirects as _redirects.py describes; the body is left unread."""
        if http_client.is_closed:
            raise closed_error()
        planned_url, headers, body = origin_parts(request)
        hop, left_origin = request, False
        for hops in range(MAX_REDIRECTS + 1):
            try:
                response = http_client.send(
                    hop,
                    auth=NO_AUTH if left_origin else self._send_auth(),
                    stream=True,
                    follow_redirects=False,
                )
            except (httpx.InvalidURL, httpx.RemoteProtocolError) as exc:
                rejected = rejected_location(exc, hop)
                if rejected is None:
                    raise
                raise rejected from exc
            # Set-Cookie and friends are masked in reprs too (values unchanged).
            response.headers = SafeHeaders(response.headers)
            location = redirect_location(response)
            if location is None:
                return response
            drain(response)
            if hops == MAX_REDIRECTS:
                raise too_many_redirects(response, location)
            hop, same = next_request(
                http_client,
                response,
                location,
                first=request,
                planned_url=planned_url,
                headers=headers,
                body=body,
                left_origin=left_origin,
            )
            left_origin = not same
            log.debug(
                "Redirected (%s) to %s", response.status_code, redact_url(hop.url)
            )
        raise AssertionError("unreachable")  # pragma: no cover

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    @property
    def is_closed(self) -> bool:
        return self._closed or (self._http is not None and self._http.is_closed)

    def close(self) -> None:
        """Close the HTTP connection pool if this client created it; later calls raise."""
        if not self._owns_http_client:
            return
        with self._lock:
            self._closed = True
            client = self._http
        if client is not None:
            client.close()

    def __enter__(self: _ClientT) -> _ClientT:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(BaseClient):
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
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        hooks: Hooks | None = None,
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
            max_response_size=max_response_size,
            hooks=hooks,
        )
        self._owns_http_client = http_client is None
        self._http: httpx.AsyncClient | None = http_client

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The connection pool: one per client, shared by all tasks (and threads) using it."""
        client = self._http
        if client is None or self._closed:
            # No await happens in here, so tasks cannot interleave; the lock covers threads.
            with self._lock:
                if self._closed:
                    raise closed_error()
                if self._http is None:
                    from ._tls import default_tls_context

                    self._http = httpx.AsyncClient(
                        timeout=self.timeout,
                        follow_redirects=False,
                        verify=default_tls_context(),
                    )
                client = self._http
        if client.is_closed:
            raise closed_error()
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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
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
        form: FormBody | None = None,
        multipart: MultipartBody | None = None,
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
        self._check_options(opts)
        max_retries = opts.get("max_retries", self.max_retries)
        may_retry = self._may_retry(method, opts)
        http_client = self.http_client
        retries_taken = 0
        repaired: set[object] = set()
        hooks = self.hooks
        try:
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
                    form=form,
                    multipart=multipart,
                )
                can_retry = may_retry and retries_taken < max_retries
                if self.rate_limiter is not None:
                    await self.rate_limiter.aacquire()
                if hooks:
                    await hooks.arun_before(request)
                try:
                    response = await self._attempt(http_client, request, opts)
                except httpx.TransportError as exc:
                    if not can_retry or isinstance(exc, httpx.UnsupportedProtocol):
                        raise connection_error(exc, request) from exc
                    delay = self._retry_delay(retries_taken, None)
                    self._log_retry(request, repr(describe_exception(exc)), delay)
                except httpx.HTTPError as exc:
                    raise connection_error(exc, request) from exc
                else:
                    if hooks:
                        await hooks.arun_after(response)
                    repair = self._recovery(response, repaired)
                    if repair is not None and await self._repair(repair):
                        await response.aclose()
                        continue
                    if not (can_retry and response.status_code in RETRY_STATUSES):
                        return self._process_response(
                            response, cast_to, opts, retries_taken
                        )
                    delay = self._retry_delay(retries_taken, response)
                    self._log_retry(request, response.status_code, delay)
                    await response.aclose()
                await self._sleep(delay)
                retries_taken += 1
        except SdkError as exc:
            if hooks:
                await hooks.arun_error(exc)
            raise

    async def _repair(self, repair: Callable[[], object]) -> bool:
        """Run a recovery (sync or async; see BaseClient._recovery); True: send again."""
        outcome = repair()
        if inspect.isawaitable(outcome):
            outcome = await outcome
        return outcome is not False

    async def _attempt(
        self,
        http_client: httpx.AsyncClient,
        request: httpx.Request,
        opts: RequestOptions,
    ) -> httpx.Response:
        """One attempt, cancelled at its deadline: send, follow redirects, read the body."""
        budget = attempt_budget(self._timeout(opts))
        if budget is None:
            return await self._attempt_unbounded(http_client, request, opts)
        import anyio  # with httpx's async transport already loaded; works on trio too

        try:
            with anyio.fail_after(budget):
                return await self._attempt_unbounded(http_client, request, opts)
        except TimeoutError as exc:
            raise httpx.ReadTimeout(
                f"The attempt did not finish within its {budget:g} s deadline",
                request=request,
            ) from exc

    async def _attempt_unbounded(
        self,
        http_client: httpx.AsyncClient,
        request: httpx.Request,
        opts: RequestOptions,
    ) -> httpx.Response:
        response = await self._send(http_client, request)
        if not (opts.get("stream") and response.status_code < 400):
            await aread_body(response, self._limit(opts))
        return response

    async def _send(
        self, http_client: httpx.AsyncClient, request: httpx.Request
    ) -> httpx.Response:
        """Send, following redirects as _redirects.py describes; the body is left unread."""
        if http_client.is_closed:
            raise closed_error()
        planned_url, headers, body = origin_parts(request)
        hop, left_origin = request, False
        for hops in range(MAX_REDIRECTS + 1):
            try:
                response = await http_client.send(
                    hop,
                    auth=NO_AUTH if left_origin else self._send_auth(),
                    stream=True,
                    follow_redirects=False,
                )
            except (httpx.InvalidURL, httpx.RemoteProtocolError) as exc:
                rejected = rejected_location(exc, hop)
                if rejected is None:
                    raise
                raise rejected from exc
            # Set-Cookie and friends are masked in reprs too (values unchanged).
            response.headers = SafeHeaders(response.headers)
            location = redirect_location(response)
            if location is None:
                return response
            await adrain(response)
            if hops == MAX_REDIRECTS:
                raise too_many_redirects(response, location)
            hop, same = next_request(
                http_client,
                response,
                location,
                first=request,
                planned_url=planned_url,
                headers=headers,
                body=body,
                left_origin=left_origin,
            )
            left_origin = not same
            log.debug(
                "Redirected (%s) to %s", response.status_code, redact_url(hop.url)
            )
        raise AssertionError("unreachable")  # pragma: no cover

    async def _sleep(self, seconds: float) -> None:
        # Imported here: the sync-only user never pays for asyncio.
        import asyncio

        await asyncio.sleep(seconds)

    @property
    def is_closed(self) -> bool:
        return self._closed or (self._http is not None and self._http.is_closed)

    async def close(self) -> None:
        """Close the HTTP connection pool if this client created it; later calls raise."""
        if not self._owns_http_client:
            return
        with self._lock:
            self._closed = True
            client = self._http
        if client is not None:
            await client.aclose()

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
