"""Keeping listings fresh: which listings are due for a check, or overdue."""
from __future__ import annotations

import datetime as dt

from .problems import Problem
from .services import Service

DUE_AFTER_DAYS = 183  # about six months
OVERDUE_AFTER_DAYS = 365


def review_state(service: Service, today: dt.date) -> str:
    """'overdue', 'due' or 'fresh', from the date it was last checked (none is overdue)."""
    if service.last_reviewed is None:
        return "overdue"
    age = (today - service.last_reviewed).days
    return "overdue" if age > OVERDUE_AFTER_DAYS else "due" if age > DUE_AFTER_DAYS else "fresh"


def overdue_warnings(services: list[Service], file: str, today: dt.date) -> list[Problem]:
    """A warning for each listing not checked for over a year (they do not fail a check)."""
    return [Problem(file, s.line, "not checked for over 12 months" + (
        f" (last checked {s.last_reviewed.isoformat()})" if s.last_reviewed else " (no date)")
        + ": check the details with the service and update last_reviewed", s.id, "last_reviewed")
        for s in services if review_state(s, today) == "overdue"]


def review_report(services: list[Service], today: dt.date) -> str:
    """The listings due for review and overdue, oldest first, with their owners."""
    lines = []
    for state, heading in (("overdue", "Overdue (not checked for over 12 months)"),
                           ("due", "Due for review (not checked for over 6 months)")):
        found = sorted((s for s in services if review_state(s, today) == state),
                       key=lambda s: s.last_reviewed or dt.date.min)
        lines.append(f"{heading}: {len(found)}")
        lines += [f"  {str(s.last_reviewed or 'no date'):<10}  {s.id}  ({s.name})"
                  + (f"  owner: {s.owner}" if s.owner else "") for s in found]
    fresh = sum(review_state(s, today) == "fresh" for s in services)
    lines.append(f"Checked in the last 6 months: {fresh} of {len(services)}")
    return "\n".join(lines)
