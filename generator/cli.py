"""Command line interface: the I/O edge of sdkgen.

Commands read files, call the pure stages, print diagnostics and write results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from generator import __version__

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


class _Commands(click.Group):
    """The `sdkgen` command group. Run from the command line (no `args`), a command that asked for
    it ends the process without tearing down its objects: freeing a parse's ~10 million objects one
    by one costs about a tenth of the run, and the process is about to end anyway."""

    fast_exit = False
    command_line = False  # run from the command line: the process ends with the command

    def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
        if args is not None or not options.get("standalone_mode", True):
            return super().main(args, *rest, **options)
        _Commands.command_line = True
        try:
            result = super().main(args, *rest, **options)
        except SystemExit as ending:
            if not _Commands.fast_exit:
                raise
            code = ending.code
        else:
            if not _Commands.fast_exit:
                return result
            code = 0
        import os
        import sys

        if not isinstance(code, int):
            if code is not None:
                print(code, file=sys.stderr)
            code = 0 if code is None else 1
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe: nothing more can be said
                code = code or 1
        os._exit(code)


@click.group(cls=_Commands)
@click.version_option(__version__, prog_name="sdkgen")
def main() -> None:
    """Markdown REST reference -> OpenAPI 3.1 -> typed Python SDK."""


class _ProgressBar:
    """A progress bar on a terminal, silence otherwise (CI logs, pipes)."""

    def __init__(self, label: str) -> None:
        import sys

        self.label = label
        self.enabled = sys.stderr.isatty()
        self.shown = 0
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        import sys

        if not self.enabled or total < 200:
            return
        if self.bar is None:
            make_bar: Any = click.progressbar  # its overloads confuse type checkers; length= form
            self.bar = make_bar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done
        if done >= total:
            self.bar.__exit__(None, None, None)
            self.bar = None


@main.command()
@click.argument("docs_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="OpenAPI file to write (.yaml/.yml or .json); '-' for standard output (YAML).",
)
@click.option("--title", default="SuperOffice WebAPI", show_default=True, help="info.title of the document.")
@click.option("--strict", is_flag=True, help="Exit non-zero when the docs produce any warning.")
@click.option("-v", "--verbose", is_flag=True, help="Also list informational diagnostics.")
@click.option(
    "--explain-names",
    "explain_names",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write a report of every schema with the evidence that named it (.json, else Markdown).",
)
@click.option(
    "--max-page-bytes",
    type=click.IntRange(min=1),
    default=4 * 1024 * 1024,
    show_default=True,
    help="Larger pages and include targets are refused with a diagnostic, not read.",
)
def parse(
    docs_dir: str, output: str, title: str, strict: bool, verbose: bool, explain_names: str | None, max_page_bytes: int
) -> None:
    """Parse the Markdown reference in DOCS_DIR into one OpenAPI 3.1 document.

    Only regular files inside DOCS_DIR are read: links that lead outside it, FIFOs, sockets and
    devices are skipped with a diagnostic; a page that cannot be parsed is reported and skipped.
    """
    import gc
    import sys
    import time
    from pathlib import Path

    from generator.diagnostics import Severity
    from generator.docs_to_openapi import docs_to_openapi
    from generator.openapi.dump import dump_spec, spec_format

    started = time.perf_counter()
    if _Commands.command_line:
        # The process ends when the document is written: the cyclic collector would only re-scan
        # the millions of parse objects between the stages that pause it, to free nothing.
        gc.disable()
    document, diagnostics, summary = docs_to_openapi(
        Path(docs_dir), title=title, progress=_ProgressBar("parsing pages"), max_page_bytes=max_page_bytes
    )
    for diagnostic in diagnostics:
        if verbose or diagnostic.severity is not Severity.INFO:
            click.echo(diagnostic.format(), err=True)
    text = dump_spec(document, spec_format(output), parallel=True)
    if output == "-":
        click.echo(text, nl=False)
    else:
        target = Path(output)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    if explain_names:
        _write_name_report(Path(explain_names), list(summary.stats.name_report))
    click.echo(f"sdkgen parse: {summary.line()} in {time.perf_counter() - started:.2f}s", err=True)
    _Commands.fast_exit = True  # everything is written: nothing left to clean up
    if summary.errors or (strict and summary.warnings):
        sys.exit(1)


def _write_name_report(target: Path, report: list[dict[str, Any]]) -> None:
    import json

    from generator.files import atomic_write
    from generator.spec.explain import report_markdown

    text = json.dumps(report, indent=1) + "\n" if target.suffix == ".json" else report_markdown(report)
    atomic_write(target, text.encode("utf-8"))


@main.command()
@click.argument("old", type=click.Path(exists=True))
@click.argument("new", type=click.Path(exists=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Report format.",
)
@click.option("--include-docs", is_flag=True, help="List description-only changes (otherwise only counted).")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the report to this file instead of standard output."
)
def diff(old: str, new: str, fmt: str, include_docs: bool, output: str | None) -> None:
    """Report what changed between two API versions, breaking changes first.

    OLD and NEW are each a docs folder or an OpenAPI file (.yaml/.yml/.json).
    Exit code: 0 nothing breaking, 1 something breaking, 2 usage or input error.
    """
    import sys
    from pathlib import Path

    from generator.diff import diff_specs
    from generator.diff.load import SpecLoadError, load_side
    from generator.diff.report import to_json, to_markdown

    try:
        (old_doc, old_diags), (new_doc, new_diags) = load_side(Path(old)), load_side(Path(new))
    except SpecLoadError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    for label, diags in (("OLD", old_diags), ("NEW", new_diags)):
        errors = sum(1 for d in diags if d.severity.value == "error")
        if diags:
            click.echo(f"{label}: {len(diags)} diagnostics from the parser ({errors} errors)", err=True)
    result = diff_specs(old_doc, new_doc, include_docs=include_docs)
    text = to_json(result) if fmt == "json" else to_markdown(result)
    if output is None:
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
    sys.exit(1 if result.has_breaking else 0)


@main.command()
@click.argument("spec", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Package project directory to write.",
)
@click.option(
    "--package-name", default=None, help="Import name of the package (default: from info.title, e.g. petstore)."
)
@click.option("--version", "pkg_version", default="0.1.0", show_default=True, help="Version of the generated package.")
@click.option(
    "--templates",
    "templates_dir",
    default=None,
    type=click.Path(exists=True, file_okay=False),
    help="Directory whose templates override the built-in ones by name.",
)
@click.option(
    "--profile",
    default=None,
    help="API conventions to add (e.g. superoffice); default: the document's x-sdkgen-profile; 'none' for none.",
)
@click.option(
    "--license",
    "license_expression",
    default=None,
    help="SPDX licence of the package (default: the document's info.license, else LicenseRef-Proprietary).",
)
@click.option("--strict", is_flag=True, help="Exit non-zero when the plan reports any warning.")
@click.option("-v", "--verbose", is_flag=True, help="Also list informational diagnostics.")
def generate(
    spec: str,
    out_dir: str,
    package_name: str | None,
    pkg_version: str,
    templates_dir: str | None,
    profile: str | None,
    license_expression: str | None,
    strict: bool,
    verbose: bool,
) -> None:
    """Generate a typed Python SDK package from an OpenAPI 3.0/3.1 SPEC (YAML or JSON).

    What the SDK cannot express exactly (dangling or external `$ref`s, schema keywords without a
    Python type, ...) is reported as `SPEC#<JSON pointer>: warning: ...`.
    """
    import sys
    import time
    from pathlib import Path

    from generator.diagnostics import Severity
    from generator.gcpause import paused_gc
    from generator.openapi import SpecLoadError, load_document
    from generator.openapi_to_package import generate_package
    from generator.package_name import default_package_name
    from generator.writer import GenerationError, write_files

    started = time.perf_counter()
    try:
        document = load_document(Path(spec))
    except SpecLoadError as exc:
        raise click.ClickException(str(exc)) from exc
    if package_name is None:
        # the same rule as `sdkgen build`'s default: "SuperOffice WebAPI" -> superoffice_webapi
        title = document.get("info", {}).get("title") if isinstance(document.get("info"), dict) else None
        package_name = default_package_name(title if isinstance(title, str) else Path(spec).stem)
    # As in `build`: one short-lived process over millions of long-lived objects (document, plan,
    # rendered modules); the cyclic collector would re-scan them for nothing (~1 s of a cold run).
    try:
        with paused_gc(freeze=True):
            files = generate_package(
                document,
                package_name=package_name,
                version=pkg_version,
                templates_dir=Path(templates_dir) if templates_dir else None,
                source=spec,
                profile=profile,
                license=license_expression,
            )
    except (GenerationError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    for diagnostic in files.diagnostics:
        if verbose or diagnostic.severity is not Severity.INFO:
            click.echo(diagnostic.format(), err=True)
    report = write_files(Path(out_dir), files, seeds=files.seeds, kept=files.kept)
    click.echo(
        f"{package_name}: {len(files)} files ({len(report.written)} written, {len(report.unchanged)} unchanged,"
        f" {len(report.removed)} removed{_seeded(report.seeded)}) in {time.perf_counter() - started:.1f}s",
        err=True,
    )
    click.echo(f"sdkgen generate: {files.summary()}", err=True)
    if strict and files.warnings:
        sys.exit(1)


def _seeded(seeded: list[str]) -> str:
    """`, lib/__init__.py created` when a maintainers' file was missing."""
    return f", {', '.join(seeded)} created" if seeded else ""


