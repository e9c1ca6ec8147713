"""Read another directory's Open Referral feed, as saved JSON files or a feed folder, and find
the service records in it.

A record may be a service, a list item, a service_at_location or one of an organisation's
services, inside a Page or not; the same service often comes twice (a list item and its
full record). Nulls, strings and numbers turn up where objects or lists belong, so every
value is read through the tolerant readers at the end.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Feed:
    """What was read: the services, and what the feed said about its size."""

    services: list[dict] = field(default_factory=list)
    total_items: int | None = None
    total_pages: int | None = None
    pages_read: set = field(default_factory=set)
    repeats: int = 0  # records with an id already read (a list item and its full record)
    clashes: int = 0  # records with the id of another, differently named service: both kept
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        said = (f" of {self.total_items} the feed says it has" if self.total_items is not None
                else "")
        text = f"Read {len(self.services)} service{'' if len(self.services) == 1 else 's'}{said}."
        if self.repeats:
            text += f" {self.repeats} more had the id of a service already read and were merged."
        if self.clashes:
            text += (f" {self.clashes} had the id of a service with another name: each was "
                     "kept, as its own service.")
        missing = [n for n in range(1, (self.total_pages or 0) + 1) if n not in self.pages_read]
        if self.total_pages and self.total_pages > 1 and missing:
            text += (f" The feed has {self.total_pages} pages and {_runs(missing)} "
                     f"{'was' if len(missing) == 1 else 'were'} not read: save "
                     f"{'it' if len(missing) == 1 else 'them'} (?page={missing[0]}, ...) and "
                     "import every page together for the rest.")
        return text


def _runs(numbers: list[int]) -> str:
    """Page numbers in ascending order, as runs: 'page 3', 'pages 3 to 292, 295'."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    said = [str(r[0]) if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in runs]
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(said)


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
    seen: dict[str, _Seen] = {}  # each id's records, by their place in feed.services
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
            name = _name(record)
            # The list item and the full record of one service share its id and name (or
            # one has no name): merged. Two services the feed gave one id: both kept.
            same = seen[key].first(name) if key in seen else None
            if same is not None:
                feed.repeats += 1
                feed.services[same] = _merged(feed.services[same], record)
                seen[key].add(_name(feed.services[same]), same)
                continue
            if key in seen:
                feed.clashes += 1
            seen.setdefault(key, _Seen()).add(name, len(feed.services))
            feed.services.append(record)
    return feed


def _merged(one: dict, other: dict) -> dict:
    """Two copies of one record as one: the fuller (more values that are not empty: a list
    item often has every field, most of them null), with what only the other gives."""
    fuller, rest = (other, one) if _filled(other) > _filled(one) else (one, other)
    merged = dict(fuller)
    for key, value in rest.items():
        if _empty(merged.get(key)) and not _empty(value):
            merged[key] = value
    return merged


def _filled(record: dict) -> int:
    return sum(not _empty(v) for v in record.values())


def _empty(value) -> bool:
    return value is None or value in ("", [], {})


class _Seen:
    """The records read with one id, by name: a feed of thousands of services under one id
    is read in linear time, each record finding its own at once."""

    def __init__(self):
        self.any: int | None = None  # the first record of the id
        self.unnamed: int | None = None  # the first with no name, which any record matches
        self.named: dict[str, int] = {}  # the first with each name

    def first(self, name: str) -> int | None:
        """The first record this one is a copy of: any, if it has no name; else the first
        with its name or with none."""
        if not name:
            return self.any
        found = [i for i in (self.named.get(name), self.unnamed) if i is not None]
        return min(found) if found else None

    def add(self, name: str, index: int) -> None:
        self.any = index if self.any is None else min(self.any, index)
        if not name:
            self.unnamed = index if self.unnamed is None else min(self.unnamed, index)
        else:
            self.named[name] = min(self.named.get(name, index), index)


def _name(record: dict) -> str:
    name = record.get("name")
    return name.strip().casefold() if isinstance(name, str) else ""


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
    total = as_int(data.get("total_items", data.get("totalElements")))
    pages = as_int(data.get("total_pages", data.get("totalPages")))
    number = as_int(data.get("page_number", data.get("number")))
    if total is not None:
        feed.total_items = max(total, feed.total_items or 0)
    if pages is not None:
        feed.total_pages = max(pages, feed.total_pages or 0)
        if number is not None:
            # ORUK v1 (Spring) pages count from 0; HSDS 3.0 pages from 1.
            from_zero = "number" in data and "page_number" not in data
            feed.pages_read.add(number + (1 if from_zero else 0))


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


# Values: tolerate nulls, strings and numbers where objects or lists belong -----------------

def as_dict(value) -> dict:
    """The value if it is an object, else an empty one."""
    return value if isinstance(value, dict) else {}


def as_dicts(value) -> list[dict]:
    """The objects in a list (or the one object given alone)."""
    if isinstance(value, dict):
        return [value]
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def as_text(value) -> str:
    """A string, number or nothing as stripped text; anything else as ''."""
    if isinstance(value, bool) or value is None:
        return ""
    return str(value).strip() if isinstance(value, (str, int, float)) else ""


def as_int(value) -> int | None:
    """A whole number, written as a number or as digits, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,6}", value.strip()):
        return int(value)
    return None


def codes(attributes: list[dict], link_type: str) -> list[str]:
    """The codes (or else the values) of the attributes of one link type."""
    return [as_text(as_dict(a.get("taxonomy_term")).get("code")) or as_text(a.get("value"))
            for a in attributes if as_text(a.get("link_type")) == link_type]
