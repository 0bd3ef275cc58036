"""Tenant discovery for SuperOffice CRM Online (SuperOffice profile).

``SuperOffice.for_tenant(context_id="Cust12345", environment="sod")`` asks
``GET https://{environment}.superoffice.com/api/state/{context_id}`` where the tenant lives,
and returns a client for that endpoint. The answer is cached until its ``ValidUntil``; a tenant
that is not running raises TenantNotRunningError. When the endpoint later answers
``421 Misdirected Request`` (the tenant moved), the client resolves it again, once per call,
and sends the request to the new endpoint. Onsite installations keep passing ``base_url``.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal, TypeVar

import httpx

from ._errors import InvalidRequestError, SdkError

__all__ = [
    "AsyncSuperOfficeClientMixin",
    "SuperOfficeClientMixin",
    "TenantError",
    "TenantNotRunningError",
    "TenantState",
]

Environment = Literal["sod", "stage", "online"]
_ENVIRONMENTS = ("sod", "stage", "online")
_CONTEXT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_STATE_LIMIT = 1 << 20
_STATE_TIMEOUT = 30.0
_DEFAULT_TTL = 300.0
"""Seconds a state without a usable ValidUntil is trusted."""
_ClientT = TypeVar("_ClientT")


class TenantError(SdkError):
    """The tenant's state could not be resolved (unknown tenant, bad answer, no connection)."""


class TenantNotRunningError(TenantError):
    """The tenant exists but is not running (e.g. being upgraded or moved): try again later."""

    def __init__(self, message: str, *, state: TenantState) -> None:
        super().__init__(message)
        self.state = state


@dataclass(frozen=True)
class TenantState:
    """The answer of ``/api/state/{context_id}``."""

    context_identifier: str
    endpoint: str
    state: str
    is_running: bool
    valid_until: datetime | None

    @classmethod
    def from_json(cls, data: object, context_id: str) -> TenantState:
        if not isinstance(data, dict):
            raise TenantError(f"Tenant state of {context_id!r} is not a JSON object")
        endpoint = data.get("Endpoint")
        if not isinstance(endpoint, str) or not re.match(
            r"^https?://[^\s/]+", endpoint
        ):
            raise TenantError(
                f"Tenant state of {context_id!r} has no usable Endpoint: {endpoint!r}"
            )
        return cls(
            context_identifier=str(data.get("ContextIdentifier") or context_id),
            endpoint=endpoint.rstrip("/"),
            state=str(data.get("State") or ""),
            is_running=data.get("IsRunning") is True,
            valid_until=_parse_time(data.get("ValidUntil")),
        )

    def expires_at(self) -> float:
        """time.time() after which the state must be asked again."""
        if self.valid_until is None:
            return time.time() + _DEFAULT_TTL
        return self.valid_until.timestamp()


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    text = value.replace("Z", "+00:00")
    text = re.sub(r"(\.\d{6})\d+", r"\1", text)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


# (state URL) -> (state, expiry): shared by every client of the process, threads included.
_CACHE: dict[str, tuple[TenantState, float]] = {}
_CACHE_LOCK = threading.Lock()


