"""Time-expression resolution: livebrief's ``find_times`` vs plain ``dateparser`` on the same spans.

Data: ``tests/fixtures/times_gold.jsonl``, sentences written for livebrief (no gold time-expression
set exists in shared/data), each with a publication date (or null) and every date expression with
the date a news reader takes it to mean. Conventions (weeks run Monday-Sunday, "next week" is an
interval, "in 2015" is 2015-01-01..2015-12-31, durations are not dates) are those of
docs/nlp-figures-and-times.md. The ``dev`` split was used to tune; report the ``test`` split.

Metrics, per gold expression (located by its text in the sentence):

* ours: the prediction overlapping the gold span; ``date`` accuracy (a missed span is wrong) and
  ``interval`` accuracy (date and end_date both right); precision = predictions overlapping a gold
  span / all predictions (durations and clock times yielded by mistake lower it);
* baseline: ``dateparser.parse(gold_text, settings={"RELATIVE_BASE": published})`` on the gold span
  itself (so it is handed detection for free), its calendar date against the gold ``date``;
* "in interval" is the lenient score for both: the predicted date falls inside the gold interval
  (dateparser reads "2015" as a day in 2015, which our convention would count wrong).

Run: ``.venv/bin/python benchmarks/times.py [--split test|dev|all] [--show-errors]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "fixtures" / "times_gold.jsonl"


def load_gold(split: str = "test", path: Path = GOLD) -> list[dict[str, Any]]:
    """Gold items of one split ("dev", "test" or "all")."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [item for item in items if split == "all" or item["split"] == split]


def gold_spans(item: dict[str, Any]) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, gold) of every expected expression, found by its text in the sentence."""
    spans = []
    for gold in item["expected"]:
        start = -1
        for _ in range(gold.get("occurrence", 1)):
            start = item["text"].find(gold["text"], start + 1)
        if start < 0:
            raise ValueError(f"{item['id']}: {gold['text']!r} is not in the text")
        spans.append((start, start + len(gold["text"]), gold))
    return spans


@dataclass
class Score:
    gold: int = 0
    date_right: int = 0
    interval_right: int = 0
    within: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.date_right / self.gold if self.gold else 0.0

    @property
    def interval_accuracy(self) -> float:
        return self.interval_right / self.gold if self.gold else 0.0

    @property
    def within_accuracy(self) -> float:
        return self.within / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0


def score_ours(nlp, items: list[dict[str, Any]]) -> Score:
    """Score ``find_times`` over gold items."""
    from livebrief.nlp.times import find_times

    score = Score()
    for item in items:
        doc = nlp(item["text"])
        predicted = list(find_times(doc, published=item["published"]))
        spans = gold_spans(item)
        score.predicted += len(predicted)
        score.predicted_matched += sum(1 for p in predicted if any(_overlap(p.start, p.end, s, e) for s, e, _ in spans))
        for start, end, gold in spans:
            score.gold += 1
            overlapping = [p for p in predicted if _overlap(p.start, p.end, start, end)]
            best = max(overlapping, key=lambda p: min(p.end, end) - max(p.start, start), default=None)
            got = (best.date, best.end_date) if best else ("<missed>", None)
            want = (gold["date"], gold.get("end_date"))
            if got[0] == want[0]:
                score.date_right += 1
            if _within(got[0], want):
                score.within += 1
            if got == want:
                score.interval_right += 1
            else:
                score.errors.append(f"{item['id']} {gold['text']!r}: want {want}, got {got}")
        for p in predicted:
            if not any(_overlap(p.start, p.end, s, e) for s, e, _ in spans):
                score.errors.append(f"{item['id']} spurious {p.text!r} -> {p.date}")
    return score


def score_baseline(items: list[dict[str, Any]]) -> Score:
    """Score plain dateparser on the gold spans."""
    import dateparser

    score = Score()
    for item in items:
        settings: dict[str, Any] = {}
        if item["published"]:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(item["published"])
        for _start, _end, gold in gold_spans(item):
            score.gold += 1
            parsed = dateparser.parse(gold["text"], settings=settings)
            got = parsed.date().isoformat() if parsed is not None else None
            if got == gold["date"]:
                score.date_right += 1
            if _within(got, (gold["date"], gold.get("end_date"))):
                score.within += 1
            if got != gold["date"]:
                score.errors.append(f"{item['id']} {gold['text']!r}: want {gold['date']}, got {got}")
    return score


def _within(got: str | None, want: tuple[str | None, str | None]) -> bool:
    """A date inside the gold interval (or equal to the gold date; null matches null)."""
    first, last = want
    if got is None or first is None:
        return got == first
    return first <= got <= (last or first)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("dev", "test", "holdout", "all"))
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)

    from livebrief.nlp.loader import load_nlp, model_version

    nlp = load_nlp()
    items = load_gold(args.split)
    started = time.perf_counter()
    ours = score_ours(nlp, items)
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    base = score_baseline(items)
    base_seconds = time.perf_counter() - started

    print(f"time expressions, split={args.split}: {len(items)} sentences, {ours.gold} gold expressions "
          f"({model_version(nlp)})")
    print(f"{'system':<30}{'date acc':>10}{'in interval':>13}{'interval':>10}{'precision':>11}{'seconds':>9}")
    print(f"{'livebrief find_times':<30}{ours.date_accuracy:>10.3f}{ours.within_accuracy:>13.3f}"
          f"{ours.interval_accuracy:>10.3f}{ours.precision:>11.3f}{ours_seconds:>9.2f}")
    print(f"{'dateparser on gold spans':<30}{base.date_accuracy:>10.3f}{base.within_accuracy:>13.3f}"
          f"{'-':>10}{'-':>11}{base_seconds:>9.2f}")
    print("(ours includes the spaCy parse and must find the span; the baseline is given it)")
    if args.show_errors:
        for label, score in (("ours", ours), ("baseline", base)):
            print(f"\n{label} errors:")
            for line in score.errors:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
