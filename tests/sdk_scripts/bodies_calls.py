"""Form and multipart methods called as a user would, sync and then async, against the loopback
server whose URL the test passes (tests/test_generate_bodies.py parses what arrived).

Input: {"url": ..., "package": "payments" | "uploads" | "audio", "dir": a scratch folder}.
Output: what each call returned, in call order.
"""

from __future__ import annotations

import asyncio
import io
import os
from pathlib import Path
from typing import Any

from mock_transport import report, script_input


def payments(url: str) -> list[Any]:
    from payments import AsyncPayments, Payments

    charge: dict[str, Any] = {
        "amount": 2000,
        "currency": "usd",
        "capture": False,
        "metadata": {"order": "o-1", "note": "a b&c=d"},
        "expand": ["customer", "invoice"],
        "line_items": [{"price": "p_1", "quantity": 2, "tax_rates": ["t1", "t2"]}, {"price": "p_2"}],
        "shipping": {"name": "Ann", "address": {"city": "Oslo"}},
        "tags": ["x", "y"],
        "codes": [1, 2],
        "extra": {"k": [1, True]},
    }
    results: list[Any] = []
    with Payments(base_url=url) as client:
        created = client.charges.post_charges(**charge)
        results.append(created.amount)
        client.charges.post_charges(amount=5, currency="eur")
        client.charges.get_charges(limit=3)
        client.charges.delete_charges_charge("ch_1")
        client.charges.delete_charges_charge("ch_2", reason="duplicate")
        client.customers.post_customers(body={"email": "a@b.test"})

    async def run() -> None:
        async with AsyncPayments(base_url=url) as client:
            created = await client.charges.post_charges(**charge)
            results.append(created.amount)
            await client.charges.get_charges()

    asyncio.run(run())
    return results


def uploads(url: str, scratch: Path) -> list[Any]:
    from uploads import AsyncUploads, FileTypes, RequestOptions, Uploads
    from uploads.models import AlbumMeta

    photo = scratch / "beach.png"
    photo.write_bytes(b"\x89PNG-beach")
    second: FileTypes = ("night.jpg", io.BytesIO(b"\xff\xd8night"), "image/jpeg")
    with Uploads(base_url=url) as client:
        client.default.upload_avatar(file=b"\x00avatar", caption="hi")
        client.default.upload_avatar(file=("me.gif", b"GIF89a", "image/gif"))
        client.default.add_photos(
            7,
            photos=[photo, second],
            meta=AlbumMeta(title="Summer", year=2024, people=["Ann", "Bo"]),
            cover=photo,
            tags=["sea", "sun"],
            rating=5,
            public=True,
            notes="# Nice",
            extra_body={"source": "cli"},
        )
        client.default.put_blob(photo)
        client.default.put_blob(b"raw bytes")
        with photo.open("rb") as handle:  # answered 503 once: the retry sends the same parts
            retry: RequestOptions = {"retry_non_idempotent": True, "max_retries": 1}
            client.default.upload_avatar(file=handle, caption="again", request_options=retry)
        read_end, write_end = os.pipe()  # a stream that cannot seek back: read once, sent twice
        os.write(write_end, b"piped-bytes")
        os.close(write_end)
        with os.fdopen(read_end, "rb", buffering=0) as pipe:
            client.default.upload_avatar(file=("pipe.bin", pipe), caption="piped", request_options=retry)

    async def run() -> None:
        async with AsyncUploads(base_url=url) as client:
            with photo.open("rb") as handle:
                await client.default.upload_avatar(file=handle, caption="async")
            await client.default.add_photos(8, photos=[b"one"], meta={"title": "Winter"})

    asyncio.run(run())
    return []


def audio(url: str) -> list[Any]:
    from audio import AsyncAudio, Audio

    results: list[Any] = []
    with Audio(base_url=url) as client:
        text = client.audio.create_transcription(
            file=("speech.mp3", b"ID3-audio", "audio/mpeg"),
            model="whisper-1",
            temperature=0.2,
            response_format="json",
            timestamp_granularities=["word", "segment"],
        )
        results.append(text.text)

    async def run() -> None:
        async with AsyncAudio(base_url=url) as client:
            text = await client.audio.create_transcription(file=b"RIFF-wav", model="whisper-1", language="nb")
            results.append(text.text)

    asyncio.run(run())
    return results


def main() -> None:
    given = script_input()
    url, package = str(given["url"]), str(given["package"])
    if package == "payments":
        report(payments(url))
    elif package == "uploads":
        report(uploads(url, Path(given["dir"])))
    else:
        report(audio(url))


main()
