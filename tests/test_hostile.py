"""Hostile and odd input (issue 14): nothing a pull request, the settings or the command line
can hold writes outside the site, replaces a folder the build did not write, hides the Exit
button, breaks a header, crashes or hangs. Each case gets its exact message."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from signpost.pipeline import build
from signpost.problems import BuildFailed
from signpost.writer import MARKER, inside, write_site
from signpost.settings import Settings, load_settings
from signpost.outputs import Output
from conftest import FIXTURE, ROOT, TODAY
from test_services import GOOD  # one valid listing, the start of every case


def project_root(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """A copy of the project's templates, assets, locale and site.yaml, with site.yaml edited."""
    root = tmp_path / "root"
    for name in ("templates", "assets", "locales"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "netlify.toml", root / "netlify.toml")
    text = (ROOT / "site.yaml").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    (root / "site.yaml").write_text(text, encoding="utf-8")
    return root


def fixture_settings(root: Path, tmp_path: Path) -> Settings:
    return Settings.for_root(root, services_file=FIXTURE / "services.yaml",
                             content_dir=FIXTURE / "content", out_dir=tmp_path / "site")


def settings_problems(tmp_path: Path, *replacements: tuple[str, str]) -> list[str]:
    _, problems = load_settings(Settings.for_root(project_root(tmp_path, *replacements)))
    return [str(p) for p in problems]


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args],
                          capture_output=True, text=True, cwd=cwd)


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


# 1. Slugs that become paths -------------------------------------------------------------

SLUG = ("must be lower-case letters, digits and hyphens, like 'barking-and-dagenham' "
        "(it becomes part of the site's addresses)")


@pytest.mark.parametrize("old, new, expected", [
    ("  barnet:\n", "  ../../../../x:\n", f"site.yaml:{{line}}: areas: '../../../../x' {SLUG}"),
    ("  stalking:\n", "  /etc/cron.d:\n", f"site.yaml:{{line}}: categories: '/etc/cron.d' {SLUG}"),
    ("  women: Women and girls", "  '..': Women and girls",
     f"site.yaml:{{line}}: genders: '..' {SLUG}"),
    ("  lgbt:\n", "  LGBT Plus:\n", f"site.yaml:{{line}}: categories: 'LGBT Plus' {SLUG}"),
])
def test_a_slug_that_would_become_a_path_is_refused(tmp_path, old, new, expected):
    line = (ROOT / "site.yaml").read_text().split(old)[0].count("\n") + 1
    assert settings_problems(tmp_path, (old, new)) == [expected.format(line=line)]


def test_a_borough_may_not_take_the_name_of_the_embedded_service_pages_folder(tmp_path):
    line = (ROOT / "site.yaml").read_text().split("  barnet:\n")[0].count("\n") + 1
    assert settings_problems(tmp_path, ("  barnet:\n", "  services:\n")) == [
        f"site.yaml:{line}: areas: 'services' is the name of the folder of embedded service "
        "pages (/embed/services/): choose another slug"]


def test_an_embed_key_must_be_a_borough_slug(tmp_path):
    problems = settings_problems(tmp_path, ("embed:\n  lewisham:", "embed:\n  ../x:"))
    assert problems == ["site.yaml:21: embed: '../x' is not a borough in areas"]


def test_the_writer_refuses_a_path_outside_the_stage_even_without_validation(tmp_path):
    """Validation bypassed: an Output whose URL climbs out is stopped by the writer itself."""
    stage = tmp_path / "stage"
    stage.mkdir()
    outside = Output("/../../escaped/", "404.html", "Escaped", html="<p>rendered</p>")
    with pytest.raises(BuildFailed) as failed:
        write_site([outside], stage)
    assert [str(p) for p in failed.value.problems] == [
        "../../escaped/index.html:1: refusing to write this file: it would be outside the "
        "site's folder"]
    assert files_under(tmp_path) == {stage}
    for bad in ("../x", "a/../../x", "/etc/passwd", "", "."):
        with pytest.raises(BuildFailed):
            inside(stage, bad)
    assert inside(stage, "areas/lambeth/index.html") == stage.resolve() / "areas/lambeth/index.html"


# 2. The build replaces only a folder it wrote -------------------------------------------

IN_PROJECT = "(choose another --out, such as _site)"


@pytest.mark.parametrize("out, expected", [
    ("services.yaml", "that is the project's {root}/services.yaml, which the build reads"),
    ("site.yaml", "that is the project's {root}/site.yaml, which the build reads"),
    ("templates", "that is the project's {root}/templates, which the build reads"),
    ("assets/site", "it is inside the project's {root}/assets, which the build reads"),
    ("locales", "that is the project's {root}/locales, which the build reads"),
    ("content", "that is the project's {root}/content, which the build reads"),
    ("data/site", "it is inside the project's {root}/data, which the build reads"),
    (".", "that is the project's folder, which the build reads"),
    ("..", "it holds the project's folder, which the build reads"),
])
def test_the_site_is_never_written_over_the_projects_inputs(tmp_path, out, expected):
    root = project_root(tmp_path)
    shutil.copy(FIXTURE / "services.yaml", root / "services.yaml")
    shutil.copytree(FIXTURE / "content", root / "content")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    settings = Settings.for_root(root, out_dir=root / out)
    with pytest.raises(BuildFailed) as failed:
        build(settings, today=TODAY)
    assert [str(p) for p in failed.value.problems] == [
        f"--out:1: refusing to write the site to {str(root / out)!r}: "
        f"{expected.format(root=root)} {IN_PROJECT}"]
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["root"]


