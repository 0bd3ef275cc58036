"""Benchmark sdkgen against openapi-python-client and openapi-generator (python) on one spec.

usage: .venv/bin/python bench/run.py [--quick] [--spec PATH] [--tools sdkgen,openapi-python-client,...]

Without --spec, the spec is the one `sdkgen parse` makes from
$SDKGEN_SHARED/corpus/superoffice-10.0.2/restful (falling back to bench/fixtures/petstore.yaml
with a note when that is not possible). Writes bench/results/latest.{md,json}; see bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from calls import Client, measure_clients
from counts import Counts
from generators import (
    OPC_CONFIG,
    Generator,
    cli_help,
    openapi_generator_generator,
    openapi_python_client_generator,
    sdkgen_generator,
)
from growth import measure_growth, subset_corpus
from machine import machine_facts
from measure import cold_import_ms
from procs import run_bounded
from report import to_json, to_markdown
from results import BenchResults, GrowthPoint, SdkgenStages, ToolResult
from sdkgen_stages import incremental_build, parse_argv, parse_corpus
from stats import Summary
from targets import HANDWRITTEN, PLAIN_HTTPX, closing_note
from tool_bench import IMPORT_TIMEOUT, generate_rounds, imports, inspect_package, install, slow_import
from venvs import ensure_venv, python_of

from generator.openapi import load_document

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work"
FIXTURE = BENCH / "fixtures" / "petstore.yaml"
CORPUS_RELATIVE = Path("corpus/superoffice-10.0.2/restful")
ALL_TOOLS = ("sdkgen", "openapi-python-client", "openapi-generator")
PARSE_TIMEOUT = 1200.0
VENV_TIMEOUT = 900.0


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    counts = Counts(
        quick=args.quick,
        runs=1 if args.quick else args.runs,
        ratio_runs=max(1, args.ratio_runs),
        calls=args.calls or (500 if args.quick else 2000),
    )
    tools = [t for t in args.tools.split(",") if t]
    unknown = set(tools) - set(ALL_TOOLS)
    if unknown:
        print(
            f"unknown tools: {', '.join(sorted(unknown))}; choose from {', '.join(ALL_TOOLS)}",
            file=sys.stderr,
        )
        return 2
    WORK.mkdir(parents=True, exist_ok=True)
    notes: list[str] = counts.notes(tools, growth=not args.skip_growth)
    sdkgen = args.sdkgen.resolve() if args.sdkgen else _sdkgen_executable()
    # This machine sets PYTHONDONTWRITEBYTECODE; with it every run would recompile the tools'
    # sources, which no user pays after the first run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    _compile_sources(env)

    _step("machine facts")
    machine = machine_facts()

    corpus = _corpus(args, notes)
    spec, spec_label, stages = _choose_spec(args, corpus, sdkgen, counts, env, notes)
    document = _load_spec(spec)
    operations = _count_operations(document)
    generator_spec = _json_copy(document)
    notes.append("every generator read the spec as JSON (openapi-generator refuses YAML over 3 MiB)")
    print(f"spec: {spec_label} ({operations} operations)", flush=True)

    generators = _generators(tools, sdkgen, env, notes)
    runtime = WORK / "runtime-venv"
    _step("runtime venv (scratch install target)")
    runtime_error = ensure_venv(runtime, BENCH / "requirements-runtime.txt", timeout=VENV_TIMEOUT)
    if runtime_error:
        notes.append(f"runtime venv could not be set up: {runtime_error}; no install/import/call figures")

    results = _bench_tools(tools, generators, generator_spec, counts, None if runtime_error else runtime, stages)
    growth: list[GrowthPoint] = []
    if corpus.is_dir() and not args.spec and not args.skip_growth:
        growth = _growth(sdkgen, generators.get("sdkgen"), corpus, counts, env)

    bench = BenchResults(
        spec=spec_label,
        spec_operations=operations,
        runs=counts.runs,
        calls=counts.calls,
        machine={**machine, **{f"{r.tool} version": r.version for r in results}},
        tools=results,
        sdkgen=stages,
        notes=notes,
        growth=growth,
    )
    markdown = to_markdown(bench)
    results_dir = BENCH / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "latest.md").write_text(markdown, encoding="utf-8")
    (results_dir / "latest.json").write_text(to_json(bench), encoding="utf-8")
    print()
    print(markdown)
    print(f"wrote {results_dir.relative_to(REPO)}/latest.md and latest.json")
    print(closing_note(bench))
    return 0


def _bench_tools(
    tools: list[str],
    generators: dict[str, Generator | str],
    spec: Path,
    counts: Counts,
    runtime: Path | None,
    stages: SdkgenStages,
) -> list[ToolResult]:
    """Generation rounds for every tool, then per tool: lines, install, imports, calls."""
    results = {name: ToolResult(tool=name) for name in tools}
    ready = [g for g in generators.values() if isinstance(g, Generator)]
    for name in tools:
        generator = generators.get(name)
        if isinstance(generator, Generator):
            results[name].version = generator.version
        else:
            results[name].errors["generate"] = generator or "not set up"
    runs = {g.name: counts.generation_runs(g.name) for g in ready}
    outputs = generate_rounds(ready, runs, spec, results, WORK, _step)
    clients: dict[str, Client] = {}
    for generator in ready:
        result = results[generator.name]
        output = outputs.get(generator.name)
        package = inspect_package(generator, output, result) if output else None
        if package is None or runtime is None or not install(package, runtime, WORK, result, _step):
            continue
        imports(package, runtime, counts.import_repeats, result, _step)
        clients[generator.name] = Client(
            generator.name,
            package.name,
            result,
            3 if slow_import(result) else counts.first_call_repeats,
            counts.call_runs(generator.name),
        )
    ordered = [results[name] for name in tools]
    if runtime is not None:
        at = 1 if "sdkgen" in results else 0
        ordered[at:at] = _calls(runtime, clients, counts, stages)
    return ordered


def _calls(runtime: Path, clients: dict[str, Client], counts: Counts, stages: SdkgenStages) -> list[ToolResult]:
    """Calls of every installed SDK; sdkgen's interleaved with the two hand-written yardsticks
    (plain httpx, httpx + a pydantic model) and the import floor. Returns the yardsticks' rows."""
    python = python_of(runtime)
    httpx = ToolResult(tool=PLAIN_HTTPX, version=_module_version(python, "httpx"))
    imported = cold_import_ms(python, "httpx", repeats=counts.import_repeats, timeout=IMPORT_TIMEOUT)
    if isinstance(imported, str):
        httpx.errors["import"] = imported
    else:
        httpx.import_package_ms = Summary.of(imported)
    handwritten = ToolResult(
        tool=HANDWRITTEN, version=f"httpx {httpx.version}, pydantic {_module_version(python, 'pydantic')}"
    )
    plain = Client("httpx", "httpx", httpx, counts.first_call_repeats, counts.call_runs(PLAIN_HTTPX))
    by_hand = Client("httpx-pydantic", "httpx", handwritten, counts.first_call_repeats, counts.call_runs(HANDWRITTEN))
    group = [c for c in (clients.get("sdkgen"), plain, by_hand) if c is not None]
    floor = measure_clients(python, group, calls=counts.calls, floor_repeats=counts.first_call_repeats, progress=_step)
    if isinstance(floor, str):
        stages.notes.append(f"import floor failed: {floor}")
    else:
        stages.import_floor_ms = floor
    for name, client in clients.items():
        if name != "sdkgen":
            measure_clients(python, [client], calls=counts.calls, floor_repeats=0, progress=_step)
    return [httpx, handwritten]


