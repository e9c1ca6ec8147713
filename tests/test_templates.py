"""Template tests: render pages and partials from plain data, assert with BeautifulSoup."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup, escape

from signpost.hours import clock, describe_days, describe_hours, uk_today
from signpost.listings import NARROWED_WHOLE_UP_TO, Lead, Listing, Section
from signpost.render import (compile_templates, compiled_file, compiled_templates, make_env,
                             read_compiled, save_compiled)
from signpost.services import Chat, Group, Hours, Link, Period, Phone, Referral, Service

EXIT = "https://exit.example.org/weather"

FULL = Service(
    id="full", name="Full <Service>", summary="Summary & more.", areas=("lambeth", "lewisham"),
    organisation="Org", description_html="<p>About <strong>us</strong>.</p>",
    audiences=("residents",), categories=("domestic-abuse",),
    eligibility=(Group("women", 16),), eligibility_text="Women aged 16 and over.",
    phones=(Phone("Helpline", "0808 157 0001", "tel:+448081570001",
                  opening_hours=Hours(periods=(Period(("sat",), "22:00", "02:00"),))),
            Phone("Emergency", "999", "tel:999")),
    emails=(Link("Office", "office@example.org"),), website="https://example.org/help/",
    referral=Referral(("self", "professional"), "Call us.", (Link("Form", "https://example.org/f"),)),
    languages=("English", "Polish"), opening_hours=Hours(always=True),
    last_reviewed=dt.date(2026, 1, 2), status="temporarily-closed", alert="Closed until March.",
)
BARE = Service(id="bare", name="Bare", summary="S.", areas=("national",),
               audiences=("professionals",), emails=(Link("Office", "o@example.org"),))


@pytest.fixture(scope="module")
def env(settings):
    return make_env(settings, EXIT)


def render(env, template, **context) -> BeautifulSoup:
    context.setdefault("url", "/x/")
    context.setdefault("title", "A title")
    if "service" in context:  # a service page's place in the search's order (site.py)
        context.setdefault("browse", ("1" + context["service"].name, "0" + context["service"].name))
        context.setdefault("group", "helplines")
        context.setdefault("situations", ())
    return BeautifulSoup(env.get_template(template).render(**context), "html.parser")


def test_layout_promises(env, settings):
    page = render(env, "404.html", title="Page not found")
    assert page.html["lang"] == "en-GB"
    assert len(page.find_all("h1")) == 1
    assert page.title.string == f"Page not found – {settings.site_name}"
    assert page.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"
    links = page.find_all("a")
    assert [a.get_text(strip=True) for a in links[:2]] == ["Skip to main content", "Exit this page"]
    assert links[0]["href"] == "#main" and page.find(id="main").name == "main"
    # apart in a text-mode browser, which shows the text between them as it is
    assert links[0].next_sibling == " " and links[0].next_sibling.next_sibling is links[1].parent
    assert page.select_one(".app-emergency").get_text(" ", strip=True) == (
        "If you are in danger now, call 999 . If you cannot speak, stay on the line. "
        "On a mobile, press 55 when asked.")
    # the exit: real links to the destination, same tab, no referrer
    exits = page.select(".app-js-exit")
    assert len(exits) == 2 and len(page.select('[data-module="app-exit"] a')) == 1
    for link in exits:
        assert link["href"] == EXIT and "noreferrer" in link["rel"] and not link.get("target")
    button = page.select_one(".app-exit__button")
    assert button["role"] == "button" and button.get_text(" ", strip=True) == "Emergency Exit this page"
    assert page.find("a", href="/staying-safe-online/")
    assert [s["src"] for s in page.find_all("script")] == ["/assets/js/exit.js"]
    assert page.find("script").has_attr("defer")


def test_output_is_escaped_as_markupsafe_escapes_it(env):
    """Each {{ value }} is escaped character for character as markupsafe.escape does it,
    once: text from a macro, a block set or an object with __html__ is not escaped again."""
    hostile = """<script>alert("x")</script> & 'quoted'"""
    page = env.from_string(
        "{% macro italic(v) %}<i>{{ v }}</i>{% endmacro %}"
        "{% set held %}<b>{{ v }}</b>{% endset %}"
        "{{ v }}|{{ italic(v) }}|{{ held }}{{ held }}|{{ v | safe }}|{{ n }}|{{ made }}"
    ).render(v=hostile, n=7, made=Markup("<u>ok</u>"))
    text = str(escape(hostile))
    assert text != hostile
    assert page == f"{text}|<i>{text}</i>|<b>{text}</b><b>{text}</b>|{hostile}|7|<u>ok</u>"


def test_service_page_shows_everything(env):
    page = render(env, "service.html", service=FULL, stale=True)
    text = page.get_text(" ", strip=True)
    assert page.h1.get_text() == "Full <Service>"  # escaped, shown as text
    assert "<Service>" not in str(page.h1).replace("&lt;Service&gt;", "")
    assert [a["href"] for a in page.select("a.app-phone")] == ["tel:+448081570001", "tel:999"]
    assert page.find("a", href="mailto:office@example.org")
    website = page.find("a", href="https://example.org/help/")
    assert website.get_text() == "example.org/help" and website["rel"] == ["noreferrer"]
    assert "Saturday: 10pm to 2am (the next day)" in text
    assert "24 hours, every day" in text
    assert "This service is temporarily closed." in text and "Closed until March." in text
    assert "Last checked 2 January 2026" in text
    assert "last checked over 6 months ago" in text
    assert "You can contact this service yourself." in text
    assert page.find("a", href="https://example.org/f").get_text() == "Form"
    assert "Women aged 16 and over." in text and "Polish" in text
    assert [a["href"] for a in page.select(".app-facts a")][:2] == ["/areas/lambeth/", "/areas/lewisham/"]


def test_service_page_says_what_it_does_not_know(env):
    residents = dataclasses.replace(BARE, audiences=("residents",))
    page = render(env, "service.html", service=residents, stale=False)
    text = page.get_text(" ", strip=True)
    assert "The service has not said who it is for." in text
    assert "has not published its opening hours" in text
    assert "Contact them to check." in text and "Call to check" not in text  # no number
    assert "months ago" not in text and "temporarily closed" not in text


def test_a_service_only_for_professionals_says_so_on_its_page_and_in_search(env):
    page = render(env, "service.html", service=BARE, stale=False)
    assert "Professionals who work with people affected by abuse. It is not a service to " \
        "contact for help yourself." in page.get_text(" ", strip=True)
    assert "has not said" not in page.get_text(" ", strip=True)
    facets = {span.get("data-pagefind-meta") or span.get("data-pagefind-filter")
              for span in page.select("[data-pagefind-meta], [data-pagefind-filter]")}
    # Listed after the services residents can contact (search.js), with its tag.
    assert {"section:professionals", "tag:For professionals"} <= facets
    assert not [f for f in facets if f.startswith("who:")]


def sections(env, service, **context) -> list[str]:
    """The sections of the search a service page puts its service in (search.js)."""
    page = render(env, "service.html", service=service, stale=False, **context)
    return [span["data-pagefind-filter"] for span in page.select("[data-pagefind-filter]")
            if span["data-pagefind-filter"].startswith("section:")]


def test_a_way_to_go_to_the_police_is_its_own_section_of_search(env):
    # Listed after support unless the words ask for one (search.js, reportWords).
    assert sections(env, dataclasses.replace(FULL, reporting=True)) == ["section:reporting"]
    assert sections(env, FULL) == []
    assert sections(env, dataclasses.replace(BARE, reporting=True)) == ["section:professionals"]


@pytest.mark.parametrize("group, section", [
    ("particular", ["section:after-helplines"]), ("professional", ["section:after-helplines"]),
    ("local", []), ("helplines", [])])
def test_help_browsing_lists_after_the_helplines_is_a_section_of_search(env, group, section):
    # Help in one particular situation and help reached only through a professional: browsing
    # lists them after the helplines (search.js), as the lists do (order.group_of).
    assert sections(env, FULL, group=group) == section
    assert sections(env, dataclasses.replace(FULL, reporting=True), group=group) == \
        ["section:reporting"]


@pytest.mark.parametrize("eligibility, section", [
    ((Group(None, 11, 17),), ["section:young"]), ((Group(None, None, 18), Group("women", 5, 18)),
                                                   ["section:young"]),
    ((Group(None, 11, 17), Group("women", 16)), []), ((), [])])
def test_a_service_only_for_the_young_is_a_section_of_search(env, eligibility, section):
    # Which a search told no age lists after the results that match as well (search.js).
    assert sections(env, dataclasses.replace(FULL, eligibility=eligibility)) == section


def test_a_card_and_a_search_result_say_where_the_service_is(env):
    page = render(env, "services.html", listing=Listing(
        "H", intro=(), breadcrumbs="areas", services=(FULL,), count=1, page=1,
        sections=(Section("", (FULL,)),), pages=((1, "/x/"),)))
    assert page.select_one("li.app-card .app-card__where").get_text() == \
        "Where: Lambeth, Lewisham"
    facets = render(env, "service.html", service=FULL, stale=False)
    assert "where:Lambeth, Lewisham" in [
        span["data-pagefind-meta"] for span in facets.select("[data-pagefind-meta]")]


def test_a_service_in_every_borough_says_all_of_london_once(env, settings):
    boroughs = tuple(slug for slug in settings.areas if slug != "national")
    everywhere = dataclasses.replace(FULL, areas=boroughs)
    page = render(env, "service.html", service=everywhere, stale=False)
    facts = page.select_one(".app-facts dd")
    assert [(a["href"], a.get_text()) for a in facts.select("a")] == [("/areas/", "All of London")]
    assert [a["href"] for a in page.select(".app-breadcrumbs a")][-1] == "/areas/"
    assert "where:All of London" in [
        span["data-pagefind-meta"] for span in page.select("[data-pagefind-meta]")]
    # One borough short of every one: each is named.
    some = render(env, "service.html", service=dataclasses.replace(FULL, areas=boroughs[1:]),
                  stale=False)
    assert len(some.select_one(".app-facts dd").select("a")) == len(boroughs) - 1


def test_what_a_service_is_about_is_searched_apart_from_its_text(settings):
    # Meta that Pagefind searches and search.js weighs (RANKING): the kind of help's name and
    # plain words, the service's numbers as typed, the groups it names. Not text in the page.
    kind = dataclasses.replace(settings.categories["domestic-abuse"], keywords=("hitting", "ex"))
    env = make_env(dataclasses.replace(settings, categories={**settings.categories,
                                                             kind.slug: kind}), EXIT)
    page = render(env, "service.html", service=FULL, stale=False)
    about = [m["data-pagefind-meta"].removeprefix("about:").split(" ") for m in
             page.select("[data-pagefind-meta]") if m["data-pagefind-meta"].startswith("about:")]
    assert len(about) == 1
    assert {"Domestic", "abuse", "hitting", "ex", "08081570001", "999", "Women"} <= set(about[0])
    assert not page.select("[data-pagefind-index-attrs]")
    assert "08081570001" not in page.get_text()


def test_a_closed_service_says_so_in_search(env):
    def meta(service):
        page = render(env, "service.html", service=service, stale=False)
        return {span["data-pagefind-meta"] for span in page.select("[data-pagefind-meta]")}
    assert "closed:This service is temporarily closed." in meta(FULL)
    assert not [m for m in meta(dataclasses.replace(FULL, status="active"))
                if m.startswith("closed:")]


def test_a_way_to_report_a_crime_never_casts_doubt_on_who_may_call_or_when(env):
    emergency = (Phone("Emergency", "999", "tel:999"),)
    for reporting in (True, False):
        service = dataclasses.replace(BARE, audiences=("residents",), phones=emergency,
                                      reporting=reporting)
        page = render(env, "service.html", service=service, stale=False)
        headings = [h.get_text() for h in page.find_all("h2")]
        text = page.get_text(" ", strip=True)
        # Anyone may call the police, at any time: no "has not said" nor "call to check".
        assert ("Who it is for" in headings) is not reporting
        assert ("Opening hours" in headings) is not reporting
        assert ("has not said who it is for" in text) is not reporting
        assert ("Call to check" in text) is not reporting
        assert "Call 999" in text


@pytest.mark.parametrize("phones, said", [
    ((Phone("Office", "020 7946 0000", "tel:+442079460000"),),
     "The service has not published its opening hours. Call to check."),
    ((Phone("Office", "020 7946 0000", "tel:+442079460000", hours="Weekdays, 9am to 5pm"),
      Phone("Line", "0808 157 0001", "tel:+448081570001", opening_hours=Hours(always=True))),
     "Each phone line's hours are given with its number, above.")])
def test_a_service_without_hours_of_its_own_says_where_to_find_them(env, phones, said):
    page = render(env, "service.html", service=dataclasses.replace(BARE, phones=phones),
                  stale=False)
    hours = page.find("h2", string="Opening hours")
    assert hours.find_next_sibling("p").get_text() == said


def test_service_card(env, settings):
    import dataclasses
    from signpost.order import resident_order
    harm = dataclasses.replace(BARE, id="harm", name="A programme", audiences=("residents",),
                               areas=("lambeth",), for_people_who_harm=True)
    entries = resident_order([harm, FULL, BARE], settings)
    groups = dict.fromkeys(group for group, _ in entries)
    card = render(env, "services.html", listing=Listing(
        "H", intro=(Lead("areas_intro"), Lead("professionals_in_area", area="Lambeth",
                                              href="/professionals/lambeth/")),
        breadcrumbs="areas", services=tuple(s for _, s in entries), count=3, page=1,
        sections=tuple(Section(g, tuple(s for group, s in entries if group == g)) for g in groups),
        pages=((1, "/x/"),), ordered=True, place="Lambeth", helplines=(FULL,)))
    items = card.select("ul.app-cards li.app-card")
    assert [li.h3.a["href"] for li in items] == ["/services/full/", "/services/bare/",
                                                 "/services/harm/"]
    assert items[0].select_one("a.app-phone")["href"] == "tel:+448081570001"
    assert "Women aged 16 and over." in items[0].get_text()
    assert "For professionals" in items[1].get_text() and not items[1].select("a.app-phone")
    assert "For people worried about their own behaviour" in items[2].get_text()
    assert items[2]["data-who"] == "*"  # under its own heading, whatever age is chosen
    assert [h.get_text() for h in card.find_all("h2")] == [
        "Talk to someone now", "In Lambeth", "National helplines and services",
        "If you are worried about your own behaviour"]
    assert card.select_one(".app-call-now a.app-phone")["href"] == "tel:+448081570001"
    assert card.find("a", href="/professionals/lambeth/")



def test_card_and_search_result_show_the_line_to_call_when_the_first_is_closed(env):
    office = Phone("Office", "020 7946 0001", "tel:+442079460001", "Weekdays",
                   Hours(periods=(Period(("mon",), "09:00", "17:00"),)))
    evenings = Phone("Evenings", "020 7946 0002", "tel:+442079460002", out_of_hours=True)
    night = Phone("Night line", "020 7946 0003", "tel:+442079460003", opening_hours=Hours(True))
    other = Phone("Admin", "020 7946 0004", "tel:+442079460004")
    service = dataclasses.replace(FULL, phones=(office, other, evenings, night))
    page = render(env, "services.html", listing=Listing(
        "H", intro=(), breadcrumbs="areas", services=(service,), count=1, page=1,
        sections=(Section("", (service,)),), pages=((1, "/x/"),)))
    # The first line, then the first after it that can be called when it is closed.
    assert [a["href"] for a in page.select("li.app-card a.app-phone")] == [
        "tel:+442079460001", "tel:+442079460002"]
    assert page.select_one("li.app-card .app-card__label").get_text() == "Evenings"
    facets = render(env, "service.html", service=service, stale=False)
    meta = [span["data-pagefind-meta"] for span in facets.select("[data-pagefind-meta]")]
    assert "now_phone:020 7946 0002" in meta and "now_label:Evenings" in meta
    alone = render(env, "service.html", service=dataclasses.replace(FULL, phones=(office, other)),
                   stale=False)
    assert not [m for m in alone.select("[data-pagefind-meta]")
                if m["data-pagefind-meta"].startswith("now_")]


def test_card_and_search_result_of_a_service_with_no_number_show_its_website(env):
    # A line whose number is on its own site only (the Rape Crisis support line): its card
    # had nothing to do next, neither a number nor a link.
    web = dataclasses.replace(FULL, phones=(), website="https://line.example.org/chat/",
                              opening_hours=Hours(always=True))
    page = render(env, "services.html", listing=Listing(
        "H", intro=(), breadcrumbs="areas", services=(web, FULL), count=2, page=1,
        sections=(Section("", (web, FULL)),), pages=((1, "/x/"),)))
    cards = page.select("li.app-card")
    link = cards[0].select_one(".app-card__web a")
    assert (link["href"], link.get_text()) == ("https://line.example.org/chat/",
                                               "line.example.org/chat")
    assert cards[0].select_one(".app-card__web .app-open-now")["data-hours"] == "24/7"
    # Its hours in words too, for a text-mode browser, which runs no script.
    assert cards[0].select_one(".app-card__web .app-card__hours").get_text() == \
        "(24 hours, every day)"
    assert not cards[1].select(".app-card__web")  # one with a number: the number alone
    meta = [span["data-pagefind-meta"] for span in
            render(env, "service.html", service=web, stale=False).select("[data-pagefind-meta]")]
    assert "website:https://line.example.org/chat/" in meta and "hours:24/7" in meta
    meta = [span["data-pagefind-meta"] for span in
            render(env, "service.html", service=FULL, stale=False).select("[data-pagefind-meta]")]
    assert not [m for m in meta if m.startswith("website:")]

def test_card_page_and_search_result_offer_online_chat_after_the_numbers(env):
    # For someone who cannot call: "i can't call" found nothing, and no card said how else.
    chat = dataclasses.replace(FULL, chat=Chat("https://example.org/chat", "Weekdays, 10am to 4pm",
                                               Hours(always=True)))
    page = render(env, "services.html", listing=Listing(
        "H", intro=(), breadcrumbs="areas", services=(chat, FULL), count=2, page=1,
        sections=(Section("", (chat, FULL)),), pages=((1, "/x/"),)))
    cards = page.select("li.app-card")
    line = cards[0].select_one(".app-card__chat")
    assert line.get_text(" ", strip=True) == \
        "Online chat: Chat on its website (Weekdays, 10am to 4pm)"
    assert line.a["href"] == "https://example.org/chat" and line.a["rel"] == ["noreferrer"]
    assert line.select_one(".app-open-now")["data-hours"] == "24/7"
    assert line.find_previous_sibling("p", class_="app-card__call")  # after the numbers
    assert not cards[1].select(".app-card__chat")
    service = render(env, "service.html", service=chat, stale=False)
    contact = service.find("a", href="https://example.org/chat").find_parent("li")
    assert contact.get_text(" ", strip=True) == \
        "Online chat Chat on its website Weekdays, 10am to 4pm"
    meta = [span["data-pagefind-meta"] for span in service.select("[data-pagefind-meta]")]
    assert "chat:https://example.org/chat" in meta and "chat_hours:24/7" in meta
    about = next(m for m in meta if m.startswith("about:"))
    assert "chat" in about.split()  # the word a search that cannot call is read as
    meta = [span["data-pagefind-meta"] for span in
            render(env, "service.html", service=FULL, stale=False).select("[data-pagefind-meta]")]
    assert not [m for m in meta if m.startswith("chat")]
    assert "chat" not in next(m for m in meta if m.startswith("about:")).split()
    # With no number, the chat is the way to reach it: not the website beside it too.
    alone = dataclasses.replace(chat, phones=())
    card = render(env, "services.html", listing=Listing(
        "H", intro=(), breadcrumbs="areas", services=(alone,), count=1, page=1,
        sections=(Section("", (alone,)),), pages=((1, "/x/"),))).select_one("li.app-card")
    assert card.select(".app-card__chat") and not card.select(".app-card__web")
    meta = [span["data-pagefind-meta"] for span in
            render(env, "service.html", service=alone, stale=False).select("[data-pagefind-meta]")]
    assert "chat:https://example.org/chat" in meta
    assert not [m for m in meta if m.startswith(("website:", "hours:"))]


def test_pagination(env):
    page = render(env, "services.html", listing=Listing(
        "H", (), "", (Section(None, (BARE,)),), (BARE,), count=41, page=2,
        pages=((1, "/c/"), (2, "/c/2/"), (3, "/c/3/"))))
    nav = page.select_one("nav.app-pagination")
    assert nav.find("a", rel="prev")["href"] == "/c/"
    assert nav.find("a", rel="next")["href"] == "/c/3/"
    assert nav.find("a", attrs={"aria-current": "page"})["href"] == "/c/2/"
    assert "41 services" in page.get_text()


@pytest.mark.parametrize("hhmm, words", [("09:00", "9am"), ("17:30", "5:30pm"),
                                         ("12:00", "midday"), ("00:00", "midnight"),
                                         ("12:15", "12:15pm"), ("00:30", "12:30am")])
def test_clock(hhmm, words):
    assert clock(hhmm) == words


@pytest.mark.parametrize("days, words", [
    (("mon", "tue", "wed", "thu", "fri"), "Monday to Friday"), (("mon", "wed"), "Monday and Wednesday"),
    (("sat",), "Saturday"), (("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "Every day"),
    (("fri", "mon", "tue"), "Monday, Tuesday and Friday")])
def test_days(days, words):
    assert describe_days(days) == words


def test_today_is_the_uk_date_whatever_the_machine_clock():
    utc = dt.timezone.utc
    assert uk_today(dt.datetime(2026, 7, 1, 23, 30, tzinfo=utc)) == dt.date(2026, 7, 2)  # BST
    assert uk_today(dt.datetime(2026, 12, 1, 23, 30, tzinfo=utc)) == dt.date(2026, 12, 1)


def test_hours():
    assert describe_hours(None) == []
    assert describe_hours(Hours(always=True)) == ["24 hours, every day"]
    assert describe_hours(Hours(periods=(Period(("mon", "tue", "wed"), "09:00", "17:00"),))) == [
        "Monday to Wednesday: 9am to 5pm"]


def test_long_pagination_shows_a_window(env):
    pages = [(n, f"/c/{n}/") for n in range(1, 64)]
    nav = render(env, "services.html", listing=Listing(
        "H", (), "", (Section(None, (BARE,)),), (BARE,), count=1260, page=30,
        pages=tuple(pages))).select_one("nav.app-pagination")
    numbers = [a.get_text() for a in nav.find_all("a") if a.get_text().isdigit()]
    assert numbers == ["1", "28", "29", "30", "31", "32", "63"]
    assert len(nav.select(".app-pagination__gap")) == 2


@pytest.mark.parametrize("current, total, shown", [
    (1, 2, ["1", "2", "next"]),
    (1, 7, ["1", "2", "3", "…", "7", "next"]),
    (4, 7, ["prev", "1", "2", "3", "4", "5", "6", "7", "next"]),
    (5, 9, ["prev", "1", "…", "3", "4", "5", "6", "7", "…", "9", "next"]),
    (9, 9, ["prev", "1", "…", "7", "8", "9"]),
])
def test_pagination_links_the_first_last_and_two_either_side(env, current, total, shown):
    nav = render(env, "services.html", listing=Listing(
        "H", (), "", (Section(None, (BARE,)),), (BARE,), count=20 * total, page=current,
        pages=tuple((n, f"/c/{n}/" if n > 1 else "/c/") for n in range(1, total + 1)))
    ).select_one("nav.app-pagination")
    items = [li.a.get("rel", [li.get_text()])[0] if li.a else li.get_text() for li in nav.select("li")]
    assert items == shown
    assert nav.find("a", attrs={"aria-current": "page"})["href"] == \
        (f"/c/{current}/" if current > 1 else "/c/")


@pytest.mark.parametrize("total, whole", [(2, True), (NARROWED_WHOLE_UP_TO, True),
                                          (NARROWED_WHOLE_UP_TO + 1, False)])
def test_a_list_of_a_few_pages_is_narrowed_whole(env, total, whole):
    """A list of a few pages tells filter-list.js where they are, and its filter offers the
    kinds of help of every page; a longer one is narrowed a page at a time: it offers this
    page's kinds, and names no pages to fetch."""
    other = dataclasses.replace(FULL, id="other", categories=("lgbt", "sexual-violence"))
    page = render(env, "services.html", listing=Listing(
        "H", (), "", (Section("helplines", (FULL, BARE)),), (FULL, BARE), count=20 * total,
        page=2, pages=tuple((n, f"/c/{n}/" if n > 1 else "/c/") for n in range(1, total + 1)),
        all_kinds=frozenset(FULL.categories + other.categories)))
    nav = page.select_one("nav.app-pagination")
    block = page.select_one('script[data-module="app-filter-list"]').string  # unpack.js's
    kinds = [o["value"] for o in BeautifulSoup(block, "html.parser").select("#filter-kind option")]
    assert page.select_one(".app-cards")["data-group"] == "helplines"
    if whole:
        assert (nav["data-base"], nav["data-pages"], nav["data-page"]) == ("/c/", str(total), "2")
        assert kinds == ["", "domestic-abuse", "sexual-violence", "lgbt"]  # site.yaml's order
    else:
        assert not {"data-base", "data-pages", "data-page"} & set(nav.attrs)
        assert kinds == []  # one kind on this page: nothing to choose between


