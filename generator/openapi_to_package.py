"""The second half of sdkgen: an OpenAPI document -> {relative path: formatted source}.

Plan, render and format are pure; black's results are cached by content (see writer.py)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic, Severity
from generator.files import maintainer_dir
from generator.plan import build_plan
from generator.plan.incremental import CaseMemo
from generator.plan.package import StagedPlan, start_plan
from generator.plan.package_plan import PackagePlan
from generator.render import make_environment, render_seeds
from generator.render.modules import header_of, module_jobs, render_jobs, staged_jobs, static_paths
from generator.writer import format_files, format_stream

if TYPE_CHECKING:
    from generator.module_cache import ModuleCache


@dataclass(frozen=True, eq=False)
class GeneratedPackage(Mapping[str, str]):
    """The package's files (a mapping: relative path -> text) and what the plan reported."""

    files: dict[str, str]
    diagnostics: tuple[Diagnostic, ...] = ()
    operations: int = 0
    models: int = 0
    # Written only when absent, never listed, overwritten or removed: the maintainers' lib/.
    seeds: dict[str, str] = field(default_factory=dict)
    kept: tuple[str, ...] = ()  # folders (relative, ending in "/") the writer never touches
    incremental: IncrementalReport | None = None  # with a module cache: which path made it, and why
    warnings: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "warnings", sum(d.severity is Severity.WARNING for d in self.diagnostics))

    def __getitem__(self, path: str) -> str:
        return self.files[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def summary(self) -> str:
        """`12 operations, 7 models, 1 warning`."""
        warnings = f"{self.warnings} warning" + ("" if self.warnings == 1 else "s")
        return f"{self.operations} operations, {self.models} models, {warnings}"


@dataclass(frozen=True)
class IncrementalReport:
    """How an incremental build made the package (`GeneratedPackage.incremental`)."""

    path: str  # "delta": only what a prose edit touched was re-planned; "memo": the keyed full path
    reason: str = ""  # why not the delta path
    operations_planned: int = 0  # methods planned again (the delta path; the memo path plans what misses)
    rendered: tuple[str, ...] = ()  # files rendered again (the delta path)


def generate_package(
    spec: dict[str, Any],
    *,
    package_name: str,
    version: str = "0.1.0",
    templates_dir: Path | None = None,
    cache_dir: Path | None = None,
    source: str = "openapi",
    profile: str | None = None,
    module_cache: ModuleCache | None = None,
    license: str | None = None,
) -> GeneratedPackage:
    """Plan, render and black-format a whole package; keys are paths relative to OUT_DIR.

    Every rendered Python file is compiled first, so a template bug or an unsafe spec string
    fails here, naming the file, instead of in the user's import. `source` names the spec in
    the diagnostics (`<source>#<JSON pointer>`). With `module_cache`, a change that only edits
    prose re-plans and re-renders only what reads it (generator/delta.py), and otherwise the
    sample checks of unchanged operations and the finished text of unchanged modules are reused
    (the result is the same bytes as without it either way).
    """
    memo = None
    report = None
    config = (package_name, source, profile, license)
    if module_cache is not None:
        reason = "templates overridden"
        applied: Any = None
        if templates_dir is None:
            from generator import delta

            applied = delta.apply(
                spec,
                config=config,
                version=version,
                store=module_cache.delta,
                cache_dir=cache_dir,
                bytecode_dir=module_cache.bytecode_dir,
            )
            if not isinstance(applied, delta.Declined):
                return GeneratedPackage(
                    applied.files,
                    applied.diagnostics,
                    operations=applied.operations,
                    models=applied.models,
                    seeds=applied.seeds,
                    kept=applied.kept,
                    incremental=IncrementalReport("delta", "", applied.planned_operations, tuple(applied.rendered)),
                )
            reason = applied.reason
        report = IncrementalReport("memo", reason)
        memo = CaseMemo(
            module_cache.cases, module_cache.texts, module_cache.refs, module_cache.models, module_cache.operations
        )
        if templates_dir is None and applied.index is not None:
            memo.use_index(spec, applied.index)  # the fragments the delta path already digested
    kept = (maintainer_dir(package_name),)
    if module_cache is None or memo is None:
        plan, files = _plan_and_format(
            start_plan(
                spec,
                package_name=package_name,
                version=version,
                source=source,
                profile=profile,
                memo=memo,
                license=license,
            ),
            make_environment(templates_dir),
            cache_dir,
            built_in=templates_dir is None,
        )
        seeds = render_seeds(plan, templates_dir)
    else:
        plan = build_plan(
            spec, package_name=package_name, version=version, source=source, profile=profile, memo=memo, license=license
        )
        seeds = render_seeds(plan, templates_dir)
        env = make_environment(templates_dir, module_cache.bytecode_dir)
        jobs, files = _render_incrementally(plan, env, module_cache, cache_dir, memo, built_in=templates_dir is None)
        module_cache.save(memo.entries, memo.texts, memo.refs, *memo.stored())
        if templates_dir is None:  # what the delta path of the next build compares with
            _record_delta(plan, env, jobs, files, module_cache, cache_dir, memo, spec, seeds, kept, config)
    return GeneratedPackage(
        files,
        plan.diagnostics,
        operations=plan.operation_count,
        models=len(plan.models),
        seeds=seeds,
        kept=kept,
        incremental=report,
    )


def _plan_and_format(
    staged: StagedPlan, env: Any, cache_dir: Path | None, *, built_in: bool
) -> tuple[PackagePlan, dict[str, str]]:
    """Render lazily so the worker processes format the first modules while the rest render, and
    while the main process finishes the plan (the test suite) after the modules."""
    finished: list[PackagePlan] = []
    modules = module_jobs(staged.modules, env, header_of(staged.modules), None)

    def rendered() -> Iterator[tuple[str, str]]:
        for job in modules:
            yield job.path, job.render()
        finished.append(staged.finish())
        for job in staged_jobs(finished[0], env):
            yield job.path, job.render()

    statement_paths = static_paths(modules) if built_in else frozenset()
    files = format_stream(rendered(), cache_dir=cache_dir, statement_paths=statement_paths)
    return finished[0], files


def _render_incrementally(
    plan: PackagePlan, env: Any, cache: ModuleCache, cache_dir: Path | None, memo: CaseMemo, *, built_in: bool
) -> tuple[list[Any], dict[str, str]]:
    """Render and format only the modules whose key is not in the cache; same bytes as cold."""
    jobs = render_jobs(plan, env, memo.subject_repr)
    done: dict[str, str] = {}
    rendered: dict[str, str] = {}
    for job in jobs:
        known = cache.get(job.key) if job.key is not None else None
        if known is None:
            rendered[job.path] = job.render()
        else:
            done[job.path] = known
    statement_paths = static_paths(jobs) if built_in else frozenset()
    formatted = format_files(rendered, cache_dir=cache_dir, statement_paths=statement_paths)
    for job in jobs:
        if job.key is not None and job.path in formatted:
            cache.put(job.key, formatted[job.path])
    done.update(formatted)
    return jobs, {path: done[path] for path in sorted(done)}


def _record_delta(
    plan: PackagePlan,
    env: Any,
    jobs: list[Any],
    files: dict[str, str],
    cache: ModuleCache,
    cache_dir: Path | None,
    memo: CaseMemo,
    spec: dict[str, Any],
    seeds: dict[str, str],
    kept: tuple[str, ...],
    config: tuple[str, str, str | None, str | None],
) -> None:
    from dataclasses import replace

    from generator import delta
    from generator.render.modules import header_of, package_wide_jobs

    # The package-wide files once more with a stand-in version: which of them hold it, and where.
    sentinel_plan = replace(plan, version=delta.VERSION_SENTINEL)
    sentinel = {job.path: job.render() for job in package_wide_jobs(sentinel_plan, env)}
    differing = {path: text for path, text in sentinel.items() if text != files.get(path)}
    sentinel.update(format_files(differing, cache_dir=cache_dir))
    global_texts = delta.versioned_texts(jobs, files, plan.version, sentinel)
    delta.record(
        cache.delta,
        config=config,
        plan=plan,
        memo=memo,
        spec=spec,
        jobs=jobs,
        files=files,
        global_texts=global_texts,
        seeds=seeds,
        seeds_versioned=render_seeds(sentinel_plan) != seeds,
        kept=kept,
        header=header_of(plan),
    )
