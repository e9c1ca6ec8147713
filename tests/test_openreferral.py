"""The Open Referral feed: every object valid against HSDS 3.0 and the UK profile, every
service and contact present, stable ids, and a round trip through the import."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from signpost.openreferral import feed_files, import_services, uid
from signpost.services import load_services, read_services
from signpost.settings import Settings
from conftest import ROOT, TODAY

SCHEMAS = Path(__file__).parent / "fixtures" / "openreferral-schemas"


def validator(profile: str, name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / profile / f"{name}.json").read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def real(real_settings):
    services, problems = load_services(real_settings, "services.yaml", TODAY)
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
        emails = ([record["email"]] if "email" in record else []) + [c["email"] for c in record["contacts"]]
        assert emails == [e.url for e in service.emails]
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


def test_round_trip_keeps_names_contacts_areas_and_ages(real, real_settings, tmp_path):
    services, files = real
    records = [v for k, v in files.items() if k.startswith("services/")]
    entries, notes = import_services(records, real_settings)
    assert notes == []
    from signpost.openreferral import entries_yaml
    imported, problems = read_services(entries_yaml(entries, ""), "imported.yaml", real_settings, TODAY)
    assert problems == []
    by_name = {s.name: s for s in imported}
    for service in services:
        twin = by_name[service.name]
        assert twin.phones == service.phones
        assert [e.url for e in twin.emails] == [e.url for e in service.emails]
        assert twin.areas == service.areas
        assert twin.eligibility == service.eligibility
        assert twin.opening_hours == service.opening_hours
        assert twin.categories == service.categories and twin.audiences == service.audiences


def test_import_reports_what_it_cannot_map(settings):
    foreign = {"contents": [{
        "id": "2f1a1b9e-0000-4000-8000-000000000001", "name": "Harbour Advice", "status": "active",
        "description": "Advice for everyone.", "minimum_age": 16,
        "phones": [{"id": "x", "number": "020 7946 0999"}],
        "service_areas": [{"id": "y", "name": "Cardiff"}],
        "cost_options": [{"id": "z", "option": "Free"}], "wait_time": "2 weeks"}]}
    [entry], notes = import_services(foreign, settings)
    assert entry["id"] == "harbour-advice" and entry["eligibility"] == [{"min_age": 16}]
    assert notes == ["service 'harbour-advice': not mapped: cost_options, wait_time",
                     "service 'harbour-advice': area 'Cardiff' is not in site.yaml"]


def test_the_build_publishes_the_feed_and_the_cli_imports_it(built, tmp_path):
    feed = built / "openreferral"
    assert json.loads((feed / "index.json").read_text())["version"] == "3.0"
    out = tmp_path / "imported.yaml"
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "import-openreferral",
                             str(feed), "--out", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Imported 3 services" in result.stderr
    assert "name: Test Helpline" in out.read_text()