def test_one_page_has_no_pagination(env):
    page = render(env, "services.html", listing=listing_of(FULL, BARE))
    assert page.select_one(".app-cards") and not page.select("nav.app-pagination")


def test_parts_made_once_stay_with_their_arguments(settings):
    env = make_env(settings, EXIT)  # its own: what one page makes, the next may reuse
    other = dataclasses.replace(FULL, id="other", name="Other line", phones=(
        Phone("Line", "0808 000 0002", "tel:+448080000002"),))
    trails = {"full": ["/", "/areas/lambeth/"],
              "bare": ["/", "/professionals/", "/professionals/national/"]}
    for _ in range(2):  # each way twice, in turn, so that a part reused wrongly would show
        for service, lines in ((BARE, [FULL]), (BARE, [other]), (FULL, [other]),
                               (BARE, [FULL, other]), (FULL, [])):
            page = render(env, "service.html", service=service, stale=False, lines=list(lines))
            assert [a["href"] for a in page.select(".app-call-now a.app-phone")] == \
                [line.phones[0].href for line in lines]
            assert [a["href"] for a in page.select(".app-breadcrumbs a")] == trails[service.id]
        for services, kinds in (((FULL, BARE), []), ((FULL, other), []),
                                ((FULL, dataclasses.replace(BARE, categories=("lgbt",))),
                                 ["", "domestic-abuse", "lgbt"])):
            page = render(env, "services.html", listing=listing_of(*services))
            block = page.select_one('script[data-module="app-filter-list"]')  # unpack.js
            options = BeautifulSoup(block.string, "html.parser").select("#filter-kind option")
            assert [o["value"] for o in options] == kinds


