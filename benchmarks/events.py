"""Event typing on held-out gold data, next to baselines in the same run.

PLOVER gold records (322 sentences, 2016 coding mapped to the 16 current types): type accuracy on the fixed
held-out 30% (``plover.held_out``: SHA-1 of the sentence; never used for training or tuning). A sentence coded
with several events counts as right when the predicted type is one of them.

CASE 2021 task 2 (ACLED-style types mapped to PLOVER or NONE, DIPLO and ATTRIB left out; see
docs/nlp-events.md): support-weighted F1 on the same held-out rule; CASE ships no training split.

Systems: majority class (of the training part), keyword lexicon (first lexicon lemma, no parse), rules (parse
rules alone), the typer (rules + trained model: what ``find_events`` uses), and ``find_events`` end to end
(its best event's type; no event counts as NONE, so wrong on PLOVER).

    .venv/bin/python benchmarks/events.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import dataset


def main() -> int:
    from livebrief.nlp import events, plover
    from livebrief.nlp.loader import load_nlp

    plover_dir = dataset("plover-gold-standard-records")
    case_dir = dataset("case2021-task2-event-types")
    if plover_dir is None or case_dir is None:
        print("shared data not found (../shared/data or $LIVEBRIEF_SHARED_DATA)")
        return 1
    nlp = load_nlp()
    sets = {"PLOVER": plover.read_plover(plover_dir), "CASE 2021": plover.read_case(case_dir)}
    for name, examples in sets.items():
        train = [e for e in examples if not plover.held_out(e.text)]
        test = [e for e in examples if plover.held_out(e.text)]
        majority = Counter(label for e in train for label in e.labels).most_common(1)[0][0]
        started = time.perf_counter()
        predictions: dict[str, list[str]] = {k: [] for k in ("majority", "keyword", "rules", "typer",
                                                              "find_events")}
        for example, doc in zip(test, nlp.pipe(e.text for e in test)):
            span = doc[:]
            triggers = plover.find_triggers(span)
            scores = plover.classify(span, triggers)
            predictions["majority"].append(majority)
            predictions["keyword"].append(plover.keyword_type(span) or plover.NONE)
            predictions["rules"].append(plover.rule_type(triggers) or plover.NONE)
            predictions["typer"].append(events.sentence_type(triggers, scores, allow_none=name != "PLOVER"))
            predictions["find_events"].append(best_event_type(doc, events) or plover.NONE)
        seconds = time.perf_counter() - started
        print(f"\n{name}: {len(test)} held-out {'sentences' if name == 'PLOVER' else 'snippets'} "
              f"(training part {len(train)}), {seconds:.1f} s")
        metric = "type accuracy" if name == "PLOVER" else "weighted F1"
        print(f"  {'system':<13} {metric}")
        for system, predicted in predictions.items():
            if name == "PLOVER":
                value = sum(p in e.labels for p, e in zip(predicted, test)) / len(test)
            else:
                value = weighted_f1([e.labels[0] for e in test], predicted)
            print(f"  {system:<13} {value:.3f}")
    return 0


def best_event_type(doc, events_module) -> str | None:
    found = events_module.find_events(doc, entities=())
    return max(found, key=lambda e: e.confidence).type if found else None


def weighted_f1(gold: list[str], predicted: list[str]) -> float:
    """Support-weighted mean of per-class F1 over the gold classes (the CASE 2021 ranking metric)."""
    support = Counter(gold)
    total = 0.0
    for label, count in support.items():
        tp = sum(1 for g, p in zip(gold, predicted) if g == label == p)
        fp = sum(1 for g, p in zip(gold, predicted) if p == label != g)
        total += count * (2 * tp / (2 * tp + fp + count - tp) if tp else 0.0)
    return total / max(len(gold), 1)


if __name__ == "__main__":
    raise SystemExit(main())
