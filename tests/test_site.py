"""Unit tests: the URL map, listing rules, pagination and link checks."""
from __future__ import annotations

import dataclasses

from signpost.content import Page
from signpost.links import check_site
from signpost.services import Group, Phone, Service
from signpost.settings import Term
from signpost.site import plan_site
from signpost.spelling import SPELLING_URL
from conftest import TODAY


def svc(sid, areas=("lambeth",), **kw):
    return Service(id=sid, name=kw.pop("name", sid.title()), summary="S.", areas=tuple(areas), **kw)


PAGES = [Page("staying-safe-online", "Staying safe online", "S.", "residents", "", "c/s.md"),
         Page("about", "About", "S.", "residents", "", "c/a.md")]


def urls(outputs):
    return {o.url: o for o in outputs}


def test_national_services_appear_in_every_borough(settings):
    services = [svc("local"), svc("helpline", areas=["national"])]
    out = urls(plan_site(services, PAGES, settings, TODAY))
    assert [s.id for s in out["/areas/lambeth/"].context["listing"].services] == \
        ["local", "helpline"]
    assert [s.id for s in out["/areas/camden/"].context["listing"].services] == ["helpline"]
    assert [lead.kind for lead in out["/areas/camden/"].context["listing"].intro] == \
        ["no_local_services"]  # the page says Camden has no local services


def test_a_service_in_every_borough_is_listed_in_each_but_based_in_none(settings):
    boroughs = [slug for slug in settings.areas if slug != "national"]
    services = [svc("local"), svc("london-wide", areas=boroughs),
                svc("helpline", areas=["national"])]
    out = urls(plan_site(services, PAGES, settings, TODAY))
    camden = out["/areas/camden/"].context["listing"]
    assert [s.id for s in camden.services] == ["london-wide", "helpline"]
    assert [lead.kind for lead in camden.intro] == ["no_local_services"]
    assert [lead.kind for lead in out["/areas/lambeth/"].context["listing"].intro] == \
        ["areas_intro"]
    # The home page offers the boroughs with services of their own; the search says a place
    # in any other has none based there.
    assert [a.slug for a in out["/"].context["areas"]] == ["lambeth"]
    assert out["/search/"].context["local"] == {"Lambeth"}


def test_professional_only_services_are_kept_apart(settings):
    services = [svc("for-residents"), svc("marac", audiences=("professionals",))]
    out = urls(plan_site(services, PAGES, settings, TODAY))
    assert [s.id for s in out["/areas/lambeth/"].context["listing"].services] == ["for-residents"]
    assert [s.id for s in out["/professionals/lambeth/"].context["listing"].services] == ["marac"]


def test_the_search_knows_the_words_that_ask_for_a_way_to_go_to_the_police(settings):
    # Those of the ways' names and numbers and of the kinds of help only they give, but of no
    # other kind or place (search.js lists the ways after support unless the words ask),
    # in the site's words that a first search loads, not in the search page.
    services = [svc("police", name="Police Line", categories=("helpline",), reporting=True,
                    phones=(Phone("Emergency", "999", "tel:999"),)),
                svc("clare", name="Lambeth Domestic Abuse Disclosure", reporting=True,
                    categories=("domestic-abuse",)),
                svc("athena", categories=("domestic-abuse",))]
    words = urls(plan_site(services, PAGES, settings, TODAY))[SPELLING_URL]
    assert words.context["report"] == ["999", "disclosure", "helplines", "line", "police"]


def test_the_search_knows_which_situation_a_service_for_one_is_for(settings):
    # A service for one particular situation carries its kinds of help but the home
    # helpline's, and the site's words say how to name each: by its plain words, or the
    # words of its name when it has none, but those another kind has, in any of its words
    # or phrases ("cat", of "cat owner"). Search.js lists it after the rest of the support it
    # finds unless the words name one ("emergency" listed foster care for a dog first).
    pets = Term("pets", "Pet fostering", keywords=("dogs", "social worker", "refuge"),
                situation_words=("dog", "cat"))
    other = Term("housing", "Refuges", keywords=("refuge",), situation_words=("cat owner",))
    settings = dataclasses.replace(settings, home_helpline="line", categories={
        **settings.categories, "pets": dataclasses.replace(pets, particular_situation=True,
                                                            first_when_named=True),
        "housing": other})
    services = [svc("line", areas=["national"], categories=("helpline", "housing")),
                svc("dog-foster", categories=("pets", "housing", "domestic-abuse")),
                svc("local", categories=("domestic-abuse",))]
    out = urls(plan_site(services, PAGES, settings, TODAY))
    assert out["/services/dog-foster/"].context["situations"] == ("pets", "domestic-abuse")
    assert out["/services/local/"].context["situations"] == ()
    assert out["/services/line/"].context["situations"] == ()
    assert out[SPELLING_URL].context["situations"] == {
        "Pet fostering": ["dog", "dogs", "social worker"],
        settings.categories["domestic-abuse"].name: ["abuse", "domestic"]}
    assert out[SPELLING_URL].context["situations_first"] == ["Pet fostering"]


def test_listings_paginate(settings):
    settings = dataclasses.replace(settings, page_size=5)
    services = [svc(f"s-{n:02d}") for n in range(12)]
    out = urls(plan_site(services, PAGES, settings, TODAY))
    assert [len(out[u].context["listing"].services) for u in
            ("/areas/lambeth/", "/areas/lambeth/2/", "/areas/lambeth/3/")] == [5, 5, 2]
    assert out["/areas/lambeth/3/"].title == "Help in Lambeth (page 3 of 3)"
    assert "/areas/lambeth/4/" not in out


