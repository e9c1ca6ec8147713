"""Reading services.yaml in parts, each in its own process, gives exactly what reading it
whole gives: the same services, and the same problems (messages, lines, order)."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, make_project

from signpost.entries import split_entries
from signpost.servicesfile import read_in_parts, read_services
from signpost.settings import Settings, load_settings

FIXTURES = Path(__file__).parent / "fixtures"
SYNTHETIC = FIXTURES / "synthetic-60.yaml"
FILE = "services.yaml"


def here(check, calls):
    """Run each part in turn, in this process: what forked children do, without the fork."""
    return [check(*args) for args in calls]


@pytest.fixture(scope="module")
def synthetic_settings() -> Settings:
    """The settings the synthetic listings are written for (their areas are London's)."""
    loaded, problems = load_settings(Settings.for_root(ROOT, services_file=SYNTHETIC))
    assert problems == []
    return loaded


def both(text: str, settings, parts: int):
    whole = read_services(text, FILE, settings, TODAY)
    return read_in_parts(text, FILE, settings, TODAY, parts, here), whole


@pytest.mark.parametrize("parts", [2, 3, 7, 60, 100])
def test_good_listings_read_in_parts_are_those_read_whole(parts, synthetic_settings):
    in_parts, whole = both(SYNTHETIC.read_text(encoding="utf-8"), synthetic_settings, parts)
    assert in_parts is not None  # it was read in parts
    assert len(whole[0]) == 60 and whole[1] == []
    assert in_parts == whole


def test_the_fixture_projects_listings_read_in_parts_are_those_read_whole(settings):
    in_parts, whole = both((FIXTURES / "minimal" / FILE).read_text(encoding="utf-8"), settings, 2)
    assert in_parts == whole and whole[0]


def _entries(text: str) -> list[str]:
    return [chunk for _, chunk in split_entries(text)]


def _mistaken(text: str) -> str:
    """The synthetic listings with mistakes in entries of every part: wrong values, an unknown
    field, a missing one, ids used twice across parts, an entry that is not a mapping."""
    head = text[:text.index("services:\n") + len("services:\n")]
    entries = _entries(text)
    entries[1] = entries[1].replace("number: ", "number: 0123 ", 1)
    entries[7] = entries[7].replace("  name: ", "  nmae: ", 1)
    entries[20] = entries[20].replace("  summary: ", "  summary: [a, b]\n  source: ", 1)
    entries[33] = entries[33].replace("- id: ", "- id: " + entries[2].split()[2] + "\n  owner: ", 1)
    entries[45] = "- just words\n"
    entries[50] = entries[50].replace("- id: ", "- id: Not A Slug\n  owner: ", 1)
    entries[58] = entries[58].replace("- id: ", "- id: " + entries[40].split()[2] + "\n  owner: ", 1)
    entries[59] = entries[59].replace("last_reviewed: ", "last_reviewed: 2999-01-01\n  alert: ", 1)
    return head + "".join(entries)


@pytest.mark.parametrize("parts", [2, 3, 5, 60])
def test_mistakes_in_entries_read_in_parts_are_told_as_read_whole(parts, synthetic_settings):
    in_parts, whole = both(_mistaken(SYNTHETIC.read_text(encoding="utf-8")), synthetic_settings,
                           parts)
    problems = [str(p) for p in whole[1]]
    # Every kind of mistake is there, and the parts were joined, not left to a whole read.
    assert in_parts is not None
    assert sum("duplicate id (also used by the service on line" in p for p in problems) == 2
    assert any(": service '#46': each service must be a mapping" in p for p in problems)
    assert any("phones.number: must be a UK phone number" in p for p in problems)
    assert any("nmae: unknown field (did you mean 'name'?)" in p for p in problems)
    assert any("2999-01-01 is in the future" in p for p in problems)
    assert in_parts == whole


# A mistake in the YAML itself is told by a read of the whole file: which service a duplicate
# key is in, at most ten hidden characters, the first syntax error alone.
YAML_MISTAKES = {
    "a key set twice": ("  name: ", "  name: Twice\n  name: "),
    "an escaped hidden character": ("  name: ", '  name: "\\u202e"\n  owner: '),
    "an alias": ("  name: ", "  name: &a [x]\n  owner: *a\n  alert: "),
    "a syntax error": ("  name: ", "  name: 'unclosed\n  owner: "),
    "a tab": ("  name: ", "\tname: "),
    "nothing visible": ("  name: ", "  name: '   '\n  owner: "),
}


@pytest.mark.parametrize("mistake", YAML_MISTAKES.values(), ids=YAML_MISTAKES.keys())
def test_a_mistake_in_the_yaml_is_left_to_the_whole_read(mistake, synthetic_settings):
    text = SYNTHETIC.read_text(encoding="utf-8")
    entries = _entries(text)
    entries[40] = entries[40].replace(*mistake, 1)
    text = text[:text.index("- id:")] + "".join(entries)
    in_parts, whole = both(text, synthetic_settings, 2)
    assert whole[1]
    assert in_parts is None


def test_any_file_read_in_parts_is_read_as_whole_or_not_at_all(synthetic_settings):
    """Lines deleted, repeated, indented or broken at random: reading in parts gives what
    the whole read gives, or leaves the file to it."""
    rng = random.Random(13)
    lines = SYNTHETIC.read_text(encoding="utf-8").splitlines(keepends=True)
    pieces = ["- ", "  ", "    ", "id: x\n", "#", "'", '"', "[", "{", "&a ", "*a", ": ", "\n",
              "- id: same\n  name: N\n  summary: S\n  areas: [camden]\n  website: https://a.b.c\n"]
    split = 0
    for _ in range(200):
        changed = list(lines)
        for _ in range(rng.randint(1, 3)):
            n = rng.randrange(len(changed))
            how = rng.randrange(4)
            if how == 0:
                del changed[n]
            elif how == 1:
                changed.insert(n, changed[rng.randrange(len(changed))])
            elif how == 2:
                changed[n] = rng.choice(pieces) + changed[n]
            else:
                changed.insert(n, rng.choice(pieces) + "\n")
        in_parts, whole = both("".join(changed), synthetic_settings, rng.choice([2, 3, 4]))
        if in_parts is not None:
            split += 1
            assert in_parts == whole
    assert split > 40  # many were read in parts: the comparison is not empty


def test_reading_in_parts_forks_a_child_for_each_part_and_gives_the_same(tmp_path):
    project = make_project(tmp_path / "p")
    (tmp_path / "p" / FILE).write_text(_mistaken(SYNTHETIC.read_text(encoding="utf-8")))
    # In a fresh interpreter: the test session may be running servers in threads.
    code = f"""
import datetime as dt, os
from pathlib import Path
from signpost import forks
from signpost.servicesfile import load_services, load_services_in_parts
from signpost.settings import Settings, load_settings
settings, _ = load_settings(Settings.for_root(Path({str(ROOT)!r}),
                                              services_file=Path({str(project.services_file)!r})))
today = dt.date.fromisoformat({TODAY.isoformat()!r})
pids = []
def each_apart(load, calls):
    pids.extend(forks.each_apart(os.getpid, [()] * len(calls)))
    return forks.each_apart(load, calls)
in_parts = load_services_in_parts(settings, "services.yaml", today, 3, each_apart)
print(in_parts == load_services(settings, "services.yaml", today), len(in_parts[1]),
      len(set(pids)), os.getpid() in pids)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    same, problems, children, parent = result.stdout.split()
    assert (same, children, parent) == ("True", "3", "False") and int(problems) > 5
