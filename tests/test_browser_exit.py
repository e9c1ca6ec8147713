"""Quick exit in a real browser (headless Chromium): every way of leaving reaches the
destination in the same tab, with no referrer and without adding to history."""
from __future__ import annotations

import pytest

from conftest import real_service
from test_browser_accessibility import axe

# A listing and its borough, from the real directory (a correct staff edit keeps these tests).
SERVICE = real_service().url
AREA = f"/areas/{real_service().areas[0]}/"

SAMPLE = ["/", SERVICE, AREA, "/staying-safe-online/", "/404.html"]


def exit_visits(destination):
    return [v for v in destination.httpd.visits if v["path"] == "/weather"]


def leave_and_check(page, destination, start_length):
    page.wait_for_url(destination.url + "/weather")
    assert page.title() == "Weather"
    [visit] = exit_visits(destination)
    assert visit["referer"] is None
    assert page.evaluate("document.referrer") == ""
    assert page.evaluate("history.length") == start_length  # replaced, not added
    assert len(page.context.pages) == 1  # no new tab


@pytest.mark.parametrize("path", SAMPLE)
def test_click_the_button(page, site, destination, path):
    page.goto(site.url + path)
    length = page.evaluate("history.length")
    page.click(".app-exit__button")
    leave_and_check(page, destination, length)


def test_secondary_link_is_the_second_tab_stop(page, site, destination):
    page.goto(site.url + SERVICE)
    length = page.evaluate("history.length")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Exit this page"
    page.keyboard.press("Enter")
    leave_and_check(page, destination, length)


def test_space_on_the_button(page, site, destination):
    page.goto(site.url + "/")
    length = page.evaluate("history.length")
    page.focus(".app-exit__button")
    page.keyboard.press("Space")
    leave_and_check(page, destination, length)


def test_shift_three_times(page, site, destination):
    page.goto(site.url + AREA)
    length = page.evaluate("history.length")
    status = page.locator('[data-module="app-exit"] [role="status"]')
    page.keyboard.press("Shift")
    assert status.text_content() == "Shift, press 2 more times to exit."
    assert page.locator(".app-exit__light--on").count() == 1
    page.keyboard.press("Shift")
    assert status.text_content() == "Shift, press 1 more time to exit."
    page.keyboard.press("Shift")
    leave_and_check(page, destination, length)


def test_shift_used_for_capitals_never_exits(page, site, destination):
    page.goto(site.url + "/")
    page.evaluate("""() => {  // a text field, as the search page will have
        const input = document.createElement('input');
        input.id = 'probe';
        document.querySelector('main').append(input);
    }""")
    page.focus("#probe")
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(300)
    assert page.input_value("#probe") == "AAA"
    assert page.url == site.url + "/" and exit_visits(destination) == []


def test_another_key_resets_the_count(page, site, destination):
    page.goto(site.url + "/")
    for key in ("Shift", "Shift", "a", "Shift"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert exit_visits(destination) == []
    assert page.locator(".app-exit__light--on").count() == 1


def test_the_count_expires_after_five_seconds(page, site, destination):
    page.clock.install()
    page.goto(site.url + "/")
    page.keyboard.press("Shift")
    page.clock.run_for(5100)
    status = page.locator('[data-module="app-exit"] [role="status"]')
    assert status.text_content() == "Exit this page expired."
    assert page.locator(".app-exit__light--on").count() == 0
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert exit_visits(destination) == []


def test_presses_within_five_seconds_of_each_other_exit(page, site, destination):
    page.clock.install()
    page.goto(site.url + "/")
    length = page.evaluate("history.length")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(4000)
    page.keyboard.press("Shift")
    leave_and_check(page, destination, length)


def test_without_javascript_the_plain_link_leaves(browser, site, destination):
    destination.httpd.visits.clear()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 568})
    page = context.new_page()
    page.goto(site.url + SERVICE)
    page.click(".app-exit__button")
    page.wait_for_url(destination.url + "/weather")
    [visit] = exit_visits(destination)
    assert visit["referer"] is None
    # Without a script the browser adds a history entry: a link cannot replace the page.
    context.close()


def test_page_is_hidden_at_once_while_the_destination_loads(page, site, destination):
    destination.httpd.delay = 2
    page.goto(site.url + SERVICE)
    state = page.evaluate("""() => new Promise(resolve => {
        document.querySelector('.app-exit__button').click();
        requestAnimationFrame(() => {
            const shown = [...document.body.children].filter(
                e => getComputedStyle(e).display !== 'none');
            const overlay = document.querySelector('.app-exit-overlay');
            resolve({shown: shown.map(e => e.className), title: document.title,
                     text: overlay && overlay.textContent, role: overlay && overlay.getAttribute('role'),
                     covers: overlay && overlay.getBoundingClientRect().height === innerHeight});
        });
    })""")
    assert state == {"shown": ["app-exit-overlay"], "title": "\u200b", "text": "Loading.",
                     "role": "alert", "covers": True}
    page.wait_for_url(destination.url + "/weather", timeout=10000)


