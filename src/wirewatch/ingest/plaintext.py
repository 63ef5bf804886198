"""Plain-text page-furniture removal and metadata extraction.

A news page flattened to text is the article body wrapped in page furniture: menus, the
headline and byline, ads, image credits, share prompts, related-story lists, comment boxes,
footers. :func:`clean_plaintext` finds the body and reads the title, the publication date,
the outlet and the datelines printed around and inside it.

How it works:

1. The text is cut into *units*: one line, or one paragraph when the text is hard-wrapped.
2. Each unit is classified (prose, short prose, headline, section label, byline, date line,
   furniture, end-of-article marker) and weighted: prose counts for the body in proportion
   to its length, furniture and headline-like lines count against it. Furniture is what the
   vocabulary names, and also what has the shape of it: a row of short items between
   separators (menus, breadcrumbs, tag and share rows), a line without a letter, and the
   headlines right after a lead-in ("Also read:", "Highlights"). Bylines and date lines
   weigh more than the furniture pages insert between paragraphs (ads, teasers, captions),
   and an unbroken run of such furniture counts about as much as one line of it.
3. The body is the heaviest run of units (maximum-sum subarray) that crosses no
   end-of-article marker and no new story header (a headline followed by its own byline or
   date line). Of several such regions the first substantial one wins, so a long comment
   thread under a short report does not replace it.
4. A standfirst repeated as the first paragraph is skipped (the body starts at the repeat),
   a sidebar story's headline right above its dateline is kept with it, and furniture units
   inside the body (ads, credits, bylines, date lines) are dropped.
5. The title is the most headline-like line above the body (see :func:`_pick_title`); the
   publication date is the best-labelled date line around the body, those under the title
   first (a date above it may be the site's top bar printing the day of the visit).

The vocabulary (furniture phrases, months, weekdays, time zones, agencies) is data, in
``wirewatch/data/furniture.toml`` (its format is described at the top of that file); users
extend it with their own files through :meth:`FurnitureRules.load`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wirewatch.datafiles import load_merged
from wirewatch.errors import DataFileError
from wirewatch.ingest.document import CleanedText, DatelineSection

__all__ = ["FURNITURE_FORMAT", "FurnitureRules", "clean_plaintext"]

#: The ``format`` every furniture file declares.
FURNITURE_FORMAT = "furniture/1"
_PACKAGE_FILE = "furniture.toml"  # under wirewatch/data/

# --------------------------------------------------------------------------------------------
# Thresholds, tuned on the seed pages and the layouts in tests/ingest/test_plaintext.py; each
# says what it separates.
# --------------------------------------------------------------------------------------------

#: Lines longer than this are prose whatever phrases they contain: furniture is terse, and a
#: 40-word line that mentions "subscribe" or "cookies" is a sentence of the report.
FURNITURE_MAX_WORDS = 40
#: A line of at least this many words that ends like a sentence and is mostly lower-case
#: words is prose. Headlines rarely end in a period; eight words is a short news sentence.
PROSE_MIN_WORDS = 8
#: Without a closing period a line needs this many words to count as prose (a paragraph cut
#: off by the scraper). The longest headlines run to about 20 words.
UNPUNCTUATED_PROSE_MIN_WORDS = 25
#: Share of words starting in lower case above which a line reads as a sentence. Sentence
#: case prose is around 0.6-0.8; title-case headlines and menus are below 0.2; 0.3 leaves
#: room for name-heavy sentences ("US President Joe Biden met Iraqi Prime Minister ...").
PROSE_MIN_LOWER_SHARE = 0.3
#: ... counted over at most this many opening words.
SHARE_SAMPLE_WORDS = 60
#: Title candidates, date lines and labels are short; these caps keep sentences out.
TITLE_MAX_WORDS = 30
DATE_LINE_MAX_WORDS = 20
#: Words besides the date, time and labels on a date line ("Washington DC (UPI)",
#: "By Jane Doe |", "PTI,"); more than this and the date sits in a sentence.
DATE_LINE_MAX_EXTRA_WORDS = 6
LABEL_MAX_WORDS = 6
#: A lead-in ("Also read:", "Read more on this story") is a label of a few words.
LEAD_IN_MAX_WORDS = 8
#: A short line without a single letter is furniture (a clock, a rule, a count).
LETTERLESS_MAX_WORDS = 3
#: A menu, breadcrumb trail or tag row has at least MENU_MIN_ITEMS items of at most
#: MENU_ITEM_MAX_WORDS words each ("Contact the newsroom", "Share on WhatsApp"), and at most
#: MENU_MAX_WORDS words in all.
MENU_MIN_ITEMS = 3
MENU_ITEM_MAX_WORDS = 4
MENU_MAX_WORDS = 40
#: A byline names at most this many words before its separator ("By Ana de la Cruz Perez").
BYLINE_MAX_NAME_WORDS = 6
#: A site name after " | " or " - " in a title: "Times of India", "Al Jazeera English".
SITE_MAX_WORDS = 5
#: A deck (summary under the headline, without a full stop) is a long line right under a
#: real headline: a headline has four words or more, a deck ten or more and more than it.
DECK_MIN_TITLE_WORDS = 4
DECK_MIN_WORDS = 10

# Weights of the maximum-sum search. Prose weighs 1 + words/10 (a 30-word paragraph: 4), so
# one or two furniture lines between paragraphs (-2 each) never split a body, while a
# standfirst kept from the body by a byline and three credits (-8) stays outside it.
PROSE_BASE_WEIGHT = 1.0
PROSE_WORDS_PER_POINT = 10.0
#: Long paragraphs count no more than this many words, so one giant footer paragraph cannot
#: outweigh a report of many ordinary ones.
PROSE_WORD_CAP = 80
SHORT_PROSE_WEIGHT = 0.5
HEADLINE_WEIGHT = -1.0
#: Bylines, date lines and most furniture (share rows, newsletter boxes, menus).
FURNITURE_WEIGHT = -2.0
#: Furniture that pages insert between two paragraphs of a report (ads, "story continues
#: below", inline "Read more:" links, captions and credits, a video player) costs less: the
#: report goes on after it, so one short closing paragraph after an ad still counts.
INLINE_WEIGHT = -1.0
#: Each further furniture line of an unbroken run ("Share" / "Copy link", "Advertisement" /
#: "Story continues below") adds only this much: the run is one interruption.
FURNITURE_RUN_WEIGHT = -0.5
LABEL_WEIGHT = -2.5
#: A list of at least LIST_MIN_LINES headline-like lines is a block of links to other
#: stories; each line of it weighs LIST_LINE_WEIGHT, so a teaser paragraph after the list
#: does not pull the list into the body.
LIST_MIN_LINES = 3
LIST_LINE_WEIGHT = -2.5
#: A region between end markers is taken as the body when its weight is at least this share
#: of the heaviest region's, or at least REGION_ENOUGH_WEIGHT (two ordinary news sentences);
#: earlier regions win, because reader comments, appeals and footers come after the report
#: and can outweigh a short one.
REGION_MIN_SHARE = 0.35
REGION_ENOUGH_WEIGHT = 5.0

#: A standfirst is recognised by its first sentence repeated at the start of a later
#: paragraph; shorter sentences than this repeat by chance ("Iraq is at war.").
STANDFIRST_MIN_CHARS = 40
STANDFIRST_LOOKAHEAD_UNITS = 12
#: When the page prints no date of its own, a dateline this many units into the body still
#: dates the page (a headline or a one-line summary may come before it).
BODY_DATELINE_LOOKAHEAD = 3

#: Hard-wrapped text (a fixed line width) is joined into paragraphs when at least this many
#: lines are given, the longest is at most WRAP_MAX_WIDTH characters, and WRAP_FULL_SHARE of
#: them reach WRAP_FULL_FRACTION of the longest (wrapped lines are nearly full).
WRAP_MIN_LINES = 6
WRAP_MAX_WIDTH = 100
WRAP_FULL_FRACTION = 0.75
WRAP_FULL_SHARE = 0.5
#: In wrapped text a line at least this fraction of the width runs on into the next line; a
#: paragraph's last line is usually shorter.
WRAP_JOIN_FRACTION = 0.6
#: ... and when most of those nearly full lines stop mid-sentence (a page of one paragraph
#: per line, whose long lines end in full stops, is not wrapped).
WRAP_OPEN_SHARE = 0.5
#: A line of fewer words never runs on: headlines and labels stand alone.
WRAP_MIN_WORDS = 5
#: Furniture patterns without a required piece of plain text at least this long run on
#: every line; shorter pieces ("ad") are in too many lines to save work, unless they hold a
#: character that few lines have ("]", "/", "©").
PREFILTER_MIN_CHARS = 3
#: Teaser patterns ("... read more") are matched against this many closing characters.
TEASER_TAIL_CHARS = 60
#: A dateline ("WASHINGTON, March 3, 2024 (Reuters) -") fits in this many characters.
DATELINE_MAX_CHARS = 100
#: Readable years; the ISO forms of other numbers (phone numbers, ids) fall outside.
YEAR_PATTERN = r"(?:19|20)\d{2}"


# --------------------------------------------------------------------------------------------
# Vocabulary: FurnitureRules
# --------------------------------------------------------------------------------------------

# (table, key) -> list of strings; tables of scalars are merged key by key.
_LIST_KEYS: frozenset[tuple[str, str]] = frozenset(
    {
        ("patterns", "end"),
        ("patterns", "internal"),
        ("patterns", "teaser"),
        ("patterns", "notice"),
        ("patterns", "lead_in"),
        ("patterns", "inline"),
        ("bylines", "prefixes"),
        ("bylines", "desks"),
        ("bylines", "name_particles"),
        ("outlet", "patterns"),
        ("outlet", "agencies"),
        ("outlet", "not_site"),
        ("dates", "published_labels"),
        ("dates", "updated_labels"),
        ("dates", "filler"),
        ("weekdays", "names"),
    }
)
_MAP_TABLES = ("months", "timezones")
_PATTERN_KEYS = (
    ("patterns", "end"),
    ("patterns", "internal"),
    ("patterns", "teaser"),
    ("patterns", "notice"),
    ("patterns", "lead_in"),
    ("patterns", "inline"),
    ("bylines", "prefixes"),
    ("bylines", "desks"),
    ("outlet", "patterns"),
)
_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, preferring the longest ("sept" over "sep").

    Written as a prefix tree ("sep(?:t(?:ember)?)?"), so the engine compares a character
    once instead of once per word: month names are searched for in every dated line.
    """
    tree: dict[str, Any] = {}
    for word in set(words):
        if not word:
            continue
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree) or "(?!)"


