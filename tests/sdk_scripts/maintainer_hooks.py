"""Maintainers' code in bookstore/lib/ (written by tests/test_maintainer_code.py) against a real
loopback HTTP server: the hooks lib's setup_client registers, the client's own hooks, the lib's
helper function, sync and async, a success and an error."""

from __future__ import annotations

import asyncio
import importlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from bookstore import AsyncBookstore, Bookstore, Hooks, NotFoundError, SdkError
from mock_transport import report

BOOK = {"id": 7, "title": "Dune", "authors": [], "genre": "fiction", "price": {"amount": "9", "currency": "EUR"}}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        found = self.path.endswith("/books/7")
        body = json.dumps(BOOK if found else {"title": "Not Found", "detail": "no book 8", "status": 404}).encode()
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base_url = f"http://127.0.0.1:{server.server_address[1]}/v2"

lib = importlib.import_module("bookstore.lib.log_hooks")
events: list[str] = lib.EVENTS
own: list[str] = []


def mine(request: httpx.Request) -> None:
    own.append(f"mine {request.url.path}")
    events.append("client hook")


def sync_calls() -> dict[str, Any]:
    client = Bookstore(base_url=base_url, hooks=Hooks(on_error=[lambda error: events.append("client on_error")]))
    client.hooks.before_request(mine)
    titles = lib.book_titles(client, [7])
    try:
        client.books.get_book(8)
    except NotFoundError as error:
        caught = error.status_code
    derived = client.with_options(timeout=5)
    derived.books.get_book(7)
    return {"titles": titles, "caught": caught, "derived_hooks": repr(derived.hooks)}


async def async_calls() -> dict[str, Any]:
    async_events: list[str] = []

    async def before(request: httpx.Request) -> None:
        await asyncio.sleep(0)
        async_events.append(f"async before {request.url.path}")

    async def on_error(error: SdkError) -> None:
        async_events.append(f"async on_error {type(error).__name__}")

    async with AsyncBookstore(base_url=base_url, hooks=Hooks(before_request=[before], on_error=[on_error])) as client:
        book = await client.books.get_book(7)
        try:
            await client.books.get_book(8)
        except NotFoundError:
            pass
    return {"title": book.title, "async_events": async_events}


result: dict[str, Any] = {"sync": sync_calls()}
result["sync_events"] = list(events)
events.clear()
result["async"] = asyncio.run(async_calls())
result["async_lib_events"] = list(events)
result["own"] = own
server.shutdown()
report(result)
