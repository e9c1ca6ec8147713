"""Search, filters and "open now" in a real browser, on the built real directory. What each
search should find is worked out from the listings (conftest.admits states the rule), so a
correct edit to services.yaml keeps these tests passing."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import (Outage, admits, pages_of, real_directory, real_service, show_choices,
                      young_lines)
from signpost.order import YOUNG_UP_TO, browse_keys, group_of
from signpost.search import DETAILS, INDEX_FOLDER

WEEKDAYS = "mon,tue,wed,thu,fri 09:00-17:00"


def search(page, site, **choices):
    """Open the search page, make the choices, and return the service names found."""
    page.goto(site.url + "/search/")
    show_choices(page)
    for field, value in choices.items():
        selector = f"#search-{field}"
        if field in ("query", "age"):
            page.fill(selector, value)
        else:
            page.select_option(selector, value)
    # (wait_for_function would evaluate a string, which the site's CSP rightly forbids)
    expect(page.locator(".app-search__status")).to_have_text(re.compile(r"found\.$|Nothing found\."))
    while page.locator(".app-search__more").is_visible():
        shown = page.locator(".app-search__services > li").count()
        page.click(".app-search__more")
        expect(page.locator(".app-search__services > li")).not_to_have_count(shown)
    return page.locator(".app-search__services h3").all_text_contents()


def names(keep) -> set[str]:
    """The names of the real directory's listings that a search should find."""
    return {s.name for s in real_directory()[1] if keep(s)}


def in_borough(service, slug: str) -> bool:
    return slug in service.areas or "national" in service.areas


@pytest.mark.parametrize("service", [real_service(), real_service(local=False)],
                         ids=["local", "national"])
def test_searching_by_name(page, site, service):
    found = search(page, site, query=service.name)
    assert service.name in found
    card = page.locator(".app-search__services li").filter(has_text=service.name).first
    assert card.locator("a.app-phone").get_attribute("href").startswith("tel:")


def test_services_rank_above_help_pages(page, site):
    search(page, site, query="abuse")  # in the listings and the help pages of any such directory
    services = page.locator(".app-search__services-heading")
    help_pages = page.locator(".app-search__pages-heading")
    assert services.is_visible() and help_pages.is_visible()
    assert services.bounding_box()["y"] < help_pages.bounding_box()["y"]


def test_lambeth_girl_of_15(page, site):
    found = search(page, site, borough="Lambeth", age="15", gender="women")
    assert set(found) == names(lambda s: in_borough(s, "lambeth") and admits(s, 15, "women"))
    assert page.locator(".app-search__status").text_content() == f"{len(found)} services found."


def test_a_boy_of_14_is_not_offered_a_service_for_men_from_16(page, site):
    found = search(page, site, age="14", gender="men")
    assert set(found) == names(lambda s: admits(s, 14, "men"))


def test_children_of_8(page, site):
    found = search(page, site, age="8")
    assert set(found) == names(lambda s: admits(s, 8))


def test_browsing_a_kind_of_help_shows_counts(page, site):
    settings, _ = real_directory()
    found = search(page, site, kind=settings.categories["helpline"].name)
    helplines = names(lambda s: "helpline" in s.categories)
    assert set(found) == helplines
    lambeth = len(names(lambda s: "helpline" in s.categories and in_borough(s, "lambeth")))
    # The counts come just after the results, once a list of choices has been used.
    expect(page.locator("#search-borough option[value='Lambeth']")).to_have_text(f"Lambeth ({lambeth})")


@pytest.mark.parametrize("words", ["advice", "he hits me", "my boyfriend raped me",
                                   "my partner controls my money"])
def test_a_boroughs_count_is_what_choosing_it_finds(page, site, words):
    # "my boyfriend raped me" offered "Lambeth (1)", the one service there with every word,
    # and choosing Lambeth found 9, with the lines most about a word: a sentence's counts
    # are then left out, as they are when no service has every word. A word's are shown.
    search(page, site, query=words)
    lambeth = page.locator("#search-borough option[value='Lambeth']")
    page.focus("#search-borough")  # going to the choices loads the counts
    if len(words.split()) == 1:
        expect(lambeth).to_have_text(re.compile(r"^Lambeth \(\d+\)$"))
    else:
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
    count = re.fullmatch(r"Lambeth(?: \((\d+)\))?", lambeth.text_content()).group(1)
    if count is not None:
        assert len(search(page, site, query=words, borough="Lambeth")) == int(count)


