"""The page budget, on every page of the real directory: one round trip on a new connection."""
from __future__ import annotations

from conftest import real_service
from weight import BUDGET, over_budget, page_weight


def test_every_page_fits_in_one_round_trip(site):
    assert over_budget(site.site_dir) == {}


def test_the_weight_counts_scripts_and_their_imports(site):
    weights = page_weight(site.site_dir, site.site_dir / "index.html")
    # unpack.js only through place-finder.js's import.
    assert {"/assets/css/site.css", "/assets/js/exit.js", "/assets/js/place-finder.js",
            "/assets/js/unpack.js", "/assets/blank-icon.png"} <= set(weights)


def test_the_search_page_loads_its_search_only_when_used(site):
    weights = page_weight(site.site_dir, site.site_dir / "search" / "index.html")
    assert "/assets/js/search-start.js" in weights  # it loads the search, so it counts
    # The search (a dynamic import) and Pagefind's files load only once the page is used.
    assert not [url for url in weights if "pagefind" in url or url.endswith(
        ("/search.js", "/search-words.js"))]


def test_a_heavy_page_breaks_the_budget(site, tmp_path):
    import shutil
    copy = tmp_path / "site"
    shutil.copytree(site.site_dir, copy, ignore=shutil.ignore_patterns("pagefind"))
    name = f"services/{real_service().id}/index.html"
    heavy = copy / name
    noise = "".join(f"<p>{n * 7919 % 104729:x} {n * 104723 % 7907:x}</p>" for n in range(4000))
    heavy.write_text(heavy.read_text().replace("</main>", noise + "</main>"))
    assert list(over_budget(copy)) == [name]
    assert over_budget(copy)[name] > BUDGET


def test_the_place_finder_loads_its_answers_only_when_used(site):
    weights = page_weight(site.site_dir, site.site_dir / "index.html")
    assert "/assets/js/place-finder.js" in weights  # it shows the field, so it counts
    assert not [url for url in weights if "place-lookup" in url or url.endswith(".json")]
