"""The package as render jobs: one per output file, each with the key of everything it reads.

A job's key digests the exact plan object its template renders (a model, a resource, a test
resource, the runtime context) and the plan's package-wide names; the cache holding finished
(formatted) text per key is itself keyed by sdkgen's code and the templates' fingerprint
(cache.ModuleCache). Package-wide files (the client, the indexes, README, pyproject, conftest)
read the whole plan: they have no key and are rendered every time (black's content cache still
spares their formatting when they did not change).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

import jinja2

from generator.plan.package_plan import PackagePlan
from generator.render import _PACKAGE_FILES, _PROJECT_FILES

# Plan fields that per-module templates never read (or that have keys of their own).
_NOT_IN_HEADER = frozenset({"version", "models", "resources", "tests", "diagnostics"})


@dataclass(frozen=True)
class RenderJob:
    path: str  # relative to the output dir
    key: str | None  # None: read the whole plan, always rendered
    render: Callable[[], str]


def _header(plan: PackagePlan) -> str:
    return repr([(f.name, getattr(plan, f.name)) for f in fields(plan) if f.name not in _NOT_IN_HEADER])


# What a job's key digests of its plan object: repr, or a cheaper text that determines the object
# as well and is the same in every process (plan.incremental.CaseMemo.subject_repr).
SubjectRepr = Callable[[object], str]


def _key(header: str, template: str, subject: Any, subject_repr: SubjectRepr = repr) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in (header, template, subject_repr(subject)):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


def _job(env: jinja2.Environment, path: str, template: str, key: str | None, **context: Any) -> RenderJob:
    return RenderJob(path, key, lambda: env.get_template(template).render(**context))


def runtime_context(plan: PackagePlan) -> dict[str, Any]:
    """What runtime templates (and profile runtime templates) are rendered with."""
    return {
        "package_name": plan.package_name,
        "security_schemes": plan.security_schemes,
        "auth": plan.auth,
        "errors": plan.errors,
    }


def render_jobs(plan: PackagePlan, env: jinja2.Environment, subject_repr: SubjectRepr = repr) -> list[RenderJob]:
    """Every file of the package as a job: its path, its cache key (None: always rendered), its text."""
    pkg = plan.package_name
    header = _header(plan)
    jobs = [_job(env, out, template, None, plan=plan) for template, out in _PROJECT_FILES]
    jobs += [_job(env, f"{pkg}/{out}", template, None, plan=plan) for template, out in _PACKAGE_FILES]
    runtime = runtime_context(plan)
    for name in sorted(n for n in env.list_templates() if n.startswith("runtime/") and n.endswith(".py.jinja")):
        stem = name[len("runtime/") : -len(".jinja")]
        if stem == "_auth.py" and not plan.auth.has_runtime:
            continue  # no declared scheme has a class: no auth module at all
        jobs.append(_job(env, f"{pkg}/{stem}", name, _key(header, name, runtime), **runtime))
    for name, out in plan.profile.files if plan.profile else ():
        jobs.append(_job(env, f"{pkg}/{out}", name, _key(header, name, runtime), **runtime))
    for model in plan.models:
        template = f"package/models/{model.kind}.py.jinja"
        path = f"{pkg}/models/{model.module_name}.py"
        jobs.append(_job(env, path, template, _key(header, template, model, subject_repr), plan=plan, model=model))
    template = "package/resources/resource.py.jinja"
    for resource in plan.resources:
        path = f"{pkg}/resources/{resource.module_name}.py"
        jobs.append(
            _job(env, path, template, _key(header, template, resource, subject_repr), plan=plan, resource=resource)
        )
    jobs += _test_jobs(env, plan, header, subject_repr)
    return jobs


def _test_jobs(env: jinja2.Environment, plan: PackagePlan, header: str, subject_repr: SubjectRepr) -> list[RenderJob]:
    suite = plan.tests
    if suite is None or not (suite.resources or suite.has_runtime_tests):
        return []
    jobs = [
        _job(env, "tests/conftest.py", "package/tests/conftest.py.jinja", None, plan=plan),
        _job(env, "tests/openapi.json", "package/tests/openapi.json.jinja", None, plan=plan),
    ]
    module, data = "package/tests/test_resource.py.jinja", "package/tests/samples.json.jinja"
    for resource in suite.resources:
        key = _key(header, module, resource, subject_repr)
        jobs.append(_job(env, f"tests/test_{resource.module_name}.py", module, key, plan=plan, resource=resource))
    for resource in suite.resources + suite.extra_cases:
        key = _key(header, data, resource, subject_repr)
        jobs.append(_job(env, f"tests/samples/{resource.module_name}.json", data, key, plan=plan, resource=resource))
    if suite.has_runtime_tests:
        runtime = "package/tests/test_client_runtime.py.jinja"
        jobs.append(_job(env, "tests/test_client_runtime.py", runtime, None, plan=plan))
    return jobs
