"""One documented exchange -> one test case: the call's arguments, the wire request it must
send, the response the mock server answers with and what the typed result must dump back to.
A sample that cannot drive the call raises `Unusable` (the case is then skipped, with the reason)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

from generator.media import is_json_media, json_type_of, pick_media_type
from generator.plan.code import ModelRef
from generator.plan.names import as_dict, as_list
from generator.plan.package_plan import OperationPlan, ParamPlan
from generator.plan.sample_values import SampleValues, match_template, typed, wire_text

# Response headers worth replaying from a sample (the rest describe the original transfer).
_REPLAYED_HEADERS = ("content-type", "etag", "last-modified", "location")
_MISSING: Any = object()


class Unusable(Exception):
    """The sample cannot drive a call; the message is the skip reason."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class CaseBuilder(SampleValues):
    """Builds the case data of one operation's samples."""

    # -- one case ---------------------------------------------------------------------------

    def build(
        self,
        path: str,
        method: str,
        op: dict[str, Any],
        plan: OperationPlan,
        sample: dict[str, Any] | None,
    ) -> tuple[dict[str, Any], bool]:
        """(case data, whether the response body is compared); raises Unusable."""
        request_sample = as_dict(as_dict(sample).get("request"))
        response_sample = as_dict(as_dict(sample).get("response"))
        sample_method = request_sample.get("method")
        if isinstance(sample_method, str) and sample_method.upper() != plan.http_method:
            raise Unusable(
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
            found = match_template(path, sample_path)
            if found is None:
                raise Unusable("path", f"sample path {sample_path} does not match {path}")
            captured = {name: unquote(value) for name, value in found.items()}
        expected = path
        for p in path_plans:
            param = spec_params.get(("path", p.wire_name), {})
            schema = param.get("schema")
            text = captured.get(p.wire_name)
            value: object = None
            if text is not None and not (text.startswith("{") and text.endswith("}")) and text:
                value = typed(text, self._schema_types(schema))
            if value is None:
                value = self.placeholder(schema, param.get("example"))
            args.append(value)
            expected = expected.replace("{" + p.wire_name + "}", wire_text(value), 1)
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
            text = raw if isinstance(raw, str) else wire_text(raw)
            p = (
                params.get(str(key))
                if params.get(str(key), None) and params[str(key)].location == "query"
                else by_lower.get(str(key).lower())
            )
            if p is None:
                extra[str(key)] = text
                continue
            schema = spec_params.get(("query", p.wire_name), {}).get("schema")
            value = typed(text, self._schema_types(schema)) if p.wire_name != "$select" else text
            if value is None or wire_text(value) != text:
                value = text
            kwargs[p.name] = value
            query[p.wire_name] = text
        for p in plan.keyword:
            if p.location == "query" and p.default_expr is None and p.name not in kwargs:
                param = spec_params.get(("query", p.wire_name), {})
                value = self.placeholder(param.get("schema"), param.get("example"))
                kwargs[p.name] = value
                query[p.wire_name] = wire_text(value)
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
        if any(p.location in ("form_field", "multipart_field") for p in plan.keyword):
            raise Unusable("request-body", "form and multipart bodies are not replayed from samples yet")
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
            self._carrier_arguments(fields, schema, {} if example is _MISSING else example, call, request)
        else:
            self._body_argument(body_params[0], media, schema, example, call, request)

    def _carrier_arguments(
        self,
        fields: list[ParamPlan],
        schema: dict[str, Any],
        example: object,
        call: dict[str, Any],
        request: dict[str, Any],
    ) -> None:
        """The sample's properties as the keyword arguments of a flattened carrier."""
        if not isinstance(example, dict):
            raise Unusable("request-body", f"request sample is {json_type_of(example)}, the carrier is an object")
        problem = self.conforms(example, schema, "request")
        if problem is not None:
            raise Unusable("request-body", f"request sample contradicts the schema: {problem}")
        self._prism_check(example, schema, request)
        by_wire = {p.wire_name: p for p in fields}
        unknown = sorted(str(k) for k in example if str(k) not in by_wire)
        if unknown:
            raise Unusable("request-body", f"request sample has properties the carrier lacks: {', '.join(unknown[:5])}")
        sent: dict[str, object] = {}
        props, _ = self.registry.merged_properties(self.registry.deref(schema))
        for p in fields:
            if p.wire_name in example:
                call["kwargs"][p.name] = sent[p.wire_name] = example[p.wire_name]
            elif p.default_expr is None:
                call["kwargs"][p.name] = sent[p.wire_name] = self.placeholder(props.get(p.wire_name))
        request["json"] = sent

    def _body_argument(
        self,
        p: ParamPlan,
        media: str,
        schema: dict[str, Any],
        example: object,
        call: dict[str, Any],
        request: dict[str, Any],
    ) -> None:
        """The sample body as the method's body argument (a model when the schema names one)."""
        json_body = is_json_media(media)
        if example is _MISSING:
            if p.default_expr is not None:
                return  # optional body left out: nothing is sent
            example = self.placeholder(schema) if json_body else "sample"
        elif json_body:
            problem = self.conforms(example, schema, "request")
            if problem is not None:
                raise Unusable("request-body", f"request sample contradicts the schema: {problem}")
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
        """(what the mock answers, what the result must be, whether a documented body is compared)."""
        responses = as_dict(op.get("responses"))
        status = _status(response_sample, responses)
        sample_headers = {str(k).lower(): str(v) for k, v in as_dict(response_sample.get("headers")).items()}
        headers = {k: v for k, v in sample_headers.items() if k in _REPLAYED_HEADERS}
        response: dict[str, Any] = {"status": status, "headers": headers}
        if status == 304:
            return response, "not_modified", False
        if status == 204:
            return response, "none", False
        by_code: dict[Any, Any] = responses  # YAML may load codes as integers
        documented = self.registry.deref(by_code.get(str(status), by_code.get(status)))
        media, schema, example = _documented_body(as_dict(documented.get("content")))
        if example is _MISSING and "body" in response_sample and response_sample["body"] is not None:
            example = response_sample["body"]
        if example is _MISSING:
            return response, "none", False  # nothing documented to answer with: empty body
        return self._response_body(plan.cast_to.render(), media, schema, example, response)

    def _response_body(
        self, cast: str, media: str, schema: object, example: object, response: dict[str, Any]
    ) -> tuple[dict[str, Any], str, bool]:
        headers: dict[str, str] = response["headers"]
        if cast == "None":
            response["json"] = example
            headers.setdefault("content-type", "application/json")
            return response, "none", False
        if cast == "bytes" or (media and not is_json_media(media) and cast != "str"):
            response["content"] = example if isinstance(example, str) else json.dumps(example)
            if "content-type" not in headers or is_json_media(headers["content-type"]):
                headers["content-type"] = media if media and not is_json_media(media) else "application/octet-stream"
            return response, "bytes", cast == "bytes"
        if media and not is_json_media(media):
            response["content"] = example if isinstance(example, str) else json.dumps(example)
            headers["content-type"] = media
            return response, "text", True
        problem = self.conforms(example, schema, "response")
        if problem is not None:
            raise Unusable("response-body", f"response sample contradicts the schema: {problem}")
        response["json"] = example
        if not is_json_media(headers.get("content-type", "")):
            headers["content-type"] = "application/json; charset=utf-8"
        return response, "json", True


def _status(response_sample: dict[str, Any], responses: dict[str, Any]) -> int:
    """The sample's status (else the first documented 2xx); error statuses make no case."""
    status_raw = response_sample.get("status")
    if isinstance(status_raw, int):
        status = status_raw
    elif isinstance(status_raw, str) and status_raw.isdigit():
        status = int(status_raw)
    else:
        codes = sorted(str(c) for c in responses if str(c).startswith("2"))
        status = int(codes[0]) if codes and codes[0].isdigit() else 200
    if status >= 400 or (300 <= status < 400 and status != 304):
        raise Unusable("response-status", f"sample response is a {status}, not a success")
    return status


def _documented_body(content: dict[str, Any]) -> tuple[str, object, object]:
    """(media type, schema, example) of a response's documented content (`_MISSING` example if none)."""
    if not content:
        return "", None, _MISSING
    media = pick_media_type(content)
    media_obj = as_dict(content[media])
    examples = as_dict(media_obj.get("examples"))
    if "sample" in examples and "value" in as_dict(examples["sample"]):
        return media, media_obj.get("schema"), examples["sample"]["value"]
    return media, media_obj.get("schema"), media_obj.get("example", _MISSING)
