"""Clustering metrics: B-cubed precision/recall/F1 (Bagga & Baldwin 1998) and the adjusted Rand index."""

from __future__ import annotations

from collections import Counter
from math import comb
from typing import Mapping


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    """B³ over the items of ``gold``: per-item precision/recall of its predicted cluster, averaged."""
    items = list(gold)
    gold_members: dict[str, set[str]] = {}
    pred_members: dict[str, set[str]] = {}
    for item in items:
        gold_members.setdefault(gold[item], set()).add(item)
        pred_members.setdefault(predicted[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        g, p = gold_members[gold[item]], pred_members[predicted[item]]
        overlap = len(g & p)
        precision += overlap / len(p)
        recall += overlap / len(g)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(gold: Mapping[str, str], predicted: Mapping[str, str]) -> float:
    """Hubert & Arabie's adjusted Rand index from the contingency table."""
    items = list(gold)
    n = len(items)
    table = Counter((gold[i], predicted[i]) for i in items)
    a = Counter(gold[i] for i in items)
    b = Counter(predicted[i] for i in items)
    index = sum(comb(v, 2) for v in table.values())
    sum_a = sum(comb(v, 2) for v in a.values())
    sum_b = sum(comb(v, 2) for v in b.values())
    expected = sum_a * sum_b / comb(n, 2) if n > 1 else 0.0
    maximum = (sum_a + sum_b) / 2
    return (index - expected) / (maximum - expected) if maximum != expected else 1.0
