"""Inference of the types the docs leave empty.

The 2021 format leaves the type cell of nested objects empty (`User |  | ...`) and says only
`array`/`object` for collections. We resolve each such slot from evidence, strongest first:

1. the page samples: every sample body is walked along the schema it documents, recording the
   JSON value found at each open slot; objects are matched to a known schema by their keys
   (so ChatSessionEntity.User, whose sample has AssociateId/FullName/..., becomes Associate), or
   become a new schema named after the property; arrays and dictionaries get item types; scalars
   get their JSON type (and `date-time` when every string is an ISO timestamp);
2. the field's own description (`Carrier object for Person.`);
3. a schema with the property's name (`Person`, `TableRight`);
4. what the same property name resolved to elsewhere in the corpus (majority vote).

Work is incremental: the samples are walked once, and a slot's recorded values are walked again
only along the type it resolves to, so the cost stays linear in the size of the samples.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from typing import Any

from generator.media import JSON_TYPE_NAMES, json_type_of
from generator.parse.text import carrier_name
from generator.spec.schema_registry import Field, ObjectSchema, Registry, pascal, singular
from generator.spec.type_refs import AnyValue, ArrayOf, DictOf, Prim, Ref, TypeRef, Unknown

# A sample object matches a schema when its keys are a subset covering this share of the
# schema's fields, or when the two key sets overlap by this Jaccard index.
SUBSET_COVERAGE = 0.6
JACCARD_MATCH = 0.75


class Inference:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.observed: defaultdict[int, list[Any]] = defaultdict(list)
        self._walked: dict[int, int] = {}  # slot -> number of its observations already walked
        self._extra_reported: set[tuple[str, str]] = set()
        # In an API whose documented properties are PascalCase, objects keyed in lower camelCase
        # are data (archive/OData rows keyed by the caller's column choice), not records.
        names = [name for schema in registry.schemas.values() if schema.from_table for name in schema.fields]
        self._pascal_api = bool(names) and sum(1 for name in names if name[:1].isupper()) >= 0.9 * len(names)

    # -- walking samples -------------------------------------------------------------------

    def walk(self, ref: TypeRef, value: Any, file: str = "", line: int = 0) -> None:
        """Record `value` along `ref`: values land at the open slots they reach.

        With `file`, a sample value that contradicts a documented scalar type is reported there.
        """
        self._walk([(ref, value)], file, line)

    def _walk(self, stack: list[tuple[TypeRef, Any]], file: str, line: int) -> None:
        """Walk every (ref, value) of `stack`, the last one first (and its values before the next)."""
        # Samples hold ~100,000 values, so this loop dispatches on exact types (the TypeRef
        # classes are final dataclasses, JSON values are plain dicts and lists).
        registry = self.registry
        resolved, observed = registry.resolved, self.observed
        pop, push, extend = stack.pop, stack.append, stack.extend
        json_types = JSON_TYPE_NAMES
        while stack:
            current, item = pop()
            kind = type(current)
            while kind is Unknown and current.slot in resolved:  # type: ignore[union-attr]
                current = resolved[current.slot]  # type: ignore[union-attr]
                kind = type(current)
            if item is None:
                if kind is Unknown:
                    observed[current.slot].append(None)  # type: ignore[union-attr]
                continue
            if kind is Prim:  # the leaves: most values end here
                if file:
                    types = current.types  # type: ignore[union-attr]
                    found = json_types.get(type(item)) or json_type_of(item)
                    if found not in types and not (found == "integer" and "number" in types):
                        registry.diags.warn(
                            file,
                            line,
                            "sample-type",
                            f"sample value {str(item)[:40]!r} contradicts the documented type {'|'.join(types)}",
                        )
                        file = ""  # once per sample is enough to point at it
            elif kind is Ref:
                if type(item) is dict:
                    schema = registry.ensure(current.name)  # type: ignore[union-attr]
                    fields = schema.fields
                    for key, sub in item.items():
                        schema_field = fields.get(key)
                        if schema_field is None:
                            schema_field = self._sample_only_field(schema, key)
                        # Without a file to report to, a documented scalar has nothing to do.
                        if file or type(schema_field.type) is not Prim:
                            push((schema_field.type, sub))
            elif kind is Unknown:
                observed[current.slot].append(item)  # type: ignore[union-attr]
            elif kind is ArrayOf:
                if type(item) is list:
                    item_ref = current.item  # type: ignore[union-attr]
                    if file or type(item_ref) is not Prim:
                        extend([(item_ref, sub) for sub in item])
            elif kind is DictOf:
                if type(item) is dict:
                    value_ref = current.value  # type: ignore[union-attr]
                    if file or type(value_ref) is not Prim:
                        extend([(value_ref, sub) for sub in item.values()])

    def _sample_only_field(self, schema: ObjectSchema, key: str) -> Field:
        """A property that samples show but the schema's tables do not: kept, typed from samples."""
        new_field = Field(key, self.registry.fresh(key, schema.name), "", "", 0)
        self.registry.add_field(schema, new_field)
        if (schema.name, key) not in self._extra_reported and schema.from_table:
            self._extra_reported.add((schema.name, key))
            file = schema.files[0] if schema.files else ""
            self.registry.diags.info(
                file,
                0,
                "sample-only-property",
                f"samples of {schema.name} carry {key!r}, which no table documents; added",
            )
        return new_field

    # -- resolving slots -------------------------------------------------------------------

    def run(self) -> None:
        """Resolve open slots from their observations until nothing changes, then use hints."""
        registry = self.registry
        while True:
            progressed = False
            for slot_id in sorted(self.observed):
                values = self.observed[slot_id]
                done = self._walked.get(slot_id, 0)
                if done == len(values):
                    continue
                progressed = True
                target = registry.resolve(registry.slots[slot_id])
                if isinstance(target, Unknown) and target.slot == slot_id:
                    resolved = self._from_values(registry.slots[slot_id], values)
                    if resolved is None:
                        self._walked[slot_id] = len(values)
                        continue
                    registry.resolved[slot_id] = resolved
                    target = resolved
                    done = 0
                self._walked[slot_id] = len(values)
                # One walk for all of them, in order (a stack pops its last entry first).
                self._walk([(target, value) for value in reversed(values[done:])], "", 0)
            if not progressed:
                break
        self._resolve_from_hints()

    def _from_values(self, slot: Unknown, values: list[Any]) -> TypeRef | None:
        present = [value for value in values if value is not None]
        kinds = {JSON_TYPE_NAMES.get(type(value)) or json_type_of(value) for value in present}
        if not present:
            return None
        if kinds == {"array"}:
            return ArrayOf(self.registry.fresh(singular(slot.hint), slot.owner))
        if kinds == {"object"} and self.registry.declared_dict(slot.hint):
            # The same property is a documented dictionary elsewhere (FieldProperties): its keys are data.
            return DictOf(self.registry.fresh(singular(slot.hint), slot.owner))
        if kinds == {"object"}:
            keys: dict[str, None] = {}
            for value in present:
                keys.update(dict.fromkeys(value))
            if not keys:
                return None  # only `{}` seen: leave to the hints
            if _keys_are_data(present, keys) or (self._pascal_api and _mostly_lower(keys)):
                # Rows whose columns change from sample to sample (archive/OData rows): a dictionary.
                return DictOf(self.registry.fresh(singular(slot.hint), slot.owner))
            return Ref(self._schema_for(list(keys), slot))
        if "array" in kinds or "object" in kinds:
            return AnyValue()
        return _scalar(present, kinds)

    def _schema_for(self, keys: list[str], slot: Unknown) -> str:
        """The known schema these sample keys describe, or a new one named after the property."""
        registry = self.registry
        key_set = set(keys)
        hinted = {pascal(slot.hint), pascal(singular(slot.hint))}
        described = self._described_carrier(slot)
        if described:
            hinted.add(described)
        # A schema can only match if it holds one of the rarest keys (subset match needs all keys,
        # a Jaccard match all but a quarter), so only those schemas are scored.
        rarest = sorted(key_set, key=lambda key: (len(registry.by_field.get(key, ())), key))
        candidates: set[str] = {name for name in hinted if name in registry.schemas}
        for key in rarest[: len(rarest) // 4 + 1]:
            candidates.update(registry.by_field.get(key, ()))
        overlap: Counter[str] = Counter()
        for name in candidates:
            known = registry.schemas[name].fields
            overlap[name] = sum(1 for key in key_set if key in known)
        # Best match by score (ties: the schema the property names, then by name). A schema the
        # property names only needs half the keys, but never beats a real match.
        best: tuple[float, int, str] | None = None
        fallback: tuple[float, str] | None = None
        for name, shared in sorted(overlap.items()):
            fields = len(registry.schemas[name].fields)
            if shared == len(key_set):
                score = shared / fields if fields else 0.0
                ok = score >= SUBSET_COVERAGE
            else:
                score = shared / (len(key_set) + fields - shared)
                ok = score >= JACCARD_MATCH
            named = name in hinted
            if ok and (best is None or (score, int(named)) > best[:2]):
                best = (score, int(named), name)
            elif named and shared >= max(1, len(key_set) // 2) and (fallback is None or score > fallback[0]):
                fallback = (score, name)
        if best is not None:
            return best[2]
        if fallback is not None:
            return fallback[1]
        name = self._new_name(slot, key_set)
        origin = registry.operation_slots.get(slot.slot)
        if origin is None:
            registry.note_name(name, "property", f"objects in samples of {slot.owner}.{slot.hint}", "", 0)
        else:
            # A body that only a sample shows, with nothing but the operation to name it.
            registry.note_name(name, "fallback", f"the sample body of {slot.owner}", *origin)
            registry.diags.info(
                *origin, "schema-unnamed", f"the sample body names no type; named {name} after the operation"
            )
        schema = registry.ensure(name)
        for key in keys:
            if key not in schema.fields:
                registry.add_field(schema, Field(key, registry.fresh(key, name), "", "", 0))
        return name

    def _new_name(self, slot: Unknown, keys: set[str]) -> str:
        registry = self.registry
        base = pascal(slot.hint) if slot.hint else pascal(slot.owner) + "Item"
        candidates = [base, pascal(slot.owner) + base]
        for name in candidates:
            existing = registry.schemas.get(name)
            if existing is None or not existing.fields:
                return name
            fields = set(existing.fields)
            if len(keys & fields) * 2 >= len(keys | fields):
                return name  # the same concept seen with a slightly different shape: merge
        counter = 2
        while f"{candidates[-1]}{counter}" in registry.schemas:
            counter += 1
        return f"{candidates[-1]}{counter}"

    def _described_carrier(self, slot: Unknown) -> str:
        owner = self.registry.schemas.get(slot.owner)
        owner_field = owner.fields.get(slot.hint) if owner else None
        return carrier_name(owner_field.description) if owner_field else ""

    def _closed(self, ref: TypeRef, depth: int = 0) -> TypeRef | None:
        """`ref` with every slot resolved, or None if an open slot remains (or it nests absurdly)."""
        ref = self.registry.resolve(ref)
        if isinstance(ref, Unknown) or depth > 8:
            return None
        if isinstance(ref, ArrayOf):
            item = self._closed(ref.item, depth + 1)
            return ArrayOf(item) if item is not None else None
        if isinstance(ref, DictOf):
            value = self._closed(ref.value, depth + 1)
            return DictOf(value) if value is not None else None
        return ref

    def _resolve_from_hints(self) -> None:
        registry = self.registry
        by_name: defaultdict[str, Counter[TypeRef]] = defaultdict(Counter)
        for slot in registry.slots.values():
            closed = self._closed(registry.resolve(slot))
            if isinstance(closed, (Ref, ArrayOf, DictOf)):
                by_name[slot.hint][closed] += 1
        for slot_id, slot in sorted(registry.slots.items()):
            if not isinstance(registry.resolve(slot), Unknown) or not slot.hint:
                continue
            described = self._described_carrier(slot)
            named = pascal(slot.hint)
            votes = by_name.get(slot.hint)
            if described and described in registry.schemas:
                registry.resolved[slot_id] = Ref(described)
            elif named in registry.schemas and named != slot.owner:
                registry.resolved[slot_id] = Ref(named)
            elif votes:
                registry.resolved[slot_id] = sorted(votes.items(), key=lambda item: (-item[1], repr(item[0])))[0][0]
            elif any(value == {} for value in self.observed.get(slot_id, ())):
                registry.ensure(named)  # only empty objects seen: an object whose fields no page shows
                registry.note_name(named, "property", f"empty objects in samples of {slot.owner}.{slot.hint}", "", 0)
                registry.resolved[slot_id] = Ref(named)


def _keys_are_data(objects: list[dict[str, Any]], union: dict[str, None]) -> bool:
    """True when the objects seen at one place share too few keys to be one record type.

    A record type's samples carry (nearly) all its properties; rows keyed by the caller's column
    choice (`$select`) do not: on average they show less than half of all keys ever seen.
    """
    distinct = {frozenset(obj) for obj in objects if obj}
    if len(distinct) < 3:
        return False
    coverage = sum(len(keys) for keys in distinct) / (len(distinct) * len(union))
    return coverage < 0.5


def _mostly_lower(keys: dict[str, None]) -> bool:
    return sum(1 for key in keys if key[:1].islower()) * 2 > len(keys)


def _fits(value: Any, prim: Prim) -> bool:
    kind = json_type_of(value)
    return kind in prim.types or (kind == "integer" and "number" in prim.types)


def _scalar(values: list[Any], kinds: set[str]) -> Prim:
    if kinds == {"integer", "number"}:
        return Prim(("number",), "double")
    if kinds == {"string"} and all(_is_timestamp(value) for value in values):
        return Prim(("string",), "date-time")
    if len(kinds) == 1:
        kind = next(iter(kinds))
        return Prim(
            (kind,),
            "int32"
            if kind == "integer" and all(abs(v) < 2**31 for v in values)
            else "int64"
            if kind == "integer"
            else "",
        )
    return Prim(tuple(sorted(kinds)))


def _is_timestamp(value: str) -> bool:
    if len(value) < 19 or value[4:5] != "-" or value[10:11] != "T":
        return False
    try:
        datetime.fromisoformat(value[:19])
    except ValueError:
        return False
    return True
