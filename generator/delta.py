"""The delta path of an incremental build: re-plan and re-render only what a prose edit touched.

The last build leaves (`record`, in `module_cache.DeltaStore`) the document's fragments (pointer, digest
and bytes, in order), which output modules read which fragments (each resource module its
operations' path items and everything they reference; api.md every operation's one-line summary;
tests/openapi.json every fragment, by its place in the text), the plans of the resource modules,
and every output file's text. The next build (`apply`) compares the new document's fragments with
those. When the only changes are prose (plan/locality.py: descriptions and summaries, which reach
the plan as docstring text only), it re-plans just the operations whose fragments changed, checks
that their plans differ from the stored ones in prose alone, re-renders their resource modules
(and api.md when a summary changed), patches tests/openapi.json, and reuses everything else: no
key is computed for the untouched operations. Anything else (a new, removed or reordered
fragment, a renamed schema, a changed type, a plan that meets an inline model, another version
string the files cannot take) returns the reason, and the caller runs the memoised full path.
Either way the files, diagnostics and counts are the ones a cold build gives.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic
from generator.openapi import HTTP_METHODS, OperationRef, deref
from generator.openapi.plain_bytes import decoded, encoded
from generator.plan.fragments import FragmentIndex
from generator.plan.incremental import CaseMemo, fragment_json, patch_json
from generator.plan.locality import is_schema_pointer, local_view, op_shape
from generator.plan.names import as_dict, as_list
from generator.plan.package_plan import OperationPlan, PackagePlan, ResourcePlan

if TYPE_CHECKING:
    import jinja2

    from generator.module_cache import DeltaStore

# What a build keeps for the next one (and `record`, which the memo path calls) lives there.
from generator.delta_state import (
    API_TEMPLATE,
    JSON_CHUNK,
    JSON_PATH,
    RESOURCE_TEMPLATE,
    VERSION_SENTINEL,
    ApiResource,
    DeltaResult,
    DeltaState,
    api_view,
    load_state,
    record,
    store_json,
    text_digest,
    versioned_texts,
)

__all__ = ["VERSION_SENTINEL", "Declined", "DeltaResult", "api_view", "apply", "record", "versioned_texts"]


def _diagnostic_key(d: Diagnostic) -> tuple[str, int, str, str, str]:
    return (d.file, d.line, d.severity.value, d.code, d.message)


def _path_of(spec: dict[str, Any]) -> dict[str, str]:
    from generator.plan.fragments import path_pointer

    return {path_pointer(p): p for p in as_dict(spec.get("paths")) if isinstance(p, str)}


# -- applying (the next build) -----------------------------------------------------------------


class _Fallback(Exception):
    """The change is not a prose edit the delta path handles: the reason, for the report."""


@dataclass(frozen=True)
class Declined:
    """Why the delta path declined, and the new document's fragments if it got as far as them."""

    reason: str
    index: FragmentIndex | None = None


def apply(
    spec: dict[str, Any],
    *,
    config: tuple[str, str, str | None, str | None],
    version: str,
    store: DeltaStore,
    cache_dir: Path | None,
    bytecode_dir: Path | None,
) -> DeltaResult | Declined:
    """The package for `spec` from the last build and the changed fragments, or why not."""
    state = load_state(store)
    if state is None:
        return Declined("no previous build recorded")
    if state.config != config:
        return Declined("the package name, spec name, profile or licence changed")
    index = FragmentIndex(spec, state.refs)
    try:
        return _apply(spec, state, version, store, cache_dir, bytecode_dir, index)
    except _Fallback as reason:
        return Declined(str(reason), index)


def _changed_fragments(index: FragmentIndex, state: DeltaState, store: DeltaStore) -> list[str]:
    if list(index.digests) != [pointer for pointer, _ in state.fragments]:
        raise _Fallback("fragments were added, removed or reordered")
    changed = [p for p, digest in state.fragments if index.digests[p] != digest]
    for pointer in changed:
        old = store.get("fragment", pointer)
        old_value = decoded(old) if old is not None else None
        new_value = decoded(index.encoded[pointer])
        if old_value is None or new_value is None:
            raise _Fallback(f"{pointer}: no earlier version to compare with")
        has_view, old_view = local_view(pointer, old_value)
        # Compared as bytes: `==` takes 1, 1.0 and True for the same value.
        if not has_view or encoded(old_view) != encoded(local_view(pointer, new_value)[1]):
            raise _Fallback(f"{pointer} changed beyond its descriptions")
        if is_schema_pointer(pointer):
            raise _Fallback(f"{pointer}: a schema's prose is planned into models (full path)")
    return changed


