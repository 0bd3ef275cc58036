"""What the delta path keeps of a build (generator/delta.py): the state, api.md's view of the plan,
and `record`, which stores them after a full build (only the entries whose content changed)."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic
from generator.plan.incremental import CaseMemo, JsonLayout
from generator.plan.package_plan import PackagePlan

if TYPE_CHECKING:
    from generator.module_cache import DeltaStore
    from generator.render.modules import RenderJob

FORMAT = 1  # layout of DeltaState; any other value is a miss
# Stands for the version while package-wide files are rendered a second time (`record`): a file
# whose text holds the version is stored with it, so a build with a bumped version fills it in.
VERSION_SENTINEL = "0.0.0+sdkgen.version.sentinel"
RESOURCE_TEMPLATE = "package/resources/resource.py.jinja"
JSON_PATH = "tests/openapi.json"
JSON_CHUNK = 128  # fragments per stored piece of tests/openapi.json (an edit rewrites one piece)
API_TEMPLATE = "package/api.md.jinja"


@dataclass(frozen=True)
class ApiOperation:
    """What api.md shows of a method (the template reads these attributes of an OperationPlan)."""

    method_name: str
    http_line: str
    summary: str
    deprecated: bool
    signature: str


@dataclass(frozen=True)
class ApiResource:
    class_name: str
    summary: str
    attribute: str
    module_name: str
    async_class_name: str
    operations: tuple[ApiOperation, ...]


@dataclass(frozen=True)
class ApiModel:
    class_name: str
    kind: str


def api_view(plan: PackagePlan) -> tuple[tuple[ApiResource, ...], tuple[ApiModel, ...]]:
    """The part of the plan api.md reads (tests/test_incremental_delta.py renders both)."""
    resources = tuple(
        ApiResource(
            r.class_name,
            r.summary,
            r.attribute,
            r.module_name,
            r.async_class_name,
            tuple(ApiOperation(o.method_name, o.http_line, o.summary, o.deprecated, o.signature) for o in r.operations),
        )
        for r in plan.resources
    )
    return resources, tuple(ApiModel(m.class_name, m.kind) for m in plan.models)


@dataclass
class DeltaState:
    """What `apply` needs of the last build besides the stored texts and plans (one pickle)."""

    config: tuple[str, str, str | None, str | None]  # package name, source, profile, licence
    version: str
    fragments: list[tuple[str, str]]  # (pointer, digest) in document order
    refs: dict[str, tuple[str, ...]]  # fragment digest -> the fragments it references
    operations: dict[tuple[str, str], tuple[str, int, int]]  # (path, method) -> (resource, first, count)
    resource_keys: dict[str, str]  # resource module -> render key of its plan (stored under "resource")
    files: list[str]  # output paths, in order
    digests: dict[str, str]  # output path -> digest of its text
    versioned: dict[str, bool]  # package-wide path -> its text holds the version (stored under "vtext")
    header: str  # the render keys' package-wide part (render/modules.py)
    head: PackagePlan  # the plan without models, resources, tests, readme, diagnostics
    json_layout: JsonLayout | None
    diagnostics: tuple[Diagnostic, ...]
    counts: tuple[int, int]  # operations, models
    seeds: dict[str, str]
    seeds_versioned: bool  # the seed files' text holds the version
    kept: tuple[str, ...]
    format: int = FORMAT


@dataclass
class DeltaResult:
    files: dict[str, str]
    diagnostics: tuple[Diagnostic, ...]
    operations: int
    models: int
    seeds: dict[str, str]
    kept: tuple[str, ...]
    planned_operations: int
    rendered: list[str] = field(default_factory=list)


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


# -- recording (after a full build) ----------------------------------------------------------


def record(
    store: DeltaStore,
    *,
    config: tuple[str, str, str | None, str | None],
    plan: PackagePlan,
    memo: CaseMemo,
    spec: dict[str, Any],
    jobs: list[RenderJob],
    files: Mapping[str, str],
    global_texts: Mapping[str, str | None],
    seeds: dict[str, str],
    seeds_versioned: bool,
    kept: tuple[str, ...],
    header: str,
) -> None:
    """Store what the next build's `apply` compares with (only what changed is written)."""
    previous = load_state(store)
    index = memo.index(spec)
    old_fragments = dict(previous.fragments) if previous is not None else {}
    for pointer, digest in index.digests.items():
        if old_fragments.get(pointer) != digest:
            store.put("fragment", pointer, index.encoded[pointer])
    store.delete_missing("fragment", index.digests)
    operations: dict[tuple[str, str], tuple[str, int, int]] = {}
    resource_keys: dict[str, str] = {}
    keys = {job.path: job.key for job in jobs}
    old_keys = previous.resource_keys if previous is not None else {}
    for resource in plan.resources:
        for position, op in enumerate(resource.operations):
            assert op.source is not None
            where = (op.source.path, op.source.method)
            module, first, count = operations.get(where, (resource.module_name, position, 0))
            operations[where] = (module, first, count + 1)
        key = keys.get(f"{plan.package_name}/resources/{resource.module_name}.py") or ""
        resource_keys[resource.module_name] = key
        if old_keys.get(resource.module_name) != key or not key:
            stripped = replace(resource, operations=tuple(replace(o, source=None) for o in resource.operations))
            store.put("resource", resource.module_name, pickle.dumps(stripped, pickle.HIGHEST_PROTOCOL))
    store.delete_missing("resource", resource_keys)
    old_digests = previous.digests if previous is not None else {}
    digests = {path: text_digest(text) for path, text in files.items()}
    for path, digest in digests.items():
        if old_digests.get(path) != digest and path != JSON_PATH:
            store.put("text", path, files[path].encode())
    store.delete_missing("text", set(digests) - {JSON_PATH})
    if JSON_PATH in files and memo.json_layout is not None:
        store_json(store, files[JSON_PATH], memo.json_layout, None)
    versioned: dict[str, bool] = {}
    for path, text in global_texts.items():
        versioned[path] = text is not None
        if text is not None:
            store.put("vtext", path, text.encode())
    store.delete_missing("vtext", {p for p, v in versioned.items() if v})
    resources, models = api_view(plan)
    store.put("api", "view", pickle.dumps((resources, models), pickle.HIGHEST_PROTOCOL))
    head = replace(plan, models=(), resources=(), tests=None, readme=None, diagnostics=())
    state = DeltaState(
        config=config,
        version=plan.version,
        fragments=list(index.digests.items()),
        refs=dict(index.refs_by_digest),
        operations=operations,
        resource_keys=resource_keys,
        files=list(files),
        digests=digests,
        versioned=versioned,
        header=header,
        head=head,
        json_layout=memo.json_layout,
        diagnostics=plan.diagnostics,
        counts=(plan.operation_count, len(plan.models)),
        seeds=seeds,
        seeds_versioned=seeds_versioned,
        kept=kept,
    )
    store.put("state", "main", pickle.dumps(state, pickle.HIGHEST_PROTOCOL))
    store.commit(checkpoint=True)