def test_a_first_search_fetches_only_what_it_needs(page, site):
    fetched = []
    page.on("request", lambda r: "/pagefind/" in r.url and fetched.append(r.url))
    assert search(page, site, query="advice")
    page.wait_for_timeout(500)
    # Pagefind runs without its worker script, and a search by words alone loads only the
    # filters that tell services from pages and which are for one particular situation
    # (three small files), not those for the counts.
    assert not [u for u in fetched if "worker" in u]
    searched = [u for u in fetched if "/filter/" in u]
    assert len(searched) <= 3
    lambeth = page.locator("#search-borough option[value='Lambeth']")
    assert lambeth.text_content() == "Lambeth"
    page.focus("#search-borough")  # going to the choices loads the counts
    expect(lambeth).to_have_text(re.compile(r"^Lambeth \(\d+\)$"))
    assert len([u for u in fetched if "/filter/" in u]) > len(searched)


def test_the_search_loads_when_the_page_is_first_used(page, site):
    # The page's first load carries only a small script: the search's own code (search.js,
    # and open-now.js it imports) loads when someone first goes to a field, and Pagefind's
    # files when they search. What was typed before the code had loaded is searched.
    fetched = []
    page.on("request", lambda r: fetched.append(r.url.split("?")[0].removeprefix(site.url)))
    page.goto(site.url + "/search/")
    page.wait_for_load_state("networkidle")
    assert "/assets/js/search-start.js" in fetched
    assert not [u for u in fetched if u in ("/assets/js/search.js", "/assets/js/open-now.js")
                or u.startswith("/pagefind/")]
    with page.expect_request(site.url + "/assets/js/search.js"):
        page.focus("#search-query")
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if u.startswith("/pagefind/")]
    # Typed at once (the value is there before the code's own listeners are): still searched.
    page.goto(site.url + "/search/")
    page.fill("#search-query", "advice")
    expect(page.locator(".app-search__status")).to_have_text(re.compile(r"\d+ services? .*found\.$"))
    assert page.locator(".app-search__services h3").count()


def test_show_more_clicked_twice_shows_each_card_once(page, site):
    page.goto(site.url + "/search/")
    show_choices(page)
    page.select_option("#search-audience", "residents")
    status = page.locator(".app-search__status")
    expect(status).to_have_text(re.compile(r"found\.$"))
    total = int(status.text_content().split()[0])
    assert total > 10  # more than one batch of ten
    # Two clicks on the button itself, the second before the first's cards are shown (a
    # double click by position could land on a card, now that details come at once).
    page.locator(".app-search__more").evaluate("(button) => { button.click(); button.click(); }")
    cards = page.locator(".app-search__services h3")
    expect(cards).to_have_count(min(total, 20))
    page.wait_for_timeout(300)
    assert len(set(cards.all_text_contents())) == cards.count() == min(total, 20)


def test_searching_leaves_no_trace(page, site):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site.url + "/search/")
    assert not [u for u in requests if "/pagefind/" in u]  # loaded only when used
    start = (page.url, page.evaluate("history.length"), page.title())
    field = page.locator("#search-query")
    assert field.get_attribute("type") == "search" and field.get_attribute("autocomplete") == "off"
    assert page.get_by_label("Service name or word").count() == 1
    search(page, site, query="stalking")  # reloads the page first
    page.keyboard.press("Enter")
    page.select_option("#search-borough", "Lewisham")
    page.wait_for_timeout(500)
    assert (page.url, page.evaluate("history.length"), page.title()) == start
    assert [u for u in requests if not u.startswith(site.url + "/")] == []
    assert any("/pagefind/" in u for u in requests)
    # Pagefind adds a timestamp to one file to bust caches; nothing chosen or typed is sent.
    assert not [u for u in requests if "stalking" in u.lower() or "lewisham" in u.lower()]
    assert page.evaluate("""async () => document.cookie + localStorage.length + sessionStorage.length
        + (await indexedDB.databases()).length + (await caches.keys()).length""") == "0000"


