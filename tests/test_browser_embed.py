"""Embedding on borough sites, in a real browser: a host page on another origin frames the
listings; the frame fits its content; the exit takes the whole tab away with no referrer;
origins that are not allowed, and every full-site page, are refused."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import real_directory, real_service, soup

# A borough site allowed to embed us, and what its embed should list, from site.yaml and the
# listings (so that a correct edit to either keeps these tests passing).
SETTINGS, SERVICES = real_directory()
AREA = next(iter(SETTINGS.embeds))
EMBED = f"/embed/{AREA}/"
LISTED = [s for s in SERVICES if "residents" in s.audiences and
          (AREA in s.areas or "national" in s.areas)]


def host_page(site, script=True, src=EMBED):
    return (f'<!DOCTYPE html><html lang="en"><title>Council page</title><h1>Council</h1>'
            f'<iframe src="{site.url}{src}" title="Help" width="100%" height="300"></iframe>'
            + (f'<script src="{site.url}/embed/host.js"></script>' if script else ""))


def open_host(browser, site, destination, origin=None, script=True, src=EMBED, js=True):
    """Open a borough page served by a real loopback server (a page Playwright made up would
    count as a public site, and Chromium's local network checks would block the frame)."""
    destination.httpd.pages["/host"] = host_page(site, script, src)
    context = browser.new_context(java_script_enabled=js, viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.messages = []
    page.on("console", lambda message: page.messages.append(message.text))
    page.goto(f"{origin or destination.url}/host")
    return context, page


def refused_by_frame_ancestors(page) -> bool:
    """True when the browser blocked the frame, and said frame-ancestors was why."""
    page.wait_for_timeout(500)
    [frame] = page.main_frame.child_frames
    return frame.url.startswith("chrome-error://") and \
        any("violates" in m and "frame-ancestors" in m for m in page.messages)


def embedded_frame(page):
    [frame] = page.main_frame.child_frames
    frame.wait_for_load_state()
    return frame


def test_an_allowed_borough_site_shows_the_listings_and_the_frame_fits(browser, site, destination):
    context, page = open_host(browser, site, destination)
    frame = embedded_frame(page)
    assert frame.url == site.url + EMBED
    assert frame.locator(".app-card").count() == min(len(LISTED), SETTINGS.page_size)
    assert frame.locator(".app-exit__button").is_visible()
    assert frame.locator(".app-header").count() == 0  # no site header or footer
    assert f"for {SETTINGS.embeds[AREA].name}." in frame.locator(".app-embed-footer").text_content()
    page.wait_for_function("document.querySelector('iframe').style.height !== ''")
    height = page.evaluate("parseInt(document.querySelector('iframe').style.height)")
    content = frame.evaluate("document.documentElement.scrollHeight")
    assert height > 300 and abs(height - content) <= 2
    context.close()


@pytest.mark.parametrize("script", [True, False], ids=["with-host-script", "without"])
def test_exit_in_the_frame_takes_the_whole_tab_away(browser, site, destination, script):
    destination.httpd.visits.clear()
    context, page = open_host(browser, site, destination, script=script)
    frame = embedded_frame(page)
    frame.locator(".app-exit__button").click()
    # The frame and the host script both send the tab to the destination; whichever
    # comes second cancels the first, so wait for where the tab ends, not for a load.
    expect(page).to_have_url(destination.url + "/weather", timeout=10_000)
    page.wait_for_load_state()
    assert page.title() == "Weather" and len(page.main_frame.child_frames) == 0
    assert [v["referer"] for v in destination.httpd.visits if v["path"] == "/weather"][:1] == [None]
    context.close()


def test_shift_three_times_in_the_frame_leaves_the_whole_tab(browser, site, destination):
    destination.httpd.visits.clear()
    context, page = open_host(browser, site, destination)
    frame = embedded_frame(page)
    frame.locator("h1").click()  # focus inside the frame
    for _ in range(3):
        page.keyboard.press("Shift")
    # The frame and the host script both send the tab to the destination; whichever
    # comes second cancels the first, so wait for where the tab ends, not for a load.
    expect(page).to_have_url(destination.url + "/weather", timeout=10_000)
    assert [v["referer"] for v in destination.httpd.visits if v["path"] == "/weather"][:1] == [None]
    context.close()


def test_exit_without_javascript_leaves_the_whole_tab(browser, site, destination):
    destination.httpd.visits.clear()
    context, page = open_host(browser, site, destination, script=False, js=False)
    frame = embedded_frame(page)
    frame.locator(".app-exit__button").click()
    page.wait_for_url(destination.url + "/weather")
    assert [v["referer"] for v in destination.httpd.visits if v["path"] == "/weather"][:1] == [None]
    context.close()


def test_a_card_opens_the_service_inside_the_frame(browser, site, destination):
    context, page = open_host(browser, site, destination)
    frame = embedded_frame(page)
    frame.locator(".app-card h2 a, .app-card h3 a").first.click()
    frame.wait_for_url(re.compile(r".*/embed/services/[a-z0-9-]+/$"))
    assert page.url == destination.url + "/host"
    assert frame.locator("a[href^='tel:']").count() >= 1
    context.close()


def test_a_site_that_is_not_allowed_is_refused(browser, site, destination):
    other = destination.url.replace("127.0.0.1", "localhost")  # another origin, same server
    context, page = open_host(browser, site, destination, origin=other)
    assert refused_by_frame_ancestors(page)
    context.close()


@pytest.mark.parametrize("path", [f"/areas/{AREA}/", real_service().url, "/"])
def test_full_site_pages_refuse_to_be_framed_even_by_an_allowed_site(browser, site, destination, path):
    context, page = open_host(browser, site, destination, src=path)
    assert refused_by_frame_ancestors(page)
    assert any("frame-ancestors 'none'" in m for m in page.messages)
    context.close()


def test_the_guide_for_web_teams_previews_each_borough(page, site):
    page.goto(site.url + "/embed-this-directory/")
    frames = page.main_frame.child_frames
    assert len(frames) == len(SETTINGS.embeds)
    for frame in frames:
        frame.wait_for_load_state()
        assert frame.locator(".app-exit__button").count() == 1
    code = "\n".join(page.locator("pre code").all_text_contents())
    for area in SETTINGS.embeds:
        assert f'<iframe src="{SETTINGS.base_url}/embed/{area}/"' in code
    assert code.count(f'<script src="{SETTINGS.base_url}/embed/host.js"') == len(SETTINGS.embeds)


def test_fragments_are_plain_escaped_html(site):
    fragment = (site.site_dir / "fragments" / f"{AREA}.html").read_text()
    doc = soup(site.site_dir / "fragments" / f"{AREA}.html")
    assert "<script" not in fragment and "<html" not in fragment and "style=" not in fragment
    links = [a["href"] for a in doc.find_all("a")]
    assert links and all(h.startswith(("https://", "tel:", "mailto:")) for h in links)
    assert {a["href"] for a in doc.select("h3 a")} == {SETTINGS.base_url + s.url for s in LISTED}
