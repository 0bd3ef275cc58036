"""Calls through the committed golden bookstore package (tests/golden/bookstore) on a mock transport."""

from __future__ import annotations

import json

from bookstore import ApiKeyAuth, Bookstore
from bookstore.models import OrderRequest, VoucherPayment
from mock_transport import mock_client, report, routes, seen

BOOK = {
    "id": 7,
    "title": "Dune",
    "authors": [{"id": 1, "name": "Frank Herbert"}],
    "genre": "fiction",
    "price": {"amount": "9.99", "currency": "EUR"},
    "series": None,
}
routes[("GET", "/v2/books/7")] = (200, BOOK)
routes[("GET", "/v2/books")] = (200, {"items": [BOOK], "next": None})
routes[("GET", "/v2/books/7/formats")] = (
    200,
    [{"kind": "printed", "pages": 412}, {"kind": "digital", "format": "epub"}],
)
routes[("GET", "/v2/books/7/cover")] = (200, b"\x89PNG")
routes[("DELETE", "/v2/books/7")] = (204, None)
routes[("POST", "/v2/orders")] = (
    201,
    {
        "id": "o-1",
        "status": "placed",
        "lines": [{"bookId": 7, "quantity": 1}],
        "total": {"amount": "9.99", "currency": "EUR"},
        "payment": {"code": "SPRING"},
    },
)

client = Bookstore(base_url="https://api.bookstore.test/v2", auth=ApiKeyAuth("k-1"), http_client=mock_client())
book = client.books.get_book(7)
page = client.books.list_books(genre="poetry", tags=["a", "b"], ids=[1, 2])
editions = client.books.list_book_formats(7)
cover = client.books.get_book_cover(7, size="small")
cover_request = seen[-1]
client.books.delete_book(7)
delete_request = seen[-1]
deleted = client.books.with_raw_response.delete_book(7)
order = client.orders.place_order(
    OrderRequest.model_validate({"lines": [{"bookId": 7, "quantity": 1}], "payment": VoucherPayment(code="SPRING")})
)
report(
    {
        "book": {
            "type": type(book).__name__,
            "title": book.title,
            "genre": book.genre,
            "series": book.series,
            "price": book.price.amount if book.price else None,
        },
        "list_url": seen[1]["url"],
        "api_key": seen[0]["headers"].get("x-api-key"),
        "editions": [type(edition).__name__ for edition in editions],
        "cover": {"accept": cover_request["headers"].get("accept"), "bytes": len(cover)},
        "deleted": [delete_request["method"], deleted.status_code, deleted.text],
        "order_body": json.loads(seen[-1]["body"]),
        "order_payment": type(order.payment).__name__,
        "page_items": len(page.items),
    }
)
