"""Turn services.yaml into validated Service objects, or a list of problems."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import shortnumberinfo

from .markup import to_html
from .addresses import MAX_URL, address_problem
from .problems import Problem, did_you_mean, quote, unknown_keys
from .settings import Settings
from .text import SERVICES_LIMIT, TextError, read_text
from .yamlfile import YamlList, YamlMap, load_yaml

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
AUDIENCES = ("residents", "professionals")
ROUTES = ("self", "professional")
STATUSES = ("active", "temporarily-closed")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")  # fullmatch: '09:00\n' is not a time
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Longest text each field may hold (characters). The real listings use about a third of each.
LIMITS = {"name": 120, "organisation": 120, "summary": 300, "description": 5000,
          "eligibility_text": 1000, "alert": 1000, "source": 2000, "owner": 200,
          "languages": 60, "phones.label": 120, "phones.hours": 200, "emails.label": 120,
          "emails.address": 254, "referral.how": 2000, "referral.forms.label": 120}
TEXT_LIMIT = 1000  # any other field
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Period:
    days: tuple[str, ...]
    opens: str
    closes: str  # earlier than opens means the period runs past midnight


@dataclass(frozen=True)
class Hours:
    always: bool = False  # written as 24/7
    periods: tuple[Period, ...] = ()


@dataclass(frozen=True)
class Phone:
    label: str
    number: str  # as staff wrote it, which is how services print it
    href: str  # tel: URI
    hours: str = ""
    opening_hours: Hours | None = None
    out_of_hours: bool = False  # the line to call when the office line is closed

    @property
    def call_now(self) -> bool:
        """A line people can call when the office is closed: shown on cards beside the
        first line."""
        return self.out_of_hours or bool(self.opening_hours and self.opening_hours.always)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Group:
    """One eligibility group; None means no limit."""

    gender: str | None = None
    min_age: int | None = None
    max_age: int | None = None


@dataclass(frozen=True)
class Referral:
    routes: tuple[str, ...] = ()
    how: str = ""
    forms: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    summary: str
    areas: tuple[str, ...]
    organisation: str = ""
    description: str = ""  # Markdown, as written
    description_html: str = ""
    audiences: tuple[str, ...] = ("residents",)
    categories: tuple[str, ...] = ()
    eligibility: tuple[Group, ...] = ()
    eligibility_text: str = ""
    phones: tuple[Phone, ...] = ()
    emails: tuple[Link, ...] = ()  # url is the address
    website: str = ""
    referral: Referral = Referral()
    languages: tuple[str, ...] = ()
    opening_hours: Hours | None = None
    last_reviewed: dt.date | None = None
    status: str = "active"
    alert: str = ""
    source: str = ""
    owner: str = ""  # who keeps the listing right; for the review report, not shown
    for_people_who_harm: bool = False  # help to change one's own behaviour, never for victims
    reporting: bool = False  # a way to report a crime (the police, Crimestoppers)
    line: int = 0  # where the entry starts in services.yaml, for later problems

    @property
    def url(self) -> str:
        return f"/services/{self.id}/"


FIELDS = ("id", "name", "organisation", "summary", "description", "audiences", "categories",
          "areas", "eligibility", "eligibility_text", "phones", "emails", "website",
          "referral", "languages", "opening_hours", "last_reviewed", "status", "alert", "source",
          "owner", "for_people_who_harm", "reporting")
REQUIRED = ("id", "name", "summary", "areas")


def load_services(settings: Settings, display_name: str, today: dt.date
                  ) -> tuple[list[Service], list[Problem]]:
    """Read and check the services file named in settings."""
    try:
        text = read_text(settings.services_file, SERVICES_LIMIT)
    except OSError as err:
        return [], [Problem(display_name, 1, f"cannot read the services file ({err})")]
    except TextError as err:
        return [], [Problem(display_name, err.line, f"cannot read the services file ({err})")]
    return read_services(text, display_name, settings, today)


def read_services(text: str, file: str, settings: Settings, today: dt.date
                  ) -> tuple[list[Service], list[Problem]]:
    """Parse and check the text of a services file."""
    data, problems = load_yaml(text, file)
    if problems and data is None:
        return [], problems
    services, more = check_services(data, file, settings, today)
    return services, _attribute(problems, data) + more


def check_services(data, file: str, settings: Settings, today: dt.date
                   ) -> tuple[list[Service], list[Problem]]:
    """Check parsed YAML data; return the good services and every problem found."""
    if not isinstance(data, YamlMap) or "services" not in data:
        return [], [Problem(file, getattr(data, "line", 1),
                            "the file must start with 'services:' followed by a list of services")]
    problems = [Problem(file, line, f"unknown top-level key '{key}'{hint}")
                for key, line, hint in unknown_keys(data, ("services",))]
    entries = data["services"]
    if not isinstance(entries, YamlList):
        return [], problems + [Problem(file, data.lines["services"],
                                       "'services' must be a list, each item starting with '- '")]
    services, first_seen = [], {}
    for index, entry in enumerate(entries):
        checker = _Checker(file, entry, index, entries.lines[index], settings, today)
        service = checker.service()
        problems += checker.problems
        if service is None:
            continue
        if service.id in first_seen:
            problems.append(Problem(file, entry.lines["id"], f"duplicate id (also used by the "
                                    f"service on line {first_seen[service.id]})", service.id, "id"))
            continue
        first_seen[service.id] = entry.lines["id"]
        services.append(service)
    return services, problems


def _attribute(problems: list[Problem], data) -> list[Problem]:
    """Name the service that each YAML-level problem (a duplicate key, say) falls inside."""
    entries = data.get("services") if isinstance(data, YamlMap) else None
    if not isinstance(entries, YamlList):
        return problems
    spans = [(line, e.end, e.get("id")) for line, e in zip(entries.lines, entries)
             if isinstance(e, YamlMap)]
    out = []
    for p in problems:
        # Only inside an entry: a second top-level 'services:' belongs to no service.
        owner = [sid for start, end, sid in spans if start <= p.line <= end]
        if owner and isinstance(owner[-1], str):
            p = Problem(p.file, p.line, p.message, owner[-1], p.field)
        out.append(p)
    return out


class _Checker:
    """Check one service entry, collecting problems that name the service and field."""

    def __init__(self, file, entry, index, line, settings: Settings, today: dt.date):
        self.file, self.entry, self.line = file, entry, line
        self.settings, self.today = settings, today
        self.problems: list[Problem] = []
        sid = entry.get("id") if isinstance(entry, YamlMap) else None
        # Named as written, even when the id is wrong: that is what the editor will look for.
        shown = sid.strip() if isinstance(sid, str) else ""
        self.label = shown if shown and len(shown) <= 60 and shown.isprintable() \
            else f"#{index + 1}"

    def add(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, message, self.label, field))

    def service(self) -> Service | None:
        entry = self.entry
        if not isinstance(entry, YamlMap):
            self.add(self.line, "", "each service must be a mapping of fields (name: value)")
            return None
        for key, line, hint in unknown_keys(entry, FIELDS):
            self.add(line, key, "unknown field" + hint)
        for key in REQUIRED:
            if not entry.get(key):
                self.add(entry.line, key, "is required")
        values = {}
        for key in FIELDS:
            if entry.get(key) not in (None, ""):
                value = getattr(self, "_" + key)(entry[key], entry.lines[key], key)
                if value is not None:
                    values[key] = value
        referral = entry.get("referral")
        if not any(entry.get(k) for k in ("phones", "emails", "website")) and \
                not (isinstance(referral, YamlMap) and referral.get("how")):
            self.add(entry.line, "phones", "a way to get in touch is required "
                     "(expected a phone, an email, a website or referral: how:)")
        if "description" in values:
            values["description_html"] = values["description"]
            values["description"] = entry["description"].strip()
        if values.get("eligibility") and not values.get("eligibility_text"):
            values["eligibility_text"] = self._describe(values["eligibility"])
        if self.problems or not all(k in values for k in REQUIRED):
            return None
        return Service(**values, line=self.line)

    # Shapes ------------------------------------------------------------------

    def _text(self, value, line, field, limit=None):
        if not isinstance(value, str):
            self.add(line, field, "must be text, not a list or a mapping")
            return None
        value = value.strip()
        limit = limit or LIMITS.get(field, TEXT_LIMIT)
        if len(value) > limit:
            self.add(line, field, f"is too long ({len(value)} characters; keep it under {limit})")
            return None
        return value

    def _list(self, value, line, field):
        """Return the items with their lines; a single value counts as a one-item list."""
        if isinstance(value, str):
            return [(value, line)]
        if isinstance(value, YamlList):
            return list(zip(value, value.lines))
        self.add(line, field, "must be a list, each item on its own line starting with '- '")
        return []

    def _mapping(self, value, line, field, keys):
        if not isinstance(value, YamlMap):
            self.add(line, field, f"must be a mapping with {', '.join(keys)}")
            return None
        unknown = unknown_keys(value, keys)
        value.misspelt = bool(unknown)
        for key, key_line, hint in unknown:
            self.add(key_line, f"{field}.{key}", "unknown field" + hint)
        return value

    def _missing(self, entry, key, line, field) -> bool:
        """Report a required key that is absent, unless a misspelling of it was reported."""
        if key in entry:
            return False
        if not entry.misspelt:
            self.add(line, f"{field}.{key}", "is required")
        return True

    def _choices(self, value, line, field, allowed):
        out = []
        for item, item_line in self._list(value, line, field):
            if isinstance(item, str) and item in allowed:
                out.append(item)
            else:
                self.add(item_line, field, f"unknown value {quote(item)}" + did_you_mean(item, allowed)
                         + f" (expected one of: {', '.join(list(allowed)[:8])}"
                         + (", ...)" if len(allowed) > 8 else ")"))
        return tuple(out)

    def _url(self, value, line, field):
        url = self._text(value, line, field, MAX_URL)
        if url is None:
            return None
        wrong = address_problem(url)
        if wrong:
            self.add(line, field, wrong)
            return None
        return url

    # Fields ------------------------------------------------------------------

    def _id(self, value, line, field):
        sid = self._text(value, line, field)
        if sid is not None and not _SLUG.fullmatch(sid):
            self.add(line, field, f"must be lower-case letters, digits and hyphens, like "
                     f"'gaia-centre' (got {quote(sid)})")
            return None
        if sid is not None and len(sid) > 150:
            self.add(line, field, f"is too long ({len(sid)} characters; keep it under 150)")
        return sid

    _name = _summary = _text

    def _description(self, value, line, field):
        text = self._text(value, line, field)
        if text is None:
            return None
        html, issues = to_html(text)
        for issue in issues:
            self.add(line, field, issue)
        return html

    _organisation = _eligibility_text = _alert = _source = _owner = _text

    def _audiences(self, value, line, field):
        return self._choices(value, line, field, AUDIENCES) or None

    def _categories(self, value, line, field):
        return self._choices(value, line, field, self.settings.categories)

    def _areas(self, value, line, field):
        areas = self._choices(value, line, field, self.settings.areas)
        if "national" in areas and len(areas) > 1:
            self.add(line, field, "'national' already covers every borough: list it alone")
        return areas or None

    def _flag(self, value, line, field):
        if isinstance(value, str) and value.strip().lower() in ("true", "yes"):
            return True
        if isinstance(value, str) and value.strip().lower() in ("false", "no"):
            return False
        self.add(line, field, f"must be true or false (got {quote(value)})")
        return None

    _for_people_who_harm = _reporting = _flag

    def _languages(self, value, line, field):
        return tuple(filter(None, (self._text(v, l, field) for v, l in self._list(value, line, field))))

    def _status(self, value, line, field):
        return (self._choices(value, line, field, STATUSES) or (None,))[0]

    def _website(self, value, line, field):
        return self._url(value, line, field)

    def _last_reviewed(self, value, line, field):
        text = self._text(value, line, field)
        try:
            day = dt.date.fromisoformat(text) if text and _DATE.fullmatch(text) else None
        except ValueError:
            day = None
        if day is None:
            self.add(line, field, f"must be a date written YYYY-MM-DD (got {quote(text)})")
        elif day > self.today:
            self.add(line, field, f"{text} is in the future (expected the date it was last checked)")
            day = None
        return day

    def _age(self, value, line, field):
        # isascii and isdecimal: '²' is a digit to isdigit(), but int() cannot read it.
        if isinstance(value, str) and value.isascii() and value.isdecimal() and int(value) <= 120:
            return int(value)
        self.add(line, field, f"must be a whole number from 0 to 120 (got {quote(value)})")
        return None

    def _eligibility(self, value, line, field):
        groups = []
        for item, item_line in self._list(value, line, field):
            group = self._mapping(item, item_line, field, ("gender", "min_age", "max_age"))
            if group is None:
                continue
            gender = None
            if "gender" in group:
                gender = (self._choices(group["gender"], group.lines["gender"], "eligibility.gender",
                                        self.settings.genders) or (None,))[0]
            ages = {k: self._age(group[k], group.lines[k], f"eligibility.{k}")
                    for k in ("min_age", "max_age") if k in group}
            low, high = ages.get("min_age"), ages.get("max_age")
            if low is not None and high is not None and low > high:
                self.add(group.lines["min_age"], "eligibility.min_age",
                         f"min_age {low} is above max_age {high}")
            groups.append(Group(gender, low, high))
        return tuple(groups)

    def _phones(self, value, line, field):
        phones = []
        for item, item_line in self._list(value, line, field):
            entry = self._mapping(item, item_line, field,
                                  ("label", "number", "hours", "opening_hours", "out_of_hours"))
            if entry is None:
                continue
            if self._missing(entry, "number", item_line, field):
                continue
            number_line = entry.lines["number"]
            href = self._tel(self._text(entry["number"], number_line, "phones.number"), number_line)
            hours = None
            if "opening_hours" in entry:
                hours = self._opening_hours(entry["opening_hours"], entry.lines["opening_hours"],
                                            "phones.opening_hours")
            out_of_hours = self._flag(entry["out_of_hours"], entry.lines["out_of_hours"],
                                      "phones.out_of_hours") if "out_of_hours" in entry else False
            if href:
                phones.append(Phone(self._text(entry.get("label", "Phone"), item_line, "phones.label"),
                                    entry["number"].strip(), href,
                                    self._text(entry.get("hours", ""), item_line, "phones.hours"), hours,
                                    bool(out_of_hours)))
        return tuple(phones)

    def _tel(self, number, line):
        """Return the tel: URI for a valid UK (or +international) number, else report it."""
        if number is None:
            return None
        if any(c.isdigit() and not c.isascii() for c in number):  # shown as written: 0-9 only
            self.add(line, "phones.number", f"must be written with the digits 0 to 9 "
                     f"(got {quote(number)})")
            return None
        try:
            parsed = phonenumbers.parse(number, "GB")
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed and phonenumbers.is_valid_number(parsed):
            return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        if parsed and not number.startswith("+") and \
                shortnumberinfo.is_valid_short_number_for_region(parsed, "GB"):
            return "tel:" + str(parsed.national_number)  # 999, 101, 116 123
        self.add(line, "phones.number", f"must be a UK phone number, or an international one "
                 f"starting with + (got {quote(number)})")
        return None

    def _emails(self, value, line, field):
        emails = []
        for item, item_line in self._list(value, line, field):
            entry = self._mapping(item, item_line, field, ("label", "address"))
            if entry is None or self._missing(entry, "address", item_line, field):
                continue
            address = self._text(entry["address"], entry.lines["address"], "emails.address")
            if address is not None and not _EMAIL.match(address):
                self.add(entry.lines["address"], "emails.address",
                         f"must be an email address like name@example.org (got {quote(address)})")
            elif address:
                emails.append(Link(self._text(entry.get("label", "Email"), item_line, "emails.label"),
                                   address))
        return tuple(emails)

    def _referral(self, value, line, field):
        entry = self._mapping(value, line, field, ("routes", "how", "forms"))
        if entry is None:
            return None
        routes = self._choices(entry.get("routes", ""), entry.lines.get("routes", line),
                               "referral.routes", ROUTES) if "routes" in entry else ()
        how = self._text(entry.get("how", ""), entry.lines.get("how", line), "referral.how")
        forms = []
        for item, item_line in self._list(entry["forms"], entry.lines["forms"], "referral.forms") \
                if "forms" in entry else ():
            form = self._mapping(item, item_line, "referral.forms", ("label", "url"))
            if form is None or self._missing(form, "url", item_line, "referral.forms"):
                continue
            url = self._url(form["url"], form.lines["url"], "referral.forms.url")
            if url:
                forms.append(Link(self._text(form.get("label", "Referral form"), item_line,
                                             "referral.forms.label"), url))
        return Referral(routes, how or "", tuple(forms))

    def _opening_hours(self, value, line, field):
        if isinstance(value, str):
            if value.strip() == "24/7":
                return Hours(always=True)
            self.add(line, field, f"must be 24/7 or a list of days with opens and closes "
                     f"(got {quote(value)})")
            return None
        periods = []
        for item, item_line in self._list(value, line, field):
            entry = self._mapping(item, item_line, field, ("days", "opens", "closes"))
            if entry is None:
                continue
            for key in ("days", "opens", "closes"):
                self._missing(entry, key, item_line, field)
            times = {}
            for key in ("opens", "closes"):
                text = entry.get(key)
                if key in entry and not (isinstance(text, str) and _TIME.fullmatch(text)):
                    self.add(entry.lines[key], f"{field}.{key}",
                             f"must be a 24-hour time like '09:00' (got {quote(text)})")
                times[key] = text
            days = self._choices(entry.get("days", ""), entry.lines.get("days", item_line),
                                 f"{field}.days", DAYS) if "days" in entry else ()
            if isinstance(entry.get("days"), list) and not entry["days"]:
                # An empty list would pass as "no days" and leave the period with none.
                self.add(entry.lines["days"], f"{field}.days",
                         "must name at least one day, like [mon, tue] (got an empty list)")
            if times.get("opens") and times["opens"] == times.get("closes"):
                self.add(entry.lines["closes"], f"{field}.closes",
                         "is the same as opens (for a line open all day every day, write 24/7)")
            periods.append(Period(days, times.get("opens"), times.get("closes")))
        return Hours(periods=tuple(periods))

    def _describe(self, groups: tuple[Group, ...]) -> str:
        """Say who a service is for in plain words, when staff have not written it."""
        parts = []
        for group in groups:
            who = self.settings.genders[group.gender].name if group.gender in \
                self.settings.genders else "Anyone"
            if group.min_age is not None and group.max_age is not None:
                who += f" aged {group.min_age} to {group.max_age}"
            elif group.min_age is not None:
                who += f" aged {group.min_age} and over"
            elif group.max_age is not None:
                who += f" aged {group.max_age} or under"
            parts.append(who)
        return "; ".join(parts) + "."
