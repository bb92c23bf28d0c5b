"""Quote attribution on PolNeAR: source and content span F1, ours next to a regex baseline.

    .venv/bin/python benchmarks/quotes.py [--split test] [--limit N] [--no-cache] [--errors K]

PolNeAR annotates PARC-style attribution relations (source, cue, content) in 1,008 political news
articles, split by time into train/dev/test. We score the way BBC citron scores PARC 3.0
(``citron/metrics.py``):

* **overlap** (citron's headline): token-level. Precision = content (source) tokens we predict
  that lie inside some gold content (source) span / tokens we predict; recall = gold tokens that
  lie inside some predicted span / gold tokens. citron sums the overlap of every predicted span with
  every gold span; we take the union of tokens on each side instead, which is the same number when
  spans on one side do not overlap (PolNeAR is univocal) and does not double count our partial
  quotes nested in an indirect quote.
* **span overlap**: a predicted span counts when it overlaps a gold span of the same role, a gold
  span is found when some predicted span overlaps it.
* **exact**: a predicted span counts when its first and last word equal those of a gold span
  (edge punctuation ignored).
* **speaker accuracy**: of our quotes whose content overlaps a gold relation's content, the share
  whose speaker span overlaps that relation's source.

Conventions mapped before scoring (from the parse, never from gold): our direct and partial quote
spans exclude the quotation marks, PolNeAR's include them, so the adjacent marks are added; our
speaker span is the name ("Michael Loh"), PolNeAR's source is the whole noun phrase ("Lt. Gen.
Michael Loh, the head of Air National Guard,"), so the name is widened to the noun phrase of its
head word, as the annotation guidelines draw it: appositions and non-restrictive clauses with their
closing comma, relative clauses unless they report themselves, never the quote, a dateline or a nested
apposition to a place ("source" rows); "source (name)" scores the bare speaker spans.

Baseline: every span between paired double quotation marks in a paragraph is a quote; its speaker
is the nearest PERSON entity in the same sentence, else the nearest one before it.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load_data_module():
    spec = importlib.util.spec_from_file_location("_bench_data", HERE / "_data.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


# -- gold ----------------------------------------------------------------------------------

@dataclass
class Relation:
    sources: list[tuple[int, int]] = field(default_factory=list)
    contents: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Article:
    name: str
    text: str
    relations: list[Relation]


_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t?")
_E_LINE = re.compile(r"^E\d+\t(.*)$")


def parse_ann(path: Path) -> list[Relation]:
    """Attribution relations of one brat .ann file (continuation lines of covered text skipped)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _T_LINE.match(line)
        if match:
            spans[match.group(1)] = [tuple(map(int, part.split())) for part in match.group(3).split(";")]
            continue
        match = _E_LINE.match(line)
        if match:
            roles = dict(item.split(":", 1) for item in match.group(1).split())
            relation = Relation()
            for role, tid in roles.items():
                if role == "Source":
                    relation.sources.extend(spans.get(tid, []))
                elif role == "Content":
                    relation.contents.extend(spans.get(tid, []))
            relations.append(relation)
    return relations