def test_report_a_problem_is_a_prefilled_email(settings):
    import dataclasses
    env = make_env(dataclasses.replace(settings, report_email="team@example.org"), EXIT)
    link = render(env, "service.html", service=FULL, stale=False).find(
        "a", string="Report a problem with this listing")
    assert link["href"] == ("mailto:team@example.org?subject=Problem%20with%20the%20listing%20"
                            "Full%20%3CService%3E%20%28full%29")


def test_no_report_link_without_a_mailbox(env):
    page = render(env, "service.html", service=FULL, stale=False)
    assert page.find("a", string="Report a problem with this listing") is None


def listing_of(*services, ordered=False, embedded=False) -> Listing:
    return Listing("H", intro=(), breadcrumbs=None, services=services, count=len(services),
                   page=1, sections=(Section(None, services),), pages=((1, "/x/"),),
                   ordered=ordered, embedded=embedded)


def test_cards_made_once_keep_each_way_a_card_is_shown_apart(settings):
    env = make_env(settings, EXIT)  # its own: what one page makes, the next may reuse
    module = env.get_template("_partials/service_card.html").module
    macro, calls = module.service_card, []

    def counted(*args):
        calls.append(args)
        return macro(*args)
    module.service_card = counted
    # The same environment renders each way twice, in turn, so a reused card could leak.
    shown = [(ordered, embedded) for _ in range(2) for ordered in (True, False)
             for embedded in (False, True)]
    for ordered, embedded in shown:
        page = render(env, "services.html", listing=listing_of(FULL, BARE, ordered=ordered,
                                                               embedded=embedded),
                      **({"embedded": True} if embedded else {}))
        cards = page.select("li.app-card")
        heading = "h3" if ordered else "h2"
        assert [c.find(heading).a["href"] for c in cards] == \
            [("/embed" if embedded else "") + s.url for s in (FULL, BARE)]
        assert [c.find(heading).a.get("target") for c in cards] == \
            [("_self" if embedded else None)] * 2
        assert cards[0].find(heading).get_text() == "Full <Service>"
        assert "Women aged 16 and over." in cards[0].get_text()
        assert "Women aged" not in cards[1].get_text()
    assert len(calls) == 8  # 2 services, each made once for each of the 4 ways