# A place named in the words: the services in the borough it is in and the lines across the
# UK first, as if the borough were chosen, then the rest ("Brixton" found none; a word misread
# as a place only reorders what is found).
PLACES = [  # the words; the same search with the borough chosen; what the status says first
    ("Brixton", "", "Lambeth", "Brixton is in Lambeth: help there and national help come first."),
    ("help in Lewisham", "", "Lewisham", "Help in Lewisham and national help come first."),
    ("se6 4ru", "", "Lewisham", "SE6 4RU is in Lewisham: help there and national help come first."),
    ("domestic abuse Catford", "domestic abuse", "Lewisham",
     "Catford is in Lewisham: help there and national help come first."),
    ("i live in dagenham and he hits me", "he hits me", "Barking and Dagenham",
     "Dagenham is in Barking and Dagenham: help there and national help come first."),
    # "near", left once the place was read, found foster care for a dog alone ("near you").
    ("help near se6", "", "Lewisham", "SE6 is in Lewisham: help there and national help come first."),
]


@pytest.mark.parametrize("words, rest, borough, said", PLACES, ids=[p[0] for p in PLACES])
def test_a_place_in_the_words_comes_first(page, site, words, rest, borough, said):
    settings, services = real_directory()
    helpline = next(s.name for s in services if s.id == settings.home_helpline)
    found = search(page, site, query=words)
    assert page.locator(".app-search__status").text_content().startswith(said + " ")
    assert helpline in found
    there = search(page, site, query=rest, borough=borough)
    # Residents' services first: the professionals' and help for people who harm follow.
    tagged = page.locator(".app-search__services li").filter(has=page.locator(".app-tag"))
    first = len(there) - tagged.count()
    assert found[:first] == there[:first]
    # Nothing hidden: what the rest of the words find anywhere (with none, every service).
    assert set(found) == (set(search(page, site, query=rest)) if rest else names(lambda s: True))


@pytest.mark.parametrize("words, rest, gender, said, age", [
    ("I am a man and my wife hits me", "and my wife hits me", "men", "men and boys", ""),
    ("im a woman", "", "women", "women and girls", ""),
    ("man", "", "men", "men and boys", ""),  # it once found "many" and "managed"
    # It found nothing; then Childline second. "Older" is an adult's word: what is found for
    # the youngest age no service only for the young serves comes first too.
    ("older woman", "", "women", "women and girls", str(YOUNG_UP_TO + 1)),
    ("as a non-binary person I am scared", "person I am scared", "non-binary", "non-binary people",
     ""),
    # A word between, which no page has, is left out: "i'm a muslim woman" found one help
    # page and no service, as no gender was read in it.
    ("I am a Muslim woman", "", "women", "women and girls", "")])
def test_a_gender_in_the_words_comes_first(page, site, words, rest, gender, said, age):
    found = search(page, site, query=words)
    assert page.locator(".app-search__status").text_content().startswith(
        f"Help for {said} comes first. ")
    there = search(page, site, query=rest, gender=gender, **({"age": age} if age else {}))
    tagged = page.locator(".app-search__services li").filter(has=page.locator(".app-tag"))
    first = len(there) - tagged.count()
    assert first and found[:first] == there[:first]
    # Nothing hidden: what the rest of the words find, or with none every service.
    assert set(found) == (set(search(page, site, query=rest)) if rest else
                          names(lambda s: True))
    # Not a gender someone gives of themselves, nor one already chosen, nor one said beside
    # a worry about someone else (the help asked for is theirs).
    for other, chosen in (("my boyfriend hits me", ""), ("my son is a man now", ""),
                          ("a man is following me", ""), ("I am a man", "women"),
                          ("i'm a man and i'm worried about my daughter", ""),
                          ("dad", "")):  # a child's word, alone
        search(page, site, query=other, gender=chosen)
        assert "Help for men" not in page.locator(".app-search__status").text_content(), other


