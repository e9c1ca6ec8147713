"""Decide what gets written where: the URL map of the whole site, with no I/O."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .content import Page
from .coverage import coverage
from .order import resident_order
from .outputs import Output
from .review import review_state
from .search import index_shards, who_slots
from .services import Service
from .settings import Settings

# The first parts of the site's own paths: no content page may take one (links.check_site).
RESERVED = {"services", "areas", "categories", "for", "professionals", "search", "assets",
            "embed", "fragments", "openreferral", "pagefind", "embed-this-directory"}


@dataclass(frozen=True)
class Lead:
    """A paragraph above a list: `kind` names its wording ("areas_intro",
    "no_local_services", "professionals_in_area", a link to href) or says it is `text`."""

    kind: str
    text: str = ""
    area: str = ""
    href: str = ""


@dataclass(frozen=True)
class Section:
    """A run of services under one heading: `group` is signpost.order's (None: no heading)."""

    group: str | None
    services: tuple[Service, ...]


@dataclass(frozen=True)
class Listing:
    """What a listing page (templates/services.html) shows.

    :param breadcrumbs: the section the page sits in ("areas", "categories",
        "professionals"), "" for the home page alone, None for none (an embed).
    :param empty_kind: the kind of help a page with nothing listed is about, if any.
    """

    heading: str
    intro: tuple[Lead, ...]
    breadcrumbs: str | None
    sections: tuple[Section, ...]
    services: tuple[Service, ...]  # on this page, in order
    count: int  # on all its pages
    page: int
    pages: tuple[tuple[int, str], ...]
    ordered: bool = False  # residents' order, in sections, with the helpline first
    place: str = ""  # the borough that section headings name
    helpline: Service | None = None
    empty_kind: str = ""
    national_link: bool = False  # an empty kind of help points to national services
    embedded: bool = False

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of help of the services on this page (its filter offers them)."""
        return frozenset().union(*[service.categories for service in self.services])

    @property
    def window(self) -> list[tuple[int, str, bool]]:
        """The pages the pagination links to, as (number, URL, whether some are left out
        before it): the first, the last and two either side of this one, so that a long
        list's pages stay light (and making one does not go through all the others)."""
        last = len(self.pages)
        shown = sorted({1, last, *range(max(1, self.page - 2), min(last, self.page + 2) + 1)})
        return [(n, self.pages[n - 1][1], k > 0 and n - shown[k - 1] > 1)
                for k, n in enumerate(shown)]


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
    in_category = _by_value(by_name, lambda s: s.categories)
    categories = {c.slug: in_category.get(c.slug, []) for c in settings.categories.values()}
    # A group open to any gender (no gender given) serves each of them.
    in_group = _by_value(for_residents, lambda s: settings.genders if any(
        g.gender is None for g in s.eligibility) else [g.gender for g in s.eligibility])
    groups = {g.slug: in_group.get(g.slug, []) for g in settings.genders.values()}
    for_professionals_in = _by_value(for_professionals, lambda s: s.areas)
    home_help = [s for s in by_name if s.id == settings.home_helpline]
    helpline = home_help[0] if home_help else None
    by_id = {s.id: s for s in services}
    keys: dict = {}  # each service's place in the order residents see, for every list
    residents = dict(helpline=helpline, ordered=True, keys=keys, reuse=reuse)

    outputs = [Output("/", "home.html", settings.site_name, {
        "helpline": home_help[0] if home_help else None,
        "areas": [a for a in boroughs if local[a.slug]],
        "categories": [settings.categories[c] for c in categories if categories[c]],
        "genders": [g for g in settings.genders.values() if groups[g.slug]],
        "pages": [p for p in pages if p.audience == "residents"],
    }, sources=("services", "pages"))]
    outputs += [_service_page(s.url, s, title, by_id, settings, today, reuse)
                for s, title in zip(services, _service_titles(services))]
    outputs.append(Output("/areas/", "areas.html", "Find help by borough", {
        "areas": [(a, len(local[a.slug])) for a in boroughs], "national": len(national),
        "helpline": home_help[0] if home_help else None}, sources=("services",)))
    for area in boroughs:
        professional_link = (Lead("professionals_in_area", area=area.name,
                                  href=f"/professionals/{area.slug}/"),) \
            if area.slug in for_professionals_in else ()
        outputs += _listing(f"/areas/{area.slug}/", f"Help in {area.name}", local[area.slug] + national,
                            settings, intro=_area_lead(area, local[area.slug]) + professional_link,
                            breadcrumbs="areas", place=area.name, **residents)
    outputs += _listing("/areas/national/", "Help across the UK", national, settings,
                        breadcrumbs="areas", **residents)
    # Kinds of help with no listing are not advertised with a count of 0; their pages say so.
    outputs.append(Output("/categories/", "categories.html", "Find help by kind of help", {
        "categories": [(settings.categories[c], len(found)) for c, found in categories.items()
                       if found],
        "empty": [settings.categories[c] for c, found in categories.items() if not found]},
        sources=("services",)))
    for slug, found in categories.items():
        category = settings.categories[slug]
        outputs += _listing(f"/categories/{slug}/", category.name, found, settings,
                            intro=(Lead("text", category.description),), breadcrumbs="categories",
                            empty_kind=category.name, national_link=bool(national), **residents)
    for slug, found in groups.items():
        gender = settings.genders[slug]
        outputs += _listing(f"/for/{slug}/", f"Help for {gender.name.lower()}", found, settings,
                            breadcrumbs="", **residents)
    professional_areas = [a for a in settings.areas.values() if a.slug in for_professionals_in]
    outputs.append(Output("/professionals/", "professionals.html", "For professionals", {
        "pages": [p for p in pages if p.audience == "professionals"],
        "areas": [(a, len(for_professionals_in[a.slug])) for a in professional_areas]},
        sources=("services", "pages")))
    outputs.append(Output("/professionals/coverage/", "coverage.html", "What the directory covers",
                          coverage(services, settings, today), sources=("services",)))
    for area in professional_areas:
        outputs += _listing(f"/professionals/{area.slug}/", f"For professionals in {area.name}",
                            for_professionals_in[area.slug], settings,
                            breadcrumbs="professionals", reuse=reuse,
                            place=area.name if area.slug != "national" else "")
    outputs += _embeds(by_name, local, national, settings, today, helpline, keys, reuse)
    outputs += [Output(p.url, "page.html", p.title, {"page": p}, (p.src_path, 1),
                       sources=(f"page:{p.slug}",)) for p in pages]
    # Its "who is it for" choices come from every listing's ages and genders.
    outputs.append(Output("/search/", "search.html", "Search for help",
                          {"helpline": helpline, "who_slots": who_slots(services),
                           "index_shards": index_shards(len(services))},
                          sources=("services",)))
    outputs.append(Output("/404.html", "404.html", "Page not found"))
    outputs.append(Output("/sitemap.xml", "sitemap.xml", "Sitemap",
                          {"urls": [o.url for o in outputs if o.url.endswith("/")
                                    and not o.context.get("embedded")]}, sources=("plan",)))
    return outputs


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


