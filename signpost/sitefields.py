"""The field types that only site.yaml uses: a number in a range, text taken exactly as
written (for response headers), a colour dark enough to read on white, and the mapping of
slug to entry that holds site.yaml's vocabularies and embeds. They follow the protocol of
fields.py, so site.yaml is read by the same Shape as the listings, in its own wording."""
from __future__ import annotations

import re
from typing import Callable

from .fields import Field, Shape, Text
from .problems import quote
from .yamlfile import YamlMap

ONS_CODE = re.compile(r"[EWSN][0-9]{8}")  # a GSS code: the nation's letter, then 8 digits
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}", re.ASCII)
_KEY_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*", re.ASCII)


class Number(Field):
    """A whole number from low to high, written with the digits 0 to 9."""

    def __init__(self, low: int, high: int, doc: str = ""):
        self.low, self.high, self.doc = low, high, doc

    def check(self, value, line, name, at):
        # isascii and isdecimal: '²' is a digit to isdigit(), but int() cannot read it.
        if isinstance(value, str) and value.isascii() and value.isdecimal() \
                and self.low <= int(value) <= self.high:
            return int(value)
        at.add(line, name, f"must be a whole number from {self.low} to {self.high}")
        return None

    def schema(self, settings):
        return {"type": "integer", "minimum": self.low, "maximum": self.high}


class OnsCode(Text):
    """An area's code in the ONS's statistics, as the place finder's tables give it."""

    def check(self, value, line, name, at):
        code = super().check(value, line, name, at)
        if code is not None and not ONS_CODE.fullmatch(code):
            at.add(line, name, f"must be an ONS code like E09000023: a capital letter and 8 "
                               f"digits (got {quote(code)})")
            return None
        return code


class Verbatim(Field):
    """Text taken exactly as written, not trimmed: for values that go into response headers,
    where a stray space or line end must be refused rather than quietly cut off."""

    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value, line, name, at):
        if not isinstance(value, str):
            at.add(line, name, "must be text, not a list or a mapping")
            return None
        return value

    def schema(self, settings):
        return {"type": "string"}


def contrast_on_white(hex_colour: str) -> float:
    """WCAG contrast ratio of a colour written #rrggbb against white."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


class Colour(Field):
    """A colour for links and borders on white, dark enough to read (WCAG AA: 4.5:1)."""

    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value, line, name, at):
        if isinstance(value, str) and _HEX_COLOUR.fullmatch(value) \
                and contrast_on_white(value) >= 4.5:
            return value
        at.add(line, "", f"{name} must be a colour like #1d4f91 with a contrast of at least "
               f"4.5:1 on white (got {quote(value)})")
        return None

    def schema(self, settings):
        return {"type": "string", "pattern": f"^{_HEX_COLOUR.pattern}$"}


class Entries(Field):
    """A mapping of slug to an entry of one shape, like site.yaml's areas; each entry is
    named by its slug (`areas: 'camden': name: ...`) and made by make(slug, values).

    :param needs: what an entry without the shape's required keys is told it needs.
    :param short: the key that an entry written as plain text stands for (camden: Camden).
    :param slugs: check that each key is a slug; False when a rule checks the keys instead.
    """

    def __init__(self, of: Shape, make: Callable, expected: str, needs: str, short: str = "",
                 slugs: bool = True, doc: str = ""):
        self.of, self.make, self.expected, self.needs, self.short, self.slugs, self.doc = \
            of, make, expected, needs, short, slugs, doc

    def check(self, value, line, name, at):
        if not isinstance(value, YamlMap) or not value:
            at.add(line, name, f"must be {self.expected}")
            return None
        out = {}
        for slug, entry in value.items():
            slug_line = value.lines[slug]
            # Slugs become folders of the site (/areas/<slug>/): plain words only, never a path.
            if self.slugs and not (_KEY_SLUG.fullmatch(slug) and len(slug) <= 60):
                at.add(slug_line, name, f"{quote(slug)} must be lower-case letters, digits and "
                       "hyphens, like 'barking-and-dagenham' (it becomes part of the site's "
                       "addresses)")
                continue
            if isinstance(entry, str) and self.short:
                entry = YamlMap({self.short: entry})
                entry.line, entry.lines = slug_line, {self.short: slug_line}
            if not isinstance(entry, YamlMap) or not all(entry.get(k) for k in self.of.required):
                at.add(slug_line, name, f"'{slug}' {self.needs}")
                continue
            values = self.of.check(entry, slug_line, at.key(name, f"'{slug}'"), at)
            if values is not None:
                out[slug] = self.make(slug, values)
        return out

    def schema(self, settings):
        return {"type": "object", "propertyNames": {"pattern": f"^{_KEY_SLUG.pattern}$"},
                "additionalProperties": self.of.schema(settings)}
