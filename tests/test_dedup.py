"""Duplicate detection: signatures, copy judgement, original choice, and a small quality gate."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from livebrief.dedup import (
    DedupError,
    DedupOptions,
    DupEntry,
    DuplicateIndex,
    entry_for,
    from_signature,
    group_all,
    signature,
    signature_shingles,
    url_key,
)
from livebrief.errors import ConfigError
from livebrief.model import Article, normalize_text, text_hash
from livebrief.settings import DEFAULTS

REPO = Path(__file__).resolve().parents[1]

# --- texts (written for these tests) ---------------------------------------------------------

PORT_STRIKE = [
    "Dock workers walk out at Harwick port over pay",
    "More than two thousand dock workers at the port of Harwick stopped work at dawn on Tuesday, "
    "leaving container ships waiting in the bay and lorries queued along the coast road for several miles.",
    "The union representing the crane operators and lashers said the walkout would last forty eight hours "
    "unless the port authority returned to talks with a pay offer that matched the rise in living costs.",
    "Port managers said the latest offer of a four per cent rise over two years was fair and final, and "
    "accused union leaders of putting the jobs of their own members at risk by driving customers away.",
    "Shipping agents warned that perishable cargo, including fruit from southern Europe and frozen fish, "
    "could spoil if the dispute dragged on, and several lines said they would divert vessels to other ports.",
    "A spokesperson for the regional government urged both sides to accept mediation, saying the port "
    "handled a third of the region's trade and that a long stoppage would hurt small exporters most.",
    "Union officials said pickets would remain at the main gates through the night and that a mass "
    "meeting of members would decide on Thursday whether to extend the action into next week.",
]

# The same strike reported independently by another outlet: a hard negative.
PORT_STRIKE_OTHER = [
    "Harwick strike strands ships as union rejects pay deal",
    "Container vessels were anchored off Harwick on Tuesday after crane drivers and cargo handlers began "
    "a two day strike, the first full stoppage at the harbour in more than a decade.",
    "Workers voted overwhelmingly for the action last month after rejecting what management described as "
    "its best possible offer, a rise that union negotiators said fell well short of inflation.",
    "Traffic police diverted heavy goods vehicles away from the harbour approach, where queues built up "
    "from early morning, and hauliers said drivers faced waits of up to nine hours.",
    "Exporters of fresh produce said they were losing money by the hour and called on ministers to step "
    "in, while the harbour company insisted it could not afford to improve its offer.",
    "Talks are not expected to resume before the weekend, according to people close to the negotiations.",
]

BOILERPLATE_HEAD = ["Regional Wire | Home | News | Business | Sport",
                    "Share this: Facebook Twitter WhatsApp Email Print"]
BOILERPLATE_FOOT = [
    "Source link",
    "Sign up for our morning newsletter and get the top stories delivered to your inbox every day.",
    "Related posts: Ferry timetable changes announced | Council approves new harbour car park | "
    "Fishing fleet returns early as storm approaches",
    "Leave a Reply Cancel reply Your email address will not be published. Required fields are marked * "
    "Comment * Name * Email * Website",
]


def join(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def light_edit(text: str) -> str:
    for old, new in (("said", "says"), ("more than", "over"), ("Tuesday", "on Tuesday"), ("warned", "cautioned")):
        text = text.replace(old, new, 1)
    return text.replace(",", " ,", 3)


ORIGINAL = join(PORT_STRIKE)

PAIRS = [
    ("exact copy, spacing and quotes changed", ORIGINAL,
     join(PORT_STRIKE).replace("'", "’").replace(" ", "  ", 5), True),
    ("boilerplate added around and inside", ORIGINAL,
     join(BOILERPLATE_HEAD + PORT_STRIKE[:3] + ["Advertisement"] + PORT_STRIKE[3:] + BOILERPLATE_FOOT), True),
    ("two paragraphs dropped", ORIGINAL, join(PORT_STRIKE[:2] + PORT_STRIKE[3:5] + PORT_STRIKE[6:]), True),
    ("headline changed", ORIGINAL, join(["Breaking: Harwick port at a standstill"] + PORT_STRIKE[1:]), True),
    ("light edits", ORIGINAL, light_edit(ORIGINAL), True),
    ("read-more teaser with the first two thirds", ORIGINAL, join(PORT_STRIKE[:5] + ["Read more »"]), True),
    ("dropped paragraph plus boilerplate", ORIGINAL,
     join(BOILERPLATE_HEAD + PORT_STRIKE[:4] + PORT_STRIKE[5:] + BOILERPLATE_FOOT[:2]), True),
    ("another outlet's report of the same strike", ORIGINAL, join(PORT_STRIKE_OTHER), False),
    ("another report quoting one paragraph of the first", ORIGINAL,
     join(PORT_STRIKE_OTHER[:3] + ["As reported earlier: " + PORT_STRIKE[3]] + PORT_STRIKE_OTHER[3:]), False),
    ("short exact copy", "Harwick dock workers strike over pay.", "Harwick dock workers strike over pay!", True),
    ("short texts on the same strike", "Dock workers at Harwick port began a two day strike over pay on Tuesday.",
     "Crane drivers at Harwick harbour began a strike over pay on Tuesday morning.", False),
]


def make_entry(aid: str, text: str, *, url: str | None = None, published: str | None = None,
               original_url: str | None = None, canonical_url: str | None = None,
               fetched_at: str | None = "2024-05-01T12:00:00+00:00", options: DedupOptions | None = None) -> DupEntry:
    opts = options or DedupOptions()
    return DupEntry(article_id=aid, url=url or f"https://site-{aid}.example/story", canonical_url=canonical_url,
                    original_url=original_url, published=published, fetched_at=fetched_at,
                    text_hash=text_hash(text), signature=signature(text, num_perm=opts.num_perm, shingle=opts.shingle),
                    length=len(normalize_text(text).split()))


# --- signatures ------------------------------------------------------------------------------


def test_signature_round_trip() -> None:
    data = signature(ORIGINAL)
    assert len(data) == 8 + 4 * 128
    minhash = from_signature(data)
    assert len(minhash) == 128
    again = from_signature(signature(ORIGINAL))
    assert np.array_equal(minhash.hashvalues, again.hashvalues)
    assert minhash.jaccard(again) == 1.0
    words = len(normalize_text(ORIGINAL).split())
    assert signature_shingles(data) == words - 4  # distinct 5-word shingles of this text


def test_signature_depends_on_words_not_spacing_or_case() -> None:
    assert signature("Ships wait OFF the coast, again.") == signature("ships   wait off the coast again")
    assert signature("ships wait off the coast") != signature("ships wait off the harbour")


def test_empty_text_has_no_shingles_and_never_matches() -> None:
    assert signature_shingles(signature("")) == 0
    index = DuplicateIndex()
    index.add(make_entry("a", "", url="https://a.example/1"))
    assert index.add(make_entry("b", " ... ", url="https://b.example/1")) == []  # both normalise to ""
    assert index.group_of("a") == ("a",)


@pytest.mark.parametrize("blob, message", [
    (b"", "too short"),
    (b"\x09" + signature("one two three")[1:], "format 9"),
    (signature("one two three")[:-4], "does not hold"),
])
def test_bad_signature_is_a_dedup_error(blob: bytes, message: str) -> None:
    with pytest.raises(DedupError, match=message):
        from_signature(blob)


def test_index_rejects_signatures_made_with_other_settings() -> None:
    entry = make_entry("a", ORIGINAL, options=DedupOptions(num_perm=64))
    with pytest.raises(DedupError, match="num_perm=64"):
        DuplicateIndex().add(entry)


# --- copy judgement --------------------------------------------------------------------------


@pytest.mark.parametrize("name, first, second, is_copy", PAIRS, ids=[p[0] for p in PAIRS])
def test_pairs(name: str, first: str, second: str, is_copy: bool) -> None:
    index = DuplicateIndex()
    index.add(make_entry("first", first, published="2024-05-01T08:00:00+00:00"))
    links = index.add(make_entry("second", second, published="2024-05-01T09:30:00+00:00"))
    if is_copy:
        assert len(links) == 1
        assert (links[0].article_id, links[0].original_id) == ("second", "first")
        expected = "exact" if text_hash(first) == text_hash(second) else "near"
        assert links[0].method == expected
        assert 0.0 < links[0].similarity <= 1.0
    else:
        assert links == []
        assert index.group_of("second") == ("second",)


BRIDGE = ("The old swing bridge over the river will close to traffic for six weeks from Monday while engineers "
          "replace its worn bearings and repaint the steel frame. Buses will be diverted through the industrial "
          "estate, adding about ten minutes to journeys, and a free shuttle boat will carry pedestrians and "
          "cyclists between the two quays every quarter of an hour during the day. Local traders said they "
          "feared losing customers but welcomed the repairs after two breakdowns last winter.")
SCHOOL = ("A new primary school opened its doors on the hill estate this week, with places for four hundred "
          "pupils and a library shared with the neighbouring community centre. The building heats itself with "
          "ground pumps and collects rain for its toilets, and parents were invited to tour the classrooms on "
          "the first morning. The head teacher said most places were already taken and that a waiting list "
          "had been opened for families moving to the area later in the year.")
NOTICES = ["The ferry to the islands will not sail on Friday because of high winds forecast along the coast.",
           "The council approved a new car park beside the harbour with space for two hundred vehicles."]


def templated(text: str) -> str:
    return join(BOILERPLATE_HEAD + [text] + BOILERPLATE_FOOT)


@pytest.mark.parametrize("common_groups, notices_grouped", [(3, False), (0, True)])
def test_outlet_template_seen_across_stories_stops_counting(common_groups: int, notices_grouped: bool) -> None:
    # An outlet's template around four distinct stories: shared, but not enough to make copies.
    index = DuplicateIndex(DedupOptions(common_groups=common_groups))
    for n, story in enumerate([join(PORT_STRIKE[1:4]), join(PORT_STRIKE_OTHER[1:4]), BRIDGE, SCHOOL]):
        index.add(make_entry(f"story{n}", templated(story)))
    assert list(index.groups()) == []
    # Two short notices in the same template are mostly template: once the template is known
    # (seen in three or more unrelated stories) only their own words count.
    index.add(make_entry("notice0", templated(NOTICES[0])))
    links = index.add(make_entry("notice1", templated(NOTICES[1])))
    assert bool(links) is notices_grouped
    # A real copy in the template is still found.
    index.add(make_entry("plain", BRIDGE + " Work is due to finish before the summer festival.",
                         published="2024-05-01T08:00:00+00:00"))
    assert index.original_of("story2") == "plain"


def test_round_up_does_not_chain_its_sources() -> None:
    index = DuplicateIndex()
    index.add(make_entry("strike", ORIGINAL))
    index.add(make_entry("other", join(PORT_STRIKE_OTHER)))
    roundup = join(["Today's briefing"] + PORT_STRIKE[:2] + ["Read more"] + PORT_STRIKE_OTHER[:2] + ["Read more"])
    index.add(make_entry("roundup", roundup))
    assert index.group_of("strike") == ("strike",)
    assert index.group_of("other") == ("other",)


# --- originals and links ---------------------------------------------------------------------


def test_original_arriving_after_its_copies_repoints_the_group() -> None:
    index = DuplicateIndex()
    copy_text = join(BOILERPLATE_HEAD + PORT_STRIKE + BOILERPLATE_FOOT)
    index.add(make_entry("copy1", copy_text, published="2024-05-01T10:00:00+00:00"))
    links = index.add(make_entry("copy2", ORIGINAL + "\n\nRead more", published="2024-05-01T11:00:00+02:00"))
    # 11:00+02:00 is 09:00 UTC: the second copy is the earliest so far.
    assert {(link.article_id, link.original_id) for link in links} == {("copy1", "copy2")}
    links = index.add(make_entry("orig", ORIGINAL, published="2024-05-01T07:45:00Z"))
    assert {(link.article_id, link.original_id) for link in links} == {("copy1", "orig"), ("copy2", "orig")}
    assert index.original_of("copy1") == "orig"


def test_source_link_wins_over_an_earlier_date() -> None:
    index = DuplicateIndex()
    index.add(make_entry("orig", ORIGINAL, url="https://harwick-news.example/strike",
                         published="2024-05-01T09:00:00+00:00"))
    # A reposter with a wrong, earlier date that names the original in a "Source link".
    links = index.add(make_entry("repost", join(PORT_STRIKE[:5] + BOILERPLATE_FOOT),
                                 original_url="https://www.harwick-news.example/strike/?utm_source=feed",
                                 published="2024-04-30T23:00:00+00:00"))
    assert [(link.article_id, link.original_id, link.method) for link in links] == [("repost", "orig", "source_link")]


def test_canonical_link_method() -> None:
    index = DuplicateIndex()
    index.add(make_entry("orig", ORIGINAL, url="https://harwick-news.example/strike"))
    links = index.add(make_entry("mirror", ORIGINAL, url="https://mirror.example/a1",
                                 canonical_url="https://harwick-news.example/strike",
                                 original_url="https://harwick-news.example/strike"))
    assert [(link.original_id, link.method, link.similarity) for link in links] == [("orig", "canonical", 1.0)]


def test_source_link_waits_for_its_target_and_needs_no_text_overlap() -> None:
    index = DuplicateIndex()
    teaser = "Harwick port strike: read the full report from our partners."
    assert index.add(make_entry("teaser", teaser, original_url="https://harwick-news.example/strike",
                                published="2024-05-01T07:00:00+00:00")) == []
    index.add(make_entry("unrelated", join(PORT_STRIKE_OTHER), url="https://elsewhere.example/x"))
    links = index.add(make_entry("orig", ORIGINAL, url="http://harwick-news.example/strike#top",
                                 published="2024-05-01T09:00:00+00:00"))
    assert [(link.article_id, link.original_id, link.method) for link in links] == [("teaser", "orig", "source_link")]
    assert index.group_of("unrelated") == ("unrelated",)


def test_chain_of_source_links_points_at_the_root() -> None:
    index = DuplicateIndex()
    index.add(make_entry("c", ORIGINAL + "\n\nvia b", url="https://c.example/1", original_url="https://b.example/1",
                         published="2024-05-01T06:00:00+00:00"))
    index.add(make_entry("b", ORIGINAL + "\n\nvia a", url="https://b.example/1", original_url="https://a.example/1",
                         published="2024-05-01T05:00:00+00:00"))
    links = index.add(make_entry("a", ORIGINAL, url="https://a.example/1", published="2024-05-01T09:00:00+00:00"))
    assert {link.article_id: link.original_id for link in links} == {"b": "a", "c": "a"}
    methods = {link.article_id: link.method for link in links}
    assert methods["b"] == "source_link" and methods["c"] == "near"


def test_ties_fall_back_to_fetch_time_then_id() -> None:
    index = DuplicateIndex()
    index.add(make_entry("zz", ORIGINAL, published=None, fetched_at="2024-05-01T10:00:00+00:00"))
    links = index.add(make_entry("yy", ORIGINAL, published=None, fetched_at="2024-05-01T09:00:00+00:00"))
    assert [(link.article_id, link.original_id) for link in links] == [("zz", "yy")]
    index.add(make_entry("aa", ORIGINAL, published="not a date", fetched_at="2024-05-01T09:00:00+00:00"))
    assert index.original_of("zz") == "aa"  # same fetch time as yy, smaller id; bad date = no date


def test_adding_the_same_article_twice_changes_nothing() -> None:
    index = DuplicateIndex()
    index.add(make_entry("orig", ORIGINAL, published="2024-05-01T08:00:00+00:00"))
    first = index.add(make_entry("copy", ORIGINAL, published="2024-05-01T09:00:00+00:00"))
    again = index.add(make_entry("copy", ORIGINAL, published="2024-05-01T09:00:00+00:00"))
    assert first == again and len(index) == 2


def test_group_all_and_entry_for() -> None:
    articles = [
        Article(id="a1", text=ORIGINAL, url="https://one.example/a", published="2024-05-01T08:00:00+00:00"),
        Article(id="a2", text=join(BOILERPLATE_HEAD + PORT_STRIKE), url="https://two.example/b",
                published="2024-05-02T08:00:00+00:00", text_hash=""),
        Article(id="a3", text=join(PORT_STRIKE_OTHER), url="https://three.example/c"),
    ]
    entries = [entry_for(a) for a in articles]
    assert entries[1].text_hash == text_hash(articles[1].text)
    assert entries[0].length == len(normalize_text(ORIGINAL).split())
    links = group_all(entries)
    assert [(link.article_id, link.original_id, link.method) for link in links] == [("a2", "a1", "near")]


def test_options_from_settings() -> None:
    settings = DEFAULTS.with_overrides({"dedup.threshold": 0.8, "dedup.num_perm": 64, "dedup.shingle": 4})
    index = DuplicateIndex.from_settings(settings)
    assert (index.options.threshold, index.options.num_perm, index.options.shingle) == (0.8, 64, 4)
    entry = make_entry("a", ORIGINAL, options=index.options)
    assert index.add(entry) == []


@pytest.mark.parametrize("changes", [{"threshold": 0.0}, {"containment": 1.5}, {"lsh_rows": 0}])
def test_bad_options_are_config_errors(changes: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        DedupOptions(**changes)


@pytest.mark.parametrize("url, key", [
    ("https://www.Example.com/a/b/", "example.com/a/b"),
    ("http://example.com/a/b?utm_source=x&fbclid=y#top", "example.com/a/b"),
    ("https://example.com:443/a?b=2&a=1", "example.com/a?a=1&b=2"),
    ("https://example.com:8080/a", "example.com:8080/a"),
    ("", None),
    (None, None),
])
def test_url_key(url: str | None, key: str | None) -> None:
    assert url_key(url) == key


# --- quality gate ----------------------------------------------------------------------------


def _shared_data() -> Path | None:
    env = os.environ.get("LIVEBRIEF_SHARED_DATA")
    for path in ([Path(env)] if env else []) + [REPO.parent / "shared" / "data"]:
        if path.is_dir():
            return path
    return None


def _load_benchmark(name: str):
    path = REPO / "benchmarks" / f"{name}.py"
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr]  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


# Pinned floors on a small generated set (measured 1.000 / 0.974 when pinned); lower only on purpose.
PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.93


def test_quality_gate_on_generated_set() -> None:
    root = _shared_data()
    if root is None:
        pytest.skip("shared data not found (<repo>/../shared/data or $LIVEBRIEF_SHARED_DATA)")
    bench = _load_benchmark("dedup")
    dataset = bench.dedup_set.build(split="test", seed=11, originals=60, negatives=120, root=root)
    predicted, _, links = bench.run_livebrief(dataset.items, DedupOptions())
    scores = bench.pairwise(dataset.items, predicted)
    assert scores["precision"] >= PRECISION_FLOOR, scores
    assert scores["recall"] >= RECALL_FLOOR, scores
    hits, total = bench.original_accuracy(dataset, predicted, links)
    assert hits / total >= 0.95
