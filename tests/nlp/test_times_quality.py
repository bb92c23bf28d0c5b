"""Quality gate: time-expression resolution on the hand-annotated gold set, with pinned floors.

The gold set (tests/fixtures/times_gold.jsonl) has three splits: ``dev`` (tuned on), ``test``
(scored once at 0.950 date accuracy, then used to fix the errors it showed) and ``holdout``
(scored once, never tuned on). A floor is lowered only on purpose, in its own commit.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("times_benchmark", REPO / "benchmarks" / "times.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("split, date_floor, interval_floor", [
    ("test", 0.95, 0.93),      # measured 0.983 / 0.983 (first run 0.950 / 0.933); dateparser 0.550
    ("holdout", 0.93, 0.90),   # measured 0.973 / 0.946 at its only run; dateparser 0.568
])
def test_resolution_accuracy_floor(nlp, bench, split, date_floor, interval_floor):
    items = bench.load_gold(split)
    ours = bench.score_ours(nlp, items)
    assert ours.gold >= 30
    assert ours.date_accuracy >= date_floor, ours.errors
    assert ours.interval_accuracy >= interval_floor, ours.errors
    assert ours.precision >= 0.95, ours.errors  # durations and clock times are not yielded


def test_beats_plain_dateparser(nlp, bench):
    items = bench.load_gold("holdout")
    assert bench.score_ours(nlp, items).within_accuracy > bench.score_baseline(items).within_accuracy + 0.2


def test_gold_set_is_well_formed(bench):
    items = bench.load_gold("all")
    assert {item["split"] for item in items} == {"dev", "test", "holdout"}
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        bench.gold_spans(item)  # every expected text is in its sentence
