"""A seeded evaluation set for duplicate detection, built in memory from shared/data texts.

Originals are real news texts (Guardian Syria sample, ECB+, PolNeAR). Copies are derived
from them the way syndication and scraping derive them; negatives are other real articles
on the same topics (ECB+ documents about the same event from other outlets are the hard
ones). Nothing is written to disk; the texts never enter the repository.

Transformations of a copy (its ``transform``):

* ``exact``          same text, spacing / quotes / punctuation changed only
* ``boilerplate``    the outlet's ad markers, share bar, "Source link", comment form,
                     related-posts list, newsletter box added around and between paragraphs
* ``drop``           1–3 paragraphs dropped (at least 60% of the words kept)
* ``headline``       title line replaced (or a headline added when there was none)
* ``light_edit``     3–8 word substitutions, a typo, punctuation and spacing changes
* ``truncate``       first paragraphs only (≥ 60% of the words) plus a "read more" line
* ``mixed``          boilerplate + light edit + one dropped paragraph or a new headline
* ``source_link``    teaser with boilerplate that names its original in ``original_url``;
                     half of them are dated before the original
* ``canonical``      as above, through ``canonical_url`` (and ``original_url``, as extraction sets it)

Negatives (singletons): untouched articles, pairs of distinct articles given the same
outlet boilerplate (``shared_boilerplate``), articles that quote up to three sentences
(≤ 40% of its words) of another article on the same topic (``quoted_paragraph``), and round-up pages made of
teasers (≤ 60% and ≤ 120 words each) of three untouched articles of the set
(``roundup``: it must not chain them).

Source texts that already overlap each other (the corpora hold a few real wire copies)
are dropped from the sample so the gold groups stay clean; ``DedupSet.dropped`` counts them.

Use: ``build(split="dev", seed=1, originals=150, negatives=300)``; ``split`` is ``dev`` or
``test`` (disjoint documents; ECB+ split by topic so same-event negatives stay together).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _data  # noqa: E402

TRANSFORMS = ("exact", "boilerplate", "drop", "headline", "light_edit", "truncate", "mixed",
              "source_link", "canonical")
_WEIGHTS = (10, 14, 14, 10, 12, 12, 14, 7, 7)
_MIN_WORDS = 25
_OVERLAP = 0.15  # two source texts sharing more of their 5-shingles than this are not distinct


@dataclass(frozen=True)
class Source:
    """One real article: where it came from, its title (when known) and its paragraphs."""

    doc_id: str
    corpus: str
    topic: str
    title: str | None
    paragraphs: tuple[str, ...]
    date: str | None

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


@dataclass(frozen=True)
class Item:
    """One article of the set, with its gold group and how it was made."""

    id: str
    text: str
    group: str
    transform: str  # "original", a copy transform, "negative", "shared_boilerplate", "quoted_paragraph"
    url: str
    published: str | None
    fetched_at: str
    original_url: str | None = None
    canonical_url: str | None = None
    corpus: str = ""
    topic: str = ""
    words: int = 0


@dataclass
class DedupSet:
    split: str
    seed: int
    items: list[Item]  # in arrival order: copies may come before their original
    originals: dict[str, str] = field(default_factory=dict)  # gold group -> id of its original
    dropped: int = 0


# --- sources -----------------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘A-Z0-9])")


def _stable(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def _split_of(source: Source) -> str:
    if source.corpus == "ecbplus":
        return "dev" if int(source.topic.split("-")[1]) % 2 == 0 else "test"
    return "dev" if _stable(source.doc_id) % 2 == 0 else "test"


def _paragraphs(blocks: list[str], key: str) -> tuple[str, ...]:
    """News-sized paragraphs: blocks over 120 words are cut into groups of 1–3 sentences."""
    rng = random.Random(key)
    out: list[str] = []
    for block in blocks:
        if len(block.split()) <= 120:
            out.append(block)
            continue
        sentences = _SENTENCE.split(block)
        i = 0
        while i < len(sentences):
            n = rng.choice((1, 2, 2, 3))
            out.append(" ".join(sentences[i:i + n]))
            i += n
    return tuple(out)


def _guardian(root: Path) -> list[Source]:
    path = root / "guardian-syria-sdf-sample" / "input" / "articles.jsonl"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        # The sample has no paragraph breaks: the whole text is one block.
        paragraphs = _paragraphs([record["text"].strip()], record["id"])
        out.append(Source(f"guardian/{record['id']}", "guardian", "syria", None, paragraphs, record.get("date")))
    return out


def _ecbplus(root: Path) -> list[Source]:
    out = []
    for path in sorted((root / "ecbplus" / "input" / "text").glob("*/*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if lines and lines[0].lower().startswith("http"):
            lines = lines[1:]  # ECB+ documents start with their source URL
        title = lines[0] if path.stem.endswith("ecbplus") and len(lines) > 1 else None
        body = lines[1:] if title else lines
        topic = path.parent.name
        out.append(Source(f"ecbplus/{path.stem}", "ecbplus", f"ecb-{topic}", title, tuple(body), None))
    return out


def _polnear(root: Path) -> list[Source]:
    base = root / "polnear" / "input"
    dates = {}
    meta = base / "metadata.tsv"
    if meta.is_file():
        rows = [r.split("\t") for r in meta.read_text(encoding="utf-8").splitlines()]
        header = rows[0]
        for row in rows[1:]:
            record = dict(zip(header, row))
            dates[record.get("filename")] = record.get("publication_date")
    out = []
    for path in sorted(base.glob("text/*/*.txt")):
        blocks = [b.strip() for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if b.strip()]
        if len(blocks) < 2:
            continue
        out.append(Source(f"polnear/{path.stem}", "polnear", "us-election", blocks[0],
                          _paragraphs(blocks[1:], path.stem),
                          dates.get(path.stem)))
    return out


def load_sources(root: Path | None = None) -> list[Source]:
    """Every usable source article; empty when the shared data is absent."""
    root = root or _data.shared_data_dir()
    if root is None:
        return []
    sources: list[Source] = []
    for reader, folder in ((_guardian, "guardian-syria-sdf-sample"), (_ecbplus, "ecbplus"), (_polnear, "polnear")):
        if (root / folder).is_dir():
            sources.extend(reader(root))
    return [s for s in sources if s.words >= _MIN_WORDS]


def _shingles(text: str, size: int = 5) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}


def _distinct(sources: list[Source]) -> tuple[list[Source], int]:
    """Keep sources in order, dropping any that overlap an already kept one."""
    kept: list[Source] = []
    kept_sizes: list[int] = []
    seen: dict[str, list[int]] = defaultdict(list)
    dropped = 0
    for source in sources:
        shingles = _shingles(_body(source))
        shared: dict[int, int] = defaultdict(int)
        for s in shingles:
            for k in seen.get(s, ()):
                shared[k] += 1
        sizes = len(shingles)
        if any(n / max(1, min(sizes, kept_sizes[k])) > _OVERLAP for k, n in shared.items()):
            dropped += 1
            continue
        index = len(kept)
        kept.append(source)
        kept_sizes.append(sizes)
        for s in shingles:
            seen[s].append(index)
    return kept, dropped


def _body(source: Source) -> str:
    return "\n\n".join(([source.title] if source.title else []) + list(source.paragraphs))


# --- boilerplate and edits (all wording here is ours) ------------------------------------

_OUTLETS = ("dailywire-aggregator", "newsnow-hub", "worldpost-digest", "frontpage-feed", "globalbrief-news",
            "headlines-today", "the-news-roundup", "pressreader-mirror")
_ADS = ("Advertisement", "ADVERTISEMENT", "Sponsored content", "Story continues below advertisement",
        "Ad", "Continue reading the main story")
_SHARE = ("Share this: Facebook Twitter WhatsApp Email Print",
          "Click to share on Twitter (Opens in new window) Click to share on Facebook (Opens in new window)",
          "Share on Facebook Share on Twitter Share via Email")
_COMMENTS = ("Leave a Reply Cancel reply Your email address will not be published. Required fields are marked "
             "* Comment * Name * Email * Website Save my name, email, and website in this browser for the next "
             "time I comment.",
             "Comments are moderated and may take a while to appear. Please keep the discussion civil and on "
             "topic. Log in or register to join the conversation.",
             "Join the discussion: 0 comments. Be the first to comment on this story.")
_NEWSLETTER = ("Sign up for our daily newsletter and get the top stories delivered to your inbox every morning.",
               "Follow us on Twitter and Facebook for the latest updates from around the world.",
               "Get breaking news alerts on your phone: download our free app today.",
               "We use cookies to improve your experience on our site. By continuing to browse you agree to our "
               "use of cookies.")
_SOURCE = ("Source link", "Source: {outlet}", "This article first appeared on {outlet}.",
           "Originally published at {outlet}. Read the original here.")
_READ_MORE = ("Read more »", "Continue reading at {outlet} ...", "Read the full story here.",
              "[...] Read the rest of this article")
_HEADLINE = ("Breaking: {x}", "{x} – report", "WATCH: {x}", "{x} (UPDATED)", "What we know: {x}", "{x}, officials say")
_SUBSTITUTIONS = (("said", "says"), ("says", "said"), ("the United States", "the US"), ("U.S.", "US"),
                  ("percent", "per cent"), ("per cent", "percent"), ("government", "administration"),
                  ("about", "around"), ("people", "persons"), ("killed", "left dead"), ("told", "informed"),
                  ("Mr.", "Mr"), ("Monday", "on Monday"), ("also", "additionally"), ("but", "however"),
                  ("more than", "over"), ("children", "kids"), ("attack", "assault"), ("officials", "authorities"))


def _outlet_boilerplate(outlet: str, rng: random.Random, related: list[str]) -> tuple[list[str], list[str], str]:
    """Header lines, footer lines and an in-body ad marker for one outlet (stable per outlet)."""
    own = random.Random(outlet)
    header = [f"{outlet.replace('-', ' ').title()} | Home | World | Politics | Business | Opinion",
              own.choice(_SHARE)]
    footer = [rng.choice(_SOURCE).format(outlet=outlet + ".example"), own.choice(_NEWSLETTER)]
    if related:
        footer.append("Related posts: " + " | ".join(related))
    footer.append(own.choice(_COMMENTS))
    if own.random() < 0.5:
        footer.append(f"Copyright {own.randint(2012, 2019)} {outlet}. All rights reserved. This material may "
                      "not be published, broadcast, rewritten or redistributed.")
    return header, footer, own.choice(_ADS)


def _add_boilerplate(paragraphs: list[str], outlet: str, rng: random.Random, related: list[str],
                     *, light: bool = False) -> list[str]:
    header, footer, ad = _outlet_boilerplate(outlet, rng, related)
    body = list(paragraphs)
    for _ in range(0 if light else rng.randint(1, 2)):
        body.insert(rng.randint(1, max(1, len(body) - 1)), ad)
    if light:
        return [header[1]] + body + footer[:1]
    return header + body + footer


def _drop(paragraphs: list[str], rng: random.Random, *, most: int = 3) -> list[str]:
    total = sum(len(p.split()) for p in paragraphs)
    for k in range(min(most, len(paragraphs) - 1), 0, -1):
        want = rng.randint(1, k)
        for _ in range(20):
            gone = set(rng.sample(range(len(paragraphs)), want))
            kept = [p for i, p in enumerate(paragraphs) if i not in gone]
            if sum(len(p.split()) for p in kept) >= 0.6 * total:
                return kept
    return paragraphs


def _truncate(paragraphs: list[str], rng: random.Random) -> list[str]:
    total = sum(len(p.split()) for p in paragraphs)
    floor = rng.uniform(0.6, 0.85) * total
    kept, words = [], 0
    for p in paragraphs:
        kept.append(p)
        words += len(p.split())
        if words >= floor:
            break
    return kept


def _light_edit(paragraphs: list[str], rng: random.Random) -> list[str]:
    text = "\n\n".join(paragraphs)
    edits = rng.randint(3, 8)
    for old, new in rng.sample(_SUBSTITUTIONS, len(_SUBSTITUTIONS)):
        if edits <= 0:
            break
        spots = [m.start() for m in re.finditer(r"\b" + re.escape(old) + r"\b", text)]
        if spots:
            at = rng.choice(spots)
            text = text[:at] + new + text[at + len(old):]
            edits -= 1
    words = list(re.finditer(r"\b[a-z]{5,}\b", text))
    if words:  # one typo: two letters swapped
        m = rng.choice(words)
        w = m.group()
        i = rng.randrange(len(w) - 1)
        text = text[:m.start()] + w[:i] + w[i + 1] + w[i] + w[i + 2:] + text[m.end():]
    text = text.replace(", ", " , ", 2).replace("  ", " ").replace('"', "“", 1)
    return text.split("\n\n")


def _respace(text: str, rng: random.Random) -> str:
    text = text.replace("'", "’").replace(" - ", " – ")
    return re.sub(r"\s+", lambda m: m.group() + (" " if rng.random() < 0.1 else ""), text)


def _headline(source: Source, rng: random.Random) -> str:
    seed = source.title or " ".join(source.paragraphs[0].split()[:9])
    words = seed.rstrip(".").split()
    if len(words) > 6 and rng.random() < 0.5:
        words = words[: rng.randint(5, len(words) - 1)]
    return rng.choice(_HEADLINE).format(x=" ".join(words))


# --- building the set --------------------------------------------------------------------

def _stamp(moment: datetime, rng: random.Random) -> str:
    # Mixed offsets and a few naive stamps, as feeds deliver them.
    choice = rng.random()
    if choice < 0.2:
        return moment.astimezone(timezone(timedelta(hours=2))).isoformat()
    if choice < 0.3:
        return moment.replace(tzinfo=None).isoformat()
    return moment.isoformat()


def _base_date(source: Source, rng: random.Random) -> datetime:
    day = None
    if source.date:
        try:
            day = datetime.fromisoformat(source.date[:10]).replace(tzinfo=timezone.utc)
        except ValueError:
            day = None
    if day is None:
        day = datetime(2013, 1, 1, tzinfo=timezone.utc) + timedelta(days=rng.randrange(365))
    return day + timedelta(minutes=rng.randrange(6 * 60, 20 * 60))


def _slug(source: Source) -> str:
    return re.sub(r"[^a-z0-9]+", "-", source.doc_id.lower()).strip("-")


def build(*, split: str = "dev", seed: int = 1, originals: int = 150, negatives: int = 300,
          root: Path | None = None, sources: list[Source] | None = None) -> DedupSet:
    """A set with ``originals`` groups of copies and ``negatives`` distinct singletons."""
    if split not in ("dev", "test"):
        raise ValueError(f"split must be 'dev' or 'test', got {split!r}")
    pool = [s for s in (sources if sources is not None else load_sources(root)) if _split_of(s) == split]
    rng = random.Random(f"dedup-set/{split}/{seed}")
    pool.sort(key=lambda s: s.doc_id)
    rng.shuffle(pool)
    # Draw a little more than needed: overlapping texts are dropped below.
    wanted = originals + negatives + negatives // 5
    chosen, dropped = _distinct(pool[: int(wanted * 1.15) + 10])
    if len(chosen) < originals + negatives:
        raise ValueError(f"only {len(chosen)} distinct {split} sources for {originals + negatives} articles")
    heads, rest = chosen[:originals], chosen[originals:]
    titles = [s.title or " ".join(s.paragraphs[0].split()[:10]) for s in chosen]

    items: list[Item] = []
    gold_originals: dict[str, str] = {}
    counter = iter(range(10**9))

    def new_id() -> str:
        return f"{split}{seed}-{next(counter):05d}"

    for source in heads:
        group = source.doc_id
        when = _base_date(source, rng)
        home = f"https://{source.corpus}-{_stable(group) % 7}.example/{_slug(source)}"
        text = _body(source)
        original = Item(new_id(), text, group, "original", home, _stamp(when, rng),
                        _stamp(when + timedelta(minutes=rng.randint(1, 90)), rng),
                        corpus=source.corpus, topic=source.topic, words=source.words)
        items.append(original)
        gold_originals[group] = original.id
        for _ in range(rng.choices((1, 2, 3), weights=(5, 3, 2))[0]):
            transform = rng.choices(TRANSFORMS, weights=_WEIGHTS)[0]
            outlet = rng.choice(_OUTLETS)
            related = rng.sample(titles, 3) if rng.random() < 0.7 else []
            body = ([source.title] if source.title else []) + list(source.paragraphs)
            original_url = canonical_url = None
            delay = timedelta(minutes=rng.randint(10, 3 * 24 * 60))
            if transform == "exact":
                copy_text = _respace(text, rng)
            else:
                if transform == "boilerplate":
                    body = _add_boilerplate(body, outlet, rng, related)
                elif transform == "drop":
                    body = _drop(body, rng)
                elif transform == "headline":
                    new = _headline(source, rng)
                    body = [new] + (body[1:] if source.title else body)
                elif transform == "light_edit":
                    body = _light_edit(body, rng)
                elif transform == "truncate":
                    body = _truncate(body, rng) + [rng.choice(_READ_MORE).format(outlet=outlet + ".example")]
                elif transform == "mixed":
                    body = _drop(body, rng, most=1) if rng.random() < 0.5 else \
                        [_headline(source, rng)] + (body[1:] if source.title else body)
                    body = _add_boilerplate(_light_edit(body, rng), outlet, rng, related, light=True)
                else:  # source_link / canonical: a teaser that says where it comes from
                    body = _add_boilerplate(_truncate(body, rng), outlet, rng, related, light=True)
                    original_url = home
                    canonical_url = home if transform == "canonical" else None
                    if rng.random() < 0.5:
                        delay = -timedelta(minutes=rng.randint(10, 600))  # a wrong, earlier date
                copy_text = "\n\n".join(body)
            published = None if rng.random() < 0.05 else _stamp(when + delay, rng)
            items.append(Item(new_id(), copy_text, group, transform,
                              f"https://{outlet}.example/{rng.randrange(10**6)}/{_slug(source)}", published,
                              _stamp(when + abs(delay) + timedelta(minutes=rng.randint(1, 120)), rng),
                              original_url=original_url, canonical_url=canonical_url,
                              corpus=source.corpus, topic=source.topic, words=len(copy_text.split())))

    by_topic: dict[str, list[Source]] = defaultdict(list)
    for s in chosen:
        by_topic[s.topic].append(s)
    shared_outlet = None
    for n, source in enumerate(rest[:negatives]):
        when = _base_date(source, rng)
        body = ([source.title] if source.title else []) + list(source.paragraphs)
        kind, roll = "negative", rng.random()
        if roll < 0.2:
            # Pairs of distinct articles reposted by the same outlet, with its boilerplate.
            kind = "shared_boilerplate"
            shared_outlet = shared_outlet if (n % 2 and shared_outlet) else rng.choice(_OUTLETS)
            body = _add_boilerplate(body, shared_outlet, random.Random(shared_outlet), [])
        elif roll < 0.3:
            others = [s for s in by_topic[source.topic] if s.doc_id != source.doc_id]
            if others:
                kind = "quoted_paragraph"
                # Up to three sentences of another article on the topic, at most 40% of its words
                # (quoting most of a short article would make a partial copy, not a negative).
                other = rng.choice(others)
                sentences, budget = _SENTENCE.split(max(other.paragraphs, key=len))[:3], 0.4 * other.words
                while len(sentences) > 1 and len(" ".join(sentences).split()) > budget:
                    sentences.pop()
                quoted = " ".join(sentences)
                body.insert(rng.randint(1, len(body)), "As reported earlier: " + quoted)
        text = "\n\n".join(body)
        items.append(Item(new_id(), text, f"neg/{source.doc_id}", kind,
                          f"https://{source.corpus}-{_stable(source.doc_id) % 7}.example/{_slug(source)}",
                          _stamp(when, rng), _stamp(when + timedelta(minutes=rng.randint(1, 90)), rng),
                          corpus=source.corpus, topic=source.topic, words=len(text.split())))
    # Round-ups: one page made of teasers of three articles that are in the set too.
    plain = [(it, src) for it, src in zip(items[-negatives:], rest[:negatives]) if it.transform == "negative"]
    for n in range(max(1, negatives // 25) if len(plain) >= 3 else 0):
        picked = rng.sample(plain, 3)
        parts = [f"Today's briefing from {rng.choice(_OUTLETS)}.example"]
        for _, src in picked:
            # Whole sentences up to 30–60% of the article and at most 120 words: a teaser, not a copy.
            sentences = [x for paragraph in src.paragraphs for x in _SENTENCE.split(paragraph)]
            budget = min(rng.uniform(0.3, 0.6) * src.words, 120)
            kept: list[str] = []
            words = 0
            for sentence in sentences:
                if kept and words + len(sentence.split()) > budget:
                    break
                kept.append(sentence)
                words += len(sentence.split())
            parts += ([src.title] if src.title else []) + [" ".join(kept), "Read more"]
        text = "\n\n".join(parts)
        when = _base_date(picked[0][1], rng) + timedelta(days=1)
        items.append(Item(new_id(), text, f"neg/roundup-{n}", "roundup",
                          f"https://{rng.choice(_OUTLETS)}.example/briefing/{n}", _stamp(when, rng),
                          _stamp(when + timedelta(minutes=5), rng), corpus="mixed", topic="mixed",
                          words=len(text.split())))
    rng.shuffle(items)
    return DedupSet(split=split, seed=seed, items=items, originals=gold_originals, dropped=dropped)
