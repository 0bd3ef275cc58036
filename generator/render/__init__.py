"""PackagePlan -> {relative path: source text} through the Jinja2 templates in `templates/`.

An override directory (`--templates DIR`) is searched first, template by template, so a
user can replace e.g. `package/models/model.py.jinja` and keep everything else.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.files import MAINTAINER_DIR, TEMPLATES_DIR
from generator.plan.package_plan import PackagePlan

# (template name, output path relative to the package root dir) for one-off files.
_PROJECT_FILES = (
    ("package/pyproject.toml.jinja", "pyproject.toml"),
    ("package/README.md.jinja", "README.md"),
    ("package/api.md.jinja", "api.md"),
)
_PACKAGE_FILES = (
    ("package/__init__.py.jinja", "__init__.py"),
    ("package/py.typed.jinja", "py.typed"),
    ("package/_client.py.jinja", "_client.py"),
    ("package/models/__init__.py.jinja", "models/__init__.py"),
    ("package/models/__init__.pyi.jinja", "models/__init__.pyi"),
    ("package/models/_index.py.jinja", "models/_index.py"),
    ("package/models/_link.py.jinja", "models/_link.py"),
    ("package/resources/__init__.py.jinja", "resources/__init__.py"),
)

# Files written only when absent (the maintainers' own folder, never overwritten or removed).
_SEED_FILES = (("package/lib/__init__.py.jinja", f"{MAINTAINER_DIR}/__init__.py"),)


def docstring_literal(body: str, indent: int) -> str:
    """`body` (already escaped by the planner) as a triple-quoted literal indented for black.

    Continuation lines get `indent` spaces (blank lines stay empty) and a multi-line docstring
    closes on its own line: exactly the layout black produces, so black has nothing to change.
    """
    pad = " " * indent
    lines = body.split("\n")
    text = lines[0] + "".join("\n" + (pad + line if line else "") for line in lines[1:])
    if text.startswith('"'):
        text = " " + text  # like black: keep a leading quote away from the opening quotes
    if len(lines) > 1:
        text += "\n" + pad
    elif text.endswith('"'):
        text += " "
    return f'"""{text}"""'


def make_environment(templates_dir: Path | None = None, bytecode_dir: Path | None = None) -> jinja2.Environment:
    """The templates' environment; with `bytecode_dir`, compiled templates are kept there (jinja
    checks each against its source's checksum), sparing a rebuild ~30 template compilations."""
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(templates_dir)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES_DIR)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # we emit Python, not HTML; quoting is decided by the planner
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(bytecode_dir) if bytecode_dir is not None else None,
    )
    env.filters["docstring"] = docstring_literal
    return env


def _bytecode_cache(directory: Path) -> jinja2.BytecodeCache | None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:  # an unwritable cache costs the compilations, never the build
        return None
    return jinja2.FileSystemBytecodeCache(str(directory))


def render_seeds(plan: PackagePlan, templates_dir: Path | None = None) -> dict[str, str]:
    """The files written only when missing (`<package>/lib/__init__.py`), by path like render_package."""
    env = make_environment(templates_dir)
    return {f"{plan.package_name}/{out}": env.get_template(name).render(plan=plan) for name, out in _SEED_FILES}


def render_package(plan: PackagePlan, templates_dir: Path | None = None) -> dict[str, str]:
    """Every file of the package, unformatted, keyed by path relative to the output dir."""
    from generator.render.modules import render_jobs  # it imports this module's file lists

    return {job.path: job.render() for job in render_jobs(plan, make_environment(templates_dir))}
