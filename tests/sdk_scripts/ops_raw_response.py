"""`with_raw_response` on the sync and the async client (`things`)."""

from __future__ import annotations

import asyncio
from typing import Any

from mock_transport import mock_async_client, mock_client, report, routes
from things import APIResponse, AsyncThings, Things

routes[("GET", "/api/v1/Thing/7")] = (200, {"ThingId": 7, "Name": "seven"})
client = Things(base_url="https://host", http_client=mock_client())
raw = client.thing.with_raw_response.get_thing(7, request_options={"max_retries": 0})
by_name = client.thing.with_raw_response.get_thing_by_name("seven")


async def main() -> tuple[Any, Any]:
    async with AsyncThings(base_url="https://host", http_client=mock_async_client()) as aclient:
        araw = await aclient.thing.with_raw_response.get_thing(7)
        return araw, await aclient.thing.with_raw_response.find()


araw, anone = asyncio.run(main())
report(
    {
        "sync": [
            isinstance(raw, APIResponse),
            raw.status_code,
            raw.headers["content-type"],
            type(raw.parse()).__name__,
            raw.parse().name,
            raw.parse() is raw.parse(),
            by_name.status_code,
            by_name.parse(),
        ],
        "async": [isinstance(araw, APIResponse), type(araw.parse()).__name__, anone.status_code, anone.parse()],
        "cached": client.thing.with_raw_response is client.thing.with_raw_response,
    }
)
