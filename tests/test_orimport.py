"""Importing Open Referral: every example from the standards and every broken variant of them
imports without a traceback into entries that pass check and build; each rule about untidy
real data (HTML, placeholders, schedules, statuses, ids) has its own test."""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from signpost.openreferral import feed_files
from signpost.orfeed import read_sources
from signpost.orimport import import_services
from signpost.oryaml import entries_yaml
from signpost.pipeline import build
from signpost.servicesfile import load_services, read_services
from signpost.settings import Settings
from conftest import FIXTURE, ROOT, REAL_TODAY, TODAY

EXAMPLES = Path(__file__).parent / "fixtures" / "openreferral-examples"
FILES = sorted(EXAMPLES.rglob("*.json"))
SERVICE = json.loads((EXAMPLES / "oruk-3.0-examples" / "service_full.json").read_text())


def run(records, settings, areas=("lewisham",), today=TODAY):
    return import_services(records, settings, today, areas)


def passes_check(entries, settings) -> list:
    _, problems = read_services(entries_yaml(entries, ""), "imported.yaml", settings, TODAY)
    return problems


def one(settings, areas=("lewisham",), today=TODAY, **fields):
    """Import one service made from the ORUK example with some fields changed."""
    record = {**copy.deepcopy(SERVICE), "phones": [{"id": "p", "number": "020 7946 0999"}],
              **fields}
    result = run([record], settings, areas, today)
    assert passes_check(result.entries, settings) == []
    return result


def test_imported_entries_paste_into_services_yaml_as_they_are(settings):
    # As CONTRIBUTING says: the entries below `services:`, pasted after the last listing.
    result = one(settings, description="<p>First.</p><p>Second.</p>")
    pasted = entries_yaml(result.entries, "# header\n").split("services:\n", 1)[1]
    assert pasted.startswith("  - id: ")
    text = (FIXTURE / "services.yaml").read_text().rstrip("\n") + "\n\n" + pasted
    services, problems = read_services(text, "services.yaml", settings, TODAY)
    assert problems == [] and services[-1].id == result.entries[0]["id"]
    assert "Second." in services[-1].description


def test_every_example_file_is_there():
    assert len(FILES) == 70  # all of them, as copied: see the README there


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_every_example_imports_into_entries_that_pass_check(path, settings):
    feed = read_sources([path])
    assert feed.problems == []
    result = run(feed.services, settings)
    assert passes_check(result.entries, settings) == []
    # Every service read is either an entry or skipped with its reason.
    assert len(result.entries) + len(result.skipped) == len(feed.services)
    assert all(": skipped: " in line for line in result.skipped)


def broken_variants() -> dict[str, object]:
    """Shapes seen in real feeds (and worse): nulls, strings and numbers where objects or
    lists belong, and values no one should publish."""
    s = {**SERVICE, "phones": [{"id": "p", "number": "020 7946 0999"}]}  # else none imports
    variants = {
        "organization null": {**s, "organization": None},
        "organization a string": {**s, "organization": "Example Org"},
        "taxonomy_term null": {**s, "attributes": [{"id": "a", "taxonomy_term": None,
                                                    "link_type": "category"}]},
        "opens_at null": {**s, "schedules": [{"id": "x", "freq": "WEEKLY", "byday": "MO",
                                              "opens_at": None, "closes_at": None}]},
        "schedules a string": {**s, "schedules": "Mon-Fri 9-5"},
        "byday a number": {**s, "schedules": [{"byday": 5, "opens_at": 9, "closes_at": []}]},
        "phones an object": {**s, "phones": {"number": "020 7946 0000"}},
        "phones with nulls": {**s, "phones": [None, 1, "x", {"number": None}]},
        "contacts with nulls": {**s, "contacts": [None, {"phones": None}, {"phones": [None]}]},
        "service areas null": {**s, "service_areas": None},
        "service areas strings": {**s, "service_areas": ["Lewisham", None]},
        "languages strings": {**s, "languages": ["English", {"code": 7}]},
        "name a number": {**s, "name": 12345},
        "name null": {**s, "name": None},
        "description a list": {**s, "description": ["a", "b"]},
        "description deeply nested HTML": {**s, "description": "<div>" * 500 + "Help" + "</div>" * 500},
        "description deeply nested lists": {**s, "description": "<ul><li>" * 2000 + "Help"},
        "contents nested deeply": json.loads('{"contents":' * 900 + "[]" + "}" * 900),
        "ages nonsense": {**s, "minimum_age": -1, "maximum_age": "old"},
        "ages reversed": {**s, "minimum_age": 60, "maximum_age": 12},
        "status null": {**s, "status": None},
        "status a number": {**s, "status": 3},
        "status defunct": {**s, "status": "defunct"},
        "url not a url": {**s, "url": "www example com"},
        "valid_to unreadable": {**s, "schedules": [{"byday": "MO", "opens_at": "09:00",
                                                    "closes_at": "10:00", "valid_to": "soon"}]},
        "times out of range": {**s, "schedules": [{"byday": "MO", "opens_at": "25:00",
                                                   "closes_at": "99:99"}]},
        "byday with junk": {**s, "schedules": [{"byday": "MO,,XX", "opens_at": "09:00",
                                                "closes_at": "17:00"}]},
        "attributes an object": {**s, "attributes": {"link_type": "eligibility", "value": "-"}},
        "a list of nulls": [None, None],
        "a page of strings": {"total_items": "many", "contents": ["a", 1]},
        "a bare number": 7,
        "null": None,
        "empty object": {},
    }
    return variants


@pytest.fixture(scope="module")
def variant_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("variants")
    files = {}
    for n, (name, data) in enumerate(broken_variants().items()):
        files[name] = folder / f"{n}.json"
        files[name].write_text(json.dumps(data), encoding="utf-8")
    return files


