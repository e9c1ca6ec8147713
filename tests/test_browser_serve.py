"""The dev server in a browser: an edit shows in the open page after serve's reload, and the
search page says its index is stale while the index is rebuilt, then reloads without it."""
from __future__ import annotations

import shutil
import time
import urllib.request

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


def _open_once_indexed(browser, server):
    """A new page on the search page, once the first search index is in; and the CSP
    messages it logs."""
    page = browser.new_page()
    errors = _watch_csp(page)
    page.goto(server.url + "/search/")
    page.wait_for_selector(NOTICE, state="detached", timeout=120_000)  # the first index
    # A page served with the notice gets a second reload 2 s after the index is fresh (in
    # case it missed the first): let it come, so that it does not cut into the test.
    page.wait_for_timeout(3000)
    page.wait_for_load_state()
    return page, errors


def test_an_edit_shows_in_the_open_page(browser, dev):
    server, services = dev
    page, errors = _open_once_indexed(browser, server)
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
    page, errors = _open_once_indexed(browser, server)
    page.wait_for_timeout(1000)
    assert page.locator(NOTICE).count() == 0
    loaded = page.evaluate("performance.timeOrigin")
    services.write_text(services.read_text().replace("name: Browser Extra 007\n",
                                                     "name: Browser Extra Seven\n", 1))
    # While the index is rebuilt the server adds the notice to the search page (read over
    # HTTP here: a browser on a busy machine may not look within the moment it lasts).
    seen = _answers_until(server.url + "/search/", b"search index is being rebuilt")
    main = seen.index(b"<main")
    assert seen.index(b'<p class="app-notice" role="status">Dev server: the search index is '
                      b'being rebuilt') == seen.index(b">", main) + 1
    # The open page reloads for the edit and again when the index is fresh, and then says
    # nothing about it.
    page.wait_for_function(f"performance.timeOrigin > {loaded}", timeout=60_000)
    deadline = time.monotonic() + 120
    while b"search index is being rebuilt" in _get(server.url + "/search/"):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    page.wait_for_timeout(3000)  # its reload, and the second one for a page that was early
    page.wait_for_load_state()
    assert page.locator(NOTICE).count() == 0
    # The new index finds the new name.
    page.fill("#search-query", "Seven")
    page.wait_for_selector("text=Browser Extra Seven", timeout=30_000)
    assert errors == []
    page.close()


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read()


def _answers_until(url: str, wanted: bytes, timeout: float = 60) -> bytes:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = _get(url)
        if wanted in body:
            return body
        time.sleep(0.01)
    raise AssertionError(f"{url} never said {wanted!r}")


def test_only_this_machines_own_pages_may_use_the_dev_server(dev):
    """A page from another site, even one whose address leads here (DNS rebinding), may not
    read the preview, listen for saves on the live reload, or reload the open pages."""
    import http.client
    server, _ = dev

    def status(path: str, host: str, **headers) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.request("GET", path, headers={"Host": host, **headers})
            return connection.getresponse().status
        finally:
            connection.close()
    own = f"127.0.0.1:{server.port}"
    assert status("/", own) == status("/", f"localhost:{server.port}") == 200
    assert status("/", "evil.example") == status("/", f"evil.example:{server.port}") == 403
    assert status("/forcereload?path=/", own) == 404
    assert status("/%00", own) == 404
    upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
    assert status("/livereload", own, Origin=f"http://{own}", **upgrade) == 101
    assert status("/livereload", own, Origin="https://evil.example", **upgrade) == 403
