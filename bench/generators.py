"""How each generator is invoked: its command line, its package name, its version.

sdkgen's own CLI is still growing, so its command is built from what `sdkgen generate --help`
offers instead of being assumed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from procs import run_bounded

HELP_TIMEOUT = 60.0


@dataclass(frozen=True)
class Generator:
    name: str
    package_name: str  # what the package is asked to be called (a hint: located afterwards)
    command: Callable[[Path, Path], list[str]]  # (spec, output_dir) -> argv
    version: str
    env: dict[str, str]


def cli_help(argv: list[str]) -> str | None:
    """The command's --help text, or None when the command does not exist."""
    outcome = run_bounded([*argv, "--help"], timeout=HELP_TIMEOUT)
    return outcome.stdout + outcome.stderr if outcome.ok else None


def sdkgen_generator(sdkgen: Path, env: dict[str, str]) -> Generator | str:
    """sdkgen's generator, or the reason it cannot be benchmarked yet."""
    help_text = cli_help([str(sdkgen), "generate"])
    if help_text is None:
        return "`sdkgen generate` is not available yet"
    package_option = first_option(help_text, ["--package-name", "--package", "--name"])
    output_option = first_option(help_text, ["--output", "--out", "-o"])
    package_name = "bench_sdkgen" if package_option else "superoffice_webapi"

    def command(spec: Path, output: Path) -> list[str]:
        argv = [str(sdkgen), "generate", str(spec)]
        argv += [output_option, str(output)] if output_option else [str(output)]
        if package_option:
            argv += [package_option, package_name]
        return argv

    return Generator("sdkgen", package_name, command, _version([str(sdkgen), "--version"]), env)


def openapi_python_client_generator(peers_bin: Path, env: dict[str, str], config: Path) -> Generator:
    def command(spec: Path, output: Path) -> list[str]:
        return [
            str(peers_bin / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(output),
            "--meta",
            "setup",
            "--config",
            str(config),
        ]

    version = _version([str(peers_bin / "openapi-python-client"), "--version"])
    return Generator("openapi-python-client", "bench_opc", command, version, env)


def openapi_generator_generator(peers_bin: Path, env: dict[str, str]) -> Generator:
    def command(spec: Path, output: Path) -> list[str]:
        return [
            str(peers_bin / "openapi-generator-cli"),
            "generate",
            "-i",
            str(spec),
            "-g",
            "python",
            "-o",
            str(output),
            "--additional-properties=packageName=bench_ogen,projectName=bench-ogen",
        ]

    version = _version([str(peers_bin / "openapi-generator-cli"), "version"])
    return Generator("openapi-generator", "bench_ogen", command, version, env)


OPC_CONFIG = "project_name_override: bench-opc\npackage_name_override: bench_opc\n"


def first_option(help_text: str, options: list[str]) -> str | None:
    for option in options:
        if re.search(rf"(^|[\s,]){re.escape(option)}\b", help_text):
            return option
    return None


def _version(argv: list[str]) -> str:
    outcome = run_bounded(argv, timeout=HELP_TIMEOUT)
    text = (outcome.stdout + outcome.stderr).strip()
    match = re.search(r"\d+\.\d+(\.\d+)?\S*", text)
    return match.group(0) if outcome.ok and match else "unknown"


def cold_cache_env(generator: Generator, run_dir: Path) -> dict[str, str]:
    """Point every cache a generator may use into the run's own folder (a fresh one = cold)."""
    cache = run_dir / "cache"
    return {
        **generator.env,
        "XDG_CACHE_HOME": str(cache),
        "SDKGEN_CACHE_DIR": str(cache / "sdkgen"),
    }
