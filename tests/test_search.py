"""Unit tests: the facets that make search filters exact, the hours code, the search index
and the words a mistyped search word can be read as."""
from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path
from string import ascii_lowercase
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from conftest import TODAY
from signpost import pagefind_glob, search
from signpost.content import Page
from signpost.facets import hours_code, who_ranges, who_slots, who_values
from signpost.languages import spoken_names
from signpost.order import browse_key
from signpost.pipeline import build
from signpost.problems import BuildFailed
from signpost.services import Group, Hours, Period, Service
from signpost.settings import Settings, Term, load_settings
from signpost.spelling import MOST, SPELLING_URL, TYPED, everyday_words, spelling_words


def svc(*groups, audiences=("residents",), for_people_who_harm=False):
    return Service(id="s", name="S", summary="S.", areas=("lambeth",), audiences=audiences,
                   eligibility=tuple(groups), for_people_who_harm=for_people_who_harm)


def test_one_slot_per_age_range_with_its_genders():
    athena = svc(Group("women", 13), Group("men", 16), Group("non-binary", 13))
    assert who_values(athena) == ["0 from 13", "0 to 120", "0 women", "0 non-binary",
                                  "1 from 16", "1 to 120", "1 men"]
    assert who_values(svc(Group(None, 5, 17))) == ["0 from 5", "0 to 17", "0 any"]
    assert who_slots([svc(), athena]) == 2 and who_slots([]) == 1


def test_unstated_eligibility_matches_everyone_and_professional_only_nobody():
    assert who_values(svc()) == ["0 from 0", "0 to 120", "0 any"]
    assert who_values(svc(audiences=("professionals",))) == []
    assert who_values(svc(Group("women", 18), for_people_who_harm=True)) == []


def matches(values, age, gender):
    """Pick out a service the way search.js asks Pagefind: some slot that starts at or
    before the age, ends at or after it and is for the gender or any."""
    return any(f"{n} from {low}" in values for n in range(8) for low in range(age + 1)
               if any(f"{n} to {high}" in values for high in range(age, 121))
               and ({f"{n} {gender}", f"{n} any"} & set(values)))


@pytest.mark.parametrize("groups", [
    (Group("women", 13), Group("men", 16)),
    (Group("men", 0, 5), Group("men", 20, 30)),  # a gap: 14 is in neither
    (Group("women", None, 17), Group(None, 60)),
    (Group("women", 16, 25), Group("non-binary", 16, 25), Group("men", 18, 18)),
    (),
])
def test_the_values_answer_exactly_who_is_served(groups):
    values = who_values(svc(*groups))
    for age in range(121):
        for gender in ("women", "men", "non-binary"):
            served = any((g.gender in (None, gender)) and (g.min_age or 0) <= age
                         <= (120 if g.max_age is None else g.max_age)
                         for g in groups or (Group(),))
            assert matches(values, age, gender) == served, (age, gender)


def test_who_ranges():
    assert who_ranges(svc(Group("women", 13), Group(None, None, 17))) == "women:13-120 any:0-17"
    assert who_ranges(svc()) == ""
    assert who_ranges(svc(audiences=("professionals",))) == "-"
    assert who_ranges(svc(Group("men", 18), for_people_who_harm=True)) == "*"


def test_hours_code():
    assert hours_code(None) == ""
    assert hours_code(Hours(always=True)) == "24/7"
    assert hours_code(Hours(periods=(Period(("mon", "tue"), "09:00", "17:00"),
                                     Period(("sat",), "22:00", "02:00")))) == \
        "mon,tue 09:00-17:00;sat 22:00-02:00"


def planned(slug: str, name: str | None = None, embedded: bool = False,
            areas=("lambeth",)) -> SimpleNamespace:
    """An output as shards() reads it: a service page, or a help page when name is None."""
    service = Service(slug, name, "S.", areas)
    context = {"service": service, "embedded": embedded,
               "browse": (browse_key(service), browse_key(service, True))} if name else {}
    return SimpleNamespace(template="service.html" if name else "page.html", context=context,
                           dest_path=f"services/{slug}/index.html" if name else f"{slug}/index.html")


def test_the_index_is_split_in_the_browse_order_above_the_threshold(monkeypatch):
    monkeypatch.setattr(search, "SHARD_SERVICES", 2)
    assert [search.index_shards(n) for n in (0, 1, 2, 3, 4, 5)] == [1, 1, 1, 2, 2, 3]
    outputs = [planned(slug, name) for slug, name in [
        ("d", "Delta"), ("a", "alpha & co"), ("b", "Bravo"), ("c", "charlie")]]
    outputs += [planned("about"), planned("a", "alpha & co", embedded=True),
                planned("e", "Able line", areas=("national",))]
    # Ranges of the order the search page browses in (services in a borough, then national
    # ones; by name, lower case), so that a browse lists shard after shard; help pages in
    # the first; embeds are not indexed.
    assert [[o.dest_path for o in shard] for shard in search.shards(outputs)] == [
        ["services/a/index.html", "about/index.html"],
        ["services/b/index.html", "services/c/index.html"],
        ["services/d/index.html", "services/e/index.html"]]


