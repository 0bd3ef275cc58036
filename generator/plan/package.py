"""OpenAPI document -> PackagePlan (the whole package, every name decided)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from generator.diagnostics import Diagnostic, Severity
from generator.openapi import template_variables
from generator.plan.auth import plan_auth
from generator.plan.checks import at, check_document
from generator.plan.distribution import plan_distribution
from generator.plan.errors import plan_errors
from generator.plan.incremental import CaseMemo
from generator.plan.models import SchemaRegistry
from generator.plan.names import (
    BUILTIN_NAMES,
    KEYWORDS,
    NameAllocator,
    as_dict,
    as_list,
    clean_text,
    docstring_body,
    pascal_case,
    py_str,
    safe_identifier,
    snake_case,
    words,
)
from generator.plan.package_plan import ClientOptionPlan, PackagePlan, ServerVariablePlan, TestSuitePlan
from generator.plan.readme import plan_readme
from generator.plan.resources import OperationPlanner, build_resources
from generator.plan.samples import plan_tests

# Words that describe what every API is; dropped when naming the client class.
_GENERIC_TITLE_WORDS = frozenset(
    {
        "api",
        "apis",
        "webapi",
        "web",
        "rest",
        "restful",
        "http",
        "swagger",
        "openapi",
        "service",
        "services",
        "client",
        "sdk",
        "reference",
        "the",
    }
)
# Attributes of the runtime client classes that resource properties must not replace.
CLIENT_RESERVED = frozenset(
    {
        "request",
        "close",
        "base_url",
        "timeout",
        "max_retries",
        "auth",
        "default_headers",
        "copy",
        "with_options",
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "options",
        "head",
        "retry_non_idempotent",
        "http_client",
        "strip_base_suffix",
        "rate_limiter",
        "hooks",
    }
)
_VERSION_RE = re.compile(r"^\d+(\.\d+)*$|^v\d+(\.\d+)*$", re.IGNORECASE)
_PACKAGE_NAME_RE = re.compile(r"^[a-z_][a-z0-9_]*$")


# Names that _client.py imports or the package root exports besides the client classes.
_CLIENT_MODULE_NAMES = frozenset(
    (
        "Any",
        "ApiKeyAuth",
        "AsyncAPIClient",
        "BasicAuth",
        "BearerAuth",
        "Generic",
        "Mapping",
        "SyncAPIClient",
        "Timeout",
        "TypeVar",
        "overload",
    )
)


def client_module_names() -> frozenset[str]:
    """What `_client.py` imports besides the client and resource classes, and the package exports."""
    return _CLIENT_MODULE_NAMES | {n for n, _ in RUNTIME_EXPORTS}


def client_class_name(spec: dict[str, Any], package_name: str) -> str:
    """`SuperOffice WebAPI` -> `SuperOffice`, `Swagger Petstore - OpenAPI 3.0` -> `Petstore`."""
    info = as_dict(spec.get("info"))
    explicit = info.get("x-sdkgen-client-name")
    if isinstance(explicit, str) and explicit.isidentifier():
        return explicit
    title = clean_text(info.get("title"))
    tokens = [t for t in re.split(r"[^A-Za-z0-9.]+", title) if t.strip(".")]
    kept = [w for t in tokens if t.lower() not in _GENERIC_TITLE_WORDS and not _VERSION_RE.match(t) for w in words(t)]
    name = "".join(w[:1].upper() + w[1:] for w in kept) or pascal_case(package_name) or "Client"
    if not name[0].isalpha():
        name = "Client" + name
    # A title `Hooks` or `Timeout` would shadow what _client.py imports or the package exports.
    if name in client_module_names():
        name += "Client"
    return name + "_" if name in KEYWORDS else name  # a title `None` or `True`


def _base_url_default(spec: dict[str, Any]) -> str | None:
    servers = spec.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict):
        url = servers[0].get("url")
        if isinstance(url, str) and re.match(r"^https?://[^{}\s]+$", url):
            return py_str(url.rstrip("/"))
    return None


def _server_variables(spec: dict[str, Any], taken: set[str]) -> tuple[str | None, tuple[ServerVariablePlan, ...]]:
    """The first server's URL template and its variables, when each one has a default."""
    servers = spec.get("servers")
    first = as_dict(servers[0]) if isinstance(servers, list) and servers else {}
    url, variables = first.get("url"), as_dict(first.get("variables"))
    used = template_variables(url) if isinstance(url, str) else []
    if not isinstance(url, str) or not variables or not used:
        return None, ()
    if any(name not in variables or not isinstance(as_dict(variables[name]).get("default"), str) for name in used):
        return None, ()
    names = NameAllocator(taken)
    plans: list[ServerVariablePlan] = []
    for wire in used:
        variable = as_dict(variables[wire])
        doc = clean_text(variable.get("description"))
        if doc and doc[-1] not in ".!?":
            doc += "."
        enum = [str(v) for v in as_list(variable.get("enum"))]
        if enum:
            doc = (doc + " " if doc else "") + "One of: " + ", ".join(enum) + "."
        plans.append(
            ServerVariablePlan(
                name=names.take(safe_identifier(snake_case(wire), reserved=CLIENT_RESERVED, fallback="server")),
                wire_literal=py_str("{" + wire + "}"),
                default_literal=py_str(str(variable["default"])),
                annotation=f"Literal[{', '.join(py_str(v) for v in enum)}]" if enum else "str",
                doc=docstring_body(doc or f"The {{{wire}}} part of the server URL.").replace("\n", " "),
            )
        )
    return py_str(url.rstrip("/")), tuple(plans)


