"""Copy the latest benchmark run (results/latest.md) into README.md's Benchmarks section.

README.md holds the run between `<!-- bench:begin -->` and `<!-- bench:end -->`: the report's
sections one heading level down, its notes and machine facts folded into two paragraphs. The
sentence that introduces the run (date, how loaded the machine was) stays the maintainer's.

usage: python bench/readme_section.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def section(report: str) -> str:
    """The README block for one latest.md report."""
    lines: list[str] = []
    folded: dict[str, list[str]] = {"Notes": [], "Machine": []}
    current: str | None = None
    for line in report.splitlines():
        if line.startswith("# "):
            continue  # the report's title: README's own heading introduces it
        if line.startswith("## "):
            name = line[3:].strip()
            current = name if name in folded else None
            if current is None:
                lines.append("#" + line)
            continue
        if current is not None:
            if line.startswith("- "):
                folded[current].append(line[2:].strip())
            continue
        lines.append(line)
    text = "\n".join(lines).strip("\n")
    if folded["Notes"]:
        text += "\n\nNotes of the run: " + "; ".join(folded["Notes"]) + "."
    if folded["Machine"]:
        text += "\n\nMeasured on: " + "; ".join(folded["Machine"]) + "."
    return text


def updated(readme: str, report: str) -> str:
    head, begin, rest = readme.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not begin or not end:
        raise SystemExit(f"README.md has no {BEGIN} ... {END} block")
    return f"{head}{BEGIN}\n{section(report)}\n{END}{tail}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 when README.md is not up to date")
    args = parser.parse_args()
    readme_path = ROOT / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    new = updated(readme, (ROOT / "bench" / "results" / "latest.md").read_text(encoding="utf-8"))
    if args.check:
        return 0 if new == readme else 1
    readme_path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
