"""Who and where an imported service is for: the areas it serves (as site.yaml names them),
its eligibility groups and its languages."""
from __future__ import annotations

import re

from .languages import iso_name
from .orfeed import as_dict, as_dicts, as_int, as_text
from .ortext import plain
from .oryaml import Checker
from .servicerecord import GROUP_ANYONE
from .settings import Settings

NATIONAL = "national"  # site.yaml's area for services anyone in the country can use
# ONS codes and names of the UK, Great Britain, England and Wales, and England.
_COUNTRY_CODES = ("K02000001", "K03000001", "K04000001", "E92000001")
_COUNTRY_NAMES = ("uk", "united kingdom", "great britain", "england and wales", "england",
                  "national", "nationwide")
# A council's title before its borough's name ("LB Lewisham", "Royal Borough of ...").
_COUNCIL = re.compile(r"^(?:london borough of|royal borough of|city of|lb)\s+")
# Other directories' words for the genders site.yaml has (an eligibility term's code).
GENDER_WORDS = {**dict.fromkeys(("female", "woman", "women", "girls", "women and girls"),
                                "women"),
                **dict.fromkeys(("male", "man", "men", "boys", "men and boys"), "men")}
# Words that say an age too: read only with the ages written beside them ("boys 5-17"), as
# the gender alone would be women or men of any age.
_YOUNG = ("girls", "boys")


def served_areas(record: dict, settings: Settings, given: tuple[str, ...],
          notes: list[str]) -> list[str]:
    """The site.yaml areas the service serves, by ONS code or name, else the --area given."""
    by_ons = {a.ons_code: a.slug for a in settings.areas.values() if a.ons_code}
    by_name = {_area_key(a.name): a.slug for a in settings.areas.values()}
    if NATIONAL in settings.areas:  # the whole country, however another directory says it
        by_ons.update(dict.fromkeys(_COUNTRY_CODES, NATIONAL))
        by_name.update(dict.fromkeys(_COUNTRY_NAMES, NATIONAL))
    found, unknown = [], []
    for area in as_dicts(record.get("service_areas")):
        code = as_text(area.get("uri")).rstrip("/").rsplit("/", 1)[-1]
        name = plain(as_text(area.get("name") or area.get("service_area")))
        description = as_text(area.get("description"))
        # The name as it is first ("City of London"), then without a council's title
        # ("City of Westminster"): a name that is no area's either way is not guessed at.
        slug = by_ons.get(code) or by_name.get(_area_key(name)) or \
            by_name.get(_COUNCIL.sub("", _area_key(name))) or \
            (description if description in settings.areas else None)
        if slug:
            found.append(slug)
        elif name:
            unknown.append(name)
    # --area stands in only for a service none of whose areas is known.
    instead = ": left out" if found else ": used --area instead" if given else ""
    notes += [f"area {name[:60]!r} is not in site.yaml{instead}" for name in unknown]
    found = list(dict.fromkeys(found))
    if NATIONAL in found:
        found = [NATIONAL]
    return found or list(given)


def _area_key(name: str) -> str:
    """A borough's name as written either way: 'Barking & Dagenham', 'barking and dagenham'."""
    return re.sub(r"\s+", " ", re.sub(r"\s*&\s*", " and ", name.lower())).strip()


def eligibility(record: dict, attributes: list[dict], check: Checker,
                notes: list[str]) -> list[dict]:
    """Eligibility groups from eligibility attributes (a gender, and ages as 'LOW-HIGH'),
    with the record's age range for a group that gives none; else that range alone. Never
    widened: when any group cannot be read, none is kept (women aged 16 to 64 with the rest
    unread must not become anyone aged 16 to 64, nor women of any age)."""
    ages = _age_range(record, notes)
    given = [a for a in attributes if as_text(a.get("link_type")) == "eligibility"]
    if ages is None:  # a group of women with the ages unread must not become women of any age
        if given:
            notes.append("the ages could not be read, so no eligibility was imported: set "
                         "eligibility by hand from what the service says")
        return []
    groups = []
    for a in given:
        group = _group(a, ages, check.settings.genders)
        if group is None or check.field("eligibility", [group]):
            code = as_text(as_dict(a.get("taxonomy_term")).get("code"))
            said = (code + " " + as_text(a.get("value"))).strip()[:40]
            notes.append(f"eligibility {said!r} could not be read as a gender and ages, so no "
                         "eligibility was imported (the feed's own words, if it gave any, are "
                         "in eligibility_text): set eligibility by hand from what the service "
                         "says")
            return []
        # {} is a group of anyone (our own feed's 'anyone' and '0-'): kept, as a group.
        if group not in groups:
            groups.append(group)
    return groups or ([ages] if ages and not given else [])


def _group(attribute: dict, ages: dict, genders) -> dict | None:
    """One eligibility attribute as a group, or None if its gender or ages cannot be read."""
    code = as_text(as_dict(attribute.get("taxonomy_term")).get("code"))
    value = as_text(attribute.get("value")).strip()
    if code.lower() in _YOUNG and not value:
        return None
    code = "" if code == GROUP_ANYONE else GENDER_WORDS.get(code.lower(), code)
    if (value and not re.fullmatch(r"\d*-\d*", value)) or (code and code not in genders):
        return None
    low, _, high = value.partition("-")
    group = {"gender": code} if code else {}
    if low.isdigit() and int(low):
        group["min_age"] = int(low)
    if high.isdigit() and int(high):  # '-0', like maximum_age 0, says no limit
        group["max_age"] = int(high)
    if not value:  # a gender alone: the record's ages, if it gives them
        group.update(ages)
    return group


def _age_range(record: dict, notes: list[str]) -> dict | None:
    """The record's minimum_age and maximum_age as min_age and max_age ({} for none given);
    None when either cannot be read (16 to 25 with '16 years' unread must not become 'up to
    25', nor any age)."""
    group, unread = {}, False
    for key, value in (("min_age", record.get("minimum_age")),
                       ("max_age", record.get("maximum_age"))):
        if value is None or value == "":
            continue
        age = as_int(value)
        if age is None or not 0 <= age <= 120:
            notes.append(f"{'minimum' if key == 'min_age' else 'maximum'}_age "
                         f"{str(value)[:20]!r} is not a possible age: ages left out")
            unread = True
        elif key == "max_age" and age >= 99:
            notes.append(f"maximum_age {age} read as no upper age limit")
        elif key == "max_age" and age == 0:  # "not set", as many feeds write it
            notes.append("maximum_age 0 read as not set (no upper age limit): check the "
                         "ages with the service")
        elif age or key == "max_age":
            group[key] = age
    if unread:
        return None
    if "min_age" in group and "max_age" in group and group["min_age"] > group["max_age"]:
        notes.append(f"minimum_age {group['min_age']} is above maximum_age "
                     f"{group['max_age']}: ages left out")
        return None
    return group


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