@pytest.mark.parametrize("words, rest, age", [
    ("I'm 15 and my boyfriend hits me", "my boyfriend hits me", 15),
    ("I am a 15 year old being hit at home", "hit at home", 15),
    ("im only 15 and he hits me", "he hits me", 15),
    # Over an age is the year after: "i am over 60" found nothing (no page has "60").
    ("i am over 60 and he hits me", "he hits me", 61),
    # Someone else's age is no word to search by: "18" found only the two services whose
    # text has it, and not Childline.
    ("he is over 18 and im 15", "he and", 15),
    ("im 15 and my boyfriend is 19 years old", "my boyfriend", 15)])
def test_an_age_in_the_words_comes_first(page, site, words, rest, age):
    found = search(page, site, query=words)
    assert page.locator(".app-search__status").text_content().startswith(
        f"Help for someone aged {age} comes first. ")
    there = search(page, site, query=rest, age=str(age))
    tagged = page.locator(".app-search__services li").filter(has=page.locator(".app-tag"))
    first = len(there) - tagged.count()
    assert first and found[:first] == there[:first]
    assert set(found) == set(search(page, site, query=rest))  # nothing hidden
    # Not an age someone gives of themselves.
    for other in ("I am 30 weeks pregnant", "I have a 2 year old and he hits me",
                  "he is over 18", "he has hurt me for over 10 years"):
        search(page, site, query=other)
        assert "aged" not in page.locator(".app-search__status").text_content(), other


@pytest.mark.parametrize("words, rest", [
    ("my teenage son is violent towards me", "my son is violent towards me"),
    ("our kids are scared", "our kids are scared"),
    # Children an adult looks after.
    ("he hits me in front of the kids", "he hits me in front of the kids"),
    # A child who is not one's own: a teacher's pupil, a child one is worried about.
    ("a pupil told me her dad hits her mum", "a pupil told me her dad hits her mum"),
    ("i'm worried about a child in my class", "i'm worried about a child in my class")])
def test_a_parent_s_words_put_help_for_adults_first(page, site, words, rest):
    # A parent is an adult: what is found for the youngest age no service only for the young
    # serves comes first, as if that age were chosen; what the child is ("teenage") is left
    # out of the words, and the page says so. Nothing is hidden.
    found = search(page, site, query=words)
    assert page.locator(".app-search__status").text_content().startswith(
        "Help for adults comes first. ")
    there = search(page, site, query=rest, age=str(YOUNG_UP_TO + 1))
    tagged = page.locator(".app-search__services li").filter(has=page.locator(".app-tag"))
    first = len(there) - tagged.count()
    assert first and found[:first] == there[:first]
    assert set(found) == set(search(page, site, query=rest))


def test_a_place_in_two_boroughs_and_one_outside_london(page, site):
    status = page.locator(".app-search__status")
    found = search(page, site, query="SE1")
    there = names(lambda s: "residents" in s.audiences and not s.for_people_who_harm
                  and (in_borough(s, "lambeth") or in_borough(s, "southwark")))
    assert set(found[:len(there)]) == there
    assert status.text_content().startswith(
        "SE1 is in Southwark and Lambeth: help there and national help come first. ")
    found = search(page, site, query="M1 1AA")
    national = names(lambda s: "residents" in s.audiences and not s.for_people_who_harm
                     and "national" in s.areas)
    assert set(found[:len(national)]) == national
    assert status.text_content().startswith(
        "M1 1AA is not in London: national help comes first. ")
    search(page, site, query="Croydon")  # a borough with no services based there
    assert status.text_content().startswith(
        "We list no local services in Croydon: national help comes first. ")


def test_a_borough_chosen_comes_before_a_place_in_the_words(page, site):
    status = page.locator(".app-search__status")
    # A place in the borough chosen is left out of the words.
    assert search(page, site, query="Brixton", borough="Lambeth") == search(page, site, borough="Lambeth")
    assert status.text_content() == f"{len(names(lambda s: in_borough(s, 'lambeth')))} services found."
    # One elsewhere is searched as a word.
    search(page, site, query="Catford", borough="Lambeth")
    assert "Lewisham" not in status.text_content()
    # And an everyday word that names a place ("Angel", in Islington) is a word.
    search(page, site, query="angel")
    assert "Islington" not in status.text_content()


