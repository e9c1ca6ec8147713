"""The place finder ("Which borough am I in?") in a real browser, on the built real
directory: answers, kind answers when it cannot help, and that nothing typed leaves the page."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import Outage
from test_browser_accessibility import axe

ANSWER = ".app-finder__answer"
LOOKUP = "/assets/places.json"


def ask(page, words: str, enter: bool = True):
    """Type into the finder like a person (key by key), optionally press Enter, and return
    the answer once it has come."""
    field = page.locator("#finder-query")
    field.fill("")
    field.press_sequentially(words)
    if enter:
        field.press("Enter")
    answer = page.locator(ANSWER)
    expect(answer.locator("p").first).to_be_visible()
    return answer


def borough_links(answer) -> list[str]:
    return [a.get_attribute("href") for a in answer.locator("a[href^='/areas/']").all()]


DONE_WHEN = [
    ("SE6 4RU", ["/areas/lewisham/"], "SE6 4RU is in Lewisham."),
    ("se64ru", ["/areas/lewisham/"], "SE6 4RU is in Lewisham."),
    ("SE6", ["/areas/lewisham/"], "SE6 is in Lewisham."),
    ("Catford", ["/areas/lewisham/"], "Catford is in Lewisham."),
    ("streatham", ["/areas/lambeth/"], "Streatham is in Lambeth."),
    ("Streatam", ["/areas/lambeth/"], "Streatham is in Lambeth."),  # a typing mistake
    ("Becontree", ["/areas/barking-and-dagenham/"], "Becontree is in Barking and Dagenham."),
    ("RM10", ["/areas/barking-and-dagenham/"], "RM10 is in Barking and Dagenham."),
    ("SE1", ["/areas/southwark/", "/areas/lambeth/"], "SE1 is mostly in Southwark, partly in Lambeth."),
    ("Kilburn", ["/areas/brent/", "/areas/camden/", "/areas/westminster/"],
     "Kilburn is in more than one borough: Brent, Camden and Westminster."),
]


@pytest.mark.parametrize("words, links, said", DONE_WHEN, ids=[w for w, _, _ in DONE_WHEN])
def test_the_right_borough_links(page, site, words, links, said):
    page.goto(site.url + "/")
    answer = ask(page, words)
    assert answer.locator("p").first.text_content() == said
    assert borough_links(answer) == links
    answer.locator(f"a[href='{links[0]}']").click()
    page.wait_for_url(site.url + links[0])


def test_it_answers_as_a_person_types_on_the_boroughs_page(page, site):
    page.goto(site.url + "/areas/")
    answer = ask(page, "SE6 4RU", enter=False)
    expect(answer.locator("p").first).to_have_text("SE6 4RU is in Lewisham.")
    page.locator("#finder-query").fill("")
    expect(answer).to_be_empty()


def test_a_finder_whose_code_did_not_load_loads_it_on_the_next_key(page, site):
    # A phone out of signal for a moment. Chromium keeps a failed module's failure for its
    # address: the finder asked the same address again and said "did not load" for ever.
    page.route("**/place-lookup.js", lambda route: route.abort())
    page.goto(site.url + "/")
    with page.expect_event("requestfailed"):
        page.locator("#finder-query").press_sequentially("S")
    expect(page.locator(ANSWER)).to_have_text(re.compile("did not load"))
    page.unroute("**/place-lookup.js")
    answer = ask(page, "SE6")
    expect(answer.locator("p").first).to_have_text("SE6 is in Lewisham.")


def test_a_key_pressed_while_the_finder_code_fails_to_load_loads_it_again(page, site):
    # Pressed in the moment before the failure was known, it was lost to "did not load".
    outage = Outage(page, "**/place-lookup.js*", hold=True)
    page.goto(site.url + "/")
    page.locator("#finder-query").press_sequentially("SE")
    outage.wait_for_held(page)
    page.locator("#finder-query").press_sequentially("6")
    outage.end()
    expect(page.locator(ANSWER).locator("p").first).to_have_text("SE6 is in Lewisham.")


def test_a_postcode_outside_london_is_told_so_kindly(page, site):
    page.goto(site.url + "/")
    answer = ask(page, "M1 1AE")
    assert answer.locator("p").first.text_content().startswith("M1 1AE is not in London.")
    assert borough_links(answer) == ["/areas/national/"]
    helpline = answer.locator("a[href^='tel:']")
    assert helpline.text_content() == "Call 0808 2000 247"
    expect(answer).to_contain_text("National Domestic Abuse Helpline")
    expect(answer).to_contain_text("24 hours")


def test_something_it_cannot_place_offers_every_borough_and_the_helpline(page, site):
    page.goto(site.url + "/")
    answer = ask(page, "Flibbertigibbet")
    assert answer.locator("p").first.text_content().startswith("Sorry, we cannot tell")
    assert borough_links(answer) == ["/areas/"]
    assert answer.locator("a[href^='tel:']").text_content() == "Call 0808 2000 247"
    answer.locator("a[href='/areas/']").click()
    page.wait_for_url(site.url + "/areas/")


def test_nothing_typed_leaves_the_page(page, site):
    requests, problems = [], []
    page.on("request", lambda r: requests.append(r))
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(site.url + "/")
    start = (page.url, page.evaluate("history.length"), page.title())
    field = page.locator("#finder-query")
    assert field.get_attribute("autocomplete") == "off"
    assert page.get_by_label(re.compile("postcode")).count() == 1
    page.wait_for_timeout(300)
    # The lookup file and the code that answers load only when someone types.
    assert not [r for r in requests if LOOKUP in r.url or "place-lookup" in r.url]
    typed = ["SE6 4RU", "Catford", "Kilburn", "M1 1AE", "Flibbertigibbet"]
    for words in typed:
        ask(page, words)
    page.keyboard.press("Enter")
    page.wait_for_timeout(1500)  # past the longest wait before an answer
    assert (page.url, page.evaluate("history.length"), page.title()) == start
    fetched = [r for r in requests if LOOKUP in r.url]
    assert [(r.url, r.method, r.post_data) for r in fetched] == [(site.url + LOOKUP, "GET", None)]
    assert [r.url for r in requests if not r.url.startswith(site.url + "/")] == []
    for request in requests:
        sent = (request.url + " " + " ".join(request.all_headers().values())).lower()
        for words in typed:
            assert words.lower() not in sent and words.replace(" ", "").lower() not in sent
    assert page.evaluate("""async () => document.cookie + localStorage.length + sessionStorage.length
        + (await indexedDB.databases()).length + (await caches.keys()).length""") == "0000"
    assert problems == []  # no script errors, no Content-Security-Policy refusals


def test_the_answer_is_announced(page, site):
    page.goto(site.url + "/")
    answer = page.locator(ANSWER)
    assert (answer.get_attribute("role"), answer.get_attribute("aria-live")) == ("status", "polite")
    expect(page.get_by_role("status").filter(has_text="Lewisham")).to_have_count(0)
    ask(page, "SE6")
    expect(page.get_by_role("status").filter(has_text="SE6 is in Lewisham.")).to_have_count(1)


def test_without_javascript_there_is_no_field_and_the_list_works(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for url in ("/", "/areas/"):
        page.goto(site.url + url)
        assert page.locator('script[data-module="app-place-finder"]').count() == 1
        assert page.locator("#finder-query").count() == 0
        assert page.locator("main a[href='/areas/lambeth/']").is_visible()
    context.close()


@pytest.mark.parametrize("url", ["/", "/areas/"])
def test_no_accessibility_violations_with_answers_shown(page, site, url):
    page.goto(site.url + url)
    for words in ("Kilburn", "M1 1AE", "Flibbertigibbet"):
        ask(page, words)
        assert axe(page) == [], words


def test_no_sideways_scrolling_at_320px_with_an_answer(page, site):
    page.goto(site.url + "/")
    ask(page, "Flibbertigibbet")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


# The matching rules, as pure functions, with the real lookup file ---------------------------

@pytest.fixture(scope="module")
def lookup(browser, site):
    """Run a function's body on words in the browser, with place-lookup.js (m) and the
    real lookup file's index."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.url + "/")
    yield lambda body, words: page.evaluate(f"""async (words) => {{
        const m = await import('/assets/js/place-lookup.js');
        const index = m.makeIndex(await (await fetch('/assets/places.json')).json());
        {body}
    }}""", words)
    context.close()


