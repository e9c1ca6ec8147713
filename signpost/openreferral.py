"""The directory as Open Referral (HSDS 3.0, valid against the UK profile too): the feed the
build publishes under /openreferral/, and the import of other directories' feeds.

HSDS has one age range per service, so eligibility groups ("women from 13, men from 16")
are kept three ways: the widest range in minimum_age/maximum_age, the plain words in
eligibility_description, and one attribute per group (gender term, value "13-" or "5-17").
"""
from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import yaml

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


def uid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


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
                            {k: (v, v) for k, v in ROUTE_TERMS.items()}),
        "audiences": (_taxonomy("audiences", "Audiences", "Who a listing is for."),
                      {"residents": ("Residents", "People looking for help."),
                       "professionals": ("Professionals", "People who work with survivors."),
                       # Kept apart: help for people who harm is never help for victims.
                       "people-who-harm": ("People who harm", "Help for people who want to "
                                           "change their own abusive behaviour.")}),
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
    rows = [("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59", "24 hours, every day")] if hours.always \
        else [(",".join(BYDAY[d] for d in p.days), p.opens, p.closes,
               "Past midnight into the next day." if p.closes < p.opens else "") for p in hours.periods]
    return [{"id": uid("schedule", f"{key}/{n}"), "service_id": service_id, "freq": "WEEKLY",
             "byday": byday, "opens_at": opens, "closes_at": closes,
             "description": " ".join(filter(None, [note, "Times are UK local time."])), **extra}
            for n, (byday, opens, closes, note) in enumerate(rows)]


def service_record(service: Service, settings: Settings, terms) -> dict:
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
    }
    record.update({k: v for k, v in optional.items() if v})
    if groups and all(g.min_age is not None for g in groups):
        record["minimum_age"] = min(g.min_age for g in groups)
    if groups and all(g.max_age is not None for g in groups):
        record["maximum_age"] = max(g.max_age for g in groups)
    if service.organisation:
        org = {"id": uid("organization", service.organisation), "name": service.organisation,
               "description": f"Runs {service.name}."}
        record["organization_id"], record["organization"] = org["id"], org
    record["phones"] = [{
        "id": uid("phone", f"{service.id}/{p.href}"), "service_id": sid, "number": p.number,
        "type": "voice", "description": " – ".join(filter(None, [p.label, p.hours]))}
        for p in service.phones]
    record["contacts"] = [{"id": uid("contact", f"{service.id}/{e.url}"), "service_id": sid,
                           "name": e.label, "email": e.url} for e in service.emails[1:]]
    record["service_areas"] = [{
        "id": uid("service_area", f"{service.id}/{slug}"), "service_id": sid,
        "name": settings.areas[slug].name, "description": slug,
        **({"extent_type": "local_authority", "uri": ONS_URI + settings.areas[slug].ons_code}
           if settings.areas[slug].ons_code else {})} for slug in service.areas]
    record["languages"] = [{"id": uid("language", f"{service.id}/{name}"), "service_id": sid,
                            "name": name} for name in service.languages]
    record["schedules"] = _schedules(sid, service.opening_hours, service.id) + [
        row for p in service.phones for row in _schedules(
            sid, p.opening_hours, f"{service.id}/{p.href}", attending_type="phone",
            notes=f"{p.label} {p.number}")]
    categories, eligibility, routes, audiences = (terms[k][1] for k in
                                                  ("categories", "eligibility", "referral-routes", "audiences"))
    record["attributes"] = (
        [_attribute(sid, "category", categories[c], c) for c in service.categories]
        + [_attribute(sid, "eligibility", eligibility[g.gender or GROUP_ANYONE],
                      f"{g.min_age if g.min_age is not None else 0}-"
                      + ("" if g.max_age is None else str(g.max_age))) for g in groups]
        + [_attribute(sid, "audience", audiences[a], a) for a in service.audiences]
        + ([_attribute(sid, "audience", audiences["people-who-harm"], "people-who-harm")]
           if service.for_people_who_harm else [])
        + [_attribute(sid, "referral_route", routes[r], r) for r in service.referral.routes]
        + [_attribute(sid, "referral_form", routes["professional"], f.url)
           for f in service.referral.forms])
    record["service_at_locations"] = []  # no addresses: refuges and safe houses stay private
    return record


