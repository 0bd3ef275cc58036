"""Authentication: ``httpx.Auth`` classes for the security schemes the API declares.

Pass one as ``auth=`` to the client (any other ``httpx.Auth`` works too). They only set headers
(or a query parameter or cookie), so the same object works with the sync and the async client.
The client applies the auth to the first request of a call, to each retry and to each
same-origin redirect; a redirect to another scheme, host or port is followed (GET/HEAD only)
without it (see _redirects.py). Reprs show no secret, and the names set here are masked in
logs (see _redact.py).

Security schemes declared by the API description, and the class that implements each:

- ``apiKey``: ``ApiKeyAuth(key)``
- ``bearer``: ``BearerAuth(token, refresh=None)``
- ``oauth2``: ``BearerAuth(token, refresh=None)``
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Awaitable, Callable, Generator
from typing import ClassVar, Literal, Union

import httpx

from ._redact import register_sensitive_name

__all__ = [
    "ApiKeyAuth",
    "BearerAuth",
    "RefreshHook",
]

RefreshHook = Callable[[], Union[str, Awaitable[str]]]
"""Returns a fresh credential (token or ticket); may be async (then: the async client only)."""


class _HeaderAuth(httpx.Auth):
    """Sets fixed headers on each request the client applies it to: the first request of a
    call, each retry and each same-origin redirect (never a request to another origin).
    """

    _headers: dict[str, str]
    _refresh: RefreshHook | None = None

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers.update(self._headers)
        yield request

    def _set_credential(self, credential: str) -> None:
        raise NotImplementedError

    def refresh_credentials(self, failed: httpx.Request) -> bool | Awaitable[bool]:
        """Called by the client on a 401 (once per call): get a fresh credential from the
        ``refresh`` hook. False without a hook. When another thread or task refreshed since
        ``failed`` was sent, the new credential is used as it is (one refresh per expiry).
        """
        hook = self._refresh
        if hook is None:
            return False
        with _REFRESH_LOCK:
            current = self._headers.get("Authorization")
            if failed.headers.get("Authorization") != current:
                return True
            outcome = hook()
            if not inspect.isawaitable(outcome):
                self._set_credential(outcome)
                return True
        return self._finish_refresh(outcome)

    async def _finish_refresh(self, outcome: Awaitable[str]) -> bool:
        self._set_credential(await outcome)
        return True


_REFRESH_LOCK = threading.Lock()


class BearerAuth(_HeaderAuth):
    """``Authorization: Bearer <token>``, for ``bearer``, ``oauth2``.

    ``refresh=`` is a callable returning a fresh token (async for the async client): on a 401
    the client calls it once and sends the request again.
    """

    def __init__(self, token: str, *, refresh: RefreshHook | None = None) -> None:
        self._refresh = refresh
        self._set_credential(token)

    def _set_credential(self, credential: str) -> None:
        self._headers = {"Authorization": f"Bearer {credential}"}

    def __repr__(self) -> str:
        return "BearerAuth(token='***')"


class _KeyAuth(httpx.Auth):
    """An API key in a header (optionally after a scheme prefix), a query parameter or a cookie;
    subclasses fix the parameter's name and location."""

    name: ClassVar[str] = ""
    location: ClassVar[Literal["header", "query", "cookie"]] = "header"

    def __init__(self, key: str, *, prefix: str | None = None) -> None:
        register_sensitive_name(self.name)
        self._value = f"{prefix} {key}" if prefix else key

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if self.location == "header":
            request.headers[self.name] = self._value
        elif self.location == "query":
            request.url = request.url.copy_merge_params({self.name: self._value})
        else:
            cookie = f"{self.name}={self._value}"
            existing = request.headers.get("Cookie")
            request.headers["Cookie"] = f"{existing}; {cookie}" if existing else cookie
        yield request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(key='***')"


class ApiKeyAuth(_KeyAuth):
    """The ``apiKey`` security scheme: the key in the ``X-Api-Key`` header."""

    name = "X-Api-Key"
    location = "header"
