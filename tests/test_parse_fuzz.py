"""Property-based: mangled real pages never make the parser raise, the document stays valid OpenAPI 3.1,
and damage is always reported: every table row of the input ends in the document or in a diagnostic."""

from __future__ import annotations

from typing import Any

from conftest import REPO, shared_dir
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import OpenAPIV31SpecValidator

from generator.corpus import PageResult
from generator.diagnostics import Diagnostic, Diagnostics
from generator.docs_to_openapi import pages_to_openapi
from generator.parse.decode import decode_page
from generator.parse.front_matter import split_front_matter
from generator.parse.markdown import parse_blocks
from generator.parse.page import parse_page


def _pages() -> list[tuple[str, str]]:
    roots = [REPO / "specs" / "docs"]
    base = shared_dir()
    if base is not None:
        roots += [
            base / "seed",
            base / "corpus" / "superoffice-10.0.2" / "restful" / "agent" / "Chat_Agent",
            base / "corpus" / "superoffice-10.0.2" / "restful" / "rest" / "Contact",
        ]
    pages: list[tuple[str, str]] = []
    for root in roots:
        for path in sorted(root.rglob("*.md"))[:40]:
            text = path.read_text(encoding="utf-8")
            if "```http" in text and "index.md" != path.name:
                pages.append((path.name, text))
    return pages


PAGES = _pages()


def _sections(text: str) -> list[str]:
    parts: list[str] = []
    for line in text.split("\n"):
        if line.startswith("## ") or not parts:
            parts.append(line)
        else:
            parts[-1] += "\n" + line
    return parts


ODD_CELLS = st.one_of(
    st.sampled_from(
        ["999", "abc", "٢٠٠", "600", "099", "2XX", "Ünïcødé", "Wídget Éntity", "a/b~c", "int[][]", "$ref", ""]
    ),
    st.text(alphabet="Üïçø日本 -_./~{}$0123456789aZ", max_size=12),
)


@st.composite
def mangled(draw: st.DrawFn) -> tuple[str, str, str]:
    name, text = draw(st.sampled_from(PAGES))
    how = draw(
        st.sampled_from(
            [
                "truncate",
                "shuffle",
                "duplicate",
                "break_table",
                "break_json",
                "drop_lines",
                "noise",
                "odd_cells",
                "encoding",
                "deep_json",
            ]
        )
    )
    lines = text.split("\n")
    if how == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    elif how == "shuffle":
        head, *rest = _sections(text)
        text = "\n".join([head, *draw(st.permutations(rest))])
    elif how == "duplicate":
        sections = _sections(text)
        pick = draw(st.integers(0, len(sections) - 1))
        text = "\n".join([*sections, sections[pick]])
    elif how == "break_table":
        rows = [i for i, line in enumerate(lines) if line.startswith("|")]
        for index in draw(st.lists(st.sampled_from(rows), max_size=5)) if rows else []:
            lines[index] = lines[index].replace("|", "", draw(st.integers(1, 3)))
        text = "\n".join(lines)
    elif how == "break_json":
        # Break a line of a JSON sample body (inside a sample fence, after its first "{"/"[").
        inside, body, candidates = False, False, []
        for i, line in enumerate(lines):
            if line.startswith("```http"):
                inside, body = line.startswith(("```http!", "```http_")), False
            elif line.startswith("```"):
                inside = False
            elif inside and line.strip()[:1] in ("{", "["):
                body = True
            if inside and body and line.strip().endswith(","):
                candidates.append(i)
        if not candidates:
            how = "noop"
        for index in draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=3)) if candidates else []:
            lines[index] = lines[index] + ",}"
        text = "\n".join(lines)
    elif how == "odd_cells":
        # Cells no API should have: invalid status codes, names OpenAPI rejects, odd type cells.
        rows = [i for i, line in enumerate(lines) if line.startswith("|") and line.count("|") >= 3]
        for index in draw(st.lists(st.sampled_from(rows), max_size=4)) if rows else []:
            cells = lines[index].split("|")
            column = draw(st.integers(1, len(cells) - 2))
            cells[column] = f" {draw(ODD_CELLS)} "
            lines[index] = "|".join(cells)
        text = "\n".join(lines)
    elif how == "encoding":
        # The bytes of another encoding and line ending, read back as the folder reader does.
        newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
        codec, bom = draw(st.sampled_from([("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe")]))
        text = decode_page(bom + text.replace("\n", newline).encode(codec))[0]
    elif how == "deep_json":
        depth = draw(st.integers(1, 1200))
        deep = "[" * depth + "1" + "]" * depth
        text += f"\n## Sample response\n\n```http_\nHTTP/1.1 200 OK\n\n{deep}\n```\n"
    elif how == "drop_lines":
        keep = draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
        text = "\n".join(line for line, kept in zip(lines, keep, strict=False) if kept)
    else:
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.text(alphabet='|`#-{}[]<>&*\n :"', max_size=40)) + text[position:]
    return name, how, text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_pages_never_raise_and_always_report(case: tuple[str, str, str]) -> None:
    name, how, text = case
    diags = Diagnostics()
    page = parse_page(text, f"agent/X/{name}", diags)  # must not raise
    # The build stage copes with whatever the parser produced.
    document, diagnostics, summary = pages_to_openapi([PageResult(name, page, tuple(diags.items))])
    assert summary.files == 1 and summary.pages + summary.skipped == 1
    if page is None:
        assert summary.skipped == 1
    else:
        assert any(
            op.get("x-source") == f"agent/X/{name}" for item in document["paths"].values() for op in item.values()
        )
    for diagnostic in diagnostics:
        assert diagnostic.file and diagnostic.message and diagnostic.line >= 0
    errors = [error.message[:200] for error in OpenAPIV31SpecValidator(document).iter_errors()]
    assert errors == [], (how, errors[:3])
    lost = _lost_rows(text, f"agent/X/{name}", document, diagnostics, page is None)
    assert lost == [], (how, lost[:5])
    if how == "break_json" and page is not None:
        # A sample body we broke is reported, with a line inside the page.
        broken = [d for d in diagnostics if d.code == "sample-json"]
        assert broken and all(0 < d.line <= text.count("\n") + 1 for d in broken)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mangled(), min_size=2, max_size=4))
