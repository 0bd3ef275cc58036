"""Authentication: ``httpx.Auth`` implementations producing the headers the API expects.

Pass one as ``auth=`` to the client. They only set headers (or a query parameter), so the
same object works with the sync and the async client. The client applies the auth to the
first request of a call, to each retry and to each same-origin redirect; a redirect to another
scheme, host or port is followed (GET/HEAD only) without it (see _redirects.py). Reprs show
no secret, and the header or query names set here are masked in logs (see _redact.py).

Security schemes declared by the API description, and the class that implements each:

- ``basic``: ``BasicAuth(username, password)``
- ``bearer``: ``BearerAuth(token)``
- ``soTicket``: ``SoTicketAuth(ticket, app_token=None)``
- ``xsrfToken``: ``ApiKeyAuth("X-XSRF-TOKEN", value)``
"""

from __future__ import annotations

import base64
import inspect
import threading
from collections.abc import Awaitable, Callable, Generator
from typing import Literal, Union

import httpx

from ._redact import register_sensitive_name

__all__ = ["ApiKeyAuth", "BasicAuth", "BearerAuth", "RefreshHook", "SoTicketAuth"]

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


class BasicAuth(_HeaderAuth):
    """``Authorization: Basic base64(username:password)`` (SuperOffice onsite user login)."""

    def __init__(self, username: str, password: str) -> None:
        self.username = username
        credentials = base64.b64encode(f"{username}:{password}".encode()).decode(
            "ascii"
        )
        self._headers = {"Authorization": f"Basic {credentials}"}

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r}, password='***')"


class BearerAuth(_HeaderAuth):
    """``Authorization: Bearer <token>`` (SuperOffice Online access token from SuperID)."""

    def __init__(self, token: str, *, refresh: RefreshHook | None = None) -> None:
        self._refresh = refresh
        self._set_credential(token)

    def _set_credential(self, credential: str) -> None:
        self._headers = {"Authorization": f"Bearer {credential}"}

    def __repr__(self) -> str:
        return "BearerAuth(token='***')"


class SoTicketAuth(_HeaderAuth):
    """``Authorization: SOTicket <ticket>`` plus ``SO-AppToken: <app_token>`` when given.

    The ticket (``7T:abc123==``) is sent as is; a leading ``SOTicket `` is tolerated.
    """

    def __init__(
        self,
        ticket: str,
        app_token: str | None = None,
        *,
        refresh: RefreshHook | None = None,
    ) -> None:
        self._app_token = app_token
        self._refresh = refresh
        self._set_credential(ticket)
        self._has_app_token = app_token is not None

    def _set_credential(self, credential: str) -> None:
        if credential[:9].lower() == "soticket ":
            credential = credential[9:]
        self._headers = {"Authorization": f"SOTicket {credential}"}
        if self._app_token is not None:
            self._headers["SO-AppToken"] = self._app_token

    def __repr__(self) -> str:
        app_token = "'***'" if self._has_app_token else "None"
        return f"SoTicketAuth(ticket='***', app_token={app_token})"


class ApiKeyAuth(httpx.Auth):
    """An API key in a header (optionally with a scheme prefix), a query parameter or a cookie."""

    def __init__(
        self,
        name: str,
        value: str,
        location: Literal["header", "query", "cookie"] = "header",
        prefix: str | None = None,
    ) -> None:
        if location not in ("header", "query", "cookie"):
            raise ValueError(
                f"location must be 'header', 'query' or 'cookie', not {location!r}"
            )
        self.name = name
        self.location = location
        register_sensitive_name(name)
        self._value = f"{prefix} {value}" if prefix else value

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
        return (
            f"ApiKeyAuth(name={self.name!r}, value='***', location={self.location!r})"
        )
