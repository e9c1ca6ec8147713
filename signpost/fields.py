"""Small field types for the listing format: each checks one YAML value, says what is wrong
in the words staff see, and describes itself as JSON Schema for editors.

A field's `check(value, line, name, at)` returns the value to use, or None after reporting
why it cannot be used with `at.add(line, name, message)`. `at` is a Reader: it carries
`settings` (the vocabularies) and `today`, and says how its file names a value (listings say
`phones.number: ...`, site.yaml `embed: 'lambeth': name: ...`, front matter `title is ...`),
so the same types read listings, settings and front matter. A type whose sentence needs the
name as its subject ("accent must be a colour") writes it whole: `at.add(line, "", ...)`.

The types that only site.yaml uses (Number, Colour, ...) are in sitefields.py.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from typing import Callable

import phonenumbers
from phonenumbers import shortnumberinfo

from .addresses import MAX_URL, address_problem
from .markup import to_html
from .problems import Problem, did_you_mean, quote, unknown_keys
from .yamlfile import YamlList, YamlMap

TEXT_LIMIT = 1000  # characters, unless a field says otherwise
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")  # fullmatch: '09:00\n' is not a time
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def items(value, line, name, at) -> list[tuple[object, int]]:
    """The items of a list with their lines; a single value counts as a one-item list."""
    if isinstance(value, str):
        return [(value, line)]
    if isinstance(value, YamlList):
        return list(zip(value, value.lines))
    at.add(line, name, "must be a list, each item on its own line starting with '- '")
    return []


def one_or_list(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "array", "items": schema}]}


class Reader:
    """Where the problems found in one file go, and how that file's messages name a value.

    This one words them as listings do (`phones.number: must be ...`, `x: unknown field`);
    site.yaml and front matter subclass it with their own wording.
    """

    def __init__(self, file: str, settings=None, today: dt.date | None = None):
        self.file, self.settings, self.today = file, settings, today
        self.problems: list[Problem] = []

    def add(self, line: int, name: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, message, None, name or None))

    def key(self, name: str, key: str) -> str:
        """The name of a key inside the mapping called name."""
        return f"{name}.{key}" if name else key

    def unknown(self, line: int, name: str, key: str, hint: str) -> None:
        self.add(line, self.key(name, key), "unknown field" + hint)


class Field:
    doc = ""

    def check(self, value, line: int, name: str, at):
        raise NotImplementedError

    def schema(self, settings) -> dict:
        raise NotImplementedError


class Text(Field):
    def __init__(self, limit: int = TEXT_LIMIT, doc: str = ""):
        self.limit, self.doc = limit, doc

    def check(self, value, line, name, at):
        if not isinstance(value, str):
            at.add(line, name, "must be text, not a list or a mapping")
            return None
        value = value.strip()
        if len(value) > self.limit:
            at.add(line, name, f"is too long ({len(value)} characters; keep it under {self.limit})")
            return None
        return value

    def schema(self, settings):
        return {"type": "string", "maxLength": self.limit}


class Slug(Text):
    """Becomes part of the site's addresses: /services/<slug>/."""

    def check(self, value, line, name, at):
        slug = super().check(value, line, name, at)
        if slug is not None and not _SLUG.fullmatch(slug):
            at.add(line, name, f"must be lower-case letters, digits and hyphens, like "
                   f"'gaia-centre' (got {quote(slug)})")
            return None
        if slug is not None and len(slug) > 150:
            at.add(line, name, f"is too long ({len(slug)} characters; keep it under 150)")
        return slug

    def schema(self, settings):
        return {"type": "string", "pattern": _SLUG.pattern, "maxLength": 150}


class Markdown(Text):
    """Returns (the text as written, its HTML)."""

    def check(self, value, line, name, at):
        text = super().check(value, line, name, at)
        if text is None:
            return None
        html, issues = to_html(text)
        for issue in issues:
            at.add(line, name, issue)
        return text, html