def _compile_any(patterns: Sequence[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One pattern matching wherever any of ``patterns`` matches."""
    if not patterns:
        return re.compile("(?!)")
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _required_literal(pattern: str) -> str | None:
    """A piece of plain text every match of ``pattern`` contains, lower-cased, or None.

    Reads the pattern's top level only (outside groups and classes): runs of ordinary
    characters are required unless a quantifier makes their last character optional. A
    top-level alternation makes nothing required. Conservative by construction: None means
    "always run the pattern", never a missed match.
    """
    runs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        runs.append("".join(current))
        current.clear()

    depth = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            escaped = pattern[i + 1 : i + 2]
            if escaped and not escaped.isalnum() and depth == 0:
                current.append(escaped)  # "\[" or "\/" is the character itself
            else:
                flush()
            i += 2
            continue
        if char == "[":
            flush()
            i += 1
            if i < len(pattern) and pattern[i] == "^":
                i += 1
            if i < len(pattern) and pattern[i] == "]":
                i += 1
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        if char in "?*{":
            if current:
                current.pop()
            flush()
            if char == "{":
                close = pattern.find("}", i)
                i = len(pattern) if close < 0 else close
            i += 1
            continue
        if char == "|" and depth == 0:
            return None
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if depth > 0 or char in "()+.^$|":
            flush()
        else:
            current.append(char)
        i += 1
    flush()
    longest = max((run.strip().lower() for run in runs), key=len, default="")
    if len(longest) >= PREFILTER_MIN_CHARS or any(not c.isalnum() and not c.isspace() for c in longest):
        return longest
    return None


#: What _structure yields at the end of a pattern whose character class is never closed.
_OPEN_CLASS = "["


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """The regex's own "(", ")" and "|" from ``start`` on (not escaped, not inside a class),
    with their offsets; ends with (len, "[") when a character class is left open."""
    in_class = False
    i = start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif char in "()|":
            yield i, char
        i += 1
    if in_class:
        yield len(pattern), _OPEN_CLASS


def _split_alternatives(pattern: str) -> list[str] | None:
    """``pattern`` cut at its top-level "|", or None when its brackets do not balance."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, char in _structure(pattern):
        if char == _OPEN_CLASS:
            return None
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    if depth != 0:
        return None
    parts.append(pattern[start:])
    return parts


def _closing_paren(pattern: str, opening: int) -> int:
    """Index of the ")" closing the group opened at ``opening``, or -1."""
    depth = 0
    for i, char in _structure(pattern, opening):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _skip_quantifier(rest: str) -> tuple[str, bool] | None:
    """(what follows an element's quantifier, whether the element may be absent); None if unsure."""
    if not rest or rest[0] not in "?*+{":
        return rest, False
    if rest[0] == "{":
        close = rest.find("}")
        if close < 0:
            return None
        optional = rest[1:close].split(",")[0].strip() in ("", "0")
        rest = rest[close + 1 :]
    else:
        optional = rest[0] in "?*"
        rest = rest[1:]
    if rest[:1] in ("?", "+"):  # lazy or possessive
        rest = rest[1:]
    return rest, optional


def _first_chars(pattern: str) -> frozenset[str] | None:
    """Lower-case characters every match of ``pattern`` may start with; None when unsure.

    Reads literal characters, escaped punctuation, (non-capturing or named) groups with
    alternatives, optional elements and ``\\b``; anything else (classes, ``\\w``, ``.``,
    inline flags, lookarounds) gives None, so a pattern is never filed under a wrong letter.
    """
    alternatives = _split_alternatives(pattern)
    if alternatives is None:
        return None
    chars: set[str] = set()
    for alternative in alternatives:
        found = _first_chars_of_sequence(alternative)
        if found is None:
            return None
        chars |= found
    return frozenset(chars)


def _first_chars_of_sequence(pattern: str) -> frozenset[str] | None:
    while pattern.startswith("\\b"):
        pattern = pattern[2:]
    if not pattern:
        return None  # may match the empty string
    char = pattern[0]
    first: frozenset[str] | None
    if char == "(":
        close = _closing_paren(pattern, 0)
        if close < 0:
            return None
        inner = pattern[1:close]
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?P<"):
            inner = inner[inner.find(">") + 1 :]
        elif inner.startswith("?"):
            return None
        first = _first_chars(inner)
        rest = pattern[close + 1 :]
    elif char == "\\":
        escaped = pattern[1:2]
        if escaped == "d":
            first = frozenset("0123456789")
        elif not escaped or escaped.isalnum():
            return None
        else:
            first = frozenset({escaped})
        rest = pattern[2:]
    elif char in ".^$*+?{|)[":
        return None
    else:
        first, rest = frozenset({char.lower(), char.upper().lower()}), pattern[1:]
    skipped = _skip_quantifier(rest)
    if first is None or skipped is None:
        return None
    rest, optional = skipped
    if not optional:
        return first
    after = _first_chars_of_sequence(rest)
    return None if after is None else first | after


@dataclass(frozen=True, eq=False)
class _PatternSet:
    """Furniture patterns, arranged so a line costs a few substring tests, not a regex scan.

    Patterns anchored at the start of the line are filed under the characters a match can
    start with and joined into one pattern per character, tried at position 0 of lines that
    start with it; the others (and anchored ones that may start with anything) run only on
    lines containing the plain text they require.
    """

    #: first lower-case character -> anchored patterns that may match a line starting with it
    anchored: Mapping[str, re.Pattern[str]]
    #: anchored patterns that may start with anything (None: there are none)
    anchored_any: re.Pattern[str] | None
    #: (required lower-case text, patterns needing it); then patterns that need nothing.
    by_literal: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    unconditional: tuple[re.Pattern[str], ...]

    @classmethod
    def build(cls, patterns: Sequence[str]) -> _PatternSet:
        by_char: dict[str, list[str]] = {}
        anywhere: list[str] = []
        rest: list[str] = []
        for pattern in patterns:
            chars = None
            if pattern.startswith("^") and "|" not in _top_level(pattern):
                chars = _first_chars(pattern[1:])
                if chars is None and _required_literal(pattern) is None:
                    anywhere.append(pattern)
                    continue
            if chars is None:
                rest.append(pattern)  # searched for where its required text is
            else:
                for char in chars:
                    by_char.setdefault(char, []).append(pattern)
        grouped: dict[str, list[re.Pattern[str]]] = {}
        unconditional = []
        for pattern in rest:
            literal = _required_literal(pattern)
            compiled = re.compile(pattern, re.IGNORECASE)
            if literal is None:
                unconditional.append(compiled)
            else:
                grouped.setdefault(literal, []).append(compiled)
        # A line holding "cookie policy" holds "cookie": file such patterns under the shorter
        # text, so a line costs one substring test for both.
        merged: dict[str, list[re.Pattern[str]]] = {}
        for literal in sorted(grouped, key=len):
            shorter = next((known for known in merged if known in literal), literal)
            merged.setdefault(shorter, []).extend(grouped[literal])
        try:
            joined = {char: _compile_any(group) for char, group in by_char.items()}
            joined_any = _compile_any(anywhere)
        except re.error:
            # Patterns that cannot share one regex (inline flags, repeated group names) each
            # run on their own.
            joined, joined_any = {}, _compile_any([])
            alone = dict.fromkeys([p for group in by_char.values() for p in group] + anywhere)
            unconditional += [re.compile(p, re.IGNORECASE) for p in alone]
        return cls(
            anchored=MappingProxyType(joined),
            anchored_any=joined_any if anywhere else None,
            by_literal=tuple((literal, tuple(group)) for literal, group in merged.items()),
            unconditional=tuple(unconditional),
        )

    def search(self, text: str, lowered: str) -> bool:
        if self.anchored:
            starting = self.anchored.get(lowered[:1])
            if starting is not None and starting.match(text):
                return True
        if self.anchored_any is not None and self.anchored_any.match(text):
            return True
        for literal, patterns in self.by_literal:
            if literal in lowered and any(pattern.search(text) for pattern in patterns):
                return True
        return any(pattern.search(text) for pattern in self.unconditional)


def _top_level(pattern: str) -> str:
    """The characters of ``pattern`` outside groups, classes and escapes."""
    out = []
    depth = 0
    in_class = False
    escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _parse_offset(value: str) -> dt.timezone | None:
    match = _OFFSET.match(value.strip())
    if not match:
        return None
    sign, hours, minutes = match.groups()
    delta = dt.timedelta(hours=int(hours), minutes=int(minutes))
    if delta >= dt.timedelta(hours=24):
        return None
    return dt.timezone(-delta if sign == "-" else delta)


@dataclass(frozen=True, eq=False)
class FurnitureRules:
    """Compiled furniture vocabulary. Build with :meth:`load`; immutable and shareable."""

    end: _PatternSet
    internal: _PatternSet
    teaser: _PatternSet
    #: Boilerplate recognised at any length (consent walls, legal notices).
    notice: _PatternSet
    #: Lines that introduce a link to another page ("Also read:"); the headline after one
    #: is the link's text.
    lead_in: _PatternSet
    #: Furniture printed between two paragraphs of a report (ads, captions, inline links).
    inline: _PatternSet
    byline: re.Pattern[str]
    #: Whole-line bylines that name a desk, not a person ("World Desk", "X staff").
    desks: re.Pattern[str]
    name_particles: frozenset[str]
    outlet_patterns: tuple[re.Pattern[str], ...]
    agencies: re.Pattern[str]
    not_site: frozenset[str]
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]
    #: Lower-case words that may stand next to a date on a date line without making it prose.
    filler: frozenset[str]
    months: Mapping[str, int]
    weekdays: frozenset[str]
    timezones: Mapping[str, dt.timezone]
    #: Date expressions: ISO, year/month/day, month-day-year and day-month-year.
    date_patterns: tuple[re.Pattern[str], ...]
    time_pattern: re.Pattern[str]
    #: Datelines opening a paragraph: "Baghdad (AFP) Sept 28, 2020 -", "BEIRUT, March 3 (Reuters) -".
    dateline_patterns: tuple[re.Pattern[str], ...]
    sources: tuple[str, ...] = ()

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> FurnitureRules:
        """The package vocabulary merged with ``extra_files`` (loaded once per set of paths)."""
        return _load_cached(tuple(Path(p) for p in extra_files))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], sources: Sequence[str] = ()) -> FurnitureRules:
        """Build from an already merged furniture document (the layout of furniture.toml)."""

        def strings(table: str, key: str) -> list[str]:
            return list(data.get(table, {}).get(key, []))

        for table, key in _PATTERN_KEYS:
            for pattern in strings(table, key):
                try:
                    re.compile(pattern)
                except re.error as error:
                    raise DataFileError(
                        f"furniture pattern {pattern!r} in [{table}] {key} is not a valid regular "
                        f"expression: {error}",
                        "fix or remove the pattern in your furniture file",
                    ) from error
        outlet_patterns = tuple(re.compile(p, re.IGNORECASE) for p in strings("outlet", "patterns"))
        for compiled in outlet_patterns:
            if "outlet" not in compiled.groupindex:
                raise DataFileError(
                    f"outlet pattern {compiled.pattern!r} has no (?P<outlet>...) group",
                    "capture the site name with a group named outlet",
                )
        months = {str(k).lower(): int(v) for k, v in data.get("months", {}).items()}
        timezones: dict[str, dt.timezone] = {}
        for name, offset in data.get("timezones", {}).items():
            zone = _parse_offset(str(offset))
            if zone is None:
                raise DataFileError(
                    f"time zone {name} has offset {offset!r}, not +HH:MM or -HH:MM",
                    'write offsets like "+05:30"',
                )
            timezones[str(name)] = zone
        weekdays = frozenset(w.lower() for w in strings("weekdays", "names"))
        published = tuple(label.lower() for label in strings("dates", "published_labels"))
        updated = tuple(label.lower() for label in strings("dates", "updated_labels"))
        label_words = {word for label in published + updated for word in label.split()}
        filler = frozenset(w.lower() for w in strings("dates", "filler")) | label_words
        month_re = _alternation(months)
        # A year may run straight into the time when a scraper drops the space between two
        # page elements ("February 2, 20248:32 PM GMT+3").
        year_end = r"(?:\b|(?=\d{1,2}:\d{2}))"
        date_patterns = (
            re.compile(
                rf"\b(?P<year>{YEAR_PATTERN})-(?P<mon>\d{{1,2}})-(?P<day>\d{{1,2}})"
                rf"(?:[T ](?P<hour>\d{{1,2}}):(?P<minute>\d{{2}})(?::\d{{2}}(?:\.\d+)?)?"
                rf"\s*(?P<tz>Z|[+-]\d{{2}}:?\d{{2}})?)?(?![\d])"
            ),
            re.compile(rf"\b(?P<year>{YEAR_PATTERN})/(?P<mon>\d{{1,2}})/(?P<day>\d{{1,2}})\b"),
            re.compile(
                # (?<!\w) rather than \b: the same test, but much faster to search for here.
                rf"(?<!\w)(?P<mon>{month_re})\b\.?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
                rf"(?:\s*,?\s*(?P<year>{YEAR_PATTERN}){year_end})?",
                re.IGNORECASE,
            ),
            re.compile(
                rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>{month_re})\b\.?"
                rf"(?:\s*,?\s*(?P<year>{YEAR_PATTERN}){year_end})?",
                re.IGNORECASE,
            ),
            # Day first ("03-02-2024", "03/02/2024", "03.02.2024"), as printed outside the US;
            # read month first only when the day-first reading is impossible ("02/13/2024").
            re.compile(
                rf"(?<![\d./-])(?P<day>\d{{1,2}})(?P<sep>[-./])(?P<mon>\d{{1,2}})(?P=sep)"
                rf"(?P<year>{YEAR_PATTERN})(?![\d./-]\d)"
            ),
        )
        zone_re = _alternation(timezones)
        time_pattern = re.compile(
            r"(?<![\d:.])(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?![\d])(?:[:.][0-5]\d)?"
            r"(?:\s*(?P<ampm>[AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))?"
            rf"(?:\s*\(?\s*(?P<tz>(?:GMT|UTC)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|(?:{zone_re})\b"
            r"|[+-]\d{2}:?\d{2}\b))?"
        )
        loose_date = (
            rf"(?:(?i:{month_re})\.?\s*\d{{1,2}}(?:st|nd|rd|th)?(?:\s*,?\s*{YEAR_PATTERN})?"
            rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{month_re})\.?(?:\s*,?\s*{YEAR_PATTERN})?"
            rf"|{YEAR_PATTERN}-\d{{2}}-\d{{2}})"
        )
        place = r"(?P<place>[A-Z][\w'’.\-]*(?:,?\s[A-Z][\w'’.\-]*){0,4})"
        agency = r"\((?P<agency>[A-Z][\w .&'’/\-]{0,39})\)"
        separator = r"\s*(?:-{1,3}|–|—|:)(?:\s+|$)"
        dateline_patterns = (
            re.compile(rf"^{place}\s*{agency}\s*,?\s*(?P<date>{loose_date})?{separator}"),
            re.compile(rf"^{place},?\s+(?P<date>{loose_date})\s*(?:{agency})?{separator}"),
        )
        agencies = [a for a in strings("outlet", "agencies") if a.strip()]
        return cls(
            end=_PatternSet.build(strings("patterns", "end")),
            # Short lines try notices with the internal patterns, in one pass.
            internal=_PatternSet.build(strings("patterns", "internal") + strings("patterns", "notice")),
            teaser=_PatternSet.build(strings("patterns", "teaser")),
            notice=_PatternSet.build(strings("patterns", "notice")),
            lead_in=_PatternSet.build(strings("patterns", "lead_in")),
            inline=_PatternSet.build(strings("patterns", "inline")),
            byline=_compile_any(strings("bylines", "prefixes")),
            desks=_compile_any(strings("bylines", "desks")),
            name_particles=frozenset(w.lower() for w in strings("bylines", "name_particles")),
            outlet_patterns=outlet_patterns,
            agencies=re.compile(rf"(?<![\w-])(?:{_alternation(agencies)})(?![\w-])"),
            not_site=frozenset(w.lower() for w in strings("outlet", "not_site")),
            published_labels=published,
            updated_labels=updated,
            filler=filler,
            months=MappingProxyType(months),
            weekdays=weekdays,
            timezones=MappingProxyType(timezones),
            date_patterns=date_patterns,
            time_pattern=time_pattern,
            dateline_patterns=dateline_patterns,
            sources=tuple(sources),
        )