def _module_version(python: Path, module: str) -> str:
    outcome = run_bounded([str(python), "-c", f"import {module}; print({module}.__version__)"], timeout=60)
    return outcome.stdout.strip() if outcome.ok else "unknown"


def _growth(
    sdkgen: Path, generator: Generator | str | None, corpus: Path, counts: Counts, env: dict[str, str]
) -> list[GrowthPoint]:
    help_text = cli_help([str(sdkgen), "parse"])
    if help_text is None:
        return []
    _step("cost growth: the corpus at 1x, 2x and 4x")
    return measure_growth(
        lambda docs, out: parse_argv(sdkgen, docs, out, help_text),
        generator if isinstance(generator, Generator) else None,
        corpus,
        WORK,
        parse_runs=counts.growth_parse_runs,
        generate_runs=counts.growth_generate_runs,
        env=env,
        progress=_step,
    )


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one generation run of tools outside every target, fewer calls and imports",
    )
    parser.add_argument(
        "--spec",
        type=Path,
        help="benchmark this OpenAPI document instead of the parsed corpus",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help="corpus folder to parse (default: $SDKGEN_SHARED/corpus/...)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="generation and timed-call runs of tools outside every target (default 3, quick 1)",
    )
    parser.add_argument(
        "--ratio-runs",
        type=int,
        default=5,
        help="runs behind every figure a target uses, --quick included (default 5; fewer only for smoke runs)",
    )
    parser.add_argument(
        "--pages",
        type=int,
        default=0,
        help="smoke run: use only N pages of the corpus, spread over all of it",
    )
    parser.add_argument(
        "--calls",
        type=int,
        default=0,
        help="timed typed calls per run (default 2000, 500 quick)",
    )
    parser.add_argument("--tools", default=",".join(ALL_TOOLS), help="comma separated subset of tools")
    parser.add_argument(
        "--sdkgen",
        type=Path,
        help="sdkgen executable to benchmark (default: the one beside python)",
    )
    parser.add_argument(
        "--skip-build",
        action="store_true",
        help="skip the incremental `sdkgen build` figures",
    )
    parser.add_argument(
        "--skip-growth",
        action="store_true",
        help="skip parse and generate on the corpus at 1x, 2x and 4x",
    )
    return parser.parse_args(argv)


