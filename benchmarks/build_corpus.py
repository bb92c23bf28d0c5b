"""Build the throughput corpus for benchmarks/performance.py from the shared evaluation data.

Base documents (read in place from ``shared/data``, never copied into the repository):

* texts: PolNeAR articles (1,008), ECB+ articles (982), the geoparsing articles (GeoWebNews,
  LGL, TR-News, GeoVirus: 1,135), the Guardian Syria sample (249) -> JSON lines;
* pages: the Scrapinghub extraction benchmark (181) and trafilatura's English evaluation
  pages (160) -> per-record gzipped WARC files, as a crawler writes them.

The base set (~3,700 documents) is replicated until ``--size`` documents: replica ``k`` of a
document is a light, deterministic variation (two paragraphs swapped, a few figures nudged,
an edition line added; pages get the edition paragraph and a ``?r=k`` URL), so every
replica is a distinct article and many are near-duplicates of each other, as syndicated
news is. Shards hold ``--shard`` documents each.

Run: ``.venv/bin/python benchmarks/build_corpus.py --size 20000 --out /tmp/lb-corpus``
(the output folder must be outside the repository).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
_NUMBER = re.compile(r"\b\d{1,4}\b")
_BODY = re.compile(rb"<body[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Base:
    """One base document: a text record or an HTML page."""

    key: str
    kind: str  # text, html
    outlet: str
    title: str | None = None
    text: str | None = None
    html: bytes | None = None
    url: str | None = None
    published: str | None = None


def base_documents() -> list[Base]:
    """Every base document of the shared data sets that are present, in a fixed order."""
    return [*_polnear(), *_ecbplus(), *_geoparsing(), *_guardian(), *_pages()]


def _polnear() -> Iterator[Base]:
    root = _data.dataset("polnear")
    if root is None:
        return
    meta = {}
    with (root / "input" / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            meta[row["filename"]] = row
    for path in sorted((root / "input" / "text").glob("*/*.txt")):
        title, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n")
        row = meta.get(path.stem, {})
        yield Base(key=f"polnear/{path.stem}", kind="text", outlet=row.get("publisher") or "polnear",
                   title=title.strip(), text=body.strip(), published=row.get("publication_date") or None)


def _ecbplus() -> Iterator[Base]:
    root = _data.dataset("ecbplus")
    if root is None:
        return
    for path in sorted((root / "input" / "text").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        yield Base(key=f"ecbplus/{path.stem}", kind="text", outlet="ecbplus", text=text)


def _geoparsing() -> Iterator[Base]:
    root = _data.dataset("geoparsing-news")
    if root is None:
        return
    for path in sorted((root / "input").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        title = None
        if text.startswith("TITLE:"):
            head, _, text = text.partition("\n")
            title = head[len("TITLE:"):].split(" LINK:")[0].strip()
        yield Base(key=f"geo/{path.parent.name}/{path.stem}", kind="text", outlet=path.parent.name, title=title,
                   text=text.strip())


def _guardian() -> Iterator[Base]:
    root = _data.dataset("guardian-syria-sdf-sample")
    if root is None:
        return
    with (root / "input" / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            yield Base(key=f"guardian/{record['id']}", kind="text", outlet="Guardian", text=record["text"],
                       published=record.get("date"))


def _pages() -> Iterator[Base]:
    scrapinghub = _data.dataset("scrapinghub-article-extraction-benchmark")
    if scrapinghub is not None:
        gold = _data.read_json(scrapinghub / "gold" / "ground-truth.json")
        for path in sorted((scrapinghub / "input" / "html").glob("*.html.gz")):
            key = path.name[: -len(".html.gz")]
            yield Base(key=f"scrapinghub/{key}", kind="html", outlet="scrapinghub", html=_data.read_gz(path),
                       url=gold.get(key, {}).get("url") or f"https://scrapinghub.example/{key}")
    english = _data.dataset("trafilatura-eval-english")
    if english is not None:
        for path in sorted((english / "input" / "html").glob("*.gz")):
            name = path.name[: -len(".gz")]
            yield Base(key=f"trafilatura/{name}", kind="html", outlet="trafilatura-eval", html=_data.read_gz(path),
                       url=f"https://{name.split('-')[0] if '.' in name.split('-')[0] else 'pages.example'}/{name}")


# -- light changes ---------------------------------------------------------------------------


def vary_text(text: str, replica: int, rng: random.Random) -> str:
    """Replica ``k`` of a text: two paragraphs swapped, up to three figures nudged, an edition line."""
    if replica == 0:
        return text
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if len(paragraphs) > 3:
        i, j = rng.sample(range(1, len(paragraphs)), 2)
        paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    text = "\n\n".join(paragraphs)
    numbers = list(_NUMBER.finditer(text))
    for match in sorted(rng.sample(numbers, min(3, len(numbers))), key=lambda m: -m.start()):
        value = int(match.group()) + rng.randint(1, 3)
        text = text[:match.start()] + str(value) + text[match.end():]
    return f"{text}\n\n(Edition {replica}, updated with reporting from our correspondents.)"


def vary_page(html: bytes, replica: int) -> bytes:
    if replica == 0:
        return html
    note = f"<p>Edition {replica}: this report was updated with reporting from our correspondents.</p>".encode()
    match = _BODY.search(html)
    return html[:match.end()] + note + html[match.end():] if match else note + html


# -- writers ---------------------------------------------------------------------------------


def build(out: Path, *, size: int, shard: int = 2000, seed: int = 7) -> dict[str, int]:
    """Write ``size`` documents under ``out``; returns counts by kind and the number of base documents."""
    out = out.resolve()
    if out == REPO or REPO in out.parents:
        raise SystemExit(f"refusing to write the corpus inside the repository ({out}); choose a temp folder")
    bases = base_documents()
    if not bases:
        raise SystemExit("no shared data found (set LIVEBRIEF_SHARED_DATA or put shared/ beside the repo)")
    # Mixed order, so a small --size holds pages and texts of every set in their usual shares.
    random.Random(seed).shuffle(bases)
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("texts-*.jsonl"), *out.glob("pages-*.warc.gz")]:
        old.unlink()
    counts = {"base": len(bases), "text": 0, "html": 0}
    texts = _Shards(out, "texts-{:03d}.jsonl", shard, _JsonlShard)
    pages = _Shards(out, "pages-{:03d}.warc.gz", shard, _WarcShard)
    for n in range(size):
        base, replica = bases[n % len(bases)], n // len(bases)
        rng = random.Random(f"{seed}/{base.key}/{replica}")
        if base.kind == "text":
            record = {"url": f"https://{_slug(base.outlet)}.corpus.example/{base.key}?r={replica}",
                      "title": base.title, "outlet": base.outlet, "published": base.published,
                      "text": vary_text(base.text or "", replica, rng)}
            texts.add(json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False).encode("utf-8") + b"\n")
        else:
            url = f"{base.url}{'&' if '?' in (base.url or '') else '?'}r={replica}" if replica else base.url
            pages.add((url, vary_page(base.html or b"", replica)))
        counts[base.kind] += 1
    texts.close()
    pages.close()
    return counts


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "outlet"


class _JsonlShard:
    def __init__(self, path: Path) -> None:
        self.handle = path.open("wb")

    def add(self, line: bytes) -> None:
        self.handle.write(line)

    def close(self) -> None:
        self.handle.close()


class _WarcShard:
    def __init__(self, path: Path) -> None:
        self.handle = path.open("wb")
        self.writer = WARCWriter(self.handle, gzip=True)

    def add(self, item: tuple[str, bytes]) -> None:
        url, body = item
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        self.writer.write_record(self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-05-07T10:00:00Z"}))

    def close(self) -> None:
        self.handle.close()


class _Shards:
    """Items spread over numbered files of at most ``per_file`` items each."""

    def __init__(self, folder: Path, pattern: str, per_file: int, kind: type) -> None:
        self.folder, self.pattern, self.per_file, self.kind = folder, pattern, per_file, kind
        self.current, self.count, self.index = None, 0, 0

    def add(self, item) -> None:
        if self.current is None or self.count == self.per_file:
            self.close()
            self.current = self.kind(self.folder / self.pattern.format(self.index))
            self.index += 1
            self.count = 0
        self.current.add(item)
        self.count += 1

    def close(self) -> None:
        if self.current is not None:
            self.current.close()
            self.current = None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20000, help="documents to write (default 20000)")
    parser.add_argument("--out", type=Path, required=True, help="output folder, outside the repository")
    parser.add_argument("--shard", type=int, default=2000, help="documents per file (default 2000)")
    args = parser.parse_args(argv)
    counts = build(args.out, size=args.size, shard=args.shard)
    total = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    print(f"wrote {counts['text'] + counts['html']} documents ({counts['text']} texts, {counts['html']} pages; "
          f"{counts['base']} base documents) to {args.out}, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