@pytest.mark.parametrize("name", list(broken_variants()))
def test_broken_variants_import_without_a_traceback(name, variant_files, settings):
    feed = read_sources([variant_files[name]])
    result = run(feed.services, settings)
    assert passes_check(result.entries, settings) == []
    assert len(result.entries) + len(result.skipped) == len(feed.services)


def test_everything_imported_builds(settings, variant_files, tmp_path):
    """All the examples' and variants' entries together, as one services file, build."""
    entries = []
    for path in FILES + list(variant_files.values()):
        entries += run(read_sources([path]).services, settings).entries
    for n, entry in enumerate(entries):
        entry["id"] = f"{entry['id']}-{n}"  # the same example service appears in many files
    services = tmp_path / "services.yaml"
    services.write_text(entries_yaml(entries, ""), encoding="utf-8")
    project = Settings.for_root(ROOT, services_file=services, content_dir=FIXTURE.parent / "plain-content",
                                out_dir=tmp_path / "_site")
    summary = build(project, today=TODAY)
    assert summary.services == len(entries) > 25
    assert (tmp_path / "_site" / "services" / entries[0]["id"] / "index.html").is_file()


def test_unreadable_files_are_problems_not_tracebacks(tmp_path):
    for name, data in (("truncated.json", b'{"contents": [{"name": '), ("latin1.json", b'\xff\xfe{'),
                       ("empty.json", b"")):
        (tmp_path / name).write_bytes(data)
    feed = read_sources([tmp_path / "truncated.json", tmp_path / "latin1.json",
                         tmp_path / "empty.json", tmp_path / "missing.json"])
    assert [p.split(":")[0] for p in feed.problems] == [
        str(tmp_path / n) for n in ("missing.json", "truncated.json", "latin1.json", "empty.json")]
    assert all("cannot read this as Open Referral JSON" in p or "no such file" in p
               for p in feed.problems)


def test_a_byte_order_mark_is_read(tmp_path, settings):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"contents": [SERVICE]}).encode())
    feed = read_sources([path])
    assert feed.problems == [] and [s["name"] for s in feed.services] == ["Community Counselling"]


def test_the_feed_size_is_reported_and_pages_combine(tmp_path):
    def page(number, names):
        return {"total_items": 5840, "total_pages": 292, "page_number": number, "size": 20,
                "contents": [{"id": n, "name": n, "status": "active"} for n in names]}
    (tmp_path / "p1.json").write_text(json.dumps(page(1, ["a", "b"])))
    (tmp_path / "p2.json").write_text(json.dumps(page(2, ["c", "b"])))
    feed = read_sources([tmp_path / "p1.json", tmp_path / "p2.json"])
    assert [s["name"] for s in feed.services] == ["a", "b", "c"]
    assert feed.summary() == (
        "Read 3 services of 5840 the feed says it has. 1 more had the id of a service already "
        "read and were merged. The feed has 292 pages and pages 3 to 292 were not read: save "
        "them (?page=3, ...) and import every page together for the rest.")
    (tmp_path / "p4.json").write_text(json.dumps(page(4, ["d"])))
    pages = [tmp_path / f"p{n}.json" for n in (1, 2, 4)]
    assert "and pages 3, 5 to 292 were not read" in read_sources(pages).summary()
    every = {**page(1, ["a"]), "total_pages": 1}
    (tmp_path / "all.json").write_text(json.dumps(every))
    assert read_sources([tmp_path / "all.json"]).summary() == \
        "Read 1 service of 5840 the feed says it has."


def test_two_services_the_feed_gives_one_id_are_both_kept(tmp_path, settings):
    records = [{"id": "1", "name": "Women's Centre", "status": "active"},
               {"id": "1", "name": "Men's Advice", "status": "active"},
               {"id": "1", "name": "women's centre ", "status": "active", "url": "https://w.org"}]
    (tmp_path / "feed.json").write_text(json.dumps(records))
    feed = read_sources([tmp_path / "feed.json"])
    # The third is the first again (a list item and its fuller record): merged.
    assert [s["name"] for s in feed.services] == ["women's centre ", "Men's Advice"]
    assert feed.summary() == (
        "Read 2 services. 1 more had the id of a service already read and were merged. 1 had "
        "the id of a service with another name: each was kept, as its own service.")
    # A list of both, then their full records: each full record goes with its own service.
    (tmp_path / "list.json").write_text(json.dumps([
        {"id": "1", "name": "Foo", "status": "active"},
        {"id": "1", "name": "Bar", "status": "active"}]))
    (tmp_path / "full.json").write_text(json.dumps([
        {"id": "1", "name": "Foo", "status": "active", "url": "https://foo.org"},
        {"id": "1", "name": "Bar", "status": "active", "url": "https://bar.org"}]))
    feed = read_sources([tmp_path / "list.json", tmp_path / "full.json"])
    assert [(s["name"], s.get("url")) for s in feed.services] == [
        ("Foo", "https://foo.org"), ("Bar", "https://bar.org")]
    assert (feed.repeats, feed.clashes) == (2, 1)


def test_many_services_under_one_id_are_read_in_linear_time(tmp_path, monkeypatch):
    """A record is compared with the records of its id by name at once, never with each:
    8,000 services under one id took 36 s when each was compared with all before it."""
    import signpost.orfeed as orfeed
    names = []
    monkeypatch.setattr(orfeed, "_name", lambda r, name=orfeed._name: names.append(1) or name(r))
    n = 1000
    (tmp_path / "feed.json").write_text(json.dumps(
        [{"id": "same", "name": f"Service {i}", "status": "active"} for i in range(n)]
        + [{"id": "same", "name": f"Service {i}", "status": "active", "url": "https://s.org"}
           for i in range(n)]))
    feed = read_sources([tmp_path / "feed.json"])
    assert (len(feed.services), feed.clashes, feed.repeats) == (n, n - 1, n)
    assert all(s.get("url") for s in feed.services)  # each full record with its own
    assert len(names) <= 3 * 2 * n  # each compared once (it was 1.5 million times)