def test_an_out_folder_that_cannot_be_made_is_a_clear_problem(tmp_path):
    through_a_file = tmp_path / "a-file"
    through_a_file.write_text("x")
    result = run_cli("build", "--services", str(FIXTURE / "services.yaml"),
                     "--content", str(FIXTURE / "content"), "--out", str(through_a_file / "site"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"--out:1: refusing to write the site to {str(through_a_file / 'site')!r}: "
        f"{str(through_a_file)!r} is a file, not a folder {IN_PROJECT}", "1 problem(s) found.",
        "Nothing was written."]
    assert through_a_file.read_text() == "x"
    result = run_cli("build", "--services", str(FIXTURE / "services.yaml"),
                     "--content", str(FIXTURE / "content"), "--out", "/proc/signpost-site")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(
        "--out:1: cannot write the site to '/proc/signpost-site' (")
    assert "Traceback" not in result.stderr


def test_out_services_yaml_on_the_command_line_is_a_clear_problem(tmp_path):
    listings = tmp_path / "services.yaml"
    shutil.copy(FIXTURE / "services.yaml", listings)
    result = run_cli("build", "--services", str(listings), "--content", str(FIXTURE / "content"),
                     "--out", str(listings))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"--out:1: refusing to write the site to {str(listings)!r}: that is the project's "
        f"{listings}, which the build reads {IN_PROJECT}", "1 problem(s) found.",
        "Nothing was written."]
    assert listings.read_text() == (FIXTURE / "services.yaml").read_text()


def test_a_folder_that_only_looks_like_a_site_is_not_replaced(project):
    """A 404.html is no proof: only the marker the build writes is."""
    project.out_dir.mkdir()
    (project.out_dir / "404.html").write_text("someone else's page")
    with pytest.raises(BuildFailed) as failed:
        build(project, today=TODAY)
    assert [str(p) for p in failed.value.problems] == [
        f"--out:1: refusing to replace this folder ({str(project.out_dir)!r}): it is not empty "
        "and is not a site built by this tool (it has no .signpost-site file). Choose another "
        "--out, or empty it yourself"]
    assert (project.out_dir / "404.html").read_text() == "someone else's page"


def test_a_site_the_build_wrote_is_replaced_and_a_file_is_never(project):
    build(project, today=TODAY)
    assert (project.out_dir / MARKER).is_file()
    (project.out_dir / "stale.html").write_text("old")
    build(project, today=TODAY)  # its own site: replaced whole
    assert not (project.out_dir / "stale.html").exists()
    file = project.out_dir.parent / "a-file"
    file.write_text("keep")
    with pytest.raises(BuildFailed) as failed:
        build(Settings.for_root(ROOT, services_file=project.services_file,
                                content_dir=project.content_dir, out_dir=file), today=TODAY)
    assert str(failed.value.problems[0]).endswith(
        "that is a file, not a folder (choose another --out, such as _site)")
    assert file.read_text() == "keep"


# 3. Nothing from settings reaches CSS, HTML or headers unescaped ------------------------

def test_an_embed_name_cannot_write_css(tmp_path):
    root = project_root(tmp_path, (
        "    name: Lambeth Council\n", "    name: 'Lambeth */ .app-exit { display: none } /*'\n"
                                      "    accent: '#1d4f91'\n"))
    settings = fixture_settings(root, tmp_path)
    build(settings, today=TODAY)
    css = (settings.out_dir / "embed/lambeth/theme.css").read_text()
    assert "display" not in css and "Lambeth" not in css
    assert css.splitlines()[1] == ":root { --app-link: #1d4f91; }"
    page = (settings.out_dir / "embed/lambeth/index.html").read_text()
    assert "Lambeth */ .app-exit { display: none } /*" in page  # as text, in the title


@pytest.mark.parametrize("accent, shown", [
    ("'red; } .app-exit { display: none'", "'red; } .app-exit { display: none'"),
    ("'#1d4f91; x'", "'#1d4f91; x'"),
    ("['#000000']", "\"['#000000']\""),
])
def test_an_accent_must_be_a_colour(tmp_path, accent, shown):
    problems = settings_problems(tmp_path, ("    name: Lambeth Council\n",
                                            f"    name: Lambeth Council\n    accent: {accent}\n"))
    assert problems == [f"site.yaml:26: embed: 'lambeth': accent must be a colour like #1d4f91 "
                        f"with a contrast of at least 4.5:1 on white (got {shown})"]


@pytest.mark.parametrize("old, new, expected", [
    ("  women: Women and girls", "  women: {name: {first: Women}}",
     "genders: 'women': name: must be text, not a list or a mapping"),
    ("  women: Women and girls", "  women: [Women, girls]",
     "genders: 'women' needs a name"),
    ("    name: Lewisham Council", "    name: [Lewisham]",
     "embed: 'lewisham': name: must be text, not a list or a mapping"),
    ("site_name: London domestic abuse help", "site_name: " + "x" * 121,
     "site_name: is too long (121 characters; keep it under 120)"),
])
def test_names_in_settings_must_be_text(tmp_path, old, new, expected):
    [problem] = settings_problems(tmp_path, (old, new))
    assert problem.split(": ", 1)[1] == expected


