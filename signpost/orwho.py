"""Who and where an imported service is for: the areas it serves (as site.yaml names them),
its eligibility groups and its languages."""
from __future__ import annotations

import re

from .languages import iso_name
from .orfeed import as_dict, as_dicts, as_int, as_text
from .ortext import plain
from .oryaml import Checker
from .settings import Settings


def served_areas(record: dict, settings: Settings, given: tuple[str, ...],
          notes: list[str]) -> list[str]:
    """The site.yaml areas the service serves, by ONS code or name, else the --area given."""
    by_ons = {a.ons_code: a.slug for a in settings.areas.values() if a.ons_code}
    by_name = {a.name.lower(): a.slug for a in settings.areas.values()}
    found = []
    for area in as_dicts(record.get("service_areas")):
        code = as_text(area.get("uri")).rstrip("/").rsplit("/", 1)[-1]
        name = plain(as_text(area.get("name") or area.get("service_area")))
        description = as_text(area.get("description"))
        slug = by_ons.get(code) or by_name.get(name.lower()) or by_name.get(
            re.sub(r"^(london borough of|royal borough of)\s+", "", name.lower())) or \
            (description if description in settings.areas else None)
        if slug:
            found.append(slug)
        elif name:
            notes.append(f"area {name[:60]!r} is not in site.yaml"
                         + (": used --area instead" if given else ""))
    found = list(dict.fromkeys(found))
    if "national" in found:
        found = ["national"]
    return found or list(given)


def eligibility(record: dict, attributes: list[dict], check: Checker,
                notes: list[str]) -> list[dict]:
    """Eligibility groups from our own attributes, else the one HSDS age range."""
    groups = []
    for a in attributes:
        if as_text(a.get("link_type")) != "eligibility":
            continue
        code = as_text(as_dict(a.get("taxonomy_term")).get("code"))
        low, _, high = as_text(a.get("value")).partition("-")
        group = {"gender": code} if code in check.settings.genders else {}
        if low.isdigit() and int(low):
            group["min_age"] = int(low)
        if high.isdigit():
            group["max_age"] = int(high)
        if group and check.field("eligibility", [group]) == []:
            groups.append(group)
    if groups:
        return groups
    low, high = (record.get(k) for k in ("minimum_age", "maximum_age"))
    group = {}
    for key, value in (("min_age", low), ("max_age", high)):
        if value is None or value == "":
            continue
        age = as_int(value)
        if age is None or not 0 <= age <= 120:
            notes.append(f"{'minimum' if key == 'min_age' else 'maximum'}_age "
                         f"{str(value)[:20]!r} is not a possible age: left out")
        elif key == "max_age" and age >= 99:
            notes.append(f"maximum_age {age} read as no upper age limit")
        elif age or key == "max_age":
            group[key] = age
    if "min_age" in group and "max_age" in group and group["min_age"] > group["max_age"]:
        notes.append(f"minimum_age {group['min_age']} is above maximum_age "
                     f"{group['max_age']}: ages left out")
        group = {}
    return [group] if group else []


def languages(record: dict, notes: list[str]) -> list[str]:
    """The languages' names, read from ISO 639 codes where only a code is given."""
    names = []
    for language in as_dicts(record.get("languages")):
        name = plain(as_text(language.get("name") or language.get("language")))
        code = as_text(language.get("code"))
        if not name and code:
            name = iso_name(code)
            if not name:
                notes.append(f"language code {code[:10]!r} is not ISO 639: left out")
        if name:
            names.append(name[:60])
    return list(dict.fromkeys(names))