def test_a_name_given_many_times_finds_its_free_id_in_linear_time(settings):
    """With athena to athena-301 taken, 300 more Athenas are athena-302 to athena-601, each
    found without trying every id tried before it: services.yaml's ids (taken) are asked
    about a few times per service, not once per id taken or given before it."""
    class Counted(frozenset):
        asked = 0

        def __contains__(self, sid):
            Counted.asked += 1
            return frozenset.__contains__(self, sid)
    n = 300
    taken = Counted({"athena"} | {f"athena-{i}" for i in range(2, n + 2)})
    records = [{"id": str(i), "name": "Athena", "status": "active",
                "phones": [{"number": "020 7946 0123"}]} for i in range(n)]
    result = import_services(records, settings, TODAY, ("lewisham",), taken)
    assert [e["id"] for e in result.entries] == [f"athena-{i}" for i in range(n + 2, 2 * n + 2)]
    assert Counted.asked <= 5 * n  # it was about 90,000


def test_a_list_item_of_nulls_never_replaces_its_full_record(tmp_path):
    """A list item with every field, most of them null, is not the fuller record: the two are
    merged, each value kept from whichever gives it (the fuller where both do)."""
    full = {"id": "s1", "name": "Harbour Advice", "status": "active", "description": "Advice.",
            "phones": [{"id": "p", "number": "020 7946 0123"}],
            "schedules": [{"id": "s", "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00",
                           "closes_at": "17:00"}]}
    item = {"id": "s1", "name": "Harbour Advice", "status": "active", "description": "Short.",
            **dict.fromkeys(("url", "email", "alert", "eligibility_description", "minimum_age",
                             "maximum_age", "assured_date", "assurer_email", "fees_description",
                             "application_process", "wait_time"), None),
            "phones": [], "organization": {"id": "o", "name": "Harbour"}}
    (tmp_path / "s1.json").write_text(json.dumps(full))
    (tmp_path / "services.json").write_text(json.dumps({"contents": [item]}))
    for order in (["s1.json", "services.json"], ["services.json", "s1.json"]):
        feed = read_sources([tmp_path / name for name in order])
        [record] = feed.services
        assert record["schedules"] == full["schedules"] and record["phones"] == full["phones"]
        assert record["description"] == "Advice."  # the full record's, where both give one
        assert record["organization"] == {"id": "o", "name": "Harbour"}  # the item's alone
        assert feed.repeats == 1


def test_oruk_v1_pages_and_regular_schedules(settings):
    v1 = {"totalElements": 40, "totalPages": 2, "number": 0, "content": [{
        "id": "v1", "name": "Old Style", "status": "active", "description": "Advice.",
        "contacts": [{"name": "Duty desk", "phones": [{"number": "020 7946 0001"}]}],
        "regular_schedules": [{"weekday": "Monday", "opens_at": "09:00", "closes_at": "17:00"},
                              {"weekday": 3, "opens_at": "10:00", "closes_at": "12:00"}],
        "languages": [{"language": "Polish"}]}]}
    from signpost.orfeed import Feed, _services_in, _sizes
    feed = Feed(services=_services_in(v1))
    _sizes(feed, v1)
    assert feed.summary().startswith("Read 1 service of 40 the feed says it has.")
    assert feed.pages_read == {1}
    [entry] = run(feed.services, settings).entries
    assert entry["phones"] == [{"label": "Duty desk", "number": "020 7946 0001"}]
    assert entry["opening_hours"] == [{"days": ["mon"], "opens": "09:00", "closes": "17:00"},
                                      {"days": ["wed"], "opens": "10:00", "closes": "12:00"}]
    assert entry["languages"] == ["Polish"]


def test_html_becomes_clean_markdown_and_the_summary_plain_text(settings):
    html = ("<h1>About Us</h1><p>We help <b>anyone</b> in Lewisham &amp; nearby.</p>"
            "<script>alert(1)</script><p style='color:red' onclick='x()'>Call us, or see "
            "<a href='https://example.org/more' onclick='y()'>more</a> and "
            "<a href='javascript:alert(1)'>this</a>.</p><img src='https://t.example/x.png'>"
            "<ul><li>Advice</li><li>Advocacy</li></ul>")
    [entry] = one(settings, description=html).entries
    assert entry["summary"] == "We help anyone in Lewisham & nearby."
    assert entry["description"] == ("# About Us\n\nCall us, or see [more](https://example.org/more) "
                                    "and this.\n\n- Advice\n- Advocacy\n")


def test_markdown_our_checker_refuses_becomes_plain_words(settings):
    result = one(settings, description="First para.\n\nSee ![logo](https://t.example/x.png) and "
                                       "[this](javascript:alert(1)).")
    assert result.entries[0]["description"] == "See logo and this.\n"
    assert "service 'community-counselling': description had images or unsafe links: kept as " \
        "plain text" in result.notes


