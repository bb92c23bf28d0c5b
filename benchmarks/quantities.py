"""Figure extraction: livebrief's ``find_quantities`` vs a regex-over-digits baseline.

Data: ``tests/fixtures/quantities_gold.jsonl``, news-style sentences written for livebrief, each
with every figure livebrief's conventions say it holds (docs/nlp-figures-and-times.md: casualties,
money, counts of weapons/ships/aircraft/vehicles/people, durations, distances, percentages;
not years, dates, clock times, ordinals or labels). ``dev`` was used to tune; report ``test``.

Metrics: precision, recall and F1 of figures matched as a multiset per sentence on
(value, kind, qualifier) — "figure exact match" — and on value alone.

Baseline: what a careful regex does without a parser — numbers written in digits (with commas,
decimals and a million/billion word), 4-digit years dropped, the kind from the first keyword in
the next five words (or a currency sign before), the qualifier from the two words before.

Run: ``.venv/bin/python benchmarks/quantities.py [--split test|dev|all] [--show-errors]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "fixtures" / "quantities_gold.jsonl"

Figure = tuple[float, str, str | None]


def load_gold(split: str = "test", path: Path = GOLD) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [item for item in items if split == "all" or item["split"] == split]


@dataclass
class Score:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0
    value_true_positive: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, item_id: str, want: list[Figure], got: list[Figure]) -> None:
        matched = sum((Counter(want) & Counter(got)).values())
        self.true_positive += matched
        self.value_true_positive += sum((Counter(w[0] for w in want) & Counter(g[0] for g in got)).values())
        self.predicted += len(got)
        self.gold += len(want)
        if matched != len(want) or matched != len(got):
            self.errors.append(f"{item_id}: want {sorted(want)} got {sorted(got)}")

    @staticmethod
    def _f1(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def exact(self) -> tuple[float, float, float]:
        return self._f1(self.true_positive, self.predicted, self.gold)

    @property
    def value(self) -> tuple[float, float, float]:
        return self._f1(self.value_true_positive, self.predicted, self.gold)


def gold_figures(item: dict[str, Any]) -> list[Figure]:
    return [(float(g["value"]), g["kind"], g["qualifier"]) for g in item["expected"]]


def score_ours(nlp, items: list[dict[str, Any]]) -> Score:
    from livebrief.nlp.quantities import find_quantities

    score = Score()
    for item in items:
        got = [(q.value, q.kind, q.qualifier) for q in find_quantities(nlp(item["text"]))]
        score.add(item["id"], gold_figures(item), got)
    return score


# -- the baseline ----------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.])([$€£¥₴]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(million|billion|trillion|bn|m)\b)?")
_KEYWORDS = {
    "killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "bodies": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "missing": "missing",
    "displaced": "displaced", "fled": "displaced", "evacuated": "displaced",
    "detained": "detained", "arrested": "detained", "captured": "detained",
    "people": "people", "civilians": "people", "soldiers": "people", "troops": "people",
    "drones": "weapons", "missiles": "weapons", "rockets": "weapons", "shells": "weapons",
    "ships": "ships", "vessels": "ships", "submarines": "ships", "tanks": "vehicles", "vehicles": "vehicles",
    "jets": "aircraft", "aircraft": "aircraft", "helicopters": "aircraft",
    "dollars": "money", "euros": "money", "pounds": "money", "rubles": "money", "yen": "money",
    "hryvnias": "money", "kroner": "money", "days": "duration", "weeks": "duration", "months": "duration",
    "years": "duration", "hours": "duration", "km": "distance", "miles": "distance",
    "percent": "other", "%": "other",
}
_BASE_QUALIFIERS = {"at least": "at_least", "more than": "at_least", "over": "at_least",
                    "about": "approximately", "nearly": "approximately", "approximately": "approximately",
                    "around": "approximately", "roughly": "approximately", "some": "approximately",
                    "up to": "at_most"}
_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}


def baseline_figures(text: str) -> list[Figure]:
    figures = []
    for match in _NUMBER.finditer(text):
        sign, whole, decimals, scale = match.groups()
        if not decimals and not scale and re.fullmatch(r"(19|20)\d\d", whole):
            continue  # a year
        value = float(whole.replace(",", "") + (decimals or "")) * _SCALES.get(scale or "", 1)
        after = re.findall(r"[\w%]+", text[match.end():match.end() + 60].lower())[:5]
        kind = "money" if sign else next((_KEYWORDS[w] for w in after if w in _KEYWORDS), "other")
        before = " ".join(re.findall(r"\w+", text[:match.start()].lower())[-2:])
        qualifier = next((q for phrase, q in _BASE_QUALIFIERS.items()
                          if before.endswith(phrase)), "exactly")
        figures.append((value, kind, qualifier))
    return figures


def score_baseline(items: list[dict[str, Any]]) -> Score:
    score = Score()
    for item in items:
        score.add(item["id"], gold_figures(item), baseline_figures(item["text"]))
    return score


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
    seconds = time.perf_counter() - started
    base = score_baseline(items)

    print(f"figures, split={args.split}: {len(items)} sentences, {ours.gold} gold figures ({model_version(nlp)})")
    print(f"{'system':<24}{'exact P':>9}{'exact R':>9}{'exact F1':>10}{'value F1':>10}{'seconds':>9}")
    for label, score, secs in (("livebrief", ours, f"{seconds:.2f}"), ("regex digits", base, "-")):
        p, r, f = score.exact
        print(f"{label:<24}{p:>9.3f}{r:>9.3f}{f:>10.3f}{score.value[2]:>10.3f}{secs:>9}")
    if args.show_errors:
        for label, score in (("ours", ours), ("baseline", base)):
            print(f"\n{label} errors:")
            for line in score.errors:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
