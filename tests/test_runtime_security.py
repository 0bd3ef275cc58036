"""Credentials stay out of log output (every logger, every level) and out of reprs and messages."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from runtime_harness import Reply, ScriptedServer

TICKET = "7T:log-ticket-SECRET-1=="
APP_TOKEN = "log-app-token-SECRET-2"
XSRF = "log-xsrf-SECRET-3"
QUERY_KEY = "log-query-key-SECRET-4"
COOKIE = "log-cookie-SECRET-5"
PASSWORD = "log-password-SECRET-6"
SECRETS = (TICKET, APP_TOKEN, XSRF, QUERY_KEY, COOKIE, PASSWORD)

AUTHS: dict[str, Callable[[SimpleNamespace], httpx.Auth]] = {
    "soticket": lambda rt: rt.auth.SoTicketAuth(TICKET, app_token=APP_TOKEN),
    "xsrf-header": lambda rt: rt.auth.XsrfTokenAuth(XSRF),
    "query-key": lambda rt: rt.auth.SubscriptionAuth(QUERY_KEY),
    "cookie": lambda rt: rt.auth.SidAuth(COOKIE),
    "basic": lambda rt: rt.auth.BasicAuth("admin", PASSWORD),
}


def secrets_in(text: str) -> list[str]:
    import base64

    basic = base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
    return [secret for secret in (*SECRETS, basic) if secret in text]


def scenario(server: ScriptedServer) -> None:
    """A retry, a same-origin redirect, a success, then an error status."""
    server.script(
        Reply(503, {"ErrorMessage": "busy"}),
        Reply(307, None, {"Location": "/api/v1/Moved?page=2"}),
        Reply(200, {"ok": 1}),
        Reply(404, {"ErrorMessage": "gone"}),
    )


def drive(rt: SimpleNamespace, flavor: str, server: ScriptedServer, auth: httpx.Auth) -> list[BaseException]:
    errors: list[BaseException] = []
    options: dict[str, Any] = {"auth": auth, "base_url": server.url, "max_retries": 1}
    if flavor == "sync":
        with rt.Client(**options) as client:
            client._sleep = lambda seconds: None
            client.request("GET", "/api/v1/Thing", query={"$top": 1})
            try:
                client.request("GET", "/api/v1/Missing")
            except rt.errors.SdkError as exc:
                errors.append(exc)
    else:

        async def main() -> None:
            async with rt.AsyncClient(**options) as client:

                async def no_sleep(seconds: float) -> None:
                    return None

                client._sleep = no_sleep
                await client.request("GET", "/api/v1/Thing", query={"$top": 1})
                try:
                    await client.request("GET", "/api/v1/Missing")
                except rt.errors.SdkError as exc:
                    errors.append(exc)

        asyncio.run(main())
    return errors


@pytest.mark.parametrize("flavor", ["sync", "async"])
@pytest.mark.parametrize("auth_name", sorted(AUTHS))
def test_no_secret_in_any_log_record_at_debug(
    rt: SimpleNamespace,
    server: ScriptedServer,
    caplog: pytest.LogCaptureFixture,
    flavor: str,
    auth_name: str,
) -> None:
    scenario(server)
    with caplog.at_level(logging.DEBUG):  # the root logger: httpx, httpcore and the package
        errors = drive(rt, flavor, server, AUTHS[auth_name](rt))
    assert len(server.received) == 4
    assert any(secrets_in(str(r.headers) + r.path) for r in server.received), "the server got them"
    records = caplog.records
    names = {record.name.split(".")[0] for record in records}
    assert {"httpx", "httpcore", "sdkrt_pkg"} <= names
    for record in records:
        shown = record.getMessage() + (record.exc_text or "")
        assert secrets_in(shown) == [], f"{record.name}: {shown}"
    httpx_lines = [r.getMessage() for r in records if r.name == "httpx"]
    assert len(httpx_lines) == 4  # one INFO line per request, URL included
    if auth_name == "query-key":
        assert all("subscription=[secure]" in line for line in httpx_lines)
    (error,) = errors
    assert isinstance(error, rt.errors.NotFoundError)
    shown = " ".join([str(error), repr(error), repr(error.request), repr(error.request.headers)])
    assert secrets_in(shown) == []
    assert secrets_in(repr(error.response.request.headers)) == []


def test_reprs_of_requests_and_headers_mask_every_credential_but_keep_the_values(
    rt: SimpleNamespace, server: ScriptedServer
) -> None:
    server.script(Reply(401, {"ErrorMessage": "no"}, {"Set-Cookie": f"session={COOKIE}"}))
    auth = rt.auth.SoTicketAuth(TICKET, app_token=APP_TOKEN)
    headers = {"X-XSRF-TOKEN": XSRF, "Cookie": f"sid={COOKIE}", "X-Api-Key": QUERY_KEY}
    with rt.Client(base_url=server.url, auth=auth, default_headers=headers) as client:
        with pytest.raises(rt.errors.AuthenticationError) as raised:
            client.request("GET", "/api/v1/Thing", query={"access_token": PASSWORD})
    request = raised.value.request
    shown = (repr(request), repr(request.headers), str(raised.value), repr(raised.value), repr(raised.value.headers))
    for text in shown:
        assert secrets_in(text) == [], text
    assert "[secure]" in repr(request.headers)
    assert "access_token=[secure]" in repr(request)
    # Masked when shown, intact where the request needs them.
    assert request.headers["SO-AppToken"] == APP_TOKEN
    assert request.headers["X-XSRF-TOKEN"] == XSRF
    assert request.url.params["access_token"] == PASSWORD
    assert raised.value.headers["Set-Cookie"] == f"session={COOKIE}"


def test_connection_error_messages_mask_query_credentials(rt: SimpleNamespace) -> None:
    with ScriptedServer() as stopped:
        url = stopped.url
    auth = rt.auth.ApiKeyQueryAuth(QUERY_KEY)
    with rt.Client(base_url=url, auth=auth, max_retries=0) as client:
        with pytest.raises(rt.errors.APIConnectionError) as raised:
            client.request("GET", f"{url}/x?token={PASSWORD}")
    assert secrets_in(str(raised.value)) == []
    assert "token=[secure]" in str(raised.value)
    assert secrets_in(repr(raised.value.request)) == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://u:pw@host/p?page=1", "https://u:[secure]@host/p?page=1"),
        ("https://host/p?api_key=k&$top=5&Token=t#f", "https://host/p?api_key=[secure]&$top=5&Token=[secure]#f"),
        ("http://h/?access_token=a&signature=s&page=1", "http://h/?access_token=[secure]&signature=[secure]&page=1"),
        ("http://h/?registered_param=v", "http://h/?registered_param=[secure]"),
        ("http://h/path/with/no/query", "http://h/path/with/no/query"),
    ],
)
def test_redact_url(rt: SimpleNamespace, url: str, expected: str) -> None:
    rt.redact.register_sensitive_name("registered_param")
    assert rt.redact.redact_url(url) == expected
    assert rt.redact.redact_text(f"see <{url}> and more") == f"see <{expected}> and more"


def test_api_key_names_are_masked_once_an_auth_uses_them(rt: SimpleNamespace) -> None:
    # "pass" is not one of the built-in words: the declared schemes' names are masked.
    rt.auth.TenantPassAuth("v")
    rt.auth.SubAuth("v")
    assert rt.redact.redact_url("http://h/?sub=value") == "http://h/?sub=[secure]"
    headers = rt.redact.SafeHeaders({"X-Tenant-Pass": "value", "Accept": "x"})
    assert repr(headers) == "SafeHeaders({'x-tenant-pass': '[secure]', 'accept': 'x'})"


def _as_auth(make: Callable[[SimpleNamespace], httpx.Auth]) -> Callable[[SimpleNamespace], dict[str, Any]]:
    return lambda rt: {"auth": make(rt)}


CROSS_ORIGIN_AUTHS: dict[str, Callable[[SimpleNamespace], dict[str, Any]]] = {
    **{name: _as_auth(make) for name, make in AUTHS.items()},
    "bearer": lambda rt: {"auth": rt.auth.BearerAuth(TICKET)},
    "default-headers": lambda rt: {"default_headers": {"SO-AppToken": APP_TOKEN, "X-XSRF-TOKEN": XSRF}},
    "http-client-auth": lambda rt: {
        "http_client": httpx.Client(
            auth=rt.auth.SoTicketAuth(TICKET, app_token=APP_TOKEN),
            headers={"X-XSRF-TOKEN": XSRF},
            cookies={"sid": COOKIE},
        )
    },
}


@pytest.mark.parametrize("kind", sorted(CROSS_ORIGIN_AUTHS))
def test_no_kind_of_credential_follows_a_redirect_to_another_origin(
    rt: SimpleNamespace, server: ScriptedServer, kind: str
) -> None:
    with ScriptedServer() as other:
        server.script(Reply(301, None, {"Location": other.url + "/elsewhere"}))
        options = CROSS_ORIGIN_AUTHS[kind](rt)
        with rt.Client(base_url=server.url, **options) as client:
            client.request("GET", "/api/v1/Thing", headers={"SO-Culture": "nb"})
        if "http_client" in options:
            options["http_client"].close()
        assert secrets_in(str(server.received[0].headers) + server.received[0].path) != []
        (hop,) = other.received
        assert secrets_in(str(hop.headers) + hop.path) == [], hop
        assert sorted(name.lower() for name in hop.headers) == [
            "accept",
            "accept-encoding",
            "host",
            "user-agent",
        ]