def _ids(services: list[Service]) -> tuple[str, ...]:
    """The sources naming these listings."""
    return tuple(["service:" + s.id for s in services])


def _service_page(url: str, service: Service, title: str, by_id: dict[str, Service],
                  settings: Settings, today: dt.date, reuse: dict | None = None,
                  **context) -> Output:
    """A service's page: its listing, and the 24-hour lines it offers.

    :param reuse: plan_site's: the same listings (by identity) make the same page, the very
        object planned last time, which the dev server then knows at once as unchanged."""
    lines = _lines_for(service, by_id, settings)
    stale = _stale(service, today)
    page = None
    if reuse is not None:
        key = (url, id(service), title, tuple(map(id, lines)), stale, tuple(context.items()))
        page = reuse["last"].get(key)
    if page is None:
        page = Output(url, "service.html", title, {
            "service": service, **context, "stale": stale, "lines": lines,
        }, sources=_ids([service] + lines))
    if reuse is not None:
        reuse["now"][key] = page
    return page


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


def _embeds(services: list[Service], local: dict, national: list[Service], settings: Settings,
            today: dt.date, helpline: Service | None = None, keys: dict | None = None,
            reuse: dict | None = None) -> list[Output]:
    """Pages that borough sites frame, the host script, plain fragments for server-side
    includes, and the page that tells web teams how to use them."""
    outputs, embedded = [], {}
    by_id = {s.id: s for s in services}
    for embed in settings.embeds.values():
        area = settings.areas[embed.area]
        found = [s for _, s in resident_order(local[area.slug] + national, settings, keys)]
        context = dict(embed=embed, breadcrumbs=None, helpline=helpline, ordered=True, keys=keys,
                       reuse=reuse,
                       place=area.name if area.slug != "national" else "")
        lead = _area_lead(area, local[area.slug])
        outputs += _listing(f"/embed/{area.slug}/", f"Help in {area.name} – for {embed.name}",
                            found, settings, heading=f"Help in {area.name}", intro=lead,
                            **context)
        if embed.accent:
            outputs.append(Output(f"/embed/{area.slug}/theme.css", "embed-theme.css",
                                  f"Theme for {embed.name}", {"embed": embed}))
        outputs.append(Output(f"/fragments/{area.slug}.html", "fragment.html",
                              f"Fragment: help in {area.name}", {"services": found},
                              sources=_ids(found)))
        of_kind = _by_value(found, lambda s: s.categories)
        for category in settings.categories.values():
            in_category = of_kind.get(category.slug)
            if not in_category:
                continue
            outputs += _listing(f"/embed/{area.slug}/{category.slug}/",
                                f"{category.name} in {area.name} – for {embed.name}", in_category,
                                settings, heading=f"{category.name} in {area.name}",
                                intro=(Lead("text", category.description),) + lead,
                                empty_kind=category.name, **context)
            outputs.append(Output(f"/fragments/{area.slug}/{category.slug}.html", "fragment.html",
                                  f"Fragment: {category.name} in {area.name}",
                                  {"services": in_category}, sources=_ids(in_category)))
        embedded.update({s.id: s for s in found})
    for service, title in zip(embedded.values(), _service_titles(list(embedded.values()))):
        outputs.append(_service_page(f"/embed{service.url}", service, f"{title} – embedded",
                                     by_id, settings, today, reuse, embedded=True))
        outputs.append(Output(f"/fragments/services/{service.id}.html", "fragment.html",
                              f"Fragment: {service.name} ({service.id})", {"services": [service]},
                              sources=_ids([service])))
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
    """The 24-hour lines a service's page offers when people cannot contact the service
    themselves: its first kind of help's `helplines` (Childline for children's services),
    else the site's home_helpline."""
    if service.phones or service.emails or service.website or service.for_people_who_harm:
        return []
    for category in settings.categories.values():
        if category.slug in service.categories and category.helplines:
            found = [by_id[i] for i in category.helplines if i in by_id and i != service.id]
            if found:
                return found
    return [by_id[settings.home_helpline]] if settings.home_helpline in by_id else []