# Public names of the package root -> runtime module that defines them (imported lazily).
RUNTIME_EXPORTS: tuple[tuple[str, str], ...] = (
    ("APIResponse", "_response"),
    ("NOT_MODIFIED", "_response"),
    ("NotModified", "_response"),
    ("NOT_GIVEN", "_types"),
    ("NotGiven", "_types"),
    ("FileTypes", "_types"),
    ("RequestOptions", "_types"),
    ("Hooks", "_hooks"),
    ("SdkError", "_errors"),
    ("APIConnectionError", "_errors"),
    ("APITimeoutError", "_errors"),
    ("APIStatusError", "_errors"),
    ("APIResponseValidationError", "_errors"),
    ("InvalidRequestError", "_errors"),
    ("ClientClosedError", "_errors"),
    ("RedirectError", "_errors"),
    ("TooManyRedirectsError", "_errors"),
    ("CrossOriginRedirectError", "_errors"),
    ("ResponseTooLargeError", "_errors"),
    ("ResponseDecodingError", "_errors"),
    ("ResponseNotReadError", "_errors"),
    ("ClientError", "_errors"),
    ("ServerError", "_errors"),
    ("BadRequestError", "_errors"),
    ("AuthenticationError", "_errors"),
    ("PermissionDeniedError", "_errors"),
    ("NotFoundError", "_errors"),
    ("ConflictError", "_errors"),
    ("PreconditionFailedError", "_errors"),
    ("UnprocessableEntityError", "_errors"),
    ("RateLimitError", "_errors"),
    ("InternalServerError", "_errors"),
)
# Constructor arguments of the generated clients; client options must not take these names.
CLIENT_ARGUMENTS = frozenset(
    {
        "self",
        "base_url",
        "auth",
        "http_client",
        "timeout",
        "max_retries",
        "retry_non_idempotent",
        "default_headers",
        "hooks",
    }
)
_VERSION_OK = re.compile(r"^\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?$")


def _unique_options(planner: OperationPlanner) -> tuple[ClientOptionPlan, ...]:
    names = NameAllocator(CLIENT_ARGUMENTS | KEYWORDS | BUILTIN_NAMES)
    return tuple(replace(o, name=names.take(o.name)) for o in planner.client_options.values())


def _plan_webhook_payloads(spec: dict[str, Any], registry: SchemaRegistry) -> None:
    """Webhooks are not client methods, but their payloads are models (`<Name>Payload`) users parse."""
    for name, item in sorted(as_dict(spec.get("webhooks")).items()):
        for method, operation in sorted(as_dict(registry.deref(item)).items()):
            body = as_dict(registry.deref(as_dict(operation).get("requestBody")))
            for media, content in as_dict(body.get("content")).items():
                if isinstance(media, str) and "json" in media:
                    hint = pascal_case(str(name)) + ("" if method == "post" else pascal_case(method)) + "Payload"
                    registry.resolve(as_dict(content).get("schema"), hint)
                    break


def build_plan(
    spec: dict[str, Any],
    *,
    package_name: str,
    version: str = "0.1.0",
    source: str = "openapi",
    profile: str | None = None,
    memo: CaseMemo | None = None,
    license: str | None = None,
) -> PackagePlan:
    """The whole package; `source` names the spec in diagnostics (`<source>#<JSON pointer>`);
    `profile` overrides the document's `x-sdkgen-profile` (generator/profiles); `memo` reuses the
    sample checks of operations whose spec fragments did not change; `license` (SPDX) is the
    distribution's licence (generator/plan/distribution.py)."""
    return start_plan(
        spec, package_name=package_name, version=version, source=source, profile=profile, memo=memo, license=license
    ).finish()


