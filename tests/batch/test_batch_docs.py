"""docs/scale.md covers both commands' options and the batch package's public functions; the commands have help."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import livebrief.batch
import livebrief.commands.batch  # noqa: F401 - attaches `batch` and `load` until cli.py imports it
from livebrief.cli import cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "scale.md"


@pytest.mark.parametrize("command", ["batch", "load"])
def test_options_are_documented_and_have_help(command):
    text = DOC.read_text(encoding="utf-8")
    cmd = cli.commands[command]
    assert cmd.help and len(cmd.help.split()) >= 5
    assert f"livebrief {command}" in text
    for param in cmd.params:
        for opt in param.opts:
            if opt.startswith("--"):
                assert f"`{opt}" in text, f"{opt} of `livebrief {command}` is not in docs/scale.md"
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.parametrize("name", ["run_batch", "load_batch", "expand_inputs", "plan", "plan_file", "read_partition",
                                  "run_partition", "BatchOptions", "Stages"])
def test_public_functions_are_documented(name):
    assert name in livebrief.batch.__all__
    assert f"`{name}(" in DOC.read_text(encoding="utf-8"), f"{name} is not in docs/scale.md"
