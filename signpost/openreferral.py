"""The directory as Open Referral (HSDS 3.0, valid against the UK profile too): the feed the
build publishes under /openreferral/ (the import of other directories' feeds is orimport.py).

The feed is static files. _redirects rewrites the API paths the ORUK validator calls
(/services, /services/{id}, /taxonomies, ...) to those files, so paging, search and filter
parameters cannot work: every ?page= answers page 1, which holds every item.

Times are UK wall-clock times in the zone Europe/London, said in each schedule's
description: a fixed offset (HSDS's numeric `timezone`, or "+01:00" on opens_at) would be an
hour wrong for half the year. A phone line's own hours sit on the phone (`schedules`, an
extra property HSDS allows), so they never read as the service's hours.

HSDS has one age range per service, so eligibility groups ("women from 13, men from 16")
are kept three ways: the widest range in minimum_age/maximum_age, the plain words in
eligibility_description, and one attribute per group (gender term, value "13-" or "5-17").
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import subprocess
import uuid
from pathlib import Path

import orjson

from .outputs import Output
from .services import DAYS, Hours, Service
from .settings import Settings

VERSION = "3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile"
OPENAPI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
ONS_URI = "http://statistics.data.gov.uk/id/statistical-geography/"
# Every id is a UUIDv5 of a stable key under this namespace, so ids never change between
# builds, whatever order listings are in.
NAMESPACE = uuid.UUID("5d1c1a52-7f0e-4c8a-9a59-2f6f0d3b8e71")
BYDAY = dict(zip(DAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU")))
GROUP_ANYONE = "anyone"
ROUTE_TERMS = {"self": "Self-referral", "professional": "Professional referral"}
FORM_TERM = "form"  # a referral form whose route its label does not say
ZONE_NOTE = "Times are UK local time (Europe/London)."
# Help for people who harm is marked with its own audience, never mixed with help for victims.
HARM_TERM = "people-who-harm"


def uid(kind: str, key: str) -> str:
    """str(uuid.uuid5(NAMESPACE, f"{kind}/{key}")), written out: a feed of 10,000 listings
    makes 200,000 of them, and the UUID objects cost far more than the hash."""
    text = hashlib.sha1(_NAMESPACE_BYTES + f"{kind}/{key}".encode()).hexdigest()
    # The 13th digit says version 5; the 17th's top two bits the RFC 4122 variant (10).
    return (f"{text[:8]}-{text[8:12]}-5{text[13:16]}-{_VARIANT[text[16]]}{text[17:20]}-"
            f"{text[20:32]}")


_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


_NAMESPACE_BYTES = NAMESPACE.bytes


def _taxonomy(code: str, name: str, description: str) -> dict:
    return {"id": uid("taxonomy", code), "name": name, "description": description}


def _taxonomies(settings: Settings) -> dict[str, tuple[dict, dict[str, dict]]]:
    """The local vocabularies as HSDS taxonomies, each with its terms by code."""
    vocabularies = {
        "categories": (_taxonomy("categories", "Kinds of help", "What kind of help a service gives."),
                       {c.slug: (c.name, c.description) for c in settings.categories.values()}),
        "eligibility": (_taxonomy("eligibility", "Who a service is for",
                                  "Eligibility groups: a gender, or anyone, with an age range."),
                        {**{g.slug: (g.name, g.name) for g in settings.genders.values()},
                         GROUP_ANYONE: ("Anyone", "Open to any gender.")}),
        "referral-routes": (_taxonomy("referral-routes", "Referral routes", "How to get help."),
                            {**{k: (v, v) for k, v in ROUTE_TERMS.items()},
                             FORM_TERM: ("Referral form", "A referral form; its route is not stated.")}),
        "audiences": (_taxonomy("audiences", "Audiences", "Who a listing is for."),
                      {"residents": ("Residents", "People looking for help."),
                       "professionals": ("Professionals", "People who work with survivors."),
                       HARM_TERM: ("People who harm", "Help for people who cause harm to change "
                                   "their behaviour: not a service for victims.")}),
        "pages": (_taxonomy("pages", "Pages", "Pages on this directory."),
                  {"listing-page": ("Listing page", "This directory's page about the service.")}),
    }
    out = {}
    for code, (taxonomy, terms) in vocabularies.items():
        out[code] = (taxonomy, {term: {
            "id": uid("taxonomy_term", f"{code}/{term}"), "code": term, "name": name,
            "description": description, "taxonomy_id": taxonomy["id"],
            "taxonomy_detail": taxonomy,
        } for term, (name, description) in terms.items()})
    return out


def _attribute(service_id: str, link_type: str, term: dict, value: str) -> dict:
    return {"id": uid("attribute", f"{service_id}/{link_type}/{term['code']}/{value}"),
            "link_id": service_id, "link_type": link_type, "link_entity": "service",
            "taxonomy_term_id": term["id"], "taxonomy_term": term, "value": value}


def _schedules(service_id: str, hours: Hours | None, key: str, **extra) -> list[dict]:
    if hours is None:
        return []
    rows = [("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59", "24 hours, every day.")] if hours.always \
        else [(",".join(BYDAY[d] for d in p.days), p.opens, p.closes,
               "Past midnight into the next day." if p.closes < p.opens else "") for p in hours.periods]
    return [{"id": uid("schedule", f"{key}/{n}"), "service_id": service_id, "freq": "WEEKLY",
             "byday": byday, "opens_at": opens, "closes_at": closes,
             "description": " ".join(filter(None, [note, ZONE_NOTE])), **extra}
            for n, (byday, opens, closes, note) in enumerate(rows)]


def _form_route(label: str, routes: tuple[str, ...]) -> str:
    """The route a referral form is for: from its label, else the service's only route."""
    words = label.lower()
    if "professional" in words or "agency" in words or "practitioner" in words:
        return "professional"
    if "self" in words or "yourself" in words:
        return "self"
    return routes[0] if len(routes) == 1 else FORM_TERM


