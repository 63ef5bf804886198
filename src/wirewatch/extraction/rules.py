"""rules-v1: the rule-based event extractor.

It reads a :class:`~wirewatch.schema.ParsedArticle` (tokens with lemma, part of speech and
dependency head, sentences, named entities) and returns every event mention and aggregate
claim it finds. All vocabulary comes from the :class:`~wirewatch.extraction.lexicon.Lexicon`
(``wirewatch/data/lexicon/*.toml``); this module holds only the procedure:

1. **Triggers.** Lexicon phrases are matched over token lemmas, longest first. Each match is
   checked against its entry (part of speech, dependency label, a weapon it needs, words it
   needs) and dropped when it is negated, habitual, a bare plural with nothing specific
   ("attacks have surged"), or the content of a threat, demand or attempt ("threatened to
   bomb", "attempting to launch attacks": a threat is never recorded as the thing threatened).
2. **Aggregates.** A counted event noun with a period cue ("at least 39 rocket attacks between
   October and July") or a repetition word ("twice retaliated") becomes an
   :class:`~wirewatch.schema.AggregateClaim`; its triggers make no mentions.
3. **Clusters.** Triggers of one sentence that tell one event join: a casualty word ("killed")
   joins the nearest trigger in the dependency tree, an untyped attack word joins a typed
   trigger near it; triggers of different kinds, different initiators or dates, or one
   "in retaliation" for the other, stay apart.
4. **Arguments.** Each cluster reads its weapon (and the sub-event type a generic trigger takes
   from it), its initiator and target (subject/agent vs object, "by X", "X's strike",
   "on/against/targeting Y", "between X and Y"), places, time expression, casualty counts
   with qualifiers, mode and attribution off the tree.
5. **Reference.** A definite or bare reference back ("the strike", "clashes") with nothing
   that contradicts an earlier mention (its date, or casualty figures from another source)
   adds its sentence and any new details to that mention instead of making a new one;
   a sentence that only reports casualties adds them to the mention just before it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from wirewatch.extraction.lexicon import Lexicon, Phrase, Refinement, TriggerEntry, WeaponEntry
from wirewatch.schema import (
    EVENT_TYPE_OF,
    IRREALIS_MODES,
    ActorRef,
    AggregateClaim,
    Attribution,
    EventType,
    Extraction,
    GeoPrecision,
    Mention,
    Mode,
    ParsedArticle,
    Place,
    Plover,
    Qualifier,
    Quantity,
    SentenceSpan,
    Span,
    SubEventType,
    Token,
)

NAME = "rules-v1"

_S = SubEventType
#: Sub-event types made by violence with a remote weapon: an untyped attack nearby inherits them.
_REMOTE = {
    _S.AIR_DRONE_STRIKE,
    _S.SHELLING_ARTILLERY_MISSILE_ATTACK,
    _S.REMOTE_EXPLOSIVE_LANDMINE_IED,
    _S.SUICIDE_BOMB,
    _S.GRENADE,
    _S.CHEMICAL_WEAPON,
}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_TIME_LABELS = {"DATE", "TIME"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_OBJECTS = {"dobj", "obj", "attr", "oprd"}
_CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "parataxis", "pcomp"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DIGITS = re.compile(r"^\d[\d,]*(\.\d+)?$")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


# --------------------------------------------------------------------------------------------
# The article as arrays
# --------------------------------------------------------------------------------------------


class _Doc:
    """Index structures over one parsed article."""

    def __init__(self, parsed: ParsedArticle) -> None:
        self.parsed = parsed
        self.text = parsed.article.text
        self.tokens: Sequence[Token] = parsed.tokens
        n = len(self.tokens)
        self.lem = [t.lemma.lower() for t in self.tokens]
        self.low = [t.text.lower() for t in self.tokens]
        self.children: list[list[int]] = [[] for _ in range(n)]
        for t in self.tokens:
            if t.head != t.i:
                self.children[t.head].append(t.i)
        self.sent_of = [0] * n
        for si, sent in enumerate(parsed.sentences):
            for i in range(sent.token_start, min(sent.token_end, n)):
                self.sent_of[i] = si
        self.units: list[SentenceSpan] | None = None
        self.ent_of = [-1] * n
        for ei, ent in enumerate(parsed.entities):
            for i in range(ent.token_start, min(ent.token_end, n)):
                self.ent_of[i] = ei

    def span(self, start_token: int, end_token: int) -> Span:
        """The character span of tokens [start_token, end_token)."""
        start = self.tokens[start_token].start
        end = self.tokens[end_token - 1].end
        return Span(start=start, end=end, text=self.text[start:end])

    def char_span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end])

    def sent_end(self, i: int) -> int:
        """The token just past the sentence of token ``i``."""
        return min(self.parsed.sentences[self.sent_of[i]].token_end, len(self.tokens))

    def kids(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if not deps or self.tokens[c].dep in deps]

    def ancestors(self, i: int) -> Iterable[int]:
        seen = {i}
        while True:
            head = self.tokens[i].head
            if head in seen:
                return
            seen.add(head)
            yield head
            i = head

    def subtree(self, i: int) -> list[int]:
        out = [i]
        stack = list(self.children[i])
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        return out

    def conjuncts(self, i: int) -> list[int]:
        out = [i]
        stack = self.kids(i, "conj")
        while stack:
            j = stack.pop(0)
            out.append(j)
            stack.extend(self.kids(j, "conj"))
        return out

    def distance(self, a: int, b: int) -> int:
        """Edges between two tokens in the dependency tree (large when unrelated)."""
        depth_a = {a: 0}
        for d, x in enumerate(self.ancestors(a), start=1):
            depth_a[x] = d
        if b in depth_a:
            return depth_a[b]
        for d, x in enumerate(self.ancestors(b), start=1):
            if x in depth_a:
                return d + depth_a[x]
        return 99


def _units(doc: _Doc) -> list[SentenceSpan]:
    """spaCy's sentences, split again at line breaks (a heading or dateline is its own unit)."""
    cached = getattr(doc, "units", None)
    if cached is not None:
        return list(cached)
    units: list[SentenceSpan] = []
    tokens = doc.tokens
    for sent in doc.parsed.sentences:
        first = sent.token_start
        for i in range(sent.token_start, sent.token_end):
            gap = doc.text[tokens[i].end : tokens[i + 1].start] if i + 1 < sent.token_end else ""
            breaks = "\n" in tokens[i].text or "\n" in gap
            if breaks or i == sent.token_end - 1:
                last = i + 1
                kept = [j for j in range(first, last) if tokens[j].text.strip()]
                if kept:
                    units.append(
                        SentenceSpan.model_construct(
                            start=tokens[kept[0]].start,
                            end=tokens[kept[-1]].end,
                            token_start=kept[0],
                            token_end=kept[-1] + 1,
                        )
                    )
                first = last
    doc.units = units
    return list(units)


#: Edges from an event's trigger to an unnamed facility struck ("landed (1) near (2) an Iraqi
#: airbase (3)")
HOSTING_REACH = 3
#: Letters a country's adjective adds to its name ("Iraq" + "i", "Syria" + "n", "Lebanon" + "ese")
DEMONYM_LETTERS = 3
#: Edges from a demand's verb to the object of the act it names: "voted (1) in (2) favour (3)
#: of (4) rescinding (5) and ousting (6) troops"
DEMANDED_DEPTH = 6
#: Sentences back an event told without a time may take the time of the event told before it:
#: the next sentence only, since a narrative's later sentences turn to background
NARRATIVE_REACH = 1
#: Verbs up a chain of conjuncts a verb without a subject looks for one: "advanced (1), shelled
#: (2) and took (3) the village"; longer chains are lists of separate events
CONJUNCT_REACH = 3
#: Words an aside between a subject and its verb may have: ", supported by pro-regime militias
#: and Russian forces," is eight; longer stretches between commas are clauses of their own
ASIDE_WORDS = 10
_DASHES = {"—", "–", "-", "--", "―"}


def _dateline_end(doc: _Doc, sent: SentenceSpan) -> int:
    """First token after a dateline that opens the unit ("BAGHDAD, March 4 (Wire) — "), else
    the unit's first token. A dateline ends at a dash within the first words and holds a date,
    a bracket or a word in capitals; its date and place say where the report was filed."""
    limit = min(sent.token_end, sent.token_start + 16)
    for i in range(sent.token_start + 1, limit):
        if doc.tokens[i].text not in _DASHES or doc.tokens[i].start == doc.tokens[i - 1].end:
            continue  # a hyphen inside a word ("Iran-aligned") is no dateline
        before = range(sent.token_start, i)
        if any(doc.tokens[j].pos == "VERB" for j in before):
            return sent.token_start  # a clause, not a dateline: "IS attacked a bus in X - Y area"
        dated = any(
            doc.ent_of[j] >= 0 and doc.parsed.entities[doc.ent_of[j]].label in _TIME_LABELS for j in before
        )
        marked = any(doc.tokens[j].text in {"(", ")"} for j in before)
        capitals = any(doc.tokens[j].text.isupper() and len(doc.tokens[j].text) >= 3 for j in before)
        return i + 1 if dated or marked or capitals else sent.token_start
    return sent.token_start


def _match(doc: _Doc, i: int, phrase: Phrase, limit: int) -> int | None:
    """End (exclusive) of ``phrase`` matched at token ``i``, skipping hyphens; None if no match."""
    j = i
    for k, word in enumerate(phrase):
        if k and j < limit and doc.tokens[j].text in {"-", "‐", "–"}:
            j += 1
        if j >= limit:
            return None
        if word.endswith("*"):
            if not (doc.lem[j].startswith(word[:-1]) or doc.low[j].startswith(word[:-1])):
                return None
        elif word != doc.lem[j] and word != doc.low[j]:
            # A hyphenated token ("air-strike" kept whole) matches its parts.
            if "-" in doc.low[j] and tuple(p for p in doc.low[j].split("-") if p) == phrase[k : k + 2]:
                return j + 1 if k + 2 == len(phrase) else None
            return None
        j += 1
    return j


def _find_phrases(doc: _Doc, start: int, end: int, phrases: Iterable[Phrase]) -> list[tuple[int, int]]:
    """Every (start, end) token range in [start, end) where one of ``phrases`` matches."""
    by_first: dict[str, list[Phrase]] = {}
    for p in phrases:
        by_first.setdefault(p[0], []).append(p)
    found = []
    for i in range(start, end):
        for form in {doc.lem[i], doc.low[i]}:
            for phrase in by_first.get(form, ()):
                stop = _match(doc, i, phrase, end)
                if stop is not None:
                    found.append((i, stop))
    return found


def _find_phrases_text(text: str, phrases: Iterable[Phrase]) -> bool:
    words = tuple(text.lower().split())
    return any(words[i : i + len(p)] == p for p in phrases for i in range(len(words)))


def _capitals_read_as_verb(token: Token) -> bool:
    """An abbreviation in capitals that the model tagged as a verb ("IS" read as "is").

    ``nlp.load_model`` makes the tokenizer read such words right (``data/tokens.toml``); this
    serves documents parsed without it, as the spaCy component's are."""
    text = token.text
    return token.pos in {"AUX", "VERB"} and len(text) >= 2 and text.isupper() and text.isalpha()


def _acronym(text: str) -> bool:
    """Is the word an acronym ("QSD", "HTS")? Groups go by them; places seldom do."""
    return len(text) > 1 and text.isupper()


def _to_infinitive(doc: _Doc, verb: int) -> bool:
    """Is the verb an infinitive with "to" ("to deliver", "to oust")?"""
    return any(doc.low[a] == "to" for a in doc.kids(verb, "aux"))


def _same_names(one: ActorRef | None, two: ActorRef | None) -> bool:
    """Do two actor phrases share a capitalised word ("US forces", "the US")?"""
    if one is None or two is None:
        return False
    names = [{w for w in re.findall(r"[\w.-]+", a.text) if w[:1].isupper()} for a in (one, two)]
    return bool(names[0] & names[1])


def _violent(draft: _Draft) -> bool:
    """Is the draft an act of political violence (not a statement or a development)?"""
    return (
        not draft.main.entry.verbal and EVENT_TYPE_OF[draft.sub_type] is not EventType.STRATEGIC_DEVELOPMENTS
    )


def _hyphened_modifier(doc: _Doc, end: int) -> bool:
    """Is the name ending before token ``end`` the first half of a hyphened modifier
    ("Tehran-backed", "US-led", "Kurdish-run")?"""
    tokens = doc.tokens
    return (
        end + 1 < len(tokens)
        and tokens[end].text in {"-", "\u2010", "\u2011"}
        and tokens[end].start == tokens[end - 1].end
        and tokens[end + 1].start == tokens[end].end
        and tokens[end + 1].pos in {"VERB", "ADJ"}
    )


def _day_number(word: str) -> bool:
    """A day of the month written in digits ("8", "08", "8th")."""
    digits = word.removesuffix("st").removesuffix("nd").removesuffix("rd").removesuffix("th")
    return digits.isdigit() and 1 <= int(digits) <= 31


def _has_phrase(doc: _Doc, indices: Iterable[int], phrases: Sequence[Phrase], limit: int) -> bool:
    first = {p[0] for p in phrases}
    for i in indices:
        if doc.lem[i] in first or doc.low[i] in first:
            for p in phrases:
                if p[0] in (doc.lem[i], doc.low[i]) and _match(doc, i, p, limit) is not None:
                    return True
    return False


