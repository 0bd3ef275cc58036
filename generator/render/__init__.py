"""PackagePlan -> {relative path: source text} through the Jinja2 templates in `templates/`.

An override directory (`--templates DIR`) is searched first, template by template, so a
user can replace e.g. `package/models/model.py.jinja` and keep everything else.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.plan.package_plan import PackagePlan

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"

# (template name, output path relative to the package root dir) for one-off files.
_PROJECT_FILES = (
    ("package/pyproject.toml.jinja", "pyproject.toml"),
    ("package/README.md.jinja", "README.md"),
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


def make_environment(templates_dir: Path | None = None) -> jinja2.Environment:
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
    )
    env.filters["docstring"] = docstring_literal
    return env


def render_package(plan: PackagePlan, templates_dir: Path | None = None) -> dict[str, str]:
    """Every file of the package, unformatted, keyed by path relative to the output dir."""
    env = make_environment(templates_dir)
    pkg = plan.package_name
    files: dict[str, str] = {}
    for template, out in _PROJECT_FILES:
        files[out] = env.get_template(template).render(plan=plan)
    for template, out in _PACKAGE_FILES:
        files[f"{pkg}/{out}"] = env.get_template(template).render(plan=plan)
    runtime_names = sorted(
        name for name in env.list_templates() if name.startswith("runtime/") and name.endswith(".py.jinja")
    )
    runtime_context = {"package_name": pkg, "security_schemes": plan.security_schemes}
    for name in runtime_names:
        stem = name[len("runtime/") : -len(".jinja")]
        files[f"{pkg}/{stem}"] = env.get_template(name).render(**runtime_context)
    for name, out in plan.profile.files if plan.profile else ():
        files[f"{pkg}/{out}"] = env.get_template(name).render(**runtime_context)
    model_templates = {
        "model": env.get_template("package/models/model.py.jinja"),
        "alias": env.get_template("package/models/alias.py.jinja"),
    }
    for model in plan.models:
        files[f"{pkg}/models/{model.module_name}.py"] = model_templates[model.kind].render(plan=plan, model=model)
    resource_template = env.get_template("package/resources/resource.py.jinja")
    for resource in plan.resources:
        files[f"{pkg}/resources/{resource.module_name}.py"] = resource_template.render(plan=plan, resource=resource)
    files.update(render_tests(env, plan))
    return files


def render_tests(env: jinja2.Environment, plan: PackagePlan) -> dict[str, str]:
    """The generated test suite (tests/ beside the package), when the plan has one."""
    suite = plan.tests
    if suite is None or not (suite.resources or suite.has_runtime_tests):
        return {}
    files = {
        "tests/conftest.py": env.get_template("package/tests/conftest.py.jinja").render(plan=plan),
        "tests/openapi.json": env.get_template("package/tests/openapi.json.jinja").render(plan=plan),
    }
    module_template = env.get_template("package/tests/test_resource.py.jinja")
    data_template = env.get_template("package/tests/samples.json.jinja")
    for resource in suite.resources:
        files[f"tests/test_{resource.module_name}.py"] = module_template.render(plan=plan, resource=resource)
    for resource in suite.resources + suite.extra_cases:
        files[f"tests/samples/{resource.module_name}.json"] = data_template.render(plan=plan, resource=resource)
    if suite.has_runtime_tests:
        files["tests/test_client_runtime.py"] = env.get_template("package/tests/test_client_runtime.py.jinja").render(
            plan=plan
        )
    return files
