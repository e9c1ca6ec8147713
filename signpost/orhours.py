"""Opening hours from Open Referral schedules: weekly ones in UK local time become opening
hours; the rest (monthly, dated, unreadable, or in UTC) are kept as words for a person to
read; expired ones are dropped."""
from __future__ import annotations

import datetime as dt
import re

from .orfeed import as_dicts, as_int, as_text
from .ortext import plain
from .oryaml import Checker
from .review import OVERDUE_AFTER_DAYS
from .servicerecord import BYDAY
from .services import DAYS

DAY_CODES = {v: k for k, v in BYDAY.items()}
V1_DAYS = {name: code for code, name in zip(DAYS, ("monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"))}
# 09:00, 09:00:00Z, 09:00+01:00, and the 12-hour 9am, 9:30 pm (minutes needed without am/pm).
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*([ap])?\.?(?:m\.?)?\s*"
                   r"(Z|[+-]\d{2}:?\d{2})?$", re.I)
# Parts of a rule that make it other than every week: kept as words.
_NOT_EVERY_WEEK = ("bymonth", "byweekno", "byyearday", "bysetpos", "count")


def service_hours(record: dict, words: list[str], check: Checker, notes: list[str]):
    """The service's own weekly hours, and its phone-only schedules, which belong to the
    phones that have no hours of their own."""
    schedules = [s for s in as_dicts(record.get("schedules"))
                 if as_text(s.get("attending_type")).lower() not in ("phone", "telephone")]
    phone_schedules = [s for s in as_dicts(record.get("schedules")) if s not in schedules]
    regular = as_dicts(record.get("regular_schedules"))  # ORUK v1
    for r in regular:
        day = V1_DAYS.get(as_text(r.get("weekday")).lower()) or (
            DAYS[as_int(r.get("weekday")) - 1] if (as_int(r.get("weekday")) or 0) in range(1, 8)
            else None)
        # Some v1 feeds give the days as HSDS 3.0 does (byday "MO,WE"), not as a weekday.
        byday = BYDAY[day] if day else as_text(r.get("byday")) or "?"
        schedules.append({**r, "freq": r.get("freq") or "WEEKLY", "byday": byday})
    return opening_hours(schedules, words, check, notes), phone_schedules


def opening_hours(schedules: list[dict], words: list[str], check: Checker, notes: list[str]):
    """The weekly periods of these schedules ("24/7", a list, or None); each schedule that is
    not weekly is added to words."""
    periods = []
    for s in schedules:
        period, why = _period(s, check.today)
        if period:
            periods.append(period)
        elif why:
            text = plain(as_text(s.get("description"))) or _rrule_words(s)
            if why == "expired":
                notes.append(f"schedule {text[:60]!r} has expired: dropped")
            elif text:
                words.append(text)
                notes.append(f"schedule {text[:60]!r} does not fit weekly opening "
                             f"hours ({why}): kept as words")
    if not periods:
        return None
    days = set()
    for p in periods:
        days |= set(p["days"])
    if len(days) == 7 and all(p["opens"] == "00:00" and p["closes"] in ("23:59", "00:00")
                              for p in periods):
        return "24/7"
    periods = [p if p["closes"] != p["opens"] else {**p, "closes": "23:59"} for p in periods]
    if check.field("opening_hours", periods):
        notes.append("opening hours could not be read: left out")
        return None
    return periods


def _period(s: dict, today: dt.date):
    """One weekly period in UK time, or why the schedule does not fit one."""
    until = as_text(s.get("valid_to") or s.get("until"))[:10]
    try:
        if until and dt.date.fromisoformat(until) < today:
            return None, "expired"
        if until and (dt.date.fromisoformat(until) - today).days > OVERDUE_AFTER_DAYS:
            until = ""  # 2099, say: the listing is due for a check long before it ends
    except ValueError:
        return None, f"unreadable end date {until!r}"
    freq = as_text(s.get("freq")).upper() or "WEEKLY"
    byday = [d.strip().upper() for d in as_text(s.get("byday")).split(",") if d.strip()]
    if freq != "WEEKLY" or as_int(s.get("interval")) not in (None, 1):
        return None, f"it repeats {freq.lower()}"
    if not byday or any(d not in DAY_CODES for d in byday):
        return None, "its days are not plain weekdays"
    if until or any(as_text(s.get(key)) for key in ("bymonthday",) + _NOT_EVERY_WEEK):
        return None, "it is for some dates only"
    start = as_text(s.get("valid_from") or s.get("dtstart"))[:10]
    try:
        on = dt.date.fromisoformat(start) if start else today
    except ValueError:
        on = today
    if on > today:  # not yet: "open now" would be wrong until then
        return None, f"it starts on {on.isoformat()}"
    opens, closes = (_uk_time(as_text(s.get(k))) for k in ("opens_at", "closes_at"))
    if opens is None or closes is None:
        return None, "it has no readable opening and closing times"
    zone = next((z for _, z in (opens, closes) if z), "")
    if zone:
        # A weekly schedule with no end lasts through both GMT and BST, so a fixed offset is
        # UK time for part of the year at most: converting it would shift the hours by an
        # hour in one season or the other, and many feeds write "Z" on local times anyway.
        return None, _zone_words(as_text(s.get("opens_at")), zone)
    return {"days": [DAY_CODES[d] for d in byday], "opens": opens[0], "closes": closes[0]}, ""


def _zone_words(time: str, zone: str) -> str:
    """Why a time with a UTC offset is not taken as UK time, and what to do."""
    minutes = 0 if zone.upper() == "Z" else \
        (1 if zone[0] == "+" else -1) * (int(zone[1:3]) * 60 + int(zone[-2:]))
    when = {0: "UK time in winter only", 60: "UK time in summer only"}.get(minutes,
                                                                         "never UK time")
    return (f"its times are given with a UTC offset ({time[:20]!r}), which is {when}: check "
            "the hours with the service")


def _rrule_words(s: dict) -> str:
    parts = [as_text(s.get("freq")).lower(), as_text(s.get("byday")),
             "-".join(filter(None, (as_text(s.get("opens_at")), as_text(s.get("closes_at")))))]
    return " ".join(filter(None, parts))


def _uk_time(text: str):
    """'09:00', '09:00:00Z', '09:00+01:00' or '9am' as ('HH:MM', its UTC offset or '')."""
    match = _TIME.match(text)
    if not match:
        return None
    hour, minute, half, zone = match.group(1), match.group(2), match.group(3), match.group(4)
    if minute is None and half is None:
        return None  # a bare "9": morning or evening?
    hour, minute = int(hour), int(minute or 0)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    # No offset: UK local time, as UK feeds (and ours) publish.
    return f"{hour:02d}:{minute:02d}", zone or ""
