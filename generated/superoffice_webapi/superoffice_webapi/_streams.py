"""Reading response bodies within bounds: a size limit on decompressed bytes, a deadline.

A body is read in chunks and counted as it arrives, so a body over the limit raises
``ResponseTooLargeError`` as soon as the count passes the limit (a ``Content-Length`` above the
limit fails before anything is read): memory stays near the limit whatever the server sends.
gzip and deflate are decompressed here, at most READ_CHUNK bytes per step, so a gzip bomb
(a few hundred KB inflating to gigabytes) is stopped after at most the limit plus one chunk;
other codings (br, zstd when installed) go through httpx's decoders. Error bodies are
truncated at ERROR_BODY_LIMIT instead of raising, so that the status error is still raised.
"""

from __future__ import annotations

import io
import os
import time
import zlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx

from ._errors import ResponseDecodingError, ResponseTooLargeError

__all__ = [
    "DEFAULT_MAX_RESPONSE_SIZE",
    "ERROR_BODY_LIMIT",
    "aiter_decoded",
    "aread_body",
    "awrite_to_file",
    "iter_decoded",
    "read_body",
    "write_to_file",
]

DEFAULT_MAX_RESPONSE_SIZE = 64 * 1024 * 1024
"""Bytes (decompressed) a buffered response body may have; None in options means no limit."""
ERROR_BODY_LIMIT = 1024 * 1024
"""Error (>= 400) bodies are kept up to this many bytes (or the limit, if smaller)."""
READ_CHUNK = 64 * 1024
_GZIP = ("gzip", "x-gzip")


class _BoundedDecoder:
    """gzip/deflate decompression that never produces more than READ_CHUNK bytes per step."""

    def __init__(self, coding: str) -> None:
        self._deflate = coding == "deflate"
        self._first = True
        wbits = zlib.MAX_WBITS | 16 if coding in _GZIP else zlib.MAX_WBITS
        self._zlib: Any = zlib.decompressobj(wbits)

    def decode(self, data: bytes) -> Iterator[bytes]:
        while data and not self._zlib.eof:
            try:
                out = self._zlib.decompress(data, READ_CHUNK)
            except zlib.error:
                # "deflate" is sent both zlib-wrapped and raw; httpx accepts both too.
                if not (self._deflate and self._first):
                    raise
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                self._first = False
                continue
            self._first = False
            if out:
                yield out
            data = self._zlib.unconsumed_tail

    def flush(self) -> bytes:
        return bytes(self._zlib.flush())


def _decoder_for(response: httpx.Response) -> _BoundedDecoder | None:
    coding = response.headers.get("Content-Encoding", "").strip().lower()
    return _BoundedDecoder(coding) if coding in (*_GZIP, "deflate") else None


def iter_decoded(response: httpx.Response) -> Iterator[bytes]:
    """The body's decompressed bytes, in chunks of at most READ_CHUNK for gzip/deflate."""
    decoder = _decoder_for(response)
    try:
        if decoder is None:
            yield from response.iter_bytes()
            return
        for raw in response.iter_raw():
            yield from decoder.decode(raw)
        tail = decoder.flush()
        if tail:
            yield tail
    except (zlib.error, httpx.DecodingError) as exc:
        raise _decoding_error(response, exc) from exc


async def aiter_decoded(response: httpx.Response) -> AsyncIterator[bytes]:
    """The async twin of iter_decoded."""
    decoder = _decoder_for(response)
    try:
        if decoder is None:
            async for chunk in response.aiter_bytes():
                yield chunk
            return
        async for raw in response.aiter_raw():
            for chunk in decoder.decode(raw):
                yield chunk
        tail = decoder.flush()
        if tail:
            yield tail
    except (zlib.error, httpx.DecodingError) as exc:
        raise _decoding_error(response, exc) from exc


def _decoding_error(response: httpx.Response, exc: Exception) -> ResponseDecodingError:
    coding = response.headers.get("Content-Encoding", "identity")
    return ResponseDecodingError(
        f"Could not decode the {coding} response body: {exc}", response=response
    )


def _too_large(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"Response body is larger than max_response_size ({limit} bytes, counted after "
        "decompression); raise it with request_options={'max_response_size': n} or stream the "
        "body with request_options={'stream': True} on with_raw_response",
        response=response,
        limit=limit,
    )