def _page(items: list) -> dict:
    """An HSDS Page object holding every item on one page."""
    return {"total_items": len(items), "total_pages": 1, "page_number": 1, "size": len(items),
            "first_page": True, "last_page": True, "empty": not items, "contents": items}


LIST_FIELDS = ("id", "name", "status", "description", "url", "email", "alert",
               "eligibility_description", "minimum_age", "maximum_age", "assured_date",
               "application_process", "organization_id", "organization")


def feed_files(services: list[Service], settings: Settings) -> dict[str, object]:
    """Every file of the feed, by path under /openreferral/."""
    terms = _taxonomies(settings)
    records = [service_record(s, settings, terms) for s in services]
    all_terms = [term for _, by_code in terms.values() for term in by_code.values()]
    files = {
        "index.json": {"version": VERSION, "profile": PROFILE, "openapi_url": OPENAPI},
        "services.json": _page([{k: r[k] for k in LIST_FIELDS if k in r} for r in records]),
        "taxonomies.json": _page([taxonomy for taxonomy, _ in terms.values()]),
        "taxonomy_terms.json": _page(all_terms),
        "service_at_locations.json": _page([]),
    }
    files.update({f"services/{r['id']}.json": r for r in records})
    files.update({f"taxonomies/{t['id']}.json": t for t, _ in terms.values()})
    files.update({f"taxonomy_terms/{t['id']}.json": t for t in all_terms})
    return files


def write_feed(services: list[Service], settings: Settings, site_dir: Path) -> None:
    """Write the feed into site_dir/openreferral/."""
    for path, data in feed_files(services, settings).items():
        dest = site_dir / "openreferral" / path
        dest.parent.mkdir(parents=True, exist_ok=True)
        # Compact: smaller to fetch, and quicker to write for 10,000 listings.
        dest.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")


# Import ---------------------------------------------------------------------------------

MAPPED = {"id", "name", "status", "description", "url", "email", "alert",
          "eligibility_description", "minimum_age", "maximum_age", "assured_date",
          "application_process", "organization", "organization_id", "phones", "contacts",
          "service_areas", "languages", "schedules", "attributes", "service_at_locations"}
DAY_CODES = {v: k for k, v in BYDAY.items()}


def read_feed(path: Path):
    """Read services to import: a JSON file (a Page, a list, or one service), or a feed
    folder like ours, whose services/*.json hold the fully nested records."""
    if path.is_dir():
        folder = path / "services" if (path / "services").is_dir() else path
        return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    return json.loads(path.read_text(encoding="utf-8"))


class _Dumper(yaml.SafeDumper):
    """Write imported entries the way staff write services.yaml."""