def test_phones_come_from_the_service_contacts_locations_and_organisation(settings):
    result = one(settings, phones=[{"id": "1", "number": "020 7946 0000", "description": "Helpline"}],
                 contacts=[{"name": "Refuge team", "phones": [{"number": "020 7946 0001"}]}],
                 service_at_locations=[{"location": {"name": "Civic Centre",
                                                     "phones": [{"number": "020 7946 0002"}]}}],
                 organization={"name": "Example Org", "phones": [{"number": "020 7946 0003"},
                                                                 {"number": "020 7946 0000"}]})
    assert result.entries[0]["phones"] == [
        {"label": "Helpline", "number": "020 7946 0000"},
        {"label": "Refuge team", "number": "020 7946 0001"},
        {"label": "Civic Centre", "number": "020 7946 0002"},
        {"label": "Example Org", "number": "020 7946 0003"}]


def test_a_bad_phone_is_left_out_with_a_note(settings):
    result = one(settings, phones=[{"number": "12"}, {"number": "020 7946 0000"}])
    assert [p["number"] for p in result.entries[0]["phones"]] == ["020 7946 0000"]
    assert "service 'community-counselling': phone '12' left out: phones.number: must be a UK " \
        "phone number, or an international one starting with + (got '12')" in result.notes


WEEKLY = [
    # A UTC time: 09:00 in London in winter, 10:00 in summer. Which the service means, the
    # feed does not say (many write "Z" on local times): words, never hours an hour out.
    {"freq": "WEEKLY", "byday": "MO,TU,WE,TH", "opens_at": "09:00:00Z", "closes_at": "12:00:00Z",
     "dtstart": "2026-04-01", "description": "Monday to Thursday mornings"},
    {"freq": "WEEKLY", "byday": "SA", "opens_at": "10:00+01:00", "closes_at": "12:00+01:00",
     "description": "Saturday mornings"},
    {"byday": "FR", "opens_at": "20:00", "closes_at": "08:00"},  # overnight, no freq
    # An end so far off that the listing is checked long before: weekly hours.
    {"freq": "WEEKLY", "byday": "TU", "opens_at": "18:00", "closes_at": "20:00",
     "valid_to": "2099-12-31"},
    {"freq": "MONTHLY", "byday": "1SA", "opens_at": "09:00", "closes_at": "17:00",
     "description": "First Saturday of the month, 9am to 5pm"},
    {"freq": "WEEKLY", "byday": "SU", "opens_at": "10:00", "closes_at": "12:00",
     "valid_to": "2026-12-31", "description": "Sundays until the end of December"},
    {"freq": "WEEKLY", "byday": "SU", "opens_at": "10:00", "closes_at": "12:00",
     "valid_to": "2025-01-01", "description": "Sundays last winter"},
    {"freq": "WEEKLY", "byday": "MO", "opens_at": "08:00", "closes_at": "18:00",
     "attending_type": "phone"},
]


def test_weekly_schedules_become_uk_opening_hours(settings):
    result = one(settings, schedules=WEEKLY, phones=[{"number": "020 7946 0000"}])
    [entry] = result.entries
    assert entry["opening_hours"] == [
        {"days": ["fri"], "opens": "20:00", "closes": "08:00"},
        {"days": ["tue"], "opens": "18:00", "closes": "20:00"}]
    # The phone-only schedule is the phone's.
    assert entry["phones"][0]["opening_hours"] == [{"days": ["mon"], "opens": "08:00",
                                                    "closes": "18:00"}]
    assert entry["description"].endswith(
        "Opening times from the other directory (check them): Monday to Thursday mornings; "
        "Saturday mornings; First Saturday of the month, 9am to 5pm; Sundays until the end of "
        "December.\n")
    notes = [n.split(": ", 1)[1] for n in result.notes]
    assert "schedule 'Monday to Thursday mornings' does not fit weekly opening hours (its " \
        "times are given with a UTC offset ('09:00:00Z'), which is UK time in winter only: " \
        "check the hours with the service): kept as words" in notes
    assert "schedule 'Saturday mornings' does not fit weekly opening hours (its times are " \
        "given with a UTC offset ('10:00+01:00'), which is UK time in summer only: check the " \
        "hours with the service): kept as words" in notes
    assert "schedule 'First Saturday of the month, 9am to 5pm' does not fit weekly opening " \
        "hours (it repeats monthly): kept as words" in notes
    assert "schedule 'Sundays until the end of December' does not fit weekly opening hours " \
        "(it is for some dates only): kept as words" in notes
    assert "schedule 'Sundays last winter' has expired: dropped" in notes


def test_utc_hours_are_the_same_words_whatever_the_date(settings):
    """The same feed imported in summer and in winter says the same: never hours shifted by
    the season of its start date or of the day it was imported."""
    import datetime as dt
    utc = [{"freq": "WEEKLY", "byday": "MO", "opens_at": "09:00:00Z", "closes_at": "12:00:00Z",
            "valid_from": start} for start in ("2020-01-06", "2020-07-06")]
    said = [(e.get("opening_hours"), e["description"])
            for today in (dt.date(2026, 1, 15), dt.date(2026, 7, 15))
            for e in one(settings, today=today, schedules=utc).entries]
    assert said[0][0] is None and len(set(said)) == 1
    assert said[0][1].endswith("(check them): weekly MO 09:00:00Z-12:00:00Z; weekly MO "
                               "09:00:00Z-12:00:00Z.\n")


def test_oruk_v1_regular_schedules_with_byday_keep_their_days(settings):
    regular = [{"id": "r1", "opens_at": "09:00:00", "closes_at": "17:00:00", "freq": "WEEKLY",
                "interval": 1, "byday": "MO,WE"}]
    [entry] = one(settings, regular_schedules=regular).entries
    assert entry["opening_hours"] == [{"days": ["mon", "wed"], "opens": "09:00",
                                       "closes": "17:00"}]