def _read_toml(text: str, source: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(
            f"furniture file {source} is not valid TOML: {error}", "fix the TOML syntax"
        ) from error
    if data.get("format") != FURNITURE_FORMAT:
        raise DataFileError(
            f"furniture file {source} declares format {data.get('format')!r}",
            f'start the file with format = "{FURNITURE_FORMAT}"',
        )
    for table, value in data.items():
        if table == "format":
            continue
        if not isinstance(value, dict):
            raise DataFileError(f"furniture file {source}: {table} must be a table", f"write [{table}]")
        for key, item in value.items():
            if table in _MAP_TABLES:
                valid = isinstance(item, int) if table == "months" else isinstance(item, str)
                if not valid:
                    raise DataFileError(
                        f"furniture file {source}: [{table}] {key} has the wrong type",
                        'months map to numbers 1-12, time zones to strings like "+03:00"',
                    )
                if table == "months" and not 1 <= int(item) <= 12:
                    raise DataFileError(
                        f"furniture file {source}: month {key} = {item} is not 1-12", "use 1-12"
                    )
            elif (table, key) in _LIST_KEYS:
                if not isinstance(item, list) or not all(isinstance(s, str) for s in item):
                    raise DataFileError(
                        f"furniture file {source}: [{table}] {key} must be a list of strings",
                        f'write {key} = ["...", "..."]',
                    )
            else:
                known = sorted({f"[{t}] {k}" for t, k in _LIST_KEYS} | {f"[{t}]" for t in _MAP_TABLES})
                raise DataFileError(
                    f"furniture file {source}: unknown key [{table}] {key}",
                    "known keys: " + ", ".join(known),
                )
    return data


@functools.lru_cache(maxsize=16)
def _load_cached(extra_files: tuple[Path, ...]) -> FurnitureRules:
    merged, sources = load_merged([_PACKAGE_FILE], extra_files, _read_toml, "furniture")
    return FurnitureRules.from_mapping(merged, sources)


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _DateFound:
    """A date expression found in a line; year is None when the line does not print one."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    time: tuple[int, int] | None
    zone: dt.timezone | None
    time_span: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class _DateHit:
    """A date line or dateline: what it prints and what it says about the page."""

    found: _DateFound
    rank: int  # lower is a better publication date (see _RANK_*)
    agency: str | None
    text: str


_RANK_PUBLISHED = 0  # "Published March 3, 2024"
_RANK_PLAIN = 1  # "Baghdad (AFP) Sept 27, 2020", "Mon 5 Feb 2024 14.02 GMT"
_RANK_BODY_DATELINE = 2  # "BEIRUT, March 3 (Reuters) -" opening the body
_RANK_IN_FURNITURE = 3  # "Source: Xinhua | 2024-03-03": a date inside furniture
_RANK_UPDATED = 4  # "Updated April 4th, 2021" says when it changed, not when it appeared


def _zone_of(text: str | None, rules: FurnitureRules) -> dt.timezone | None:
    if not text:
        return None
    text = text.strip()
    if text in rules.timezones:
        return rules.timezones[text]
    numeric = re.fullmatch(r"(?:GMT|UTC)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", text)
    if numeric:
        sign, hours, minutes = numeric.groups()
        return _parse_offset(f"{sign}{int(hours):02d}:{minutes or '00'}")
    return None


def _find_date(text: str, rules: FurnitureRules) -> _DateFound | None:
    """The first date expression in ``text``, with a printed time and zone if there is one."""
    best: re.Match[str] | None = None
    for pattern in rules.date_patterns:
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    groups = best.groupdict()
    month_text = groups["mon"]
    month = int(month_text) if month_text.isdigit() else rules.months.get(month_text.lower().rstrip("."), 0)
    day = int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("sep") and month > 12 >= day:
        day, month = month, day
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: Feb 29 without a year passes
    except ValueError:
        return None
    time: tuple[int, int] | None = None
    zone: dt.timezone | None = None
    time_span: tuple[int, int] | None = None
    if groups.get("hour") is not None:
        hour, minute = int(groups["hour"]), int(groups["minute"])
        if hour < 24 and minute < 60:
            time = (hour, minute)
            zone = _zone_of(groups.get("tz"), rules)
    else:
        after = rules.time_pattern.search(text[best.end() :])
        before = rules.time_pattern.search(text[: best.start()])
        clock = after or before
        shift = best.end() if after is not None else 0
        if clock is not None:
            hour, minute = int(clock["hour"]), int(clock["minute"])
            if clock["ampm"]:
                pm = clock["ampm"].lower() == "p"
                if hour > 12:
                    hour = -1
                elif pm and hour != 12:
                    hour += 12
                elif not pm and hour == 12:
                    hour = 0
            if 0 <= hour < 24:
                time = (hour, minute)
                zone = _zone_of(clock["tz"], rules)
                time_span = (clock.start() + shift, clock.end() + shift)
    return _DateFound(best.start(), best.end(), year, month, day, time, zone, time_span)


def _infer_year(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The date with this month and day nearest to ``reference`` (a yearless dateline)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs(d - reference)) if candidates else None


def _date_value(found: _DateFound, reference: dt.date | None) -> dt.date | dt.datetime | None:
    """A date, or an aware datetime when a time and a zone are printed."""
    if found.year is not None:
        try:
            day = dt.date(found.year, found.month, found.day)
        except ValueError:
            return None
    elif reference is not None:
        inferred = _infer_year(found.month, found.day, reference)
        if inferred is None:
            return None
        day = inferred
    else:
        return None
    if found.time is not None and found.zone is not None:
        return dt.datetime(day.year, day.month, day.day, *found.time, tzinfo=found.zone)
    return day


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


_ALPHA_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*")
_PARENTHESISED = re.compile(r"\(([^()]{1,40})\)")


def _agency_in(text: str, rules: FurnitureRules) -> str | None:
    """A news agency named in a date line: in parentheses, or a known agency's name."""
    for found in _PARENTHESISED.finditer(text):
        inside = found.group(1).strip()
        if inside[:1].isupper() and len(inside.split()) <= 4 and not any(c.isdigit() for c in inside):
            return inside
    known = rules.agencies.search(text)
    return str(known.group(0)) if known else None


def _date_line(text: str, words: Sequence[str], rules: FurnitureRules) -> _DateHit | None:
    """``text`` as a line that prints a date and little else, or None."""
    if len(words) > DATE_LINE_MAX_WORDS or not _DIGIT.search(text):
        return None
    found = _find_date(text, rules)
    if found is None:
        return None
    pieces = [text[: found.start], text[found.end :]]
    if found.time_span is not None:
        start, end = found.time_span
        if start >= found.end:
            pieces[1] = text[found.end : start] + text[end:]
        else:
            pieces[0] = text[:start] + text[end : found.start]
    rest = " ".join(pieces)
    extra = [
        token
        for token in _ALPHA_TOKEN.findall(rest)
        if token.lower().strip(".:,'’") not in rules.filler
        and token.lower().strip(".:,") not in rules.weekdays
        and token.strip(".") not in rules.timezones
    ]
    if len(extra) > DATE_LINE_MAX_EXTRA_WORDS:
        return None
    if sum(1 for token in extra if not token[0].isupper()) > 1:
        return None
    rank = _label_rank(text[: found.start], rules)
    if rank == _RANK_UPDATED:
        # "Updated: 5 Feb 2024 | Published: 3 Feb 2024": the published date may come second.
        later = _find_date(text[found.end :], rules)
        if (
            later is not None
            and _label_rank(text[found.end : found.end + later.start], rules) == _RANK_PUBLISHED
        ):
            shift = found.end
            span = later.time_span
            found = _DateFound(
                later.start + shift,
                later.end + shift,
                later.year,
                later.month,
                later.day,
                later.time,
                later.zone,
                (span[0] + shift, span[1] + shift) if span is not None else None,
            )
            rank = _RANK_PUBLISHED
    return _DateHit(found, rank, _agency_in(rest, rules), text)


def _label_rank(before: str, rules: FurnitureRules) -> int:
    """Published or updated, by the label nearest before the date."""
    lowered = before.lower()
    published = max((lowered.rfind(label) for label in rules.published_labels), default=-1)
    updated = max((lowered.rfind(label) for label in rules.updated_labels), default=-1)
    if published < 0 and updated < 0:
        return _RANK_PLAIN
    return _RANK_PUBLISHED if published > updated else _RANK_UPDATED


@dataclass(frozen=True, slots=True)
class _Dateline:
    """A dateline opening a paragraph ("BEIRUT, March 3 (Reuters) -")."""

    text: str  # as printed, without its trailing dash
    agency: str | None
    found: _DateFound | None


def _inline_dateline(text: str, rules: FurnitureRules) -> _Dateline | None:
    # Every dateline holds an agency in parentheses or a date (a digit) near its start.
    head = text[:DATELINE_MAX_CHARS]
    if "(" not in head and _DIGIT.search(head) is None:
        return None
    for pattern in rules.dateline_patterns:
        match = pattern.match(text)
        if match is None:
            continue
        place = match["place"]
        first = place.split()[0].strip(",").lower()
        if first in rules.filler or first in rules.weekdays or first in rules.months:
            continue
        date_text = match["date"]
        agency = match["agency"]
        found = _find_date(date_text, rules) if date_text else None
        if agency is None and (found is None or (found.year is None and not place.isupper())):
            # "Since March 3 - ..." reads like a dateline; real ones without an agency are
            # printed in capitals ("KYIV, March 3 —") or carry the year.
            continue
        printed = text[: match.end()].rstrip().rstrip("-–—:").rstrip()
        return _Dateline(printed, agency.strip() if agency else None, found)
    return None


# --------------------------------------------------------------------------------------------
# Lines and units
# --------------------------------------------------------------------------------------------


class _Kind(enum.Enum):
    BLANK = "blank"
    PROSE = "prose"
    SHORT_PROSE = "short prose"
    HEADLINE = "headline"
    LABEL = "label"
    BYLINE = "byline"
    DATE = "date"
    FURNITURE = "furniture"
    END = "end"

    # Members are singletons compared by identity: hash them by identity too, which is much
    # cheaper than Enum's hash of the name (kinds are looked up for every line).
    __hash__ = object.__hash__


# Module-level names for the kinds: on Python 3.11 every `_Kind.X` lookup goes through the
# Enum metaclass, which is slow in loops that run for every line.
_BLANK = _Kind.BLANK
_PROSE = _Kind.PROSE
_SHORT_PROSE = _Kind.SHORT_PROSE
_HEADLINE = _Kind.HEADLINE
_LABEL = _Kind.LABEL
_BYLINE = _Kind.BYLINE
_DATE = _Kind.DATE
_FURNITURE = _Kind.FURNITURE
_END = _Kind.END


_BASE_WEIGHT = {
    _BLANK: 0.0,
    _SHORT_PROSE: SHORT_PROSE_WEIGHT,
    _HEADLINE: HEADLINE_WEIGHT,
    _LABEL: LABEL_WEIGHT,
    _BYLINE: FURNITURE_WEIGHT,
    _DATE: FURNITURE_WEIGHT,
    _FURNITURE: FURNITURE_WEIGHT,
}
#: Units dropped when they sit inside the body.
_DROPPED = frozenset({_BYLINE, _DATE, _FURNITURE})
_CLOSERS = "\"'”’»)]*\u00a0 "
_SENTENCE_STOPS = ".!?…:;"
_OPENERS = "\"'“‘(«[-–—"
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_URL_LINE = re.compile(r"^(?:[A-Za-z][A-Za-z ]{0,30}:\s*)?<?(?P<url>https?://[^\s<>]+)>?$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"“‘'A-Z0-9])")
#: A sentence ending inside a line, after a word of four letters or more (not "U.S." or
#: "Gen."): a paragraph with a trailing tag ("... of Anbar. Enditem") is still prose.
_INNER_SENTENCE_END = re.compile(r"[.!?](?<=[^\W\d_]{4}.)[\"'”’]?\s+[\"“‘]?[A-Z]")
#: "Jane Doe in Jerusalem": two to four capitalised words, "in", one to three more.
_PERSON_IN_PLACE = re.compile(
    r"^(?:[A-Z][\w'’.\-]*\s){1,3}[A-Z][\w'’.\-]*"
    r"(?:\s(?:and|&)\s(?:[A-Z][\w'’.\-]*\s){1,3}[A-Z][\w'’.\-]*)?\sin\s[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,2}$"
)
PERSON_IN_PLACE_MAX_WORDS = 10
_SUFFIX_SEPARATOR = re.compile(r"\s+(?:\||–|—|-|::|·|•)\s+")
#: Between the items of a menu, breadcrumb trail, tag or share row: a bar, a dot, a bullet
#: or an arrow; a slash between spaces; a wide gap left by a scraper (three spaces, a tab).
_MENU_SEPARATOR = re.compile(r"\s*[|·•>»›]\s*|\s+/\s+|\s{3,}|\t")
_MENU_HINT = re.compile(r"[|·•>»›\t/]")
_BREADCRUMB_ARROW = re.compile(r"\w\s*[>»›]\s*\w")


@dataclass(slots=True)
class _Unit:
    first: int  # index of its first physical line
    last: int  # index of its last physical line (inclusive)
    text: str  # its lines joined, whitespace-normalised
    kind: _Kind
    words: int
    date: _DateHit | None = None
    agency: str | None = None
    url: str | None = None
    weight: float = 0.0
    barrier: bool = False
    lead_in: bool = False
    #: Furniture printed between two paragraphs of a report (weighs INLINE_WEIGHT).
    inline: bool = False


def _inner_sentence_end(text: str) -> bool:
    """A sentence ends inside ``text`` (the cheap test for a full stop first)."""
    return ("." in text or "?" in text or "!" in text) and _INNER_SENTENCE_END.search(text) is not None


def _terminal(text: str) -> str:
    return text.rstrip(_CLOSERS)[-1:]


def _lower_share(words: Sequence[str]) -> tuple[int, float]:
    """Words starting in lower case (or in a script without case), and their share."""
    lower = cased = 0
    for word in words:
        first = word[0]
        if not first.isalpha():
            word = word.lstrip(_OPENERS)
            if not word or not word[0].isalpha():
                continue
            first = word[0]
        cased += 1
        if not first.isupper():
            lower += 1
    return lower, (lower / cased if cased else 0.0)


def _is_label(text: str, words: Sequence[str]) -> bool:
    """A section label in capitals ("IRAQ WARS", "MUST WATCH")."""
    if len(words) > LABEL_MAX_WORDS or text.upper() != text:
        return False
    letters = sum(1 for c in text if c.isalpha())
    # Mostly letters: "12:40 GMT" is a time stamp, not a label.
    return letters >= 3 and letters * 2 >= len(text) - text.count(" ")


def _is_byline(text: str, rules: FurnitureRules) -> bool:
    opening = rules.byline.match(text)
    if opening is None:
        # A desk credit is a short line: "Gulf Times staff", "World Desk".
        return text.count(" ") < BYLINE_MAX_NAME_WORDS + 2 and rules.desks.fullmatch(text) is not None
    rest = text[opening.end() :].lstrip(" :-–—")
    if not rest:
        return True
    name = re.split(r"\s*(?:[|,•·/;(]|\s[-–—]\s|\b(?:on|in|at|and|for)\b)", rest, maxsplit=1)[0].strip()
    name_words = name.split()
    if not 1 <= len(name_words) <= BYLINE_MAX_NAME_WORDS:
        return False
    # A one-word name may be a user name in any case ("Posted by admin").
    for word in name_words if len(name_words) > 1 else ():
        capitalised = word[:1].isupper() or any(part[:1].isupper() for part in re.split(r"[-'’]", word))
        if not capitalised and word.lower() not in rules.name_particles:
            return False
    after = rest[len(name) :].split()
    lower, _ = _lower_share([w for w in after if w.lower() not in rules.filler])
    return lower < 2 or (_terminal(text) not in ".!?" and lower < 3)


def _is_menu(raw: str) -> bool:
    """A row of short items between separators: a menu, breadcrumbs, a tag or share row.

    "Defence | Iraq | Syria", "Home / World / Middle East", "Facebook   X   Email". A title
    with a site suffix ("Headline | World | Site") has one long item and is not a row. Arrows
    are printed only in breadcrumb trails, so two items between arrows are enough there.
    """
    raw = raw.strip()
    if _MENU_HINT.search(raw) is None and "   " not in raw:
        return False
    items = _MENU_SEPARATOR.split(raw)
    count = 0
    for item in items:
        item_words = item.split()
        if not item_words:
            continue
        if len(item_words) > MENU_ITEM_MAX_WORDS or _terminal(item) in ".!?":
            return False
        count += 1
    return count >= MENU_MIN_ITEMS or (count >= 2 and _BREADCRUMB_ARROW.search(raw) is not None)


def _classify(text: str, rules: FurnitureRules, raw: str | None = None) -> _Unit:
    """One unit's kind; ``raw`` is its line as printed (runs of spaces kept), if one line."""
    words = text.split()
    unit = _Unit(0, 0, text, _BLANK, len(words))
    n = len(words)
    if n == 0:
        return unit
    short = n <= FURNITURE_MAX_WORDS
    lowered = text.lower()
    ending = text[-TEASER_TAIL_CHARS:]
    if short and rules.end.search(text, lowered):
        unit.kind = _END
    elif n <= LEAD_IN_MAX_WORDS and rules.lead_in.search(text, lowered):
        unit.kind, unit.lead_in, unit.inline = _FURNITURE, True, True
    elif short and rules.inline.search(text, lowered):
        unit.kind, unit.inline = _FURNITURE, True
    elif (
        rules.teaser.search(ending, ending.lower())
        or (short and rules.internal.search(text, lowered))
        or (not short and rules.notice.search(text, lowered))
    ):
        unit.kind = _FURNITURE
        # "Source: Xinhua | 2024-03-03 18:30" is furniture that still dates the page.
        if (hit := _date_line(text, words, rules)) is not None:
            unit.date = _DateHit(hit.found, max(hit.rank, _RANK_IN_FURNITURE), hit.agency, hit.text)
    elif short and "://" in text and (url := _URL_LINE.match(text)) is not None:
        unit.kind, unit.url = _FURNITURE, url["url"]
    elif (hit := _date_line(text, words, rules)) is not None:
        unit.kind, unit.date, unit.agency = _DATE, hit, hit.agency
    elif short and _is_byline(text, rules):
        unit.kind = _BYLINE
    elif n <= MENU_MAX_WORDS and _is_menu(raw if raw is not None else text):
        unit.kind = _FURNITURE
    elif (agency := rules.agencies.fullmatch(text.strip(" .,:;-–—"))) is not None:
        unit.kind, unit.agency = _BYLINE, agency.group(0)
    elif n <= LETTERLESS_MAX_WORDS and _LETTER.search(text) is None:
        # No word at all: a player's "02:15", a rule ("***", "--"), a lone count.
        unit.kind, unit.inline = _FURNITURE, True
    elif _is_label(text, words):
        unit.kind = _LABEL
    else:
        # The opening words tell a sentence from a headline; a long paragraph needs no more.
        lower, share = _lower_share(words[:SHARE_SAMPLE_WORDS])
        end = _terminal(text)
        if share >= PROSE_MIN_LOWER_SHARE and (
            (n >= PROSE_MIN_WORDS and (end in ".!?…:;" or _inner_sentence_end(text)))
            or n >= UNPUNCTUATED_PROSE_MIN_WORDS
        ):
            unit.kind = _PROSE
        elif n >= 2 and end == "." and lower >= 1:
            unit.kind = _SHORT_PROSE
        else:
            unit.kind = _HEADLINE
    return unit


def _group_lines(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) physical line of each unit: a line, or a hard-wrapped paragraph.

    A line runs on into the next when it stops mid-sentence and the next goes on in lower
    case, or, in text hard-wrapped at a fixed width, when it stops mid-sentence near that
    width. A wrapped line that happens to end a sentence starts a new unit: two prose units
    cost nothing, while joining a furniture line to a paragraph would.
    """
    stripped = [line.strip() for line in lines]
    full = [s for s in stripped if s]
    width = max((len(s) for s in full), default=0)
    near_full = [s for s in full if len(s) >= WRAP_FULL_FRACTION * width]
    wrapped = (
        len(full) >= WRAP_MIN_LINES
        and width <= WRAP_MAX_WIDTH
        and len(near_full) >= WRAP_FULL_SHARE * len(full)
        and sum(_terminal(s) not in _SENTENCE_STOPS for s in near_full) >= WRAP_OPEN_SHARE * len(near_full)
    )
    groups: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        first = i
        while i + 1 < len(lines) and stripped[i] and stripped[i + 1]:
            current, following = stripped[i], stripped[i + 1]
            if _terminal(current) in _SENTENCE_STOPS or len(current.split()) < WRAP_MIN_WORDS:
                break
            if not (following[:1].islower() or (wrapped and len(current) >= WRAP_JOIN_FRACTION * width)):
                break
            i += 1
        groups.append((first, i))
        i += 1
    return groups


def _units(lines: Sequence[str], rules: FurnitureRules) -> list[_Unit]:
    units = []
    for first, last in _group_lines(lines):
        if first == last:
            raw = lines[first]
            unit = _classify(" ".join(raw.split()), rules, raw)
        else:
            text = " ".join(" ".join(lines[i].split()) for i in range(first, last + 1))
            unit = _classify(text, rules)
        unit.first, unit.last = first, last
        units.append(unit)
    _mark_links(units)
    _mark_repeated_furniture(units)
    _weigh(units)
    return units


def _mark_repeated_furniture(units: Sequence[_Unit]) -> None:
    """Furniture printed more than once on a page ("Share" under every live-blog entry,
    "Advertisement" between paragraphs) is a template repeated through the body: inline."""
    counts: dict[str, int] = {}
    for unit in units:
        if unit.kind is _FURNITURE:
            counts[unit.text] = counts.get(unit.text, 0) + 1
    for unit in units:
        if unit.kind is _FURNITURE and counts[unit.text] > 1:
            unit.inline = True


def _mark_links(units: Sequence[_Unit]) -> None:
    """Headlines right after a lead-in line ("Also read:", "Highlights") are links or a
    summary list, not subheadings: furniture up to the next line of another kind."""
    waiting = False
    for unit in units:
        if unit.kind is _BLANK:
            continue
        if waiting and unit.kind is _HEADLINE:
            unit.kind, unit.inline = _FURNITURE, True
            continue
        waiting = unit.lead_in


def _weigh(units: list[_Unit]) -> None:
    """Weights and barriers for the maximum-sum search; they depend on neighbouring units."""
    previous: _Unit | None = None
    for unit in units:
        if unit.kind is _PROSE:
            words = min(unit.words, PROSE_WORD_CAP)
            unit.weight = PROSE_BASE_WEIGHT + words / PROSE_WORDS_PER_POINT
        elif unit.kind is _FURNITURE and previous is not None and previous.kind is _FURNITURE:
            unit.weight = FURNITURE_RUN_WEIGHT
        elif unit.inline:
            unit.weight = INLINE_WEIGHT
        else:
            unit.weight = _BASE_WEIGHT.get(unit.kind, 0.0)
        unit.barrier = unit.kind is _END
        # A headline followed by its own byline or date line starts another story.
        if unit.kind in (_BYLINE, _DATE) and previous is not None and previous.kind is _HEADLINE:
            unit.barrier = True
        if unit.kind is not _BLANK:
            previous = unit
    block: list[_Unit] = []
    for item in [*units, None]:
        # Furniture between the headlines ("1", "2", share icons) does not end the list.
        if item is not None and item.kind in (_BLANK, _FURNITURE):
            continue
        if item is not None and item.kind in (_HEADLINE, _LABEL):
            block.append(item)
            continue
        if len(block) >= LIST_MIN_LINES:
            for member in block:
                member.weight = min(member.weight, LIST_LINE_WEIGHT)
        block = []


# --------------------------------------------------------------------------------------------
# Finding the body
# --------------------------------------------------------------------------------------------


def _heaviest_run(units: Sequence[_Unit], start: int, stop: int) -> tuple[float, int, int]:
    """Maximum-sum run of units[start:stop] as (weight, first, last); weight 0 when none."""
    best = (0.0, -1, -1)
    total, run_start = 0.0, start
    for i in range(start, stop):
        if total <= 0:
            total, run_start = units[i].weight, i
        else:
            total += units[i].weight
        if total > best[0]:
            best = (total, run_start, i)
    return best


def _find_body(units: Sequence[_Unit]) -> tuple[int, int] | None:
    regions = []
    start = 0
    for i, unit in enumerate([*units, None]):
        if unit is None or unit.barrier:
            if i > start:
                regions.append(_heaviest_run(units, start, i))
            start = i + 1
    heaviest = max((weight for weight, _, _ in regions), default=0.0)
    if heaviest <= 0:
        return None
    for weight, first, last in regions:
        if weight >= min(REGION_MIN_SHARE * heaviest, REGION_ENOUGH_WEIGHT):
            return first, last
    return None


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _skip_standfirst(units: Sequence[_Unit], first: int, last: int) -> int:
    """Start at a paragraph that repeats the run's opening summary (the standfirst)."""
    opening = units[first]
    if opening.kind is not _PROSE:
        return first
    lead = _normalise(_SENTENCE_END.split(opening.text, maxsplit=1)[0])
    if len(lead) < STANDFIRST_MIN_CHARS:
        return first
    for j in range(first + 1, min(last + 1, first + STANDFIRST_LOOKAHEAD_UNITS)):
        unit = units[j]
        if unit.kind in (_PROSE, _SHORT_PROSE):
            return j if _normalise(unit.text).startswith(lead) else first
    return first


def _with_sidebar_headline(units: Sequence[_Unit], first: int, rules: FurnitureRules) -> int:
    """Include a sidebar story's headline printed right above its dateline.

    The page's own title and date line come earlier; a second headline directly above a
    dateline that opens the body, dated another day than the page, heads the story under it
    (the same day's date would make it a deck under the page's title).
    """
    if first == 0 or units[first - 1].kind is not _HEADLINE:
        return first
    dateline = _inline_dateline(units[first].text, rules)
    if dateline is None or dateline.found is None:
        return first
    page_date: _DateFound | None = None
    for unit in reversed(units[: first - 1]):
        if unit.kind is _DATE and unit.date is not None and page_date is None:
            page_date = unit.date.found
        elif unit.kind is _HEADLINE and page_date is not None:
            same_day = (page_date.month, page_date.day) == (dateline.found.month, dateline.found.day)
            return first if same_day else first - 1
    return first


# --------------------------------------------------------------------------------------------
# Title and outlet
# --------------------------------------------------------------------------------------------


def _site_like(text: str) -> bool:
    """Reads like a site's name: a few capitalised words or a domain."""
    words = text.split()
    if not 1 <= len(words) <= SITE_MAX_WORDS:
        return False
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", text):
        return True
    for word in words:
        capitalised = word[:1].isupper() or word[:1].isdigit() or word in ("&", "-")
        if not capitalised and word.lower() not in _SMALL_WORDS:
            return False
    return True


#: Function words allowed in a title-case site name ("Times of India").
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "de", "al", "el", "la", "le", "a"})


