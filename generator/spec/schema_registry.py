"""Component schemas: naming, merging across pages, and the slots left to infer.

Merge rule (stated, and reported): when several pages describe the same named schema, its fields
are the union of all pages' fields, in the order first seen (pages are processed sorted by file).
Where pages disagree about a field's type, a documented type beats an empty cell; a type that
refines another (`date-time` over plain `string`, an enum over `string`, an array of a named type
over an array of anything) beats the one it refines, however many pages wrote the plainer one;
otherwise the type written on more pages wins (ties: first seen). Each disagreement is reported
once as a `schema-conflict` warning that names the types (with their formats) and the files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from generator.diagnostics import Diagnostics
from generator.parse.page_model import Property
from generator.spec.type_refs import ArrayOf, DictOf, Prim, Ref, TypeRef, Unknown, map_type_cell


@dataclass
class Field:
    name: str
    type: TypeRef
    description: str
    file: str
    line: int


@dataclass
class ObjectSchema:
    name: str
    description: str = ""
    fields: dict[str, Field] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    from_table: bool = False


@dataclass(frozen=True)
class NameNote:
    kind: str  # "page-type", "description", ..., "fallback" (see naming.py)
    text: str
    file: str
    line: int


@dataclass
class _Vote:
    counts: Counter[TypeRef] = field(default_factory=Counter)
    first: list[TypeRef] = field(default_factory=list)
    files: dict[TypeRef, str] = field(default_factory=dict)


class Registry:
    """All object schemas of the document, plus the inference slots."""

    def __init__(self, diags: Diagnostics) -> None:
        self.diags = diags
        self.schemas: dict[str, ObjectSchema] = {}
        self.slots: dict[int, Unknown] = {}
        self.resolved: dict[int, TypeRef] = {}
        self._votes: dict[tuple[str, str], _Vote] = {}
        # field name -> names of the schemas that have it; for matching sample objects to schemas.
        self.by_field: dict[str, set[str]] = {}
        # field name -> how often tables type it as a dictionary / as something else.
        self._dict_votes: Counter[str] = Counter()
        self._other_votes: Counter[str] = Counter()
        # schema name -> why it has that name: (kind of evidence, the words, file, line).
        self.name_notes: dict[str, list[NameNote]] = {}
        self._note_counts: dict[tuple[str, str], int] = {}  # (name, kind) -> notes kept
        # slot -> (file, line) of the page whose body it is, when only the operation names it.
        self.operation_slots: dict[int, tuple[str, int]] = {}
        # Types that pages name in a `Response body:` heading of a response without content.
        self.bodiless_names: set[str] = set()

    def note_name(self, name: str, kind: str, text: str, file: str, line: int) -> None:
        """Record one piece of evidence for a schema's name (for `sdkgen parse --explain-names`)."""
        # A type named on hundreds of pages needs no hundred lines of each kind.
        counted = self._note_counts.get((name, kind), 0)
        if counted < 16:
            self._note_counts[(name, kind)] = counted + 1
            self.name_notes.setdefault(name, []).append(NameNote(kind, text, file, line))

    # -- slots ---------------------------------------------------------------------------

    def fresh(self, hint: str, owner: str, operation: tuple[str, int] | None = None) -> Unknown:
        """A new slot; `operation` (file, line) marks a body whose only name is the operation's."""
        slot = Unknown(len(self.slots), hint, owner)
        self.slots[slot.slot] = slot
        if operation is not None:
            self.operation_slots[slot.slot] = operation
        return slot

    def instantiate(self, ref: TypeRef, hint: str, owner: str) -> TypeRef:
        """Give every placeholder `Unknown(-1)` in `ref` a fresh slot."""
        # `type(...) is`, not isinstance: the TypeRef classes are final, and this runs per property.
        kind = type(ref)
        if kind is Unknown and ref.slot < 0:  # type: ignore[union-attr]
            return self.fresh(hint, owner)
        if kind is ArrayOf:
            return ArrayOf(self.instantiate(ref.item, singular(hint), owner))  # type: ignore[union-attr]
        if kind is DictOf:
            return DictOf(self.instantiate(ref.value, singular(hint), owner))  # type: ignore[union-attr]
        return ref

    def resolve(self, ref: TypeRef) -> TypeRef:
        """Follow resolved slots until a concrete type or an open slot."""
        resolved = self.resolved
        while type(ref) is Unknown and ref.slot in resolved:
            ref = resolved[ref.slot]
        return ref

    # -- tables --------------------------------------------------------------------------

    def field_type(self, prop: Property, owner: str, file: str) -> TypeRef:
        return self._cell_type(map_type_cell(prop.type), prop, owner, file)

    def _cell_type(self, mapped: TypeRef | str | None, prop: Property, owner: str, file: str) -> TypeRef:
        """field_type of a cell already mapped by map_type_cell."""
        if mapped is None:
            return self.fresh(prop.name, owner)
        if isinstance(mapped, str):
            self.diags.warn(
                file,
                prop.line,
                "unknown-type",
                f"unknown type {mapped!r} for property {prop.name!r}; inferred from samples instead",
            )
            return self.fresh(prop.name, owner)
        named = mapped.item if isinstance(mapped, ArrayOf) else mapped
        if isinstance(named, Ref):
            self.note_name(named.name, "type-cell", f"the type of {owner}.{prop.name}", file, prop.line)
        return self.instantiate(mapped, prop.name, owner)

    def ensure(self, name: str) -> ObjectSchema:
        schema = self.schemas.get(name)
        if schema is None:
            schema = self.schemas[name] = ObjectSchema(name)
        return schema

    def add_field(self, schema: ObjectSchema, new_field: Field) -> None:
        schema.fields[new_field.name] = new_field
        self.by_field.setdefault(new_field.name, set()).add(schema.name)

    def add_table(self, name: str, props: tuple[Property, ...], file: str, description: str = "") -> Ref:
        """Register (or merge into) the named schema that a property table describes."""
        schema = self.ensure(name)
        schema.from_table = True
        if file not in schema.files:
            schema.files.append(file)
        if description and not schema.description:
            schema.description = description
        # The loop runs once per table row (~40,000 on the 10.0.2 reference): a primitive type
        # cell (the commonest, which field_type returns as mapped) skips the call, and the vote
        # count is inlined.
        fields, votes = schema.fields, self._votes
        dict_votes, other_votes = self._dict_votes, self._other_votes
        for prop in props:
            prop_name = prop.name
            mapped = map_type_cell(prop.type)
            ref: TypeRef = mapped if type(mapped) is Prim else self._cell_type(mapped, prop, name, file)
            kind = type(ref)
            existing = fields.get(prop_name)
            if existing is None:
                self.add_field(schema, Field(prop_name, ref, prop.description, file, prop.line))
            elif not existing.description and prop.description:
                existing.description = prop.description
            if kind is DictOf:
                dict_votes[prop_name] += 1
            elif kind is not Unknown:
                other_votes[prop_name] += 1
            if kind is not Unknown:
                vote = votes.get((name, prop_name))
                if vote is None:
                    vote = votes[(name, prop_name)] = _Vote()
                key = ref if kind is Prim or kind is Ref else _vote_key(ref)
                counts = vote.counts
                count = counts.get(key)
                if count is None:
                    vote.first.append(key)
                    vote.files[key] = f"{file}:{prop.line}"
                    counts[key] = 1
                else:
                    counts[key] = count + 1
        return Ref(name)

    def declared_dict(self, name: str) -> bool:
        """True when tables type a property of this name as a dictionary more often than not."""
        return self._dict_votes[name] > self._other_votes[name]

    def settle_votes(self) -> None:
        """Apply the merge rule to fields that pages typed differently (see module docstring)."""
        for (name, prop_name), vote in sorted(self._votes.items(), key=lambda item: item[0]):
            schema_field = self.schemas[name].fields[prop_name]
            if len(vote.first) == 1:  # most fields: every page wrote the same type (nothing refines itself)
                best = vote.first[0]
            else:
                best = max(vote.first, key=lambda key: (vote.counts[key], -vote.first.index(key)))
                refined = [key for key in vote.first if refines(key, best)]
                if refined:
                    best = max(refined, key=lambda key: (vote.counts[key], -vote.first.index(key)))
            current = self.resolve(schema_field.type)
            if isinstance(current, Unknown) or _vote_key(current) != best:
                schema_field.type = self.instantiate(best, prop_name, name)
            if len(vote.first) > 1:
                others = ", ".join(f"{_describe(key)} ({vote.files[key]})" for key in vote.first if key != best)
                self.diags.warn(
                    schema_field.file,
                    schema_field.line,
                    "schema-conflict",
                    f"pages disagree on the type of {name}.{prop_name}: kept {_describe(best)} "
                    f"(written on {vote.counts[best]} pages{_why(best, vote)}), also seen {others}",
                )