def test_page_top_and_foot_made_once_differ_between_full_and_embedded_pages(env, settings):
    embed = next(iter(settings.embeds.values()), None)
    for _ in range(2):
        full = render(env, "404.html", title="Page not found")
        framed = render(env, "404.html", title="Page not found", embedded=True, embed=embed)
        plain = render(env, "404.html", title="Page not found", embedded=True)
        assert full.select_one("header.app-header") and full.select_one("footer.app-footer")
        assert not full.select(".app-js-exit[target]")
        for page in (framed, plain):
            assert not page.select("header, footer.app-footer")  # no site header or menu
            assert [a["target"] for a in page.select(".app-js-exit")] == ["_top", "_top"]
        assert framed.select_one(".app-embed-footer").get_text() != \
            plain.select_one(".app-embed-footer").get_text()
        if embed:
            assert embed.name in framed.select_one(".app-embed-footer").get_text()


def test_fragment_items_made_once_stay_with_their_service(env):
    for services in ([FULL, BARE], [BARE], [FULL]):
        page = BeautifulSoup(env.get_template("fragment.html").render(services=services),
                             "html.parser")
        assert [li.h3.get_text() for li in page.select("li.signpost-service")] == \
            [s.name for s in services]
        assert [bool(li.select('a[href^="tel:"]')) for li in page.select("li")] == \
            [bool(s.phones) for s in services]


