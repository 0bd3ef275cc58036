"""Description cleanup: XML-doc markup and HTML entities -> clean Markdown.

The reference's descriptions come from .NET XML doc comments: `<see cref="T:Ns.Type">Text</see>`,
`<para>`, `<para />`, doubly-escaped entities (`&amp;apos;`) and the odd `<a href>`. We run
markdown-it's inline tokeniser over such snippets (only those containing `<` or `&`) and write the
tokens back as Markdown, replacing the markup.
"""

from __future__ import annotations

import html
from functools import lru_cache
from html.parser import HTMLParser

from generator.parse.markdown import inline_parser

_MARKDOWN_SPECIALS = str.maketrans({"<": "\\<"})


class _TagReader(HTMLParser):
    """Reads one inline HTML tag: its name, attributes and whether it closes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.name = ""
        self.attrs: dict[str, str] = {}
        self.closing = False
        self.self_closing = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.name = tag
        self.attrs = {key: value or "" for key, value in attrs}

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.self_closing = True

    def handle_endtag(self, tag: str) -> None:
        self.name = tag
        self.closing = True


def _read_tag(markup: str) -> _TagReader:
    reader = _TagReader()
    reader.feed(markup)
    reader.close()
    return reader


def _cref_label(cref: str) -> str:
    """`T:SuperOffice.CRM.Services.IChatAgent` -> `IChatAgent`; `P:Ns.Type.Prop` -> `Type.Prop`."""
    name = cref.split(":", 1)[-1]
    parts = name.split("(")[0].split(".")
    return ".".join(parts[-2:]) if cref.startswith(("P:", "M:", "F:")) else parts[-1]


def _unescape(text: str) -> str:
    # Entities are escaped twice in places (`&amp;apos;`): unescape until stable.
    for _ in range(3):
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return text


# markdown-it's inline pass is quadratic on some input (a run of `[`); the reference's longest snippet
# with markup has ~1,200 characters. Longer snippets are cleaned paragraph by paragraph, and a
# paragraph longer than this only gets its entities decoded and its `<` escaped.
MAX_MARKUP_CHARS = 4096


def clean(text: str) -> str:
    """Return `text` as clean Markdown; cheap for text without markup."""
    text = text.strip()
    if "<" not in text and "&" not in text:
        return text
    if len(text) <= MAX_MARKUP_CHARS:
        return _clean_markup(text)
    parts = (
        _clean_markup(part) if len(part) <= MAX_MARKUP_CHARS else _unescape(part).translate(_MARKDOWN_SPECIALS)
        for part in text.split("\n\n")
    )
    return "\n\n".join(part for part in parts if part)


# The same descriptions recur on hundreds of pages (header rows, shared carriers): tokenise each once.
@lru_cache(maxsize=16384)
def _clean_markup(text: str) -> str:
    out: list[str] = []
    link_stack: list[str] = []
    for block in inline_parser().parseInline(text):
        for token in block.children or ():
            kind = token.type
            if kind == "text":
                text = _unescape(token.content)
                # Entity-escaped line breaks (`&lt;br/&gt;`) are line breaks the authors meant.
                for tag in ("<br/>", "<br />", "<br>"):
                    text = text.replace(tag, "\n")
                out.append(text.translate(_MARKDOWN_SPECIALS))
            elif kind == "html_inline":
                out.append(_html_to_markdown(token.content, link_stack))
            elif kind == "code_inline":
                out.append(f"{token.markup}{token.content}{token.markup}")
            elif kind == "softbreak":
                out.append("\n")
            elif kind == "hardbreak":
                out.append("  \n")
            elif kind == "link_open":
                link_stack.append(str(token.attrs.get("href", "")))
                out.append("[")
            elif kind == "link_close":
                out.append(f"]({link_stack.pop() if link_stack else ''})")
            elif kind == "image":
                out.append(f"![{token.content}]({token.attrs.get('src', '')})")
            elif kind in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
                out.append(token.markup)
            elif kind == "autolink" or kind.startswith("link"):
                out.append(token.content)
            else:
                out.append(token.content)
    return _tidy("".join(out))


def _html_to_markdown(markup: str, link_stack: list[str]) -> str:
    tag = _read_tag(markup)
    name = tag.name.lower()
    if name == "see" or name == "seealso":
        if tag.closing:
            return ""
        cref = tag.attrs.get("cref") or tag.attrs.get("langword") or tag.attrs.get("href", "")
        return f"`{_cref_label(cref)}`" if tag.self_closing and cref else ""
    if name == "para":
        return "\n\n"
    if name == "br":
        return "  \n"
    if name in ("c", "code"):
        return "`"
    if name in ("b", "strong"):
        return "**"
    if name in ("i", "em"):
        return "*"
    if name == "li":
        return "" if tag.closing else "\n- "
    if name in ("ul", "ol", "p"):
        return "\n\n"
    if name == "a":
        if tag.closing:
            return f"]({link_stack.pop()})" if link_stack else ""
        link_stack.append(tag.attrs.get("href", ""))
        return "["
    # Unknown markup is kept, visibly, rather than dropped.
    return markup.replace("<", "\\<")


def _tidy(text: str) -> str:
    """Strip each line and collapse the blank runs that removed markup leaves behind."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _word_after(text: str, marker: str) -> str:
    """The identifier that follows `marker` in `text` ('' when absent)."""
    _, found, rest = text.partition(marker)
    if not found:
        return ""
    parts = rest.split(None, 1)
    word = parts[0].strip(".,;:`'\"") if parts else ""
    return word if word[:1].isalpha() and word.replace("_", "").isalnum() else ""


