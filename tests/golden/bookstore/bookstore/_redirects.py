"""Redirects, followed by the client itself so that it decides what each hop carries.

httpx is told not to follow redirects; the client follows up to MAX_REDIRECTS of them per
attempt (one more raises ``TooManyRedirectsError``), with these rules:

- Method: 303 becomes GET (HEAD stays HEAD); 302, and 301 after a POST, become GET too, as
  browsers and httpx do; 307 and 308 keep the method. The body is re-sent only when the
  method is unchanged.
- Same origin (scheme, host and port of the call's first request): the request is rebuilt
  for the new URL with the call's headers and the auth applied again, so tokens, tickets and
  API keys keep working after e.g. a ``/api`` -> ``/api/`` redirect.
- Another origin (an http -> https switch counts, as does another port): only GET and HEAD
  are followed, carrying nothing but ``Accept``, ``Accept-Encoding``, ``Accept-Language`` and
  ``User-Agent``: no auth (neither ours nor the http_client's), no custom or per-call header,
  no cookie, no API-key query parameter (removed even when the Location repeats it). This
  keeps downloads that redirect to a file store working. Once a chain has left the origin it
  stays credential-free, even if it comes back.
  A redirect that would carry a body or another method elsewhere (a 307/308 after POST, PUT,
  PATCH or DELETE) raises ``CrossOriginRedirectError``: nothing is sent to the other origin.
- A ``Location`` that is not an http(s) URL raises ``RedirectError``; a 3xx without a
  ``Location`` is returned as the response.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from ._errors import CrossOriginRedirectError, RedirectError, TooManyRedirectsError
from ._redact import redact_text, redact_url, safe_request

__all__ = [
    "MAX_REDIRECTS",
    "NO_AUTH",
    "next_request",
    "redirect_location",
    "rejected_location",
    "same_origin",
    "too_many_redirects",
]

MAX_REDIRECTS = 10
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
NO_AUTH = httpx.Auth()
"""Sent as ``auth=`` on cross-origin hops: overrides a caller's http_client auth as well."""
_DEFAULT_PORTS = {"http": 80, "https": 443}
_CROSS_ORIGIN_HEADERS = frozenset(
    {"accept", "accept-encoding", "accept-language", "user-agent"}
)
_BODY_HEADERS = frozenset(
    {"content-length", "content-type", "content-encoding", "transfer-encoding"}
)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    scheme = url.scheme.lower()
    return scheme, url.host.lower(), url.port or _DEFAULT_PORTS.get(scheme)


def _origin_text(url: httpx.URL) -> str:
    scheme, host, port = _origin(url)
    return f"{scheme}://{host}:{port}"


def same_origin(first: httpx.URL, other: httpx.URL) -> bool:
    return _origin(first) == _origin(other)


def rejected_location(exc: Exception, request: httpx.Request) -> RedirectError | None:
    """A RedirectError for httpx's own rejection of a Location header, else None.

    httpx parses every redirect's Location while receiving the response, even with
    follow_redirects=False, and raises InvalidURL (no host for a scheme such as
    ``javascript:``) or RemoteProtocolError ("Invalid URL in location header") from send().
    """
    text = str(exc)
    if isinstance(exc, httpx.InvalidURL) or (
        isinstance(exc, httpx.RemoteProtocolError) and "location header" in text
    ):
        return RedirectError(
            f"Redirect to an invalid URL: {redact_text(text)}", request=request
        )
    return None


def redirect_location(response: httpx.Response) -> str | None:
    """The Location to follow, or None when the response is not a redirect to follow."""
    if response.status_code not in REDIRECT_STATUSES:
        return None
    return response.headers.get("Location") or None


def _redirect_method(method: str, status: int) -> str:
    if status == 303 and method != "HEAD":
        return "GET"
    if status == 302 and method != "HEAD":
        return "GET"
    if status == 301 and method == "POST":
        return "GET"
    return method


def _headers_where(
    headers: httpx.Headers, keep: Callable[[str], bool]
) -> httpx.Headers:
    """The headers whose lowercased name passes ``keep``, names spelled as they were."""
    return httpx.Headers(
        [
            (raw, value)
            for raw, value in headers.raw
            if keep(raw.decode("latin-1").lower())
        ]
    )


def _added_query(sent: httpx.URL, planned: httpx.URL) -> set[tuple[str, str]]:
    """Query pairs the auth added (an API key in the query string)."""
    return set(sent.params.multi_items()) - set(planned.params.multi_items())


def _without_added_query(url: httpx.URL, added: set[tuple[str, str]]) -> httpx.URL:
    # A Location that echoes the query string must not carry our API key elsewhere.
    pairs = url.params.multi_items()
    kept = [pair for pair in pairs if pair not in added]
    return url if len(kept) == len(pairs) else url.copy_with(params=kept)


def too_many_redirects(
    response: httpx.Response, location: str
) -> TooManyRedirectsError:
    return TooManyRedirectsError(
        f"Exceeded {MAX_REDIRECTS} redirects (last to {redact_url(location)})",
        request=response.request,
        response=response,
        location=redact_url(location),
    )


def next_request(
    http_client: httpx.Client | httpx.AsyncClient,
    response: httpx.Response,
    location: str,
    *,
    first: httpx.Request,
    planned_url: httpx.URL,
    headers: httpx.Headers,
    body: bytes,
    left_origin: bool,
) -> tuple[httpx.Request, bool]:
    """The request for the next hop and whether it goes to the first request's origin.

    ``planned_url`` and ``headers`` are the call's URL and headers before auth was applied
    (``first`` is the request as sent, auth included); ``body`` is the call's body.
    """
    previous = response.request
    shown = redact_url(location)
    try:
        url = previous.url.join(location)
    except httpx.InvalidURL as exc:
        raise RedirectError(
            f"Redirect to an invalid URL: {shown}",
            request=previous,
            response=response,
            location=shown,
        ) from exc
    if url.scheme not in _DEFAULT_PORTS or not url.host:
        raise RedirectError(
            f"Redirect to a URL that is not http(s): {shown}",
            request=previous,
            response=response,
            location=shown,
        )
    method = _redirect_method(previous.method, response.status_code)
    keep_body = method == previous.method and bool(body)
    if not left_origin and same_origin(first.url, url):
        kept = _headers_where(
            headers,
            lambda name: name != "host" and (keep_body or name not in _BODY_HEADERS),
        )
        request = http_client.build_request(
            method,
            url,
            headers=kept,
            content=body if keep_body else None,
            extensions=dict(previous.extensions),
        )
        return safe_request(request), True
    if method not in ("GET", "HEAD") or keep_body:
        raise CrossOriginRedirectError(
            f"Refused to follow a {response.status_code} redirect of {previous.method} to "
            f"another origin ({shown}): the request's body and credentials stay with "
            f"{_origin_text(first.url)}",
            request=previous,
            response=response,
            location=shown,
        )
    bare = _headers_where(headers, lambda name: name in _CROSS_ORIGIN_HEADERS)
    url = _without_added_query(url, added=_added_query(first.url, planned_url))
    extensions = (
        {"timeout": previous.extensions["timeout"]}
        if "timeout" in previous.extensions
        else {}
    )
    return (
        safe_request(httpx.Request(method, url, headers=bare, extensions=extensions)),
        False,
    )