def _text(dumper, value):
    style = "|" if "\n" in value else ("'" if re.fullmatch(r"\d\d:\d\d", value) else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def entries_yaml(entries: list[dict], header: str) -> str:
    return header + yaml.dump({"services": entries}, Dumper=_Dumper, sort_keys=False,
                              allow_unicode=True, width=100)


def import_services(data, settings: Settings) -> tuple[list[dict], list[str]]:
    """Turn HSDS 3.0 / ORUK services (a Page, a list, or one service) into listing entries
    for services.yaml; return them with notes on what could not be mapped."""
    items = data.get("contents", [data]) if isinstance(data, dict) else data
    entries, notes, used = [], [], set()
    by_ons = {a.ons_code: a.slug for a in settings.areas.values() if a.ons_code}
    by_name = {a.name.lower(): a.slug for a in settings.areas.values()}
    for record in items:
        name = str(record.get("name", "")).strip()
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "service"
        sid, n = slug, 2
        while sid in used:
            sid, n = f"{slug}-{n}", n + 1
        used.add(sid)
        where = f"service '{sid}'"
        skipped = sorted(k for k, v in record.items() if k not in MAPPED and v not in (None, "", [], {}))
        if skipped:
            notes.append(f"{where}: not mapped: {', '.join(skipped)}")
        summary, _, description = str(record.get("description", "")).partition("\n\n")
        entry = {"id": sid, "name": name}
        if record.get("organization", {}).get("name"):
            entry["organisation"] = record["organization"]["name"]
        entry["summary"] = summary.strip() or name
        if description.strip():
            entry["description"] = description.strip() + "\n"
        attributes = record.get("attributes") or []
        codes = lambda link: [a.get("taxonomy_term", {}).get("code") or a.get("value")
                              for a in attributes if a.get("link_type") == link]
        audiences = [c for c in codes("audience") if c in ("residents", "professionals")]
        if audiences:
            entry["audiences"] = audiences
        if "people-who-harm" in codes("audience"):
            entry["for_people_who_harm"] = True
        categories = [c for c in codes("category") if c in settings.categories]
        if categories:
            entry["categories"] = categories
        areas = []
        for area in record.get("service_areas") or []:
            code = str(area.get("uri", "")).rsplit("/", 1)[-1]
            slug = by_ons.get(code) or by_name.get(str(area.get("name", "")).lower()) or \
                (area.get("description") if area.get("description") in settings.areas else None)
            if slug:
                areas.append(slug)
            else:
                notes.append(f"{where}: area {area.get('name')!r} is not in site.yaml")
        entry["areas"] = areas
        groups = _groups(attributes, record, settings)
        if groups:
            entry["eligibility"] = groups
        if record.get("eligibility_description"):
            entry["eligibility_text"] = record["eligibility_description"]
        schedules = record.get("schedules") or []
        entry["phones"] = [_phone(p, schedules) for p in record.get("phones") or [] if p.get("number")]
        emails = ([{"label": "Email", "address": record["email"]}] if record.get("email") else []) + \
            [{"label": c.get("name") or "Email", "address": c["email"]}
             for c in record.get("contacts") or [] if c.get("email")]
        if emails:
            entry["emails"] = emails
        if record.get("url"):
            entry["website"] = record["url"]
        routes = [r for r in codes("referral_route") if r in ROUTE_TERMS]
        if routes or record.get("application_process"):
            entry["referral"] = {k: v for k, v in (("routes", routes),
                                 ("how", record.get("application_process"))) if v}
        languages = [lang.get("name") for lang in record.get("languages") or [] if lang.get("name")]
        if languages:
            entry["languages"] = languages
        hours = _hours([s for s in record.get("schedules") or [] if not s.get("attending_type")])
        if hours:
            entry["opening_hours"] = hours
        if record.get("assured_date"):
            entry["last_reviewed"] = str(record["assured_date"])[:10]
        entry["status"] = "active" if record.get("status", "active") == "active" else "temporarily-closed"
        if record.get("alert"):
            entry["alert"] = record["alert"]
        entry["source"] = f"Imported from an Open Referral feed (service {record.get('id', '?')})"
        entries.append({k: v for k, v in entry.items() if v not in (None, "", [])})
    return entries, notes


def _phone(phone: dict, schedules: list[dict]) -> dict:
    """A phone line, with the hours our export puts in its description and schedules."""
    label, _, hours = str(phone.get("description") or "Phone").partition(" – ")
    entry = {"label": label, "number": phone["number"]}
    if hours:
        entry["hours"] = hours
    own = [s for s in schedules if s.get("attending_type") == "phone"
           and str(s.get("notes", "")).endswith(phone["number"])]
    if own:
        entry["opening_hours"] = _hours(own)
    return entry


def _groups(attributes, record, settings) -> list[dict]:
    """Eligibility groups from our own attributes, else the one HSDS age range."""
    groups = []
    for a in attributes:
        if a.get("link_type") != "eligibility":
            continue
        code = a.get("taxonomy_term", {}).get("code")
        low, _, high = str(a.get("value", "")).partition("-")
        group = {"gender": code} if code in settings.genders else {}
        if low.isdigit() and int(low):
            group["min_age"] = int(low)
        if high.isdigit():
            group["max_age"] = int(high)
        groups.append(group)
    if not groups and ("minimum_age" in record or "maximum_age" in record):
        groups = [{k: int(record[f]) for k, f in (("min_age", "minimum_age"), ("max_age", "maximum_age"))
                   if record.get(f) is not None}]
    return groups


def _hours(schedules) -> object:
    if not schedules:
        return None
    rows = [(s.get("byday", ""), s.get("opens_at", ""), s.get("closes_at", "")) for s in schedules]
    if rows == [("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")]:
        return "24/7"
    return [{"days": [DAY_CODES[d] for d in byday.split(",") if d in DAY_CODES],
             "opens": opens[:5], "closes": closes[:5]} for byday, opens, closes in rows]
