"""JSON Schema (OpenAPI 3.0 / 3.1) -> Python type expressions and model plans.

Nothing here recurses over the `$ref` graph: references to object schemas become class
names (resolved lazily at runtime), aliases are inlined under a depth limit, and models are
built from a work queue. Deep chains and cycles therefore cost nothing extra. Each model's
fields are laid out by plan/model_plans.py.
"""

from __future__ import annotations

from typing import Any, Protocol

from generator.openapi import OperationRef, deref, is_null_schema, resolve_pointer, schema_types
from generator.plan.allof import value_all_of
from generator.plan.code import (
    ANY,
    DICT,
    LIST,
    STR,
    AliasRef,
    LiteralType,
    MappedTagged,
    ModelRef,
    Subscript,
    Tagged,
    TypeExpr,
    Union,
    same,
    scalar,
    union,
)
from generator.plan.discriminators import component_name, member_tags
from generator.plan.enums import discriminator_names
from generator.plan.model_plans import plan_alias, plan_model
from generator.plan.names import (
    KEYWORDS,
    RESERVED_CLASS_NAMES,
    RESERVED_FIELD_NAMES,
    NameAllocator,
    as_dict,
    pascal_case,
    safe_identifier,
    snake_case,
)
from generator.plan.package_plan import ClientOptionPlan, ModelPlan, OperationPlan
from generator.plan.patch import PatchTypes
from generator.plan.resolved import ModelSource, Resolved, Schema
from generator.plan.scalars import scalar_type

SCHEMA_REF_PREFIX = "#/components/schemas/"


class ModelMemo(Protocol):
    """Model plans of component schemas from an earlier build (plan/incremental.py: CaseMemo)."""

    def model_key(self, registry: SchemaRegistry, component: str, naming: str) -> str: ...

    def model_plan(self, key: str) -> ModelPlan | None: ...

    def keep_model(self, key: str, plan: ModelPlan) -> None: ...

    def operation_key(self, registry: SchemaRegistry, found: OperationRef, place: str) -> str: ...

    def operation_plan(self, key: str) -> tuple[OperationPlan, tuple[tuple[str, ClientOptionPlan], ...]] | None: ...

    def keep_operation(
        self, key: str, plan: OperationPlan, options: tuple[tuple[str, ClientOptionPlan], ...]
    ) -> None: ...


MAX_INLINE_DEPTH = 40