def test_schedules_not_yet_begun_or_not_every_week_are_words_and_12_hour_times_are_read(settings):
    schedules = [
        {"freq": "WEEKLY", "byday": "MO", "opens_at": "9am", "closes_at": "5:30 pm"},
        {"freq": "WEEKLY", "byday": "TU", "opens_at": "12 p.m.", "closes_at": "9"},  # 9 what?
        {"freq": "WEEKLY", "byday": "WE", "opens_at": "10:00", "closes_at": "14:00",
         "valid_from": "2027-01-04", "description": "Wednesdays from January"},
        {"freq": "WEEKLY", "byday": "TH", "opens_at": "10:00", "closes_at": "14:00",
         "byweekno": "1,2", "description": "Thursdays in the first two weeks of the year"},
        {"freq": "WEEKLY", "byday": "FR", "opens_at": "10:00", "closes_at": "14:00",
         "count": 3, "description": "The next three Fridays"}]
    result = one(settings, schedules=schedules, phones=[{"number": "020 7946 0000"}])
    [entry] = result.entries
    # Only the weekly schedule in force now with readable times is opening hours: a start
    # still to come, or some weeks only, would make "open now" wrong.
    assert entry["opening_hours"] == [{"days": ["mon"], "opens": "09:00", "closes": "17:30"}]
    notes = [n.split(": ", 1)[1] for n in result.notes]
    assert "schedule 'Wednesdays from January' does not fit weekly opening hours (it starts on " \
        "2027-01-04): kept as words" in notes
    for said in ("Thursdays in the first two weeks of the year", "The next three Fridays"):
        assert f"schedule {said!r} does not fit weekly opening hours (it is for some dates " \
            "only): kept as words" in notes
    assert any("(it has no readable opening and closing times)" in n for n in notes)


def test_phone_hours_go_to_no_phone_when_the_service_has_several_numbers(settings):
    # Which number's hours? Not said: a 24-hour line must not be told it closes at 6.
    phones = [{"number": "0808 2000 247", "description": "24-hour helpline"},
              {"number": "020 7946 0000", "description": "Office"}]
    result = one(settings, schedules=WEEKLY, phones=phones)
    [entry] = result.entries
    assert [p.get("opening_hours") for p in entry["phones"]] == [None, None]
    assert any(n.endswith("the service's phone hours were given to no phone: it has more than "
                          "one number and the feed does not say whose hours they are")
               for n in result.notes)


def test_the_field_guidance_schedules_are_kept_as_words_while_valid(settings):
    feed = read_sources([EXAMPLES / "hsds-3.0-field-guidance" / "schedules-services.json"])
    import datetime as dt
    result = run(feed.services, settings, today=dt.date(2020, 6, 1))
    assert result.skipped == ["service 'community-counselling' (Community Counselling): skipped: "
                              "phones: a way to get in touch is required (expected a phone, an "
                              "email, a website, a chat or referral: how:)"]
    assert sum("kept as words" in n for n in result.notes) == 3
    later = run(feed.services, settings)  # in 2026 all three have expired
    assert sum("has expired: dropped" in n for n in later.notes) == 3


def test_24_hours_every_day_is_24_7(settings):
    [entry] = one(settings, schedules=[{"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU",
                                        "opens_at": "00:00", "closes_at": "23:59"}]).entries
    assert entry["opening_hours"] == "24/7"


def test_placeholders_and_nonsense_are_not_imported_as_facts(settings):
    result = one(settings, minimum_age=-1, maximum_age=250, email="help@noemail.invalid",
                 url="http://www.example.org.uk/help",
                 contacts=[{"name": "Office", "email": "office@example.com"},
                           {"name": "Team", "email": "team@real-charity.org.uk"}])
    [entry] = result.entries
    assert "eligibility" not in entry and "website" not in entry
    assert entry["emails"] == [{"label": "Team", "address": "team@real-charity.org.uk"}]
    notes = [n.split(": ", 1)[1] for n in result.notes]
    assert "minimum_age '-1' is not a possible age: ages left out" in notes
    assert "maximum_age '250' is not a possible age: ages left out" in notes
    assert "e-mail 'help@noemail.invalid' looks like a placeholder: left out" in notes
    assert "e-mail 'office@example.com' looks like a placeholder: left out" in notes
    assert "website 'http://www.example.org.uk/help' is not https: left out" in notes


def test_statuses(settings):
    for status in ("inactive", "defunct"):
        result = one(settings, status=status)
        assert result.entries == [] and result.skipped == [
            f"service 'community-counselling' (Community Counselling): skipped: its status is "
            f"'{status}'"]
    [entry] = one(settings, status="temporarily closed").entries
    assert entry["status"] == "temporarily-closed"


def test_assured_date_is_a_note_not_our_review(settings):
    result = one(settings, assured_date="2024-03-01")
    [entry] = result.entries
    assert "last_reviewed" not in entry
    assert entry["source"].endswith("The other directory last assured it on 2024-03-01.")
    assert "service 'community-counselling': assured_date 2024-03-01 kept in source for the " \
        "reviewer (not used as last_reviewed)" in result.notes


def test_areas_from_ons_codes_and_names_else_area_option(settings):
    result = one(settings, areas=(), service_areas=[
        {"name": "Somewhere", "uri": "http://statistics.data.gov.uk/id/statistical-geography/E09000022"},
        {"name": "London Borough of Lewisham"}])
    assert result.entries[0]["areas"] == ["lambeth", "lewisham"]
    nowhere = one(settings, areas=(), service_areas=[{"name": "MyCity"}])
    assert nowhere.entries == [] and nowhere.skipped[0].endswith(
        "skipped: no area it serves matches site.yaml (give one with --area)")
    assert "service 'community-counselling': area 'MyCity' is not in site.yaml" in nowhere.notes
    # --area stands in for a service none of whose areas is known, never for one that has one.
    both = one(settings, areas=("camden",), service_areas=[{"name": "MyCity"},
                                                           {"name": "Lambeth"}])
    assert both.entries[0]["areas"] == ["lambeth"]
    assert "service 'community-counselling': area 'MyCity' is not in site.yaml: left out" \
        in both.notes
    instead = one(settings, areas=("camden",), service_areas=[{"name": "MyCity"}])
    assert instead.entries[0]["areas"] == ["camden"]
    assert "service 'community-counselling': area 'MyCity' is not in site.yaml: used --area " \
        "instead" in instead.notes


