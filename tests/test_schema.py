"""The JSON Schema editors use on services.yaml: generated from the listing format's table,
committed up to date, and agreeing with the checker on good and bad listings."""
from __future__ import annotations

import json
import re

import pytest
import yaml
from jsonschema import Draft7Validator

from signpost.listingformat import SCHEMA_FILE, json_schema, schema_text
from signpost.servicesfile import read_services
from conftest import ROOT, TODAY
from test_services import GOOD


def as_an_editor_reads(text: str):
    """YAML 1.2's core types, as the YAML language server reads them: a plain 16 is a number,
    a plain true a boolean, a quoted "09:00" or a plain 2026-11-22 is text."""
    def convert(node):
        if isinstance(node, yaml.MappingNode):
            return {k.value: convert(v) for k, v in node.value}
        if isinstance(node, yaml.SequenceNode):
            return [convert(item) for item in node.value]
        if node.style is None and re.fullmatch(r"[-+]?[0-9]+", node.value):
            return int(node.value)
        if node.style is None and node.value in ("true", "false"):
            return node.value == "true"
        return node.value
    return convert(yaml.compose(text, Loader=yaml.BaseLoader))


def schema_errors(text: str, settings) -> list[str]:
    validator = Draft7Validator(json_schema(settings))
    return [e.message for e in validator.iter_errors(as_an_editor_reads(text))]


def test_the_committed_schema_is_the_one_the_table_gives(real_settings):
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(real_settings), "run: python build.py schema"


def test_the_schema_is_a_valid_draft_7_schema(real_settings):
    Draft7Validator.check_schema(json.loads((ROOT / SCHEMA_FILE).read_text(encoding="utf-8")))


def test_services_yaml_names_the_schema_for_editors():
    first = (ROOT / "services.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_FILE}"


def test_the_real_listings_and_the_documented_examples_match_the_schema(real_settings):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# .*\n)?(services:.*?)```", readme, re.DOTALL).group(2)
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    entry = re.search(r"```yaml\n(.*?)```", guide, re.DOTALL).group(1)
    for text in ((ROOT / "services.yaml").read_text(encoding="utf-8"), example,
                 "services:\n" + entry):
        assert schema_errors(text, real_settings) == []


def test_a_good_listing_matches_the_schema(settings):
    assert read_services(GOOD, "services.yaml", settings, TODAY)[1] == []
    assert schema_errors(GOOD, settings) == []


@pytest.mark.parametrize("old, new", [
    ("    name: Good Service\n", "    name: Good Service\n    phone: 020 7946 0003\n"),  # unknown
    ("    summary: A good service.\n", ""),  # a required field
    ("areas: [lambeth]", "areas: [lambeht]"),  # not in site.yaml's vocabulary
    ("    phones:\n      - label: Office\n        number: 020 7946 0002\n", ""),  # no way in
    ("        number: 020 7946 0002\n", "        number: 020 7946 0002\n        min_age: 200\n"),
    ("    areas: [lambeth]\n", "    areas: [lambeth]\n    eligibility:\n      - max_age: 121\n"),
    ("    areas: [lambeth]\n", "    areas: [lambeth]\n    opening_hours:\n      - days: [mon]\n"
                             "        opens: '9am'\n        closes: '17:00'\n"),
    ("    areas: [lambeth]\n", "    areas: [lambeth]\n    status: closed\n"),
    ("    name: Good Service\n", "    name: " + "G" * 121 + "\n"),
])
def test_what_the_checker_refuses_the_schema_marks_too(settings, old, new):
    text = GOOD.replace(old, new)
    assert text != GOOD
    assert read_services(text, "services.yaml", settings, TODAY)[1] != []
    assert schema_errors(text, settings) != []


def test_the_schema_offers_the_vocabularies_of_site_yaml(settings):
    areas = json_schema(settings)["properties"]["services"]["items"]["properties"]["areas"]
    assert areas["anyOf"][0]["enum"] == list(settings.areas)
