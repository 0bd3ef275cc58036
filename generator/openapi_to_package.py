"""The second half of sdkgen: an OpenAPI document -> {relative path: formatted source}.

Plan, render and format are pure; black's results are cached by content (see writer.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.plan import build_plan
from generator.render import render_package
from generator.writer import format_files


def generate_package(
    spec: dict[str, Any],
    *,
    package_name: str,
    version: str = "0.1.0",
    templates_dir: Path | None = None,
    cache_dir: Path | None = None,
    profile: str | None = None,
) -> dict[str, str]:
    """Plan, render and black-format a whole package; keys are paths relative to OUT_DIR.

    Every rendered Python file is compiled first, so a template bug or an unsafe spec string
    fails here, naming the file, instead of in the user's import.
    """
    plan = build_plan(spec, package_name=package_name, version=version, profile=profile)
    files = render_package(plan, templates_dir)
    return format_files(files, cache_dir=cache_dir)
