"""Command line interface: the I/O edge of sdkgen.

Commands read files, call the pure stages, print diagnostics and write results.
"""

from __future__ import annotations

import click

from generator import __version__


@click.group()
@click.version_option(__version__, prog_name="sdkgen")
def main() -> None:
    """Markdown REST reference -> OpenAPI 3.1 -> typed Python SDK."""


@main.command()
@click.argument("old", type=click.Path(exists=True))
@click.argument("new", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True, help="Report format.")
@click.option("--include-docs", is_flag=True, help="List description-only changes (otherwise only counted).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the report to this file instead of standard output.")
def diff(old: str, new: str, fmt: str, include_docs: bool, output: str | None) -> None:
    """Report what changed between two API versions, breaking changes first.

    OLD and NEW are each a docs folder or an OpenAPI file (.yaml/.yml/.json).
    Exit code: 0 nothing breaking, 1 something breaking, 2 usage or input error.
    """
    import sys
    from pathlib import Path

    from generator.diff import diff_specs
    from generator.diff.load import SpecLoadError, load_spec
    from generator.diff.report import to_json, to_markdown

    try:
        (old_doc, old_diags), (new_doc, new_diags) = load_spec(Path(old)), load_spec(Path(new))
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


if __name__ == "__main__":  # pragma: no cover
    main()
