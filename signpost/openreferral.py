"""The directory as Open Referral (HSDS 3.0, valid against the UK profile too): the feed the
build publishes under /openreferral/ (each service's record is servicerecord.py; the import
of other directories' feeds is orimport.py).

The feed is static files. _redirects rewrites the API paths the ORUK validator calls
(/services, /services/{id}, /taxonomies, ...) to those files, so paging, search and filter
parameters cannot work: every ?page= answers page 1, which holds every item.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import orjson

from .hours import uk_today
from .outputs import Output
from .servicerecord import organisations, service_record, taxonomies, uk_offset
from .services import Service
from .settings import Settings

VERSION = "3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile"
OPENAPI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


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
                   modified: str, zone: int) -> list[tuple[str, bytes, bytes]]:
    """Each service's record, encoded, as (its id, the record, its item in services.json)."""
    encoded = []
    for service in services:
        record = service_record(service, settings, terms, orgs, modified, zone)
        encoded.append((record["id"], encode(record),
                        encode({k: record[k] for k in LIST_FIELDS if k in record})))
    return encoded


def plan_feed(services: list[Service], settings: Settings, encode_records=encode_records,
              modified: str | None = None, today: dt.date | None = None) -> list[Output]:
    """Every file of the feed as an output of the site under /openreferral/, in bytes.

    :param encode_records: called as encode_records above is; the dev server passes one that
        encodes again only the services that changed since its last rebuild.
    :param modified: last_modified(settings.services_file), if the caller has it already.
    :param today: the day of the build, whose UTC offset in London each schedule gives.
    """
    return _plan_feed(services, settings, modified or last_modified(settings.services_file),
                      encode_records, uk_offset(today or uk_today()))


def feed_files(services: list[Service], settings: Settings,
               modified: str = "2000-01-01T00:00:00Z", today: dt.date | None = None
               ) -> dict[str, object]:
    """Every file of the feed, by path under /openreferral/, read back from its bytes."""
    return {output.url[len("/openreferral/"):]: json.loads(output.body)
            for output in _plan_feed(services, settings, modified, encode_records,
                                     uk_offset(today or uk_today()))}


def _plan_feed(services: list[Service], settings: Settings, modified: str, encode_records,
               zone: int) -> list[Output]:
    terms = taxonomies(settings)
    orgs = organisations(services)
    records = encode_records(services, settings, terms, orgs, modified, zone)
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
