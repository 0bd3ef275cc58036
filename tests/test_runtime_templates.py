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
    "_hooks.py",
    "_models.py",
    "_patch.py",
    "_redact.py",
    "_redirects.py",
    "_request_parts.py",
    "_response.py",
    "_streams.py",
    "_ticket_auth.py",  # the SuperOffice profile's SoTicketAuth (the harness's default schemes)
    "_tls.py",
    "_types.py",
]


def test_renders_every_runtime_module() -> None:
    assert sorted(render_runtime()) == RUNTIME_MODULES


def test_rendering_is_deterministic() -> None:
    assert render_runtime() == render_runtime()


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
    for name, source in render_runtime(security_schemes=schemes, profile="none").items():
        compile(source, name, "exec")
        assert black.format_str(source, mode=black.Mode()) == source, f"{name} is not black-formatted"


def test_auth_module_has_exactly_the_declared_schemes() -> None:
    rendered = render_runtime(security_schemes=SUPEROFFICE_SCHEMES)
    assert "- ``soTicket``: ``SoTicketAuth(ticket, app_token=None, refresh=None)``" in rendered["_auth.py"]
    assert "- ``xsrfToken``: ``XsrfTokenAuth(key)``" in rendered["_auth.py"]
    assert "class SoTicketAuth(_HeaderAuth)" in rendered["_ticket_auth.py"]
    generic = render_runtime(security_schemes=SUPEROFFICE_SCHEMES, profile="none")
    assert "_ticket_auth.py" not in generic and "SOTicket {credential}" not in generic["_auth.py"]
    assert "class SoTicketAuth(_KeyAuth)" in generic["_auth.py"]  # a plain apiKey without the profile
    only_key = render_runtime(security_schemes={"k": {"type": "apiKey", "in": "query", "name": "key"}}, profile="none")
    assert "class ApiKeyAuth(_KeyAuth)" in only_key["_auth.py"]
    assert "class BasicAuth" not in only_key["_auth.py"] and "class BearerAuth" not in only_key["_auth.py"]
    assert "_auth.py" not in render_runtime(security_schemes={}, profile="none")


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
