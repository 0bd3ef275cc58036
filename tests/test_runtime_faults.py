"""Fault injection: the runtime's sync and async clients against misbehaving 127.0.0.1 servers.

Every case asserts the error class (always an SdkError), how many attempts the server saw,
that the call ended in bounded time, and that the other origin saw no credential.
"""

from __future__ import annotations

import asyncio
import random
import time
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from runtime_harness import Received, Reply, ScriptedServer

TICKET = "7T:ticket-SECRET-1=="
APP_TOKEN = "app-token-SECRET-2"
XSRF = "xsrf-SECRET-3"
QUERY_KEY = "query-key-SECRET-4"
SECRETS = (TICKET, APP_TOKEN, XSRF, QUERY_KEY)
MIB = 1024 * 1024


class ChainAuth(httpx.Auth):
    """Several single-step auths applied in turn (SOTicket + app token + an API key in the query)."""

    def __init__(self, *auths: httpx.Auth) -> None:
        self.auths = auths

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        for auth in self.auths:
            request = next(auth.auth_flow(request))
        yield request


def all_credentials(rt: SimpleNamespace) -> dict[str, Any]:
    auth = ChainAuth(
        rt.auth.SoTicketAuth(TICKET, app_token=APP_TOKEN),
        rt.auth.ApiKeyQueryAuth(QUERY_KEY),
    )
    return {"auth": auth, "default_headers": {"X-XSRF-TOKEN": XSRF}}


@dataclass
class Outcome:
    value: Any
    error: BaseException | None
    elapsed: float


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def run(
    rt: SimpleNamespace,
    flavor: str,
    base_url: str,
    client_options: dict[str, Any],
    method: str = "GET",
    path: str = "/api/v1/Thing",
    **call: Any,
) -> Outcome:
    """One call through a fresh client of the given flavor, timed; errors are returned."""
    started = time.monotonic()
    try:
        if flavor == "sync":
            with rt.Client(base_url=base_url, **client_options) as client:
                value = client.request(method, path, **call)
        else:

            async def main() -> Any:
                async with rt.AsyncClient(base_url=base_url, **client_options) as client:
                    return await client.request(method, path, **call)

            value = asyncio.run(main())
    except Exception as exc:  # the outcome is what the tests inspect
        return Outcome(None, exc, time.monotonic() - started)
    return Outcome(value, None, time.monotonic() - started)


@pytest.fixture
def other() -> Iterator[ScriptedServer]:
    """A second server: another port on 127.0.0.1 is another origin."""
    with ScriptedServer() as scripted:
        yield scripted


def leaked(received: Iterable[Received]) -> list[str]:
    """Every secret found in what a server received (path, query, header values, body)."""
    found = []
    for request in received:
        text = " ".join([request.path, *request.headers.values(), request.body.decode("latin-1")])
        found += [secret for secret in SECRETS if secret in text]
    return found


def expect_error(outcome: Outcome, rt: SimpleNamespace, error_class: type[BaseException]) -> Any:
    assert outcome.error is not None, f"expected {error_class.__name__}, got {outcome.value!r}"
    assert isinstance(outcome.error, error_class), repr(outcome.error)
    assert isinstance(outcome.error, rt.errors.SdkError)
    for secret in SECRETS:
        assert secret not in str(outcome.error)
        assert secret not in repr(outcome.error)
    return outcome.error


def ceiling_jitter(monkeypatch: pytest.MonkeyPatch, rt: SimpleNamespace) -> None:
    """Full jitter reports its ceiling, so backoff waits are known: 0.5 s, then 1 s."""
    monkeypatch.setattr(random, "uniform", lambda low, high: high)


# --- connections that break -----------------------------------------------------------------


def test_reset_connections_are_retried_then_raise_a_connection_error_naming_the_cause(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str
) -> None:
    server.script(*[Reply(reset=True) for _ in range(3)])
    outcome = run(rt, flavor, server.url, {**all_credentials(rt), "max_retries": 2})
    error = expect_error(outcome, rt, rt.errors.APIConnectionError)
    assert not isinstance(error, rt.errors.APITimeoutError)
    assert isinstance(error.__cause__, httpx.TransportError)
    message = str(error).lower()
    assert "reset" in message or "disconnected" in message or "closed" in message, message
    assert len(server.received) == 3
    assert outcome.elapsed < 3.0  # two backoff waits of at most 0.5 s and 1 s
    assert leaked(other.received) == []