def _declared_length(response: httpx.Response) -> int | None:
    if "Content-Encoding" in response.headers:
        return None  # Content-Length counts the compressed bytes
    if response.request.method == "HEAD" or response.status_code in (204, 304):
        return None  # no body, whatever Content-Length says
    try:
        return int(response.headers.get("Content-Length", ""))
    except ValueError:
        return None


class _Collector:
    """Counts and keeps chunks; BytesIO.getvalue() hands back its buffer without a copy."""

    def __init__(
        self,
        response: httpx.Response,
        limit: int | None,
        truncate: bool,
        deadline: float | None,
    ) -> None:
        self.response = response
        self.limit = limit
        self.truncate = truncate
        self.deadline = deadline
        self.buffer = io.BytesIO()
        self.size = 0
        declared = _declared_length(response)
        if (
            limit is not None
            and not truncate
            and declared is not None
            and declared > limit
        ):
            raise _too_large(response, limit)

    def add(self, chunk: bytes) -> bool:
        """Keep the chunk; False once a truncated body is complete."""
        self.size += len(chunk)
        if self.limit is not None and self.size > self.limit:
            if not self.truncate:
                raise _too_large(self.response, self.limit)
            self.buffer.write(chunk[: len(chunk) - (self.size - self.limit)])
            return False
        self.buffer.write(chunk)
        if self.deadline is not None and time.monotonic() > self.deadline:
            # Reached only with a transport the deadline backend is not installed on.
            raise httpx.ReadTimeout(
                "The per-attempt deadline passed while reading the body",
                request=self.response.request,
            )
        return True

    def finish(self) -> bytes:
        body = self.buffer.getvalue()
        # What Response.read() would set: .content/.text/.json() work as usual afterwards.
        self.response._content = body
        return body


def _body_limit(limit: int | None, error: bool) -> int | None:
    if not error:
        return limit
    return ERROR_BODY_LIMIT if limit is None else min(limit, ERROR_BODY_LIMIT)


def read_body(
    response: httpx.Response,
    limit: int | None,
    *,
    deadline: float | None = None,
) -> bytes:
    """Read and keep the (decompressed) body, at most ``limit`` bytes (error bodies: truncated)."""
    error = response.status_code >= 400
    try:
        collector = _Collector(response, _body_limit(limit, error), error, deadline)
        for chunk in iter_decoded(response):
            if not collector.add(chunk):
                break
    finally:
        response.close()
    return collector.finish()


async def aread_body(
    response: httpx.Response,
    limit: int | None,
    *,
    deadline: float | None = None,
) -> bytes:
    """The async twin of read_body."""
    error = response.status_code >= 400
    try:
        collector = _Collector(response, _body_limit(limit, error), error, deadline)
        async for chunk in aiter_decoded(response):
            if not collector.add(chunk):
                break
    finally:
        await response.aclose()
    return collector.finish()


def _temporary_beside(path: Path) -> tuple[int, Path]:
    import tempfile  # only downloads need it

    descriptor, name = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".part", dir=path.parent
    )
    return descriptor, Path(name)


def write_to_file(response: httpx.Response, path: str | os.PathLike[str]) -> int:
    """Stream the decompressed body into ``path``; returns the byte count.

    Written to a temporary file beside ``path`` and renamed at the end, so an interrupted
    download never leaves a truncated file under the final name. Memory stays flat.
    """
    target = Path(path)
    descriptor, temporary = _temporary_beside(target)
    size = 0
    try:
        with os.fdopen(descriptor, "wb") as file:
            for chunk in iter_decoded(response):
                file.write(chunk)
                size += len(chunk)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        response.close()
    return size


async def awrite_to_file(response: httpx.Response, path: str | os.PathLike[str]) -> int:
    """The async twin of write_to_file (the file writes themselves are blocking)."""
    target = Path(path)
    descriptor, temporary = _temporary_beside(target)
    size = 0
    try:
        with os.fdopen(descriptor, "wb") as file:
            async for chunk in aiter_decoded(response):
                file.write(chunk)
                size += len(chunk)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        await response.aclose()
    return size
