"""Which heavy modules importing the runtime package, building a client and first using it load
(tests/test_runtime_templates.py). Input: the package name."""

from __future__ import annotations

import importlib
import sys

from mock_transport import report, script_input

HEAVY = ("pydantic", "asyncio", "anyio", "importlib.metadata")


def loaded() -> list[str]:
    return [m for m in HEAVY if m in sys.modules]


name = script_input()
package = importlib.import_module(name)
client_class = importlib.import_module(f"{name}._client").Client
steps = [loaded()]
client = client_class(base_url="https://example.com/api", auth=package.BasicAuth("u", "p"))
steps.append(loaded())
client.http_client  # noqa: B018 - the first use is what is measured
steps.append(loaded())
report(steps)