def load_split(root: Path, split: str, limit: int | None = None) -> list[Article]:
    """Articles of a split with the first annotator's relations (sorted annotator id)."""
    articles = []
    texts = sorted((root / "input" / "text" / split).glob("*.txt"))
    for path in texts:
        anns = sorted((root / "gold" / "attributions" / split).glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        articles.append(Article(path.stem, path.read_text(encoding="utf-8"), parse_ann(anns[0])))
        if limit and len(articles) >= limit:
            break
    return articles


# -- parsing -------------------------------------------------------------------------------

def parse(nlp, articles: list[Article], *, split: str, full: int, cache: bool = True) -> list:
    """Docs for the articles, cached per split as a DocBin in the temp dir.

    The cache holds the whole split (``full`` articles); a ``--limit`` run reads its first N docs
    when the cache exists and parses only those N otherwise (without writing the cache).
    """
    from spacy.tokens import DocBin

    key = hashlib.sha1(f"{split}:{full}:{nlp.meta.get('name')}:{nlp.meta.get('version')}:{nlp.pipe_names}".encode()).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / "livebrief-bench" / f"polnear-{split}-{key}.spacy"
    if cache and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == full and all(d.text == a.text for d, a in zip(docs, articles)):
            return docs[:len(articles)]
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    if cache and len(articles) == full:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


# -- predictions ---------------------------------------------------------------------------

@dataclass
class Prediction:
    content: tuple[int, int]
    source: tuple[int, int] | None  # as the system gives it
    source_np: tuple[int, int] | None  # widened to the noun phrase (PolNeAR's convention)
    kind: str = ""
    speaker: str | None = None


_MARKS = "\"“”‘’«»„"


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    if start > 0 and text[start - 1] in _MARKS:
        start -= 1
    stop = end
    while stop < len(text) and text[stop] in ",.;:!? " and stop - end < 2:
        stop += 1
    if stop < len(text) and text[stop] in _MARKS:
        end = stop + 1
    return start, end


_NP_RIGHT = ("appos", "prep", "compound", "punct", "nummod", "amod", "cc", "conj", "case", "poss", "relcl", "acl")
# Punctuation that ends a noun phrase on its left: a dateline ("BRUSSELS - European leaders"), a
# colon, or a comma closing an opening phrase ("In the interview, Moore said").
_NP_LEFT_STOPS = frozenset({",", ";", ":", "-", "--", "—", "–", "―"})


def _reports(token) -> bool:
    """A clause that reports on its own ("who said …", "who argued that …"): a source of its own."""
    from livebrief.nlp import lexicon

    return token.lemma_.lower() in lexicon.SPEECH_VERBS or any(c.dep_ == "ccomp" for c in token.children)


def _loose_modifier(child) -> bool:
    """"Clinton, clearly frustrated,", "Sanders, celebrating", "Bolton and Gorka both": the writer's
    aside or a floating quantifier, not part of the name."""
    if child.lower_ in ("both", "all", "each", "alone", "himself", "herself", "themselves"):
        return True
    after_comma = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
    return after_comma and child.dep_ in ("acl", "amod", "advmod") and child.tag_ in ("VBG", "VBN", "JJ", "RB")


def _phrase_tokens(head, content: tuple[int, int] | None) -> set[int]:
    """The head's subtree without what is no part of the noun phrase.

    Dropped: the head's right children after the first one that is no noun modifier, a relative
    clause that reports ("Mr. Kamin, who emphasized that …" is a source of its own), an apposition to
    a noun inside a prepositional phrase ("the attorney general of Oklahoma, one of the states …"),
    a date or time phrase ("a group of doctors in 2015") and the quote itself.
    """
    keep: set[int] = set()
    stack = [(head, False)]
    while stack:
        tok, in_clause = stack.pop()
        keep.add(tok.i)
        stopped = False
        for child in tok.children:
            if tok.i == head.i and child.i > head.i:
                stopped = stopped or child.dep_ not in _NP_RIGHT or _loose_modifier(child)
                if stopped:
                    continue
            if child.dep_ in ("relcl", "acl") and _reports(child):
                continue
            if child.dep_ == "appos" and tok.dep_ == "pobj" and tok.ent_type_ in ("GPE", "LOC") \
                    and child.ent_type_ not in ("GPE", "LOC"):
                continue
            if not in_clause and child.dep_ == "prep" \
                    and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children):
                continue
            if content is not None and child.idx < content[1] and content[0] < child.idx + len(child):
                continue
            stack.append((child, in_clause or child.pos_ in ("VERB", "AUX")))
    return keep


