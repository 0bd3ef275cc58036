"""OpenAPI document + planned resources -> the generated package's test suite plan.

Every documented sample exchange (`x-samples` on an operation, bodies from the `sample`
examples of the request body and of the response) becomes one test case: how to call the
generated method (arguments decided here, from the sample), what must appear on the wire,
what the mock server answers, and what the typed result must dump back to. The cases are
JSON data (`tests/samples/<resource>.json`): a 3,000-operation API yields megabytes of
sample bodies, which load far faster as JSON than as Python literals (and skip black).

Operations without a sample still get a case (placeholder arguments, no comparison): the
runtime error-path tests pick real operations from all of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from generator.media import is_json_media, json_type_of, pick_media_type
from generator.plan.code import ModelRef
from generator.plan.models import SchemaRegistry
from generator.plan.names import as_dict, as_list, py_str
from generator.plan.package_plan import OperationPlan, ParamPlan, ResourcePlan

_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
_INTEGER = re.compile(r"^-?\d+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")
# Response headers worth replaying from a sample (the rest describe the original transfer).
_REPLAYED_HEADERS = ("content-type", "etag", "last-modified", "location")
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_MAX_DEPTH = 64


@dataclass(frozen=True)
class CasePlan:
    """One documented exchange, replayed by the generated test of its resource."""

    case_id: str
    method_name: str
    http_method: str
    skip_reason: str | None  # None -> the test runs
    data: dict[str, Any]  # JSON-able: call, request, response, expect (see templates/package/tests/conftest)
    documents_statuses: tuple[str, ...] = ()  # response codes the operation documents

    @property
    def skip_literal(self) -> str:
        return py_str(self.skip_reason or "")


@dataclass(frozen=True)
class ResourceTestPlan:
    module_name: str  # the resource module; the test module is test_<module_name>.py
    attribute: str  # client attribute of the resource
    class_name: str
    cases: tuple[CasePlan, ...]  # sampled operations only, in resource order

    @property
    def data_json(self) -> str:
        payload = {case.case_id: case.data for case in self.cases}
        return json.dumps(payload, indent=1, ensure_ascii=False, sort_keys=False) + "\n"

    @property
    def module_literal(self) -> str:
        return py_str(self.module_name)


@dataclass(frozen=True)
class PickedCase:
    """A real operation chosen for a runtime error-path test."""

    module_name: str
    case_id: str
    retry_non_idempotent: bool  # the retry test must allow retries of this method

    @property
    def module_literal(self) -> str:
        return py_str(self.module_name)

    @property
    def case_literal(self) -> str:
        return py_str(self.case_id)


@dataclass(frozen=True)
class AuthCasePlan:
    scheme: str
    auth_expr: str  # Python source constructing the auth object (names from the package root)
    import_name: str  # the auth class to import from the package
    expected_headers: tuple[tuple[str, str], ...]  # (name literal, value literal)
    expected_query: tuple[tuple[str, str], ...]

    @property
    def scheme_literal(self) -> str:
        return py_str(self.scheme)


@dataclass(frozen=True)
class SampleCounts:
    operations: int = 0
    with_samples: int = 0  # operations with at least one x-samples entry
    with_response_sample: int = 0
    cases: int = 0
    skipped: int = 0
    response_compared: int = 0  # cases whose typed result is compared with a documented body
    skip_reasons: dict[str, int] = field(default_factory=dict)  # reason kind -> count


@dataclass(frozen=True)
class TestSuitePlan:
    resources: tuple[ResourceTestPlan, ...]
    spec_json: str  # the OpenAPI document, shipped as tests/openapi.json (Prism serves it)
    picks: dict[str, PickedCase]  # "not_found", "retry", "timeout", "no_content", "not_modified"
    auth_cases: tuple[AuthCasePlan, ...]
    counts: SampleCounts
    extra_cases: tuple[ResourceTestPlan, ...] = ()  # resources whose picked cases have no samples

    @property
    def has_runtime_tests(self) -> bool:
        return bool(self.picks)


class _Unusable(Exception):
    """The sample cannot drive a call; the message is the skip reason."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class _CaseBuilder:
    def __init__(self, spec: dict[str, Any], registry: SchemaRegistry) -> None:
        self.spec = spec
        self.registry = registry

    # -- schema helpers ---------------------------------------------------------------------

    def _schema_types(self, schema: object) -> list[str]:
        target = self.registry.deref(schema)
        raw = target.get("type")
        if isinstance(raw, str):
            return [raw]
        if isinstance(raw, list):
            return [str(t) for t in raw if t != "null"]
        for key in ("anyOf", "oneOf", "allOf"):
            for member in as_list(target.get(key)):
                types = self._schema_types(member)
                if types:
                    return types
        if isinstance(target.get("properties"), dict):
            return ["object"]
        return []

    def placeholder(self, schema: object, example: object = None, depth: int = 0) -> object:
        """A value of `schema`'s type (the example when it fits); objects get their required properties."""
        if example is not None and self.conforms(example, schema) is None:
            return example
        types = self._schema_types(schema)
        kind = types[0] if types else "string"
        target = self.registry.deref(schema)
        enum = [v for v in as_list(target.get("enum")) if v is not None]
        if enum:
            return enum[0]
        if kind == "integer":
            return 1
        if kind == "number":
            return 1.5
        if kind == "boolean":
            return True
        if kind == "array":
            return []
        if kind == "object":
            props, required = self.registry.merged_properties(target)
            if depth >= 8:
                return {}
            return {
                name: self.placeholder(props[name], props[name].get("example"), depth + 1)
                for name in props
                if name in required
            }
        fmt = target.get("format")
        if fmt == "date-time":
            return "2024-01-01T00:00:00+00:00"
        if fmt == "date":
            return "2024-01-01"
        return "sample"

    def conforms(
        self, value: object, schema: object, where: str = "$", depth: int = 0, *, formats: bool = False
    ) -> str | None:
        """Why `value` does not fit `schema` (types, enums, nesting), or None when it fits.

        Only what the generated models enforce is checked, so a case is skipped exactly when
        its sample could not round-trip through the typed client. `formats` adds the string
        formats a validating server enforces but the models do not (base64 for `byte`).
        """
        if depth > _MAX_DEPTH or not isinstance(schema, dict):
            return None
        target = self.registry.deref(schema)
        if not target:
            return None
        for key in ("anyOf", "oneOf"):
            members = as_list(target.get(key))
            if members:
                problems = [self.conforms(value, m, where, depth + 1, formats=formats) for m in members]
                if all(p is not None for p in problems):
                    return next(p for p in problems if p is not None)
                return None
        for member in as_list(target.get("allOf")):
            problem = self.conforms(value, member, where, depth + 1, formats=formats)
            if problem is not None:
                return problem
        raw = target.get("type")
        types = [raw] if isinstance(raw, str) else [str(t) for t in raw] if isinstance(raw, list) else []
        if not types and isinstance(target.get("properties"), dict):
            types = ["object"]
        if value is None:
            if not types or "null" in types:
                return None
            return f"{where} is null, the schema says {'/'.join(types)}"
        enum = target.get("enum")
        if isinstance(enum, list) and enum and value not in enum:
            return f"{where} = {value!r} is not one of the schema's enum values"
        if not types:
            return None
        actual = json_type_of(value)
        if actual == "integer" and "number" in types:
            actual = "number"
        if actual not in types and not (actual == "number" and "integer" in types and float(value).is_integer()):  # type: ignore[arg-type]
            return f"{where} is {json_type_of(value)}{_short(value)}, the schema says {'/'.join(t for t in types if t != 'null')}"
        if isinstance(value, dict):
            props, _ = self.registry.merged_properties(target)
            extra = target.get("additionalProperties")
            for key, item in value.items():
                sub = props.get(key)
                if sub is None:
                    sub = extra if isinstance(extra, dict) else None
                if sub is not None:
                    problem = self.conforms(item, sub, f"{where}.{key}", depth + 1, formats=formats)
                    if problem is not None:
                        return problem
        if isinstance(value, list) and isinstance(target.get("items"), dict):
            for index, item in enumerate(value):
                problem = self.conforms(item, target["items"], f"{where}[{index}]", depth + 1, formats=formats)
                if problem is not None:
                    return problem
        if isinstance(value, str) and target.get("format") == "date-time" and not _DATETIME_RE.match(value):
            return f"{where} = {value!r} is not an ISO 8601 date-time"
        if formats and isinstance(value, str) and target.get("format") == "byte" and not _BASE64_RE.match(value):
            return f"{where} = {value[:40]!r} is not base64 (format: byte)"
        return None

    # -- one case ---------------------------------------------------------------------------

    def build(
        self,
        path: str,
        method: str,
        op: dict[str, Any],
        plan: OperationPlan,
        sample: dict[str, Any] | None,
    ) -> tuple[dict[str, Any], bool]:
        """(case data, whether the response body is compared); raises _Unusable."""
        request_sample = as_dict(as_dict(sample).get("request"))
        response_sample = as_dict(as_dict(sample).get("response"))
        sample_method = request_sample.get("method")
        if isinstance(sample_method, str) and sample_method.upper() != plan.http_method:
            raise _Unusable(
                "method", f"sample request uses {sample_method.upper()}, the operation is {plan.http_method}"
            )
        params = {p.wire_name: p for p in plan.positional + plan.keyword if p.location in ("path", "query", "header")}
        spec_params = self._spec_parameters(path, op)
        args: list[object] = []
        kwargs: dict[str, object] = {}
        expected_path = self._path_arguments(path, plan, request_sample, spec_params, args)
        query, extra_query = self._query_arguments(plan, params, request_sample, spec_params, kwargs)
        headers = self._header_arguments(plan, request_sample, spec_params, kwargs)
        call: dict[str, Any] = {"method": plan.method_name, "args": args, "kwargs": kwargs}
        if extra_query:
            call["extra_query"] = extra_query
            query.update(extra_query)
        request: dict[str, Any] = {"method": plan.http_method, "path": expected_path, "query": query}
        if headers:
            request["headers"] = headers
        self._body_arguments(op, plan, request_sample, call, request)
        response, expect, compared = self._response(op, plan, response_sample)
        return {"call": call, "request": request, "response": response, "expect": expect}, compared

    def _spec_parameters(self, path: str, op: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
        item = self.registry.deref(as_dict(self.spec.get("paths")).get(path))
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in as_list(item.get("parameters")) + as_list(op.get("parameters")):
            param = self.registry.deref(raw)
            if isinstance(param.get("name"), str) and isinstance(param.get("in"), str):
                merged[(str(param["in"]), str(param["name"]))] = param
        return merged

    def _path_arguments(
        self,
        path: str,
        plan: OperationPlan,
        request_sample: dict[str, Any],
        spec_params: dict[tuple[str, str], dict[str, Any]],
        args: list[object],
    ) -> str:
        path_plans = [p for p in plan.positional if p.location == "path"]
        captured: dict[str, str] = {}
        sample_path = request_sample.get("path")
        if isinstance(sample_path, str):
            sample_path = sample_path.split("?", 1)[0].split("#", 1)[0]
            found = _match_template(path, sample_path)
            if found is None:
                raise _Unusable("path", f"sample path {sample_path} does not match {path}")
            captured = {name: unquote(value) for name, value in found.items()}
        expected = path
        for p in path_plans:
            param = spec_params.get(("path", p.wire_name), {})
            schema = param.get("schema")
            text = captured.get(p.wire_name)
            value: object = None
            if text is not None and not (text.startswith("{") and text.endswith("}")) and text:
                value = _typed(text, self._schema_types(schema))
            if value is None:
                value = self.placeholder(schema, param.get("example"))
            args.append(value)
            expected = expected.replace("{" + p.wire_name + "}", _wire_text(value), 1)
        return expected

    def _query_arguments(
        self,
        plan: OperationPlan,
        params: dict[str, ParamPlan],
        request_sample: dict[str, Any],
        spec_params: dict[tuple[str, str], dict[str, Any]],
        kwargs: dict[str, object],
    ) -> tuple[dict[str, str], dict[str, str]]:
        query: dict[str, str] = {}
        extra: dict[str, str] = {}
        by_lower = {w.lower(): p for w, p in params.items() if p.location == "query"}
        sample_query = as_dict(request_sample.get("query"))
        for key, raw in sample_query.items():
            text = raw if isinstance(raw, str) else _wire_text(raw)
            p = (
                params.get(str(key))
                if params.get(str(key), None) and params[str(key)].location == "query"
                else by_lower.get(str(key).lower())
            )
            if p is None:
                extra[str(key)] = text
                continue
            schema = spec_params.get(("query", p.wire_name), {}).get("schema")
            value = _typed(text, self._schema_types(schema)) if p.wire_name != "$select" else text
            if value is None or _wire_text(value) != text:
                value = text
            kwargs[p.name] = value
            query[p.wire_name] = text
        for p in plan.keyword:
            if p.location == "query" and p.default_expr is None and p.name not in kwargs:
                param = spec_params.get(("query", p.wire_name), {})
                value = self.placeholder(param.get("schema"), param.get("example"))
                kwargs[p.name] = value
                query[p.wire_name] = _wire_text(value)
        return query, extra

    def _header_arguments(
        self,
        plan: OperationPlan,
        request_sample: dict[str, Any],
        spec_params: dict[tuple[str, str], dict[str, Any]],
        kwargs: dict[str, object],
    ) -> dict[str, str]:
        sample_headers = {str(k).lower(): v for k, v in as_dict(request_sample.get("headers")).items()}
        headers: dict[str, str] = {}
        for p in plan.keyword:
            if p.location != "header":
                continue
            value = sample_headers.get(p.wire_name.lower())
            if not isinstance(value, str) and p.default_expr is None:
                param = spec_params.get(("header", p.wire_name), {})
                example = param.get("example")
                value = example if isinstance(example, str) else "sample"
            if isinstance(value, str):
                kwargs[p.name] = value
                headers[p.wire_name] = value
        return headers

    def _body_arguments(
        self,
        op: dict[str, Any],
        plan: OperationPlan,
        request_sample: dict[str, Any],
        call: dict[str, Any],
        request: dict[str, Any],
    ) -> None:
        body = self.registry.deref(op.get("requestBody"))
        content = as_dict(body.get("content"))
        fields = [p for p in plan.keyword if p.location == "body_field"]
        body_params = [p for p in plan.positional + plan.keyword if p.location == "body"]
        if not content or (not fields and not body_params):
            return
        media = pick_media_type(content)
        media_obj = as_dict(content[media])
        schema = as_dict(media_obj.get("schema"))
        example: object = _MISSING
        examples = as_dict(media_obj.get("examples"))
        if "sample" in examples and "value" in as_dict(examples["sample"]):
            example = examples["sample"]["value"]
        elif "body" in request_sample and request_sample["body"] is not None:
            example = request_sample["body"]
        if fields:  # flattened carrier: one keyword per property
            if example is _MISSING:
                example = {}
            if not isinstance(example, dict):
                raise _Unusable("request-body", f"request sample is {json_type_of(example)}, the carrier is an object")
            problem = self.conforms(example, schema, "request")
            if problem is not None:
                raise _Unusable("request-body", f"request sample contradicts the schema: {problem}")
            self._prism_check(example, schema, request)
            by_wire = {p.wire_name: p for p in fields}
            unknown = sorted(str(k) for k in example if str(k) not in by_wire)
            if unknown:
                raise _Unusable(
                    "request-body", f"request sample has properties the carrier lacks: {', '.join(unknown[:5])}"
                )
            sent: dict[str, object] = {}
            props, _ = self.registry.merged_properties(self.registry.deref(schema))
            for p in fields:
                if p.wire_name in example:
                    call["kwargs"][p.name] = sent[p.wire_name] = example[p.wire_name]
                elif p.default_expr is None:
                    call["kwargs"][p.name] = sent[p.wire_name] = self.placeholder(props.get(p.wire_name))
            request["json"] = sent
            return
        p = body_params[0]
        json_body = is_json_media(media)
        if example is _MISSING:
            if p.default_expr is not None:
                return  # optional body left out: nothing is sent
            example = self.placeholder(schema) if json_body else "sample"
        elif json_body:
            problem = self.conforms(example, schema, "request")
            if problem is not None:
                raise _Unusable("request-body", f"request sample contradicts the schema: {problem}")
            self._prism_check(example, schema, request)
        argument: dict[str, Any] = {"name": p.name, "positional": p.default_expr is None, "value": example}
        if json_body:
            model, is_list = self._model_of(schema)
            if model is not None and (isinstance(example, list) if is_list else isinstance(example, dict)):
                argument["model"] = [model.module, model.class_name]
                argument["list"] = is_list
            request["json"] = example
        else:
            text = example if isinstance(example, str) else json.dumps(example)
            argument["value"] = text
            argument["bytes"] = True
            request["content"] = text
        call["body"] = argument

    def _prism_check(self, example: object, schema: object, request: dict[str, Any]) -> None:
        """Mark a request sample that the client sends fine but a validating server rejects."""
        problem = self.conforms(example, schema, "request", formats=True)
        if problem is not None:
            request["invalid_for_server"] = f"request sample breaks the schema's format: {problem}"

    def _model_of(self, schema: dict[str, Any]) -> tuple[ModelRef | None, bool]:
        model = self.registry.model_ref(schema)
        if model is not None:
            return model, False
        target = self.registry.deref(schema)
        items = target.get("items")
        if "array" in self._schema_types(target) and isinstance(items, dict):
            return self.registry.model_ref(items), True
        return None, False

    def _response(
        self, op: dict[str, Any], plan: OperationPlan, response_sample: dict[str, Any]
    ) -> tuple[dict[str, Any], str, bool]:
        responses = as_dict(op.get("responses"))
        status_raw = response_sample.get("status")
        if isinstance(status_raw, int):
            status = status_raw
        elif isinstance(status_raw, str) and status_raw.isdigit():
            status = int(status_raw)
        else:
            codes = sorted(str(c) for c in responses if str(c).startswith("2"))
            status = int(codes[0]) if codes and codes[0].isdigit() else 200
        if status >= 400 or (300 <= status < 400 and status != 304):
            raise _Unusable("response-status", f"sample response is a {status}, not a success")
        cast = plan.cast_to.render()
        sample_headers = {str(k).lower(): str(v) for k, v in as_dict(response_sample.get("headers")).items()}
        headers = {k: v for k, v in sample_headers.items() if k in _REPLAYED_HEADERS}
        response: dict[str, Any] = {"status": status, "headers": headers}
        if status == 304:
            return response, "not_modified", False
        if status == 204:
            return response, "none", False
        by_code: dict[Any, Any] = responses  # YAML may load codes as integers
        documented = self.registry.deref(by_code.get(str(status), by_code.get(status)))
        content = as_dict(documented.get("content"))
        example: object = _MISSING
        schema: object = None
        media = ""
        if content:
            media = pick_media_type(content)
            media_obj = as_dict(content[media])
            schema = media_obj.get("schema")
            examples = as_dict(media_obj.get("examples"))
            if "sample" in examples and "value" in as_dict(examples["sample"]):
                example = examples["sample"]["value"]
            elif "example" in media_obj:
                example = media_obj["example"]
        if example is _MISSING and "body" in response_sample and response_sample["body"] is not None:
            example = response_sample["body"]
        if example is _MISSING:
            return response, "none", False  # nothing documented to answer with: empty body
        if cast == "None":
            response["json"] = example
            headers.setdefault("content-type", "application/json")
            return response, "none", False
        if cast == "bytes" or (media and not is_json_media(media) and cast != "str"):
            text = example if isinstance(example, str) else json.dumps(example)
            response["content"] = text
            if "content-type" not in headers or is_json_media(headers["content-type"]):
                headers["content-type"] = media if media and not is_json_media(media) else "application/octet-stream"
            return response, "bytes", cast == "bytes"
        if media and not is_json_media(media):
            response["content"] = example if isinstance(example, str) else json.dumps(example)
            headers["content-type"] = media
            return response, "text", True
        problem = self.conforms(example, schema, "response")
        if problem is not None:
            raise _Unusable("response-body", f"response sample contradicts the schema: {problem}")
        response["json"] = example
        if not is_json_media(headers.get("content-type", "")):
            headers["content-type"] = "application/json; charset=utf-8"
        return response, "json", True


_MISSING: Any = object()
_BASE64_RE = re.compile(r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$")
_DATETIME_RE = re.compile(r"^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$")


def _short(value: object) -> str:
    if isinstance(value, (dict, list)):
        return ""  # only scalars are quoted in messages (and dumping big samples is slow)
    text = json.dumps(value, ensure_ascii=False)
    return " " + (text if len(text) <= 40 else text[:37] + "...")


def _typed(text: str, types: list[str]) -> object:
    """The argument value for a path/query text, by schema type; None when it does not parse."""
    kind = types[0] if types else "string"
    if kind == "integer":
        return int(text) if _INTEGER.match(text) else None
    if kind == "number":
        if not _NUMBER.match(text):
            return None
        number = float(text)
        return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number
    if kind == "boolean":
        return {"true": True, "false": False}.get(text.lower())
    if kind == "array":
        return text.split(",") if text else None
    return text


def _wire_text(value: object) -> str:
    """What the runtime puts on the wire for a path/query value (see _base_client)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_wire_text(v) for v in value)
    return str(value)


def _match_template(template: str, path: str) -> dict[str, str] | None:
    """Placeholder values of `path` (a concrete sample path) under `template`; None when it differs.

    Literal segments compare case-insensitively (SuperOffice routes are); a segment may mix
    literal text and placeholders (`{a}.{b}`), matched by a regex for that segment only.
    """
    expected = template.strip("/").split("/")
    actual = path.strip("/").split("/")
    if len(expected) != len(actual):
        return None
    values: dict[str, str] = {}
    for want, got in zip(expected, actual, strict=False):
        if "{" not in want:
            if want.lower() != got.lower():
                return None
            continue
        parts = _PLACEHOLDER.split(want)
        pattern = "".join(re.escape(p) if i % 2 == 0 else "(.+?)" for i, p in enumerate(parts))
        match = re.fullmatch(pattern, got, re.IGNORECASE)
        if match is None:
            return None
        values.update(zip(parts[1::2], match.groups(), strict=False))
    return values


# -- the whole suite -------------------------------------------------------------------------


def _tested_operations(resources: tuple[ResourcePlan, ...]) -> list[tuple[ResourcePlan, OperationPlan]]:
    """The primary methods (variants have no cases of their own), each resource's in document order."""
    return [(r, op) for r in resources for op in r.operations if not op.variant and op.source is not None]


def _auth_cases(schemes: dict[str, Any]) -> tuple[AuthCasePlan, ...]:
    cases: list[AuthCasePlan] = []
    for name in sorted(schemes):
        scheme = as_dict(schemes[name])
        kind = str(scheme.get("type", "")).lower()
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            cases.append(
                AuthCasePlan(
                    name,
                    'BasicAuth("sdk-user", "sdk-pass")',
                    "BasicAuth",
                    ((py_str("Authorization"), py_str("Basic c2RrLXVzZXI6c2RrLXBhc3M=")),),
                    (),
                )
            )
        elif (kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer") or kind in (
            "oauth2",
            "openidconnect",
        ):
            cases.append(
                AuthCasePlan(
                    name,
                    'BearerAuth("sdk-token")',
                    "BearerAuth",
                    ((py_str("Authorization"), py_str("Bearer sdk-token")),),
                    (),
                )
            )
        elif kind == "apikey":
            location = str(scheme.get("in", "header"))
            header = str(scheme.get("name", ""))
            text = f"{name} {scheme.get('description', '')}".lower()
            if location == "header" and header.lower() == "authorization" and "soticket" in text:
                cases.append(
                    AuthCasePlan(
                        name,
                        'SoTicketAuth("7T:sdk-ticket", app_token="sdk-app")',
                        "SoTicketAuth",
                        (
                            (py_str("Authorization"), py_str("SOTicket 7T:sdk-ticket")),
                            (py_str("SO-AppToken"), py_str("sdk-app")),
                        ),
                        (),
                    )
                )
            elif location == "header" and header:
                cases.append(
                    AuthCasePlan(
                        name,
                        f'ApiKeyAuth({py_str(header)}, "sdk-key")',
                        "ApiKeyAuth",
                        ((py_str(header), py_str("sdk-key")),),
                        (),
                    )
                )
            elif location == "query" and header:
                cases.append(
                    AuthCasePlan(
                        name,
                        f'ApiKeyAuth({py_str(header)}, "sdk-key", location="query")',
                        "ApiKeyAuth",
                        (),
                        ((py_str(header), py_str("sdk-key")),),
                    )
                )
    return tuple(cases)


def plan_tests(spec: dict[str, Any], resources: tuple[ResourcePlan, ...], registry: SchemaRegistry) -> TestSuitePlan:
    builder = _CaseBuilder(spec, registry)
    sampled: dict[str, list[CasePlan]] = {}
    fallback: dict[str, list[CasePlan]] = {}
    counts: dict[str, int] = {
        "operations": 0,
        "with_samples": 0,
        "with_response_sample": 0,
        "cases": 0,
        "skipped": 0,
        "response_compared": 0,
    }
    reasons: dict[str, int] = {}
    for resource, plan in _tested_operations(resources):
        assert plan.source is not None
        path, method, op = plan.source.path, plan.source.method, plan.source.operation
        counts["operations"] += 1
        samples = [s for s in as_list(op.get("x-samples")) if isinstance(s, dict)]
        statuses = tuple(sorted(str(c) for c in as_dict(op.get("responses"))))  # "404", "304", ...
        if samples:
            counts["with_samples"] += 1
            if any(isinstance(s.get("response"), dict) for s in samples):
                counts["with_response_sample"] += 1
        for index, sample in enumerate(samples or [None]):
            case_id = plan.method_name if index == 0 else f"{plan.method_name}_{index + 1}"
            skip: str | None = None
            compared = False
            try:
                data, compared = builder.build(path, method, op, plan, sample)
            except _Unusable as problem:
                skip = str(problem)
                reasons[problem.kind] = reasons.get(problem.kind, 0) + 1
                data = {"skip": skip}
            case = CasePlan(case_id, plan.method_name, plan.http_method, skip, data, statuses)
            if sample is None:
                if skip is None:
                    fallback.setdefault(resource.module_name, []).append(case)
                continue
            counts["cases"] += 1
            counts["skipped"] += skip is not None
            counts["response_compared"] += compared and skip is None
            sampled.setdefault(resource.module_name, []).append(case)
    resource_by_module = {r.module_name: r for r in resources}
    test_resources = tuple(
        ResourceTestPlan(m, resource_by_module[m].attribute, resource_by_module[m].class_name, tuple(cases))
        for m, cases in sorted(sampled.items())
    )
    picks, extra = _pick_runtime_cases(test_resources, fallback, resource_by_module)
    schemes = as_dict(as_dict(spec.get("components")).get("securitySchemes"))
    return TestSuitePlan(
        resources=test_resources,
        spec_json=json.dumps(spec, indent=1, ensure_ascii=False) + "\n",
        picks=picks,
        auth_cases=_auth_cases(schemes),
        counts=SampleCounts(skip_reasons=dict(sorted(reasons.items())), **counts),
        extra_cases=extra,
    )


def _pick_runtime_cases(
    sampled: tuple[ResourceTestPlan, ...],
    fallback: dict[str, list[CasePlan]],
    resource_by_module: dict[str, ResourcePlan],
) -> tuple[dict[str, PickedCase], tuple[ResourceTestPlan, ...]]:
    """Real operations for the error-path tests: sampled ones first, documented statuses preferred."""
    candidates: list[tuple[str, CasePlan]] = [
        (r.module_name, c) for r in sampled for c in r.cases if c.skip_reason is None
    ]
    sampled_only = bool(candidates)
    if not candidates:  # no usable sample: placeholder calls of unsampled operations
        candidates = [(module, case) for module in sorted(fallback) for case in fallback[module]]
    if not candidates:
        return {}, ()

    def first(prefer: Any) -> tuple[str, CasePlan]:
        return next((mc for mc in candidates if prefer(mc[1])), candidates[0])

    def picked(mc: tuple[str, CasePlan], retry: bool = False) -> PickedCase:
        return PickedCase(mc[0], mc[1].case_id, retry and mc[1].http_method not in _IDEMPOTENT)

    picks = {
        "not_found": picked(first(lambda c: "404" in c.documents_statuses)),
        "retry": picked(first(lambda c: c.http_method in _IDEMPOTENT), retry=True),
        "timeout": picked(first(lambda c: c.http_method == "GET")),
        "no_content": picked(first(lambda c: "204" in c.documents_statuses)),
        "not_modified": picked(first(lambda c: "304" in c.documents_statuses)),
    }
    if sampled_only:
        return picks, ()
    # Unsampled picks ship as data files for the runtime tests only (no sample test module).
    chosen = {(p.module_name, p.case_id) for p in picks.values()}
    extra = tuple(
        ResourceTestPlan(
            m,
            resource_by_module[m].attribute,
            resource_by_module[m].class_name,
            tuple(c for c in fallback[m] if (m, c.case_id) in chosen),
        )
        for m in sorted({m for m, _ in chosen})
    )
    return picks, extra
