"""The Open Referral feed: every object valid against HSDS 3.0 and the UK profile, every
service and contact present, stable ids, the mapping HSDS intends, a round trip through the
import, and the API paths the ORUK validator calls, answered through the test server."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from signpost.openreferral import feed_files, uid
from signpost.orimport import entries_yaml, import_services
from signpost.services import load_services, read_services
from signpost.settings import Settings
from conftest import ROOT, TODAY

SCHEMAS = Path(__file__).parent / "fixtures" / "openreferral-schemas"


def validator(profile: str, name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / profile / f"{name}.json").read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def real(settings):
    services, problems = load_services(settings, "services.yaml", TODAY)
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
    _, files = real
    assert files["index.json"] == {"version": "3.0", "profile": "https://github.com/OpenReferralUK/uk-profile",
                                   "openapi_url": files["index.json"]["openapi_url"]}
    page = files["services.json"]
    assert page["total_items"] == len(page["contents"]) == 22 and page["page_number"] == 1
    terms = files["taxonomy_terms.json"]["contents"]
    assert {"domestic-abuse", "women", "anyone", "self"} <= {t["code"] for t in terms}


def test_every_service_keeps_its_contacts_areas_and_ages(real, settings):
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
    athena = files[f"services/{uid('service', 'athena')}.json"]
    assert athena["minimum_age"] == 13 and "maximum_age" not in athena
    assert sorted((a["taxonomy_term"]["code"], a["value"]) for a in athena["attributes"]
                  if a["link_type"] == "eligibility") == [("men", "16-"), ("non-binary", "13-"),
                                                          ("women", "13-")]
    lewisham = next(a for a in athena["service_areas"])
    assert lewisham["uri"].endswith("/E09000023")


def test_ids_are_stable_whatever_the_order(real, settings):
    services, files = real
    again = feed_files(list(reversed(services)), settings)
    assert {k: v for k, v in again.items() if k.startswith("services/")} == \
        {k: v for k, v in files.items() if k.startswith("services/")}


def test_round_trip_keeps_names_contacts_areas_and_ages(real, settings, tmp_path):
    services, files = real
    records = [v for k, v in files.items() if k.startswith("services/")]
    result = import_services(records, settings, TODAY)
    assert result.skipped == []
    # Only what the import says of every service (whose review date is ours to set).
    assert {n.split(": ", 1)[1] for n in result.notes} <= {
        f"assured_date {s.last_reviewed} kept in source for the reviewer (not used as "
        "last_reviewed)" for s in services}
    imported, problems = read_services(entries_yaml(result.entries, ""), "imported.yaml",
                                       settings, TODAY)
    assert problems == []
    by_id = {s.id: s for s in imported}
    for service in services:
        twin = by_id[service.id]
        assert twin.name == service.name
        assert twin.phones == service.phones
        assert [e.url for e in twin.emails] == [e.url for e in service.emails]
        assert twin.areas == service.areas
        assert twin.eligibility == service.eligibility
        assert twin.opening_hours == service.opening_hours
        assert twin.categories == service.categories and twin.audiences == service.audiences


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
