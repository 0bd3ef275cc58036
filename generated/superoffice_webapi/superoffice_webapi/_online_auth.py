"""Credentials that renew themselves, for SuperOffice CRM Online (SuperOffice profile).

Pass one as the ``refresh=`` hook of BearerAuth or SoTicketAuth; on a 401 the client calls it
once, takes the new credential and sends the request again (a second 401 raises).

- OAuthRefresher: the OAuth 2 refresh-token flow (``grant_type=refresh_token``) at
  ``https://{environment}.superoffice.com/login/common/oauth/tokens``; returns a new access
  token and keeps a rotated refresh token.
- SystemUserTicket: the system-user flow. It signs your system user token with your RSA
  private key (PEM) and exchanges it at ``/Login/api/PartnerSystemUser/Authenticate`` for a
  ticket. Signing needs ``cryptography``: ``pip install 'superoffice-webapi[systemuser]'``.

Both are callables (``hook()``, for the sync client) with an async twin (``hook.acall``,
pass ``refresh=hook.acall`` to the async client).
"""

from __future__ import annotations

import base64
import json
from datetime import datetime, timezone
from typing import Any, Literal

import httpx

from ._errors import SdkError
from ._streams import aread_body, read_body

__all__ = ["OAuthRefresher", "SystemUserTicket", "TokenRefreshError"]

_LIMIT = 1 << 20
_TIMEOUT = 30.0
_TICKET_CLAIM = "http://schemes.superoffice.net/identity/ticket"


class TokenRefreshError(SdkError):
    """The token service refused to issue a new credential."""


def _login_base(environment: str) -> str:
    if environment not in ("sod", "stage", "online"):
        raise ValueError(
            f"environment must be sod, stage or online, not {environment!r}"
        )
    return f"https://{environment}.superoffice.com"


def _send(request: dict[str, Any]) -> Any:
    try:
        with httpx.Client(timeout=_TIMEOUT, follow_redirects=False) as http:
            with http.stream(**request) as response:
                read_body(response, _LIMIT)
    except httpx.HTTPError as exc:
        raise TokenRefreshError(
            f"The token service could not be reached: {type(exc).__name__}"
        ) from exc
    return _answer(response)


async def _asend(request: dict[str, Any]) -> Any:
    try:
        async with httpx.AsyncClient(timeout=_TIMEOUT, follow_redirects=False) as http:
            async with http.stream(**request) as response:
                await aread_body(response, _LIMIT)
    except httpx.HTTPError as exc:
        raise TokenRefreshError(
            f"The token service could not be reached: {type(exc).__name__}"
        ) from exc
    return _answer(response)


def _answer(response: httpx.Response) -> Any:
    try:
        data = response.json()
    except ValueError:
        data = None
    if response.status_code >= 400 or not isinstance(data, dict):
        reason = (
            data.get("error_description") or data.get("error")
            if isinstance(data, dict)
            else None
        )
        raise TokenRefreshError(
            f"The token service answered {response.status_code}"
            + (f": {reason}" if reason else "")
        )
    return data


