"""End to end: build the fixture project and the real directory into temporary folders,
and check the promises every built page makes."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from signpost.pipeline import build
from signpost.problems import BuildFailed
from signpost.settings import Settings
from conftest import FIXTURE, ROOT, REAL_TODAY, TODAY, make_project, soup
from weight import pages


def html_pages(site: Path):
    return sorted(pages(site))


def test_fixture_site_has_every_page(built):
    for path in ("index.html", "404.html", "sitemap.xml", "services/test-helpline/index.html",
                 "areas/index.html", "areas/lambeth/index.html", "areas/camden/index.html",
                 "areas/national/index.html", "categories/helpline/index.html",
                 "for/women/index.html", "professionals/index.html",
                 "professionals/lewisham/index.html", "staying-safe-online/index.html",
                 "assets/css/site.css", "assets/js/exit.js"):
        assert (built / path).is_file(), path
    sitemap = (built / "sitemap.xml").read_text()
    assert "<loc>https://directory.example.org/services/test-helpline/</loc>" in sitemap


def test_every_internal_link_resolves(built):
    for page in html_pages(built):
        for a in soup(page).find_all("a", href=True):
            href = a["href"].split("#")[0]
            if href.startswith("/"):
                target = built / href.lstrip("/")
                assert (target / "index.html").is_file() or target.is_file(), f"{page}: {href}"


def test_pages_run_no_inline_code_and_load_nothing_from_elsewhere(built):
    for page in html_pages(built):
        doc = soup(page)
        # Data blocks hold markup the scripts put in place (unpack.js): checked as the page is.
        blocks = [s for s in doc.find_all("script") if s.get("type") == "text/html"]
        assert all(s.get("src", "").startswith("/assets/") for s in doc.find_all("script")
                   if s not in blocks), page
        parts = [doc] + [BeautifulSoup(block.string, "html.parser") for block in blocks]
        assert not any(part.find_all(["style", "script"]) for part in parts[1:]), page
        assert not doc.find_all("style"), page
        for tag in (tag for part in parts for tag in part.find_all(True)):
            assert "style" not in tag.attrs, (page, tag.name)
            assert not [a for a in tag.attrs if a.lower().startswith("on")], (page, tag.name)
            # Same tab always; in a frame, _top leaves it and _self stays in it.
            assert tag.get("target") in (None, "_self", "_top"), (page, tag.name)
            for attr in ("src", "href"):
                value = tag.get(attr, "")
                assert not value.lower().startswith(("javascript:", "data:")), (page, value)
                if tag.name != "a":
                    assert not re.match(r"^(https?:)?//", value), (page, tag.name, value)
        for a in doc.find_all("a", href=re.compile(r"^https?://")):
            assert "noreferrer" in a.get("rel", []), (page, a["href"])
        assert not doc.find("link", rel="manifest")


def test_each_page_has_one_h1_and_a_unique_title(built):
    titles = {}
    for page in html_pages(built):
        doc = soup(page)
        assert doc.html["lang"] == "en-GB"
        assert len(doc.find_all("h1")) == 1, page
        title = doc.title.string
        assert title and title not in titles, (page, titles.get(title))
        titles[title] = page


def test_listing_text_is_escaped(built):
    page = soup(built / "services/lambeth-women-service/index.html")
    assert page.h1.get_text() == "Lambeth Women's Service <b>"
    assert not page.h1.find("b")


def test_a_failed_build_writes_nothing(project):
    build(project, today=TODAY)
    before = {p: p.read_bytes() for p in project.out_dir.rglob("*") if p.is_file()}
    project.services_file.write_text(project.services_file.read_text().replace(
        "number: 020 7946 0002", "number: 0123"))
    with pytest.raises(BuildFailed):
        build(project, today=TODAY)
    after = {p: p.read_bytes() for p in project.out_dir.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in project.out_dir.parent.iterdir() if p.name.startswith(".")] == []


def test_a_listing_without_its_dash_is_told_once_not_again_as_broken_links(project):
    # The fixture's help page links to the risk meeting: joined to the listing above, it has
    # no page, but that follows from the one mistake, which names it.
    text = project.services_file.read_text()
    project.services_file.write_text(text.replace("  - id: lewisham-risk-meeting",
                                                  "    id: lewisham-risk-meeting"))
    line = text[:text.index("  - id: lewisham-risk-meeting")].count("\n") + 1
    with pytest.raises(BuildFailed) as failed:
        build(project, today=TODAY)
    assert [p.text() for p in failed.value.problems] == [
        "service 'lewisham-risk-meeting': starts without '- ', so it is read as part of the "
        "listing above ('lambeth-women-service', line 21): put '- ' before 'id:'"]
    assert failed.value.problems[0].line == line


def test_a_template_error_writes_nothing(tmp_path):
    project = make_project(tmp_path / "p", copy=("templates",))
    build(project, today=TODAY)
    (project.templates_dir / "404.html").write_text(
        "{% extends 'base.html' %}{% block main %}{{ nope }}{% endblock %}")
    with pytest.raises(BuildFailed) as failed:
        build(project, today=TODAY)
    assert [str(p) for p in failed.value.problems] == [
        f"{project.templates_dir}/404.html:1: while rendering /404.html: 'nope' is undefined"]
    assert (project.out_dir / "index.html").is_file()


def test_refuses_to_replace_a_folder_it_did_not_build(project):
    project.out_dir.mkdir()
    (project.out_dir / "precious.txt").write_text("keep me")
    with pytest.raises(BuildFailed) as failed:
        build(project, today=TODAY)
    assert "refusing to replace this folder" in str(failed.value.problems[0])
    assert (project.out_dir / "precious.txt").read_text() == "keep me"


def test_the_synthetic_benchmark_data_builds_as_it_is(tmp_path):
    fixtures = Path(__file__).parent / "fixtures"
    settings = Settings.for_root(ROOT, services_file=fixtures / "synthetic-60.yaml",
                                 content_dir=fixtures / "plain-content", out_dir=tmp_path / "site")
    summary = build(settings, today=TODAY)
    assert summary.services == 60


# The real directory ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    settings = Settings.for_root(ROOT, out_dir=tmp_path_factory.mktemp("real") / "site")
    build(settings, today=REAL_TODAY)
    return settings.out_dir


def real_services(real_settings):
    from signpost.servicesfile import load_services
    services, problems = load_services(real_settings, "services.yaml", REAL_TODAY)
    assert problems == []
    return services


def test_every_phone_and_email_is_a_working_link(real_site, real_settings):
    for service in real_services(real_settings):
        page = soup(real_site / "services" / service.id / "index.html")
        tel = {a["href"]: a.get_text() for a in page.find_all("a", href=re.compile("^tel:"))}
        for phone in service.phones:
            assert tel.get(phone.href) == f"Call {phone.number}", (service.id, phone.number)
            digits = re.sub(r"\D", "", phone.number.replace("(0)", ""))  # +44 (0)20 ...
            assert phone.href.endswith(digits[1:] if digits.startswith("0") else digits)
        mail = {a["href"] for a in page.find_all("a", href=re.compile("^mailto:"))}
        for email in service.emails:
            assert f"mailto:{email.url}" in mail, (service.id, email.url)


def test_home_page_puts_the_helpline_first(real_site, real_settings):
    """Derived from the data, so that a correct edit to services.yaml or site.yaml keeps it."""
    services = real_services(real_settings)
    [helpline] = [s for s in services if s.id == real_settings.home_helpline]
    page = soup(real_site / "index.html")
    first_section = page.find("main").find("section")
    assert first_section.find("a", href=helpline.phones[0].href)
    # The boroughs with services based there: not those only in every borough's list.
    boroughs = {a for s in services if "residents" in s.audiences
                and not real_settings.everywhere(s.areas) for a in s.areas} - {"national"}
    assert boroughs
    for slug in boroughs:
        assert page.find("a", href=f"/areas/{slug}/"), slug
    assert page.find("a", href="/professionals/")


# The command line -----------------------------------------------------------------------

def run_cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args],
                          capture_output=True, text=True, cwd=ROOT)


def test_cli_lists_every_problem_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((FIXTURE / "services.yaml").read_text()
                   .replace("number: 020 7946 0002", "number: 0123")
                   .replace("areas: [lewisham]", "areas: [lewishm]")
                   .replace("    emails:\n      - label: Referrals\n        address: risk",
                            "    emails:\n      - label: Referrals\n        adress: risk"))
    out = tmp_path / "out"
    for command in (["check"], ["build", "--out", str(out)]):
        result = run_cli(*command, "--services", str(bad), "--content",
                         str(FIXTURE / "content"))
        assert result.returncode == 1
        lines = result.stderr.splitlines()
        assert lines[0] == (f"{bad}:31: service 'lambeth-women-service': phones.number: must be a "
                            "UK phone number, or an international one starting with + (got '0123')")
        assert lines[1].startswith(f"{bad}:60: service 'lewisham-risk-meeting': areas: unknown "
                                   "value 'lewishm' (did you mean 'lewisham'?)")
        assert lines[2] == (f"{bad}:63: service 'lewisham-risk-meeting': emails.adress: unknown "
                            "field (did you mean 'address'?)")
        assert "3 problem(s) found." in result.stderr
        assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists()


def test_the_templates_kept_compiled_are_the_templates_as_they_are_now(tmp_path):
    """`build.py compile` (which make runs) keeps the templates compiled beside their folder;
    a build never writes that file, and after a template is edited builds the page from
    its new text. Where the templates cannot be compiled, it says so and stops nothing."""
    project = tmp_path / "project"
    make_project(project, copy=("templates", "locales"))
    (project / "build.py").write_text((ROOT / "build.py").read_text(), encoding="utf-8")
    kept = project / ".templates.compiled"

    def cli(*args):
        return subprocess.run([sys.executable, "build.py", *args], capture_output=True,
                              text=True, cwd=project)
    assert cli("build", "--out", "first").returncode == 0
    assert not kept.exists()
    compiled = cli("compile")
    assert (compiled.returncode, compiled.stdout) == (0, f"Compiled the templates into {kept.name}\n")
    base = project / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace(
        '<main id="main"', '<main data-edited id="main"'), encoding="utf-8")
    assert cli("build", "--out", "second").returncode == 0
    assert soup(project / "second" / "index.html").select_one("main[data-edited]")
    kept.unlink()
    locale = project / "locales" / "en-GB.yaml"
    locale.write_text(locale.read_text(encoding="utf-8").replace("home_link: Home",
                                                                 "home_link: [Home"))
    broken = cli("compile")
    assert (broken.returncode, broken.stderr) == (
        0, "The templates were not compiled: each build will compile them.\n")
    assert not kept.exists()


def test_cli_builds_and_summarises(tmp_path):
    result = run_cli("build", "--out", str(tmp_path / "site"), "--services",
                     str(FIXTURE / "services.yaml"), "--content", str(FIXTURE / "content"),
                     "--exit-url", "http://127.0.0.1:9/")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"Built 3 services, \d+ pages in \d+\.\d\d s into .*\n", result.stdout)
    page = soup(tmp_path / "site" / "index.html")
    assert page.select_one(".app-exit__button")["href"] == "http://127.0.0.1:9/"
    assert run_cli("check", "--services", str(FIXTURE / "services.yaml"), "--content",
                   str(FIXTURE / "content")).returncode == 0


def test_cli_never_shows_a_traceback_for_unreadable_input(tmp_path):
    binary = tmp_path / "services.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    result = run_cli("check", "--services", str(binary))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{binary}:1: cannot read the services file")


def test_an_unreadable_services_file_is_one_problem_not_fifty():
    result = run_cli("check", "--services", "no-such-file.yaml")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "no-such-file.yaml:1: cannot read the services file ([Errno 2] No such file or "
        "directory: 'no-such-file.yaml')", "1 problem(s) found."]

