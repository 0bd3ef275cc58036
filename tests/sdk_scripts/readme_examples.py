"""Run the Python blocks of a generated README, in order, against a mock transport.

Input: {"readme": path, "start": text the first block comes after ("" for the whole README),
"stop": text the last block comes before ("" for the end)}. Every httpx client the examples
create (the package's own included) answers each request with `200 {}`. Output: the requests.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
from mock_transport import report, script_input

seen: list[list[str]] = []


def handler(request: httpx.Request) -> httpx.Response:
    seen.append([request.method, str(request.url)])
    return httpx.Response(200, json={})


def _patch(cls: Any, transport: Any) -> None:
    original = cls.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("transport", transport)
        original(self, *args, **kwargs)

    cls.__init__ = init


def main() -> None:
    data = script_input()
    text = Path(data["readme"]).read_text(encoding="utf-8")
    if data["start"]:
        text = text[text.index(data["start"]) :]
    if data["stop"]:
        text = text[: text.index(data["stop"])]
    # A block that is a module of its own (first line `# pkg/lib/__init__.py`) is not script code.
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if not re.match(r"# \S+\.py\n", b)]
    _patch(httpx.Client, httpx.MockTransport(handler))
    _patch(httpx.AsyncClient, httpx.MockTransport(handler))
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    exec(compile("\n".join(blocks), "<README examples>", "exec"), namespace)
    report({"blocks": len(blocks), "requests": seen})


main()