def _split_suffix(title: str, rules: FurnitureRules) -> tuple[str, str | None]:
    """(title, site) for "Headline | Site" or "Headline – Site"."""
    site: str | None = None
    while True:
        parts = list(_SUFFIX_SEPARATOR.finditer(title))
        if not parts:
            break
        cut = parts[-1]
        head, tail = title[: cut.start()].strip(), title[cut.end() :].strip()
        if len(head.split()) < 3 or not _site_like(tail) or tail.lower() in rules.not_site:
            break
        title, site = head, site or tail
        if "|" not in cut.group(0):
            break  # only "|" chains ("Title | World | Reuters")
    return title, site


def _person_in_place(unit: _Unit) -> bool:
    """A byline without "By": "Jane Doe in Jerusalem", "Jane Doe and John Roe in Kyiv"."""
    return unit.words <= PERSON_IN_PLACE_MAX_WORDS and _PERSON_IN_PLACE.match(unit.text) is not None


def _signed(units: Sequence[_Unit], i: int, before: int) -> bool:
    """The byline or the date line stands right under unit ``i`` (as under a headline)."""
    following = next((u for u in units[i + 1 : before] if u.kind is not _BLANK), None)
    return following is not None and (following.kind in (_BYLINE, _DATE) or _person_in_place(following))