def test_one_index_below_the_threshold():
    outputs = [planned(f"s{n}", f"s{n}") for n in range(3)]
    assert len(search.shards(outputs)) == 1 and search.index_shards(search.SHARD_SERVICES) == 1


def test_a_sharded_build_writes_each_shard_apart(project, monkeypatch):
    monkeypatch.setattr(search, "SHARD_SERVICES", 1)
    build(project, today=TODAY)
    index = project.out_dir / "pagefind"
    shards = sorted(p.name for p in index.iterdir() if p.is_dir() and p.name.isdigit())
    assert shards == ["1", "2"]  # the fixture's three services: one a shard
    assert (index / "wasm.en-gb.pagefind").exists() and (index / "pagefind.js").exists()
    for shard in shards:  # only their index: the first shard's script and WebAssembly serve all
        files = {p.name for p in (index / shard).iterdir() if p.is_file()}
        assert "pagefind-entry.json" in files and not [f for f in files if "wasm" in f or
                                                        f.endswith(".js")]
    assert 'data-index-shards="3"' in (project.out_dir / "search" / "index.html").read_text()
    assert not list(project.out_dir.glob(".pagefind*"))  # the linked pages are gone


def test_a_small_directory_s_results_details_are_one_file(built):
    """Up to ALL_RESULTS_UP_TO pages, a first search fetches every result's details: they are
    one file, keyed by each page's id in the index, and Pagefind's file per page is gone."""
    index = built / search.INDEX_FOLDER
    details = json.loads((index / search.DETAILS).read_text(encoding="utf-8"))
    indexed = [p for p in built.rglob("index.html") if "data-pagefind-body" in p.read_text()]
    assert sorted(d["url"] for d in details.values()) == sorted(
        "/" + str(p.parent.relative_to(built)) + "/" for p in indexed)
    assert all(key.startswith("en-gb_") for key in details)  # Pagefind's ids
    assert all(d["meta"]["title"] and d["content"] for d in details.values())
    assert not (index / "fragment").exists()
    page = (built / "search" / "index.html").read_text(encoding="utf-8")
    assert f'data-details="{search.DETAILS}"' in page


def test_a_larger_or_sharded_index_keeps_a_file_per_result(project, monkeypatch):
    monkeypatch.setattr(search, "ALL_RESULTS_UP_TO", 2)
    build(project, today=TODAY)
    index = project.out_dir / search.INDEX_FOLDER
    assert list((index / "fragment").iterdir()) and not (index / search.DETAILS).exists()
    assert "data-details" not in (project.out_dir / "search" / "index.html").read_text()
    assert not search.fetches_all(2, 3)  # shards are each fetched as shown


def test_a_failed_shard_publishes_nothing(project, monkeypatch):
    build(project, today=TODAY)
    before = sorted(p.relative_to(project.out_dir) for p in project.out_dir.rglob("*"))
    monkeypatch.setattr(search, "SHARD_SERVICES", 1)
    # Pagefind itself, but for the second shard, which fails.
    failing = ("import json, os, sys; settings = json.load(open('pagefind.json')); "
               "sys.exit('disk full') if settings['output_path'].endswith('/1') else "
               f"os.execv({search.PAGEFIND[0]!r}, {list(search.PAGEFIND)!r})")
    monkeypatch.setattr(search, "PAGEFIND", (sys.executable, "-c", failing))
    with pytest.raises(BuildFailed) as failed:
        build(project, today=TODAY)
    assert failed.value.problems[0].message == "the search index could not be built: disk full"
    assert sorted(p.relative_to(project.out_dir) for p in project.out_dir.rglob("*")) == before
    assert not [p for p in project.out_dir.parent.iterdir() if p.name.startswith(".")]


def test_the_first_shard_is_indexed_before_the_others_are_written(tmp_path, monkeypatch):
    """A build starts the index once the first shard's pages are written; the other shards
    wait until every page is."""
    ran = tmp_path / "ran"
    fake = ("import json, os; settings = json.load(open('pagefind.json')); "
            "out = settings['output_path']; os.makedirs(out, exist_ok=True); "
            # the index it would write: two pages in the first shard, one in the other
            "count = 2 if out.endswith('pagefind') else 1; "
            "json.dump({'languages': {'en': {'page_count': count}}}, "
            "open(os.path.join(out, 'pagefind-entry.json'), 'w')); "
            f"open({str(ran)!r}, 'a').write(settings['glob'] + '\\n')")
    monkeypatch.setattr(search, "PAGEFIND", (sys.executable, "-c", fake))
    (tmp_path / "site").mkdir()
    index = search.SearchIndex(tmp_path / "site")
    index.start([["services/a/index.html", "about/index.html"], ["services/b/index.html"]])
    deadline = time.monotonic() + 10
    while not ran.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # time enough for a second run, were it not waiting
    assert ran.read_text().splitlines() == ["{about/,services/a/}index.html"]
    index.written()
    index.finish()
    assert ran.read_text().splitlines()[1:] == ["services/b/index.html"]
    assert not (tmp_path / "site" / ".pagefind-run").exists()


