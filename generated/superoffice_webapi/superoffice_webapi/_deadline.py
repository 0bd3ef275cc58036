"""A per-attempt deadline for the sync client: every socket operation waits at most until it.

httpx's timeouts bound each single read, so a server that trickles one byte per second keeps
a ``timeout=2`` call alive indefinitely. The sync client therefore sets the attempt's deadline
in a context variable and its connection pool uses a network backend that clamps every
connect, read and write to the time left (raising httpcore's timeout, which httpx maps to
``httpx.ReadTimeout`` and the client to ``APITimeoutError``). The async client cancels the
attempt at its deadline instead (anyio.fail_after), which needs no backend.

The backend is installed on transports the client creates itself. A caller's own
``http_client`` keeps its transport; the deadline is then checked between body chunks only.
Imported with the first ``httpx.Client``, as httpcore is.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from ssl import SSLContext
from typing import Any

import httpcore
import httpx

from ._request_parts import DEADLINE

__all__ = ["install_deadline"]


def _clamp(timeout: float | None, error: type[Exception]) -> float | None:
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("The per-attempt deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        clamped = _clamp(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, clamped)
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        clamped = _clamp(timeout, httpcore.ConnectTimeout)
        stream = self._backend.connect_tcp(
            host, port, clamped, local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        clamped = _clamp(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._backend.connect_unix_socket(path, clamped, socket_options)
        )

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def _wrap_transport(transport: object) -> bool:
    # httpx.HTTPTransport keeps its httpcore pool in _pool (httpx 0.23-0.28); anything else
    # (a mock or custom transport) is left alone.
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if not isinstance(backend, httpcore.NetworkBackend):
        return False
    if not isinstance(backend, _DeadlineBackend):
        setattr(pool, "_network_backend", _DeadlineBackend(backend))
    return True


def install_deadline(client: httpx.Client) -> bool:
    """Clamp socket waits of the client's transports (proxy mounts included) to DEADLINE."""
    transports: list[object] = [getattr(client, "_transport", None)]
    transports.extend(getattr(client, "_mounts", {}).values())
    installed = [_wrap_transport(transport) for transport in transports]
    return any(installed)