@pytest.fixture(scope="module")
def finder(lookup):
    return lambda words: lookup("""const found = m.lookUp(index, words);
        const name = (id) => id < 0 ? 'outside London' : index.data.boroughs[id][1];
        if (found.kind === 'places') return found.found.map((p) => [p.name, p.ids.map(name)]);
        if (found.kind === 'shares') return [found.label, found.parts.map(([id]) => name(id))];
        return found.kind;""", words)


@pytest.mark.parametrize("words, found", [
    ("  sE6   4rU ", ["SE6 4RU", ["Lewisham"]]),
    ("SE6 4R", ["SE6 4R", ["Lewisham"]]),  # still being typed: its sector answers
    ("SE10", ["SE10", ["Greenwich", "Lewisham"]]),  # the district, not the sector SE1 0
    ("st pancras", [["St Pancras", ["Camden"]]]),
    ("Saint Pancras", [["St Pancras", ["Camden"]]]),
    ("the burroughs", [["The Burroughs", ["Barnet"]]]),
    ("Burroughs", [["The Burroughs", ["Barnet"]]]),
    ("STREATHAM!", [["Streatham", ["Lambeth"]]]),
    ("Catfrod", [["Catford", ["Lewisham"]]]),  # two letters swapped
    ("Dagenam", [["Dagenham", ["Barking and Dagenham"]]]),
    ("Bow", [["Bow", ["Tower Hamlets"]]]),
    ("Bpw", "unknown"),  # short names must be exact
    ("M1 1AE", "outside"),
    ("M1", "outside"),
    ("SE99 9ZZ", "unknown"),  # a London postcode area, but no such district
    ("", "unknown"),
])
def test_matching(finder, words, found):
    assert finder(words) == found


