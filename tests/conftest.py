"""Shared fixtures: the minimal fixture project (with its own settings), the repository's
own settings for tests of the real directory, and a helper that parses built pages."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from signpost.hours import uk_today
from signpost.pipeline import build
from signpost.services import Service
from signpost.servicesfile import load_services
from signpost.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
TODAY = dt.date(2026, 11, 22)  # a fixed clock: staleness and future dates do not drift
# The real directory is checked on the real date, as `check` in CI does: a listing a member
# of staff checked today must not fail as "in the future".
REAL_TODAY = uk_today()


# The project's code, which every test project uses as it is.
CODE = ("templates", "assets", "locales")


def make_project(dest: Path, copy: tuple[str, ...] = ()) -> Settings:
    """Copy the minimal fixture project (its own site.yaml, services.yaml and content) to
    dest, with the project's templates, assets and wording linked in (or copied, for those
    in `copy`, so that a test may change them); return its settings, building into
    dest/_site."""
    shutil.copytree(FIXTURE, dest)
    for name in CODE:
        if name in copy:
            shutil.copytree(ROOT / name, dest / name)
        else:
            (dest / name).symlink_to(ROOT / name, target_is_directory=True)
    return Settings.for_root(dest, out_dir=dest.parent / "_site")


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    """The fixture project's settings with its vocabularies loaded."""
    loaded, problems = load_settings(make_project(tmp_path_factory.mktemp("settings") / "p"))
    assert problems == []
    return loaded


@functools.cache
def real_directory() -> tuple[Settings, list[Service]]:
    """The repository's own settings and listings, for tests of the real directory, its
    docs and the browser tests that run on it. Tests take their expectations from these,
    never from what the listings say today, so that a correct staff edit keeps them passing.
    (Problems in them are for tests/test_data.py to report: here they would stop every
    test module from loading.)"""
    loaded, _ = load_settings(Settings.for_root(ROOT))
    services, _ = load_services(loaded, "services.yaml", REAL_TODAY)
    return loaded, services


def real_service(local: bool = True) -> Service:
    """A listing of the real directory for people to contact themselves, with a phone
    (based in a borough when local, else a national one)."""
    _, services = real_directory()
    return next(s for s in sorted(services, key=lambda s: s.id) if s.phones
                and "residents" in s.audiences and ("national" in s.areas) != local)


def admits(service: Service, age: int | None = None, gender: str | None = None) -> bool:
    """The README's rule for the search filters: a service that has not said who it is for
    matches everyone; one only for professionals, or help for people who harm, matches no
    age or gender (those filters are for victims)."""
    if age is None and gender is None:
        return True
    if "residents" not in service.audiences or service.for_people_who_harm:
        return False
    def fits(group) -> bool:
        if gender is not None and group.gender not in (gender, None):
            return False
        return age is None or ((group.min_age is None or group.min_age <= age)
                               and (group.max_age is None or age <= group.max_age))
    return not service.eligibility or any(fits(g) for g in service.eligibility)


def young_lines(age: int | None = None, gender: str | None = None) -> list[Service]:
    """The real directory's lines to call (site.yaml's `helplines`) meant for people up to
    some age (Childline), that admit this age and gender if given."""
    settings, services = real_directory()
    lines = {i for vocabulary in (settings.areas, settings.categories, settings.genders)
             for term in vocabulary.values() for i in term.helplines}
    return [s for s in services if s.id in lines and admits(s, age, gender) and any(
        g.max_age is not None and g.max_age < 25 for g in s.eligibility)]


@pytest.fixture(scope="session")
def real_settings() -> Settings:
    """The repository's own settings: only for tests of the real directory and its docs."""
    loaded, problems = load_settings(Settings.for_root(ROOT))
    assert problems == []
    return loaded


@pytest.fixture
def project(tmp_path) -> Settings:
    """Settings for a copy of the minimal fixture project, building into tmp_path/_site."""
    return make_project(tmp_path / "minimal")


@pytest.fixture
def built(project) -> Path:
    """The minimal project, built; returns the site folder."""
    build(project, today=TODAY)
    return project.out_dir


def show_choices(page) -> None:
    """Unfold the search page's choices (folded so that the results follow the field), as
    a person taps them open."""
    choices = page.locator(".app-search__filters")
    if choices.count() and choices.get_attribute("open") is None:
        page.click(".app-search__filters-summary")


def pages_of(page, url):
    """Open each page of a list in turn, following each one's link to the next."""
    page.goto(url)
    while True:
        yield page
        following = page.locator("main a[rel=next]")
        if not following.count():
            return
        following.click()


class Outage:
    """A phone out of signal for a moment, for the files matching `pattern`: their requests
    fail (or, held, fail when it ends) until `end`, then go through. The route stays in
    place: Playwright can lose a request made while a route is being removed."""

    def __init__(self, page, pattern: str, hold: bool = False):
        self.down, self.hold, self.held = True, hold, []
        page.route(pattern, self._handle)

    def _handle(self, route) -> None:
        if not self.down:
            route.continue_()
        elif self.hold:
            self.held.append(route)
        else:
            route.abort()

    def wait_for_held(self, page) -> None:
        while not self.held:
            page.wait_for_timeout(10)

    def end(self) -> None:
        self.down = False
        for route in self.held:
            route.abort()


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_urls(site_dir: Path) -> list[str]:
    """The URL of every page in a built site."""
    from weight import pages
    urls = []
    for path in sorted(pages(site_dir)):
        rel = path.relative_to(site_dir).as_posix()
        urls.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return urls


# Tiers -----------------------------------------------------------------------------------

DATA_FIXTURES = {"real_settings", "real_site", "real"}      # the real directory's data
BROWSER_FIXTURES = {"site", "browser", "page", "sized_page"}  # the real site, served


def pytest_collection_modifyitems(items):
    """Mark each test by the fixtures it uses (a test may also be marked by hand)."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if hasattr(item, "callspec"):  # a parameter may share a fixture's name ("page")
            fixtures -= set(item.callspec.params)
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        elif fixtures & DATA_FIXTURES:
            item.add_marker(pytest.mark.data)


# Browser tests --------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
# As root in a container Chromium needs --no-sandbox; the rest stop it calling home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-quic"]


@pytest.fixture(scope="session")
def destination():
    """The stand-in exit destination, on its own origin."""
    from servers import serve_destination
    server = serve_destination()
    yield server
    server.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory, destination):
    """The real directory, built with the exit pointing at the stand-in, and served."""
    from servers import serve_site
    # The stand-in destination's origin also plays a borough site allowed to frame the embeds.
    settings = dataclasses.replace(Settings.for_root(ROOT, out_dir=tmp_path_factory.mktemp(
        "browser") / "site"), extra_embed_origins=(destination.url,))
    build(settings, exit_url=destination.url + "/weather", today=REAL_TODAY)
    server = serve_site(settings.out_dir, ROOT / "netlify.toml")
    server.site_dir = settings.out_dir
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, destination):
    """A fresh browser context (no shared state) at phone width."""
    destination.httpd.visits.clear()
    destination.httpd.delay = 0
    context = browser.new_context(viewport={"width": 320, "height": 568})
    yield context.new_page()
    context.close()
