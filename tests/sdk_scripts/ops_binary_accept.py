"""A bytes answer is requested with its documented media type (`things`)."""

from __future__ import annotations

import httpx
import things
from mock_transport import report

seen: dict[str, str] = {}


def handler(request: httpx.Request) -> httpx.Response:
    seen["accept"] = request.headers["accept"]
    return httpx.Response(200, content=b"PNG", headers={"content-type": "image/png"})


client = things.Things(base_url="http://api.test", http_client=httpx.Client(transport=httpx.MockTransport(handler)))
image = client.thing.get_image(7)
report({"accept": seen["accept"], "body": image.decode()})
