"""Run by the venv's interpreter after `pip install`: where `petstore` comes from, and its metadata."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import petstore

print(
    importlib.metadata.version("petstore"),
    Path(petstore.__file__).parent.joinpath("py.typed").exists(),
    "site-packages" in petstore.__file__,
    petstore.Petstore.__name__,
)
