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
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from generators import (
    OPC_CONFIG,
    Generator,
    openapi_generator_generator,
    openapi_python_client_generator,
    sdkgen_generator,
)
from layout import (
    GeneratedPackage,
    count_python_lines,
    locate_package,
    operation_module,
)
from machine import machine_facts
from measure import (
    RunUsage,
    cold_import_ms,
    first_call_ms,
    import_floor_ms,
    measure_command,
    timed_calls,
)
from procs import run_bounded
from report import to_json, to_markdown
from results import BenchResults, SdkgenStages, ToolResult
from sdkgen_stages import incremental_build, parse_corpus, tokenize_reference
from stats import Summary
from venvs import ensure_venv, python_of

from generator.openapi import load_document

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work"
FIXTURE = BENCH / "fixtures" / "petstore.yaml"
CORPUS_RELATIVE = Path("corpus/superoffice-10.0.2/restful")
ALL_TOOLS = ("sdkgen", "openapi-python-client", "openapi-generator")
OPERATION_SNAKE = "reject_chat_session_transfer"

GENERATE_TIMEOUT = 1200.0
INSTALL_TIMEOUT = 600.0
VENV_TIMEOUT = 900.0
IMPORT_TIMEOUT = 300.0
SLOW_IMPORT_MS = 5000.0
# Parsing takes seconds and this kind of machine scatters by +-20 %: always several runs.
PARSE_RUNS = 7
REFERENCE_RUNS = 3
FIRST_CALL_REPEATS = 9  # start-up times on a shared VM scatter by +-20 %: medians of 9
CALL_TIMEOUT = 600.0


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    runs = 1 if args.quick else args.runs
    calls = args.calls or (200 if args.quick else 2000)
    import_repeats = 3 if args.quick else 7
    tools = [t for t in args.tools.split(",") if t]
    unknown = set(tools) - set(ALL_TOOLS)
    if unknown:
        print(
            f"unknown tools: {', '.join(sorted(unknown))}; choose from {', '.join(ALL_TOOLS)}",
            file=sys.stderr,
        )
        return 2
    WORK.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    sdkgen = args.sdkgen.resolve() if args.sdkgen else _sdkgen_executable()
    # This machine sets PYTHONDONTWRITEBYTECODE; with it every run would recompile the tools'
    # sources, which no user pays after the first run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    _compile_sources(env)

    _step("machine facts")
    machine = machine_facts()

    spec, spec_label, stages = _choose_spec(args, sdkgen, runs, env, notes)
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

    if not runtime_error:
        _step("import floor (httpx + pydantic.BaseModel) in the runtime venv")
        floor = import_floor_ms(python_of(runtime), repeats=FIRST_CALL_REPEATS, timeout=IMPORT_TIMEOUT)
        if isinstance(floor, str):
            notes.append(f"import floor failed: {floor}")
        else:
            stages.import_floor_ms = Summary.of(floor)

    results: list[ToolResult] = []
    for name in tools:
        generator = generators.get(name)
        if isinstance(generator, Generator):
            results.append(
                _bench_tool(
                    generator,
                    generator_spec,
                    runs,
                    calls,
                    import_repeats,
                    None if runtime_error else runtime,
                )
            )
        else:
            results.append(ToolResult(tool=name, errors={"generate": generator or "not set up"}))

    bench = BenchResults(
        spec=spec_label,
        spec_operations=operations,
        runs=runs,
        calls=calls,
        machine={**machine, **{f"{r.tool} version": r.version for r in results}},
        tools=results,
        sdkgen=stages,
        notes=notes,
    )
    markdown = to_markdown(bench)
    results_dir = BENCH / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "latest.md").write_text(markdown, encoding="utf-8")
    (results_dir / "latest.json").write_text(to_json(bench), encoding="utf-8")
    print()
    print(markdown)
    print(f"wrote {results_dir.relative_to(REPO)}/latest.md and latest.json")
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one generation run, fewer calls and imports",
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
    parser.add_argument("--runs", type=int, default=3, help="generation runs per tool (default 3)")
    parser.add_argument(
        "--calls",
        type=int,
        default=0,
        help="timed typed calls per run (default 2000, 200 quick)",
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


def _corpus(args: argparse.Namespace) -> Path:
    if args.corpus:
        return Path(args.corpus).resolve()
    shared = Path(os.environ.get("SDKGEN_SHARED") or REPO.parent / "shared")
    return (shared / CORPUS_RELATIVE).resolve()


def _choose_spec(
    args: argparse.Namespace,
    sdkgen: Path,
    runs: int,
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
    corpus = _corpus(args)
    if not corpus.is_dir():
        notes.append(f"corpus not found ({_label(corpus)}): benchmarked the petstore fixture instead")
        return FIXTURE, _label(FIXTURE), SdkgenStages()
    _step("sdkgen parse on the corpus")
    spec = WORK / "spec.json"  # JSON: YAML serialisation of a 10 MB document is slower than parsing the docs
    stages, produced = parse_corpus(sdkgen, corpus, spec, runs=PARSE_RUNS, timeout=GENERATE_TIMEOUT, env=env, cwd=WORK)
    _step("calibration: markdown-it-py's default parser over the corpus, one core")
    reference = tokenize_reference(corpus, runs=REFERENCE_RUNS, env=env)
    if isinstance(reference, str):
        stages.notes.append(f"tokenising reference failed: {reference}")
    else:
        stages.tokenize_reference = reference
    if not args.skip_build:
        _step("sdkgen build (cold, no change, one page changed)")
        incremental_build(sdkgen, corpus, WORK, stages, env=env)
    if not produced:
        notes.append("no spec from the corpus: benchmarked the petstore fixture instead")
        return FIXTURE, _label(FIXTURE), stages
    return spec, f"sdkgen parse {CORPUS_RELATIVE}", stages


def _label(path: Path) -> str:
    """A path as the report shows it: repo-relative, or relative to the shared folder, never absolute."""
    for base, prefix in ((REPO, ""), (REPO.parent / "shared", "$SDKGEN_SHARED/")):
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


def _bench_tool(
    generator: Generator,
    spec: Path,
    runs: int,
    calls: int,
    import_repeats: int,
    runtime: Path | None,
) -> ToolResult:
    result = ToolResult(tool=generator.name, version=generator.version)
    output = _generate(generator, spec, runs, result)
    if output is None:
        return result
    package = locate_package(output, generator.package_name)
    if package is None:
        result.errors["lines"] = "no Python package found in the output"
        return result
    result.package = package.name
    in_package = count_python_lines(package.package_dir, skip_tests=True)
    result.py_files, result.py_lines = in_package.files, in_package.lines
    result.py_lines_all = count_python_lines(output, skip_tests=False).lines
    if runtime is None:
        return result
    if not _install(package, runtime, result):
        return result
    _imports(package, runtime, import_repeats, result)
    _calls(generator.name, package.name, runtime, runs, calls, result)
    return result


def _generate(generator: Generator, spec: Path, runs: int, result: ToolResult) -> Path | None:
    """Run the generator `runs` times, each into a fresh folder with a fresh cwd and cache home."""
    usages: list[RunUsage] = []
    output = WORK / "out" / generator.name
    for index in range(runs):
        _step(f"{generator.name}: generate run {index + 1}/{runs}")
        run_dir = WORK / "runs" / generator.name / f"run{index}"
        for folder in (output, run_dir):
            if folder.exists():
                shutil.rmtree(folder)
        run_dir.mkdir(parents=True)
        usage = measure_command(
            generator.command(spec, output),
            timeout=GENERATE_TIMEOUT,
            cwd=run_dir,
            env=_cache_env(generator, run_dir),
        )
        if isinstance(usage, str):
            result.errors["generate"] = usage
            return None
        usages.append(usage)
    result.generate_wall = Summary.of([u.wall_s for u in usages])
    result.generate_cpu = Summary.of([u.cpu_s for u in usages])
    result.peak_rss_mib = max(u.max_rss_mib for u in usages)
    if generator.name == "sdkgen":
        # sdkgen caches black's output by content hash: one more run into a new folder with the
        # last run's cache shows what regenerating costs once the cache is warm.
        warm_output = WORK / "out" / "sdkgen-warm-cache"
        if warm_output.exists():
            shutil.rmtree(warm_output)
        warm = measure_command(
            generator.command(spec, warm_output),
            timeout=GENERATE_TIMEOUT,
            cwd=run_dir,
            env=_cache_env(generator, run_dir),
        )
        result.generate_warm_cache_s = warm if isinstance(warm, str) else warm.wall_s
    return output


def _cache_env(generator: Generator, run_dir: Path) -> dict[str, str]:
    """Point every cache a generator may use into the run's own folder (a fresh one = cold)."""
    cache = run_dir / "cache"
    return {
        **generator.env,
        "XDG_CACHE_HOME": str(cache),
        "SDKGEN_CACHE_DIR": str(cache / "sdkgen"),
    }


def _install(package: GeneratedPackage, runtime: Path, result: ToolResult) -> bool:
    _step(f"{result.tool}: pip install --no-deps")
    project = package.project_dir
    if not package.installable:
        project = _wrap_package(package)
        result.install_note = "no packaging files; wrapped by the bench"
    outcome = run_bounded(
        [
            str(python_of(runtime)),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--force-reinstall",
            str(project),
        ],
        timeout=INSTALL_TIMEOUT,
    )
    result.installs = outcome.ok
    if not outcome.ok:
        result.errors["install"] = outcome.first_error_line()
    return outcome.ok


def _wrap_package(package: GeneratedPackage) -> Path:
    """A minimal setuptools project around a bare package folder, so it can be pip-installed."""
    wrapper = WORK / "wrapped" / package.name
    if wrapper.exists():
        shutil.rmtree(wrapper)
    shutil.copytree(package.package_dir, wrapper / package.name)
    (wrapper / "pyproject.toml").write_text(
        f'[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "{package.name.replace("_", "-")}"\nversion = "0"\n\n'
        f'[tool.setuptools.packages.find]\ninclude = ["{package.name}*"]\n',
        encoding="utf-8",
    )
    return wrapper


def _imports(package: GeneratedPackage, runtime: Path, repeats: int, result: ToolResult) -> None:
    _step(f"{result.tool}: cold imports")
    python = python_of(runtime)
    # One untimed import first writes any bytecode pip did not, so every timed import is alike.
    first = cold_import_ms(python, package.name, repeats=1, timeout=IMPORT_TIMEOUT)
    if isinstance(first, list) and first[0] > SLOW_IMPORT_MS:
        # Packages that import every API eagerly take tens of seconds: 3 samples are plenty.
        repeats = min(repeats, 3)
    package_times = cold_import_ms(python, package.name, repeats=repeats, timeout=IMPORT_TIMEOUT)
    if isinstance(package_times, str):
        result.errors["import"] = package_times
        return
    result.import_package_ms = Summary.of(package_times)
    module = operation_module(package, OPERATION_SNAKE)
    result.operation_module = module
    if module is None:
        result.errors["import"] = f"no module defines {OPERATION_SNAKE}"
        return
    operation_times = cold_import_ms(python, module, repeats=repeats, timeout=IMPORT_TIMEOUT)
    if isinstance(operation_times, str):
        result.errors["import"] = operation_times
        return
    result.import_operation_ms = Summary.of(operation_times)


def _first_calls(tool: str, package: str, runtime: Path, base_url: str, result: ToolResult) -> None:
    """Import + client + first call in fresh interpreters (what a short script pays)."""
    slow = result.import_package_ms is not None and result.import_package_ms.median > SLOW_IMPORT_MS
    times = first_call_ms(
        python_of(runtime),
        tool,
        package,
        base_url,
        repeats=3 if slow else FIRST_CALL_REPEATS,
        timeout=IMPORT_TIMEOUT,
    )
    if isinstance(times, str):
        result.errors["first call"] = times
    else:
        result.first_call_ms = Summary.of(times)


def _calls(tool: str, package: str, runtime: Path, runs: int, calls: int, result: ToolResult) -> None:
    _step(f"{tool}: {runs} x {calls} typed calls")
    server = subprocess.Popen(
        [
            sys.executable,
            str(BENCH / "json_server.py"),
            "--max-seconds",
            str(CALL_TIMEOUT * runs),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        base_url = f"http://127.0.0.1:{port}"
        _first_calls(tool, package, runtime, base_url, result)
        rates: list[float] = []
        cpu: list[float] = []
        for _ in range(runs):
            run = timed_calls(
                python_of(runtime),
                tool,
                package,
                base_url,
                calls=calls,
                timeout=CALL_TIMEOUT,
            )
            if isinstance(run, str):
                result.errors["call"] = run
                return
            if "225" not in run.first_result:
                result.errors["call"] = f"unexpected result: {run.first_result[:80]}"
                return
            rates.append(run.calls_per_s)
            cpu.append(run.cpu_us_per_call)
        result.calls_per_s = Summary.of(rates)
        result.cpu_us_per_call = Summary.of(cpu)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
