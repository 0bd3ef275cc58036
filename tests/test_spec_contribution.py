"""The partition of a page into what it contributes to shared state and what only its operation
shows (generator/spec/contribution.py), checked on every page of the 10.0.2 reference: change
every local field of every page and move every line (keeping their order), and the digests stay
the same, while replaying the stored state over all those pages (spec/replay.py) gives exactly
the document, diagnostics and stats that the spec stage gives for the changed pages."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from conftest import require_shared

from generator.corpus import PageResult, parse_folder
from generator.docs_to_openapi import build_spec
from generator.parse.page_model import HttpSample, Note, Page, Parameter, Property, Status
from generator.spec.contribution import contribution, line_map
from generator.spec.parameters import COMMON_HEADERS
from generator.spec.replay import ChangedPage, replay

pytestmark = pytest.mark.corpus
TITLE = "SuperOffice WebAPI"


def _moved(line: int) -> int:
    return 2 * line + 3 if line else 0  # every line moves, none swaps places with another


def _parameter(param: Parameter, shared: bool) -> Parameter:
    text = param.description if shared else f"{param.description} (edited)"
    return replace(param, description=text, line=_moved(param.line))


def _properties(props: tuple[Property, ...]) -> tuple[Property, ...]:
    return tuple(replace(prop, line=_moved(prop.line)) for prop in props)


def _sample(sample: HttpSample) -> HttpSample:
    start = sample.start_line
    if sample.kind == "request":
        start = start.replace(" HTTP/", "?edited=1 HTTP/", 1) if " HTTP/" in start else start + "?edited=1"
    else:
        parts = start.split(" ", 2)
        start = " ".join([*parts[:2], "Fine by the edit"]) if len(parts) >= 2 else start
    headers = (*sample.headers, ("X-Edited", "yes"))
    return replace(sample, start_line=start, headers=headers, line=_moved(sample.line))


def _local_edit(page: Page) -> Page:
    """Every field that only the page's own operation shows, changed; every line moved."""
    response = page.response
    named_by_summary = response is not None and bool(response.properties)
    if response is not None:
        statuses = tuple(
            replace(s, line=_moved(s.line), description=s.description if response.properties else s.description + "!")
            for s in response.statuses
        )
        extra = Status("599", "Added by the edit.", _moved(response.line) + 1)
        response = replace(
            response,
            statuses=(*statuses, extra),
            properties=_properties(response.properties),
            line=_moved(response.line),
        )
    body = page.request_body
    if body is not None:
        body = replace(body, properties=_properties(body.properties), line=_moved(body.line))
    return replace(
        page,
        path_line=_moved(page.path_line),
        summary=page.summary if named_by_summary else page.summary + " Edited.",
        description=page.description + "\n\nA paragraph the edit added.",
        online_restricted=page.online_restricted + " (edited)" if page.online_restricted else "Online only.",
        notes=(*(replace(n, text=n.text + " Edited.", line=_moved(n.line)) for n in page.notes), Note("Added", "x", 1)),
        path_params=tuple(_parameter(p, shared=False) for p in page.path_params),
        query_params=tuple(replace(_parameter(p, False), required=not p.required) for p in page.query_params),
        query_examples={**page.query_examples, "$top": "7"},
        headers=tuple(_parameter(h, shared=h.name.lower() in COMMON_HEADERS) for h in page.headers),
        request_body=body,
        response=response,
        samples=tuple(_sample(sample) for sample in page.samples),
    )


def _outputs(document: dict[str, Any], items: list[Any], stats: Any) -> tuple[str, list[str], Any]:
    return json.dumps(document), [f"{d.format()} ({d.severity.value})" for d in items], stats


def test_local_fields_of_every_corpus_page_are_local_and_replay_equals_the_full_stage() -> None:
    results = parse_folder(require_shared("corpus", "superoffice-10.0.2", "restful"))
    _, _, _, state = build_spec(results, TITLE, record=True)
    assert state is not None
    edited = [
        PageResult(r.file, _local_edit(r.page), r.diagnostics, r.includes, r.index) if r.page is not None else r
        for r in results
    ]
    moved: dict[str, dict[int, int]] = {}
    for before, after in zip(results, edited, strict=True):
        old, new = contribution(before.page, before.index), contribution(after.page, after.index)
        assert old.digest and new.digest == old.digest, f"{before.file}: a local edit changed the shared digest"
        mapping = line_map(old.lines, new.lines)
        assert mapping is not None, before.file
        moved[before.file] = mapping
    original = _outputs(*state.outputs())
    changes = {r.file: ChangedPage(r.page, r.diagnostics) for r in edited}
    replayed = _outputs(*replay(state, changes, moved).outputs())
    document, items, summary, _ = build_spec(edited, TITLE, record=False)
    full = _outputs(document, items, summary.stats)
    assert replayed[0] == full[0], "documents differ"
    assert replayed[1] == full[1], "diagnostics differ"
    assert replayed[2] == full[2], "stats (and the naming evidence) differ"
    # The edits reached the document, and the diagnostics' lines moved: the test is not vacuous.
    assert full[0] != original[0] and full[0].count("(edited)") > 1000
    with_lines = [(a, b) for a, b in zip(full[1], original[1], strict=True) if ".md:" in a]
    assert sum(1 for a, b in with_lines if a != b) > len(with_lines) // 2  # parse diagnostics stay as they were