def _noun_phrase_span(doc, span: tuple[int, int] | None,
                      content: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The speaker span widened to its noun phrase, as PolNeAR marks sources.

    "Indiana Gov. Mike Pence" in "Trump's running mate, Indiana Gov. Mike Pence, said" widens to the
    whole "Trump's running mate, Indiana Gov. Mike Pence," (an apposition or a non-restrictive clause keeps
    its closing comma);
    relative clauses count ("Rendell, who chaired the DNC in 2000,") unless they report something
    themselves; never across a line break, a dash or colon, or the quote itself.
    """
    if span is None:
        return None
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None or len(chars) == 0:
        return span
    head = chars.root
    if head.pos_ in ("VERB", "AUX") or head.tag_ in ("PRP", "PRP$", "WP", "WDT"):
        return span
    if span[1] < len(doc.text) and doc.text[span[1]:span[1] + 1] == ":":
        return span  # "Pence: …" names the speaker of a headline or transcript line
    while head.dep_ == "appos" and head.head.i < head.i:
        head = head.head
    keep = _phrase_tokens(head, content)
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    hi += 1
    for i in range(head.i - 1, lo - 1, -1):
        if doc[i].text in _NP_LEFT_STOPS and i < chars.start \
                and (doc[i].text != "-" or doc[i - 1].whitespace_):  # not "vice-presidential"
            lo = i + 1
            break
    lo = min(lo, chars.start)
    hi = max(hi, chars.end)
    line_start = doc.text.rfind("\n", 0, span[0]) + 1
    line_end = doc.text.find("\n", span[1])
    line_end = len(doc.text) if line_end == -1 else line_end
    while lo < chars.start and (doc[lo].idx < line_start or doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > chars.end and (doc[hi - 1].idx >= line_end or doc[hi - 1].is_space
                              or (doc[hi - 1].is_punct and doc[hi - 1].text != ")")):
        hi -= 1
    if doc[hi - 1].text == ")" and "(" not in doc[lo:hi - 1].text:
        hi -= 1
    # An apposition or a non-restrictive clause is closed by a comma, which PolNeAR keeps: "Putney, the police
    # chief, said", "Axelrod, who was Obama's adviser, said".
    appositive = any(i > head.i and (doc[i].dep_ == "appos" or doc[i].dep_ == "relcl"
                                     and doc[i].left_edge.i > 0 and doc[doc[i].left_edge.i - 1].text == ",")
                     for i in range(lo, hi))
    if appositive and hi < len(doc) and doc[hi].text == "," and doc[hi].idx < line_end:
        hi += 1
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


def ours(doc) -> list[Prediction]:
    from livebrief.nlp.entities import find_entities
    from livebrief.nlp.quotes import find_quotes

    entities = find_entities(doc)
    preds = []
    for quote in find_quotes(doc, entities=entities):
        content = (quote.start, quote.end)
        if quote.kind in ("direct", "partial"):
            content = _with_marks(doc.text, quote.start, quote.end)
        source_np = _noun_phrase_span(doc, quote.speaker_span, content)
        preds.append(Prediction(content, quote.speaker_span, source_np, quote.kind, quote.speaker))
    return preds


_BASELINE_QUOTE = re.compile(r"[\"“]([^\"“”\n]{2,}?)[\"”]")


def baseline(doc) -> list[Prediction]:
    """Regex direct quotes; speaker = nearest PERSON in the sentence, else the nearest before."""
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    preds = []
    for match in _BASELINE_QUOTE.finditer(doc.text):
        start, end = match.span()
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        sent = span.sent if span is not None and len(span) else None
        in_sent = [p for p in persons if sent is not None and sent.start_char <= p[0] < sent.end_char
                   and not start <= p[0] < end]
        if in_sent:
            speaker = min(in_sent, key=lambda p: min(abs(p[0] - end), abs(start - p[1])))
        else:
            before = [p for p in persons if p[1] <= start]
            speaker = before[-1] if before else None
        preds.append(Prediction((start, end), speaker, speaker, "direct"))
    return preds


# -- scoring -------------------------------------------------------------------------------

@dataclass
class Counts:
    tp: float = 0.0
    pred: float = 0.0
    gold: float = 0.0
    gold_hit: float = 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold
        self.gold_hit += other.gold_hit

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = (self.gold_hit if self.gold_hit else self.tp) / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


class TokenIndex:
    """Char spans -> sets of non-space token indexes of one doc."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def tokens(self, spans, *, punct: bool = True) -> set[int]:
        import bisect

        out: set[int] = set()
        for start, end in spans:
            i = max(bisect.bisect_right(self.starts, start) - 1, 0)
            while i < len(self.doc) and self.doc[i].idx < end:
                tok = self.doc[i]
                if tok.idx + len(tok) > start and not tok.is_space and (punct or not tok.is_punct):
                    out.add(i)
                i += 1
        return out

    def edges(self, span) -> tuple[int, int] | None:
        toks = sorted(self.tokens([span]))
        return (toks[0], toks[-1]) if toks else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_doc(doc, relations: list[Relation], preds: list[Prediction]) -> dict[str, Counts]:
    index = TokenIndex(doc)
    out: dict[str, Counts] = {}
    gold_content = [s for r in relations for s in r.contents]
    gold_source = [s for r in relations for s in r.sources]
    roles = {
        "content": (gold_content, [p.content for p in preds]),
        "source": (gold_source, [p.source_np for p in preds if p.source_np]),
        "source (name)": (gold_source, [p.source for p in preds if p.source]),
    }
    for role, (gold, pred) in roles.items():
        pred = list(dict.fromkeys(pred))
        g, p = index.tokens(gold), index.tokens(pred)
        out[f"{role} overlap"] = Counts(tp=len(g & p), pred=len(p), gold=len(g))
        hit_pred = sum(1 for s in pred if any(_overlaps(s, t) for t in gold))
        hit_gold = sum(1 for t in gold if any(_overlaps(s, t) for s in pred))
        out[f"{role} span"] = Counts(tp=hit_pred, pred=len(pred), gold=len(gold), gold_hit=hit_gold)
        gold_edges = {index.edges(t) for t in gold} - {None}
        pred_edges = [index.edges(s) for s in pred]
        exact_pred = sum(1 for e in pred_edges if e in gold_edges)
        pred_edge_set = set(pred_edges)
        exact_gold = sum(1 for e in gold_edges if e in pred_edge_set)
        out[f"{role} exact"] = Counts(tp=exact_pred, pred=len(pred), gold=len(gold_edges), gold_hit=exact_gold)
    # Speaker accuracy on quotes whose content overlaps a gold relation that has a source.
    right = total = 0
    for p in preds:
        for rel in relations:
            if rel.sources and any(_overlaps(p.content, c) for c in rel.contents):
                total += 1
                if p.source_np and any(_overlaps(p.source_np, s) for s in rel.sources):
                    right += 1
                break
    out["speaker accuracy"] = Counts(tp=right, pred=total, gold=total)
    return out


def evaluate(docs, articles: list[Article], system) -> dict[str, Counts]:
    totals: dict[str, Counts] = {}
    for doc, article in zip(docs, articles):
        for key, counts in score_doc(doc, article.relations, system(doc)).items():
            totals.setdefault(key, Counts()).add(counts)
    return totals


def run(split: str, *, limit: int | None = None, nlp=None, cache: bool = True) -> dict[str, dict[str, Counts]]:
    """Scores of ours and the baseline on the first ``limit`` articles of a split (for the quality gate)."""
    root = _load_data_module().dataset("polnear")
    if root is None:
        raise FileNotFoundError("shared/data/polnear is not beside the repo")
    if nlp is None:
        from livebrief.nlp.loader import load_nlp

        nlp = load_nlp()
    all_articles = load_split(root, split)
    articles = all_articles[:limit] if limit else all_articles
    docs = parse(nlp, articles, split=split, full=len(all_articles), cache=cache)
    return {"ours": evaluate(docs, articles, ours), "baseline": evaluate(docs, articles, baseline)}


def _print(name_a: str, a: dict[str, Counts], name_b: str, b: dict[str, Counts]) -> None:
    print(f"{'metric':28} {name_a + ' P/R/F1':>24} {name_b + ' P/R/F1':>24}")
    for key, counts in a.items():
        pa, ra, fa = counts.prf()
        pb, rb, fb = b[key].prf()
        if key == "speaker accuracy":
            print(f"{key:28} {fa:>24.3f} {fb:>24.3f}   (on {int(counts.pred)} / {int(b[key].pred)} matched quotes)")
            continue
        print(f"{key:28} {pa:7.3f} {ra:7.3f} {fa:8.3f} {pb:7.3f} {rb:7.3f} {fb:8.3f}")


def errors(docs, articles: list[Article], k: int) -> None:
    """Print the largest missed gold contents and false positives, for tuning on train/dev."""
    missed, spurious = [], []
    for doc, article in zip(docs, articles):
        preds = ours(doc)
        for rel in article.relations:
            for c in rel.contents:
                if not any(_overlaps(p.content, c) for p in preds):
                    src = " | ".join(doc.text[s:e] for s, e in rel.sources)
                    missed.append((c[1] - c[0], article.name, src, doc.text[c[0]:c[1]]))
        gold = [c for r in article.relations for c in r.contents]
        for p in preds:
            if not any(_overlaps(p.content, c) for c in gold):
                spurious.append((p.content[1] - p.content[0], article.name, p.kind, p.speaker,
                                 doc.text[p.content[0]:p.content[1]]))
    src_missed, src_spurious = [], []
    for doc, article in zip(docs, articles):
        preds = ours(doc)
        for rel in article.relations:
            for s in rel.sources:
                if not any(p.source_np and _overlaps(p.source_np, s) for p in preds):
                    content = " | ".join(doc.text[a:b] for a, b in rel.contents)
                    src_missed.append((article.name, doc.text[s[0]:s[1]], content))
        gold = [s for r in article.relations for s in r.sources]
        for p in preds:
            if p.source_np and not any(_overlaps(p.source_np, s) for s in gold):
                src_spurious.append((article.name, p.kind, doc.text[p.source_np[0]:p.source_np[1]],
                                     doc.text[p.content[0]:p.content[1]]))
    import random
    rng = random.Random(0)
    print("\n-- sample of missed gold sources")
    for item in rng.sample(src_missed, min(k, len(src_missed))):
        print(f"  {item[0][:30]} [{item[1]}] {item[2][:120]!r}")
    print("\n-- sample of spurious sources")
    for item in rng.sample(src_spurious, min(k, len(src_spurious))):
        print(f"  {item[0][:30]} {item[1]} [{item[2]}] {item[3][:120]!r}")
    print("\n-- largest missed gold contents")
    for item in sorted(missed, key=lambda row: row[0], reverse=True)[:k]:
        print(f"  {item[1][:40]} [{item[2]}] {item[3][:160]!r}")
    print("\n-- largest spurious predictions")
    for item in sorted(spurious, key=lambda row: row[0], reverse=True)[:k]:
        print(f"  {item[1][:40]} {item[2]} [{item[3]}] {item[4][:160]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="test", choices=["train", "dev", "test", "annotator-training"])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--no-cache", action="store_true", help="parse again instead of reading the DocBin cache")
    parser.add_argument("--errors", type=int, default=0, help="print the K largest misses and false hits")
    args = parser.parse_args(argv)

    data = _load_data_module()
    root = data.dataset("polnear")
    if root is None:
        print("PolNeAR not found: put shared/data beside the repo or set LIVEBRIEF_SHARED_DATA", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE.parent / "src"))
    from livebrief.nlp.loader import load_nlp, model_version

    nlp = load_nlp()
    all_articles = load_split(root, args.split)
    articles = all_articles[:args.limit] if args.limit else all_articles
    t0 = time.perf_counter()
    docs = parse(nlp, articles, split=args.split, full=len(all_articles), cache=not args.no_cache)
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours_totals = evaluate(docs, articles, ours)
    t_ours = time.perf_counter() - t0
    base_totals = evaluate(docs, articles, baseline)
    n_rel = sum(len(a.relations) for a in articles)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {n_rel} gold relations, model {model_version(nlp)}")
    print(f"parse {t_parse:.1f}s (cached DocBin when fast), our extraction {t_ours:.1f}s "
          f"({sum(len(d) for d in docs) / max(t_ours, 1e-9):,.0f} tokens/s)\n")
    _print("ours", ours_totals, "baseline", base_totals)
    if args.errors:
        errors(docs, articles, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
