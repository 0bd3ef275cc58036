"""One page -> its OpenAPI operation object, given what the rest of the document decided for it.

The operation is the only place where most of a page's prose ends up (summary, description,
notes, parameter and status descriptions, the sample's URL), so it is built by one function of
the page and an `OperationContext`: the few facts that come from shared state (the operationId
after de-duplication, the path key's parameter names, the request and response schemas as the
registry named and inferred them). The document builder computes the context; an incremental
build that proved a changed page's shared contribution unchanged (spec/contribution.py) reuses
the stored context and calls this same function for that page alone (spec/replay.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from generator.diagnostics import Diagnostics
from generator.parse.page_model import HttpSample, Page, Parameter, is_status_code
from generator.spec.operation_drafts import page_samples
from generator.spec.parameters import classify_headers, path_parameter, query_parameter, unique_parameters


@dataclass(frozen=True)
class OperationContext:
    """What one page's operation takes from the document's shared state (all of it plain data)."""

    operation_id: str
    path_renames: tuple[tuple[str, str], ...]  # documented {name} -> the path key's {name}
    request_schema: dict[str, Any] | None  # None: no request body
    request_media: str
    flatten: bool
    patch_body: bool
    request_binary: bool
    response_schema: dict[str, Any] | None  # None: no response content
    response_media: str
    response_binary: bool

    def as_tuple(self) -> tuple[Any, ...]:
        return (
            self.operation_id,
            self.path_renames,
            self.request_schema,
            self.request_media,
            self.flatten,
            self.patch_body,
            self.request_binary,
            self.response_schema,
            self.response_media,
            self.response_binary,
        )

    @classmethod
    def from_tuple(cls, value: Any) -> OperationContext:
        """The context `as_tuple` wrote; TypeError/ValueError when `value` is not one."""
        (op_id, renames, req, req_media, flatten, patch, req_bin, resp, resp_media, resp_bin) = value
        fields = (op_id, req_media, resp_media)
        if not all(isinstance(item, str) for item in fields) or not isinstance(renames, tuple):
            raise TypeError("not an operation context")
        if not all(isinstance(item, bool) for item in (flatten, patch, req_bin, resp_bin)):
            raise TypeError("not an operation context")
        if not all(item is None or isinstance(item, dict) for item in (req, resp)):
            raise TypeError("not an operation context")
        pairs = tuple((str(a), str(b)) for a, b in renames)
        return cls(op_id, pairs, req, req_media, flatten, patch, req_bin, resp, resp_media, resp_bin)


def segments(path: str) -> list[str]:
    return path.split("?", 1)[0].strip("/").split("/")


def _path_values(template: str, concrete: str) -> dict[str, str]:
    """`/api/v1/X/{id}` against `/api/v1/X/42` -> {"id": "42"}."""
    names, values = segments(template), segments(concrete)
    if len(names) != len(values):
        return {}
    return {
        name[1:-1]: value
        for name, value in zip(names, values, strict=False)
        if name.startswith("{") and name.endswith("}")
    }


def sample_request(sample: HttpSample) -> dict[str, Any]:
    method, _, target = sample.start_line.partition(" ")
    target = target.strip().rsplit(" HTTP/", 1)[0]
    path, _, query = target.partition("?")
    result: dict[str, Any] = {"method": method.upper(), "path": path}
    if query:
        result["query"] = dict(parse_qsl(query, keep_blank_values=True))
    if sample.headers:
        result["headers"] = dict(sample.headers)
    return result


def sample_status(sample: HttpSample) -> str:
    parts = sample.start_line.split()
    return parts[1] if len(parts) > 1 and is_status_code(parts[1]) else "200"


def _copy(value: Any) -> Any:
    """A fresh copy of a JSON value (a context's schema is used once per response code)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def build_operation(
    page: Page, ctx: OperationContext, diags: Diagnostics, common_seen: dict[str, Parameter]
) -> dict[str, Any]:
    """The operation object of `page`; its problems go to `diags`, and the first row of each common
    header the page documents to `common_seen` (the document's components/parameters)."""
    request_sample, response_sample = page_samples(page)
    op: dict[str, Any] = {"operationId": ctx.operation_id, "tags": [page.tag]}
    if page.summary:
        op["summary"] = page.summary
    description = page.description
    if page.online_restricted:
        description = f"{description}\n\n**Online Restricted:** {page.online_restricted}".strip()
    for note in page.notes:
        description = f"{description}\n\n### {note.title}\n\n{note.text}".strip()
    if description:
        op["description"] = description
    headers = classify_headers(page, common_seen, diags)
    # The sample's URL, parsed once: its path and query give parameter examples, and it is the
    # operation's x-samples request.
    request_url = sample_request(request_sample) if request_sample else None
    parameters = _path_parameters(page, ctx, request_url, diags)
    query_sample = request_url.get("query", {}) if request_url else {}
    for param in page.query_params:
        example = page.query_examples.get(param.name, query_sample.get(param.name))
        parameters.append(query_parameter(param, example, diags, page.file))
    parameters += headers.params
    parameters += [{"$ref": f"#/components/parameters/{name}"} for name in headers.common]
    if parameters:
        op["parameters"] = unique_parameters(parameters, page, diags)
    _report_unused_properties(page, ctx, diags)
    body = _request_body(page, ctx, request_sample)
    if body is not None:
        op["requestBody"] = body
    op["responses"] = _responses(page, ctx, response_sample, diags)
    if page.online_restricted:
        op["x-online-restricted"] = page.online_restricted
    if headers.request_media:
        op["x-content-types"] = headers.request_media
    if headers.response_media:
        op["x-accept-types"] = headers.response_media
    samples = _samples(request_url, response_sample)
    if samples:
        op["x-samples"] = samples
    op["x-source"] = page.file
    return op


