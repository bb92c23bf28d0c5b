"""Exact and near-duplicate copies of articles, and which one is the original.

Syndicated news reaches us many times: the wire text on ten outlets, a blog that
reposts it with a "Source link" and a comment form, a teaser that keeps the first
paragraphs. This module groups such copies and names one original per group.

* :func:`signature` turns a text into a compact MinHash of its word shingles
  (bytes, stored once by the store and never recomputed).
* :class:`DuplicateIndex` takes :class:`DupEntry` records one at a time and returns
  the current :class:`~livebrief.model.CopyLink` list of the group each one lands in.
* :func:`group_all` does the same for a batch.

How two articles are judged copies (the measures are calibrated on
``benchmarks/dedup.py``, see ``docs/dedup.md``):

* equal ``text_hash``: exact copy;
* the page says so: its ``original_url`` (a "Source link" anchor, a rel=canonical
  elsewhere) names the other article's URL; remembered until that URL arrives;
* MinHash-LSH candidates confirmed either by estimated Jaccard ≥ ``threshold`` or
  by estimated *containment* (share of the smaller text's shingles found in the
  larger) ≥ ``containment``, as long as the shared part also covers at least
  ``min_cover`` of the larger text. Containment is what catches "original plus
  boilerplate" and "original minus paragraphs"/teasers, where Jaccard falls to
  0.5–0.65; the cover floor keeps a snippet inside a long page (a quoted paragraph,
  one teaser of a round-up) from making that page a copy.
* texts shorter than ``short_words`` words give too few shingles for a reliable
  estimate: they match exactly, or at Jaccard or containment ≥ ``short_threshold``
  (containment with a cover of at least ``short_cover``).
* an outlet's template (header, share bar, comment form) left in by extraction makes
  unrelated short articles look alike. A band of MinHash values that the index has
  already seen in ``common_groups`` other groups is taken for such shared text, and
  the pair is judged on the remaining slots only.

Groups are connected components. The original of a group is the member that other
members explicitly name (source link / canonical), else the earliest published,
then the earliest fetched, then the smallest id.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from livebrief.errors import ConfigError, DedupError
from livebrief.model import Article, CopyLink, normalize_text, text_hash

log = logging.getLogger(__name__)

__all__ = [
    "DedupError",
    "DedupOptions",
    "DupEntry",
    "DuplicateIndex",
    "entry_for",
    "from_signature",
    "group_all",
    "signature",
    "signature_shingles",
    "url_key",
]

# Signature layout: a small header so a stored blob says how it was made, then the
# MinHash values as little-endian uint32 ("affine32" scheme of datasketch >= 2).
# 128 permutations -> 8 + 512 bytes.
_HEADER = struct.Struct("<BBHI")  # version, words per shingle, num_perm, distinct shingles
_VERSION = 1
_SEED = 1  # fixed: signatures made by different processes must compare
_SCHEME = "affine32"
_EMPTY = np.uint32(0xFFFFFFFF)

# Query parameters that never change which page a URL names.
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "src")


@dataclass(frozen=True)
class DedupOptions:
    """How alike two texts must be to count as copies.

    ``threshold``, ``num_perm`` and ``shingle`` come from the ``dedup.*`` settings;
    the rest are calibrated defaults (see docs/dedup.md).
    """

    threshold: float = 0.7
    num_perm: int = 128
    shingle: int = 5
    containment: float = 0.75
    min_cover: float = 0.25
    short_words: int = 40
    short_threshold: float = 0.9
    short_cover: float = 0.6
    lsh_rows: int = 2
    common_groups: int = 3
    min_content_slots: int = 32

    def __post_init__(self) -> None:
        shares = ("threshold", "containment", "min_cover", "short_threshold", "short_cover")
        bad = [name for name in shares if not 0.0 < getattr(self, name) <= 1.0]
        if bad:
            raise ConfigError(f"dedup options {', '.join(bad)} must be in (0, 1]")
        if not 1 <= self.lsh_rows <= self.num_perm // 2:
            raise ConfigError(f"dedup lsh_rows must be between 1 and num_perm/2, got {self.lsh_rows}")

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> DedupOptions:
        """Options from a :class:`~livebrief.settings.Settings` (``dedup.*``), with overrides."""
        values: dict[str, Any] = {
            "threshold": float(settings["dedup.threshold"]),
            "num_perm": int(settings["dedup.num_perm"]),
            "shingle": int(settings["dedup.shingle"]),
        }
        values.update(overrides)
        return cls(**values)


@dataclass(frozen=True)
class DupEntry:
    """What the index needs to know about one article (the store keeps all of it).

    ``length`` is the number of words of the normalised text; ``signature`` comes
    from :func:`signature`.
    """

    article_id: str
    url: str | None
    canonical_url: str | None
    original_url: str | None
    published: str | None
    fetched_at: str | None
    text_hash: str
    signature: bytes
    length: int


# --- signatures ---------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    # Building the permutations draws from a RandomState; do it once per num_perm.
    return MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME)


def _shingles(words: list[str], size: int) -> set[bytes]:
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, *, num_perm: int = 128, shingle: int = 5) -> bytes:
    """The MinHash of the word shingles of the normalised text, as compact bytes.

    The bytes hold a header (format version, shingle size, num_perm, number of
    distinct shingles) and the MinHash values as little-endian uint32.
    """
    return _sign(normalize_text(text).split(), num_perm=num_perm, shingle=shingle)


def _sign(words: list[str], *, num_perm: int, shingle: int) -> bytes:
    if not 1 <= shingle <= 255 or not 2 <= num_perm <= 65535:
        raise DedupError(f"signature needs 1 <= shingle <= 255 and 2 <= num_perm <= 65535, "
                         f"got shingle={shingle}, num_perm={num_perm}")
    shingles = _shingles(words, shingle)
    minhash = _template(num_perm).copy()
    minhash.update_batch(shingles)
    values = np.asarray(minhash.hashvalues, dtype="<u4")
    return _HEADER.pack(_VERSION, shingle, num_perm, len(shingles)) + values.tobytes()


def _unpack(data: bytes) -> tuple[int, int, int, np.ndarray]:
    if len(data) < _HEADER.size:
        raise DedupError(f"signature too short: {len(data)} bytes")
    version, shingle, num_perm, count = _HEADER.unpack_from(data)
    if version != _VERSION:
        raise DedupError(f"signature format {version} is not supported (expected {_VERSION})")
    if len(data) != _HEADER.size + 4 * num_perm:
        raise DedupError(f"signature of {len(data)} bytes does not hold {num_perm} values")
    values = np.frombuffer(data, dtype="<u4", offset=_HEADER.size).astype(np.uint32)
    return shingle, num_perm, count, values


def from_signature(data: bytes) -> LeanMinHash:
    """The MinHash stored in :func:`signature` bytes (raises DedupError on a bad blob)."""
    _, _, _, values = _unpack(data)
    return LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)


def signature_shingles(data: bytes) -> int:
    """How many distinct shingles the signed text had (0 for an empty text)."""
    return _unpack(data)[2]


def entry_for(article: Article, *, num_perm: int = 128, shingle: int = 5,
              signature_bytes: bytes | None = None) -> DupEntry:
    """The index entry of an article; the signature is computed unless given."""
    words = normalize_text(article.text).split()
    return DupEntry(
        article_id=article.id,
        url=article.url,
        canonical_url=article.canonical_url,
        original_url=article.original_url,
        published=article.published,
        fetched_at=article.fetched_at,
        text_hash=article.text_hash or text_hash(article.text),
        signature=signature_bytes if signature_bytes is not None
        else _sign(words, num_perm=num_perm, shingle=shingle),
        length=len(words),
    )


# --- helpers --------------------------------------------------------------------------------


def url_key(url: str | None) -> str | None:
    """A URL folded so that spellings of the same page compare equal.

    Scheme, ``www.``, default ports, fragments, trailing slashes and tracking
    parameters are dropped; host is lower-cased; remaining query parameters are sorted.
    """
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    try:
        port = parts.port if parts.port not in (None, 80, 443) else None
    except ValueError:  # a port that is not a number: keep the URL, drop the port
        port = None
    path = parts.path.rstrip("/") or ""
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not k.lower().startswith(_TRACKING))
    key = host + (f":{port}" if port else "") + path
    return key + ("?" + urlencode(query) if query else "")


def _when(value: str | None) -> float | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        # An unreadable date is the same as no date: such members sort after dated ones.
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


@dataclass
class _Member:
    entry: DupEntry
    values: np.ndarray
    shingles: int
    keys: tuple[str, ...]
    pointer: str | None  # url key of the page this one says it copies
    pointer_method: str  # "canonical" or "source_link"
    order: tuple[Any, ...] = field(default=())


@dataclass(frozen=True)
class _Match:
    jaccard: float
    containment: float
    cover: float


def _estimate(jaccard: float, size_a: float, size_b: float) -> _Match:
    if size_a <= 0 or size_b <= 0:
        return _Match(0.0, 0.0, 0.0)
    # |A∩B| from J = |A∩B| / |A∪B| and the set sizes.
    inter = min(jaccard * (size_a + size_b) / (1.0 + jaccard), size_a, size_b)
    return _Match(jaccard, inter / min(size_a, size_b), inter / max(size_a, size_b))


def _compare(a: _Member, b: _Member) -> _Match:
    if a.shingles == 0 or b.shingles == 0:
        return _Match(0.0, 0.0, 0.0)
    return _estimate(float(np.count_nonzero(a.values == b.values)) / len(a.values), a.shingles, b.shingles)


# --- the index ------------------------------------------------------------------------------


class DuplicateIndex:
    """Incremental grouping of copies; feed it entries in any order.

    :meth:`add` returns the full current list of links of the group the entry joined:
    every member except the original, each pointing at the original. A member that is
    absent from the list is the original (a store should drop any older link of it).
    """

    def __init__(self, options: DedupOptions | None = None) -> None:
        self.options = options or DedupOptions()
        opts = self.options
        # Bands of two rows: a pair is a candidate with probability 1-(1-J²)^(num_perm/2), 0.97 at
        # J = 0.23, about the lowest Jaccard of a copy the containment rule accepts (0.75, cover 0.25).
        self._lsh = MinHashLSH(num_perm=opts.num_perm, params=(opts.num_perm // opts.lsh_rows, opts.lsh_rows))
        self._members: dict[str, _Member] = {}
        self._parent: dict[str, str] = {}
        self._groups: dict[str, list[str]] = {}
        self._by_hash: dict[str, str] = {}
        self._by_url: dict[str, list[str]] = {}
        self._naming: dict[str, list[str]] = {}  # url key -> ids that name it as their original

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> DuplicateIndex:
        """An index configured from ``dedup.*`` settings."""
        return cls(DedupOptions.from_settings(settings, **overrides))

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._members

    def add(self, entry: DupEntry) -> list[CopyLink]:
        """Index one entry; return the links of the group it now belongs to."""
        if entry.article_id in self._members:
            return self._links(self._find(entry.article_id))
        member = self._member(entry)
        aid = entry.article_id
        self._members[aid] = member
        self._parent[aid] = aid
        self._groups[aid] = [aid]

        for key in member.keys:
            self._by_url.setdefault(key, []).append(aid)
            for copy in self._naming.get(key, ()):
                self._union(aid, copy)
        if member.pointer is not None:
            for target in self._by_url.get(member.pointer, ()):
                self._union(aid, target)
            # Remembered even when the page is already here: a later fetch of it joins too.
            self._naming.setdefault(member.pointer, []).append(aid)

        # A text with no words says nothing about where it came from: only explicit links join it.
        twin = self._by_hash.get(entry.text_hash) if entry.text_hash and entry.length > 0 else None
        if twin is not None:
            # An exact copy shares everything with its twin; the twin's LSH entry stands for both.
            self._union(aid, twin)
        elif entry.length > 0 and member.shingles:
            if entry.text_hash:
                self._by_hash[entry.text_hash] = aid
            minhash = LeanMinHash(seed=_SEED, hashvalues=member.values, scheme=_SCHEME)
            candidates = self._lsh.query(minhash)
            if candidates:
                common = self._common_slots(member)
                for other in sorted(candidates):  # a fixed order makes runs repeatable
                    if self._find(other) != self._find(aid) and \
                            self._is_copy(member, self._members[other], common):
                        log.debug("%s is a near copy of %s", aid, other)
                        self._union(aid, other)
            self._lsh.insert(aid, minhash, check_duplication=False)
        return self._links(self._find(aid))

    def links(self) -> list[CopyLink]:
        """Every current link, group by group."""
        return [link for root in list(self._groups) for link in self._links(root)]

    def original_of(self, article_id: str) -> str:
        """The original of the group the article is in (itself when it has no copies)."""
        return self._original(self._find(article_id))

    def group_of(self, article_id: str) -> tuple[str, ...]:
        """The ids in the article's group, sorted."""
        return tuple(sorted(self._groups[self._find(article_id)]))

    def groups(self) -> Iterator[tuple[str, ...]]:
        """Every group of two or more members, as sorted ids."""
        for members in self._groups.values():
            if len(members) > 1:
                yield tuple(sorted(members))

    # -- internals --

    def _member(self, entry: DupEntry) -> _Member:
        shingle, num_perm, count, values = _unpack(entry.signature)
        if num_perm != self.options.num_perm or shingle != self.options.shingle:
            raise DedupError(
                f"signature of {entry.article_id} was made with num_perm={num_perm}, shingle={shingle}; "
                f"the index uses num_perm={self.options.num_perm}, shingle={self.options.shingle}")
        own = url_key(entry.url)
        canonical = url_key(entry.canonical_url)
        original = url_key(entry.original_url)
        keys = {k for k in (own,) if k}
        # A canonical URL that is not the declared original is another spelling of this page.
        if canonical and canonical != original:
            keys.add(canonical)
        pointer = original if original and original not in keys else None
        method = "canonical" if pointer is not None and pointer == canonical else "source_link"
        when = _when(entry.published)
        fetched = _when(entry.fetched_at)
        order = (when is None, when or 0.0, fetched is None, fetched or 0.0, entry.article_id)
        return _Member(entry, values, count, tuple(sorted(keys)), pointer, method, order)

    def _common_slots(self, member: _Member) -> np.ndarray:
        """Slots whose LSH band the member shares with at least ``common_groups`` other groups.

        A band bucket that unrelated articles share is made of shingles many texts have:
        an outlet's header, share bar, comment form. Copies of one story are one group, so
        they never make their own bands common.
        """
        mask = np.zeros(len(member.values), dtype=bool)
        need = self.options.common_groups
        if need <= 0:
            return mask
        own = self._find(member.entry.article_id)
        lsh = self._lsh
        for (start, end), table in zip(lsh.hashranges, lsh.hashtables):
            # The band key exactly as MinHashLSH builds it (a private helper: better a loud
            # AttributeError after an upgrade than a silent miss with a re-implemented key).
            bucket = table.get(lsh._H(member.values[start:end]))
            if len(bucket) < need:
                continue
            roots: set[str] = set()
            for other in bucket:
                root = self._find(other)
                if root != own:
                    roots.add(root)
                    if len(roots) >= need:
                        mask[start:end] = True
                        break
        return mask

    def _is_copy(self, a: _Member, b: _Member, common_a: np.ndarray) -> bool:
        opts = self.options
        common_b = self._common_slots(b)
        content = ~(common_a | common_b)
        kept = int(np.count_nonzero(content))
        if kept == len(content):
            match = _compare(a, b)
        elif kept < opts.min_content_slots:
            return False  # nearly all the shared text is boilerplate seen across stories
        else:
            # Judge on the slots won by content shingles; the share of a text's slots won by
            # common shingles estimates the share of its shingles that are boilerplate.
            jaccard = float(np.count_nonzero((a.values == b.values) & content)) / kept
            match = _estimate(jaccard, a.shingles * (1.0 - common_a.mean()), b.shingles * (1.0 - common_b.mean()))
        if min(a.entry.length, b.entry.length) < opts.short_words:
            # Few shingles: a few shared words of boilerplate weigh a lot, so ask for more.
            return match.jaccard >= opts.short_threshold or (
                match.containment >= opts.short_threshold and match.cover >= opts.short_cover)
        if match.jaccard >= opts.threshold:
            return True
        return match.containment >= opts.containment and match.cover >= opts.min_cover

    def _find(self, aid: str) -> str:
        parent = self._parent
        root = aid
        while parent[root] != root:
            root = parent[root]
        while parent[aid] != root:
            parent[aid], aid = root, parent[aid]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if len(self._groups[ra]) < len(self._groups[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._groups[ra].extend(self._groups.pop(rb))

    def _original(self, root: str) -> str:
        ids = self._groups[root]
        if len(ids) == 1:
            return ids[0]
        members = [self._members[i] for i in ids]
        keys_in_group = {key for m in members for key in m.keys}
        named = {m.pointer for m in members if m.pointer in keys_in_group}
        pointed = [m for m in members if named.intersection(m.keys)]
        # Follow chains: a named page that itself names another member is not the root.
        roots = [m for m in pointed if m.pointer not in keys_in_group]
        pool = roots or pointed or members
        return min(pool, key=lambda m: m.order).entry.article_id

    def _links(self, root: str) -> list[CopyLink]:
        original_id = self._original(root)
        original = self._members[original_id]
        links = []
        for aid in sorted(self._groups[root]):
            if aid == original_id:
                continue
            member = self._members[aid]
            if member.pointer is not None and member.pointer in original.keys:
                method = member.pointer_method
            elif member.entry.text_hash and member.entry.text_hash == original.entry.text_hash:
                links.append(CopyLink(aid, original_id, "exact", 1.0))
                continue
            else:
                method = "near"
            similarity = round(_compare(member, original).containment, 4)
            links.append(CopyLink(aid, original_id, method, similarity))
        return links


def group_all(entries: Iterable[DupEntry], *, options: DedupOptions | None = None) -> list[CopyLink]:
    """Group a batch of entries; the links of every group of copies."""
    index = DuplicateIndex(options)
    for entry in entries:
        index.add(entry)
    return index.links()
