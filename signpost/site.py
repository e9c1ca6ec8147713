"""Decide what gets written where: the URL map of the whole site, with no I/O."""
from __future__ import annotations

import datetime as dt
import re

from .content import Page
from .coverage import coverage
from .facets import age_range, who_slots
from .listings import Lead, plan_listing
from .order import browse_keys, group_of, resident_order
from .outputs import Output, reused, service_sources
from .review import review_state
from .search import DETAILS, fetches_all, index_shards
from .services import Service
from .settings import Settings, Term, setting_name
from .spelling import SPELLING_URL

# The first parts of the site's own paths: no content page may take one (links.check_site).
RESERVED = {"services", "areas", "categories", "for", "professionals", "search", "assets",
            "embed", "fragments", "openreferral", "pagefind", "embed-this-directory"}


def plan_site(services: list[Service], pages: list[Page], settings: Settings,
              today: dt.date, reuse: dict | None = None) -> list[Output]:
    """Return every page of the site, in a stable order.

    :param reuse: kept by the caller between plans (the dev server's rebuilds): the pages of
        each list of services planned last time, taken again for the same services (the
        same objects) and settings, so that an edit to one listing plans only its lists."""
    if reuse is not None:
        if reuse.get("settings") != settings:
            reuse.clear()
        reuse.update(settings=settings, last=reuse.get("now", {}), now={})
    by_name = sorted(services, key=lambda s: s.name.lower())
    for_residents = [s for s in by_name if "residents" in s.audiences]
    for_professionals = [s for s in by_name if "professionals" in s.audiences]
    in_area = _by_value(for_residents, lambda s: s.areas)
    national = in_area.get("national", [])
    boroughs = [a for a in settings.areas.values() if a.slug != "national"]
    local = {a.slug: in_area.get(a.slug, []) for a in boroughs}
    # A service in every borough (the Havens, for anyone in London) is in each borough's
    # list but based in none: a borough with only those has no services of its own.
    based = {slug for slug, found in local.items()
             if any(not settings.everywhere(s.areas) for s in found)}
    # Kinds of help are for residents: a forum or risk meeting for professionals is on their lists.
    in_category = _by_value(for_residents, lambda s: s.categories)
    categories = {c.slug: in_category.get(c.slug, []) for c in settings.categories.values()}
    # A group open to any gender (no gender given) serves each of them, and so does a way to
    # go to the police that names no group (the police are there for everyone).
    in_group = _by_value(for_residents, lambda s: settings.genders if any(
        g.gender is None for g in s.eligibility) or s.reporting and not s.eligibility
        else [g.gender for g in s.eligibility])
    groups = {g.slug: in_group.get(g.slug, []) for g in settings.genders.values()}
    for_professionals_in = _by_value(for_professionals, lambda s: s.areas)
    home_help = [s for s in by_name if s.id == settings.home_helpline]
    helpline = home_help[0] if home_help else None
    by_id = {s.id: s for s in services}
    keys: dict = {}  # each service's place in the order residents see, for every list
    residents = dict(ordered=True, keys=keys, reuse=reuse)

    outputs = [Output("/", "home.html", settings.site_name, {
        "helpline": helpline,
        "areas": [a for a in boroughs if a.slug in based],
        "categories": [settings.categories[c] for c in categories if categories[c]],
        "genders": [g for g in settings.genders.values() if groups[g.slug]],
        "pages": [p for p in pages if p.audience == "residents"],
    }, sources=("services", "pages"))]
    outputs += [_service_page(s.url, s, title, by_id, settings, today, reuse)
                for s, title in zip(services, _service_titles(services))]
    outputs.append(Output("/areas/", "areas.html", "Find help by borough", {
        "areas": [(a, len(local[a.slug])) for a in boroughs], "national": len(national),
        "helpline": helpline}, sources=("services",)))
    for area in boroughs:
        professional_link = (Lead("professionals_in_area", area=area.name,
                                  href=f"/professionals/{area.slug}/"),) \
            if area.slug in for_professionals_in else ()
        outputs += plan_listing(f"/areas/{area.slug}/", f"Help in {area.name}",
                                local[area.slug] + national, settings,
                                intro=_area_lead(area, based) + professional_link,
                                breadcrumbs="areas", place=area.name,
                                helplines=_term_lines(area, by_id, settings),
                                source=_defined(settings, "areas", area.slug), **residents)
    # The national lines: this list's, and the search's when nothing is chosen.
    national_lines = _term_lines(settings.areas["national"], by_id, settings)
    outputs += plan_listing("/areas/national/", "National help", national, settings,
                            breadcrumbs="areas", helplines=national_lines, **residents)
    # Kinds of help with no listing are not advertised with a count of 0; their pages say so.
    outputs.append(Output("/categories/", "categories.html", "Find help by kind of help", {
        "categories": [(settings.categories[c], len(found)) for c, found in categories.items()
                       if found],
        "empty": [settings.categories[c] for c, found in categories.items() if not found]},
        sources=("services",)))
    for slug, found in categories.items():
        category = settings.categories[slug]
        outputs += plan_listing(f"/categories/{slug}/", category.name, found, settings,
                                intro=(Lead("text", category.description),),
                                breadcrumbs="categories", empty_kind=category.name,
                                national_link=bool(national),
                                helplines=_term_lines(category, by_id, settings),
                                source=_defined(settings, "categories", slug), **residents)
    for slug, found in groups.items():
        gender = settings.genders[slug]
        outputs += plan_listing(f"/for/{slug}/", f"Help for {gender.name.lower()}", found, settings,
                                breadcrumbs="", source=_defined(settings, "genders", slug),
                                helplines=_term_lines(gender, by_id, settings), **residents)
    professional_areas = [a for a in settings.areas.values() if a.slug in for_professionals_in]
    outputs.append(Output("/professionals/", "professionals.html", "For professionals", {
        "pages": [p for p in pages if p.audience == "professionals"],
        "areas": [(a, len(for_professionals_in[a.slug])) for a in professional_areas]},
        sources=("services", "pages")))
    outputs.append(Output("/professionals/coverage/", "coverage.html", "What the directory covers",
                          coverage(services, settings, today), sources=("services",)))
    for area in professional_areas:
        outputs += plan_listing(f"/professionals/{area.slug}/", f"For professionals in {area.name}",
                                for_professionals_in[area.slug], settings,
                                breadcrumbs="professionals", reuse=reuse,
                                place=area.name if area.slug != "national" else "",
                                source=_defined(settings, "areas", area.slug))
    outputs += _embeds(by_name, local, based, national, settings, today, keys, reuse)
    outputs += [Output(p.url, "page.html", p.title, {"page": p}, (p.src_path, 1),
                       sources=(f"page:{p.slug}",)) for p in pages]
    # Its "who is it for" choices come from every listing's ages and genders.
    # The lines to call when nothing is found, or none is among the first results: a chosen
    # kind of help's own (the Respect Phoneline for help to stop being abusive), else a
    # chosen group's (the Men's Advice Line), else those for the age given (search.js).
    lines = {"": national_lines} | {
        g.slug: _term_lines(g, by_id, settings) for g in settings.genders.values()} | {
        f"kind:{c.name}": _to_call(c.helplines, by_id) for c in settings.categories.values()}
    outputs.append(Output("/search/", "search.html", "Search for help",
                          {"lines": {k: [_line_data(s) for s in v] for k, v in lines.items()
                                     if v},
                           "who_slots": who_slots(services),
                           # The boroughs with services based there (a place in a search's
                           # words in another says it has none: search.js).
                           "local": {a.name for a in boroughs if a.slug in based},
                           "index_shards": index_shards(len(services)),
                           # A small directory's every result's details, in one file.
                           "details": DETAILS if fetches_all(index_shards(len(services)),
                                                             len(services) + len(pages)) else ""},
                          sources=("services",)))
    # Rendered, not planned as bytes: reading every listing's words is a renderer's work,
    # beside the search index, not the plan's. With them, the words that ask for a way to go
    # to the police: loaded with the first search, not on the search page's first load.
    outputs.append(Output(SPELLING_URL, "words.json", "Search spelling words",
                          {"services": services, "pages": pages,
                           "report": _report_words(for_residents, categories, settings),
                           "situations": _situation_words(for_residents, by_id, settings),
                           "situations_first": sorted(
                               kind.name for kind in settings.categories.values()
                               if kind.first_when_named)},
                          sources=("services", "pages")))
    outputs.append(Output("/404.html", "404.html", "Page not found"))
    outputs.append(Output("/sitemap.xml", "sitemap.xml", "Sitemap",
                          {"urls": [o.url for o in outputs if o.url.endswith("/")
                                    and not o.context.get("embedded")]}, sources=("plan",)))
    return outputs


