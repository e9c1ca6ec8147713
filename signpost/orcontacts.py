"""How to reach an imported service: its phones (with their own hours), e-mails, web
addresses and referral routes. Each is checked on its own, so one bad number or placeholder
address is left out (and said) without losing the service."""
from __future__ import annotations

import re

from .orfeed import as_dict, as_dicts, as_text, codes
from .orhours import opening_hours
from .ortext import placeholder_email, placeholder_url, plain
from .oryaml import Checker
from .servicerecord import OUT_OF_HOURS_TERM, ROUTE_TERMS


def phones(record: dict, ours: bool, phone_schedules: list[dict], check: Checker,
           notes: list[str]) -> list[dict]:
    """Every phone that passes the checker, once each, with its label and hours.

    :param ours: the record is from our own feed, whose descriptions are "label – hours".
    :param phone_schedules: the service's phone-only schedules, for phones without their own.
    """
    found, numbers = [], set()
    sources = list(_phone_sources(record))
    if phone_schedules and len({_digits(_number(p)) for p, _ in sources
                                if _number(p) and not _is_fax(p)}) > 1:
        # Which of several numbers do the service's phone hours belong to? The feed does not
        # say: giving them to every phone would tell residents a 24-hour line closes at 5.
        notes.append("the service's phone hours were given to no phone: it has more than one "
                     "number and the feed does not say whose hours they are")
        phone_schedules = []
    for phone, who in sources:
        number = _number(phone)
        if not number:
            continue
        ext = as_text(phone.get("extension"))
        description = plain(as_text(phone.get("description")))
        own_label, _, hours = description.partition(" – ") if ours else (description, "", "")
        if not ours and (len(own_label) > 40 or "." in own_label.rstrip(".")):
            # A sentence, not a label: kept as words beside the number.
            own_label, hours = "", description
        label = " – ".join(filter(None, [who, own_label])) or \
            {"text": "Text", "textphone": "Textphone", "fax": "Fax"}.get(
                as_text(phone.get("type")).lower(), "Phone")
        if _is_fax(phone):
            notes.append(f"fax number {number} left out")
            continue
        entry = {"label": label[:80], "number": number}
        if OUT_OF_HOURS_TERM in codes(as_dicts(phone.get("attributes")), "kind"):
            entry["out_of_hours"] = True
        if ext:
            entry["hours"] = f"Extension {ext}."
        if hours:
            entry["hours"] = " ".join(filter(None, [entry.get("hours"), hours]))
        words: list[str] = []
        own_hours = opening_hours(as_dicts(phone.get("schedules")) or phone_schedules, words,
                                  check, notes)
        if own_hours:
            entry["opening_hours"] = own_hours
        if words:
            entry["hours"] = " ".join(filter(None, [entry.get("hours"), "; ".join(words)]))
        key = _digits(number)
        if key in numbers:
            continue
        if not _passes(check, "phones", [entry], f"phone {number[:30]!r}", notes):
            continue
        numbers.add(key)
        found.append(entry)
    return found


def _number(phone: dict) -> str:
    return as_text(phone.get("number")).strip("\"' ")


def _digits(number: str) -> str:
    """The number as dialled, so that one number written two ways is one phone."""
    return re.sub(r"\D", "", number)


def _is_fax(phone: dict) -> bool:
    return as_text(phone.get("type")).lower() == "fax"


def _phone_sources(record: dict):
    """Every phone with the label it should carry: the service's, its contacts', its
    locations' and its organisation's."""
    for phone in as_dicts(record.get("phones")):
        yield phone, ""
    for contact in as_dicts(record.get("contacts")):
        who = _who(contact)
        for phone in as_dicts(contact.get("phones")):
            yield phone, who
    for sal in as_dicts(record.get("service_at_locations")):
        location = as_dict(sal.get("location"))
        for phone in as_dicts(sal.get("phones")) + as_dicts(location.get("phones")):
            yield phone, plain(as_text(location.get("name")))
    org = as_dict(record.get("organization"))
    for phone in as_dicts(org.get("phones")):
        yield phone, plain(as_text(org.get("name")))


def _who(contact: dict) -> str:
    return plain(as_text(contact.get("name")) or as_text(contact.get("title")))


def emails(record: dict, check: Checker, notes: list[str]) -> list[dict]:
    """The service's and its contacts' e-mail addresses that are real and pass the checker."""
    contacts = [(_who(c) or "Email", as_text(c.get("email")))
                for c in as_dicts(record.get("contacts"))]
    own = as_text(record.get("email"))
    # The service's own address, with the label of a contact that has it (our feed's do).
    found = [(next((label for label, address in contacts if address.lower() == own.lower()),
                   "Email"), own)] + contacts
    kept, seen = [], set()
    for label, address in found:
        if not address or address.lower() in seen:
            continue
        seen.add(address.lower())
        if placeholder_email(address):
            notes.append(f"e-mail {address[:60]!r} looks like a placeholder: left out")
            continue
        entry = {"label": label[:80], "address": address}
        if not _passes(check, "emails", [entry], f"e-mail {address[:60]!r}", notes):
            continue
        kept.append(entry)
    return kept


def url_ok(url: str, what: str, check: Checker, notes: list[str]) -> bool:
    """Whether a web address may be imported; if not, a note says why."""
    if url.lower().startswith("http://"):
        # Never upgraded to https silently: the secure address may not exist.
        notes.append(f"{what} {url[:80]!r} is not https: left out")
        return False
    if placeholder_url(url):
        notes.append(f"{what} {url[:80]!r} is a placeholder: left out")
        return False
    return _passes(check, "website", url, what, notes)


def _passes(check: Checker, key: str, value, what: str, notes: list[str]) -> bool:
    """Whether the checker accepts this field; if not, a note names what and why."""
    problems = check.field(key, value)
    if problems:
        notes.append(f"{what} left out: {'; '.join(problems)}")
    return not problems


def referral(record: dict, attributes: list[dict], check: Checker, notes: list[str]) -> dict:
    """How to be referred: our routes, the referral forms and the application process."""
    routes = [r for r in codes(attributes, "referral_route") if r in ROUTE_TERMS]
    forms = []
    for a in attributes:
        if as_text(a.get("link_type")) == "referral_form":
            url = as_text(a.get("value"))
            label = plain(as_text(as_dict(a.get("taxonomy_term")).get("name"))) or "Referral form"
            if url and url_ok(url, "referral form", check, notes):
                forms.append({"label": label, "url": url})
    how = plain(as_text(record.get("application_process")))
    return {k: v for k, v in (("routes", list(dict.fromkeys(routes))), ("how", how),
                              ("forms", forms)) if v}
