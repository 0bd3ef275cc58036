"""What one parsed page contributes to the document's shared state, as a digest.

The spec stage is global: schema names, merged tables, inferred types, operationIds, path keys
and variants are decided from every page at once. But most of a page's text reaches only its own
operation object (spec/operation.py): the operation's summary and description, its notes and
online-restricted text, its query parameters, the descriptions of its path parameters and of its
non-shared headers, its status rows, its sample's URL and reason phrase. `shared_view` is the
rest, exactly as the shared stages read it (operation_drafts.py, naming.py, schema_registry.py,
infer.py, the path grouping in document.py, the common headers, tags.py):

- the page's identity: file, uid, method, path, tag;
- its request body section and response section with their property tables (names, types,
  descriptions: they name, merge into and describe component schemas);
- the summary, when it is naming evidence (a response with a property table);
- the JSON-Patch operations the description lists (the only use of the description);
- whether the response is bodiless, and the response section's text as a schema description,
  where those decide something (rather than the status rows they derive from);
- the first request and response samples' bodies (as text: the parsed JSON is a function of it,
  and digesting the text is much cheaper), where they come from, the response's status code and
  content type (inference walks them);
- path parameter names and types (a variant widens the primary's path parameters);
- the rows of the API-wide headers (the first page to document one describes it for all);
- for an index page, all of it; for a file that is neither, only that.

Line numbers are kept apart (`lines`): a paragraph added above a table moves every line below it
without changing what the page says, and the stored diagnostics and naming evidence can follow
such a move (see `line_map`). Two pages with the same digest give the same shared state.
`tests/test_spec_contribution.py` checks the partition on the corpus: changing every local field
of every page leaves the shared state as it was.
"""

from __future__ import annotations

import hashlib
import marshal
from dataclasses import dataclass
from typing import Any

from generator.parse.page_model import HttpSample, IndexPage, Page, Property
from generator.spec.operation import sample_status
from generator.spec.operation_drafts import bodiless, page_samples, schema_description, supported_patch_ops
from generator.spec.parameters import COMMON_HEADERS


@dataclass(frozen=True)
class Contribution:
    digest: bytes  # b"" when the page could not be digested: never equal to a stored one
    lines: tuple[int, ...]  # every line number the shared part holds, in a fixed order


def contribution(page: Page | None, index: IndexPage | None) -> Contribution:
    lines: list[int] = []
    view = _page_view(page, lines) if page is not None else _index_view(index) if index is not None else ("none",)
    try:
        data = marshal.dumps(view, 2)  # format 2: no back-references, the same bytes in every process
    except ValueError:  # a value marshal cannot write (none expected in a parsed page)
        return Contribution(b"", tuple(lines))
    return Contribution(hashlib.blake2b(data, digest_size=16).digest(), tuple(lines))


def _page_view(page: Page, lines: list[int]) -> tuple[Any, ...]:
    def line(value: int) -> int:
        lines.append(value)
        return -1

    def rows(props: tuple[Property, ...]) -> tuple[Any, ...]:
        return tuple((p.name, p.type, p.description, line(p.line)) for p in props)

    request_sample, response_sample = page_samples(page)
    body, response = page.request_body, page.response
    patchy = page.method == "PATCH"
    return (
        "page",
        page.file,
        page.uid,
        page.method,
        page.path,
        line(page.path_line),
        page.tag,
        page.summary if response is not None and response.properties else None,
        # Read only for a JSON-Patch body's `op` row (operation_drafts._draft_request): PATCH or `changes`.
        supported_patch_ops(page.description) if body is not None and (patchy or body.name == "changes") else (),
        tuple((p.name, p.type) for p in page.path_params),
        tuple((h.name, h.description) for h in page.headers if h.name.lower() in COMMON_HEADERS),
        None if body is None else (body.name, body.kind, body.description, rows(body.properties), line(body.line)),
        None
        if response is None
        else (
            response.kind,
            response.description,
            response.type_name,
            response.body_kind,
            rows(response.properties),
            line(response.line),
            schema_description(page) if response.properties else None,
            None if response.properties else bodiless(page, response_sample),
        ),
        None
        if request_sample is None
        else (request_sample.body_is_json, request_sample.body_text, request_sample.file, line(request_sample.line)),
        None if response_sample is None else _response_sample(response_sample, line),
    )


def _response_sample(sample: HttpSample, line: Any) -> tuple[Any, ...]:
    content_type = next((value for name, value in sample.headers if name.lower() == "content-type"), "")
    return (
        sample.body_is_json,
        sample.body_text,
        content_type,
        sample_status(sample),
        sample.file,
        line(sample.line),
    )


def _index_view(index: IndexPage) -> tuple[Any, ...]:
    return ("index", index.file, index.tag, index.title, index.base_path, index.description, index.links, index.line)


def line_map(old: tuple[int, ...], new: tuple[int, ...]) -> dict[int, int] | None:
    """Every shared line's old -> new number, when the page's lines moved without changing order
    (an edit above or between them); None when they cannot be followed (reordered, merged, or a
    line became or stopped being 0, "the file as a whole")."""
    if len(old) != len(new):
        return None
    pairs = sorted(set(zip(old, new, strict=True)))
    mapping: dict[int, int] = {}
    previous = -1
    for before, after in pairs:
        if before in mapping or after <= previous or (before == 0) != (after == 0):
            return None
        mapping[before] = after
        previous = after
    return mapping
