"""Test helper for the runtime templates: renders them into a throwaway package and serves HTTP.

The package gets the runtime modules plus a small hand-written client, resource and model in
the shape the code generator emits, so runtime tests do not depend on the generator.
"""

from __future__ import annotations

import importlib
import json
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

RUNTIME_TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "runtime"
PACKAGE_NAME = "sdkrt_pkg"

SUPEROFFICE_SCHEMES: dict[str, Any] = {
    "basic": {"type": "http", "scheme": "basic"},
    "bearer": {"type": "http", "scheme": "bearer"},
    "soTicket": {"type": "apiKey", "in": "header", "name": "Authorization", "description": "SOTicket <ticket>"},
    "xsrfToken": {"type": "apiKey", "in": "header", "name": "X-XSRF-TOKEN"},
}
# The runtime tests' own API-key schemes (each becomes a class with its name and location baked in).
TEST_SCHEMES: dict[str, Any] = {
    **SUPEROFFICE_SCHEMES,
    "subscription": {"type": "apiKey", "in": "query", "name": "subscription"},  # SubscriptionAuth
    "apiKeyQuery": {"type": "apiKey", "in": "query", "name": "api_key"},  # ApiKeyQueryAuth
    "sid": {"type": "apiKey", "in": "cookie", "name": "sid"},  # SidAuth
    "session": {"type": "apiKey", "in": "cookie", "name": "session"},  # SessionAuth
    "token": {"type": "apiKey", "in": "header", "name": "Authorization"},  # TokenAuth (prefix="Token")
    "tenantPass": {"type": "apiKey", "in": "header", "name": "X-Tenant-Pass"},  # TenantPassAuth
    "sub": {"type": "apiKey", "in": "query", "name": "sub"},  # SubAuth
}


def runtime_context(
    package_name: str, security_schemes: Mapping[str, Any], profile: str = "superoffice"
) -> dict[str, Any]:
    """What the generator renders runtime templates with, for a document declaring these schemes."""
    from generator.plan.auth import plan_auth
    from generator.plan.errors import plan_errors
    from generator.profiles import select_profile

    spec: dict[str, Any] = {"components": {"securitySchemes": dict(security_schemes)}}
    chosen = select_profile(spec, profile)
    extras = chosen.package_plan(package_name) if chosen else None
    return {
        "package_name": package_name,
        "security_schemes": dict(security_schemes),
        "auth": plan_auth(spec, chosen),
        "errors": plan_errors(
            spec, lambda node: node if isinstance(node, dict) else {}, extras.error_fields if extras else None
        ),
    }


def render_runtime(
    package_name: str = PACKAGE_NAME,
    security_schemes: Mapping[str, Any] | None = None,
    profile: str = "superoffice",
) -> dict[str, str]:
    """{module file name: source} for every runtime template (and the profile's auth module), rendered
    with the generator's environment and context."""
    from generator.render import make_environment

    env = make_environment()
    context = runtime_context(package_name, TEST_SCHEMES if security_schemes is None else security_schemes, profile)
    names = [n for n in sorted(env.list_templates()) if n.startswith("runtime/") and n.endswith(".py.jinja")]
    files = {
        name[len("runtime/") : -len(".jinja")]: env.get_template(name).render(**context)
        for name in names
        if context["auth"].has_runtime or name != "runtime/_auth.py.jinja"
    }
    for template, module in context["auth"].profile_files:
        files[module] = env.get_template(template).render(**context)
    return files


_INIT = '''"""Hand-written stand-in for the generated package __init__ (lazy, like the real one)."""

from __future__ import annotations

from typing import Any

_LAZY = {
    "Client": "._client",
    "AsyncClient": "._client",
    "BasicAuth": "._auth",
    "BearerAuth": "._auth",
    "SoTicketAuth": "._ticket_auth",
    "XsrfTokenAuth": "._auth",
    "NOT_GIVEN": "._types",
    "NOT_MODIFIED": "._response",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(_LAZY[name], __name__), name)
'''

_CLIENT = '''"""Hand-written stand-in for the generated _client.py."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .resources.items import AsyncItems, Items


def _option_headers(
    language: str | None, default_headers: Mapping[str, str] | None
) -> dict[str, str]:
    headers = {"Accept-Language": language} if language else {}
    return {**headers, **(default_headers or {})}


class Client(SyncAPIClient):
    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None = None,
        http_client: httpx.Client | None = None,
        timeout: float | httpx.Timeout | None = 60.0,
        max_retries: int = 2,
        retry_non_idempotent: bool = False,
        strict_response_validation: bool = False,
        language: str | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            auth=auth,
            http_client=http_client,
            timeout=timeout,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            strict_response_validation=strict_response_validation,
            default_headers=_option_headers(language, default_headers),
            strip_base_suffix="/api",
        )

    @cached_property
    def items(self) -> Items:
        from .resources.items import Items

        return Items(self)


class AsyncClient(AsyncAPIClient):
    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None = None,
        http_client: httpx.AsyncClient | None = None,
        timeout: float | httpx.Timeout | None = 60.0,
        max_retries: int = 2,
        retry_non_idempotent: bool = False,
        strict_response_validation: bool = False,
        language: str | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            auth=auth,
            http_client=http_client,
            timeout=timeout,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            strict_response_validation=strict_response_validation,
            default_headers=_option_headers(language, default_headers),
            strip_base_suffix="/api",
        )

    @cached_property
    def items(self) -> AsyncItems:
        from .resources.items import AsyncItems

        return AsyncItems(self)
'''

