"""Import Open Referral (HSDS 3.0, ORUK 3.0 and the older ORUK v1 shape) into listing entries
for services.yaml.

Everything in a feed is untrusted and often untidy: nulls or strings where objects are
expected, HTML descriptions, placeholder e-mails, UTC times. Each piece of a service is
judged by the project's own checker (services.py) before it is kept, and the whole entry is
checked again, so the import writes only entries that pass `check`. Whatever is dropped or
cannot be mapped is said, one line per service and reason.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import nh3
import yaml
from markdownify import markdownify

from .openreferral import BYDAY, HARM_TERM, ROUTE_TERMS, uid
from .services import DAYS, check_services
from .settings import Settings
from .yamlfile import load_yaml

LONDON = ZoneInfo("Europe/London")
DAY_CODES = {v: k for k, v in BYDAY.items()}
V1_DAYS = {name: code for code, name in zip(DAYS, ("monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"))}
# Fields this import reads; any other field with a value is named as not mapped.
MAPPED = {"id", "name", "status", "description", "url", "email", "alert",
          "eligibility_description", "minimum_age", "maximum_age", "assured_date",
          "application_process", "organization", "organization_id", "phones", "contacts",
          "service_areas", "languages", "schedules", "attributes", "regular_schedules",
          "last_modified", "assurer_email"}
# Tags kept when an HTML description is cleaned before it becomes Markdown.
KEEP_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a", "h1", "h2", "h3",
             "h4", "h5", "h6", "blockquote"}
# Addresses and hosts that stand in for "none": never imported as facts.
_PLACEHOLDER_HOST = re.compile(r"(^|\.)(example\.(com|org|net)|[a-z0-9-]+\.(invalid|test|example|localhost))$")
_PLACEHOLDER_LOCAL = re.compile(r"no-?e?mail|no-?reply|do-?not-?reply|^test$|^none$", re.I)
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$", re.I)
# [text](url), with one level of (...) in the url; bounded, so linear on any input.
_LINK = re.compile(r"!?\[([^\]]{0,300})\]\((?:[^()]|\([^()]{0,500}\)){0,2000}\)")
_OUR_PAGE = re.compile(r"/services/([a-z0-9]+(?:-[a-z0-9]+)*)/?$")


@dataclass
class Feed:
    """What was read: the services, and what the feed said about its size."""

    services: list[dict] = field(default_factory=list)
    total_items: int | None = None
    total_pages: int | None = None
    pages_read: set = field(default_factory=set)
    repeats: int = 0  # records with an id already read (a list item and its full record)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        said = (f" of {self.total_items} the feed says it has" if self.total_items is not None
                else "")
        text = f"Read {len(self.services)} services{said}."
        if self.repeats:
            text += f" {self.repeats} more had the id of a service already read and were merged."
        if self.total_pages and self.total_pages > 1:
            pages = ", ".join(map(str, sorted(self.pages_read))) or "none"
            text += (f" The feed has {self.total_pages} pages and this read page(s) {pages}: "
                     "save the others (?page=2, ?page=3, ...) and import them together for "
                     "the rest.")
        return text


# Reading ------------------------------------------------------------------------------

def read_sources(paths: list[Path]) -> Feed:
    """Read saved JSON files and feed folders; never raise for bad input."""
    feed = Feed()
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            folder = path / "services" if (path / "services").is_dir() else path
            files += sorted(folder.glob("*.json"))
            if folder != path and (path / "services.json").is_file():
                _sizes(feed, _load(path / "services.json", feed))  # the list: the feed's size
        elif path.is_file():
            files.append(path)
        else:
            feed.problems.append(f"{path}: no such file or folder")
    seen: dict[str, int] = {}
    for file in files:
        data = _load(file, feed)
        if data is None:
            continue
        try:
            found = _services_in(data)
        except RecursionError:
            feed.problems.append(f"{file}: nested too deeply to read")
            continue
        if found or not _contents(data):  # a Page of taxonomies says nothing about services
            _sizes(feed, data)
        for record in found:
            key = str(record.get("id") or "") or f"#{len(feed.services)}"
            if key in seen:  # the list item and the full record: keep the fuller one
                index = seen[key]
                feed.repeats += 1
                if len(record) > len(feed.services[index]):
                    feed.services[index] = record
                continue
            seen[key] = len(feed.services)
            feed.services.append(record)
    return feed


def _load(path: Path, feed: Feed):
    try:
        # utf-8-sig: files saved from Windows tools often start with a byte order mark.
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as err:
        feed.problems.append(f"{path}: cannot read this as Open Referral JSON ({err})")
        return None


def _contents(data) -> list:
    if isinstance(data, dict):
        for key in ("contents", "content"):
            if isinstance(data.get(key), list):
                return data[key]
    return []


def _sizes(feed: Feed, data) -> None:
    if not isinstance(data, dict):
        return
    total = _int(data.get("total_items", data.get("totalElements")))
    pages = _int(data.get("total_pages", data.get("totalPages")))
    number = _int(data.get("page_number", data.get("number")))
    if total is not None:
        feed.total_items = max(total, feed.total_items or 0)
    if pages is not None:
        feed.total_pages = max(pages, feed.total_pages or 0)
        if number is not None:
            # ORUK v1 (Spring) pages count from 0; HSDS 3.0 pages from 1.
            feed.pages_read.add(number + (1 if "number" in data and "page_number" not in data else 0))


def _services_in(data) -> list[dict]:
    """The services in a service, a list, a Page, an organisation, a service_at_location or
    a {"services": [...]} document."""
    if isinstance(data, list):
        return [s for item in data for s in _services_in(item)] if any(
            isinstance(i, dict) for i in data) else []
    if not isinstance(data, dict):
        return []
    for key in ("contents", "content", "services"):
        if isinstance(data.get(key), list):
            found = [s for item in data[key] for s in _services_in(item)]
            if key == "services" and data.get("name") and found:  # an organisation's services
                org = {k: v for k, v in data.items() if k != "services"}
                found = [{**s, "organization": s.get("organization") or org} for s in found]
            return found
    if isinstance(data.get("service"), dict):  # a service_at_location
        return _services_in(data["service"])
    return [data] if _looks_like_service(data) else []


def _looks_like_service(data: dict) -> bool:
    if not data.get("name") or {"taxonomy_id", "taxonomy_terms", "term_uri", "version",
                                "services", "location_type", "website", "legal_status",
                                "organization_identifiers", "tax_status", "year_incorporated",
                                "parent_organization_id", "logo"} & set(data):
        return False
    return bool({"status", "phones", "schedules", "service_areas", "url", "email", "contacts",
                 "organization", "eligibility_description", "minimum_age", "attributes",
                 "application_process", "regular_schedules", "service_at_locations",
                 "description"} & set(data))


# Shapes: tolerate nulls, strings and numbers where objects or lists belong -----------------

def _obj(value) -> dict:
    return value if isinstance(value, dict) else {}


def _objs(value) -> list[dict]:
    if isinstance(value, dict):
        return [value]
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _str(value) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    return str(value).strip() if isinstance(value, (str, int, float)) else ""


def _int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,6}", value.strip()):
        return int(value)
    return None


# Text ---------------------------------------------------------------------------------

def to_markdown(text: str) -> str:
    """HTML (or plain text, or Markdown) as clean Markdown: sanitised first, so no script,
    style, image or attribute other than a link's href survives."""
    if not re.search(r"<[a-zA-Z/!]", text):
        return text.strip()
    clean = nh3.clean(text, tags=KEEP_TAGS, attributes={"a": {"href"}}, url_schemes={"https", "mailto", "tel"},
                      link_rel=None, strip_comments=True)
    try:
        markdown = markdownify(clean, heading_style="ATX", bullets="-", escape_misc=False)
    except RecursionError:  # absurdly deep nesting: keep the words, drop the structure
        return plain(clean)
    # Any tag-like text left (escaped "<b>" in the source, say) would fail the checker.
    markdown = re.sub(r"<(/?[a-zA-Z][^<>]*)>", r"\1", markdown)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip()