def refines(specific: TypeRef, generic: TypeRef) -> bool:
    """True when `specific` says more about the same values than `generic` does."""
    if isinstance(specific, Prim) and isinstance(generic, Prim):
        return (
            specific.types == generic.types
            and not generic.format
            and not generic.enum
            and bool(specific.format or specific.enum)
        )
    if isinstance(specific, ArrayOf) and isinstance(generic, ArrayOf):
        return (isinstance(generic.item, Unknown) and not isinstance(specific.item, Unknown)) or refines(
            specific.item, generic.item
        )
    if isinstance(specific, DictOf) and isinstance(generic, DictOf):
        return (isinstance(generic.value, Unknown) and not isinstance(specific.value, Unknown)) or refines(
            specific.value, generic.value
        )
    return False


def _why(best: TypeRef, vote: _Vote) -> str:
    plainer = [key for key in vote.first if refines(best, key)]
    return f"; it refines {', '.join(_describe(key) for key in plainer)}" if plainer else ""


def _vote_key(ref: TypeRef) -> TypeRef:
    """Types compare without their slot numbers (array of unknown == array of unknown)."""
    kind = type(ref)
    if kind is Unknown:
        return _ANY_SLOT
    if kind is ArrayOf:
        return ArrayOf(_vote_key(ref.item))  # type: ignore[union-attr]
    if kind is DictOf:
        return DictOf(_vote_key(ref.value))  # type: ignore[union-attr]
    return ref


