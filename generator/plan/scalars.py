"""The Python type the generated SDK uses for a primitive JSON schema type and format.

One table for the planner and for `sdkgen diff` (which judges whether a type change is visible to
SDK users).
"""

from __future__ import annotations

_PRIMITIVES = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}
_STRING_FORMATS = {"date-time": "datetime", "date": "date", "binary": "bytes"}


def scalar_type(json_type: str, fmt: object) -> str | None:
    """`int`, `float`, `bool`, `str`, `datetime`, `date` or `bytes`; None for non-primitive types.

    int32/int64 are both `int`, float/double both `float`: such a change is invisible in Python.
    """
    if json_type == "string" and isinstance(fmt, str):
        return _STRING_FORMATS.get(fmt, "str")
    return _PRIMITIVES.get(json_type)
