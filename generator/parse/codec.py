"""Page results <-> plain tuples, for the trip from worker processes back to the parent.

Pickling ~150,000 small dataclass instances costs more than parsing them on a second core saves;
`marshal` of plain tuples, strings and JSON values is several times faster. The layout mirrors
model.py field by field (decode rebuilds the same dataclasses).
"""

from __future__ import annotations

import marshal
from typing import Any

from generator.diagnostics import Diagnostic, Severity
from generator.parse.page_model import Body, HttpSample, IndexPage, Note, Page, Parameter, Property, Response, Status

Row = tuple[Any, ...]


def _props(items: tuple[Property, ...]) -> Row:
    return tuple((p.name, p.type, p.description, p.line) for p in items)


def _params(items: tuple[Parameter, ...]) -> Row:
    return tuple((p.name, p.location, p.type, p.description, p.required, p.line) for p in items)


def encode_page(page: Page) -> Row:
    body = page.request_body
    response = page.response
    return (
        page.file,
        page.uid,
        page.title,
        page.method,
        page.path,
        page.path_line,
        page.summary,
        page.description,
        page.online_restricted,
        _params(page.path_params),
        _params(page.query_params),
        page.query_examples,
        _params(page.headers),
        None if body is None else (body.name, body.kind, body.description, _props(body.properties), body.line),
        None
        if response is None
        else (
            response.kind,
            response.description,
            response.type_name,
            response.body_kind,
            tuple((s.code, s.description, s.line) for s in response.statuses),
            _props(response.properties),
            response.line,
        ),
        tuple(
            (s.kind, s.start_line, s.headers, s.body_text, s.body, s.body_is_json, s.file, s.line) for s in page.samples
        ),
        tuple((n.title, n.text, n.line) for n in page.notes),
        page.tag,
        page.front_matter,
    )


def decode_page(row: Row) -> Page:
    (file, uid, title, method, path, path_line, summary, description, online, path_params, query_params,
     query_examples, headers, body, response, samples, notes, tag, front) = row  # fmt: skip
    return Page(
        file=file,
        uid=uid,
        title=title,
        method=method,
        path=path,
        path_line=path_line,
        summary=summary,
        description=description,
        online_restricted=online,
        path_params=tuple(Parameter(*p) for p in path_params),
        query_params=tuple(Parameter(*p) for p in query_params),
        query_examples=query_examples,
        headers=tuple(Parameter(*p) for p in headers),
        request_body=None
        if body is None
        else Body(body[0], body[1], body[2], tuple(Property(*p) for p in body[3]), body[4]),
        response=None
        if response is None
        else Response(
            kind=response[0],
            description=response[1],
            type_name=response[2],
            body_kind=response[3],
            statuses=tuple(Status(*s) for s in response[4]),
            properties=tuple(Property(*p) for p in response[5]),
            line=response[6],
        ),
        samples=tuple(HttpSample(*s) for s in samples),
        notes=tuple(Note(*n) for n in notes),
        tag=tag,
        front_matter=front,
    )


def encode_index(index: IndexPage) -> Row:
    return (index.file, index.tag, index.title, index.base_path, index.description, index.links, index.line)


def decode_index(row: Row) -> IndexPage:
    file, tag, title, base_path, description, links, line = row
    return IndexPage(file, tag, title, base_path, description, tuple(links), line)


def encode_diagnostics(items: tuple[Diagnostic, ...]) -> Row:
    return tuple((d.file, d.line, d.severity.value, d.code, d.message) for d in items)


def decode_diagnostics(rows: Row) -> tuple[Diagnostic, ...]:
    return tuple(
        Diagnostic(file, line, Severity(severity), code, message) for file, line, severity, code, message in rows
    )


def dumps(rows: list[Row]) -> bytes:
    return marshal.dumps(rows)


def loads(data: bytes) -> list[Row]:
    rows: list[Row] = marshal.loads(data)
    return rows
