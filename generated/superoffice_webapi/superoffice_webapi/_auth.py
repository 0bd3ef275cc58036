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
from collections.abc import Generator
from typing import Literal

import httpx

from ._redact import register_sensitive_name

__all__ = ["ApiKeyAuth", "BasicAuth", "BearerAuth", "SoTicketAuth"]


class _HeaderAuth(httpx.Auth):
    """Sets fixed headers on each request the client applies it to: the first request of a
    call, each retry and each same-origin redirect (never a request to another origin).
    """

    _headers: dict[str, str]

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers.update(self._headers)
        yield request


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

    def __init__(self, token: str) -> None:
        self._headers = {"Authorization": f"Bearer {token}"}

    def __repr__(self) -> str:
        return "BearerAuth(token='***')"


class SoTicketAuth(_HeaderAuth):
    """``Authorization: SOTicket <ticket>`` plus ``SO-AppToken: <app_token>`` when given.

    The ticket (``7T:abc123==``) is sent as is; a leading ``SOTicket `` is tolerated.
    """

    def __init__(self, ticket: str, app_token: str | None = None) -> None:
        if ticket[:9].lower() == "soticket ":
            ticket = ticket[9:]
        self._headers = {"Authorization": f"SOTicket {ticket}"}
        if app_token is not None:
            self._headers["SO-AppToken"] = app_token
        self._has_app_token = app_token is not None

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