def _defined(settings: Settings, vocabulary: str, slug: str) -> tuple[str, int]:
    """Where site.yaml defines this borough, kind of help or group: the line a problem
    with the pages of its list is reported on."""
    return str(settings.settings_file), settings.lines.get(setting_name(vocabulary, slug), 0)


def _by_value(services: list[Service], values) -> dict[str, list[Service]]:
    """The services with each value (an area, a kind of help), in the order given: one pass
    over them all, rather than one for each value.

    :param values: a service's values; one written twice counts once.
    """
    found: dict[str, list[Service]] = {}
    for service in services:
        for value in dict.fromkeys(values(service)):
            found.setdefault(value, []).append(service)
    return found


def _service_page(url: str, service: Service, title: str, by_id: dict[str, Service],
                  settings: Settings, today: dt.date, reuse: dict | None = None,
                  **context) -> Output:
    """A service's page: its listing, and the 24-hour lines it offers.

    :param reuse: plan_site's: the same listings (by identity) make the same page, the very
        object planned last time, which the dev server then knows at once as unchanged."""
    lines = _lines_for(service, by_id, settings)
    stale = _stale(service, today)
    # Its place in the search page's order, naming a borough and not (search.js sorts by
    # these; search.shards splits the index by the first), and its group (order.group_of),
    # which puts some in a section that browsing lists after the helplines.
    browse = browse_keys(service, settings)
    group = group_of(service, settings.particular(service.categories))
    situations = _situations(service, by_id, settings)
    return reused(reuse, lambda: (url, id(service), title, tuple(map(id, lines)), stale,
                                  browse, group, situations, tuple(context.items())),
                  lambda: Output(url, "service.html", title, {
                      "service": service, **context, "stale": stale, "lines": lines,
                      "browse": browse, "group": group, "situations": situations},
                      sources=service_sources([service] + lines)))


