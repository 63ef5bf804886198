"""HTML article extraction: the body of a news page without its furniture, and its metadata.

Trafilatura finds the article container; this module chooses its settings, falls back when
its strict mode loses the article, strips the furniture trafilatura keeps (related-story
lists, share and newsletter prompts, credits), and reads the publication date itself so a
time with its zone survives (trafilatura reduces dates to a day).

The phrases that mark furniture, and the names that mark dates in markup and metadata, are
data, in ``wirewatch/data/html_furniture.toml`` (its format is described at the top of that
file); users extend them with their own files through :meth:`HtmlFurnitureRules.load`. The
shapes the phrases are matched in (where on a line, before what) are the algorithm and live
here.

Nothing here touches the network: trafilatura and htmldate are only ever handed parsed trees.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import logging
import re
import threading
import tomllib
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from dateutil import parser as dateparser
from lxml import etree
from trafilatura import bare_extraction, extract_metadata
from trafilatura.settings import Document
from trafilatura.xml import xmltotxt

from wirewatch.datafiles import load_merged
from wirewatch.errors import DataFileError
from wirewatch.ingest.document import CleanedText

__all__ = ["HTML_FURNITURE_FORMAT", "HtmlFurnitureRules", "extract_html"]

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Vocabulary: html_furniture.toml, read once and compiled into HtmlFurnitureRules
# --------------------------------------------------------------------------------------------

#: The ``format`` every HTML furniture file declares.
HTML_FURNITURE_FORMAT = "html-furniture/1"
_PACKAGE_FILE = "html_furniture.toml"  # under wirewatch/data/

# What each key of a furniture file holds: a list of plain phrases or names (_WORDS), a list
# of regular expressions (_PATTERNS), an array of tables each holding `first` and `then` word
# lists (_PAIRS), or a table of month names and numbers (_MONTHS_TABLE).
_WORDS, _PATTERNS, _PAIRS, _MONTHS_TABLE = "words", "patterns", "pairs", "months"
_SCHEMA: Mapping[str, Mapping[str, str]] = {
    "lines": {"whole": _WORDS},
    "related": {
        "openers": _WORDS,
        "nouns": _WORDS,
        "joiners": _WORDS,
        "phrases": _WORDS,
        "patterns": _PATTERNS,
    },
    "teasers": {"labels": _WORDS, "site_prefixes": _WORDS, "patterns": _PATTERNS},
    "credits": {"roles": _WORDS, "qualifiers": _WORDS, "contributions": _WORDS, "patterns": _PATTERNS},
    "image_credits": {
        "qualifiers": _WORDS,
        "media": _WORDS,
        "suffixes": _WORDS,
        "labels": _WORDS,
        "agencies": _WORDS,
        "agency_media": _WORDS,
        "libraries": _WORDS,
        "bracketed_media": _WORDS,
        "bracketed_links": _WORDS,
        "patterns": _PATTERNS,
    },
    "prompts": {
        "phrases": _WORDS,
        "follow_verbs": _WORDS,
        "follow_joiners": _WORDS,
        "networks": _WORDS,
        "near": _PAIRS,
        "patterns": _PATTERNS,
    },
    "copyright": {"openers": _WORDS, "phrases": _WORDS, "patterns": _PATTERNS},
    "contacts": {"openers": _WORDS, "joiners": _WORDS, "profile_hosts": _WORDS, "patterns": _PATTERNS},
    "labels": {"names": _WORDS, "patterns": _PATTERNS},
    "widgets": {"phrases": _WORDS, "patterns": _PATTERNS},
    "timestamps": {"labels": _WORDS, "patterns": _PATTERNS},
    "bylines": {"openers": _WORDS, "joiners": _WORDS},
    "markup": {"body_class": _WORDS, "not_published": _WORDS, "published": _PAIRS},
    "dates": {"meta_names": _WORDS, "article_types": _WORDS, "url_months": _MONTHS_TABLE},
}
_PAIR_KEYS = ("first", "then")
# Tables whose patterns join the line-by-line furniture check (the others have checks of
# their own: related headings, time stamps, copyright in the site name).
_FURNITURE_TABLES = (
    "teasers",
    "credits",
    "image_credits",
    "prompts",
    "copyright",
    "contacts",
    "labels",
    "widgets",
)

_APOSTROPHES = "'’"
# Shapes shared by several checks.
_NEVER = "(?!)"
#: The text a related-stories heading may carry between its opener and its noun, and after
#: its joiner: "More *Great Example* Stories", "Coverage from *Example Wire*".
_HEADING_FILL = r"[\w\s'’&.-]"
#: A name in a follow prompt: "Follow *Jane Doe* on X", "Follow *@example.wire* on Threads".
_FOLLOW_NAME = r"[\w@.' ]{1,40}?"


def _literal(text: str) -> str:
    return "".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in text)


def _phrase(phrase: str) -> str:
    """A plain phrase as a regular expression (the rules at the top of html_furniture.toml).

    Literal text; a space matches any run of white space and either apostrophe matches both;
    a phrase that starts or ends with a word character only matches at a word boundary there.
    """
    words = phrase.split()
    body = r"\s+".join(_literal(word) for word in words)
    start = r"\b" if re.match(r"\w", words[0][0]) else ""
    end = r"\b" if re.match(r"\w", words[-1][-1]) else ""
    return start + body + end


def _alternation(patterns: Iterable[str]) -> str:
    """One group matching any of ``patterns`` (longest first), or nothing when there are none."""
    unique = sorted(dict.fromkeys(patterns), key=len, reverse=True)
    return f"(?:{'|'.join(unique)})" if unique else _NEVER


@dataclass(frozen=True)
class _Matcher:
    """An expression built from the phrase lists, plus the user's own ``patterns``.

    User patterns are searched one by one rather than joined into the built expression, so a
    group or flag inside one cannot change how the others match.
    """

    built: re.Pattern[str]
    extra: tuple[re.Pattern[str], ...] = ()

    def search(self, text: str) -> bool:
        return self.built.search(text) is not None or any(p.search(text) for p in self.extra)


@dataclass(frozen=True, eq=False)
class HtmlFurnitureRules:
    """Compiled HTML furniture vocabulary. Build with :meth:`load`; immutable and shareable."""

    #: Keys (see :func:`_key`) of lines that are furniture by themselves ("advertisement").
    whole_lines: frozenset[str]
    #: Headings of blocks of other stories ("More stories from Example Wire").
    related_heading: _Matcher
    #: Teasers, credits, prompts, copyright, contact lines, labels and widget messages.
    furniture: _Matcher
    #: Copyright notices on their own: also tells a footer line from a site name.
    copyright: _Matcher
    #: The page's own time stamps ("Updated 10:04 GMT").
    timestamp: _Matcher
    #: What opens a byline, up to the white space before the first name.
    byline: re.Pattern[str]
    byline_joiners: frozenset[str]
    #: Class names of a container that holds the text.
    body_class: re.Pattern[str]
    #: Class or id names of an element that prints the publication date, and of one that
    #: prints some other date.
    published_markup: re.Pattern[str]
    other_date_markup: re.Pattern[str]
    #: <meta> name → rank (0 is read before JSON-LD, the rest after it).
    date_meta_rank: Mapping[str, int]
    article_types: frozenset[str]
    #: A year/month/day in a page address; named months are looked up in ``url_months``.
    url_date: re.Pattern[str]
    url_months: Mapping[str, int]
    sources: tuple[str, ...] = ()

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> HtmlFurnitureRules:
        """The package vocabulary merged with ``extra_files`` (loaded once per set of paths).

        Raises :class:`~wirewatch.errors.DataFileError` when a file is unreadable or malformed.
        """
        return _load_cached(tuple(Path(p) for p in extra_files))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], sources: Sequence[str] = ()) -> HtmlFurnitureRules:
        """Build from an already merged document (the layout of html_furniture.toml)."""

        def raw(table: str, key: str) -> list[str]:
            return [str(item) for item in data.get(table, {}).get(key, [])]

        def phrases(items: Iterable[str]) -> str:
            return _alternation(_phrase(item) for item in items)

        def words(table: str, key: str) -> str:
            return phrases(raw(table, key))

        def names(items: Iterable[str]) -> str:
            # Parts of class names, month names: literal text, no word boundaries.
            return _alternation(re.escape(item.strip()) for item in items)

        def pairs(table: str, key: str, build: Callable[[Iterable[str]], str], gap: str) -> list[str]:
            found = data.get(table, {}).get(key, [])
            return [build(pair["first"]) + gap + build(pair["then"]) for pair in found]

        def matcher(expressions: Iterable[str], *tables: str) -> _Matcher:
            built = re.compile("|".join(f"(?:{e})" for e in expressions), re.IGNORECASE)
            extra = (re.compile(p, re.IGNORECASE) for table in tables for p in raw(table, "patterns"))
            return _Matcher(built, tuple(extra))

        fill = _HEADING_FILL
        related = (
            rf"^{words('related', 'openers')}{fill}{{0,40}}?\b{words('related', 'nouns')}"
            rf"(?:\s+{words('related', 'joiners')}{fill}{{1,40}})?\s*:?$",
            rf"^{words('related', 'phrases')}.{{0,30}}$",
        )
        site = words("teasers", "site_prefixes")
        teasers = (
            # "Related: ...", "[Read more | ...", "Also on Example Wire: ..."
            rf"^\s*(?:\[\s*)?(?:{words('teasers', 'labels')}|{site}[^:]*)\s*[:|]",
            # "Also on example.com ..."
            rf"^\s*{site}\s+[\w.-]+\.[a-z]{{2,}}\b",
        )
        credits = (
            rf"^\s*\(?\s*(?:{words('credits', 'qualifiers')}\s+)?{words('credits', 'roles')}",
            words("credits", "contributions"),
        )
        label = (
            rf"(?:(?:{words('image_credits', 'qualifiers')}\s+)?{words('image_credits', 'media')}"
            rf"(?:\s+{words('image_credits', 'suffixes')})?|{words('image_credits', 'labels')})"
        )
        image_credits = (
            rf"^\s*[\[(]?\s*{label}\s*[:/|©]",
            rf"{words('image_credits', 'agencies')}\s+{words('image_credits', 'agency_media')}\s*[/)]",
            rf"{words('image_credits', 'libraries')}\s*[)\].]*\s*$",
            rf"^\s*[\[(]\s*{words('image_credits', 'bracketed_media')}\s+"
            rf"{words('image_credits', 'bracketed_links')}",
        )
        prompts = (
            words("prompts", "phrases"),
            rf"{words('prompts', 'follow_verbs')}\s+{_FOLLOW_NAME}\s+{words('prompts', 'follow_joiners')}"
            rf"\s+{words('prompts', 'networks')}",
            *pairs("prompts", "near", phrases, ".{0,60}"),
        )
        copyright_ = (rf"^\s*{words('copyright', 'openers')}", words("copyright", "phrases"))
        contacts = (
            rf"^\s*{words('contacts', 'openers')}.{{0,60}}{words('contacts', 'joiners')}.*(?:@|https?://)",
            r"^\s*(?:https?://|www\.)\S+\s*$",
            r"^\s*[\w.+-]+@[\w-]+\.[\w.-]+\s*$",
            rf"^\s*{words('contacts', 'profile_hosts')}/\S+\s*$",
        )
        labels = (rf"^\s*{words('labels', 'names')}\s*:",)
        widgets = (words("widgets", "phrases"),)
        # A label, then nothing but a date and a time: at least one digit, no sentence.
        timestamp = (rf"^\s*{words('timestamps', 'labels')}[\s:,]*(?=[^\d]*\d)[\w\s:.,/+-]*$",)

        # A class or id name made of two words, alone or between spaces, "-" or "_".
        published = [rf"(?:^|[\s_-]){p}(?:$|[\s_-])" for p in pairs("markup", "published", names, "[_-]?")]
        url_months = data.get("dates", {}).get("url_months", {})
        months = {str(name).strip().lower(): int(number) for name, number in url_months.items()}
        url_date = (
            rf"/(?P<y>(?:19|20)\d\d)[/_-](?P<m>[01]?\d|{names(months)})[a-z]*[/_-]"
            r"(?P<d>[0-3]?\d)(?=/|[_-](?!\d)|\.html?\b|$)"
            r"|/(?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)/"
        )
        meta_names = dict.fromkeys(name.strip().lower() for name in raw("dates", "meta_names"))
        return cls(
            whole_lines=frozenset(_key(line) for line in raw("lines", "whole")),
            related_heading=matcher(related, "related"),
            furniture=matcher(
                (*teasers, *credits, *image_credits, *prompts, *copyright_, *contacts, *labels, *widgets),
                *_FURNITURE_TABLES,
            ),
            copyright=matcher(copyright_, "copyright"),
            timestamp=matcher(timestamp, "timestamps"),
            byline=re.compile(rf"^\s*{words('bylines', 'openers')}\s", re.IGNORECASE),
            byline_joiners=frozenset(word.strip().lower() for word in raw("bylines", "joiners")),
            body_class=re.compile(names(raw("markup", "body_class")), re.IGNORECASE),
            published_markup=re.compile("|".join(published) or _NEVER, re.IGNORECASE),
            other_date_markup=re.compile(names(raw("markup", "not_published")), re.IGNORECASE),
            date_meta_rank=MappingProxyType({name: rank for rank, name in enumerate(meta_names)}),
            article_types=frozenset(name.strip().lower() for name in raw("dates", "article_types")),
            url_date=re.compile(url_date, re.IGNORECASE),
            url_months=MappingProxyType(months),
            sources=tuple(sources),
        )


def _file_error(source: str, problem: str, fix: str) -> DataFileError:
    return DataFileError(f"HTML furniture file {source}: {problem}", fix)


def _check_words(source: str, where: str, key: str, value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _file_error(source, f"{where} {key} must be a list of strings", f'write {key} = ["...", "..."]')
    if any(not item.strip() for item in value):
        raise _file_error(
            source, f"{where} {key} has an empty string, which would match every line", "remove it"
        )


def _check_value(source: str, table: str, key: str, kind: str, value: Any) -> None:
    where = f"[{table}]"
    if kind == _WORDS:
        _check_words(source, where, key, value)
        if (table, key) == ("lines", "whole") and any(not _key(item) for item in value):
            raise _file_error(
                source, "[lines] whole has an entry of punctuation only", "give each entry a word"
            )
    elif kind == _PATTERNS:
        _check_words(source, where, key, value)
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as error:
                raise _file_error(
                    source,
                    f"pattern {pattern!r} in {where} {key} is not a valid regular expression: {error}",
                    "fix the pattern (write it as a TOML literal string, '...') or remove it",
                ) from error
    elif kind == _PAIRS:
        fix = f'write each pair as [[{table}.{key}]] with first = ["..."] and then = ["..."]'
        if not isinstance(value, list) or not all(isinstance(pair, dict) for pair in value):
            raise _file_error(source, f"[[{table}.{key}]] must be an array of tables", fix)
        for pair in value:
            if sorted(pair) != sorted(_PAIR_KEYS):
                raise _file_error(source, f"each [[{table}.{key}]] needs exactly first and then", fix)
            for part in _PAIR_KEYS:
                _check_words(source, f"[[{table}.{key}]]", part, pair[part])
                if not pair[part]:
                    raise _file_error(source, f"a [[{table}.{key}]] has an empty {part} list", fix)
    elif kind == _MONTHS_TABLE:
        fix = f"write [{table}.{key}] with one line per month name, such as sep = 9"
        if not isinstance(value, dict):
            raise _file_error(source, f"{where} {key} must be a table", fix)
        for name, number in value.items():
            if not name.strip() or isinstance(number, bool) or not isinstance(number, int):
                raise _file_error(source, f"[{table}.{key}] {name} must be a month number", fix)
            if not 1 <= number <= 12:
                raise _file_error(source, f"[{table}.{key}] {name} = {number} is not a month 1-12", fix)


def _read_toml(text: str, source: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _file_error(source, f"not valid TOML: {error}", "fix the TOML syntax") from error
    if data.get("format") != HTML_FURNITURE_FORMAT:
        raise _file_error(
            source,
            f"declares format {data.get('format')!r}",
            f'start the file with format = "{HTML_FURNITURE_FORMAT}"',
        )
    for table, value in data.items():
        if table == "format":
            continue
        if table not in _SCHEMA:
            raise _file_error(source, f"unknown table [{table}]", "known tables: " + ", ".join(_SCHEMA))
        if not isinstance(value, dict):
            raise _file_error(source, f"{table} must be a table", f"write [{table}] on a line of its own")
        for key, item in value.items():
            kind = _SCHEMA[table].get(key)
            if kind is None:
                raise _file_error(
                    source,
                    f"unknown key {key} in [{table}]",
                    f"known keys of [{table}]: " + ", ".join(_SCHEMA[table]),
                )
            _check_value(source, table, key, kind, item)
    return data


@functools.lru_cache(maxsize=16)
def _load_cached(extra_files: tuple[Path, ...]) -> HtmlFurnitureRules:
    merged, sources = load_merged([_PACKAGE_FILE], extra_files, _read_toml, "HTML furniture")
    return HtmlFurnitureRules.from_mapping(merged, sources)


# --------------------------------------------------------------------------------------------
# Body
# --------------------------------------------------------------------------------------------

#: Below this many characters a favor_precision extraction may have pruned the article
#: container itself, so the balanced mode gets a second look. A short wire brief is about
#: 400-600 characters; the rare real article below this costs one extra extraction.
SHORT_BODY_CHARS = 500
#: The balanced extraction replaces a short precise one only when it is this many times
#: longer: a precise result that merely lacks a caption or a teaser is a better body than a
#: balanced one carrying them, while a lost container leaves a small fraction of the text.
FALLBACK_MIN_RATIO = 3.0

#: A list whose text sits at least this much inside links is a list of other stories. Real
#: lists in a report (demands, casualty figures) carry an occasional link, not link text only.
LINK_LIST_MIN_SHARE = 0.9


def _element_text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _is_external(anchor: Any) -> bool:
    # Links within the page ("#update-3") are left out: a live blog's list of key events
    # links to its own entry headlines, which are part of the story. A bare "#" is a
    # script-driven link to anywhere and counts.
    href = (anchor.get("href") or "").strip()
    return not (href.startswith("#") and len(href) > 1)


def _link_texts(tree: Any) -> frozenset[str]:
    """The text of every link to another page.

    Asking trafilatura to keep links (include_links) changes what it extracts and loses text
    around some of them, so links are recognised by their text in the original page instead.
    """
    return frozenset(text for a in tree.iter("a") if _is_external(a) and (text := _element_text(a)))


def _is_link_list(element: etree._Element, links: frozenset[str]) -> bool:
    items = [_element_text(item) for item in element.iter("item")]
    total = sum(len(text) for text in items)
    if not total:
        return False
    linked = sum(len(text) for text in items if text in links)
    return linked / total >= LINK_LIST_MIN_SHARE


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    # The tail is text of the parent that merely follows the element: keep it.
    if tail and tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


#: Headings of other-story blocks are short; a longer line that starts "More …" is a sentence.
MAX_RELATED_HEADING_WORDS = 8


def _is_related_heading(element: etree._Element | None, rules: HtmlFurnitureRules) -> bool:
    if element is None or element.tag not in ("head", "p"):
        return False
    text = _element_text(element)
    return len(text.split()) <= MAX_RELATED_HEADING_WORDS and rules.related_heading.search(text)


def _serialise(body: etree._Element, links: frozenset[str], rules: HtmlFurnitureRules) -> str:
    for element in list(body.iter("list")):
        if element.getparent() is None:
            continue
        heading = element.getprevious()
        if _is_related_heading(heading, rules):
            # Items of a related block are often only partly linked ("Troops withdraw,
            # <a>officials say</a>"); the heading tells what they are.
            _drop(heading)
            _drop(element)
        elif _is_link_list(element, links):
            _drop(element)
    return str(xmltotxt(body, False) or "")


# Decoration around a furniture word ("- Advertisement -", "[Read more]", "Share:").
_TRIM_PUNCT = " \t-–—|:•·*.…!>»«<[](){}"

#: Lines longer than this are prose, whatever words they contain. The longest furniture
#: lines seen on news pages (newsletter pitches, reprint notices) run to about 25 words; a
#: news paragraph that happens to say "subscribe" or "click here" is longer.
SHORT_LINE_WORDS = 30
#: A time stamp is a label, a date and a time. A longer "Updated 10:04 GMT: troops shelled …"
#: line is a live-blog entry, which is news.
MAX_TIMESTAMP_WORDS = 10
#: Bylines are a few names; a longer "By …" line is a sentence ("By Monday, troops had …").
MAX_BYLINE_WORDS = 10

#: A stand-alone line that is exactly the text of a link on the page and at least this long
#: is a headline teaser for another story; shorter ones are names and products the article
#: links in passing.
MIN_TEASER_WORDS = 5
_SENTENCE_END = tuple('.!?:;"”’)»')

_LIST_MARKER = "- "
_TABLE_SEPARATOR = re.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")


def _key(line: str) -> str:
    """A line as the whole-line furniture list holds it: lower case, curly apostrophes
    straightened, decoration trimmed, white space collapsed."""
    return " ".join(line.lower().replace("’", "'").strip(_TRIM_PUNCT).split())


def _is_byline(line: str, rules: HtmlFurnitureRules) -> bool:
    words = line.split()
    opener = rules.byline.match(line)
    if opener is None or len(words) > MAX_BYLINE_WORDS or line.endswith("."):
        return False
    # Every word a name (capitalised) or a joiner: "By Jane Roe and John Doe in Kyiv".
    names = [w for w in line[opener.end() :].split() if w.lower() not in rules.byline_joiners]
    return bool(names) and all(w[:1].isupper() or not w[:1].isalpha() for w in names)


def _is_teaser(line: str, links: frozenset[str]) -> bool:
    text = " ".join(line.lstrip("-•* ").split())
    if len(text.split()) < MIN_TEASER_WORDS or text.endswith(_SENTENCE_END):
        return False
    return text in links


def _is_furniture(line: str, links: frozenset[str], rules: HtmlFurnitureRules) -> bool:
    words = len(line.split())
    if words > SHORT_LINE_WORDS:
        return False
    if _key(line) in rules.whole_lines or rules.furniture.search(line):
        return True
    if words <= MAX_TIMESTAMP_WORDS and rules.timestamp.search(line):
        return True
    if words <= MAX_RELATED_HEADING_WORDS and rules.related_heading.search(line):
        return True
    return _is_byline(line, rules) or _is_teaser(line, links)


def _table_row(line: str) -> str:
    # trafilatura draws tables as markdown; the cells are the content, the bars are noise
    # that would leak into sentences and tokens.
    cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
    return "\t".join(cell for cell in cells if cell)


def _clean_lines(text: str, links: frozenset[str], rules: HtmlFurnitureRules) -> Iterator[str]:
    for raw in text.splitlines():
        line = raw.strip()
        if not line or _TABLE_SEPARATOR.match(line):
            continue
        # A list item is a line of its own already; trafilatura's "- " bullet is not a word.
        if line.startswith(_LIST_MARKER):
            line = line[len(_LIST_MARKER) :].strip()
        if line.startswith("|") and line.endswith("|"):
            line = _table_row(line)
            if not line:
                continue
        if _is_furniture(line, links, rules):
            continue
        yield line


def _extract(tree: Any, url: str | None, *, precise: bool) -> tuple[Any, str]:
    document = bare_extraction(
        tree,
        url=url,
        favor_precision=precise,
        include_comments=False,
        include_images=False,
        include_tables=True,
        with_metadata=False,
        # trafilatura's deduplication keeps a process-wide cache: a paragraph seen in an
        # earlier article would vanish from this one, and results would depend on order.
        deduplicate=False,
    )
    if not isinstance(document, Document) or document.body is None:
        return None, ""
    return document, str(document.text or "")


#: Paragraphs this long identify the article container in the page; shorter ones
#: ("Advertisement", "Share") repeat across the page and identify nothing.
MIN_LOCATING_CHARS = 60
#: How far above the container to look for its other parts. Sites that cut a story into
#: chunks around ad slots nest each chunk one or two wrappers deep; going higher reaches
#: the next story of an infinite-scroll page.
MAX_PART_LEVELS = 2
#: The re-assembled body must add at least this much text to be worth it.
MIN_PART_GAIN_CHARS = 200


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _body_parts(tree: Any, text: str, rules: HtmlFurnitureRules) -> list[Any]:
    """Every part of an article that its page split into sibling containers, or [].

    trafilatura takes the first element that looks like an article body, so a story cut into
    several same-class blocks (around ad slots) comes out as its first block only.
    """
    lines = {_normalised(line) for line in text.splitlines() if len(line) >= MIN_LOCATING_CHARS}
    if not lines:
        return []
    located = [p for p in tree.iter("p") if _normalised(p.text_content()) in lines]
    if len(located) < 2:
        return []
    shared = set(located[0].iterancestors())
    for paragraph in located[1:]:
        shared.intersection_update(paragraph.iterancestors())
    container = next((a for a in located[0].iterancestors() if a in shared), None)
    if container is None:
        return []
    classes = container.get("class")
    # A class that says "this is the text", as opposed to a layout class ("row", "col-8")
    # that unrelated blocks share.
    if not classes or not rules.body_class.search(classes):
        return []
    for level, ancestor in enumerate(container.iterancestors()):
        if level >= MAX_PART_LEVELS:
            return []
        parts = [e for e in ancestor.iter(container.tag) if e.get("class") == classes]
        if len(parts) > 1:
            outer = set(parts)
            parts = [e for e in parts if not any(a in outer for a in e.iterancestors())]
            return parts if _one_story(ancestor, parts) else []
    return []


def _one_story(scope: Any, parts: list[Any]) -> bool:
    """False when the parts belong to different stories (an infinite-scroll page).

    Each story of such a page has its own <article> element or its own headline; the chunks
    of one story share the first and have no <h1> between them.
    """
    if len({next(part.iterancestors("article"), None) for part in parts}) > 1:
        return False
    first = parts[0]
    seen_first = False
    for element in scope.iter():
        if element is first:
            seen_first = True
        elif seen_first and element.tag == "h1":
            return False
    return True


def _reassemble(parts: list[Any]) -> Any:
    """A page holding only the article's parts, in page order, without their classes.

    Without the classes trafilatura cannot latch onto the first part again.
    """
    page = lxml.html.document_fromstring("<html><body><article></article></body></html>")
    article = page.find(".//article")
    for part in parts:
        wrapper = lxml.html.Element("div")
        wrapper.text = part.text
        for child in part:
            wrapper.append(copy.deepcopy(child))
        article.append(wrapper)
    return page


def _extract_body(tree: Any, url: str | None, rules: HtmlFurnitureRules) -> str:
    document, text = _extract(tree, url, precise=True)
    if len(text) < SHORT_BODY_CHARS:
        balanced, balanced_text = _extract(tree, url, precise=False)
        if len(balanced_text) >= FALLBACK_MIN_RATIO * max(len(text), 1):
            document, text = balanced, balanced_text
    if document is None:
        return ""
    parts = _body_parts(tree, text, rules)
    if parts:
        whole, whole_text = _extract(_reassemble(parts), url, precise=True)
        if whole is not None and len(whole_text) >= len(text) + MIN_PART_GAIN_CHARS:
            document = whole
    links = _link_texts(tree)
    body = "\n".join(_clean_lines(_serialise(document.body, links, rules), links, rules))
    # Markup debris ("<<>>", "|") without a single word is no article.
    return body if any(ch.isalnum() for ch in body) else ""


# --------------------------------------------------------------------------------------------
# Publication date
# --------------------------------------------------------------------------------------------
#
# trafilatura hands dates over as a bare day from htmldate, whose search ends, even with
# extensive_search off, in a scan of the page's text for anything date-like (a related
# story's date, a copyright year). A wrong date is worse than none here: relative dates in
# the text ("on Monday") are resolved against it. So the date is read from what the page
# states about itself, in this order, and is None otherwise:
#   1. <meta property="article:published_time">;
#   2. JSON-LD datePublished, article types first;
#   3. other publication-date <meta> names, microdata itemprop="datePublished", <time pubdate>;
#   4. a full year/month/day in the canonical or given URL;
#   5. an element whose class or id names it the publication date ("publish-date", "post-date").

# The <meta> names that mean "first published", the JSON-LD types of an article, the month
# names of page addresses and the class names of date elements are data (the [dates] and
# [markup] tables of html_furniture.toml, compiled into HtmlFurnitureRules).

#: A year before this is a placeholder (0001-01-01) or a typo, not a news date.
MIN_YEAR = 1900
#: Grace for clocks and time zones: a page dated further ahead of now than this is mis-dated.
FUTURE_TOLERANCE = dt.timedelta(days=1)
#: Longer strings are sentences that contain a date, not dates.
MAX_DATE_CHARS = 64

_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
# "GMT+0300" (JavaScript's Date format) means three hours east of GMT; dateutil reads it the
# POSIX way round, so the offset is rewritten as a plain ISO offset first.
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-])(\d\d):?(\d\d)\b")
_UTC_NAMES = frozenset({"UTC", "GMT", "Z", "UT"})

#: Only the first few marked-up dates are read: further down the page they belong to
#: teasers and comments.
MAX_MARKUP_DATES = 5


def _tz_for_name(name: str | None, offset: int | None) -> dt.tzinfo | None:
    if offset is not None:
        return dt.timezone(dt.timedelta(seconds=offset))
    if name and name.upper() in _UTC_NAMES:
        return dt.UTC
    # Zone abbreviations are ambiguous (IST, CST), and dateutil would otherwise read one
    # that matches this machine's zone as local time: leave the value naive.
    return None


def _parse_loose(value: str) -> dt.datetime | None:
    """RFC 2822 and written-out dates ("Tue, 19 Nov 2019 13:45:00 GMT", "November 19, 2019")."""
    value = _GMT_OFFSET.sub(lambda m: f"{m[1]}{m[2]}:{m[3]}", value)
    # Parse against two different defaults: a field that differs between the results was
    # filled in by the parser, not read from the page, so the value is not a whole date.
    defaults = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            first, second = (
                dateparser.parse(value, default=d, fuzzy=False, tzinfos=_tz_for_name) for d in defaults
            )
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    if not isinstance(first, dt.datetime) or not isinstance(second, dt.datetime):
        return None
    if first.date() != second.date():
        return None
    return first


def _parse_date_value(value: str) -> dt.date | dt.datetime | None:
    """A day, or an aware datetime; None when the value does not name a whole day."""
    value = " ".join(value.split())
    if not value or len(value) > MAX_DATE_CHARS:
        return None
    parsed: dt.datetime | None
    if _EPOCH.match(value):
        parsed = dt.datetime.fromtimestamp(int(value[:10]), tz=dt.UTC)
    else:
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            parsed = _parse_loose(value)
    return None if parsed is None else _normalise(parsed)


def _normalise(value: dt.datetime) -> dt.date | dt.datetime | None:
    has_zone = value.tzinfo is not None and value.utcoffset() is not None
    # A naive time is in an unknown zone, and midnight is how many CMSs write a bare day:
    # in both cases the day is all the page really says.
    result: dt.date | dt.datetime = value if has_zone and value.time() != dt.time(0, 0) else value.date()
    return result if _plausible(result) else None


def _plausible(value: dt.date | dt.datetime) -> bool:
    day = value.date() if isinstance(value, dt.datetime) else value
    # 1970-01-01 is a Unix timestamp of 0: a missing value, not a date.
    if day.year < MIN_YEAR or day == dt.date(1970, 1, 1):
        return False
    latest = dt.datetime.now(dt.UTC) + FUTURE_TOLERANCE
    if isinstance(value, dt.datetime):
        return value <= latest
    return day <= latest.date()


#: JSON-LD nests (graph → page → mainEntity → article); deeper than this is not metadata.
MAX_JSON_DEPTH = 6


def _walk_json(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > MAX_JSON_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_json(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _walk_json(data[key], depth + 1)


def _json_ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        yield from _walk_json(data)


def _json_ld_types(obj: dict[str, Any]) -> set[str]:
    types = obj.get("@type")
    if isinstance(types, str):
        return {types.lower()}
    if isinstance(types, list):
        return {t.lower() for t in types if isinstance(t, str)}
    return set()


def _metadata_dates(tree: Any, rules: HtmlFurnitureRules) -> Iterator[str]:
    """Raw publication dates from the page's metadata (steps 1 to 3), most trusted first."""
    metas: list[tuple[int, str]] = []
    for meta in tree.iterfind(".//meta[@content]"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        rank = rules.date_meta_rank.get(name)
        if rank is not None:
            metas.append((rank, meta.get("content") or ""))
    metas.sort(key=lambda pair: pair[0])
    yield from (value for rank, value in metas if rank == 0)

    objects = list(_json_ld_objects(tree))
    articles = [o for o in objects if _json_ld_types(o) & rules.article_types]
    for obj in articles + [o for o in objects if not _json_ld_types(o) & rules.article_types]:
        value = obj.get("datePublished")
        if isinstance(value, str):
            yield value

    yield from (value for rank, value in metas if rank != 0)
    for element in tree.xpath('.//*[@itemprop="datePublished"]|.//time[@pubdate]'):
        yield element.get("datetime") or element.get("content") or element.text_content()


def _markup_dates(tree: Any, rules: HtmlFurnitureRules) -> Iterator[str]:
    """Dates printed in an element marked as the publication date (step 5)."""
    found = 0
    for element in tree.xpath(".//*[@class or @id]"):
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "meta", "link"):
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        # Other dates (a revision's, another story's) are told apart by the words that follow.
        if not rules.published_markup.search(names) or rules.other_date_markup.search(names):
            continue
        found += 1
        if found > MAX_MARKUP_DATES:
            return
        yield element.get("datetime") or element.get("title") or element.text_content()