def test_a_place_is_read_on_the_device(page, site):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    search(page, site, query="refuge near Catford SE6 4RU")
    # The place finder's lookup file, from its one address: nothing typed goes with it.
    assert [u for u in requests if "places" in u] == [site.url + "/assets/places.json"]
    assert not [u for u in requests if re.search(r"refuge|catford|se6|lewisham", u, re.I)]


def test_exit_stays_on_top_while_searching(page, site, destination):
    search(page, site, query="helpline")
    page.focus("#search-query")
    box = page.locator(".app-exit__button").bounding_box()
    assert page.evaluate(f"""document.elementFromPoint({box['x'] + box['width'] / 2},
        {box['y'] + box['height'] / 2}).closest('.app-exit__button') !== null""")
    page.click(".app-exit__button")
    page.wait_for_url(destination.url + "/weather")


@pytest.mark.parametrize("file", [f"{INDEX_FOLDER}/{DETAILS}", f"{INDEX_FOLDER}/pagefind.js"])
def test_a_search_that_cannot_load_says_so_and_the_next_one_tries_again(page, site, file):
    # A phone out of signal for a moment: the search said "Searching…" for ever, and no
    # later search ran. Pagefind's script failing to load is the same.
    failed = []
    page.route(f"**/{file}", lambda route: (failed.append(route.request.url), route.abort()))
    page.goto(site.url + "/search/")
    page.fill("#search-query", "stalking")
    expect(page.locator(".app-search__status")).to_have_text(re.compile(r"did not load"))
    assert failed
    page.unroute(f"**/{file}")
    page.fill("#search-query", "stalking helpline")
    expect(page.locator(".app-search__status")).to_have_text(re.compile(r"found\.$"))
    assert page.locator(".app-search__services h3").count()


def test_the_search_code_that_did_not_load_loads_on_the_next_use(page, site):
    # Chromium keeps a failed module's failure for its address: asked again at the same
    # address, the search never loaded on that page.
    outage = Outage(page, "**/assets/js/search.js*")
    page.goto(site.url + "/search/")
    with page.expect_event("requestfailed"):
        page.fill("#search-query", "stalking")
    outage.end()
    page.fill("#search-query", "stalking helpline")
    expect(page.locator(".app-search__status")).to_have_text(re.compile(r"found\.$"))


def test_what_is_typed_while_the_search_code_fails_to_load_loads_it_again(page, site):
    # Typed in the moment before the failure was known, it was lost: the search never ran.
    outage = Outage(page, "**/assets/js/search.js*", hold=True)
    page.goto(site.url + "/search/")
    page.fill("#search-query", "stalking")
    outage.wait_for_held(page)
    page.fill("#search-query", "stalking helpline")
    outage.end()
    expect(page.locator(".app-search__status")).to_have_text(re.compile(r"found\.$"))


def test_the_code_that_reads_the_words_loads_on_the_next_search_if_it_did_not(page, site):
    # Without it the words are words; the next search reads them ("aged 15").
    page.route("**/search-words.js", lambda route: route.abort())
    search(page, site, query="stalking")
    page.unroute("**/search-words.js")
    page.fill("#search-query", "i am 15 and scared")
    expect(page.locator(".app-search__status")).to_have_text(re.compile(r"aged 15"))


def test_search_without_javascript_offers_browsing(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "/search/")
    assert page.locator(".app-search__no-js").is_visible()
    assert not page.locator("#search-query").is_visible()
    assert page.locator("main a[href='/areas/']").is_visible()
    context.close()


def test_listing_narrows_down_in_place(page, site):
    settings, _ = real_directory()
    for slug in settings.categories:  # a kind of help whose list is one page
        page.goto(site.url + f"/categories/{slug}/")
        if not page.locator(".app-pagination").count() and page.locator("#filter-age").count():
            break
    cards = page.locator(".app-card h3").all_text_contents()
    page.fill("#filter-age", "8")
    visible = page.locator(".app-card:visible h3").all_text_contents()
    assert set(visible) == set(cards) & names(lambda s: admits(s, 8))
    assert page.locator(".app-filter__status").text_content() == \
        f"Showing {len(visible)} of {len(cards)} services on this page."
    page.fill("#filter-age", "")
    assert page.locator(".app-card:visible").count() == len(cards)


