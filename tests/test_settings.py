"""Unit tests: site.yaml, read by the table FORMAT with the listing format's field types.

Each case edits the fixture project's own site.yaml and names the exact message staff see.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from signpost.settings import Settings, load_settings
from conftest import FIXTURE

SITE = (FIXTURE / "site.yaml").read_text(encoding="utf-8")
LAMBETH = ("    name: Lambeth Test Council\n    origins: [https://lambeth.example.org, "
           "https://www.lambeth.example.org]\n")
CAMDEN = "  camden:\n    name: Camden\n    ons_code: E09000007\n"


def read(tmp_path: Path, old: str = "", new: str = "",
         before: str = "") -> tuple[Settings, list[str]]:
    """The fixture's site.yaml with old replaced by new (and `before` put first), read."""
    assert old in SITE, old
    (tmp_path / "site.yaml").write_text(before + SITE.replace(old, new, 1), encoding="utf-8")
    loaded, problems = load_settings(Settings.for_root(tmp_path))
    return loaded, [str(p) for p in problems]


def line_of(text: str) -> int:
    return SITE.split(text)[0].count("\n") + 1


def test_the_fixture_settings_are_read_whole(tmp_path):
    loaded, problems = read(tmp_path)
    assert problems == []
    assert (loaded.site_name, loaded.base_url, loaded.exit_url, loaded.report_email,
            loaded.home_helpline, loaded.page_size) == (
        "Test directory", "https://directory.example.org", "https://exit.example.org/weather",
        "", "test-helpline", 20)
    assert list(loaded.areas) == ["national", "barking-and-dagenham", "camden", "lambeth",
                                  "lewisham"]
    assert (loaded.areas["camden"].name, loaded.areas["camden"].ons_code) == ("Camden", "E09000007")
    lewisham = loaded.embeds["lewisham"]
    assert (lewisham.name, lewisham.origins, lewisham.accent) == (
        "Lewisham Test Council", ("https://lewisham.example.org",), "#1d4f91")


SITE_LINE = line_of("site_name:")
EMBED_LINE = line_of("embed:")
CAMDEN_LINE = line_of("  camden:")


