"""OpenAPI document -> PackagePlan (the whole package, every name decided)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from generator.plan.checks import check_document
from generator.plan.incremental import CaseMemo
from generator.plan.models import SchemaRegistry
from generator.plan.names import (
    BUILTIN_NAMES,
    KEYWORDS,
    NameAllocator,
    as_dict,
    clean_text,
    docstring_body,
    pascal_case,
    py_str,
    words,
)
from generator.plan.package_plan import ClientOptionPlan, PackagePlan
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
    }
)
_VERSION_RE = re.compile(r"^\d+(\.\d+)*$|^v\d+(\.\d+)*$", re.IGNORECASE)
_PACKAGE_NAME_RE = re.compile(r"^[a-z_][a-z0-9_]*$")


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
    return name


def _base_url_default(spec: dict[str, Any]) -> str | None:
    servers = spec.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict):
        url = servers[0].get("url")
        if isinstance(url, str) and re.match(r"^https?://[^{}\s]+$", url):
            return py_str(url.rstrip("/"))
    return None


# Public names of the package root -> runtime module that defines them (imported lazily).
RUNTIME_EXPORTS: tuple[tuple[str, str], ...] = (
    ("APIResponse", "_response"),
    ("NOT_MODIFIED", "_response"),
    ("NotModified", "_response"),
    ("NOT_GIVEN", "_types"),
    ("NotGiven", "_types"),
    ("RequestOptions", "_types"),
    ("ApiKeyAuth", "_auth"),
    ("BasicAuth", "_auth"),
    ("BearerAuth", "_auth"),
    ("SoTicketAuth", "_auth"),
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
    {"self", "base_url", "auth", "http_client", "timeout", "max_retries", "retry_non_idempotent", "default_headers"}
)
_VERSION_OK = re.compile(r"^\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?$")


def _unique_options(planner: OperationPlanner) -> tuple[ClientOptionPlan, ...]:
    names = NameAllocator(CLIENT_ARGUMENTS | KEYWORDS | BUILTIN_NAMES)
    return tuple(replace(o, name=names.take(o.name)) for o in planner.client_options.values())


def build_plan(
    spec: dict[str, Any],
    *,
    package_name: str,
    version: str = "0.1.0",
    source: str = "openapi",
    memo: CaseMemo | None = None,
) -> PackagePlan:
    """The whole package; `source` names the spec in diagnostics (`<source>#<JSON pointer>`);
    `memo` reuses the sample checks of operations whose spec fragments did not change."""
    if not _VERSION_OK.match(version):
        raise ValueError(f"version must be a PEP 440 release such as 1.2.3, got {version!r}")
    if not _PACKAGE_NAME_RE.match(package_name):
        raise ValueError(f"package name must be a lower-case Python identifier, got {package_name!r}")
    registry = SchemaRegistry(spec)
    planner = OperationPlanner(spec, registry, source)
    planner.plan()  # before the models: operations discover inline body/response models
    resources = build_resources(planner, CLIENT_RESERVED)
    models = registry.build_models()
    info = as_dict(spec.get("info"))
    title = clean_text(info.get("title")) or package_name
    description = clean_text(info.get("description"))
    paths = as_dict(spec.get("paths"))
    all_api = bool(paths) and all(isinstance(p, str) and p.startswith("/api/") for p in paths)
    client = client_class_name(spec, package_name)
    schemes = as_dict(spec.get("components")).get("securitySchemes")
    doc = f"Python client for {title}." + (f"\n\n{description}" if description else "")
    return PackagePlan(
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
        client_options=_unique_options(planner),
        models=tuple(models),
        resources=tuple(resources),
        security_schemes=dict(schemes) if isinstance(schemes, dict) else {},
        exports=((client, "_client"), ("Async" + client, "_client"), *RUNTIME_EXPORTS),
        tests=plan_tests(spec, tuple(resources), registry, memo),
        diagnostics=tuple(check_document(spec, source) + planner.diagnostics),
    )
