"""A service as the site shows it: Service and its parts (phone lines, opening hours,
eligibility groups, referral routes), and the words some of their fields are limited to.

They are frozen dataclasses made from checked listings (servicesfile.py reads
services.yaml, listingformat.py checks each entry), so the rest of the build and the
templates can use them without checking again."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
AUDIENCES = ("residents", "professionals")
ROUTES = ("self", "professional")
STATUSES = ("active", "temporarily-closed")


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
class Chat:
    """A way to write to the service's advisers online and have them write back, for
    someone who cannot make a call (someone may hear, or they cannot speak)."""

    url: str  # the page the chat is on
    hours: str = ""
    opening_hours: Hours | None = None


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
    chat: Chat | None = None
    referral: Referral = Referral()
    languages: tuple[str, ...] = ()
    opening_hours: Hours | None = None
    last_reviewed: dt.date | None = None
    status: str = "active"
    alert: str = ""
    source: str = ""
    owner: str = ""  # who keeps the listing right; for the review report, not shown
    for_people_who_harm: bool = False  # help to change one's own behaviour, never for victims
    # A way to go to the police: to report a crime (the police, Crimestoppers), or to ask
    # about a partner's past (Clare's Law). Not support: listed after it.
    reporting: bool = False
    line: int = 0  # where the entry starts in services.yaml, for later problems

    @property
    def url(self) -> str:
        return f"/services/{self.id}/"

    @property
    def hours_on_phones(self) -> bool:
        """Every phone line gives its hours (so the page need not say hours are unknown)."""
        return bool(self.phones) and all(p.hours or p.opening_hours for p in self.phones)

    @property
    def website_on_card(self) -> bool:
        """Cards and search results show the website as the way to reach the service: with
        no number to call and no chat, it is where the way to contact it is, so that no card
        is a dead end."""
        return bool(self.website) and not self.phones and self.chat is None

    @property
    def later_line(self) -> Phone | None:
        """The line cards and search results show beside the first: the line to call when
        the first is closed (the first 24-hour or out-of-hours line after it); for a way to
        report a crime, its second line (the police's 101 beside 999)."""
        if self.reporting:
            return self.phones[1] if len(self.phones) > 1 else None
        return next((phone for phone in self.phones[1:] if phone.call_now), None)
