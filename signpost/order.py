"""The one order of the lists residents see: the help most likely to be right for them first.

1. ``local``: services a person can contact themselves, based in the place (on pages with
   no place, every service that is not national), those in every borough after the
   place's own (a service for all of London, such as foster care for a dog, came first on
   a borough's page by its name);
2. ``helplines``: national services a person can contact themselves: the site's
   ``home_helpline`` (the National Domestic Abuse Helpline) first, then lines open 24 hours,
   then the others (among these a 24-hour line for something other than domestic abuse, of
   a kind of help that site.yaml marks ``not_domestic_abuse``: Samaritans, the Modern
   Slavery & Exploitation Helpline);
3. ``particular``: services, local or national, for one particular situation that few who
   read a list are in (a kind of help that site.yaml marks ``particular_situation``: foster
   care for a dog, sex work, social workers involved): foster care for a dog came third on
   a borough's page, before every national line (browsing the search lists them there
   too, as a section of their own; words find them in their group: see browse_key);
4. ``professional``: services reached only through a professional's referral (browsing
   the search lists them after the ``particular`` group, as lists do);
5. ``reporting``: ways to go to the police, to report a crime or ask about a partner (listings
   with ``reporting: true``), those with an emergency number (999) first;
6. ``people-who-harm``: help for people who want to change their own behaviour (listings with
   ``for_people_who_harm: true``), always last and under a heading of their own.

Within a group and rank (a 24-hour line before the others), services only for children and
young people (every group they serve ends by ``YOUNG_UP_TO``) come after the rest, as a page
does not know its reader's age and most who look are adults (a young person who gives an age
is shown only what is open to them). Then services are in name order. The order is
fixed when the page is built: "open now" marks a line but never moves a card (a list that
moves under a finger causes mis-taps).
"""
from __future__ import annotations

from .services import Service
from .settings import Settings

GROUPS = ("local", "helplines", "particular", "professional", "reporting", "people-who-harm")


def group_of(service: Service, particular: bool = False) -> str:
    """Say which of GROUPS a service belongs to (the place only splits local from national).

    :param particular: Settings.particular, of the service's kinds of help."""
    if service.for_people_who_harm:
        return "people-who-harm"
    if service.reporting:
        return "reporting"
    routes = service.referral.routes
    if "professional" in routes and "self" not in routes:
        return "professional"
    if particular:
        return "particular"
    return "helplines" if "national" in service.areas else "local"


def _open_always(service: Service) -> bool:
    return bool(service.opening_hours and service.opening_hours.always) or \
        any(p.opening_hours and p.opening_hours.always for p in service.phones)


EMERGENCY = ("tel:999", "tel:112")
YOUNG_UP_TO = 18  # a service whose every group ends by this age is for the young


def young_only(service: Service) -> int:
    """1 for a service only for children and young people (Childline, a programme for 11 to
    17), else 0. A search told no age lists them after the results that match as well
    (search.js, youngLast)."""
    return int(bool(service.eligibility) and all(
        g.max_age is not None and g.max_age <= YOUNG_UP_TO for g in service.eligibility))


def _place(service: Service, home: str, domestic_abuse: bool = True,
           everywhere: bool = False, particular: bool = False) -> tuple[int, int]:
    """A service's group, by its number in GROUPS, and its rank in it: 0 for the site's
    home_helpline (`home`) among the helplines, 1 for those that come first in their group
    (the helplines for domestic abuse open 24 hours; among the ways to go to the police,
    those with an emergency number: the police, before an anonymous line), 2 for the rest,
    3 for a local service in every borough (`everywhere`), after the place's own."""
    group = group_of(service, particular)
    if group == "helplines" and service.id == home:
        return GROUPS.index(group), 0
    if group == "local":
        return GROUPS.index(group), 3 if everywhere else 2
    first = _open_always(service) and domestic_abuse if group == "helplines" else \
        any(p.href in EMERGENCY for p in service.phones) if group == "reporting" else False
    return GROUPS.index(group), 1 if first else 2


def _key(service: Service, settings: Settings) -> tuple:
    domestic_abuse = settings.for_domestic_abuse(service.categories)
    return (*_place(service, settings.home_helpline, domestic_abuse,
                    settings.everywhere(service.areas), settings.particular(service.categories)),
            young_only(service), service.name.lower(), service.id)


def browse_key(service: Service, anywhere: bool = False, home: str = "",
               everywhere: bool = False, domestic_abuse: bool = True,
               particular: bool = False) -> str:
    """That order as text, which the search page sorts by (as Pagefind does, by code point)
    when someone browses without words, and the near-equal matches of words: "0" local, "1"
    helplines (`home`, the site's home_helpline, first, then the 24-hour ones), ..., "4"
    ways to go to the police (the police first), those only for the young after the rest of
    their rank, then the name. Those for a `particular` situation (Settings.particular) stay
    in their group, after the rest of their rank: words that name the situation ask for it
    ("will social services take my baby" listed the council's children's social care, a
    place to report a worry about a child, before advice about social workers); words that
    do not, a search lists after the rest (search.js, `listedAfter`). Naming a
    borough, a local one is keyed as a national one, after the lines rather than before
    them: "i want to leave", in each borough, listed foster care for a dog (by its kind's
    "when you leave") second.
    Browsing lists them, then the ``professional`` group, after the helplines, as the lists
    do (a section of the search of their own: search.js, `afterLines`).
    The borough filter leaves a borough's services and the national ones, so
    local-before-national is the borough's own order.

    :param anywhere: for a search that names no borough, where no service is local: the
        national helplines first, then the boroughs' services, those in every borough
        (`everywhere`, Settings.everywhere) first, as a 24-hour line among the helplines.
        Naming a borough, those in every borough come after the borough's own.
    :param domestic_abuse: Settings.for_domestic_abuse, for the rank of a 24-hour line."""
    group, rank = _place(service, home, domestic_abuse, everywhere)
    if particular and not anywhere and GROUPS[group] == "local":
        group, rank = GROUPS.index("helplines"), 2
    if anywhere and GROUPS[group] in ("local", "helplines"):
        if GROUPS[group] == "local" and everywhere:
            rank = 1
        group = GROUPS.index("helplines" if GROUPS[group] == "local" else "local")
    return f"{group}{rank}{int(particular) or young_only(service)}{service.name.lower()}"


def browse_keys(service: Service, settings: Settings) -> tuple[str, str]:
    """A service's browse_key naming a borough, and naming none."""
    domestic_abuse = settings.for_domestic_abuse(service.categories)
    everywhere = settings.everywhere(service.areas)
    particular = settings.particular(service.categories)
    return (browse_key(service, home=settings.home_helpline, everywhere=everywhere,
                       domestic_abuse=domestic_abuse, particular=particular),
            browse_key(service, True, settings.home_helpline, everywhere,
                       domestic_abuse, particular))


def resident_order(services: list[Service], settings: Settings,
                   keys: dict[int, tuple] | None = None) -> list[tuple[str, Service]]:
    """Return (group, service) pairs in the order residents should meet them.

    :param keys: each service's sort key by id(service), filled in as they are worked out:
        one plan orders a hundred lists of the same services, so it shares one (the
        services must outlive it)."""
    keys = {} if keys is None else keys
    pairs = []
    for service in services:
        found = keys.get(id(service))
        if found is None:
            found = keys[id(service)] = _key(service, settings)
        pairs.append((found, service))
    pairs.sort(key=lambda pair: pair[0])
    return [(GROUPS[k[0]], s) for k, s in pairs]
