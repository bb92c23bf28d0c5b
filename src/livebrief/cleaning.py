"""Text boilerplate cleaner for article text that was already scraped.

Aggregators and scrapers keep the page furniture as lines of text: ad markers, rating
widgets, comment forms, share rows, breadcrumbs, captions, "Source link", credit lines.
:func:`clean_text` works line by line (a line is a paragraph) against one table of named
patterns, :data:`RULES`, then looks at the head of the text for the title: a breadcrumb or
a truncated title line that repeats the next line is dropped, the title line is taken out
of the body, and credit lines ("X contributed to this report") are set aside as credits.

Patterns match a whole short line, never a phrase inside a paragraph, so a sentence that
merely mentions a source or an advertisement stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from livebrief.model import normalize_text

Action = Literal["drop", "credit", "section", "byline", "crumb"]
DROP: Action = "drop"          # boilerplate line: removed and listed in ``removed``
CREDIT: Action = "credit"      # who contributed: moved to ``credits``
SECTION: Action = "section"    # widget heading: removed with the link titles listed under it
BYLINE: Action = "byline"      # "By A and B" at the head: removed, names kept as authors
CRUMB: Action = "crumb"        # breadcrumb trail at the head: removed, may give the title

# Lines are paragraphs; the head is where titles, breadcrumbs, bylines and datelines sit.
HEAD_LINES = 6
# A title is a short line; a longer first line is a paragraph.
TITLE_MAX_CHARS = 250
TITLE_MAX_WORDS = 35
# Link titles under a widget heading are short and carry no sentence-final punctuation.
LINK_MAX_CHARS = 160
LINK_MAX_WORDS = 20
# A truncated title line shares at least this much with the full line it abbreviates, and
# anything before the shared part (a glued breadcrumb) is short.
OVERLAP_MIN_CHARS = 20
CRUMB_PREFIX_MAX_CHARS = 60


@dataclass(frozen=True)
class Rule:
    """A named line pattern; it never matches a line longer than ``max_chars``."""

    name: str
    pattern: re.Pattern[str]
    action: Action = DROP
    max_chars: int = 200
    head_only: bool = False

    def matches(self, line: str, *, in_head: bool) -> bool:
        if self.head_only and not in_head:
            return False
        return len(line) <= self.max_chars and self.pattern.search(line) is not None


def _rule(name: str, regex: str, action: Action = DROP, *, max_chars: int = 200,
          head_only: bool = False, case: bool = False) -> Rule:
    flags = re.UNICODE if case else re.UNICODE | re.IGNORECASE
    return Rule(name, re.compile(regex, flags), action, max_chars, head_only)


_DASHES = r"[\s\-–—_=*•·|#~]*"
_NETWORKS = (r"facebook|twitter|x|pinterest|pin it|linkedin|whatsapp|telegram|reddit|tumblr|e-?mail|print"
             r"|copy(?: link)?|messenger|flipboard|pocket|vk|viber|sms|mail|google\+?|skype|threads|bluesky"
             r"|mastodon|tiktok|instagram|youtube|rss|comments?")
_MONTH = (r"(?:jan|feb|fev|fév|mar|mär|apr|abr|avr|may|mai|jun|jui|jul|aug|ago|aoû|sep|set|oct|out|okt|nov|dec|dez"
          r"|dic|déc|gen|giu|lug|ott)[^\W\d_]*\.?")
_DATE = (rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
         rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|\d{{1,2}}\.?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?\d{{4}}|\b\d{{1,2}}[:h]\d{{2}}\b)")
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|\w+-feira,?)"
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|van|von|de|der|da|di|del|la|le|bin|al-?\w*)){0,4}"
_AGENCY = r"getty images|shutterstock|alamy|ap photo|afp photo|reuters photo|epa-efe|imago|dpa|sipa|anadolu"

#: Every boilerplate pattern, in one place. Order matters only for which name is reported.
RULES: tuple[Rule, ...] = (
    # --- advertising ---
    _rule("advertisement", rf"^{_DASHES}(?:advertisements?|advertising|advert|ads?"
          r"|sponsored(?: (?:content|posts?|links?|stories|ads?))?|sponsored by .{1,40}"
          r"|promoted(?: content| stories| links)?|paid (?:content|post|partner content)|partner content"
          rf"|publicité|anzeige|werbung|reklama|publicidad|pubblicità|publicidade|реклама){_DASHES}$"),
    _rule("ad_continue", r"^(?:(?:the )?(?:story|article|text|content) continues (?:below|after)(?: (?:this|the))?"
          r" (?:advertisement|ad)|continue reading (?:below|the main story)|scroll (?:down )?to continue"
          r"(?: with content)?|skip (?:advertisement|ad))\W*$"),
    # --- rating widgets ---
    _rule("rating", r"^(?:rate this(?: post| article| story)?|click to rate(?: this (?:post|article|story))?"
          r"|(?:submit|your) rating)\W*$"),
    _rule("rating_score", r"^\d(?:[.,]\d+)?\s*/\s*(?:5|10)\s*[-–—:]?\s*\(\s*\d+\s*votes?\s*\)\W*$"),
    _rule("rating_summary", r"^(?:average rating|vote count|no votes so far|\[?\s*total:\s*\d+\s+average:)"),
    # --- comment forms ---
    _rule("comment_form", r"^(?:please enter (?:your )?(?:comment|name|e-?mail)(?: address)?(?: here)?"
          r"|you have entered an incorrect e-?mail address|leave a (?:reply|comment|response)(?: cancel reply)?"
          r"|post (?:a |your )?comment|add (?:a |your )?comment|cancel reply|submit comment|write a comment"
          r"|join the (?:conversation|discussion)|comments?|\d+\s+comments?|no comments(?: yet)?"
          r"|(?:show|view|load|hide) comments|comments are closed|log in to (?:reply|comment)|reply"
          r"|save my name,? e-?mail,? and website in this browser for the next time i comment"
          r"|required fields are marked.{0,5}|notify me of (?:follow-up comments|new posts|new comments).{0,60}"
          r"|your e-?mail address will not be published.{0,80}|this site uses akismet to reduce spam.{0,120})"
          r"\W*$", max_chars=240),
    # --- source links and republication notes ---
    _rule("source_link", r"^(?:source link|original source|source|read the original(?: article| story| post)?"
          r"|view (?:the )?original(?: article| post| story)?|read (?:the )?full (?:article|story)(?: (?:at|on|here)"
          r"\b.{0,60})?)\W*$"),
    _rule("source_line", r"^(?:source|sources|via|image source|photo source|fuente|quelle|fonte|источник)"
          r"\s*:\s*\S.{0,80}$"),
    _rule("republished", r"^(?:(?:this (?:article|story|post|piece) (?:was )?)?(?:originally|first) (?:published|posted"
          r"|appeared)|republished) (?:at|on|in|by|from|with)\b[^,]{0,160}$", max_chars=220),
    # --- widget headings over lists of links ---
    _rule("widget_heading", r"^(?:most (?:popular|read|viewed|shared|commented|recent)|recent (?:posts|articles|news"
          r"|stories|comments)|related(?: posts| articles| stories| news| content| coverage| links| videos| topics)?"
          r"|popular(?: posts| stories| now| articles| news)?|trending(?: now| stories| news| topics)?"
          r"|latest(?: news| stories| posts| articles| headlines)?|top (?:stories|news|headlines)"
          r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories| articles"
          r"| reading)?|more (?:stories|news|articles|headlines|to explore)|more (?:from|on|in) .{1,40}|read next"
          r"|up next|what to read next|don[’']?t miss(?: this)?|see also|also read|read also|editor[’']?s picks?"
          r"|in case you missed it|more|see more|read more|you may have missed|(?:related|similar) posts?)"
          r"[\s.:…!|»>-]*$", SECTION, max_chars=60),
    _rule("widget_line", r"^(?:share this(?: article| story| post)?|share|like this|like loading\W*|loading\W*"
          r"|follow us|subscribe(?: now| today| here)?|continue reading|click here|print(?: this)?(?: article| page)?"
          r"|e-?mail this(?: article| story)?|save(?: this)?(?: article| story)|bookmark|listen(?: to this article)?"
          r"|tags?|tagged(?: with)?|filed under|categories|category|topics|posted in|keywords|advertiser disclosure)"
          r"[\s.:…!|»>-]*$", max_chars=60),
    _rule("link_prefix", r"^(?:read more|read also|also read|see also|see more|related|more on this|watch(?: now)?"
          r"|listen|tags|tagged|filed under|categories|topics|posted in|keywords|recommended|don[’']?t miss"
          r"|must read|trending|top stories)\s*[:|»>]\s*\S.{0,300}$", max_chars=320),
    _rule("newsletter", r"^(?=.*\bnewsletters?\b)(?=.*\b(?:sign(?:ing)? up|subscrib\w*|inbox)\b).{0,200}$"),
    _rule("follow_us", r"^(?:follow|like) (?:us|\S.{0,60}?) on (?:" + _NETWORKS + r")\b.{0,160}$", max_chars=220),
    _rule("share_promo", r"^(?:(?:like|enjoy(?:ed)?|love)(?:d)? (?:this|the) (?:story|article|post)\?.{0,80}"
          r"|click to (?:share|e-?mail|print|tweet)\b.{0,80}|share (?:this|the) (?:story|article|post) (?:on|with)"
          r"\b.{0,60})$"),
    _rule("share_row", r"^(?:(?:share(?: on| via| to)?|tweet|" + _NETWORKS + r")\b[\s|:,·•/+\-–]*)+$"),
    # --- cookie notices and legal lines ---
    _rule("cookie_notice", r"^(?:we (?:and our partners )?use cookies|this (?:web)?site uses cookies"
          r"|by (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website)|cookies? (?:policy|settings"
          r"|preferences|consent)|(?:accept|allow|manage|reject)(?: all)? cookies|i accept|got it)\b.{0,400}$",
          max_chars=420),
    _rule("paywall", r"^(?:to (?:view|read|continue reading|see) (?:the )?(?:full|whole|rest of the|entire) (?:story"
          r"|article)\b.{0,120}|subscribe (?:now|today)\b.{0,120}|(?:if you(?:'|’)re )?already a subscriber\b.{0,150}"
          r"|you (?:have|'ve) reached your (?:free )?(?:article|story|monthly) limit\b.{0,120}"
          r"|this (?:article|story|content) is (?:for|available to) (?:subscribers|members) only\b.{0,80}"
          r"|.{0,60}\bis the copyrighted property of\b.{0,100})$", max_chars=240),
    _rule("copyright", r"^(?:©|\(c\)|copyright\b).{0,150}$|^.{0,100}\ball rights reserved\b.{0,60}$"
          r"|^this copy is for your personal,? non-commercial use only\b.*$", max_chars=400),
    _rule("reading_time", r"^(?:\d+\s*(?:min(?:ute)?s?|minutos?)\s*(?:read|de leitura|de lectura|lesezeit|de lecture)"
          r"|(?:reading|read|estimated reading) time\s*:?.{0,30}|tempo de leitura\s*:?.{0,30}"
          r"|tiempo de lectura\s*:?.{0,30}|lesezeit\s*:?.{0,30})$"),
    # --- captions and credits ---
    _rule("caption", r"\((?:video|photo|photos|image|images|picture|photograph|illustration|graphic|footage|credit"
          r"|photo credit|video credit|file photo)s?(?: by)?\s*:\s*[^()]{1,100}\)\W*$", max_chars=800),
    _rule("caption_agency", rf"\((?:[^()]{{0,80}}/\s*)?(?:{_AGENCY})\b[^()]{{0,80}}\)\W*$"
          r"|\([^()]{0,60}\b(?:afp|ap|reuters|epa|getty)\s*/\s*[^()]{1,60}\)\W*$"
          r"|\([^()]{1,60}/\s*(?:afp|ap|reuters|epa)\)\W*$", max_chars=800),
    _rule("caption_credit", r"(?:^|\s)(?:credit|photo credit|image credit|photograph by|photo by)s?\s*:\s*[^.:]{1,80}$"
          r"|^(?:photo|image|picture|video|photograph|illustration|file photo|pictured)s?\s*[:|]\s*.{1,150}$",
          max_chars=400),
    _rule("credit", r"^\(?[^()]{2,300}\bcontributed (?:to )?(?:this )?(?:report|reporting|story|article|coverage)"
          r"(?: (?:from|in|at) [^.]{1,60})?\.?\)?$", CREDIT, max_chars=400),
    # A capitalised name after "by"; long lines need the ";" or ")" of a credit list.
    _rule("credit_byline", r"^\(?(?:additional )?(?:reporting|writing|editing|edited|compiled|translated) by"
          r" (?-i:[A-Z])(?:[^;]{0,100}|.*;.*|.*\))$", CREDIT, max_chars=360),
    _rule("contact", r"^(?:have a tip\?|reach (?:the )?(?:reporter|writer|author)s?\b|(?:e-?mail|contact) \S.{0,40}"
          r" at \S+@|you can (?:reach|contact|e-?mail) \S.{0,40} at\b)|^\S+@\S+\.\w+$", max_chars=300),
    # --- head only: breadcrumbs, bylines, datelines ---
    _rule("breadcrumb", r"^(?:[Hh]ome|HOME|[Hh]omepage|Startseite|Accueil|Inicio|Início|Главная)"
          r"(?:\s*[>»/|›•:]\s*|(?=[A-Z]))", CRUMB, max_chars=400, head_only=True, case=True),
    _rule("byline", rf"^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]i)\s+{_NAME}(?:\s*(?:,|and|&|und|et|e|y)\s*{_NAME})*"
          r"(?:\s*[,|–—-]\s*.{0,60})?$", BYLINE, max_chars=160, head_only=True, case=True),
    # A dateline starts with the date or says "published"/"updated": a title may carry a date inside.
    _rule("dateline", rf"^(?!.*[a-z]{{3}}\.$)(?=.*{_DATE})(?:(?:published|updated|posted|modified|last (?:updated"
          rf"|modified)|first published|date)\b|(?:{_WEEKDAY}\s+)?{_DATE}).{{0,80}}$", max_chars=100, head_only=True),
)

_TERMINAL = re.compile(r"[.!?][\"'”’»)\]]*$")
_ELLIPSIS = re.compile(r"\s*(?:\.{3,}|…)$")
_CRUMB_SEP = re.compile(r"\s*[>»/|›•]\s*")
_CRUMB_HEAD = re.compile(r"^(?:[Hh]ome|HOME|[Hh]omepage|Startseite|Accueil|Inicio|Início|Главная)[:\s]*")
# One glued crumb step: one to three capitalised words ending in a lower-case letter that runs
# straight into the next capital ("NewsUkraine", "World NewsUkraine").
_CRUMB_STEP = re.compile(r"^[A-Z][\w'&-]*?[a-z](?: [A-Z&][\w'&-]*?[a-z]){0,2}(?=[A-Z])")
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\be\b|\by\b)\s*")
# Zero-width characters and C0 controls other than line breaks and tabs carry no text.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")


@dataclass(frozen=True)
class CleanText:
    """Cleaned text (paragraphs separated by a blank line) and what was taken out of it."""

    text: str
    title: str | None = None
    removed: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()


def match_rule(line: str, *, in_head: bool = False) -> Rule | None:
    """The first rule matching one line (whitespace collapsed), or None for content."""
    line = " ".join(line.split())
    for rule in RULES:
        if rule.matches(line, in_head=in_head):
            return rule
    return None


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of ``text``, whitespace collapsed; a hard-wrapped sentence is rejoined."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[str] = []
    joinable = False  # the previous line was in the same block and ended mid-sentence
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            joinable = False
            continue
        if joinable and out and line[0].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        joinable = not _TERMINAL.search(line) and not line.endswith(":")
    return out


def clean_text(text: str, *, title: str | None = None) -> CleanText:
    """Remove boilerplate lines from scraped article text.

    ``title``, when the caller already knows it (from HTML metadata or a feed), is the
    title; its repetitions at the head are dropped. Otherwise the first title-like line,
    a breadcrumb, or a truncated title line point to it.
    """
    lines = paragraphs(text)
    removed: list[str] = []
    credits: list[str] = []
    captions: list[str] = []
    authors: list[str] = []
    kept: list[str] = []
    crumbs: list[str] = []
    in_section = False
    for index, line in enumerate(lines):
        in_head = index < HEAD_LINES
        rule = match_rule(line, in_head=in_head)
        if rule is None and in_section and _link_like(line):
            removed.append(line)
            continue
        in_section = rule is not None and rule.action == SECTION
        if rule is None:
            kept.append(line)
        elif rule.action == CREDIT:
            credits.append(line)
        else:
            removed.append(line)
            if rule.name.startswith("caption"):
                # Out of the body, but a caption often says where the event happened.
                captions.append(line)
            if rule.action == BYLINE:
                authors.extend(_byline_names(line))
            elif rule.action == CRUMB:
                crumbs.append(line)
    kept, found_title, head_removed = _head(kept, title=title, crumbs=crumbs)
    removed.extend(head_removed)
    return CleanText(
        text="\n\n".join(kept),
        title=title or found_title,
        removed=tuple(removed),
        credits=tuple(credits),
        authors=tuple(dict.fromkeys(authors)),
        captions=tuple(captions),
    )


def _head(kept: list[str], *, title: str | None, crumbs: Iterable[str]) -> tuple[list[str], str | None, list[str]]:
    """Drop truncated title lines and title repeats at the head; find the title when unknown."""
    removed: list[str] = []
    body = list(kept)
    # A line ending in an ellipsis that the next head line completes is a truncated copy.
    for i in range(min(len(body), HEAD_LINES) - 1):
        if _ELLIPSIS.search(body[i]) and any(_abbreviates(body[i], nxt) for nxt in body[i + 1:i + 3]):
            removed.append(body[i])
            body[i] = ""
    body = [line for line in body if line]
    crumb_title = next((t for t in (_crumb_title(c) for c in crumbs) if t), None)

    found = title
    if found is None and len(body) > 1 and _title_like(body[0]):
        found = body.pop(0)
    elif found is not None:
        # The first repeat of a known title is the title itself, not boilerplate.
        for i, line in enumerate(body[:3]):
            if _same_title(line, found):
                body.pop(i)
                break
    if found is None and crumb_title:
        # A cut crumb still names the article; keep one ellipsis to show the cut.
        stem = _ELLIPSIS.sub("", crumb_title).rstrip(" ,;:-–—")
        found = stem + "…" if stem != crumb_title else crumb_title
    if found is not None:
        head = body[:HEAD_LINES]
        dupes = [line for line in head if _same_title(line, found)]
        removed.extend(dupes)
        body = [line for line in head if line not in dupes] + body[HEAD_LINES:]
    return body, found, removed


def _abbreviates(short: str, full: str) -> bool:
    """True when ``short`` (ending in an ellipsis) ends with the start of ``full``."""
    stem = _ELLIPSIS.sub("", short).rstrip(" ,;:-–—").casefold()
    full = full.casefold()
    if len(stem) < OVERLAP_MIN_CHARS or len(full) <= len(stem) - CRUMB_PREFIX_MAX_CHARS:
        return False
    for start in range(min(len(stem) - OVERLAP_MIN_CHARS, CRUMB_PREFIX_MAX_CHARS) + 1):
        if full.startswith(stem[start:]):
            return True
    return False


def _crumb_title(line: str) -> str | None:
    """The last step of a breadcrumb trail: "Home > News > Title" or glued "HomeNewsTitle"."""
    rest = _CRUMB_HEAD.sub("", line, count=1)
    parts = [p for p in _CRUMB_SEP.split(rest) if p]
    if len(parts) > 1:
        rest = parts[-1]
    else:
        for _ in range(3):
            step = _CRUMB_STEP.match(rest)
            if not step:
                break
            rest = rest[step.end():]
    rest = rest.strip()
    return rest if len(rest.split()) >= 2 else None


def _title_like(line: str) -> bool:
    words = line.split()
    return (len(line) <= TITLE_MAX_CHARS and 2 <= len(words) <= TITLE_MAX_WORDS
            and not line.endswith((".", ",", ";", ":")) and not _ELLIPSIS.search(line)
            and line[0] not in "-•*–—")


def _same_title(line: str, title: str) -> bool:
    """True when ``line`` repeats the title, perhaps shortened or with the site name appended."""
    a, b = normalize_text(line), normalize_text(title)
    if not a or not b:
        return False
    if a == b:
        return True
    if a in b:  # the title carries a site name or section the line lacks
        return len(a) >= 0.6 * len(b)
    return a.startswith(b) and len(a) - len(b) <= 40


def _link_like(line: str) -> bool:
    """A line that reads like a link title: short, no sentence-final punctuation."""
    return (len(line) <= LINK_MAX_CHARS and len(line.split()) <= LINK_MAX_WORDS
            and not _TERMINAL.search(line))


def _byline_names(line: str) -> list[str]:
    line = re.sub(r"^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]i)\s+", "", line)
    line = re.split(r"\s*[|–—]\s*|\s+-\s+", line)[0]
    return [name for name in _BYLINE_SPLIT.split(line) if name and name[0].isupper()]
