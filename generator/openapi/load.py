"""Loading an OpenAPI document from a JSON or YAML file: the one loader every command uses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.files import atomic_write, cache_root

SPEC_SUFFIXES = (".yaml", ".yml", ".json")


class SpecLoadError(ValueError):
    """The file is not a readable OpenAPI 3.x document (a usage error: exit code 2)."""


def load_document(path: Path, *, cache_dir: Path | None = None, check_version: bool = True) -> dict[str, Any]:
    """Read a `.json`, `.yaml` or `.yml` OpenAPI document.

    YAML parsing of the full SuperOffice spec costs seconds (13 s for 14 MB, even with libyaml), so
    a parsed YAML document is cached as JSON by content hash under `cache_dir` (default
    `<cache root>/specs`). Values go through JSON either way, so a cached and a fresh load agree
    (YAML dates become strings).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SpecLoadError(f"{path}: {exc.strerror or exc}") from exc
    is_json = path.suffix.lower() == ".json"
    import yaml  # here, not at the top: `sdkgen parse` imports this module and never loads YAML

    try:
        document = json.loads(data) if is_json else _load_yaml(data, cache_dir or cache_root() / "specs")
    except (ValueError, yaml.YAMLError) as exc:
        raise SpecLoadError(f"{path}: not valid {'JSON' if is_json else 'YAML'}: {exc}") from exc
    if not isinstance(document, dict):
        raise SpecLoadError(f"{path}: not an OpenAPI document (top level is not a mapping)")
    if check_version and not str(document.get("openapi", "")).startswith("3."):
        raise SpecLoadError(f"{path}: not an OpenAPI 3.x document (no 'openapi: 3.x' field)")
    return document


def _load_yaml(data: bytes, cache_dir: Path) -> Any:
    import hashlib  # (its OpenSSL binding costs ~10 ms to import; only YAML loads need it)

    cache = cache_dir / (hashlib.sha256(data).hexdigest() + ".json")
    try:
        return json.loads(cache.read_bytes())
    except (OSError, ValueError):
        pass
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = json.loads(json.dumps(yaml.load(data, Loader=loader), default=str))
    try:
        atomic_write(cache, json.dumps(document).encode("utf-8"))
    except OSError:
        pass  # a read-only cache only costs speed
    return document