def _pick_title(units: Sequence[_Unit], before: int, rules: FurnitureRules) -> tuple[str | None, str | None]:
    """The headline: the title-like line before the body that is most likely the page's own.

    Preferred, in order: a line ending in a site name ("... | Reuters"); one that is not a
    byline; a headline over a short sentence; one that does not read as a name (site names,
    menus and section labels above the headline have all words capitalised); one with the
    byline or date line right under it; the last. A deck (a summary without a full stop)
    follows its headline directly, is longer than it, and is passed over. A line in capitals
    ("IS ATTACK KILLS TWO") is a label unless a byline or date line signs it as a headline,
    and then it yields to a signed headline in ordinary case (the label is a credit).
    """
    best: tuple[tuple[bool, bool, bool, bool, bool, bool, int], str, str | None] | None = None
    previous: _Unit | None = None
    previous_index = -1
    for i in range(before):
        unit = units[i]
        if not 2 <= unit.words <= TITLE_MAX_WORDS:
            continue
        capitals = unit.kind is _LABEL and _signed(units, i, before)
        if unit.kind not in (_HEADLINE, _SHORT_PROSE) and not capitals:
            continue
        title, site = _split_suffix(unit.text, rules)
        name_like = _site_like(title) and not capitals
        deck = (
            previous is not None
            and not _person_in_place(previous)
            and all(u.kind is _BLANK for u in units[previous_index + 1 : i])
            and not _site_like(previous.text)
            and previous.words >= DECK_MIN_TITLE_WORDS
            and unit.words >= DECK_MIN_WORDS
            and unit.words > previous.words
        )
        previous, previous_index = unit, i
        if deck:
            continue
        person = _person_in_place(unit)
        # The headline carries the byline or the date right under it; a deck does not.
        signed = _signed(units, i, before)
        headline = unit.kind is _HEADLINE or capitals
        key = (site is not None, not person, headline, not name_like, signed, not capitals, i)
        if best is None or key > best[0]:
            best = (key, title, site)
    return (best[1], best[2]) if best else (None, None)


