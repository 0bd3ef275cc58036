"""Keeping credentials out of logs, reprs and exception messages.

Where the package shows a URL or headers (its own log lines, httpx's and httpcore's log lines,
``repr()`` of the requests it builds and of their headers, exception messages), credential
values are replaced by ``[secure]`` (the marker httpx itself uses for ``Authorization``):

- headers: ``Authorization``, ``Proxy-Authorization``, ``Cookie``, ``Set-Cookie``,
  any name containing ``token``, ``secret``, ``password``, ``key``, ``ticket``, ``session``,
  ``signature`` or ``auth``, and every header an API-key auth class sets;
- query parameters: the same words, plus every parameter an API-key auth class sets;
- the password of ``user:password@`` in a URL.

The real values stay where the request needs them (``request.headers["X-Api-Token"]`` still
returns the token): only what is printed is masked. The log filter is installed on the
``httpx`` and ``httpcore`` loggers (which log request URLs at INFO, with the query string) and
on this package's logger when the package's client is imported, at every level.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from urllib.parse import unquote

import httpx

__all__ = [
    "MASK",
    "SafeHeaders",
    "SafeRequest",
    "install_log_filter",
    "is_sensitive_name",
    "redact_text",
    "redact_url",
    "register_sensitive_name",
    "safe_request",
]

MASK = "[secure]"

_SENSITIVE_NAMES = {
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
    "apikey",
    "api_key",
    "api-key",
    "code",
    "sig",
    "pwd",
    "pass",
}
_SENSITIVE_WORDS = re.compile(
    r"token|secret|passw|key|ticket|session|signature|auth|credential", re.IGNORECASE
)
_URL_IN_TEXT = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]+")


def register_sensitive_name(name: str) -> None:
    """Mask this header or query parameter wherever the package shows it (ApiKeyAuth calls it)."""
    _SENSITIVE_NAMES.add(name.strip().lower())


def is_sensitive_name(name: str) -> bool:
    lowered = name.strip().lower()
    return lowered in _SENSITIVE_NAMES or _SENSITIVE_WORDS.search(lowered) is not None


def _redact_query(query: str) -> str:
    parts = []
    for part in query.split("&"):
        name, equals, value = part.partition("=")
        if equals and value and is_sensitive_name(unquote(name)):
            part = f"{name}={MASK}"
        parts.append(part)
    return "&".join(parts)


def redact_url(url: httpx.URL | str) -> str:
    """The URL as text with credential query values and any userinfo password masked."""
    text = str(url)
    scheme, sep, rest = text.partition("://")
    if not sep:
        return _redact_query(text) if "=" in text else text
    authority, slash, tail = rest.partition("/")
    if "@" in authority:
        userinfo, _, host = authority.rpartition("@")
        user = userinfo.partition(":")[0]
        authority = f"{user}:{MASK}@{host}" if ":" in userinfo else f"{MASK}@{host}"
    path, question, query = tail.partition("?")
    query, hash_mark, fragment = query.partition("#")
    if question:
        query = _redact_query(query)
    return f"{scheme}://{authority}{slash}{path}{question}{query}{hash_mark}{fragment}"


def redact_text(text: str) -> str:
    """Text with every URL in it passed through redact_url."""
    if "://" not in text:
        return text
    return _URL_IN_TEXT.sub(lambda match: redact_url(match.group(0)), text)


def _masked_items(items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(key, MASK if is_sensitive_name(key) else value) for key, value in items]


class SafeHeaders(httpx.Headers):
    """httpx.Headers whose repr masks every credential header, not only Authorization."""

    def __repr__(self) -> str:
        items = _masked_items(self.multi_items())
        as_dict = dict(items)
        shown: object = as_dict if len(as_dict) == len(items) else items
        return f"{type(self).__name__}({shown!r})"


class SafeRequest(httpx.Request):
    """httpx.Request whose repr masks credentials in the URL and whose headers are SafeHeaders."""

    def __repr__(self) -> str:
        return f"<Request({self.method!r}, {redact_url(self.url)!r})>"


def safe_request(request: httpx.Request) -> SafeRequest:
    """The same request (method, URL, headers, body, extensions) as a SafeRequest."""
    safe = SafeRequest(
        request.method,
        request.url,
        headers=request.headers,
        content=request.content,
        extensions=request.extensions,
    )
    safe.headers = SafeHeaders(safe.headers)
    return safe


def _redact_argument(value: object) -> object:
    if isinstance(value, httpx.URL):
        return redact_url(value)
    if isinstance(value, httpx.Headers):
        return repr(SafeHeaders(value))
    if isinstance(value, str):
        return redact_text(value)
    return value


class _RedactingFilter(logging.Filter):
    """Masks credentials in a log record's message and arguments before any handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact_text(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact_argument(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {
                key: _redact_argument(arg) for key, arg in record.args.items()
            }
        return True


_FILTER = _RedactingFilter()
_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


def install_log_filter(*names: str) -> None:
    """Install the filter on httpx's and httpcore's loggers and on ``names`` (idempotent).

    A logger's filters see only records logged on that very logger, so each one that logs
    URLs gets the filter.
    """
    for name in (*_LOGGERS, *names):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
