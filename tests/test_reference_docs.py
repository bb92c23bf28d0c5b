"""Docs are tested: the command reference matches the code, every stage has its page."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_command_reference_is_current():
    cli_docs = load_script("cli_docs")
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == cli_docs.render(), \
        "docs/cli.md is stale: run .venv/bin/python scripts/cli_docs.py"


def test_every_command_is_in_the_reference():
    from livebrief.cli import cli

    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"## livebrief {name}" in text


def test_each_stage_has_a_docs_page():
    for page in ["sources.md", "extract.md", "dedup.md", "store.md", "stories.md", "brief.md", "web.md", "scale.md", "performance.md", "nlp-quotes.md", "nlp-events.md", "nlp-places.md", "nlp-figures-and-times.md", "cli.md"]:
        assert (REPO / "docs" / page).is_file(), f"docs/{page} is missing"