def two_templates(folder: Path):
    """Write templates a.html and b.html into folder; return a maker of environments that
    read them (from `folder`, or as named by `path`)."""
    folder.mkdir(exist_ok=True)
    (folder / "a.html").write_text("A {{ x }}", encoding="utf-8")
    (folder / "b.html").write_text("B {{ x }}", encoding="utf-8")

    def new_env(path: Path = folder, **options) -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.FileSystemLoader(path), auto_reload=False,
                                  **options)
    return new_env


def compiling(env: jinja2.Environment, monkeypatch) -> list[str]:
    """The names of the templates env compiles from now on, as it compiles them."""
    compiled, compile_now = [], env.compile
    monkeypatch.setattr(env, "compile", lambda source, name=None, *args, **kwargs: (
        compiled.append(name), compile_now(source, name, *args, **kwargs))[1])
    return compiled


def test_templates_compiled_in_another_process_are_taken_unless_their_text_changed(
        tmp_path, monkeypatch):
    """A child compiles the templates while the build plans; the build takes that code instead
    of compiling again, except for a template whose text is no longer what was compiled."""
    new_env = two_templates(tmp_path)
    codes = compiled_templates(new_env())
    (tmp_path / "b.html").write_text("B changed {{ x }}", encoding="utf-8")
    env = new_env()
    compiled = compiling(env, monkeypatch)
    compile_templates(env, codes)
    assert compiled == ["b.html"]
    assert env.get_template("a.html").render(x=1) == "A 1"
    assert env.get_template("b.html").render(x=1) == "B changed 1"


