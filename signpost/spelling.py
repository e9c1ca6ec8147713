"""The words a mistyped search word can be read as ("violance" as "violence", "abuce" as
"abuse"): the site's own, in one file (SPELLING_URL, rendered by templates/words.json) that
the search page loads on its first search, with the rest of what reads a search's words
(search-words.js). Pagefind finds only the words its index has, or their stems: a word
mistyped on a phone, in a hurry or by someone who spells by ear would find nothing. And the
everyday English words that are one slip from a site's word, which are meant as typed."""
from __future__ import annotations

import functools
import gzip
import importlib.util
import re
from collections import Counter
from pathlib import Path

import msgpack

from .content import Page
from .services import Service
from .settings import Settings

# A neutral name, like the place finder's; search-words.js. The file also holds the words that
# ask for a way to go to the police (site._report_words).
SPELLING_URL = "/assets/words.json"
# The most words the file holds: about 4 KB compressed for the real directory's 1,100. A
# national directory's rarest words are left out; the words people type are among the first.
MOST = 3_000
# Words of four letters or more: a mistyped word is read as another only from five letters
# (one edit; two from nine: search-words.js, meant). Of
# plain letters: as fast again as any letter's class, for the 0.75 MB of 1,000 listings.
_WORD = re.compile(r"[a-z]{4,}")
_TAG = re.compile(r"<[^>]*>")
# Letters typed for one another: side by side on a keyboard (a phone's is laid out as a
# computer's: each row a little to the right of the one above), or alike in sound ("abuce",
# "domestik", "violance", "forsed"). A word is read as another only by changing such letters.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SHIFT = (0, 0.25, 0.75)
_ALIKE = ("cs", "ck", "kq", "sz", "ei", "iy", "ae", "ou", "gj")
TYPED = frozenset({*_ALIKE, *(a + b for r, row in enumerate(_ROWS)
                              for s, other in enumerate(_ROWS) if abs(r - s) <= 1
                              for i, a in enumerate(row) for j, b in enumerate(other)
                              if a < b and abs(i + _SHIFT[r] - j - _SHIFT[s]) <= 1)})
# For each letter, those typed for it.
_TYPED_FOR = {letter: {b for pair in TYPED for a, b in (pair, pair[::-1]) if a == letter}
              for letter in _ROWS[0] + _ROWS[1] + _ROWS[2]}


def spelling_words(services: list[Service], pages: list[Page], settings: Settings
                   ) -> list[str]:
    """The words, lower case, those a mistyped word is read as first before the others:
    the kinds of help's words (kind_words), then the words of the listings and help pages,
    those in the most texts first. Each text counts once however many listings repeat it,
    and it is read once."""
    first = dict.fromkeys(kind_words(settings))
    texts = {text for s in services
             for text in (s.name, s.summary, s.description, s.eligibility_text, s.organisation)}
    texts |= {text for p in pages for text in (p.title, p.summary, _TAG.sub(" ", p.html))}
    counts = Counter(word for text in texts for word in set(_words(text)))
    rest = sorted((w for w in counts if w not in first), key=lambda w: (-counts[w], w))
    return (list(first) + rest)[:MOST]


def kind_words(settings: Settings) -> list[str]:
    """The words of the kinds of help's and groups' names, descriptions and plain words
    (site.yaml: the words people type), each once, in order."""
    terms = [*settings.categories.values(), *settings.genders.values()]
    return list(dict.fromkeys(_words(" ".join(f"{t.name} {t.description} {' '.join(t.keywords)}"
                                              for t in terms))))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def everyday_words(spelling: list[str], settings: Settings) -> list[str]:
    """The everyday English words, none of the site's, that one edit makes a site word
    (search-words.js, meant: a letter added, left out, swapped with the next or changed for
    one TYPED for it, never the first, nor at the end of a longer word): "widow" is "window"
    with a letter left out, "heard" "hard" with one added. They are meant as typed, so the
    search page leaves them so ("i'm a widow" was shown as results for "window"). Everyday:
    at least once in a million words of English (wordfreq's list).

    Not one that one edit makes a word of the kinds of help (kind_words), the harms people
    name: "i was rapid" is more likely "raped", mistyped, than meant, and to find nothing
    would cost more than to read "he says i'm strange" as "strangle". Nor an American
    spelling of a site's word ("behavior"), which is read as the site's. A word two edits
    from a site's word (search-words.js reads one of nine letters or more as the site's) is
    not looked for: that would take the build several times as long."""
    return list(_everyday(frozenset(spelling), frozenset(kind_words(settings))))


@functools.lru_cache(maxsize=1)  # the dev server's rebuild after an edit that adds no word
def _everyday(site: frozenset[str], kinds: frozenset[str]) -> tuple[str, ...]:
    # Imported here, by the renderer that makes words.json: its table took 25 ms to import,
    # on the path of every build and check before the index could start.
    from breame.spelling import get_british_spelling
    english = _english() - site
    near: dict[str, set[str]] = {}  # each everyday word and the site's words an edit away
    for word in english:  # a letter more than a site's word
        for p in range(1, len(word)):
            if (other := word[:p] + word[p + 1:]) in site and not word.startswith(other):
                near.setdefault(word, set()).add(other)
    for other in site:  # a letter fewer, two swapped, or one changed
        ends = range(1, len(other))
        for word in (*(other[:p] + other[p + 1:] for p in ends),
                     *(other[:p] + other[p + 1] + other[p] + other[p + 2:] for p in ends[:-1]),
                     *(other[:p] + c + other[p + 1:] for p in ends
                       for c in _TYPED_FOR[other[p]])):
            if word in english:
                near.setdefault(word, set()).add(other)
    return tuple(sorted(word for word, others in near.items()
                        if not others & kinds and get_british_spelling(word) not in site))


@functools.cache
def _english() -> frozenset[str]:
    """wordfreq's English words (its small list: each at least once in a million words) of
    five letters or more, plain letters only. Read from its data file, a list of lists of
    words, one list for each hundredth of a bel of frequency: importing wordfreq took 0.1 s.
    find_spec locates it without importing it."""
    folder = importlib.util.find_spec("wordfreq").submodule_search_locations[0]
    _, *bands = msgpack.unpackb(gzip.decompress(
        Path(folder, "data", "small_en.msgpack.gz").read_bytes()))
    return frozenset(word for band in bands for word in band
                     if len(word) >= 5 and word.isascii() and word.isalpha())
