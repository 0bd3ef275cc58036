"""Shared fixtures: where the read-only reference material lives, and corpus documents built once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from runtime_harness import rt, server  # noqa: F401 - fixtures shared by the runtime tests

REPO = Path(__file__).resolve().parent.parent
# The golden records are generated packages with test suites of their own (run against Prism by
# the package's users), and the scripts are run inside generated packages: neither is ours to collect.
collect_ignore_glob = ["golden/*", "sdk_scripts/*"]


def shared_dir() -> Path | None:
    """`$SDKGEN_SHARED`, else `../shared` beside the checkout; None when neither exists."""
    configured = os.environ.get("SDKGEN_SHARED")
    candidate = Path(configured) if configured else REPO.parent / "shared"
    return candidate if candidate.is_dir() else None


def require_shared(*parts: str) -> Path:
    base = shared_dir()
    if base is None:
        pytest.skip(
            "reference material not found: set SDKGEN_SHARED to the shared/ folder (CI does) or put it at ../shared"
        )
    path = base.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is missing from the shared material")
    return path


CORPORA = ("superoffice-10.0.2", "superoffice-2021-08")


@pytest.fixture(scope="session")
def corpus_build() -> Any:
    """Parse each corpus once per session: {name: (PageResults, document, diagnostics, summary)}."""
    from generator.corpus import parse_folder
    from generator.docs_to_openapi import pages_to_openapi

    built: dict[str, Any] = {}

    def get(name: str) -> Any:
        if name not in built:
            root = require_shared("corpus", name, "restful")
            results = parse_folder(root)
            document, diagnostics, summary = pages_to_openapi(results)
            built[name] = (root, results, document, diagnostics, summary)
        return built[name]

    return get


@pytest.fixture(scope="session")
def sdk_1002(tmp_path_factory: pytest.TempPathFactory, corpus_build: Any) -> Path:
    """The SDK of the whole 10.0.2 reference (`superoffice_webapi`), generated once per session."""
    from generate_support import generate_into

    out = tmp_path_factory.mktemp("sdk-1002")
    generate_into(out, corpus_build("superoffice-10.0.2")[2], "superoffice_webapi")
    return out