def test_mangled_pages_together_still_make_a_valid_document(cases: list[tuple[str, str, str]]) -> None:
    """Pages meet in one document: shared uids, paths, schemas and headers must still give valid OpenAPI."""
    results = []
    for index, (name, _how, text) in enumerate(cases):
        file = f"agent/X{index % 2}/{name}"
        diags = Diagnostics()
        results.append(PageResult(file, parse_page(text, file, diags), tuple(diags.items)))
    document, _diagnostics, summary = pages_to_openapi(results)
    assert summary.files == len(cases)
    errors = [error.message[:200] for error in OpenAPIV31SpecValidator(document).iter_errors()]
    assert errors == [], ([how for _, how, _ in cases], errors[:3])


def _strings(document: dict[str, Any]) -> tuple[set[str], list[str]]:
    """Every key and string value of the document (lower case), and the operation descriptions."""
    found: set[str] = set()
    descriptions: list[str] = []
    stack: list[Any] = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.update(str(key).lower() for key in item)
            if isinstance(item.get("operationId"), str):
                descriptions.append(str(item.get("description", "")).lower())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            found.add(item.lower())
    return found, descriptions


# Header rows that become operation properties rather than parameters of their own name.
_ROW_KEYS = {"accept": "x-accept-types", "content-type": "x-content-types"}


def _lost_rows(
    text: str, file: str, document: dict[str, Any], diagnostics: list[Diagnostic], skipped: bool
) -> list[tuple[int, str]]:
    """Table rows of the page (as the block parser finds them) that are in neither the document nor a
    diagnostic.

    A row is in a diagnostic when one names its file and line, or the line of its table's header (an
    unrecognised table is reported once and kept whole as a note), or, for a skipped page, when one
    names the page. It is in the document when its first cell (the parameter, property or status
    name) is a key or a string of the document, or is quoted in an operation's description.
    """
    lines = {d.line for d in diagnostics if d.file == file}
    if skipped and lines:
        return []
    strings, descriptions = _strings(document)
    _, body, offset = split_front_matter(text.removeprefix("\ufeff"), file, Diagnostics())
    lost: list[tuple[int, str]] = []
    for block in parse_blocks(body, offset):
        for row in block.rows:
            name = row.cells[0].strip().strip("`").lower() if row.cells else ""
            if row.line in lines or block.start in lines:  # reported itself, or with its table
                continue
            if name and (
                name in strings or _ROW_KEYS.get(name, "\0") in strings or any(name in d for d in descriptions)
            ):
                continue
            lost.append((row.line, name))
    return lost


def test_pages_available() -> None:
    assert len(PAGES) >= 10
