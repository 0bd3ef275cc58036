"""One tool's figures apart from calls: generation runs (interleaved across tools), lines of the
package, pip install into the scratch venv, cold imports."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from generators import Generator, cold_cache_env
from layout import GeneratedPackage, count_python_lines, locate_package, operation_module
from measure import RunUsage, cold_import_ms, measure_command
from procs import run_bounded
from results import ToolResult
from stats import Summary
from venvs import python_of

GENERATE_TIMEOUT = 1200.0
INSTALL_TIMEOUT = 600.0
IMPORT_TIMEOUT = 300.0
SLOW_IMPORT_MS = 5000.0
OPERATION_SNAKE = "reject_chat_session_transfer"

Progress = Callable[[str], None]


def generate_rounds(
    generators: list[Generator],
    runs: dict[str, int],
    spec: Path,
    results: dict[str, ToolResult],
    work: Path,
    progress: Progress,
) -> dict[str, Path]:
    """Round i runs every generator that has an i-th run, each into a fresh folder with a fresh cwd
    and cache home; returns each successful generator's last output folder."""
    usages: dict[str, list[RunUsage]] = {g.name: [] for g in generators}
    for index in range(max((runs[g.name] for g in generators), default=0)):
        for generator in generators:
            result = results[generator.name]
            if index >= runs[generator.name] or "generate" in result.errors:
                continue
            progress(f"{generator.name}: generate run {index + 1}/{runs[generator.name]}")
            usage = _generate_once(generator, spec, work, index)
            if isinstance(usage, str):
                result.errors["generate"] = usage
            else:
                usages[generator.name].append(usage)
    outputs: dict[str, Path] = {}
    for generator in generators:
        result, done = results[generator.name], usages[generator.name]
        if "generate" in result.errors or not done:
            continue
        result.generate_wall = Summary.of([u.wall_s for u in done])
        result.generate_cpu = Summary.of([u.cpu_s for u in done])
        result.peak_rss_mib = max(u.max_rss_mib for u in done)
        outputs[generator.name] = _output(work, generator)
        if generator.name == "sdkgen":
            result.generate_warm_cache_s = _warm_cache_run(generator, spec, work, runs["sdkgen"] - 1)
    return outputs


def _output(work: Path, generator: Generator) -> Path:
    return work / "out" / generator.name


def _run_dir(work: Path, generator: Generator, index: int) -> Path:
    return work / "runs" / generator.name / f"run{index}"


def _generate_once(generator: Generator, spec: Path, work: Path, index: int) -> RunUsage | str:
    output, run_dir = _output(work, generator), _run_dir(work, generator, index)
    for folder in (output, run_dir):
        if folder.exists():
            shutil.rmtree(folder)
    run_dir.mkdir(parents=True)
    return measure_command(
        generator.command(spec, output),
        timeout=GENERATE_TIMEOUT,
        cwd=run_dir,
        env=cold_cache_env(generator, run_dir),
    )


def _warm_cache_run(generator: Generator, spec: Path, work: Path, last: int) -> float | str:
    """sdkgen caches black's output by content hash: one more run into a new folder with the last
    run's cache shows what regenerating costs once the cache is warm."""
    warm_output = work / "out" / "sdkgen-warm-cache"
    if warm_output.exists():
        shutil.rmtree(warm_output)
    run_dir = _run_dir(work, generator, last)
    warm = measure_command(
        generator.command(spec, warm_output),
        timeout=GENERATE_TIMEOUT,
        cwd=run_dir,
        env=cold_cache_env(generator, run_dir),
    )
    return warm if isinstance(warm, str) else warm.wall_s


def inspect_package(generator: Generator, output: Path, result: ToolResult) -> GeneratedPackage | None:
    """Find the importable package in the output and count its lines."""
    package = locate_package(output, generator.package_name)
    if package is None:
        result.errors["lines"] = "no Python package found in the output"
        return None
    result.package = package.name
    in_package = count_python_lines(package.package_dir, skip_tests=True)
    result.py_files, result.py_lines = in_package.files, in_package.lines
    result.py_lines_all = count_python_lines(output, skip_tests=False).lines
    return package


def install(package: GeneratedPackage, runtime: Path, work: Path, result: ToolResult, progress: Progress) -> bool:
    progress(f"{result.tool}: pip install --no-deps")
    project = package.project_dir
    if not package.installable:
        project = _wrap_package(package, work)
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


def _wrap_package(package: GeneratedPackage, work: Path) -> Path:
    """A minimal setuptools project around a bare package folder, so it can be pip-installed."""
    wrapper = work / "wrapped" / package.name
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


def imports(package: GeneratedPackage, runtime: Path, repeats: int, result: ToolResult, progress: Progress) -> None:
    progress(f"{result.tool}: cold imports")
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


def slow_import(result: ToolResult) -> bool:
    return result.import_package_ms is not None and result.import_package_ms.median > SLOW_IMPORT_MS