def test_reset_post_is_not_retried(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str
) -> None:
    server.script(Reply(reset=True), Reply(200, {}))
    outcome = run(rt, flavor, server.url, all_credentials(rt), "POST", json={"Name": "x"})
    expect_error(outcome, rt, rt.errors.APIConnectionError)
    assert len(server.received) == 1
    assert outcome.elapsed < 2.0
    assert leaked(other.received) == []


def test_refused_connection_names_the_cause_in_both_flavors(rt: SimpleNamespace, flavor: str) -> None:
    with ScriptedServer() as stopped:
        url = stopped.url  # the port is free again once the server is closed
    outcome = run(rt, flavor, url, {"max_retries": 0})
    error = expect_error(outcome, rt, rt.errors.APIConnectionError)
    assert "refused" in str(error).lower() or "errno" in str(error).lower(), str(error)
    assert "ConnectError" in str(error)
    assert url.rpartition(":")[2] in str(error)  # the URL, for the log reader
    assert outcome.elapsed < 2.0


# --- slow servers ---------------------------------------------------------------------------


def test_stalled_server_times_out_per_attempt(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str
) -> None:
    server.script(Reply(200, {}, delay=5.0), Reply(200, {}, delay=5.0))
    outcome = run(rt, flavor, server.url, {**all_credentials(rt), "timeout": 0.4, "max_retries": 1})
    expect_error(outcome, rt, rt.errors.APITimeoutError)
    assert len(server.received) == 2
    assert 0.75 <= outcome.elapsed < 0.4 * 2 + 0.5 + 0.6  # two attempts + one backoff
    assert leaked(other.received) == []


@pytest.mark.parametrize("where", ["body", "headers"])
def test_trickling_server_is_cut_at_the_deadline(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str, where: str
) -> None:
    """One byte every 0.1 s never trips httpx's per-read timeout; the attempt's deadline does."""
    trickle = Reply(
        200,
        chunks=lambda: [b" "] * 200,
        length=200,
        chunk_delay=0.1,
        trickle_headers=where == "headers",
    )
    server.script(trickle)
    outcome = run(rt, flavor, server.url, {**all_credentials(rt), "timeout": 1.0, "max_retries": 0})
    expect_error(outcome, rt, rt.errors.APITimeoutError)
    assert len(server.received) == 1
    assert 0.9 <= outcome.elapsed < 1.5
    assert leaked(other.received) == []


def test_per_call_httpx_timeout_sets_the_deadline_from_its_largest_phase(
    rt: SimpleNamespace, server: ScriptedServer, flavor: str
) -> None:
    server.script(Reply(200, chunks=lambda: [b" "] * 100, length=100, chunk_delay=0.1))
    timeout = httpx.Timeout(0.8, connect=0.2)
    outcome = run(rt, flavor, server.url, {"max_retries": 0}, options={"timeout": timeout})
    expect_error(outcome, rt, rt.errors.APITimeoutError)
    assert 0.7 <= outcome.elapsed < 1.3


# --- error statuses and Retry-After -----------------------------------------------------------

HTML = "<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1>" + "x" * 2000 + "</body></html>"