def test_a_list_of_a_few_pages_is_narrowed_whole(page, site):
    """Narrowing one page of a borough's list narrows the whole list: its other pages are
    fetched once, whatever is chosen, and their services shown in the list's order."""
    settings, services = real_directory()
    slug = max((a for a in settings.areas if a != "national"),
               key=lambda a: sum(in_borough(s, a) for s in services))
    base = f"/areas/{slug}/"
    by_page, kinds = [], set()
    for _ in pages_of(page, site.url + base):
        by_page.append(page.locator("main .app-card h3").all_text_contents())
        kinds.update(k for c in page.locator("main .app-card").all() for k in
                     c.get_attribute("data-kinds").split())
    assert len(by_page) > 1  # the longest borough list runs to more than one page
    every = [name for cards in by_page for name in cards]
    page.goto(site.url + base + "2/")
    asked = []
    page.on("request", lambda r: asked.append(r.url.removeprefix(site.url)))
    page.fill("#filter-age", "8")
    expected = [name for name in every if name in names(lambda s: admits(s, 8))]
    expect(page.locator(".app-filter__status")).to_have_text(
        f"Showing {len(expected)} of {len(every)} services in this list.")
    assert page.locator("main .app-card:visible h3").all_text_contents() == expected
    expect(page.locator(".app-pagination")).to_be_hidden()  # what its pages hold is shown
    headings = page.locator("main h2:visible").all_text_contents()
    assert len(headings) == len(set(headings))  # each part of the list once
    # Cards from the other pages say what is open now, as this page's do.
    for said in page.locator("main .app-card:visible .app-open-now").all():
        assert said.get_attribute("data-hours") == "" or said.text_content()
    # Every kind of help of the list can be chosen, on any of its pages.
    assert set(page.locator("#filter-kind option").evaluate_all(
        "options => options.map(o => o.value).filter(Boolean)")) == kinds
    page.select_option("#filter-gender", "men")
    expect(page.locator(".app-filter__status")).to_contain_text("in this list")
    # The other pages, each once, as they are: nothing chosen goes into a request.
    pages = [base] + [f"{base}{n}/" for n in range(3, len(by_page) + 1)]
    assert sorted(u for u in asked if not u.startswith("/assets/")) == sorted(pages)
    # With nothing chosen, this page's services again, and the links to the others.
    page.fill("#filter-age", "")
    page.select_option("#filter-gender", "")
    expect(page.locator(".app-pagination")).to_be_visible()
    assert page.locator("main .app-card:visible h3").all_text_contents() == by_page[1]
    assert page.locator(".app-filter__status").text_content() == \
        f"Showing {len(by_page[1])} of {len(by_page[1])} services on this page."


def test_no_horizontal_scrolling_at_320px(page, site):
    search(page, site, query=real_service().name)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


# "Open now": the pure function, with a fixed clock ----------------------------------------

