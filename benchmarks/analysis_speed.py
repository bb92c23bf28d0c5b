"""Where analysis time goes: spaCy's parse per pipe, then each livebrief component, on the same texts.

The baseline is bare ``nlp.pipe`` with every component of the model; the parse is then
timed pipe by pipe (``nlp.select_pipes``) and each livebrief component (entities, quotes,
claims, quantities, times, places, events) is timed over the parsed Docs, in the order
:func:`livebrief.nlp.analyze_doc` runs them. Texts come from the shared data (PolNeAR,
ECB+, geoparsing articles, the Guardian sample) through ``build_corpus.py``'s readers.

Run: ``.venv/bin/python benchmarks/analysis_speed.py [--texts 200]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=200, help="texts to analyse (default 200)")
    args = parser.parse_args(argv)

    from livebrief.model import Article
    from livebrief.nlp import analyze_doc
    from livebrief.nlp.claims import find_claims
    from livebrief.nlp.entities import find_entities
    from livebrief.nlp.events import find_events
    from livebrief.nlp.loader import load_nlp
    from livebrief.nlp.places import find_places
    from livebrief.nlp.quantities import find_quantities
    from livebrief.nlp.quotes import find_quotes
    from livebrief.nlp.times import find_times

    bases = [b for b in build_corpus.base_documents() if b.kind == "text" and b.text]
    bases = bases[:: max(1, len(bases) // args.texts)][: args.texts]
    texts = [b.text for b in bases]
    articles = [Article(id=str(n), text=t, published=b.published) for n, (b, t) in enumerate(zip(bases, texts))]
    nlp = load_nlp()
    list(nlp.pipe(texts[:4]))
    analyze_doc(articles[0], nlp(texts[0]))  # component set-up (lexicons, gazetteer) out of the timing

    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - start
    print(f"{len(texts)} texts, {sum(map(len, texts)) / len(texts):.0f} characters on average, "
          f"model {nlp.meta.get('name')}-{nlp.meta.get('version')}")
    print(f"{'bare nlp.pipe, all pipes':<32}{parse:>8.2f}s {len(texts) / parse:>8.1f} articles/s   (baseline)")
    for name in nlp.pipe_names:
        with nlp.select_pipes(enable=[p for p in nlp.pipe_names[: nlp.pipe_names.index(name) + 1]]):
            start = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=32):
                pass
            upto = time.perf_counter() - start
        print(f"{'  pipes up to ' + name:<32}{upto:>8.2f}s")

    spent: dict[str, float] = {}

    def clock(name, fn, *args, **kwargs):
        start = time.perf_counter()
        value = tuple(fn(*args, **kwargs))
        spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
        return value

    for article, doc in zip(articles, docs):
        entities = clock("entities", find_entities, doc)
        quotes = clock("quotes", find_quotes, doc, entities=entities)
        claims = clock("claims", find_claims, doc, entities=entities, quotes=quotes)
        quantities = clock("quantities", find_quantities, doc)
        times = clock("times", find_times, doc, published=article.published)
        places = clock("places", find_places, doc, entities=entities)
        clock("events", find_events, doc, entities=entities, quotes=quotes, claims=claims, quantities=quantities,
              times=times, places=places, published=article.published)
    components = sum(spent.values())
    for name, seconds in spent.items():
        print(f"{'  livebrief ' + name:<32}{seconds:>8.2f}s {100 * seconds / (parse + components):>6.1f}%")
    total = parse + components
    print(f"{'livebrief analysis, total':<32}{total:>8.2f}s {len(texts) / total:>8.1f} articles/s   "
          f"({total / parse:.2f}x the parse)")


if __name__ == "__main__":
    main()
