"""The runtime's async client against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from runtime_harness import Reply, ScriptedServer


def record_sleeps(client: Any, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    monkeypatch.setattr(client, "_sleep", fake_sleep)
    return sleeps


async def test_404_raises_not_found_with_superoffice_fields(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(404, {"ErrorType": "SoNotFoundException", "ErrorMessage": "gone"}))
    async with rt.AsyncClient(base_url=server.url) as client:
        with pytest.raises(rt.errors.NotFoundError) as raised:
            await client.items.get(1)
    assert raised.value.error_type == "SoNotFoundException"
    assert raised.value.error_message == "gone"


async def test_429_retry_after_is_waited_for_then_succeeds(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(429, None, {"Retry-After": "1"}), Reply(200, {"ItemId": 4}))
    async with rt.AsyncClient(base_url=server.url) as client:
        item = await client.items.get(4)
    assert item.item_id == 4
    first, second = server.received
    assert second.at - first.at >= 0.95


async def test_503_get_retried_post_not_unless_allowed(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script(Reply(503), Reply(200, {"ItemId": 1}), Reply(503), Reply(503), Reply(200, {}))
    async with rt.AsyncClient(base_url=server.url) as client:
        sleeps = record_sleeps(client, monkeypatch)
        assert (await client.items.get(1)).item_id == 1
        with pytest.raises(rt.errors.InternalServerError):
            await client.items.create(name="x")
        await client.items.create(name="y", request_options={"retry_non_idempotent": True})
    assert [r.method for r in server.received] == ["GET", "GET", "POST", "POST", "POST"]
    assert len(sleeps) == 2


async def test_timeout_raises_api_timeout_error(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, {}, delay=1.0))
    async with rt.AsyncClient(base_url=server.url, timeout=0.2, max_retries=0) as client:
        with pytest.raises(rt.errors.APITimeoutError):
            await client.request("GET", "/api/v1/Slow")


async def test_204_none_and_304_not_modified(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(204), Reply(304))
    async with rt.AsyncClient(base_url=server.url) as client:
        assert await client.request("DELETE", "/api/v1/Item/1") is None
        assert await client.items.get(1) is rt.response.NOT_MODIFIED


async def test_raw_response_and_query_and_auth(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, {"ItemId": 2, "Name": "n"}))
    auth = rt.auth.SoTicketAuth("7T:t==", app_token="tok")
    async with rt.AsyncClient(base_url=server.url + "/api/", auth=auth) as client:
        raw = await client.items.with_raw_response.get(2, select=["ItemId", "Name"])
    assert raw.status_code == 200
    assert raw.parse().name == "n"
    received = server.received[0]
    assert received.path == "/api/v1/Item/2?$select=ItemId,Name"
    assert received.headers["Authorization"] == "SOTicket 7T:t=="
    assert received.headers["SO-AppToken"] == "tok"


async def test_not_given_dropped_from_json(rt: SimpleNamespace, server: ScriptedServer) -> None:
    async with rt.AsyncClient(base_url=server.url) as client:
        await client.items.create()
        await client.items.create(name=None)
    assert [r.json for r in server.received] == [{}, {"Name": None}]


async def test_closes_only_its_own_http_client(rt: SimpleNamespace, server: ScriptedServer) -> None:
    async with rt.AsyncClient(base_url=server.url) as own:
        pass
    assert own.is_closed
    http_client = httpx.AsyncClient()
    async with rt.AsyncClient(base_url=server.url, http_client=http_client) as client:
        await client.request("GET", "/api/v1/Thing")
    assert not http_client.is_closed
    await http_client.aclose()