_ANY_SLOT = Unknown(-1)


def _describe(ref: TypeRef) -> str:
    if isinstance(ref, Ref):
        return ref.name
    if isinstance(ref, ArrayOf):
        return f"array of {_describe(ref.item)}"
    if isinstance(ref, DictOf):
        return f"dictionary of {_describe(ref.value)}"
    if isinstance(ref, Unknown):
        return "unspecified"
    if isinstance(ref, Prim):
        text = "|".join(ref.types)
        if ref.format:
            text += f" ({ref.format})"
        if ref.enum:
            text += f" (enum {', '.join(ref.enum[:4])}{', ...' if len(ref.enum) > 4 else ''})"
        return text
    return type(ref).__name__


def singular(name: str) -> str:
    """English singular of a property name, for naming array items (`Emails` -> `Email`)."""
    lower = name.lower()
    if lower.endswith("ies") and len(name) > 4:
        return name[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes", "uses")):
        return name[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is", "status")) and len(name) > 3:
        return name[:-1]
    return name


@cache
def pascal(name: str) -> str:
    """A schema name from a property or operation name: `odata.metadata` -> `OdataMetadata`."""
    parts = [part for part in "".join(ch if ch.isalnum() else " " for ch in name).split() if part]
    result = "".join(part[:1].upper() + part[1:] for part in parts)
    if not result or not result[0].isalpha():
        result = "Schema" + result
    return result
