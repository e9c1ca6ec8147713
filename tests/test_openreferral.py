"""The Open Referral feed: every object valid against HSDS 3.0 and the UK profile, every
service and contact present, stable ids, the mapping HSDS intends, a round trip through the
import, and the API paths the ORUK validator calls, answered through the test server."""
from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from signpost.openreferral import encode, feed_files, plan_feed
from signpost.orimport import import_services
from signpost.oryaml import entries_yaml
from signpost.servicerecord import NAMESPACE, uid
from signpost.servicesfile import load_services, read_services
from signpost.settings import load_settings
from conftest import FIXTURE, ROOT, REAL_TODAY, TODAY

SCHEMAS = Path(__file__).parent / "fixtures" / "openreferral-schemas"


def validator(profile: str, name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / profile / f"{name}.json").read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def real(real_settings):
    services, problems = load_services(real_settings, "services.yaml", REAL_TODAY)
    assert problems == []
    return services, feed_files(services, real_settings)


@pytest.fixture(scope="module")
def fixture_feed(settings):
    services, problems = load_services(settings, str(settings.services_file), TODAY)
    assert problems == []
    return services, feed_files(services, settings)


@pytest.mark.parametrize("profile", ["hsds-3.0", "oruk-3.0"])
def test_every_object_is_valid(real, profile):
    services, files = real
    full, item, organisation = (validator(profile, n) for n in ("service", "service_list",
                                                               "organization"))
    records = [v for k, v in files.items() if k.startswith("services/")]
    assert len(records) == len(services)
    errors = [f"{r['name']}: {e.message}" for r in records for e in full.iter_errors(r)]
    errors += [f"list {i['name']}: {e.message}" for i in files["services.json"]["contents"]
               for e in item.iter_errors(i)]
    errors += [f"org {r['organization']['name']}: {e.message}" for r in records
               if "organization" in r for e in organisation.iter_errors(r["organization"])]
    assert errors == []


def test_the_checker_catches_a_broken_record(real):
    record = dict(next(v for k, v in real[1].items() if k.startswith("services/")))
    record.update(id="athena", status="open")
    messages = [e.message for e in validator("hsds-3.0", "service").iter_errors(record)]
    assert any("is not a 'uuid'" in m for m in messages)
    assert any("'open' is not one of" in m for m in messages)


def test_the_entry_point_and_pages(real):
    services, files = real
    assert files["index.json"] == {"version": "3.0", "profile": "https://github.com/OpenReferralUK/uk-profile",
                                   "openapi_url": files["index.json"]["openapi_url"]}
    page = files["services.json"]
    assert page["total_items"] == len(page["contents"]) == len(services) and page["page_number"] == 1
    terms = files["taxonomy_terms.json"]["contents"]
    assert {"domestic-abuse", "women", "anyone", "self"} <= {t["code"] for t in terms}


def test_every_service_keeps_its_contacts_areas_and_ages(real):
    services, files = real
    for service in services:
        record = files[f"services/{uid('service', service.id)}.json"]
        assert record["name"] == service.name
        assert [p["number"] for p in record["phones"]] == [p.number for p in service.phones]
        # Every address is a contact, with its label; the first is the service's own too.
        assert [(c["name"], c["email"]) for c in record["contacts"]] == \
            [(e.label, e.url) for e in service.emails]
        assert record.get("email") == (service.emails[0].url if service.emails else None)
        assert [a["description"] for a in record["service_areas"]] == list(service.areas)
        groups = [a["value"] for a in record["attributes"] if a["link_type"] == "eligibility"]
        assert len(groups) == len(service.eligibility)
        if service.eligibility_text:
            assert record["eligibility_description"] == service.eligibility_text


def test_eligibility_is_kept_three_ways(fixture_feed):
    """One age range, the plain words and one attribute per group (HSDS has one range)."""
    _, files = fixture_feed
    record = files[f"services/{uid('service', 'lambeth-women-service')}.json"]
    assert record["minimum_age"] == 16 and "maximum_age" not in record
    assert record["eligibility_description"] == "Women and girls aged 16 and over."
    assert sorted((a["taxonomy_term"]["code"], a["value"]) for a in record["attributes"]
                  if a["link_type"] == "eligibility") == [("women", "16-")]
    assert record["service_areas"][0]["uri"].endswith("/E09000022")  # Lambeth's ONS code


def test_ids_are_stable_whatever_the_order(real, real_settings):
    services, files = real
    again = feed_files(list(reversed(services)), real_settings)
    assert {k: v for k, v in again.items() if k.startswith("services/")} == \
        {k: v for k, v in files.items() if k.startswith("services/")}


