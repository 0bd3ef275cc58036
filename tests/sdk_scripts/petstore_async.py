"""The async Petstore client has the same methods."""

from __future__ import annotations

import asyncio
from typing import Any

from mock_transport import mock_async_client, report, routes, seen
from petstore import AsyncPetstore

routes[("GET", "/api/v3/pet/findByTags")] = (200, [{"name": "a", "photoUrls": ["x"]}])


async def main() -> list[Any]:
    async with AsyncPetstore(http_client=mock_async_client()) as client:
        pets = await client.pet.find_pets_by_tags(tags=["a", "b"])
        return [p.photo_urls for p in pets]


report({"pets": asyncio.run(main()), "url": seen[0]["url"]})
