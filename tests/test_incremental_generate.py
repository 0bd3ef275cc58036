"""Incremental generation on a small document: fragment keys follow references, and a build that
reuses the module cache gives the same bytes as a cold one (the corpus version is
test_incremental_corpus.py)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import yaml
from conftest import REPO

from generator.module_cache import ModuleCache
from generator.openapi_to_package import generate_package
from generator.plan.fragments import FragmentIndex, path_pointer
from generator.plan.incremental import spec_json

SPEC = REPO / "tests" / "golden" / "specs" / "bookstore.yaml"


def _spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def _rename(spec: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    text = json.dumps(spec)
    text = text.replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
    renamed: dict[str, Any] = json.loads(text)
    schemas = renamed["components"]["schemas"]
    renamed["components"]["schemas"] = {(new if k == old else k): v for k, v in schemas.items()}
    return renamed


def _users_of(spec: dict[str, Any], name: str) -> list[str]:
    return [p for p, item in spec["paths"].items() if f"#/components/schemas/{name}" in json.dumps(item)]


def test_a_key_changes_with_what_the_fragment_references_and_only_that() -> None:
    spec = _spec()
    path = _users_of(spec, "Author")[0]
    before = FragmentIndex(spec).key([path_pointer(path)])
    unrelated = copy.deepcopy(spec)
    unrelated["components"]["schemas"]["Problem"]["description"] = "Changed."
    assert "Problem" not in str(FragmentIndex(spec).closure([path_pointer(path)]))
    assert FragmentIndex(unrelated).key([path_pointer(path)]) == before
    referenced = copy.deepcopy(spec)
    referenced["components"]["schemas"]["Author"]["description"] = "Changed."
    assert FragmentIndex(referenced).key([path_pointer(path)]) != before


def test_spec_json_from_fragments_is_json_dumps() -> None:
    spec = _spec()
    index = FragmentIndex(spec)
    used: dict[str, str] = {}
    expected = json.dumps(spec, indent=1, ensure_ascii=False) + "\n"
    assert spec_json(spec, index, {}, used) == expected
    assert spec_json(spec, index, used, {}) == expected  # from the reused texts


def _incremental(spec: dict[str, Any], root: Path, cache: Path) -> tuple[dict[str, str], int]:
    modules = ModuleCache(root, "templates", cache)
    package = generate_package(spec, package_name="bookstore", module_cache=modules, cache_dir=cache / "black")
    return dict(package.files), modules.hits


def test_incremental_build_equals_cold_after_a_rename_and_a_changed_property(tmp_path: Path) -> None:
    spec = _spec()
    first, _ = _incremental(spec, tmp_path, tmp_path / "cache")
    renamed = _rename(spec, "Author", "Writer")
    renamed["components"]["schemas"]["Genre"]["description"] = "A shelf of the shop."
    files, hits = _incremental(renamed, tmp_path, tmp_path / "cache")
    cold = dict(generate_package(renamed, package_name="bookstore", cache_dir=tmp_path / "cold"))
    assert files == cold
    assert 0 < hits < len(files)
    referrers = [p for p, text in first.items() if p.startswith("bookstore/") and re.search(r"\bAuthor\b", text)]
    assert referrers and all(not re.search(r"\bAuthor\b", files.get(p, "")) for p in referrers)
    unchanged, _ = _incremental(renamed, tmp_path, tmp_path / "cache")
    assert unchanged == cold


_KEYS_SCRIPT = """
import json, sys
from pathlib import Path
import yaml
from generator.plan import build_plan
from generator.plan.incremental import CaseMemo
from generator.render import make_environment
from generator.render.modules import render_jobs
spec = yaml.safe_load(Path(sys.argv[1]).read_text(encoding="utf-8"))
memo = CaseMemo()
plan = build_plan(spec, package_name="bookstore", profile="superoffice", memo=memo)
keys = {job.path: job.key for job in render_jobs(plan, make_environment(None), memo.subject_repr)}
print(json.dumps({"modules": keys, "cases": sorted(memo.entries)}))
"""


def test_cache_keys_are_the_same_in_every_process() -> None:
    """`sdkgen build` runs in a new process each time: a key that depends on the string hash
    seed (a set's repr) would never hit. The profile adds package-level plan values too."""
    import os
    import subprocess
    import sys

    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _KEYS_SCRIPT, str(SPEC)], env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr[-2000:]
        runs.append(json.loads(done.stdout))
    assert runs[0]["modules"] and runs[0]["cases"]
    assert runs[0] == runs[1]