@pytest.mark.parametrize("old, new, expected", [
    ("site_name: Test directory", "site_name: [a, b]",
     [f"site.yaml:{SITE_LINE}: site_name: must be text, not a list or a mapping"]),
    ("home_helpline: test-helpline", "home_helpline: " + "h" * 121,
     [f"site.yaml:{line_of('home_helpline')}: home_helpline: is too long (121 characters; "
      "keep it under 120)"]),
    ('report_email: ""', "report_email: team@example",
     [f"site.yaml:{line_of('report_email')}: report_email: must be an email address "
      "(got 'team@example')"]),
    ('report_email: ""', "report_email: [team@example.org]",
     [f"site.yaml:{line_of('report_email')}: report_email: must be text, not a list or a mapping"]),
    ("base_url: https://directory.example.org", "base_url: http://directory.example.org",
     [f"site.yaml:{line_of('base_url')}: base_url: must start with https:// "
      "(got 'http://directory.example.org')"]),
    ("base_url: https://directory.example.org", "base_url: 'https://'",
     [f"site.yaml:{line_of('base_url')}: base_url: must be a complete https:// address with a "
      "host, like https://example.org (got 'https://')"]),
    ("base_url: https://directory.example.org",
     "base_url: 'https://directory.example.org/\"><script>alert(1)</script>'",
     [f"site.yaml:{line_of('base_url')}: base_url: has a character a web address cannot have "
      "('\"'): copy the address again from the browser's address bar "
      "(got 'https://directory.example.org/\"><script…')"]),
    ("base_url: https://directory.example.org", "base_url: https://directory.example.org/help",
     [f"site.yaml:{line_of('base_url')}: base_url: must be the site's address alone, like "
      "https://example.org, with no path (got 'https://directory.example.org/help')"]),
    ("page_size: 20", "page_size: 4",
     [f"site.yaml:{line_of('page_size')}: page_size: must be a whole number from 5 to 500"]),
    ("page_size: 20", "page_size: [20]",
     [f"site.yaml:{line_of('page_size')}: page_size: must be a whole number from 5 to 500"]),
    ("  national:\n", "  nationwide:\n",
     [f"site.yaml:{SITE_LINE}: areas: must include 'national'"]),
    ("categories:\n", "categorie:\n",
     [f"site.yaml:{line_of('categories:')}: unknown setting 'categorie' (did you mean "
      "'categories'?)", f"site.yaml:{SITE_LINE}: categories: must be a mapping of slug to name"]),
    ("categories:\n", "categories: []\nkinds:\n",
     [f"site.yaml:{line_of('categories:') + 1}: unknown setting 'kinds'",
      f"site.yaml:{line_of('categories:')}: categories: must be a mapping of slug to name"]),
    (CAMDEN, "  camden:\n    nme: Camden\n",
     [f"site.yaml:{CAMDEN_LINE}: areas: 'camden' needs a name"]),
    (CAMDEN, "  camden:\n    name: ''\n",
     [f"site.yaml:{CAMDEN_LINE}: areas: 'camden' needs a name"]),
    (CAMDEN, "  camden:\n    name: Camden\n    colour: red\n",  # on the key's own line
     [f"site.yaml:{CAMDEN_LINE + 2}: areas: 'camden': unknown key 'colour'"]),
    (CAMDEN, "  camden:\n    name: Camden\n    description: " + "d" * 301 + "\n",
     [f"site.yaml:{CAMDEN_LINE + 2}: areas: 'camden': description: is too long (301 "
      "characters; keep it under 300)"]),
    (CAMDEN, "  camden:\n    name: Camden\n    ons_code: E0900007\n",
     [f"site.yaml:{CAMDEN_LINE + 2}: areas: 'camden': ons_code: must be an ONS code like "
      "E09000023: a capital letter and 8 digits (got 'E0900007')"]),
    (CAMDEN, "  camden:\n    name: Camden\n    ons_code: [E09000007]\n",
     [f"site.yaml:{CAMDEN_LINE + 2}: areas: 'camden': ons_code: must be text, not a list or a "
      "mapping"]),
    (CAMDEN, "  camden:\n    name: Camden\n    helplines: [Test Helpline]\n",
     [f"site.yaml:{CAMDEN_LINE + 2}: areas: 'camden': helplines: must be lower-case letters, "
      "digits and hyphens, like 'gaia-centre' (got 'Test Helpline')"]),
    (CAMDEN, "  " + "c" * 61 + ":\n    name: Camden\n",
     [f"site.yaml:{CAMDEN_LINE}: areas: 'ccccccccccccccccccccccccccccccccccccccc…' must be "
      "lower-case letters, digits and hyphens, like 'barking-and-dagenham' (it becomes part of "
      "the site's addresses)"]),
    ("embed:\n", "embed: [lambeth]\nboroughs:\n",
     [f"site.yaml:{EMBED_LINE + 1}: unknown setting 'boroughs'",
      f"site.yaml:{EMBED_LINE}: embed: must be a mapping of borough slug to its name and origins"]),
    ("embed:\n  lambeth:", "embed:\n  lambth:",
     [f"site.yaml:{EMBED_LINE + 1}: embed: 'lambth' is not a borough in areas (did you mean "
      "'lambeth'?)"]),
    ("embed:\n  lambeth:", "embed:\n  national:",
     [f"site.yaml:{EMBED_LINE + 1}: embed: 'national' is not a borough in areas"]),
    (LAMBETH, LAMBETH + "    colour: red\n",
     [f"site.yaml:{EMBED_LINE + 4}: embed: 'lambeth': unknown key 'colour'"]),
    (LAMBETH, "    name: Lambeth Test Council\n",
     [f"site.yaml:{EMBED_LINE + 1}: embed: 'lambeth' needs origins: a list of https://host "
      "addresses"]),
    (LAMBETH, "    origins: [https://lambeth.example.org/, 'https://www.lambeth.example.org ']\n",
     [f"site.yaml:{EMBED_LINE + 2}: embed: 'lambeth': each origin must be like "
      "https://www.example.gov.uk (no path, no /)"]),
    ('    accent: "#1d4f91"', '    accent: "#ffff00"',
     [f"site.yaml:{line_of('    accent:')}: embed: 'lewisham': accent must be a colour like "
      "#1d4f91 with a contrast of at least 4.5:1 on white (got '#ffff00')"]),
    ('    accent: "#1d4f91"', "    accent: ''",
     [f"site.yaml:{line_of('    accent:')}: embed: 'lewisham': accent must be a colour like "
      "#1d4f91 with a contrast of at least 4.5:1 on white (got '')"]),
    ("    name: Lewisham Test Council\n", "    name: " + "L" * 121 + "\n",
     [f"site.yaml:{line_of('    name: Lewisham Test')}: embed: 'lewisham': name: is too long "
      "(121 characters; keep it under 120)"]),
])
def test_a_mistake_in_settings_gets_its_message(tmp_path, old, new, expected):
    assert read(tmp_path, old, new)[1] == expected


