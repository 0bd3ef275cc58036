"""The page model: what one reference page says, independent of OpenAPI.

Plain, picklable dataclasses (pages are parsed in worker processes). Text fields hold clean
Markdown; `line` fields are 1-based line numbers in the page's file (or in an included file,
named by `file`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Property:
    """One row of a property table (request body, response body)."""

    name: str
    type: str  # raw type cell, e.g. "int32", "array", "Associate", "" (empty in the 2021 format)
    description: str
    line: int


@dataclass(frozen=True)
class Parameter:
    """One row of a path-part, query-string or request-header table."""

    name: str
    location: str  # "path" | "query" | "header"
    type: str
    description: str
    required: bool
    line: int


def is_status_code(code: str) -> bool:
    """An HTTP status code that OpenAPI accepts as a response key: three ASCII digits, 100-599."""
    return len(code) == 3 and code.isascii() and code.isdigit() and "1" <= code[0] <= "5"


@dataclass(frozen=True)
class Status:
    code: str  # "200", "404", ...
    description: str
    line: int


@dataclass(frozen=True)
class HttpSample:
    """A sample request (```http!) or response (```http_) block."""

    kind: str  # "request" | "response"
    start_line: str  # "POST /api/v1/..." or "HTTP/1.1 200 OK"
    headers: tuple[tuple[str, str], ...]
    body_text: str
    body: Any  # parsed JSON, or None when there is no body or it is not JSON
    body_is_json: bool
    file: str  # the page, or the included sample file
    line: int


@dataclass(frozen=True)
class Body:
    """The request body section: `## Request Body: <name> [<kind>]`."""

    name: str  # "request", "entity", "changes", ...
    kind: str  # second word of the heading ("string", "binary") or ""
    description: str
    properties: tuple[Property, ...]
    line: int


@dataclass(frozen=True)
class Response:
    """The response section."""

    kind: str  # "object", "array", "string", "bool", "int32", "byte", ... or "" when not stated
    description: str  # free text under the heading
    type_name: str  # named type (`### Response body: ChatSessionEntity`) or ""
    body_kind: str  # from `Response body: <kind>`
    statuses: tuple[Status, ...]
    properties: tuple[Property, ...]
    line: int


@dataclass(frozen=True)
class Note:
    """A free-form section kept with the operation (Filter Operators, Experimental, ...)."""

    title: str
    text: str
    line: int


@dataclass(frozen=True)
class Page:
    """One endpoint page."""

    file: str  # path relative to the docs root, with "/" separators
    uid: str
    title: str
    method: str  # upper case
    path: str  # as documented: /api/v1/...
    path_line: int
    summary: str
    description: str
    online_restricted: str  # "" when absent
    path_params: tuple[Parameter, ...]
    query_params: tuple[Parameter, ...]
    query_examples: dict[str, str]  # from the page's illustrative `?$top=327` URLs
    headers: tuple[Parameter, ...]
    request_body: Body | None
    response: Response | None
    samples: tuple[HttpSample, ...]
    notes: tuple[Note, ...]
    tag: str  # from the page's folder: "Chat_Agent", "Contact"
    front_matter: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class IndexPage:
    """An `index.md` page that introduces one agent or entity (a tag of the operations in its folder)."""

    file: str
    tag: str  # the folder's name, as endpoint pages derive their tag
    title: str
    base_path: str  # the path the page's ```http block names ("" when it has none)
    description: str  # the page's own prose, clean Markdown ("" when it has none)
    links: tuple[str, ...]  # the pages it lists (targets as written)
    line: int  # where the title (or the page) starts