_RESOURCE = '''"""Hand-written stand-in for a generated resource module."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIResource, SyncAPIResource
from .._response import async_to_raw_response_wrapper, to_raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, RequestOptions

if TYPE_CHECKING:
    from ..models.item import Item


class Items(SyncAPIResource):
    def get(
        self,
        item_id: int,
        *,
        select: Sequence[str] | str | None | NotGiven = NOT_GIVEN,
        if_modified_since: datetime | None | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Item:
        """Get one item."""
        from ..models.item import Item

        return self._client.request(
            "GET",
            "/api/v1/Item/{id}",
            path_params={"id": item_id},
            query={"$select": select},
            headers={"If-Modified-Since": if_modified_since},
            cast_to=Item,
            options=request_options,
        )

    def list(self, *, request_options: RequestOptions | None = None) -> list[Item]:
        from ..models.item import Item

        return self._client.request(
            "GET", "/api/v1/Item", cast_to=list[Item], options=request_options
        )

    def count(self, *, request_options: RequestOptions | None = None) -> int | None:
        return self._client.request(
            "GET", "/api/v1/Item/Count", cast_to=int | None, options=request_options
        )

    def create(
        self,
        *,
        name: str | None | NotGiven = NOT_GIVEN,
        updated: datetime | None | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Item:
        from ..models.item import Item

        return self._client.request(
            "POST",
            "/api/v1/Item",
            json={"Name": name, "Updated": updated},
            cast_to=Item,
            options=request_options,
        )

    def delete(self, item_id: int, *, request_options: RequestOptions | None = None) -> None:
        return self._client.request(
            "DELETE",
            "/api/v1/Item/{id}",
            path_params={"id": item_id},
            options=request_options,
        )

    @cached_property
    def with_raw_response(self) -> ItemsWithRawResponse:
        return ItemsWithRawResponse(self)


class ItemsWithRawResponse:
    def __init__(self, items: Items) -> None:
        self.get = to_raw_response_wrapper(items.get)
        self.delete = to_raw_response_wrapper(items.delete)


class AsyncItems(AsyncAPIResource):
    async def get(
        self,
        item_id: int,
        *,
        select: Sequence[str] | str | None | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Item:
        """Get one item."""
        from ..models.item import Item

        return await self._client.request(
            "GET",
            "/api/v1/Item/{id}",
            path_params={"id": item_id},
            query={"$select": select},
            cast_to=Item,
            options=request_options,
        )

    async def create(
        self,
        *,
        name: str | None | NotGiven = NOT_GIVEN,
        request_options: RequestOptions | None = None,
    ) -> Item:
        from ..models.item import Item

        return await self._client.request(
            "POST",
            "/api/v1/Item",
            json={"Name": name},
            cast_to=Item,
            options=request_options,
        )

    @cached_property
    def with_raw_response(self) -> AsyncItemsWithRawResponse:
        return AsyncItemsWithRawResponse(self)


class AsyncItemsWithRawResponse:
    def __init__(self, items: AsyncItems) -> None:
        self.get = async_to_raw_response_wrapper(items.get)
'''

_MODEL = '''"""Hand-written stand-in for a generated model module."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .._models import BaseModel


class Tag(BaseModel):
    tag_id: int | None = Field(default=None, alias="TagId")
    name: str | None = Field(default=None, alias="Name")


class Item(BaseModel):
    item_id: int | None = Field(default=None, alias="ItemId")
    name: str | None = Field(default=None, alias="Name")
    updated: datetime | None = Field(default=None, alias="Updated")
    tags: list[Tag] | None = Field(default=None, alias="Tags")
'''


def write_package(
    root: Path,
    package_name: str = PACKAGE_NAME,
    security_schemes: Mapping[str, Any] | None = None,
) -> Path:
    """Write the rendered runtime plus the stand-in modules under root/<package_name>/."""
    package = root / package_name
    (package / "resources").mkdir(parents=True)
    (package / "models").mkdir()
    files = dict(render_runtime(package_name, security_schemes))
    files.update(
        {
            "__init__.py": _INIT,
            "py.typed": "",
            "_client.py": _CLIENT,
            "resources/__init__.py": "",
            "resources/items.py": _RESOURCE,
            "models/__init__.py": "",
            "models/item.py": _MODEL,
        }
    )
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")
    return package


