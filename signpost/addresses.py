"""Web addresses, origins, email addresses and phone numbers from settings, listings,
Markdown and the command line.

None of them is trusted: they land in links, the Exit button and response headers, so each
is checked whole (one line, a scheme, a host) rather than by how it starts."""
from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import shortnumberinfo

from .problems import quote

# Plain http only for this machine: the tests serve the exit destination and a borough
# page there. Everything a resident can reach is https.
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+\.?", re.ASCII)
_ORIGIN = re.compile(r"(https?)://(\[::1\]|[a-z0-9.-]+)(:[0-9]{1,5})?", re.ASCII)
# No "%" before the @: a%evil.example@example.org is the old "percent hack", which some mail
# servers still pass on to evil.example.
_EMAIL = re.compile(r"[A-Za-z0-9._+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", re.ASCII)
MAX_URL = 2000
# What a web address cannot hold as it is (RFC 3986): a browser would change it, and quotes
# and angle brackets are how text breaks out of an attribute.
_NOT_IN_URL = re.compile(r'["<>\\^`{|}]')


def address_problem(url, expected: str = "a web address starting with https://",
                    loopback_http: bool = False) -> str | None:
    """Return what is wrong with url as a complete https:// address with a host, or None.

    :param loopback_http: also accept http://127.0.0.1 and http://localhost (tests only).
    """
    wrong = f"must be {expected} (got {quote(url)})"
    # No white space or unprintable character: every white space but " " is unprintable.
    if not isinstance(url, str) or len(url) > MAX_URL or " " in url or not url.isprintable():
        return wrong
    try:
        parts = urlsplit(url)
        parts.port  # a port that is not a number raises here
    except ValueError:  # e.g. https://[example.org/
        return wrong
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None:
        # https://www.nhs.uk@evil.example/ goes to evil.example.
        return (f"must not have a name or password before the host: it would go to "
                f"{quote(host)} (got {quote(url)})")
    odd = _NOT_IN_URL.search(url)
    if odd:
        return (f"has a character a web address cannot have ({quote(odd.group())}): copy the "
                f"address again from the browser's address bar (got {quote(url)})")
    if not host.isascii():
        return ("must write an international domain in its xn-- form, so that look-alike "
                f"letters cannot pass for another site (got {quote(url)})")
    if parts.scheme == "http" and loopback_http and host in LOOPBACK:
        return None
    if parts.scheme != "https" or not _HOST.fullmatch(host):
        return wrong
    end = re.search(r"[.,;:!'\")]+$", url)
    if end and (end.group().strip(")") or url.count(")") > url.count("(")):
        # https://www.refuge.org.uk/get-help), copied from a sentence: another page.
        return (f"ends with {quote(end.group())}, most likely copied with it from a sentence: "
                f"leave it out (got {quote(url)})")
    return None


def is_origin(origin) -> bool:
    """True for scheme://host[:port] alone: https, or http on this machine (tests only)."""
    match = _ORIGIN.fullmatch(origin) if isinstance(origin, str) else None
    if not match:
        return False
    scheme, host = match.group(1), match.group(2)
    if scheme == "http":
        return host.strip("[]") in LOOPBACK
    return bool(_HOST.fullmatch(host))


def is_email(address: str) -> bool:
    """True for one email address alone: nothing before or after it (no second address, no
    ?bcc= or ?body= to add to a message)."""
    return bool(_EMAIL.fullmatch(address))


RELAY = "18001"  # Relay UK, dialled before a number to reach it by text


@functools.lru_cache(maxsize=4096)  # helplines and switchboards recur in many listings
def tel_uri(number: str) -> str | None:
    """The tel: URI of a UK or +international number, or None if it is not one. A UK number
    after Relay UK's prefix (18001 101, from a textphone or the Relay UK app) is one too."""
    compact = re.sub(r"[ ()-]", "", number)
    if compact.startswith(RELAY) and not compact.startswith(RELAY, 5):
        # The number dialled after it as written in the UK: a short one, or one from 0.
        called = tel_uri(compact[5:]) if compact[5:6] in ("0", "1", "9") else None
        return f"tel:{compact}" if called and (
            not called.startswith("tel:+") or called.startswith("tel:+44")) else None
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