def _step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def _sdkgen_executable() -> Path:
    beside = Path(sys.executable).parent / "sdkgen"
    found = shutil.which("sdkgen")
    return beside if beside.exists() else Path(found) if found else beside


def _compile_sources(env: dict[str, str]) -> None:
    """Byte-compile sdkgen's editable sources once, as pip does for the peers' installed wheels."""
    run_bounded(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "generator")],
        timeout=300,
        env=env,
    )


def _corpus(args: argparse.Namespace, notes: list[str]) -> Path:
    """The corpus folder; with --pages N, a copy of N of its pages spread over the whole corpus."""
    if args.corpus:
        corpus = Path(args.corpus).resolve()
    else:
        shared = Path(os.environ.get("SDKGEN_SHARED") or REPO.parent / "shared")
        corpus = (shared / CORPUS_RELATIVE).resolve()
    if args.pages and corpus.is_dir() and not args.spec:
        subset = WORK / "corpus-subset"
        kept = subset_corpus(corpus, args.pages, subset)
        notes.append(f"--pages {args.pages}: {kept} pages of {_label(corpus)} (a smoke run, not the corpus)")
        return subset
    return corpus


def _choose_spec(
    args: argparse.Namespace,
    corpus: Path,
    sdkgen: Path,
    counts: Counts,
    env: dict[str, str],
    notes: list[str],
) -> tuple[Path, str, SdkgenStages]:
    if args.spec:
        spec = Path(args.spec).resolve()
        return (
            spec,
            _label(spec),
            SdkgenStages(notes=["spec given with --spec: corpus stages not run"]),
        )
    if not corpus.is_dir():
        notes.append(f"corpus not found ({_label(corpus)}): benchmarked the petstore fixture instead")
        return FIXTURE, _label(FIXTURE), SdkgenStages()
    _step("sdkgen parse on the corpus, interleaved with markdown-it-py's default parser on one core")
    spec = WORK / "spec.json"  # JSON: YAML serialisation of a 10 MB document is slower than parsing the docs
    stages, produced = parse_corpus(
        sdkgen,
        corpus,
        spec,
        runs=counts.parse_runs,
        reference_runs=counts.ratio_runs,
        timeout=PARSE_TIMEOUT,
        env=env,
        cwd=WORK,
    )
    if not args.skip_build:
        _step("sdkgen build rounds (cold, no change, one page changed)")
        incremental_build(sdkgen, corpus, WORK, stages, runs=counts.ratio_runs, env=env)
    if not produced:
        notes.append("no spec from the corpus: benchmarked the petstore fixture instead")
        return FIXTURE, _label(FIXTURE), stages
    return spec, f"sdkgen parse {_label(corpus)}", stages


def _label(path: Path) -> str:
    """A path as the report shows it: repo-relative, or relative to the shared folder, never absolute."""
    shared = Path(os.environ.get("SDKGEN_SHARED") or REPO.parent / "shared")
    for base, prefix in ((REPO, ""), (shared, "$SDKGEN_SHARED/")):
        try:
            return prefix + str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            continue
    return path.name


def _load_spec(spec: Path) -> dict[str, Any]:
    return load_document(spec)


def _count_operations(document: dict[str, Any]) -> int:
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    paths = document.get("paths") or {}
    return sum(1 for item in paths.values() for key in item if key in methods)


def _json_copy(document: dict[str, Any]) -> Path:
    """The spec as JSON, which every generator is given: openapi-generator's YAML reader refuses
    documents over 3 MiB (SnakeYAML's code point limit), and a user would hand it JSON.
    """
    target = WORK / "spec-for-generators.json"
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target


def _generators(tools: list[str], sdkgen: Path, env: dict[str, str], notes: list[str]) -> dict[str, Generator | str]:
    generators: dict[str, Generator | str] = {}
    if "sdkgen" in tools:
        generators["sdkgen"] = sdkgen_generator(sdkgen, env)
    peers = [t for t in tools if t != "sdkgen"]
    if not peers:
        return generators
    _step("peers venv (openapi-python-client, openapi-generator-cli)")
    peers_venv = WORK / "peers-venv"
    error = ensure_venv(peers_venv, BENCH / "requirements-peers.txt", timeout=VENV_TIMEOUT)
    if error:
        notes.append(f"peer generators could not be installed: {error}")
        return {**generators, **{t: f"not installed: {error}" for t in peers}}
    peers_bin = peers_venv / "bin"
    # openapi-python-client calls ruff from PATH; openapi-generator-cli calls java from PATH.
    peers_env = {**env, "PATH": f"{peers_bin}{os.pathsep}{env.get('PATH', '')}"}
    config = WORK / "openapi-python-client.yaml"
    config.write_text(OPC_CONFIG, encoding="utf-8")
    if "openapi-python-client" in tools:
        generators["openapi-python-client"] = openapi_python_client_generator(peers_bin, peers_env, config)
    if "openapi-generator" in tools:
        generators["openapi-generator"] = openapi_generator_generator(peers_bin, peers_env)
    return generators


if __name__ == "__main__":
    sys.exit(main())