def test_templates_kept_compiled_by_make_are_taken_from_wherever_the_build_runs(
        tmp_path, monkeypatch):
    """`make` keeps the templates compiled beside their folder; a build takes that code
    however it names the folder (from the project folder, `templates`), and compiles only a
    template changed since."""
    folder = tmp_path / "templates"
    new_env = two_templates(folder)
    assert save_compiled(new_env(), folder) == compiled_file(folder) == \
        tmp_path / ".templates.compiled"
    (folder / "b.html").write_text("B changed {{ x }}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    env = new_env(Path("templates"))
    compiled = compiling(env, monkeypatch)
    compile_templates(env, read_compiled(env, Path("templates")))
    assert compiled == ["b.html"]
    assert env.get_template("a.html").render(x=1) == "A 1"
    assert env.get_template("b.html").render(x=1) == "B changed 1"


def test_templates_kept_compiled_another_way_or_broken_are_not_taken(tmp_path):
    """Code compiled by another kind of environment (here, one that trims blocks, where the
    same text can compile to other code) or a file cut short is not used: the build
    compiles."""
    folder = tmp_path / "templates"
    new_env = two_templates(folder)
    save_compiled(new_env(), folder)
    assert set(read_compiled(new_env(), folder)) == {"a.html", "b.html"}
    assert read_compiled(new_env(trim_blocks=True), folder) == {}
    kept = compiled_file(folder)
    kept.write_bytes(kept.read_bytes()[:1000])
    assert read_compiled(new_env(), folder) == {}
    kept.unlink()
    assert read_compiled(new_env(), folder) == {}


def test_a_help_page_shows_a_text_mode_browser_its_summary_once(env):
    """A text-mode browser shows `hidden` elements: what the search reads of a help page (its
    type and summary) is carried in attributes, so its text says the summary once."""
    from signpost.content import Page
    page = Page("help", "Help", "How to get help, day or night.", "residents",
                "<p>Body.</p>", "content/help.md")
    html = render(env, "page.html", page=page)
    assert html.get_text().count(page.summary) == 1
    assert html.select_one('[data-pagefind-filter="type:page"]')
    assert html.select_one(f'[data-pagefind-meta="summary:{page.summary}"]')
    # Untagged, as a resident's page; a page for professionals is tagged as their services
    # are, which search.js reads (a resident's page with every word may come first).
    assert not html.select('[data-pagefind-meta^="tag:"]')
    for_them = render(env, "page.html", page=dataclasses.replace(page, audience="professionals"))
    assert for_them.select_one('[data-pagefind-meta="tag:For professionals"]')
    assert for_them.get_text().count(page.summary) == 1
    # No words to find it by but its own, unless it gives keywords; they are never its text.
    assert not html.select('[data-pagefind-meta^="about:"]')
    keyed = render(env, "page.html", page=dataclasses.replace(page, keywords=("gaslighting",
                                                                               "red flags")))
    assert keyed.select_one('[data-pagefind-meta="about:gaslighting red flags"]')
    assert "gaslighting" not in keyed.get_text()


def test_the_embed_code_for_web_teams_is_escaped_for_the_page_it_is_pasted_into(settings):
    """The guide shows code to paste: read as text, it must still be HTML in which every
    value stays inside its attribute (a borough named with quotes adds no attribute)."""
    hostile = 'Lambeth" onload="alert(1)'
    areas = {**settings.areas, "lambeth": dataclasses.replace(settings.areas["lambeth"],
                                                              name=hostile)}
    env = make_env(dataclasses.replace(settings, areas=areas), EXIT)
    guide = render(env, "embed-guide.html", embeds=[settings.embeds["lambeth"]])
    pasted = BeautifulSoup(guide.select_one("pre code").get_text(), "html.parser")
    frame = pasted.find("iframe")
    assert sorted(frame.attrs) == ["height", "src", "title", "width"]
    assert frame["title"].endswith(hostile) and "alert" not in frame["src"]
    assert [s["src"] for s in pasted.find_all("script")] == [settings.base_url + "/embed/host.js"]


def test_a_phones_hours_are_said_once(env):
    weekdays = Hours(periods=(Period(("mon", "tue", "wed", "thu", "fri"), "09:00", "17:00"),))
    phones = (Phone("Advice", "020 7946 0002", "tel:+442079460002", "Weekdays, 9am to 5pm",
                    weekdays),
              Phone("Night line", "020 7946 0003", "tel:+442079460003", opening_hours=weekdays),
              Phone("Office", "020 7946 0004", "tel:+442079460004"))
    page = render(env, "service.html", service=dataclasses.replace(FULL, phones=phones),
                  stale=False)
    assert [[span.get_text() for span in item.select(".app-contacts__hours")]
            for item in page.select(".app-contacts__item")[:3]] == [
        ["Weekdays, 9am to 5pm"], describe_hours(weekdays), []]
    # Each phone with opening hours still says whether it is open now.
    assert len(page.select(".app-contacts__item [data-module=app-open-now]")) == 2
