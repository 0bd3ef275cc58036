"""The runtime templates as rendered: deterministic, black-formatted, mypy --strict clean, light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import black
import pytest
from generate_support import run_script
from runtime_harness import (
    PACKAGE_NAME,
    SUPEROFFICE_SCHEMES,
    render_runtime,
    write_package,
)

RUNTIME_MODULES = [
    "_auth.py",
    "_base_client.py",
    "_bodies.py",
    "_client_core.py",
    "_construct.py",
    "_deadline.py",
    "_errors.py",
    "_models.py",
    "_redact.py",
    "_redirects.py",
    "_request_parts.py",
    "_response.py",
    "_streams.py",
    "_types.py",
]


def test_renders_every_runtime_module() -> None:
    assert sorted(render_runtime()) == RUNTIME_MODULES


def test_rendering_is_deterministic_and_independent_of_jinja_whitespace_options() -> None:
    plain = render_runtime()
    assert render_runtime() == plain
    assert render_runtime(trim_blocks=True, lstrip_blocks=True) == plain


@pytest.mark.parametrize(
    "schemes",
    [
        SUPEROFFICE_SCHEMES,
        {},
        {
            "oauth": {"type": "oauth2", "flows": {}},
            "key": {"type": "apiKey", "in": "query", "name": "api_key"},
            'we"ird\\': {"type": "mutualTLS"},
        },
    ],
    ids=["superoffice", "none", "other"],
)
def test_rendered_modules_are_black_formatted_python(schemes: dict[str, Any]) -> None:
    for name, source in render_runtime(security_schemes=schemes).items():
        compile(source, name, "exec")
        assert black.format_str(source, mode=black.Mode()) == source, f"{name} is not black-formatted"


def test_auth_docstring_lists_the_spec_schemes() -> None:
    rendered = render_runtime()["_auth.py"]
    assert "- ``soTicket``: ``SoTicketAuth(ticket, app_token=None)``" in rendered
    assert '- ``xsrfToken``: ``ApiKeyAuth("X-XSRF-TOKEN", value)``' in rendered
    assert "declares no security schemes" in render_runtime(security_schemes={})["_auth.py"]


def test_package_name_is_used_for_user_agent_and_logger() -> None:
    rendered = render_runtime(package_name="superoffice_webapi")["_client_core.py"]
    assert 'PACKAGE_NAME = "superoffice_webapi"' in rendered


def test_rendered_package_passes_mypy_strict(tmp_path: Path) -> None:
    """Runtime plus client/resource/model stand-ins in the generated shape type-check strictly."""
    write_package(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--python-version",
            "3.10",
            PACKAGE_NAME,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_client_stays_light(tmp_path: Path) -> None:
    """Importing the package pulls in httpx only: pydantic, asyncio, anyio and
    importlib.metadata load on first use. Constructing a client creates no httpx.Client yet
    (its TLS setup is costly); the first use adds httpx's transport (httpcore, which imports
    anyio) but still no pydantic."""
    write_package(tmp_path)
    assert run_script(tmp_path, "runtime_import_weight.py", PACKAGE_NAME) == [[], [], ["anyio"]]
