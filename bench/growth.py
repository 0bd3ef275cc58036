"""How cost grows with the corpus: `sdkgen parse` and `sdkgen generate` on the corpus copied 1x, 2x
and 4x (every page again under a new uid, a new folder and a new URL path), as cost per page.

Linear growth means the cost per page at 2x and 4x stays within LINEAR_TOLERANCE of the 1x figure.
The verdict is taken on CPU time (user + system of the whole process tree): it is the work the
command does, while wall time on a shared two-core machine also measures the other tenants.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

from generators import Generator, cold_cache_env
from measure import RunUsage, measure_command
from results import GrowthPoint
from stats import Summary

FACTORS = (1, 2, 4)
LINEAR_TOLERANCE = 0.10
TIMEOUT = 1800.0
_UID_LINE = re.compile(r"^(u?id:\s*)(\S+)\s*$", re.MULTILINE)
_API_PREFIX = "/api/v1/"
KEEP_PAGE = "v1ChatAgent_RejectChatSessionTransfer.md"


def copy_uid(uid: str, copy: int) -> str:
    """`v1ChatAgent_RejectChatSessionTransfer` -> `v1ChatAgentCopy2_RejectChatSessionTransfer`:
    a new operationId whose owner prefix (which names inline request types) is new too."""
    head, sep, tail = uid.partition("_")
    return f"{head}Copy{copy}{sep}{tail}"


def copy_page_text(text: str, copy: int) -> str:
    """The page again as another endpoint: new uid in the front matter, new URL path everywhere."""
    renamed = _UID_LINE.sub(lambda m: m.group(1) + copy_uid(m.group(2), copy), text, count=1)
    return renamed.replace(_API_PREFIX, f"{_API_PREFIX}Copy{copy}/")


def copy_path(relative: Path, uid: str | None, copy: int) -> Path:
    """The copy's place: its folder (which names the tag) gets a suffix, at the same depth, so
    relative include links still resolve; a file named after its uid is named after the new one."""
    name = f"{copy_uid(uid, copy)}{relative.suffix}" if uid and relative.stem == uid else relative.name
    if relative.parent == Path("."):
        return Path(f"{relative.stem}Copy{copy}{relative.suffix}")
    return relative.parent.parent / f"{relative.parent.name}Copy{copy}" / name


def scaled_corpus(corpus: Path, factor: int, dest: Path) -> int:
    """Write the corpus plus factor-1 renamed copies of every Markdown page to dest; returns the
    number of Markdown pages written."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(corpus, dest)
    pages = sorted(p for p in corpus.rglob("*.md") if p.is_file())
    for copy in range(2, factor + 1):
        for page in pages:
            text = page.read_text(encoding="utf-8")
            match = _UID_LINE.search(text)
            target = dest / copy_path(page.relative_to(corpus), match.group(2) if match else None, copy)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy_page_text(text, copy), encoding="utf-8")
    return len(pages) * factor


def subset_corpus(corpus: Path, pages: int, dest: Path, keep: str = KEEP_PAGE) -> int:
    """A smoke-run corpus: `pages` Markdown pages taken at an even stride over the whole corpus
    (so every page family shows up), always including `keep` (the page the calls use); returns how
    many pages were written."""
    if dest.exists():
        shutil.rmtree(dest)
    every = sorted(p for p in corpus.rglob("*.md") if p.is_file())
    stride = max(1, len(every) // max(1, pages))
    chosen = {*every[::stride][:pages], *(p for p in every if p.name == keep)}
    for page in sorted(chosen):
        target = dest / page.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)
    return len(chosen)


def measure_growth(
    parse_argv: Callable[[Path, Path], list[str]],
    generator: Generator | None,
    corpus: Path,
    work: Path,
    *,
    parse_runs: int,
    generate_runs: int,
    env: dict[str, str],
    progress: Callable[[str], None],
) -> list[GrowthPoint]:
    """Parse (and generate, when a generator is given) at every factor, the factors interleaved
    within each round so drift over the minutes hits every size alike."""
    root = work / "growth"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    pages = {factor: scaled_corpus(corpus, factor, root / f"corpus-x{factor}") for factor in FACTORS}
    specs = {factor: root / f"spec-x{factor}.json" for factor in FACTORS}
    parse = _rounds(
        "parse",
        pages,
        parse_runs,
        lambda factor: measure_command(
            parse_argv(root / f"corpus-x{factor}", specs[factor]), timeout=TIMEOUT, cwd=root, env=env
        ),
        progress,
    )
    points = list(parse.values())
    if generator is not None:
        usable = {f: n for f, n in pages.items() if parse[f].error is None and specs[f].is_file()}
        points += list(_rounds("generate", usable, generate_runs, _generate(generator, specs, root), progress).values())
    shutil.rmtree(root, ignore_errors=True)  # a few hundred MB of copies and packages
    return points


def _generate(generator: Generator, specs: dict[int, Path], root: Path) -> Callable[[int], RunUsage | str]:
    def run(factor: int) -> RunUsage | str:
        run_dir = root / "generate-run"
        output = root / "generated"
        for folder in (output, run_dir):
            if folder.exists():
                shutil.rmtree(folder)
        run_dir.mkdir()
        return measure_command(
            generator.command(specs[factor], output),
            timeout=TIMEOUT,
            cwd=run_dir,
            env=cold_cache_env(generator, run_dir),
        )

    return run


def _rounds(
    stage: str,
    pages: dict[int, int],
    runs: int,
    measure: Callable[[int], RunUsage | str],
    progress: Callable[[str], None],
) -> dict[int, GrowthPoint]:
    usages: dict[int, list[RunUsage]] = {factor: [] for factor in pages}
    errors: dict[int, str] = {}
    for index in range(runs):
        for factor in pages:
            if factor in errors:
                continue
            progress(f"growth: {stage} x{factor} run {index + 1}/{runs}")
            usage = measure(factor)
            if isinstance(usage, str):
                errors[factor] = usage
            else:
                usages[factor].append(usage)
    return {
        factor: GrowthPoint(
            stage=stage,
            factor=factor,
            pages=count,
            wall=Summary.of([u.wall_s for u in usages[factor]]) if usages[factor] else None,
            cpu=Summary.of([u.cpu_s for u in usages[factor]]) if usages[factor] else None,
            error=errors.get(factor),
        )
        for factor, count in pages.items()
    }


def per_page_ms(point: GrowthPoint, cpu: bool) -> float | None:
    summary = point.cpu if cpu else point.wall
    return summary.median / point.pages * 1000 if summary and point.pages else None


def growth_vs_1x(points: list[GrowthPoint], point: GrowthPoint, cpu: bool) -> float | None:
    """This point's cost per page divided by the same stage's 1x cost per page."""
    base = next((p for p in points if p.stage == point.stage and p.factor == 1), None)
    mine = per_page_ms(point, cpu)
    theirs = per_page_ms(base, cpu) if base else None
    return mine / theirs if mine is not None and theirs else None


def linear(ratio: float | None) -> bool | None:
    """Within tolerance: a cost per page that falls as start-up is spread over more pages is fine."""
    return None if ratio is None else ratio <= 1 + LINEAR_TOLERANCE