@functools.lru_cache(maxsize=1024)  # a lookup scans every ISO 639-3 language
def iso_639(name: str) -> str | None:
    """A language's ISO 639 code (two letters where one exists), or None if unknown."""
    import pycountry  # ISO 639 names and codes, offline; only the feed and the import need it
    try:
        language = pycountry.languages.lookup(name)
    except LookupError:
        return None
    return getattr(language, "alpha_2", None) or language.alpha_3


def _language(name: str, key: str, sid: str) -> dict:
    record = {"id": uid("language", f"{key}/{name}"), "service_id": sid, "name": name}
    code = iso_639(name)
    return {**record, "code": code} if code else record


def organisations(services: list[Service]) -> dict[str, dict]:
    """One record per organisation, by name, the same wherever it appears (and short: it is
    repeated in each of its services)."""
    runs: dict[str, int] = {}
    for service in services:
        if service.organisation:
            runs[service.organisation] = runs.get(service.organisation, 0) + 1
    return {name: {"id": uid("organization", name), "name": name,
                   "description": f"{name} runs {count} service{'s' * (count > 1)} listed in "
                                  "this directory."}
            for name, count in runs.items()}


def service_record(service: Service, settings: Settings, terms, orgs: dict[str, dict],
                   modified: str) -> dict:
    """One service, fully nested, as HSDS 3.0 serves it at /services/{id}."""
    sid = uid("service", service.id)
    groups = service.eligibility
    record = {
        "id": sid, "name": service.name, "status": {"active": "active"}.get(
            service.status, "temporarily closed"),
        "description": "\n\n".join(filter(None, [service.summary, service.description])),
    }
    optional = {
        "url": service.website,
        "email": service.emails[0].url if service.emails else "",
        "alert": service.alert,
        "eligibility_description": service.eligibility_text,
        "application_process": service.referral.how,
        "assured_date": service.last_reviewed.isoformat() if service.last_reviewed else "",
        "last_modified": modified,
    }
    record.update({k: v for k, v in optional.items() if v})
    if groups and all(g.min_age is not None for g in groups):
        record["minimum_age"] = min(g.min_age for g in groups)
    if groups and all(g.max_age is not None for g in groups):
        record["maximum_age"] = max(g.max_age for g in groups)
    if service.organisation:
        org = orgs[service.organisation]
        record["organization_id"], record["organization"] = org["id"], org
    record["phones"] = []
    for p in service.phones:
        pid = uid("phone", f"{service.id}/{p.href}")
        phone = {"id": pid, "service_id": sid, "number": p.number, "type": "voice",
                 "description": " – ".join(filter(None, [p.label, p.hours]))}
        own = _schedules(sid, p.opening_hours, f"{service.id}/{p.href}", attending_type="phone",
                         notes=f"{p.label} {p.number}")
        if own:
            phone["schedules"] = own
        record["phones"].append(phone)
    record["contacts"] = [{"id": uid("contact", f"{service.id}/{e.url}"), "service_id": sid,
                           "name": e.label, "email": e.url} for e in service.emails[1:]]
    record["service_areas"] = [{
        "id": uid("service_area", f"{service.id}/{slug}"), "service_id": sid,
        # extent_type names the format of an `extent` (a GeoJSON shape, say); we publish
        # none, so the area is its name and its ONS statistical-geography URI.
        "name": settings.areas[slug].name, "description": slug,
        **({"uri": ONS_URI + settings.areas[slug].ons_code}
           if settings.areas[slug].ons_code else {})} for slug in service.areas]
    record["languages"] = [_language(name, service.id, sid) for name in service.languages]
    # Only the service's own hours: a phone line's hours are on that phone.
    record["schedules"] = _schedules(sid, service.opening_hours, service.id)
    categories, eligibility, routes, audiences, pages = (terms[k][1] for k in (
        "categories", "eligibility", "referral-routes", "audiences", "pages"))
    record["attributes"] = (
        [_attribute(sid, "category", categories[c], c) for c in service.categories]
        + [_attribute(sid, "eligibility", eligibility[g.gender or GROUP_ANYONE],
                      f"{g.min_age if g.min_age is not None else 0}-"
                      + ("" if g.max_age is None else str(g.max_age))) for g in groups]
        + [_attribute(sid, "audience", audiences[a], a) for a in service.audiences]
        + [_attribute(sid, "referral_route", routes[r], r) for r in service.referral.routes]
        + [_attribute(sid, "referral_form", routes[_form_route(f.label, service.referral.routes)],
                      f.url) for f in service.referral.forms]
        + ([_attribute(sid, "audience", audiences[HARM_TERM], HARM_TERM)]
           if service.for_people_who_harm else [])
        # Our page's address carries our id, so importing our own feed gives it back.
        + [_attribute(sid, "listing_page", pages["listing-page"],
                      settings.base_url.rstrip("/") + service.url)])
    record["service_at_locations"] = []  # no addresses: refuges and safe houses stay private
    return record


