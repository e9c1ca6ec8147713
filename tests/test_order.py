"""Unit tests: the one order of the lists residents see (signpost/order.py), and the listing
fields it reads, with their exact messages for bad input."""
from __future__ import annotations

import dataclasses

from signpost.order import GROUPS, browse_key, browse_keys, group_of, resident_order
from signpost.services import Group, Hours, Phone, Referral, Service
from signpost.servicesfile import read_services
from conftest import TODAY
from test_services import GOOD, S, problems_for, with_lines


def svc(sid, areas=("lambeth",), routes=(), always=False, **fields):
    phone = Phone("Line", "020 7946 0002", "tel:+442079460002",
                  opening_hours=Hours(always=True) if always else None)
    fields.setdefault("phones", (phone,))
    return Service(sid, sid.replace("-", " ").title(), "A service.", tuple(areas),
                   referral=Referral(tuple(routes)), **fields)


def names(services, settings):
    return [(group, s.id) for group, s in resident_order(services, settings)]


def particular_settings(settings):
    """The settings with their first kind of help marked particular_situation; its slug."""
    slug = next(iter(settings.categories))
    return dataclasses.replace(settings, categories={
        **settings.categories,
        slug: dataclasses.replace(settings.categories[slug], particular_situation=True)}), slug


def test_groups_come_in_the_documented_order(settings):
    settings, slug = particular_settings(settings)
    mixed = [
        svc("zz-perpetrator-programme", for_people_who_harm=True),
        svc("police", areas=("national",), reporting=True),
        svc("children-programme", routes=("professional",)),
        svc("a-dog-foster", categories=(slug,)),
        svc("a-small-helpline", areas=("national",)),
        svc("local-centre", routes=("self", "professional")),
    ]
    assert names(mixed, settings) == [
        ("local", "local-centre"), ("helplines", "a-small-helpline"),
        ("particular", "a-dog-foster"), ("professional", "children-programme"),
        ("reporting", "police"), ("people-who-harm", "zz-perpetrator-programme")]
    assert [g for g, _ in names(mixed, settings)] == list(GROUPS)


def test_home_helpline_first_then_lines_open_all_day(settings):
    helplines = [svc("aaa-line", areas=("national",)),
                 svc("bbb-all-day", areas=("national",), always=True),
                 svc(settings.home_helpline, areas=("national",), always=True)]
    assert [sid for _, sid in names(helplines, settings)] == [
        settings.home_helpline, "bbb-all-day", "aaa-line"]
    # The first line is the setting, not a name in the code.
    other = dataclasses.replace(settings, home_helpline="aaa-line")
    assert [sid for _, sid in names(helplines, other)][0] == "aaa-line"
    # Browsing the search, the same: a 24-hour line for a group (Childline) never comes
    # before it for having a name earlier in the alphabet.
    for anywhere in (False, True):
        assert [s.id for s in sorted(helplines, key=lambda s: browse_key(
            s, anywhere, settings.home_helpline))] == [settings.home_helpline, "bbb-all-day",
                                                       "aaa-line"]


def test_a_line_for_something_other_than_domestic_abuse_comes_after_the_24_hour_lines_for_it(
        settings):
    # Samaritans, open 24 hours, came second among the lines on every list, before the lines
    # for men and for stalking: its kind of help (feeling suicidal) is something else.
    slug = next(iter(settings.categories))
    other = dataclasses.replace(settings, categories={
        **settings.categories,
        slug: dataclasses.replace(settings.categories[slug], not_domestic_abuse=True)})
    lines = [svc("a-listening-line", areas=("national",), always=True, categories=(slug,)),
             svc("b-all-day", areas=("national",), always=True),
             svc("c-small-line", areas=("national",)),
             svc(settings.home_helpline, areas=("national",), always=True)]
    assert other.for_domestic_abuse(()) and not other.for_domestic_abuse((slug,))
    assert [sid for _, sid in names(lines, other)] == [
        settings.home_helpline, "b-all-day", "a-listening-line", "c-small-line"]
    assert [sid for _, sid in names(lines, settings)][1] == "a-listening-line"  # unmarked
    for anywhere in (0, 1):  # browsing the search, naming a borough and not: the same
        assert [s.id for s in sorted(lines, key=lambda s: browse_keys(s, other)[anywhere])] == [
            settings.home_helpline, "b-all-day", "a-listening-line", "c-small-line"]


