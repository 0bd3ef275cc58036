"""Sample HTTP blocks (```http! request, ```http_ response) -> HttpSample."""

from __future__ import annotations

import json

from generator.diagnostics import Diagnostics
from generator.parse.page_model import HttpSample

SAMPLE_FENCES = {"http!": "request", "http_": "response"}


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
            body = json.loads(body_text)
            is_json = True
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
    if not start_line:
        diags.warn(file, line, "sample-empty", f"sample {kind} block is empty")
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
