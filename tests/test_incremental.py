"""The dev server's rebuild after an edit: what it leaves in the output folder is byte for
byte what a cold build of the same inputs writes, over a series of edits; an edit with
problems reports exactly what `check` reports and leaves the site as it was."""
from __future__ import annotations

import filecmp
import json
import os
import random
from pathlib import Path

import pytest

from signpost.background_index import BackgroundIndex
from signpost.entries import split_again, split_entries, split_text
from signpost.incremental import Incremental
from signpost.pipeline import build, check
from signpost.problems import BuildFailed
from signpost.search import DETAILS, INDEX_FOLDER
from conftest import TODAY, make_project

# Fictional listings (Ofcom's drama range), enough for a second page of Lambeth's list.
EXTRA = "".join(f"""
  - id: extra-{n:02d}
    name: Extra Service {n:02d}
    summary: A fictional service for the tests of rebuilding.
    categories: [domestic-abuse]
    areas: [lambeth]
    phones:
      - number: 020 7946 0{n + 100:03d}
    last_reviewed: 2026-0{1 + n % 9}-10
""" for n in range(24))


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != INDEX_FOLDER}


def _folders(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")
            if p.is_dir() and p.relative_to(folder).parts[0] != INDEX_FOLDER}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _services(project):
    return project.root / "services.yaml"


EDITS = [
    ("a listing's phone and name", lambda p: (
        _edit(_services(p), "number: 020 7946 0002", "number: 020 7946 0099"),
        _edit(_services(p), "name: Extra Service 03", "name: Renamed Service"))),
    ("a listing added at the top (every line below moves)", lambda p: _edit(
        _services(p), "services:\n", "services:\n  - id: added-first\n    name: Added First\n"
        "    summary: A fictional service added by the test.\n    areas: [lambeth]\n"
        "    website: https://added.example.org/\n")),
    ("a listing deleted", lambda p: _edit(
        _services(p), "  - id: extra-05\n    name: Extra Service 05\n", "  - id: gone\n")),
    ("... and put back", lambda p: _edit(
        _services(p), "  - id: gone\n", "  - id: extra-05\n    name: Extra Service 05\n")),
    ("an id renamed", lambda p: _edit(_services(p), "id: extra-07", "id: extra-seven")),
    ("a comment between listings", lambda p: _edit(
        _services(p), "  - id: extra-08", "  # checked by phone\n  - id: extra-08")),
    ("a content page", lambda p: _edit(
        p.content_dir / "about.md", "\n\n", "\n\nA new first paragraph for the test.\n\n")),
    ("a template", lambda p: _edit(
        p.root / "templates" / "service.html", "{% block main %}",
        "{% block main %}<p class=\"app-hint\">Edited template</p>")),
    ("the wording", lambda p: _edit(
        p.root / "locales" / "en-GB.yaml", "services_count_one: 1 service",
        "services_count_one: one service")),
    ("a setting", lambda p: _edit(p.settings_file, "page_size: 20", "page_size: 7")),
    ("an asset", lambda p: (p.root / "assets" / "css" / "site.css").write_text(
        (p.root / "assets" / "css" / "site.css").read_text() + "\n/* edited */\n")),
    ("a problem", lambda p: (
        _edit(_services(p), "number: 020 7946 0101", "number: 0123"),
        _edit(_services(p), "areas: [lewisham]", "areas: [lewishm]"))),
    ("its fix", lambda p: (
        _edit(_services(p), "number: 0123", "number: 020 7946 0101"),
        _edit(_services(p), "areas: [lewishm]", "areas: [lewisham]"))),
    ("a duplicate id", lambda p: _edit(_services(p), "id: extra-10", "id: extra-11")),
    ("not YAML", lambda p: _edit(_services(p), "id: extra-11\n    name: Extra Service 10",
                                  "id: extra-11\n    name: [Extra Service 10")),
    ("both fixed", lambda p: _edit(_services(p), "id: extra-11\n    name: [Extra Service 10",
                                    "id: extra-10\n    name: Extra Service 10")),
]