def test_a_sector_outside_london_in_a_district_that_crosses_the_boundary(finder, site):
    import json
    data = json.loads((site.site_dir / LOOKUP.lstrip("/")).read_text())
    # A district partly outside London, and one of its sectors with no London postcode.
    district = next(d for d, parts in data["districts"].items()
                    if any(i == -1 for i, _ in parts) and any(i >= 0 for i, _ in parts))
    sector = next(f"{district} {n}" for n in range(10) if f"{district} {n}" not in data["sectors"])
    assert finder(sector + "AA") == "outside"


@pytest.fixture(scope="module")
def named(lookup):
    """The places the search reads in its words (placesNamed): each run of words with the
    place it names, its boroughs and whether it is a borough's own name, or None."""
    return lambda words: lookup("""return m.placesNamed(index, words.split(' ')).map(
        ({ words, place }) => [words.join(' '), place && [place.name,
          place.ids.map((id) => index.data.boroughs[id][1]), place.borough]]);""", words)


@pytest.mark.parametrize("words, runs", [
    ("refuge near Catford", [["refuge near", None], ["Catford", ["Catford", ["Lewisham"], False]]]),
    ("help in barking and dagenham now", [
        ["help in", None],
        ["barking and dagenham", ["Barking and Dagenham", ["Barking and Dagenham"], True]],
        ["now", None]]),
    ("se6 4ru", [["se6 4ru", ["SE6 4RU", ["Lewisham"], False]]]),  # two words, one postcode
    ("SE13 stalking", [["SE13", ["SE13", ["Lewisham", "Greenwich"], False]], ["stalking", None]]),
    ("M1 1AA", [["M1 1AA", ["M1 1AA", [], False]]]),  # outside London: no borough
    ("Forest Hill", [["Forest Hill", ["Forest Hill", ["Lewisham"], False]]]),
    ("West Ham", [["West Ham", ["West Ham", ["Newham"], False]]]),
    # Names that are also everyday words, people's names or towns elsewhere are words here.
    ("forest", [["forest", None]]), ("Angel", [["Angel", None]]),
    ("Victoria", [["Victoria", None]]), ("Preston", [["Preston", None]]),
    ("Catfrod", [["Catfrod", None]]),  # no typing mistakes: "Catfrod" may be anything
    ("on the high street", [["on the high street", None]]),
    # A postcode outside London is whole: "b4" and "l8r" are words (text speak).
    ("b4 he hit me l8r", [["b4 he hit me l8r", None]]),
])
def test_places_named_in_a_search(named, words, runs):
    assert named(words) == runs