class TenantResolver:
    """Resolves one tenant's endpoint, cached until ValidUntil."""

    def __init__(
        self, context_id: str, environment: str, state_url: str | None = None
    ) -> None:
        if environment not in _ENVIRONMENTS:
            raise InvalidRequestError(
                f"environment must be one of {', '.join(_ENVIRONMENTS)}, not {environment!r}"
            )
        if not _CONTEXT_ID.match(context_id):
            raise InvalidRequestError(
                f"context_id must look like Cust12345, not {context_id!r}"
            )
        self.context_id = context_id
        base = (state_url or f"https://{environment}.superoffice.com/api/state").rstrip(
            "/"
        )
        self.url = f"{base}/{context_id}"

    def cached(self) -> TenantState | None:
        with _CACHE_LOCK:
            entry = _CACHE.get(self.url)
        return entry[0] if entry is not None and time.time() < entry[1] else None

    def _store(self, response: httpx.Response) -> TenantState:
        if response.status_code >= 400:
            raise TenantError(
                f"Tenant state of {self.context_id!r}: HTTP {response.status_code}"
            )
        try:
            data = response.json()
        except ValueError as exc:
            raise TenantError(
                f"Tenant state of {self.context_id!r} is not JSON"
            ) from exc
        state = TenantState.from_json(data, self.context_id)
        with _CACHE_LOCK:
            _CACHE[self.url] = (state, state.expires_at())
        return _running(state)

    def resolve(self, *, refresh: bool = False) -> TenantState:
        cached = None if refresh else self.cached()
        if cached is not None:
            return _running(cached)
        from ._streams import (
            read_body,
        )  # on first use: clients made with base_url never need it

        try:
            with httpx.Client(timeout=_STATE_TIMEOUT, follow_redirects=False) as http:
                with http.stream(
                    "GET", self.url, headers={"Accept": "application/json"}
                ) as response:
                    read_body(response, _STATE_LIMIT)
        except httpx.HTTPError as exc:
            raise TenantError(
                f"Tenant state of {self.context_id!r} could not be fetched: {exc}"
            ) from exc
        return self._store(response)

    async def aresolve(self, *, refresh: bool = False) -> TenantState:
        cached = None if refresh else self.cached()
        if cached is not None:
            return _running(cached)
        from ._streams import aread_body

        try:
            async with httpx.AsyncClient(
                timeout=_STATE_TIMEOUT, follow_redirects=False
            ) as http:
                async with http.stream(
                    "GET", self.url, headers={"Accept": "application/json"}
                ) as response:
                    await aread_body(response, _STATE_LIMIT)
        except httpx.HTTPError as exc:
            raise TenantError(
                f"Tenant state of {self.context_id!r} could not be fetched: {exc}"
            ) from exc
        return self._store(response)


def _running(state: TenantState) -> TenantState:
    if not state.is_running:
        raise TenantNotRunningError(
            f"Tenant {state.context_identifier!r} is not running (state: {state.state or 'unknown'})",
            state=state,
        )
    return state


def _moved_hook(
    repair: Callable[[], object],
) -> Callable[[httpx.Response], Callable[[], object] | None]:
    def hook(response: httpx.Response) -> Callable[[], object] | None:
        return repair if response.status_code == 421 else None

    return hook


class SuperOfficeClientMixin:
    """Adds ``for_tenant`` to the sync client."""

    raise_agent_errors: bool = True
    """Agent calls answering null or {"Message": ...} raise AgentError (see _agents.py)."""

    tenant: TenantState | None = None
    """The resolved tenant of a client made by for_tenant (None for a base_url client)."""

    @classmethod
    def for_tenant(
        cls: type[_ClientT],
        *,
        context_id: str,
        environment: Environment = "online",
        state_url: str | None = None,
        **client_options: Any,
    ) -> _ClientT:
        """A client for an Online tenant, its endpoint resolved from the tenant's state.

        Args:
            context_id: The customer's context identifier, e.g. ``"Cust12345"``.
            environment: ``"sod"`` (development), ``"stage"`` or ``"online"`` (production).
            state_url: Where the state service is (default
                ``https://{environment}.superoffice.com/api/state``), e.g. for tests.
            client_options: Everything else the constructor takes (auth, timeout, ...).
        """
        resolver = TenantResolver(context_id, environment, state_url)
        state = resolver.resolve()
        factory: Any = cls
        client: Any = factory(base_url=state.endpoint, **client_options)
        client.tenant = state

        def move() -> bool:
            old = client.base_url
            client.tenant = resolver.resolve(refresh=True)
            client.base_url = client.tenant.endpoint
            return bool(client.base_url != old)

        client._recovery_hooks.append(_moved_hook(move))
        return client  # type: ignore[no-any-return]


class AsyncSuperOfficeClientMixin:
    """Adds ``for_tenant`` to the async client (a coroutine: ``await AsyncX.for_tenant(...)``)."""

    raise_agent_errors: bool = True
    """Agent calls answering null or {"Message": ...} raise AgentError (see _agents.py)."""

    tenant: TenantState | None = None

    @classmethod
    async def for_tenant(
        cls: type[_ClientT],
        *,
        context_id: str,
        environment: Environment = "online",
        state_url: str | None = None,
        **client_options: Any,
    ) -> _ClientT:
        """As the sync client's ``for_tenant``; the state is fetched without blocking."""
        resolver = TenantResolver(context_id, environment, state_url)
        state = await resolver.aresolve()
        factory: Any = cls
        client: Any = factory(base_url=state.endpoint, **client_options)
        client.tenant = state

        async def move() -> bool:
            old = client.base_url
            client.tenant = await resolver.aresolve(refresh=True)
            client.base_url = client.tenant.endpoint
            return bool(client.base_url != old)

        client._recovery_hooks.append(_moved_hook(move))
        return client  # type: ignore[no-any-return]