def test_round_trip_keeps_names_contacts_areas_ages_and_flags(real, real_settings, tmp_path):
    services, files = real
    records = [v for k, v in files.items() if k.startswith("services/")]
    result = import_services(records, real_settings, REAL_TODAY)
    assert result.skipped == []
    # Only what the import says of every service (whose review date is ours to set).
    assert {n.split(": ", 1)[1] for n in result.notes} <= {
        f"assured_date {s.last_reviewed} kept in source for the reviewer (not used as "
        "last_reviewed)" for s in services}
    imported, problems = read_services(entries_yaml(result.entries, ""), "imported.yaml",
                                       real_settings, REAL_TODAY)
    assert problems == []
    by_id = {s.id: s for s in imported}
    for service in services:
        twin = by_id[service.id]
        assert twin.name == service.name
        assert twin.phones == service.phones  # out-of-hours lines too
        assert twin.emails == service.emails  # each with its label
        assert twin.areas == service.areas
        assert twin.eligibility == service.eligibility
        assert twin.opening_hours == service.opening_hours
        assert twin.categories == service.categories and twin.audiences == service.audiences
        assert (twin.reporting, twin.for_people_who_harm) == \
            (service.reporting, service.for_people_who_harm)
        # An online chat's address (HSDS has no place for its hours).
        assert (twin.chat and twin.chat.url) == (service.chat and service.chat.url)
    # The real directory has each of these, so the round trip above covers them.
    assert any(s.reporting for s in services) and any(s.for_people_who_harm for s in services)
    assert any(s.chat for s in services)
    assert any(len(s.emails) > 1 for s in services)


def test_round_trip_keeps_an_out_of_hours_line(settings):
    # No real listing has one yet: the fixture's helpline, given one.
    text = (FIXTURE / "services.yaml").read_text().replace(
        "        opening_hours: 24/7\n",
        "        opening_hours: 24/7\n      - label: Out of hours\n"
        "        number: 020 7946 0009\n        out_of_hours: true\n", 1)
    services, problems = read_services(text, "services.yaml", settings, TODAY)
    assert problems == [] and services[0].phones[1].out_of_hours
    files = feed_files(services, settings)
    result = import_services([v for k, v in files.items() if k.startswith("services/")],
                             settings, TODAY)
    imported, problems = read_services(entries_yaml(result.entries, ""), "imported.yaml",
                                       settings, TODAY)
    assert problems == []
    twin = next(s for s in imported if s.id == services[0].id)
    assert twin.phones == services[0].phones


def test_the_build_publishes_the_feed_and_the_cli_imports_it(built, tmp_path):
    feed = built / "openreferral"
    assert json.loads((feed / "index.json").read_text())["version"] == "3.0"
    out = tmp_path / "imported.yaml"
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-openreferral",
                             str(feed), "--out", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # The fixture's e-mails and websites are fictional (example.org), so the listing with
    # only an e-mail has no way to get in touch that the import may keep.
    assert "Imported 2 services; skipped 1;" in result.stderr
    assert "service 'lewisham-risk-meeting' (Lewisham Risk Meeting): skipped: phones: a way " \
        "to get in touch is required" in result.stderr
    assert "name: Test Helpline" in out.read_text()


# The mapping HSDS intends ------------------------------------------------------------------

def _fixture_feed(project):
    """The minimal fixture's feed, with a fixed last_modified."""
    loaded, problems = load_settings(project)
    services, more = load_services(loaded, "services.yaml", TODAY)
    assert problems + more == []
    return services, feed_files(services, loaded, "2026-11-20T10:00:00Z")


def _record(files, slug):
    return files[f"services/{uid('service', slug)}.json"]


def test_areas_are_names_and_ons_uris_with_no_extent_type(real):
    _, files = real
    areas = [a for k, v in files.items() if k.startswith("services/") for a in v["service_areas"]]
    assert areas and all("extent_type" not in a and "extent" not in a for a in areas)
    lewisham = next(a for a in areas if a["description"] == "lewisham")
    assert lewisham["name"] == "Lewisham" and lewisham["uri"].endswith("/E09000023")


def test_a_phone_lines_hours_are_on_the_phone_not_the_service(project):
    _, files = _fixture_feed(project)
    helpline = _record(files, "test-helpline")
    [phone] = helpline["phones"]
    assert [(s["byday"], s["opens_at"], s["closes_at"], s["attending_type"])
            for s in phone["schedules"]] == [("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59", "phone")]
    assert all(s.get("attending_type") != "phone" for s in helpline["schedules"])
    # A service with no hours of its own publishes no schedule.
    assert _record(files, "lewisham-risk-meeting")["schedules"] == []
    lambeth = _record(files, "lambeth-women-service")
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in lambeth["schedules"]] == [
        ("MO,TU,WE,TH,FR", "09:00", "17:00"), ("SA", "22:00", "02:00")]
    assert all(s["description"].endswith("Times are UK local time (Europe/London).")
               for s in lambeth["schedules"])