def versioned_texts(
    jobs: list[RenderJob], texts: Mapping[str, str], version: str, render_with_sentinel: Mapping[str, str]
) -> dict[str, str | None]:
    """For each package-wide file: None when its text does not depend on the version, else the
    text with the sentinel where the version goes (checked: filling it in gives the real text)."""
    result: dict[str, str | None] = {}
    for job in jobs:
        if job.key is not None:
            continue
        with_sentinel = render_with_sentinel[job.path]
        if with_sentinel == texts[job.path]:
            continue
        filled = with_sentinel.replace(VERSION_SENTINEL, version)
        # A text that holds the sentinel for another reason cannot be filled in: never reused.
        result[job.path] = with_sentinel if filled == texts[job.path] else None
    return result


def load_state(store: DeltaStore) -> DeltaState | None:
    raw = store.get("state", "main")
    if raw is None:
        return None
    try:
        state = pickle.loads(raw)
    except Exception:  # a damaged entry is a miss
        return None
    return state if isinstance(state, DeltaState) and state.format == FORMAT else None


def _json_chunks(text: str, layout: JsonLayout) -> list[str]:
    starts = [0] + [layout[i][1] for i in range(JSON_CHUNK, len(layout), JSON_CHUNK)]
    return [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]


def store_json(store: DeltaStore, text: str, layout: JsonLayout, changed: set[int] | None) -> None:
    """tests/openapi.json in pieces of JSON_CHUNK fragments (`changed`: the pieces to write; None: all)."""
    chunks = _json_chunks(text, layout)
    for number, chunk in enumerate(chunks):
        if changed is None or number in changed:
            store.put("json", f"{number:06d}", chunk.encode())
    store.delete_missing("json", {f"{number:06d}" for number in range(len(chunks))})
