"""Command output validates against the shared JSON Schemas in ../shared/contract."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from livebrief.cli import cli


def schema(shared, name: str) -> dict:
    return json.loads((shared / "contract" / name).read_text(encoding="utf-8"))


def test_extract_json_of_the_seed_is_the_contracts_article(shared, seed_path):
    result = CliRunner().invoke(cli, ["extract", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)
    analysis_schema = schema(shared, "analysis.schema.json")
    jsonschema.validate(article, analysis_schema["properties"]["article"])
    assert article["title"].startswith("Ukraine live briefing: Relations with Russia")


def test_extract_jsonl_names_each_input(shared, seed_path, tmp_path):
    other = tmp_path / "note.txt"
    other.write_text("Officials in the port city said on Monday that ferries would run again from Friday, "
                     "after repairs to the pier were finished ahead of schedule.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(seed_path), str(other), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [row["source"] for row in rows] == [str(seed_path), str(other)]
    article_schema = schema(shared, "analysis.schema.json")["properties"]["article"]
    for row in rows:
        jsonschema.validate(row["article"], article_schema)


def test_a_missing_input_is_an_error_with_a_meaningful_exit_code(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.html")])
    assert result.exit_code != 0
    assert "Error" in result.output
