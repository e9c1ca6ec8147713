"""The listing format: the table FORMAT of the fields an entry of services.yaml may have,
each with the type that checks it and words its problems (fields.py, textformats.py), and
the rules across fields; check_entry checks one entry against them. The same table gives
the JSON Schema that editors use (json_schema) and the list of fields the README must
document (ALL_FIELDS), so the format is written down once."""
from __future__ import annotations

import datetime as dt
import json

from .fields import Choice, Either, Flag, List, Reader, Shape, Text, Word, names
from .problems import Problem, unknown_keys
from .services import (AUDIENCES, DAYS, ROUTES, STATUSES, Chat, Group, Hours, Link, Period,
                       Phone, Referral, Service)
from .settings import Settings
from .textformats import TIME, Age, Day, Email, Markdown, PhoneNumber, Slug, Time, Url
from .yamlfile import YamlMap


def _ages_in_order(group: dict, entry: YamlMap, name: str, at) -> None:
    low, high = group.get("min_age"), group.get("max_age")
    if low is not None and high is not None and low > high:
        at.add(entry.lines["min_age"], f"{name}.min_age", f"min_age {low} is above max_age {high}")


def _a_day_and_a_span(period: dict, entry: YamlMap, name: str, at) -> None:
    if isinstance(entry.get("days"), list) and not entry["days"]:
        # An empty list would pass as "no days" and leave the period with none.
        at.add(entry.lines["days"], f"{name}.days",
               "must name at least one day, like [mon, tue] (got an empty list)")
    opens, closes = period.get("opens"), period.get("closes")
    if opens and opens == closes:
        at.add(entry.lines["closes"], f"{name}.closes",
               "is the same as opens (for a line open all day every day, write 24/7)")
    elif _morning_to_night(opens, closes):
        # Most likely an afternoon hour in 12-hour time: 09:00 to 05:00 would show the line
        # "open now" at 3am. A night line opens in the evening (17:00 to 09:00) and passes.
        afternoon = f"{int(closes[:2]) + 12:02d}{closes[2:]}"
        at.add(entry.lines["closes"], f"{name}.closes",
               f"is before opens, so this reads as open overnight, from {opens} to {closes} "
               f"the next day: for {closes} in the afternoon write '{afternoon}' "
               "(24-hour time)")


def _morning_to_night(opens, closes) -> bool:
    """Whether a period opens before midday and closes at 03:00 or later the next morning:
    no service's hours, but what an afternoon hour written in 12-hour time makes (09:00 to
    05:00). Midnight, 01:00 or 02:00 is late closing, taken as written."""
    return all(isinstance(t, str) and TIME.fullmatch(t) for t in (opens, closes)) and \
        "03:00" <= closes < opens < "12:00"


HOURS = Either("24/7", Hours(always=True), List(Shape(
    {"days": Choice(DAYS, doc="Days of the week, like [mon, tue, wed]",
                    groups={"weekdays": DAYS[:5], "weekends": DAYS[5:], "weekend": DAYS[5:],
                            "every day": DAYS, "daily": DAYS}),
     "opens": Time(), "closes": Time()},
    lambda v: Period(v["days"], v["opens"], v["closes"]),
    required=("days", "opens", "closes"), rules=(_a_day_and_a_span,)),
    make=lambda periods: Hours(periods=periods)),
    expected="24/7 or a list of days with opens and closes",
    doc="24/7, or a list of days with opens and closes, like 09:00 and 17:00")

FORMAT = {
    "id": Slug(doc="Lower-case words joined by hyphens; the page's address /services/<id>/"),
    "name": Text(120, doc="The service's name, as people know it"),
    "organisation": Text(120, doc="Who runs it, if a source says"),
    "summary": Text(300, doc="One sentence: what it offers, to whom"),
    "description": Markdown(5000, doc="More detail, in Markdown"),
    "audiences": Choice(AUDIENCES, doc="Who the listing is for: residents, professionals"),
    "categories": Choice("categories", doc="Kinds of help, from site.yaml"),
    "areas": Choice("areas", doc="Where it is offered, from site.yaml; 'national' alone "
                    "for everywhere"),
    "eligibility": List(Shape(
        {"gender": Choice("genders", one=True, left_out="for a group open to any gender"),
         "min_age": Age(), "max_age": Age()},
        lambda v: Group(v.get("gender"), v.get("min_age"), v.get("max_age")),
        rules=(_ages_in_order,)), doc="Who can use it: gender, min_age, max_age"),
    "eligibility_text": Text(1000, doc="Who can use it, in words (written for you if left out)"),
    "phones": List(Shape(
        {"label": Text(120), "number": PhoneNumber(), "hours": Text(200),
         "opening_hours": HOURS, "out_of_hours": Flag()},
        lambda v: Phone(v.get("label", "Phone"), *v["number"], v.get("hours", ""),
                        v.get("opening_hours"), bool(v.get("out_of_hours"))),
        required=("number",)), doc="Phone lines: number, and label, hours, opening_hours"),
    "emails": List(Shape({"label": Text(120), "address": Email(254)},
                         lambda v: Link(v.get("label", "Email"), v["address"]),
                         required=("address",)), doc="Email addresses: address, and label"),
    "website": Url(doc="The service's web page, https://"),
    "chat": Shape({"url": Url(), "hours": Text(200), "opening_hours": HOURS},
                  lambda v: Chat(v["url"], v.get("hours", ""), v.get("opening_hours")),
                  required=("url",),
                  doc="Online chat, in writing, for someone who cannot call: url, and hours, "
                  "opening_hours"),
    "referral": Shape(
        {"routes": Choice(ROUTES), "how": Text(2000),
         "forms": List(Shape({"label": Text(120), "url": Url()},
                             lambda v: Link(v.get("label", "Referral form"), v["url"]),
                             required=("url",)))},
        lambda v: Referral(v.get("routes") or (), v.get("how") or "", v.get("forms", ())),
        doc="How to get help: routes (self, professional), how, forms"),
    "languages": List(Word(60), doc="Languages the service offers, as you would write them"),
    "opening_hours": HOURS,
    "last_reviewed": Day(doc="The date the listing was last checked, YYYY-MM-DD"),
    "status": Choice(STATUSES, one=True, doc="active or temporarily-closed"),
    "alert": Text(1000, doc="A notice shown at the top of the listing"),
    "source": Text(2000, doc="Where each fact comes from"),
    "owner": Text(200, doc="Who keeps the listing right (not shown)"),
    "for_people_who_harm": Flag(doc="Help to change one's own behaviour: never shown as help "
                                "for victims"),
    "reporting": Flag(doc="A way to go to the police: to report a crime, or to ask about a "
                               "partner (Clare's Law)"),
}
FIELDS = tuple(FORMAT)
REQUIRED = ("id", "name", "summary", "areas")
CONTACT = ("phones", "emails", "website", "chat")  # or referral: how:
ALL_FIELDS = tuple(dict.fromkeys(names(Shape(FORMAT, None))))  # with nested keys: label, days...
SCHEMA_FILE = "services.schema.json"  # in the project folder; `python build.py schema` writes it


