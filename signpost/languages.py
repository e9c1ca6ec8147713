"""ISO 639 languages, found by any of their names or codes: the feed gives each language a
listing offers its code, and the import reads codes back to names.

The table is pycountry's (the ISO 639-3 list Debian's iso-codes keeps), read from its data
file rather than through `pycountry.languages.lookup`: importing pycountry and indexing its
7,923 languages took 0.06-0.15 s of the feed's child, which the build waits for, and reading
the file takes about 0.02 s. Unlike that lookup, which tries a language's name before a
two-letter code ("en" is En, a language of Vietnam, there, not English), a code finds the
language it is the code of when a code is asked for a name (the import), and a name the
language of that name when a name is asked for a code (the feed); otherwise each finds what
the lookup finds (the tests compare every name and code in the file). Its status, scope and
type letters, which that lookup also matches ("L" for living), find nothing here.
"""
from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

# In the order pycountry's lookup tries them, in each kind: its indexed fields first (a
# later language taking a value wins there), then names it finds by going through the
# languages in order.
_CODES = ("alpha_3", "alpha_2", "bibliographic")
_NAMES = ("name",)
_SCANNED = ("inverted_name", "common_name")
# What UK directories write for a language that is not its ISO code: BSL is British Sign
# Language (bfi), never Basa-Gumna (bsl), a language of Nigeria no longer spoken.
_ALIASES = {"bsl": "bfi"}


def iso_code(text: str) -> str | None:
    """The language's ISO 639 code, two letters where one exists, or None if unknown: a
    listing's language is a name, so a name is tried before a code."""
    language = _language(text.lower(), _by_name(), _by_code())
    return language and (language.get("alpha_2") or language["alpha_3"])


def iso_name(text: str) -> str | None:
    """The language's ISO 639 name ("Panjabi" for "pa"), or None if unknown: a feed's
    language is a code, so a code is tried before a name."""
    language = _language(text.lower(), _by_code(), _by_name())
    return language and language["name"]


def _language(text: str, first: dict[str, dict], then: dict[str, dict]) -> dict | None:
    if text in _ALIASES:
        return _by_code()[_ALIASES[text]]
    return first.get(text) or then.get(text)


@functools.cache
def _table() -> list[dict]:
    # find_spec locates pycountry without importing it.
    folder = importlib.util.find_spec("pycountry").submodule_search_locations[0]
    path = Path(folder, "databases", "iso639-3.json")
    return json.loads(path.read_text(encoding="utf-8"))["639-3"]


@functools.cache
def _by_code() -> dict[str, dict]:
    return _indexed(_CODES, ())


@functools.cache
def _by_name() -> dict[str, dict]:
    return _indexed(_NAMES, _SCANNED)


def _indexed(fields: tuple[str, ...], scanned: tuple[str, ...]) -> dict[str, dict]:
    languages = _table()
    by_text: dict[str, dict] = {}
    for language in reversed(languages):  # names found by going through: the first wins
        by_text.update({language[field].lower(): language for field in scanned
                        if field in language})
    for field in reversed(fields):  # these win over those, an earlier field over a later
        by_text.update({language[field].lower(): language for language in languages
                        if field in language})
    return by_text


# What people in the UK call some languages that ISO 639-1 names otherwise, or leaves to
# ISO 639-3 (the code each is checked against: tests/test_languages.py).
_EVERYDAY = {"farsi": "fa", "punjabi": "pa", "pashto": "ps", "greek": "el", "mandarin": "cmn",
             "cantonese": "yue", "sylheti": "syl", "dari": "prs", "filipino": "fil",
             "krio": "kri", "patois": "jam"}


def spoken_names() -> list[str]:
    """The names, lower case, a search may ask for help in ("help in polish"): each ISO 639-1
    language's (its name, common name and the head of its inverted name: "greek" of "Greek,
    Modern"), and _EVERYDAY's; not English, the site's own. Longest first, so that a
    pattern made of them tries "scottish gaelic" before "gaelic"."""
    names = set(_EVERYDAY)
    for language in _table():
        if "alpha_2" not in language:
            continue
        for field in ("name", "common_name", "inverted_name"):
            for name in language.get(field, "").split(";"):
                name = name.split("(")[0].split(",")[0].strip().lower()
                names.add(name)
    names -= {"english", ""}
    return sorted(names, key=lambda name: (-len(name), name))