# 4. The exit goes somewhere real ---------------------------------------------------------

EXIT = "must be a complete https:// address with a host, like https://www.bbc.co.uk/weather"


@pytest.mark.parametrize("value, expected", [
    ("'https://'", f"exit_url: {EXIT} (got 'https://')"),
    ("'javascript:alert(1)'", "exit_url: must start with https:// (got 'javascript:alert(1)')"),
    ("'https://[example.org/'", f"exit_url: {EXIT} (got 'https://[example.org/')"),
    ("'https://www.bbc.co.uk@evil.example/'", "exit_url: must not have a name or password "
     "before the host: it would go to 'evil.example' (got 'https://www.bbc.co.uk@evil.example/')"),
    ("'https://bbc.co.uk:port/'", f"exit_url: {EXIT} (got 'https://bbc.co.uk:port/')"),
    ('"https://www.bbc.co.uk/\\nweather"', f"exit_url: {EXIT} (got 'https://www.bbc.co.uk/ weather')"),
    ("'http://127.0.0.1/'", "exit_url: must start with https:// (got 'http://127.0.0.1/')"),
])
def test_exit_url_in_settings_must_be_complete(tmp_path, value, expected):
    problems = settings_problems(tmp_path, ("exit_url: https://www.bbc.co.uk/weather",
                                            f"exit_url: {value}"))
    assert problems == [f"site.yaml:9: {expected}"]


@pytest.mark.parametrize("value", ["javascript:alert(1)", "https://", "https:///weather",
                                   "//www.bbc.co.uk", "http://www.bbc.co.uk/weather",
                                   "https://a b.example/", "data:text/html,x"])
def test_exit_url_given_to_the_build_must_be_complete(project, value):
    with pytest.raises(BuildFailed) as failed:
        build(project, exit_url=value, today=TODAY)
    assert [str(p) for p in failed.value.problems] == [f"--exit-url:1: {EXIT} (got {value!r})"]
    assert not project.out_dir.exists()


def test_exit_url_on_the_command_line_must_be_complete(tmp_path):
    result = run_cli("build", "--out", str(tmp_path / "site"), "--services",
                     str(FIXTURE / "services.yaml"), "--content", str(FIXTURE / "content"),
                     "--exit-url", "javascript:alert(1)")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"--exit-url:1: {EXIT} (got 'javascript:alert(1)')",
                                          "1 problem(s) found.", "Nothing was written."]
    assert not (tmp_path / "site").exists()


# 5. Origins cannot split a header -------------------------------------------------------

@pytest.mark.parametrize("origin", ['"https://lewisham.gov.uk\\n"', '"https://a.gov.uk\\nX-Evil: 1"',
                                    "https://lewisham.gov.uk/", "http://lewisham.gov.uk",
                                    "'https://lewisham.gov.uk *'", "https://user@lewisham.gov.uk",
                                    "javascript:x", "'https://lewisham.gov.uk:99999999'"])
def test_embed_origins_in_settings_are_origins(tmp_path, origin):
    problems = settings_problems(tmp_path, ("origins: [https://lewisham.gov.uk, ",
                                            f"origins: [{origin}, "))
    assert problems == ["site.yaml:23: embed: 'lewisham': each origin must be like "
                        "https://www.example.gov.uk (no path, no /)"]


@pytest.mark.parametrize("origin", ["https://a.gov.uk\n", "https://a.gov.uk\nX-Evil: 1",
                                    "http://evil.example", "https://a.gov.uk/path", " https://a.gov.uk"])
def test_embed_origins_on_the_command_line_are_origins(tmp_path, origin):
    settings = Settings.for_root(ROOT, out_dir=tmp_path / "site",
                                 services_file=FIXTURE / "services.yaml",
                                 content_dir=FIXTURE / "content")
    import dataclasses
    settings = dataclasses.replace(settings, extra_embed_origins=(origin,))
    with pytest.raises(BuildFailed) as failed:
        build(settings, today=TODAY)
    shown = origin.replace("\n", " ")
    assert [str(p) for p in failed.value.problems] == [
        f"--embed-origin:1: must be like https://www.example.gov.uk (got {shown!r})"]
    assert not settings.out_dir.exists()


def test_loopback_origins_are_for_tests_and_every_header_is_one_line(tmp_path):
    import dataclasses
    settings = dataclasses.replace(fixture_settings(project_root(tmp_path), tmp_path),
                                   extra_embed_origins=("http://127.0.0.1:8123",))
    build(settings, today=TODAY)
    lines = (settings.out_dir / "_headers").read_text().splitlines()
    assert all(line.startswith(("#", "/", "  ")) for line in lines)
    assert "frame-ancestors 'self' https://lambeth.gov.uk https://www.lambeth.gov.uk " \
           "http://127.0.0.1:8123" in "\n".join(lines)


# Crashes, hangs and wrong answers: each a clear problem line ----------------------------

S = "services.yaml:{line}: service 'good-service': "
HIDDEN = "contains an invisible or control character ({}): delete it, as it can hide or reorder text"


def service_problems(text: str, settings) -> list[str]:
    from signpost.servicesfile import read_services
    return [str(p) for p in read_services(text, "services.yaml", settings, TODAY)[1]]


def extra(*lines: str) -> str:
    return GOOD + "".join(line + "\n" for line in lines)


