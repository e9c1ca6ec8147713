"""The promises the documentation makes: every field of the listing format is documented,
the README's example is a valid listing, and the quick start is what CI runs."""
from __future__ import annotations

import re

from signpost.listingformat import ALL_FIELDS, FIELDS
from signpost.servicesfile import read_services
from conftest import ROOT, TODAY

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_field_is_documented():
    """Every field of the table in signpost/listingformat.py, nested ones (label, days)
    included."""
    section = README.split("## The listing format")[1].split("\n## ")[0]
    assert "out_of_hours" in ALL_FIELDS and "closes" in ALL_FIELDS
    missing = [f for f in ALL_FIELDS if f"`{f}`" not in section]
    assert missing == []


def test_the_example_listing_is_valid_and_uses_every_field(real_settings):
    example = re.search(r"```yaml\n(# .*\n)?(services:.*?)```", README, re.DOTALL).group(2)
    services, problems = read_services(example, "README.md", real_settings, TODAY)
    assert problems == []
    assert [f for f in FIELDS if not re.search(rf"^ +(- )?{f}:", example, re.MULTILINE)] == []


def test_ci_runs_the_readme_test_command():
    quick_start = README.split("## Quick start")[1].split("\n## ")[0]
    commands = re.findall(r"^(make \w+)", quick_start, re.MULTILINE)
    assert commands == ["make serve", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_the_staff_guide_example_is_a_valid_listing(real_settings):
    example = re.search(r"```yaml\n(.*?)```", GUIDE, re.DOTALL).group(1)
    services, problems = read_services("services:\n" + example, "CONTRIBUTING.md", real_settings, TODAY)
    assert problems == [] and services[0].id == "example-womens-centre"


def test_the_staff_guide_quotes_real_messages():
    from test_corpus import CORPUS
    from test_hostile import SERVICE_CASES
    from test_services import CASES
    real = [case[2] for case in CASES] + [m for case in SERVICE_CASES for m in case[2]] + \
        [m for case in CORPUS for m in case[3] or ()] + [
        "id: duplicate id", "this is not valid YAML", "summary: is required"]
    table = GUIDE.split("## What the check messages mean")[1].split("\n## ")[0]
    quoted = re.findall(r"^\| `([^`]+)`", table, re.MULTILINE)
    assert len(quoted) >= 10
    assert [q for q in quoted if not any(q in message for message in real)] == []


def test_ci_runs_the_data_tests_first_then_the_rest():
    """A staff pull request hears about its data in seconds; nothing is run twice or left out."""
    workflow = (ROOT / ".github" / "workflows" / "checks.yml").read_text()
    runs = re.findall(r"^ +run: (.+)$", workflow, re.MULTILINE)
    assert runs.index("make data") < runs.index("""make test PYTEST_ARGS='-m "not data"'""")
    makefile = (ROOT / "Makefile").read_text()
    assert "$(BIN)/python -m pytest -m data\n" in makefile
    assert "$(BIN)/python -m pytest $(PYTEST_ARGS)\n" in makefile
