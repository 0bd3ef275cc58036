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


if __name__ == "__main__":  # pragma: no cover
    main()
