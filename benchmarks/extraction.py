"""Article-body extraction quality: livebrief vs trafilatura defaults, side by side.

Data: ``shared/data/scrapinghub-article-extraction-benchmark`` (181 news pages with gold
article bodies). Metric: that benchmark's own, re-implemented from the method in its
``evaluate.py`` (scrapinghub/article-extraction-benchmark):

* tokens are ``\\w+`` matches (Unicode); shingles are word 4-grams, kept as a multiset
  (a text with fewer than 4 tokens gives one shorter shingle, an empty text none);
* per page TP = Σ min(gold, pred), FP = Σ excess predicted, FN = Σ missing gold,
  then (TP, FP, FN) are divided by their sum so every page weighs the same;
* precision = mean over pages with TP+FP > 0 of TP/(TP+FP), recall = mean over pages
  with TP+FN > 0 of TP/(TP+FN) (a page with FP = FN = 0 scores 1, TP = FP = 0 scores 0);
  F1 = harmonic mean of the two means (not a mean of per-page F1);
* accuracy = share of pages whose token sequence equals the gold token sequence;
* ± = standard deviation over bootstrap resamples of pages.

A quick second table uses ``trafilatura-eval-english`` with its own metric (with/without
segments found as substrings after whitespace normalisation, counts summed over pages).

Run: ``.venv/bin/python benchmarks/extraction.py [--limit N] [--bootstrap 1000]``.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data

Counts = tuple[float, float, float]

SCRAPINGHUB = "scrapinghub-article-extraction-benchmark"
TRAFILATURA_EVAL = "trafilatura-eval-english"
_TOKEN = re.compile(r"\w+", re.UNICODE)


# --- the Scrapinghub metric -------------------------------------------------------------

def tokenize(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def _shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = tokenize(text)
    grams = (tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def shingle_counts(gold: str | None, pred: str | None, *, n: int = 4) -> Counts:
    """Normalised (TP, FP, FN) of 4-gram shingles for one page."""
    want, got = _shingles(gold, n), _shingles(pred, n)
    tp = fp = fn = 0.0
    for key in want.keys() | got.keys():
        w, g = want.get(key, 0), got.get(key, 0)
        tp += min(w, g)
        fp += max(0, g - w)
        fn += max(0, w - g)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(counts: Sequence[Counts]) -> dict[str, float]:
    """Precision, recall and F1 over pages, averaged the way the benchmark does."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def exact(gold: str | None, pred: str | None) -> float:
    return float(tokenize(gold) == tokenize(pred))


def evaluate(golds: Sequence[str], preds: Sequence[str | None], *, bootstrap: int = 0,
             seed: int = 0) -> dict[str, float]:
    """The benchmark's metrics for aligned gold/predicted bodies, with bootstrap std when asked."""
    counts = [shingle_counts(g, p) for g, p in zip(golds, preds)]
    hits = [exact(g, p) for g, p in zip(golds, preds)]
    result = scores(counts)
    result["accuracy"] = statistics.mean(hits) if hits else 0.0
    if bootstrap and len(counts) > 1:
        rng = random.Random(seed)
        samples: dict[str, list[float]] = {}
        for _ in range(bootstrap):
            idx = [rng.randrange(len(counts)) for _ in counts]
            for key, value in scores([counts[i] for i in idx]).items():
                samples.setdefault(key, []).append(value)
            samples.setdefault("accuracy", []).append(statistics.mean(hits[i] for i in idx))
        for key, values in samples.items():
            result[f"{key}_std"] = statistics.stdev(values)
    return result


# --- data ----------------------------------------------------------------------------------

def scrapinghub_pages(limit: int | None = None) -> list[tuple[str, str, bytes, str]]:
    """(id, url, html bytes, gold body) for the Scrapinghub set, sorted by id."""
    root = _data.dataset(SCRAPINGHUB)
    if root is None:
        raise SystemExit(f"shared data set {SCRAPINGHUB} not found (set ${_data.ENV_VAR})")
    gold = _data.read_json(root / "gold" / "ground-truth.json")
    ids = sorted(gold)[:limit] if limit else sorted(gold)
    return [(i, gold[i]["url"], _data.read_gz(root / "input" / "html" / f"{i}.html.gz"),
             gold[i]["articleBody"]) for i in ids]


# --- extractors under test ---------------------------------------------------------------

def ours(html: bytes, url: str | None) -> str:
    from livebrief.errors import ExtractionError
    from livebrief.extract import extract
    from livebrief.model import RawDocument

    try:
        return extract(RawDocument(body=html, kind="html", url=url, source="benchmark")).text
    except ExtractionError:
        return ""


def trafilatura_default(html: bytes, url: str | None) -> str:
    import trafilatura

    # The benchmark's pages are UTF-8; the published runs pass decoded text.
    return trafilatura.extract(html.decode("utf-8", "replace")) or ""