def _page(items: list) -> dict:
    """An HSDS Page object holding every item on one page."""
    return {"total_items": len(items), "total_pages": 1, "page_number": 1, "size": len(items),
            "first_page": True, "last_page": True, "empty": not items, "contents": items}


LIST_FIELDS = ("id", "name", "status", "description", "url", "email", "alert",
               "eligibility_description", "minimum_age", "maximum_age", "assured_date",
               "application_process", "last_modified", "organization_id", "organization")
# The API paths (HSDS 3.0 openapi.json, which the ORUK validator calls) and the files that
# answer them. /service_at_locations/{id} has no file: we publish no locations.
REWRITES = [("/openreferral", "index.json"), ("/openreferral/", "index.json")] + [
    (f"/openreferral/{name}{suffix}", f"{name}{suffix}.json")
    for name in ("services", "taxonomies", "taxonomy_terms", "organizations",
                 "service_at_locations") for suffix in ("", "/:id")
    if (name, suffix) != ("service_at_locations", "/:id")]


def rewrites() -> list[tuple[str, str]]:
    return [(source, "/openreferral/" + target) for source, target in REWRITES]


def last_modified(services_file: Path) -> str:
    """When the listings last changed: the services file's last commit, else its mtime."""
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct", "--", services_file.name],
                               cwd=services_file.parent, capture_output=True, text=True,
                               timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        stamp = ""
    if not stamp.isdigit():
        try:
            stamp = str(int(services_file.stat().st_mtime))
        except OSError:
            stamp = "0"
    return dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def encode(data) -> bytes:
    """Write data as every file of the feed is written: compact JSON (smaller to fetch, and
    quicker to write for 10,000 listings) in UTF-8, as json.dumps(data, ensure_ascii=False,
    separators=(",", ":")) writes it, byte for byte, in a tenth of the time."""
    return orjson.dumps(data)


