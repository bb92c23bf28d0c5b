"""Extraction stage on small hand-written pages: body, metadata, original URLs, decoding, errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from livebrief.errors import ExtractionError
from livebrief.extract import decode_bytes, extract, page_title
from livebrief.language import detect_language, normalize_tag
from livebrief.model import Article, Hints, RawDocument, text_hash
from livebrief.settings import DEFAULTS

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "extract.md"

AGGREGATOR_URL = "https://dailyfeed.example/world/storm-port-ellery"
HARBOUR_PARAGRAPHS = [
    "The harbour authority in Port Ellery kept the port closed on Thursday",
    "Officials said the ferry service to the outer islands would stay suspended",
    "“We will not reopen the channel until the swell drops below three metres,”",
    "The closure has already delayed shipments of fuel and fresh produce",
    "Forecasters expect the storm to weaken by the weekend",
]


def _raw(name: str, **fields: object) -> RawDocument:
    fields.setdefault("source", "test")
    return RawDocument(body=(FIXTURES / name).read_bytes(), **fields)  # type: ignore[arg-type]


def _html(body: str, *, head: str = "", lang: str = "") -> bytes:
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f"<!DOCTYPE html><html{lang_attr}><head><meta charset='utf-8'>{head}</head>"
            f"<body><article>{body}</article></body></html>").encode()


# --- republished copies and boilerplate ---------------------------------------------------

@pytest.fixture(scope="module")
def aggregator() -> Article:
    return extract(_raw("aggregator_copy.html", url=AGGREGATOR_URL))


def test_aggregator_copy_keeps_every_paragraph(aggregator: Article) -> None:
    for start in HARBOUR_PARAGRAPHS:
        assert start in aggregator.text
    assert "advertisement boards at bus stops" in aggregator.text  # the word alone is not boilerplate
    assert aggregator.text.count("\n\n") == len(HARBOUR_PARAGRAPHS) - 1


@pytest.mark.parametrize("marker", ["Advertisement -", "Rate this post", "Source link", "Leave a Reply",
                                    "Please enter your comment", "Most Popular", "Recent Posts", "(Photo: AP)",
                                    "Reporting by", "All rights reserved", "Council approves"])
def test_aggregator_copy_drops_boilerplate(aggregator: Article, marker: str) -> None:
    assert marker not in aggregator.text


def test_aggregator_copy_metadata(aggregator: Article) -> None:
    assert aggregator.title == "Storm closes Port Ellery for a second day as ferries stay docked"
    assert not aggregator.text.startswith("Storm closes")
    assert aggregator.source == "Daily Feed"
    assert aggregator.language == "en"
    assert aggregator.published == "2024-03-14"
    assert aggregator.authors == ("Mara Lindqvist",)
    assert aggregator.credits == ("Reporting by Tomas Reyes; Editing by Hana Brook",)
    assert aggregator.original_url == "https://harbourtimes.example/2024/03/14/storm-closes-port-ellery"


def test_article_identity_fields(aggregator: Article) -> None:
    assert aggregator.url == AGGREGATOR_URL
    assert aggregator.id == Article.make_id(AGGREGATOR_URL, aggregator.text)
    assert aggregator.text_hash == text_hash(aggregator.text)
    assert aggregator.input == "test"
    assert aggregator.fetched_at


def test_final_url_wins_and_fetched_at_is_kept() -> None:
    raw = _raw("aggregator_copy.html", url="https://dailyfeed.example/r/1", final_url=AGGREGATOR_URL,
               fetched_at="2024-03-14T10:00:00+00:00")
    article = extract(raw)
    assert article.url == AGGREGATOR_URL
    assert article.fetched_at == "2024-03-14T10:00:00+00:00"


def test_source_anchor_to_the_page_itself_is_not_an_original() -> None:
    body = ("<h1>Town hall</h1>" + "<p>The town hall clock was repaired this week after ten silent years.</p>" * 3
            + f'<p><a href="{AGGREGATOR_URL}">Source link</a></p>')
    article = extract(RawDocument(body=_html(body), url=AGGREGATOR_URL))
    assert article.original_url is None


def test_source_named_by_lead_text() -> None:
    body = ("<h1>Town hall</h1>" + "<p>The town hall clock was repaired this week after ten silent years.</p>" * 3
            + '<p>Originally published at <a href="https://gazette.example/clock-repaired">The Gazette</a>.</p>')
    article = extract(RawDocument(body=_html(body), url="https://copies.example/clock"))
    assert article.original_url == "https://gazette.example/clock-repaired"


def test_canonical_on_another_site_is_the_original() -> None:
    article = extract(_raw("canonical_elsewhere.html", url="https://mirror.example/news/library"))
    assert article.canonical_url == "https://origin-news.example/stories/library-reopens"
    assert article.original_url == "https://origin-news.example/stories/library-reopens"
    assert article.source == "mirror.example"  # this copy's outlet, not the original's


def test_canonical_within_the_same_site_is_not_an_original() -> None:
    article = extract(_raw("canonical_elsewhere.html", url="https://amp.origin-news.example/amp/library"))
    assert article.canonical_url == "https://origin-news.example/stories/library-reopens"
    assert article.original_url is None


def test_og_url_on_another_site_is_the_original() -> None:
    article = extract(_raw("og_url_elsewhere.html", url="https://mirror.example/news/wheat"))
    assert article.canonical_url == "https://fieldreport.example/2024/06/early-wheat-harvest"
    assert article.original_url == "https://fieldreport.example/2024/06/early-wheat-harvest"
    assert article.title == "Farmers report early harvest of winter wheat"


def test_without_a_page_url_a_canonical_is_not_called_an_original() -> None:
    article = extract(_raw("canonical_elsewhere.html"))
    assert article.original_url is None
    assert article.url is None


# --- decoding -------------------------------------------------------------------------------

CYRILLIC_TITLE = "В городе открылся новый мост через реку"


@pytest.mark.parametrize("declared, encoding", [
    ("windows-1251", "utf-8"),   # declared single-byte, bytes are UTF-8
    ("utf-8", "windows-1251"),   # declared UTF-8, bytes are windows-1251
    ("windows-1251", "windows-1251"),
    ("no-such-charset", "utf-8"),
])
def test_wrong_charset_declarations_decode(declared: str, encoding: str) -> None:
    page = (FIXTURES / "cyrillic.html").read_text(encoding="utf-8").replace("{charset}", declared)
    article = extract(RawDocument(body=page.encode(encoding), url="https://gorod.example/most"))
    assert article.title == CYRILLIC_TITLE
    assert "пешеходный мост через реку" in article.text
    assert article.language == "ru"


def test_transport_charset_is_used_when_the_page_declares_none() -> None:
    text = "Größere Brücke über den Fluss eröffnet"
    body = f"<p>{text}</p>".encode("iso-8859-1")
    assert decode_bytes(body, declared="iso-8859-1") == f"<p>{text}</p>"


@pytest.mark.parametrize("body", [
    b"\xff\xfe\x00\x00garbage\x00\x81\x8d",
    bytes(range(256)) * 4,
    b"<html><body><p>caf\xe9 cr\xe8me \xff\xfe</p></body></html>",
])
@pytest.mark.parametrize("declared", [None, "utf-8", "utf-16", "base64", "no-such-charset", "windows-1251"])
def test_bad_bytes_never_crash_decoding(body: bytes, declared: str | None) -> None:
    assert isinstance(decode_bytes(body, declared=declared), str)
    assert isinstance(decode_bytes(b"<meta charset=base64>" + body, declared=declared), str)


def test_bad_bytes_give_an_article_or_an_extraction_error() -> None:
    raw = RawDocument(body=bytes(range(256)) * 50, url="https://noise.example/x")
    try:
        article = extract(raw)
    except ExtractionError as exc:
        assert exc.item == "https://noise.example/x"
    else:
        assert isinstance(article.text, str)


# --- errors and caps ------------------------------------------------------------------------

@pytest.mark.parametrize("body", [b"", b"   \n\t ", b"<html><head></head><body></body></html>",
                                  b"<html><body><nav><a href='/'>Home</a></nav></body></html>"])
def test_empty_pages_raise_extraction_error(body: bytes) -> None:
    raw = RawDocument(body=body, url="https://empty.example/page")
    with pytest.raises(ExtractionError) as info:
        extract(raw)
    assert info.value.item == "https://empty.example/page"
    assert str(info.value)


def test_unknown_kind_raises_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="unsupported document kind"):
        extract(RawDocument(body=b"hello world", kind="pdf", source="in.pdf"))


def test_text_below_min_length_raises_with_the_setting_named() -> None:
    raw = RawDocument(body=b"A title here\n\nToo short.", kind="text", source="short.txt")
    with pytest.raises(ExtractionError, match="extract.min_length") as info:
        extract(raw)
    assert info.value.item == "short.txt"


def test_huge_page_is_capped() -> None:
    paragraphs = (f"<p>Meeting {i}: the council discussed the long list of repairs to the old pier.</p>"
                  for i in range(20_000))
    body = _html("<h1>Pier repairs</h1>" + "".join(paragraphs))  # about 1.8 MB
    settings = DEFAULTS.with_overrides({"extract.max_chars": 50_000})
    article = extract(RawDocument(body=body, url="https://big.example/pier"), settings=settings)
    assert 1_000 < len(article.text) <= 50_000


def test_scripts_before_the_article_do_not_eat_the_cap() -> None:
    script = "<script>window.__STATE__ = '" + "x" * 400_000 + "';</script>"
    paragraphs = "".join(f"<p>Paragraph {i}: the ferry timetable changes again next month.</p>" for i in range(20))
    body = _html("<h1>Ferry timetable</h1>" + paragraphs, head=script)
    settings = DEFAULTS.with_overrides({"extract.max_chars": 100_000})
    article = extract(RawDocument(body=body, url="https://scripts.example/ferry"), settings=settings)
    assert "Paragraph 19" in article.text


# --- language -------------------------------------------------------------------------------

def test_language_detected_without_a_lang_attribute() -> None:
    article = extract(_raw("german.html", url="https://tal.example/bus"))
    assert article.language == "de"
    assert article.title == "Neue Buslinie verbindet die Dörfer im Tal"


def test_long_text_overrules_a_wrong_lang_attribute() -> None:
    article = extract(_raw("wrong_lang.html", url="https://mercado.example/horario"))
    assert article.language == "es"


@pytest.mark.parametrize("tag, code", [("en-US", "en"), ("pt_BR", "pt"), ("eng", "en"), ("iw", "he"),
                                       ("zh-Hans-CN", "zh"), ("", None), ("x-default", None), ("123", None),
                                       ("utf-8", None), ("und", None), ("kab", "kab")])
def test_language_tags_normalise_to_iso_639_1(tag: str, code: str | None) -> None:
    assert normalize_tag(tag) == code


def test_declared_language_stands_for_short_text() -> None:
    assert detect_language("Ja.", declared="nl-NL") == "nl"
    assert detect_language("") is None


# --- plain text and hints -------------------------------------------------------------------

def test_scraped_text_document_is_cleaned() -> None:
    article = extract(_raw("aggregator_copy.txt", kind="text", url="https://scraped.example/storm"))
    assert article.title == "Storm closes Port Ellery for a second day as ferries stay docked"
    assert article.text.startswith("The harbour authority in Port Ellery")
    assert "according to a source at the operator" in article.text
    assert "advertisement boards at bus stops" in article.text
    for marker in ("Advertisement -", "Rate this post", "(Photo: AP)", "Source link", "Please enter",
                   "Most Popular", "Recent Posts", "HomeWorld"):
        assert marker not in article.text
    assert article.credits == ("Tomas Reyes contributed to this report.",)
    assert "Source link" in article.removed
    assert article.source == "scraped.example"
    assert article.language == "en"


def test_hints_fill_what_the_page_lacks() -> None:
    body = _html("<p>" + "The old lighthouse on the point will be turned into a small museum next year. " * 3
                 + "</p>")
    hints = Hints(title="Lighthouse to become a museum", published="Thu, 14 Mar 2024 09:30:00 +0000",
                  authors=("Ana Lima",), outlet="Coast Weekly")
    article = extract(RawDocument(body=body, url="https://coast.example/lighthouse", hints=hints))
    assert article.title == "Lighthouse to become a museum"
    assert article.published == "2024-03-14T09:30:00+00:00"
    assert article.authors == ("Ana Lima",)
    assert article.source == "Coast Weekly"


def test_page_metadata_beats_hints() -> None:
    hints = Hints(title="Feed title", outlet="Feed outlet", published="2020-01-01")
    article = extract(_raw("aggregator_copy.html", url=AGGREGATOR_URL, hints=hints))
    assert article.title == "Storm closes Port Ellery for a second day as ferries stay docked"
    assert article.source == "Daily Feed"
    assert article.published == "2024-03-14"


def test_same_day_hint_adds_the_time() -> None:
    hints = Hints(published="2024-03-14T09:30:00Z")
    article = extract(_raw("aggregator_copy.html", url=AGGREGATOR_URL, hints=hints))
    assert article.published == "2024-03-14T09:30:00+00:00"


def test_text_document_takes_hints() -> None:
    text = "The ferry resumed service on Friday morning after the storm passed over the islands."
    raw = RawDocument(body=text.encode(), kind="text", source="feed",
                      hints=Hints(title="Ferries resume", published="2024-03-15", language="en"))
    article = extract(raw)
    assert (article.title, article.published, article.language) == ("Ferries resume", "2024-03-15T00:00:00", "en")
    assert article.text == text


def test_same_document_same_id() -> None:
    a = extract(_raw("aggregator_copy.html", url=AGGREGATOR_URL))
    b = extract(dataclasses.replace(_raw("aggregator_copy.html", url=AGGREGATOR_URL), source="elsewhere"))
    assert a.id == b.id


# --- titles ---------------------------------------------------------------------------------

@pytest.mark.parametrize("head, body, title", [
    ("<title>Harbour reopens - Daily Feed</title><meta property='og:site_name' content='Daily Feed'>", "",
     "Harbour reopens"),
    ("<title>Daily Feed | Harbour reopens after storm</title><meta property='og:site_name' content='Daily Feed'>",
     "", "Harbour reopens after storm"),
    ("<title>Harbour reopens after storm | World | Feed</title>", "<h1>Feed</h1><h1>Harbour reopens after storm</h1>",
     "Harbour reopens after storm"),
    ("<title>Harbour reopens</title><meta property='og:title' content='You will not believe this harbour'>",
     "<h1>Harbour reopens</h1>", "Harbour reopens"),
    (('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour reopens after storm"}'
      "</script><meta property='og:title' content='Harbour news'><title>Harbour reopens after storm - Feed</title>"),
     "", "Harbour reopens after storm"),
    ("", "<h1>Harbour reopens</h1>", "Harbour reopens"),
])
def test_page_title_choice(head: str, body: str, title: str) -> None:
    import lxml.html

    tree = lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}<p>x</p></body></html>")
    assert page_title(tree, site_names=["Daily Feed", "dailyfeed"]) == title


def test_docs_example_runs() -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = text.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(example, str(DOCS), "exec"), {})  # noqa: S102 - our own docs; the example asserts its results
