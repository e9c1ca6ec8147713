"""Field types for text written in a set form: a slug, Markdown, a web or email address, a
phone number, an age, a time, a date. Each checks that one value is written as its form asks,
says what is wrong as fields.py describes, and returns the value in the form the site uses
(a phone number with its tel: URI, Markdown with its HTML, a date as a date)."""
from __future__ import annotations

import datetime as dt
import re

from .addresses import MAX_URL, address_problem, is_email, tel_uri
from .fields import TEXT_LIMIT, Field, Text
from .markup import issue_line, to_html
from .problems import quote

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")  # fullmatch: '09:00\n' is not a time
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Slug(Text):
    """Becomes part of the site's addresses: /services/<slug>/."""

    def check(self, value, line, name, at):
        slug = super().check(value, line, name, at)
        if slug is not None and not _SLUG.fullmatch(slug):
            ends = re.fullmatch(r"[a-z0-9-]+", slug) is not None  # only a hyphen out of place
            at.add(line, name, "must not start or end with a hyphen, or have two together "
                   f"(got {quote(slug)})" if ends else "must be lower-case letters, digits "
                   f"and hyphens, like 'gaia-centre' (got {quote(slug)})")
            return None
        if slug is not None and len(slug) > 150:
            at.add(line, name, f"is too long ({len(slug)} characters; keep it under 150)")
        return slug

    def schema(self, settings):
        return {"type": "string", "pattern": _SLUG.pattern, "maxLength": 150}


class Markdown(Text):
    """Returns (the text as written, its HTML), the HTML's headings from <h3>: it sits
    under a service page's "About the service"."""

    def check(self, value, line, name, at):
        text = super().check(value, line, name, at)
        if text is None:
            return None
        html, issues = to_html(text, top=3)
        # Text written after 'key: |' starts on the line below the key's.
        below = "\n" in value
        for issue in issues:
            at.add(line + below + issue_line(text, issue), name, issue)
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
        if address is not None and not is_email(address):
            at.add(line, name, f"must be {self.expected} (got {quote(address)})")
            return None
        return address

    def schema(self, settings):
        return {"type": "string", "format": "email", "maxLength": self.limit}


_AS_WRITTEN = re.compile(r"[0-9+ ()-]+")  # the schema's pattern for a number (see schema)


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
        href = tel_uri(number)
        if href and not _AS_WRITTEN.fullmatch(number):
            # Shown as written, and what the schema editors use allows: "ext. 2", Word's
            # curly quotes or a non-breaking space would be a number the link does not dial.
            dash = next((c for c in "–—‑" if c in number), "")
            at.add(line, name, "a non-breaking space (pasted from a document) is not a space: "
                   "type the spaces in this number again" if "\xa0" in number else
                   f"a dash from a document ({dash!r}) is not a hyphen: type '-' or a space "
                   f"instead (got {quote(number)})" if dash else
                   "must be written with the digits 0 to 9, spaces, brackets, + and - only: "
                   f"put an extension or other words in the label or the hours "
                   f"(got {quote(number)})")
            return None
        if href:
            return number, href
        at.add(line, name, f"must be a UK phone number, or an international one "
               f"starting with + (got {quote(number)})")
        return None

    def schema(self, settings):
        # An editor reads an unquoted 999 or 08000000000 as a number: both are allowed.
        return {"type": ["string", "integer"], "pattern": f"^{_AS_WRITTEN.pattern}$"}


class Age(Field):
    def check(self, value, line, name, at):
        # isascii and isdecimal: '²' is a digit to isdigit(), but int() cannot read it.
        if isinstance(value, str) and value.isascii() and value.isdecimal() and int(value) <= 120:
            return int(value)
        over = re.fullmatch(r"(\d{1,3})\s*\+|(?:over|from)\s+(\d{1,3})", str(value).strip(), re.I)
        under = re.fullmatch(r"under\s+(\d{1,3})", str(value).strip(), re.I)
        hint = f": for {over.group(1) or over.group(2)} and over, write min_age: " \
               f"{over.group(1) or over.group(2)}" if over else \
            f": for under {under.group(1)}, write max_age: {int(under.group(1)) - 1}" \
            if under and int(under.group(1)) > 0 else ""
        at.add(line, name, f"must be a whole number from 0 to 120 (got {quote(value)}){hint}")
        return None

    def schema(self, settings):
        return {"type": "integer", "minimum": 0, "maximum": 120}


class Time(Field):
    """A 24-hour time, kept as written."""

    def check(self, value, line, name, at):
        if not (isinstance(value, str) and TIME.fullmatch(value)):
            at.add(line, name, f"must be a 24-hour time like '09:00' (got {quote(value)})"
                   + (": for midnight, write '00:00'" if value == "24:00" else ""))
        return value

    def schema(self, settings):
        return {"type": "string", "pattern": f"^{TIME.pattern}$"}


class Day(Text):
    """A date written YYYY-MM-DD, not after today."""

    def check(self, value, line, name, at):
        text = super().check(value, line, name, at)
        written = bool(text and _DATE.fullmatch(text))
        try:
            day = dt.date.fromisoformat(text) if written else None
        except ValueError:
            day = None
        if day is None and written:  # 2026-11-31, 2026-13-01
            at.add(line, name, f"{text} is not a day of the calendar: check the month (the "
                               "middle number) and the day (the last)")
        elif day is None:
            at.add(line, name, f"must be a date written YYYY-MM-DD (got {quote(text)})")
        elif day > at.today:
            at.add(line, name, f"{text} is in the future (expected the date it was last checked)")
            day = None
        return day

    def schema(self, settings):
        return {"type": "string", "format": "date"}
