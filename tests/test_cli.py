"""The CLI teaches: every command has help; errors come out as 'Error: …' with meaningful exit codes."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from livebrief.cli import EXIT_USAGE, cli


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((prefix + (name,), command))
        if isinstance(command, click.Group):
            found.extend(all_commands(command, prefix + (name,)))
    return found


COMMANDS = all_commands(cli)


def test_the_core_verbs_exist():
    names = {" ".join(path) for path, _ in COMMANDS}
    for verb in ["ingest", "extract", "feeds add", "feeds list", "fetch", "articles", "show", "search",
                 "dupes", "failures", "settings", "demo", "analyze"]:
        assert verb in names


@pytest.mark.parametrize("path, command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help(path, command):
    assert command.help and len(command.help.split()) >= 5, f"{' '.join(path)} needs a help text"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_unknown_setting_in_config_is_a_usage_error(tmp_path):
    config = tmp_path / "livebrief.toml"
    config.write_text("[fetch]\nspeed = 3\n")
    result = CliRunner().invoke(cli, ["--config", str(config), "settings"])
    assert result.exit_code == EXIT_USAGE
    assert "unknown setting" in result.output and "fetch.rate_limit" in result.output


def test_settings_show_origin(tmp_path):
    config = tmp_path / "livebrief.toml"
    config.write_text("[dedup]\nthreshold = 0.8\n")
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "x.db"), "settings"])
    assert result.exit_code == 0
    assert f"dedup.threshold = 0.8  (default 0.7; from {config})" in result.output
    assert "store.path" in result.output and "x.db" in result.output
