"""The text boilerplate cleaner: rules by name, head handling, the seed acceptance test."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from livebrief.cleaning import RULES, clean_text, match_rule, paragraphs

REPO = Path(__file__).resolve().parents[1]


def _shared_seed() -> Path | None:
    spec = importlib.util.spec_from_file_location("_bench_data", REPO / "benchmarks" / "_data.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.shared_seed_dir()


@pytest.mark.parametrize("line, rule", [
    ("- Advertisement -", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Sponsored", "advertisement"),
    ("Story continues below advertisement", "ad_continue"),
    ("Rate this post", "rating"),
    ("Click to rate this post!", "rating"),
    ("5/5 - (3 votes)", "rating_score"),
    ("4.5/5 - (12 votes)", "rating_score"),
    ("Please enter your comment!", "comment_form"),
    ("Please enter your name here", "comment_form"),
    ("You have entered an incorrect email address!", "comment_form"),
    ("Leave a Reply", "comment_form"),
    ("Post Comment", "comment_form"),
    ("Source link", "source_link"),
    ("Source: Reuters", "source_line"),
    ("Originally published at The Harbour Times.", "republished"),
    ("Most Popular", "widget_heading"),
    ("Recent Posts", "widget_heading"),
    ("Related Posts", "widget_heading"),
    ("Popular Posts", "widget_heading"),
    ("Trending", "widget_heading"),
    ("Read more", "widget_heading"),
    ("Share this:", "widget_line"),
    ("Like this:", "widget_line"),
    ("Follow us", "widget_line"),
    ("Subscribe", "widget_line"),
    ("Tags:", "widget_line"),
    ("Read more: Council approves new cycle lanes", "link_prefix"),
    ("Tags: storm, ferries, harbour", "link_prefix"),
    ("Sign up for our daily newsletter to get the headlines in your inbox.", "newsletter"),
    ("Follow The Daily Feed on Facebook, Twitter and Instagram.", "follow_us"),
    ("Facebook Twitter WhatsApp Email", "share_row"),
    ("Share on Facebook | Share on Twitter", "share_row"),
    ("We use cookies to improve your experience. By continuing you accept our policy.", "cookie_notice"),
    ("© 2024 Daily Feed. All rights reserved.", "copyright"),
    ("To continue reading the full story, subscribe for one euro a week.", "paywall"),
    ("Russian leader greets his guest at the launch site. (Video: Reuters)", "caption"),
    ("Firefighters at the scene on Monday. (Photo: AP)", "caption"),
    ("Crowds gather in the square. (AFP/Getty Images)", "caption_agency"),
    ("The harbour at dawn. Credit: Jan Smit", "caption_credit"),
    ("Michelle Lee and Natalia Abbakumova contributed to this report.", "credit"),
    ("Reporting by Tomas Reyes; Editing by Hana Brook", "credit_byline"),
    ("(Reporting by Tomas Reyes; additional reporting by Ana Lima)", "credit_byline"),
    ("Keith Bradsher contributed reporting from Hong Kong.", "credit"),
    ("This article was originally published by The Harbour Times. Read the original article.", "republished"),
])
def test_boilerplate_lines_match_their_named_rule(line: str, rule: str) -> None:
    found = match_rule(line)
    assert found is not None and found.name == rule


@pytest.mark.parametrize("line", [
    "The ministry said the source of the leak had not been found and that repairs would take a week.",
    "Critics said the advertisement campaign misled voters about the cost of the new bridge.",
    "Officials said the ferry would resume service, according to a source at the operator.",
    "Residents were asked to check the advertisement boards at bus stops for updated timetables.",
    "A video posted to the agency's channel on Monday showed soldiers climbing onto a platform.",
    "The package, worth about $833 million, includes tanks and ammunition, the ministry said.",
    "Subscribers say the new plan is cheaper than the old one.",
    "Most popular among younger voters was the promise of cheaper rail fares.",
    "Share prices fell sharply on Tuesday after the results.",
    "Comments made by the minister on Monday drew criticism from the opposition.",
    "She contributed to the report published by the United Nations last year.",
    "First published in 1851, the newspaper has been sold twice since the war.",
    "Reporting by the regional broadcaster, which first aired the footage, was later confirmed by police.",
])
def test_content_mentioning_boilerplate_words_is_kept(line: str) -> None:
    assert match_rule(line) is None
    assert clean_text(f"A title for this test\n\n{line}").text == line


@pytest.mark.parametrize("line, rule", [
    ("By Mara Lindqvist and Tomas Reyes", "byline"),
    ("November 20, 2019 - 11:28 AMT", "dateline"),
    ("Updated at 1:23 p.m.", "dateline"),
    ("Published: 14.03.2024", "dateline"),
    ("sexta-feira, 22 de outubro de 2010 às 20:13", "dateline"),
    ("Home » World » Storm closes Port Ellery", "breadcrumb"),
])
def test_head_lines_match_their_named_rule(line: str, rule: str) -> None:
    found = match_rule(line, in_head=True)
    assert found is not None and found.name == rule
    assert match_rule(line) is None  # the same line further down is content


@pytest.mark.parametrize("line", [
    "Live updates: March 14, 2024",
    "What happened in the harbour on March 14, 2024",
    "By the numbers: how the storm hit the port",
])
def test_titles_with_dates_or_by_are_not_head_boilerplate(line: str) -> None:
    assert match_rule(line, in_head=True) is None


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


def test_head_only_rules_do_not_fire_in_the_body() -> None:
    body = "\n\n".join(f"Paragraph {i} says something plain about the harbour and the ferries." for i in range(8))
    late = "By Mara Lindqvist"
    cleaned = clean_text(f"A harbour story\n\n{body}\n\n{late}")
    assert late in cleaned.text
    assert match_rule(late, in_head=True).name == "byline"


def test_byline_at_the_head_gives_authors() -> None:
    cleaned = clean_text("Storm closes the port\n\nBy Mara Lindqvist and Tomas Reyes\n\nThe port stayed shut.")
    assert cleaned.authors == ("Mara Lindqvist", "Tomas Reyes")
    assert "By Mara" not in cleaned.text


def test_widget_heading_takes_the_link_titles_under_it() -> None:
    text = ("Storm closes the port\n\nThe port stayed shut on Thursday as winds rose.\n\n"
            "Related Posts\nCouncil approves new cycle lanes\nLocal team wins cup final\n\n"
            "The harbour master said the channel would reopen on Friday.")
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n") == ["The port stayed shut on Thursday as winds rose.",
                                          "The harbour master said the channel would reopen on Friday."]
    assert cleaned.removed == ("Related Posts", "Council approves new cycle lanes", "Local team wins cup final")


def test_breadcrumb_and_truncated_title_leave_the_full_title() -> None:
    text = ("HomeNewsStorm closes Port Ellery for a second day as ferries...\n\n"
            "Storm closes Port Ellery for a second day as ferries stay docked\n\n"
            "The harbour authority kept the port closed on Thursday.")
    cleaned = clean_text(text)
    assert cleaned.title == "Storm closes Port Ellery for a second day as ferries stay docked"
    assert cleaned.text == "The harbour authority kept the port closed on Thursday."
    assert cleaned.removed == ("HomeNewsStorm closes Port Ellery for a second day as ferries...",)


def test_truncated_title_line_without_breadcrumb_is_dropped() -> None:
    text = ("Storm closes Port Ellery for a second day as…\n"
            "Storm closes Port Ellery for a second day as ferries stay docked\n"
            "The harbour authority kept the port closed on Thursday.")
    cleaned = clean_text(text)
    assert cleaned.title == "Storm closes Port Ellery for a second day as ferries stay docked"
    assert cleaned.removed == ("Storm closes Port Ellery for a second day as…",)


def test_breadcrumb_gives_the_title_when_there_is_no_title_line() -> None:
    text = ("Home » World » Storm closes Port Ellery\n\n"
            "The harbour authority in Port Ellery kept the port closed on Thursday for a second straight day.")
    cleaned = clean_text(text)
    assert cleaned.title == "Storm closes Port Ellery"
    assert cleaned.text.startswith("The harbour authority")


def test_a_cut_breadcrumb_still_gives_a_title() -> None:
    text = ("HomeNewsStorm closes Port Ellery for a second day as ferries,...\n\n"
            "The harbour authority in Port Ellery kept the port closed on Thursday for a second straight day.")
    cleaned = clean_text(text)
    assert cleaned.title == "Storm closes Port Ellery for a second day as ferries…"
    assert cleaned.text.startswith("The harbour authority")


def test_known_title_is_not_repeated_in_the_body() -> None:
    text = "Storm closes the port - Daily Feed\n\nThe port stayed shut on Thursday as winds rose."
    cleaned = clean_text(text, title="Storm closes the port")
    assert cleaned.title == "Storm closes the port"
    assert cleaned.text == "The port stayed shut on Thursday as winds rose."


def test_first_line_is_not_a_title_when_it_reads_as_a_sentence() -> None:
    text = "The port stayed shut on Thursday as winds rose.\n\nFerries stayed in the harbour."
    cleaned = clean_text(text)
    assert cleaned.title is None
    assert cleaned.text.startswith("The port stayed shut")


def test_hard_wrapped_sentences_are_rejoined() -> None:
    text = "A harbour story\n\nThe port stayed shut on Thursday as\nwinds rose over the breakwater.\n\nNext."
    assert paragraphs(text) == ["A harbour story",
                                "The port stayed shut on Thursday as winds rose over the breakwater.", "Next."]


def test_paragraphs_are_separated_by_a_blank_line_and_removed_lines_are_listed() -> None:
    text = "A harbour story\nFirst paragraph here.\n- Advertisement -\nSecond paragraph here.\nShare this:"
    cleaned = clean_text(text)
    assert cleaned.text == "First paragraph here.\n\nSecond paragraph here."
    assert cleaned.removed == ("- Advertisement -", "Share this:")


def test_empty_text_gives_empty_result() -> None:
    cleaned = clean_text("  \n\n ")
    assert cleaned.text == "" and cleaned.title is None and cleaned.removed == ()


# --- acceptance on the seed -----------------------------------------------------------------

SEED_TITLE = ("Ukraine live briefing: Relations with Russia are ‘first priority’ for North Korea, "
              "Kim Jong Un tells Putin at summit")
SEED_BOILERPLATE = ["HomeNews", "- Advertisement -", "Rate this post", "(Video: Reuters)", "Source link",
                    "Please enter your comment!", "Please enter your name here", "Most Popular", "Recent Posts",
                    "contributed to this report"]
# One phrase from each of the ten developments and the closing quote.
SEED_DEVELOPMENTS = [
    "“first priority,”",
    "“we have always supported and stand by all decisions of President Putin",
    "Air Force Brig. Gen. Patrick Ryder said Tuesday",
    "Putin said he would discuss “all topics”",
    "two ships undergoing repairs in Sevastopol",
    "Drones attacked Ukraine’s Odessa region",
    "F-16 training for a group of Ukrainian pilots",
    "Lt. Gen. Michael Loh",
    "oil and gas drilling platforms off the coast of Crimea",
    "approximately $833 million",
    "Zelensky will meet Israeli leader Benjamin Netanyahu",
    "Russia ramps up drone, guided bomb attacks to thwart counteroffensive",
    "“It’s important to know that it’s relatively cheap stuff,” one military expert said.",
]


def test_seed_aggregator_text_is_cleaned() -> None:
    seed_dir = _shared_seed()
    seed = seed_dir / "000_e90a044465924d55.txt" if seed_dir else None
    if seed is None or not seed.is_file():
        pytest.skip("shared seed 000_e90a044465924d55.txt not found (../shared/seed)")
    cleaned = clean_text(seed.read_text(encoding="utf-8"))
    assert cleaned.title == SEED_TITLE
    for marker in SEED_BOILERPLATE:
        assert marker not in cleaned.text, marker
    for phrase in SEED_DEVELOPMENTS:
        assert phrase in cleaned.text, phrase
    assert cleaned.credits == ("Michelle Lee and Natalia Abbakumova contributed to this report.",)
    assert SEED_TITLE not in cleaned.text
    assert cleaned.text.startswith("North Korean leader Kim Jong Un used his first meeting")
    assert "\n\n" in cleaned.text and "\n\n\n" not in cleaned.text
    removed = set(cleaned.removed)
    for line in ("- Advertisement -", "Rate this post", "Source link", "Please enter your comment!",
                 "Please enter your name here", "Most Popular", "Recent Posts"):
        assert line in removed, line
    assert any(line.startswith("HomeNews") for line in removed)
    assert any(line.endswith("(Video: Reuters)") for line in removed)