def test_each_schedule_gives_londons_utc_offset_on_the_day_it_is_built(project):
    """HSDS reads a time with no zone as UTC unless `timezone` (a number of hours) says
    otherwise: 09:00 must not read as 10:00 in London all summer."""
    import datetime as dt
    loaded, _ = load_settings(project)
    services, _ = _fixture_feed(project)
    for day, zone in ((dt.date(2026, 1, 15), 0), (dt.date(2026, 7, 15), 1),
                      (dt.date(2026, 3, 29), 1), (dt.date(2026, 10, 25), 0)):
        files = feed_files(services, loaded, today=day)
        schedules = [s for k, r in files.items() if k.startswith("services/")
                     for s in r["schedules"] + [s for p in r["phones"]
                                                for s in p.get("schedules", [])]]
        assert schedules and {s["timezone"] for s in schedules} == {zone}


def test_one_record_per_organisation(real):
    _, files = real
    by_id = {}
    for key, record in files.items():
        if key.startswith("services/") and "organization" in record:
            by_id.setdefault(record["organization"]["id"], []).append(record["organization"])
    assert by_id and all(len({json.dumps(o, sort_keys=True) for o in orgs}) == 1
                         for orgs in by_id.values())
    assert sorted(o["id"] for o in files["organizations.json"]["contents"]) == sorted(by_id)
    refuge = files[f"organizations/{uid('organization', 'Refuge')}.json"]
    runs = sum(1 for s in real[0] if s.organisation == "Refuge")
    assert runs > 1 and refuge["description"] == f"Refuge runs {runs} services listed in this directory."


def test_referral_forms_are_tagged_by_their_route(project):
    from signpost.servicerecord import _form_route
    assert _form_route("Professional referral form", ("self", "professional")) == "professional"
    assert _form_route("Refer yourself", ("self", "professional")) == "self"
    assert _form_route("Referral form", ("self",)) == "self"
    # The fixture's form says no route and the service has two: it is tagged as a form only.
    _, fixture = _fixture_feed(project)
    assert [(a["taxonomy_term"]["code"], a["value"]) for a in
            _record(fixture, "lambeth-women-service")["attributes"]
            if a["link_type"] == "referral_form"] == [("form", "https://lambeth-women.example.org/refer")]


def test_languages_carry_iso_639_codes(project):
    _, files = _fixture_feed(project)
    assert [(lang["name"], lang["code"]) for lang in
            _record(files, "lambeth-women-service")["languages"]] == [("English", "en"), ("Polish", "pl")]


def test_last_modified_and_our_page(project):
    _, files = _fixture_feed(project)
    record = _record(files, "test-helpline")
    assert record["last_modified"] == "2026-11-20T10:00:00Z"
    assert files["services.json"]["contents"][0]["last_modified"] == "2026-11-20T10:00:00Z"
    assert [a["value"] for a in record["attributes"] if a["link_type"] == "listing_page"] == [
        "https://directory.example.org/services/test-helpline/"]  # the fixture's base_url


def test_who_a_service_is_for_is_an_attribute(project):
    _, files = _fixture_feed(project)
    attributes = _record(files, "lewisham-risk-meeting")["attributes"]
    assert [(a["link_type"], a["value"]) for a in attributes if a["link_type"] == "audience"] == [
        ("audience", "professionals")]
    terms = {t["code"] for t in files["taxonomy_terms.json"]["contents"]}
    assert {"residents", "professionals", "people-who-harm"} <= terms


@pytest.mark.parametrize("kind, key", [("service", "refuge"), ("attribute", "a/eligibility/women/13-"),
                                       ("language", "x/Bengali – বাংলা"), ("taxonomy", ""),
                                       ("phone", "b/tel:+44 20 7946 0000 🙂")])
def test_ids_are_the_uuid5_of_their_kind_and_key(kind, key):
    assert uid(kind, key) == str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


def _standard(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@pytest.mark.parametrize("text", ['say "no" \\ to C:\\', "\x00\x01\x1f\x7f\t\n\r\b\f",
                                  "\u2028\u2029</script>", "é – ‘quoted’ 🙂 𝄞 \ufeff"])
def test_the_feed_is_encoded_as_the_standard_library_encodes_it(text):
    data = {"name": text, text: [1, -2, 0, True, False, None, {"a": text}], "n": 12345678901}
    assert encode(data) == _standard(data)


def test_every_file_of_the_feed_is_compact_utf8_json(settings):
    services, _ = load_services(settings, str(settings.services_file), TODAY)
    outputs = plan_feed(services, settings)
    assert len(outputs) > len(services)
    for output in outputs:
        assert output.body == _standard(json.loads(output.body)), output.url