def _path_parameters(
    page: Page, ctx: OperationContext, request_url: dict[str, Any] | None, diags: Diagnostics
) -> list[dict[str, Any]]:
    renames = dict(ctx.path_renames)
    sample_values = _path_values(page.path, request_url["path"]) if request_url else {}
    parameters: list[dict[str, Any]] = []
    documented = {param.name: param for param in page.path_params}
    for segment in segments(page.path):
        if not (segment.startswith("{") and segment.endswith("}")):
            continue
        name = segment[1:-1]
        param = documented.pop(name, None)
        if param is None:
            diags.warn(
                page.file,
                page.path_line,
                "path-param-undocumented",
                f"path parameter {{{name}}} has no row in the path-part table; typed as string",
            )
            param = Parameter(name, "path", "string", "", True, page.path_line)
        spec = path_parameter(param, sample_values.get(name), diags, page.file)
        if name in renames:
            spec["name"] = renames[name]
            spec["description"] = (spec.get("description", "") + f" (documented as `{name}`)").strip()
        parameters.append(spec)
    for leftover in documented.values():
        diags.warn(
            page.file,
            leftover.line,
            "path-param-unused",
            f"path part {leftover.name!r} does not occur in {page.path}; kept as a query parameter",
        )
        parameters.append(query_parameter(leftover, None, diags, page.file))
    return parameters


def _report_unused_properties(page: Page, ctx: OperationContext, diags: Diagnostics) -> None:
    """A property table under a body that is a byte stream describes nothing that is sent."""
    for binary, owner in ((ctx.request_binary, page.request_body), (ctx.response_binary, page.response)):
        if binary and owner is not None and owner.properties:
            diags.warn(
                page.file,
                owner.properties[0].line,
                "properties-unused",
                f"the {'request' if owner is page.request_body else 'response'} body is binary; its "
                f"{len(owner.properties)} property rows ({', '.join(p.name for p in owner.properties[:5])}) are not used",
            )


def _request_body(page: Page, ctx: OperationContext, sample: HttpSample | None) -> dict[str, Any] | None:
    if ctx.request_schema is None:
        return None
    schema = _copy(ctx.request_schema)
    if ctx.patch_body:
        schema = {"anyOf": [schema, {"type": "object", "description": "JSON Merge Patch (RFC 7396) document"}]}
    content: dict[str, Any] = {"schema": schema}
    if sample is not None and sample.body_is_json:
        content["examples"] = {"sample": {"summary": "Sample request from the reference", "value": sample.body}}
    body: dict[str, Any] = {"required": True}
    if page.request_body is not None and page.request_body.description and not ctx.flatten:
        body["description"] = page.request_body.description
    body["content"] = {ctx.request_media: content}
    body["x-codegen-request-body-name"] = page.request_body.name if page.request_body else "body"
    if ctx.flatten:
        body["x-sdkgen-flatten"] = True
    return body


def _responses(page: Page, ctx: OperationContext, sample: HttpSample | None, diags: Diagnostics) -> dict[str, Any]:
    statuses = {status.code: status.description or "OK" for status in page.response.statuses} if page.response else {}
    status_of_sample = sample_status(sample) if sample is not None else ""
    if sample is not None and status_of_sample not in statuses:
        if statuses:
            diags.warn(
                page.file,
                sample.line,
                "sample-status",
                f"sample response status {status_of_sample} is not in the status table; added",
            )
        statuses[status_of_sample] = sample.start_line.split(" ", 2)[2] if sample.start_line.count(" ") >= 2 else "OK"
    if not statuses:
        statuses["200"] = "OK"
    responses: dict[str, Any] = {}
    for code in sorted(statuses):
        response: dict[str, Any] = {"description": statuses[code]}
        if code.startswith("2") and code != "204" and ctx.response_schema is not None:
            content: dict[str, Any] = {"schema": _copy(ctx.response_schema)}
            if sample is not None and status_of_sample == code:
                if sample.body_is_json:
                    content["examples"] = {
                        "sample": {"summary": "Sample response from the reference", "value": sample.body}
                    }
                elif sample.body_text and ctx.response_media != "application/json":
                    content["example"] = sample.body_text
            response["content"] = {ctx.response_media: content}
        responses[code] = response
    return responses


def _samples(request: dict[str, Any] | None, response: HttpSample | None) -> list[dict[str, Any]]:
    entry: dict[str, Any] = {}
    if request is not None:
        entry["request"] = request
    if response is not None:
        entry["response"] = {"status": int(sample_status(response)), "headers": dict(response.headers)}
    return [entry] if entry else []


def widen_path_params(primary: dict[str, Any], variant: dict[str, Any]) -> None:
    """Let the primary operation's path parameters accept the variant's types too."""
    theirs = {p["name"]: p for p in variant.get("parameters", []) if p.get("in") == "path"}
    for param in primary.get("parameters", []):
        other = theirs.get(param.get("name", ""))
        if other is None or other["schema"] == param["schema"]:
            continue
        param["schema"] = {"anyOf": [param["schema"], other["schema"]]}
        param.pop("example", None)
