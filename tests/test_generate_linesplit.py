"""The writer's own split of long lines (generator/linesplit.py) is black's, or it declines."""

from __future__ import annotations

import black
from black.mode import TargetVersion
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.linesplit import split_line

MODE = black.Mode(target_versions={TargetVersion.PY310}, line_length=88)

_names = st.from_regex(r"[a-z_][a-z0-9_]{0,30}", fullmatch=True)
_text = st.text(
    alphabet=st.sampled_from(list("abc XYZ'\"\\é日本-_.,:{}()#")), min_size=0, max_size=70
)  # quotes, escapes, wide characters and brackets inside strings
_strings = _text.map(lambda t: black.strings.normalize_string_quotes(repr(t)))
_values = st.one_of(_names, _strings, st.integers(-5, 10**12).map(str), st.just("None"))
_annotations = st.sampled_from(["int", "str | None", '"Pet | None"', "list[int] | None", "dict[str, Any]"])


@st.composite
def _call(draw: st.DrawFn) -> str:
    args = draw(st.lists(st.one_of(_values, st.tuples(_names, _values).map("=".join)), min_size=1, max_size=5))
    return f"{draw(_names)}({', '.join(args)})"


@st.composite
def _dict(draw: st.DrawFn) -> str:
    entries = draw(st.lists(st.tuples(_strings, _values), min_size=1, max_size=5))
    return "{" + ", ".join(f"{k}: {v}" for k, v in entries) + "}"


@st.composite
def _statement(draw: st.DrawFn) -> str:
    """A class-body statement: `name: T = f(...)`, `self.x = f(...)`, or `f(x, {...})`."""
    kind = draw(st.sampled_from(["field", "assign", "call"]))
    if kind == "field":
        return f"    {draw(_names)}: {draw(_annotations)} = {draw(_call())}"
    if kind == "assign":
        return f"    self.{draw(_names)} = {draw(_names)}(resource.{draw(_names)})"
    return f"    {draw(_names)}({draw(_names)}, {draw(_dict())})"


def _black_lines(source: str, first: int, last: int) -> list[str]:
    return black.format_str(source, mode=MODE).split("\n")[first:last]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_statement())
def test_statements_split_like_black(line: str) -> None:
    split = split_line(line, inside=False)
    if split is not None:
        assert split == _black_lines(f"class C:\n{line}\n", 1, -1)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["query", "json", "headers"]), st.one_of(_dict(), _call()), st.booleans())
def test_arguments_of_an_exploded_call_split_like_black(key: str, value: str, keyword: bool) -> None:
    line = f"            {key}={value}," if keyword else f"            {value},"
    split = split_line(line, inside=True)
    if split is not None:
        source = f"class C:\n    def m(self):\n        return self._client.request(\n{line}\n        )\n"
        assert split == _black_lines(source, 3, -2)


def test_the_generated_shapes_are_handled_without_black() -> None:
    long = "x" * 80
    assert split_line(f'    name: str | None = Field(default=None, description="{long}")', inside=False) == [
        "    name: str | None = Field(",
        "        default=None,",
        f'        description="{long}",',
        "    )",
    ]
    assert split_line(f'    name: str = Field(alias="Name", description="{long[:50]}")', inside=False) == [
        "    name: str = Field(",
        f'        alias="Name", description="{long[:50]}"',
        "    )",
    ]
    assert split_line(f'            query={{"$select": select, "{long}": top}},', inside=True) == [
        "            query={",
        '                "$select": select,',
        f'                "{long}": top,',
        "            },",
    ]
    # what is not plainly such a shape is left to black
    assert split_line(f'    x = a + f("{long}")', inside=False) is None
    assert split_line(f'    x = f("{long}")  # comment', inside=False) is None
    assert split_line(f'    x = f(f"{long}")', inside=False) is None
