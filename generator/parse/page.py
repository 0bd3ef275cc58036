"""One reference page (Markdown text) -> `Page`.

Accepts the four page formats of the reference (see ../shared/README.md): the 2021 format, the
seed format, the generated format and the include format. Pages are recognised by structure
(headings, tables by their header row, fences by their info string), never by line regexes, so
reordered or repeated sections still parse. Anything the parser cannot place is kept (as a note)
or reported as a diagnostic with file and line: nothing is dropped silently.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from generator.diagnostics import Diagnostics
from generator.parse.decode import normalise_newlines
from generator.parse.endpoint import path_template, tag_for
from generator.parse.front_matter import split_front_matter
from generator.parse.markdown import Block, TableRow, parse_blocks
from generator.parse.page_model import (
    Body,
    HttpSample,
    Note,
    Page,
    Parameter,
    Property,
    Response,
    Status,
    is_status_code,
)
from generator.parse.sample import SAMPLE_FENCES, parse_sample
from generator.parse.text import clean

# Include targets are shared by many pages (a common sample, a shared table): each distinct one is
# tokenised once per process. Blocks are immutable tuples, so pages can share them.
included_blocks = lru_cache(maxsize=512)(parse_blocks)

# Reads an include target given its path relative to the docs root; None when missing. Raises
# IncludeRefused for a target it will not read (outside the docs folder, not a regular file, too large).
IncludeReader = Callable[[str], "str | None"]


class IncludeRefused(Exception):
    """An include target the reader refuses; the message says why."""


HTTP_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
REQUIRED_MARK = "**Required**"


def _section_key(heading: str) -> tuple[str, str]:
    """`Request Body: request ` -> ("request body", "request"); `Filter Operators: ##` -> ("filter operators", "")."""
    name, _, rest = heading.partition(":")
    return name.strip().strip("#").strip().lower(), rest.strip().strip("#").strip()


def _table_kind(header: tuple[str, ...]) -> str:
    first = header[0].strip().strip("*").lower() if header else ""
    if first == "path part":
        return "path"
    if first == "parameter name":
        return "params"
    if first == "property name":
        return "properties"
    if first == "response":
        return "statuses"
    return "unknown"


def _table_markdown(block: Block) -> str:
    rows = [block.header, tuple("---" for _ in block.header), *(row.cells for row in block.rows)]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in rows)


@dataclass
class _PageBuilder:
    """Mutable state while walking one page's blocks; frozen into a Page at the end."""

    file: str
    diags: Diagnostics
    read_include: IncludeReader | None
    title: str = ""
    method: str = ""
    path: str = ""
    path_line: int = 0
    preamble: list[str] = field(default_factory=list)
    online_restricted: list[str] = field(default_factory=list)
    path_params: list[Parameter] = field(default_factory=list)
    query_params: list[Parameter] = field(default_factory=list)
    query_examples: dict[str, str] = field(default_factory=dict)
    headers: list[Parameter] = field(default_factory=list)
    body_heading: tuple[str, str, int] | None = None
    body_text: list[str] = field(default_factory=list)
    body_props: list[Property] = field(default_factory=list)
    response_heading: tuple[str, int] | None = None
    response_text: list[str] = field(default_factory=list)
    response_type_name: str = ""
    response_body_kind: str = ""
    statuses: list[Status] = field(default_factory=list)
    response_props: list[Property] = field(default_factory=list)
    samples: list[HttpSample] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    seen_sections: set[str] = field(default_factory=set)
    table_rows: int = 0

    # -- tables ---------------------------------------------------------------------------

    def _cells(self, row: TableRow, width: int, table: str) -> list[str]:
        cells = list(row.cells)
        if len(cells) != width:
            self.diags.warn(
                self.file,
                row.line,
                "table-row-cells",
                f"{table} table row has {len(cells)} cells, expected {width}; "
                + ("padded with empty cells" if len(cells) < width else "extra cells joined into the last one"),
            )
            if len(cells) < width:
                cells += [""] * (width - len(cells))
            else:
                cells = [*cells[: width - 1], " | ".join(cells[width - 1 :])]
        return cells

    def _params(self, block: Block, location: str) -> list[Parameter]:
        width = len(block.header)
        params: list[Parameter] = []
        for row in block.rows:
            cells = self._cells(row, width, f"{location} parameter")
            name = cells[0].strip().strip("`")
            if width >= 3:
                type_text, description = cells[1], cells[-1]
            else:
                type_text, description = "", cells[-1]
            if not name:
                self.diags.warn(
                    self.file, row.line, "table-row-empty", f"{location} parameter row has no name; skipped"
                )
                continue
            required = REQUIRED_MARK in description or location == "path"
            description = clean(description.replace(REQUIRED_MARK, ""))
            params.append(Parameter(name, location, type_text.strip(), description, required, row.line))
        return params

    def _properties(self, block: Block) -> list[Property]:
        width = len(block.header)
        props: list[Property] = []
        for row in block.rows:
            cells = self._cells(row, width, "property")
            name = cells[0].strip().strip("`")
            if not name:
                self.diags.warn(self.file, row.line, "table-row-empty", "property row has no name; skipped")
                continue
            type_text = cells[1].strip() if width >= 3 else ""
            props.append(Property(name, type_text, clean(cells[-1]), row.line))
        return props

    def _statuses(self, block: Block) -> list[Status]:
        statuses: list[Status] = []
        for row in block.rows:
            cells = self._cells(row, max(len(block.header), 2), "status")
            code = cells[0].strip()
            if not is_status_code(code):
                self.diags.warn(
                    self.file, row.line, "status-code", f"status table row {code!r} is not an HTTP status code; skipped"
                )
                continue
            statuses.append(Status(code, clean(cells[1]), row.line))
        return statuses

    def _add_params(self, target: list[Parameter], block: Block, location: str) -> None:
        """Append a table's parameters; a name already documented (a repeated row or section) keeps
        its first row, and the repeat is reported. Header names compare case-insensitively."""

        def key(name: str) -> str:
            return name.lower() if location == "header" else name

        seen = {key(param.name) for param in target}
        for param in self._params(block, location):
            if key(param.name) in seen:
                self.diags.warn(
                    self.file,
                    param.line,
                    "duplicate-parameter",
                    f"{location} parameter {param.name!r} is documented more than once; the first row is kept",
                )
                continue
            seen.add(key(param.name))
            target.append(param)

    def table(self, block: Block, section: str) -> None:
        self.table_rows += len(block.rows)
        kind = _table_kind(block.header)
        if kind == "path":
            self._add_params(self.path_params, block, "path")
        elif kind == "params" and section == "request headers":
            self._add_params(self.headers, block, "header")
        elif kind == "params":
            self._add_params(self.query_params, block, "query")
        elif kind == "statuses":
            self.statuses += self._statuses(block)
        elif kind == "properties" and section == "request body":
            self.body_props += self._properties(block)
        elif kind == "properties" and section == "response":
            self.response_props += self._properties(block)
        else:
            self.diags.warn(
                self.file,
                block.start,
                "table-unknown",
                f"table with header {' | '.join(block.header)!r} in section {section or 'preamble'!r} "
                f"is not recognised; its {len(block.rows)} rows are kept as a note",
            )
            self.notes.append(Note(section or "table", _table_markdown(block), block.start))

    # -- samples and includes -------------------------------------------------------------

    def fence(self, block: Block, section: str) -> None:
        info = block.info.split()[0] if block.info else ""
        if info == "http" and not self.method:
            self._request_line(block)
        elif info == "http" and section == "query string parameters":
            self._query_examples(block)
        elif info in SAMPLE_FENCES:
            self.samples.append(parse_sample(block.text, SAMPLE_FENCES[info], self.file, block.start, self.diags))
        else:
            target = (
                self.body_text if section == "request body" else self.response_text if section == "response" else None
            )
            fenced = f"```{block.info}\n{block.text}```"
            if target is not None:
                target.append(fenced)
            elif section in ("", "description"):
                self.preamble.append(fenced)
            else:
                self._note(section, fenced, block.start)

    def _request_line(self, block: Block) -> None:
        first = block.text.strip().split("\n")[0].strip()
        method, _, path = first.partition(" ")
        if method.upper() in HTTP_METHODS and path.strip().startswith("/"):
            self.method, self.path, self.path_line = method.upper(), path.strip(), block.start
            template = path_template(self.path)
            if template != self.path:
                self.diags.warn(
                    self.file,
                    block.start,
                    "path-template",
                    f"request path {self.path!r} has braces that are not a whole `{{name}}` segment;"
                    f" they are percent-encoded: {template!r}",
                )
                self.path = template

    def _query_examples(self, block: Block) -> None:
        for line in block.text.split("\n"):
            _, _, url = line.strip().partition(" ")
            _, _, query = url.partition("?")
            name, sep, value = query.partition("=")
            if sep and name and name not in self.query_examples:
                self.query_examples[name] = value

    def include(self, block: Block, section: str) -> bool:
        """Resolve a DocFX `[!include[title](path)]` paragraph; True when the block was one."""
        text = block.text.strip()
        if not text.startswith("[!include["):
            return False
        target = text.partition("](")[2].rpartition(")")[0].strip()
        if not self.method:
            # Index and intro pages include shared prose; only endpoint pages need their includes.
            self._note(section or "include", text, block.start)
            return True
        if not target:
            self.diags.warn(self.file, block.start, "include-syntax", f"include line without a target: {text!r}")
            return True
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(self.file), target))
        try:
            content = self.read_include(resolved) if self.read_include else None
        except IncludeRefused as refused:
            self.diags.warn(
                self.file, block.start, "include-refused", f"include target {target!r} ({resolved}) {refused}"
            )
            return True
        if content is None:
            self.diags.warn(
                self.file, block.start, "include-missing", f"include target {target!r} ({resolved}) not found"
            )
            return True
        _, body, offset = split_front_matter(normalise_newlines(content.removeprefix("\ufeff")), resolved, self.diags)
        included = included_blocks(body, offset)
        saved = self.file
        self.file = resolved  # diagnostics and samples point at the included file
        try:
            for inner in included:
                if inner.kind == "fence":
                    self.fence(inner, section)
                elif inner.kind == "table":
                    self.table(inner, section)
                elif inner.text.strip():
                    self._note(section, inner.text, inner.start)
        finally:
            self.file = saved
        return True

    def _note(self, section: str, text: str, line: int) -> None:
        if self.notes and self.notes[-1].title == section:
            last = self.notes[-1]
            self.notes[-1] = Note(last.title, f"{last.text}\n\n{text}", last.line)
        else:
            self.notes.append(Note(section, text, line))