def _situations(service: Service, by_id: dict[str, Service], settings: Settings
                ) -> tuple[str, ...]:
    """The kinds of help (slugs) that say which situation a service for one particular
    situation (Settings.particular) is for: its own, but those of the site's home_helpline,
    which anyone harmed can call. A word search lists such a service after the rest of the
    support it finds, unless the words name one of them (_situation_words; search.js,
    listedAfter): "emergency" listed foster care for a dog first, by its text's "emergency
    accommodation". None for any other service."""
    if not settings.particular(service.categories):
        return ()
    home = by_id.get(settings.home_helpline)
    return tuple(slug for slug in service.categories
                 if not home or slug not in home.categories)


def _service_titles(services: list[Service]) -> list[str]:
    """Name each service page, adding the organisation and then a number to tell apart
    services that share a name (titles must be unique: they are what history shows)."""
    titles, seen = [], {}
    for s in services:
        title = f"{s.name} – {s.organisation}" if s.organisation and s.organisation not in s.name \
            else s.name
        seen[title] = seen.get(title, 0) + 1
        titles.append(title if seen[title] == 1 else f"{title} ({seen[title]})")
    return titles


_WORD = re.compile(r"[\w'-]{3,}")


def _report_words(for_residents: list[Service], categories: dict[str, list[Service]],
                  settings: Settings) -> list[str]:
    """The words that ask for a way to go to the police, which search.js lists first only for
    them: those of the ways' names and numbers ("999") and of the kinds of help only they
    give ("police", "Clare's Law", "report"), but not of any other kind of help or of a place.
    "domestic violence" found Clare's Law (the Domestic Violence Disclosure Scheme) by its
    name, and "my partner hits me" by its kind's ("asking about a partner's past"), before
    the 24-hour line and every service for domestic abuse.

    :param categories: each kind of help's services for residents (plan_site's)."""
    def words(*texts: str) -> set[str]:
        return set(_WORD.findall(" ".join(texts).lower()))

    def kind_words(only: bool) -> set[str]:  # of the kinds that are (not) only ways to report
        return words(*(f"{k.name} {' '.join(k.keywords)}" for k in settings.categories.values()
                       if only == bool(categories[k.slug] and all(
                           s.reporting for s in categories[k.slug]))))
    asking = words(*(s.name for s in for_residents if s.reporting), *(
        p.number.replace(" ", "") for s in for_residents if s.reporting for p in s.phones)) \
        | kind_words(True)
    other = kind_words(False) | words(*(a.name for a in settings.areas.values()))
    asking -= other
    # One that another begins with is not needed: "report" is enough for "reporting".
    return sorted(w for w in asking if not any(w.startswith(a) and w != a and len(a) > 3
                                                for a in asking))