def _report_parse(planned: object, verbose: bool) -> None:
    from generator.diagnostics import Severity
    from generator.project import PlannedOutputs

    assert isinstance(planned, PlannedOutputs)
    for diagnostic in planned.diagnostics:
        if verbose or diagnostic.severity is not Severity.INFO:
            click.echo(diagnostic.format(), err=True)


# `build` and `check` read the same project settings.
_ROOT_OPTION = click.option(
    "--root",
    default=".",
    show_default=True,
    type=click.Path(exists=True, file_okay=False),
    help="Project root holding pyproject.toml with [tool.sdkgen].",
)


@main.command()
@_ROOT_OPTION
@click.option(
    "--templates",
    "templates_dir",
    default=None,
    type=click.Path(exists=True, file_okay=False),
    help="Directory whose templates override the built-in ones by name.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also list informational diagnostics.")
@click.option("--no-cache", is_flag=True, help="Ignore and do not update the caches (a cold build).")
def build(root: str, templates_dir: str | None, verbose: bool, no_cache: bool) -> None:
    """Parse the docs and generate the SDK with the defaults in pyproject.toml [tool.sdkgen].

    The SDK version is bumped from the API diff against the previous spec and CHANGELOG.md
    gains an entry; only files whose bytes change are written. Unchanged pages are not parsed
    again, and when nothing at all changed since the last build, nothing is done.
    """
    import time
    from pathlib import Path

    from generator.cache import BuildStamp, PageCache, SpecCache
    from generator.files import MANIFEST_NAME
    from generator.module_cache import ModuleCache
    from generator.project import ProjectConfig, build_inputs, plan_outputs, templates_fingerprint

    started = time.perf_counter()
    config = ProjectConfig.load(Path(root).resolve())
    overrides = Path(templates_dir) if templates_dir else None
    stamp = BuildStamp(config.root)
    inputs = build_inputs(config, overrides, None if no_cache else stamp.hashes)
    from generator.files import maintainer_dir

    # A deleted lib/__init__.py is not an input: look for it, so that build recreates it.
    seed_missing = not (config.output / maintainer_dir(config.package_name) / "__init__.py").is_file()
    if not no_cache and not seed_missing and stamp.matches(inputs):
        click.echo(
            f"sdkgen build: nothing changed since the last build ({time.perf_counter() - started:.2f}s)", err=True
        )
        return
    from generator.gcpause import paused_gc
    from generator.writer import write_files  # black: only once there is something to build

    # One short-lived process over ~10^6 long-lived objects (caches, documents, plans): the
    # cyclic collector would re-scan them for nothing, a quarter of a one-page rebuild.
    with paused_gc(freeze=True):
        cache = None if no_cache else PageCache(config.docs)
        spec_cache = None if no_cache else SpecCache(config.root)
        module_cache = None if no_cache else ModuleCache(config.root, templates_fingerprint(overrides))
        planned = plan_outputs(
            config,
            bump_version=True,
            templates_dir=overrides,
            cache=cache,
            spec_cache=spec_cache,
            progress=_ProgressBar("parsing pages"),
            module_cache=module_cache,
        )
        _report_parse(planned, verbose)
        config.spec.parent.mkdir(parents=True, exist_ok=True)
        if not config.spec.is_file() or config.spec.read_text(encoding="utf-8") != planned.spec_text:
            config.spec.write_text(planned.spec_text, encoding="utf-8")
        report = write_files(config.output, planned.package_files, seeds=planned.seed_files, kept=planned.kept)
        if spec_cache is not None:
            spec_cache.save(planned.spec_text, planned.document)
        if not no_cache:
            stamp.record(inputs, [*planned.files, config.output / MANIFEST_NAME])
    bump = "" if planned.bump in ("none", "initial") else f" ({planned.bump} bump)"
    reused = f", {cache.hits} pages from cache" if cache is not None else ""
    if cache is not None and (verbose or cache.spec_reuse.startswith("replayed")):
        reused += f", spec stage {cache.spec_reuse}"  # replayed: only changed pages' operations rebuilt
    for note in planned.notes:
        click.echo(f"sdkgen build: note: {note}", err=True)
    click.echo(f"sdkgen build: {planned.summary.line()}{reused}", err=True)
    click.echo(
        f"sdkgen build: {config.package_name} {planned.version}{bump}: {len(planned.package_files)} files"
        f" ({len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.removed)} removed"
        f"{_seeded(report.seeded)}) in {time.perf_counter() - started:.1f}s",
        err=True,
    )
    _Commands.fast_exit = True  # everything is written and the caches saved


@main.command()
@_ROOT_OPTION
def check(root: str) -> None:
    """Exit non-zero, naming the files, when specs/ or generated/ differ from what `build` would write."""
    import sys
    from pathlib import Path

    from generator.project import ProjectConfig, plan_outputs, stale_files

    config = ProjectConfig.load(Path(root).resolve())
    planned = plan_outputs(config, bump_version=False)
    stale = stale_files(config, planned)
    if stale:
        click.echo(f"sdkgen check: {len(stale)} stale file(s); run `sdkgen build` and commit:", err=True)
        for name in stale:
            click.echo(f"  {name}", err=True)
        sys.exit(1)
    click.echo(f"sdkgen check: {len(planned.files)} files up to date", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
