"""Front matter: the YAML block between the opening and closing `---` lines of a page."""

from __future__ import annotations

import re
from typing import Any

from generator.diagnostics import Diagnostics
from generator.parse.decode import has_surrogates, without_surrogates


def yaml_loader() -> Any:
    """libyaml's loader (~10x faster than the pure-Python one). PyYAML is imported only when a
    page's front matter is more than `key: text` lines: nearly every run needs none of it."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str, file: str, diags: Diagnostics) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, number of lines before the body)."""
    if not text.startswith("---"):
        return {}, text, 0
    # Look for the closing '---' line by line from the top: front matter is a few lines, the
    # page behind it may be thousands.
    yaml_start = start = text.find("\n") + 1
    lines_before = 1
    while start > 0:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        lines_before += 1
        if line.strip() == "---":
            raw = text[yaml_start:start]
            simple = _simple_mapping(raw)
            if simple is not None:
                return simple, ("" if end < 0 else text[end + 1 :]), lines_before
            import yaml

            try:
                fixed: list[str] = []
                data = _plain(yaml.load(raw, Loader=yaml_loader()) or {}, fixed)
                if fixed:
                    diags.warn(
                        file,
                        1,
                        "front-matter",
                        f"front matter spells unpaired UTF-16 surrogates ({fixed[0]!r}); replaced with U+FFFD",
                    )
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                line_no = mark.line + 2 if mark is not None else 1
                diags.warn(file, line_no, "front-matter", f"front matter is not valid YAML: {error}")
                data = {}
            except RecursionError:
                diags.warn(file, 1, "front-matter", "front matter nests too deeply to read; ignored")
                data = {}
            if not isinstance(data, dict):
                diags.warn(file, 1, "front-matter", "front matter is not a mapping")
                data = {}
            return data, ("" if end < 0 else text[end + 1 :]), lines_before
        start = end + 1
    diags.warn(file, 1, "front-matter", "front matter is not closed by '---'")
    return {}, text, 0


# `key: value` lines whose value YAML reads as that very text: printable ASCII, starting with a
# letter (not a number, date, quote, alias, tag, block or flow indicator), no comment (` #`) and
# no further `: `. Nearly every page's front matter is a few such lines; anything else goes to YAML.
_SIMPLE_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_.-]*): +([A-Za-z][ -~]*)")
# Plain scalars YAML 1.1 (PyYAML's resolver) reads as booleans or null.
_NOT_TEXT = frozenset({"yes", "no", "true", "false", "on", "off", "null"})


def _simple_mapping(raw: str) -> dict[str, Any] | None:
    """The front matter as a dict when every line is a simple `key: text` line, else None."""
    data: dict[str, Any] = {}
    for line in raw.splitlines():
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None:
            return None
        key, value = match.group(1), match.group(2).rstrip(" ")
        if " #" in value or ": " in value or value.endswith(":") or key.lower() in _NOT_TEXT:
            return None
        if value.lower() in _NOT_TEXT:
            return None
        data[key] = value
    return data or None


def _plain(value: Any, fixed: list[str]) -> Any:
    """Front matter as plain JSON-like values (YAML dates and the like become their text); strings
    with unpaired surrogates are repaired, and listed in `fixed`."""
    if isinstance(value, dict):
        return {_plain(str(key), fixed): _plain(item, fixed) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item, fixed) for item in value]
    if isinstance(value, str):
        if has_surrogates(value):
            value = without_surrogates(value)
            fixed.append(value)
        return value
    if value is None or isinstance(value, (int, float, bool)):
        return value
    return _plain(str(value), fixed)
