"""Property-based: mangled real pages never make the parser raise, and damage is always reported."""

from __future__ import annotations

from conftest import REPO, shared_dir
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.corpus import PageResult
from generator.diagnostics import Diagnostics
from generator.docs_to_openapi import pages_to_openapi
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


@st.composite
def mangled(draw: st.DrawFn) -> tuple[str, str, str]:
    name, text = draw(st.sampled_from(PAGES))
    how = draw(
        st.sampled_from(["truncate", "shuffle", "duplicate", "break_table", "break_json", "drop_lines", "noise"])
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
    if how == "break_json" and page is not None:
        # A sample body we broke is reported, with a line inside the page.
        broken = [d for d in diagnostics if d.code == "sample-json"]
        assert broken and all(0 < d.line <= text.count("\n") + 1 for d in broken)


def test_pages_available() -> None:
    assert len(PAGES) >= 10