def test_services_only_for_the_young_come_after_the_others_of_their_group(settings):
    # A page does not know its reader's age: a borough's list began with a programme for
    # 11 to 17. A line open 24 hours (Childline) still comes before one that is not.
    young = (Group(None, 11, 17),)
    local = [svc("a-youth-programme", eligibility=young), svc("b-centre"),
             svc("c-for-women-and-girls", eligibility=(Group("women", 16), Group("women", 13, 17)))]
    lines = [svc("a-childline", areas=("national",), always=True,
                 eligibility=(Group(None, None, 18),)),
             svc("b-all-day", areas=("national",), always=True),
             svc("c-small-line", areas=("national",)),
             svc("d-young-line", areas=("national",), eligibility=(Group(None, 13, 25),)),
             svc(settings.home_helpline, areas=("national",), always=True,
                 eligibility=(Group(None, None, 18),))]  # first, whoever it is for
    order = [sid for _, sid in names(local + lines, settings)]
    assert order == ["b-centre", "c-for-women-and-girls", "a-youth-programme",
                     settings.home_helpline, "b-all-day", "a-childline", "c-small-line",
                     "d-young-line"]  # (up to 25: not only for the young)
    for anywhere in (False, True):  # browsing the search, the same
        keyed = sorted(local + lines, key=lambda s: browse_key(s, anywhere, settings.home_helpline))
        assert [s.id for s in keyed if s in local] == order[:3]
        assert [s.id for s in keyed if s in lines] == order[3:]


def test_services_for_a_particular_situation_come_after_the_helplines(settings):
    # Foster care for a dog came third on a borough's page, before every national line, and
    # advice when social workers are involved before the lines for forced marriage, by their
    # names. Local or national, they come after the helplines, in name order; a kind of help
    # for people who harm, or a way to report, stays in its own group.
    other, slug = particular_settings(settings)
    local = [svc("a-dog-foster", categories=(slug,)), svc("b-centre")]
    lines = [svc("a-advice-line", areas=("national",), categories=(slug,), always=True),
             svc("b-all-day", areas=("national",), always=True),
             svc("c-small-line", areas=("national",)),
             svc("d-young-line", areas=("national",), eligibility=(Group(None, 11, 17),))]
    assert other.particular((slug,)) and not other.particular(())
    order = names(local + lines, other)
    assert order == [("local", "b-centre"), ("helplines", "b-all-day"),
                     ("helplines", "c-small-line"), ("helplines", "d-young-line"),
                     ("particular", "a-advice-line"), ("particular", "a-dog-foster")]
    assert [sid for _, sid in names(local, settings)] == ["a-dog-foster", "b-centre"]  # unmarked
    harm = svc("a-programme", categories=(slug,), for_people_who_harm=True)
    assert names([harm], other) == [("people-who-harm", "a-programme")]
    # The search's order keeps them in their group, after the rest of their rank: the words
    # that find one mostly ask for it. A 24-hour line still comes before the other lines.
    for anywhere in (0, 1):
        keyed = sorted(local + lines, key=lambda s: browse_keys(s, other)[anywhere])
        assert [s.id for s in keyed if s in local] == ["b-centre", "a-dog-foster"]
        assert [s.id for s in keyed if s in lines] == ["b-all-day", "a-advice-line",
                                                        "c-small-line", "d-young-line"]
    # Naming a borough, a local one comes after the lines of its rank, not before every line:
    # "i want to leave" listed foster care for a dog second in each borough.
    keyed = [s.id for s in sorted(local + lines, key=lambda s: browse_keys(s, other)[0])]
    assert keyed == ["b-centre", "b-all-day", "a-advice-line", "c-small-line", "a-dog-foster",
                     "d-young-line"]


def test_with_no_borough_chosen_the_search_lists_the_helplines_first(settings):
    services = [svc("local-centre"), svc("a-small-helpline", areas=("national",)),
                svc("b-all-day", areas=("national",), always=True),
                svc("police", areas=("national",), reporting=True)]
    assert [s.id for s in sorted(services, key=lambda s: browse_key(s, anywhere=True))] == [
        "b-all-day", "a-small-helpline", "local-centre", "police"]


