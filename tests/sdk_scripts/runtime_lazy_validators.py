"""Defining a model does no schema work; the first validation does (tests/test_runtime_models.py).

Input: the name of the package written by runtime_harness.write_package.
"""

from __future__ import annotations

import importlib

from mock_transport import report, script_input

Item = importlib.import_module(f"{script_input()}.models.item").Item
before = Item.__pydantic_complete__
Item.model_validate({"ItemId": 1})
report([before, Item.__pydantic_complete__])
