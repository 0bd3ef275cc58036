"""Documented samples of the Books resource, replayed through the client.

Each case (arguments, expected wire request, sample response) is in
samples/books.json; see conftest.py for the checks.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

CASES = [
    "list_books",
    "create_book",
    "get_book",
    "update_book",
    "delete_book",
    "get_book_cover",
    "list_book_formats",
]


@pytest.mark.parametrize("case_id", CASES)
def test_sample(
    case_id: str, flavor: str, replay: Callable[[str, str, str], None]
) -> None:
    replay("books", case_id, flavor)