def test_compiled_templates_follow_their_source(tmp_path: Path) -> None:
    """The bytecode cache spares compiling unchanged templates; an edited template is compiled again."""
    from generator.render import make_environment

    templates, compiled = tmp_path / "templates", tmp_path / "jinja"
    templates.mkdir()
    page = templates / "page.txt.jinja"
    page.write_text("first {{ value }}\n", encoding="utf-8")
    assert make_environment(templates, compiled).get_template("page.txt.jinja").render(value=1) == "first 1\n"
    assert any(compiled.iterdir())
    page.write_text("second {{ value }}\n", encoding="utf-8")
    assert make_environment(templates, compiled).get_template("page.txt.jinja").render(value=2) == "second 2\n"


def test_fragment_references_reused_by_digest_only() -> None:
    """An index built with the references of an earlier build finds the same closures, and a
    fragment whose bytes changed is walked again (its old references are not trusted)."""
    spec = _spec()
    first = FragmentIndex(spec)
    path = _users_of(spec, "Author")[0]
    again = FragmentIndex(spec, first.refs_by_digest)
    assert again.closure([path_pointer(path)]) == first.closure([path_pointer(path)])
    changed = copy.deepcopy(spec)
    item = changed["paths"][path]
    text = json.dumps(item).replace('"#/components/schemas/Author"', '"#/components/schemas/Problem"')
    changed["paths"][path] = json.loads(text)
    reused = FragmentIndex(changed, first.refs_by_digest)
    assert "#/components/schemas/Problem" in reused.closure([path_pointer(path)])
    assert reused.key([path_pointer(path)]) != first.key([path_pointer(path)])


def _plan(spec: dict[str, Any], memo: Any) -> tuple[list[Any], list[Any]]:
    from generator.plan import build_plan

    plan = build_plan(spec, package_name="bookstore", memo=memo)
    return list(plan.models), [op for r in plan.resources for op in r.operations]


def test_model_and_method_plans_are_reused_only_while_their_fragments_are_unchanged() -> None:
    """A changed schema re-plans its model, the models that reference it and the methods whose
    path items reach it; everything else comes from the memo, and the plan equals a cold one."""
    from generator.plan.incremental import CaseMemo

    spec = _spec()
    first = CaseMemo()
    _plan(spec, first)
    assert first.models and first.operations
    changed = copy.deepcopy(spec)
    changed["components"]["schemas"]["Author"]["properties"]["mood"] = {"type": "string"}
    again = CaseMemo(first.entries, None, first.refs, first.models, first.operations)
    models, operations = _plan(changed, again)
    cold_models, cold_operations = _plan(changed, None)
    assert list(map(repr, models)) == list(map(repr, cold_models))
    assert list(map(repr, operations)) == list(map(repr, cold_operations))
    reused = {id(plan) for plan in first.models.values()}
    by_name = {m.class_name: m for m in models}
    assert id(by_name["Author"]) not in reused and "mood" in repr(by_name["Author"])
    assert id(by_name["Book"]) not in reused  # it references Author: its key follows the closure
    assert id(by_name["Problem"]) in reused
    fresh = {key for key in again.operations if key not in first.operations}
    replanned = {again.operations[key][0].path for key in fresh}
    assert "/authors/{authorId}" in replanned  # its response is an Author
    assert "/orders/{orderId}" not in replanned  # reaches no Author: reused
    assert any(plan.path == "/orders/{orderId}" for plan, _ in again.operations.values())


def test_plans_that_meet_inline_models_are_not_memoised() -> None:
    """Inline models are named in the order they are met: a plan that names one depends on more
    than its own fragments, so it is planned every time."""
    from generator.plan.incremental import CaseMemo

    spec = _spec()
    spec["components"]["schemas"]["Author"]["properties"]["address"] = {
        "type": "object",
        "properties": {"city": {"type": "string"}},
    }
    memo = CaseMemo()
    models, _ = _plan(spec, memo)
    kept = {plan.class_name for plan in memo.models.values()}
    assert "AuthorAddress" in {m.class_name for m in models}
    assert "Author" not in kept and "Problem" in kept
