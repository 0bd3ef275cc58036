"""One exchange -> one test case: the call's arguments, the wire request it must send, the
response the mock server answers with and what the typed result must dump back to.

An exchange is either a documented sample (`x-samples`, which `sdkgen parse` writes) or, for
any other document, the operation's own examples: parameter, request body and response
`example`/`examples` (one case per named response example), schema-level examples, and
schema-derived placeholders (plan/placeholders.py) where the document gives none; form and
multipart bodies are filled and checked field by field (plan/case_fields.py). A sample
that cannot drive the call raises `Unusable` (the case is then skipped, with the reason); a
document example that contradicts its schema is reported (a warning at its JSON pointer) and
the case uses a placeholder instead.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode

from generator.media import is_json_media, json_type_of, pick_media_type
from generator.openapi import escape_token, wire_path
from generator.plan.bodies import request_media_type
from generator.plan.case_fields import example_schema, fields_case
from generator.plan.case_responses import MISSING, ResponseCases, Unusable
from generator.plan.code import ModelRef
from generator.plan.examples import child, located, pick
from generator.plan.names import as_dict, as_list
from generator.plan.package_plan import OperationPlan, ParamPlan
from generator.plan.placeholders import placeholder_value
from generator.plan.sample_values import match_template, typed, wire_text

__all__ = ["CaseBuilder", "Unusable"]

# Argument locations a case knows how to fill and check on the wire.
_KNOWN_LOCATIONS = frozenset(
    {"path", "query", "header", "cookie", "body", "body_field", "form_field", "multipart_field"}
)
_MAX_EXAMPLE_CASES = 5  # named response examples replayed per operation


class CaseBuilder(ResponseCases):
    """Builds the case data of one operation's exchanges."""

    def example_names(self, op: dict[str, Any], pointer: str) -> list[str | None]:
        """One entry per case of an operation without samples: the names of its success
        response's examples (else of its request body's), or one unnamed case."""
        found = self._success_response(op, pointer)
        for content in (as_dict(found[1].get("content")) if found else {}, self._body_content(op)):
            if content:
                examples = as_dict(as_dict(content[pick_media_type(content)]).get("examples"))
                names = [str(n) for n, e in examples.items() if "value" in self.registry.deref(e)]
                if names:
                    return list(names[:_MAX_EXAMPLE_CASES])
        return [None]

    def _body_content(self, op: dict[str, Any]) -> dict[str, Any]:
        return as_dict(self.registry.deref(op.get("requestBody")).get("content"))

    # -- one case ---------------------------------------------------------------------------

    def build(
        self,
        path: str,
        method: str,
        op: dict[str, Any],
        plan: OperationPlan,
        sample: dict[str, Any] | None,
        choice: str | None = None,
    ) -> tuple[dict[str, Any], bool]:
        """(case data, whether the response body is compared); raises Unusable."""
        self.warnings = []
        self._from_spec, self._choice, self._used_example = sample is None, choice, False
        request_sample = as_dict(as_dict(sample).get("request"))
        response_sample = as_dict(as_dict(sample).get("response"))
        sample_method = request_sample.get("method")
        if isinstance(sample_method, str) and sample_method.upper() != plan.http_method:
            raise Unusable(
                "method", f"sample request uses {sample_method.upper()}, the operation is {plan.http_method}"
            )
        unknown = sorted({p.location for p in plan.positional + plan.keyword} - _KNOWN_LOCATIONS)
        if unknown:
            raise Unusable("arguments", f"no case replays {', '.join(unknown)} arguments yet")
        op_pointer = _operation_pointer(path, method)
        params = {p.wire_name: p for p in plan.positional + plan.keyword if p.location in ("path", "query", "header")}
        spec_params = self._spec_parameters(path, op, op_pointer)
        args: list[object] = []
        kwargs: dict[str, object] = {}
        expected_path = self._path_arguments(path, plan, request_sample, spec_params, args)
        query, extra_query = self._query_arguments(plan, params, request_sample, spec_params, kwargs)
        # A path key with a query part (`/search?term={term}`): the request carries those pairs
        # in its query string (httpx merges them with the query parameters).
        expected_path, _, path_query = expected_path.partition("?")
        for name, value in parse_qsl(path_query, keep_blank_values=True):
            query.setdefault(name, value)
        headers = self._header_arguments(plan, request_sample, spec_params, kwargs)
        cookies = self._cookie_arguments(plan, spec_params, kwargs)
        call: dict[str, Any] = {"method": plan.method_name, "args": args, "kwargs": kwargs}
        if extra_query:
            call["extra_query"] = extra_query
            query.update(extra_query)
        request: dict[str, Any] = {"method": plan.http_method, "path": expected_path, "query": query}
        if headers:
            request["headers"] = headers
        if cookies:
            request["cookies"] = cookies
        self._body_arguments(op, op_pointer, plan, request_sample, call, request)
        response, expect, compared = self._response(op, op_pointer, plan, response_sample)
        data = {"call": call, "request": request, "response": response, "expect": expect}
        if self._from_spec:
            data["source"] = "examples" if self._used_example else "placeholders"
        return data, compared

    def _spec_parameters(
        self, path: str, op: dict[str, Any], op_pointer: str
    ) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
        """(location, name) -> (parameter object, its pointer); the operation's win."""
        raw_item = as_dict(self.spec.get("paths")).get(path)
        item = self.registry.deref(raw_item)
        item_pointer = located(raw_item, op_pointer.rsplit("/", 1)[0])
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for owner, base in ((item, item_pointer), (op, op_pointer)):
            for index, raw in enumerate(as_list(owner.get("parameters"))):
                param = self.registry.deref(raw)
                if isinstance(param.get("name"), str) and isinstance(param.get("in"), str):
                    where = located(raw, child(base, "parameters", str(index)))
                    merged[(str(param["in"]), str(param["name"]))] = (param, where)
        return merged

    # -- values from examples ------------------------------------------------------------------

    def _parameter_value(self, found: tuple[dict[str, Any], str] | None) -> object:
        param, pointer = found or ({}, "#")
        schema = param.get("schema")
        examples = self.examples.of(param, pointer) if self._from_spec or "example" in param else []
        return self.value_for(examples, schema, "request", "parameter")

    def _path_arguments(
        self,
        path: str,
        plan: OperationPlan,
        request_sample: dict[str, Any],
        spec_params: dict[tuple[str, str], tuple[dict[str, Any], str]],
        args: list[object],
    ) -> str:
        path_plans = [p for p in plan.positional if p.location == "path"]
        captured: dict[str, str] = {}
        sample_path = request_sample.get("path")
        if isinstance(sample_path, str):
            sample_path = sample_path.split("?", 1)[0].split("#", 1)[0]
            found = match_template(wire_path(path).split("?", 1)[0], sample_path)
            if found is None:
                raise Unusable("path", f"sample path {sample_path} does not match {path}")
            captured = {name: unquote(value) for name, value in found.items()}
        expected = wire_path(path)
        for p in path_plans:
            found_param = spec_params.get(("path", p.wire_name))
            schema = (found_param or ({}, ""))[0].get("schema")
            text = captured.get(p.wire_name)
            value: object = None
            if text is not None and not (text.startswith("{") and text.endswith("}")) and text:
                value = typed(text, self._schema_types(schema))
            if value is None or value == "" or isinstance(value, (dict, list)):
                value = self._parameter_value(found_param)
                if value is None or value == "" or isinstance(value, (dict, list)):
                    value = placeholder_value(self.registry, {"type": "string"})
            args.append(value)
            expected = expected.replace("{" + p.wire_name + "}", wire_text(value), 1)
        return expected

    def _query_arguments(
        self,
        plan: OperationPlan,
        params: dict[str, ParamPlan],
        request_sample: dict[str, Any],
        spec_params: dict[tuple[str, str], tuple[dict[str, Any], str]],
        kwargs: dict[str, object],
    ) -> tuple[dict[str, Any], dict[str, str]]:
        query: dict[str, Any] = {}
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
            schema = spec_params.get(("query", p.wire_name), ({}, ""))[0].get("schema")
            value = typed(text, self._schema_types(schema)) if p.wire_name != "$select" else text
            if value is None or wire_text(value) != text:
                value = text
            kwargs[p.name] = value
            query[p.wire_name] = text
        for p in plan.keyword:
            if p.location != "query" or p.name in kwargs:
                continue
            found = spec_params.get(("query", p.wire_name))
            if p.default_expr is not None and not self._has_examples(found):
                continue
            value = self._parameter_value(found)
            if value is None or isinstance(value, dict) or (p.default_expr is not None and value == []):
                if p.default_expr is not None:
                    continue
                value = placeholder_value(self.registry, {"type": "string"})
            kwargs[p.name] = value
            query[p.wire_name] = _query_text(value, found)
        return query, extra

    def _has_examples(self, found: tuple[dict[str, Any], str] | None) -> bool:
        return self._from_spec and found is not None and bool(self.examples.of(*found))

    def _header_arguments(
        self,
        plan: OperationPlan,
        request_sample: dict[str, Any],
        spec_params: dict[tuple[str, str], tuple[dict[str, Any], str]],
        kwargs: dict[str, object],
    ) -> dict[str, str]:
        sample_headers = {str(k).lower(): v for k, v in as_dict(request_sample.get("headers")).items()}
        headers: dict[str, str] = {}
        for p in plan.keyword:
            if p.location != "header":
                continue
            value: object = sample_headers.get(p.wire_name.lower())
            found = spec_params.get(("header", p.wire_name))
            if value is None and found is not None and (p.default_expr is None or self._has_examples(found)):
                value = self._parameter_value(found)
            if value is None and p.default_expr is None:
                value = "sample"
            if isinstance(value, (str, int, float, bool, list)) and value != []:
                kwargs[p.name] = value
                headers[p.wire_name] = wire_text(value)
        return headers

    def _cookie_arguments(
        self,
        plan: OperationPlan,
        spec_params: dict[tuple[str, str], tuple[dict[str, Any], str]],
        kwargs: dict[str, object],
    ) -> dict[str, str]:
        cookies: dict[str, str] = {}
        for p in plan.keyword:
            found = spec_params.get(("cookie", p.wire_name))
            if p.location != "cookie" or (p.default_expr is not None and not self._has_examples(found)):
                continue
            value = self._parameter_value(found)
            if isinstance(value, (str, int, float, bool)):
                kwargs[p.name] = value
                cookies[p.wire_name] = wire_text(value)
        return cookies

    # -- request body ---------------------------------------------------------------------------

    def _body_arguments(
        self,
        op: dict[str, Any],
        op_pointer: str,
        plan: OperationPlan,
        request_sample: dict[str, Any],
        call: dict[str, Any],
        request: dict[str, Any],
    ) -> None:
        raw_body = op.get("requestBody")
        body = self.registry.deref(raw_body)
        content = as_dict(body.get("content"))
        form_fields = [p for p in plan.keyword if p.location in ("form_field", "multipart_field")]
        fields = [p for p in plan.keyword if p.location == "body_field"]
        body_params = [p for p in plan.positional + plan.keyword if p.location == "body"]
        if not content or (not fields and not body_params and not form_fields):
            return
        media = request_media_type(content) if form_fields else pick_media_type(content)
        media_obj = as_dict(content[media])
        schema = as_dict(media_obj.get("schema"))
        example: object = MISSING
        examples = as_dict(media_obj.get("examples"))
        if self._from_spec:
            where = child(located(raw_body, child(op_pointer, "requestBody")), "content", media)
            found = self.examples.of(media_obj, where)
            checked = is_json_media(media) or bool(form_fields)  # an object, checked against the schema
            if found or checked:
                example = (
                    self.value_for(found, example_schema(self.registry, media, schema), "request", "request")
                    if checked
                    else (pick(found, self._choice) or found[0]).value
                )
        elif "sample" in examples and "value" in as_dict(examples["sample"]):
            example = examples["sample"]["value"]
        elif "body" in request_sample and request_sample["body"] is not None:
            example = request_sample["body"]
        if form_fields:  # form or multipart: one keyword per field
            fields_case(
                self.registry, form_fields, media, media_obj, {} if example is MISSING else example, call, request
            )
        elif fields:  # flattened carrier: one keyword per property
            self._carrier_arguments(fields, schema, {} if example is MISSING else example, call, request)
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
                value = placeholder_value(self.registry, props.get(p.wire_name))
                call["kwargs"][p.name] = sent[p.wire_name] = value
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
        if example is MISSING:
            if p.default_expr is not None and not self._from_spec:
                return  # optional body left out: nothing is sent
            example = placeholder_value(self.registry, schema) if json_body else "sample"
        elif json_body and not self._from_spec:  # document examples were checked by value_for
            problem = self.conforms(example, schema, "request")
            if problem is not None:
                raise Unusable("request-body", f"request sample contradicts the schema: {problem}")
        if json_body:
            self._prism_check(example, schema, request)
        argument: dict[str, Any] = {"name": p.name, "positional": p.default_expr is None, "value": example}
        if json_body:
            model, is_list = self._model_of(schema)
            if model is not None and (isinstance(example, list) if is_list else isinstance(example, dict)):
                argument["model"] = [model.module, model.class_name]
                argument["list"] = is_list
            request["json"] = example
        else:
            text = _body_text(media, example)
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


def _operation_pointer(path: str, method: str) -> str:
    return f"#/paths/{escape_token(path)}/{escape_token(method)}"


def _query_text(value: object, found: tuple[dict[str, Any], str] | None) -> object:
    """What the query must carry: a text, or the list of texts of an exploded array."""
    param = (found or ({}, ""))[0]
    explode = param.get("explode")
    exploded = explode if isinstance(explode, bool) else param.get("style") in (None, "form")
    if isinstance(value, list) and exploded:
        return [wire_text(v) for v in value]
    return wire_text(value)


def _body_text(media: str, example: object) -> str:
    if isinstance(example, str):
        return example
    if media == "application/x-www-form-urlencoded" and isinstance(example, dict):
        return urlencode({str(k): wire_text(v) for k, v in example.items()})
    return json.dumps(example)
