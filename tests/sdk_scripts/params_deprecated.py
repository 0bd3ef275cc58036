"""DeprecationWarnings of deprecated operations and parameters (test_generate_parameters.py)."""

from __future__ import annotations

import warnings
from typing import Any

from mock_transport import mock_client, report
from params import Params

client = Params(http_client=mock_client())


def warned(method: Any, **kwargs: Any) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        method(**kwargs)
    return [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]


report(
    {
        "old_thing": warned(client.default.old_thing, fresh="x"),
        "old_thing_legacy": warned(client.default.old_thing, legacy="x"),
        "new_thing": warned(client.default.new_thing),
        "new_thing_legacy": warned(client.default.new_thing, legacy="x"),
        "docs": [
            "DeprecationWarning" in (client.default.old_thing.__doc__ or ""),
            "legacy: Deprecated" in (client.default.new_thing.__doc__ or ""),
        ],
    }
)
