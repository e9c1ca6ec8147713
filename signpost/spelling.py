"""The words a mistyped search word can be read as ("violance" as "violence", "abuce" as
"abuse"): the site's own, in one file (SPELLING_URL, rendered by templates/words.json) that
the search page loads on its first search, with the rest of what reads a search's words
(search-words.js). Pagefind finds only the words its index has, or their stems: a word
mistyped on a phone, in a hurry or by someone who spells by ear would find nothing."""
from __future__ import annotations

import re
from collections import Counter

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


def spelling_words(services: list[Service], pages: list[Page], settings: Settings
                   ) -> list[str]:
    """The words, lower case, those a mistyped word is read as first before the others:
    the kinds of help's and groups' names, descriptions and plain words (site.yaml: the words
    people type), then the words of the listings and help pages, those in the most texts
    first. Each text counts once however many listings repeat it, and it is read once."""
    terms = [*settings.categories.values(), *settings.genders.values()]
    first = dict.fromkeys(_words(" ".join(f"{t.name} {t.description} {' '.join(t.keywords)}"
                                          for t in terms)))
    texts = {text for s in services
             for text in (s.name, s.summary, s.description, s.eligibility_text, s.organisation)}
    texts |= {text for p in pages for text in (p.title, p.summary, _TAG.sub(" ", p.html))}
    counts = Counter(word for text in texts for word in set(_words(text)))
    rest = sorted((w for w in counts if w not in first), key=lambda w: (-counts[w], w))
    return (list(first) + rest)[:MOST]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())
