"""Error paths of the client runtime, each through a real operation of the API.

Errors carry the API's error details, rate limits are retried after Retry-After,
timeouts raise, 204 gives None, 304 gives NOT_MODIFIED, and every security scheme sends
exactly the headers the API expects.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from conftest import Recorder, call_operation, check_result, load_cases, sample_response

from bookstore import (
    NOT_MODIFIED,
    APITimeoutError,
    ApiKeyAuth,
    BearerAuth,
    NotFoundError,
)

pytestmark = pytest.mark.usefixtures("mock_only")

AUTH_HEADERS: dict[str, tuple[httpx.Auth, dict[str, str], dict[str, str]]] = {
    "apiKey": (
        ApiKeyAuth("sdk-key"),
        {
            "X-Api-Key": "sdk-key",
        },
        {},
    ),
    "bearer": (
        BearerAuth("sdk-token"),
        {
            "Authorization": "Bearer sdk-token",
        },
        {},
    ),
    "oauth2": (
        BearerAuth("sdk-token"),
        {
            "Authorization": "Bearer sdk-token",
        },
        {},
    ),
}


@pytest.fixture
def mock_only(sdk_mode: str) -> None:
    if sdk_mode != "mock":
        pytest.skip("runtime error paths use the mock transport")


def case(module: str, case_id: str) -> dict[str, Any]:
    found: dict[str, Any] = load_cases(module)[case_id]
    return found


def test_not_found_raises_with_error_details(flavor: str) -> None:
    error = {"detail": "No such item", "type": "NotFound"}
    recorder = Recorder(lambda: httpx.Response(404, json=error))
    with pytest.raises(NotFoundError) as raised:
        call_operation(
            flavor,
            "books",
            case("books", "get_book"),
            transport=recorder.transport,
        )
    assert raised.value.status_code == 404
    assert raised.value.error_type == "NotFound"
    assert raised.value.error_message == "No such item"


def test_rate_limit_is_retried_after_retry_after(flavor: str) -> None:
    sample = case("books", "get_book")
    recorder = Recorder(
        lambda: httpx.Response(
            429, headers={"Retry-After": "1"}, json={"message": "Slow down"}
        ),
        lambda: sample_response(sample),
    )
    started = time.monotonic()
    result = call_operation(
        flavor,
        "books",
        sample,
        transport=recorder.transport,
        max_retries=2,
    )
    elapsed = time.monotonic() - started
    assert len(recorder.requests) == 2
    # Backoff without Retry-After would wait at most 0.5s before the first retry.
    assert 0.95 <= elapsed < 10
    check_result(result, sample)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A socket on 127.0.0.1 that accepts connections and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


def test_timeout_raises(flavor: str, silent_server: str) -> None:
    sample = case("books", "get_book")
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        call_operation(flavor, "books", sample, base_url=silent_server, timeout=0.3)
    assert time.monotonic() - started < 5


def test_no_content_gives_none(flavor: str) -> None:
    recorder = Recorder(lambda: httpx.Response(204))
    sample = case("books", "get_book")
    result = call_operation(flavor, "books", sample, transport=recorder.transport)
    assert result is None


def test_not_modified_gives_not_modified(flavor: str) -> None:
    recorder = Recorder(lambda: httpx.Response(304, headers={"ETag": '"v1"'}))
    sample = case("books", "get_book")
    result = call_operation(flavor, "books", sample, transport=recorder.transport)
    assert result is NOT_MODIFIED


@pytest.mark.parametrize("scheme", sorted(AUTH_HEADERS))
def test_auth_sends_exactly_the_scheme_headers(scheme: str, flavor: str) -> None:
    auth, headers, query = AUTH_HEADERS[scheme]
    sample = case("books", "get_book")
    recorder = Recorder(lambda: sample_response(sample))
    call_operation(flavor, "books", sample, transport=recorder.transport, auth=auth)
    sent = recorder.requests[0]
    for name, value in headers.items():
        assert sent.headers.get(name) == value
    others: set[str] = {"authorization", "x-api-key"} - {
        name.lower() for name in headers
    }
    assert not others & {name.lower() for name in sent.headers}
    for name, value in query.items():
        assert sent.url.params.get(name) == value
