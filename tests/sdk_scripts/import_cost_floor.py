"""The floor of the import-cost test: httpx, pydantic and one trivial model. Prints seconds."""

from __future__ import annotations

import time

started = time.perf_counter()
import httpx  # noqa: E402, F401 - the import is what is timed
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter  # noqa: E402


class Thing(BaseModel):
    model_config = ConfigDict(defer_build=True)
    thing_id: int | None = Field(default=None, alias="ThingId")


TypeAdapter(Thing).validate_json(b'{"ThingId": 798}')
print(time.perf_counter() - started)
