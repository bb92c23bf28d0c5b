"""Train the PLOVER sentence typer shipped as src/livebrief/data/events/model.json.

Reproducible: fixed seed, no downloads. Reads the training parts only (everything that
``livebrief.nlp.plover.held_out`` does not reserve) of ../shared/data/plover-gold-standard-records and
../shared/data/case2021-task2-event-types, and our own labelled sentences (scripts/events_own_sentences.jsonl),
parses them with the project's spaCy model, and fits a softmax regression over ``plover.features`` with numpy
(full-batch Adam, L2 penalty). Cross-validation scores PLOVER and CASE only; our sentences train every fold.

    .venv/bin/python scripts/train_events.py            # train and write the model
    .venv/bin/python scripts/train_events.py --cv 5     # cross-validate on the training parts only
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "livebrief" / "data" / "events" / "model.json"
SEED = 20230913
# Chosen by 5-fold cross-validation on the training parts (see docs/nlp-events.md).
L2 = 1e-4
EPOCHS = 150
LEARNING_RATE = 0.1
PLOVER_WEIGHT = 3.0  # PLOVER sentences are few and cover all 16 types; CASE snippets are mostly ASSAULT
OWN_WEIGHT = 1.0  # our own labelled sentences (OWN_SENTENCES): ~80 per type and 100 with no event
OWN_SENTENCES = REPO / "scripts" / "events_own_sentences.jsonl"
BALANCE = 0.5  # sample weight ~ count(label) ** -BALANCE: rare types (CONCEDE, RETREAT) are not drowned by ASSAULT
MIN_COUNT = 1
PRUNE = 1e-3


def shared_data() -> Path:
    env = os.environ.get("LIVEBRIEF_SHARED_DATA")
    for candidate in ([Path(env)] if env else []) + [REPO.parent / "shared" / "data"]:
        if candidate.is_dir():
            return candidate
    sys.exit("shared data not found: set LIVEBRIEF_SHARED_DATA or put shared/ beside the repo")


def load_training(data: Path):
    from livebrief.nlp import plover

    plover_examples = plover.read_plover(data / "plover-gold-standard-records")
    case_examples = plover.read_case(data / "case2021-task2-event-types")
    own = [plover.Example(f"own-{n}", row["text"], (row["label"],), "own")
           for n, row in enumerate(map(json.loads, OWN_SENTENCES.read_text(encoding="utf-8").splitlines()))]
    return [e for e in plover_examples + case_examples if not plover.held_out(e.text)] + own


def featurize(examples) -> tuple[list[list[str]], list[list]]:
    """Features and triggers (for the rule boost in cross-validation) of each example."""
    from livebrief.nlp import plover
    from livebrief.nlp.loader import load_nlp

    nlp = load_nlp()
    feats, triggers = [], []
    for doc in nlp.pipe((e.text for e in examples), batch_size=64):
        found = plover.find_triggers(doc[:])
        feats.append(plover.features(doc[:], found))
        triggers.append(found)
    return feats, triggers


def design(feats: list[list[str]], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(feats), len(vocab)), dtype=np.float32)
    for row, names in enumerate(feats):
        cols = [vocab[f] for f in names if f in vocab]
        if cols:
            x[row, cols] = 1.0 / np.sqrt(len(cols))
    return x


def fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray, n_classes: int, *, l2: float = L2,
        epochs: int = EPOCHS, lr: float = LEARNING_RATE, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by full-batch Adam; y holds class indexes, weights the per-row sample weights."""
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.01, (x.shape[1], n_classes)).astype(np.float64)
    b = np.zeros(n_classes)
    onehot = np.eye(n_classes)[y]
    total = weights.sum()
    mw, vw, mb, vb = 0.0, 0.0, 0.0, 0.0
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad_logits = (p - onehot) * weights[:, None] / total
        gw = x.T @ grad_logits + l2 * w
        gb = grad_logits.sum(axis=0)
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        w -= lr * (mw / (1 - beta1**step)) / (np.sqrt(vw / (1 - beta2**step)) + eps)
        b -= lr * (mb / (1 - beta1**step)) / (np.sqrt(vb / (1 - beta2**step)) + eps)
    return w, b


