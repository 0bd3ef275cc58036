"""Sample HTTP blocks (```http! request, ```http_ response) -> HttpSample."""

from __future__ import annotations

import json
import math
import re

from generator.diagnostics import Diagnostics
from generator.parse.decode import has_surrogates, without_surrogates
from generator.parse.page_model import HttpSample, is_status_code

SAMPLE_FENCES = {"http!": "request", "http_": "response"}

# Sample bodies nested deeper than this are kept as text, not as JSON values: every later stage
# (type inference, the YAML writer, validators, generated tests) walks JSON values recursively,
# and PyYAML's writer fails at ~400 levels. The reference's deepest sample has 7 levels.
MAX_SAMPLE_DEPTH = 64


def json_depth(value: object) -> int:
    """Nesting depth of a JSON value (a scalar is 0, `[]` is 1), without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > MAX_SAMPLE_DEPTH:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


# Everything of a JSON text but its brackets: strings (whose brackets are text) and the rest.
_NOT_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[^\[\]{}"]+')
_ONE_BRACKET = str.maketrans("{}", "[]")


def nests_deeper_than(text: str, value: object, limit: int) -> bool:
    """Whether `value`, parsed from the JSON `text`, nests deeper than `limit`.

    The text's bracket nesting bounds the value's depth from above (a repeated key can drop a
    deep member), and is cheap: a text with few brackets, or whose brackets (outside strings)
    peel off in `limit` rounds of removing innermost pairs, is shallow enough. Only a text
    nested deeper is walked.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _NOT_BRACKETS.sub("", text).translate(_ONE_BRACKET)
    for _ in range(limit):
        brackets = brackets.replace("[]", "")
        if not brackets:
            return False
    return json_depth(value) > limit


def _not_a_number(text: str) -> float:
    raise ValueError(f"{text} is not a JSON value")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:40]} does not fit a 64-bit floating-point number")
    return value


def parse_sample(content: str, kind: str, file: str, line: int, diags: Diagnostics) -> HttpSample:
    """Split a sample block into start line, headers and body; parse a JSON body.

    `line` is the line of the opening fence; body errors are reported at their own line.
    """
    lines = content.split("\n")
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    start_line = lines[index].strip() if index < len(lines) else ""
    index += 1
    headers: list[tuple[str, str]] = []
    while index < len(lines) and lines[index].strip():
        name, sep, value = lines[index].partition(":")
        if sep and name.strip() and " " not in name.strip():
            headers.append((name.strip(), value.strip()))
            index += 1
        else:
            break  # a body that follows the headers without a blank line
    body_first_line = index
    body_text = "\n".join(lines[index:]).strip()
    body: object = None
    is_json = False
    if body_text:
        try:
            body = json.loads(body_text, parse_constant=_not_a_number, parse_float=_finite_float)
            is_json = True
            if nests_deeper_than(body_text, body, MAX_SAMPLE_DEPTH):
                body, is_json = None, False
                diags.warn(
                    file,
                    line,
                    "sample-json-depth",
                    f"sample {kind} body nests deeper than {MAX_SAMPLE_DEPTH} levels; kept as text, not used",
                )
            elif "\\u" in body_text and has_surrogates(encoded := json.dumps(body, ensure_ascii=False)):
                body = json.loads(without_surrogates(encoded))
                diags.warn(
                    file,
                    line,
                    "sample-surrogates",
                    f"sample {kind} body spells unpaired UTF-16 surrogates (\\uD800-\\uDFFF); replaced with U+FFFD",
                )
        except RecursionError:
            diags.warn(
                file,
                line,
                "sample-json-depth",
                f"sample {kind} body nests too deeply to read as JSON; kept as text, not used",
            )
        except json.JSONDecodeError as error:
            leading_blank = 0
            for raw in lines[body_first_line:]:
                if raw.strip():
                    break
                leading_blank += 1
            error_line = line + 1 + body_first_line + leading_blank + error.lineno - 1
            content_type = dict((k.lower(), v) for k, v in headers).get("content-type", "")
            if "json" in content_type or body_text[:1] in '[{"':
                diags.warn(file, error_line, "sample-json", f"sample {kind} body is not valid JSON: {error.msg}")
        except ValueError as error:  # NaN, Infinity, 1e400, integers of thousands of digits
            diags.warn(file, line, "sample-json", f"sample {kind} body is not usable JSON: {error}")
    if not start_line:
        diags.warn(file, line, "sample-empty", f"sample {kind} block is empty")
    elif kind == "response" and not is_status_code([*start_line.split(), "", ""][1]):
        diags.warn(
            file,
            line,
            "sample-status",
            f"sample response line {start_line[:80]!r} has no valid status code; 200 assumed",
        )
    return HttpSample(
        kind=kind,
        start_line=start_line,
        headers=tuple(headers),
        body_text=body_text,
        body=body,
        body_is_json=is_json,
        file=file,
        line=line,
    )