def _same_outlet(site: str, agency: str) -> bool:
    """One outlet under two names: "Reuters" and "Thomson Reuters", "AP" and "The Associated Press"."""
    if agency.casefold() in site.casefold():
        return True
    initials = "".join(w[0] for w in site.split() if w[:1].isupper() and w.lower() not in _SMALL_WORDS)
    return initials.casefold() == agency.casefold()


def _outlet_in_furniture(units: Iterable[_Unit], rules: FurnitureRules) -> str | None:
    """The site's name as its own furniture prints it ("Discover more from X", "© 2024 X")."""
    for unit in units:
        if unit.kind not in (_FURNITURE, _END):
            continue
        for pattern in rules.outlet_patterns:
            match = pattern.search(unit.text)
            if match and match["outlet"] and match["outlet"].strip():
                return match["outlet"].strip()
    return None


# --------------------------------------------------------------------------------------------
# The function
# --------------------------------------------------------------------------------------------


def clean_plaintext(raw: str, furniture: FurnitureRules | None = None) -> CleanedText:
    """The article body of a plain-text news page, and the metadata printed around it.

    ``body`` is a stretch of the input (line endings normalised to ``\\n``) from which
    furniture lines inside it (ads, credits, bylines) may have been dropped. ``sections``
    lists the datelines inside the body when the text carries more than one date, so each
    stretch of text is read against its own date.
    """
    rules = furniture or FurnitureRules.load()
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return CleanedText(body="")
    lines = text.split("\n")
    units = _units(lines, rules)
    span = _find_body(units)
    if span is None:
        title, site = _pick_title(units, len(units), rules)
        return CleanedText(body="", title=title, outlet=site)
    first, last = span
    first = _skip_standfirst(units, first, last)
    first = _with_sidebar_headline(units, first, rules)

    kept, offsets, lead, body = _assemble(units, first, last, lines)
    title, site = _pick_title(units, first, rules)
    header = units[:first]
    tail: list[_Unit] = []
    for unit in units[last + 1 :]:
        if unit.barrier:
            break
        tail.append(unit)
    around = [*header, *tail]

    datelines = [
        (offset, unit, dateline)
        for offset, unit in zip(offsets, kept, strict=True)
        if unit.kind is not _BLANK and (dateline := _inline_dateline(unit.text, rules)) is not None
    ]
    # A dateline among the first few units of the body dates (and credits) the page when
    # nothing around the body does.
    leading = {id(u) for u in [u for u in kept if u.kind is not _BLANK][:BODY_DATELINE_LOOKAHEAD]}
    opening = [d for _, u, d in datelines if id(u) in leading]
    opening_dated = next((d.found for d in opening if d.found is not None), None)

    # Of date lines of one rank, those under the headline come first: a date above it may be
    # the site's top bar printing the day of the visit.
    title_at = _title_position(units, first, title)
    hits = sorted(
        ((u.date.rank, i < title_at, i, u.date) for i, u in enumerate(around) if u.date is not None),
        key=lambda h: h[:3],
    )
    published, reference = _page_date([h for *_, h in hits], opening_dated)

    agency = next((h.agency for *_, h in hits if h.agency), None)
    agency = agency or next((d.agency for d in opening if d.agency), None)
    agency = agency or next((u.agency for u in around if u.agency), None)
    site = site or _outlet_in_furniture(units, rules)
    if site and agency and not _same_outlet(site, agency):
        outlet: str | None = f"{site} ({agency})"
    else:
        outlet = site or agency
    url = next((u.url for u in around if u.url), None)

    sections = _sections(datelines, kept, offsets, lead, len(body), published, reference)
    return CleanedText(body=body, title=title, published=published, outlet=outlet, url=url, sections=sections)