class Url(Text):
    """A complete https:// address. site.yaml words it its own way: `expected` names what it
    must be, and `https_first` says "must start with https://" before any other problem."""

    def __init__(self, doc: str = "", expected: str = "a web address starting with https://",
                 https_first: bool = False):
        super().__init__(MAX_URL, doc)
        self.expected, self.https_first = expected, https_first

    def check(self, value, line, name, at):
        url = super().check(value, line, name, at)
        if url is not None and self.https_first and not url.startswith("https://"):
            at.add(line, name, f"must start with https:// (got {quote(url)})")
            return None
        wrong = url is not None and address_problem(url, self.expected)
        if wrong:
            at.add(line, name, wrong)
            return None
        return url

    def schema(self, settings):
        return {"type": "string", "format": "uri", "pattern": "^https?://", "maxLength": self.limit}


class Email(Text):
    def __init__(self, limit: int = TEXT_LIMIT, doc: str = "",
                 expected: str = "an email address like name@example.org"):
        super().__init__(limit, doc)
        self.expected = expected

    def check(self, value, line, name, at):
        address = super().check(value, line, name, at)
        if address is not None and not _EMAIL.match(address):
            at.add(line, name, f"must be {self.expected} (got {quote(address)})")
            return None
        return address

    def schema(self, settings):
        return {"type": "string", "format": "email", "maxLength": self.limit}


class PhoneNumber(Text):
    """Returns (the number as written, its tel: URI) for a UK or +international number."""

    def check(self, value, line, name, at):
        number = super().check(value, line, name, at)
        if number is None:
            return None
        # Shown as written: the digits 0 to 9 only.
        if not number.isascii() and any(c.isdigit() and not c.isascii() for c in number):
            at.add(line, name, f"must be written with the digits 0 to 9 (got {quote(number)})")
            return None
        href = _tel(number)
        if href:
            return number, href
        at.add(line, name, f"must be a UK phone number, or an international one "
               f"starting with + (got {quote(number)})")
        return None

    def schema(self, settings):
        # An editor reads an unquoted 999 or 08000000000 as a number: both are allowed.
        return {"type": ["string", "integer"], "pattern": "^[0-9+ ()-]+$"}


@functools.lru_cache(maxsize=4096)  # helplines and switchboards recur in many listings
def _tel(number: str) -> str | None:
    """The tel: URI of a UK or +international number, or None if it is not one."""
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(parsed):
        return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    if not number.startswith("+") and \
            shortnumberinfo.is_valid_short_number_for_region(parsed, "GB"):
        return "tel:" + str(parsed.national_number)  # 999, 101, 116 123
    return None


class Choice(Field):
    """One or more words from a vocabulary: a tuple, or the name of one in site.yaml.

    `expected`, when given, is said instead of listing the vocabulary: "must be residents or
    professionals"."""

    def __init__(self, vocabulary: tuple[str, ...] | str, one: bool = False, doc: str = "",
                 expected: str = ""):
        self.vocabulary, self.one, self.doc, self.expected = vocabulary, one, doc, expected

    def allowed(self, settings):
        return getattr(settings, self.vocabulary) if isinstance(self.vocabulary, str) \
            else self.vocabulary

    def check(self, value, line, name, at):
        allowed, out = self.allowed(at.settings), []
        for item, item_line in items(value, line, name, at):
            if isinstance(item, str) and item in allowed:
                # One string for each word however many listings use it: less to keep, and
                # to send back from the child process that reads the listings.
                out.append(sys.intern(item))
            elif self.expected:
                at.add(item_line, name, f"must be {self.expected}" + did_you_mean(item, allowed))
            else:
                at.add(item_line, name, f"unknown value {quote(item)}" + did_you_mean(item, allowed)
                       + f" (expected one of: {', '.join(list(allowed)[:8])}"
                       + (", ...)" if len(allowed) > 8 else ")"))
        if self.one:
            return out[0] if out else None
        return tuple(out) or None

    def schema(self, settings):
        word = {"enum": list(self.allowed(settings))}
        return word if self.one else one_or_list(word)


class Flag(Field):
    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value, line, name, at):
        word = value.strip().lower() if isinstance(value, str) else None
        if word in ("true", "yes", "false", "no"):
            return word in ("true", "yes")
        at.add(line, name, f"must be true or false (got {quote(value)})")
        return None

    def schema(self, settings):
        return {"enum": [True, False, "yes", "no"]}


