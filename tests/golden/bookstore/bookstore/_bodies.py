"""Form and multipart request bodies: the fields a method was given, encoded as the spec says.

``FormBody`` is ``application/x-www-form-urlencoded`` text with OpenAPI's ``style`` /
``explode`` per field (default ``form``, exploded: ``tag=a&tag=b``; ``deepObject``:
``metadata[key]=v``, ``items[0][price]=x``). ``MultipartBody`` is the parts httpx encodes
as ``multipart/form-data`` (httpx picks the boundary): file fields take ``FileTypes``,
objects and arrays of objects are JSON parts, arrays of scalars or files repeat the part.
Fields left ``NOT_GIVEN`` are not sent.
"""

from __future__ import annotations

import json
import mimetypes
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Union, cast
from urllib.parse import urlencode

from ._errors import InvalidRequestError
from ._request_parts import to_jsonable
from ._types import NotGiven

__all__ = ["FormBody", "MultipartBody", "Part", "file_content"]

Encoding = Mapping[str, Mapping[str, object]]
"""Per field: the spec's encoding object (``style``, ``explode``, ``contentType``, ``headers``)."""
Part = tuple[
    str,
    tuple[Union[str, None], Union[bytes, IO[bytes]], Union[str, None], dict[str, str]],
]
"""One multipart part as httpx takes it: (field, (filename, content, content type, headers))."""

_NO_BODY_METHODS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS"})


def _is_json_media(media: object) -> bool:
    base = str(media).split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def _object(value: object) -> dict[str, object] | None:
    """A JSON object (to_jsonable's output) with its keys as text, else None."""
    if isinstance(value, dict):
        return {str(k): v for k, v in cast("dict[object, object]", value).items()}
    return None


def _array(value: object) -> list[object] | None:
    """A JSON array (or a tuple a caller passed), else None."""
    if isinstance(value, (list, tuple)):
        return list(cast("list[object] | tuple[object, ...]", value))
    return None


def _is_tuple(value: object) -> bool:
    return isinstance(value, tuple)


def _json_text(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _text(value: object) -> str:
    """A JSON-able leaf as form text: booleans ``true``/``false``, null as the empty string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if _object(value) is not None or _array(value) is not None:
        return _json_text(value)
    return str(value)


def _deep(name: str, value: object) -> list[tuple[str, str]]:
    """deepObject nesting, arrays by index (``items[0][price]=x``), as Stripe's API reads it."""
    mapping, items = _object(value), _array(value)
    if mapping is not None:
        return [
            pair
            for key, item in mapping.items()
            for pair in _deep(f"{name}[{key}]", item)
        ]
    if items is not None:
        return [
            pair
            for index, item in enumerate(items)
            for pair in _deep(f"{name}[{index}]", item)
        ]
    return [(name, _text(value))]


def form_pairs(
    name: str, value: object, encoding: Mapping[str, object]
) -> list[tuple[str, str]]:
    """The ``(key, value)`` pairs of one field in its OpenAPI style (``value`` is JSON-able)."""
    if _is_json_media(encoding.get("contentType")):
        return [(name, _json_text(value))]
    style = encoding.get("style", "form")
    explode = encoding.get("explode", style == "form")
    if style == "deepObject":
        return _deep(name, value)
    mapping, items = _object(value), _array(value)
    if items is not None:
        if explode:
            return [(name, _text(item)) for item in items]
        separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(str(style), ",")
        return [(name, separator.join(_text(item) for item in items))]
    if mapping is not None:
        if explode:  # form, exploded: the object's own properties become the keys
            return [(key, _text(item)) for key, item in mapping.items()]
        return [
            (name, ",".join(f"{key},{_text(item)}" for key, item in mapping.items()))
        ]
    return [(name, _text(value))]


class FormBody:
    """An ``application/x-www-form-urlencoded`` body (see the module docstring)."""

    __slots__ = ("encoding", "fields")

    def __init__(
        self, fields: Mapping[str, object], *, encoding: Encoding | None = None
    ) -> None:
        self.fields = fields
        self.encoding: Encoding = encoding or {}

    def encode(self, method: str, extra: Mapping[str, object] | None) -> bytes | None:
        """The body's bytes; None (no body, no Content-Type) for a GET with nothing to send."""
        pairs: list[tuple[str, str]] = []
        for name, value in {**self.fields, **(extra or {})}.items():
            if not isinstance(value, NotGiven):
                pairs += form_pairs(
                    name, to_jsonable(value), self.encoding.get(name, {})
                )
        if not pairs and method.upper() in _NO_BODY_METHODS:
            return None
        return urlencode(pairs).encode("ascii")


class MultipartBody:
    """A ``multipart/form-data`` body (see the module docstring).

    ``files`` name the fields holding one file, ``file_arrays`` those holding a sequence of
    files, ``json`` the fields sent as one JSON part; every other field is text (a list
    repeats the part). A path is read when the request is built.
    """

    __slots__ = ("encoding", "fields", "file_arrays", "files", "json")

    def __init__(
        self,
        fields: Mapping[str, object],
        *,
        files: Sequence[str] = (),
        file_arrays: Sequence[str] = (),
        json: Sequence[str] = (),
        encoding: Encoding | None = None,
    ) -> None:
        self.fields = fields
        self.files = frozenset(files)
        self.file_arrays = frozenset(file_arrays)
        self.json = frozenset(json)
        self.encoding: Encoding = encoding or {}

    def parts(self, extra: Mapping[str, object] | None) -> list[Part]:
        parts: list[Part] = []
        for name, value in {**self.fields, **(extra or {})}.items():
            if value is None or isinstance(value, NotGiven):
                continue  # multipart has no null: an unset field is left out
            encoding = self.encoding.get(name, {})
            media = encoding.get("contentType")
            content_type = media if isinstance(media, str) else None
            headers = {
                key: _text(item)
                for key, item in (_object(encoding.get("headers")) or {}).items()
            }
            if name in self.files or (
                name not in self.json and _is_file_content(value)
            ):
                parts.append((name, _file_part(value, content_type, headers)))
            elif name in self.file_arrays:
                items = _array(value)
                if items is None:
                    raise InvalidRequestError(f"{name} takes a sequence of files")
                parts += [
                    (name, _file_part(item, content_type, headers)) for item in items
                ]
            else:
                parts += _data_parts(
                    name, to_jsonable(value), name in self.json, content_type, headers
                )
        return parts


def _is_file_content(value: object) -> bool:
    """Bytes, a path or a file object: what an undeclared field (``extra_body``) sends as a file."""
    return isinstance(value, (bytes, bytearray, memoryview, os.PathLike)) or callable(
        getattr(value, "read", None)
    )


def _path(value: object) -> Path | None:
    if isinstance(value, os.PathLike):
        return Path(os.fsdecode(cast("os.PathLike[str]", value)))
    return None


def _bytes(value: object) -> bytes | None:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, memoryview):
        return cast("memoryview[int]", value).tobytes()
    return None