def _apply(
    spec: dict[str, Any],
    state: DeltaState,
    version: str,
    store: DeltaStore,
    cache_dir: Path | None,
    bytecode_dir: Path | None,
    index: FragmentIndex,
) -> DeltaResult:
    changed = _changed_fragments(index, state, store)
    texts = _stored_texts(store, state)
    new_texts = _fill_version(texts, state, store, version) if version != state.version else {}
    result = DeltaResult(texts, state.diagnostics, state.counts[0], state.counts[1], dict(state.seeds), state.kept, 0)
    resources: dict[str, ResourcePlan] = {}
    if changed:
        resources, summaries = _replan(spec, state, store, index, changed, result)
        new_texts.update(_render(state, resources, summaries, version, bytecode_dir, store, cache_dir))
        if JSON_PATH in texts:
            new_texts[JSON_PATH] = _patched_json(texts[JSON_PATH], state, index, changed)
    texts.update(new_texts)
    result.rendered = sorted(new_texts)
    _save(store, state, version, index, changed, new_texts, resources)
    return result


def _patched_json(text: str, state: DeltaState, index: FragmentIndex, changed: list[str]) -> str:
    """tests/openapi.json with the changed fragments' texts in their places."""
    placed = {pointer for pointer, _, _ in state.json_layout or ()}
    if state.json_layout is None or not placed.issuperset(changed):
        raise _Fallback("tests/openapi.json is not laid out by fragments")
    depth = {"paths": 2, "components": 3}
    replaced = {p: fragment_json(decoded(index.encoded[p]), depth.get(p.split("/")[1], 1)) for p in changed}
    patched, state.json_layout = patch_json(text, state.json_layout, replaced)
    return patched


def _stored_texts(store: DeltaStore, state: DeltaState) -> dict[str, str]:
    stored = store.get_all("text")
    texts: dict[str, str] = {}
    for path in state.files:
        if path == JSON_PATH:
            text = _stored_json(store, state)
        else:
            raw = stored.get(path)
            if raw is None:
                raise _Fallback(f"the text of {path} is missing")
            try:
                text = raw.decode()
            except UnicodeDecodeError:
                raise _Fallback(f"the text of {path} is damaged") from None
        texts[path] = text
    return texts


def _stored_json(store: DeltaStore, state: DeltaState) -> str:
    chunks = store.get_all("json")
    try:
        text = "".join(chunks[key].decode() for key in sorted(chunks))
    except UnicodeDecodeError:
        raise _Fallback("tests/openapi.json is damaged") from None
    if text_digest(text) != state.digests.get(JSON_PATH):
        raise _Fallback("tests/openapi.json is damaged")
    return text


def _fill_version(texts: dict[str, str], state: DeltaState, store: DeltaStore, version: str) -> dict[str, str]:
    """The package-wide files whose text holds the version, with the new one."""
    if state.seeds_versioned:
        raise _Fallback("the maintainers' seed files depend on the version")
    filled: dict[str, str] = {}
    for path, holds in state.versioned.items():
        raw = store.get("vtext", path) if holds else None
        if raw is None:
            raise _Fallback(f"{path} depends on the version in a way that cannot be filled in")
        filled[path] = raw.decode().replace(VERSION_SENTINEL, version)
    return filled


def _replan(
    spec: dict[str, Any],
    state: DeltaState,
    store: DeltaStore,
    index: FragmentIndex,
    changed: list[str],
    result: DeltaResult,
) -> tuple[dict[str, ResourcePlan], bool]:
    """The resource plans with the re-planned operations, and whether a summary changed."""
    from generator.plan.models import SchemaRegistry
    from generator.plan.resources import OperationPlanner, with_aliases
    from generator.profiles import select_profile

    _, source, profile, _ = state.config
    registry = SchemaRegistry(spec)
    planner = OperationPlanner(spec, registry, source, select_profile(spec, profile))
    paths = _path_of(spec)
    affected = [p for p in index.dependents(changed) if p in paths]
    known = {_diagnostic_key(d) for d in state.diagnostics}
    resources: dict[str, tuple[ResourcePlan, list[OperationPlan]]] = {}
    summaries = False
    for pointer in affected:
        path = paths[pointer]
        item = deref(spec, spec["paths"][path])
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            where = state.operations.get((path, method))
            if where is None:
                raise _Fallback(f"{path} {method}: not in the last build")
            module, first, count = where
            resource, ops = resources.get(module) or _load_resource(store, module)
            resources[module] = (resource, ops)
            found = OperationRef(path, method, op, item)
            variants = [v for v in as_list(op.get("x-sdkgen-variants")) if isinstance(v, dict)]
            if len(variants) + 1 != count:
                raise _Fallback(f"{path} {method}: its variants changed")
            for offset, target in enumerate([*variants, op]):
                old = ops[first + offset]
                # A patch TypedDict (named on first use, from structure alone) is fine when the plan
                # names the same one as before (op_shape); an inline model is planned from prose too.
                inline = registry.inline_uses - registry.extra_allocations
                reported = len(planner.diagnostics)
                plan = planner.replan(found, target, resource.tag, old.method_name, is_variant=offset < len(variants))
                if registry.inline_uses - registry.extra_allocations != inline:
                    raise _Fallback(f"{path} {method}: its plan names inline models (named in document order)")
                if any(_diagnostic_key(d) not in known for d in planner.diagnostics[reported:]):
                    raise _Fallback(f"{path} {method}: a new diagnostic")
                aliases = resource_aliases(resource)
                new = replace(with_aliases(plan, aliases), source=None)
                if op_shape(new) != op_shape(old):
                    raise _Fallback(f"{path} {method}: its plan changed beyond its prose")
                summaries = summaries or new.summary != old.summary
                ops[first + offset] = new
                result.planned_operations += 1
    return {m: replace(r, operations=tuple(ops)) for m, (r, ops) in resources.items()}, summaries


