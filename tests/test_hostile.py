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
from signpost.render import MARKER, inside, write_site
from signpost.settings import Settings, load_settings
from signpost.site import Output
from conftest import FIXTURE, ROOT, TODAY


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
    ("  barnet:\n", "  ../../../../x:\n", f"site.yaml:45: areas: '../../../../x' {SLUG}"),
    ("  stalking:\n", "  /etc/cron.d:\n", f"site.yaml:{{line}}: categories: '/etc/cron.d' {SLUG}"),
    ("  men: Men and boys", "  '..': Men and boys", f"site.yaml:{{line}}: genders: '..' {SLUG}"),
    ("  lgbt:\n", "  LGBT Plus:\n", f"site.yaml:{{line}}: categories: 'LGBT Plus' {SLUG}"),
])
def test_a_slug_that_would_become_a_path_is_refused(tmp_path, old, new, expected):
    line = (ROOT / "site.yaml").read_text().split(old)[0].count("\n") + 1
    assert settings_problems(tmp_path, (old, new)) == [expected.format(line=line)]


def test_an_embed_key_must_be_a_borough_slug(tmp_path):
    problems = settings_problems(tmp_path, ("embed:\n  lewisham:", "embed:\n  ../x:"))
    assert problems == ["site.yaml:21: embed: '../x' is not a borough in areas"]


def test_the_writer_refuses_a_path_outside_the_stage_even_without_validation(tmp_path, settings):
    """Validation bypassed: an Output whose URL climbs out is stopped by the writer itself."""
    from signpost.render import make_env
    stage = tmp_path / "stage"
    stage.mkdir()
    outside = Output("/../../escaped/", "404.html", "Escaped")
    with pytest.raises(BuildFailed) as failed:
        write_site([outside], make_env(settings), stage)
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
def test_exit_url_on_the_command_line_must_be_complete(tmp_path, value):
    result = run_cli("build", "--out", str(tmp_path / "site"), "--services",
                     str(FIXTURE / "services.yaml"), "--content", str(FIXTURE / "content"),
                     "--exit-url", value)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"--exit-url:1: {EXIT} (got {value!r})",
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