def test_each_rebuild_writes_what_a_cold_build_writes(tmp_path):
    project = make_project(tmp_path / "p", copy=("templates", "locales", "assets"))
    _edit(_services(project), "\n  - id: lewisham-risk-meeting", EXTRA + "\n  - id: lewisham-risk-meeting")
    cold = project.__class__.for_root(project.root, out_dir=tmp_path / "cold")
    site = Incremental(project)
    site.build(TODAY)
    before = _files(project.out_dir)
    for name, edit in EDITS:
        edit(project)
        try:
            update = site.build(TODAY)
        except BuildFailed as failed:
            with pytest.raises(BuildFailed) as cold_failed:
                check(cold, TODAY)
            assert failed.problems == cold_failed.value.problems, name
            assert _files(project.out_dir) == before, f"{name}: a failed rebuild wrote"
            continue
        build(cold, today=TODAY)
        after = _files(project.out_dir)
        assert after == _files(cold.out_dir), name
        assert _folders(project.out_dir) == _folders(cold.out_dir), name
        # Only the files whose bytes changed were written, and every one of them was.
        changed = {path for path in after if before.get(path) != after[path]}
        assert set(update.written) == changed, name
        assert set(update.deleted) == set(before) - set(after), name
        before = after
    assert (project.out_dir / "services" / "extra-seven" / "index.html").is_file()
    assert not (project.out_dir / "services" / "extra-07").exists()


def test_an_edit_to_one_listing_rewrites_only_what_shows_it(tmp_path):
    project = make_project(tmp_path / "p")
    _edit(_services(project), "\n  - id: lewisham-risk-meeting", EXTRA + "\n  - id: lewisham-risk-meeting")
    site = Incremental(project)
    site.build(TODAY)
    _edit(_services(project), "number: 020 7946 0112", "number: 020 7946 0199")
    update = site.build(TODAY)
    assert "services/extra-12/index.html" in update.written
    assert "services/extra-11/index.html" not in update.written
    assert "about/index.html" not in update.written
    assert update.deleted == []
    # Its page, its embed, fragments, listing pages showing its card, and its feed record.
    assert all("extra-12" in path or path.startswith(("areas/", "categories/", "embed/",
                                                          "fragments/", "openreferral/",
                                                          "professionals/", "for/"))
               for path in update.written), update.written
    assert update.indexed_changed


def test_a_rebuild_never_writes_outside_the_site(tmp_path):
    project = make_project(tmp_path / "p")
    site = Incremental(project)
    site.build(TODAY)
    outside = {str(p) for p in tmp_path.rglob("*")
               if project.out_dir not in p.parents and p != project.out_dir}
    _edit(_services(project), "name: Test Helpline", "name: Test Helpline Renamed")
    site.build(TODAY)
    # Nothing new beside the site: files are written inside it and renamed into place.
    assert {str(p) for p in tmp_path.rglob("*")
            if project.out_dir not in p.parents and p != project.out_dir} == outside
    assert not [p for p in project.out_dir.rglob(".*.new")]


@pytest.mark.parametrize("text, expected", [
    ("services:\n  - id: a\n    name: b\n\n  # note\n  - id: c\n",
     [(2, "  - id: a\n    name: b\n\n  # note\n"), (6, "  - id: c\n")]),
    ("# head\n\nservices:\n- id: a\n  text: |\n    - not an item\n- id: b",
     [(4, "- id: a\n  text: |\n    - not an item\n"), (7, "- id: b\n")]),
    ("services:\n  - id: a\nother: 1\n", None),  # another top-level key
    ("services:\n  - id: a\n  name: b\n", None),  # not inside the item
    ("services:\n- id: a\n---\n", None),  # a second document
    ("services: []\n", None),
    ("services:\n  - id: a\n    x: |\n      \tfoo\n", None),  # a tab: the full read says
    ("services:\r  - id: a\r", None),
    ("# \u202e\nservices:\n  - id: a\n", None),  # hidden in the head: the full read says so
])
def test_entries_are_split_only_where_the_file_is_a_plain_list(text, expected):
    assert split_entries(text) == expected


# Lines an edit puts in (at both indentations), some of them shapes that are not split.
PIECES = ["  - id: added\n    name: Added\n", "- id: top\n  name: Top\n", "  # a comment\n", "\n",
          "    name: Another name\n", "  name: Another name\n", "other: 1\n", "  -\n", "---\n",
          "\t- id: tab\n", "  - id: cr\r\n", "# \u202e\n"]