def test_a_service_in_every_borough_comes_first_with_none_chosen_and_after_a_boroughs_own(
        settings):
    # For anyone in London, after the national helplines; naming a borough, after the
    # borough's own, whatever their names ("Freedom Project", foster care for a dog, came
    # before Barking and Dagenham's own service for domestic abuse on its page).
    boroughs = tuple(slug for slug in settings.areas if slug != "national")
    services = [svc("z-borough-centre"), svc("a-london-wide", areas=boroughs),
                svc("b-helpline", areas=("national",))]
    def keyed(anywhere):
        return [s.id for s in sorted(services, key=lambda s: browse_keys(s, settings)[anywhere])]
    assert keyed(True) == ["b-helpline", "a-london-wide", "z-borough-centre"]
    assert keyed(False) == ["z-borough-centre", "a-london-wide", "b-helpline"]
    assert [s.id for _, s in resident_order(services, settings)] == keyed(False)


def test_every_borough_is_every_area_but_national(settings):
    boroughs = [slug for slug in settings.areas if slug != "national"]
    assert settings.everywhere(boroughs) and settings.everywhere(boroughs + ["national"])
    assert not settings.everywhere(boroughs[1:]) and not settings.everywhere(["national"])


def test_among_ways_to_report_the_police_come_first(settings):
    emergency = (Phone("Emergency", "999", "tel:999"), Phone("Non-emergency", "101", "tel:101"))
    reporting = [svc("a-anonymous-line", areas=("national",), reporting=True),
                 svc("police", areas=("national",), reporting=True, phones=emergency)]
    assert [sid for _, sid in names(reporting, settings)] == ["police", "a-anonymous-line"]
    assert sorted(reporting, key=browse_key)[0].id == "police"
    # The card shows 101 beside 999: both are for anyone, at any time.
    assert reporting[1].later_line == emergency[1]


def test_browsing_the_search_sorts_in_the_same_order(settings):
    services = [svc("zz-perpetrator-programme", for_people_who_harm=True),
                svc("police", areas=("national",), reporting=True),
                svc("children-programme", routes=("professional",)),
                svc("a-small-helpline", areas=("national",)),
                svc("b-all-day", areas=("national",), always=True),
                svc("Local-Centre", routes=("self", "professional")),
                svc("another-centre"), svc("Zed centre")]
    # By code point, as Pagefind sorts: the order of the lists, and never by case.
    assert sorted(services, key=browse_key) == [s for _, s in resident_order(services, settings)]


def test_help_for_people_who_harm_is_last_whatever_else_it_is(settings):
    harm = svc("aaa-programme", areas=("national",), routes=("self",), for_people_who_harm=True,
               reporting=True)
    assert group_of(harm) == "people-who-harm"
    assert names([harm, svc("zzz-police", reporting=True)], settings)[-1] == (
        "people-who-harm", "aaa-programme")


def test_names_order_a_group_and_input_order_does_not_matter(settings):
    local = [svc("gamma"), svc("alpha"), svc("beta")]
    assert names(local, settings) == names(list(reversed(local)), settings)
    assert [sid for _, sid in names(local, settings)] == ["alpha", "beta", "gamma"]


def test_listing_flags_are_read_and_checked(settings):
    text = with_lines("    for_people_who_harm: true", "    reporting: no")
    service = read_services(text, "services.yaml", settings, TODAY)[0][0]
    assert service.for_people_who_harm is True and service.reporting is False
    assert problems_for(with_lines("    for_people_who_harm: maybe"), settings) == [
        S.format(line=9) + "for_people_who_harm: must be true or false (got 'maybe')"]
    assert problems_for(with_lines("    for_people_who_ham: true"), settings) == [
        S.format(line=9) + "for_people_who_ham: unknown field (did you mean 'for_people_who_harm'?)"]


def test_out_of_hours_lines(settings):
    text = GOOD + "      - label: Evenings\n        number: 020 7946 0003\n        out_of_hours: true\n"
    phones = read_services(text, "services.yaml", settings, TODAY)[0][0].phones
    assert [p.call_now for p in phones] == [False, True]
    bad = GOOD + "        out_of_hours: sometimes\n"
    assert problems_for(bad, settings) == [
        S.format(line=9) + "phones.out_of_hours: must be true or false (got 'sometimes')"]
