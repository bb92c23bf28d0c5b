"""`livebrief brief` on a store of older news briefs its last span of news, not an empty window."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from livebrief.cli import cli

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_brief_json_on_the_demo_store_validates_and_covers_its_last_day(demo_store, shared):
    _, settings = demo_store
    result = CliRunner().invoke(cli, ["--db", settings.db_path, "brief", "--format", "json", "--since", "48h"])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.output)
    jsonschema.validate(brief, json.loads((shared / "contract" / "briefing.schema.json").read_text()))
    assert brief["window"]["end"].startswith("2023-09-1")  # the corpus's own last day, not today's
    items = [item for section in brief["sections"] for item in section["items"]]
    assert items and all(item["citations"] for item in items)
    cited = {c["source"] for item in items for c in item["citations"]}
    assert "NewsHub24" not in cited or len(cited) > 1
