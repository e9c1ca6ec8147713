"""The search facets: what a service page carries for Pagefind's filters (who it is for, in a
few exact values) and for the scripts that filter a listing in place and say what is open
now. Kept apart from search.py, which runs Pagefind over the written site: these only
describe services, for the templates."""
from __future__ import annotations

from .services import Group, Hours, Service

MAX_AGE = 120  # the oldest age a person can search for; an open upper limit is this

# Pagefind 1.5 answers a search with no words by loading its whole word index (4.6 MB for
# 10,000 listings). Every service page carries this one word, so browsing by filters is a
# one-word search that loads one small part of the index instead (about 0.3 MB).
BROWSE_WORD = "zzlisting"


def age_range(group: Group) -> tuple[int, int]:
    """The ages a group serves, from 0 to MAX_AGE where it gives no limit."""
    return (group.min_age if group.min_age is not None else 0,
            group.max_age if group.max_age is not None else MAX_AGE)


def who_values(service: Service) -> list[str]:
    """Return the service's 'who' filter values: for each distinct age range it serves (a
    slot, numbered from 0), 'N from LOW', 'N to HIGH' and 'N GENDER' for every gender in it.

    Pagefind filters are exact values with no ranges. One value per year of age made the
    filter data loaded by a first search grow to hundreds of KB; a few values per service
    keep it small while a search stays exact: the search page asks for a slot whose 'from'
    is at most the age, whose 'to' is at least it and whose gender is the one chosen or
    'any'. Within a slot every gender has the same ages, so a service for women from 13 and
    men from 16 (two slots) does not match a boy of 14. A service that has not said who it
    is for matches everyone, so that nobody is wrongly told there is nothing for them; its
    page says it has not said. A service only for professionals (a forum, a risk meeting)
    is help for nobody's age, and help for people who harm never matches a victim's age or
    gender.
    """
    if "residents" not in service.audiences or service.for_people_who_harm:
        return []
    slots: dict[tuple[int, int], list[str]] = {}
    for group in service.eligibility or (Group(),):
        genders = slots.setdefault(age_range(group), [])
        if (group.gender or "any") not in genders:
            genders.append(group.gender or "any")
    values = []
    for n, ((low, high), genders) in enumerate(slots.items()):
        values += [f"{n} from {low}", f"{n} to {high}"] + [f"{n} {gender}" for gender in genders]
    return values


def who_slots(services) -> int:
    """Return how many age-range slots the search page must ask about: the most any
    service has (at least 1)."""
    return max([1] + [sum(" from " in value for value in who_values(s)) for s in services])


def who_ranges(service: Service) -> str:
    """Say who a service is for compactly, for filtering a listing page in place:
    'women:13-120 men:16-120'; 'any:0-120' for a group open to any gender; '' when the
    service has not said; '-' when it is only for professionals; '*' for help for people
    who harm, which matches no age or gender but stays, under its own heading, for whoever
    chooses its kind of help (someone who wants to change is never left with none)."""
    if service.for_people_who_harm:
        return "*"
    if "residents" not in service.audiences:
        return "-"
    return " ".join(f"{g.gender or 'any'}:{'-'.join(map(str, age_range(g)))}"
                    for g in service.eligibility)


def hours_code(hours: Hours | None) -> str:
    """Write opening hours compactly for the 'open now' script: '24/7' or
    'mon,tue 09:00-17:00;sat 22:00-02:00' (a closing time before the opening time runs
    past midnight)."""
    if hours is None:
        return ""
    if hours.always:
        return "24/7"
    return ";".join(f"{','.join(p.days)} {p.opens}-{p.closes}" for p in hours.periods)