SERVICE_CASES = [
    ("a superscript digit as an age",
     extra("    eligibility:", "      - min_age: '²'"),
     [S.format(line=10) + "eligibility.min_age: must be a whole number from 0 to 120 (got '²')"]),
    ("Arabic-Indic digits as an age",
     extra("    eligibility:", "      - max_age: '١٦'"),
     [S.format(line=10) + "eligibility.max_age: must be a whole number from 0 to 120 (got '١٦')"]),
    ("an unclosed IPv6 bracket in a website",
     extra("    website: 'https://[example.org/'"),
     [S.format(line=9) + "website: must be a web address starting with https:// "
                         "(got 'https://[example.org/')"]),
    ("credentials in a website",
     extra("    website: https://www.nhs.uk@evil.example/"),
     [S.format(line=9) + "website: must not have a name or password before the host: it would "
                         "go to 'evil.example' (got 'https://www.nhs.uk@evil.example/')"]),
    ("a quote in a website, to break out of its attribute",
     extra("""    website: 'https://example.org/"onmouseover=x'"""),
     [S.format(line=9) + "website: has a character a web address cannot have ('\"'): copy the "
                         "address again from the browser's address bar "
                         """(got 'https://example.org/"onmouseover=x')"""]),
    ("a percent sign before the @ of an email address, which some servers send on",
     extra("    emails:", "      - address: 'help%evil.example@example.org'"),
     [S.format(line=10) + "emails.address: must be an email address like name@example.org "
                          "(got 'help%evil.example@example.org')"]),
    ("a look-alike international domain",
     extra("    website: https://www.nhs.uк/"),
     [S.format(line=9) + "website: must write an international domain in its xn-- form, so that "
                         "look-alike letters cannot pass for another site (got 'https://www.nhs.uк/')"]),
    ("a website split over two lines",
     extra('    website: "https://nhs.uk/\\nhttps://evil.example/"'),
     [S.format(line=9) + "website: must be a web address starting with https:// "
                         "(got 'https://nhs.uk/ https://evil.example/')"]),
    ("full-width digits in a time",
     extra("    opening_hours:", "      - days: [mon]", "        opens: '０９:００'",
           "        closes: '17:00'"),
     [S.format(line=11) + "opening_hours.opens: must be a 24-hour time like '09:00' (got '０９:００')"]),
    ("a time with a newline after it",
     extra("    opening_hours:", "      - days: [mon]", '        opens: "09:00\\n"',
           "        closes: '17:00'"),
     [S.format(line=11) + "opening_hours.opens: must be a 24-hour time like '09:00' (got '09:00 ')"]),
    ("Arabic-Indic digits in a phone number",
     GOOD.replace("020 7946 0002", "'٠٢٠ ٧٩٤٦ ٠٠٠٢'"),
     [S.format(line=8) + "phones.number: must be written with the digits 0 to 9 "
                         "(got '٠٢٠ ٧٩٤٦ ٠٠٠٢')"]),
    ("a right-to-left override in a name",
     GOOD.replace("Good Service", "Good \u202eecivreS"),
     [S.format(line=3) + "name: " + HIDDEN.format("U+202E, RIGHT-TO-LEFT OVERRIDE")]),
    ("a bidi isolate in a phone label",
     GOOD.replace("label: Office", "label: \u2067Office\u2069"),
     [S.format(line=7) + "label: " + HIDDEN.format("U+2067, RIGHT-TO-LEFT ISOLATE")]),
    ("an escape character in a summary",
     GOOD.replace("A good service.", "'A good \x1b[8mservice.'"),
     [S.format(line=4) + "summary: " + HIDDEN.format("U+001B, a control character")]),
    ("a NUL byte, on its real line",
     GOOD.replace("Office", "Off\x00ice"),
     [S.format(line=7) + "label: " + HIDDEN.format("U+0000, a control character")]),
    ("a right-to-left override written as a YAML escape",
     GOOD.replace("Good Service", '"Good \\u202eecivreS"'),
     [S.format(line=3) + HIDDEN.format("U+202E, RIGHT-TO-LEFT OVERRIDE")]),
    ("an escape character written as a YAML escape",
     GOOD.replace("A good service.", '"A good \\e[8mservice."'),
     [S.format(line=4) + HIDDEN.format("U+001B, a control character")]),
    ("a right-to-left mark written as a character reference in Markdown",
     extra("    description: 'Call &rlm;0808 2000 247 or &#x202E;now'"),
     [S.format(line=9) + "description: " + HIDDEN.format("U+200F, RIGHT-TO-LEFT MARK")]),
    ("a zero-width space in a name",
     GOOD.replace("Good Service", "Good\u200bService"),
     [S.format(line=3) + "name: " + HIDDEN.format("U+200B, ZERO WIDTH SPACE")]),
    ("a name of zero-width joiners only",
     GOOD.replace("Good Service", "'\u200d\u200d'"),
     [S.format(line=3) + "this value has no visible characters: write it out, or delete it"]),
    ("a second top-level services key",
     GOOD + "services:\n  - id: other\n",
     ["services.yaml:9: services: is set twice (first on line 1): "
     "if this line starts a new listing or phone, put '- ' before it; if not, keep one"]),
    ("an invalid id, named as written",
     GOOD.replace("id: good-service", "id: Bad ID With Spaces"),
     ["services.yaml:2: service 'Bad ID With Spaces': id: must be lower-case letters, digits and "
      "hyphens, like 'gaia-centre' (got 'Bad ID With Spaces')"]),
    ("deeply nested flow collections",
     GOOD.replace("areas: [lambeth]", "areas: " + "[" * 900 + "]" * 900),
     [S.format(line=5) + "this is nested more than 20 levels deep: nothing here needs so many"]),
    ("thousands of [ in a description, read in time linear in its length",
     extra("    description: '" + "[" * 4000 + "'"), []),
    ("thousands of unclosed links in a description, read in linear time too",
     extra("    description: '" + "[x](" * 1000 + "'"), []),
    ("a Markdown list hundreds of levels deep",
     extra("    description: '" + "- " * 400 + "x'"),
     [S.format(line=9) + "description: line 1 of the text is nested too deeply (more than 64 "
                         "spaces, or 16 list or quote markers): write it flatter"]),
    ("a description over its limit",
     extra("    description: " + "x" * 5001),
     [S.format(line=9) + "description: is too long (5001 characters; keep it under 5000)"]),
    ("a name over its limit",
     GOOD.replace("Good Service", "G" * 121),
     [S.format(line=3) + "name: is too long (121 characters; keep it under 120)"]),
    ("a phone label over its limit",
     GOOD.replace("label: Office", "label: " + "O" * 121),
     [S.format(line=7) + "phones.label: is too long (121 characters; keep it under 120)"]),
    ("a source over its limit",
     extra("    source: " + "s" * 2001),
     [S.format(line=9) + "source: is too long (2001 characters; keep it under 2000)"]),
    ("a credentials link in the description",
     extra("    description: '[NHS](https://www.nhs.uk@evil.example/)'"),
     [S.format(line=9) + "description: link must not have a name or password before the host: "
                         "it would go to 'evil.example' (got 'https://www.nhs.uk@evil.example/')"]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in SERVICE_CASES],
                         ids=[c[0] for c in SERVICE_CASES])
