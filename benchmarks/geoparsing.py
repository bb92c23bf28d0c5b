"""Geoparsing quality: livebrief's find_places vs a plain spaCy + most-populous-match baseline.

Data: ``shared/data/geoparsing-news`` (gold toponyms with coordinates): LGL (local US news), TR-News
(international news) and GeoVirus (WikiNews on outbreaks). There are no official splits, so each corpus
is cut in two by a hash of the document id (:func:`split`): ``dev`` for tuning, ``test`` for reporting.
Figures below are on ``test`` unless ``--split`` says otherwise.

Systems, run on the same spaCy parse of each document:

* OURS: ``find_places(doc, entities=find_entities(doc))``, as the NLP stage calls it;
* BASELINE: the model's GPE/LOC/FAC entities, each resolved to the most populous gazetteer entry of
  that name (the same packaged GeoNames gazetteer, so the comparison is about recognition and
  disambiguation, not data).

Metrics:

* recognition: precision, recall and F1 of predicted mention spans against gold toponym spans, both
  EXACT (same start and end) and OVERLAP (any shared character; each gold span matches at most one
  prediction). Gold in these corpora also marks demonyms ("Turkish" -> Turkey) and the unresolvable; a
  second recall leaves out gold spans that are demonyms, which livebrief does not treat as places;
* resolution: over the gold toponyms with coordinates that the system recognised (overlap match), the
  share whose predicted point lies within 161 km (100 miles) of the gold point (acc@161km; a
  recognised toponym left unresolved counts as a miss), the mean and median error in km over resolved
  ones. ``acc@161_exact`` counts only gold toponyms recognised with their exact span ("correctly
  recognised" in the strict sense). ``common`` repeats acc@161 on the gold toponyms both systems recognised.

Run: ``.venv/bin/python benchmarks/geoparsing.py [--corpus lgl tr-news geovirus] [--split test|dev|all]
[--limit N] [--errors N] [--cache DIR]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data  # noqa: E402

DATASET = "geoparsing-news"
CORPORA = ("lgl", "tr-news", "geovirus")
PLACE_LABELS = ("GPE", "LOC", "FAC")
ACC_KM = 161.0


def split(corpus: str, doc_id: str) -> str:
    """``dev`` or ``test``: the parity of the first 8 hex digits of sha1("<corpus>:<doc_id>")."""
    digest = hashlib.sha1(f"{corpus}:{doc_id}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) % 2 == 0 else "test"


@dataclass(frozen=True)
class GoldDoc:
    corpus: str
    doc_id: str
    text: str
    toponyms: tuple[dict, ...]


def load_corpus(corpus: str, *, which: str = "test", limit: int | None = None) -> list[GoldDoc]:
    """Gold documents of one corpus and split (``dev``, ``test`` or ``all``), in file order."""
    root = _data.dataset(DATASET)
    if root is None:
        raise SystemExit(f"shared data set {DATASET} not found (set {_data.ENV_VAR})")
    docs = []
    with (root / "gold" / corpus / "toponyms.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if which != "all" and split(corpus, record["doc_id"]) != which:
                continue
            text = (root / "input" / corpus / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
            docs.append(GoldDoc(corpus, record["doc_id"], text, tuple(record["toponyms"])))
            if limit and len(docs) >= limit:
                break
    return docs


@dataclass(frozen=True)
class Prediction:
    start: int
    end: int
    lat: float | None
    lon: float | None


def ours(doc) -> list[Prediction]:
    from livebrief.nlp.entities import find_entities
    from livebrief.nlp.places import find_places

    places = find_places(doc, entities=find_entities(doc))
    return [Prediction(s, e, p.lat, p.lon) for p in places for s, e in p.mentions]


def baseline(doc) -> list[Prediction]:
    from livebrief.nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    predictions = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        candidates = gazetteer.lookup(ent.text)
        best = max((entry for entry, _ in candidates), key=lambda e: e.population, default=None)
        predictions.append(Prediction(ent.start_char, ent.end_char, best and best.lat, best and best.lon))
    return predictions


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    gold_places: int = 0  # gold spans that are not demonyms
    exact: int = 0
    overlap_pred: int = 0
    overlap_gold: int = 0
    overlap_gold_places: int = 0
    resolvable: int = 0  # recognised gold toponyms with coordinates
    within: int = 0
    resolvable_exact: int = 0  # the same, recognised with the exact span
    within_exact: int = 0
    errors: list[float] = field(default_factory=list)
    hits: dict[tuple[str, int, int], bool] = field(default_factory=dict)  # gold -> within 161 km
    misses: list[str] = field(default_factory=list)

    def row(self) -> dict[str, float]:
        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        p_exact = self.exact / self.predicted if self.predicted else 0.0
        r_exact = self.exact / self.gold if self.gold else 0.0
        p_over = self.overlap_pred / self.predicted if self.predicted else 0.0
        r_over = self.overlap_gold / self.gold if self.gold else 0.0
        return {
            "P_exact": p_exact, "R_exact": r_exact, "F1_exact": f1(p_exact, r_exact),
            "P_overlap": p_over, "R_overlap": r_over, "F1_overlap": f1(p_over, r_over),
            "R_overlap_no_demonyms": self.overlap_gold_places / self.gold_places if self.gold_places else 0.0,
            "acc@161": self.within / self.resolvable if self.resolvable else 0.0,
            "acc@161_exact": self.within_exact / self.resolvable_exact if self.resolvable_exact else 0.0,
            "mean_km": statistics.fmean(self.errors) if self.errors else float("nan"),
            "median_km": statistics.median(self.errors) if self.errors else float("nan"),
            "n_resolved": float(self.resolvable),
        }


def score_doc(score: Score, gold: GoldDoc, predictions: list[Prediction], is_demonym) -> None:
    from livebrief.nlp.gazetteer import distance_km

    spans = {(p.start, p.end) for p in predictions}
    score.predicted += len(spans)
    score.gold += len(gold.toponyms)
    score.exact += sum(1 for t in gold.toponyms if (t["start"], t["end"]) in spans)
    score.overlap_pred += sum(1 for s, e in spans if any(t["start"] < e and s < t["end"] for t in gold.toponyms))
    for t in gold.toponyms:
        demonym = is_demonym(t["text"])
        score.gold_places += not demonym
        overlapping = [p for p in predictions if p.start < t["end"] and t["start"] < p.end]
        match = next((p for p in overlapping if (p.start, p.end) == (t["start"], t["end"])),
                     overlapping[0] if overlapping else None)
        if match is None:
            continue
        score.overlap_gold += 1
        score.overlap_gold_places += not demonym
        if t.get("lat") is None:
            continue
        score.resolvable += 1
        ok = False
        if match.lat is not None:
            error = distance_km(match.lat, match.lon, float(t["lat"]), float(t["lon"]))
            score.errors.append(error)
            ok = error <= ACC_KM
        score.within += ok
        if (match.start, match.end) == (t["start"], t["end"]):
            score.resolvable_exact += 1
            score.within_exact += ok
        score.hits[(gold.doc_id, t["start"], t["end"])] = ok
        if not ok:
            got = "unresolved" if match.lat is None else f"{match.lat:.2f},{match.lon:.2f}"
            score.misses.append(f"{gold.doc_id} {t['text']!r} gold {t.get('name')} {t.get('country', '')} "
                                f"{t['lat']},{t['lon']} got {got}")


def parsed_docs(corpus: str, docs: list[GoldDoc], nlp, cache: Path | None) -> list:
    """spaCy Docs for ``docs``; with ``cache``, parsed once into ``<cache>/<corpus>-<n>.spacy`` and reused."""
    if cache is None:
        return list(nlp.pipe(d.text for d in docs))
    from spacy.tokens import DocBin

    digest = hashlib.sha1("\x1f".join(d.doc_id for d in docs).encode()).hexdigest()[:12]
    path = cache / f"{corpus}-{digest}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    parsed = list(nlp.pipe(d.text for d in docs))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=parsed).to_disk(path)
    return parsed


def run(corpus: str, *, which: str, limit: int | None, nlp, cache: Path | None = None) -> dict[str, Score]:
    from livebrief.nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()

    def is_demonym(text: str) -> bool:
        return gazetteer.demonym_country(text) is not None and not gazetteer.lookup(text)

    docs = load_corpus(corpus, which=which, limit=limit)
    scores = {"ours": Score(), "baseline": Score()}
    timings = {"ours": 0.0, "baseline": 0.0}
    for gold, doc in zip(docs, parsed_docs(corpus, docs, nlp, cache)):
        for name, system in (("ours", ours), ("baseline", baseline)):
            started = time.perf_counter()
            predictions = system(doc)
            timings[name] += time.perf_counter() - started
            score_doc(scores[name], gold, predictions, is_demonym)
    for name, seconds in timings.items():
        scores[name].seconds = seconds  # type: ignore[attr-defined]
    scores["docs"] = len(docs)  # type: ignore[assignment]
    return scores


def common_accuracy(a: Score, b: Score) -> tuple[float, float, int]:
    shared = a.hits.keys() & b.hits.keys()
    if not shared:
        return 0.0, 0.0, 0
    return (sum(a.hits[k] for k in shared) / len(shared), sum(b.hits[k] for k in shared) / len(shared),
            len(shared))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", nargs="+", default=["lgl", "tr-news"], choices=CORPORA)
    parser.add_argument("--split", default="test", choices=("dev", "test", "all"))
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--errors", type=int, default=0, help="print this many resolution misses of ours")
    parser.add_argument("--cache", type=Path, default=None, help="keep spaCy parses here between runs")
    args = parser.parse_args(argv)

    from livebrief.nlp.loader import load_nlp, model_version

    from livebrief.nlp.gazetteer import load_gazetteer

    nlp = load_nlp()
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    spottable = len(gazetteer.spottable)
    print(f"model {model_version(nlp)}; split {args.split}; acc within {ACC_KM:.0f} km; gazetteer of "
          f"{len(gazetteer)} places ({spottable} spottable names) loaded in {time.perf_counter() - started:.2f} s")
    columns = ("P_exact", "R_exact", "F1_exact", "P_overlap", "R_overlap", "F1_overlap",
               "R_overlap_no_demonyms", "acc@161", "acc@161_exact", "mean_km", "median_km", "n_resolved")
    print("ms/doc: ours includes find_entities; both run on one shared spaCy parse")
    print(f"{'corpus':9} {'system':9} {'docs':>4} " + " ".join(f"{c:>9}" for c in columns) + "  ms/doc")
    for corpus in args.corpus:
        scores = run(corpus, which=args.split, limit=args.limit, nlp=nlp, cache=args.cache)
        docs = scores.pop("docs")
        for name in ("ours", "baseline"):
            row = scores[name].row()  # type: ignore[union-attr]
            cells = " ".join(f"{row[c]:9.0f}" if c in ("mean_km", "median_km", "n_resolved") else f"{row[c]:9.3f}"
                             for c in columns)
            ms = 1000 * scores[name].seconds / max(1, docs)  # type: ignore[union-attr,operator]
            print(f"{corpus:9} {name:9} {docs:4} {cells}  {ms:6.1f}")
        ours_acc, base_acc, n = common_accuracy(scores["ours"], scores["baseline"])  # type: ignore[arg-type]
        print(f"{corpus:9} common    acc@161 on {n} gold toponyms both recognised: ours {ours_acc:.3f}, "
              f"baseline {base_acc:.3f}")
        for miss in scores["ours"].misses[: args.errors]:  # type: ignore[union-attr]
            print("   miss", miss)


if __name__ == "__main__":
    main()
