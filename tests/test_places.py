"""The place finder's data: checking the tables (every bad row a problem with file and line),
the lookup file made from them, and the real tables in data/."""
from __future__ import annotations

import csv
import dataclasses
import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from signpost.pipeline import build, check
from signpost.places import LOOKUP_URL, load_places, lookup_json
from signpost.problems import BuildFailed
from signpost.settings import Settings
from conftest import ROOT, TODAY

FIXTURE = Path(__file__).parent / "fixtures" / "places"


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the made-up tables, to break."""
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


def lookup(data_dir: Path, areas) -> dict:
    places, problems = load_places(data_dir, areas)
    assert problems == []
    return json.loads(lookup_json(places, areas))


def replace_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[number - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_made_up_tables_are_valid(real_settings):
    places, problems = load_places(FIXTURE, real_settings.areas)
    assert problems == []
    assert places.names["Kilburn"] == ("brent", "westminster")  # two sources name Brent


BAD_ROWS = [
    ("postcode-districts.csv", 11, "EC1PX,E09000019,Islington,1.0000,",
     "data/postcode-districts.csv:11: district: must be an outward code like SE6 or SW1A "
     "(got 'EC1PX')"),
    ("postcode-districts.csv", 4, "SE6,E09000099,Atlantis,1.0000,1.0000",
     "data/postcode-districts.csv:4: ons_code: E09000099 ('Atlantis') is not the ons_code of "
     "any area in site.yaml: if it is that borough's, check its ons_code there"),
    ("postcode-districts.csv", 4, "SE6,E09000023,Lewishm,1.0000,1.0000",
     "data/postcode-districts.csv:4: borough_name: 'Lewishm' is not the name site.yaml gives "
     "E09000023 (expected 'Lewisham')"),
    ("postcode-districts.csv", 4, "SE6,E9000023,Lewisham,1.0000,1.0000",
     "data/postcode-districts.csv:4: ons_code: must be an ONS code like E09000023 "
     "(got 'E9000023')"),
    ("postcode-districts.csv", 4, "SE6,E09000023,Lewisham,1.5,1.0000",
     "data/postcode-districts.csv:4: share: must be a number from 0 to 1 (got '1.5')"),
    ("postcode-districts.csv", 4, "SE6,E09000023,Lewisham,1.0000",
     "data/postcode-districts.csv:4: expected 5 values (district,ons_code,borough_name,share,"
     "share_excl_stacked), got 4"),
    ("postcode-districts.csv", 3, "SE1,E09000022,Lambeth,0.2000,0.2000",
     "data/postcode-districts.csv:2: share_excl_stacked: SE1: the shares add up to 0.9000, not "
     "1 (is a row missing?)"),
    ("postcode-districts.csv", 3, "SE1,E09000028,Southwark,0.8000,0.7000",
     "data/postcode-districts.csv:3: SE1 names E09000028 twice"),
    ("postcode-districts.csv", 1, "district,ons_code,borough,share,share_excl_stacked",
     "data/postcode-districts.csv:1: the first line must name the columns district,ons_code,"
     "borough_name,share,share_excl_stacked (got 'district,ons_code,borough,share,"
     "share_excl_stacked')"),
    ("postcode-sectors.csv", 4, "SE7 4,E09000023,Lewisham,1.0000,1.0000",
     "data/postcode-sectors.csv:4: sector SE7 4: its district SE7 is not in "
     "postcode-districts.csv"),
    ("postcode-sectors.csv", 4, "SE64,E09000023,Lewisham,1.0000,1.0000",
     "data/postcode-sectors.csv:4: sector: must be an outward code, a space and a digit, like "
     "SE6 4 (got 'SE64')"),
    ("places.csv", 3, "Kilburn,E09000033,Westminster,wikipedia-list-of-areas",
     "data/places.csv:3: source: unknown source 'wikipedia-list-of-areas' (did you mean "
     "'wikipedia-list-of-areas-of-london'?) (expected one of: ons-lad-name, "
     "wikipedia-list-of-areas-of-london, os-codepoint-open-ward)"),
    ("places.csv", 2, ",E09000023,Lewisham,ons-lad-name",
     "data/places.csv:2: place: must be a place name of 1 to 80 characters (got '')"),
    ("places.csv", 2, "Lewisham,E09000023,,ons-lad-name",
     "data/places.csv:2: borough_name: must not be empty"),
]


@pytest.mark.parametrize("file, line, text, message", BAD_ROWS,
                         ids=[f"{f}:{n}:{t[:16]}" for f, n, t, _ in BAD_ROWS])
def test_a_bad_row_is_a_problem_with_file_and_line(data, real_settings, file, line, text, message):
    replace_line(data / file, line, text)
    _, problems = load_places(data, real_settings.areas, "data")
    assert [str(p) for p in problems] == [message]


def test_every_problem_is_listed_at_once(data, real_settings):
    replace_line(data / "postcode-districts.csv", 4, "SE6,E09000023,Lewisham,x,1.0000")
    replace_line(data / "places.csv", 2, "Lewisham,E09000024,Lewisham,ons-lad-name")
    _, problems = load_places(data, real_settings.areas, "data")
    assert [(p.file, p.line) for p in problems] == [("data/postcode-districts.csv", 4),
                                                    ("data/places.csv", 2)]


def test_a_borough_code_mistyped_in_site_yaml_is_told_once_per_table_and_there(real_settings):
    lewisham = real_settings.areas["lewisham"]
    areas = {**real_settings.areas, "lewisham": dataclasses.replace(lewisham,
                                                                     ons_code="E09000099")}
    _, problems = load_places(ROOT / "data", areas, "data")  # many rows for Lewisham
    # One problem for each table, at the first row with the code, not one for every row.
    assert sorted(p.file for p in problems) == \
        ["data/places.csv", "data/postcode-districts.csv", "data/postcode-sectors.csv"]
    assert all(re.search(r"E09000023 \('Lewisham'\) is not the ons_code of any area in "
                         r"site.yaml: .* \(and \d+ more lines after it\)$", p.message)
               for p in problems)


def test_a_missing_table_is_a_problem(data, real_settings):
    (data / "places.csv").unlink()
    _, problems = load_places(data, real_settings.areas, "data")
    assert [str(p) for p in problems] == [
        "data/places.csv:1: cannot read the place finder's data (No such file or directory)"]


def test_no_data_folder_means_no_place_finder(tmp_path, real_settings):
    assert load_places(tmp_path / "nowhere", real_settings.areas) == (None, [])


def test_shares_leave_out_stacked_postcodes_and_tiny_parts(real_settings):
    found = lookup(FIXTURE, real_settings.areas)
    names = [slug for slug, _ in found["boroughs"]]
    named = {key: [(names[i] if i >= 0 else "outside", p) for i, p in parts]
             for key, parts in {**found["districts"], **found["sectors"]}.items()}
    assert named["SE1"] == [("southwark", 70), ("lambeth", 30)]  # share_excl_stacked
    assert named["SE1 7"] == [("lambeth", 60), ("southwark", 40)]  # largest first
    assert named["SW1P"] == [("westminster", 100)]  # Wandsworth only by its PO boxes
    assert named["RM9"] == [("barking-and-dagenham", 100)]  # Havering holds 0.4%
    assert named["WD6"] == [("outside", 90), ("barnet", 10)]
    assert "EC1P" not in named  # every postcode stacked: unknown


def test_places_point_at_london_boroughs_most_likely_first(real_settings):
    found = lookup(FIXTURE, real_settings.areas)
    boroughs = found["boroughs"]
    places = {name: [boroughs[i][1] for i in ids] for name, *ids in found["places"]}
    assert places == {"Lewisham": ["Lewisham"], "Kilburn": ["Brent", "Westminster"],
                      "Elephant, Castle & Walworth": ["Southwark"]}  # Hamsey Green: Tandridge
    assert [slug for slug, _ in boroughs] == [a.slug for a in real_settings.areas.values()
                                              if a.slug != "national"]


def project_with_data(tmp_path, project, data) -> Settings:
    """The fixture project's listings and pages, with the London-wide site.yaml and the
    made-up tables (whose boroughs the fixture's own site.yaml does not all have)."""
    root = tmp_path / "root"
    for name in ("templates", "assets", "locales"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    shutil.copytree(data, root / "data")
    return Settings.for_root(root, services_file=project.services_file,
                             content_dir=project.content_dir, out_dir=project.out_dir)


def project_with_bad_data(tmp_path, project, data) -> Settings:
    settings = project_with_data(tmp_path, project, data)
    replace_line(settings.root / "data" / "places.csv", 3, "Kilburn,E09000033,Westmnster,"
                 "wikipedia-list-of-areas-of-london")
    return settings


def test_check_reports_data_problems_and_build_writes_nothing(tmp_path, project, data):
    settings = project_with_bad_data(tmp_path, project, data)
    root = settings.root
    with pytest.raises(BuildFailed) as failed:
        check(settings, TODAY)
    assert [str(p) for p in failed.value.problems] == [
        f"{root}/data/places.csv:3: borough_name: 'Westmnster' is not the name site.yaml gives "
        "E09000033 (expected 'Westminster')"]
    with pytest.raises(BuildFailed):
        build(settings, today=TODAY)
    assert not project.out_dir.exists()


def test_data_problems_are_listed_even_when_no_listing_could_be_read(tmp_path, project, data):
    settings = project_with_bad_data(tmp_path, project, data)
    project.services_file.write_text("services: [\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        check(settings, TODAY)
    assert [Path(p.file).name for p in failed.value.problems] == ["services.yaml", "places.csv"]


def test_the_built_site_has_the_lookup_file_and_the_finder(tmp_path, project, data):
    from conftest import soup
    build(project_with_data(tmp_path, project, data), today=TODAY)
    built = project.out_dir
    data = json.loads((built / LOOKUP_URL.lstrip("/")).read_text(encoding="utf-8"))
    assert data["districts"] and data["sectors"] and data["places"]
    for page in ("index.html", "areas/index.html"):
        # In a data block that no browser shows, text-mode ones included (unpack.js).
        block = soup(built / page).select_one('script[data-module="app-place-finder"]')
        assert block["type"] == "text/html"
        finder = BeautifulSoup(block.string, "html.parser").select_one(".app-finder")
        assert finder["data-src"] == LOOKUP_URL
        field = finder.select_one("input")
        assert "postcode" in finder.select_one(f"label[for={field['id']}]").text
        assert field["autocomplete"] == "off" and field["spellcheck"] == "false"
        assert not finder.find_parent("form") and not finder.find("form")


# The real tables --------------------------------------------------------------------------

def real_rows(name: str) -> list[dict]:
    with open(ROOT / "data" / name, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_the_real_data_is_valid(real_settings):
    _, problems = load_places(ROOT / "data", real_settings.areas, "data")
    assert problems == []


def test_the_real_lookup_says_what_the_tables_say(real_settings):
    found = lookup(ROOT / "data", real_settings.areas)
    names = [name for _, name in found["boroughs"]]
    rows = real_rows("postcode-districts.csv")
    for district in ("SE1", "SE6", "RM10", "SE23"):  # whole London districts, none stacked
        mine = [r for r in rows if r["district"] == district]
        assert [(names[i], p) for i, p in found["districts"][district]] == [
            (r["borough_name"], round(float(r["share_excl_stacked"]) * 100)) for r in mine]
    sector = [r["borough_name"] for r in real_rows("postcode-sectors.csv") if r["sector"] == "SE6 4"]
    assert [names[i] for i, _ in found["sectors"]["SE6 4"]] == sector
    places = real_rows("places.csv")
    for place in ("Catford", "Streatham", "Becontree", "Kilburn"):
        boroughs = {r["borough_name"] for r in places if r["place"] == place}
        entry = next(ids for name, *ids in found["places"] if name == place)
        assert {names[i] for i in entry} == boroughs


def test_the_lookup_file_is_small(real_settings):
    places, _ = load_places(ROOT / "data", real_settings.areas)
    assert len(gzip.compress(lookup_json(places, real_settings.areas), 9)) < 40 * 1024