def plain(text: str) -> str:
    """Text with every tag removed and entities decoded, on one line."""
    stripped = nh3.clean(text, tags=set())
    return re.sub(r"\s+", " ", html.unescape(stripped)).strip()


def _summary(markdown: str, name: str) -> tuple[str, str]:
    """The first paragraph that is not a heading, as plain text under 300 characters, and
    the rest of the Markdown (empty when the summary was all there was)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", markdown) if b.strip()]
    for index, block in enumerate(blocks):
        if block.startswith("#"):
            continue
        text = re.sub(r"^[-*>]\s+|[*_`]", "", block, flags=re.M)
        text = plain(_LINK.sub(r"\1", text) if "](" in text else text)
        if not text:
            continue
        rest = blocks[:index] + blocks[index + 1:]
        if len(text) > 300:
            cut = text[:297]
            sentence = cut.rfind(". ")
            text = cut[: sentence + 1] if sentence > 100 else cut.rsplit(" ", 1)[0] + "…"
            rest = blocks  # the summary is shortened: keep the whole text below it
        if not any(not b.startswith("#") for b in rest):
            rest = []
        return text, "\n\n".join(rest)
    return name, ""


def _placeholder_email(address: str) -> bool:
    local, _, domain = address.lower().rpartition("@")
    return bool(_PLACEHOLDER_HOST.search(domain) or _PLACEHOLDER_LOCAL.search(local)
                or _PLACEHOLDER_LOCAL.search(domain.split(".")[0]))


def _placeholder_url(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return bool(_PLACEHOLDER_HOST.search(host))


# Importing ----------------------------------------------------------------------------

@dataclass
class Imported:
    entries: list[dict]
    notes: list[str]  # per service: what was dropped or not mapped
    skipped: list[str]  # one line per service not imported


def import_services(records: list[dict], settings: Settings, today: dt.date,
                    areas: tuple[str, ...] = ()) -> Imported:
    """Turn Open Referral services into listing entries that pass check."""
    result = Imported([], [], [])
    used: set[str] = set()
    cache: dict = {}
    for index, record in enumerate(records):
        service = _Service(record, index, settings, today, areas, used, cache)
        entry = service.entry()
        result.notes += [f"service '{service.sid}': {n}" for n in service.notes]
        if entry is None:
            result.skipped.append(f"service '{service.sid}' ({service.name or 'no name'}): "
                                  f"skipped: {service.why}")
        else:
            used.add(entry["id"])
            result.entries.append(entry)
    return result


class _Service:
    def __init__(self, record, index, settings: Settings, today, areas, used, cache):
        self.record, self.settings, self.today, self.areas = record, settings, today, areas
        self.cache = cache
        self.notes: list[str] = []
        self.why = ""
        self.name = plain(_str(record.get("name")))
        if len(self.name) > 120:
            self.name = self.name[:119].rsplit(" ", 1)[0] + "…"
        self.ours = False  # our own feed: phone descriptions are "label – hours"
        self.sid = self._id(used, index)

    def _check(self, key: str, value) -> list[str]:
        """The checker's problems with one field; the same value is checked once per import."""
        cache_key = (key, json.dumps(value, sort_keys=True))
        if cache_key not in self.cache:
            self.cache[cache_key] = _problems_of(key, value, self.settings, self.today)
        return self.cache[cache_key]

    def _id(self, used, index) -> str:
        """Our own slug back when this is our own feed, else a slug of the name."""
        rid = _str(self.record.get("id"))
        for attribute in _objs(self.record.get("attributes")):
            match = _OUR_PAGE.search(_str(attribute.get("value")))
            if match and uid("service", match.group(1)) == rid:
                self.ours = True
                return match.group(1)
        slug = re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")[:100].strip("-") \
            or f"service-{index + 1}"
        sid, n = slug, 2
        while sid in used:
            sid, n = f"{slug}-{n}", n + 1
        return sid

    def entry(self) -> dict | None:
        record = self.record
        status = _str(record.get("status")).lower() or "active"
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
            self.notes.append(f"not mapped: {', '.join(unmapped)}")
        entry: dict = {"id": self.sid, "name": self.name}
        org = _obj(record.get("organization"))
        if plain(_str(org.get("name"))):
            entry["organisation"] = plain(_str(org["name"]))
        entry["summary"], description = _summary(to_markdown(_str(record.get("description"))),
                                                 self.name)
        words: list[str] = []
        hours = self._service_hours(words)
        if words:
            description += ("\n\n" if description else "") + \
                "Opening times from the other directory (check them): " + "; ".join(words) + "."
        if description and self._check("description", description):
            # Markdown our checker refuses (an image, a javascript: link written as text):
            # keep the words only.
            self.notes.append("description had images or unsafe links: kept as plain text")
            description = "\n\n".join(filter(None, (plain(_LINK.sub(r"\1", b))
                                                      for b in re.split(r"\n\s*\n", description))))
        if description:
            entry["description"] = description + "\n"
        attributes = _objs(record.get("attributes"))
        for key, link, allowed in (("audiences", "audience", ("residents", "professionals")),
                                   ("categories", "category", self.settings.categories)):
            values = [c for c in self._codes(attributes, link) if c in allowed]
            if values:
                entry[key] = list(dict.fromkeys(values))
        if HARM_TERM in self._codes(attributes, "audience"):
            entry["for_people_who_harm"] = True
        entry["areas"] = self._areas()
        groups = self._groups(attributes)
        if groups:
            entry["eligibility"] = groups
        text = plain(_str(record.get("eligibility_description")))
        if text:
            entry["eligibility_text"] = text
        entry["phones"] = self._phones()
        entry["emails"] = self._emails()
        website = _str(record.get("url"))
        if website and self._check_url(website, "website"):
            entry["website"] = website
        referral = self._referral(attributes)
        if referral:
            entry["referral"] = referral
        languages = self._languages()
        if languages:
            entry["languages"] = languages
        if hours:
            entry["opening_hours"] = hours
        entry["status"] = "active" if status == "active" else "temporarily-closed"
        alert = plain(_str(record.get("alert")))
        if alert:
            entry["alert"] = alert
        entry["source"] = self._source()
        entry = {k: v for k, v in entry.items() if v not in (None, "", [], {})}
        if not entry.get("areas"):
            self.why = "no area it serves matches site.yaml (give one with --area)"
            return None
        problems = _problems(entry, self.settings, self.today)
        if problems:
            self.why = "; ".join(problems)
            return None
        return entry

    def _source(self) -> str:
        rid = _str(self.record.get("id")) or "without an id"
        source = f"Imported from an Open Referral feed (service {rid})."
        assured = _str(self.record.get("assured_date"))[:10]
        if assured:
            # Their check is not ours: kept for the reviewer, never as last_reviewed.
            source += f" The other directory last assured it on {assured}."
            self.notes.append(f"assured_date {assured} kept in source for the reviewer "
                              "(not used as last_reviewed)")
        return source

    # Fields ---------------------------------------------------------------------------

    def _codes(self, attributes, link_type) -> list[str]:
        return [_str(_obj(a.get("taxonomy_term")).get("code")) or _str(a.get("value"))
                for a in attributes if _str(a.get("link_type")) == link_type]

    def _areas(self) -> list[str]:
        by_ons = {a.ons_code: a.slug for a in self.settings.areas.values() if a.ons_code}
        by_name = {a.name.lower(): a.slug for a in self.settings.areas.values()}
        found = []
        for area in _objs(self.record.get("service_areas")):
            code = _str(area.get("uri")).rstrip("/").rsplit("/", 1)[-1]
            name = plain(_str(area.get("name") or area.get("service_area")))
            description = _str(area.get("description"))
            slug = by_ons.get(code) or by_name.get(name.lower()) or by_name.get(
                re.sub(r"^(london borough of|royal borough of)\s+", "", name.lower())) or \
                (description if description in self.settings.areas else None)
            if slug:
                found.append(slug)
            elif name:
                self.notes.append(f"area {name[:60]!r} is not in site.yaml"
                                  + (": used --area instead" if self.areas else ""))
        found = list(dict.fromkeys(found))
        if "national" in found:
            found = ["national"]
        return found or list(self.areas)

    def _groups(self, attributes) -> list[dict]:
        """Eligibility groups from our own attributes, else the one HSDS age range."""
        groups = []
        for a in attributes:
            if _str(a.get("link_type")) != "eligibility":
                continue
            code = _str(_obj(a.get("taxonomy_term")).get("code"))
            low, _, high = _str(a.get("value")).partition("-")
            group = {"gender": code} if code in self.settings.genders else {}
            if low.isdigit() and int(low):
                group["min_age"] = int(low)
            if high.isdigit():
                group["max_age"] = int(high)
            if group and self._check("eligibility", [group]) == []:
                groups.append(group)
        if groups:
            return groups
        low, high = (self.record.get(k) for k in ("minimum_age", "maximum_age"))
        group = {}
        for key, value in (("min_age", low), ("max_age", high)):
            if value is None or value == "":
                continue
            age = _int(value)
            if age is None or not 0 <= age <= 120:
                self.notes.append(f"{'minimum' if key == 'min_age' else 'maximum'}_age "
                                  f"{str(value)[:20]!r} is not a possible age: left out")
            elif key == "max_age" and age >= 99:
                self.notes.append(f"maximum_age {age} read as no upper age limit")
            elif age or key == "max_age":
                group[key] = age
        if "min_age" in group and "max_age" in group and group["min_age"] > group["max_age"]:
            self.notes.append(f"minimum_age {group['min_age']} is above maximum_age "
                              f"{group['max_age']}: ages left out")
            group = {}
        return [group] if group else []

    def _phone_sources(self):
        """Every phone with the label it should carry: the service's, its contacts',
        its locations' and its organisation's."""
        record = self.record
        for phone in _objs(record.get("phones")):
            yield phone, ""
        for contact in _objs(record.get("contacts")):
            who = plain(_str(contact.get("name")) or _str(contact.get("title")))
            for phone in _objs(contact.get("phones")):
                yield phone, who
        for sal in _objs(record.get("service_at_locations")):
            location = _obj(sal.get("location"))
            for phone in _objs(sal.get("phones")) + _objs(location.get("phones")):
                yield phone, plain(_str(location.get("name")))
        org = _obj(record.get("organization"))
        for phone in _objs(org.get("phones")):
            yield phone, plain(_str(org.get("name")))

    def _phones(self) -> list[dict]:
        phones, numbers = [], set()
        for phone, who in self._phone_sources():
            number = _str(phone.get("number")).strip("\"' ")
            if not number:
                continue
            ext = _str(phone.get("extension"))
            description = plain(_str(phone.get("description")))
            own_label, _, hours = description.partition(" – ") if self.ours else (description, "", "")
            if not self.ours and (len(own_label) > 40 or "." in own_label.rstrip(".")):
                # A sentence, not a label: kept as words beside the number.
                own_label, hours = "", description
            label = " – ".join(filter(None, [who, own_label])) or \
                {"text": "Text", "textphone": "Textphone", "fax": "Fax"}.get(
                    _str(phone.get("type")).lower(), "Phone")
            if _str(phone.get("type")).lower() == "fax":
                self.notes.append(f"fax number {number} left out")
                continue
            entry = {"label": label[:80], "number": number}
            if ext:
                entry["hours"] = f"Extension {ext}."
            if hours:
                entry["hours"] = " ".join(filter(None, [entry.get("hours"), hours]))
            words: list[str] = []
            own_hours = self._hours(_objs(phone.get("schedules")) or self.phone_schedules, words)
            if own_hours:
                entry["opening_hours"] = own_hours
            if words:
                entry["hours"] = " ".join(filter(None, [entry.get("hours"), "; ".join(words)]))
            key = re.sub(r"\D", "", number)
            if key in numbers:
                continue
            problems = self._check("phones", [entry])
            if problems:
                self.notes.append(f"phone {number[:30]!r} left out: {'; '.join(problems)}")
                continue
            numbers.add(key)
            phones.append(entry)
        return phones

    def _emails(self) -> list[dict]:
        found = [("Email", _str(self.record.get("email")))] + [
            (plain(_str(c.get("name")) or _str(c.get("title"))) or "Email", _str(c.get("email")))
            for c in _objs(self.record.get("contacts"))]
        emails, seen = [], set()
        for label, address in found:
            if not address or address.lower() in seen:
                continue
            seen.add(address.lower())
            if _placeholder_email(address):
                self.notes.append(f"e-mail {address[:60]!r} looks like a placeholder: left out")
                continue
            entry = {"label": label[:80], "address": address}
            problems = self._check("emails", [entry])
            if problems:
                self.notes.append(f"e-mail {address[:60]!r} left out: {'; '.join(problems)}")
                continue
            emails.append(entry)
        return emails

    def _check_url(self, url: str, what: str) -> bool:
        if url.lower().startswith("http://"):
            # Never upgraded to https silently: the secure address may not exist.
            self.notes.append(f"{what} {url[:80]!r} is not https: left out")
            return False
        if _placeholder_url(url):
            self.notes.append(f"{what} {url[:80]!r} is a placeholder: left out")
            return False
        problems = self._check("website", url)
        if problems:
            self.notes.append(f"{what} left out: {'; '.join(problems)}")
        return not problems

    def _referral(self, attributes) -> dict:
        routes = [r for r in self._codes(attributes, "referral_route") if r in ROUTE_TERMS]
        forms = []
        for a in attributes:
            if _str(a.get("link_type")) == "referral_form":
                url = _str(a.get("value"))
                label = plain(_str(_obj(a.get("taxonomy_term")).get("name"))) or "Referral form"
                if url and self._check_url(url, "referral form"):
                    forms.append({"label": label, "url": url})
        how = plain(_str(self.record.get("application_process")))
        referral = {k: v for k, v in (("routes", list(dict.fromkeys(routes))), ("how", how),
                                      ("forms", forms)) if v}
        return referral

    def _languages(self) -> list[str]:
        import pycountry  # only the import and the feed need the ISO 639 names
        names = []
        for language in _objs(self.record.get("languages")):
            name = plain(_str(language.get("name") or language.get("language")))
            code = _str(language.get("code"))
            if not name and code:
                try:
                    name = pycountry.languages.lookup(code).name
                except LookupError:
                    self.notes.append(f"language code {code[:10]!r} is not ISO 639: left out")
            if name:
                names.append(name[:60])
        return list(dict.fromkeys(names))

    # Hours ----------------------------------------------------------------------------

    def _service_hours(self, words: list[str]):
        """The service's own weekly hours; phone-only schedules go to the phones."""
        schedules = [s for s in _objs(self.record.get("schedules"))
                     if _str(s.get("attending_type")).lower() not in ("phone", "telephone")]
        # Phone-only hours belong to the phones that have no hours of their own.
        self.phone_schedules = [s for s in _objs(self.record.get("schedules"))
                                if s not in schedules]
        regular = _objs(self.record.get("regular_schedules"))  # ORUK v1
        for r in regular:
            day = V1_DAYS.get(_str(r.get("weekday")).lower()) or (
                DAYS[_int(r.get("weekday")) - 1] if (_int(r.get("weekday")) or 0) in range(1, 8)
                else None)
            schedules.append({"freq": "WEEKLY", "byday": BYDAY[day] if day else "?",
                              "opens_at": r.get("opens_at"), "closes_at": r.get("closes_at"),
                              "description": r.get("description")})
        return self._hours(schedules, words)

    def _hours(self, schedules: list[dict], words: list[str]):
        periods = []
        for s in schedules:
            period, why = self._period(s)
            if period:
                periods.append(period)
            elif why:
                text = plain(_str(s.get("description"))) or self._rrule_words(s)
                if why == "expired":
                    self.notes.append(f"schedule {text[:60]!r} has expired: dropped")
                elif text:
                    words.append(text)
                    self.notes.append(f"schedule {text[:60]!r} does not fit weekly opening "
                                      f"hours ({why}): kept as words")
        if not periods:
            return None
        days = set()
        for p in periods:
            days |= set(p["days"])
        if len(days) == 7 and all(p["opens"] == "00:00" and p["closes"] in ("23:59", "00:00")
                                  for p in periods):
            return "24/7"
        periods = [p if p["closes"] != p["opens"] else {**p, "closes": "23:59"} for p in periods]
        if self._check("opening_hours", periods):
            self.notes.append("opening hours could not be read: left out")
            return None
        return periods

    def _period(self, s: dict):
        """One weekly period in UK time, or why the schedule does not fit one."""
        until = _str(s.get("valid_to") or s.get("until"))[:10]
        try:
            if until and dt.date.fromisoformat(until) < self.today:
                return None, "expired"
        except ValueError:
            return None, f"unreadable end date {until!r}"
        freq = _str(s.get("freq")).upper() or "WEEKLY"
        byday = [d.strip().upper() for d in _str(s.get("byday")).split(",") if d.strip()]
        if freq != "WEEKLY" or _int(s.get("interval")) not in (None, 1):
            return None, f"it repeats {freq.lower()}"
        if not byday or any(d not in DAY_CODES for d in byday):
            return None, "its days are not plain weekdays"
        if until or _str(s.get("bymonthday")):
            return None, "it is for some dates only"
        start = _str(s.get("valid_from") or s.get("dtstart"))[:10]
        try:
            on = dt.date.fromisoformat(start) if start else self.today
        except ValueError:
            on = self.today
        opens, closes = (_uk_time(_str(s.get(k)), on) for k in ("opens_at", "closes_at"))
        if opens is None or closes is None:
            return None, "it has no readable opening and closing times"
        (opens, shift), (closes, _) = opens, closes
        days = [DAY_CODES[d] for d in byday]
        if shift:  # a UTC time that is on another day in London
            days = [DAYS[(DAYS.index(d) + shift) % 7] for d in days]
        return {"days": days, "opens": opens, "closes": closes}, ""

    @staticmethod
    def _rrule_words(s: dict) -> str:
        parts = [_str(s.get("freq")).lower(), _str(s.get("byday")),
                 "-".join(filter(None, (_str(s.get("opens_at")), _str(s.get("closes_at")))))]
        return " ".join(filter(None, parts))