def _situation_words(for_residents: list[Service], by_id: dict[str, Service],
                     settings: Settings) -> dict[str, list[str]]:
    """Each kind of help that says which situation a service for residents is for
    (_situations), by its name, with the words and phrases that name it: its plain words and
    situation words ("social worker", "dog"), or without any the words of its name, but those
    another kind of help has too ("family", domestic abuse's)."""
    def naming(kind) -> set[str]:
        return ({k.lower() for k in (*kind.keywords, *kind.situation_words)}
                or set(_WORD.findall(kind.name.lower())))

    def every_word(kind) -> set[str]:
        return set(_WORD.findall(" ".join((kind.name, *kind.keywords,
                                           *kind.situation_words)).lower()))
    kinds = sorted({slug for s in for_residents for slug in _situations(s, by_id, settings)})
    other = set().union(*(naming(kind) | every_word(kind)
                          for slug, kind in settings.categories.items() if slug not in kinds))
    return {settings.categories[slug].name: sorted(naming(settings.categories[slug]) - other)
            for slug in kinds}


def _embeds(services: list[Service], local: dict, based: set[str], national: list[Service],
            settings: Settings, today: dt.date, keys: dict | None = None,
            reuse: dict | None = None) -> list[Output]:
    """Pages that borough sites frame, the host script, plain fragments for server-side
    includes, and the page that tells web teams how to use them."""
    outputs, embedded = [], {}
    by_id = {s.id: s for s in services}
    for embed in settings.embeds.values():
        area = settings.areas[embed.area]
        found = [s for _, s in resident_order(local[area.slug] + national, settings, keys)]
        context = dict(embed=embed, breadcrumbs=None, ordered=True, keys=keys,
                       reuse=reuse,
                       place=area.name if area.slug != "national" else "")
        lead = _area_lead(area, based)
        outputs += plan_listing(f"/embed/{area.slug}/", f"Help in {area.name} – for {embed.name}",
                                found, settings, heading=f"Help in {area.name}", intro=lead,
                                helplines=_term_lines(area, by_id, settings), **context)
        if embed.accent:
            outputs.append(Output(f"/embed/{area.slug}/theme.css", "embed-theme.css",
                                  f"Theme for {embed.name}", {"embed": embed}))
        outputs.append(Output(f"/fragments/{area.slug}.html", "fragment.html",
                              f"Fragment: help in {area.name}", {"services": found},
                              sources=service_sources(found)))
        of_kind = _by_value(found, lambda s: s.categories)
        for category in settings.categories.values():
            in_category = of_kind.get(category.slug)
            if not in_category:
                continue
            outputs += plan_listing(f"/embed/{area.slug}/{category.slug}/",
                                    f"{category.name} in {area.name} – for {embed.name}",
                                    in_category, settings,
                                    heading=f"{category.name} in {area.name}",
                                    intro=(Lead("text", category.description),) + lead,
                                    helplines=_term_lines(category, by_id, settings),
                                    empty_kind=category.name, **context)
            outputs.append(Output(f"/fragments/{area.slug}/{category.slug}.html", "fragment.html",
                                  f"Fragment: {category.name} in {area.name}",
                                  {"services": in_category}, sources=service_sources(in_category)))
        embedded.update({s.id: s for s in found})
    for service, title in zip(embedded.values(), _service_titles(list(embedded.values()))):
        outputs.append(_service_page(f"/embed{service.url}", service, f"{title} – embedded",
                                     by_id, settings, today, reuse, embedded=True))
        outputs.append(Output(f"/fragments/services/{service.id}.html", "fragment.html",
                              f"Fragment: {service.name} ({service.id})", {"services": [service]},
                              sources=service_sources([service])))
    if settings.embeds:
        outputs.append(Output("/embed/host.js", "embed-host.js", "Embed host script"))
        outputs.append(Output("/embed-this-directory/", "embed-guide.html", "Embed this directory",
                              {"embeds": list(settings.embeds.values())}))
    return outputs