class OAuthRefresher:
    """``refresh=`` hook for BearerAuth: a new access token from the refresh token."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        refresh_token: str,
        redirect_uri: str | None = None,
        environment: Literal["sod", "stage", "online"] = "online",
        token_url: str | None = None,
    ) -> None:
        self.client_id = client_id
        self._client_secret = client_secret
        self._refresh_token = refresh_token
        self.redirect_uri = redirect_uri
        self.token_url = (
            token_url or f"{_login_base(environment)}/login/common/oauth/tokens"
        )

    def _request(self) -> dict[str, Any]:
        form = {
            "grant_type": "refresh_token",
            "client_id": self.client_id,
            "client_secret": self._client_secret,
            "refresh_token": self._refresh_token,
        }
        if self.redirect_uri:
            form["redirect_uri"] = self.redirect_uri
        return {
            "method": "POST",
            "url": self.token_url,
            "data": form,
            "headers": {"Accept": "application/json"},
        }

    def _token(self, data: dict[str, Any]) -> str:
        token = data.get("access_token")
        if not isinstance(token, str) or not token:
            raise TokenRefreshError("The token service sent no access_token")
        if isinstance(data.get("refresh_token"), str):
            self._refresh_token = data["refresh_token"]  # rotated
        return token

    def __call__(self) -> str:
        return self._token(_send(self._request()))

    async def acall(self) -> str:
        return self._token(await _asend(self._request()))

    def __repr__(self) -> str:
        return f"OAuthRefresher(client_id={self.client_id!r}, client_secret='***', refresh_token='***')"


class SystemUserTicket:
    """``refresh=`` hook for SoTicketAuth: a system user ticket for one tenant."""

    def __init__(
        self,
        *,
        system_user_token: str,
        private_key_pem: str | bytes,
        application_token: str,
        context_id: str,
        environment: Literal["sod", "stage", "online"] = "online",
        login_url: str | None = None,
    ) -> None:
        self._system_user_token = system_user_token
        self._private_key = (
            private_key_pem.encode()
            if isinstance(private_key_pem, str)
            else private_key_pem
        )
        self._application_token = application_token
        self.context_id = context_id
        self.login_url = (
            login_url
            or f"{_login_base(environment)}/Login/api/PartnerSystemUser/Authenticate"
        )

    def signed_token(self, now: datetime | None = None) -> str:
        """``token.yyyyMMddHHmm.base64(RSA-SHA256 signature)``, as the service expects."""
        try:  # optional: only this flow needs it
            from cryptography.hazmat.primitives import hashes, serialization
            from cryptography.hazmat.primitives.asymmetric import padding, rsa
        except ImportError as exc:
            raise ImportError(
                "The system user flow signs with 'cryptography': "
                "pip install 'superoffice-webapi[systemuser]'"
            ) from exc
        stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%d%H%M")
        data = f"{self._system_user_token}.{stamp}"
        key = serialization.load_pem_private_key(self._private_key, password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise TokenRefreshError("The system user private key must be an RSA key")
        signature = key.sign(data.encode(), padding.PKCS1v15(), hashes.SHA256())
        return f"{data}.{base64.b64encode(signature).decode('ascii')}"

    def _request(self) -> dict[str, Any]:
        body = {
            "SignedSystemToken": self.signed_token(),
            "ApplicationToken": self._application_token,
            "ContextIdentifier": self.context_id,
            "ReturnTokenType": "JWT",
        }
        return {
            "method": "POST",
            "url": self.login_url,
            "json": body,
            "headers": {"Accept": "application/json"},
        }

    @staticmethod
    def _ticket(data: dict[str, Any]) -> str:
        if data.get("IsSuccessful") is not True or not isinstance(
            data.get("Token"), str
        ):
            raise TokenRefreshError(
                f"System user login failed: {data.get('ErrorMessage') or 'no token'}"
            )
        token: str = data["Token"]
        parts = token.split(".")
        if len(parts) != 3:  # not a JWT: the ticket itself
            return token
        payload = parts[1] + "=" * (-len(parts[1]) % 4)
        try:
            claims = json.loads(base64.urlsafe_b64decode(payload))
        except ValueError as exc:
            raise TokenRefreshError(
                "System user login sent an unreadable token"
            ) from exc
        ticket = claims.get(_TICKET_CLAIM) if isinstance(claims, dict) else None
        if not isinstance(ticket, str):
            raise TokenRefreshError("System user token carries no ticket claim")
        return ticket

    def __call__(self) -> str:
        return self._ticket(_send(self._request()))

    async def acall(self) -> str:
        return self._ticket(await _asend(self._request()))

    def __repr__(self) -> str:
        return f"SystemUserTicket(context_id={self.context_id!r}, system_user_token='***', private_key='***')"