def test_hostile_listing_gets_exact_message(text, expected, settings):
    assert service_problems(text, settings) == expected


def test_an_email_autolink_is_accepted(settings):
    from signpost.servicesfile import read_services
    [service], problems = read_services(extra("    description: Write to <help@example.org>."),
                                        "services.yaml", settings, TODAY)
    assert problems == []
    assert '<a href="mailto:help@example.org">' in service.description_html


def test_a_30_mb_description_is_refused_quickly(tmp_path, settings):
    import time
    started = time.perf_counter()
    problems = service_problems(extra("    description: " + "x" * 30_000_000), settings)
    assert problems == [S.format(line=9) + "description: is too long (30000000 characters; keep "
                                           "it under 5000)"]
    assert time.perf_counter() - started < 10


def test_a_services_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    import signpost.servicesfile
    monkeypatch.setattr(signpost.servicesfile, "SERVICES_LIMIT", 1000)
    listings = tmp_path / "services.yaml"
    listings.write_text(GOOD + "#" * 1000)
    settings = Settings.for_root(ROOT, services_file=listings)
    assert [str(p) for p in signpost.servicesfile.load_services(settings, "services.yaml", TODAY)[1]] \
        == ["services.yaml:1: cannot read the services file (it is larger than the limit of "
            "1,000 bytes)"]


def test_invalid_utf8_is_reported_on_its_line(tmp_path):
    from signpost.servicesfile import load_services
    listings = tmp_path / "services.yaml"
    listings.write_bytes(GOOD.replace("Good Service", "Caf\xe9").encode("latin-1"))
    settings = Settings.for_root(ROOT, services_file=listings)
    assert [str(p) for p in load_services(settings, "services.yaml", TODAY)[1]] == [
        "services.yaml:3: cannot read the services file (it is not UTF-8 text: byte 0xe9 on this "
        "line cannot be read; save the file as UTF-8)"]


def test_a_page_size_in_superscript_digits(tmp_path):
    assert settings_problems(tmp_path, ("page_size: 20", "page_size: '²⁰'")) == [
        "site.yaml:34: page_size: must be a whole number from 5 to 500"]


# Content pages ----------------------------------------------------------------------------

PAGE = "---\ntitle: Help\nsummary: Short.\n---\n\n"


def page_problems(tmp_path, body: str | bytes, name: str = "help.md") -> list[str]:
    from signpost.content import read_page
    path = tmp_path / name
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(PAGE + body, encoding="utf-8")
    return [str(p) for p in read_page(path, f"content/{name}")[1]]


@pytest.mark.parametrize("body, expected", [
    ("Fine.\n\nStill \u202efine.\n", ["content/help.md:8: " + HIDDEN.format(
        "U+202E, RIGHT-TO-LEFT OVERRIDE")]),
    ("- " * 300 + "x\n", ["content/help.md:6: line 2 of the text is nested too deeply (more than "
                          "64 spaces, or 16 list or quote markers): write it flatter"]),
    ("".join("    " * i + "1. x\n" for i in range(30)),
     ["content/help.md:23: line 19 of the text is nested too deeply (more than 64 spaces, or 16 "
      "list or quote markers): write it flatter"]),
    (">" * 500 + " x\n", ["content/help.md:6: line 2 of the text is nested too deeply (more than "
                          "64 spaces, or 16 list or quote markers): write it flatter"]),
    ("[" * 10_000 + " help\n", []),
    ("…\n\n—\n", ["content/help.md:5: the page has no words: write its text after the front "
                   "matter"]),
    ("", ["content/help.md:5: the page has no words: write its text after the front matter"]),
    (("word " * 4001 + "\n"), []),
    ("Write to <help@example.org>.\n", []),
])
def test_hostile_page_gets_exact_message(tmp_path, body, expected):
    assert page_problems(tmp_path, body) == expected