@dataclass(frozen=True)
class StagedPlan:
    """A plan in two steps: `modules` (runtime, models, resources final) first, then `finish()`.

    The test suite, the document checks and the README examples read the finished modules but no
    module reads them, so the modules can be rendered and formatted (in the worker processes)
    while the main process plans the suite. `modules` lacks exactly the fields per-module
    templates never read (tests, diagnostics, readme: render/modules.py's _NOT_IN_HEADER).
    """

    modules: PackagePlan
    finish: Callable[[], PackagePlan]


def start_plan(
    spec: dict[str, Any],
    *,
    package_name: str,
    version: str = "0.1.0",
    source: str = "openapi",
    profile: str | None = None,
    memo: CaseMemo | None = None,
    license: str | None = None,
) -> StagedPlan:
    """build_plan in two steps (see StagedPlan); finish() returns what build_plan returns."""
    if not _VERSION_OK.match(version):
        raise ValueError(f"version must be a PEP 440 release such as 1.2.3, got {version!r}")
    if not _PACKAGE_NAME_RE.match(package_name):
        raise ValueError(f"package name must be a lower-case Python identifier, got {package_name!r}")
    from generator.profiles import select_profile

    chosen = select_profile(spec, profile)
    extras = chosen.package_plan(package_name) if chosen else None
    auth = plan_auth(spec, chosen)
    if extras is not None and auth.profile_files:
        extras = replace(extras, files=(*extras.files, *auth.profile_files))
    registry = SchemaRegistry(spec)
    registry.memo = memo
    planner = OperationPlanner(spec, registry, source, chosen)
    planner.plan()  # before the models: operations discover inline body/response models
    client = client_class_name(spec, package_name)
    options = _unique_options(planner)
    reserved = CLIENT_RESERVED | frozenset(extras.reserved_client_attributes if extras else ())
    server_url, server_variables = _server_variables(
        spec, set(reserved) | {"strict_response_validation"} | {o.name for o in options}
    )
    resources = build_resources(planner, reserved, frozenset({client, "Async" + client}), client_module_names())
    _plan_webhook_payloads(spec, registry)
    models = [chosen.adjust_model(m) for m in registry.build_models()] if chosen else registry.build_models()
    if memo is not None and not registry.memo_usable:
        memo.forget_plans()  # an alias cycle was cut: plans depend on the order types were met
    info = as_dict(spec.get("info"))
    title = clean_text(info.get("title")) or package_name
    description = clean_text(info.get("description"))
    paths = as_dict(spec.get("paths"))
    all_api = bool(paths) and all(isinstance(p, str) and p.startswith("/api/") for p in paths)
    schemes = as_dict(spec.get("components")).get("securitySchemes")
    doc = f"Python client for {title}." + (f"\n\n{description}" if description else "")
    security_schemes: dict[str, object] = dict(schemes) if isinstance(schemes, dict) else {}
    modules = PackagePlan(
        package_name=package_name,
        distribution_name=package_name.replace("_", "-"),
        version=version,
        title=title,
        description=description,
        docstring=docstring_body(doc),
        title_doc=docstring_body(title).replace("\n", " "),
        client_class=client,
        async_client_class="Async" + client,
        base_url_default_literal=_base_url_default(spec),
        strip_base_suffix_literal=py_str("/api") if all_api else "None",
        client_options=options,
        models=tuple(models),
        resources=tuple(resources),
        security_schemes=security_schemes,
        exports=(
            (client, "_client"),
            ("Async" + client, "_client"),
            *RUNTIME_EXPORTS,
            *auth.exports,
            *(extras.exports if extras else ()),
        ),
        server_url_literal=server_url,
        server_variables=server_variables,
        profile=extras,
        distribution=plan_distribution(spec, title, license),
        auth=auth,
        errors=plan_errors(spec, registry.deref, extras.error_fields if extras else None),
    )

    def finish() -> PackagePlan:
        tests = plan_tests(spec, tuple(resources), registry, memo, auth)
        return replace(
            modules,
            tests=tests,
            diagnostics=tuple(check_document(spec, source) + planner.diagnostics + _example_warnings(tests, source)),
            readme=plan_readme(tuple(resources), tests.auth_cases if tests else (), security_schemes, tuple(models)),
        )

    return StagedPlan(modules, finish)


def _example_warnings(tests: TestSuitePlan, source: str) -> list[Diagnostic]:
    """Document examples the generated suite could not use (it used placeholders instead)."""
    return [
        Diagnostic(at(source, pointer), 0, Severity.WARNING, code, message) for pointer, code, message in tests.warnings
    ]
