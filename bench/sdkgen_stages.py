"""sdkgen's own stages on the corpus: parse time beside its tokenising yardstick, and rounds of
incremental `sdkgen build` figures.

Both commands are feature-detected from `--help`; when one is missing the figure is left empty and
a note says why.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from generators import cli_help, first_option
from measure import RunUsage, measure_command, repeated_runs
from results import SdkgenStages
from stats import Summary

BUILD_TIMEOUT = 1800.0
REFERENCE_TIMEOUT = 600.0

# markdown-it-py's default parser (CommonMark + tables, inline pass included) over every page:
# the yardstick for parsing speed ("about 4 s on one core"), measured on this machine.
TOKENIZE_SNIPPET = """
import sys, time
from pathlib import Path
from markdown_it import MarkdownIt
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).rglob("*.md"))]
md = MarkdownIt()
start = time.process_time()
for text in texts:
    md.parse(text)
print(time.process_time() - start)
"""
EDIT_MARKER = "Edited by the sdkgen benchmark to trigger an incremental rebuild (round {index}).\n\n"


def parse_corpus(
    sdkgen: Path,
    corpus: Path,
    spec_out: Path,
    *,
    runs: int,
    reference_runs: int,
    timeout: float,
    env: dict[str, str],
    cwd: Path,
) -> tuple[SdkgenStages, bool]:
    """Time `sdkgen parse` on the corpus, each run followed by one run of the tokenising yardstick
    (interleaved, so the machine's drift between minutes hits both alike); returns the figures and
    whether spec_out was produced."""
    stages = SdkgenStages()
    help_text = cli_help([str(sdkgen), "parse"])
    if help_text is None:
        stages.notes.append("`sdkgen parse` is not available yet: no parse figures")
        return stages, False
    argv = parse_argv(sdkgen, corpus, spec_out, help_text)
    usages: list[RunUsage] = []
    reference: list[float] = []
    reference_error: str | None = None
    for index in range(max(runs, reference_runs)):
        if index < runs:
            spec_out.unlink(missing_ok=True)
            usage = measure_command(argv, timeout=timeout, cwd=cwd, env=env)
            if isinstance(usage, str):
                stages.notes.append(f"`sdkgen parse` failed on the corpus: {usage}")
                return stages, False
            usages.append(usage)
        if index < reference_runs and reference_error is None:
            one = tokenize_reference(corpus, runs=1, env=env)
            if isinstance(one, str):
                reference_error = one
            else:
                reference.append(one.median)
    stages.parse_wall = Summary.of([u.wall_s for u in usages])
    stages.parse_peak_rss_mib = max(u.max_rss_mib for u in usages)
    if reference_error is not None:
        stages.notes.append(f"tokenising reference failed: {reference_error}")
    elif reference:
        stages.tokenize_reference = Summary.of(reference)
    return stages, spec_out.is_file()


def parse_argv(sdkgen: Path, corpus: Path, spec_out: Path, help_text: str) -> list[str]:
    output_option = first_option(help_text, ["--output", "-o"])
    return [str(sdkgen), "parse", str(corpus)] + ([output_option, str(spec_out)] if output_option else [str(spec_out)])


def tokenize_reference(corpus: Path, *, runs: int, env: dict[str, str]) -> Summary | str:
    """CPU seconds of markdown-it-py's default parser over the corpus (calibrates the parse figure)."""
    times = repeated_runs(
        [sys.executable, "-c", TOKENIZE_SNIPPET, str(corpus)],
        repeats=runs,
        timeout=REFERENCE_TIMEOUT,
        read=lambda stdout: float(stdout.strip().splitlines()[-1]),
        env=env,
    )
    return times if isinstance(times, str) else Summary.of(times)


def incremental_build(
    sdkgen: Path, corpus: Path, work: Path, stages: SdkgenStages, *, runs: int, env: dict[str, str]
) -> None:
    """`runs` rounds of: cold build, rebuild with nothing changed, rebuild after one page changed,
    in a throwaway project (each round's one-page edit differs from the last one's)."""
    help_text = cli_help([str(sdkgen), "build"])
    if help_text is None:
        stages.notes.append("`sdkgen build` is not available yet: no incremental figures")
        return
    project = work / "build-project"
    if project.exists():
        shutil.rmtree(project)
    docs = project / "docs"
    shutil.copytree(corpus, docs)
    # The same keys the repository's own pyproject.toml uses, pointing into the throwaway project.
    (project / "pyproject.toml").write_text(
        '[project]\nname = "bench-build"\nversion = "0"\n\n'
        '[tool.sdkgen]\ndocs = "docs"\nspec = "openapi.yaml"\n'
        'output = "generated/superoffice_webapi"\npackage-name = "superoffice_webapi"\n',
        encoding="utf-8",
    )
    page = _page_to_edit(docs)
    if page is None:
        stages.notes.append("no Markdown page found to edit for the one-page rebuild")
        return
    original = page.read_text(encoding="utf-8")
    argv = [str(sdkgen), "build", *_explicit_build_options(help_text)]
    # Caches live in the throwaway project: a cold build starts with none, the rebuilds keep them.
    cache = project / ".bench-cache"
    build_env = {**env, "XDG_CACHE_HOME": str(cache), "SDKGEN_CACHE_DIR": str(cache / "sdkgen")}

    def timed(label: str) -> float | None:
        usage = measure_command(argv, timeout=BUILD_TIMEOUT, cwd=project, env=build_env)
        if isinstance(usage, str):
            stages.notes.append(f"`sdkgen build` ({label}) failed: {usage}")
            return None
        return usage.wall_s

    rounds: dict[str, list[float]] = {"cold": [], "no change": [], "one page changed": []}
    for index in range(runs):
        _clear_outputs(project)
        if not _build_round(timed, rounds, partial(_edit_page, page, original, index)):
            break
    stages.build_cold = _summary(rounds["cold"])
    stages.build_no_change = _summary(rounds["no change"])
    stages.build_one_page = _summary(rounds["one page changed"])


def _build_round(
    timed: Callable[[str], float | None], rounds: dict[str, list[float]], edit: Callable[[], None]
) -> bool:
    """One cold build, one with nothing changed, one after `edit`; False as soon as one fails."""
    for label, figures in rounds.items():
        if label == "one page changed":
            edit()
        seconds = timed(label)
        if seconds is None:
            return False
        figures.append(seconds)
    return True


def _summary(values: list[float]) -> Summary | None:
    return Summary.of(values) if values else None


def _clear_outputs(project: Path) -> None:
    """Everything but the docs and pyproject.toml goes: spec, package, caches, any build state."""
    for entry in project.iterdir():
        if entry.name in ("docs", "pyproject.toml"):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _explicit_build_options(help_text: str) -> list[str]:
    """Pass the throwaway project's paths explicitly when `build` takes them as options."""
    options: list[str] = []
    for names, value in (
        (["--docs"], "docs"),
        (["--spec"], "openapi.yaml"),
        (["--output", "-o"], "generated/superoffice_webapi"),
    ):
        option = first_option(help_text, names)
        if option:
            options += [option, value]
    return options


def _page_to_edit(docs: Path) -> Path | None:
    preferred = sorted(docs.rglob("v1ChatAgent_RejectChatSessionTransfer.md"))
    if preferred:
        return preferred[0]
    pages = sorted(p for p in docs.rglob("*.md") if p.name != "index.md")
    return pages[0] if pages else None


def _edit_page(page: Path, original: str, index: int) -> None:
    """Add a sentence, different in every round, to the operation's description (just before the
    page's first `## ` section)."""
    match = re.search(r"^## ", original, re.MULTILINE)
    at = match.start() if match else len(original)
    page.write_text(original[:at] + EDIT_MARKER.format(index=index + 1) + original[at:], encoding="utf-8")
