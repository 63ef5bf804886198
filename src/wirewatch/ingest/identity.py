"""Article identity: a stable id from the normalised text, and MinHash fingerprints for reprints.

The id must not change when the same story is scraped again with different whitespace, quote
characters or letter case, so it hashes a normalised form of the body. Near-duplicates (one wire
story on two sites, each with its own intro line or footer) are found by MinHash over word
shingles with locality-sensitive hashing (LSH) bands, so a lookup touches only the few stored
articles that share a band instead of all of them.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

#: Hex characters of the SHA-256 kept in an article id: 64 bits make a collision among a
#: billion articles about a one-in-36-million chance.
ARTICLE_ID_HEX_CHARS = 16

#: Words per shingle. Five-word shingles keep distinct stories on one event (which share names
#: and stock phrases) far apart while surviving small copy edits in a reprint.
SHINGLE_WORDS = 5

#: Number of MinHash functions, and how they are cut into LSH bands. LSH only proposes
#: candidates, which are then checked exactly (:func:`containment`), so it must favour recall:
#: 32 bands of 4 rows propose a pair with Jaccard 0.5 (a reprint of half a story) with
#: probability 1-(1-0.5^4)^32 = 0.87, at 0.8 with > 0.9999, and two distinct stories on one
#: event (Jaccard < 0.1 in our samples) with < 0.4%.
MINHASH_PERMUTATIONS = 128
LSH_BANDS = 32
LSH_ROWS = MINHASH_PERMUTATIONS // LSH_BANDS

#: A Mersenne prime above 2^32, the modulus of the universal hash family (a*x + b) mod p.
_MERSENNE_PRIME = (1 << 61) - 1
_HASH_MASK = (1 << 32) - 1
#: Fixed seed: signatures must be identical across runs and machines to compare stored ones.
_PERMUTATION_SEED = 20_240_208

_rng = np.random.default_rng(_PERMUTATION_SEED)
# a < 2^31 and x, b < 2^32 keep a*x + b below 2^64, so uint64 arithmetic never wraps.
_A = _rng.integers(1, 1 << 31, size=MINHASH_PERMUTATIONS, dtype=np.uint64)[:, None]
_B = _rng.integers(0, 1 << 32, size=MINHASH_PERMUTATIONS, dtype=np.uint64)[:, None]

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalise_text(text: str) -> str:
    """The form the id is computed from: NFKC, one kind of quote and dash, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    return _SPACE.sub(" ", text).strip().casefold()


def article_id(text: str) -> str:
    """Stable id of an article body (the same story re-scraped keeps its id)."""
    digest = hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
    return digest[:ARTICLE_ID_HEX_CHARS]


def content_hash(data: bytes | str) -> str:
    """Full SHA-256 of raw input, to recognise an input already processed without re-reading it."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    """A MinHash signature and the LSH band keys derived from it."""

    signature: bytes  # MINHASH_PERMUTATIONS little-endian uint32 values
    band_keys: tuple[str, ...]

    def similarity(self, other_signature: bytes) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return estimated_jaccard(self.signature, other_signature)


def _hash32(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=4).digest(), "little")


def shingles(text: str) -> frozenset[int]:
    """32-bit hashes of the text's word 5-grams (the whole text if it is shorter)."""
    words = _WORD.findall(normalise_text(text))
    if len(words) < SHINGLE_WORDS:
        grams = {" ".join(words)} if words else set()
    else:
        grams = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    return frozenset(
        int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=4).digest(), "little")
        for gram in grams
    )


def containment(new: frozenset[int], old: frozenset[int]) -> float:
    """Share of the new text's shingles found in the old one.

    A reprint with its own intro line and footer, or cut short, is almost wholly contained in
    the original; a longer article that quotes an old one is not contained in it, so it is kept.
    """
    if not new:
        return 0.0
    return len(new & old) / len(new)


#: Sentences at the start and at the end of a text that a reprint may rewrite freely: a new
#: lead sentence, or a "supplied by" credit and a follow-us footer.
REPRINT_LEAD_SENTENCES = 1
REPRINT_TAIL_SENTENCES = 2
#: Below this many sentences a text is a brief or a note, not an article with a lead and a
#: footer: every sentence is substance (ACLED's notes, median 33 words, have 2-3).
REPRINT_MIN_SENTENCES = 6

_NAME_OR_NUMBER = re.compile(r"^(?:[A-Z]|.*\d)")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


def _sentence_index(words: list[str]) -> list[int]:
    """For each word, the number of the sentence it belongs to."""
    index, current = [], 0
    for word in words:
        index.append(current)
        if _SENTENCE_END.search(word):
            current += 1
    return index


def differs_in_substance(new: str, old: str) -> bool:
    """True when the new text changes a name or a number inside the old text's sentences.

    A reprint rewrites its lead sentence and its footer, adds or drops whole sentences, and
    restyles a word here and there; two distinct reports written from one template (monitoring
    bulletins, agency notes) share most of their words but name another village, date or toll
    in the middle of a sentence.
    """
    new_words, old_words = new.split(), old.split()
    if not new_words:
        return False
    sentence = _sentence_index(new_words)
    last = sentence[-1]
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, _old_start, _old_end, start, end in matcher.get_opcodes():
        if tag in {"equal", "delete"}:
            continue
        first_sentence, last_sentence = sentence[start], sentence[end - 1]
        at_edges = last >= REPRINT_MIN_SENTENCES and (
            last_sentence < REPRINT_LEAD_SENTENCES or first_sentence > last - REPRINT_TAIL_SENTENCES
        )
        whole_sentences = (start == 0 or _SENTENCE_END.search(new_words[start - 1]) is not None) and (
            _SENTENCE_END.search(new_words[end - 1]) is not None
        )
        if at_edges or whole_sentences:
            continue
        if any(_NAME_OR_NUMBER.match(word) for word in new_words[start:end]):
            return True
    return False


def _shingle_hashes(text: str) -> np.ndarray:
    return np.array(sorted(shingles(text)), dtype=np.uint64)


def _band_hash(rows: bytes) -> str:
    return hashlib.blake2b(rows, digest_size=8).hexdigest()


def fingerprint(text: str) -> Fingerprint:
    """MinHash signature of the body's word shingles, with its LSH band keys."""
    hashes = _shingle_hashes(text)
    if hashes.size == 0:
        signature = np.full(MINHASH_PERMUTATIONS, _HASH_MASK, dtype=np.uint64)
    else:
        # (a*x + b) mod p for every (permutation, shingle) pair; the minimum per permutation.
        permuted = (_A * hashes[None, :] + _B) % np.uint64(_MERSENNE_PRIME)
        signature = (permuted & np.uint64(_HASH_MASK)).min(axis=1)
    packed = signature.astype("<u4").tobytes()
    band_bytes = LSH_ROWS * 4
    keys = tuple(
        f"{band:02d}:{_band_hash(packed[band * band_bytes : (band + 1) * band_bytes])}"
        for band in range(LSH_BANDS)
    )
    return Fingerprint(signature=packed, band_keys=keys)


def estimated_jaccard(left: bytes, right: bytes) -> float:
    """Share of MinHash positions on which two signatures agree."""
    a = np.frombuffer(left, dtype="<u4")
    b = np.frombuffer(right, dtype="<u4")
    if a.shape != b.shape or a.size == 0:
        return 0.0
    return float(np.count_nonzero(a == b)) / float(a.size)