@pytest.fixture(scope="session")
def rt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    """The rendered runtime, imported: rt.base_client, rt.errors, rt.Client, ..."""
    root = tmp_path_factory.mktemp("runtime_pkg")
    write_package(root)
    sys.path.insert(0, str(root))
    try:
        modules = {
            name: importlib.import_module(f"{PACKAGE_NAME}.{name}")
            for name in (
                "_base_client",
                "_errors",
                "_auth",
                "_models",
                "_response",
                "_types",
                "_client",
                "_streams",
                "_redact",
                "_redirects",
            )
        }
        item = importlib.import_module(f"{PACKAGE_NAME}.models.item")
        ticket = importlib.import_module(f"{PACKAGE_NAME}._ticket_auth")
        yield SimpleNamespace(
            root=root,
            base_client=modules["_base_client"],
            errors=modules["_errors"],
            # the generic classes and the SuperOffice profile's SoTicketAuth
            auth=SimpleNamespace(**vars(modules["_auth"]), SoTicketAuth=ticket.SoTicketAuth),
            models=modules["_models"],
            response=modules["_response"],
            types=modules["_types"],
            streams=modules["_streams"],
            redact=modules["_redact"],
            redirects=modules["_redirects"],
            Client=modules["_client"].Client,
            AsyncClient=modules["_client"].AsyncClient,
            Item=item.Item,
        )
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE_NAME]:
            del sys.modules[name]


# --- a scripted HTTP server on 127.0.0.1 -------------------------------------------------


@dataclass
class Reply:
    """One scripted response. ``body`` dicts/lists are sent as JSON.

    Faults: ``reset`` closes the connection with a TCP RST instead of answering; ``chunks``
    produces the body piece by piece (with ``length`` as Content-Length, else none and the
    connection closes after the body), each after ``chunk_delay`` seconds (a trickle);
    ``trickle_headers`` sends the status line and headers one byte per ``chunk_delay``.
    """

    status: int = 200
    body: object = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    reset: bool = False
    chunks: Callable[[], Iterable[bytes]] | None = None
    length: int | None = None
    chunk_delay: float = 0.0
    trickle_headers: bool = False


@dataclass
class Received:
    method: str
    path: str
    """The raw request target, query string included, exactly as sent."""
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def query_string(self) -> str:
        return self.path.partition("?")[2]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # a client that hung up is expected
            super().handle_error(request, client_address)


class ScriptedServer:
    """Answers requests with the scripted replies in order, then with ``200 {}``."""

    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.02},
            daemon=True,
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def script(self, *replies: Reply) -> None:
        with self._lock:
            self.replies.extend(replies)

    def _next(self, received: Received) -> Reply:
        with self._lock:
            self.received.append(received)
            return self.replies.pop(0) if self.replies else Reply(200, {})

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in separate writes

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                reply = server._next(
                    Received(
                        self.command,
                        self.path,
                        dict(self.headers.items()),
                        body,
                        time.monotonic(),
                    )
                )
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.reset:
                    self._reset()
                elif reply.chunks is not None or reply.trickle_headers:
                    self._fault(reply)
                else:
                    self._plain(reply)

            def _plain(self, reply: Reply) -> None:
                if isinstance(reply.body, (bytes, str)):
                    payload = reply.body.encode() if isinstance(reply.body, str) else reply.body
                    content_type = "text/plain; charset=utf-8"
                elif reply.body is None:
                    payload, content_type = b"", ""
                else:
                    payload = json.dumps(reply.body).encode()
                    content_type = "application/json; charset=utf-8"
                self.send_response(reply.status)
                headers = {"Content-Type": content_type} if content_type else {}
                headers.update(reply.headers)
                for name, value in headers.items():
                    self.send_header(name, value)
                if reply.status not in (204, 304) and "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if reply.status not in (204, 304) and self.command != "HEAD":
                    self.wfile.write(payload)

            def _reset(self) -> None:
                # SO_LINGER with a zero timeout: close() sends RST, not FIN.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                self.connection.close()

            def _fault(self, reply: Reply) -> None:
                lines = [f"HTTP/1.1 {reply.status} Scripted"]
                headers = {"Content-Type": "application/json", **reply.headers}
                if reply.length is not None:
                    headers["Content-Length"] = str(reply.length)
                else:
                    headers["Connection"] = "close"
                    self.close_connection = True
                lines += [f"{name}: {value}" for name, value in headers.items()]
                head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
                try:
                    if reply.trickle_headers:
                        for index in range(len(head)):
                            time.sleep(reply.chunk_delay)
                            self.wfile.write(head[index : index + 1])
                            self.wfile.flush()
                    else:
                        self.wfile.write(head)
                    for chunk in (reply.chunks or tuple)():
                        if reply.chunk_delay:
                            time.sleep(reply.chunk_delay)
                        self.wfile.write(chunk)
                        self.wfile.flush()
                except OSError:
                    self.close_connection = True  # the client gave up: what faults are for

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _answer

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        return Handler

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as scripted:
        yield scripted
