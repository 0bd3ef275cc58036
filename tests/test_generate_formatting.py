"""Generated code is exactly what black makes of it, and the writer only touches what changed."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import black
import pytest
from black.mode import TargetVersion
from generate_support import BLACK_CACHE, generate_into, load_fixture
from test_generate_nasty import nasty_spec

from generator.files import MANIFEST_NAME
from generator.openapi_to_package import generate_package
from generator.plan import build_plan
from generator.render import render_package
from generator.writer import GenerationError, format_files, write_files


def _assert_black_clean(files: Mapping[str, str]) -> None:
    mode = black.Mode(target_versions={TargetVersion.PY310}, line_length=88)
    for path, text in files.items():
        if path.endswith(".py"):
            assert black.format_str(text, mode=mode) == text, f"{path} is not black-formatted"


@pytest.mark.parametrize("fixture", ["petstore_3_0.yaml", "superoffice_mini.yaml"])
def test_output_is_black_formatted(fixture: str) -> None:
    _assert_black_clean(generate_package(load_fixture(fixture), package_name="pkg", cache_dir=BLACK_CACHE))


@pytest.mark.parametrize("fixture", ["petstore_3_0.yaml", "superoffice_mini.yaml"])
def test_writer_output_is_black_of_the_rendered_code(fixture: str, tmp_path: Path) -> None:
    """The templates emit every expression on one line; the writer's result is exactly black's."""
    rendered = render_package(build_plan(load_fixture(fixture), package_name="pkg"))
    formatted = format_files(rendered, cache_dir=tmp_path)
    mode = black.Mode(target_versions={TargetVersion.PY310}, line_length=88)
    long_lines = 0
    for path, text in rendered.items():
        if path.endswith(".py"):
            long_lines += sum(len(line) > 88 for line in text.split("\n"))
            assert formatted[path] == black.format_str(text, mode=mode), path
    assert long_lines > 20  # the check covers real layout work, not only files black leaves alone


def test_nasty_output_is_black_formatted() -> None:
    files = generate_package(nasty_spec(), package_name="nasty", cache_dir=BLACK_CACHE)
    sample = {p: t for p, t in files.items() if "/chain" not in p or p.endswith(("/chain1.py", "/chain999.py"))}
    _assert_black_clean(sample)


def test_two_runs_give_identical_bytes(tmp_path: Path) -> None:
    spec = load_fixture("superoffice_mini.yaml")
    first = generate_package(spec, package_name="so", cache_dir=tmp_path / "cache1")
    second = generate_package(spec, package_name="so", cache_dir=tmp_path / "cache2")
    assert first == second
    assert not any(str(tmp_path) in text or "/work/" in text for text in first.values())


def test_version_argument_and_validation() -> None:
    files = generate_package(
        load_fixture("petstore_3_0.yaml"), package_name="pet", version="2.3.4", cache_dir=BLACK_CACHE
    )
    assert 'version = "2.3.4"' in files["pyproject.toml"]
    assert '__version__ = "2.3.4"' in files["pet/__init__.py"]
    with pytest.raises(ValueError):
        generate_package(load_fixture("petstore_3_0.yaml"), package_name="pet", version="not a version")


def test_template_override_replaces_one_template_by_name(tmp_path: Path) -> None:
    override = tmp_path / "templates" / "package" / "models"
    override.mkdir(parents=True)
    (override / "alias.py.jinja").write_text("# unused\n")
    (override / "model.py.jinja").write_text(
        "from .._models import BaseModel\n\n\nclass {{ model.class_name }}(BaseModel):\n"
        '    """Custom template."""\n\n    custom: bool = True\n'
    )
    files = generate_package(
        load_fixture("petstore_3_0.yaml"),
        package_name="pet",
        templates_dir=tmp_path / "templates",
        cache_dir=BLACK_CACHE,
    )
    assert "custom: bool = True" in files["pet/models/pet.py"]
    assert "def get_pet_by_id(" in files["pet/resources/pet.py"]  # every other template is the built-in one


def test_writer_keeps_unchanged_files_and_removes_stale_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate_into(out, load_fixture("petstore_3_0.yaml"), "pet")
    keep = out / "pet" / "models" / "pet.py"
    os.utime(keep, (1_000_000, 1_000_000))
    (out / "user_file.txt").write_text("mine")
    spec = load_fixture("petstore_3_0.yaml")
    del spec["components"]["schemas"]["Order"]
    for path in ("/store/order", "/store/order/{orderId}"):
        del spec["paths"][path]
    files = generate_package(spec, package_name="pet", cache_dir=BLACK_CACHE)
    report = write_files(out, files)
    assert keep.stat().st_mtime == 1_000_000
    assert "pet/models/order.py" in report.removed and not (out / "pet/models/order.py").exists()
    assert "pet/models/pet.py" in report.unchanged
    assert (out / "user_file.txt").read_text() == "mine"
    assert (out / MANIFEST_NAME).read_text().splitlines() == sorted(files)
    again = write_files(out, files)
    assert again.written == [] and again.removed == []


_LONG_HEADERS = '''from typing import Literal


class AppointmentEntityWithLinksAndMore(HasUserDefinedFields, HasExtraFields, HasCustomFields, BaseModel):
    """A model whose class line alone is too long."""

    model_config = ConfigDict(extra="allow")
    appointment_id: int | None = None
    description: "str | None" = FieldInfo(default=None, alias="Description", description="A very long description of this field.")


class Resource:
    @overload
    def add_udef_field_with_a_long_name(self, *, udef_field_type: Literal["Number", "ShortText", "LongText", "Date", "UnlimitedDate"], label: str) -> int:
        """Add a field.

        Args:
            udef_field_type: the type.
        """
        return self._post("/api/v1/udef", body={"type": udef_field_type, "label": label, "something_else": 12345})
'''


def test_over_long_headers_are_split_like_black(tmp_path: Path) -> None:
    """A class or def whose header alone is too long: black on the header, the body statement by
    statement (generator/writer.py _format_header); the result is still whole-file black."""
    mode = black.Mode(target_versions={TargetVersion.PY310}, line_length=88)
    formatted = format_files({"pkg/models/m.py": _LONG_HEADERS}, cache_dir=tmp_path, workers=1)
    assert formatted["pkg/models/m.py"] == black.format_str(_LONG_HEADERS, mode=mode)


def test_first_file_that_does_not_compile_is_reported_from_the_workers(tmp_path: Path) -> None:
    files = {f"pkg/m{i}.py": "x = [" + ", ".join(map(str, range(3000))) + "]\n" for i in range(20)}
    files["pkg/outside.py"] = "return 1\n"
    files["pkg/broken.py"] = "def f(:\n"
    with pytest.raises(GenerationError, match=r"pkg/outside.py:1: 'return' outside function"):
        format_files(files, cache_dir=tmp_path, workers=2)


def _static_templates() -> list[str]:
    from generator.files import TEMPLATES_DIR
    from generator.render.modules import is_static

    names = sorted(p.relative_to(TEMPLATES_DIR).as_posix() for p in TEMPLATES_DIR.rglob("*.py.jinja"))
    return [name for name in names if is_static(name)]


def test_static_templates_are_black_stable_statement_by_statement() -> None:
    """The writer formats files from static built-in templates statement by statement
    (render.modules.static_paths): their text is the same for every spec, so this is the proof
    that the result is whole-file black's."""
    from generator.render import make_environment
    from generator.render.modules import with_notice
    from generator.writer import format_statements

    mode = black.Mode(target_versions={TargetVersion.PY310}, line_length=88)
    env = make_environment()
    static = _static_templates()
    assert len(static) >= 10  # the runtime modules without Jinja syntax
    for name in static:
        text = with_notice("pkg/module.py", env.get_template(name).render())
        assert format_statements(text) == black.format_str(text, mode=mode), name
