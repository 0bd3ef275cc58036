"""Reading the two sides of `sdkgen diff`: an OpenAPI file, or a docs folder run through the parser.

This is I/O at the edge; everything else in `generator.diff` is pure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic
from generator.openapi.load import SPEC_SUFFIXES, SpecLoadError, load_document

__all__ = ["SpecLoadError", "load_side"]


def load_side(path: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    """An OpenAPI document from a `.yaml`/`.yml`/`.json` file or from a docs folder."""
    if path.is_dir():
        return _from_docs(path)
    if path.suffix.lower() not in SPEC_SUFFIXES:
        raise SpecLoadError(f"{path}: expected a docs folder or an OpenAPI file ({', '.join(SPEC_SUFFIXES)})")
    return load_document(path), []


def _from_docs(path: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    # Imported here: the docs pipeline is large and not needed for file-vs-file diffs.
    from generator.docs_to_openapi import docs_to_openapi

    try:
        document, diagnostics, _summary = docs_to_openapi(path)
    except Exception as exc:  # a crash must not look like exit code 1 ("breaking")
        raise SpecLoadError(f"{path}: the docs pipeline failed: {exc!r}") from exc
    if not document.get("paths"):
        # Most likely the wrong folder: diffing it would report every operation as added/removed.
        raise SpecLoadError(f"{path}: no endpoint pages found in this docs folder")
    return document, list(diagnostics)
