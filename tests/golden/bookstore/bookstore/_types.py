"""Types shared by the client, the resources and the user: per-call options, NOT_GIVEN, files."""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from typing import IO, Literal, Optional, Tuple, TypedDict, TypeVar, Union

import httpx

__all__ = [
    "NOT_GIVEN",
    "FileContent",
    "FileTypes",
    "NotGiven",
    "NotGivenOr",
    "RequestOptions",
    "Timeout",
    "call_options",
]

_T = TypeVar("_T")

Timeout = Union[float, httpx.Timeout, None]
"""Seconds (float), a full httpx.Timeout, or None for no timeout at all."""


class NotGiven:
    """Marks an argument the caller did not pass, as distinct from an explicit ``None``.

    Optional keyword arguments of generated methods default to ``NOT_GIVEN`` so that
    ``update(name=None)`` sends ``"Name": null`` while ``update()`` leaves the field out.
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        # A singleton, so that ``value is NOT_GIVEN`` is the test everywhere.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        # copy/pickle hand back the module-level singleton.
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

NotGivenOr = Union[_T, NotGiven]
"""``NotGivenOr[int | None]``: an argument that may be left out entirely."""

FileContent = Union[IO[bytes], bytes, PathLike[str]]
"""A file's content: bytes, a file opened in binary mode, or a path (read when sent)."""
FileTypes = Union[
    FileContent,
    Tuple[Optional[str], FileContent],
    Tuple[Optional[str], FileContent, Optional[str]],
    Tuple[Optional[str], FileContent, Optional[str], Mapping[str, str]],
]
"""A multipart file argument: the content alone (named after the path or file object, else
``upload``), or ``(filename, content[, content_type[, headers]])``."""


class RequestOptions(TypedDict, total=False):
    """Per-call overrides. Generated methods take the common ones as keyword arguments
    (``extra_headers``, ``extra_query``, ``extra_body``, ``timeout``) and the rest as
    ``request_options={"max_retries": 0, "stream": True, ...}``."""

    timeout: float | httpx.Timeout | None
    """Seconds per attempt (also the attempt's overall deadline), or an httpx.Timeout."""
    max_retries: int
    retry_non_idempotent: bool
    """Allow retries for POST/PATCH on this call (they are not retried by default)."""
    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, object]
    extra_body: Mapping[str, object]
    """Merged into a JSON object body (or sent as the body when the method has none)."""
    raw_response: bool
    """Set by the raw-response wrappers: the call returns an APIResponse instead of the parsed body."""
    max_response_size: int | None
    """Decompressed bytes a buffered body may have (default 64 MiB); None for no limit."""
    stream: bool
    """With ``with_raw_response``: return once the headers are in, body unread, for
    ``APIResponse.write_to_file()`` / ``iter_bytes()`` (no size limit, no deadline on it)."""


def call_options(
    options: RequestOptions | None,
    extra_headers: Mapping[str, str] | None,
    extra_query: Mapping[str, object] | None,
    extra_body: Mapping[str, object] | None,
    timeout: Timeout | NotGiven,
) -> RequestOptions:
    """A generated method's per-call keyword arguments as one RequestOptions (they win)."""
    merged: RequestOptions = {**options} if options else {}
    if extra_headers is not None:
        merged["extra_headers"] = {**merged.get("extra_headers", {}), **extra_headers}
    if extra_query is not None:
        merged["extra_query"] = {**merged.get("extra_query", {}), **extra_query}
    if extra_body is not None:
        merged["extra_body"] = {**merged.get("extra_body", {}), **extra_body}
    if not isinstance(timeout, NotGiven):
        merged["timeout"] = timeout
    return merged