def _head_of(doc: _Doc, start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside the range (the last such one)."""
    heads = [
        i for i in range(start, end) if not (start <= doc.tokens[i].head < end) or doc.tokens[i].head == i
    ]
    if not heads:
        return end - 1
    return min(heads, key=lambda i: (sum(1 for _ in doc.ancestors(i)), -i))


# --------------------------------------------------------------------------------------------
# Working records
# --------------------------------------------------------------------------------------------


@dataclass
class _Hit:
    """One matched trigger."""

    start: int
    end: int
    head: int
    entry: TriggerEntry
    weapon: WeaponEntry | None = None
    weapon_level: int = 9  # 0: inside the trigger, 1: its arguments, 2: its sentence
    attempted: bool = False  # "attempted to advance": made, whether or not it succeeded

    @property
    def typed(self) -> bool:
        """True unless a generic attack word found no weapon that types it."""
        if not self.entry.generic:
            return True
        return self.weapon is not None and self.weapon.sub_event_type is not None

    @property
    def sub_type(self) -> SubEventType:
        if self.entry.generic and self.weapon is not None and self.weapon.sub_event_type is not None:
            return self.weapon.sub_event_type
        return self.entry.sub_event_type

    @property
    def rank(self) -> tuple[int, int, int]:
        priority = self.entry.priority
        if self.entry.generic and self.typed:
            priority = max(priority, self.weapon.priority if self.weapon else 0, 1)
        return (0 if self.entry.casualty else 1, priority, -self.weapon_level)


@dataclass
class _Count:
    value: int
    qualifier: Qualifier
    span: Span
    total: bool = False


@dataclass
class _Draft:
    """A mention being built."""

    sentence: int
    hits: list[_Hit]
    main: _Hit
    sub_type: SubEventType
    plover: Plover | None
    weapon: str | None
    mode: Mode = Mode.ASSERTED
    time: Span | None = None
    narrative_time: bool = False  # the time is the sentence before's (see _narrative_time)
    places: list[Place] = field(default_factory=list)
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc1: list[ActorRef] = field(default_factory=list)
    assoc2: list[ActorRef] = field(default_factory=list)
    victims: list[int] = field(default_factory=list)
    fatalities: _Count | None = None
    injuries: _Count | None = None
    attribution: Attribution | None = None
    evidence: list[int] = field(default_factory=list)  # sentence indices
    anaphoric: bool = False
    separate: bool = False
    #: An earlier draft this one tells again, kept apart because the two accounts differ.
    refers_to: _Draft | None = None
    #: An earlier draft the text says this one followed ("in retaliation", "after X's killing").
    after: _Draft | None = None


# --------------------------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------------------------


class RuleExtractor:
    """The rule-based extractor registered as ``rules-v1``."""

    name = NAME

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.load()
        lx = self.lexicon
        self._modes = {k: tuple(v) for k, v in lx.modes.items()}
        self._mode_words = {k: frozenset(" ".join(p) for p in v) for k, v in lx.modes.items()}
        self._planned_phrases = [p for p in lx.modes.get("planned", ()) if len(p) > 1 and p[0] != "to"]
        self._numbers = dict(lx.numbers)
        self._facility_nouns = frozenset(" ".join(p) for p in lx.facilities)
        self._casualty_words = frozenset(" ".join(p) for p in lx.fatal_words + lx.injury_words)
        self._specific_time_words = frozenset(" ".join(p) for p in lx.time_words if len(p) == 1) | lx.months

    # -- entry point -------------------------------------------------------------------------

    def extract(self, parsed: ParsedArticle) -> Extraction:
        doc = _Doc(parsed)
        self._ranked: set[int] = set()  # sentences that rank an event in a running total
        self._told_before = False
        self._told_in_earlier_sentence = False
        drafts: list[_Draft] = []
        claims: list[AggregateClaim] = []
        self._units = _units(doc)
        for si, sent in enumerate(self._units):
            hits = self._triggers(doc, sent)
            suppressed, sentence_claims = self._aggregates(doc, sent, hits)
            claims.extend(sentence_claims)
            hits = [h for h in hits if h.head not in suppressed]
            hits = [h for h in hits if not h.entry.needs_event or self._holds_event(doc, h, hits)]
            # Every draft so far comes from an earlier sentence: what _keep may refer back to.
            self._told_before = self._told_in_earlier_sentence = bool(drafts)
            hits = [h for h in hits if self._keep(doc, sent, h)]
            clusters = self._clusters(doc, hits)
            for cluster in clusters:
                # Only an event told before can be referred back to ("Clashes took place ..."
                # opening a report introduces its event, with the sentence's date and place).
                self._told_before = bool(drafts)
                self._told_in_earlier_sentence = bool(drafts) and drafts[0].sentence < si
                draft = self._draft(doc, sent, si, cluster)
                # A conditional ("if ...", "we could hit you") is not an event that happened.
                if draft is not None and draft.mode is not Mode.HYPOTHETICAL:
                    self._place_draft(doc, drafts, draft)
            if not clusters and drafts and si - drafts[-1].evidence[-1] <= 2:
                self._figures_only(doc, sent, si, drafts[-1])
            # "It was the third strike since March": a running total that also describes the last event.
            if (
                sent.token_start in self._ranked
                and not clusters
                and drafts
                and si - drafts[-1].evidence[-1] <= 1
                and si not in drafts[-1].evidence
            ):
                drafts[-1].evidence.append(si)
            if drafts and (si in drafts[-1].evidence or (not clusters and si - drafts[-1].evidence[-1] <= 1)):
                self._refine_later(doc, sent, si, drafts[-1])
        self._draft_ids: dict[int, str] = {id(d): self._mention_id(doc, d) for d in drafts}
        mentions = [self._mention(doc, d) for d in drafts]
        mentions.sort(key=lambda m: m.trigger.start)
        return Extraction(article_id=parsed.article.id, mentions=tuple(mentions), claims=tuple(claims))

    # -- 1. triggers -------------------------------------------------------------------------

    def _triggers(self, doc: _Doc, sent: SentenceSpan) -> list[_Hit]:
        lx = self.lexicon
        start, end = sent.token_start, sent.token_end
        weapons = self._weapons(doc, start, end)
        hits: list[_Hit] = []
        i = start
        while i < end:
            best: _Hit | None = None
            best_len = 0
            for phrase, value in lx.trigger_index.candidates((doc.lem[i], doc.low[i])):
                assert isinstance(value, TriggerEntry)
                stop = _match(doc, i, phrase, end)
                if stop is None or stop - i < best_len:
                    continue
                head = _head_of(doc, i, stop)
                hit = _Hit(i, stop, head, value)
                if not self._fits(doc, hit, weapons, start, end):
                    continue
                if best is None or stop - i > best_len or hit.entry.priority > best.entry.priority:
                    best, best_len = hit, stop - i
            if best is not None:
                hits.append(best)
                i = best.end
            else:
                i += 1
        return hits

    def _weapons(self, doc: _Doc, start: int, end: int) -> list[tuple[int, int, int, WeaponEntry]]:
        found = []
        i = start
        while i < end:
            best: tuple[int, int, int, WeaponEntry] | None = None
            for phrase, value in self.lexicon.weapon_index.candidates((doc.lem[i], doc.low[i])):
                assert isinstance(value, WeaponEntry)
                stop = _match(doc, i, phrase, end)
                if stop is not None and (best is None or stop > best[1]):
                    best = (i, stop, _head_of(doc, i, stop), value)
            if best is not None:
                found.append(best)
                i = best[1]
            else:
                i += 1
        return found

    def _near_tokens(self, doc: _Doc, head: int) -> set[int]:
        """Tokens that are a trigger's arguments: where its weapon would be."""
        near = {head}
        for c in doc.children[head]:
            dep = doc.tokens[c].dep
            if dep in {
                "compound",
                "amod",
                "nmod",
                "nsubj",
                "nsubjpass",
                "dobj",
                "attr",
                "npadvmod",
                "agent",
                "prep",
                "nummod",
                "poss",
                "xcomp",
                "advcl",
                "acl",
                "dative",
                "oprd",
            }:
                near.add(c)
                for g in doc.children[c]:
                    if doc.tokens[g].dep in {"pobj", "compound", "dobj", "conj", "amod"}:
                        near.add(g)
                        near.update(doc.kids(g, "compound", "conj"))
                    elif doc.tokens[g].dep == "prep" and doc.lem[g] == "of":
                        near.update(doc.kids(g, "pobj"))
        token = doc.tokens[head]
        if token.dep in {"acl", "relcl", "compound", "amod", "nsubj", "nsubjpass"} and token.head != head:
            near.add(token.head)
            near.update(doc.kids(token.head, "compound", "amod"))
        if token.dep == "pobj":  # "attack with drones" / "strikes by warplanes" read from the noun
            prep = token.head
            if doc.tokens[prep].head != prep:
                near.add(doc.tokens[prep].head)
        return near

    def _fits(
        self, doc: _Doc, hit: _Hit, weapons: list[tuple[int, int, int, WeaponEntry]], start: int, end: int
    ) -> bool:
        entry, token = hit.entry, doc.tokens[hit.head]
        if entry.pos and token.pos not in entry.pos:
            return False
        if entry.deps and token.dep not in entry.deps:
            return False
        # "took to Twitter to call for": the infinitive says what the going was for, so it
        # is the act itself, not something merely intended as "plans to call for" is.
        purpose = token.dep == "xcomp" and doc.lem[token.head] in self._mode_words["vehicle"]
        if token.dep in entry.not_deps and not purpose:
            return False
        if entry.needs_any:
            tree = [i for i in doc.subtree(hit.head) if start <= i < end and i != hit.head]
            if not _has_phrase(doc, tree, entry.needs_any, end):
                return False
        if entry.object_any:
            taken = [i for o in self._taken(doc, hit.head) for i in doc.subtree(o) if start <= i < end]
            if not _has_phrase(doc, taken, entry.object_any, end):
                return False
        # The weapon: inside the trigger, among its arguments, else anywhere in the sentence.
        inside = [w for w in weapons if hit.start <= w[2] < hit.end or w[0] <= hit.head < w[1]]
        near_tokens = self._near_tokens(doc, hit.head)
        near = [w for w in weapons if w[2] in near_tokens and w not in inside]
        rest = [w for w in weapons if w not in inside and w not in near]
        for level, group in enumerate((inside, near, rest)):
            typed = [w for w in group if w[3].sub_event_type is not None]
            if typed or group:
                chosen = max(typed or group, key=lambda w: (w[3].priority, -abs(w[2] - hit.head)))
                if level == 2 and entry.needs_weapon:
                    break
                hit.weapon, hit.weapon_level = chosen[3], level
                break
        if entry.needs_weapon:
            if hit.weapon is None or hit.weapon_level > 1:
                return False
            direct = self._direct_args(doc, hit.head)
            if hit.weapon_level == 1 and not any(w[2] in direct and w[3] is hit.weapon for w in near):
                return False
        return not (entry.needs_place and not self._governs_place(doc, hit, start, end))

    def _direct_args(self, doc: _Doc, head: int) -> set[int]:
        """Subjects and objects of a verb, "a pair of X", and the noun a participle modifies."""
        out: set[int] = set()
        for c in doc.children[head]:
            if doc.tokens[c].dep in _SUBJECTS | _OBJECTS | {"agent", "prep"}:
                out.add(c)
                for g in doc.children[c]:
                    if doc.tokens[g].dep == "pobj" or (doc.tokens[g].dep == "prep" and doc.lem[g] == "of"):
                        out.add(g)
                        out.update(doc.kids(g, "pobj"))
                out.update(doc.kids(c, "conj"))
        if doc.tokens[head].dep in {"acl", "relcl"}:
            out.add(doc.tokens[head].head)
        return out

    def _taken(self, doc: _Doc, head: int) -> list[int]:
        """What a verb or noun of taking takes: "captured the town", "the capture of two men"."""
        taken = doc.kids(head, "dobj", "nsubjpass")
        # "seized control of Tobeh": the ground is what the control is of
        held = [o for c in taken if doc.lem[c] == "control" for o in self._taken(doc, c)]
        return (
            taken
            + held
            + [o for p in doc.kids(head, "prep") if doc.lem[p] == "of" for o in doc.kids(p, "pobj")]
        )

    def _governs_place(self, doc: _Doc, hit: _Hit, start: int, end: int) -> bool:
        territory = self.lexicon.territory
        # "captured a commander during a raid in the town": what is taken is a person, not ground.
        # A bare name taken by fighters is ground ("seized Palmyra", "captured Kafr Omeim"),
        # whatever the model labelled it: it tags many Arabic place names as persons. A person
        # taken is described as one ("Abu Omar, an IS commander", "a spokesman").
        persons = self.lexicon.people | self.lexicon.representatives
        for o in self._taken(doc, hit.head):
            o = self._through(doc, o)
            if doc.lem[o] in self.lexicon.people:
                return False
            label = doc.parsed.entities[doc.ent_of[o]].label if doc.ent_of[o] >= 0 else None
            if label == "PERSON":
                described = any(doc.lem[j] in persons for j in doc.subtree(o) if start <= j < end)
                return not described
            if (
                doc.tokens[o].pos == "PROPN"
                and label not in {"ORG", "NORP"}
                and not _acronym(doc.tokens[o].text)
            ):
                return True  # "captured Qanater", whatever else the model made of the name
        tree: list[int] = []
        for i in range(hit.start, hit.end):
            for c in doc.children[i]:
                inside = start <= c < end and not (hit.start <= c < hit.end)
                if inside and doc.tokens[c].dep in _OBJECTS | {"nsubjpass", "prep", "npadvmod"}:
                    tree.extend(
                        j
                        for j in doc.subtree(c)
                        if doc.tokens[j].dep
                        in {"pobj", "dobj", "compound", "conj", "nsubjpass", "appos", "npadvmod", "attr"}
                        or j == c
                    )
        tree = [j for j in tree if doc.distance(j, hit.head) <= 4]
        token = doc.tokens[hit.head]
        if token.dep in {"nsubj"} and doc.lem[token.head] in {"fall"}:
            tree = []
        if token.lemma == "fall" or doc.lem[hit.start] == "fall":
            tree += [i for i in doc.kids(hit.head, "nsubj")]
        for i in tree:
            if doc.ent_of[i] >= 0 and doc.parsed.entities[doc.ent_of[i]].label in _PLACE_LABELS:
                return True
            if doc.lem[i] in territory:
                return True
        return False

    def _keep(self, doc: _Doc, sent: SentenceSpan, hit: _Hit) -> bool:
        """False for negated, habitual, embedded (threatened, attempted) or generic triggers."""
        token = doc.tokens[hit.head]
        words = self._mode_words
        # Negation on the trigger or on the verb that governs a noun trigger.
        governor = hit.head if token.pos in {"VERB", "AUX"} else self._clause_verb(doc, hit.head)
        for g in {hit.head, governor}:
            for c in doc.children[g]:
                if doc.tokens[c].dep == "neg" or (doc.tokens[c].dep == "det" and doc.low[c] == "no"):
                    return False
            if any(doc.lem[c] in words["habitual"] for c in doc.children[g]):
                return False
        if doc.lem[governor] in words["habitual"]:
            return False
        for level, a in enumerate(self._clause_chain(doc, hit.head)[1:4]):
            negated = any(doc.tokens[c].dep == "neg" for c in doc.children[a])
            if doc.tokens[a].pos in {"VERB", "AUX"} and negated and level < 2:
                return False
        # "the coalition fighting IS", "groups launching rockets": a description, not an event;
        # "a rocket targeting the airport", "a strike targeting X" are events.
        if token.dep == "acl" and token.tag == "VBG":
            governor_noun = token.head
            if not (
                doc.lem[governor_noun] in self.lexicon.weapon_index
                or doc.lem[governor_noun] in self.lexicon.trigger_index
            ):
                return False
            if (
                doc.tokens[governor_noun].tag in {"NNS", "NNPS"}
                and doc.lem[governor_noun] in self.lexicon.trigger_index
            ):
                return False
        # "a date to resume talks": an infinitive on a noun says what might happen.
        if token.dep == "acl" and any(
            doc.tokens[c].dep == "aux" and doc.low[c] == "to" for c in doc.children[hit.head]
        ):
            return False
        if any(doc.lem[a] in words["habitual"] for a in self._clause_chain(doc, hit.head)):
            return False
        # Triggers that are what a threat, demand or attempt is about.
        for a in self._clause_chain(doc, hit.head):
            if a == hit.head:
                continue
            lemma = doc.lem[a]
            if lemma in words["embedding"]:
                if self._attempted(doc, a, hit):
                    hit.attempted = lemma != "able"
                    continue
                return False
            for p in self._modes["embedding"]:
                if len(p) > 1 and lemma == p[0] and _match(doc, a, p, sent.token_end) is not None:
                    return False
        # A threat or demand made over a period is a pattern, not one event.
        if hit.entry.verbal:
            time = self._time(doc, sent, hit.head, attached_only=True)
            if time is None and token.dep == "conj":
                # "have claimed attacks and even threatened the UN in recent months": the period
                # said once, of both verbs
                time = self._time(doc, sent, token.head, attached_only=True)
            if time is not None and self._period(time.text):
                return False
        # A present-tense verb with no date is a habit ("when proxies attack troops").
        present = (
            token.pos == "VERB" and token.tag in {"VBP", "VBZ"} and not doc.kids(hit.head, "aux", "auxpass")
        )
        if present and not self._time(doc, sent, hit.head) and not hit.entry.verbal:
            return False
        # A bare plural noun with nothing specific is background ("attacks have surged").
        plural = token.pos in {"NOUN", "PROPN"} and token.tag in {"NNS", "NNPS"} and not hit.entry.plural_ok
        return not (plural and not self._specific(doc, sent, hit))

    def _attempted(self, doc: _Doc, verb: int, hit: _Hit) -> bool:
        """Is the violent trigger what a past attempt made ("gunmen attempted to assassinate",
        "forces were able to destroy a tank")? Intentions ("in an attempt to", "will try to")
        and verbal events stay embedded."""
        if hit.entry.verbal or doc.lem[verb] not in self._mode_words["attempt"]:
            return False
        if doc.tokens[hit.head].dep != "xcomp" or doc.tokens[hit.head].head != verb:
            return False
        token = doc.tokens[verb]
        if token.pos == "ADJ":  # "were able to": the tense is the copula's
            copula = [c for c in doc.children[verb] if doc.lem[c] == "be"] or (
                [token.head] if doc.lem[token.head] == "be" else []
            )
            return any(doc.tokens[c].tag == "VBD" for c in copula)
        helpers = doc.kids(verb, "aux")
        return token.pos == "VERB" and (
            token.tag == "VBD" or (token.tag == "VBN" and any(doc.lem[h] == "have" for h in helpers))
        )

    def _period(self, text: str) -> bool:
        """Is a time expression a period ("the past few weeks", "in recent months")?"""
        words = set(text.lower().split())
        singles = {p[0] for p in self.lexicon.period_cues if len(p) == 1}
        return bool(words & (singles | {"past", "recent"})) or _find_phrases_text(
            text, self.lexicon.period_cues
        )

    def _holds_event(self, doc: _Doc, hit: _Hit, hits: list[_Hit]) -> bool:
        """Does the trigger govern a particular event (not "the attacks" in general)?"""
        tree = set(doc.subtree(hit.head))
        for other in hits:
            if other is hit or other.head not in tree or other.entry.verbal:
                continue
            if doc.tokens[other.head].tag not in {"NNS", "NNPS"}:
                return True
        return False

    def _clause_verb(self, doc: _Doc, i: int) -> int:
        """The verb a noun hangs from (itself when it is a verb or the root)."""
        j = i
        for _ in range(6):
            t = doc.tokens[j]
            if t.pos in {"VERB", "AUX"} or t.head == j:
                return j
            j = t.head
        return j

    def _clause_chain(self, doc: _Doc, i: int) -> list[int]:
        """The trigger and the words above it up to the sentence root."""
        out = [i]
        for a in doc.ancestors(i):
            out.append(a)
        return out

    def _specific(self, doc: _Doc, sent: SentenceSpan, hit: _Hit) -> bool:
        """Does a plural event noun name particular events (a number, a date, casualties)?"""
        if any(doc.tokens[c].dep == "nummod" or doc.tokens[c].like_num for c in doc.children[hit.head]):
            return True
        time = self._time(doc, sent, hit.head, attached_only=True)
        if time is not None and not self._period(time.text):
            return True
        if self._named_act(doc, hit.head):
            return True
        if self._told_in_earlier_sentence and any(
            doc.tokens[c].dep == "det" and doc.low[c] in self._mode_words["demonstrative"]
            for c in doc.children[hit.head]
        ):
            return True  # "these retaliatory strikes": the ones told before
        if self._told_before and any(
            earlier_clause is None for _last, earlier_clause in self._sequence_phrases(doc, sent, hit.head)
        ):
            return True  # "In retaliation, the army launched strikes": a particular answer
        return any(self._casualty_counts(doc, sent, hit.head, only_related=True))

    def _named_act(self, doc: _Doc, noun: int) -> bool:
        """Plural event nouns that a named actor carried out, in the past tense: "US forces
        launched dozens of strikes against ..." is one wave of strikes, not a trend."""
        verb = self._clause_verb(doc, noun)
        if verb == noun or doc.tokens[verb].tag != "VBD":
            return False
        for subject in doc.kids(verb, "nsubj"):
            label = self._label(doc, subject)
            if label in {"ORG", "NORP", "GPE", "PERSON"} or self._national(doc, subject, subject + 1):
                return True
        return False

    # -- 2. aggregates -----------------------------------------------------------------------

    def _aggregates(
        self, doc: _Doc, sent: SentenceSpan, hits: list[_Hit]
    ) -> tuple[set[int], list[AggregateClaim]]:
        lx = self.lexicon
        start, end = sent.token_start, sent.token_end
        suppressed: set[int] = set()
        claims: list[AggregateClaim] = []
        # "a day after", "a week before" date one event against another; they are no period.
        has_period = any(
            b >= end or doc.low[b] not in {"after", "before", "earlier", "later", "ago"}
            for _a, b in _find_phrases(doc, start, end, lx.period_cues)
        )
        trigger_heads = {h.head for h in hits}
        weapon_heads = {w[2] for w in self._weapons(doc, start, end)}
        # Counted events over a period: "at least 39 rocket attacks between October and July".
        if has_period:
            for i in range(start, end):
                if doc.tokens[i].pos not in {"NOUN", "PROPN"} or doc.tokens[i].tag not in {"NNS", "NNPS"}:
                    continue
                # "more than 20 convoys have been hit since January": the targets of a tally
                verb = doc.tokens[i].head
                tallied = (
                    doc.tokens[i].dep == "nsubjpass"
                    and verb in trigger_heads
                    and any(doc.lem[a] == "have" and doc.tokens[a].dep == "aux" for a in doc.children[verb])
                )
                if not (doc.lem[i] in lx.count_nouns or i in trigger_heads or i in weapon_heads or tallied):
                    continue
                count = self._count_of(doc, i)
                if count is None or count.value < lx.min_count:
                    continue
                clause = self._clause_verb(doc, i)
                suppressed.update(doc.subtree(clause) if clause != i else doc.subtree(i))
                claims.append(self._claim(doc, sent, clause, count))
        # Running totals: "it was at least the 18th attack on the base since January".
        if has_period:
            for i in range(start, end):
                if i in suppressed or doc.tokens[i].pos not in {"NOUN", "PROPN"}:
                    continue
                if not (doc.lem[i] in lx.count_nouns or i in trigger_heads):
                    continue
                for c in doc.children[i]:
                    value = self._ordinal(doc, c)
                    if c > i or value is None or value < lx.min_count:
                        continue
                    first = min(j for j in doc.subtree(c))
                    qualifier, q_start = self._qualifier(doc, first)
                    if qualifier is Qualifier.EXACT:
                        # "at least the 18th": the qualifier comes before the article
                        det = [d for d in doc.children[i] if doc.tokens[d].dep == "det" and d < c]
                        if det:
                            qualifier, q_start = self._qualifier(doc, det[0])
                    if qualifier is Qualifier.EXACT:
                        qualifier = Qualifier.AT_LEAST  # "the 18th" says 18 so far, maybe more
                        q_start = c
                    count = _Count(value, qualifier, doc.span(min(q_start, c), c + 1))
                    tree = [j for j in doc.subtree(i) if j != c]
                    suppressed.update(doc.subtree(i))
                    suppressed.add(self._clause_verb(doc, i))
                    claims.append(self._claim(doc, sent, i, count, tree))
                    self._ranked.add(sent.token_start)
                    break
        # Repetitions: "has twice retaliated with strikes".
        for a, b in _find_phrases(doc, start, end, [p for p, _ in lx.frequency]):
            value = next(v for p, v in lx.frequency if _match(doc, a, p, end) == b)
            verb = doc.tokens[b - 1].head
            if doc.tokens[verb].pos != "VERB":
                continue
            tree = [j for j in doc.subtree(verb) if not self._in_conj_branch(doc, verb, j)]
            if not any(h.head in tree for h in hits) and doc.lem[verb] not in {
                "retaliate",
                "strike",
                "attack",
            }:
                continue
            suppressed.update(tree)
            quantity = _Count(value, Qualifier.EXACT, doc.span(a, b))
            claims.append(self._claim(doc, sent, verb, quantity, tree))
        return suppressed, claims

    def _in_conj_branch(self, doc: _Doc, root: int, j: int) -> bool:
        """True when ``j`` hangs from ``root`` through a coordinated clause (conj, cc)."""
        i = j
        while i != root:
            if doc.tokens[i].dep in {"conj", "cc"} and doc.tokens[i].head == root:
                return True
            if doc.tokens[i].head == i:
                return False
            i = doc.tokens[i].head
        return False

    def _claim(
        self, doc: _Doc, sent: SentenceSpan, clause: int, count: _Count, tree: list[int] | None = None
    ) -> AggregateClaim:
        tokens = (
            tree
            if tree is not None
            else [j for j in doc.subtree(clause) if not self._in_conj_branch(doc, clause, j)]
        )
        tokens = [
            j for j in tokens if sent.token_start <= j < sent.token_end and doc.tokens[j].pos != "PUNCT"
        ]
        a, b = min(tokens), max(tokens) + 1
        left = doc.text[doc.tokens[a].start : count.span.start]
        right = doc.text[count.span.end : doc.tokens[b - 1].end]
        what = (
            " ".join(f"{left} {right}".split())
            if count.span.start >= doc.tokens[a].start
            else doc.span(a, b).text
        )
        evidence = doc.char_span(sent.start, sent.end)
        return AggregateClaim(
            id=f"{doc.parsed.article.id}:{evidence.start}:{count.span.start}",
            article_id=doc.parsed.article.id,
            what=what.strip(" ,.;:") or doc.span(a, b).text,
            count=Quantity(value=count.value, qualifier=count.qualifier, span=count.span),
            attribution=self._attribution(doc, sent, clause),
            evidence=evidence,
        )

    # -- 3. clusters -------------------------------------------------------------------------

    def _clusters(self, doc: _Doc, hits: list[_Hit]) -> list[list[_Hit]]:
        separate_words = self._mode_words["separate"]
        clusters: list[list[_Hit]] = []
        # Typed, non-casualty triggers first: each starts or joins a cluster.
        order = sorted(hits, key=lambda h: (not h.typed, h.entry.casualty, h.start))
        for hit in order:
            best: list[_Hit] | None = None
            best_distance = 99
            for cluster in clusters:
                main = cluster[0]
                distance = min(doc.distance(hit.head, h.head) for h in cluster)
                if hit.entry.casualty:
                    limit = 6
                elif not hit.typed and not hit.entry.verbal and not main.entry.verbal:
                    limit = 3
                elif hit.sub_type == main.sub_type and hit.entry.verbal == main.entry.verbal:
                    # one more step through a counting noun: "launched dozens of air strikes"
                    limit = 3 if self._counted(doc, hit.head) or self._counted(doc, main.head) else 2
                elif hit.sub_type in main.entry.absorbs or main.sub_type in hit.entry.absorbs:
                    limit = 4
                else:
                    continue
                if main.entry.verbal and (hit.entry.casualty or not hit.typed):
                    continue
                if distance > limit or distance >= best_distance:
                    continue
                between = range(min(hit.start, main.start), max(hit.start, main.start))
                if any(doc.lem[j] in separate_words for j in between):
                    continue
                best, best_distance = cluster, distance
            if best is not None:
                best.append(hit)
            else:
                clusters.append([hit])
        return clusters

    def _counter(self, doc: _Doc, noun: int) -> int | None:
        """The noun that counts ``noun`` ("dozens" of "dozens of strikes"), if any."""
        t = doc.tokens[noun]
        if t.dep != "pobj" or doc.low[t.head] != "of":
            return None
        counter = doc.tokens[t.head].head
        through = self.lexicon.actor_through
        return counter if doc.lem[counter] in through or doc.low[counter] in through else None

    def _counted(self, doc: _Doc, noun: int) -> bool:
        """Is ``noun`` counted by a noun before it ("dozens of strikes", "a series of raids")?"""
        return self._counter(doc, noun) is not None

    # -- 4. arguments ------------------------------------------------------------------------

    def _draft(self, doc: _Doc, sent: SentenceSpan, si: int, cluster: list[_Hit]) -> _Draft | None:
        # The trigger whose event holds the others' ("clashes ... as the regime shelled the
        # town": a battle fought with shelling) types the mention, whatever its priority.
        absorbing = [
            h
            for h in cluster
            if h.typed
            and not h.entry.casualty
            and any(o.sub_type in h.entry.absorbs for o in cluster)
            and all(
                o.sub_type == h.sub_type or o.sub_type in h.entry.absorbs or o.entry.casualty or not o.typed
                for o in cluster
            )
        ]
        main = max(absorbing or cluster, key=lambda h: h.rank)
        entry = main.entry
        weapon_hit = min(
            (h for h in cluster if h.weapon is not None), key=lambda h: h.weapon_level, default=None
        )
        weapon = weapon_hit.weapon.name if weapon_hit and weapon_hit.weapon else entry.weapon
        weapon_type = weapon_hit.weapon.sub_event_type if weapon_hit and weapon_hit.weapon else None
        # A weapon of another event type near a typed trigger leaves the trigger's own weapon.
        foreign = weapon_type is not None and EVENT_TYPE_OF[main.sub_type] != EVENT_TYPE_OF[weapon_type]
        if foreign and main.typed and not main.entry.generic:
            weapon = entry.weapon
        draft = _Draft(
            sentence=si,
            hits=cluster,
            main=main,
            sub_type=main.sub_type,
            plover=entry.plover,
            weapon=weapon
            if EVENT_TYPE_OF[main.sub_type].value != "Strategic developments"
            or entry.sub_event_type == _S.DISRUPTED_WEAPONS_USE
            else None,
            evidence=[si],
        )
        if not any(h.typed for h in cluster):
            draft.weapon = weapon_hit.weapon.name if weapon_hit and weapon_hit.weapon else None
        self._actors(doc, sent, draft)
        draft.anaphoric = self._told_before and self._refers_back(doc, cluster, main)
        own = set(doc.subtree(main.head)) if draft.anaphoric else None
        draft.time = self._time(doc, sent, main.head, within=own)
        if draft.time is None:
            draft.time = self._since_before(doc, draft)
        draft.places = self._places(doc, sent, draft)
        casualties = any(h.entry.casualty for h in draft.hits)
        if draft.actor2 is None and not casualties and not draft.main.entry.verbal:
            draft.actor2 = self._hosted(doc, draft)  # those killed are the target, if any
        if own is not None:
            placed = self._own_words(doc, main.head)
            draft.places = [
                p
                for p in draft.places
                if p.span is not None
                and any(
                    doc.tokens[i].start == p.span.start or doc.tokens[i].end == p.span.end for i in placed
                )
            ]
        self._casualties(doc, sent, draft)
        if main.attempted and main.entry.casualty:
            # "attempted to assassinate 2 rebels": those it was tried on, not the dead
            tried_on = {doc.tokens[i].start for i in doc.subtree(main.head)}
            for kind in ("fatalities", "injuries"):
                count = getattr(draft, kind)
                if count is not None and count.span.start in tried_on:
                    setattr(draft, kind, None)
        draft.mode = self._mode(doc, sent, draft)
        draft.attribution = self._attribution(doc, sent, main.head)
        if draft.actor1 is None and main.entry.verbal and not main.entry.casualty:
            # "The army said the strike was an assassination": who says it accuses (demands,
            # threatens) when the statement names no one else
            said = self._speech(doc, sent, main.head)
            if said is not None and main.head in doc.subtree(said[0]):
                draft.actor1 = self._actor(doc, said[1])
        self._as_threat(doc, sent, draft)
        draft.anaphoric = self._told_before and self._refers_back(doc, cluster, main)
        between = range(sent.token_start, main.start)
        draft.separate = any(doc.lem[j] in self._mode_words["separate"] for j in between)
        self._refine(doc, sent, draft)
        if main.attempted and EVENT_TYPE_OF[draft.sub_type] is EventType.BATTLES:
            draft.sub_type = _S.ARMED_CLASH  # ground tried for and not said to be taken: fought for
        return draft

    def _own_words(self, doc: _Doc, noun: int) -> set[int]:
        """The words that place an event named again: the noun's phrase, and the clause it is
        the subject of when that clause only places it ("the assault took place just
        after midday outside Balad airbase"), not another event or a clause of its own."""
        own = set(doc.subtree(noun))
        verb = doc.tokens[noun].head
        if doc.tokens[noun].dep not in {"nsubj", "nsubjpass"} or doc.lem[verb] in self.lexicon.trigger_index:
            return own
        for c in doc.children[verb]:
            if doc.tokens[c].dep in {"prep", "npadvmod", "advmod", "prt"}:
                own.update(doc.subtree(c))
        return own | {verb}

    # actors -------------------------------------------------------------------------------

    def _through(self, doc: _Doc, i: int) -> int:
        """The counted noun of "a pair of rockets", "the lives of three soldiers", and whose
        the struck things are: "targets related to the IRGC", "positions of the SDF" (else ``i``)."""
        for _ in range(3):
            if doc.lem[i] in self.lexicon.held_things:
                owners = [o for p in doc.kids(i, "prep") if doc.lem[p] == "of" for o in doc.kids(p, "pobj")]
                for a in doc.kids(i, "acl", "amod"):
                    owners += [o for p in doc.kids(a, "prep", "agent") for o in doc.kids(p, "pobj")]
                # "SDF positions", "Iran-aligned militia targets" (a common noun only when
                # something says whose: not "the occupation base", nor a facility's own name)
                described = any(
                    self._label(doc, w) == "NORP" or doc.tokens[w].text == "-" or doc.tokens[w].pos == "PROPN"
                    for m in doc.kids(i, "amod", "compound")
                    for w in doc.subtree(m)
                )
                owners += [
                    c
                    for c in doc.kids(i, "compound", "nmod")
                    if (
                        doc.tokens[c].pos == "NOUN"
                        and described
                        and f"{doc.low[c]} {doc.lem[i]}" not in self._facility_nouns
                    )
                    or self._label(doc, c) in {"ORG", "NORP"}
                ]
                if not owners:
                    return i
                i = owners[0]
                continue
            if doc.lem[i] not in self.lexicon.actor_through and doc.low[i] not in self.lexicon.actor_through:
                return i
            pobjs = [o for p in doc.kids(i, "prep") if doc.lem[p] == "of" for o in doc.kids(p, "pobj")]
            if not pobjs:
                return i
            i = pobjs[0]
        return i

    def _is_actor(self, doc: _Doc, i: int) -> bool:
        i = self._through(doc, i)
        t = doc.tokens[i]
        if doc.lem[i] in self.lexicon.inanimate or doc.low[i] in self.lexicon.inanimate:
            return False
        if t.pos in {"PRON", "DET", "NUM", "ADV", "VERB", "AUX", "PART", "SCONJ", "CCONJ", "PUNCT"}:
            return False
        if t.pos == "ADJ" and not self._maker(doc, i):
            return False
        if doc.lem[i] in self.lexicon.actor_skip or doc.low[i] in self.lexicon.actor_skip:
            return False
        if doc.ent_of[i] >= 0 and doc.parsed.entities[doc.ent_of[i]].label in _TIME_LABELS | {
            "CARDINAL",
            "QUANTITY",
            "ORDINAL",
            "MONEY",
            "PERCENT",
        }:
            return False
        if (doc.lem[i] in self.lexicon.trigger_index or doc.lem[i] in self.lexicon.weapon_index) and doc.lem[
            i
        ] not in self.lexicon.people:
            # A weapon or event word is an actor only as a name or with a nationality (but a
            # sniper is a person).
            return bool(doc.ent_of[i] >= 0) or self._national(doc, i, i + 1)
        if doc.lem[i] in self._facility_nouns:
            return False
        return not (doc.ent_of[i] >= 0 and doc.parsed.entities[doc.ent_of[i]].label in {"LOC", "FAC"})

    def _in_group_name(self, doc: _Doc, start: int, end: int, limit: int) -> bool:
        """Are the words ``[start, end)`` part of a group's name: they hold, or come right before,
        a capitalised word that ends one ("the National Liberation Front", "the Zinki Movement")?"""
        words = self.lexicon.organisation_words
        after = min(end + 1, limit)
        return any(doc.tokens[j].text[:1].isupper() and doc.low[j] in words for j in range(start + 1, after))

    def _maker(self, doc: _Doc, i: int) -> bool:
        """Is the adjective the nationality of a weapon or a strike ("a Turkish drone strike",
        "Turkish drones"), so the state whose forces used it (not "the Iraqi town")?"""
        head = doc.tokens[i].head
        return (
            self._label(doc, i) == "NORP"
            and doc.tokens[i].dep == "amod"
            and (doc.lem[head] in self.lexicon.trigger_index or doc.lem[head] in self.lexicon.weapon_index)
        )

    def _phrase(self, doc: _Doc, i: int) -> tuple[int, int]:
        """The compact noun phrase headed by ``i``: its modifiers, an "of" phrase, no clauses
        ("a spokesman for the army": a representative's "for" phrase too)."""
        right_preps = {"of", "for"} if doc.lem[i] in self.lexicon.representatives else {"of"}
        keep_left = {
            "compound",
            "amod",
            "nmod",
            "poss",
            "case",
            "det",
            "nummod",
            "quantmod",
            "advmod",
            "npadvmod",
        }
        lo = hi = i
        for c in doc.children[i]:
            dep = doc.tokens[c].dep
            if c < i and dep in keep_left:
                sub = doc.subtree(c)
                lo = min(lo, *sub)
            elif c > i and (
                dep in {"compound", "case", "nummod", "amod"} or (dep == "prep" and doc.lem[c] in right_preps)
            ):
                sub = doc.subtree(c)
                hi = max(hi, *sub)
        while lo < i and doc.tokens[lo].pos in {"DET", "PUNCT"}:
            lo += 1
        while hi > i and doc.tokens[hi].pos == "PUNCT":
            hi -= 1
        if lo > 0 and _capitals_read_as_verb(doc.tokens[lo - 1]):
            lo -= 1  # "IS members attacked": the model reads the name "IS" as the verb "is"
        return lo, hi + 1

    def _actor(self, doc: _Doc, i: int) -> ActorRef | None:
        if not self._is_actor(doc, i):
            # "a senior commander" is an actor though "commander" has no entity; numbers are not.
            return None
        through = self._through(doc, i)
        lo, hi = self._phrase(doc, through)
        holder = doc.tokens[through].head
        if doc.tokens[through].dep in {"compound", "nmod"} and doc.lem[holder] in self.lexicon.held_things:
            # "Iran-aligned militia targets": the words before the holder describe it too
            lo = min(
                [
                    lo,
                    *(
                        min(doc.subtree(c))
                        for c in doc.kids(holder, "amod", "compound", "nmod")
                        if c < through
                    ),
                ]
            )
        # Never cut a hyphenated name ("Harakat al-Nujaba") at the hyphen.
        tokens = doc.tokens
        while (
            hi < len(tokens)
            and tokens[hi].start == tokens[hi - 1].end
            and (tokens[hi].text in _DASHES or tokens[hi - 1].text in _DASHES)
        ):
            hi += 1
        while (
            lo > 0
            and tokens[lo].start == tokens[lo - 1].end
            and (tokens[lo].text in _DASHES or tokens[lo - 1].text in _DASHES)
        ):
            lo -= 1
        named = self._believed_to_be(doc, lo, hi)
        if named is not None:
            lo, hi = named
        return ActorRef(text=doc.span(lo, hi).text, span=doc.span(lo, hi))

    def _believed_to_be(self, doc: _Doc, lo: int, hi: int) -> tuple[int, int] | None:
        """The group an unknown actor is said to be: "unknown gunmen believed to be IS
        members", "unidentified gunmen, presumably IS members" (token range, else None). Read
        from the words, since the model's parse of such phrases is seldom usable."""
        lx = self.lexicon
        if not any(doc.low[j] in lx.unknown_words for j in range(lo, hi)):
            return None
        end = doc.sent_end(lo)
        cues = _find_phrases(doc, hi, min(end, hi + 6), lx.believed_phrases)
        if not cues:
            return None
        j = min(cues)[1]
        while j < end and doc.low[j] in {"to", "be", "an", "a", "the"}:
            j += 1
        k = j
        while k < end and k - j < 4 and doc.tokens[k].pos in {"PROPN", "NOUN", "ADJ"}:
            k += 1
        # only a name ("IS members"), not another description ("believed to be smugglers")
        return (j, k) if k > j and any(doc.tokens[m].text[:1].isupper() for m in range(j, k)) else None

    def _modifier_actor(self, doc: _Doc, head: int) -> int | None:
        """An initiator written as a modifier: "US drone strike", "Israel's raid"."""
        for c in doc.children[head]:
            t = doc.tokens[c]
            if c < head and t.dep in {"poss", "compound", "amod", "nmod"}:
                if doc.ent_of[c] >= 0 and doc.parsed.entities[doc.ent_of[c]].label in {
                    "GPE",
                    "NORP",
                    "ORG",
                    "PERSON",
                }:
                    return c
                if t.dep == "poss" and self._is_actor(doc, c) and t.pos == "PROPN":
                    return c
            if t.dep == "compound" and c < head:
                inner = self._modifier_actor(doc, c)
                if inner is not None:
                    return inner
        return None

    def _actors(self, doc: _Doc, sent: SentenceSpan, draft: _Draft) -> None:
        first: list[int] = []
        second: list[int] = []
        victims: list[int] = []
        told_ref: ActorRef | None = None
        for hit in sorted(draft.hits, key=lambda h: (h is not draft.main, h.start)):
            head = hit.head
            t = doc.tokens[head]
            if t.pos in {"VERB", "AUX"}:
                passive = self._passive(doc, head)
                subj = doc.kids(head, "nsubj") if not passive and hit.entry.initiator else []
                if not subj and not passive and hit.entry.initiator:
                    # "X claimed to have killed Y": X killed
                    subj = (
                        self._controller(doc, head)
                        or self._shared_subject(doc, head)
                        or self._adjacent_subject(doc, head)
                    )
                agents = [p for a in doc.kids(head, "agent") for p in doc.kids(a, "pobj")]
                objs = doc.kids(head, "nsubjpass") if passive else doc.kids(head, "dobj")
                if hit.entry.verbal:
                    second.extend(self._addressee(doc, head))
                    if not objs:
                        second.extend(self._demanded(doc, head))
                for s in subj + agents:
                    told = self._told(doc, s) if s not in agents else None
                    if told is not None:
                        first.append(told[0])
                        lo, hi = told[1]
                        told_ref = ActorRef(text=doc.span(lo, hi).text, span=doc.span(lo, hi))
                        continue
                    # "The army said it killed five in an air strike": the speaker. Alone, a
                    # toll's "it" is the event told before ("The army said it also wounded two").
                    if (
                        not (hit.entry.casualty and all(h.entry.casualty for h in draft.hits))
                        and (speaker := self._speaker_of_pronoun(doc, head, s)) is not None
                    ):
                        first.append(speaker)
                    elif self._is_actor(doc, s):
                        first.append(s)
                    else:
                        m = self._modifier_actor(doc, s)
                        if m is not None:
                            first.append(m)
                        elif s not in agents:
                            # "the strike killed X": the strike's own initiator
                            first.extend(self._noun_initiators(doc, s))
                for o in objs:
                    if hit.entry.casualty or hit is draft.main:
                        victims.append(o)
                    # "Rockets hit Baghdad": a city struck is the place, not its state as target
                    struck_place = (
                        not hit.entry.verbal
                        and not passive
                        and self._label(doc, o) == "GPE"
                        and doc.low[o] not in self.lexicon.countries  # "Iraq attacked Iran": its army
                    )
                    # "captured Kafr Omeim": a name taken as ground is the place, not a target
                    ground = hit.entry.needs_place and doc.tokens[o].pos == "PROPN"
                    if self._is_actor(doc, o) and not struck_place and not ground:
                        second.append(o)
                # "X clashed with Y", "attacked ... on Y"
                for p in doc.kids(head, "prep"):
                    if doc.lem[p] in {"with", "against", "on", "between"}:
                        second.extend(o for o in doc.kids(p, "pobj") if self._is_actor(doc, o))
                if t.dep in {"acl", "relcl"} and not subj and not agents:
                    # "a rocket targeting Y": the noun it modifies is the means, not the actor
                    pass
            else:
                m = self._modifier_actor(doc, head)
                if m is not None and hit.entry.casualty and self._label(doc, m) == "PERSON":
                    victims.append(m)  # "Soleimani's killing": who was killed, not who killed
                elif m is not None:
                    first.append(m)
                first.extend(self._noun_initiators(doc, head, include_modifier=False))
                for p in doc.kids(head, "prep"):
                    pobjs = doc.kids(p, "pobj")
                    if doc.lem[p] == "between" and pobjs:
                        conj = doc.conjuncts(pobjs[0])
                        first.extend(c for c in conj[:1] if self._is_actor(doc, c))
                        second.extend(c for c in conj[1:] if self._is_actor(doc, c))
                    elif doc.lem[p] in {"on", "against", "with", "targeting", "at"}:
                        second.extend(o for o in pobjs if self._is_actor(doc, o))
                for a in doc.kids(head, "acl"):
                    if doc.lem[a] in {"target", "hit", "kill", "strike"}:
                        second.extend(o for o in doc.kids(a, "dobj") if self._is_actor(doc, o))
                # The noun as subject: "the strike targeted Y", "clashes erupted between X and Y".
                if t.dep in {"nsubj", "nsubjpass"}:
                    verb = t.head
                    violent = (
                        doc.lem[verb] in self.lexicon.trigger_index or doc.lem[verb] in self._casualty_words
                    )
                    if t.dep == "nsubj" and violent:
                        second.extend(o for o in doc.kids(verb, "dobj") if self._is_actor(doc, o))
                    # "took place with machine guns between X and Y": the model may hang the
                    # sides on the object of another preposition of the verb
                    deeper = [
                        q
                        for p in doc.kids(verb, "prep")
                        for o in doc.kids(p, "pobj")
                        for q in doc.kids(o, "prep")
                    ]
                    for p in doc.kids(verb, "prep") + deeper:
                        pobjs = doc.kids(p, "pobj")
                        if doc.lem[p] == "between" and pobjs:
                            conj = doc.conjuncts(pobjs[0])
                            first.extend(c for c in conj[:1] if self._is_actor(doc, c))
                            second.extend(c for c in conj[1:] if self._is_actor(doc, c))
                # The noun as object: "US forces launched strikes", "X engaged in clashes with Y".
                # "launched dozens of strikes", "a wave of attacks": the counting noun stands in
                # for the event noun in the clause.
                counter = self._counter(doc, head)
                n = doc.tokens[head if counter is None else counter]
                outside = n.dep == "pobj" and doc.lem[n.head] in self.lexicon.outside_prepositions
                if n.dep in {"dobj", "pobj"} and not outside:
                    verb = n.head if n.dep == "dobj" else doc.tokens[n.head].head
                    if doc.tokens[verb].pos == "VERB":
                        # "called Saleh to deliver an ultimatum": who called delivers it
                        subjects = doc.kids(verb, "nsubj") or self._controller(doc, verb)
                        first.extend(s for s in subjects if self._is_actor(doc, s))
                        if hit.entry.verbal:
                            second.extend(self._addressee(doc, verb))
                        if n.dep == "dobj":
                            # "carried out strikes on targets related to X": the model hangs the
                            # target on the verb
                            second.extend(
                                o
                                for p in doc.kids(verb, "prep")
                                if doc.lem[p] in {"on", "against"}
                                for o in doc.kids(p, "pobj")
                                if self._is_actor(doc, o)
                            )
                        first.extend(
                            p
                            for a in doc.kids(verb, "agent")
                            for p in doc.kids(a, "pobj")
                            if self._is_actor(doc, p)
                        )
        draft.victims = victims
        # A dateline's place is where the report was filed, never an actor.
        opening = _dateline_end(doc, sent)
        # A weapon is the means, never an actor ("fired mortar rounds"), unless a nationality
        # says whose it is: "American aircraft hit a depot" names the US air force.
        weapon_words = {
            j
            for s, e, _h, _w in self._weapons(doc, sent.token_start, sent.token_end)
            # "regime snipers": a weapon that is a person acts
            if not self._national(doc, s, e) and doc.lem[e - 1] not in self.lexicon.people
            for j in range(s, e)
        }
        # An event is never its own actor ("accompanied by an exchange of shelling").
        weapon_words.update(
            j for h in draft.hits for j in range(h.start, h.end) if self._through(doc, j) == j
        )
        # "Turkish drones struck": the weapon is the trigger, its nationality the initiator
        makers = [
            m
            for i in first
            if i in weapon_words and i >= opening and (m := self._modifier_actor(doc, i)) is not None
        ]
        first = [i for i in dict.fromkeys(first) if i >= opening and i not in weapon_words] or makers
        second = [i for i in second if i >= opening and i not in weapon_words]
        second = [s for s in dict.fromkeys(second) if s not in first]
        # The sides joined to an actor ("the IRGC and its proxies"), after whose struck things
        # they are ("targets related to the IRGC and its proxies")
        if first:
            conj = [c for c in doc.conjuncts(self._through(doc, first[0])) if self._is_actor(doc, c)]
            draft.actor1 = self._actor(doc, first[0])
            draft.assoc1 = [ref for c in conj[1:] if (ref := self._actor(doc, c)) is not None]
        if second:
            conj = [
                c
                for c in doc.conjuncts(self._through(doc, second[0]))
                if self._is_actor(doc, c) and c not in first
            ]
            draft.actor2 = self._actor(doc, second[0])
            draft.assoc2 = [ref for c in conj[1:] if (ref := self._actor(doc, c)) is not None]
        if draft.actor2 is None:
            draft.actor2 = told_ref
        if draft.plover is Plover.CONSULT and draft.actor2 is None:
            # talks have two sides: "Iraqi and US officials met" names both
            parties = self._parties(doc, draft.main.head)
            if len(parties) > 1 or (parties and draft.actor1 is None):
                draft.actor1 = parties[0]
                draft.assoc1 = []
                draft.actor2 = parties[1] if len(parties) > 1 else None

    def _one_word_entity(self, doc: _Doc, i: int) -> bool:
        entity = doc.parsed.entities[doc.ent_of[i]]
        return entity.token_end - entity.token_start == 1

    def _label(self, doc: _Doc, i: int) -> str | None:
        """The entity label of token ``i``, if it is in an entity."""
        return doc.parsed.entities[doc.ent_of[i]].label if doc.ent_of[i] >= 0 else None

    def _national(self, doc: _Doc, start: int, end: int) -> bool:
        """Does a nationality modify the words ``[start, end)`` ("American aircraft")?"""
        for i in range(start, end):
            for c in doc.children[i]:
                if doc.tokens[c].dep in {"amod", "compound", "nmod"} and self._label(doc, c) in {
                    "NORP",
                    "GPE",
                }:
                    return True
        return False

    def _hosted(self, doc: _Doc, draft: _Draft) -> ActorRef | None:
        """Who a struck place holds: "toward the Ain al-Assad base, which hosts US-led coalition
        troops", "Baghdad airport, where US troops are stationed". An attack on it targets them."""
        spans = [(p.span.start, p.span.end) for p in draft.places if p.span is not None]
        sent = self._units[draft.sentence]
        # a facility named by no name: "landed near an Iraqi airbase where ... were present"
        unnamed = {
            i
            for i in range(sent.token_start, sent.token_end)
            if doc.lem[i] in self._facility_nouns and doc.distance(i, draft.main.head) <= HOSTING_REACH
        }
        for i in range(sent.token_start, sent.token_end):  # the draft's places are its sentence's
            if i not in unnamed and not any(s <= doc.tokens[i].start < e for s, e in spans):
                continue
            for clause in doc.kids(i, "relcl", "acl"):
                present = [c for c in doc.kids(clause, "acomp") if doc.lem[c] in self.lexicon.hosting]
                if doc.lem[clause] not in self.lexicon.hosting and not present:
                    continue
                passive = self._passive(doc, clause)
                if present:  # "an airbase where American trainers were present"
                    held = doc.kids(clause, "nsubj")
                else:
                    held = doc.kids(clause, "nsubjpass") if passive else doc.kids(clause, "dobj")
                for h in held:
                    if self._is_actor(doc, h) and (ref := self._actor(doc, h)) is not None:
                        return ref
        return None

    def _passive(self, doc: _Doc, verb: int) -> bool:
        """A passive verb: a passive subject, or a passive auxiliary and no active subject
        (not "gunmen believed to be IS attacked", where "be" hangs from "attacked").
        "IS" read as "is" is no auxiliary ("IS members attacked")."""
        if doc.kids(verb, "nsubjpass"):
            return True
        auxiliaries = [a for a in doc.kids(verb, "auxpass") if not _capitals_read_as_verb(doc.tokens[a])]
        return bool(auxiliaries) and not doc.kids(verb, "nsubj")

    def _controller(self, doc: _Doc, verb: int) -> list[int]:
        """The subject of the verb an infinitive depends on: "X claimed to have killed Y",
        "X tried to seize Y". None when that verb has an object, which is then who acts
        ("urged the army to attack")."""
        for above, purpose in self._infinitive_heads(doc, verb):
            # an infinitive of purpose is its clause subject's act, whatever the object ("US
            # forces struck targets to deter attacks")
            contact = doc.lem[above] in self.lexicon.contact_verbs  # "called Saleh to deliver"
            if (doc.kids(above, "dobj") and not contact and not purpose) or self._passive(doc, above):
                return []
            subjects = doc.kids(above, "nsubj") or self._adjacent_subject(doc, above)
            if not subjects and doc.tokens[above].dep == "acomp":
                subjects = doc.kids(doc.tokens[above].head, "nsubj")  # "X were able to take"
            if subjects:
                return subjects
        return []

    def _addressee(self, doc: _Doc, verb: int) -> list[int]:
        """Who receives what an infinitive of purpose delivers: "called Saleh to deliver an
        ultimatum" (the object of a verb of getting in touch, ``[actors] contact``)."""
        for above, _purpose in self._infinitive_heads(doc, verb):
            if doc.lem[above] in self.lexicon.contact_verbs:
                return [o for o in doc.kids(above, "dobj", "oprd", "dative") if self._is_actor(doc, o)]
        return []

    def _infinitive_heads(self, doc: _Doc, verb: int) -> Iterator[tuple[int, bool]]:
        """The verbs an infinitive hangs from, nearest first (at most three), each with whether
        the link is one of purpose ("... to deliver an ultimatum") rather than a complement."""
        for _ in range(3):
            purpose = self._purpose(doc, verb)
            if doc.tokens[verb].dep != "xcomp" and not purpose:
                return
            verb = doc.tokens[verb].head
            yield verb, purpose

    def _demanded(self, doc: _Doc, verb: int) -> list[int]:
        """Who a demand or threat is about, as the object of the act it names: "voted to oust
        foreign troops", "voted in favour of ousting all foreign troops", "threatened to expel
        the ambassador" (people and groups only: not "rescinding that invitation")."""
        found: list[int] = []
        frontier = [verb]
        for _ in range(DEMANDED_DEPTH):
            reached = []
            for v in frontier:
                for c in doc.children[v]:
                    dep = doc.tokens[c].dep
                    to_infinitive = dep in {"acl", "advcl"} and _to_infinitive(doc, c)
                    if dep in {"xcomp", "prep", "pobj", "pcomp", "conj"} or to_infinitive:
                        reached.append(c)
            found += [
                o
                for c in reached
                if doc.tokens[c].pos == "VERB"
                for o in doc.kids(c, "dobj")
                if self._is_actor(doc, o)
                and (doc.lem[o] in self.lexicon.people or self._label(doc, o) in {"ORG", "NORP", "PERSON"})
            ]
            frontier = reached
        return found

    @staticmethod
    def _purpose(doc: _Doc, verb: int) -> bool:
        """Is ``verb`` an infinitive of purpose ("... to deliver an ultimatum")?"""
        return doc.tokens[verb].dep == "advcl" and _to_infinitive(doc, verb)

    def _shared_subject(self, doc: _Doc, verb: int) -> list[int]:
        """The subject a verb shares with the one it is conjoined to: "regime forces advanced
        and took control of the village" (at most :data:`CONJUNCT_REACH` verbs up the chain)."""
        for _ in range(CONJUNCT_REACH):
            t = doc.tokens[verb]
            if t.dep != "conj" or doc.tokens[t.head].pos not in {"VERB", "AUX"}:
                return []
            verb = t.head
            if self._passive(doc, verb):
                return []
            subjects = doc.kids(verb, "nsubj")
            if subjects:
                return subjects
        return []

    def _adjacent_subject(self, doc: _Doc, verb: int) -> list[int]:
        """A finite verb the model left without a subject, right after a name it hung elsewhere
        ("After months of silence, cleric Moqtada Sadr took to Twitter": the model joins Sadr
        to "silence"): that name is the subject. A participle phrase set off by commas may stand
        between them ("regime forces, supported by Russian airstrikes, clashed with ..."); the
        model then often takes the verb for a participle too, which an object or a "with" of
        its own shows it is not."""
        t = doc.tokens[verb]
        if doc.kids(verb, "nsubj", "nsubjpass", "expl", "csubj"):
            return []
        finite = t.tag in {"VBD", "VBZ", "VBP"}
        reciprocal = any(doc.lem[p] in {"with", "against"} for p in doc.kids(verb, "prep"))
        misread = (
            t.tag == "VBN"
            and t.dep == "acl"
            and not doc.kids(verb, "agent", "auxpass")
            and (bool(doc.kids(verb, "dobj")) or reciprocal)
        )
        if not (finite or misread):
            return []
        j = verb - 1
        while j >= 0 and doc.tokens[j].dep in {"advmod", "aux", "neg"} and doc.tokens[j].head == verb:
            j -= 1
        j = self._before_aside(doc, j)
        if j < 0 or doc.tokens[j].pos not in {"PROPN", "NOUN"} or doc.tokens[j].head > j:
            return []
        return [j] if self._is_actor(doc, j) else []

    def _before_aside(self, doc: _Doc, j: int) -> int:
        """The token before an aside that ends at ``j`` (", supported by Russian airstrikes,"):
        a comma, a participle, up to :data:`ASIDE_WORDS` words, a comma. Else ``j`` itself."""
        if j < 0 or doc.tokens[j].text != ",":
            return j
        k = j - 1
        while k >= 0 and j - k <= ASIDE_WORDS and doc.tokens[k].text != ",":
            k -= 1
        if k < 1 or doc.tokens[k].text != "," or doc.tokens[k + 1].tag not in {"VBN", "VBG"}:
            return j
        return k - 1

    def _told(self, doc: _Doc, subject: int) -> tuple[int, tuple[int, int]] | None:
        """ "A general told the Iraqi government troops were leaving": the model reads "the
        Iraqi government troops" as one subject. With a verb of telling (``[actors] telling``)
        that has no object, the words up to the last noun before the head are who is told, and
        the bare head is the teller's own. (the teller, the told's token range), else None."""
        clause = doc.tokens[subject].head
        if doc.tokens[subject].dep != "nsubj" or doc.tokens[clause].dep != "ccomp":
            return None
        telling = doc.tokens[clause].head
        if doc.lem[telling] not in self.lexicon.telling_verbs or doc.kids(telling, "dobj", "dative", "iobj"):
            return None
        tellers = [t for t in doc.kids(telling, "nsubj") if self._is_actor(doc, t)]
        told = [c for c in doc.kids(subject, "compound") if doc.tokens[c].pos in {"NOUN", "PROPN"}]
        if not tellers or not told or told[-1] != subject - 1:
            return None
        return tellers[0], (min(doc.subtree(subject)), subject)

    def _speaker_of_pronoun(self, doc: _Doc, verb: int, subject: int) -> int | None:
        """The speaker of "The army said it had captured ...": "it" is the one who speaks; so are bare
        "officers" the speaker's own ("Police said officers had detained ...")."""
        bare_role = doc.lem[subject] in self.lexicon.representatives and not any(
            doc.tokens[c].dep in {"amod", "compound", "poss", "nmod"} or doc.tokens[c].dep == "prep"
            for c in doc.children[subject]
        )
        if not (doc.low[subject] in {"it", "they", "we"} or bare_role) or doc.tokens[verb].dep != "ccomp":
            return None
        speakers = [s for s in doc.kids(doc.tokens[verb].head, "nsubj") if self._is_actor(doc, s)]
        return speakers[0] if speakers else None

    def _parties(self, doc: _Doc, head: int) -> list[ActorRef]:
        """The sides of talks named by the modifiers of who met: "Iraqi and US officials met"."""
        verb = head
        for _ in range(3):
            if doc.tokens[verb].pos in {"VERB", "AUX"} or doc.tokens[verb].head == verb:
                break
            verb = doc.tokens[verb].head
        if doc.tokens[verb].pos not in {"VERB", "AUX"}:
            return []
        # "officials are due to meet", "officials plan to meet": who meets is the subject above.
        for _ in range(2):
            if doc.kids(verb, "nsubj") or doc.tokens[verb].dep not in {"xcomp", "acomp"}:
                break
            verb = doc.tokens[verb].head
        found: list[ActorRef] = []
        for arg in doc.kids(verb, "nsubj", "dobj"):
            for c in doc.children[arg]:
                if c > arg or doc.tokens[c].dep not in {"amod", "compound", "nmod"}:
                    continue
                sides = doc.conjuncts(c)
                # the words the sides share: "Iraqi and US [military officials]"
                tail_start = max(max(doc.subtree(side)) for side in sides) + 1
                tail = doc.span(tail_start, arg + 1).text if tail_start <= arg else ""
                for side in sides:
                    ei = doc.ent_of[side]
                    if ei < 0 or doc.parsed.entities[ei].label not in {"NORP", "GPE", "ORG"}:
                        continue
                    ent = doc.parsed.entities[ei]
                    text = f"{ent.text} {tail}".strip()
                    ref = ActorRef(text=text, span=doc.span(ent.token_start, ent.token_end))
                    if all(ref.text != f.text for f in found):
                        found.append(ref)
        return found

    def _noun_initiators(self, doc: _Doc, noun: int, include_modifier: bool = True) -> list[int]:
        """Initiators attached to an event noun: "strikes by warplanes", "X's attack"."""
        out: list[int] = []
        if include_modifier:
            m = self._modifier_actor(doc, noun)
            if m is not None:
                out.append(m)
        for p in doc.kids(noun, "prep"):
            if doc.lem[p] in {"by", "from"}:
                out.extend(o for o in doc.kids(p, "pobj") if self._is_actor(doc, o))
        for a in doc.kids(noun, "acl"):
            # "the strike, reported by local medics to ...": the agent is the source, not the initiator.
            if doc.lem[a] in self.lexicon.attribution_agent_verbs:
                continue
            for ag in doc.kids(a, "agent"):
                out.extend(o for o in doc.kids(ag, "pobj") if self._is_actor(doc, o))
        return out

    # time ---------------------------------------------------------------------------------

    def _time(
        self,
        doc: _Doc,
        sent: SentenceSpan,
        head: int,
        attached_only: bool = False,
        within: set[int] | None = None,
    ) -> Span | None:
        first = _dateline_end(doc, sent)
        candidates = self._time_candidates(doc, first, sent.token_end)
        # "since January" is the start of a period, not when the event happened (unless the
        # event hangs from the date: "since January, when aircraft hit the depot").
        candidates = [
            c for c in candidates if not (self._opens_period(doc, c) and head not in doc.subtree(c[2]))
        ]
        if not candidates:
            return None
        chain = set(self._clause_chain(doc, head)) | {head}
        clause_root = self._clause_verb(doc, head)

        fronted = self._fronted(doc, first, sent.token_end, candidates)

        def score(c: tuple[int, int, int]) -> tuple[int, int]:
            s, e, root = c
            attached = 0 if (doc.tokens[root].head in chain or root in chain) else 1
            if s == fronted:
                attached = 0  # "On 2 September, ...": a date opening the sentence governs it all
            if attached and self._clause_verb(doc, root) == clause_root:
                attached = 0
            return (attached, min(abs(head - s), abs(head - (e - 1))))

        if within is not None:
            candidates = [c for c in candidates if c[0] in within]
            if not candidates:
                return None
        best = min(candidates, key=score)
        if attached_only and score(best)[0]:
            return None
        s, e, _ = best
        # Adjacent time expressions are one: "Thursday" + "morning", "Sunday" "evening".
        for c in sorted(candidates):
            if c is best:
                continue
            gap = range(e, c[0])
            if c[0] >= e and all(doc.low[j] in {"on", "in", "at", ","} for j in gap) and c[0] - e <= 1:
                e = c[1]
            elif c[1] <= s and c[1] == s:
                s = c[0]
        if (
            s > sent.token_start
            and doc.low[s - 1] in {"early", "late", "last", "earlier", "later"}
            and doc.ent_of[s - 1] < 0
        ):
            s -= 1
        elif s > sent.token_start and doc.low[s - 1] in self.lexicon.approximate_time:
            s -= 1  # "around 8 September": the resolver reads it as the week about the day
        return doc.span(s, e)

    def _calendar_dates(self, doc: _Doc, start: int, end: int) -> list[tuple[int, int]]:
        """Token ranges of dates written with a capitalised month name and a day or a year:
        "8 September 2022", "September 8, 2022", "15 May", "May 2019"."""
        months = self.lexicon.months
        found: list[tuple[int, int]] = []
        for i in range(start, end):
            if doc.low[i] not in months or not doc.tokens[i].text[:1].isupper():
                continue
            s, e = i, i + 1
            if s > start and _day_number(doc.low[s - 1]):
                s -= 1
            elif e < end and _day_number(doc.low[e]):
                e += 1
                if e + 1 < end and doc.low[e] == "," and _YEAR.fullmatch(doc.low[e + 1]):
                    e += 2
            if e < end and _YEAR.fullmatch(doc.low[e]):
                e += 1
            if e - s > 1 and not (found and found[-1][1] > s):
                found.append((s, e))
        return found

    def _time_candidates(self, doc: _Doc, first: int, end: int) -> list[tuple[int, int, int]]:
        """Time expressions that say when, in tokens [first, end): (start, end, root token)."""
        candidates: list[tuple[int, int, int]] = []
        for ent in doc.parsed.entities:
            if ent.label in _TIME_LABELS and first <= ent.token_start < end:
                if self._duration(doc, ent.token_start, ent.token_end):
                    continue
                if not self._says_when(doc, ent.token_start, ent.token_end):
                    continue
                candidates.append(
                    (ent.token_start, ent.token_end, _head_of(doc, ent.token_start, ent.token_end))
                )
        # Calendar dates the model missed or cut ("Around 8 September 2022", "15" + "May 2019").
        for s, e in self._calendar_dates(doc, first, end):
            overlapping = [c for c in candidates if c[0] < e and s < c[1]]
            if overlapping:
                candidates = [c for c in candidates if c not in overlapping]
                s = min(s, *(c[0] for c in overlapping))
                e = max(e, *(c[1] for c in overlapping))
            candidates.append((s, e, _head_of(doc, s, e)))
        covered = {i for s, e, _ in candidates for i in range(s, e)}
        for s, e in _find_phrases(doc, first, end, self.lexicon.time_words):
            if not covered.intersection(range(s, e)):
                candidates.append((s, e, _head_of(doc, s, e)))
        return candidates

    def _opens_period(self, doc: _Doc, candidate: tuple[int, int, int]) -> bool:
        """Is the time expression a bound of a period ("since January", "until May")?"""
        return doc.lem[doc.tokens[candidate[2]].head] in {"since", "until", "till"}

    def _since_before(self, doc: _Doc, draft: _Draft) -> Span | None:
        """The date of an earlier event the sentence before implies ("the first strike since
        February. During that prior incident, ..."): for a mention that refers to a prior event
        and says no time of its own."""
        t = doc.tokens[draft.main.head]
        if t.pos != "NOUN" or draft.sentence == 0:
            return None
        if not any(
            doc.low[m] in self.lexicon.prior_words for m in doc.kids(draft.main.head, "amod", "advmod")
        ):
            return None
        before = self._units[draft.sentence - 1]
        since = [
            c
            for c in self._time_candidates(doc, _dateline_end(doc, before), before.token_end)
            if doc.lem[doc.tokens[c[2]].head] == "since"
        ]
        return doc.span(since[-1][0], since[-1][1]) if since else None

    def _fronted(self, doc: _Doc, first: int, end: int, candidates: list[tuple[int, int, int]]) -> int | None:
        """The first token of the time expression that opens the sentence before a comma
        ("On 2 September 2019, ...", "The following day, ...", "Around 8 May (as reported),
        ..."), else None."""
        i = first
        while i < end and (doc.tokens[i].pos == "ADP" or doc.low[i] in self.lexicon.approximate_time):
            i += 1
        opening = [c for c in candidates if c[0] == i]
        if not opening:
            return None
        j = max(c[1] for c in opening)
        if j < end and doc.low[j] == "(":
            while j < end and doc.low[j] != ")":
                j += 1
            j += 1
        return i if j < end and doc.low[j] == "," else None

    def _says_when(self, doc: _Doc, s: int, e: int) -> bool:
        """Does a DATE/TIME entity say when ("Monday", "March 2", "3:30 a.m."), not "the 18th"?"""
        lx = self.lexicon
        words = [w for i in range(s, e) for w in re.split(r"[-\s]", doc.low[i]) if w]
        if any(w in lx.months or w in lx.date_words or w in self._specific_time_words for w in words):
            return True
        if any(doc.lem[i] in lx.date_words for i in range(s, e)):
            return True
        text = doc.span(s, e).text
        return bool(_YEAR.search(text) or re.search(r"\d:\d\d|\d{1,2}/\d{1,2}", text))

    def _duration(self, doc: _Doc, s: int, e: int) -> bool:
        """DATE entities that are lengths of time or ages, not when ("three years", "decades")."""
        words = doc.low[s:e]
        if any(
            w in {"old", "long", "decades", "years", "months", "weeks", "days", "hours", "minutes"}
            for w in words
        ):
            return not any(w in {"ago", "last", "past", "earlier", "previous", "recent"} for w in words)
        return False

    # places -------------------------------------------------------------------------------

    def _places(self, doc: _Doc, sent: SentenceSpan, draft: _Draft) -> list[Place]:
        lx = self.lexicon
        start, end = sent.token_start, sent.token_end
        actor_tokens: set[int] = set()
        for a in [draft.actor1, draft.actor2, *draft.assoc1, *draft.assoc2]:
            if a is not None and a.span is not None:
                actor_tokens.update(
                    i for i in range(start, end) if a.span.start <= doc.tokens[i].start < a.span.end
                )
        found: list[tuple[int, int]] = []
        # Facilities named by a proper noun: "Balad airbase", "Baghdad's airport".
        for s, e in _find_phrases(doc, start, end, lx.facilities):
            head = e - 1
            # a nationality or a country says whose, not which ("an Iraqi airbase", "a US
            # base", "pro-Iranian militia depots" name no particular one)
            mods = [
                c
                for c in doc.children[head]
                if c < s
                and doc.tokens[c].dep in {"compound", "poss", "nmod", "amod"}
                and (doc.tokens[c].pos == "PROPN" or doc.ent_of[c] >= 0)
                and self._label(doc, c) != "NORP"
                and not self._of_a_country(doc.low[c])
                # a group's acronym says whose ("a QSD checkpoint")
                and not _acronym(doc.tokens[c].text)
            ]
            if mods:
                lo = min(min(doc.subtree(m)) for m in mods)
                while doc.tokens[lo].pos == "DET":
                    lo += 1
                found.append((lo, e))
        named = self._settlement_names(doc, start, end)
        found.extend(r for r in named if not any(i in actor_tokens for i in range(*r)))
        if draft.main.entry.needs_place:
            # Ground taken by name, whatever the model labelled it ("captured Sheikh Ahmad").
            for o in self._taken(doc, draft.main.head):
                if doc.tokens[o].pos == "PROPN" and o not in actor_tokens:
                    lo, hi = self._name_span(doc, o)
                    if start <= lo and hi <= end and not any(s <= o < e for s, e in found):
                        found.append((lo, hi))
        for ent in doc.parsed.entities:
            if ent.label not in _PLACE_LABELS or not (start <= ent.token_start < end):
                continue
            if any(s <= ent.token_start < e for s, e in found):
                continue
            if _hyphened_modifier(doc, ent.token_end):
                continue  # "Tehran-backed fighters", "US-led coalition": whose, not where
            root = _head_of(doc, ent.token_start, ent.token_end)
            t = doc.tokens[root]
            if (
                t.dep in {"compound", "amod", "poss", "nmod"}
                and (
                    (doc.lem[t.head] not in lx.region_words and doc.lem[t.head] not in self._facility_nouns)
                    # part of a name: "the Levant Front", "the National Liberation Front" (a front
                    # line is written in lower case: "the Tal Hawash front")
                    or (doc.tokens[t.head].pos == "PROPN" and doc.tokens[t.head].text[:1].isupper())
                    # whose, not where: "a US base"
                    or (doc.lem[t.head] in self._facility_nouns and self._of_a_country(doc.low[root]))
                )
            ):
                continue  # used as an adjective: "US troops", "Iraq's parliament"
            locative = (
                t.dep == "pobj"
                and doc.lem[t.head] in lx.place_prepositions
                and doc.lem[t.head] not in {"by", "with", "between", "against"}
            )
            argument = t.dep in {"nsubj", "nsubjpass", "dobj", "pobj"} and doc.lem[t.head] != "in"
            if root in actor_tokens and argument and not locative:
                continue
            struck = t.dep == "dobj" and any(h.head == t.head and not h.entry.verbal for h in draft.hits)
            if t.dep in {"nsubj", "nsubjpass", "dobj"} and root != draft.main.head and not struck:
                continue  # "Washington ordered strikes": an actor, not a place ("hit Baghdad" is)
            found.append((ent.token_start, ent.token_end))
        # An entity cut short before an article ("Deir" of "Deir ez Zor") takes its whole name.
        found = [(s0, self._name_end(doc, e0, end)) for s0, e0 in found]
        found = [(s0, e0) for s0, e0 in found if not self._in_group_name(doc, s0, e0, end)]
        found.sort(key=lambda r: (abs(r[0] - draft.main.head), r[0]))
        places: list[Place] = []
        seen: set[str] = set()
        for s, e in found[:3]:
            e2 = e
            name_end = e
            precision = GeoPrecision.PLACE
            if doc.lem[e - 1] in lx.region_words and e - s > 1:
                precision = GeoPrecision.REGION
            if e2 < end and doc.lem[e2] in lx.region_words:
                name_end = e2 + 1
                precision = GeoPrecision.REGION
            elif e2 < end and (doc.low[e2] in self._near_nouns or doc.lem[e2] in self._near_nouns):
                precision = GeoPrecision.NEAR  # "the Harbal frontline", "Tal Tamer area"
            s2 = s
            if (
                s > start
                and doc.low[s - 1] in lx.directions
                and doc.tokens[s - 1].pos in {"ADJ", "PROPN", "NOUN"}
            ):
                s2 = s - 1
                precision = GeoPrecision.REGION
            name = " ".join(doc.low[s:e])
            if precision == GeoPrecision.PLACE and name.removeprefix("the ") in lx.countries:
                precision = GeoPrecision.COUNTRY
            if precision in {GeoPrecision.PLACE, GeoPrecision.COUNTRY}:
                before = range(max(start, s - 5), s)
                if _has_phrase(doc, before, lx.near, s):
                    precision = GeoPrecision.NEAR if precision == GeoPrecision.PLACE else precision
            span = doc.span(s2, name_end)
            if span.text in seen:
                continue
            seen.add(span.text)
            places.append(Place(name=span.text, precision=precision, span=span))
        return places

    @functools.cached_property
    def _hour_words(self) -> frozenset[str]:
        """Words that only say the hour, with the parts of the lexicon's hyphenated and dotted
        ones ("pre-dawn": "pre", "dawn")."""
        return frozenset(part for w in self.lexicon.time_of_day for part in re.findall(r"\w+", w))

    @functools.cached_property
    def _near_nouns(self) -> frozenset[str]:
        """Settlement nouns that also say "near" ("area", "outskirts", "axis"): a name before
        one is the place the event was near, not at."""
        single = {p[0] for p in self.lexicon.near if len(p) == 1}
        return frozenset(single & self.lexicon.settlements)

    def _settlement_names(self, doc: _Doc, start: int, end: int) -> list[tuple[int, int]]:
        """Proper names that a settlement noun or a locative preposition marks as places, whatever
        the entity recogniser made of them (it takes many Arabic place names for persons):
        "Areedah village" (the name before the noun), "the village of Areedah", "the countryside
        of Tell Abiad" (the name after "of"), "at Jurf al-Sakhar" (a name after "at", "in", ...)."""
        settlements = self.lexicon.settlements
        found: list[tuple[int, int]] = []

        def name_before(noun: int) -> tuple[int, int] | None:
            stop = noun  # where the name ends
            opening = [k for k in range(max(start, noun - 6), noun - 1) if doc.low[k] == "("]
            if noun - 1 > start and doc.low[noun - 1] == ")" and opening:
                stop = opening[-1]  # "Arshani (Arab Said) village": the name before the brackets
            j = stop
            while j - 1 >= start and self._name_word(doc, j - 1) and not demonym(j - 1):
                j -= 1
            while j < stop and not doc.tokens[j].text[:1].isupper():
                j += 1  # a name starts with a capital, not with "al" or a hyphen
            return (j, stop) if j < stop else None

        def demonym(i: int) -> bool:
            # whose, not which: "the Iraqi town of al-Qaim", "a Kurdish village"
            # (the model labels many an Arabic name NORP: only an adjective of a people counts,
            # not "Jandal town")
            adjective = (
                self._label(doc, i) == "NORP"
                and doc.tokens[i].pos == "ADJ"
                and doc.low[i].endswith(self.lexicon.demonym_endings)
            )
            return adjective or self._of_a_country(doc.low[i])

        def name_from(first: int) -> tuple[int, int] | None:
            j = first
            while j < end and self._name_word(doc, j):
                j += 1
            if not any(doc.tokens[k].text[:1].isupper() for k in range(first, j)):
                return None  # a name may open with an article ("al-Qaim"), but has a capital
            while j > first and not doc.tokens[j - 1].text[:1].isupper():
                j -= 1  # nor ends with a particle or a hyphen
            return (first, j)

        for i in range(start, end):
            t = doc.tokens[i]
            label = self._label(doc, i)
            if (
                t.dep == "pobj"
                and t.pos == "PROPN"
                and doc.low[t.head] in self.lexicon.locative
                # Arabic place names are often taken for persons or organisations ("in Umm
                # Ashba"); a group's name has a group word or is an acronym ("into QSD")
                and (label in {None, "PERSON"} or (label == "ORG" and self._placelike_org(doc, i)))
            ):
                named = name_before(i)
                found.append((named[0], i + 1) if named is not None else (i, i + 1))
            if doc.lem[i] not in settlements and doc.low[i] not in settlements:
                continue
            before = name_before(i)
            if before is not None:
                found.append(before)
            if i + 2 < end and doc.low[i + 1] == "of":
                after = name_from(i + 2)
                if after is not None:
                    found.append(after)
        return found

    def _placelike_org(self, doc: _Doc, i: int) -> bool:
        """Could an entity the model calls an organisation be a place: no group word, no acronym?"""
        entity = doc.parsed.entities[doc.ent_of[i]]
        words = range(entity.token_start, entity.token_end)
        if any(doc.low[k] in self.lexicon.organisation_words for k in words):
            return False
        return not any(_acronym(doc.tokens[k].text) for k in words)

    def _name_span(self, doc: _Doc, head: int) -> tuple[int, int]:
        """The proper name headed by ``head``: its proper-noun compounds and Arabic articles."""
        lo = head
        while lo > 0 and doc.tokens[lo - 1].head == head and doc.tokens[lo - 1].pos == "PROPN":
            lo -= 1
        hi = head + 1
        while (
            hi < len(doc.tokens)
            and doc.tokens[hi].pos == "PROPN"
            and doc.tokens[hi].dep in {"compound", "flat"}
        ):
            hi += 1
        return lo, self._name_end(doc, hi, len(doc.tokens))

    def _name_end(self, doc: _Doc, e: int, end: int) -> int:
        """Where a place name ending at ``e`` really ends: through "ez Zor", "al-Bab"."""
        j = e
        while j + 1 < end and doc.tokens[j].text[:1].islower() and self._name_word(doc, j):
            if not doc.tokens[j + 1].text[:1].isupper() and doc.tokens[j + 1].text != "-":
                break
            j += 1
            while j < end and doc.tokens[j].text == "-":
                j += 1
            if j < end and doc.tokens[j].text[:1].isupper() and self._name_word(doc, j):
                j += 1
            else:
                return e
        return j

    def _name_word(self, doc: _Doc, i: int) -> bool:
        """A word of a place name: capitalised, or an Arabic article inside one ("al", "el",
        "ash-")."""
        t = doc.tokens[i]
        if t.text[:1].isupper() and t.pos in {"PROPN", "NOUN", "ADJ", "X"}:
            return doc.lem[i] not in self.lexicon.settlements and doc.low[i] not in self.lexicon.countries
        if doc.low[i] in {"al", "el", "-"}:
            return True
        # "as-", "ez": sun-letter articles only before a hyphen or between two capitalised words
        # ("Deir ez Zor"); "as" and "at" alone are English
        if doc.low[i] not in {
            "ad",
            "ar",
            "as",
            "ash",
            "at",
            "az",
            "an",
            "ath",
            "adh",
            "ez",
            "es",
            "ed",
            "en",
            "er",
        }:
            return False
        following = doc.tokens[i + 1].text if i + 1 < len(doc.tokens) else ""
        previous = doc.tokens[i - 1].text if i > 0 else ""
        sandwiched = following[:1].isupper() and previous[:1].isupper()
        return following == "-" or (sandwiched and doc.low[i] not in {"as", "at", "an"})

    # casualties ---------------------------------------------------------------------------

    def _number(self, doc: _Doc, i: int) -> int | None:
        word = doc.low[i]
        if _DIGITS.match(word):
            try:
                return int(float(word.replace(",", "")))
            except ValueError:
                return None
        if word in self._numbers:
            return self._numbers[word]
        if "-" in word:
            parts = [self._numbers.get(p) for p in word.split("-")]
            if all(p is not None for p in parts):
                return sum(p for p in parts if p is not None)
        return None

    def _ordinal(self, doc: _Doc, i: int) -> int | None:
        """The value of an ordinal: "18th", "21st", "fifth"."""
        word = doc.low[i]
        figure = _ORDINAL.match(word)
        if figure:
            return int(figure.group(1))
        return self.lexicon.ordinals.get(word)

    def _qualifier(self, doc: _Doc, number: int) -> tuple[Qualifier, int]:
        """The qualifier written before a number, and where it starts."""
        for phrase, qualifier in self.lexicon.qualifiers:
            s = number - len(phrase)
            if s >= 0 and _match(doc, s, phrase, number) == number:
                return qualifier, s
        return Qualifier.EXACT, number

    def _count_of(self, doc: _Doc, noun: int) -> _Count | None:
        """How many the noun phrase headed by ``noun`` counts, if it says."""
        t = doc.tokens[noun]
        candidates = [
            c
            for c in doc.children[noun]
            if doc.tokens[c].dep == "nummod"
            or (doc.tokens[c].like_num and doc.tokens[c].dep in {"nummod", "amod", "quantmod", "det"})
        ]
        number_token: int | None = None
        if t.like_num or (t.pos == "NUM"):
            number_token = noun
        elif candidates:
            number_token = candidates[0]
        else:
            # "dozens of rockets", "a pair of rockets": the quantity word governs the noun.
            if t.dep == "pobj":
                prep = t.head
                quantity = doc.tokens[prep].head
                if doc.lem[prep] == "of" and quantity != prep and self._number(doc, quantity) is not None:
                    value = self._number(doc, quantity)
                    assert value is not None
                    qualifier, qs = self._qualifier(doc, quantity)
                    if doc.low[quantity] in {"dozens", "hundreds", "thousands", "scores"}:
                        qualifier = Qualifier.AT_LEAST
                    if qs == quantity and quantity > 0 and doc.low[quantity - 1] in {"a", "an"}:
                        qs = quantity - 1
                    return _Count(value, qualifier, doc.span(qs, quantity + 1))
        if number_token is None:
            return None
        if (
            doc.ent_of[number_token] >= 0
            and doc.parsed.entities[doc.ent_of[number_token]].label in _TIME_LABELS
        ):
            return None
        value = self._number(doc, number_token)
        if value is None:
            return None
        # "two hundred", "3 thousand"
        nxt = number_token + 1
        if nxt < len(doc.tokens) and doc.low[nxt] in {"hundred", "thousand"} and nxt != noun:
            value *= self._numbers[doc.low[nxt]]
            end = nxt + 1
        else:
            end = number_token + 1
        qualifier, qs = self._qualifier(doc, number_token)
        return _Count(value, qualifier, doc.span(qs, end))

    def _group_count(self, doc: _Doc, head: int) -> _Count | None:
        """Sum over coordinated victims: "three children and two women" is 5."""
        total = 0
        qualifier = Qualifier.EXACT
        spans: list[Span] = []
        known = False
        for c in doc.conjuncts(head):
            count = self._count_of(doc, c)
            t = doc.tokens[c]
            if count is None:
                in_date = doc.ent_of[c] >= 0 and doc.parsed.entities[doc.ent_of[c]].label in _TIME_LABELS
                if in_date:
                    continue
                if (
                    t.tag in {"NN", "NNP"}
                    and t.pos in {"NOUN", "PROPN"}
                    and doc.lem[c] not in self.lexicon.actor_skip
                ):
                    count = _Count(1, Qualifier.EXACT, doc.span(c, c + 1))
                elif t.pos == "PRON" or doc.lem[c] in {"other", "others"}:
                    qualifier = Qualifier.AT_LEAST
                    continue
                else:
                    qualifier = Qualifier.AT_LEAST
                    continue
            known = True
            total += count.value
            spans.append(count.span)
            if count.qualifier != Qualifier.EXACT:
                qualifier = count.qualifier
        if not known:
            return None
        sent = next(u for u in _units(doc) if u.token_start <= head < u.token_end)
        tail = range(head, min(sent.token_end, max(doc.subtree(head)) + 6))
        if _has_phrase(
            doc, tail, [p for p in self.lexicon.others if p[0] in {"among", "and"}], sent.token_end
        ):
            qualifier = Qualifier.AT_LEAST
        start = min(s.start for s in spans)
        end = max(s.end for s in spans)
        return _Count(total, qualifier, doc.char_span(start, end))

    def _casualty_counts(
        self, doc: _Doc, sent: SentenceSpan, anchor: int, only_related: bool = False
    ) -> list[tuple[str, _Count, int]]:
        """("fatal"|"injury", count, casualty token) for every casualty expression in the sentence."""
        lx = self.lexicon
        fatal = {" ".join(p) for p in lx.fatal_words}
        injury = {" ".join(p) for p in lx.injury_words}
        out: list[tuple[str, _Count, int]] = []
        for i in range(sent.token_start, sent.token_end):
            lemma, low = doc.lem[i], doc.low[i]
            kind = (
                "fatal"
                if (lemma in fatal or low in fatal)
                else "injury"
                if (lemma in injury or low in injury)
                else None
            )
            if kind is None:
                continue
            if only_related and doc.distance(i, anchor) > 3:
                continue
            t = doc.tokens[i]
            count: _Count | None = None
            is_total = False
            if lemma == "life":
                if doc.lem[t.head] not in {"claim", "take", "cost", "lose"}:
                    continue
                pobjs = [o for p in doc.kids(i, "prep") if doc.lem[p] == "of" for o in doc.kids(p, "pobj")]
                count = self._group_count(doc, pobjs[0]) if pobjs else None
            elif t.pos in {"VERB", "AUX"} or (t.tag == "VBN"):
                passive = self._passive(doc, i)
                if t.dep in {"acl", "amod"} and not doc.kids(i, "dobj"):
                    targets = [t.head]
                elif passive:
                    targets = doc.kids(i, "nsubjpass")
                elif lemma in {"die", "perish"}:
                    targets = doc.kids(i, "nsubj")
                else:
                    targets = doc.kids(i, "dobj")
                    if not targets and t.dep == "conj":  # "shot and killed X": a shared object
                        targets = doc.kids(t.head, "dobj")
                    if not targets:
                        # "killing three" / "3 killed"
                        targets = [c for c in doc.children[i] if doc.tokens[c].like_num]
                if (
                    targets
                    and doc.ent_of[targets[0]] >= 0
                    and doc.parsed.entities[doc.ent_of[targets[0]]].label in (_PLACE_LABELS | _TIME_LABELS)
                ):
                    # A dateline parsed as the subject ("Baghdad ... Three children were killed"):
                    # the victims are the counted nouns before the verb.
                    counted = [
                        j
                        for j in range(max(sent.token_start, i - 20), i)
                        if doc.tokens[j].tag == "NNS"
                        and any(doc.tokens[c].dep == "nummod" for c in doc.children[j])
                    ]
                    targets = counted[:1]
                if targets:
                    count = self._group_count(doc, targets[0])
                if count is not None:
                    count = self._with_companions(doc, i, count)
            elif t.pos in {"NOUN", "ADJ", "PROPN"}:
                is_total = lemma in lx.fatal_nouns and lemma not in {"killing", "life"}
                count = self._count_of(doc, i)
                if count is None:
                    pobjs = [
                        o for p in doc.kids(i, "prep") if doc.lem[p] == "of" for o in doc.kids(p, "pobj")
                    ]
                    if pobjs:
                        count = self._group_count(doc, pobjs[0])
                if count is None and t.dep in {"amod", "acomp", "oprd"}:
                    nums = [c for c in doc.children[t.head] if doc.tokens[c].like_num]
                    if nums:
                        count = self._count_of(doc, nums[0])
                if count is None and t.pos in {"ADJ", "ADV"} and doc.tokens[t.head].pos == "VERB":
                    objs = doc.kids(t.head, "dobj") or doc.kids(t.head, "nsubjpass")
                    count = self._group_count(doc, objs[0]) if objs else None
                if count is None and t.pos == "ADJ":
                    nums = [c for c in doc.children[i] if doc.tokens[c].like_num]
                    count = self._count_of(doc, nums[0]) if nums else None
            if count is None:
                continue
            count.total = is_total
            if lemma == "casualty":
                kind = "fatal"
            out.append((kind, count, i))
        # "Total fatalities coded to 12": a total that replaces the parts.
        if _find_phrases(doc, sent.token_start, sent.token_end, lx.total_words) and not any(
            doc.lem[j] == "split" for j in range(sent.token_start, sent.token_end)
        ):
            for _s, e in _find_phrases(doc, sent.token_start, sent.token_end, lx.total_words):
                for j in range(e, min(sent.token_end, e + 6)):
                    value = self._number(doc, j) if doc.tokens[j].like_num else None
                    if value is not None:
                        out.append(
                            ("fatal", _Count(value, Qualifier.EXACT, doc.span(j, j + 1), total=True), j)
                        )
                        break
                break
        return out

    def _with_companions(self, doc: _Doc, verb: int, count: _Count) -> _Count:
        """The count of a verb of dying plus the people named after ``[casualties] companions``:
        "the commander died along with three companions" is four."""
        for p in doc.kids(verb, "prep"):
            if not any(
                e == p + 1 for _s, e in _find_phrases(doc, max(0, p - 1), p + 1, self.lexicon.companions)
            ):
                continue
            for o in doc.kids(p, "pobj"):
                more = self._group_count(doc, o)
                if more is not None:
                    qualifier = more.qualifier if more.qualifier is not Qualifier.EXACT else count.qualifier
                    lo, hi = min(count.span.start, more.span.start), max(count.span.end, more.span.end)
                    span = Span(start=lo, end=hi, text=doc.text[lo:hi])
                    count = _Count(count.value + more.value, qualifier, span, count.total)
        return count

    def _casualties(self, doc: _Doc, sent: SentenceSpan, draft: _Draft) -> None:
        lx = self.lexicon
        heads = [h.head for h in draft.hits]
        for kind, count, token in self._casualty_counts(doc, sent, draft.main.head):
            near = min(doc.distance(token, h) for h in heads)
            if near > 6 and not count.total:
                continue
            self._add_count(draft, kind, count)
        for phrase, fatal, injured in lx.none_phrases:
            if _find_phrases(doc, sent.token_start, sent.token_end, [phrase]):
                zero = _Count(
                    0,
                    Qualifier.EXACT,
                    doc.span(*_find_phrases(doc, sent.token_start, sent.token_end, [phrase])[0]),
                )
                if fatal and draft.fatalities is None:
                    draft.fatalities = zero
                if injured and draft.injuries is None:
                    draft.injuries = zero

    def _figures_only(self, doc: _Doc, sent: SentenceSpan, si: int, target: _Draft) -> None:
        """A sentence with casualty figures and no event word ("3 fatalities.") adds them."""
        counts = self._casualty_counts(doc, sent, sent.token_start)
        probe = _Draft(
            sentence=si,
            hits=target.hits,
            main=target.main,
            sub_type=target.sub_type,
            plover=target.plover,
            weapon=None,
        )
        for kind, count, _token in counts:
            self._add_count(probe, kind, count)
        for phrase, fatal, injured in self.lexicon.none_phrases:
            found = _find_phrases(doc, sent.token_start, sent.token_end, [phrase])
            if found:
                zero = _Count(0, Qualifier.EXACT, doc.span(*found[0]))
                if fatal and probe.fatalities is None:
                    probe.fatalities = zero
                if injured and probe.injuries is None:
                    probe.injuries = zero
        if probe.fatalities is None and probe.injuries is None:
            return
        self._merge(doc, target, probe, add_counts=True)

    def _add_count(self, draft: _Draft, kind: str, count: _Count) -> None:
        current = draft.fatalities if kind == "fatal" else draft.injuries
        if current is None or current.span == count.span:
            new = count
        elif count.total:
            new = count if not current.total or count.value >= current.value else current
        elif current.total:
            new = current
        else:
            new = _Count(
                current.value + count.value,
                current.qualifier if current.qualifier != Qualifier.EXACT else count.qualifier,
                current.span if current.span.start < count.span.start else count.span,
            )
        if kind == "fatal":
            draft.fatalities = new
        else:
            draft.injuries = new

    # mode and attribution -----------------------------------------------------------------

    def _mode(self, doc: _Doc, sent: SentenceSpan, draft: _Draft) -> Mode:
        if draft.main.entry.mode is not None:
            return draft.main.entry.mode
        words = self._mode_words
        chain = self._clause_chain(doc, draft.main.head)
        for a in chain:
            kids = doc.children[a]
            if any(doc.tokens[c].dep == "mark" and doc.lem[c] in words["hypothetical"] for c in kids):
                return Mode.HYPOTHETICAL
            if any(doc.tokens[c].dep == "aux" and doc.lem[c] in words["hypothetical"] for c in kids):
                return Mode.HYPOTHETICAL
            if doc.tokens[a].pos in {"VERB", "AUX"} and any(
                doc.tokens[c].dep == "aux" and doc.lem[c] in {"will", "shall"} for c in kids
            ):
                return Mode.PLANNED
            if a != draft.main.head and doc.lem[a] in words["denied"]:
                return Mode.DENIED
            if (
                a != draft.main.head
                and doc.lem[a] in words["claimed"]
                and not any(doc.lem[c] == "life" for c in kids)
            ):
                return Mode.CLAIMED
            if a != draft.main.head and doc.lem[a] in words["planned"] and doc.tokens[a].pos == "VERB":
                return Mode.PLANNED
            # "officials are due to meet ...", "the army is set to launch ...": a several-word cue.
            if a != draft.main.head and _has_phrase(doc, [a], self._planned_phrases, len(doc.tokens)):
                return Mode.PLANNED
            if doc.tokens[a].dep in {"ROOT"}:
                break
        if any(doc.lem[c] in {"allegedly", "reportedly"} for c in doc.children[draft.main.head]):
            return Mode.CLAIMED
        if draft.time is not None and self._historical(doc, draft.time):
            return Mode.HISTORICAL
        return Mode.ASSERTED

    def _historical(self, doc: _Doc, time: Span) -> bool:
        published = doc.parsed.article.published
        if published is None:
            return False
        years = [int(y) for y in _YEAR.findall(time.text)]
        return bool(years) and published.year - max(years) >= self.lexicon.historical_years

    def _attribution(self, doc: _Doc, sent: SentenceSpan, head: int) -> Attribution | None:
        lx = self.lexicon
        start, end = sent.token_start, sent.token_end
        for s, e in _find_phrases(doc, start, end, lx.attribution_phrases):
            pobjs = [
                c for j in range(s, e) for c in doc.children[j] if doc.tokens[c].dep == "pobj" and c >= e
            ]
            if not pobjs and e < end:
                pobjs = [j for j in range(e, min(end, e + 6)) if doc.tokens[j].pos in {"NOUN", "PROPN"}][:1]
            if pobjs:
                lo, hi = self._phrase(doc, pobjs[0])
                source = doc.span(lo, hi)
                return Attribution(source=source.text, span=doc.span(s, hi))
        said = self._speech(doc, sent, head)
        if said is None:
            return None
        verb, speaker = said
        lo, hi = self._phrase(doc, speaker)
        source = doc.span(lo, hi)
        return Attribution(source=source.text, span=doc.span(min(lo, verb), max(hi, verb + 1)))

    def _speech(self, doc: _Doc, sent: SentenceSpan, head: int) -> tuple[int, int] | None:
        """(verb, speaker) of the speech verb that reports the trigger ("the army said ..."),
        if any; not a pronoun speaker."""
        lx = self.lexicon
        chain = set(self._clause_chain(doc, head))
        for i in range(sent.token_start, sent.token_end):
            if doc.lem[i] not in lx.attribution_verbs or doc.tokens[i].pos not in {"VERB"}:
                continue
            if any(doc.lem[c] == "life" for c in doc.children[i]):
                continue  # "claimed the lives of": a casualty, not a claim
            if i == head:
                continue
            if i not in chain and doc.tokens[i].head not in chain and head not in doc.subtree(i):
                continue
            subj = doc.kids(i, "nsubj")
            if not subj and doc.lem[i] in lx.attribution_agent_verbs:
                subj = [p for a in doc.kids(i, "agent") for p in doc.kids(a, "pobj")]
            if not subj:
                subj = doc.kids(i, "nsubjpass") if doc.lem[i] == "quote" else []
            if not subj or doc.tokens[subj[0]].pos == "PRON":
                continue
            return i, subj[0]
        return None

    def _as_threat(self, doc: _Doc, sent: SentenceSpan, draft: _Draft) -> None:
        """ "X said its fighters would strike every base": violence a speaker says will come is
        a threat by the speaker (THREATEN), not the violence itself."""
        main = draft.main
        if main.entry.verbal or draft.mode not in {Mode.HYPOTHETICAL, Mode.PLANNED}:
            return
        verb = self._clause_verb(doc, main.head)
        if not any(
            doc.tokens[c].dep == "aux" and doc.lem[c] in {"will", "would", "shall"}
            for c in doc.children[verb]
        ):
            return
        if any(doc.tokens[c].dep == "mark" for c in doc.children[verb]):
            return  # "if they would strike": a condition, not a promise
        speaker: int | None = None
        for a in self._clause_chain(doc, verb)[1:3]:
            if doc.lem[a] in self.lexicon.attribution_verbs and doc.tokens[a].pos == "VERB":
                subj = doc.kids(a, "nsubj")
                if subj and self._is_actor(doc, subj[0]):
                    speaker = subj[0]
                break
        if speaker is None:
            return
        draft.sub_type = _S.OTHER
        draft.plover = Plover.THREATEN
        draft.mode = Mode.THREATENED
        draft.weapon = None
        draft.actor1 = self._actor(doc, speaker)
        draft.assoc1 = []
        draft.fatalities = draft.injuries = None
        draft.attribution = None

    # refinement ---------------------------------------------------------------------------

    def _refine(self, doc: _Doc, sent: SentenceSpan, draft: _Draft) -> None:
        for rule in self.lexicon.refinements:
            if draft.sub_type not in rule.sources:
                continue
            if self._rule_applies(doc, sent, draft, rule):
                draft.sub_type = rule.target
                if rule.plover is not None:
                    draft.plover = rule.plover

    def _refine_later(self, doc: _Doc, sent: SentenceSpan, si: int, draft: _Draft) -> None:
        """A sentence with no event of its own that goes on telling the last one ("Police fired
        tear gas to disperse the crowd" after a protest) refines it by its cue words."""
        for rule in self.lexicon.refinements:
            if (
                draft.sub_type in rule.sources
                and rule.cues
                and _find_phrases(doc, sent.token_start, sent.token_end, rule.cues)
            ):
                draft.sub_type = rule.target
                if rule.plover is not None:
                    draft.plover = rule.plover
                if si not in draft.evidence:
                    draft.evidence.append(si)

    def _rule_applies(self, doc: _Doc, sent: SentenceSpan, draft: _Draft, rule: Refinement) -> bool:
        start, end = sent.token_start, sent.token_end
        main = draft.main
        if rule.unless_triggers and _find_phrases(doc, main.start, main.end, rule.unless_triggers):
            return False
        if rule.unless_cues and _find_phrases(doc, start, end, rule.unless_cues):
            return False
        if rule.unless_actor1_cues and self._actor_has(doc, sent, draft.actor1, rule.unless_actor1_cues):
            return False
        if rule.cues and _find_phrases(doc, start, end, rule.cues):
            return True
        if rule.actor1_cues and self._actor_has(doc, sent, draft.actor1, rule.actor1_cues):
            return True
        if rule.target_cues:
            targets: list[int] = []
            for ref in (draft.actor2, *draft.assoc2):
                if ref is not None and ref.span is not None:
                    targets.extend(
                        i for i in range(start, end) if ref.span.start <= doc.tokens[i].start < ref.span.end
                    )
            for v in draft.victims:
                targets.extend(doc.conjuncts(v))
            heads = [i for i in targets if doc.tokens[i].pos in {"NOUN", "PROPN"}]
            if heads and _has_phrase(doc, heads, rule.target_cues, end):
                return not (rule.unless_target_cues and _has_phrase(doc, heads, rule.unless_target_cues, end))
        return False

    def _actor_has(
        self, doc: _Doc, sent: SentenceSpan, actor: ActorRef | None, phrases: Sequence[Phrase]
    ) -> bool:
        """Is one of the phrases among the words of an actor of the sentence?"""
        if actor is None or actor.span is None:
            return False
        span = actor.span
        tokens = [
            i for i in range(sent.token_start, sent.token_end) if span.start <= doc.tokens[i].start < span.end
        ]
        return _has_phrase(doc, tokens, phrases, sent.token_end)

    # -- 5. reference ------------------------------------------------------------------------

    def _refers_back(self, doc: _Doc, cluster: list[_Hit], main: _Hit) -> bool:
        """Does the mention refer back: its main trigger does, or the clause is about an event
        told before ("Clashes were accompanied by an exchange of shelling")."""
        if self._anaphoric(doc, main):
            return True
        kind = EVENT_TYPE_OF[main.entry.sub_event_type]
        if main.entry.verbal or kind is EventType.STRATEGIC_DEVELOPMENTS:
            return False  # "The army said the strike was an assassination": a new statement
        subjects = [h for h in cluster if h is not main and doc.tokens[h.head].dep in _SUBJECTS]
        if any(self._anaphoric(doc, h) for h in subjects):
            return True
        # The event noun that is the clause's subject may sit in a cluster of its own.
        verb = self._clause_verb(doc, main.head)
        for subject in doc.kids(verb, *_SUBJECTS):
            if subject == main.head or doc.tokens[subject].pos != "NOUN":
                continue
            for phrase, value in self.lexicon.trigger_index.candidates((doc.lem[subject], doc.low[subject])):
                assert isinstance(value, TriggerEntry)
                same_kind = EVENT_TYPE_OF[value.sub_event_type] is kind
                if (
                    len(phrase) == 1
                    and same_kind
                    and self._anaphoric(doc, _Hit(subject, subject + 1, subject, value))
                ):
                    return True
        return False

    def _anaphoric(self, doc: _Doc, hit: _Hit) -> bool:
        """A definite or bare event noun that refers back ("the strike", "clashes")."""
        t = doc.tokens[hit.head]
        definite = self._mode_words["definite"]
        if hit.entry.needs_weapon and t.pos == "VERB":
            # "The rockets were launched from a truck": the weapon named before, again.
            args = doc.kids(hit.head, "nsubj", "nsubjpass", "dobj")
            return any(
                doc.lem[a] in self.lexicon.weapon_index
                and any(doc.low[d] in definite and doc.tokens[d].dep == "det" for d in doc.children[a])
                for a in args
            )
        if t.pos not in {"NOUN", "PROPN"} or hit.entry.verbal:
            return False
        if t.dep == "attr" and doc.lem[t.head] == "be":
            return True  # "It was the first strike since January": says what an event was
        kids = doc.children[hit.head]
        fresh = self._mode_words["fresh"]
        if any(doc.lem[c] in fresh or doc.low[c] in fresh for c in kids):
            return False
        if any(doc.tokens[c].dep == "nummod" or doc.tokens[c].like_num for c in kids):
            return False
        if any(doc.low[c] in definite or doc.tokens[c].dep == "poss" for c in kids):
            return True
        # A bare noun refers back only for words that name a whole battle ("clashes", "fighting"),
        # and only to a sentence before: "captured the town on Monday following clashes" tells
        # the clashes with the capture's date and place.
        return (
            self._told_in_earlier_sentence
            and hit.entry.plural_ok
            and not any(doc.tokens[c].dep == "det" for c in kids)
        )

    def _untyped(self, draft: _Draft) -> bool:
        """No trigger of the draft has a kind of its own: a bare "attack", or one typed only
        by a weapon somewhere else in its sentence ("the explosion came after rockets hit")."""
        return not any(h.typed and not (h.entry.generic and h.weapon_level >= 2) for h in draft.hits)

    def _compatible(self, earlier: _Draft, later: _Draft) -> bool:
        if earlier.sub_type == later.sub_type:
            return True
        if later.anaphoric and earlier.main.entry.sub_event_type == later.sub_type:
            return True  # "the protest" after a protest the police broke up (refined since)
        return self._untyped(later) and earlier.plover == later.plover == Plover.ASSAULT

    def _time_words(self, time: Span | None) -> set[str]:
        """The words of a time expression that name a day, week, month or year."""
        if time is None:
            return set()
        words = set(re.findall(r"\w+", time.text.lower())) - {"s"}
        hours = self._hour_words
        return {w for w in words if w not in hours and not re.fullmatch(r"\d\d?", w)} | {
            w for w in words if re.fullmatch(r"\d\d?", w) and not re.search(r"\d:\d", time.text)
        }

    def _words_of(self, text: str) -> set[str]:
        facility = {w for p in self.lexicon.facilities for w in p}
        return {
            w
            for w in re.findall(r"\w+", text.lower())
            if len(w) > 2
            and w not in facility
            and w not in {"the", "and", "air", "near", "outside"}
            and not self._of_a_country(w)  # "an Iraqi airbase" names no particular base
        }

    def _of_a_country(self, word: str) -> bool:
        """Is the (lower-case) word a country's name or its adjective ("iraqi", "syrian")?"""
        return any(word[: len(word) - k] in self.lexicon.countries for k in range(DEMONYM_LETTERS + 1))

    def _other_account(self, earlier: _Draft, later: _Draft) -> bool:
        """Does the later draft give another source's figures ("according to a US official" ...
        "reported by Iraqi sources to have killed four")? Such accounts stay separate mentions."""
        a, b = earlier.attribution, later.attribution
        has_numbers = later.fatalities is not None or later.injuries is not None
        return a is not None and b is not None and a.source.lower() != b.source.lower() and has_numbers

    def _conflicts(self, earlier: _Draft, later: _Draft, *, accounts: bool = True) -> bool:
        """Can the later draft not be the earlier event told again? With ``accounts=False``,
        differing sources are no conflict (the later is another account of the same event)."""
        a_time, b_time = self._time_words(earlier.time), self._time_words(later.time)
        if a_time and b_time and not (a_time <= b_time or b_time <= a_time):
            return True
        if accounts and self._other_account(earlier, later):
            return True
        one, two = earlier.actor1, later.actor1
        if (
            one is not None
            and two is not None
            and not self._words_of(one.text) & self._words_of(two.text)
            and one.text.lower() != two.text.lower()
        ):
            return True
        exact = {GeoPrecision.PLACE, GeoPrecision.NEAR}
        here = [p for p in earlier.places if p.precision in exact]
        there = [p for p in later.places if p.precision in exact]
        if here and there:
            here_words = set().union(*(self._words_of(p.name) for p in here))
            there_words = set().union(*(self._words_of(p.name) for p in there))
            if here_words and there_words and not here_words & there_words:
                return True
        if earlier.mode == later.mode or Mode.HISTORICAL in {earlier.mode, later.mode}:
            return False
        # "X claimed / denied the attack" speaks of the same event.
        return not (later.anaphoric and later.mode in {Mode.CLAIMED, Mode.DENIED})

    def _restates(self, doc: _Doc, draft: _Draft) -> bool:
        """A mention with nothing new that could tell it apart from one before it: no date of
        its own, no "another"/"second", not an answer to another event, not verbal."""
        main = draft.main
        if main.entry.verbal or main.entry.casualty or draft.separate:
            return False
        fresh = self._mode_words["fresh"] - {"a", "an", "one"}
        if any(doc.lem[c] in fresh or doc.low[c] in fresh for c in doc.children[main.head]):
            return False
        return not self._time_words(draft.time)

    def _same_place(self, doc: _Doc, drafts: list[_Draft], draft: _Draft) -> None:
        """'Two drones were launched toward the same facility': the place named last before."""
        if draft.places or not drafts:
            return
        sent = self._units[draft.sentence]
        lo, hi = sent.token_start, sent.token_end
        kinds = self._facility_nouns | self.lexicon.settlements | {"facility", "site"}
        same = any(
            doc.low[j] == "same" and j + 1 < hi and (doc.lem[j + 1] in kinds or doc.low[j + 1] in kinds)
            for j in range(lo, hi)
        )
        if not same:
            return
        for earlier in reversed(drafts):
            named = [p for p in earlier.places if p.precision in {GeoPrecision.PLACE, GeoPrecision.NEAR}]
            if named:
                draft.places = [named[0]]
                return

    def _place_draft(self, doc: _Doc, drafts: list[_Draft], draft: _Draft) -> None:
        self._same_place(doc, drafts, draft)
        if draft.plover is Plover.ACCUSE and draft.actor2 is None:
            draft.actor2 = self._accused(doc, drafts, draft)
        only_casualties = all(h.entry.casualty for h in draft.hits)
        # Untyped violence inherits the kind of a typed mention just before it (one of its day).
        if not any(h.typed for h in draft.hits) and not draft.main.entry.verbal:
            recent = [d for d in drafts if draft.sentence - d.evidence[-1] <= 2 and d.sub_type in _REMOTE]
            fitting = [d for d in recent if not self._conflicts(d, draft)] or recent
            if fitting and draft.sub_type in {_S.ARMED_CLASH}:
                source = fitting[-1]
                draft.sub_type = source.sub_type
                draft.weapon = draft.weapon or source.weapon
        restates = not draft.anaphoric and not only_casualties and self._restates(doc, draft)
        if draft.anaphoric or restates or (only_casualties and not draft.separate):
            earlier_drafts = list(reversed(drafts))
            if draft.anaphoric:
                # "the airstrike that killed Saadi": the event whose report names Saadi first
                names = self._names_in(doc, draft.main.head)
                earlier_drafts.sort(key=lambda d: not (names and self._tells_names(doc, d, names)))
            for earlier in earlier_drafts:
                if only_casualties and not draft.anaphoric:
                    # "It also wounded two children": told of an event a few sentences back.
                    more = self._tells_more(doc, draft)
                    reach = 3 if more else 1
                    if draft.sentence - earlier.evidence[-1] > reach:
                        break
                    if earlier.main.entry.verbal:
                        if more:
                            continue  # a threat or a demand in between is not what it tells more of
                        break
                    if draft.time is not None and earlier.time is not None:
                        break
                    subj_is_new = draft.actor1 is not None and not more
                    if subj_is_new:
                        break
                elif (
                    (restates and (earlier.sub_type != draft.sub_type or earlier.main.entry.verbal))
                    or not self._compatible(earlier, draft)
                    or self._conflicts(earlier, draft)
                ):
                    if draft.refers_to is None and (
                        self._retells(earlier, draft, restates) or self._disputes(earlier, draft)
                    ):
                        draft.refers_to = earlier
                    continue
                if earlier.after is None:
                    # "these retaliatory strikes": what the event told before was a reprisal for
                    earlier.after = self._followed(doc, [d for d in drafts if d is not earlier], draft)
                self._merge(doc, earlier, draft, add_counts=only_casualties and not draft.anaphoric)
                return
        draft.after = self._followed(doc, drafts, draft)
        if draft.time is None:
            draft.time = self._narrative_time(doc, drafts, draft)
            draft.narrative_time = draft.time is not None
        drafts.append(draft)

    def _narrative_time(self, doc: _Doc, drafts: list[_Draft], draft: _Draft) -> Span | None:
        """A violent event told with no time of its own right after a dated one is told in
        that one's time: "On 3 May, government forces clashed with rebels near X. Government
        forces captured the village." (the time of the event told last, when it is at most
        :data:`NARRATIVE_REACH` sentences back and speaks of something that took place), else
        the time that opens the sentence before. Not an event the text says followed another
        ("In retaliation, US forces struck ...")."""
        if draft.main.entry.verbal or draft.mode in IRREALIS_MODES or draft.after is not None:
            return None  # what followed another event ("In retaliation, ...") came later
        last = drafts[-1] if drafts else None
        if last is not None and draft.sentence - last.evidence[-1] <= NARRATIVE_REACH:
            if last.time is None or last.main.entry.verbal or last.mode in IRREALIS_MODES | {Mode.HISTORICAL}:
                return None
            return last.time
        # No event told just before, but the sentence before opens with a time ("On 20 February,
        # HTS launched a security operation. Ten members of X were detained.")
        if draft.sentence < NARRATIVE_REACH:
            return None
        before = self._units[draft.sentence - NARRATIVE_REACH]
        first = _dateline_end(doc, before)
        candidates = self._time_candidates(doc, first, before.token_end)
        fronted = self._fronted(doc, first, before.token_end, candidates)
        if fronted is None:
            return None
        end = max(c[1] for c in candidates if c[0] == fronted)
        return doc.span(fronted, end)

    def _followed(self, doc: _Doc, drafts: list[_Draft], draft: _Draft) -> _Draft | None:
        """The earlier-told event the text says this one followed: "voted after Soleimani's
        killing", "In retaliation, US forces launched strikes", "in response to the attack"."""
        if not drafts:
            return None
        for last, earlier_clause in self._sequence_phrases(doc, self._units[draft.sentence], draft.main.head):
            if earlier_clause is not None:
                clause = set(doc.subtree(earlier_clause))
                return next((d for d in reversed(drafts) if d.main.head in clause), None)
            if doc.tokens[last].pos in {"NOUN", "VERB"}:
                # "in retaliation for X", "in response to X"
                objects = [o for p in doc.kids(last, "prep") for o in doc.kids(p, "pobj")]
            else:
                objects = doc.kids(last, "pobj")
            if not objects:
                # "In retaliation, ...": for the event just told (the last violent one, for a
                # violent reprisal)
                fitting = [d for d in drafts if not _violent(draft) or _violent(d)]
                return fitting[-1] if fitting else None
            return self._told_event(doc, drafts, objects[0])
        return None

    def _sequence_phrases(self, doc: _Doc, sent: SentenceSpan, head: int) -> list[tuple[int, int | None]]:
        """Phrases saying that the event of ``head`` followed another ("In retaliation, …",
        "after the general's killing"), as (last token, the verb of the clause the phrase opens
        when it is a conjunction: "after the general was killed", else None)."""
        chain = set(self._clause_chain(doc, head))
        found: list[tuple[int, int | None]] = []
        for start, end in _find_phrases(doc, sent.token_start, sent.token_end, self.lexicon.after_phrases):
            root = _head_of(doc, start, end)
            t = doc.tokens[root]
            if t.dep == "mark":
                # "voted after the general was killed": the clause it opens is the earlier
                # event, and must hang from this one's ("came after Washington threatened"
                # says the threat came first)
                if t.head not in chain and doc.tokens[t.head].head in chain:
                    found.append((end - 1, t.head))
            elif t.head in chain and root not in chain:
                found.append((end - 1, None))  # said of this clause, not another one
        return found

    def _names_in(self, doc: _Doc, noun: int) -> set[str]:
        """The proper names (lower case) in the phrase of an event noun, but for itself."""
        return {
            doc.low[i]
            for i in doc.subtree(noun)
            if i != noun and doc.tokens[i].pos == "PROPN" and len(doc.low[i]) > 2
        }

    def _tells_names(self, doc: _Doc, draft: _Draft, names: set[str]) -> bool:
        """Do the draft's sentences name all of ``names``?"""
        told = " ".join(doc.text[self._units[s].start : self._units[s].end].lower() for s in draft.evidence)
        return all(re.search(rf"\b{re.escape(n)}\b", told) for n in names)

    def _told_event(self, doc: _Doc, drafts: list[_Draft], noun: int) -> _Draft | None:
        """The earlier draft an event noun points at: the one that names the same people or
        places ("Soleimani's killing"), else the last one of its kind."""
        lx = self.lexicon
        kinds = [
            v
            for _p, v in lx.trigger_index.candidates((doc.lem[noun], doc.low[noun]))
            if isinstance(v, TriggerEntry)
        ]
        casualty = doc.lem[noun] in self._casualty_words
        if not kinds and not casualty:
            return None
        names = self._names_in(doc, noun)
        violent = casualty or any(
            not k.verbal and EVENT_TYPE_OF[k.sub_event_type] is not EventType.STRATEGIC_DEVELOPMENTS
            for k in kinds
        )
        fitting = [d for d in drafts if not violent or _violent(d)]
        if names:
            return next((d for d in reversed(fitting) if self._tells_names(doc, d, names)), None)
        return fitting[-1] if fitting else None

    def _accused(self, doc: _Doc, drafts: list[_Draft], draft: _Draft) -> ActorRef | None:
        """Who did the act an accusation names: "the army said the airstrike that killed Saadi
        was an assassination" accuses whoever the report of that airstrike says struck."""
        head = draft.main.head
        if doc.tokens[head].dep != "attr":
            return None
        earlier = [d for d in drafts if d.sentence < draft.sentence]
        for subject in doc.kids(doc.tokens[head].head, "nsubj"):
            told = self._told_event(doc, earlier, subject)
            if told is not None and told.actor1 is not None:
                return told.actor1
        return None

    def _disputes(self, earlier: _Draft, later: _Draft) -> bool:
        """Is the later draft a denial or claim of the event told just before ("troops were
        preparing to depart, but the Pentagon denied the withdrawal")? Its subject is who
        denies, not who acts, so it stays a mention of its own that the merge joins."""
        return (
            later.anaphoric
            and later.mode in {Mode.DENIED, Mode.CLAIMED}
            and earlier.mode in {Mode.ASSERTED, Mode.CLAIMED, Mode.DENIED}
            and earlier.sub_type == later.sub_type
            and earlier.plover == later.plover
            and later.sentence - earlier.evidence[-1] <= 1
        )

    def _retells(self, earlier: _Draft, later: _Draft, restates: bool) -> bool:
        """Is the later draft the earlier event in another source's words, kept apart only
        because the accounts differ (figures, or what hit whom: "an air strike" for one,
        "missile strikes" for the other)? The merge stage joins such a pair."""
        if earlier.main.entry.verbal or later.main.entry.verbal:
            return False
        if self._conflicts(earlier, later, accounts=False) or not self._other_account(earlier, later):
            return False
        if self._compatible(earlier, later):
            return True
        # Restating with another kind of violence: only the same ACLED type of assault.
        return (
            restates
            and earlier.plover == later.plover == Plover.ASSAULT
            and EVENT_TYPE_OF[earlier.sub_type] == EVENT_TYPE_OF[later.sub_type]
        )

    def _tells_more(self, doc: _Doc, draft: _Draft) -> bool:
        """A casualty clause that goes on about an event told before: "it also killed ..."."""
        head = draft.main.head
        if any(doc.low[c] in {"also", "too"} for c in doc.children[head]):
            return True
        return any(doc.low[s] in {"it", "they"} for s in doc.kids(head, "nsubj"))

    def _specific_draft(self, draft: _Draft) -> bool:
        return bool(draft.time or draft.places or draft.fatalities or draft.injuries)

    def _merge(self, doc: _Doc, target: _Draft, other: _Draft, add_counts: bool) -> None:
        if other.sentence not in target.evidence:
            target.evidence.append(other.sentence)
        if other.time is not None and (
            target.time is None or (target.narrative_time and not other.narrative_time)
        ):
            target.time, target.narrative_time = other.time, other.narrative_time
        names = {p.name for p in target.places}
        target.places.extend(p for p in other.places if p.name not in names)
        target.actor1 = self._better_actor(doc, target.actor1, other.actor1)
        actor2 = self._better_actor(doc, target.actor2, other.actor2)
        # "targeting combatants ... a threat to US forces": whoever struck is not also the target
        if not (target.actor2 is not None and _same_names(target.actor1, actor2)):
            target.actor2 = actor2
        if not target.assoc1:
            target.assoc1 = other.assoc1
        if not target.assoc2:
            target.assoc2 = other.assoc2
        target.weapon = target.weapon or other.weapon
        for kind in ("fatal", "injury"):
            count = other.fatalities if kind == "fatal" else other.injuries
            current = target.fatalities if kind == "fatal" else target.injuries
            if count is None:
                continue
            if current is None or (count.total and not current.total):
                self._set(target, kind, count)
            elif add_counts and not count.total and count.value > 0 and current.value > 0:
                # "killed at least seven ... three fighters and four militants were killed": the
                # same toll told by who died, not more dead.
                if count.value != current.value:
                    self._add_count(target, kind, count)
            elif current.value == 0 and count.value > 0:
                self._set(target, kind, count)

    def _named(self, doc: _Doc, actor: ActorRef) -> bool:
        """Does an actor phrase hold a name ("Sudanese air defences"), not only a description
        ("air defences")? A capital that only starts the sentence does not count."""
        if actor.span is None:
            return False
        starts = {u.start for u in _units(doc)}
        for i, t in enumerate(doc.tokens):
            if t.start < actor.span.start or t.start >= actor.span.end:
                continue
            if not t.text[:1].isupper():
                continue
            entity = doc.ent_of[i] >= 0 and doc.parsed.entities[doc.ent_of[i]].label in {
                "NORP",
                "GPE",
                "ORG",
                "PERSON",
            }
            if t.start not in starts or t.text.isupper() or entity:
                return True
        return False

    def _better_actor(self, doc: _Doc, current: ActorRef | None, other: ActorRef | None) -> ActorRef | None:
        """The first actor found, unless it names nobody ("air defences") and the other does."""
        if current is None or other is None:
            return current or other
        return other if self._named(doc, other) and not self._named(doc, current) else current

    def _set(self, draft: _Draft, kind: str, count: _Count) -> None:
        if kind == "fatal":
            draft.fatalities = count
        else:
            draft.injuries = count

    # -- output ------------------------------------------------------------------------------

    def _mention_id(self, doc: _Doc, draft: _Draft) -> str:
        return f"{doc.parsed.article.id}:{doc.span(draft.main.start, draft.main.end).start}"

    def _mention(self, doc: _Doc, draft: _Draft) -> Mention:
        article = doc.parsed.article
        main = draft.main
        trigger = doc.span(main.start, main.end)
        # The draft it retells may itself have been merged into another: then it is gone.
        refers_to = self._draft_ids.get(id(draft.refers_to)) if draft.refers_to is not None else None
        evidence = tuple(
            doc.char_span(self._units[s].start, self._units[s].end) for s in sorted(draft.evidence)
        )

        def quantity(count: _Count | None) -> Quantity | None:
            if count is None:
                return None
            return Quantity(value=count.value, qualifier=count.qualifier, span=count.span)

        confidence = 0.8 if main.typed else 0.6
        if draft.anaphoric:
            confidence -= 0.1
        return Mention(
            id=self._mention_id(doc, draft),
            article_id=article.id,
            event_type=EVENT_TYPE_OF[draft.sub_type],
            sub_event_type=draft.sub_type,
            plover=draft.plover,
            mode=draft.mode,
            time=draft.time,
            narrative_time=draft.narrative_time,
            places=tuple(draft.places),
            actor1=draft.actor1,
            actor2=draft.actor2,
            assoc_actors1=tuple(draft.assoc1),
            assoc_actors2=tuple(draft.assoc2),
            fatalities=quantity(draft.fatalities),
            injuries=quantity(draft.injuries),
            weapon=draft.weapon,
            attribution=draft.attribution,
            refers_to=refers_to,
            after=self._draft_ids.get(id(draft.after)) if draft.after is not None else None,
            trigger=trigger,
            evidence=evidence,
            confidence=round(max(0.1, confidence), 2),
            extractor=NAME,
        )
