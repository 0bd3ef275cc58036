"""The response half of a test case (plan/cases.py): which success response a case expects,
the body the mock server answers with (a sample's, the document's example, or a placeholder)
and what the typed result must be; plus what both halves share (`Unusable`, `value_for`)."""

from __future__ import annotations

import json
from typing import Any

from generator.media import is_json_media, pick_media_type
from generator.plan.examples import Example, ExampleFinder, child, located, pick
from generator.plan.models import SchemaRegistry
from generator.plan.names import as_dict
from generator.plan.package_plan import OperationPlan
from generator.plan.placeholders import Purpose, placeholder_value
from generator.plan.sample_values import SampleValues

# Response headers worth replaying from a sample (the rest describe the original transfer).
_REPLAYED_HEADERS = ("content-type", "etag", "last-modified", "location")
MISSING: Any = object()
Warning_ = tuple[str, str, str]  # (JSON pointer, code, message)


class Unusable(Exception):
    """The sample cannot drive a call; the message is the skip reason."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class ResponseCases(SampleValues):
    """Case parts over one document: response bodies, and example values checked against schemas."""

    def __init__(self, spec: dict[str, Any], registry: SchemaRegistry) -> None:
        super().__init__(spec, registry)
        self.examples = ExampleFinder(registry, str(spec.get("openapi", "")).startswith("3.0"))
        self.warnings: list[Warning_] = []  # of the last build()
        self._from_spec = False  # the exchange is the document's examples, not a sample
        self._choice: str | None = None  # the named example the case replays
        self._used_example = False

    def value_for(self, examples: list[Example], schema: object, purpose: Purpose, what: str) -> object:
        """The chosen example when it fits the schema, else a placeholder (a misfit is reported)."""
        example = pick(examples, self._choice)
        if example is not None:
            problem = self.conforms(example.value, schema, what, required=purpose)
            if problem is None:
                self._used_example = True
                return example.value
            self.warnings.append(
                (
                    example.pointer,
                    "plan-example-mismatch",
                    f"example does not fit its schema ({problem}); the generated test uses a placeholder",
                )
            )
        return placeholder_value(self.registry, schema, purpose)

    # -- response -------------------------------------------------------------------------------

    def _success_response(self, op: dict[str, Any], op_pointer: str) -> tuple[int, dict[str, Any], str] | None:
        """(status, response object, its pointer) of the first 2xx (else the `2XX` range, else
        `default`, both as 200)."""
        responses: dict[Any, Any] = as_dict(op.get("responses"))
        codes = sorted(str(c) for c in responses if str(c).startswith("2") and str(c).isdigit())
        ranges = [str(c) for c in responses if str(c).upper() == "2XX"]
        key = codes[0] if codes else ranges[0] if ranges else "default" if "default" in responses else None
        if key is None:
            return None
        raw = responses.get(key, responses.get(int(key)) if key.isdigit() else None)
        where = located(raw, child(op_pointer, "responses", key))
        return (int(key) if key.isdigit() else 200), self.registry.deref(raw), where

    def _response(
        self, op: dict[str, Any], op_pointer: str, plan: OperationPlan, response_sample: dict[str, Any]
    ) -> tuple[dict[str, Any], str, bool]:
        """(what the mock answers, what the result must be, whether a documented body is compared)."""
        if self._from_spec:
            return self._example_response(op, op_pointer, plan)
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
        if example is MISSING and "body" in response_sample and response_sample["body"] is not None:
            example = response_sample["body"]
        if example is MISSING:
            return response, "none", False  # nothing documented to answer with: empty body
        return self._response_body(plan.cast_to.render(), media, schema, example, response)

    def _example_response(
        self, op: dict[str, Any], op_pointer: str, plan: OperationPlan
    ) -> tuple[dict[str, Any], str, bool]:
        """The document's response example (or a placeholder of its schema) for its first 2xx."""
        found = self._success_response(op, op_pointer)
        status = 200 if found is None else found[0]
        response: dict[str, Any] = {"status": status, "headers": {}}
        content = as_dict(found[1].get("content")) if found else {}
        if status == 204 or not content or plan.cast_to.render() == "None":
            return response, "none", False
        media = pick_media_type(content)
        media_obj = as_dict(content[media])
        schema = media_obj.get("schema")
        assert found is not None
        examples = self.examples.of(media_obj, child(found[2], "content", media))
        if is_json_media(media):
            example = self.value_for(examples, schema, "response", "response")
        else:
            chosen = pick(examples, self._choice)
            example = chosen.value if chosen is not None and isinstance(chosen.value, str) else "sample"
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
        if not self._from_spec:  # document examples were checked by value_for
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
    """(media type, schema, example) of a response's documented content (`MISSING` example if none)."""
    if not content:
        return "", None, MISSING
    media = pick_media_type(content)
    media_obj = as_dict(content[media])
    examples = as_dict(media_obj.get("examples"))
    if "sample" in examples and "value" in as_dict(examples["sample"]):
        return media, media_obj.get("schema"), examples["sample"]["value"]
    return media, media_obj.get("schema"), media_obj.get("example", MISSING)