def test_a_page_file_name_ending_in_a_new_line_is_refused(tmp_path):
    assert page_problems(tmp_path, "Words.\n", name="evil\n.md") == [
        "content/evil\\n.md:1: the file name must be lower-case letters, digits and hyphens, "
        "like 'staying-safe-online.md'"]


def test_front_matter_has_limits_and_no_hidden_characters(tmp_path):
    from signpost.content import read_page
    path = tmp_path / "help.md"
    path.write_text("---\ntitle: " + "T" * 121 + "\nsummary: 'Short\u202e.'\n---\nBody\n")
    assert [str(p) for p in read_page(path, "content/help.md")[1]] == [
        "content/help.md:3: " + HIDDEN.format("U+202E, RIGHT-TO-LEFT OVERRIDE")]
    path.write_text("---\ntitle: " + "T" * 121 + "\nsummary: Short.\n---\nBody\n")
    assert [str(p) for p in read_page(path, "content/help.md")[1]] == [
        "content/help.md:2: front matter: title is too long (121 characters; keep it under 120)"]


def test_hidden_characters_in_settings_are_found_on_their_line(tmp_path):
    assert settings_problems(tmp_path, ("site_name: London", "site_name: \u202eLondon")) == [
        "site.yaml:5: " + HIDDEN.format("U+202E, RIGHT-TO-LEFT OVERRIDE")]


def test_a_bad_id_adds_no_follow_on_link_problems(project):
    from signpost.pipeline import check
    text = project.services_file.read_text()
    project.services_file.write_text(text.replace("id: lambeth-women-service", "id: Lambeth-Women")
                                     .replace("/staying-safe-online/", "/services/Lambeth-Women/"))
    with pytest.raises(BuildFailed) as failed:
        check(project, TODAY)
    assert [p.text() for p in failed.value.problems] == [
        "service 'Lambeth-Women': id: must be lower-case letters, digits and hyphens, like "
        "'gaia-centre' (got 'Lambeth-Women')"]


def test_a_link_that_goes_nowhere_is_reported_on_its_own_line(project):
    listings = project.services_file
    listings.write_text(listings.read_text().replace("(/staying-safe-online/)", "(/nowhere/)"))
    (project.content_dir / "guide.md").write_text(
        "---\ntitle: A guide\nsummary: Short.\n---\n\nFirst words.\n\n"
        "Then [a link](/gone/) and more.\n\n[ref]: /also-gone/\n[ref] again.\n\n"
        "The same [link again](/gone/), [and again](/gone/).\n\nAt last [once more](/gone/).\n")
    assert check_problems(project) == [
        f"{project.content_dir}/guide.md:8: link to /gone/ goes to a page that does not exist",
        f"{project.content_dir}/guide.md:10: link to /also-gone/ goes to a page that does not "
        "exist",
        # The same link again is told at its own line too, not at the first one's.
        f"{project.content_dir}/guide.md:13: link to /gone/ goes to a page that does not exist",
        f"{project.content_dir}/guide.md:13: link to /gone/ goes to a page that does not exist",
        f"{project.content_dir}/guide.md:15: link to /gone/ goes to a page that does not exist",
        f"{listings}:8: service 'test-helpline': description: link to /nowhere/ goes to a page "
        "that does not exist"]


def test_a_page_saved_by_notepad_is_accepted(tmp_path):
    """A byte-order mark and CR LF line ends."""
    from signpost.content import read_page
    path = tmp_path / "help.md"
    path.write_bytes(b"\xef\xbb\xbf" + (PAGE + "Some help.\n").replace("\n", "\r\n").encode())
    page, problems = read_page(path, "content/help.md")
    assert problems == [] and page.title == "Help" and page.html == "<p>Some help.</p>"


def test_unreadable_pages_are_refused_without_reading_them(tmp_path):
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    assert page_problems(tmp_path, None or b"", "empty.md") == [
        "content/empty.md:1: front matter is missing: start the file with '---' on a line of "
        "its own, then title: and summary:, then '---'"]
    from signpost.content import read_page
    assert [str(p) for p in read_page(tmp_path / "zero.md", "content/zero.md")[1]] == [
        "content/zero.md:1: cannot read the file (it is a link to another file: save the page "
        "itself here)"]
    assert page_problems(tmp_path, (PAGE + "x" * 100_000).encode(), "big.md") == [
        "content/big.md:1: cannot read the file (it is larger than the limit of 100,000 bytes)"]
    assert page_problems(tmp_path, (PAGE + "line\nCaf\xe9\n").encode("latin-1"), "latin.md") == [
        "content/latin.md:7: cannot read the file (it is not UTF-8 text: byte 0xe9 on this line "
        "cannot be read; save the file as UTF-8)"]


# Linear time ----------------------------------------------------------------------------

@pytest.mark.parametrize("piece", ["[", "[x](", "![", "[[x]", "(", "[x](/a) [y](/b ", "\\\\[",
                                   "`[`", "[`x`", "[x]", "\\[", "a (", "*a", "**_", "_a ", "`a",
                                   "<", "&#", "> ", "- ", "1. ", "[a]: /u\n", "|a", "``a`", "*a **b "])