def file_content(value: object) -> bytes | None:
    """A raw binary body (bytes, a binary file object, a path) as bytes; None when not given.

    Read once, so that a retry or a redirect sends the same bytes.
    """
    if value is None or isinstance(value, NotGiven):
        return None
    path, data = _path(value), _bytes(value)
    if path is not None:
        return path.read_bytes()
    if data is not None:
        return data
    read = getattr(value, "read", None)
    if callable(read):
        chunk = read()
        if isinstance(chunk, bytes):
            return chunk
    raise InvalidRequestError(
        f"A binary body must be bytes, a binary file object or a path, got {type(value).__name__}"
    )


def _data_parts(
    name: str,
    value: object,
    as_json: bool,
    content_type: str | None,
    headers: dict[str, str],
) -> list[Part]:
    items = _array(value)
    is_complex = _object(value) is not None or (
        items is not None and any(isinstance(item, (dict, list)) for item in items)
    )
    if as_json or is_complex or _is_json_media(content_type):
        text = _json_text(value)
        return [
            (
                name,
                (
                    None,
                    text.encode(),
                    content_type or "application/json",
                    dict(headers),
                ),
            )
        ]
    return [
        (name, (None, _text(item).encode(), content_type, dict(headers)))
        for item in (items if items is not None else [value])
    ]


def _file_part(
    value: object, content_type: str | None, headers: dict[str, str]
) -> tuple[str | None, bytes | IO[bytes], str | None, dict[str, str]]:
    """``FileTypes`` -> (filename, content, content type, headers); paths are read here."""
    extra: dict[str, object] = {}
    content: object = value
    filename: str | None
    given = _array(content) if _is_tuple(content) else None
    if given is not None:
        if not 2 <= len(given) <= 4:
            raise InvalidRequestError(
                "A file tuple is (filename, content[, content_type[, headers]])"
            )
        filename = None if given[0] is None else str(given[0])
        content = given[1]
        if len(given) > 2 and given[2] is not None:
            content_type = str(given[2])
        if len(given) > 3:
            extra = _object(given[3]) or {}
    else:
        filename = _default_filename(content)
    data: bytes | IO[bytes]
    path, raw = _path(content), _bytes(content)
    if path is not None:
        data = path.read_bytes()
    elif raw is not None:
        data = raw
    elif callable(getattr(content, "read", None)):
        data = cast("IO[bytes]", content)
    else:
        raise InvalidRequestError(
            f"A file must be bytes, a binary file object or a path, got {type(content).__name__}"
        )
    if content_type is None:
        guessed = mimetypes.guess_type(filename)[0] if filename else None
        content_type = guessed or "application/octet-stream"
    return (
        filename,
        data,
        content_type,
        {**headers, **{k: _text(v) for k, v in extra.items()}},
    )


def _default_filename(value: object) -> str:
    """A path's name, a file object's name, else ``upload`` (as httpx names bytes)."""
    path = _path(value)
    if path is not None:
        return path.name
    name: object = getattr(value, "name", None)
    return Path(name).name if isinstance(name, str) and name else "upload"
