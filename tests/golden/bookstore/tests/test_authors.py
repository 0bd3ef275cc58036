"""Documented samples of the Authors resource, replayed through the client.

Each case (arguments, expected wire request, sample response) is in
samples/authors.json; see conftest.py for the checks.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

CASES = [
    "get_author",
]


@pytest.mark.parametrize("case_id", CASES)
def test_sample(
    case_id: str, flavor: str, replay: Callable[[str, str, str], None]
) -> None:
    replay("authors", case_id, flavor)
