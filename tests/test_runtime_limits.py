"""Bounded resources: one connection pool per shared client, streamed downloads, flat memory."""

from __future__ import annotations

import asyncio
import hashlib
import json
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from runtime_harness import PACKAGE_NAME, Reply, ScriptedServer

MIB = 1024 * 1024


def pattern(total: int, piece: int = MIB) -> Iterator[bytes]:
    for start in range(0, total, piece):
        yield bytes((start // piece + i) % 251 for i in range(256)) * (min(piece, total - start) // 256)


def digest(chunks: Iterator[bytes]) -> str:
    hasher = hashlib.sha256()
    for chunk in chunks:
        hasher.update(chunk)
    return hasher.hexdigest()


# --- one pool per client ---------------------------------------------------------------------


def test_threads_sharing_a_sync_client_share_one_pool_and_close_closes_it(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[httpx.Client] = []
    original = httpx.Client

    class SlowClient(original):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            created.append(self)
            threading.Event().wait(0.05)  # widen the race a missing lock would lose
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(httpx, "Client", SlowClient)
    client = rt.Client(base_url=server.url)
    barrier = threading.Barrier(8)
    failures: list[BaseException] = []

    def first_call() -> None:
        try:
            barrier.wait(timeout=5)
            client.request("GET", "/api/v1/Thing")
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=first_call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert failures == []
    assert len(server.received) == 8
    assert len(created) == 1
    client.close()
    assert all(pool.is_closed for pool in created)
    with pytest.raises(rt.errors.ClientClosedError):
        client.request("GET", "/api/v1/Thing")
    assert len(created) == 1


def test_tasks_sharing_an_async_client_share_one_pool(
    rt: SimpleNamespace, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[httpx.AsyncClient] = []
    original = httpx.AsyncClient

    class CountingClient(original):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            created.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(httpx, "AsyncClient", CountingClient)

    async def main() -> None:
        client = rt.AsyncClient(base_url=server.url)
        await asyncio.gather(*[client.request("GET", "/api/v1/Thing") for _ in range(16)])
        await client.close()
        with pytest.raises(rt.errors.ClientClosedError):
            await client.request("GET", "/api/v1/Thing")

    asyncio.run(main())
    assert len(server.received) == 16
    assert len(created) == 1
    assert created[0].is_closed


# --- streaming downloads -----------------------------------------------------------------------

STREAM = {"stream": True, "raw_response": True, "max_response_size": MIB}


@pytest.mark.parametrize("gzip", [False, True], ids=["identity", "gzip"])
def test_sync_download_streams_to_a_file_past_the_size_limit(
    rt: SimpleNamespace, server: ScriptedServer, tmp_path: Path, gzip: bool
) -> None:
    total = 24 * MIB
    body = b"".join(pattern(total))
    payload = zlib.compress(body, 1, wbits=zlib.MAX_WBITS | 16) if gzip else body
    headers = {"Content-Type": "application/octet-stream"}
    if gzip:
        headers["Content-Encoding"] = "gzip"
    server.script(Reply(200, chunks=lambda: [payload], length=len(payload), headers=headers))
    target = tmp_path / "download.bin"
    with rt.Client(base_url=server.url) as client:
        with client.request("GET", "/api/v1/File", cast_to=bytes, options=STREAM) as raw:
            assert not raw.is_read
            assert raw.write_to_file(target) == total
    assert target.stat().st_size == total
    assert hashlib.sha256(target.read_bytes()).hexdigest() == hashlib.sha256(body).hexdigest()
    assert [p.name for p in tmp_path.iterdir()] == ["download.bin"]


def test_async_download_streams_to_a_file(rt: SimpleNamespace, server: ScriptedServer, tmp_path: Path) -> None:
    total = 8 * MIB
    server.script(Reply(200, chunks=lambda: pattern(total), length=total))
    target = tmp_path / "download.bin"

    async def main() -> int:
        async with rt.AsyncClient(base_url=server.url) as client:
            raw = await client.request("GET", "/api/v1/File", cast_to=bytes, options=STREAM)
            async with raw:
                written: int = await raw.awrite_to_file(target)
                return written

    assert asyncio.run(main()) == total
    assert hashlib.sha256(target.read_bytes()).hexdigest() == digest(pattern(total))


def test_broken_download_leaves_no_file_and_raises_a_connection_error(
    rt: SimpleNamespace, server: ScriptedServer, tmp_path: Path
) -> None:
    server.script(Reply(200, chunks=lambda: pattern(2 * MIB), length=10 * MIB))  # then hangs up
    target = tmp_path / "download.bin"
    with rt.Client(base_url=server.url, timeout=2.0) as client:
        raw = client.request("GET", "/api/v1/File", cast_to=bytes, options=STREAM)
        with pytest.raises(rt.errors.APIConnectionError) as raised:
            raw.write_to_file(target)
    assert isinstance(raised.value.__cause__, httpx.HTTPError)
    assert list(tmp_path.iterdir()) == []


def test_streamed_response_can_be_read_and_parsed_within_the_limit(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, {"ItemId": 3}), Reply(200, chunks=lambda: pattern(2 * MIB), length=2 * MIB))
    with rt.Client(base_url=server.url) as client:
        with client.request("GET", "/x", cast_to=rt.Item, options=STREAM) as raw:
            assert raw.parse().item_id == 3
        with client.request("GET", "/x", cast_to=bytes, options=STREAM) as raw:
            with pytest.raises(rt.errors.ResponseTooLargeError):
                raw.read()


def test_stream_without_raw_response_is_refused(rt: SimpleNamespace, server: ScriptedServer) -> None:
    with rt.Client(base_url=server.url) as client:
        with pytest.raises(rt.errors.InvalidRequestError, match="with_raw_response"):
            client.request("GET", "/x", cast_to=bytes, options={"stream": True})
    assert server.received == []


# --- memory, measured in a fresh process -------------------------------------------------------

MEASURE = """
import asyncio, json, resource, sys, zlib
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from runtime_harness import Reply, ScriptedServer
import {package}._client as client_module
from {package} import _errors

MIB = 1024 * 1024
mode, flavor = sys.argv[3], sys.argv[4]
total = 200 * MIB

def zeros():
    for _ in range(total // MIB):
        yield b"0" * MIB

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

with ScriptedServer() as server:
    if mode == "bomb":
        payload = open(sys.argv[6], 'rb').read()  # 200 MiB of zeros as ~200 KB of gzip
        reply = Reply(200, chunks=lambda: [payload], length=len(payload), headers={{"Content-Encoding": "gzip"}})
    else:  # "unsized": no Content-Length, so the limit is found by counting
        reply = Reply(200, chunks=zeros, length=None if mode == "unsized" else total)
    server.script(reply, Reply(200, {{}}))
    options = {{"stream": True, "raw_response": True}} if mode == "file" else {{}}
    if mode == "unlimited":  # buffered whole, as before the limit existed
        options = {{"max_response_size": None}}
    path = sys.argv[5]
    async def run_async():
        async with client_module.AsyncClient(base_url=server.url) as client:
            await client.request("GET", "/warm-up")  # pools, TLS context, imports
            before = peak()
            try:
                raw = await client.request("GET", "/big", cast_to=bytes, options=options)
                if mode == "file":
                    await raw.awrite_to_file(path)
                outcome = "ok"
            except _errors.SdkError as exc:
                outcome = type(exc).__name__
            return before, outcome
    def run_sync():
        with client_module.Client(base_url=server.url) as client:
            client.request("GET", "/warm-up")
            before = peak()
            try:
                raw = client.request("GET", "/big", cast_to=bytes, options=options)
                if mode == "file":
                    raw.write_to_file(path)
                outcome = "ok"
            except _errors.SdkError as exc:
                outcome = type(exc).__name__
            return before, outcome
    server.replies.insert(0, Reply(200, {{}}))
    before, outcome = asyncio.run(run_async()) if flavor == "async" else run_sync()
    print(json.dumps({{"before": before, "after": peak(), "outcome": outcome}}))
"""


@pytest.fixture(scope="module")
def bomb_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [compressor.compress(b"\0" * MIB) for _ in range(200)]
    path = tmp_path_factory.mktemp("bomb") / "bomb.gz"
    path.write_bytes(b"".join(parts) + compressor.flush())
    return path


def measure(rt: SimpleNamespace, tmp_path: Path, mode: str, flavor: str, bomb: Path) -> dict[str, Any]:
    tests = Path(__file__).resolve().parent
    script = MEASURE.format(package=PACKAGE_NAME)
    result = subprocess.run(
        [sys.executable, "-c", script, str(rt.root), str(tests), mode, flavor, str(tmp_path / "f.bin"), str(bomb)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


@pytest.mark.parametrize("flavor", ["sync", "async"])
@pytest.mark.parametrize(
    ("mode", "outcome", "budget_mib"),
    [
        ("sized", "ResponseTooLargeError", 16),  # refused from its Content-Length
        ("unsized", "ResponseTooLargeError", 64 + 48),
        ("bomb", "ResponseTooLargeError", 64 + 48),
        ("file", "ok", 32),
    ],
)
def test_peak_memory_for_a_200_mib_body_stays_bounded(
    rt: SimpleNamespace, tmp_path: Path, bomb_file: Path, flavor: str, mode: str, outcome: str, budget_mib: int
) -> None:
    """A 200 MiB body (plain or as a 200 KB gzip bomb) stops at the 64 MiB default limit;
    streamed to a file it keeps memory flat. Before the limits it took 636-837 MiB."""
    figures = measure(rt, tmp_path, mode, flavor, bomb_file)
    assert figures["outcome"] == outcome
    growth = figures["after"] - figures["before"]
    assert growth < budget_mib, figures
    if mode == "file":
        assert (tmp_path / "f.bin").stat().st_size == 200 * MIB


def test_deadline_with_a_callers_http_client_is_checked_between_chunks(
    rt: SimpleNamespace, server: ScriptedServer
) -> None:
    """A caller's transport gets no deadline backend; the body loop still stops at T."""
    server.script(Reply(200, chunks=lambda: [b" "] * 100, length=100, chunk_delay=0.1))
    with httpx.Client() as http_client, rt.Client(base_url=server.url, http_client=http_client) as client:
        started = time.monotonic()
        with pytest.raises(rt.errors.APITimeoutError):
            client.request("GET", "/api/v1/Slow", options={"timeout": 0.8, "max_retries": 0})
        assert time.monotonic() - started < 1.3


def test_head_with_a_large_content_length_is_not_too_large(rt: SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, None, {"Content-Length": str(10**12)}))
    with rt.Client(base_url=server.url) as client:
        assert client.request("HEAD", "/api/v1/File", options={"max_response_size": 10}) is None