def _stale(service: Service, today: dt.date) -> bool:
    """Due for review or overdue: the page says the details may have changed. (With no date
    at all the page shows no "last checked" line, so there is nothing to warn about.)"""
    return service.last_reviewed is not None and review_state(service, today) != "fresh"


def _lines_for(service: Service, by_id: dict[str, Service], settings: Settings) -> list[Service]:
    """The lines a service's page offers when people cannot contact the service
    themselves: its first kind of help's `helplines` (Childline for children's services),
    else the site's home_helpline."""
    if service.phones or service.emails or service.website or service.for_people_who_harm:
        return []
    for category in settings.categories.values():
        if category.slug in service.categories:
            found = [s for s in _to_call(category.helplines, by_id) if s.id != service.id]
            if found:
                return found
    return list(_to_call([settings.home_helpline], by_id))


def _term_lines(term: Term, by_id: dict[str, Service], settings: Settings) -> tuple[Service, ...]:
    """The lines a list of a borough, kind of help or group offers first ("Talk to someone
    now"): its own `helplines` (the Men's Advice Line for men, Childline for children),
    else the site's home_helpline, except on a list of help for people who harm, where a
    victims' line is not what to call."""
    own = _to_call(term.helplines, by_id)
    if own or term.for_people_who_harm:
        return own
    return _to_call([settings.home_helpline], by_id)


def _to_call(ids, by_id: dict[str, Service]) -> tuple[Service, ...]:
    """The listings with these ids that are lines to call now: with a number, not closed."""
    return tuple(by_id[i] for i in ids if i in by_id and by_id[i].phones
                 and by_id[i].status == "active")


def _line_data(line: Service) -> dict:
    """What the search page shows of a line to call when nothing is found, and who it is
    for (each group as gender, or "" for any, and its ages), so that the page offers only
    the lines that fit the age and gender chosen: Childline to no one of 35."""
    phone = line.phones[0]
    return {"name": line.name, "url": line.url, "number": phone.number, "href": phone.href,
            "hours": phone.hours,
            "groups": [[g.gender or "", *age_range(g)] for g in line.eligibility]}


def _area_lead(area, based: set[str]) -> tuple[Lead, ...]:
    """What a borough's list says first: whether it has services based there (`based`)."""
    if area.slug == "national":
        return ()
    return (Lead("areas_intro"),) if area.slug in based else \
        (Lead("no_local_services", area=area.name),)