def _uk_time(text: str, on: dt.date):
    """'09:00', '09:00:00Z' or '09:00+01:00' as (UK wall-clock 'HH:MM', day shift)."""
    match = _TIME.match(text)
    if not match:
        return None
    hour, minute, zone = int(match.group(1)), int(match.group(2)), match.group(3)
    if hour > 23 or minute > 59:
        return None
    if not zone:  # no zone: UK local time, as UK feeds (and ours) publish
        return f"{hour:02d}:{minute:02d}", 0
    if zone.upper() == "Z":
        tz = dt.timezone.utc
    else:
        sign = 1 if zone[0] == "+" else -1
        hh, mm = int(zone[1:3]), int(zone[-2:])
        tz = dt.timezone(sign * dt.timedelta(hours=hh, minutes=mm))
    local = dt.datetime.combine(on, dt.time(hour, minute), tz).astimezone(LONDON)
    return local.strftime("%H:%M"), (local.date() - on).days


# The project's own checker ------------------------------------------------------------

class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's emitter: quicker
    """Write entries the way staff write services.yaml."""


def _text(dumper, value):
    style = "|" if "\n" in value else ("'" if re.fullmatch(r"\d\d:\d\d", value) else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def entries_yaml(entries: list[dict], header: str) -> str:
    return header + yaml.dump({"services": entries}, Dumper=_Dumper, sort_keys=False,
                              allow_unicode=True, width=100)


def _problems(entry: dict, settings: Settings, today: dt.date) -> list[str]:
    """What the project's checker says about one entry, exactly as `check` would."""
    data, problems = load_yaml(entries_yaml([entry], ""), "import")
    if data is None:
        return [p.message for p in problems]
    _, more = check_services(data, "import", settings, today)
    return list(dict.fromkeys(f"{p.field}: {p.message}" if p.field else p.message
                              for p in problems + more))


def _problems_of(key: str, value, settings: Settings, today: dt.date) -> list[str]:
    """Check one field on its own inside an otherwise valid entry."""
    probe = {"id": "probe", "name": "Probe", "summary": "Probe",
             "areas": [next(iter(settings.areas))], "referral": {"how": "Probe"}, key: value}
    return _problems(probe, settings, today)