def _area_lead(area, local: list[Service]) -> tuple[Lead, ...]:
    """What a borough's list says first: whether it has local services."""
    if area.slug == "national":
        return ()
    return (Lead("no_local_services", area=area.name),) if not local else (Lead("areas_intro"),)


def _listing(base: str, title: str, services: list[Service], settings: Settings,
             heading: str | None = None, ordered: bool = False, embed=None,
             keys: dict | None = None, reuse: dict | None = None, **listing) -> list[Output]:
    """Split a list of services into pages of settings.page_size: base, base/2/, ...

    :param ordered: a list residents see: in the order of signpost.order, in sections
        under each service's group; otherwise in name order, in one section.
    :param embed: the embed the pages are for, if they are framed by a borough's site.
    :param keys: resident_order's keys, shared by the lists of one plan.
    :param reuse: plan_site's: the same arguments (services by identity) make the same pages.
    :param listing: the rest of each page's Listing.
    """
    if reuse is not None:
        key = (base, title, heading, ordered, embed, tuple(map(id, services)),
               tuple((k, id(v) if isinstance(v, Service) else v) for k, v in listing.items()))
        found = reuse["now"][key] = reuse["last"].get(key) or _listing(
            base, title, services, settings, heading, ordered, embed, keys, **listing)
        return found
    entries = resident_order(services, settings, keys) if ordered else [(None, s) for s in services]
    services = [s for _, s in entries]
    size = settings.page_size
    total = max(1, -(-len(services) // size))
    urls = [base] + [f"{base}{n}/" for n in range(2, total + 1)]
    pages = tuple(enumerate(urls, 1))  # one list shared by all its pages
    layout = {"embedded": True, "embed": embed} if embed else {}
    outputs = []
    for n, url in pages:
        shown = entries[(n - 1) * size: n * size]
        sections: list[tuple[str | None, list[Service]]] = []
        for group, service in shown:
            if not sections or sections[-1][0] != group:
                sections.append((group, []))
            sections[-1][1].append(service)
        page = Listing(heading or title, services=tuple(s for _, s in shown), count=len(services),
                       sections=tuple(Section(g, tuple(found)) for g, found in sections),
                       page=n, pages=pages, ordered=ordered, embedded=bool(embed),
                       **{"intro": (), **listing})
        outputs.append(Output(url, "services.html",
                              title if n == 1 else f"{title} (page {n} of {total})",
                              {"listing": page, **layout}, sources=_ids(page.services)))
    return outputs
