"""Metadata quality: titles and publication dates, livebrief vs plain-library baselines.

* Title: ``shared/data/mozilla-readability-test-pages`` (130 pages, 92 from real sites);
  gold = ``expected-metadata.json`` "title"; a hit is an equal title after
  :func:`livebrief.model.normalize_text` (case, punctuation and spacing ignored).
  Baselines: trafilatura's metadata title (``extract_metadata(html).title``) and the raw
  ``<title>`` element.
* Date: ``shared/data/htmldate-mediacloud-2020`` (200 pages; the 5 without a gold date are
  left out); a hit is the same day. Scored as upstream ``tests/evaluation.py`` does: equal
  day = TP, other day = FP, no date = FN; accuracy = TP / pages, precision = TP / (TP+FP),
  recall = (TP+FP) / pages. Baseline: ``htmldate.find_date(html)`` with its defaults.

pages/s = pages per CPU second of this process (load from other processes does not count).

Run: ``.venv/bin/python benchmarks/metadata.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data

if TYPE_CHECKING:
    from livebrief.model import Article

READABILITY = "mozilla-readability-test-pages"
MEDIACLOUD = "htmldate-mediacloud-2020"
FAKE_URL = "http://fakehost/test/page.html"  # the document URL the Readability harness uses


def title_pages(limit: int | None = None) -> list[tuple[str, str, bytes, str]]:
    """(name, kind, html bytes, gold title) for pages with a gold title, sorted by name."""
    root = _data.dataset(READABILITY)
    if root is None:
        return []
    kinds = {}
    for row in (root / "input" / "pages.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, _, kind = row.split("\t")[:3]
        kinds[name] = kind
    out = []
    for name in sorted(kinds):
        gold = _data.read_json(root / "gold" / name / "expected-metadata.json").get("title")
        if gold:
            out.append((name, kinds[name], _data.read_gz(root / "input" / "html" / f"{name}.html.gz"), gold))
    return out[:limit] if limit else out


def date_pages(limit: int | None = None) -> list[tuple[str, bytes, str]]:
    """(url, html bytes, gold day) for pages with a gold date, sorted by URL."""
    root = _data.dataset(MEDIACLOUD)
    if root is None:
        return []
    gold = _data.read_json(root / "gold" / "dates.json")
    out = [(url, _data.read_gz(root / "input" / "html" / item["file"]), item["date"])
           for url, item in sorted(gold.items()) if item.get("date")]
    return out[:limit] if limit else out


def _article(html: bytes, url: str | None) -> Article | None:
    from livebrief.errors import ExtractionError
    from livebrief.extract import extract
    from livebrief.model import RawDocument

    try:
        return extract(RawDocument(body=html, kind="html", url=url, source="benchmark"))
    except ExtractionError:
        return None


def ours_title(html: bytes, url: str | None) -> str | None:
    article = _article(html, url)
    return article.title if article else None


def trafilatura_title(html: bytes, url: str | None) -> str | None:
    from trafilatura import extract_metadata

    return extract_metadata(html.decode("utf-8", "replace"), default_url=url).title


def title_element(html: bytes, url: str | None) -> str | None:
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    node = tree.find(".//title")
    return node.text_content() if node is not None else None


def ours_date(html: bytes, url: str | None) -> str | None:
    article = _article(html, url)
    return article.published[:10] if article and article.published else None


def htmldate_default(html: bytes, url: str | None) -> str | None:
    from htmldate import find_date

    return find_date(html)


def title_match(found: str | None, gold: str, *, loose: bool = False) -> bool:
    """Equal after normalisation; ``loose`` also accepts one title starting or ending the
    other (at least two words), i.e. a site name kept or cut off ("Headline | Site")."""
    from livebrief.model import normalize_text

    if not found:
        return False
    a, b = normalize_text(found), normalize_text(gold)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return loose and len(short.split()) >= 2 and (long_.startswith(short + " ") or long_.endswith(" " + short))


def title_accuracy(extractor: Callable[[bytes, str | None], str | None],
                   pages: Sequence[tuple[str, str, bytes, str]]) -> dict[str, float]:
    """Exact and loose accuracy on all pages and on real-site pages, and pages/s."""
    extractor(pages[0][2], FAKE_URL)  # warm-up: imports and model loading are not per page
    start = time.process_time()
    rows = []
    for _, kind, html, gold in pages:
        found = extractor(html, FAKE_URL)
        rows.append((kind == "real-site", title_match(found, gold), title_match(found, gold, loose=True)))
    rate = len(pages) / (time.process_time() - start)
    real = [r for r in rows if r[0]]
    return {
        "all": sum(r[1] for r in rows) / len(rows),
        "real": sum(r[1] for r in real) / max(1, len(real)),
        "all_loose": sum(r[2] for r in rows) / len(rows),
        "real_loose": sum(r[2] for r in real) / max(1, len(real)),
        "pages/s": rate,
    }


def date_scores(extractor: Callable[[bytes, str | None], str | None],
                pages: Sequence[tuple[str, bytes, str]]) -> dict[str, float]:
    extractor(pages[0][1], pages[0][0])  # warm-up
    start = time.process_time()
    tp = fp = fn = 0
    for url, html, gold in pages:
        try:
            found = extractor(html, url)
        except Exception:  # noqa: BLE001 - a crash counts as no date, as upstream scores it
            found = None
        if not found:
            fn += 1
        elif found[:10] == gold:
            tp += 1
        else:
            fp += 1
    n = tp + fp + fn
    return {"accuracy": tp / n, "precision": tp / (tp + fp) if tp + fp else 0.0,
            "recall": (tp + fp) / n, "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
            "pages/s": n / (time.process_time() - start)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set only")
    args = parser.parse_args(argv)

    pages = title_pages(args.limit)
    if pages:
        real = sum(1 for p in pages if p[1] == "real-site")
        print(f"{READABILITY}: {len(pages)} pages with a gold title ({real} real-site); normalised exact match,"
              " and loose = a site-name part kept or cut counts as a match")
        print(f"{'system':<30} {'all':>7} {'real-site':>10} {'all loose':>10} {'real loose':>11} {'pages/s':>8}")
        for name, extractor in (("livebrief", ours_title), ("trafilatura extract_metadata", trafilatura_title),
                                ("<title> element", title_element)):
            m = title_accuracy(extractor, pages)
            print(f"{name:<30} {m['all']:>7.3f} {m['real']:>10.3f} {m['all_loose']:>10.3f} {m['real_loose']:>11.3f}"
                  f" {m['pages/s']:>8.1f}")
    else:
        print(f"{READABILITY}: not found (set ${_data.ENV_VAR})")

    dpages = date_pages(args.limit)
    if dpages:
        print(f"\n{MEDIACLOUD}: {len(dpages)} pages with a gold date; same day = hit")
        print(f"{'system':<30} {'accuracy':>9} {'precision':>9} {'recall':>9} {'F1':>7} {'pages/s':>8}")
        for name, extractor in (("livebrief", ours_date), ("htmldate find_date defaults", htmldate_default)):
            m = date_scores(extractor, dpages)
            print(f"{name:<30} {m['accuracy']:>9.3f} {m['precision']:>9.3f} {m['recall']:>9.3f} {m['f1']:>7.3f}"
                  f" {m['pages/s']:>8.1f}")
    else:
        print(f"{MEDIACLOUD}: not found (set ${_data.ENV_VAR})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
