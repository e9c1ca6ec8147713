"""No traces and no third parties, in a real browser, on every built page."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from signpost.headers import headers_for, load_header_rules
from signpost.search import DETAILS, INDEX_FOLDER
from signpost.spelling import SPELLING_URL
from conftest import ROOT, page_urls, real_service, show_choices
from test_browser_search import search

RECORD_CSP = """document.addEventListener('securitypolicyviolation', e =>
    (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));"""


# A listing and its borough, from the real directory (a correct staff edit keeps these tests).
SERVICE = real_service().url
AREA = f"/areas/{real_service().areas[0]}/"


@pytest.fixture(scope="module")
def crawl(browser, site):
    """Visit every page in one browsing session, recording what the browser did."""
    context = browser.new_context(viewport={"width": 375, "height": 667})
    context.add_init_script(RECORD_CSP)
    page = context.new_page()
    seen = {"requests": [], "errors": [], "console": [], "csp": [], "responses": {}}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: m.type in ("error", "warning") and seen["console"].append(m.text))
    urls = page_urls(site.site_dir)
    for url in urls:
        response = page.goto(site.url + url)
        seen["responses"][url] = (response.status, response.all_headers())
        seen["csp"] += page.evaluate("window.__csp || []")
    seen["storage"] = page.evaluate("""async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        indexedDB: (await indexedDB.databases()).length,
        caches: (await caches.keys()).length,
        workers: (await navigator.serviceWorker.getRegistrations()).length,
    })""")
    seen["cookies"] = context.cookies()
    seen["urls"] = urls
    yield seen
    context.close()


def test_the_crawl_covers_the_whole_site(crawl):
    assert len(crawl["urls"]) > 50
    assert {"/", SERVICE, AREA, "/404.html"} <= set(crawl["urls"])
    assert all(status == 200 for status, _ in crawl["responses"].values())


def test_every_request_is_to_our_own_origin(crawl, site):
    assert [u for u in crawl["requests"] if not u.startswith(site.url + "/")] == []


def test_no_csp_violations_script_errors_or_warnings(crawl):
    assert crawl["csp"] == []
    assert crawl["errors"] == []
    assert crawl["console"] == []


def test_search_runs_under_the_policy_and_no_worker_can_start(browser, site):
    """A search by words, then by choices with their counts, breaks no rule of the policy;
    the policy itself refuses any worker, a service worker included (worker-src 'none')."""
    context = browser.new_context(viewport={"width": 375, "height": 667})
    context.add_init_script(RECORD_CSP)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site.url + "/search/")
    page.fill("#search-query", "advice")
    expect(page.locator(".app-search__status")).to_have_text(re.compile(r"found\.$|Nothing found\."))
    show_choices(page)
    page.focus("#search-borough")  # loads the counts
    expect(page.locator("#search-borough option").nth(1)).to_have_text(re.compile(r"\(\d+\)$"))
    page.select_option("#search-borough", index=1)
    expect(page.locator(".app-search__status")).to_have_text(re.compile(r"found\.$|Nothing found\."))
    assert page.evaluate("window.__csp || []") == [] and errors == []
    outcome = page.evaluate("""async () => {
        new Worker('/assets/js/exit.js');  // refused without an exception: a violation says so
        let registered = 'registered';
        try { await navigator.serviceWorker.register('/assets/js/exit.js'); }
        catch (e) { registered = e.name; }
        await new Promise(r => setTimeout(r, 200));
        return [registered, window.__csp || []];
    }""")
    script = site.url + "/assets/js/exit.js"
    # (Each policy that holds, the header's and the page's <meta>, reports its refusal.)
    assert outcome[0] == "SecurityError" and set(outcome[1]) == {f"worker-src {script}"}
    context.close()


def test_nothing_is_stored_on_the_device(crawl):
    assert crawl["cookies"] == []
    assert crawl["storage"] == {"cookie": "", "local": 0, "session": 0, "indexedDB": 0,
                                "caches": 0, "workers": 0}


def test_every_response_has_the_declared_headers(crawl, site):
    rules = load_header_rules(ROOT / "netlify.toml", site.site_dir)
    for url, (_, headers) in crawl["responses"].items():
        for name, value in headers_for(rules, url).items():
            assert headers.get(name.lower()) == value, (url, name)
        assert "set-cookie" not in headers
        assert not {"report-to", "reporting-endpoints", "nel"} & set(headers)


def test_a_missing_page_is_the_404_page_and_keeps_its_policy(page, site):
    """An unknown path matches no _headers rule; the page's own <meta> policy still holds."""
    response = page.goto(site.url + "/no-such-page/")
    assert response.status == 404
    assert response.headers["referrer-policy"] == "no-referrer"
    assert page.locator(".app-exit__button").count() == 1
    assert page.title().startswith("Page not found")
    ran = page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.injected = true'; document.body.append(s);
        return window.injected === true; }""")
    assert ran is False


def test_the_site_cannot_be_framed(browser, site, destination):
    """A page on another origin frames the site; the browser refuses, for frame-ancestors."""
    destination.httpd.pages["/framer"] = f'<iframe src="{site.url}/"></iframe>'
    context = browser.new_context()
    page = context.new_page()
    messages = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto(destination.url + "/framer")  # a real loopback page, so only the policy can block
    page.wait_for_timeout(500)
    [frame] = page.main_frame.child_frames
    assert frame.url.startswith("chrome-error://")
    assert any("frame-ancestors 'none'" in m for m in messages)
    context.close()


def test_no_choice_comes_back_with_the_page(page, site):
    """What a person typed or chose is not kept with the page in history (nor written with
    the session to disk): going back shows every field empty, and the list unfiltered."""
    for path, fields in (("/search/", {"#search-query": "stalking", "#search-age": "15",
                                       "#search-borough": 1, "#search-kind": 1,
                                       "#search-audience": 1, "#search-gender": 1}),
                         (AREA, {"#filter-age": "15", "#filter-gender": 1, "#filter-kind": 1})):
        page.goto(site.url + path)
        show_choices(page)
        for field, value in fields.items():
            if isinstance(value, str):
                page.fill(field, value)
            else:
                page.select_option(field, index=value)
        page.goto(site.url + "/about/")
        page.go_back()
        for field in fields:
            assert page.locator(field).input_value() == "", (path, field)
            if page.locator(field).evaluate("e => e.tagName") == "SELECT":
                assert page.locator(field).evaluate("e => e.selectedIndex") == 0, (path, field)


def test_what_a_search_fetches_is_the_same_whatever_is_searched(browser, site):
    """A small directory's search fetches every result's details at once, in one file, and
    every part of the index, so the files fetched (which only this site's host sees) do not
    say which services were found or where in the alphabet a word falls; and what reads the
    words (the place finder's lookup, the site's words a mistyped one is read as) is fetched
    whole on every first search, so they do not say that a place was named or a word
    mistyped."""
    fetched = {}
    for case, choices in (("stalking in Lambeth", {"query": "stalking", "borough": "Lambeth"}),
                          ("a helpline for men", {"query": "helpline", "gender": "men"}),
                          ("nothing at all", {"query": "qwxzv"}),
                          ("a mistyped word", {"query": "stalkng"}),
                          ("a place", {"query": "help in Catford"})):
        context = browser.new_context()
        page = context.new_page()
        urls = set()
        # Not the filters' files: each holds all its values, so it says that a borough or
        # an age was chosen, never which.
        page.on("request", lambda r, urls=urls: ("/pagefind/" in r.url and "/filter/" not in
                                                 r.url or "/assets/" in r.url) and urls.add(r.url.split("?")[0]))
        search(page, site, **choices)
        page.wait_for_timeout(300)
        fetched[case] = urls
        context.close()
    first, *others = fetched.values()
    index = site.site_dir / INDEX_FOLDER
    parts = {f"{site.url}/{p.relative_to(site.site_dir)}" for p in index.glob("index/*")}
    assert len(parts) > 1  # so that fetching them all says something
    assert {f"{site.url}/assets/places.json", f"{site.url}{SPELLING_URL}",
            f"{site.url}/{INDEX_FOLDER}/{DETAILS}", *parts} < first
    assert not any("/fragment/" in url for url in first)  # no result's details alone
    assert all(urls == first for urls in others), fetched