def _national_alone(values: dict, entry: YamlMap, at) -> None:
    if "national" in values.get("areas", ()) and len(values["areas"]) > 1:
        at.add(entry.lines["areas"], "areas", "'national' already covers every borough: list it alone")


def _a_way_in(values: dict, entry: YamlMap, at) -> None:
    referral = entry.get("referral")
    if not any(entry.get(k) for k in CONTACT) and \
            not (isinstance(referral, YamlMap) and referral.get("how")):
        at.add(entry.line, "phones", "a way to get in touch is required "
               "(expected a phone, an email, a website, a chat or referral: how:)")


RULES = (_national_alone, _a_way_in)  # across fields, after each field is checked


class _Entry(Reader):
    """Where one entry's problems go: each names the file, line, service and field."""

    def __init__(self, file, entry, index, settings: Settings, today: dt.date):
        self.file, self.settings, self.today = file, settings, today
        self.problems: list[Problem] = []
        sid = entry.get("id") if isinstance(entry, YamlMap) else None
        # Named as written, even when the id is wrong: that is what the editor will look for.
        shown = sid.strip() if isinstance(sid, str) else ""
        self.label = shown if shown and len(shown) <= 60 and shown.isprintable() \
            else f"#{index + 1}"

    def add(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, message, self.label, field))


def check_entry(entry, line: int, index: int, file: str, settings: Settings, today: dt.date
                ) -> tuple[Service | None, list[Problem]]:
    """Check the entry on `line`, the index-th of its file (from 0): its service, or None if
    it has problems, and those problems."""
    at = _Entry(file, entry, index, settings, today)
    return _service(entry, line, at), at.problems


def _service(entry, line: int, at: _Entry) -> Service | None:
    """Check one entry against FORMAT and the rules across its fields."""
    if not isinstance(entry, YamlMap):
        at.add(line, "", "each service must be a mapping of fields (name: value)")
        return None
    for key, key_line, hint in unknown_keys(entry, FORMAT):
        at.add(key_line, key, "unknown field" + hint)
    for key in REQUIRED:
        if not entry.get(key):
            at.add(entry.line, key, "is required")
    values = {}
    for key, field in FORMAT.items():
        if entry.get(key) not in (None, ""):
            value = field.check(entry[key], entry.lines[key], key, at)
            if value is not None:
                values[key] = value
    for rule in RULES:
        rule(values, entry, at)
    if "description" in values:
        values["description"], values["description_html"] = values["description"]
    if at.settings.for_people_who_harm(values.get("categories", ())):
        # A perpetrator programme is never shown as help for victims, even if it forgets to
        # say what it is.
        values["for_people_who_harm"] = True
    if values.get("eligibility") and not values.get("eligibility_text"):
        values["eligibility_text"] = _describe(values["eligibility"], at.settings)
    if at.problems or not all(k in values for k in REQUIRED):
        return None
    return Service(**values, line=line)


def _describe(groups: tuple[Group, ...], settings: Settings) -> str:
    """Say who a service is for in plain words, when staff have not written it."""
    parts = []
    for group in groups:
        who = settings.genders[group.gender].name if group.gender in settings.genders \
            else "Anyone"
        if group.min_age is not None and group.max_age is not None:
            who += f" aged {group.min_age} to {group.max_age}"
        elif group.min_age is not None:
            who += f" aged {group.min_age} and over"
        elif group.max_age is not None:
            who += f" aged {group.max_age} or under"
        parts.append(who)
    return "; ".join(parts) + "."


def json_schema(settings: Settings) -> dict:
    """FORMAT as a JSON Schema, for editors to complete and check services.yaml as it is typed."""
    entry = Shape(FORMAT, None, required=REQUIRED).schema(settings)
    entry["anyOf"] = [{"required": [k]} for k in CONTACT] + [
        {"required": ["referral"], "properties": {"referral": {"required": ["how"]}}}]
    return {"$schema": "http://json-schema.org/draft-07/schema#",
            "title": "services.yaml: the listings of the directory",
            "type": "object", "required": ["services"], "additionalProperties": False,
            "properties": {"services": {"type": "array", "items": entry}}}


def schema_text(settings: Settings) -> str:
    return json.dumps(json_schema(settings), indent=2, ensure_ascii=False) + "\n"