def carrier_name(description: str) -> str:
    """The type a description names.

    `Carrier object for Person.`, `Services for the Person Carrier is available from ...` and
    `Partial Person class associating the generated Person with an interface.` -> `Person`.
    """
    name = _word_after(description, "Carrier object for ")
    if not name:
        name = _word_after(description, "Services for the ")
        name = name if name and f"Services for the {name} Carrier" in description else ""
    if not name and " class associating the generated " in description:
        name = _word_after(description, "Partial ")
    return name


def links_entity_name(description: str) -> str:
    """`ContactEntity entity with API _Links added.` -> `ContactEntityWithLinks`."""
    head, found, _ = description.partition(" entity with API _Links added")
    if not found:
        return ""
    word = head.strip().rsplit(None, 1)[-1] if head.strip() else ""
    return f"{word}WithLinks" if word[:1].isalpha() and word.isalnum() else ""


def saved_entity_name(description: str) -> str:
    """`The ContactEntity to be saved.` -> `ContactEntity` (request body descriptions)."""
    word = _word_after(description, "The ")
    return word if word and " to be saved" in description and word[:1].isupper() else ""


def _type_word(word: str) -> str:
    """`word` if it reads as a type name (`Task`, `ContactEntity`), else ''."""
    word = word.strip(".,;:`'\"()")
    return word if word[:1].isupper() and word.replace("_", "").isalnum() and word[:1].isalpha() else ""


# Summary sentences that name what an operation returns: (lead words, trailing word, array?).
_SUMMARY_RETURNS = (
    ("Gets an array of ", " objects", True),
    ("Gets a ", " object", False),
    ("Gets an ", " object", False),
    ("Set default values into a new ", "", False),
)


@lru_cache(maxsize=4096)
def summary_type_name(summary: str) -> tuple[str, bool]:
    """The type a summary says the operation returns, and whether it returns an array of it.

    `Gets an array of Task objects.` -> ("Task", True); `Gets a ContactEntity object.` ->
    ("ContactEntity", False); `Set default values into a new SaleEntity.` -> ("SaleEntity", False).
    """
    text = " ".join(summary.split())
    for lead, tail, is_array in _SUMMARY_RETURNS:
        if not text.startswith(lead):
            continue
        rest = text[len(lead) :]
        word, _, after = rest.partition(" ")
        if tail and not (" " + after).startswith(tail):
            continue
        name = _type_word(word)
        if name and (tail or rest.rstrip(".").strip() == word.rstrip(".")):
            return name, is_array
    return "", False


def body_entity_name(description: str) -> str:
    """The entity a request body description names: `The CurrencyEntity to be created.`,
    `The ListEntity to save.`, `The Business to be added to the list.`, `The X that is saved`
    -> the type word."""
    text = " ".join(description.split())
    if not text.startswith("The "):
        return ""
    word, _, rest = text[4:].partition(" ")
    return _type_word(word) if rest.startswith(("to ", "that is ")) else ""


@lru_cache(maxsize=4096)  # the same tables recur on many pages
def owner_in_descriptions(descriptions: tuple[tuple[str, str], ...]) -> str:
    """The type that property descriptions say they belong to.

    `The child items of the SelectableMDOListItem` (items of the owner's own kind) and
    `{SuperOffice.CRM.Services.ContactEntity.CustomFields}` where `CustomFields` is a property
    of the same table both name the table's type. `descriptions` is (property name, description).
    """
    names = {name for name, _ in descriptions}
    for name, text in descriptions:
        if name == "ChildItems" or text.startswith("The child items of the "):
            _, found, rest = text.partition("child items of the ")
            word = _type_word(rest.split(None, 1)[0]) if found and rest.split() else ""
            if word:
                return word
        start = text.find("{SuperOffice.")
        while start >= 0:
            end = text.find("}", start)
            parts = text[start + 1 : end].split(".") if end > start else []
            if len(parts) >= 3 and parts[-1] in names and _type_word(parts[-2]):
                return parts[-2]
            start = text.find("{SuperOffice.", start + 1)
    return ""


@lru_cache(maxsize=4096)
def description_subject(descriptions: tuple[tuple[str, str], ...]) -> str:
    """The noun most rows of a table describe themselves with: `The Element FullName`,
    `The Element Description`, `The List Item Id` -> `Element`, `ListItem`.

    A row counts when its description starts with `The`, then capitalised words, the last of which
    names the property. Needs two or more rows that agree, and most of the rows that start with
    `The`; a subject that is one of the columns names no type. `descriptions` is (property name,
    description).
    """
    subjects: dict[str, int] = {}
    described = 0
    columns = {name.lower() for name, _ in descriptions}
    for _, text in descriptions:
        words = text.split()
        if len(words) < 3 or words[0] != "The":
            continue
        described += 1
        run: list[str] = []
        for word in words[1:]:
            bare = word.rstrip(".,;:")
            if not (bare[:1].isupper() and bare.isalnum()):
                break
            run.append(bare)
            if bare != word:
                break
        if len(run) < 2:
            continue
        subject = "".join(w[:1] + w[1:].lower() if w.isupper() else w for w in run[:-1])
        if subject.lower() not in columns:
            subjects[subject] = subjects.get(subject, 0) + 1
    if not subjects:
        return ""
    best = max(sorted(subjects), key=lambda key: subjects[key])
    return best if subjects[best] >= 2 and subjects[best] * 3 >= described * 2 else ""
