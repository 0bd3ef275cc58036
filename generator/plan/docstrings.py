"""A method's docstring (Google style): what the reference says, the HTTP call, Args, Returns, Raises.

Every argument is documented, also those the spec leaves undescribed (a sentence naming where the
value goes), and flattened body fields carry their body property's description. The text is
escaped for a triple-quoted string here; templates only place it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from generator.plan.code import TypeExpr
from generator.plan.names import as_dict, as_list, clean_text, docstring_body
from generator.plan.package_plan import ParamPlan

# Error classes of the runtime (templates/runtime/_errors.py.jinja) by documented status.
ERROR_CLASSES = {
    "400": "BadRequestError",
    "401": "AuthenticationError",
    "403": "PermissionDeniedError",
    "404": "NotFoundError",
    "409": "ConflictError",
    "412": "PreconditionFailedError",
    "422": "UnprocessableEntityError",
    "429": "RateLimitError",
}
_LOCATION_WORDS = {
    "path": "The `{wire}` path parameter.",
    "query": "The `{wire}` query parameter.",
    "header": "Sent as the `{wire}` header.",
    "cookie": "Sent as the `{wire}` cookie.",
    "body_field": "The `{wire}` field of the request body.",
    "body": "The request body.",
}
PER_CALL_OPTIONS = (
    "extra_headers, extra_query, extra_body, timeout, request_options: per-call options (README, Per-call options)."
)


def http_line(method: str, path: str) -> str:
    """`POST /api/v1/Agents/Chat/RejectChatSessionTransfer`, as the docstring and api.md show it."""
    return f"`{method.upper()} {path}`"


def one_line(text: object) -> str:
    """The first paragraph of a description on one line (api.md lists, the README)."""
    return " ".join(clean_text(text).split("\n\n")[0].split())


def method_docstring(
    op: dict[str, Any],
    method: str,
    path: str,
    params: Sequence[ParamPlan],
    returns: TypeExpr,
    deref: Callable[[object], dict[str, Any]],
    notes: Sequence[str] = (),
) -> str:
    """The escaped docstring body of one generated method (`notes`: the planner's remarks, such as
    the media type a body is sent as)."""
    summary = clean_text(op.get("summary"))
    description = clean_text(op.get("description"))
    parts = [p for p in (summary, description if description != summary else "") if p]
    parts.append(http_line(method, path))
    restricted = op.get("x-online-restricted")
    if isinstance(restricted, str) and restricted.strip() and restricted.strip() not in description:
        parts.append(f"Online restricted: {restricted.strip()}")
    if op.get("deprecated") is True:
        parts.append("Deprecated: calling it emits a DeprecationWarning.")
    parts.extend(notes)
    text = docstring_body("\n\n".join(parts))
    lines = ["", "", "Args:"]
    for p in params:
        doc = p.description or docstring_body(_LOCATION_WORDS.get(p.location, "").format(wire=p.wire_name))
        lines.append(f"    {p.name}: {_indented(doc)}")
    lines.append(f"    {PER_CALL_OPTIONS}")
    responses = {str(code): value for code, value in as_dict(op.get("responses")).items()}  # YAML int keys
    lines += ["", "Returns:", f"    {returns}: {_indented(_returns_text(responses, deref))}"]
    lines += ["", "Raises:", *_raises(responses, deref)]
    return text + "\n".join(lines)


def _indented(doc: str) -> str:
    """An argument's text under its name; blank lines are dropped so Args stays one block."""
    return "\n".join("        " + line for line in doc.split("\n") if line.strip()).lstrip()


def _description_of(responses: dict[str, Any], code: str, deref: Callable[[object], dict[str, Any]]) -> str:
    response = deref(responses.get(code))
    return " ".join(clean_text(response.get("description")).split())


def _returns_text(responses: dict[str, Any], deref: Callable[[object], dict[str, Any]]) -> str:
    codes = sorted(str(c) for c in responses if str(c).startswith("2"))
    said = _description_of(responses, codes[0], deref) if codes else ""
    text = said if said and said.upper() != "OK" else "The response body, typed."
    if "304" in {str(c) for c in responses}:
        text += " NotModified when the server answers 304 Not Modified."
    return docstring_body(text if text.endswith((".", "!", "?")) else text + ".")


def _raises(responses: dict[str, Any], deref: Callable[[object], dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for code in sorted(str(c) for c in responses):
        name = ERROR_CLASSES.get(code)
        if name:
            said = _description_of(responses, code, deref)
            lines.append(f"    {name}: {docstring_body(said or code)}" + ("" if said.endswith(".") else "."))
    lines.append(f"    APIStatusError: {'any other' if lines else 'an'} error status (ClientError, ServerError).")
    lines.append("    APIConnectionError: no answer (APITimeoutError: none in time).")
    return lines


def resource_description(tag: str, spec: dict[str, Any]) -> str:
    """The tag's own description (`tags[].description`), else a sentence naming the resource (plain text)."""
    for entry in as_list(spec.get("tags")):
        if isinstance(entry, dict) and entry.get("name") == tag and clean_text(entry.get("description")):
            return clean_text(entry.get("description"))
    title = " ".join(clean_text(as_dict(spec.get("info")).get("title")).split()) or "the API"
    name = " ".join(tag.replace("_", " ").split()) or "default"
    return f"The {name} endpoints of {title}."