def parse_page(text: str, file: str, diags: Diagnostics, read_include: IncludeReader | None = None) -> Page | None:
    """Parse one page; None when the page is not an endpoint (index pages, intros).

    Never raises on bad input: problems become diagnostics in `diags`. A leading BOM and CRLF or CR
    line endings are accepted here too (the folder reader has already normalised them).
    """
    front, blocks = page_blocks(text, file, diags)
    return page_from_blocks(front, blocks, file, diags, read_include)


def page_blocks(text: str, file: str, diags: Diagnostics) -> tuple[dict[str, Any], list[Block]]:
    """A page's front matter and top-level blocks (tokenised once, for the endpoint and the index
    page readers alike)."""
    text = normalise_newlines(text.removeprefix("\ufeff"))
    front, body, offset = split_front_matter(text, file, diags)
    return front, parse_blocks(body, offset)


def page_from_blocks(
    front: dict[str, Any],
    blocks: list[Block],
    file: str,
    diags: Diagnostics,
    read_include: IncludeReader | None = None,
) -> Page | None:
    """parse_page, from the page's front matter and blocks (see page_blocks)."""
    page = _PageBuilder(file, diags, read_include)
    section = ""
    for block in blocks:
        if block.kind == "heading":
            if block.level == 1 and not page.title:
                page.title = block.text
                continue
            key, rest = _section_key(block.text)
            if block.level >= 3 and key == "response body":
                page.response_type_name = rest
                section = "response"
                continue
            if block.level == 2 or (block.level >= 3 and key in _KNOWN_SECTIONS):
                section = key if key in _KNOWN_SECTIONS else block.text.strip().strip("#").strip().rstrip(":").strip()
                if section in page.seen_sections and section in _SINGLE_SECTIONS:
                    diags.warn(
                        file, block.start, "duplicate-section", f"section {block.text!r} appears twice; contents merged"
                    )
                page.seen_sections.add(section)
                if section == "request body":
                    name, _, kind = rest.partition(" ")
                    page.body_heading = (name.strip(), kind.strip(), block.start)
                elif section == "response":
                    page.response_heading = (rest.lower(), block.start)
                elif rest and section == "online restricted":
                    page.online_restricted.append(rest)
                elif rest:
                    page._note(section, rest, block.start)
                continue
            page._note(section, f"{'#' * block.level} {block.text}", block.start)
            continue
        if block.kind == "table":
            page.table(block, section)
        elif block.kind == "fence":
            page.fence(block, section)
        elif block.kind == "paragraph" and page.include(block, section):
            continue
        elif section == "" or section == "description":
            if page.method or block.kind != "other":
                page.preamble.append(block.text)
        elif section == "request body":
            page.body_text.append(block.text)
        elif section == "response":
            key, rest = _section_key(block.text)
            if key == "response body":
                page.response_body_kind = rest.lower()
            else:
                page.response_text.append(block.text)
        elif section == "online restricted":
            page.online_restricted.append(block.text)
        else:
            page._note(section, block.text, block.start)
    return _finish(page, front, file, diags)


