"""What a listing page shows (a Listing, in Sections under Leads), and a list of services
split into such pages."""
from __future__ import annotations

from dataclasses import dataclass

from .order import resident_order
from .outputs import Output, reused, service_sources
from .services import Service
from .settings import Settings

# A list of up to this many pages is narrowed whole: filter-list.js fetches its other pages
# (at most about 90 KB more, gzipped) when a first choice is made. A longer one is narrowed
# a page at a time, and says so.
NARROWED_WHOLE_UP_TO = 10


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
    ordered: bool = False  # residents' order, in sections
    place: str = ""  # the borough that section headings name
    helplines: tuple[Service, ...] = ()  # the lines it offers first, to talk to someone now
    empty_kind: str = ""
    national_link: bool = False  # an empty kind of help points to national services
    embedded: bool = False
    all_kinds: frozenset[str] = frozenset()  # of the services on all its pages

    @property
    def narrowed_whole(self) -> bool:
        """Whether narrowing this page narrows the whole list (see NARROWED_WHOLE_UP_TO)."""
        return 1 < len(self.pages) <= NARROWED_WHOLE_UP_TO

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of help its filter offers: those of the services it narrows down."""
        return self.all_kinds if self.narrowed_whole else kinds_of(self.services)

    @property
    def window(self) -> list[tuple[int, str, bool]]:
        """The pages the pagination links to, as (number, URL, whether some are left out
        before it): the first, the last and two either side of this one, so that a long
        list's pages stay light (and making one does not go through all the others)."""
        last = len(self.pages)
        shown = sorted({1, last, *range(max(1, self.page - 2), min(last, self.page + 2) + 1)})
        return [(n, self.pages[n - 1][1], k > 0 and n - shown[k - 1] > 1)
                for k, n in enumerate(shown)]


def kinds_of(services) -> frozenset[str]:
    """The kinds of help of these services."""
    return frozenset().union(*[service.categories for service in services])


def plan_listing(base: str, title: str, services: list[Service], settings: Settings,
                 heading: str | None = None, ordered: bool = False, embed=None,
                 keys: dict | None = None, reuse: dict | None = None,
                 source: tuple[str, int] = ("", 0), **listing) -> list[Output]:
    """Split a list of services into pages of settings.page_size: base, base/2/, ...

    :param ordered: a list residents see: in the order of signpost.order, in sections
        under each service's group; otherwise in name order, in one section.
    :param embed: the embed the pages are for, if they are framed by a borough's site.
    :param keys: resident_order's keys, shared by the lists of one plan.
    :param reuse: site.plan_site's: the same arguments (services by identity) make the same pages.
    :param source: where site.yaml defines what the list is of (a borough, a kind of help).
    :param listing: the rest of each page's Listing.
    """
    if reuse is not None:
        return reused(reuse, lambda: (
            base, title, heading, ordered, embed, tuple(map(id, services)), source,
            tuple((k, tuple(map(id, v)) if k == "helplines" else v) for k, v in listing.items())),
            lambda: plan_listing(base, title, services, settings, heading, ordered, embed, keys,
                                 source=source, **listing))
    entries = resident_order(services, settings, keys) if ordered else [(None, s) for s in services]
    services = [s for _, s in entries]
    size = settings.page_size
    total = max(1, -(-len(services) // size))
    urls = [base] + [f"{base}{n}/" for n in range(2, total + 1)]
    pages = tuple(enumerate(urls, 1))  # one list shared by all its pages
    kinds = kinds_of(services)
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
                       all_kinds=kinds, **{"intro": (), **listing})
        outputs.append(Output(url, "services.html",
                              title if n == 1 else f"{title} (page {n} of {total})",
                              {"listing": page, **layout}, source=source,
                              sources=service_sources(page.services + page.helplines)))
    return outputs