CASES = [
    # (hours code, UTC moment, what a person reads)
    (WEEKDAYS, "2026-11-18T10:00:00Z", "Open now, closes today at 5pm"),
    (WEEKDAYS, "2026-11-18T09:00:00Z", "Open now, closes today at 5pm"),
    (WEEKDAYS, "2026-11-18T17:00:00Z", "Closed now, opens tomorrow at 9am"),
    (WEEKDAYS, "2026-11-20T18:00:00Z", "Closed now, opens Monday at 9am"),
    (WEEKDAYS, "2026-11-22T12:00:00Z", "Closed now, opens tomorrow at 9am"),
    ("24/7", "2026-11-22T03:00:00Z", "Open 24 hours"),
    # British Summer Time: 08:30 UTC is 09:30 in London.
    (WEEKDAYS, "2026-07-15T08:30:00Z", "Open now, closes today at 5pm"),
    (WEEKDAYS, "2026-07-15T16:30:00Z", "Closed now, opens tomorrow at 9am"),
    # Clocks go forward on Sunday 29 March 2026: 08:00 UTC on Monday is 9am in London.
    (WEEKDAYS, "2026-03-29T23:30:00Z", "Closed now, opens today at 9am"),
    (WEEKDAYS, "2026-03-30T08:00:00Z", "Open now, closes today at 5pm"),
    ("sun 01:30-03:00", "2026-03-29T01:15:00Z", "Open now, closes today at 3am"),
    # Clocks go back on Sunday 25 October 2026: 08:30 UTC on Monday is 8:30am in London.
    (WEEKDAYS, "2026-10-26T08:30:00Z", "Closed now, opens today at 9am"),
    (WEEKDAYS, "2026-10-26T09:00:00Z", "Open now, closes today at 5pm"),
    (WEEKDAYS, "2026-10-25T00:30:00Z", "Closed now, opens tomorrow at 9am"),
    # Overnight: a closing time before the opening time runs past midnight.
    ("sat 22:00-02:00", "2026-11-21T23:00:00Z", "Open now, closes tomorrow at 2am"),
    ("sat 22:00-02:00", "2026-11-22T01:00:00Z", "Open now, closes today at 2am"),
    ("sat 22:00-02:00", "2026-11-22T03:00:00Z", "Closed now, opens Saturday at 10pm"),
    ("sun 22:00-02:00", "2026-11-23T01:00:00Z", "Open now, closes today at 2am"),
    ("fri 18:00-00:00", "2026-11-20T20:00:00Z", "Open now, closes today at midnight"),
    # Split shifts, and shifts that meet.
    ("mon 09:00-12:00;mon 13:00-17:30", "2026-11-23T12:30:00Z", "Closed now, opens today at 1pm"),
    ("mon 09:00-12:00;mon 13:00-17:30", "2026-11-23T10:00:00Z", "Open now, closes today at midday"),
    ("mon 09:00-12:00;mon 13:00-17:30", "2026-11-23T14:00:00Z", "Open now, closes today at 5:30pm"),
    ("mon 09:00-12:00;mon 12:00-17:00", "2026-11-23T11:00:00Z", "Open now, closes today at 5pm"),
    ("mon,tue,wed,thu,fri,sat,sun 00:00-23:59", "2026-11-23T11:00:00Z",
     "Open now, closes today at 11:59pm"),
]


@pytest.fixture(scope="module")
def open_now(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.url + "/search/")
    yield page
    context.close()


@pytest.mark.parametrize("code, moment, words", CASES)
def test_open_now(open_now, code, moment, words):
    assert open_now.evaluate("""async ([code, moment]) => {
        const m = await import('/assets/js/open-now.js');
        return m.describe(m.openingStatus(code, new Date(moment)), m.TEXT);
    }""", [code, moment]) == words