def _title_position(units: Sequence[_Unit], before: int, title: str | None) -> int:
    """Index of the last line before the body that prints ``title``, or -1."""
    if not title:
        return -1
    for i in range(before - 1, -1, -1):
        if units[i].text.startswith(title):
            return i
    return -1


def _assemble(
    units: Sequence[_Unit], first: int, last: int, lines: Sequence[str]
) -> tuple[list[_Unit], list[int], int, str]:
    """The body's units (furniture inside it dropped), their offsets, the stripped lead, the body.

    Offsets are into the joined text before its leading whitespace (``lead`` characters) is
    stripped. A blank line left doubled by a dropped unit is dropped with it.
    """
    kept: list[_Unit] = []
    dropped = False
    for unit in units[first : last + 1]:
        if unit.kind in _DROPPED:
            dropped = True
            continue
        if unit.kind is _BLANK:
            if dropped and (not kept or kept[-1].kind is _BLANK):
                continue
        else:
            dropped = False
        kept.append(unit)
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for unit in kept:
        offsets.append(position)
        chunk = "\n".join(lines[unit.first : unit.last + 1])
        pieces.append(chunk)
        position += len(chunk) + 1
    joined = "\n".join(pieces)
    lead = len(joined) - len(joined.lstrip())
    return kept, offsets, lead, joined.strip()


