"""The delta path of incremental generation (generator/delta.py) on small documents: a prose edit
re-plans only the operations that read it and gives the bytes of a cold build; any other change
falls back to the memoised path, also byte-identical. The locality claim behind it
(plan/locality.py) is checked on whole documents: perturbing every prose string the delta path
accepts changes nothing of the plan but docstrings, summaries and argument texts."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

from generator.delta import api_view
from generator.docs_to_openapi import docs_to_openapi
from generator.module_cache import ModuleCache
from generator.openapi_to_package import GeneratedPackage, generate_package
from generator.plan import build_plan
from generator.plan.fragments import FragmentIndex
from generator.plan.locality import is_schema_pointer, local_view, model_shape, op_shape
from generator.plan.models import SchemaRegistry
from generator.plan.names import clean_text
from generator.plan.package_plan import PackagePlan
from generator.render import make_environment
from generator.render.modules import package_wide_jobs

BOOKSTORE = REPO / "tests" / "golden" / "specs" / "bookstore.yaml"
FIXTURES = REPO / "tests" / "fixtures"
DOCUMENTS = [BOOKSTORE, *(FIXTURES / name for name in ("petstore_3_0.yaml", "library_examples_3_0.yaml"))]
DOCUMENTS += [FIXTURES / "superoffice_mini.yaml", FIXTURES / "superoffice_profile.yaml"]


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def _superoffice_shaped() -> dict[str, Any]:
    """The repository's own example reference pages (all four page formats), through `sdkgen parse`."""
    document, _, _ = docs_to_openapi(REPO / "specs" / "docs")
    return document


class Project:
    """One project's module cache across builds, and the cold build each one must equal."""

    def __init__(self, root: Path, package: str = "bookstore") -> None:
        self.root, self.package = root, package

    def build(self, spec: dict[str, Any], version: str = "0.1.0") -> GeneratedPackage:
        cache = ModuleCache(self.root, "templates", self.root / "cache")
        built = generate_package(
            spec, package_name=self.package, version=version, module_cache=cache, cache_dir=self.root / "black"
        )
        cold = generate_package(spec, package_name=self.package, version=version, cache_dir=self.root / "black")
        assert list(built.files) == list(cold.files)
        differing = [path for path in cold.files if built.files[path] != cold.files[path]]
        assert not differing, f"differs from a cold build in {differing[:5]}"
        assert [d.format() for d in built.diagnostics] == [d.format() for d in cold.diagnostics]
        assert (built.operations, built.models, built.seeds, built.kept) == (
            cold.operations,
            cold.models,
            cold.seeds,
            cold.kept,
        )
        return built


def _path(built: GeneratedPackage) -> str:
    assert built.incremental is not None
    return built.incremental.path


def _operation(spec: dict[str, Any], path: str | None = None, method: str = "get") -> dict[str, Any]:
    item = spec["paths"][path or next(p for p in spec["paths"] if method in spec["paths"][p])]
    found: dict[str, Any] = item[method]
    return found


def _set_description(spec: dict[str, Any]) -> None:
    _operation(spec)["description"] = "Edited: what this call does, said again."


def _set_summary(spec: dict[str, Any]) -> None:
    _operation(spec)["summary"] = "An edited one-line summary"


def _set_parameter_description(spec: dict[str, Any]) -> None:
    for item in spec["paths"].values():
        for op in item.values():
            for param in op.get("parameters", []) if isinstance(op, dict) else []:
                if "$ref" not in param and param.get("description"):
                    param["description"] = "An argument, described anew."
                    return
    raise AssertionError("no inline parameter")


def _set_response_description(spec: dict[str, Any]) -> None:
    responses = _operation(spec)["responses"]
    described = next(r for r in responses.values() if r.get("description"))
    described["description"] = "What comes back, described anew."


PROSE_EDITS: dict[str, Callable[[dict[str, Any]], None]] = {
    "operation description": _set_description,
    "operation summary": _set_summary,
    "parameter description": _set_parameter_description,
    "response description": _set_response_description,
}


@pytest.mark.parametrize("edit", PROSE_EDITS, ids=list(PROSE_EDITS))
def test_a_prose_edit_takes_the_delta_path_and_equals_a_cold_build(tmp_path: Path, edit: str) -> None:
    project = Project(tmp_path)
    spec = _load(BOOKSTORE)
    first = project.build(spec)
    assert _path(first) == "memo"
    edited = copy.deepcopy(spec)
    PROSE_EDITS[edit](edited)
    built = project.build(edited)
    assert built.incremental is not None and built.incremental.path == "delta", built.incremental
    # Only the methods of the edited path item were planned again, and only what shows them rendered.
    assert 0 < built.incremental.operations_planned <= 8
    rendered = set(built.incremental.rendered)
    assert "tests/openapi.json" in rendered
    assert {p for p in rendered if p.startswith("bookstore/resources/")}
    assert not {p for p in rendered if "/models/" in p or p.startswith("tests/test_")}
    changed = {p for p in built.files if built.files[p] != first.files[p]}
    assert changed <= rendered
    assert ("api.md" in changed) == (edit == "operation summary")


