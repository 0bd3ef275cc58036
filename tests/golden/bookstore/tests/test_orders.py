"""Documented samples of the Orders resource, replayed through the client.

Each case (arguments, expected wire request, sample response) is in
samples/orders.json; see conftest.py for the checks.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

CASES = [
    "place_order",
    "get_order",
    "download_receipt",
]


@pytest.mark.parametrize("case_id", CASES)
def test_sample(
    case_id: str, flavor: str, replay: Callable[[str, str, str], None]
) -> None:
    replay("orders", case_id, flavor)