@pytest.mark.parametrize("name, areas", [
    ("Barking & Dagenham", ["barking-and-dagenham"]),
    ("Hammersmith  &  Fulham", ["hammersmith-and-fulham"]),
    ("LB Lewisham", ["lewisham"]), ("London Borough of Lewisham", ["lewisham"]),
    ("Royal Borough of Kensington & Chelsea", ["kensington-and-chelsea"]),
    ("City of Westminster", ["westminster"]), ("City of London", ["city-of-london"]),
    ("UK", ["national"]), ("United Kingdom", ["national"]), ("England", ["national"]),
    ("National", ["national"]),
    # Not one borough: never guessed at ("London" is not the City of London).
    ("London", []), ("Wales", []), ("City of Londonderry", []), ("LB", [])])
def test_areas_as_other_directories_write_them(real_settings, name, areas):
    # The real site.yaml: every London borough, and the City of London beside them.
    result = one(real_settings, areas=("camden",), service_areas=[{"name": name}])
    assert result.entries[0]["areas"] == (areas or ["camden"])


def test_the_country_by_its_ons_code_is_national(settings):
    uri = "http://statistics.data.gov.uk/id/statistical-geography/E92000001"
    assert one(settings, areas=(), service_areas=[{"name": "Eng", "uri": uri}]
               ).entries[0]["areas"] == ["national"]


def test_every_unmapped_field_is_named(settings):
    result = one(settings)
    assert result.notes[0] == ("service 'community-counselling': not mapped: accreditations, "
                               "cost_options, fees, funding, service_at_locations")


def test_our_own_feed_gives_back_our_own_ids(real_settings):
    """The real directory's feed (its listings have real contacts; the fixture's are
    placeholders, which the import rightly leaves out)."""
    services, problems = load_services(real_settings, str(real_settings.services_file), REAL_TODAY)
    assert problems == []
    files = feed_files(services, real_settings)
    records = [v for k, v in files.items() if k.startswith("services/")]
    result = run(records, real_settings, areas=())
    assert result.skipped == []
    assert [e["id"] for e in result.entries] == [s.id for s in services]


def test_the_cli(tmp_path):
    out = tmp_path / "imported.yaml"
    source = EXAMPLES / "oruk-validator-mocks" / "V3.0-UK-Test" / "service_list_data.json"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-openreferral",
                           str(source), "--area", "lewisham", "--out", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert "Read 1 service. 127 more had the id of a service already read and were merged." in lines
    assert lines[-1].startswith("Imported 0 services; skipped 1;")
    assert out.read_text().splitlines()[2] == "services: []"
    bad = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-openreferral",
                          str(tmp_path / "nothing.json"), "--area", "atlantis"],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.splitlines() == [
        "--area atlantis: unknown area (expected one of the areas in site.yaml: national, "
        "barking-and-dagenham, barnet, bexley, brent, bromley, ...)", "Nothing was imported."]
    # An existing file is never overwritten: services.yaml, or an import not yet reviewed.
    before = out.read_bytes()
    again = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-openreferral",
                            str(source), "--area", "lewisham", "--out", str(out)],
                           capture_output=True, text=True)
    assert again.returncode == 1 and out.read_bytes() == before
    assert again.stderr.splitlines() == [
        f"--out {out}: already exists: give a new file name (the import never overwrites a "
        "file)", "Nothing was imported."]


def test_an_id_services_yaml_has_is_never_reused(tmp_path, real_settings):
    # A service named as a real listing is: pasted in with its id, `check` would refuse both.
    source = tmp_path / "feed.json"
    source.write_text(json.dumps([{"id": "x1", "name": "Athena", "status": "active",
                                   "phones": [{"number": "020 7946 0123"}],
                                   "service_areas": [{"name": "Lewisham"}]}]))
    out = tmp_path / "imported.yaml"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-openreferral",
                           str(source), "--out", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "service 'athena-2': id 'athena' is a listing in services.yaml already, so this " \
        "one is 'athena-2': if they are the same service, update that listing instead of " \
        "adding this one" in done.stderr.splitlines()
    assert "- id: athena-2" in out.read_text()
    # Our own feed read back keeps its ids, and says they are listed already.
    services, _ = load_services(real_settings, "services.yaml", REAL_TODAY)
    records = [v for k, v in feed_files(services[:1], real_settings).items()
               if k.startswith("services/")]
    result = import_services(records, real_settings, REAL_TODAY, (), frozenset({services[0].id}))
    assert [e["id"] for e in result.entries] == [services[0].id]
    assert f"service '{services[0].id}': is already in services.yaml: this directory's own " \
        "listing, read back from its feed" in result.notes


def test_a_file_with_no_services_is_a_problem_and_writes_nothing(tmp_path):
    empty = tmp_path / "taxonomies.json"
    empty.write_text('{"contents": []}')
    out = tmp_path / "imported.yaml"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-openreferral",
                           str(empty), "--out", str(out)], capture_output=True, text=True)
    assert done.returncode == 1 and not out.exists()
    assert done.stderr.splitlines() == [
        f"{empty}: no services found (an Open Referral feed has them as a list of "
        "services, or under 'contents' in a page of /services)", "Nothing was imported."]