def test_a_superoffice_shaped_document_takes_the_delta_path(tmp_path: Path) -> None:
    """The example pages through `sdkgen parse` (SuperOffice's profile, variants, shared headers)."""
    project = Project(tmp_path, "superoffice_webapi")
    spec = _superoffice_shaped()
    project.build(spec)
    edited = copy.deepcopy(spec)
    path = next(
        p
        for p, item in edited["paths"].items()
        if any(isinstance(v, dict) and "description" in v for v in item.values())
    )
    op = next(v for v in edited["paths"][path].values() if isinstance(v, dict) and "description" in v)
    op["description"] += "\n\nOne more sentence of the reference."
    built = project.build(edited, version="0.1.1")
    assert _path(built) == "delta", built.incremental
    assert "pyproject.toml" in (built.incremental.rendered if built.incremental else ())


def _rename_schema(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    old = next(name for name in schemas if f'"#/components/schemas/{name}"' in json.dumps(spec["paths"]))
    text = json.dumps(spec).replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{old}Renamed"')
    renamed = json.loads(text)
    renamed["components"]["schemas"] = {(k + "Renamed" if k == old else k): v for k, v in schemas.items()}
    spec.clear()
    spec.update(renamed)


def _add_operation(spec: dict[str, Any]) -> None:
    path = next(iter(spec["paths"]))
    spec["paths"]["/added-by-the-test"] = copy.deepcopy(spec["paths"][path])
    for op in spec["paths"]["/added-by-the-test"].values():
        if isinstance(op, dict) and "operationId" in op:
            op["operationId"] += "Added"


def _add_tag(spec: dict[str, Any]) -> None:
    _operation(spec)["tags"] = ["Brand new tag"]


def _change_a_type(spec: dict[str, Any]) -> None:
    for item in spec["paths"].values():
        for op in item.values():
            for param in op.get("parameters", []) if isinstance(op, dict) else []:
                if "$ref" not in param and param.get("schema", {}).get("type") == "string":
                    param["schema"] = {"type": "integer"}
                    return
    raise AssertionError("no string parameter")


def _describe_schema(spec: dict[str, Any]) -> None:
    schema = next(iter(spec["components"]["schemas"].values()))
    schema["description"] = "A schema described anew (planned into its model)."


GLOBAL_EDITS: dict[str, Callable[[dict[str, Any]], None]] = {
    "renamed schema": _rename_schema,
    "added operation": _add_operation,
    "added tag": _add_tag,
    "changed parameter type": _change_a_type,
    "schema description": _describe_schema,
}


@pytest.mark.parametrize("edit", GLOBAL_EDITS, ids=list(GLOBAL_EDITS))
def test_any_other_change_falls_back_and_equals_a_cold_build(tmp_path: Path, edit: str) -> None:
    project = Project(tmp_path)
    spec = _load(BOOKSTORE)
    project.build(spec)
    edited = copy.deepcopy(spec)
    GLOBAL_EDITS[edit](edited)
    built = project.build(edited)
    assert built.incremental is not None and built.incremental.path == "memo"
    assert built.incremental.reason  # says why
    again = copy.deepcopy(edited)
    _set_description(again)
    assert _path(project.build(again)) == "delta"  # the fallback recorded the new document


def test_a_value_that_compares_equal_but_is_another_type_falls_back(tmp_path: Path) -> None:
    """`1 == True` in Python, but an example of `1` and of `true` are different documents."""
    project = Project(tmp_path)
    spec = _load(BOOKSTORE)
    param = next(
        param
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
        for param in op.get("parameters", [])
        if "$ref" not in param
    )
    param["example"] = 1
    project.build(spec)
    param["example"] = True
    built = project.build(spec)
    assert built.incremental is not None and built.incremental.path == "memo"


def test_a_chain_of_builds_stays_identical_and_the_cache_does_not_grow(tmp_path: Path) -> None:
    project = Project(tmp_path)
    spec = _load(BOOKSTORE)
    project.build(spec)
    sizes = []
    for round_ in range(4):
        _operation(spec)["description"] = f"Round {round_} of edits."
        _operation(spec, method="post")["summary"] = f"Summary of round {round_}"
        assert _path(project.build(spec, version=f"0.1.{round_ + 1}")) == "delta"
        sizes.append(_entry_counts(tmp_path / "cache"))
    assert sizes[1:] == sizes[:-1]
    _rename_schema(spec)
    assert _path(project.build(spec)) == "memo"
    _set_summary(spec)
    assert _path(project.build(spec)) == "delta"


def _entry_counts(cache: Path) -> dict[str, int]:
    (store,) = (cache / "modules").glob("*.sqlite")
    with sqlite3.connect(store) as db:
        return dict(db.execute("SELECT kind, count(*) FROM entry GROUP BY kind").fetchall())


def test_a_damaged_store_is_a_miss(tmp_path: Path) -> None:
    project = Project(tmp_path)
    spec = _load(BOOKSTORE)
    project.build(spec)
    (store,) = (tmp_path / "cache" / "modules").glob("*.sqlite")
    for suffix in ("-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    store.write_bytes(b"not a database" * 100)
    _set_description(spec)
    built = project.build(spec)
    assert _path(built) == "memo"
    _set_summary(spec)
    assert _path(project.build(spec)) == "delta"  # started afresh


# -- the locality claim on whole documents -----------------------------------------------------


def _edited(text: str) -> str:
    """Another prose string that the plan reads the same way (empty stays empty)."""
    return text + " Edited." if clean_text(text) else text


def _perturbed(spec: dict[str, Any]) -> dict[str, Any]:
    """`spec` with every prose string the delta path accepts edited (schemas' prose is the models')."""
    result = dict(spec)
    for pointer in FragmentIndex(spec).digests:
        parts = pointer.split("/")
        if is_schema_pointer(pointer) or parts[1] not in ("paths", "components"):
            continue
        holder = result["paths"] if parts[1] == "paths" else result["components"][parts[2]]
        if parts[1] == "components" and holder is spec["components"][parts[2]]:
            result["components"] = {**result["components"], parts[2]: dict(holder)}
            holder = result["components"][parts[2]]
        elif parts[1] == "paths" and holder is spec["paths"]:
            holder = result["paths"] = dict(holder)
        name = parts[-1].replace("~1", "/").replace("~0", "~")
        has_view, view = local_view(pointer, holder[name], _edited)
        if has_view:
            holder[name] = view
    return result


def _plans(path: Path) -> tuple[dict[str, Any], PackagePlan, PackagePlan]:
    spec = _superoffice_shaped() if path == REPO / "specs" / "docs" else _load(path)
    other = _perturbed(spec)
    assert other != spec
    return spec, build_plan(spec, package_name="sample"), build_plan(other, package_name="sample")


@pytest.mark.parametrize("path", [*DOCUMENTS, REPO / "specs" / "docs"], ids=lambda p: p.stem)
def test_prose_reaches_only_docstrings_summaries_and_argument_texts(path: Path) -> None:
    spec, plan, other = _plans(path)
    ops = [op for r in plan.resources for op in r.operations]
    other_ops = [op for r in other.resources for op in r.operations]
    assert [op_shape(op) for op in ops] == [op_shape(op) for op in other_ops]
    assert any(a.docstring != b.docstring for a, b in zip(ops, other_ops, strict=True))
    assert [repr(replace(r, operations=())) for r in plan.resources] == [
        repr(replace(r, operations=())) for r in other.resources
    ]
    registry = SchemaRegistry(spec)
    components = {registry.names_of(name) for name in registry.components}
    for model, other_model in zip(plan.models, other.models, strict=True):
        assert model_shape(model) == model_shape(other_model)
        if (model.class_name, model.module_name) in components:  # inline models are the delta path's fallback
            assert repr(model) == repr(other_model)
    assert plan.tests is not None and other.tests is not None
    assert repr(replace(plan.tests, spec_json="")) == repr(replace(other.tests, spec_json=""))
    assert [d.format() for d in plan.diagnostics] == [d.format() for d in other.diagnostics]

    def head(p: PackagePlan) -> str:
        return repr(replace(p, models=(), resources=(), tests=None, readme=None, diagnostics=()))

    assert head(plan) == head(other)


@pytest.mark.parametrize("path", [*DOCUMENTS, REPO / "specs" / "docs"], ids=lambda p: p.stem)
def test_package_wide_files_show_no_prose_but_api_md_and_the_document(path: Path) -> None:
    """The delta path reuses every package-wide file except these two (api.md from its view)."""
    _, plan, other = _plans(path)
    env = make_environment()
    texts = {job.path: job.render() for job in package_wide_jobs(plan, env)}
    other_texts = {job.path: job.render() for job in package_wide_jobs(other, env)}
    assert {p for p in texts if texts[p] != other_texts[p]} <= {"api.md", "tests/openapi.json"}
    for each, rendered in ((plan, texts), (other, other_texts)):
        resources, models = api_view(each)
        view = replace(each, resources=resources, models=models)  # type: ignore[arg-type]
        api = next(job for job in package_wide_jobs(view, env) if job.path == "api.md")
        assert api.render() == rendered["api.md"]