def test_an_unknown_setting_is_named_with_a_suggestion(tmp_path):
    assert read(tmp_path, before="sitename: X\n")[1] == [
        "site.yaml:1: unknown setting 'sitename' (did you mean 'site_name'?)"]


@pytest.mark.parametrize("old, new, attribute, value", [
    ("site_name: Test directory", "site_name: ''", "site_name", "Find help"),
    ("base_url: https://directory.example.org", "base_url: ''", "base_url", "https://example.org"),
    ("page_size: 20", "page_size: ''", "page_size", 20),
])
def test_a_setting_left_empty_is_not_set(tmp_path, old, new, attribute, value):
    loaded, problems = read(tmp_path, old, new)
    assert problems == [] and getattr(loaded, attribute) == value


def test_values_are_converted_as_the_site_uses_them(tmp_path):
    edits = (("base_url: https://directory.example.org",
              "base_url: https://directory.example.org///"), ("page_size: 20", "page_size: 500"))
    text = SITE
    for old, new in edits:
        text = text.replace(old, new)
    text = text.replace(CAMDEN, "  camden: Camden\n").replace(
        "    name: Lewisham Test Council\n", "").replace(
        LAMBETH, "    origins: https://lambeth.example.org\n")
    text = text.replace("  lgbt:\n", "  lgbt:\n    keywords: [gay, ' trans ']\n"
                                     "    helplines: test-helpline\n"
                                     "    not_domestic_abuse: true\n"
                                     "    particular_situation: true\n"
                                     "    about_children: true\n"
                                     "    first_when_named: true\n")
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    loaded, problems = load_settings(Settings.for_root(tmp_path))
    assert problems == []
    assert (loaded.base_url, loaded.page_size) == ("https://directory.example.org", 500)
    assert loaded.areas["camden"].name == "Camden"  # a term written as its name alone
    assert loaded.embeds["lewisham"].name == "Lewisham"  # named as the area when not given
    assert loaded.embeds["lambeth"].origins == ("https://lambeth.example.org",)
    assert loaded.categories["lgbt"].keywords == ("gay", "trans")
    assert loaded.categories["lgbt"].helplines == ("test-helpline",)
    assert not loaded.for_domestic_abuse(["helpline", "lgbt"]) and loaded.for_domestic_abuse(["helpline"])
    assert loaded.particular(["helpline", "lgbt"]) and not loaded.particular(["helpline"])
    assert [slug for slug, kind in loaded.categories.items() if kind.about_children] == ["lgbt"]
    assert [slug for slug, kind in loaded.categories.items() if kind.first_when_named] == ["lgbt"]
