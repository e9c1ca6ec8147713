"""The feed as the official ORUK validator calls it: every API path answers JSON through the
same server the browser tests use (which applies _redirects and the headers as Netlify does),
and every object it answers validates against the HSDS 3.0 and ORUK 3.0 schemas. The dev
server applies the same rewrites. What a static site cannot do is listed, and pinned."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from conftest import FIXTURE, ROOT
from test_openreferral import validator

PAGE_KEYS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page",
             "empty", "contents"}
# The validator's checks that a static site cannot meet, and what the feed does instead.
CANNOT = {
    "/service_at_locations/{id}": "we publish no locations (refuge addresses stay private), "
                                  "so there is no id to fetch: the list is an empty Page",
    "?page=N beyond 1": "every list is one page holding every item (total_pages 1); any ?page= "
                        "answers that page",
    "search and filter parameters": "ignored: a static file cannot filter; consumers filter the "
                                    "full list",
    "non-empty /service_at_locations": "the validator warns on an empty list; ours is empty by "
                                       "design",
}


def get(base: str, path: str):
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return response.status, response.headers, json.loads(response.read())


@pytest.fixture(scope="module")
def api(site):
    """Every path the validator calls, with what it answers."""
    base = site.url + "/openreferral"
    answers = {}
    for path in ("/", "", "/services", "/services?page=2", "/taxonomies", "/taxonomy_terms",
                 "/service_at_locations", "/organizations"):
        answers[path] = get(base, path)
    for name in ("services", "taxonomies", "taxonomy_terms", "organizations"):
        for item in answers["/" + name][2]["contents"]:
            answers[f"/{name}/{item['id']}"] = get(base, f"/{name}/{item['id']}")
    return answers


def test_every_endpoint_answers_json(api):
    assert len(api) > 60
    for path, (status, headers, _) in api.items():
        assert status == 200, path
        assert headers.get_all("Content-Type") == ["application/json; charset=utf-8"], path
        assert headers["Access-Control-Allow-Origin"] == "*", path


def test_the_base_names_the_version_and_profile(api):
    for path in ("/", ""):
        body = api[path][2]
        assert body["version"] == "3.0" and body["profile"] == "https://github.com/OpenReferralUK/uk-profile"
        assert body["openapi_url"].endswith("/3.0/schema/openapi.json")


def test_lists_are_pages_and_any_page_answers_page_one(api):
    for path in ("/services", "/taxonomies", "/taxonomy_terms", "/service_at_locations",
                 "/organizations"):
        page = api[path][2]
        assert set(page) == PAGE_KEYS, path
        assert page["page_number"] == page["total_pages"] == 1 and page["size"] == len(page["contents"])
    assert api["/services?page=2"][2] == api["/services"][2]
    assert api["/service_at_locations"][2]["contents"] == []


@pytest.mark.parametrize("profile", ["hsds-3.0", "oruk-3.0"])
def test_every_object_validates(api, profile):
    full, item, organisation = (validator(profile, n) for n in ("service", "service_list",
                                                               "organization"))
    errors = []
    for path, (_, _, body) in api.items():
        if re.fullmatch(r"/services/[0-9a-f-]{36}", path):
            errors += [f"{path}: {e.message}" for e in full.iter_errors(body)]
            org = body.get("organization")
            if org:  # one record per organisation, the same everywhere
                assert org == api[f"/organizations/{org['id']}"][2]
        elif re.fullmatch(r"/organizations/[0-9a-f-]{36}", path):
            errors += [f"{path}: {e.message}" for e in organisation.iter_errors(body)]
    errors += [f"/services item: {e.message}" for i in api["/services"][2]["contents"]
               for e in item.iter_errors(i)]
    assert errors == []


def test_taxonomies_and_terms_have_the_required_fields(api):
    """No compiled schema covers these objects, so their required fields (HSDS 3.0's
    taxonomy.json and taxonomy_term.json) are checked here, with uuid ids."""
    uuid = Draft202012Validator({"type": "string", "format": "uuid"}, format_checker=FormatChecker())
    for path, (_, _, body) in api.items():
        if path.startswith("/taxonomies/"):
            assert {"id", "name", "description"} <= set(body) and uuid.is_valid(body["id"])
        if path.startswith("/taxonomy_terms/"):
            assert {"id", "name", "description"} <= set(body) and uuid.is_valid(body["id"])
            assert body["taxonomy_id"] == body["taxonomy_detail"]["id"]


def test_what_a_static_site_cannot_do_is_pinned(site):
    assert sorted(CANNOT) == ["/service_at_locations/{id}", "?page=N beyond 1",
                              "non-empty /service_at_locations", "search and filter parameters"]
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(site.url + "/openreferral/service_at_locations/anything", timeout=10)
    assert missing.value.code == 404
    missing.value.close()
    # A filter is ignored: the whole list answers.
    _, _, filtered = get(site.url, "/openreferral/services?text=nothing-matches-this&page=7")
    assert filtered["total_items"] == len(filtered["contents"]) > 20


def test_the_dev_server_applies_the_same_rewrites(tmp_path):
    """`build.py serve` (livereload) answers the API paths from the same _redirects."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = ("import sys; from pathlib import Path; from signpost.serve import serve; "
            "from signpost.settings import Settings; "
            f"serve(Settings.for_root(Path({str(ROOT)!r}), services_file=Path({str(FIXTURE / 'services.yaml')!r}), "
            f"content_dir=Path({str(FIXTURE / 'content')!r}), out_dir=Path({str(tmp_path / '_site')!r})), {port})")
    server = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}/openreferral"
        for _ in range(300):
            try:
                status, headers, body = get(base, "/services?page=3")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            pytest.fail("the dev server did not start")
        assert status == 200 and headers["Content-Type"].startswith("application/json")
        assert body["total_items"] == 3
        first = body["contents"][0]["id"]
        assert get(base, f"/services/{first}")[2]["id"] == first
        assert get(base, "/")[2]["version"] == "3.0"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
