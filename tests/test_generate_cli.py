"""`sdkgen generate SPEC -o OUT_DIR`: the command line edge."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from generate_support import FIXTURES

from generator.cli import main
from generator.render.modules import GENERATED_NOTICE


def test_generate_writes_the_package_and_reruns_without_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache" / "black"))
    out = tmp_path / "out"
    args = ["generate", str(FIXTURES / "superoffice_mini.yaml"), "-o", str(out), "--package-name", "superoffice_webapi"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert (out / "superoffice_webapi" / "resources" / "chat_agent.py").is_file()
    assert (out / "pyproject.toml").read_text().count('version = "0.1.0"') == 1
    second = CliRunner().invoke(main, [*args, "--version", "0.2.0"])
    assert second.exit_code == 0, second.output
    assert "2 written" in second.output  # pyproject.toml and __init__.py carry the version
    assert 'version = "0.2.0"' in (out / "pyproject.toml").read_text()


def test_package_name_defaults_to_the_title_and_templates_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache" / "black"))
    templates = tmp_path / "tpl" / "package"
    templates.mkdir(parents=True)
    (templates / "README.md.jinja").write_text("# custom readme for {{ plan.client_class }}\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["generate", str(FIXTURES / "petstore_3_0.yaml"), "-o", str(out), "--templates", str(tmp_path / "tpl")]
    )
    assert result.exit_code == 0, result.output
    assert (out / "petstore" / "_client.py").is_file()
    # An overriding template's output is still a generated file: it gets the notice too.
    assert (out / "README.md").read_text() == f"<!-- {GENERATED_NOTICE} -->\n# custom readme for Petstore\n"


def test_bad_spec_is_a_clean_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just\n- a list\n")
    result = CliRunner().invoke(main, ["generate", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0 and "not an OpenAPI document" in result.output
