"""Sparse term vectors with running document frequencies (TF-IDF that grows with the stream)."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Mapping

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d[\d,.]*")

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off
on once only or other our ours out over own said same say says she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your yours told according also new one two three
reported report reports reuters ap afp news week year years monday tuesday wednesday thursday friday saturday
sunday today yesterday mr mrs ms people time first last told would could may might since still even many much
""".split())

Vector = dict[str, float]


def terms(text: str, *, extra: Iterable[str] = ()) -> Counter[str]:
    """Content words (lower case, stopwords dropped, crude plural folding) plus extra feature terms."""
    counts: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        word = match.group().lower().strip("'-.,")
        if len(word) < 3 or word in STOPWORDS:
            continue
        if word.isalpha() and len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        counts[word] += 1
    for term in extra:
        counts[term] += 2
    return counts


class DocumentFrequencies:
    """Running document frequencies; IDF is smooth so unseen terms weigh the most."""

    def __init__(self, counts: Mapping[str, int] | None = None, documents: int = 0) -> None:
        self.counts: Counter[str] = Counter(counts or {})
        self.documents = documents

    def add(self, counts: Mapping[str, float]) -> None:
        self.documents += 1
        self.counts.update(counts.keys())

    def idf(self, term: str) -> float:
        return math.log((1 + self.documents) / (1 + self.counts.get(term, 0))) + 1.0

    def weigh(self, counts: Mapping[str, float]) -> Vector:
        """Log-scaled TF times IDF, L2-normalised."""
        vector = {t: (1 + math.log(c)) * self.idf(t) for t, c in counts.items() if c > 0}
        return normalise(vector)


def normalise(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def top_terms(vector: Mapping[str, float], n: int) -> list[str]:
    return [t for t, _ in sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]
