"""The ``framing`` command: a thin click layer over the library."""

from __future__ import annotations

import click

from . import __version__


@click.group()
@click.version_option(__version__, prog_name="framing")
def cli() -> None:
    """Show how different news outlets frame the same event."""


def main() -> None:
    cli(prog_name="framing")
