"""Small field types for the listing format: each checks one YAML value, says what is wrong
in the words staff see, and describes itself as JSON Schema for editors.

A field's `check(value, line, name, at)` returns the value to use, or None after reporting
why it cannot be used with `at.add(line, name, message)`. `at` is a Reader: it carries
`settings` (the vocabularies) and `today`, and says how its file names a value (listings say
`phones.number: ...`, site.yaml `embed: 'lambeth': name: ...`, front matter `title is ...`),
so the same types read listings, settings and front matter. A type whose sentence needs the
name as its subject ("accent must be a colour") writes it whole: `at.add(line, "", ...)`.

Here are the general types and the shapes they make (Text, Choice, List, Shape, ...);
textformats.py has text in a set form (Slug, Url, PhoneNumber, Day, ...), and sitefields.py
the types that only site.yaml uses (Number, Colour, ...).
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from typing import Callable

from .problems import Problem, did_you_mean, meant, quote, unknown_keys
from .yamlfile import YamlList, YamlMap

TEXT_LIMIT = 1000  # characters, unless a field says otherwise


def listed(text: str) -> list[str]:
    """The values of a text written as several, split at commas or semicolons outside
    brackets: 'lambeth, lewisham' is two; 'Chinese (Mandarin, Cantonese)' is one."""
    return [p.strip() for p in re.split(r"[,;](?![^()]*\))", text) if p.strip()]
# A whole value inside curly quotes, with none between them: “Refuge”, not “Safe” or “Home”.
_CURLY = re.compile(r"“[^“”]*”|‘[^‘’]*’")


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
        if value in ("null", "Null", "NULL", "~"):
            # YAML's word for nothing: the page would show "null" or "~".
            at.add(line, name, f"is {quote(value)}, YAML's word for nothing: give a value, or "
                               "leave the field out")
            return None
        if value[:1] in "“‘" and _CURLY.fullmatch(value):  # (every text value: kept cheap)
            # Pasted from a document: it would be published with them, or not dial or link.
            at.add(line, name, "is inside curly quotes (“…”), which YAML keeps as part of the "
                               "value: use straight quotes (\"…\") or none")
            return None
        if len(value) > self.limit:
            at.add(line, name, f"is too long ({len(value)} characters; keep it under {self.limit})")
            return None
        return value

    def schema(self, settings):
        return {"type": "string", "maxLength": self.limit}


class Word(Text):
    """One item of a list of words (a language, a keyword): several written as one,
    'English, Polish', would be published as one language named so."""

    def check(self, value, line, name, at):
        word = super().check(value, line, name, at)
        several = listed(word or "")
        if len(several) > 1:
            at.add(line, name, "several values go in square brackets, with commas: "
                               f"[{', '.join(several)}]")
            return None
        return word


class Choice(Field):
    """One or more words from a vocabulary: a tuple, or the name of one in site.yaml.

    `expected`, when given, is said instead of listing the vocabulary: "must be residents or
    professionals"."""

    def __init__(self, vocabulary: tuple[str, ...] | str, one: bool = False, doc: str = "",
                 expected: str = "", groups: dict[str, tuple[str, ...]] | None = None,
                 left_out: str = ""):
        self.vocabulary, self.one, self.doc, self.expected = vocabulary, one, doc, expected
        self.groups = groups or {}  # words for several values: weekdays, [mon, ..., fri]
        self.left_out = left_out  # what leaving the field out means, said for '' or 'any'

    def allowed(self, settings):
        return getattr(settings, self.vocabulary) if isinstance(self.vocabulary, str) \
            else self.vocabulary

    def check(self, value, line, name, at):
        allowed, out = self.allowed(at.settings), []
        unknown: dict[int, list] = {}  # by line: told once for [Mon, Tue, Wed]
        if self.one and (isinstance(value, YamlList) and len(value) > 1 or isinstance(
                value, str) and "," in value and all(p.strip() in allowed for p in value.split(","))):
            # Keeping the first would silently drop the others (women and men: women only).
            at.add(line, name, "takes one value, not a list (for several groups, give each "
                               "its own '- ' item)" if name.endswith("gender") else
                               "takes one value, not a list")
            return None
        for item, item_line in items(value, line, name, at):
            if self.left_out and isinstance(item, str) and item.strip().lower() in ("", "any"):
                at.add(item_line, name, f"leave it out {self.left_out} (got {quote(item)})")
            elif isinstance(item, str) and item in allowed:
                # One string for each word however many listings use it: less to keep, and
                # to send back from the child process that reads the listings.
                out.append(sys.intern(item))
            elif not self.one and isinstance(item, str) and \
                    (several := self._several(item, allowed)):
                at.add(item_line, name, several)
            elif self.expected:
                at.add(item_line, name, f"must be {self.expected}" + did_you_mean(item, allowed))
            else:
                unknown.setdefault(item_line, []).append(item)
        for item_line, written in unknown.items():
            at.add(item_line, name, self._unknown(written, allowed))
        if self.one:
            return out[0] if out else None
        return tuple(out) or None

    @staticmethod
    def _unknown(written: list, allowed) -> str:
        """What to say of the unknown values on one line."""
        expected = f" (expected one of: {', '.join(list(allowed)[:8])}" + \
            (f", ... all {len(allowed)} in site.yaml)" if len(allowed) > 8 else ")")
        if len(written) == 1:
            return f"unknown value {quote(written[0])}" + did_you_mean(written[0], allowed) + \
                expected
        found = [meant(item, allowed) for item in written]
        return f"unknown values {', '.join(quote(item) for item in written)}" + \
            (f" (did you mean {', '.join(map(quote, found))}?)" if all(found) else "") + expected

    def _several(self, item: str, allowed) -> str:
        """What to say of one value that is several written as one: 'lambeth, lewisham' or
        'lewisham lambeth' (one suggestion would silently drop the other), or a range of a
        fixed order, 'mon-fri'; else ''."""
        several = listed(item)
        if len(several) < 2:
            several = item.split()
            if len(several) < 2 or not all(p in allowed for p in several):
                several = []
        group = self.groups.get(item.strip().lower())
        if group:
            return f"write each value: [{', '.join(group)}]"
        span = re.fullmatch(r"(\w+)\s*(?:-|–|\bto\b)\s*(\w+)", item.strip())
        ends = [meant(p, allowed) for p in span.groups()] if span else []
        if not several and ends and isinstance(self.vocabulary, tuple) and all(ends):
            first, last = (self.vocabulary.index(p) for p in ends)
            if first < last:
                return f"write each value: [{', '.join(self.vocabulary[first:last + 1])}]"
        if not several:
            return ""
        unknown = [f"{quote(p)} is not one" + did_you_mean(p, allowed)
                   for p in several if p not in allowed]
        return f"several values go in square brackets, with commas: [{', '.join(several)}]" + \
            (f" ({'; '.join(unknown)})" if unknown else "")

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


class List(Field):
    """Items of one kind; a single item may be written without the list."""

    def __init__(self, of: Field, make: Callable = tuple, doc: str = ""):
        self.of, self.make, self.doc = of, make, doc
        if isinstance(of, Shape):
            of.item = True  # each written '- key: value' (see Shape.check)

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
        self.item = False  # an item of a List, which says so

    def check(self, value, line, name, at):
        if not isinstance(value, YamlMap):
            first = (self.required or tuple(self.fields))[0]
            at.add(line, name, f"must be written as fields, each on a line of its own, the "
                               f"first starting '{'- ' * self.item}{first}: ' (it may have "
                               f"{', '.join(self.fields)}; got {quote(value)})")
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

