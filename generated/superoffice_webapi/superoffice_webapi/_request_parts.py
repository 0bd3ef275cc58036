"""Pure helpers of the client: URL, query, header and body encoding, Retry-After, deadlines.

Kept apart from _base_client.py so that the request loop reads on its own; nothing here does I/O.
"""

from __future__ import annotations

import email.utils
import functools
import re
from collections.abc import Collection, Mapping
from contextvars import ContextVar
from datetime import date, datetime, timezone
from enum import Enum
from urllib.parse import quote

import httpx

from ._errors import InvalidRequestError
from ._types import NotGiven

__all__ = [
    "DEADLINE",
    "attempt_budget",
    "encode_query",
    "expand_path",
    "format_header_value",
    "normalise_base_url",
    "package_version",
    "parse_retry_after",
    "to_jsonable",
]

DEADLINE: ContextVar[float | None] = ContextVar(
    "superoffice_webapi_deadline",
    default=None,
)
"""time.monotonic() by which the current sync attempt must end (None: no deadline); set by the
client around each attempt, read by the connection pool's network backend (_deadline.py)."""

_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
# Characters left readable in query strings, so that URLs look like the documentation
# ("?$select=name,category"); "&", "=", "+", "#" and "%" are always escaped.
_QUERY_SAFE = "$,:@!'()*/?"


@functools.lru_cache(maxsize=None)
def package_version() -> str:
    """The package's ``__version__`` (importlib.metadata would scan sys.path: tens of ms)."""
    import sys

    package = sys.modules.get(__name__.rpartition(".")[0])
    version = getattr(package, "__version__", None)
    return version if isinstance(version, str) else "unknown"


def _format_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return _format_scalar(value.value)
    return str(value)


def _format_query_value(value: object) -> str | None:
    """Wire text of a query value; None when the parameter is to be left out."""
    if value is None or isinstance(value, NotGiven):
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_format_scalar(item) for item in value if item is not None]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return ",".join(items) if items else None
    return _format_scalar(value)


def encode_query(params: Mapping[str, object], explode: Collection[str] = ()) -> str:
    """``name=value`` pairs; lists are comma-joined unless ``name`` is in ``explode``.

    ``explode`` names the parameters documented as ``style: form, explode: true`` (the
    OpenAPI default), whose lists are sent as repeated pairs: ``id=1&id=2``.
    """
    parts = []
    for key, value in params.items():
        name = quote(str(key), safe=_QUERY_SAFE)
        if key in explode and isinstance(value, (list, tuple, set, frozenset)):
            texts = [_format_query_value(item) for item in value]
            if isinstance(value, (set, frozenset)):
                texts.sort(key=str)
        else:
            texts = [_format_query_value(value)]
        for text in texts:
            if text is not None:
                parts.append(f"{name}={quote(text, safe=_QUERY_SAFE)}")
    return "&".join(parts)


def format_header_value(value: object) -> str:
    if isinstance(value, datetime):
        # If-Modified-Since and friends take an HTTP date, not ISO 8601.
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return email.utils.format_datetime(
            value.replace(tzinfo=timezone.utc), usegmt=True
        )
    return _format_scalar(value)


def expand_path(path: str, path_params: Mapping[str, object] | None) -> str:
    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if path_params is None or name not in path_params:
            raise InvalidRequestError(f"Missing path parameter {name!r} for {path}")
        value = path_params[name]
        if value is None or isinstance(value, NotGiven) or value == "":
            raise InvalidRequestError(
                f"Path parameter {name!r} must not be empty, got {value!r}"
            )
        return quote(_format_scalar(value), safe="")

    return _PLACEHOLDER.sub(substitute, path)


def to_jsonable(value: object) -> object:
    """Request body data as plain JSON types: models by alias, NOT_GIVEN entries dropped."""
    model_dump = getattr(value, "model_dump", None)
    if model_dump is not None and not isinstance(value, type) and callable(model_dump):
        return model_dump(by_alias=True, mode="json", exclude_unset=True)
    if isinstance(value, Mapping):
        return {
            str(key): to_jsonable(item)
            for key, item in value.items()
            if not isinstance(item, NotGiven)
        }
    if isinstance(value, (list, tuple)):
        return [to_jsonable(item) for item in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    return value


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or HTTP-date).

    None, meaning "use the normal backoff", for a missing, unparsable, non-finite, zero or
    negative value and for a date that is not in the future.
    """
    if not value or not value.strip():
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        try:
            seconds = (when - datetime.now(timezone.utc)).total_seconds()
        except OverflowError:
            return None
    if seconds != seconds or seconds in (float("inf"), float("-inf")) or seconds <= 0:
        return None
    return seconds


def attempt_budget(timeout: float | httpx.Timeout | None) -> float | None:
    """Seconds one attempt may take: T for ``timeout=T``; for an httpx.Timeout the largest
    of its connect/read/write/pool values, or None (no deadline) if any of them is None.
    """
    if timeout is None:
        return None
    if isinstance(timeout, httpx.Timeout):
        phases = (timeout.connect, timeout.read, timeout.write, timeout.pool)
        finite = [phase for phase in phases if phase is not None]
        return max(finite) if len(finite) == len(phases) else None
    return float(timeout)


def normalise_base_url(base_url: str, strip_base_suffix: str | None) -> str:
    url = base_url.strip().rstrip("/")
    if "://" not in url:
        raise InvalidRequestError(
            f"base_url must be an absolute http(s) URL, got {base_url!r}"
        )
    if strip_base_suffix:
        suffix = "/" + strip_base_suffix.strip("/")
        if url.lower().endswith(suffix.lower()):
            url = url[: -len(suffix)]
    return url