def test_open_now_is_shown_on_cards_from_the_page_clock(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-18T10:00:00Z")  # a Wednesday morning
    page.goto(site.url + "/areas/lambeth/")
    shown = page.locator(".app-open-now")
    assert shown.count() >= 1
    for n in range(shown.count()):
        code = shown.nth(n).get_attribute("data-hours")
        assert shown.nth(n).text_content() == page.evaluate("""async (code) => {
            const m = await import('/assets/js/open-now.js');
            return m.describe(m.openingStatus(code, new Date()), m.TEXT);
        }""", code)
    context.close()


# A directory large enough to split its index -----------------------------------------------

@pytest.fixture(scope="module")
def sharded(tmp_path_factory, destination):
    """The real directory, built with its index split into shards of a few services (as a
    national directory's would be, at a size a test can build), and served."""
    from signpost import search as search_module
    from signpost.pipeline import build
    from signpost.settings import Settings
    from servers import serve_site
    from conftest import REAL_TODAY, ROOT
    settings = Settings.for_root(ROOT, out_dir=tmp_path_factory.mktemp("sharded") / "site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_module, "SHARD_SERVICES", 9)
        build(settings, exit_url=destination.url + "/weather", today=REAL_TODAY)
        shards = search_module.index_shards(len(real_directory()[1]))
    server = serve_site(settings.out_dir, ROOT / "netlify.toml")
    server.shards = shards
    yield server
    server.close()


def browse_order(name: str) -> str:
    """Where a service (by name) comes when browsing: signpost.order's key."""
    settings, services = real_directory()
    return browse_keys(next(s for s in services if s.name == name), settings)[0]


def browsed(name: str) -> tuple[int, str]:
    """Where a service (by name) comes when browsing the search: its part of the results
    (search.js), then browse_order. The parts: the local services and helplines; help in one
    particular situation and help reached through a professional; ways to go to the police;
    services only for professionals; help for people who harm."""
    settings, services = real_directory()
    s = next(s for s in services if s.name == name)
    later = group_of(s, settings.particular(s.categories)) in ("particular", "professional")
    part = 4 if s.for_people_who_harm else 3 if "residents" not in s.audiences else \
        2 if s.reporting else int(later)
    return part, browse_order(name)


def shard_of(name: str, shards: int) -> int:
    """The shard a service is in: the k-th range of the browse order (signpost/search.py)."""
    ordered = sorted(browse_order(s.name) for s in real_directory()[1])
    at = ordered.index(browse_order(name))
    return next(k for k in range(shards) if at < (k + 1) * len(ordered) // shards)


def test_a_sharded_index_finds_every_shard_with_filters(page, sharded):
    assert sharded.shards >= 3
    fetched = []
    page.on("request", lambda r: "/pagefind/" in r.url and fetched.append(r.url))
    found = search(page, sharded, age="15", gender="women")
    assert set(found) == names(lambda s: admits(s, 15, "women")) and len(found) == len(set(found))
    assert {shard_of(name, sharded.shards) for name in found} == set(range(sharded.shards))
    # Browsing lists shard after shard: the residents' order, as with one index, after the
    # lines for the age (Childline) and the group's own (site.yaml's, else the 24-hour line).
    # A line for the age not among the first results shown is offered above them instead.
    settings, services = real_directory()
    by_id = {s.id: s.name for s in services}
    above = page.locator(".app-search__above").text_content()
    young = [s.name for s in young_lines(15, "women")]
    own = [n for n in young if n not in above] + [
        by_id[i] for i in settings.genders["women"].helplines or (settings.home_helpline,)]
    assert young and all(n in own or n in above for n in young)
    assert found == own + sorted((n for n in found if n not in own), key=browsed)
    # One WebAssembly and one script for all the shards, no worker; each shard's own index
    # and filters.
    assert len([u for u in fetched if ".pagefind" in u and "wasm" in u]) == 1
    assert len([u for u in fetched if u.endswith(".js")]) == 1
    for k in range(1, sharded.shards):
        assert any(f"/pagefind/{k}/" in u and "/filter/" in u for u in fetched)
    found = search(page, sharded, borough="Lambeth", age="15", gender="women")
    assert set(found) == names(lambda s: in_borough(s, "lambeth") and admits(s, 15, "women"))
    # Words search every shard at once, ranked: a service in the last shard is found by name.
    last = max((s for s in real_directory()[1] if in_borough(s, "lewisham")),
               key=lambda s: browse_order(s.name))
    assert shard_of(last.name, sharded.shards) == sharded.shards - 1
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    assert last.name in search(page, sharded, query=last.name, borough="Lewisham")
    # Merging sends nothing typed or chosen anywhere, and only to this site.
    assert page.url == sharded.url + "/search/"
    assert [u for u in requests if not u.startswith(sharded.url + "/")] == []
    typed = last.name.lower().split()[0]
    assert not [u for u in requests if typed in u.lower() or "lewisham" in u.lower()]


# The minimal fixture project ----------------------------------------------------------------

@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory, destination):
    """The minimal fixture project (a service there gives Polish among its languages), built
    and served."""
    from conftest import ROOT, TODAY, make_project
    from servers import serve_site
    from signpost.pipeline import build
    settings = make_project(tmp_path_factory.mktemp("minimal") / "minimal")
    build(settings, exit_url=destination.url + "/weather", today=TODAY)
    server = serve_site(settings.out_dir, ROOT / "netlify.toml")
    yield server
    server.close()


@pytest.mark.parametrize("words", ["help in polish", "i speak polish", "polish"])
def test_help_in_a_language_finds_a_service_that_gives_it(page, minimal_site, words):
    # A language asked for is read as its name and interpreters (search-words.js,
    # inLanguage): here no page has "interpreter", and the service with Polish among its
    # languages is found by the name.
    assert search(page, minimal_site, query=words) == ["Lambeth Women's Service <b>"]