def _url_date(url: str | None, rules: HtmlFurnitureRules) -> dt.date | None:
    if not url:
        return None
    match = rules.url_date.search(urlsplit(url).path)
    if not match:
        return None
    year, month, day = (
        (match["y"], match["m"], match["d"]) if match["y"] else (match["y2"], match["m2"], match["d2"])
    )
    month_number = int(month) if month.isdigit() else rules.url_months[month.lower()]
    try:
        value = dt.date(int(year), month_number, int(day))
    except ValueError:
        return None
    return value if _plausible(value) else None


def _first_date(raw_values: Iterable[str]) -> dt.date | dt.datetime | None:
    """The first value that parses; a later one of the same day may add the time and zone."""
    best: dt.date | None = None
    for raw in raw_values:
        value = _parse_date_value(raw)
        if isinstance(value, dt.datetime):
            if best is None or value.date() == best:
                return value
        elif value is not None and best is None:
            best = value
    return best


def _published(
    tree: Any, urls: Iterable[str | None], rules: HtmlFurnitureRules
) -> dt.date | dt.datetime | None:
    from_metadata = _first_date(_metadata_dates(tree, rules))
    if from_metadata is not None:
        return from_metadata
    for url in urls:
        from_url = _url_date(url, rules)
        if from_url is not None:
            return from_url
    return _first_date(_markup_dates(tree, rules))


