"""Documented samples of the ChatSession resource, replayed through the client.

Each case (arguments, expected wire request, sample response) is in
samples/chat_session.json; see conftest.py for the checks.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

CASES = [
    "get_all",
    "post_chat_session_entity",
    "default_chat_session_entity",
    "accept_chat_session_transfer",
    "get_chat_messages",
    "add_chat_message",
    "reset_chat_session",
    "get_chat_session_entity",
    "put_chat_session_entity",
    "delete_chat_session_entity",
    "patch_chat_session_entity",
]


@pytest.mark.parametrize("case_id", CASES)
def test_sample(
    case_id: str, flavor: str, replay: Callable[[str, str, str], None]
) -> None:
    replay("chat_session", case_id, flavor)
