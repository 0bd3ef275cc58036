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


def dump_spec(document: dict[str, Any], fmt: str, fragments: dict[str, str] | None = None) -> str:
    """Serialise a document. With `fragments` (a cache, filled as it goes), YAML is written path by
    path and schema by schema, and a fragment whose content is unchanged is reused, not re-emitted:
    the YAML emitter costs seconds per 10 MB, so a re-run after a one-page change re-emits one page.
    """
    if fmt == "json":
        # Compact: the C encoder is ~10x faster than the indenting pure-Python one on a 10 MB document;
        # YAML is the human-readable form.
        return _writable(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
    # Keys keep the builder's order (it is already stable and reads better than sorted). The same
    # layout with or without a warm cache: same document, same bytes.
    used: dict[str, str] = {}
    text = _dump_yaml_fragments(document, fragments or {}, used)
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


def _yaml(value: Any) -> str:
    try:
        import yaml

        text: str = yaml.dump(
            value, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=120, default_flow_style=False
        )
    except RecursionError:
        key = next(iter(value), "") if isinstance(value, dict) else ""
        raise ValueError(f"{key!r} nests too deeply to write as YAML; write the document as JSON") from None
    return text


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


def _fragment(key: str, value: Any, spaces: int, known: dict[str, str], used: dict[str, str]) -> str:
    """`{key: value}` as YAML indented by `spaces`; cached indented, since re-indenting thousands of
    unchanged fragments line by line costs as much as hashing them."""
    import hashlib  # here: JSON output needs neither it nor PyYAML

    flat = json.dumps([key, value], ensure_ascii=False, separators=(",", ":"))
    digest = f"{spaces}:" + hashlib.sha256(flat.encode("utf-8", "surrogatepass")).hexdigest()
    text = used.get(digest) or known.get(digest)
    if text is None:
        text = _indent(_yaml({key: value}), spaces)
    used[digest] = text
    return text


def _dump_yaml_fragments(document: dict[str, Any], known: dict[str, str], used: dict[str, str]) -> str:
    out: list[str] = []
    for key, value in document.items():
        if key == "paths" and isinstance(value, dict) and value:
            out.append("paths:\n")
            out.extend(_fragment(path, item, 2, known, used) for path, item in value.items())
        elif key == "components" and isinstance(value, dict) and value:
            out.append("components:\n")
            for section, members in value.items():
                if isinstance(members, dict) and members:
                    out.append(f"  {section}:\n")
                    out.extend(_fragment(name, member, 4, known, used) for name, member in members.items())
                else:
                    out.append(_indent(_yaml({section: members}), 2))
        else:
            out.append(_yaml({key: value}))
    return "".join(out)
