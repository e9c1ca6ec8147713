"""Import Open Referral (HSDS 3.0, ORUK 3.0 and the older ORUK v1 shape) into listing entries
for services.yaml.

Everything in a feed is untrusted and often untidy: nulls or strings where objects are
expected, HTML descriptions, placeholder e-mails, UTC times. Each piece of a service is
judged by the project's own checker (listingformat.py) before it is kept, and the whole entry is
checked again, so the import writes only entries that pass `check`. Whatever is dropped or
cannot be mapped is said, one line per service and reason. Reading the feed is orfeed.py;
the pieces of an entry are mapped by ortext, orhours, orcontacts and orwho; oryaml.py writes
the entries and asks the checker.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .orcontacts import emails, phones, referral, url_ok
from .orfeed import as_dict, as_dicts, as_text, codes
from .orhours import service_hours
from .ortext import plain, plain_paragraphs, shortened, summary, to_markdown
from .orwho import eligibility, languages, served_areas
from .listingformat import FORMAT
from .oryaml import Checker
from .servicerecord import HARM_TERM, REPORTING_TERM, uid
from .settings import Settings

# Fields this import reads; any other field with a value is named as not mapped.
MAPPED = {"id", "name", "status", "description", "url", "email", "alert",
          "eligibility_description", "minimum_age", "maximum_age", "assured_date",
          "application_process", "organization", "organization_id", "phones", "contacts",
          "service_areas", "languages", "schedules", "attributes", "regular_schedules",
          "last_modified", "assurer_email"}
# Words that say a service is for people who harm, when the other directory does not mark it.
_HARM_WORDS = re.compile(r"\bperpetrators?\b|\bbehaviour[- ]change\b|\babusive behaviour\b|"
                         r"\bdomestic abuse (?:prevention )?programme\b", re.I)
_OUR_PAGE = re.compile(r"/services/([a-z0-9]+(?:-[a-z0-9]+)*)/?$")


@dataclass
class Imported:
    """What an import made: the entries, and what it said about the rest."""

    entries: list[dict]
    notes: list[str]  # per service: what was dropped or not mapped
    skipped: list[str]  # one line per service not imported


def import_services(records: list[dict], settings: Settings, today: dt.date,
                    areas: tuple[str, ...] = (), taken: frozenset[str] = frozenset()
                    ) -> Imported:
    """Turn Open Referral services into listing entries that pass check.

    :param taken: the ids services.yaml has, which a new entry must not reuse."""
    result = Imported([], [], [])
    ids = _Ids(taken)
    check = Checker(settings, today)
    for index, record in enumerate(records):
        service = _Service(record, index, check, areas, ids)
        entry = service.entry()
        result.notes += [f"service '{service.sid}': {n}" for n in service.notes]
        if entry is None:
            result.skipped.append(f"service '{service.sid}' ({service.name or 'no name'}): "
                                  f"skipped: {service.why}")
        else:
            ids.used.add(entry["id"])
            result.entries.append(entry)
    return result


class _Ids:
    """The ids services.yaml has and this import has given, and, for each name's slug, the
    suffix its last search stopped at: a feed with one name a thousand times gives
    athena-1000 without trying athena-2 to athena-999 again."""

    def __init__(self, taken: frozenset[str]):
        self.taken, self.used = taken, set()
        self._suffix: dict[str, int] = {}

    def free(self, slug: str) -> str:
        """The slug, else the slug with the first suffix neither services.yaml nor this
        import has (an id is used once its entry is kept; every suffix below the one a
        search stopped at was in use then, and still is)."""
        n = self._suffix.get(slug, 1)
        sid = slug if n == 1 else f"{slug}-{n}"
        while sid in self.taken or sid in self.used:
            n += 1
            sid = f"{slug}-{n}"
        self._suffix[slug] = n
        return sid


class _Service:
    """One record mapped to an entry, with notes on what was left out, or why it was not."""

    def __init__(self, record: dict, index: int, check: Checker, areas: tuple[str, ...],
                 ids: _Ids):
        self.record, self.check, self.areas = record, check, areas
        self.notes: list[str] = []
        self.why = ""
        self.name = self._fitted("name", plain(as_text(record.get("name"))))
        self.ours = False  # our own feed: phone descriptions are "label – hours"
        self.sid = self._id(ids, index)

    def _id(self, ids: _Ids, index: int) -> str:
        """Our own slug back when this is our own feed, else a slug of the name that neither
        this import nor services.yaml (`taken`) has used."""
        rid = as_text(self.record.get("id"))
        for attribute in as_dicts(self.record.get("attributes")):
            match = _OUR_PAGE.search(as_text(attribute.get("value")))
            if match and uid("service", match.group(1)) == rid:
                self.ours = True
                if match.group(1) in ids.taken:
                    self.notes.append("is already in services.yaml: this directory's own "
                                      "listing, read back from its feed")
                return match.group(1)
        slug = re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")[:100].strip("-") \
            or f"service-{index + 1}"
        sid = ids.free(slug)
        if slug in ids.taken:
            self.notes.append(f"id {slug!r} is a listing in services.yaml already, so this one "
                              f"is {sid!r}: if they are the same service, update that listing "
                              "instead of adding this one")
        return sid

    def entry(self) -> dict | None:
        """The entry, if it passes check; else None, with why it was skipped."""
        record, check, notes = self.record, self.check, self.notes
        status = as_text(record.get("status")).lower() or "active"
        if status in ("inactive", "defunct"):
            self.why = f"its status is {status!r}"
            return None
        if status not in ("active", "temporarily closed", "temporarily-closed"):
            self.why = f"unknown status {status!r} (expected active or temporarily closed)"
            return None
        if not self.name:
            self.why = "it has no name"
            return None
        unmapped = sorted(k for k, v in record.items()
                          if k not in MAPPED and v not in (None, "", [], {}))
        if unmapped:
            notes.append(f"not mapped: {', '.join(unmapped)}")
        entry: dict = {"id": self.sid, "name": self.name}
        org = as_dict(record.get("organization"))
        entry["organisation"] = self._fitted("organisation", plain(as_text(org.get("name"))))
        entry["summary"], description = summary(to_markdown(as_text(record.get("description"))),
                                                self.name)
        words: list[str] = []
        hours, phone_schedules = service_hours(record, words, check, notes)
        times = shortened("Opening times from the other directory (check them): " +
                          "; ".join(words) + ".", FORMAT["description"].limit // 2) if words else ""
        # Cut (if it must be) before the opening times are added, which are kept whole.
        description = self._fitted("description", description, len(times) + 2 if times else 0)
        description = "\n\n".join(filter(None, (description, times)))
        if description and check.field("description", description):
            # Markdown our checker refuses (an image, a javascript: link written as text):
            # keep the words only.
            notes.append("description had images or unsafe links: kept as plain text")
            description = plain_paragraphs(description)
        if description:
            entry["description"] = description + "\n"
        attributes = as_dicts(record.get("attributes"))
        for key, link, allowed in (("audiences", "audience", ("residents", "professionals")),
                                   ("categories", "category", check.settings.categories)):
            values = [c for c in codes(attributes, link) if c in allowed]
            if values:
                entry[key] = list(dict.fromkeys(values))
        if HARM_TERM in codes(attributes, "audience") or \
                check.settings.for_people_who_harm(entry.get("categories", ())):
            entry["for_people_who_harm"] = True
        else:
            said = _HARM_WORDS.search(f"{self.name} {description}")
            if said:  # not marked as such by the other directory: the reviewer must decide
                notes.append(f"it may be help for people who harm ({said.group(0)!r} in its name "
                             "or description): if so, set for_people_who_harm: true, so that it "
                             "is never shown as help for victims")
        if REPORTING_TERM in codes(attributes, "kind"):
            entry["reporting"] = True
        entry["areas"] = served_areas(record, check.settings, self.areas, notes)
        groups = eligibility(record, attributes, check, notes)
        if groups:
            entry["eligibility"] = groups
        entry["eligibility_text"] = self._fitted(
            "eligibility_text", plain(as_text(record.get("eligibility_description"))))
        entry["phones"] = phones(record, self.ours, phone_schedules, check, notes)
        entry["emails"] = emails(record, check, notes)
        website = as_text(record.get("url"))
        if website and url_ok(website, "website", check, notes):
            entry["website"] = website
        chat = next((as_text(a.get("value")) for a in attributes
                     if as_text(a.get("link_type")) == "chat"), "")
        if chat and url_ok(chat, "chat", check, notes):
            entry["chat"] = {"url": chat}
        how = referral(record, attributes, check, notes)
        if how:
            entry["referral"] = how
        spoken = languages(record, notes)
        if spoken:
            entry["languages"] = spoken
        if hours:
            entry["opening_hours"] = hours
        entry["status"] = "active" if status == "active" else "temporarily-closed"
        entry["alert"] = self._fitted("alert", plain(as_text(record.get("alert"))))
        entry["source"] = self._source()
        entry = {k: v for k, v in entry.items() if v not in (None, "", [], {})}
        if not entry.get("areas"):
            self.why = "no area it serves matches site.yaml (give one with --area)"
            return None
        problems = check.entry(entry)
        if problems:
            self.why = "; ".join(problems)
            return None
        return entry

    def _fitted(self, key: str, text: str, room: int = 0) -> str:
        """The text of a field, cut to the listing format's limit (less `room` for what is
        added after it) with a note: a long description is no reason to leave a whole
        service out."""
        limit = FORMAT[key].limit
        if len(text) + room <= limit:
            return text
        self.notes.append(f"{key} cut to fit {limit} characters (it had {len(text) + room}): "
                          "check what was left out with the service")
        return shortened(text, limit - room)

    def _source(self) -> str:
        rid = as_text(self.record.get("id")) or "without an id"
        source = f"Imported from an Open Referral feed (service {rid})."
        assured = as_text(self.record.get("assured_date"))[:10]
        if assured:
            # Their check is not ours: kept for the reviewer, never as last_reviewed.
            source += f" The other directory last assured it on {assured}."
            self.notes.append(f"assured_date {assured} kept in source for the reviewer "
                              "(not used as last_reviewed)")
        return source
