"""A client-side rate limiter (SuperOffice profile), off until you set one.

    limiter = RateLimiter(10, per=1.0)          # at most 10 requests a second, bursts of 10
    client.rate_limiter = limiter               # every attempt (retries too) waits its turn
    other_client.rate_limiter = limiter         # one budget shared by both clients

One limiter may be shared by sync and async clients, threads and tasks: each request reserves
the next free slot under a lock (the generic cell rate algorithm) and then sleeps outside it,
so no thread holds the lock while it waits.
"""

from __future__ import annotations

import threading
import time

__all__ = ["RateLimiter"]


class RateLimiter:
    """At most ``calls`` requests per ``per`` seconds, with bursts of up to ``burst`` (default ``calls``)."""

    def __init__(
        self, calls: int, per: float = 1.0, *, burst: int | None = None
    ) -> None:
        if calls <= 0 or per <= 0:
            raise ValueError("RateLimiter needs calls > 0 and per > 0")
        self.calls = calls
        self.per = per
        self.burst = burst or calls
        self._interval = per / calls
        self._next = (
            0.0  # theoretical arrival time of the next request (monotonic seconds)
        )
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Take the next slot; the seconds to wait before sending."""
        with self._lock:
            now = time.monotonic()
            start = max(self._next, now)
            wait = start - now - (self.burst - 1) * self._interval
            self._next = start + self._interval
        return max(0.0, wait)

    def acquire(self) -> None:
        wait = self.reserve()
        if wait > 0:
            time.sleep(wait)

    async def aacquire(self) -> None:
        import asyncio

        wait = self.reserve()
        if wait > 0:
            await asyncio.sleep(wait)

    def __repr__(self) -> str:
        return f"RateLimiter(calls={self.calls}, per={self.per}, burst={self.burst})"