def _page_date(
    hits: Sequence[_DateHit], opening: _DateFound | None
) -> tuple[dt.date | dt.datetime | None, dt.date | None]:
    """The page's publication date, and the day that gives yearless datelines their year.

    ``hits`` are the date lines around the body, best rank first; ``opening`` is a dateline
    opening the body, used when nothing around the body prints a date.
    """
    reference = next(
        (dt.date(h.found.year, h.found.month, h.found.day) for h in hits if h.found.year is not None), None
    )
    if reference is None and opening is not None and opening.year is not None:
        reference = dt.date(opening.year, opening.month, opening.day)
    for hit in hits:
        value = _date_value(hit.found, reference)
        if value is not None and hit.rank < _RANK_BODY_DATELINE:
            return value, reference
    if opening is not None and (value := _date_value(opening, reference)) is not None:
        return value, reference
    for hit in hits:
        value = _date_value(hit.found, reference)
        if value is not None:
            return value, reference
    return None, reference


def _sections(
    datelines: Sequence[tuple[int, _Unit, _Dateline]],
    kept: Sequence[_Unit],
    offsets: Sequence[int],
    lead: int,
    length: int,
    published: dt.date | dt.datetime | None,
    reference: dt.date | None,
) -> tuple[DatelineSection, ...]:
    """One section per dated dateline in the body, when the text carries more than one date."""
    anchor = _as_date(published) if published is not None else reference
    position_of = {id(unit): offset for unit, offset in zip(kept, offsets, strict=True)}
    index_of = {id(unit): i for i, unit in enumerate(kept)}
    starts: list[tuple[int, str, dt.date | dt.datetime]] = []
    for offset, unit, dateline in datelines:
        if dateline.found is None:
            continue
        value = _date_value(dateline.found, anchor)
        if value is None:
            continue
        start = offset
        i = index_of[id(unit)]
        # A headline right above the dateline (no blank line between) heads its story.
        if i > 0 and kept[i - 1].kind is _HEADLINE and kept[i - 1].last + 1 == unit.first:
            start = position_of[id(kept[i - 1])]
        starts.append((max(0, start - lead), dateline.text, value))
    dates = {_as_date(value) for _, _, value in starts}
    if published is not None:
        dates.add(_as_date(published))
    if len(dates) <= 1:
        return ()
    sections = []
    for k, (start, printed, value) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else length
        start = min(start, length)
        end = max(start, min(end, length))
        sections.append(DatelineSection(start=start, end=end, dateline=printed, published=value))
    return tuple(sections)
