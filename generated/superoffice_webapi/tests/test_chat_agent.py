"""Documented samples of the ChatAgent resource, replayed through the client.

Each case (arguments, expected wire request, sample response) is in
samples/chat_agent.json; see conftest.py for the checks.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

CASES = [
    "accept_chat_session_transfer",
    "chat_sessions_for_user",
    "get_chat_messages",
    "get_chat_session_entity",
    "is_within_opening_hours",
    "reject_chat_session_transfer",
    "transfer_chat_session",
]


@pytest.mark.parametrize("case_id", CASES)
def test_sample(
    case_id: str, flavor: str, replay: Callable[[str, str, str], None]
) -> None:
    replay("chat_agent", case_id, flavor)