EXTRACTORS: dict[str, Callable[[bytes, str | None], str]] = {
    "livebrief": ours,
    "trafilatura 2.3.1 default": trafilatura_default,
}


def run(extractor: Callable[[bytes, str | None], str],
        pages: Iterable[tuple[str, str, bytes, str]]) -> tuple[list[str], float]:
    """Predictions and pages per CPU second (process time: other load on the machine does not count)."""
    pages = list(pages)
    if pages:
        extractor(pages[0][2], pages[0][1])  # warm-up: imports and model loading are not per page
    start = time.process_time()
    preds = [extractor(html, url) for _, url, html, _ in pages]
    elapsed = time.process_time() - start
    return preds, len(pages) / elapsed if elapsed else float("inf")


# --- trafilatura-eval-english (with/without segments) ------------------------------------

_SPACES = re.compile(r"\s+")


def segment_counts(text: str, with_: Sequence[str], without: Sequence[str]) -> Counter[str]:
    """TP/FN over segments that must appear, FP/TN over segments that must not."""
    flat = _SPACES.sub(" ", text or "").strip()
    counts: Counter[str] = Counter()
    for segment in with_:
        counts["tp" if _SPACES.sub(" ", segment).strip() in flat else "fn"] += 1
    for segment in without:
        counts["fp" if _SPACES.sub(" ", segment).strip() in flat else "tn"] += 1
    return counts


def segment_scores(counts: Counter[str]) -> dict[str, float]:
    tp, fp, fn, tn = (counts[k] for k in ("tp", "fp", "fn", "tn"))
    total = tp + fp + fn + tn
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
        "accuracy": (tp + tn) / total if total else 0.0,
    }


def trafilatura_eval_pages(limit: int | None = None) -> list[tuple[str, bytes, list[str], list[str]]]:
    root = _data.dataset(TRAFILATURA_EVAL)
    if root is None:
        return []
    gold = _data.read_json(root / "gold" / "evaldata-english.json")
    keys = sorted(gold)[:limit] if limit else sorted(gold)
    return [(k if k.startswith("http") else "", _data.read_gz(root / "input" / "html" / gold[k]["file"]),
             list(gold[k]["with"]), list(gold[k]["without"])) for k in keys]


def _trafilatura_default_bytes(html: bytes, url: str | None) -> str:
    import trafilatura

    # Bytes here: the upstream pages are not all UTF-8 and trafilatura decodes them itself.
    return trafilatura.extract(html) or ""


# --- report --------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages by id only")
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples for ± (0 = off)")
    parser.add_argument("--skip-eval-english", action="store_true", help="skip the trafilatura-eval-english table")
    args = parser.parse_args(argv)

    pages = scrapinghub_pages(args.limit)
    golds = [gold for *_, gold in pages]
    print(f"{SCRAPINGHUB}: {len(pages)} pages; metric: 4-gram shingle P/R/F1 per the benchmark's evaluate.py")
    print(f"{'system':<28} {'precision':>15} {'recall':>15} {'F1':>15} {'accuracy':>15} {'pages/s':>8}")
    for name, extractor in EXTRACTORS.items():
        preds, rate = run(extractor, pages)
        m = evaluate(golds, preds, bootstrap=args.bootstrap)
        cells = [f"{m[k]:.3f} ± {m.get(k + '_std', 0.0):.3f}" for k in ("precision", "recall", "f1", "accuracy")]
        print(f"{name:<28} " + " ".join(f"{c:>15}" for c in cells) + f" {rate:>8.1f}")

    print("pages/s = pages per CPU second of this process (load from other processes does not count)")

    if not args.skip_eval_english:
        eval_pages = trafilatura_eval_pages(args.limit)
        if eval_pages:
            print(f"\n{TRAFILATURA_EVAL}: {len(eval_pages)} pages; metric: with/without segments (upstream method)")
            print(f"{'system':<28} {'precision':>9} {'recall':>9} {'F1':>9} {'accuracy':>9} {'pages/s':>8}")
            for name, extractor in (("livebrief", ours), ("trafilatura 2.3.1 default", _trafilatura_default_bytes)):
                extractor(eval_pages[0][1], eval_pages[0][0] or None)  # warm-up
                start = time.process_time()
                total: Counter[str] = Counter()
                for url, html, with_, without in eval_pages:
                    total += segment_counts(extractor(html, url or None), with_, without)
                rate = len(eval_pages) / (time.process_time() - start)
                m = segment_scores(total)
                print(f"{name:<28} " + " ".join(f"{m[k]:>9.3f}" for k in ("precision", "recall", "f1", "accuracy"))
                      + f" {rate:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