# --------------------------------------------------------------------------------------------
# Metadata and entry point
# --------------------------------------------------------------------------------------------


def _http_url(value: str | None) -> str | None:
    if not value:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return value.strip()


def _canonical(found: str | None, given: str | None) -> str | None:
    found, given = _http_url(found), _http_url(given)
    if found and given and urlsplit(found).path.strip("/") == "" and urlsplit(given).path.strip("/"):
        # A canonical link to the home page is a template error, not this article's address.
        return given
    return found or given


def _clean_str(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _without_headline(body: str, title: str | None) -> str:
    """The body without the headline, which trafilatura sometimes keeps as a line of it.

    The headline travels as the title; repeated in the text it would be read as a sentence
    of the report.
    """
    if not title:
        return body
    headline = _normalised(title).casefold()
    return "\n".join(line for line in body.split("\n") if _normalised(line).casefold() != headline)


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")


def _outlet(sitename: Any, rules: HtmlFurnitureRules) -> str | None:
    name = _clean_str(sitename)
    if name and _http_url(name):
        # Some sites give their address as their name: keep the host, which reads as a name.
        name = urlsplit(name).netloc
    if name and rules.copyright.search(name):
        name = None  # a footer line that trafilatura took for the site name
    if name and name.lower().startswith("www."):
        name = name[4:]
    return name or None


def _title(title: Any, outlet: str | None) -> str | None:
    """The headline without the outlet's name that <title> tags append or prepend."""
    text = _clean_str(title)
    if not text or not outlet:
        return text
    folded, name = text.casefold(), outlet.casefold()
    for separator in _TITLE_SEPARATORS:
        if folded.endswith(separator + name):
            return text[: -len(separator + name)].strip() or text
        if folded.startswith(name + separator):
            return text[len(name + separator) :].strip() or text
    return text


_TAG = re.compile(r"<\s*[a-zA-Z!/?]")
#: Longer input is cut here. News pages run to 2-5 MB with their inline scripts and data; past
#: this the tail is site data, and parsing and scoring it costs seconds for nothing.
MAX_HTML_CHARS = 10_000_000
# Characters XML cannot hold; libxml2 stops at some of them and loses the rest of the page.
_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# lxml parsers must not be shared between threads.
_parsers = threading.local()


def _parser() -> Any:
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        # huge_tree lifts libxml2's nesting limit of 256 levels, past which it silently drops
        # the rest of the page (pages with unclosed <div> or <font> tags get there); the size
        # of what is parsed is capped by MAX_HTML_CHARS instead.
        parser = lxml.html.HTMLParser(
            collect_ids=False,
            default_doctype=False,
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
            huge_tree=True,
        )
        _parsers.parser = parser
    return parser


def _parse(html: str) -> Any:
    """The page as an lxml tree, or None. Fragments get an <html><body> around them."""
    text = _INVALID_XML_CHARS.sub("", html[:MAX_HTML_CHARS])
    # Bytes with a fixed encoding: lxml refuses str input that declares an encoding, and a
    # <meta charset> must not override the decoding the reader already did.
    return lxml.html.document_fromstring(text.encode("utf-8"), parser=_parser())


def extract_html(html: str, url: str | None = None, rules: HtmlFurnitureRules | None = None) -> CleanedText:
    """The article body of an HTML page as plain text, with its title, date, outlet and url.

    Paragraphs, headings, list items and table rows each become one line. An unreadable or
    non-HTML input gives an empty body (the caller turns that into a rejection); this never
    raises on bad input and never fetches anything. ``rules`` is the furniture vocabulary
    (None: the package's own, ``HtmlFurnitureRules.load()``); loading the package's raises
    :class:`~wirewatch.errors.DataFileError` only when the installed data file is broken.
    """
    rules = rules if rules is not None else HtmlFurnitureRules.load()
    given_url = _http_url(url)
    if not html or "\x00" in html[:4096] or not _TAG.search(html[:65536]):
        return CleanedText(body="", url=given_url)
    try:
        tree = _parse(html)
    except Exception:  # untrusted input: any parser failure is a rejection
        log.debug("unparseable HTML from %s", url, exc_info=True)
        tree = None
    if tree is None:
        return CleanedText(body="", url=given_url)

    title = outlet = canonical = None
    try:
        meta = extract_metadata(tree, default_url=given_url, extensive=False)
        outlet = _outlet(meta.sitename, rules)
        title = _title(meta.title, outlet)
        canonical = _canonical(meta.url, given_url)
    except Exception:  # metadata is optional; the body stands without it
        log.warning("metadata extraction failed for %s", url, exc_info=True)
        canonical = given_url

    try:
        body = _without_headline(_extract_body(tree, given_url, rules), title)
    except Exception:  # a crash in the extractor must not stop a batch
        log.warning("body extraction failed for %s", url, exc_info=True)
        body = ""

    try:
        published = _published(tree, (canonical, given_url), rules)
    except Exception:  # an odd date must not cost the article
        log.warning("date extraction failed for %s", url, exc_info=True)
        published = None

    return CleanedText(body=body, title=title, published=published, outlet=outlet, url=canonical)
