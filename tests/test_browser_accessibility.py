"""WCAG 2.2 AA in a real browser: axe-core on every page at phone and desktop widths, a
keyboard-only journey, 200% text at 320 px, forced colours; and screenshots to look at."""
from __future__ import annotations

import pytest

from conftest import ROOT, page_urls, real_service, show_choices

AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"

# A listing and its borough, from the real directory (a correct staff edit keeps these tests).
SERVICE = real_service().url
AREA = f"/areas/{real_service().areas[0]}/"


def axe(page) -> list[str]:
    """Run axe-core in the page; return one line per violation and element. Beyond WCAG,
    its best-practice rule that all content sits in landmarks, which screen reader users
    move between (the 999 line and the exit link among them)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated by the test, not the page
    violations = page.evaluate("""async (tags) => (await axe.run(document,
        {runOnly: {type: 'tag', values: tags}, rules: {region: {enabled: true}},
         resultTypes: ['violations']})).violations
        .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')))""", WCAG_AA)
    return violations


@pytest.fixture(scope="module", params=[(375, 667), (1280, 800)], ids=["phone", "desktop"])
def sized_page(request, browser):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context.new_page()
    context.close()


def test_axe_finds_no_violations_on_any_page(sized_page, site):
    problems = {}
    for url in page_urls(site.site_dir):
        sized_page.goto(site.url + url)
        found = axe(sized_page)
        if found:
            problems[url] = found
    assert problems == {}


def test_no_violations_with_search_results_and_filters_shown(sized_page, site):
    sized_page.goto(site.url + "/search/")
    show_choices(sized_page)
    sized_page.fill("#search-query", "helpline")
    sized_page.locator(".app-search__services li").first.wait_for()
    # Checked at the top, as every page is: tapping the choices open scrolls the page, and a
    # link then passing under the sticky exit button is not too small for being there.
    sized_page.evaluate("window.scrollTo(0, 0)")
    assert axe(sized_page) == []
    # With the lines for people who harm above the results, and a place's words said.
    sized_page.fill("#search-query", "I hurt my partner in Catford")
    sized_page.locator("#search-own").wait_for()
    sized_page.evaluate("window.scrollTo(0, 0)")
    assert axe(sized_page) == []
    # With the way to call 999 above the results, and a mistyped word said.
    sized_page.fill("#search-query", "he is outside my door, help me with housng")
    sized_page.locator("#search-danger").wait_for()
    sized_page.evaluate("window.scrollTo(0, 0)")
    assert axe(sized_page) == []
    # With a help page that answers a question above the services.
    sized_page.fill("#search-query", "what is coercive control")
    sized_page.locator(".app-search__answer a").wait_for()
    sized_page.evaluate("window.scrollTo(0, 0)")
    assert axe(sized_page) == []
    sized_page.fill("#search-query", "Athena")  # with the lines to call after the results
    sized_page.locator(".app-search__also").wait_for()
    sized_page.evaluate("window.scrollTo(0, 0)")
    assert axe(sized_page) == []
    sized_page.goto(site.url + AREA)
    sized_page.fill("#filter-age", "15")
    assert axe(sized_page) == []


def test_axe_catches_a_deliberately_inaccessible_page(page, site):
    page.goto(site.url + "/")
    page.evaluate("""() => {
        const main = document.querySelector('main');
        main.insertAdjacentHTML('beforeend',
            '<input type="text"><p class="grey">faint</p><img src="/assets/blank-icon.png">');
        main.querySelector('.grey').style.color = '#eeeeee';
        main.insertAdjacentHTML('afterend', '<p>Outside every landmark</p>');
    }""")
    ids = {v.split(":")[0] for v in axe(page)}
    assert {"label", "color-contrast", "image-alt", "region"} <= ids


def test_keyboard_journey_from_home_to_a_phone_number(page, site):
    page.goto(site.url + "/")
    focused = lambda: page.evaluate("""() => { const e = document.activeElement;
        const r = e.getBoundingClientRect();
        return {text: e.textContent.trim(), href: e.getAttribute('href') || '', tag: e.tagName,
                visible: r.width > 0 && r.top >= 0 && r.bottom <= innerHeight}; }""")
    page.keyboard.press("Tab")
    assert focused() == {"text": "Skip to main content", "href": "#main", "tag": "A", "visible": True}
    page.keyboard.press("Tab")
    assert focused()["text"] == "Exit this page" and focused()["visible"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # the skip link moves focus to the main content
    assert focused()["tag"] == "MAIN"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    for _ in range(40):  # on to a borough, then to a number to call
        if focused()["href"] == AREA:
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + AREA)
    for _ in range(60):
        page.keyboard.press("Tab")
        if focused()["href"].startswith("tel:"):
            break
    assert focused()["href"].startswith("tel:") and focused()["visible"]


def test_every_tab_stop_shows_a_focus_indicator(page, site):
    for url in ("/", SERVICE, "/search/"):
        page.goto(site.url + url)
        changes = page.evaluate("""() => {
            const look = e => { const s = getComputedStyle(e);
                return [s.outlineStyle, s.outlineColor, s.boxShadow, s.backgroundColor, s.color].join(); };
            document.querySelectorAll('details').forEach(d => { d.open = true; });
            const stops = [...document.querySelectorAll('a[href], button, input, select, summary')]
                .filter(e => e.checkVisibility());
            return stops.map(e => { const before = look(e); e.focus(); const after = look(e);
                                    e.blur(); return [e.textContent.trim() || e.id, before !== after]; });
        }""")
        assert [name for name, changed in changes if not changed] == [], url


@pytest.mark.parametrize("url", ["/", SERVICE, AREA, "/search/", "/about/", "/categories/"])
def test_200_percent_text_at_320px_never_scrolls_sideways(page, site, url):
    page.goto(site.url + url)
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    box = page.locator(".app-exit__button").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320


def test_forced_colours_and_reduced_motion(browser, site, destination):
    destination.httpd.visits.clear()
    context = browser.new_context(forced_colors="active", reduced_motion="reduce",
                                  viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.goto(site.url + "/")
    button = page.locator(".app-exit__button")
    assert button.is_visible()
    border = button.evaluate("e => getComputedStyle(e).borderTopStyle")
    assert border == "solid"  # a transparent border becomes visible in high contrast
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    moving = page.evaluate("""[...document.querySelectorAll('*')].filter(e => {
        const s = getComputedStyle(e);
        return parseFloat(s.transitionDuration) > 0 || s.animationName !== 'none'; }).length""")
    assert moving == 0
    button.click()
    page.wait_for_url(destination.url + "/weather")
    context.close()


@pytest.mark.parametrize("name, url", [("home", "/"), ("service", SERVICE),
                                       ("search", "/search/")])
def test_screenshots_for_people_to_look_at(browser, site, name, url):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-18T10:00:00Z")
    page.goto(site.url + url)
    if name == "search":
        page.fill("#search-query", "Gaia")
        page.locator(".app-search__services li").first.wait_for()
    path = ARTIFACTS / f"{name}-375.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    context.close()
