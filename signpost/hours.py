"""Opening hours, days, times and dates in plain words (GOV.UK style), for the templates."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .services import DAYS, Hours

LONDON = ZoneInfo("Europe/London")  # every time in the directory is UK wall-clock time

DAY_NAMES = dict(zip(DAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                            "Saturday", "Sunday")))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def uk_today(now: dt.datetime | None = None) -> dt.date:
    """Today (or the day at `now`) in the UK, where staff check listings: a build machine's
    clock is often UTC, an hour behind in summer, when a listing checked just after midnight
    would be "in the future"."""
    return (now or dt.datetime.now(LONDON)).astimezone(LONDON).date()


def describe_hours(hours: Hours | None) -> list[str]:
    """Say opening hours in plain words, one line per period."""
    if hours is None:
        return []
    if hours.always:
        return ["24 hours, every day"]
    return [f"{describe_days(p.days)}: {clock(p.opens)} to {clock(p.closes)}"
            + (" (the next day)" if p.closes < p.opens else "") for p in hours.periods]


def describe_days(days: tuple[str, ...]) -> str:
    """mon..fri -> 'Monday to Friday'; mon, wed -> 'Monday and Wednesday'."""
    if len(days) == 7:
        return "Every day"
    picked = sorted(DAYS.index(d) for d in days)
    if len(picked) > 2 and picked == list(range(picked[0], picked[-1] + 1)):
        return f"{DAY_NAMES[DAYS[picked[0]]]} to {DAY_NAMES[DAYS[picked[-1]]]}"
    names = [DAY_NAMES[DAYS[i]] for i in picked]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def clock(hhmm: str) -> str:
    """'09:00' -> '9am', '17:30' -> '5:30pm', '12:00' -> 'midday', '00:00' -> 'midnight'."""
    hour, minute = int(hhmm[:2]), int(hhmm[3:])
    if minute == 0 and hour in (0, 12):
        return "midnight" if hour == 0 else "midday"
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{suffix}" if minute == 0 else f"{hour}:{minute:02d}{suffix}"


def long_date(day) -> str:
    """2026-11-22 -> '22 November 2026' (GOV.UK style)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
