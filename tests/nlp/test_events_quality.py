"""Quality gate for event typing: the held-out parts of the PLOVER gold records and CASE 2021 task 2.

The held-out part is fixed (``plover.held_out``: 30% by SHA-1 of the text) and never used for training or
tuning. Floors sit a little below the figures measured by ``benchmarks/events.py``; lower one only on purpose.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from livebrief.nlp import events, plover

pytestmark = pytest.mark.model

# Measured (benchmarks/events.py): PLOVER held-out type accuracy 0.737 (keyword baseline 0.653, majority 0.105,
# rules alone 0.695); CASE held-out weighted F1 0.762 (keyword 0.631, majority 0.316, rules alone 0.656).
# The PLOVER figure rose from 0.674 when the model learnt from our own 1,736 labelled sentences
# (scripts/events_own_sentences.jsonl). The CASE floor was 0.75 (measured 0.769) until 360 of those sentences
# taught the model what reports no event ("the collapse of the talks left …"): the typer lost 0.02 on CASE, while
# find_events, which decides whether a sentence holds an event at all, rose on CASE (0.682 -> 0.691), and on the
# Guardian sample the false events the first 1,376 sentences had brought in mostly went away. The CASE typer is
# back at 0.762 since the CAMEO-to-PLOVER conventions; the floor stays at 0.73. Each PLOVER held-out sentence is a
# point. See docs/nlp-events.md.
PLOVER_FLOOR = 0.72
CASE_FLOOR = 0.73
OWN_SENTENCES = Path(__file__).resolve().parents[2] / "scripts" / "events_own_sentences.jsonl"


def _dataset(name: str) -> Path:
    env = os.environ.get("LIVEBRIEF_SHARED_DATA")
    repo = Path(__file__).resolve().parents[2]
    for root in ([Path(env)] if env else []) + [repo.parent / "shared" / "data"]:
        if (root / name).is_dir():
            return root / name
    pytest.skip(f"../shared/data/{name} is not beside the repo (or set LIVEBRIEF_SHARED_DATA)")


def _types(nlp, examples, *, allow_none: bool) -> list[str]:
    out = []
    for doc in nlp.pipe(e.text for e in examples):
        triggers = plover.find_triggers(doc[:])
        out.append(events.sentence_type(triggers, plover.classify(doc[:], triggers), allow_none=allow_none))
    return out


def test_plover_held_out_type_accuracy(nlp):
    test = [e for e in plover.read_plover(_dataset("plover-gold-standard-records")) if plover.held_out(e.text)]
    assert len(test) == 95
    predicted = _types(nlp, test, allow_none=False)
    accuracy = sum(p in e.labels for p, e in zip(predicted, test)) / len(test)
    assert accuracy >= PLOVER_FLOOR


def test_case_held_out_weighted_f1(nlp):
    test = [e for e in plover.read_case(_dataset("case2021-task2-event-types")) if plover.held_out(e.text)]
    gold = [e.labels[0] for e in test]
    predicted = _types(nlp, test, allow_none=True)
    support = Counter(gold)
    f1 = 0.0
    for label, count in support.items():
        tp = sum(1 for g, p in zip(gold, predicted) if g == label == p)
        fp = sum(1 for g, p in zip(gold, predicted) if p == label != g)
        f1 += count * (2 * tp / (2 * tp + fp + count - tp) if tp else 0.0)
    assert f1 / len(gold) >= CASE_FLOOR


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3}


def test_own_training_sentences_copy_no_evaluation_sentence():
    # scripts/events_own_sentences.jsonl is ours: every row has a known type, and none shares more than a
    # quarter of its words with a PLOVER record or a CASE snippet, so no held-out sentence leaks into training.
    rows = [json.loads(line) for line in OWN_SENTENCES.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 1000 and {r["label"] for r in rows} == {*plover.TYPES, plover.NONE}
    gold = [_words(e.text) for e in plover.read_plover(_dataset("plover-gold-standard-records"))
            + plover.read_case(_dataset("case2021-task2-event-types"))]
    for row in rows:
        words = _words(row["text"])
        assert max(len(words & g) / len(words | g) for g in gold) <= 0.25, row["text"]