class Age(Field):
    def check(self, value, line, name, at):
        # isascii and isdecimal: '²' is a digit to isdigit(), but int() cannot read it.
        if isinstance(value, str) and value.isascii() and value.isdecimal() and int(value) <= 120:
            return int(value)
        at.add(line, name, f"must be a whole number from 0 to 120 (got {quote(value)})")
        return None

    def schema(self, settings):
        return {"type": "integer", "minimum": 0, "maximum": 120}


class Time(Field):
    """A 24-hour time, kept as written."""

    def check(self, value, line, name, at):
        if not (isinstance(value, str) and _TIME.fullmatch(value)):
            at.add(line, name, f"must be a 24-hour time like '09:00' (got {quote(value)})")
        return value

    def schema(self, settings):
        return {"type": "string", "pattern": f"^{_TIME.pattern}$"}


class Day(Text):
    """A date written YYYY-MM-DD, not after today."""

    def check(self, value, line, name, at):
        text = super().check(value, line, name, at)
        try:
            day = dt.date.fromisoformat(text) if text and _DATE.fullmatch(text) else None
        except ValueError:
            day = None
        if day is None:
            at.add(line, name, f"must be a date written YYYY-MM-DD (got {quote(text)})")
        elif day > at.today:
            at.add(line, name, f"{text} is in the future (expected the date it was last checked)")
            day = None
        return day

    def schema(self, settings):
        return {"type": "string", "format": "date"}


class List(Field):
    """Items of one kind; a single item may be written without the list."""

    def __init__(self, of: Field, make: Callable = tuple, doc: str = ""):
        self.of, self.make, self.doc = of, make, doc

    def check(self, value, line, name, at):
        return self.make(tuple(filter(None, (self.of.check(item, item_line, name, at)
                                             for item, item_line in items(value, line, name, at)))))

    def schema(self, settings):
        return one_or_list(self.of.schema(settings))


Rule = Callable[[dict, YamlMap, str, object], None]


class Shape(Field):
    """A mapping of named fields, made into an object by `make` once every field is read."""

    def __init__(self, fields: dict[str, Field], make: Callable, required: tuple[str, ...] = (),
                 rules: tuple[Rule, ...] = (), doc: str = ""):
        self.fields, self.make, self.required, self.rules, self.doc = \
            fields, make, required, rules, doc

    def check(self, value, line, name, at):
        if not isinstance(value, YamlMap):
            at.add(line, name, f"must be a mapping with {', '.join(self.fields)}")
            return None
        unknown = unknown_keys(value, self.fields)
        for key, key_line, hint in unknown:
            at.unknown(key_line, name, key, hint)
        missing = [key for key in self.required if key not in value]
        if not unknown:  # a misspelt key was reported already: "is required" would only confuse
            for key in missing:
                at.add(line, at.key(name, key), "is required")
        values = {key: field.check(value[key], value.lines[key], at.key(name, key), at)
                  for key, field in self.fields.items() if key in value}
        for rule in self.rules:
            rule(values, value, name, at)
        if missing or any(values.get(key) is None for key in self.required):
            return None
        return self.make(values)

    def schema(self, settings):
        properties = {}
        for key, field in self.fields.items():
            properties[key] = field.schema(settings)
            if field.doc:
                properties[key] = {"description": field.doc, **properties[key]}
        out = {"type": "object", "properties": properties, "additionalProperties": False}
        if self.required:
            out["required"] = list(self.required)
        return out


class Either(Field):
    """A word that stands for a whole value (24/7), or a value of another shape."""

    def __init__(self, word: str, meaning, other: Field, expected: str, doc: str = ""):
        self.word, self.meaning, self.other, self.expected, self.doc = \
            word, meaning, other, expected, doc

    def check(self, value, line, name, at):
        if isinstance(value, str):
            if value.strip() == self.word:
                return self.meaning
            at.add(line, name, f"must be {self.expected} (got {quote(value)})")
            return None
        return self.other.check(value, line, name, at)

    def schema(self, settings):
        return {"anyOf": [{"const": self.word}, self.other.schema(settings)]}


def names(field: Field) -> list[str]:
    """Every key a field's nested shapes may hold, depth first (for the docs' field table)."""
    found = []
    for key, inner in getattr(field, "fields", {}).items():
        found += [key] + names(inner)
    for inner in (getattr(field, "of", None), getattr(field, "other", None)):
        found += names(inner) if inner else []
    return found

