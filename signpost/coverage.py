"""What the directory covers, for commissioners: counts by borough, kind of help and who
services are for, and how old the listings are. Plain tables; gaps are zeros."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .review import review_state
from .services import Service
from .settings import Settings, Term

# Age bands that matter for this work: children, young teenagers, 16-17 (Domestic Abuse Act
# age), adults.
AGE_BANDS = (("under 11", 0, 10), ("11 to 15", 11, 15), ("16 to 17", 16, 17), ("18 and over", 18, 120))


@dataclass(frozen=True)
class Table:
    caption: str
    columns: list[str]
    rows: list[tuple[str, list[int]]]


def coverage(services: list[Service], settings: Settings, today: dt.date) -> dict:
    """Tables of the directory's coverage. Columns are the boroughs with a service of their
    own, then national services; only services for residents count as help for someone."""
    residents = [s for s in services if "residents" in s.audiences]
    areas = [a for a in settings.areas.values() if a.slug != "national"
             and any(a.slug in s.areas for s in services)] + [settings.areas["national"]]
    columns = [a.name for a in areas]
    column_of = {a.slug: n for n, a in enumerate(areas)}

    def table(caption: str, labels: list[str], pool: list[Service], rows_of) -> Table:
        """Count the services in each row (rows_of gives a service's rows) in each area: one
        pass over the services, each asked once, so 10,000 listings stay quick."""
        counts = [[0] * len(areas) for _ in labels]
        for service in pool:
            cells = [column_of[a] for a in service.areas if a in column_of]
            if cells:
                for row in rows_of(service):
                    for cell in cells:
                        counts[row][cell] += 1
        return Table(caption, columns, list(zip(labels, counts)))

    kind_row = {slug: n for n, slug in enumerate(settings.categories)}
    kinds = table("Services for residents by kind of help",
                  [c.name for c in settings.categories.values()], residents,
                  lambda s: {kind_row[c] for c in s.categories if c in kind_row})
    genders = list(settings.genders.values())
    unsaid = len(genders) * len(AGE_BANDS)  # the last row: has not said
    who = table("Services for residents by who they are for",
                [f"{g.name}, {label}" for g in genders for label, _, _ in AGE_BANDS]
                + ["Has not said who it is for"], residents,
                lambda s: _who_rows(s, genders) if s.eligibility else (unsaid,))
    states = ("fresh", "due", "overdue")
    freshness = table("How recently listings were checked",
                      ["In the last 6 months", "6 to 12 months ago",
                       "Over 12 months ago, or never"], services,
                      lambda s: (states.index(review_state(s, today)),))
    totals = table("", [""], services, lambda s: (0,)).rows[0][1]
    return {"areas": list(zip(columns, totals)), "tables": [kinds, who, freshness],
            "total": len(services)}


def _who_rows(service: Service, genders: list[Term]) -> set[int]:
    """The rows of the who table a service is in: each gender (in order) and age band that a
    group it states covers (no gender: every one) and overlaps."""
    rows = set()
    for group in service.eligibility:
        low, high = group.min_age or 0, 120 if group.max_age is None else group.max_age
        bands = [n for n, (_, lo, hi) in enumerate(AGE_BANDS) if low <= hi and lo <= high]
        for n, gender in enumerate(genders):
            if group.gender in (gender.slug, None):
                rows.update(n * len(AGE_BANDS) + band for band in bands)
    return rows
