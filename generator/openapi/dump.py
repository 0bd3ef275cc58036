"""OpenAPI document -> text (JSON or YAML). Deterministic: same document, same bytes.

PyYAML's representer recurses once per level and gives up near 400 levels, so depth is bounded
where documents come from: `sdkgen parse` keeps sample bodies nested deeper than
parse/sample.py's MAX_SAMPLE_DEPTH (64) as text, and bounds array types, so its documents nest
well under 100 levels. A deeper document from elsewhere gets a clear error, not a RecursionError.
Unpaired UTF-16 surrogates (which JSON escapes can spell) are written as U+FFFD: no UTF-8 file
can hold them.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from generator.openapi.yaml_events import EventWriter, Unsupported


@cache
def _dumper() -> Any:
    """PyYAML's dumper, made (and PyYAML imported) only when YAML is written, not for JSON output.

    Shared Python objects are written out in full: anchors/aliases (`&id001`) would be numbered
    per fragment and collide when fragments are joined, and they read badly in a spec anyway."""
    import yaml

    class NoAliasDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return NoAliasDumper


def spec_format(path: str) -> str:
    """ "json" for *.json, otherwise "yaml" (also for "-", standard output)."""
    return "json" if path.lower().endswith(".json") else "yaml"


def dump_spec(
    document: dict[str, Any], fmt: str, fragments: dict[str, str] | None = None, *, parallel: bool = False
) -> str:
    """Serialise a document. With `fragments` (a cache, filled as it goes), YAML is written path by
    path and schema by schema, and a fragment whose content is unchanged is reused, not re-emitted:
    the YAML emitter costs seconds per 10 MB, so a re-run after a one-page change re-emits one page.
    With `parallel` (and no cache), a helper process writes every second path and component
    (generator/spawnmap.py): the same YAML, in a little over half the time on two cores. JSON is
    always written in one piece (the C encoder needs a fifth of a second).
    """
    if fmt == "json":
        # Compact: the C encoder is ~10x faster than the indenting pure-Python one on a 10 MB document;
        # YAML is the human-readable form.
        return _writable(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
    # Keys keep the builder's order (it is already stable and reads better than sorted). The same
    # layout with or without a warm cache: same document, same bytes.
    used: dict[str, str] = {}
    text = _dump_yaml_fragments(document, fragments, used, parallel=parallel and fragments is None)
    if fragments is not None:
        fragments.clear()  # keep exactly what this document is made of
        fragments.update(used)
    return _writable(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _writable(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


_OPTIONS: dict[str, Any] = {"sort_keys": False, "allow_unicode": True, "width": 120, "default_flow_style": False}


def _yaml(value: Any, writer: EventWriter | None = None) -> str:
    """`value` as YAML: through `writer` (the same bytes, several times faster), else `yaml.dump`."""
    if writer is not None:
        try:
            return writer.dump(value)
        except (Unsupported, RecursionError):
            pass  # yaml.dump represents it, or reports the depth
    try:
        import yaml

        text: str = yaml.dump(value, Dumper=_dumper(), **_OPTIONS)
    except RecursionError:
        key = next(iter(value), "") if isinstance(value, dict) else ""
        raise ValueError(f"{key!r} nests too deeply to write as YAML; write the document as JSON") from None
    return text


# Line ends that str.splitlines sees besides "\n"; text without them is indented by one regex.
_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LINE_WITH_TEXT = re.compile(r"^(?=[^\n]*\S)", re.M)


def _indent(text: str, spaces: int) -> str:
    """Every line that is not blank, indented by `spaces`."""
    pad = " " * spaces
    if _OTHER_BREAKS.search(text) is None:
        return _LINE_WITH_TEXT.sub(pad, text)
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


class _Fragments:
    """Writes the fragments of one document; with a cache (`known`, `used`), keyed by their bytes
    (openapi/plain_bytes.py)."""

    def __init__(self, known: dict[str, str] | None, used: dict[str, str]) -> None:
        self.known = known
        self.used = used
        self.writer: EventWriter | None = None

    def yaml(self, value: Any) -> str:
        if self.writer is None:
            self.writer = EventWriter(_dumper(), **_OPTIONS)
        return _yaml(value, self.writer)

    def job(self, job: tuple[str, Any, int]) -> str:
        return self.fragment(*job)

    def fragment(self, key: str, value: Any, spaces: int) -> str:
        """`{key: value}` as YAML indented by `spaces`; cached indented, since re-indenting
        thousands of unchanged fragments line by line costs as much as hashing them. Without a
        cache, nothing is hashed."""
        if self.known is None:
            return _indent(self.yaml({key: value}), spaces)
        from generator.openapi.plain_bytes import digest_of, encoded  # JSON output needs no digest

        digest = f"{spaces}:" + digest_of(encoded([key, value]))
        text = self.used.get(digest) or self.known.get(digest)
        if text is None:
            text = _indent(self.yaml({key: value}), spaces)
        self.used[digest] = text
        return text


_PLAIN = _Fragments(None, {})


def yaml_member(job: tuple[str, Any, int]) -> str:
    """One uncached fragment, `(key, value, indent)` -> text (what the spawnmap helper runs)."""
    return _PLAIN.job(job)


def _dump_yaml_fragments(
    document: dict[str, Any], known: dict[str, str] | None, used: dict[str, str], *, parallel: bool = False
) -> str:
    parts = _Fragments(known, used)
    jobs: list[tuple[str, Any, int]] = []  # the members of paths and components sections
    out: list[str | None] = []  # None: the next job's text
    for key, value in document.items():
        if key == "paths" and isinstance(value, dict) and value:
            out.append("paths:\n")
            for path, item in value.items():
                jobs.append((path, item, 2))
                out.append(None)
        elif key == "components" and isinstance(value, dict) and value:
            out.append("components:\n")
            for section, members in value.items():
                if isinstance(members, dict) and members:
                    out.append(f"  {section}:\n")
                    for name, member in members.items():
                        jobs.append((name, member, 4))
                        out.append(None)
                else:
                    out.append(_indent(parts.yaml({section: members}), 2))
        else:
            out.append(parts.yaml({key: value}))
    if parallel:
        from generator.spawnmap import spawn_map  # subprocess and tempfile: only for a parallel dump

        try:
            texts = iter(spawn_map(yaml_member, jobs))
        finally:
            _PLAIN.writer = None  # its shared scalar events are this document's: let them go
    else:
        texts = iter([parts.job(job) for job in jobs])
    return "".join(next(texts) if text is None else text for text in out)
