"""Front matter: the YAML block between the opening and closing `---` lines of a page."""

from __future__ import annotations

from typing import Any

import yaml

from generator.diagnostics import Diagnostics
from generator.parse.decode import has_surrogates, without_surrogates

# libyaml's loader is ~10x faster than the pure-Python one; front matter is on every page.
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
            try:
                fixed: list[str] = []
                data = _plain(yaml.load(raw, Loader=_YAML_LOADER) or {}, fixed)
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