def test_5xx_with_html_is_retried_then_raises_with_the_text_kept(
    rt: SimpleNamespace,
    server: ScriptedServer,
    other: ScriptedServer,
    flavor: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ceiling_jitter(monkeypatch, rt)
    page = Reply(503, HTML, {"Content-Type": "text/html"})
    server.script(page, page, page)
    outcome = run(rt, flavor, server.url, {**all_credentials(rt), "max_retries": 2})
    error = expect_error(outcome, rt, rt.errors.InternalServerError)
    assert error.status_code == 503
    assert error.body == HTML
    assert len(str(error)) < 700  # the page is cut in the message
    assert len(server.received) == 3
    assert 1.4 <= outcome.elapsed < 2.5  # 0.5 s + 1 s of backoff
    assert leaked(other.received) == []


def _http_date(offset: float) -> str:
    return format_datetime(datetime.now(timezone.utc) + timedelta(seconds=offset), usegmt=True)


@pytest.mark.parametrize(
    ("retry_after", "low", "high"),
    [
        (lambda: "1", 0.95, 1.6),
        (lambda: _http_date(2), 0.95, 2.6),  # second resolution: 1-2 s from now
        (lambda: "-5", 0.45, 1.1),  # the rest fall back to the 0.5 s backoff
        (lambda: _http_date(-30), 0.45, 1.1),
        (lambda: "Wed, 21 Oct 2015 07:28:00 GMT", 0.45, 1.1),
        (lambda: "soon", 0.45, 1.1),
        (lambda: "0", 0.45, 1.1),
        (lambda: "nan", 0.45, 1.1),
        (lambda: "1e999", 0.45, 1.1),
        (lambda: "Mon, 99 Foo 99999 99:99:99 GMT", 0.45, 1.1),
        (lambda: "", 0.45, 1.1),
    ],
    ids=[
        "seconds",
        "date",
        "negative",
        "past-date",
        "old-date",
        "garbage",
        "zero",
        "nan",
        "overflow",
        "bad-date",
        "empty",
    ],
)
def test_429_retry_after_kinds(
    rt: SimpleNamespace,
    server: ScriptedServer,
    other: ScriptedServer,
    flavor: str,
    monkeypatch: pytest.MonkeyPatch,
    retry_after: Callable[[], str],
    low: float,
    high: float,
) -> None:
    ceiling_jitter(monkeypatch, rt)
    server.script(Reply(429, {"ErrorMessage": "slow down"}, {"Retry-After": retry_after()}), Reply(200, {"ok": 1}))
    outcome = run(rt, flavor, server.url, all_credentials(rt), cast_to=dict[str, int])
    assert outcome.error is None, repr(outcome.error)
    assert outcome.value == {"ok": 1}
    first, second = server.received
    assert low <= second.at - first.at < high
    assert outcome.elapsed < high + 0.5
    assert leaked(other.received) == []


def test_429_retries_used_up_raise_rate_limit_error(
    rt: SimpleNamespace, server: ScriptedServer, flavor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ceiling_jitter(monkeypatch, rt)
    server.script(*[Reply(429, None, {"Retry-After": "-1"}) for _ in range(2)])
    outcome = run(rt, flavor, server.url, {"max_retries": 1})
    expect_error(outcome, rt, rt.errors.RateLimitError)
    assert len(server.received) == 2
    assert 0.45 <= outcome.elapsed < 1.5


def test_retry_after_cap_is_documented_and_applied(rt: SimpleNamespace) -> None:
    client = rt.base_client.SyncAPIClient(base_url="http://127.0.0.1:9")
    response = httpx.Response(429, headers={"Retry-After": "86400"})
    assert client._retry_delay(0, response) == rt.base_client.MAX_RETRY_AFTER == 60.0
    assert "MAX_RETRY_AFTER (60 s)" in (rt.base_client.__doc__ or "")


# --- redirects ------------------------------------------------------------------------------


def test_cross_origin_location_echoing_the_query_loses_the_api_key(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str
) -> None:
    echoed = f"{other.url}/files/2?page=3&api_key={QUERY_KEY}"
    server.script(Reply(302, None, {"Location": echoed}))
    outcome = run(rt, flavor, server.url, all_credentials(rt), query={"page": 3})
    assert outcome.error is None, repr(outcome.error)
    assert [r.path for r in other.received] == ["/files/2?page=3"]
    assert leaked(other.received) == []


def test_cross_origin_redirect_of_a_get_is_followed_without_any_credential(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str
) -> None:
    server.script(Reply(302, None, {"Location": other.url + "/files/1?x=1"}))
    other.script(Reply(200, {"ok": 2}))
    outcome = run(
        rt,
        flavor,
        server.url,
        all_credentials(rt),
        cast_to=dict[str, int],
        options={"extra_headers": {"X-Custom": XSRF}},
    )
    assert outcome.error is None, repr(outcome.error)
    assert outcome.value == {"ok": 2}
    assert len(leaked(server.received)) >= len(SECRETS)  # the origin did get them
    assert [r.path for r in other.received] == ["/files/1?x=1"]
    assert leaked(other.received) == []
    assert not {"authorization", "so-apptoken", "x-xsrf-token", "cookie", "x-custom"} & {
        name.lower() for name in other.received[0].headers
    }
    assert outcome.elapsed < 2.0


@pytest.mark.parametrize(("status", "method"), [(307, "POST"), (308, "PUT"), (307, "PATCH")])
def test_cross_origin_redirect_keeping_a_body_is_refused(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str, status: int, method: str
) -> None:
    server.script(Reply(status, None, {"Location": other.url + "/steal"}))
    outcome = run(rt, flavor, server.url, all_credentials(rt), method, json={"Secret": XSRF})
    error = expect_error(outcome, rt, rt.errors.CrossOriginRedirectError)
    assert isinstance(error, rt.errors.RedirectError)
    assert error.response.status_code == status
    assert other.url in str(error)
    assert len(server.received) == 1
    assert other.received == []
    assert outcome.elapsed < 2.0


def test_303_after_post_goes_to_the_other_origin_as_a_bare_get(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str
) -> None:
    server.script(Reply(303, None, {"Location": other.url + "/done"}))
    outcome = run(rt, flavor, server.url, all_credentials(rt), "POST", json={"Secret": XSRF})
    assert outcome.error is None, repr(outcome.error)
    assert [(r.method, r.body) for r in other.received] == [("GET", b"")]
    assert leaked(other.received) == []


def test_chain_that_returns_to_the_origin_stays_without_credentials(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str
) -> None:
    server.script(Reply(302, None, {"Location": other.url + "/hop"}), Reply(200, {}))
    other.script(Reply(302, None, {"Location": server.url + "/api/v1/Back"}))
    outcome = run(rt, flavor, server.url, all_credentials(rt))
    assert outcome.error is None, repr(outcome.error)
    assert [r.path for r in server.received] == ["/api/v1/Thing?api_key=" + QUERY_KEY, "/api/v1/Back"]
    assert leaked(server.received[1:]) == []
    assert leaked(other.received) == []


def test_same_origin_redirect_re_sends_body_and_credentials(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str
) -> None:
    server.script(Reply(307, None, {"Location": "/api/v1/Moved"}), Reply(200, {"ItemId": 5}))
    outcome = run(rt, flavor, server.url, all_credentials(rt), "POST", json={"Name": "n"}, cast_to=rt.Item)
    assert outcome.error is None, repr(outcome.error)
    assert outcome.value.item_id == 5
    first, second = server.received
    assert first.headers["Authorization"] == f"SOTicket {TICKET}"
    assert second.method == "POST" and second.json == {"Name": "n"}
    assert second.path == "/api/v1/Moved?api_key=" + QUERY_KEY
    assert second.headers["Authorization"] == f"SOTicket {TICKET}"
    assert second.headers["SO-AppToken"] == APP_TOKEN
    assert second.headers["X-XSRF-TOKEN"] == XSRF
    assert leaked(other.received) == []


def test_redirect_loop_raises_too_many_redirects(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str
) -> None:
    hops = rt.base_client.MAX_REDIRECTS + 1
    server.script(*[Reply(302, None, {"Location": f"/loop/{n}"}) for n in range(hops + 5)])
    outcome = run(rt, flavor, server.url, all_credentials(rt))
    error = expect_error(outcome, rt, rt.errors.TooManyRedirectsError)
    assert isinstance(error, rt.errors.RedirectError)
    assert len(server.received) == hops  # not retried: a loop stays a loop
    assert outcome.elapsed < 3.0
    assert leaked(other.received) == []


def test_cross_origin_redirect_loop_raises_and_sends_no_credential(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str
) -> None:
    server.script(*[Reply(302, None, {"Location": other.url + "/b"}) for _ in range(10)])
    other.script(*[Reply(302, None, {"Location": server.url + "/a"}) for _ in range(10)])
    outcome = run(rt, flavor, server.url, all_credentials(rt))
    expect_error(outcome, rt, rt.errors.TooManyRedirectsError)
    assert len(server.received) + len(other.received) == rt.base_client.MAX_REDIRECTS + 1
    assert leaked(server.received[1:]) == []
    assert leaked(other.received) == []
    assert outcome.elapsed < 3.0


@pytest.mark.parametrize("location", ["ftp://127.0.0.1/x", "javascript:alert(1)", "http://[::1"])
def test_redirect_to_a_non_http_url_raises_redirect_error(
    rt: SimpleNamespace, server: ScriptedServer, flavor: str, location: str
) -> None:
    server.script(Reply(302, None, {"Location": location}))
    outcome = run(rt, flavor, server.url, {})
    expect_error(outcome, rt, rt.errors.RedirectError)
    assert len(server.received) == 1


# --- bodies that are too large or broken ------------------------------------------------------


def zeros(total: int, piece: int = MIB) -> Callable[[], Iterator[bytes]]:
    def produce() -> Iterator[bytes]:
        for start in range(0, total, piece):
            yield b"0" * min(piece, total - start)

    return produce


def gzip_of_zeros(total: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [compressor.compress(b"\0" * MIB) for _ in range(total // MIB)]
    return b"".join(parts) + compressor.flush()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """About 200 KB of gzip that inflates to 200 MiB."""
    return gzip_of_zeros(200 * MIB)


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-length"])
def test_body_over_the_limit_raises_without_reading_it_all(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str, declared: bool
) -> None:
    total = 64 * MIB
    server.script(Reply(200, chunks=zeros(total), length=total if declared else None))
    outcome = run(rt, flavor, server.url, all_credentials(rt), options={"max_response_size": 2 * MIB})
    error = expect_error(outcome, rt, rt.errors.ResponseTooLargeError)
    assert error.limit == 2 * MIB
    assert "max_response_size" in str(error)
    assert len(server.received) == 1
    assert outcome.elapsed < 3.0
    assert leaked(other.received) == []


def test_gzip_bomb_is_stopped_at_the_limit(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str, bomb: bytes
) -> None:
    assert len(bomb) < 300_000
    server.script(Reply(200, chunks=lambda: [bomb], length=len(bomb), headers={"Content-Encoding": "gzip"}))
    outcome = run(rt, flavor, server.url, all_credentials(rt), options={"max_response_size": 4 * MIB})
    expect_error(outcome, rt, rt.errors.ResponseTooLargeError)
    assert len(server.received) == 1
    assert outcome.elapsed < 3.0
    assert leaked(other.received) == []


def test_gzip_bomb_as_an_error_body_still_raises_the_status_error(
    rt: SimpleNamespace, server: ScriptedServer, flavor: str, bomb: bytes
) -> None:
    server.script(Reply(500, chunks=lambda: [bomb], length=len(bomb), headers={"Content-Encoding": "gzip"}))
    outcome = run(rt, flavor, server.url, {"max_retries": 0})
    error = expect_error(outcome, rt, rt.errors.InternalServerError)
    assert len(error.response.content) == rt.streams.ERROR_BODY_LIMIT
    assert len(server.received) == 1
    assert outcome.elapsed < 3.0


@pytest.mark.parametrize(
    ("coding", "body"),
    [
        ("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"not deflate data at all" * 10),
        ("gzip", b"plain text, not gzip"),
        ("deflate", b"\xff\xfe garbage"),
    ],
    ids=["corrupt-gzip", "not-gzip", "corrupt-deflate"],
)
def test_corrupt_compressed_body_raises_decoding_error(
    rt: SimpleNamespace, server: ScriptedServer, other: ScriptedServer, flavor: str, coding: str, body: bytes
) -> None:
    server.script(Reply(200, chunks=lambda: [body], length=len(body), headers={"Content-Encoding": coding}))
    outcome = run(rt, flavor, server.url, all_credentials(rt))
    error = expect_error(outcome, rt, rt.errors.ResponseDecodingError)
    assert isinstance(error.__cause__, zlib.error)
    assert len(server.received) == 1  # corrupt data is not a reason to retry
    assert outcome.elapsed < 2.0
    assert leaked(other.received) == []


def test_deeply_nested_json_is_a_validation_error(rt: SimpleNamespace, server: ScriptedServer, flavor: str) -> None:
    server.script(Reply(200, b"[" * 200_000 + b"]" * 200_000, {"Content-Type": "application/json"}))
    outcome = run(rt, flavor, server.url, {}, cast_to=list[int])
    expect_error(outcome, rt, rt.errors.APIResponseValidationError)