def train(examples, feats, *, classes: tuple[str, ...], plover_weight: float = PLOVER_WEIGHT, l2: float = L2,
          balance: float = BALANCE, own_weight: float = OWN_WEIGHT):
    counts = Counter(f for names in feats for f in names)
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    label_counts = Counter(label for example in examples for label in example.labels)
    rows, labels, weights = [], [], []
    index = {c: i for i, c in enumerate(classes)}
    for example, names in zip(examples, feats):
        share = {"plover": plover_weight, "own": own_weight}.get(example.source, 1.0) / len(example.labels)
        for label in example.labels:
            rows.append(names)
            labels.append(index[label])
            weights.append(share * label_counts[label] ** -balance)
    w, b = fit(design(rows, vocab), np.array(labels), np.array(weights), len(classes), l2=l2)
    return vocab, w, b


def to_json(vocab, w, b, classes, meta) -> dict:
    weights = {}
    for feature, i in vocab.items():
        row = w[i]
        if np.abs(row).max() >= PRUNE:
            weights[feature] = [round(float(v), 4) for v in row]
    return {"classes": list(classes), "bias": [round(float(v), 4) for v in b], "weights": weights, "meta": meta}


def cross_validate(examples, feats, triggers, classes, folds: int, **options) -> dict[str, float]:
    """Accuracy (PLOVER) and weighted F1 (CASE) of the boosted typer, as ``events.sentence_type`` scores it."""
    from livebrief.nlp import events, plover

    order = np.random.default_rng(SEED).permutation(len(examples))
    hits = {"plover": [], "case_true": [], "case_pred": []}
    for fold in range(folds):
        # our own sentences train every fold and are never scored
        test_idx = {i for i in order[fold::folds].tolist() if examples[i].source != "own"}
        train_ex = [e for i, e in enumerate(examples) if i not in test_idx]
        train_ft = [f for i, f in enumerate(feats) if i not in test_idx]
        vocab, w, b = train(train_ex, train_ft, classes=classes, **options)
        typer = plover.typer_from_dict(to_json(vocab, w, b, classes, {}))
        for i in sorted(test_idx):
            scores = typer.scores(feats[i])
            if examples[i].source == "plover":
                best = events.sentence_type(triggers[i], scores)
                hits["plover"].append(best in examples[i].labels)
            else:
                hits["case_true"].append(examples[i].labels[0])
                hits["case_pred"].append(events.sentence_type(triggers[i], scores, allow_none=True))
    return {"plover_accuracy": float(np.mean(hits["plover"])),
            "case_weighted_f1": weighted_f1(hits["case_true"], hits["case_pred"])}


def weighted_f1(gold: list[str], pred: list[str]) -> float:
    """Support-weighted mean of per-class F1 over the gold classes."""
    support = Counter(gold)
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = n - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        total += f1 * n
    return total / max(len(gold), 1)


def main(argv: list[str] | None = None) -> int:
    from livebrief.nlp import plover

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", type=int, default=0, help="cross-validate with this many folds, write nothing")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    examples = load_training(shared_data())
    feats, triggers = featurize(examples)
    classes = (*plover.TYPES, plover.NONE)
    if args.cv:
        for own_weight in (0.0, OWN_WEIGHT):  # without and with our own sentences
            result = cross_validate(examples, feats, triggers, classes, args.cv, own_weight=own_weight)
            print(f"l2={L2:g} own_weight={own_weight:g} balance={BALANCE:g} "
                  + " ".join(f"{k}={v:.3f}" for k, v in result.items()))
        return 0
    vocab, w, b = train(examples, feats, classes=classes)
    meta = {"seed": SEED, "l2": L2, "epochs": EPOCHS, "plover_weight": PLOVER_WEIGHT, "own_weight": OWN_WEIGHT,
            "balance": BALANCE,
            "trained_on": dict(Counter(e.source for e in examples)),
            "held_out": f"{plover.HELD_OUT_PERCENT}% by SHA-1 of the text (plover.held_out)"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(to_json(vocab, w, b, classes, meta), separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {len(vocab)} features, "
          f"{len(examples)} training examples)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
