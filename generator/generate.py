"""The pure pipeline: OpenAPI document -> {relative path: formatted source}."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.plan import build_plan
from generator.render import render_package
from generator.writer import default_cache_dir, format_files


def load_spec(path: Path, *, cache_dir: Path | None = None) -> Any:
    """Read a YAML or JSON OpenAPI document.

    YAML parsing of the full SuperOffice spec takes most of a regeneration (13 s for 14 MB,
    even with libyaml), so the parsed document is cached as JSON by content hash.
    """
    data = path.read_bytes()
    if path.suffix.lower() == ".json":
        return json.loads(data)
    cache = (cache_dir or default_cache_dir().parent / "specs") / (hashlib.sha256(data).hexdigest() + ".json")
    try:
        return json.loads(cache.read_bytes())
    except (OSError, ValueError):
        pass
    loaded = yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    # Round-trip through JSON so a cached and a fresh load give the same values (YAML dates -> str).
    document = json.loads(json.dumps(loaded, default=str))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, default=str)  # YAML dates/timestamps become strings
        os.replace(tmp, cache)
    except (OSError, TypeError, ValueError):
        pass
    return document


def generate_package(
    spec: dict[str, Any],
    *,
    package_name: str,
    version: str = "0.1.0",
    templates_dir: Path | None = None,
    cache_dir: Path | None = None,
) -> dict[str, str]:
    """Plan, render and black-format a whole package; keys are paths relative to OUT_DIR.

    Every rendered Python file is compiled first, so a template bug or an unsafe spec string
    fails here, naming the file, instead of in the user's import.
    """
    plan = build_plan(spec, package_name=package_name, version=version)
    files = render_package(plan, templates_dir)
    return format_files(files, cache_dir=cache_dir)