def test_markdown_is_read_in_time_linear_in_its_length(piece):
    """What made Python-Markdown take a minute (10,000 unclosed [) or more: 200,000 characters
    of each, well over any page, convert within a second (cmark-gfm: about 0.2 s at most)."""
    import time
    from signpost.markup import convert
    text = (piece * (200_000 // len(piece) + 1))[:200_000]
    started = time.perf_counter()
    convert(text)
    assert time.perf_counter() - started < 1, piece


@pytest.mark.parametrize("piece", ["#", " #", "a #", "!", " !", "a" + " " * 50 + "#"])
def test_yaml_is_looked_at_again_in_linear_time(piece):
    """Each ' #' or '!' may cut a value short (yamlfile._cut_lines): 400,000 characters of
    them, far over any services.yaml line, are found within a second (about 0.15 s on this
    machine, when quiet: room for a busy one; time that grew with the square of the length
    would be hours)."""
    import time
    from signpost.yamlfile import _cut_lines
    text = "summary: " + (piece * (400_000 // len(piece) + 1))[:400_000]
    started = time.perf_counter()
    _cut_lines(text)
    assert time.perf_counter() - started < 1, piece


def test_every_entrys_yaml_mistake_is_found_in_linear_time(settings):
    """Each entry is read on its own when the file is not valid YAML: 40,000 entries with a
    mistake each (160,000 lines; the real directory has 25) are all told within seconds
    (about 1.3 s here). Reading each after as many blank lines as there are lines before it,
    as a first version did, took 1.5 s at 8,000, so about 40 s here."""
    import time
    from signpost.servicesfile import read_services
    text = "services:\n" + "".join(f"  - id: s{n}\n    name: S\n    summary: Help: now\n"
                                   "    areas: [lambeth]\n" for n in range(40_000))
    started = time.perf_counter()
    _, problems = read_services(text, "services.yaml", settings, TODAY)
    assert time.perf_counter() - started < 8
    assert len(problems) == 40_000 and problems[-1].service == "s39999"


# The dev server -------------------------------------------------------------------------

def test_serve_prints_problems_for_a_crash_causing_edit_and_keeps_serving(project, capsys):
    from signpost.serve import rebuild
    assert rebuild(project) is not None
    index = (project.out_dir / "index.html").read_text()
    text = project.services_file.read_text()
    project.services_file.write_text(text.replace("min_age: 16", "min_age: '²'"))
    assert rebuild(project) is None
    out = capsys.readouterr().out
    assert "service 'lambeth-women-service': eligibility.min_age: must be a whole number from 0 " \
           "to 120 (got '²')" in out
    assert "Traceback" not in out
    assert (project.out_dir / "index.html").read_text() == index


def test_serve_survives_an_unexpected_error(project, capsys, monkeypatch):
    import signpost.serve
    monkeypatch.setattr(signpost.serve.Incremental, "build", lambda *a, **k: {}["a bug"])
    assert signpost.serve.rebuild(project) is None
    assert capsys.readouterr().out.splitlines() == [
        "The build stopped on an unexpected error (KeyError: 'a bug'); this is a bug in the "
        "build, please report it.", "The site was not rebuilt: still serving the last good build."]


def test_the_command_line_lists_hostile_input_without_a_traceback(tmp_path):
    listings = tmp_path / "services.yaml"
    listings.write_text(extra("    eligibility:", "      - min_age: '²'",
                              "    website: 'https://[example.org/'",
                              "    description: '" + "- " * 400 + "x'"), encoding="utf-8")
    result = run_cli("check", "--services", str(listings), "--content", str(FIXTURE / "content"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr) < 2000
    assert result.stderr.splitlines()[-1] == "3 problem(s) found."


# 7. Help for people who harm is never offered as help for victims -------------------------

HARM_LISTING = """
  - id: change-line
    name: Change Line
    summary: A fictional line for people who want to stop being abusive.
    areas: [national]
    for_people_who_harm: true
    phones:
      - number: 020 7946 0999
"""


def check_problems(project: Settings) -> list[str]:
    from signpost.pipeline import check
    with pytest.raises(BuildFailed) as failed:
        check(project, TODAY)
    return [str(p) for p in failed.value.problems]


def with_harm_listing(project: Settings, old: str, new: str) -> int:
    """Add a listing for people who harm and edit site.yaml; return the edited line."""
    with project.services_file.open("a", encoding="utf-8") as listings:
        listings.write(HARM_LISTING)
    text = project.settings_file.read_text(encoding="utf-8")
    assert old in text, old
    project.settings_file.write_text(text.replace(old, new), encoding="utf-8")
    return text.split(old)[0].count("\n") + 1 + old.count("\n")


def test_a_line_for_people_who_harm_can_never_be_the_home_helpline(project):
    line = with_harm_listing(project, "home_helpline: test-helpline",
                             "home_helpline: change-line")
    assert check_problems(project) == [
        f"{project.settings_file}:{line}: home_helpline: 'change-line' is help for people "
        "who harm: it can never be offered as a line for victims to call"]


def test_a_line_for_people_who_harm_can_never_be_a_kind_of_helps_line(project):
    line = with_harm_listing(project, "    description: Support for children and young people.\n",
                             "    description: Support for children and young people.\n"
                             "    helplines: [test-helpline, change-line]\n")
    assert check_problems(project) == [
        f"{project.settings_file}:{line}: categories: 'children-young-people': helplines: "
        "'change-line' is help for people who harm: it can never be offered as a line for "
        "victims to call"]


def test_a_line_for_people_who_harm_can_never_be_a_groups_line(project):
    line = with_harm_listing(project, "  men: Men and boys\n",
                             "  men:\n    name: Men and boys\n    helplines: [change-line]\n")
    # (line is that of the name: helplines come next)
    assert check_problems(project) == [
        f"{project.settings_file}:{line + 1}: genders: 'men': helplines: 'change-line' is help for "
        "people who harm: it can never be offered as a line for victims to call"]


def test_a_kind_of_help_for_people_who_harm_offers_only_its_own_lines(project):
    # Its own line (the Respect Phoneline, in the real directory) is what to call; a victims'
    # line is never offered as the help for changing.
    anchor = "categories:\n"
    harm_kind = ("categories:\n  behaviour-change:\n    name: Help to stop being abusive\n"
                 "    for_people_who_harm: true\n    helplines: [change-line, test-helpline]\n")
    line = with_harm_listing(project, anchor, harm_kind)
    assert check_problems(project) == [
        f"{project.settings_file}:{line + 3}: categories: 'behaviour-change': helplines: "
        "'test-helpline' is not help for people who harm: a kind of help for people who harm "
        "offers only lines for them (listings with for_people_who_harm: true)"]


def test_a_listing_in_a_kind_of_help_for_people_who_harm_is_that_whatever_it_says(settings):
    from dataclasses import replace
    from signpost.servicesfile import read_services
    from signpost.settings import Term
    harm = Term("behaviour-change", "Help to stop being abusive", for_people_who_harm=True)
    settings = replace(settings, categories={**settings.categories, harm.slug: harm})
    for said in ("", "    for_people_who_harm: false", "    for_people_who_harm: true"):
        listing = extra("    categories: [domestic-abuse, behaviour-change]", said)
        [service], problems = read_services(listing, "services.yaml", settings, TODAY)
        assert problems == [] and service.for_people_who_harm is True
    [service], _ = read_services(extra("    categories: [domestic-abuse]"), "services.yaml",
                                 settings, TODAY)
    assert service.for_people_who_harm is False


def test_a_line_to_call_that_no_listing_has_is_a_problem_on_its_line(project):
    # Published, the home page would have lost its number without a word.
    text = project.settings_file.read_text(encoding="utf-8")
    project.settings_file.write_text(text.replace("home_helpline: test-helpline",
                                                  "home_helpline: test-helpine"))
    line = text.split("home_helpline:")[0].count("\n") + 1
    told = (f"site.yaml:{line}: home_helpline: no listing has the id 'test-helpine', so no "
            "page would offer it (did you mean 'test-helpline'?): if you changed a listing's id "
            "in services.yaml, change it here too")
    assert [p.split("/")[-1] for p in check_problems(project)] == [told]


def test_a_listing_whose_id_changed_is_named_where_its_old_id_is_used(project):
    listings = project.services_file
    listings.write_text(listings.read_text().replace("id: test-helpline", "id: test-line"))
    problems = check_problems(project)
    assert any(p.endswith("home_helpline: no listing has the id 'test-helpline', so no page "
                          "would offer it (the listing 'Test Helpline' has the id 'test-line'): "
                          "if you changed a listing's id in services.yaml, change it here too")
               for p in problems)
    # The help page's link to it, as well.
    assert any(p.endswith("link to /services/test-helpline/ goes to a page that does not exist "
                          "(the listing 'Test Helpline' is at /services/test-line/)")
               for p in problems)


def test_listings_from_another_file_are_only_warned_of_lines_they_lack(project, tmp_path):
    # As the benchmarks' generated listings, built with the real site.yaml.
    from dataclasses import replace
    from signpost.pipeline import check
    from signpost.settings import unknown_helplines
    text = project.settings_file.read_text(encoding="utf-8")
    project.settings_file.write_text(text.replace("home_helpline: test-helpline",
                                                  "home_helpline: generated-helpline"))
    other = tmp_path / "other.yaml"
    other.write_text(project.services_file.read_text())
    settings, services, _ = check(replace(project, services_file=other), TODAY)
    assert [w.message.split(",")[0] for w in unknown_helplines(settings, services, "site.yaml")] \
        == ["home_helpline: no listing has the id 'generated-helpline'"]


def test_a_mistake_in_a_setting_does_not_hide_the_listings_problems(project):
    text = project.settings_file.read_text(encoding="utf-8")
    project.settings_file.write_text(text.replace("page_size: 20", "page_size: 0"))
    listings = project.services_file
    listings.write_text(listings.read_text().replace("last_reviewed: 2026-01-10",
                                                     "last_reviewed: 2026-13-45"))
    problems = check_problems(project)
    assert len(problems) == 2
    assert problems[0].endswith("site.yaml:16: page_size: must be a whole number from 5 to 500")
    assert problems[1].startswith(f"{listings}:18: service 'test-helpline': last_reviewed: ")


def test_a_mistake_in_a_vocabulary_stops_the_check_there(project):
    text = project.settings_file.read_text(encoding="utf-8")
    project.settings_file.write_text(text.replace("  camden:\n    name: Camden\n",
                                                  "  camden:\n    name: [Camden]\n"))
    assert [p.split(": ", 1)[1] for p in check_problems(project)] == [
        "areas: 'camden': name: must be text, not a list or a mapping"]