def test_a_full_disk_leaves_no_half_written_file(tmp_path):
    import resource
    out = tmp_path / "imported.yaml"
    source = EXAMPLES / "oruk-validator-mocks" / "V3.0-UK-Test" / "service_list_data.json"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-openreferral",
                           str(source), "--out", str(out)], capture_output=True, text=True,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (8, 8)))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == "Nothing was imported."
    assert list(tmp_path.iterdir()) == []  # neither the file nor a part of it


def test_a_real_shaped_page_keeps_its_phones_and_says_what_it_skipped(tmp_path):
    """One page of an ORUK 3.0 feed shaped like production data (fictional details): HTML
    descriptions, phones under contacts, placeholders, nulls; then `check` on the output."""
    page = {"total_items": 5840, "total_pages": 292, "page_number": 1, "size": 3,
            "first_page": True, "last_page": False, "empty": False, "contents": [
                {"id": "3f0c1c3e-0000-4000-8000-000000000001", "name": "Harbour Advice Service",
                 "status": "active", "organization": None,
                 "description": "<h1>About Us</h1><p>Free advice on <strong>housing</strong> "
                                "and safety.</p><p>Drop in or call.</p>",
                 "email": "harbour@noemail.invalid", "url": "http://harbour.example.org.uk",
                 "minimum_age": -1, "maximum_age": None, "assured_date": "2023-05-02",
                 "contacts": [{"id": "c1", "name": "Advice line",
                               "phones": [{"id": "p1", "number": "020 7946 0123"}]}],
                 "service_areas": [{"id": "a1", "name": "Lewisham"}],
                 "attributes": [{"id": "t1", "taxonomy_term": None}],
                 "schedules": [{"id": "s1", "freq": "WEEKLY", "byday": "MO,WE",
                                "opens_at": "09:30", "closes_at": "16:00",
                                "attending_type": "in person"},
                               {"id": "s2", "byday": "FR", "opens_at": None}]},
                {"id": "3f0c1c3e-0000-4000-8000-000000000002", "name": "Old Drop-in",
                 "status": "inactive", "contacts": [{"phones": [{"number": "020 7946 0124"}]}]},
                {"id": "3f0c1c3e-0000-4000-8000-000000000003", "name": "Night Line",
                 "status": "temporarily closed", "phones": [{"number": "020 7946 0125",
                                                             "description": "Night line"}],
                 "service_areas": [{"name": "Somewhere Else"}]}]}
    source = tmp_path / "page1.json"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(page).encode())
    out = tmp_path / "imported.yaml"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-openreferral",
                           str(source), "--out", str(out), "--area", "lambeth"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert "service 'old-drop-in' (Old Drop-in): skipped: its status is 'inactive'" in lines
    for note in ("e-mail 'harbour@noemail.invalid' looks like a placeholder: left out",
                 "website 'http://harbour.example.org.uk' is not https: left out",
                 "minimum_age '-1' is not a possible age: ages left out",
                 "assured_date 2023-05-02 kept in source for the reviewer (not used as "
                 "last_reviewed)"):
        assert f"service 'harbour-advice-service': {note}" in lines
    assert "service 'night-line': area 'Somewhere Else' is not in site.yaml: used --area " \
        "instead" in lines
    assert lines[-2] == ("Read 3 services of 5840 the feed says it has. The feed has 292 "
                         "pages and pages 2 to 292 were not read: save them (?page=2, ...) and "
                         "import every page together for the rest.")
    assert lines[-1].startswith("Imported 2 services; skipped 1;")
    checked = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--services",
                              str(out), "--content", str(FIXTURE.parent / "plain-content")],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    text = out.read_text()
    assert "number: 020 7946 0123" in text and "label: Advice line" in text
    assert "summary: Free advice on housing and safety." in text
    assert "status: temporarily-closed" in text and "- lambeth" in text
    assert "opens: '09:30'" in text