def encode_records(services: list[Service], settings: Settings, terms, orgs: dict[str, dict],
                   modified: str) -> list[tuple[str, bytes, bytes]]:
    """Each service's record, encoded, as (its id, the record, its item in services.json)."""
    encoded = []
    for service in services:
        record = service_record(service, settings, terms, orgs, modified)
        encoded.append((record["id"], encode(record),
                        encode({k: record[k] for k in LIST_FIELDS if k in record})))
    return encoded


def plan_feed(services: list[Service], settings: Settings, encode_records=encode_records,
              modified: str | None = None) -> list[Output]:
    """Every file of the feed as an output of the site under /openreferral/, in bytes.

    :param encode_records: called as encode_records above is; the dev server passes one that
        encodes again only the services that changed since its last rebuild.
    :param modified: last_modified(settings.services_file), if the caller has it already.
    """
    return _plan_feed(services, settings, modified or last_modified(settings.services_file),
                      encode_records)


def feed_files(services: list[Service], settings: Settings,
               modified: str = "2000-01-01T00:00:00Z") -> dict[str, object]:
    """Every file of the feed, by path under /openreferral/, read back from its bytes."""
    return {output.url[len("/openreferral/"):]: json.loads(output.body)
            for output in _plan_feed(services, settings, modified, encode_records)}


def _plan_feed(services: list[Service], settings: Settings, modified: str, encode_records
               ) -> list[Output]:
    terms = _taxonomies(settings)
    orgs = organisations(services)
    records = encode_records(services, settings, terms, orgs, modified)
    all_terms = [term for _, by_code in terms.values() for term in by_code.values()]
    files = {
        "index.json": encode({"version": VERSION, "profile": PROFILE, "openapi_url": OPENAPI}),
        # A page's items are its last key: the encoded items go in as they are.
        "services.json": encode({**_page([None] * len(records)), "contents": 0})[:-2]
        + b"[" + b",".join(item for _, _, item in records) + b"]}",
        "taxonomies.json": encode(_page([taxonomy for taxonomy, _ in terms.values()])),
        "taxonomy_terms.json": encode(_page(all_terms)),
        "organizations.json": encode(_page(list(orgs.values()))),
        "service_at_locations.json": encode(_page([])),
    }
    by_path = {f"services/{sid}.json": s for s, (sid, _, _) in zip(services, records)}
    files.update({f"services/{sid}.json": body for sid, body, _ in records})
    files.update({f"taxonomies/{t['id']}.json": encode(t) for t, _ in terms.values()})
    files.update({f"taxonomy_terms/{t['id']}.json": encode(t) for t in all_terms})
    files.update({f"organizations/{o['id']}.json": encode(o) for o in orgs.values()})
    outputs = []
    for path, body in files.items():
        service = by_path.get(path)
        outputs.append(Output(
            f"/openreferral/{path}", "", f"Open Referral feed: {path}", body=body,
            source=(str(settings.services_file), service.line) if service else ("", 0),
            sources=(f"service:{service.id}",) if service else ("services",)))
    return outputs
