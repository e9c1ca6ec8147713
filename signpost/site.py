"""Decide what gets written where: the URL map of the whole site, with no I/O."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .content import Page
from .coverage import coverage
from .order import resident_order
from .problems import Problem
from .review import review_state
from .search import who_slots
from .services import Service
from .settings import Settings

RESERVED = {"services", "areas", "categories", "for", "professionals", "search", "assets",
            "embed", "fragments", "openreferral", "pagefind", "embed-this-directory"}
REQUIRED_PAGES = ("staying-safe-online", "about")  # every page links to these
_HREF = re.compile(r'href="(/[^"#?]*)')
_LINK = re.compile(r'(?:href|src)="(/[^/"#?][^"#?]*|/)[#?"]')
# Written after the pages, by the feed and the search index: links into them are checked there.
GENERATED = ("/openreferral/", "/pagefind/")


@dataclass(frozen=True)
class Output:
    """One file to write: its URL, the template that renders it and what it is given."""

    url: str
    template: str
    title: str
    context: dict = field(default_factory=dict, compare=False)
    source: tuple[str, int] = ("", 0)  # where a broken link in it should be reported
    body: bytes | None = field(default=None, compare=False)  # written as is, not rendered
    html: str = field(default="", compare=False, repr=False)  # the text, once rendered

    @property
    def dest_path(self) -> str:
        return self.url.lstrip("/") + ("index.html" if self.url.endswith("/") else "")


def plan_site(services: list[Service], pages: list[Page], settings: Settings,
              today: dt.date) -> list[Output]:
    """Return every page of the site, in a stable order."""
    by_name = sorted(services, key=lambda s: s.name.lower())
    for_residents = [s for s in by_name if "residents" in s.audiences]
    for_professionals = [s for s in by_name if "professionals" in s.audiences]
    national = [s for s in for_residents if "national" in s.areas]
    boroughs = [a for a in settings.areas.values() if a.slug != "national"]
    local = {a.slug: [s for s in for_residents if a.slug in s.areas] for a in boroughs}
    categories = {c.slug: [s for s in by_name if c.slug in s.categories]
                  for c in settings.categories.values()}
    groups = {g.slug: [s for s in for_residents if _serves_gender(s, g.slug)]
              for g in settings.genders.values()}
    home_help = [s for s in by_name if s.id == settings.home_helpline]
    helpline = home_help[0] if home_help else None
    by_id = {s.id: s for s in services}
    residents = dict(helpline=helpline, ordered=True)

    outputs = [Output("/", "home.html", settings.site_name, {
        "helpline": home_help[0] if home_help else None,
        "areas": [a for a in boroughs if local[a.slug]],
        "categories": [settings.categories[c] for c in categories if categories[c]],
        "genders": [g for g in settings.genders.values() if groups[g.slug]],
        "pages": [p for p in pages if p.audience == "residents"],
    })]
    outputs += [Output(s.url, "service.html", title, {
        "service": s, "stale": _stale(s, today), "lines": _lines_for(s, by_id, settings),
    }) for s, title in zip(services, _service_titles(services))]
    outputs.append(Output("/areas/", "areas.html", "Find help by borough", {
        "areas": [(a, len(local[a.slug])) for a in boroughs], "national": len(national),
        "helpline": home_help[0] if home_help else None}))
    for area in boroughs:
        outputs += _listing(f"/areas/{area.slug}/", f"Help in {area.name}", local[area.slug] + national,
                            settings, area=area, local_count=len(local[area.slug]),
                            has_professionals=any(area.slug in s.areas for s in for_professionals),
                            **residents)
    outputs += _listing("/areas/national/", "Help across the UK", national, settings,
                        area=settings.areas["national"], local_count=len(national), **residents)
    # Kinds of help with no listing are not advertised with a count of 0; their pages say so.
    outputs.append(Output("/categories/", "categories.html", "Find help by kind of help", {
        "categories": [(settings.categories[c], len(found)) for c, found in categories.items()
                       if found],
        "empty": [settings.categories[c] for c, found in categories.items() if not found]}))
    for slug, found in categories.items():
        category = settings.categories[slug]
        outputs += _listing(f"/categories/{slug}/", category.name, found, settings, category=category,
                            national_count=len(national), **residents)
    for slug, found in groups.items():
        gender = settings.genders[slug]
        outputs += _listing(f"/for/{slug}/", f"Help for {gender.name.lower()}", found, settings,
                            gender=gender, **residents)
    professional_areas = [a for a in settings.areas.values()
                          if any(a.slug in s.areas for s in for_professionals)]
    outputs.append(Output("/professionals/", "professionals.html", "For professionals", {
        "pages": [p for p in pages if p.audience == "professionals"],
        "areas": [(a, sum(a.slug in s.areas for s in for_professionals)) for a in professional_areas]}))
    outputs.append(Output("/professionals/coverage/", "coverage.html", "What the directory covers",
                          coverage(services, settings, today)))
    for area in professional_areas:
        outputs += _listing(f"/professionals/{area.slug}/", f"For professionals in {area.name}",
                            [s for s in for_professionals if area.slug in s.areas], settings,
                            area=area, professionals=True)
    outputs += _embeds(by_name, local, national, settings, today, helpline)
    outputs += [Output(p.url, "page.html", p.title, {"page": p}, (p.src_path, 1)) for p in pages]
    outputs.append(Output("/search/", "search.html", "Search for help", {"helpline": helpline,
                                                               "who_slots": who_slots(services)}))
    outputs.append(Output("/404.html", "404.html", "Page not found"))
    outputs.append(Output("/sitemap.xml", "sitemap.xml", "Sitemap",
                          {"urls": [o.url for o in outputs if o.url.endswith("/")
                                    and not o.context.get("embedded")]}))
    return outputs


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
            today: dt.date, helpline: Service | None = None) -> list[Output]:
    """Pages that borough sites frame, the host script, plain fragments for server-side
    includes, and the page that tells web teams how to use them."""
    outputs, embedded = [], {}
    by_id = {s.id: s for s in services}
    for embed in settings.embeds.values():
        area = settings.areas[embed.area]
        found = [s for _, s in resident_order(local[area.slug] + national, settings)]
        context = dict(area=area, embed=embed, embedded=True, local_count=len(local[area.slug]),
                       helpline=helpline, ordered=True)
        outputs += _listing(f"/embed/{area.slug}/", f"Help in {area.name} – for {embed.name}",
                            found, settings, heading=f"Help in {area.name}", **context)
        if embed.accent:
            outputs.append(Output(f"/embed/{area.slug}/theme.css", "embed-theme.css",
                                  f"Theme for {embed.name}", {"embed": embed}))
        outputs.append(Output(f"/fragments/{area.slug}.html", "fragment.html",
                              f"Fragment: help in {area.name}", {"services": found}))
        for category in settings.categories.values():
            in_category = [s for s in found if category.slug in s.categories]
            if not in_category:
                continue
            outputs += _listing(f"/embed/{area.slug}/{category.slug}/",
                                f"{category.name} in {area.name} – for {embed.name}", in_category,
                                settings, heading=f"{category.name} in {area.name}",
                                category=category, **context)
            outputs.append(Output(f"/fragments/{area.slug}/{category.slug}.html", "fragment.html",
                                  f"Fragment: {category.name} in {area.name}",
                                  {"services": in_category}))
        embedded.update({s.id: s for s in found})
    for service, title in zip(embedded.values(), _service_titles(list(embedded.values()))):
        outputs.append(Output(f"/embed{service.url}", "service.html", f"{title} – embedded", {
            "service": service, "embedded": True, "stale": _stale(service, today),
            "lines": _lines_for(service, by_id, settings)}))
        outputs.append(Output(f"/fragments/services/{service.id}.html", "fragment.html",
                              f"Fragment: {service.name} ({service.id})", {"services": [service]}))
    if settings.embeds:
        outputs.append(Output("/embed/host.js", "embed-host.js", "Embed host script"))
        outputs.append(Output("/embed-this-directory/", "embed-guide.html", "Embed this directory",
                              {"embeds": list(settings.embeds.values())}))
    return outputs


def _stale(service: Service, today: dt.date) -> bool:
    """Due for review or overdue: the page says the details may have changed. (With no date
    at all the page shows no "last checked" line, so there is nothing to warn about.)"""
    return service.last_reviewed is not None and review_state(service, today) != "fresh"


def _serves_gender(service: Service, gender: str) -> bool:
    """True when an eligibility group names this gender or is open to any gender."""
    return any(g.gender in (gender, None) for g in service.eligibility)


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


def _listing(base: str, title: str, services: list[Service], settings: Settings,
             heading: str | None = None, ordered: bool = False, **context) -> list[Output]:
    """Split a list of services into pages of settings.page_size: base, base/2/, ...

    :param ordered: a list residents see: in the order of signpost.order, with each
        service's group (its section heading) beside it; otherwise in name order.
    """
    entries = resident_order(services, settings) if ordered else [(None, s) for s in services]
    services = [s for _, s in entries]
    size = settings.page_size
    total = max(1, -(-len(services) // size))
    urls = [base] + [f"{base}{n}/" for n in range(2, total + 1)]
    return [Output(url, "services.html", title if n == 1 else f"{title} (page {n} of {total})", {
        **context,
        "heading": heading or title,
        "services": services[(n - 1) * size: n * size],
        "entries": entries[(n - 1) * size: n * size],
        "ordered": ordered,
        "count": len(services),
        "page": n,
        "pages": list(enumerate(urls, 1)),
    }) for n, url in enumerate(urls, 1)]


def check_site(outputs: list[Output], services: list[Service], pages: list[Page],
               services_file: str, content_dir: str, pending: set[str] = frozenset(),
               settings_file: str = "site.yaml") -> list[Problem]:
    """Return problems with the planned site: clashing URLs and broken internal links.

    :param pending: URLs of pages left out because their data has problems already
        reported; a link to one of them is not a second problem.
    """
    problems = []
    slugs = {page.slug for page in pages}
    for slug in REQUIRED_PAGES:
        if slug not in slugs and f"/{slug}/" not in pending:  # else its mistakes are reported
            problems.append(Problem(f"{content_dir.rstrip('/')}/{slug}.md", 1, f"the content page {slug}.md is missing: "
                                    "every page of the site links to it"))
    for page in pages:
        if page.slug in RESERVED:
            problems.append(Problem(page.src_path, 1, f"the file name '{page.slug}.md' is "
                                    f"reserved for the site's own pages: rename it"))
    titles: dict[str, str] = {}
    urls: dict[str, str] = {}
    for output in outputs:
        if output.url in urls:  # a slug in site.yaml that is also a page of the site
            problems.append(Problem(output.source[0] or settings_file, output.source[1] or 1,
                                    f"two pages would be written to {output.url} "
                                    f"('{urls[output.url]}' and '{output.title}'): rename one"))
        urls.setdefault(output.url, output.title)
        if output.title in titles and output.template != "sitemap.xml":
            problems.append(Problem(output.source[0] or services_file, output.source[1] or 1,
                                    f"two pages would have the title '{output.title}' "
                                    f"({titles[output.title]} and {output.url})"))
        titles.setdefault(output.title, output.url)
    known = {o.url for o in outputs} | set(pending)
    sources = [(p.html, p.src_path, 1, None) for p in pages] + \
              [(s.description_html, services_file, s.line, s.id) for s in services]
    for html, file, line, sid in sources:
        for href in _HREF.findall(html):
            target = href if href.endswith("/") or "." in href.rsplit("/", 1)[-1] else href + "/"
            if target not in known:
                problems.append(Problem(file, line, f"link to {href} goes to a page that does "
                                        "not exist", sid, "description" if sid else None))
    return problems


def check_rendered_links(planned: list[Output], rendered: list[Output], services: list[Service],
                         pages: list[Page], assets: set[str], templates_dir, base_url: str,
                         pending: set[str] = frozenset()) -> list[Problem]:
    """Return a problem for each internal link in the rendered pages that goes nowhere,
    once per link, at the template line that writes it when it is written there as is.

    :param assets: the URLs of the files copied from assets/.
    :param pending: URLs of pages left out because of problems already reported.
    """
    # Links in descriptions and content pages are reported by check_site, at their line.
    written = {href for html in [p.html for p in pages] + [s.description_html for s in services]
               for href in _HREF.findall(html)}
    known = {o.url for o in planned} | assets | set(pending) | written
    known |= {f"/{slug}/" for slug in REQUIRED_PAGES}  # reported by check_site when missing
    absolute = re.compile(r'(?:href|src)="' + re.escape(base_url.rstrip("/")) + r'(/[^"#?]*)')
    broken: dict[str, list[Output]] = {}
    for output in rendered:
        if output.template == "sitemap.xml":
            continue  # made from the plan itself
        for href in set(_LINK.findall(output.html)) | set(absolute.findall(output.html)):
            target = href if href.endswith("/") or "." in href.rsplit("/", 1)[-1] else href + "/"
            if target not in known and href not in known and not target.startswith(GENERATED):
                broken.setdefault(href, []).append(output)
    problems = []
    for href, found in broken.items():
        file, line = _written_at(href, templates_dir, found[0].template)
        others = f", and {len(found) - 1} other page(s)" if len(found) > 1 else ""
        problems.append(Problem(file, line, f"link to {href} goes to a page that does not exist "
                                f"(on {found[0].url}{others})"))
    return problems


def _written_at(href: str, templates_dir, template: str) -> tuple[str, int]:
    """The template file and line holding this link as written, else the page's template."""
    for path in sorted(templates_dir.rglob("*")):
        if not path.is_file():
            continue
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if f'"{href}"' in text:
                return str(path), number
    return str(templates_dir / template), 1