def test_a_shard_is_pointed_at_exactly_its_pages(tmp_path):
    """Each shard names its pages in one glob, their shared beginnings written once (a plain
    list of 5,000 paths was too long for Pagefind, which then indexed nothing). Pagefind
    itself finds exactly the pages named, among others that share their beginnings."""
    site = tmp_path / "site"
    every = ["services/ab/index.html", "services/abc/index.html", "services/a-b/index.html",
             "services/b/index.html", "services/b2/index.html", "about/index.html",
             "abo/index.html", "x/index.html", "x/y/index.html"]
    for path in every:
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(f"<html lang='en'><body><main data-pagefind-body><h1>{path}"
                                 "</h1><p>Help.</p></main></body></html>", encoding="utf-8")
    for pages in (every, every[:2], every[1:5], ["services/ab/index.html", "x/index.html"],
                  ["x/y/index.html", "abo/index.html"], ["services/b2/index.html"]):
        index = search.SearchIndex(site)
        index.start([pages])
        index.written()
        index.finish()
        assert search._page_count(site / "pagefind") == len(pages), pages


def test_an_index_that_leaves_out_a_page_fails_the_build(project, monkeypatch):
    # A glob that names every page but the last: Pagefind indexes the rest without a word.
    glob_of = pagefind_glob.glob_of
    monkeypatch.setattr(search, "glob_of", lambda pages: glob_of(sorted(pages)[:-1]))
    with pytest.raises(BuildFailed) as failed:
        build(project, today=TODAY)
    message = failed.value.problems[0].message
    held, should = (int(n) for n in re.fullmatch(
        r"the search index could not be built: it holds (\d+) of the (\d+) pages it should",
        message).groups())
    assert held == should - 1
    assert not project.out_dir.exists()  # nothing published


def _expand(glob: str) -> set[str]:
    """Every path a glob of letters, slashes and {a,b} alternatives matches."""
    def alternatives(at: int) -> tuple[list[str], int]:
        done, current = [], [""]
        while at < len(glob):
            char = glob[at]
            if char == "{":
                inner, at = alternatives(at + 1)
                current = [a + b for a in current for b in inner]
                continue
            at += 1
            if char == ",":
                done, current = done + current, [""]
            elif char == "}":
                break
            else:
                current = [a + char for a in current]
        return done + current, at
    return set(alternatives(0)[0])


def test_a_shards_glob_matches_exactly_its_paths_whatever_they_share():
    rng = random.Random(13)
    for _ in range(3000):
        paths = {"".join(rng.choice("ab/x") for _ in range(rng.randint(1, 7)))
                 for _ in range(rng.randint(1, 7))}
        glob = pagefind_glob.glob_of(sorted(paths, key=lambda _: rng.random()))
        assert _expand(glob) == paths, glob
        assert not any(empty in glob for empty in ("{,", ",,", ",}"))  # wax has no empty one


def test_all_pagefind_reads_of_an_indexed_page_is_inside_its_main(built):
    """Pagefind is told to read only <main> (root_selector): the body it indexes, every filter,
    meta and sort must be in it, or the search would silently lose them."""
    from bs4 import BeautifulSoup
    pages = [p for p in built.rglob("index.html") if "data-pagefind-body" in p.read_text()]
    assert len(pages) > 3
    for page in pages:
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        marked = html.find_all(lambda e: any(a.startswith("data-pagefind") for a in e.attrs))
        assert any("data-pagefind-filter" in e.attrs for e in marked), page
        assert all(e.name == "main" or e.find_parent("main") for e in marked), page


