"""The dev server in a browser: an edit shows in the open page after serve's reload, and the
search page says its index is stale while the index is rebuilt, then reloads without it."""
from __future__ import annotations

import shutil
import time

import pytest

from conftest import ROOT, make_project
from servers import DevServer

NOTICE = ".app-notice[role=status]"
# Enough fictional listings (Ofcom's drama range) that indexing takes a moment.
EXTRA = "".join(f"""
  - id: browser-extra-{n:03d}
    name: Browser Extra {n:03d}
    summary: A fictional service for the tests of the dev server.
    categories: [domestic-abuse]
    areas: [lambeth]
    phones:
      - number: 020 7946 0{n % 900 + 100:03d}
""" for n in range(300))


@pytest.fixture
def dev(tmp_path):
    project = make_project(tmp_path / "p")
    services = project.root / "services.yaml"
    services.write_text(services.read_text() + EXTRA)
    shutil.copy(ROOT / "netlify.toml", project.root / "netlify.toml")  # serve sends its headers
    server = DevServer(project.root, tmp_path / "site")
    try:
        server.wait_ready()
        yield server, services
    finally:
        server.close()
        print(server.log)  # shown when a test fails


def _watch_csp(page) -> list[str]:
    errors = []
    page.on("console", lambda message: errors.append(message.text)
            if "Content Security Policy" in message.text else None)
    return errors


def test_an_edit_shows_in_the_open_page(browser, dev):
    server, services = dev
    page = browser.new_page()
    errors = _watch_csp(page)
    page.goto(server.url + "/search/")
    page.wait_for_selector(NOTICE, state="detached", timeout=120_000)  # the first index
    page.goto(server.url + "/services/browser-extra-005/")
    page.wait_for_timeout(1000)  # livereload's socket connects after the page loads
    assert page.inner_text("h1") == "Browser Extra 005"
    saved = time.perf_counter()
    services.write_text(services.read_text().replace("name: Browser Extra 005\n",
                                                     "name: Browser Extra Five\n", 1))
    page.wait_for_selector("h1:has-text('Browser Extra Five')", timeout=30_000)
    print(f"edit shown in the browser {time.perf_counter() - saved:.3f} s after the save")
    assert page.title().startswith("Browser Extra Five")
    assert errors == []
    page.close()


def test_the_search_page_says_when_its_index_is_stale(browser, dev):
    server, services = dev
    page = browser.new_page()
    errors = _watch_csp(page)
    page.goto(server.url + "/search/")
    page.wait_for_selector(NOTICE, state="detached", timeout=120_000)  # the first index
    page.wait_for_timeout(1000)
    assert page.locator(NOTICE).count() == 0
    services.write_text(services.read_text().replace("name: Browser Extra 007\n",
                                                     "name: Browser Extra Seven\n", 1))
    # The edit reloads the page while the index is rebuilt; it reloads again when it is done.
    page.wait_for_selector(NOTICE, timeout=30_000)
    assert "search index is being rebuilt" in page.inner_text(NOTICE)
    page.wait_for_selector(NOTICE, state="detached", timeout=120_000)
    # The new index finds the new name.
    page.fill("#search-query", "Seven")
    page.wait_for_selector("text=Browser Extra Seven", timeout=30_000)
    assert errors == []
    page.close()
