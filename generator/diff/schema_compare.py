"""Comparing two schema nodes structurally: type, format, nullability, enums, properties, items.

The walk follows `$ref`s but stops where both sides refer to the same component name: that
component is compared once on its own (`compare.py`). Where the names differ (`Foo` -> `Bar`) or one
side is inline, the resolved shapes are compared in place after a `type-changed`. Cycles are cut by
the (old ref, new ref) pairs on the current path.
"""

from __future__ import annotations

from typing import Any

from generator.diff.changes import ChangeKind
from generator.diff.documents import Shape, reshaped
from generator.diff.recorder import Recorder, Where
from generator.openapi import escape_token


class SchemaComparer(Recorder):
    """Schema comparison on top of the recorder; the operation comparer builds on it."""

    def schema(
        self,
        o_node: Any,
        n_node: Any,
        where: Where,
        loc: str,
        seen: frozenset[tuple[str, str]] = frozenset(),
        o_shape: Shape | None = None,
        n_shape: Shape | None = None,
    ) -> None:
        if o_shape is None and n_shape is None and o_node is not None and o_node == n_node:
            # Equal nodes have equal shapes; the components they reference are compared on their own.
            return
        so = o_shape or self.old.shape(o_node)
        sn = n_shape or self.new.shape(n_node)
        self.docs(where, loc, so.description, sn.description)
        self._nullable(so, sn, where, loc)
        if so.ref or sn.ref:
            if so.ref == sn.ref or (so.ref is not None and sn.ref is not None and self.renamed.get(so.ref) == sn.ref):
                return  # compared once as a component schema
            if (so.ref and sn.ref) or (so.ref and sn.types) or (sn.ref and so.types):
                self._type_changed(so, sn, where, loc)
            pair = (so.ref or "", sn.ref or "")
            if pair in seen:
                return
            ro = self.old.resolve_named(so.ref) if so.ref else so
            rn = self.new.resolve_named(sn.ref) if sn.ref else sn
            # The nullability of the reference itself was compared above.
            ro = reshaped(ro, nullable=so.nullable, description=so.description)
            rn = reshaped(rn, nullable=sn.nullable, description=sn.description)
            self._structure(ro, rn, where, loc, seen | {pair}, types_reported=True)
            return
        self._structure(so, sn, where, loc, seen, types_reported=False)

    def _type_changed(self, so: Shape, sn: Shape, where: Where, loc: str) -> None:
        old, new = so.describe(), sn.describe()
        self.emit(
            ChangeKind.TYPE_CHANGED,
            where,
            loc,
            f"type changed from {old} to {new}",
            old,
            new,
            old_python=so.python(),
            new_python=sn.python(),
        )

    def _nullable(self, so: Shape, sn: Shape, where: Where, loc: str) -> None:
        if so.nullable != sn.nullable:
            self.emit(
                ChangeKind.NULLABLE_CHANGED,
                where,
                loc,
                "now nullable" if sn.nullable else "no longer nullable",
                so.nullable,
                sn.nullable,
                old_nullable=so.nullable,
                new_nullable=sn.nullable,
            )

    def _structure(
        self, so: Shape, sn: Shape, where: Where, loc: str, seen: frozenset[tuple[str, str]], types_reported: bool
    ) -> None:
        if so.types != sn.types:
            if not types_reported:
                self._type_changed(so, sn, where, loc)
            # Look inside only when both sides still are objects (or arrays).
            if not set(so.types) & set(sn.types) & {"object", "array"}:
                return
        elif so.format != sn.format:
            self.emit(
                ChangeKind.FORMAT_CHANGED,
                where,
                loc,
                f"format changed from {so.format or 'none'} to {sn.format or 'none'}",
                so.format,
                sn.format,
                old_python=so.python(),
                new_python=sn.python(),
            )
        if so.enum is not None or sn.enum is not None:
            self._enum(so, sn, where, loc)
        if so.variants or sn.variants:
            od = sorted(self.old.shape(v).describe() for v in so.variants)
            nd = sorted(self.new.shape(v).describe() for v in sn.variants)
            if od != nd and not types_reported:
                self.emit(
                    ChangeKind.TYPE_CHANGED,
                    where,
                    loc,
                    f"alternatives changed from {' | '.join(od) or so.describe()} to {' | '.join(nd) or sn.describe()}",
                    od,
                    nd,
                    old_python="|".join(od),
                    new_python="|".join(nd),
                )
        if so.properties or sn.properties:
            self._properties(so, sn, where, loc, seen)
        if so.items is not None and sn.items is not None:
            self.schema(so.items, sn.items, where, f"{loc}/items", seen)
        if isinstance(so.additional, dict) and isinstance(sn.additional, dict):
            self.schema(so.additional, sn.additional, where, f"{loc}/additionalProperties", seen)

    def _enum(self, so: Shape, sn: Shape, where: Where, loc: str) -> None:
        if so.enum is None or sn.enum is None:
            # An enum appearing restricts accepted values (a removal of "everything else");
            # an enum disappearing widens them.
            if so.enum is None:
                self.emit(
                    ChangeKind.ENUM_VALUE_REMOVED,
                    where,
                    loc,
                    "now restricted to an enum",
                    None,
                    sorted(map(repr, sn.enum or ())),
                )
            else:
                self.emit(
                    ChangeKind.ENUM_VALUE_ADDED,
                    where,
                    loc,
                    "no longer restricted to an enum",
                    sorted(map(repr, so.enum)),
                    None,
                )
            return
        removed = [v for v in so.enum if v not in sn.enum]
        added = [v for v in sn.enum if v not in so.enum]
        if removed:
            self.emit(
                ChangeKind.ENUM_VALUE_REMOVED,
                where,
                loc,
                "enum values removed: " + ", ".join(map(str, removed)),
                removed,
                None,
            )
        if added:
            self.emit(
                ChangeKind.ENUM_VALUE_ADDED, where, loc, "enum values added: " + ", ".join(map(str, added)), None, added
            )

    def _properties(self, so: Shape, sn: Shape, where: Where, loc: str, seen: frozenset[tuple[str, str]]) -> None:
        for name in sorted(so.properties.keys() | sn.properties.keys()):
            ploc = f"{loc}/properties/{escape_token(name)}"
            if name not in sn.properties:
                self.emit(
                    ChangeKind.PROPERTY_REMOVED,
                    where,
                    ploc,
                    f"property {name} removed",
                    self.old.shape(so.properties[name]).describe(),
                    None,
                )
            elif name not in so.properties:
                required = name in sn.required
                self.emit(
                    ChangeKind.PROPERTY_ADDED,
                    where,
                    ploc,
                    f"{'required' if required else 'optional'} property {name} added",
                    None,
                    self.new.shape(sn.properties[name]).describe(),
                    required=required,
                )
            else:
                was, now = name in so.required, name in sn.required
                if was != now:
                    self.emit(
                        ChangeKind.PROPERTY_REQUIRED_CHANGED,
                        where,
                        ploc,
                        f"property {name} {'now required' if now else 'no longer required'}",
                        was,
                        now,
                        required=now,
                        old_required=was,
                    )
                self.schema(so.properties[name], sn.properties[name], where, ploc, seen)
