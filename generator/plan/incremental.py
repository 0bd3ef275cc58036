"""Memo of the plan's per-operation sample checks, keyed by the spec fragments they read.

Building an operation's test cases checks every sample against its schemas (the costly part of
planning). The cases of one operation depend on: its path item, everything that path item
references (transitively, see fragments.FragmentIndex), the operation's planned method (names,
parameters) and the model names of the component schemas in that closure. A key over exactly
those lets an incremental build re-check only the operations whose inputs changed.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any, Protocol

from generator.jsontext import indented
from generator.openapi import OperationRef
from generator.openapi.refs import escape_token, unescape_token
from generator.plan.fragments import FragmentIndex, path_pointer
from generator.plan.models import SCHEMA_REF_PREFIX, SchemaRegistry
from generator.plan.package_plan import (
    CasePlan,
    ClientOptionPlan,
    ModelPlan,
    OperationPlan,
    ResourcePlan,
    ResourceTestPlan,
)


class Tally(Protocol):
    counts: dict[str, int]
    reasons: dict[str, int]


# (cases, count deltas, skip-reason deltas) of one operation.
Entry = tuple[list[tuple[CasePlan, bool]], dict[str, int], dict[str, int]]
# A method's plan (no `source`) and the client options its headers declare, in order.
OperationEntry = tuple[OperationPlan, tuple[tuple[str, ClientOptionPlan], ...]]


class CaseMemo:
    """Cases of operations by key; `entries` is what the next build may reuse (used ones only)."""

    def __init__(
        self,
        known: Mapping[str, Entry] | None = None,
        texts: Mapping[str, str] | None = None,
        refs: Mapping[str, tuple[str, ...]] | None = None,
        models: Mapping[str, ModelPlan | bytes] | None = None,
        operations: Mapping[str, OperationEntry | bytes] | None = None,
    ) -> None:
        self.known: Mapping[str, Entry] = known if known is not None else {}
        # Plans from the last build, each pickled on its own (or as objects): an entry reused
        # unchanged is stored again as the same bytes, never pickled again.
        self.known_models: Mapping[str, ModelPlan | bytes] = models if models is not None else {}
        self.models: dict[str, ModelPlan] = {}  # model plans this build used, by key
        self.known_operations: Mapping[str, OperationEntry | bytes] = operations if operations is not None else {}
        self.operations: dict[str, OperationEntry] = {}  # method plans (without source) this build used
        self._blobs: dict[str, bytes] = {}  # key -> the pickled bytes it was loaded from
        self._model_tokens: dict[int, tuple[ModelPlan, str]] = {}
        self.known_refs: Mapping[str, tuple[str, ...]] = refs if refs is not None else {}  # digest -> references
        self.entries: dict[str, Entry] = {}
        self.known_texts: Mapping[str, str] = texts if texts is not None else {}
        self.texts: dict[str, str] = {}  # JSON text of fragments, by depth and digest
        self.json_layout: JsonLayout | None = None  # where each fragment stands in tests/openapi.json
        self.hits = 0
        self._index: FragmentIndex | None = None
        self._spec_id = 0
        self._examples: list[str] = []  # the index's `components/examples` fragments
        self._examples_key: str | None = None
        self._closure_keys: dict[str, str] = {}  # path item pointer -> key of its closure and model names
        self._model_names: dict[str, str] = {}  # schema pointer -> repr of its model reference
        self._registry: SchemaRegistry | None = None
        # repr of each operation plan, and the (memo key, position) of each case, by identity: the
        # objects are held here so an id is never reused while this memo lives.
        self._op_reprs: dict[int, tuple[OperationPlan, str]] = {}
        self._case_tokens: dict[int, tuple[CasePlan, str]] = {}

    def use_index(self, spec: dict[str, Any], index: FragmentIndex) -> None:
        """Take `index` (already built for `spec`) instead of digesting the document again."""
        self._index, self._spec_id = None, 0
        self.index(spec, index)

    def index(self, spec: dict[str, Any], built: FragmentIndex | None = None) -> FragmentIndex:
        if self._index is None or self._spec_id != id(spec):
            self._index, self._spec_id = built or FragmentIndex(spec, self.known_refs), id(spec)
            # `examples` entries may `$ref` `components/examples`, which the fragment closure does
            # not follow (example data holds no schema references): those count for every operation.
            self._examples = [p for p in self._index.digests if p.startswith("#/components/examples/")]
            self._examples_key, self._closure_keys, self._model_names = None, {}, {}
        return self._index

    def key(self, spec: dict[str, Any], registry: SchemaRegistry, plan: OperationPlan) -> str:
        assert plan.source is not None
        index = self.index(spec)
        pointer = path_pointer(plan.source.path)
        closure = self._closure_of_path(index, registry, pointer)
        if self._examples_key is None:
            self._examples_key = index.key(self._examples)
        h = hashlib.blake2b(digest_size=16)
        for part in (closure, self._examples_key, plan.source.method, self.operation_repr(plan)):
            h.update(part.encode())
            h.update(b"\0")
        return h.hexdigest()

    def _closure_of_path(self, index: FragmentIndex, registry: SchemaRegistry, pointer: str) -> str:
        if self._registry is not registry:  # the names are the registry's
            self._registry, self._closure_keys, self._model_names = registry, {}, {}
        closure = self._closure_keys.get(pointer)
        if closure is None:  # once per path item (its operations share it)
            closure = self._closure_keys[pointer] = self._closure_key(index, registry, pointer)
        return closure

    def _closure_key(self, index: FragmentIndex, registry: SchemaRegistry, pointer: str) -> str:
        """The path item's closure: each fragment's digest and, for a component schema, the class
        and module names of its model or alias."""
        h = hashlib.blake2b(digest_size=16)
        for ref in sorted(index.closure([pointer])):
            name = ""
            if _is_schema(ref):
                name = self._model_names.get(ref) or ""
                if ref not in self._model_names:
                    names = registry.names_of(unescape_token(ref[len(SCHEMA_REF_PREFIX) :]))
                    name = self._model_names[ref] = repr(names)
            h.update(f"{ref}={index.digests.get(ref, '-')}:{name}\n".encode())
        return h.hexdigest()

    @property
    def refs(self) -> dict[str, tuple[str, ...]]:
        """The references of this build's fragments by digest (for the next build's index)."""
        return self._index.refs_by_digest if self._index is not None else {}

    def model_key(self, registry: SchemaRegistry, component: str, naming: str) -> str:
        """A component schema's model plan is a function of its fragment closure, the class and
        module names of the schemas in it (the registry's naming, computed before any plan) and
        `naming` (what the registry reads of the whole document)."""
        index = self.index(registry.spec)
        h = hashlib.blake2b(digest_size=16)
        h.update(f"{component}\0{naming}\0".encode())
        for ref in sorted(index.closure([SCHEMA_REF_PREFIX + escape_token(component)])):
            names = registry.names_of(unescape_token(ref[len(SCHEMA_REF_PREFIX) :])) if _is_schema(ref) else None
            h.update(f"{ref}={index.digests.get(ref, '-')}:{names}\n".encode())
        return h.hexdigest()

    def operation_key(self, registry: SchemaRegistry, found: OperationRef, place: str) -> str:
        """A method's plan: its path item's closure with the names of the schemas in it, its
        HTTP method and `place` (variant position, tag, method name, profile, spec name)."""
        index = self.index(registry.spec)
        closure = self._closure_of_path(index, registry, path_pointer(found.path))
        h = hashlib.blake2b(digest_size=16)
        for part in (closure, found.method, place):
            h.update(part.encode())
            h.update(b"\0")
        return h.hexdigest()

    def operation_plan(self, key: str) -> OperationEntry | None:
        found = self._loaded(key, self.known_operations.get(key))
        if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], OperationPlan):
            return found
        return None

    def _loaded(self, key: str, found: object) -> object:
        if not isinstance(found, bytes):
            return found
        try:
            value = pickle.loads(found)
        except Exception:  # a damaged entry is a miss
            return None
        self._blobs[key] = found
        return value

    def stored(self) -> tuple[dict[str, bytes], dict[str, bytes]]:
        """(model plans, method plans) this build used, pickled one by one for the next build."""

        def blob(key: str, value: object) -> bytes:
            return self._blobs.get(key) or pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

        return (
            {key: blob(key, plan) for key, plan in self.models.items()},
            {key: blob(key, entry) for key, entry in self.operations.items()},
        )

    def keep_operation(self, key: str, plan: OperationPlan, options: tuple[tuple[str, ClientOptionPlan], ...]) -> None:
        self.operations[key] = (plan, options)

    def forget_plans(self) -> None:
        """Keep no model or method plan of this build (their inputs were not their fragments alone)."""
        self.models.clear()
        self.operations.clear()
        self._model_tokens.clear()

    def model_plan(self, key: str) -> ModelPlan | None:
        found = self._loaded(key, self.known_models.get(key))
        return found if isinstance(found, ModelPlan) else None

    def keep_model(self, key: str, plan: ModelPlan) -> None:
        self.models[key] = plan
        self._model_tokens[id(plan)] = (plan, key)

    def operation_repr(self, plan: OperationPlan) -> str:
        """repr(plan), computed once per plan object (the plan's costliest key input, needed by
        both the case key and the key of the resource module that holds the operation)."""
        known = self._op_reprs.get(id(plan))
        if known is None:
            known = self._op_reprs[id(plan)] = (plan, repr(plan))
        return known[1]

    def subject_repr(self, subject: object) -> str:
        """A text that determines `subject` (a render job's plan object) as repr(subject) does, and
        is the same in every process, built from cheaper parts where they are known: a resource's
        operations by their memoised reprs, a test resource's cases by the case key they came from
        (a case is a function of its key: the memo reuses it exactly when the key is unchanged)."""
        if isinstance(subject, ResourcePlan):
            parts = [repr(replace(subject, operations=())), *map(self.operation_repr, subject.operations)]
            return "resource\0" + "\0".join(parts)
        if isinstance(subject, ModelPlan):
            known = self._model_tokens.get(id(subject))
            if known is not None and known[0] is subject:
                return "model\0" + known[1]  # the plan is a function of its memo key
        if isinstance(subject, ResourceTestPlan):
            cases = [self._case_token(case) for case in subject.cases]
            return "tests\0" + "\0".join([repr(replace(subject, cases=())), *cases])
        return repr(subject)

    def _case_token(self, case: CasePlan) -> str:
        known = self._case_tokens.get(id(case))
        return f"key:{known[1]}" if known is not None and known[0] is case else f"repr:{case!r}"

    def spec_json(self, spec: dict[str, Any]) -> str:
        text, self.json_layout = spec_json_layout(spec, self.index(spec), self.known_texts, self.texts)
        return text

    def cases(
        self,
        key: str,
        tally: Tally,
        compute: Callable[[Tally], list[tuple[CasePlan, bool]]],
        fresh: Callable[[], Tally],
    ) -> list[tuple[CasePlan, bool]]:
        entry = self.known.get(key)
        if entry is None:
            local = fresh()
            entry = (compute(local), dict(local.counts), dict(local.reasons))
        else:
            self.hits += 1
        self.entries[key] = entry
        cases, counts, reasons = entry
        for position, (case, _) in enumerate(cases):
            self._case_tokens.setdefault(id(case), (case, f"{key}#{position}"))
        for name, value in counts.items():
            tally.counts[name] = tally.counts.get(name, 0) + value
        for name, value in reasons.items():
            tally.reasons[name] = tally.reasons.get(name, 0) + value
        return cases


def _is_schema(pointer: str) -> bool:
    return pointer.startswith(SCHEMA_REF_PREFIX) and "/" not in pointer[len(SCHEMA_REF_PREFIX) :]


def spec_json(spec: dict[str, Any], index: FragmentIndex, known: Mapping[str, str], used: dict[str, str]) -> str:
    """`json.dumps(spec, indent=1, ensure_ascii=False) + "\\n"`, assembled from per-fragment texts.

    The indenting encoder is pure Python (slow on a 10 MB document); a fragment's text depends
    only on its value and depth, so unchanged fragments reuse the text of the last build.
    """
    return spec_json_layout(spec, index, known, used)[0]


# Where each fragment's text stands in tests/openapi.json: (pointer, start, end), in order.
JsonLayout = list[tuple[str, int, int]]


def fragment_json(value: Any, depth: int) -> str:
    """A fragment's text inside the indented document, `depth` levels down."""
    return indented(value).replace("\n", "\n" + " " * depth)


def spec_json_layout(
    spec: dict[str, Any], index: FragmentIndex, known: Mapping[str, str], used: dict[str, str]
) -> tuple[str, JsonLayout | None]:
    """`spec_json` and where each fragment's text is in it (None when the document is not
    split into fragments: keys that are not strings)."""
    if not all(isinstance(k, str) for k in spec) or not all(
        isinstance(k, str) for part in _split_parts(spec) for k in part
    ):
        return indented(spec) + "\n", None
    parts: list[str] = []
    marks: list[tuple[str, int]] = []  # (pointer, index of its text in parts)

    def fragment(pointer: str, value: Any, depth: int) -> None:
        key = f"{depth}:{index.digests.get(pointer, '')}"
        found = known.get(key)
        if found is None or not index.digests.get(pointer):
            found = fragment_json(value, depth)
        used[key] = found
        marks.append((pointer, len(parts)))
        parts.append(found)

    def obj(items: list[tuple[str, Callable[[], None]]], depth: int) -> None:
        if not items:
            parts.append("{}")
            return
        pad = " " * (depth + 1)
        parts.append("{\n")
        for position, (key, write) in enumerate(items):
            parts.append(f"{',' + chr(10) if position else ''}{pad}{json.dumps(key, ensure_ascii=False)}: ")
            write()
        parts.append("\n" + " " * depth + "}")

    def write_paths(paths: dict[str, Any]) -> None:
        obj([(p, partial(fragment, f"#/paths/{escape_token(p)}", v, 2)) for p, v in paths.items()], 1)

    def write_group(group: str, members: object) -> None:
        if isinstance(members, dict):
            prefix = f"#/components/{escape_token(group)}/"
            obj([(n, partial(fragment, prefix + escape_token(n), v, 3)) for n, v in members.items()], 2)
        else:
            parts.append(fragment_json(members, 2))

    def write_components(components: dict[str, Any]) -> None:
        obj([(group, partial(write_group, group, members)) for group, members in components.items()], 1)

    top: list[tuple[str, Callable[[], None]]] = []
    for key, value in spec.items():
        if key == "paths" and isinstance(value, dict):
            top.append((key, partial(write_paths, value)))
        elif key == "components" and isinstance(value, dict):
            top.append((key, partial(write_components, value)))
        else:
            top.append((key, partial(fragment, f"#/{escape_token(key)}", value, 1)))
    obj(top, 0)
    parts.append("\n")
    starts = [0]
    for part in parts:
        starts.append(starts[-1] + len(part))
    layout = [(pointer, starts[at], starts[at + 1]) for pointer, at in marks]
    return "".join(parts), layout


def patch_json(text: str, layout: JsonLayout, replaced: Mapping[str, str]) -> tuple[str, JsonLayout]:
    """`text` (laid out as `layout`) with the fragments in `replaced` given new texts."""
    pieces: list[str] = []
    new_layout: JsonLayout = []
    position = shift = 0
    for pointer, start, end in layout:
        new = replaced.get(pointer)
        if new is None:
            new_layout.append((pointer, start + shift, end + shift))
            continue
        pieces += [text[position:start], new]
        position = end
        new_layout.append((pointer, start + shift, start + shift + len(new)))
        shift += len(new) - (end - start)
    pieces.append(text[position:])
    return "".join(pieces), new_layout


def _split_parts(spec: dict[str, Any]) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    paths, components = spec.get("paths"), spec.get("components")
    if isinstance(paths, dict):
        parts.append(paths)
    if isinstance(components, dict):
        parts.append(components)
        parts.extend(v for v in components.values() if isinstance(v, dict))
    return parts