_KNOWN_SECTIONS = frozenset(
    {
        "query string parameters",
        "request headers",
        "request body",
        "response",
        "sample request",
        "sample response",
        "online restricted",
    }
)
_SINGLE_SECTIONS = frozenset({"request body", "response", "request headers", "query string parameters"})


def _finish(page: _PageBuilder, front: dict[str, Any], file: str, diags: Diagnostics) -> Page | None:
    uid = str(front.get("uid") or front.get("id") or "").strip()
    if not page.method:
        if uid.startswith("v1") or page.statuses or page.response_heading:
            diags.error(
                file,
                1,
                "no-endpoint",
                "page looks like an endpoint but has no ```http block with METHOD /path; skipped",
            )
        elif page.table_rows:
            diags.info(
                file,
                1,
                "not-an-endpoint",
                f"page has no ```http block with METHOD /path, so it is not an endpoint page;"
                f" its {page.table_rows} table rows are not used",
            )
        return None
    if not uid:
        diags.warn(file, 1, "no-uid", "front matter has no uid/id; operationId derived from method and path")
        uid = f"{page.method.lower()}_{page.path.strip('/').replace('/', '_')}"
    if page.response_heading is None:
        diags.warn(file, page.path_line, "missing-response", "page has no '## Response' section; 200 OK assumed")
    description = clean("\n\n".join(part for part in page.preamble if part.strip()))
    # A short first paragraph is the summary (its line breaks are only wrapping); the description
    # holds the rest, so nothing is said twice.
    first, _, rest = description.partition("\n\n")
    first = " ".join(first.split())
    if first and len(first) <= 200 and not first.startswith(("|", "-", "*", "`", "#")):
        summary, description = first, rest.strip()
    else:
        summary = page.title
    online = clean("\n\n".join(page.online_restricted))
    body = None
    if page.body_heading is not None:
        name, kind, line = page.body_heading
        body = Body(name, kind, clean("\n\n".join(page.body_text)), tuple(page.body_props), line)
    elif page.body_props:
        diags.warn(
            file,
            page.body_props[0].line,
            "body-without-heading",
            "request body properties without a 'Request Body' heading",
        )
        body = Body("body", "", "", tuple(page.body_props), page.body_props[0].line)
    response = None
    if page.response_heading is not None or page.statuses or page.response_props:
        kind, line = page.response_heading or ("", page.path_line)
        response = Response(
            kind=kind,
            description=clean("\n\n".join(page.response_text)),
            type_name=page.response_type_name.strip(),
            body_kind=page.response_body_kind,
            statuses=tuple(page.statuses),
            properties=tuple(page.response_props),
            line=line,
        )
    return Page(
        file=file,
        uid=uid,
        title=page.title or str(front.get("title", "")),
        method=page.method,
        path=page.path,
        path_line=page.path_line,
        summary=summary,
        description=description,
        online_restricted=online,
        path_params=tuple(page.path_params),
        query_params=tuple(page.query_params),
        query_examples=dict(sorted(page.query_examples.items())),
        headers=tuple(page.headers),
        request_body=body,
        response=response,
        samples=tuple(page.samples),
        notes=tuple(page.notes),
        tag=tag_for(file, uid),
        front_matter=front,
    )
