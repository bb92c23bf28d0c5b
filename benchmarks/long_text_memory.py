"""Peak memory and time of `analyze` on one very long article: parsed in pieces (ours) against parsed whole.

The article is PolNeAR train texts joined with blank lines up to each length. Baseline: the same
``analyze_many`` with ``nlp.chunk_chars = 0`` (the whole text in one ``nlp.pipe`` call, as spaCy alone
does). Ours: the default ``nlp.chunk_chars`` (pieces cut at paragraph breaks, joined back into one Doc).
Each run is its own child process, so peaks do not mix; the answers are compared for equality.

    .venv/bin/python benchmarks/long_text_memory.py [--chars 100000 300000 900000]
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _child import in_child  # noqa: E402
from _data import shared_data_dir  # noqa: E402


def long_text(chars: int) -> str:
    folder = shared_data_dir() / "polnear" / "input" / "text" / "train"
    parts, size = [], 0
    for path in sorted(folder.glob("*.txt")):
        if size >= chars:
            break
        part = path.read_text(encoding="utf-8").strip() + "\n\n"
        parts.append(part)
        size += len(part)
    return "".join(parts)[:chars]


def run(chars: int, chunk_chars: int | None, queue) -> None:
    from livebrief.model import Article, text_hash
    from livebrief.nlp import analyze_many
    from livebrief.nlp.loader import load_nlp
    from livebrief.settings import DEFAULTS

    nlp = load_nlp()
    list(analyze_many([Article(id="w", text="Warm up, the model said.")], nlp=nlp))
    settings = DEFAULTS if chunk_chars is None else DEFAULTS.with_overrides({"nlp.chunk_chars": chunk_chars})
    text = long_text(chars)
    started = time.perf_counter()
    (analysis,) = analyze_many([Article(id="long", text=text, text_hash=text_hash(text))], settings=settings, nlp=nlp)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    summary = (len(analysis.entities), len(analysis.quotes), len(analysis.quantities), len(analysis.events))
    digest = hashlib.sha1((repr(analysis.quotes) + repr(analysis.events)).encode()).hexdigest()
    queue.put((seconds, peak, summary, digest))


def measure(chars: int, chunk_chars: int | None):
    return in_child(run, chars, chunk_chars)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, nargs="+", default=[100_000, 300_000, 900_000])
    args = parser.parse_args()
    from livebrief.settings import DEFAULTS

    print(f"pieces of at most {DEFAULTS['nlp.chunk_chars']:,} characters (nlp.chunk_chars) against the whole text")
    print(f"{'characters':>10} {'system':18} {'seconds':>8} {'peak MB':>8}  entities/quotes/figures/events  same")
    for chars in args.chars:
        whole = measure(chars, 0)
        ours = measure(chars, None)
        for name, (seconds, peak, summary, digest) in (("parsed whole", whole), ("ours, in pieces", ours)):
            same = "" if name == "parsed whole" else ("yes" if digest == whole[3] else "no")
            print(f"{chars:>10,} {name:18} {seconds:8.1f} {peak:8.0f}  {'/'.join(map(str, summary)):30} {same}")


if __name__ == "__main__":
    main()