def test_gender_pages_include_groups_open_to_anyone(settings):
    services = [svc("men-only", eligibility=(Group("men"),)),
                svc("anyone", eligibility=(Group(None, 16),)),
                svc("women-only", eligibility=(Group("women"),)),
                svc("unstated"),
                svc("police", reporting=True),
                svc("reporting-for-women", reporting=True, eligibility=(Group("women"),))]
    out = urls(plan_site(services, PAGES, settings, TODAY))
    # A way to report a crime that names no group is for everyone; one that names a group
    # is for that group only; a service that has not said who it is for is left to search.
    assert [s.id for s in out["/for/men/"].context["listing"].services] == \
        ["anyone", "men-only", "police"]
    assert [s.id for s in out["/for/women/"].context["listing"].services] == \
        ["anyone", "women-only", "police", "reporting-for-women"]


def test_each_list_offers_its_own_lines_first_and_no_victims_line_to_people_who_harm(settings):
    replace = dataclasses.replace
    categories = {**settings.categories, "perpetrator-programme": Term(
        "perpetrator-programme", "Help to stop being abusive", for_people_who_harm=True)}
    categories["children-young-people"] = replace(categories["children-young-people"],
                                                  helplines=("kids-line", "no-such-line"))
    categories["lgbt"] = replace(categories["lgbt"], helplines=("closed-line", "no-number"))
    genders = {**settings.genders, "men": replace(settings.genders["men"], helplines=("mens-line",))}
    areas = {**settings.areas, "camden": replace(settings.areas["camden"], helplines=("kids-line",))}
    project = replace(settings, home_helpline="home", categories=categories, genders=genders,
                      areas=areas)
    phone = (Phone("Line", "0808 2000 247", "tel:+448082000247"),)
    services = [svc(sid, areas=["national"], phones=phone) for sid in
                ("home", "kids-line", "mens-line")]
    services += [svc("closed-line", areas=["national"], phones=phone, status="temporarily-closed"),
                 svc("no-number", areas=["national"])]
    services += [svc("young", categories=("children-young-people",)),
                 svc("for-men", eligibility=(Group("men"),)),
                 svc("programme", categories=("perpetrator-programme",), for_people_who_harm=True),
                 svc("marac", audiences=("professionals",))]
    out = urls(plan_site(services, PAGES, project, TODAY))

    def lines(url):
        return [s.id for s in out[url].context["listing"].helplines]
    assert lines("/categories/children-young-people/") == ["kids-line"]
    assert lines("/for/men/") == ["mens-line"]
    assert lines("/areas/camden/") == ["kids-line"]
    assert lines("/categories/perpetrator-programme/") == []
    # A line that is closed, or has no number, is not one to call: the home line instead.
    for url in ("/areas/lambeth/", "/areas/national/", "/for/women/", "/categories/lgbt/"):
        assert lines(url) == ["home"], url
    # A page of professionals' lists offers none.
    assert lines("/professionals/lambeth/") == []
    # The line's own details are among each page's inputs, so an edit to it rebuilds them.
    assert "service:mens-line" in out["/for/men/"].sources


def test_services_sharing_a_name_get_distinct_titles(settings):
    services = [svc("a", name="Helpline", organisation="Org"), svc("b", name="Helpline",
                organisation="Org"), svc("c", name="Helpline")]
    titles = [o.title for o in plan_site(services, PAGES, settings, TODAY)
              if o.template == "service.html" and not o.context.get("embedded")]
    assert titles == ["Helpline – Org", "Helpline – Org (2)", "Helpline"]


def test_stale_listings_are_flagged(settings):
    import datetime as dt
    services = [svc("old", last_reviewed=dt.date(2026, 1, 1)), svc("new", last_reviewed=TODAY)]
    out = urls(plan_site(services, PAGES, settings, TODAY))
    assert out["/services/old/"].context["stale"] is True
    assert out["/services/new/"].context["stale"] is False


def test_broken_internal_links_are_problems(settings):
    services = [svc("a", description_html='<a href="/services/missing/">x</a>', line=7)]
    pages = PAGES + [Page("guide", "Guide", "S.", "residents",
                          '<a href="/areas/lambeth">ok</a> <a href="/nowhere/">x</a>', "c/guide.md")]
    outputs = plan_site(services, pages, settings, TODAY)
    assert [str(p) for p in check_site(outputs, services, pages, "services.yaml", "c")] == [
        "c/guide.md:1: link to /nowhere/ goes to a page that does not exist",
        "services.yaml:7: service 'a': description: link to /services/missing/ goes to a page "
        "that does not exist",
    ]


def test_a_link_to_a_missing_service_names_the_listings_whose_id_is_not_valid(settings):
    page = Page("guide", "Guide", "S.", "residents", '<a href="/services/gone/">x</a> '
                '<a href="/nowhere/">y</a>', "c/guide.md")
    outputs = plan_site([], PAGES + [page], settings, TODAY)
    problems = check_site(outputs, [], PAGES + [page], "services.yaml", "c", bad_ids=(3, 40))
    assert [p.message for p in problems] == [
        "link to /services/gone/ goes to a page that does not exist (services.yaml lines 3 and "
        "40 have ids that are not valid or are used twice: if this link is to one of them, its "
        "id should be 'gone')",
        "link to /nowhere/ goes to a page that does not exist"]


def test_reserved_and_required_pages(settings):
    pages = [PAGES[0], Page("services", "Services", "S.", "residents", "", "c/services.md")]
    outputs = plan_site([], pages, settings, TODAY)
    assert [str(p) for p in check_site(outputs, [], pages, "services.yaml", "c")] == [
        "c/about.md:1: the content page about.md is missing: every page of the site links to it",
        "c/services.md:1: the file name 'services.md' is reserved for the site's own pages: "
        "rename it",
    ]
