"""Imports every module of the hostile `nasty` package (tests/test_generate_nasty.py).

Input: the module names. Nothing in them may execute: the test checks no PWNED file appears.
"""

from __future__ import annotations

import importlib

from mock_transport import report, script_input

modules: list[str] = script_input()
for name in modules:
    importlib.import_module(name)
report({"imported": len(modules)})
