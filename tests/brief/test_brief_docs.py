"""docs/brief.md covers the command's options and the stage's public functions."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import livebrief.brief as brief_stage
import livebrief.commands.brief  # noqa: F401  -- registers `brief` until cli.py imports it
from livebrief.cli import cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "brief.md"


def test_every_option_of_the_command_is_documented():
    text = DOC.read_text(encoding="utf-8")
    command = cli.commands["brief"]
    assert command.help and len(command.help.split()) >= 5
    for param in command.params:
        for opt in param.opts:
            assert f"`{opt}" in text, f"{opt} is not in docs/brief.md"


@pytest.mark.parametrize("name", [n for n in brief_stage.__all__ if inspect.isfunction(getattr(brief_stage, n))])
def test_every_public_function_is_documented(name):
    assert f"`{name}(" in DOC.read_text(encoding="utf-8"), f"{name} is not in docs/brief.md"
