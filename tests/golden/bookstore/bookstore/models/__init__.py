"""Models of Bookstore: one module per schema, imported on first access.

Type checkers read the re-exports from ``__init__.pyi``; at runtime the name -> module table
(``_index.py``) is loaded on the first ``models.Name`` lookup, so that importing one model
module (what every API call does) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any


def __getattr__(name: str) -> Any:
    from ._index import MODULES

    if name == "__all__":
        return sorted(MODULES)
    module = MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    from ._index import MODULES

    return sorted(set(globals()) | set(MODULES))
