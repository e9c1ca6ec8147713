"""One service as an Open Referral (HSDS 3.0, valid against the UK profile too) record, as
the feed serves it at /services/{id} (openreferral.py publishes the feed's files): with the
organisation and the taxonomy terms HSDS nests inside it, and the ids they all have.

Times are UK wall-clock times in the zone Europe/London, said in each schedule's
description. HSDS assumes a time with no zone is UTC unless the schedule's `timezone` (a
number: a UTC offset in hours) says otherwise, and one number cannot say Europe/London: each
schedule gives the offset in force on the day the feed is built (0 in winter, 1 in summer),
right until the clocks next change (each build sets it again). "+01:00" on opens_at would be
the same, less plainly. A phone line's own hours sit on the phone (`schedules`, an extra
property HSDS allows), so they never read as the service's hours.

HSDS has one age range per service, so eligibility groups ("women from 13, men from 16")
are kept three ways: the widest range in minimum_age/maximum_age, the plain words in
eligibility_description, and one attribute per group (gender term, value "13-" or "5-17").
"""
from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from .hours import LONDON
from .languages import iso_code
from .services import DAYS, Hours, Service
from .settings import Settings

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
# A service's and a phone line's flags (link_type "kind"), so that a feed read back keeps them;
# and a service's online chat (link_type "chat", the page's address its value): HSDS has no
# field for one.
REPORTING_TERM, OUT_OF_HOURS_TERM, CHAT_TERM = "reporting", "out-of-hours", "online-chat"


def uk_offset(day: dt.date) -> int:
    """London's UTC offset in hours at noon on this day: HSDS's `timezone` for that day."""
    noon = dt.datetime.combine(day, dt.time(12), LONDON)
    return int(noon.utcoffset().total_seconds() // 3600)


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


def taxonomies(settings: Settings) -> dict[str, tuple[dict, dict[str, dict]]]:
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
        "kinds": (_taxonomy("kinds", "Kinds of listing and line",
                            "What a service or a phone line is, beyond what it offers."),
                  {REPORTING_TERM: ("The police and reporting a crime", "A way to go to the "
                                    "police: to report a crime (the police, Crimestoppers) or "
                                    "to ask about a partner's past (Clare's Law); not a "
                                    "support service."),
                   OUT_OF_HOURS_TERM: ("Out-of-hours line", "The phone line to call when the "
                                       "service's usual line is closed."),
                   CHAT_TERM: ("Online chat", "A page where the service's advisers chat in "
                               "writing, for someone who cannot call; the attribute's value "
                               "is its address.")}),
    }
    out = {}
    for code, (taxonomy, terms) in vocabularies.items():
        out[code] = (taxonomy, {term: {
            "id": uid("taxonomy_term", f"{code}/{term}"), "code": term, "name": name,
            "description": description, "taxonomy_id": taxonomy["id"],
            "taxonomy_detail": taxonomy,
        } for term, (name, description) in terms.items()})
    return out


def _attribute(link_id: str, link_type: str, term: dict, value: str,
               entity: str = "service") -> dict:
    return {"id": uid("attribute", f"{link_id}/{link_type}/{term['code']}/{value}"),
            "link_id": link_id, "link_type": link_type, "link_entity": entity,
            "taxonomy_term_id": term["id"], "taxonomy_term": term, "value": value}


def _schedules(service_id: str, hours: Hours | None, key: str, zone: int, **extra
               ) -> list[dict]:
    if hours is None:
        return []
    rows = [("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59", "24 hours, every day.")] if hours.always \
        else [(",".join(BYDAY[d] for d in p.days), p.opens, p.closes,
               "Past midnight into the next day." if p.closes < p.opens else "") for p in hours.periods]
    return [{"id": uid("schedule", f"{key}/{n}"), "service_id": service_id, "freq": "WEEKLY",
             "byday": byday, "opens_at": opens, "closes_at": closes, "timezone": zone,
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


def _language(name: str, key: str, sid: str) -> dict:
    record = {"id": uid("language", f"{key}/{name}"), "service_id": sid, "name": name}
    code = iso_code(name)
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
                   modified: str, zone: int) -> dict:
    """One service, fully nested, as HSDS 3.0 serves it at /services/{id}.

    :param zone: uk_offset of the day the feed is built, each schedule's `timezone`."""
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
    categories, eligibility, routes, audiences, pages, kinds = (terms[k][1] for k in (
        "categories", "eligibility", "referral-routes", "audiences", "pages", "kinds"))
    record["phones"] = []
    for p in service.phones:
        pid = uid("phone", f"{service.id}/{p.href}")
        phone = {"id": pid, "service_id": sid, "number": p.number, "type": "voice",
                 "description": " – ".join(filter(None, [p.label, p.hours]))}
        own = _schedules(sid, p.opening_hours, f"{service.id}/{p.href}", zone,
                         attending_type="phone",
                         notes=f"{p.label} {p.number}")
        if own:
            phone["schedules"] = own
        if p.out_of_hours:
            phone["attributes"] = [_attribute(pid, "kind", kinds[OUT_OF_HOURS_TERM],
                                              OUT_OF_HOURS_TERM, "phone")]
        record["phones"].append(phone)
    # Every address with its label; the first is the service's own `email` too.
    record["contacts"] = [{"id": uid("contact", f"{service.id}/{e.url}"), "service_id": sid,
                           "name": e.label, "email": e.url} for e in service.emails]
    record["service_areas"] = [{
        "id": uid("service_area", f"{service.id}/{slug}"), "service_id": sid,
        # extent_type names the format of an `extent` (a GeoJSON shape, say); we publish
        # none, so the area is its name and its ONS statistical-geography URI.
        "name": settings.areas[slug].name, "description": slug,
        **({"uri": ONS_URI + settings.areas[slug].ons_code}
           if settings.areas[slug].ons_code else {})} for slug in service.areas]
    record["languages"] = [_language(name, service.id, sid) for name in service.languages]
    # Only the service's own hours: a phone line's hours are on that phone.
    record["schedules"] = _schedules(sid, service.opening_hours, service.id, zone)
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
        + ([_attribute(sid, "kind", kinds[REPORTING_TERM], REPORTING_TERM)]
           if service.reporting else [])
        + ([_attribute(sid, "chat", kinds[CHAT_TERM], service.chat.url)] if service.chat else [])
        # Our page's address carries our id, so importing our own feed gives it back.
        + [_attribute(sid, "listing_page", pages["listing-page"],
                      settings.base_url.rstrip("/") + service.url)])
    record["service_at_locations"] = []  # no addresses: refuges and safe houses stay private
    return record