def test_the_kinds_of_help_s_words_come_first_then_the_commonest():
    stalking = Term("stalking", "Stalking", "Help with stalking.", keywords=("harassment",))
    settings = Settings(root=Path("."), services_file=Path("s.yaml"), content_dir=Path("c"),
                        out_dir=Path("o"), categories={"stalking": stalking},
                        genders={"women": Term("women", "Women")})
    listings = [Service(id=f"s{n}", name=f"Service {n}", summary=summary, areas=("lambeth",))
                for n, summary in enumerate(["Counselling for survivors.", "Counselling, "
                                             "advocacy.", "Counselling, advocacy.", "Refuge 24/7"])]
    help_page = Page("safety", "Staying safe", "Online.", "residents", "<p>Clearing <b>browser"
                     "</b> history</p>", "safety.md")
    words = spelling_words(listings, [help_page], settings)
    # The plain words of site.yaml first, as written there, each once.
    assert words[:5] == ["stalking", "help", "with", "harassment", "women"]
    # Then by how many texts have them (a text repeated by listings counts once), then A to Z;
    # no word under four letters, nor with digits, nor any markup.
    assert words[5:9] == ["service", "counselling", "advocacy", "browser"]
    assert {"for", "24/7", "p", "b"}.isdisjoint(words)
    assert {"survivors", "refuge", "clearing", "history", "online", "staying", "safe"} < set(words)


def test_the_words_are_capped_with_the_rarest_left_out():
    settings = Settings(root=Path("."), services_file=Path("s.yaml"), content_dir=Path("c"),
                        out_dir=Path("o"))
    letters = [a + b + c for a in "abcde" for b in ascii_lowercase for c in ascii_lowercase]
    rare = [Service(id=f"s{n}", name=f"Word{letters[n]} common", summary="S.",
                    areas=("lambeth",)) for n in range(MOST + 10)]
    words = spelling_words(rare, [], settings)
    assert len(words) == MOST and words[0] == "common"


def test_everyday_words_one_slip_from_a_site_s_word_are_left_as_typed():
    violence = Term("violence", "Violence", "Help after violence.", keywords=("strangle",
                                                                               "raped"))
    settings = Settings(root=Path("."), services_file=Path("s.yaml"), content_dir=Path("c"),
                        out_dir=Path("o"), categories={"violence": violence})
    site = ["violence", "help", "after", "strangle", "raped", "window", "hard", "shouting",
            "trial", "behaviour", "abuse", "police"]
    # A letter left out ("widow"), one added ("heard"), one changed for a letter typed for it
    # ("shooting") or two swapped ("trail"): each everyday English.
    near = everyday_words(site, settings)
    assert {"widow", "heard", "shooting", "trail"} <= set(near)
    # Not one a slip from a kind of help's word, a harm people name: "rapid" is more likely
    # "raped" mistyped, "strange" "strangle". Nor a mistyping no one writes as a word
    # ("violance"), nor an American spelling of a site's word, which is read as the site's
    # ("behavior"); nor one two edits away ("violin"), nor one a site's word begins ("abused",
    # "windows": a word being typed), nor one with another first letter ("cause" for
    # "abuse"), nor one whose changed letter is not typed for the site's ("polite": t and c
    # are far apart).
    assert not {"rapid", "strange", "violance", "behavior", "violin", "abused", "windows",
                "cause", "polite"} & set(near)
    assert not set(site) & set(near) and near == sorted(near)


def test_letters_typed_for_one_another_are_beside_each_other_or_alike_in_sound():
    pairs = {frozenset(pair) for pair in TYPED}
    assert {frozenset("qw"), frozenset("as"), frozenset("er"), frozenset("nm"),
            frozenset("ty"), frozenset("cv")} <= pairs  # side by side in a row
    assert {frozenset("qa"), frozenset("ws"), frozenset("ed"), frozenset("zs"),
            frozenset("xd"), frozenset("mj")} <= pairs  # a row above or below
    assert {frozenset("ck"), frozenset("ou"), frozenset("ae"), frozenset("gj")} <= pairs
    assert not {frozenset("qp"), frozenset("al"), frozenset("tc"), frozenset("an")} & pairs


def test_the_search_page_loads_the_site_s_words(built, project):
    words = json.loads((built / SPELLING_URL.lstrip("/")).read_text(encoding="utf-8"))
    assert words["spelling"] and all(re.fullmatch(r"[a-z]{4,}", w) for w in words["spelling"])
    assert words["typed"] == sorted(TYPED)
    assert words["everyday"] == everyday_words(words["spelling"], load_settings(project)[0])
    assert words["everyday"]
    assert words["report"] == []  # the minimal project has no way to go to the police
    # The languages a search may ask for help in, whatever the project (languages.py).
    assert words["languages"] == spoken_names()
    # The code that reads a search's words fetches it from there.
    assert f'"{SPELLING_URL}"' in (built / "assets" / "js" / "search-words.js").read_text()


def test_the_search_page_shows_a_text_mode_browser_no_heading_over_nothing(built):
    # A text-mode browser runs no script and shows what is `hidden`: it showed "Services",
    # "Help pages" (and would "Read about this") over empty lists. search.js makes them.
    page = BeautifulSoup((built / "search" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    results = page.select_one(".app-search__results")
    assert results.select(".app-search__services, .app-search__pages, .app-search__answer")
    assert results.find_all(["h2", "h3"]) == []
