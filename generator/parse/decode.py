"""Page bytes -> text: the byte-order mark picks the encoding, every line ending becomes LF.

Pages are UTF-8 (with or without a BOM); UTF-16 and UTF-32 pages are recognised by their BOM.
CRLF and bare CR line endings are normalised here, once, so that the front matter, the block
parser and the line numbers of diagnostics all see the same lines.
"""

from __future__ import annotations

import codecs
import re

# UTF-32 first: its little-endian BOM begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
)


def decode_page(raw: bytes) -> tuple[str, str]:
    """Return (text with LF line endings, problem); the problem is "" for a cleanly decoded page."""
    encoding, label, skip = "utf-8", "UTF-8", 0
    for bom, name, bom_label in _BOMS:
        if raw.startswith(bom):
            encoding, label, skip = name, bom_label, len(bom)
            break
    data = raw[skip:] if skip else raw
    problem = ""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        problem = f"page is not valid {label} ({error.reason} at byte {error.start + skip}); undecodable bytes replaced"
        text = data.decode(encoding, errors="replace")
    return normalise_newlines(text), problem


def normalise_newlines(text: str) -> str:
    """CRLF and bare CR -> LF (markdown-it counts a bare CR as a line break too)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# JSON and YAML escapes (`\\ud800`) can spell unpaired UTF-16 surrogates, which no UTF-8 file can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """`text` with every unpaired surrogate replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None
