"""ISO 639 languages, found by any of their names or codes: the feed gives each language a
listing offers its code, and the import reads codes back to names.

The table is pycountry's (the ISO 639-3 list Debian's iso-codes keeps), read from its data
file rather than through `pycountry.languages.lookup`: importing pycountry and indexing its
7,923 languages took 0.06-0.15 s of the feed's child, which the build waits for, and reading
the file takes about 0.02 s. A name finds the language pycountry's lookup finds (the tests
compare every name and code in the file); its status, scope and type letters, which that
lookup also matches ("L" for living), find nothing here.
"""
from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

# In the order pycountry's lookup tries them: its indexed fields first (a later language
# taking a value wins there), then names it finds by going through the languages in order.
_INDEXED = ("alpha_3", "name", "alpha_2", "bibliographic")
_SCANNED = ("inverted_name", "common_name")


def iso_code(text: str) -> str | None:
    """The language's ISO 639 code, two letters where one exists, or None if unknown."""
    language = _by_text().get(text.lower())
    return language and (language.get("alpha_2") or language["alpha_3"])


def iso_name(text: str) -> str | None:
    """The language's ISO 639 name ("Panjabi" for "pa"), or None if unknown."""
    language = _by_text().get(text.lower())
    return language and language["name"]


@functools.cache
def _by_text() -> dict[str, dict]:
    # find_spec locates pycountry without importing it.
    folder = importlib.util.find_spec("pycountry").submodule_search_locations[0]
    path = Path(folder, "databases", "iso639-3.json")
    languages = json.loads(path.read_text(encoding="utf-8"))["639-3"]
    by_text: dict[str, dict] = {}
    for language in reversed(languages):  # names found by going through: the first wins
        by_text.update({language[field].lower(): language for field in _SCANNED
                        if field in language})
    for field in reversed(_INDEXED):  # these win over those, an earlier field over a later
        by_text.update({language[field].lower(): language for language in languages
                        if field in language})
    return by_text
