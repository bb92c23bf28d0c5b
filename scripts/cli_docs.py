"""Write docs/cli.md from the CLI's own help, so the reference never drifts from the code.

    .venv/bin/python scripts/cli_docs.py            # rewrite docs/cli.md
    .venv/bin/python scripts/cli_docs.py --check    # exit 1 when docs/cli.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from livebrief.cli import cli

TARGET = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def walk(group: click.Group, path: tuple[str, ...] = ()):
    for name in sorted(group.commands):
        command = group.commands[name]
        yield path + (name,), command
        if isinstance(command, click.Group):
            yield from walk(command, path + (name,))


def render() -> str:
    lines = ["# Command reference", "",
             "Generated from `livebrief --help` by `scripts/cli_docs.py`; do not edit by hand.", "",
             "```text", _help(cli, ("livebrief",)).rstrip(), "```", ""]
    for path, command in walk(cli):
        lines += [f"## livebrief {' '.join(path)}", "", "```text",
                  _help(command, ("livebrief", *path)).rstrip(), "```", ""]
    return "\n".join(lines)


def _help(command: click.Command, path: tuple[str, ...]) -> str:
    # Contexts are chained as in a real invocation, so subcommands inherit -h from the group.
    ctx = cli.make_context("livebrief", [], resilient_parsing=True, terminal_width=100, max_content_width=100)
    group: click.Command = cli
    for name in path[1:]:
        group = group.commands[name]  # type: ignore[attr-defined]
        ctx = group.make_context(name, [], parent=ctx, resilient_parsing=True)
    return command.get_help(ctx)


def main() -> None:
    text = render()
    if "--check" in sys.argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            sys.exit("docs/cli.md is stale: run scripts/cli_docs.py")
        return
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