def resource_aliases(resource: ResourcePlan) -> dict[str, str]:
    """The import alias of each model the resource's annotations name (`X` or `XModel`), read
    back from its model imports (plan/resources.py gives a clashing model the `Model` suffix)."""
    aliases: dict[str, str] = {}
    for block in (resource.type_checking_imports,):
        for item in block.imports:
            if item.module.startswith("..models."):
                aliases[item.name] = item.alias or item.name
    return aliases


def _load_resource(store: DeltaStore, module: str) -> tuple[ResourcePlan, list[OperationPlan]]:
    raw = store.get("resource", module)
    try:
        resource = pickle.loads(raw) if raw is not None else None
    except Exception:  # a damaged entry is a miss
        resource = None
    if not isinstance(resource, ResourcePlan):
        raise _Fallback(f"the plan of resource {module} is missing")
    return resource, list(resource.operations)


def _render(
    state: DeltaState,
    resources: dict[str, ResourcePlan],
    summaries: bool,
    version: str,
    bytecode_dir: Path | None,
    store: DeltaStore,
    cache_dir: Path | None,
) -> dict[str, str]:
    from generator.render import make_environment
    from generator.render.modules import key_of, with_notice
    from generator.writer import format_files

    env = make_environment(None, bytecode_dir)
    head = replace(state.head, version=version)
    package = head.package_name
    rendered: dict[str, str] = {}
    memo = CaseMemo()
    for module, resource in resources.items():
        path = f"{package}/resources/{module}.py"
        rendered[path] = with_notice(path, env.get_template(RESOURCE_TEMPLATE).render(plan=head, resource=resource))
        state.resource_keys[module] = key_of(state.header, RESOURCE_TEMPLATE, resource, memo.subject_repr)
    if summaries and "api.md" in state.digests:
        rendered["api.md"] = _render_api(env, store, head, resources)
    return format_files(rendered, cache_dir=cache_dir)


def _render_api(
    env: jinja2.Environment, store: DeltaStore, head: PackagePlan, resources: Mapping[str, ResourcePlan]
) -> str:
    from generator.render.modules import with_notice

    raw = store.get("api", "view")
    if raw is None:
        raise _Fallback("api.md's view of the plan is missing")
    views, models = pickle.loads(raw)
    updated = tuple(_api_resource(view, resources.get(view.module_name)) for view in views)
    store.put("api", "view", pickle.dumps((updated, models), pickle.HIGHEST_PROTOCOL))
    # Duck-typed: the template reads only these attributes (tests/test_incremental_delta.py).
    plan = replace(head, resources=updated, models=models)  # type: ignore[arg-type]
    return with_notice("api.md", env.get_template(API_TEMPLATE).render(plan=plan))


def _api_resource(view: ApiResource, resource: ResourcePlan | None) -> ApiResource:
    if resource is None:
        return view
    return replace(
        view,
        operations=tuple(
            replace(v, summary=o.summary) for v, o in zip(view.operations, resource.operations, strict=True)
        ),
    )


def _save(
    store: DeltaStore,
    state: DeltaState,
    version: str,
    index: FragmentIndex,
    changed: list[str],
    new_texts: Mapping[str, str],
    resources: Mapping[str, ResourcePlan] | None = None,
) -> None:
    for pointer in changed:
        store.put("fragment", pointer, index.encoded[pointer])
    for path, text in new_texts.items():
        if path == JSON_PATH and state.json_layout is not None:
            positions = {pointer: number for number, (pointer, _, _) in enumerate(state.json_layout)}
            pieces = {positions[p] // JSON_CHUNK for p in changed if p in positions}
            store_json(store, text, state.json_layout, pieces)
        else:
            store.put("text", path, text.encode())
        state.digests[path] = text_digest(text)
    for module, resource in (resources or {}).items():
        store.put("resource", module, pickle.dumps(resource, pickle.HIGHEST_PROTOCOL))
    state.fragments = list(index.digests.items())
    state.refs = dict(index.refs_by_digest)
    state.version = version
    store.put("state", "main", pickle.dumps(state, pickle.HIGHEST_PROTOCOL))
    store.commit()
