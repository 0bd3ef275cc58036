"""Documented samples of the ChatTopic resource, replayed through the client.

Each case (arguments, expected wire request, sample response) is in
samples/chat_topic.json; see conftest.py for the checks.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

CASES = [
    "update_chat_topic_user_agents",
]


@pytest.mark.parametrize("case_id", CASES)
def test_sample(
    case_id: str, flavor: str, replay: Callable[[str, str, str], None]
) -> None:
    replay("chat_topic", case_id, flavor)
