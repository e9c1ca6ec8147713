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

    def table(caption: str, rows: list, pool: list[Service]) -> Table:
        """Count, for each row's test, the services that pass it in each area (one pass over
        the services, so 10,000 listings stay quick)."""
        counts = [[0] * len(areas) for _ in rows]
        for service in pool:
            cells = [column_of[a] for a in service.areas if a in column_of]
            for row, (_, test) in zip(counts, rows):
                if cells and test(service):
                    for cell in cells:
                        row[cell] += 1
        return Table(caption, columns, [(label, row) for (label, _), row in zip(rows, counts)])

    kinds = table("Services for residents by kind of help",
                  [(c.name, lambda s, c=c: c.slug in s.categories)
                   for c in settings.categories.values()], residents)
    who = table("Services for residents by who they are for",
                [(f"{g.name}, {label}", lambda s, g=g, lo=lo, hi=hi: _serves(s, g, lo, hi))
                 for g in settings.genders.values() for label, lo, hi in AGE_BANDS]
                + [("Has not said who it is for", lambda s: not s.eligibility)], residents)
    freshness = table("How recently listings were checked",
                      [(label, lambda s, state=state: review_state(s, today) == state)
                       for state, label in (("fresh", "In the last 6 months"),
                                            ("due", "6 to 12 months ago"),
                                            ("overdue", "Over 12 months ago, or never"))], services)
    totals = table("", [("", lambda s: True)], services).rows[0][1]
    return {"areas": list(zip(columns, totals)), "tables": [kinds, who, freshness],
            "total": len(services)}


def _serves(service: Service, gender: Term, low: int, high: int) -> bool:
    """True when a group the service states covers this gender and overlaps the ages."""
    return any(g.gender in (gender.slug, None)
               and (g.min_age or 0) <= high and low <= (120 if g.max_age is None else g.max_age)
               for g in service.eligibility)
