"""Reading the two sides of `sdkgen diff`: an OpenAPI file, or a docs folder run through the parser.

This is I/O at the edge; everything else in `generator.diff` is pure.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic

SPEC_SUFFIXES = (".yaml", ".yml", ".json")


class SpecLoadError(Exception):
    """The input is not a readable OpenAPI document or docs folder (a usage error, exit code 2)."""


def load_spec(path: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    """An OpenAPI document from a `.yaml`/`.yml`/`.json` file or from a docs folder."""
    if path.is_dir():
        return _from_docs(path)
    if path.suffix.lower() not in SPEC_SUFFIXES:
        raise SpecLoadError(f"{path}: expected a docs folder or an OpenAPI file ({', '.join(SPEC_SUFFIXES)})")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecLoadError(f"{path}: {exc.strerror or exc}") from exc
    try:
        # The C loader, when PyYAML has it, reads a whole-reference spec several times faster.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        doc = json.loads(text) if path.suffix.lower() == ".json" else yaml.load(text, Loader=loader)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise SpecLoadError(f"{path}: not valid {'JSON' if path.suffix.lower() == '.json' else 'YAML'}: {exc}") from exc
    if not isinstance(doc, dict) or not str(doc.get("openapi", "")).startswith("3."):
        raise SpecLoadError(f"{path}: not an OpenAPI 3.x document (no 'openapi: 3.x' field)")
    return doc, []


def _from_docs(path: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    # Imported lazily: the docs pipeline is large and not needed for file-vs-file diffs.
    try:
        pipeline = importlib.import_module("generator.pipeline")
    except ImportError as exc:  # pragma: no cover - only while the pipeline is being written
        raise SpecLoadError(f"{path}: reading docs folders needs generator.pipeline ({exc})") from exc
    # The pipeline returns (document, diagnostics, ...); later items (a summary) are not needed.
    try:
        result = pipeline.docs_to_openapi(path)
    except Exception as exc:  # a crash must not look like exit code 1 ("breaking")
        raise SpecLoadError(f"{path}: the docs pipeline failed: {exc!r}") from exc
    doc, diagnostics = result[0], result[1]
    if not isinstance(doc, dict):
        raise SpecLoadError(f"{path}: the docs pipeline returned no OpenAPI document")
    if not doc.get("paths"):
        # Most likely the wrong folder: diffing it would report every operation as added/removed.
        raise SpecLoadError(f"{path}: no endpoint pages found in this docs folder")
    return doc, list(diagnostics)