class SchemaRegistry:
    """Owns class/module names of models and turns schemas into type expressions."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self._pointers: dict[str, Any] = {}  # $ref -> resolve_pointer(spec, $ref): the plan never edits spec
        components = spec.get("components") if isinstance(spec.get("components"), dict) else {}
        raw = components.get("schemas") if isinstance(components, dict) else None
        self.components: dict[str, Schema] = (
            {str(k): v for k, v in raw.items() if isinstance(v, dict)} if isinstance(raw, dict) else {}
        )
        self._class_names = NameAllocator(RESERVED_CLASS_NAMES, separator="")
        self._module_names = NameAllocator({"__init__", "_link", "_index"} | KEYWORDS)
        self._sources: list[ModelSource] = []
        self._by_component: dict[str, ModelSource] = {}
        self._by_inline_id: dict[int, ModelSource] = {}
        self._alias_names: dict[str, tuple[str, str]] = {}  # component -> (class, module) for aliases
        self._alias_cache: dict[str, Resolved] = {}
        self._alias_in_progress: set[str] = set()
        self.patch = PatchTypes(self)
        self.memo: ModelMemo | None = None
        # Inline models are named in the order they are met, so a plan that met one (directly or
        # through an alias) is not a function of its own fragments: counted, and never memoised.
        self._inline_uses = 0
        self.extra_allocations = 0  # of those, the modules that are no schema's (patch TypedDicts)
        self._alias_inline: set[str] = set()  # aliases whose type names an inline model
        self._alias_cut = False  # an alias cycle was cut: alias types depend on the order met
        self.tag_names_found: frozenset[str] | None = None
        for name, schema in self.components.items():
            if self._is_model_schema(schema):
                self._by_component[name] = self._new_source(name, schema, wire_name=name)
        for name in self.components:
            if name not in self._by_component:
                class_name = self._allocate_class(name)
                module = self._module_names.take(self._module_stem(class_name))
                self._alias_names[name] = (class_name, module)

    @property
    def tag_names(self) -> frozenset[str]:
        """Fields that tag union members stay closed Literals (pydantic needs them plain); a walk of
        every component, done once a model needs it (a lone method's plan never does)."""
        if self.tag_names_found is None:
            self.tag_names_found = discriminator_names(self.components)
        return self.tag_names_found

    # -- naming -------------------------------------------------------------------------------

    def _allocate_class(self, hint: str) -> str:
        base = pascal_case(hint) or "Model"
        if not base[0].isalpha():
            base = "Model" + base
        while base in RESERVED_CLASS_NAMES:
            base += "_"
        return self._class_names.take(base)

    @staticmethod
    def _module_stem(class_name: str) -> str:
        # keywords/builtins get a trailing "_" (`class_`): module stems must be importable names
        return safe_identifier(snake_case(class_name), fallback="model")

    def allocate_extra(self, hint: str) -> ModelRef:
        """Class and module names for a module that is no schema's (a patch operation's TypedDict)."""
        self._inline_uses += 1  # named in the order met, like inline models
        self.extra_allocations += 1
        class_name = self._allocate_class(hint)
        return ModelRef(class_name, self._module_names.take(self._module_stem(class_name)))

    def _new_source(self, hint: str, schema: Schema, *, wire_name: str) -> ModelSource:
        class_name = self._allocate_class(hint)
        module = self._module_names.take(self._module_stem(class_name))
        source = ModelSource(class_name, module, schema, wire_name)
        self._sources.append(source)
        return source

    # -- classification -----------------------------------------------------------------------

    def deref(self, schema: object) -> Schema:
        """Follow local `$ref`s (not only component schemas), each reference's pointer walked once
        per document (the plan derefs ~350k times on the corpus)."""
        return deref(self.spec, schema, pointers=self._pointers)

    def _is_model_schema(self, schema: Schema) -> bool:
        if schema.get("enum") is not None or "$ref" in schema:
            return False
        if isinstance(schema.get("properties"), dict) and schema["properties"]:
            return True
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            # `allOf: [{$ref: X}]` alone is just X (often used to attach a description).
            single_ref = len(all_of) == 1 and isinstance(all_of[0], dict) and "$ref" in all_of[0]
            return not single_ref and value_all_of(schema, self.deref) is None
        types, _ = schema_types(schema)
        if types == ["object"] and not schema.get("anyOf") and not schema.get("oneOf"):
            extra = schema.get("additionalProperties")
            return not isinstance(extra, dict) or not extra
        return False

    def merged_properties(self, schema: Schema) -> tuple[dict[str, Schema], set[str]]:
        """Properties and required names of an object schema, with `allOf` parts merged in order."""
        props: dict[str, Schema] = {}
        required: set[str] = set()
        stack: list[object] = [schema]
        seen: set[int] = set()
        order: list[Schema] = []
        while stack:  # iterative pre-order over allOf parts, following refs once each
            node = self.deref(stack.pop())
            if id(node) in seen:
                continue
            seen.add(id(node))
            order.append(node)
            parts = node.get("allOf")
            if isinstance(parts, list):
                stack.extend(reversed(parts))
        for node in order:
            node_props = node.get("properties")
            if isinstance(node_props, dict):
                for key, value in node_props.items():
                    props[str(key)] = value if isinstance(value, dict) else {}
            node_required = node.get("required")
            if isinstance(node_required, list):
                required |= {str(r) for r in node_required}
        return props, required

    def one_way(self, prop: object) -> bool:
        """A `readOnly` or `writeOnly` property. One model serves requests and responses, so
        such a property is never required: a request leaves out the server-assigned `id`, a
        response the `password` it never returns."""
        target = self.deref(prop)
        return any(as_dict(prop).get(k) is True or target.get(k) is True for k in ("readOnly", "writeOnly"))

    # -- type expressions ---------------------------------------------------------------------

    def resolve(self, schema: object, hint: str, depth: int = 0) -> Resolved:
        """The Python type for `schema`; `hint` names inline models created on the way."""
        if not isinstance(schema, dict) or depth > MAX_INLINE_DEPTH:
            return Resolved(ANY)
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return self._resolve_ref(ref, hint, depth)
        types, nullable = schema_types(schema)

        for key in ("anyOf", "oneOf"):
            members = schema.get(key)
            if isinstance(members, list) and members:
                resolved = self._union(members, hint, depth, nullable)
                tag = self._tag_field(schema.get("discriminator"), resolved.type)
                if tag:
                    return Resolved(Tagged(resolved.type, tag), resolved.nullable)
                mapped = self._mapped_tags(schema.get("discriminator"), resolved.type)
                return Resolved(mapped, resolved.nullable) if mapped else resolved

        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            if len(all_of) == 1 and not schema.get("properties"):
                inner = self.resolve(all_of[0], hint, depth + 1)
                return Resolved(inner.type, inner.nullable or nullable)
            value = value_all_of(schema, self.deref)
            if value is not None:  # a scalar, array or enum with stacked constraints
                inner = self.resolve(value[0], hint, depth + 1)
                return Resolved(inner.type, inner.nullable or value[1])
            return Resolved(self._inline_model(schema, hint), nullable)

        enum = schema.get("enum")
        if isinstance(enum, list) and enum:
            literal = _literal(enum)
            if literal is not None:
                return Resolved(literal, nullable or None in enum)
        if "const" in schema:
            literal = _literal([schema["const"]])
            if literal is not None:
                return Resolved(literal, nullable)

        if not types:
            if isinstance(schema.get("properties"), dict) and schema["properties"]:
                types = ["object"]
            elif "items" in schema:
                types = ["array"]
            else:
                return Resolved(ANY)
        return Resolved(union(self._single_type(t, schema, hint, depth) for t in types), nullable)

    def _single_type(self, kind: str, schema: Schema, hint: str, depth: int) -> TypeExpr:
        name = scalar_type(kind, schema.get("format"))
        if name is not None:
            return scalar(name)
        if kind == "array":
            items = schema.get("items")
            if not isinstance(items, dict):
                return Subscript(LIST, (ANY,))
            return Subscript(LIST, (self.resolve(items, hint + "Item", depth + 1).annotation(),))
        if kind == "object":
            props = schema.get("properties")
            if isinstance(props, dict) and props:
                return self._inline_model(schema, hint)
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                value = self.resolve(extra, hint + "Value", depth + 1)
                return Subscript(DICT, (STR, value.annotation()))
            return Subscript(DICT, (STR, ANY))
        return ANY

    def _union(self, members: list[Any], hint: str, depth: int, nullable: bool) -> Resolved:
        exprs: list[TypeExpr] = []
        for index, member in enumerate(members):
            if is_null_schema(member):
                nullable = True
                continue
            resolved = self.resolve(member, f"{hint}{index + 1}" if len(members) > 1 else hint, depth + 1)
            nullable = nullable or resolved.nullable
            exprs.append(resolved.type)
        if not exprs or any(same(e, ANY) for e in exprs):
            return Resolved(ANY, nullable)
        # Mappings after models: an object fits both, and pydantic's smart union gives a tie to
        # the member listed first, where the constructing mode builds the model.
        exprs.sort(key=lambda e: isinstance(e, Subscript) and same(e.origin, DICT))
        return Resolved(union(exprs), nullable)

    def _tag_field(self, discriminator: object, members: TypeExpr) -> str:
        """The Python name of the discriminator field, when pydantic can tag the union by it.

        pydantic needs every member to be a model whose (required) tag field is a literal,
        with no tag value shared by two members; otherwise "" (the runtime still picks the
        member by its literal fields, then by the required and known ones).
        """
        if not isinstance(discriminator, dict) or not isinstance(members, Union):
            return ""
        wire = discriminator.get("propertyName")
        sources = [self._source_of(member) for member in members.members]
        if not isinstance(wire, str) or None in sources:
            return ""
        seen: set[object] = set()
        names: set[str] = set()
        for source in sources:
            assert source is not None
            props, required = self.merged_properties(source.schema)
            literal = self._tag_literal(props.get(wire)) if wire in required else None
            if literal is None or seen & set(literal.values):
                return ""
            seen |= set(literal.values)
            names.add(self.field_name(props, wire))
        return names.pop() if len(names) == 1 else ""

    def _mapped_tags(self, discriminator: object, members: TypeExpr) -> MappedTagged | None:
        """A discriminator over component members whose tag property is not a required literal:
        the explicit `mapping` (values are `$ref`s or schema names), else each member's tag
        values (`discriminators.member_tags`)."""
        if not isinstance(discriminator, dict) or not isinstance(members, Union):
            return None
        wire = discriminator.get("propertyName")
        refs = [m for m in members.members if isinstance(m, ModelRef)]
        sources = [self._source_of(m) for m in refs]
        if not isinstance(wire, str) or len(refs) != len(members.members) or None in sources:
            return None
        by_name = {s.wire_name: r for s, r in zip(sources, refs, strict=True) if s is not None}
        tags: dict[str, str] = {}
        mapping = discriminator.get("mapping")
        for value, target in mapping.items() if isinstance(mapping, dict) else ():
            name = component_name(target)
            if name in by_name:
                tags[str(value)] = by_name[name].class_name
        mapped = set(tags.values())
        for source, ref in zip(sources, refs, strict=True):
            if source is not None and ref.class_name not in mapped:
                for value in member_tags(self, discriminator, source.wire_name, source.schema):
                    tags.setdefault(value, ref.class_name)
        source = next(s for s in sources if s is not None)
        props, _ = self.merged_properties(source.schema)
        attribute = self.field_name(props, wire) if wire in props else wire
        return MappedTagged(tuple(refs), wire, attribute, tuple(tags.items()))

    def _tag_literal(self, prop: object) -> LiteralType | None:
        schema = self.deref(prop)
        if schema_types(schema)[1]:
            return None  # a nullable tag: pydantic cannot tag by it
        values = [schema["const"]] if "const" in schema else schema.get("enum")
        if not isinstance(values, list) or not values or None in values:
            return None
        return _literal(values)

    def _source_of(self, expr: TypeExpr) -> ModelSource | None:
        if not isinstance(expr, ModelRef):
            return None
        return next((s for s in self._by_component.values() if s.ref_key == (expr.class_name, expr.module)), None)

    @staticmethod
    def field_name(props: dict[str, Schema], wire: str) -> str:
        """The attribute `_plan_field` gives property `wire` (names are allocated in order)."""
        allocator = NameAllocator()
        for key in props:
            name = allocator.take(safe_identifier(snake_case(key), reserved=RESERVED_FIELD_NAMES, fallback="field"))
            if key == wire:
                return name
        return ""

    def _resolve_ref(self, ref: str, hint: str, depth: int) -> Resolved:
        if ref.startswith(SCHEMA_REF_PREFIX) and "/" not in ref[len(SCHEMA_REF_PREFIX) :]:
            name = ref[len(SCHEMA_REF_PREFIX) :].replace("~1", "/").replace("~0", "~")
            source = self._by_component.get(name)
            if source is not None:
                # A component that allows null (`nullable: true`, `type: [object, "null"]`) is a
                # model where it has a value: a reference to it is the model or None.
                return Resolved(source.ref, schema_types(source.schema)[1])
            if name in self.components:
                return self._named_enum(name, self.alias_expr(name))
        target = resolve_pointer(self.spec, ref)
        if isinstance(target, dict) and depth < MAX_INLINE_DEPTH:
            return self.resolve(target, hint, depth + 1)
        return Resolved(ANY)  # dangling or external: reported by plan/checks.py

    def alias_expr(self, name: str) -> Resolved:
        """A non-object component is inlined wherever it is used (cycles -> Any)."""
        cached = self._alias_cache.get(name)
        if cached is None:
            if name in self._alias_in_progress or len(self._alias_in_progress) > MAX_INLINE_DEPTH:
                self._alias_cut = True
                return Resolved(ANY)
            self._alias_in_progress.add(name)
            before = self._inline_uses
            try:
                cached = self.resolve(self.components[name], self._alias_names[name][0])
            finally:
                self._alias_in_progress.discard(name)
            if self._inline_uses != before:
                self._alias_inline.add(name)
            self._alias_cache[name] = cached
        elif name in self._alias_inline:
            self._inline_uses += 1
        return cached

    def _named_enum(self, name: str, resolved: Resolved) -> Resolved:
        """An enum component is spelled by its alias (`Genre`) where used; other aliases inline."""
        literal = resolved.type
        if not isinstance(literal, LiteralType) or len(literal.values) < 2:
            return resolved
        if any(isinstance(v, bool) for v in literal.values):
            return resolved
        class_name, module = self._alias_names[name]
        return Resolved(AliasRef(class_name, module, literal=literal), resolved.nullable)

    def _inline_model(self, schema: Schema, hint: str) -> ModelRef:
        self._inline_uses += 1
        source = self._by_inline_id.get(id(schema))
        if source is None:
            source = self._new_source(hint, schema, wire_name="")
            self._by_inline_id[id(schema)] = source
        return source.ref

    def model_ref(self, schema: object) -> ModelRef | None:
        """The model when `schema` is a `$ref` to a model component (for body typing)."""
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref.startswith(SCHEMA_REF_PREFIX):
                source = self._by_component.get(ref[len(SCHEMA_REF_PREFIX) :])
                if source is not None:
                    return source.ref
        return None

    # -- model plans --------------------------------------------------------------------------

    def build_models(self) -> list[ModelPlan]:
        """Plan every model, including inline ones discovered while planning (work queue)."""
        plans: list[ModelPlan] = []
        for name in self.components:  # aliases may create inline models: find them first
            if name in self._alias_names:
                self.alias_expr(name)
        naming = self._naming() if self.memo is not None and not self._alias_cut else ""
        index = 0
        while index < len(self._sources):  # the queue grows as inline models are found
            source = self._sources[index]
            if naming and source.wire_name and self._by_component.get(source.wire_name) is source:
                plans.append(self._memoised_plan(source, naming))
            else:
                plans.append(plan_model(self, source))
            index += 1
        for name in self.components:
            if name in self._alias_names:
                plans.append(plan_alias(self, name))
        return plans + self.patch.plan_dicts()

    @property
    def inline_uses(self) -> int:
        return self._inline_uses

    @property
    def memo_usable(self) -> bool:
        """No alias cycle was cut (where one is, alias types depend on the order they were met)."""
        return self.memo is not None and not self._alias_cut

    def _naming(self) -> str:
        """What every model plan reads besides its own fragments: the discriminator names."""
        return repr(sorted(self.tag_names))

    def alias_names_of(self, component: str) -> tuple[str, str]:
        """(class, module) of a component schema that is a type alias, not a model."""
        return self._alias_names[component]

    def names_of(self, component: str) -> tuple[str, str] | None:
        """(class, module) of a component schema's model or alias module."""
        source = self._by_component.get(component)
        return source.ref_key if source is not None else self._alias_names.get(component)

    def _memoised_plan(self, source: ModelSource, naming: str) -> ModelPlan:
        assert self.memo is not None
        key = self.memo.model_key(self, source.wire_name, naming)
        known = self.memo.model_plan(key)
        if known is not None:
            self.memo.keep_model(key, known)
            return known
        before = self._inline_uses
        plan = plan_model(self, source)
        if self._inline_uses == before:
            self.memo.keep_model(key, plan)
        return plan


def _literal(values: list[Any]) -> LiteralType | None:
    """`Literal[...]` of an enum's strings and integers (or booleans); None for other values
    (objects and arrays, as in `enum: [{}]`, are typed from the schema's `type` instead)."""
    if not all(v is None or isinstance(v, (str, int, bool)) for v in values):
        return None
    usable = list(dict.fromkeys(v for v in values if v is not None))
    if usable and all(isinstance(v, bool) for v in usable):
        return LiteralType(tuple(usable))
    if not usable or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in usable):
        return None
    return LiteralType(tuple(usable))