def _paths(value, path=()):
    """Every place in a JSON value, as a path of keys and indexes."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


def _replace(value, path, new):
    if not path:
        return new
    value = copy.copy(value)
    value[path[0]] = _replace(value[path[0]], path[1:], new)
    return value


def test_any_value_anywhere_replaced_by_junk_never_raises(settings):
    """Every field of the full HSDS example, at every depth, replaced by a null, a number, a
    string, a list or an object (in turn, field by field): no traceback, and what is imported
    passes check."""
    base = json.loads((EXAMPLES / "hsds-3.0-examples" / "service_full.json").read_text())
    junk = (None, -1, "<b>x</b>", ["x"], {"x": None})
    paths = [p for p in _paths(base) if p]
    records = [_replace(base, path, junk[n % len(junk)]) for n, path in enumerate(paths)]
    records += [_replace(base, path, value) for path in paths if len(path) == 1 for value in junk]
    assert len(records) > 500
    result = run(records, settings)
    assert len(result.entries) + len(result.skipped) == len(records)
    assert passes_check(result.entries, settings) == []


def test_a_service_of_a_kind_of_help_for_people_who_harm_is_marked_so(settings):
    """Whether or not the other directory gives the audience, a service in a kind of help
    that site.yaml marks for people who harm is imported with for_people_who_harm."""
    from dataclasses import replace
    from signpost.settings import Term
    harm = Term("behaviour-change", "Help to stop being abusive", for_people_who_harm=True)
    settings = replace(settings, categories={**settings.categories, harm.slug: harm})
    kind = {"link_type": "category", "taxonomy_term": {"code": "behaviour-change"}}
    [entry] = one(settings, attributes=[kind]).entries
    assert entry["categories"] == ["behaviour-change"] and entry["for_people_who_harm"] is True
    [entry] = one(settings, attributes=[]).entries
    assert "for_people_who_harm" not in entry


UNREAD = ("could not be read as a gender and ages, so no eligibility was imported (the feed's "
          "own words, if it gave any, are in eligibility_text): set eligibility by hand from "
          "what the service says")


def _eligible(code, value=""):
    return {"link_type": "eligibility", "value": value, "taxonomy_term": {"code": code}}


@pytest.mark.parametrize("fields, groups, note", [
    # A gender alone takes the record's ages: women aged 16 to 64, not women of any age.
    ({"attributes": [_eligible("women")], "minimum_age": 16, "maximum_age": 64},
     [{"gender": "women", "min_age": 16, "max_age": 64}], None),
    # Words where ages should be: left out, never read as "any age".
    ({"attributes": [_eligible("women", "16+"), _eligible("women", "16+")],
      "minimum_age": None}, None, "eligibility 'women 16+' " + UNREAD),
    ({"attributes": [_eligible("adults")], "minimum_age": None}, None,
     "eligibility 'adults' " + UNREAD),
    # A gender not read, with ages: never "anyone aged 16 or over" (the ages alone).
    ({"attributes": [_eligible("transgender")], "minimum_age": 16}, None,
     "eligibility 'transgender' " + UNREAD),
    # One group not read: none kept, so men 18 to 25 never stands for the whole service.
    ({"attributes": [_eligible("men", "18-25"), _eligible("women", "16+")]}, None,
     "eligibility 'women 16+' " + UNREAD),
    # Other directories' words for our genders.
    ({"attributes": [_eligible("female")], "minimum_age": 16},
     [{"gender": "women", "min_age": 16}], None),
    ({"attributes": [_eligible("Boys", "5-17"), _eligible("Men", "18-")]},
     [{"gender": "men", "min_age": 5, "max_age": 17}, {"gender": "men", "min_age": 18}], None),
    # "girls" or "boys" without their ages: never women or men of any age.
    ({"attributes": [_eligible("girls")]}, None, "eligibility 'girls' " + UNREAD),
    # The record's ages unreadable: a gender alone never becomes that gender at any age.
    ({"attributes": [_eligible("women")], "minimum_age": "16 years"}, None,
     "the ages could not be read, so no eligibility was imported: set eligibility by hand "
     "from what the service says"),
    # 0 and 0, a common way to write "not set": no ages, never "aged 0 or under".
    ({"minimum_age": 0, "maximum_age": 0}, None,
     "maximum_age 0 read as not set (no upper age limit): check the ages with the service"),
    ({"attributes": [_eligible("women", "0-0")]}, [{"gender": "women"}], None),
    # Ages alone, with no group given: anyone of those ages.
    ({"minimum_age": 16, "maximum_age": 64}, [{"min_age": 16, "max_age": 64}], None),
    # One age unreadable: both left out, so 16 to 25 never becomes "up to 25".
    ({"minimum_age": "16 years", "maximum_age": 25}, None,
     "minimum_age '16 years' is not a possible age: ages left out"),
])
def test_eligibility_is_never_widened(settings, fields, groups, note):
    result = one(settings, **fields)
    [entry] = result.entries
    assert entry.get("eligibility") == groups
    if note:
        assert any(n.endswith(": " + note) for n in result.notes), result.notes


def test_a_perpetrator_programme_not_marked_as_such_gets_a_note(settings):
    result = one(settings, name="Domestic Abuse Perpetrator Programme")
    [entry] = result.entries
    assert "for_people_who_harm" not in entry  # the import does not guess; the reviewer decides
    assert any(n.endswith(": it may be help for people who harm ('Perpetrator' in its name or "
                          "description): if so, set for_people_who_harm: true, so that it is "
                          "never shown as help for victims") for n in result.notes), result.notes
    assert not any("people who harm" in n for n in one(settings).notes)


def test_over_long_text_is_cut_to_fit_with_a_note_and_the_service_kept(settings):
    paragraph = "A sentence about the service. " * 30  # 900 characters
    description = "<p>Short first paragraph.</p>" + f"<p>{paragraph}</p>" * 8  # about 7,300
    result = one(settings, description=description, alert="Closed. " * 200,
                 organization={"name": "Org " * 50}, eligibility_description="Adults. " * 150,
                 schedules=WEEKLY, phones=[{"number": "020 7946 0000"}])
    [entry] = result.entries
    assert len(entry["description"]) <= 5001 and len(entry["alert"]) <= 1000
    assert len(entry["organisation"]) <= 120 and len(entry["eligibility_text"]) <= 1000
    # Cut after a whole paragraph (the description) or sentence (the others), or a word.
    assert entry["description"].split("\n\n")[-2].endswith("the service.")
    assert entry["alert"].endswith("Closed.") and entry["organisation"].endswith("Org…")
    # The opening times the other directory gave only as words are kept whole, after it.
    assert entry["description"].split("\n\n")[-1].startswith("Opening times from the other")
    notes = [n.split(": ", 1)[1] for n in result.notes]
    for key, limit in (("description", 5000), ("alert", 1000), ("organisation", 120),
                       ("eligibility_text", 1000)):
        assert any(n.startswith(f"{key} cut to fit {limit} characters (it had ") for n in notes)
    assert not any("unsafe links" in n for n in notes)


def test_shortened_cuts_a_long_word_rather_than_keep_a_few():
    from signpost.ortext import shortened
    text = "See: " + "https://example.org/" + "x" * 300
    cut = shortened(text, 120)
    assert len(cut) <= 120 and cut.startswith("See: https://example.org/xx") and cut.endswith("…")
    # A sentence that ends too early is no place to cut either: the last whole word is.
    assert shortened("One. Two three four five six seven.", 20) == "One. Two three…"