@pytest.mark.parametrize("indent", [2, 0])
def test_splitting_again_after_edits_finds_what_splitting_afresh_finds(indent):
    """After each of a series of random edits (lines put in, deleted, changed, the end cut
    off), splitting from the last split agrees with splitting the whole text."""
    pad = " " * indent
    text = "# listings\nservices:\n" + "".join(
        f"{pad}- id: s{n}\n{pad}  name: Service {n}\n{pad}  phones:\n{pad}    - number: {n}\n\n"
        for n in range(12))
    rng = random.Random(13)
    compared = split = 0
    for _ in range(300):
        before = split_text(text)
        edited = text
        for _ in range(5):
            lines = edited.splitlines(keepends=True)
            at, roll = rng.randrange(len(lines) + 1), rng.random()
            if roll < 0.4:
                lines[at:at] = [rng.choice(PIECES)]
            elif roll < 0.7:
                del lines[at:at + rng.randrange(1, 8)]
            elif roll < 0.9 and at < len(lines):
                lines[at] = lines[at].replace("e", "a", 1)
            else:
                lines = lines[:max(at, 1)]
            edited = "".join(lines) if rng.random() > 0.05 else "".join(lines).rstrip("\n")
            afresh, again = split_text(edited), split_again(before, edited)
            assert (again and (again.indent, again.entries)) == \
                (afresh and (afresh.indent, afresh.entries)), edited
            compared += 1
            split += afresh is not None
            before = again
    assert split > compared / 3  # most edits leave a list that is split


def test_the_search_index_is_rebuilt_into_a_fresh_folder_and_swapped_in(tmp_path):
    project = make_project(tmp_path / "p")
    site = Incremental(project)
    update = site.build(TODAY)
    fresh = []
    index = BackgroundIndex(project.out_dir, on_fresh=lambda: fresh.append(True))
    index.start(update.outputs)
    index.wait(120)
    assert fresh == [True] and not index.stale and index.error == ""
    _edit(_services(project), "name: Test Helpline", "name: Test Helpline Renamed")
    update = site.build(TODAY)
    assert update.indexed_changed
    index.start(update.outputs)
    assert index.stale  # the old index is served until the new one is ready
    assert (project.out_dir / INDEX_FOLDER / "pagefind.js").is_file()
    index.wait(120)
    assert fresh == [True, True] and not index.stale
    cold = project.__class__.for_root(project.root, out_dir=tmp_path / "cold")
    build(cold, today=TODAY)
    ours, theirs = project.out_dir / INDEX_FOLDER, cold.out_dir / INDEX_FOLDER
    # Pagefind's filter files and its metadata's name differ between two cold builds of the
    # same site; its word index and the pages' details (one file in so small a site) do not,
    # and must match.
    compared = filecmp.dircmp(ours / "index", theirs / "index")
    assert compared.left_only == compared.right_only == compared.diff_files == []
    assert (ours / DETAILS).read_bytes() == (theirs / DETAILS).read_bytes()
    entry = [json.loads((folder / "pagefind-entry.json").read_text())["languages"]
             for folder in (ours, theirs)]
    assert entry[0]["en-gb"]["page_count"] == entry[1]["en-gb"]["page_count"]
    # No snapshot is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site", "cold", "p"]


def test_outside_git_the_feed_dates_every_record_by_the_files_time(tmp_path):
    """The feed's last_modified is the listings file's modification time when it is not in
    git: an edit changes every record, as in a cold build."""
    project = make_project(tmp_path / "p")
    site = Incremental(project)
    site.build(TODAY)
    os.utime(_services(project), (1_700_000_000, 1_700_000_000))
    _edit(_services(project), "name: Test Helpline", "name: Test Helpline Renamed")
    os.utime(_services(project), (1_800_000_000, 1_800_000_000))
    update = site.build(TODAY)
    feed = {p for p in update.written if p.startswith("openreferral/services/")}
    assert len(feed) == 3
    record = json.loads((project.out_dir / sorted(feed)[0]).read_bytes())
    assert record["last_modified"] == "2027-01-15T08:00:00Z"
    cold = project.__class__.for_root(project.root, out_dir=tmp_path / "cold")
    build(cold, today=TODAY)
    assert _files(project.out_dir) == _files(cold.out_dir)


def test_an_index_whose_page_is_gone_says_so_and_leaves_nothing(tmp_path):
    """The background index copies (links) only the pages it reads; one deleted by hand
    after it was written is said, and no copy is left beside the site."""
    project = make_project(tmp_path / "p")
    update = Incremental(project).build(TODAY)
    (project.out_dir / "services" / "test-helpline" / "index.html").unlink()
    index = BackgroundIndex(project.out_dir)
    index.start(update.outputs)
    index.wait(120)
    assert "test-helpline" in index.error and not index.stale
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site", "p"]