def test_back_shows_the_earlier_page_not_an_overlay(page, site, destination):
    page.goto(site.url + "/")
    page.click(f"a[href='{AREA}']")
    page.wait_for_url(site.url + AREA)
    page.click(".app-exit__button")
    page.wait_for_url(destination.url + "/weather")
    page.go_back()
    assert page.url == site.url + "/"  # the page left was replaced, so Back skips it
    assert page.locator(".app-exit-overlay").count() == 0
    assert page.evaluate("document.body.classList.contains('app-exit-hiding')") is False
    assert page.locator("h1").is_visible()


def test_exit_still_works_when_other_scripts_fail(page, site, destination):
    page.route("**/*.js", lambda route: route.abort()
               if not route.request.url.endswith("/exit.js") else route.continue_())
    page.goto(site.url + "/")
    length = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Shift")
    leave_and_check(page, destination, length)


@pytest.mark.parametrize("path", SAMPLE)
@pytest.mark.parametrize("width", [320, 375])
def test_button_stays_on_screen_and_on_top(browser, site, path, width):
    context = browser.new_context(viewport={"width": width, "height": 568})
    page = context.new_page()
    page.goto(site.url + path)
    for scroll in ("0", "document.body.scrollHeight / 2", "document.body.scrollHeight"):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        box = page.locator(".app-exit__button").bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 568 and box["width"] > 0
        hit = page.evaluate(f"""document.elementFromPoint({box['x'] + box['width'] / 2},
                                                          {box['y'] + box['height'] / 2})
                                   .closest('.app-exit__button') !== null""")
        assert hit
    context.close()


def test_focused_elements_are_never_under_the_button(page, site):
    page.goto(site.url + "/")
    button = page.locator(".app-exit__button")
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            if (e === document.body || e.closest('.app-exit') ||
                e.classList.contains('app-skip-link')) return null;
            const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }""")
        if focused:
            box = button.bounding_box()
            assert focused["top"] >= box["y"] + box["height"] or focused["bottom"] <= box["y"]


def test_button_is_hidden_in_print(page, site):
    page.goto(site.url + "/")
    page.emulate_media(media="print")
    assert page.locator(".app-exit").evaluate("e => getComputedStyle(e).display") == "none"


def test_accessible_name_and_role(page, site):
    page.goto(site.url + "/")
    assert page.get_by_role("button", name="Emergency Exit this page").count() == 1


def test_exit_after_tabbing_to_the_skip_link(page, site, destination):
    """Focusing a skip link must not move the button: the press that blurs it must land."""
    page.goto(site.url + "/")
    page.keyboard.press("Tab")
    page.click(".app-exit__button")
    page.wait_for_url(destination.url + "/weather")


def test_leaving_sends_nothing_but_the_navigation(page, site, destination):
    """No beacon, no analytics: after activation the only request is to the destination."""
    page.goto(site.url + SERVICE)
    page.wait_for_load_state("networkidle")
    after = []
    page.on("request", lambda request: after.append(request.url))
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(destination.url + "/weather")
    assert [url for url in after if not url.startswith(destination.url)] == []
    assert after[0] == destination.url + "/weather"


# What a description or a content page may hold (tables are allowed, an indented line is
# preformatted, quotes and lists may nest 16 deep), as wide as each can be.
WIDE = ("| " + " | ".join(["Wednesday 9am to 8pm"] * 7) + " |\n|" + "---|" * 7 + "\n| "
        + " | ".join(["closed"] * 7) + " |\n\n    " + "an-indented-line-that-never-breaks-" * 10
        + "\n\n" + "> " * 16 + "quoted\n\n" + "".join("  " * i + "- an item\n" for i in range(16))
        + "\n" + "https://www.example.org/" + "a-long-address/" * 12 + "\n")


@pytest.mark.parametrize("path", ["/about/", real_service().url])
@pytest.mark.parametrize("width", [320, 375])
def test_wide_text_never_makes_the_page_wider_than_the_screen(browser, site, path, width):
    from signpost.markup import to_html
    html, issues = to_html(WIDE)
    assert not issues and "<table" in html and "<pre>" in html
    context = browser.new_context(viewport={"width": width, "height": 568})
    page = context.new_page()
    page.goto(site.url + path)
    page.evaluate("html => document.querySelector('.app-prose')"
                  ".insertAdjacentHTML('beforeend', html)", html)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.evaluate("window.scrollTo(document.body.scrollWidth, document.body.scrollHeight)")
    box = page.locator(".app-exit__button").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] >= 0
    assert axe(page) == []  # the table scrolling in its own box can be scrolled by keyboard
    context.close()
