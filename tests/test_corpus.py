"""`check` finds everything `build` would: a corpus of broken projects, each the fixture
project with one mistake, run through check and build. The test fails if check passes
where build fails, and pins the message each mistake gets (files named as a person in the
project folder would type them)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from signpost.pipeline import build, check
from signpost.problems import BuildFailed
from signpost.settings import Settings
from conftest import FIXTURE, ROOT, TODAY, make_project


def edit(path: str, old: str, new: str, count: int = 1):
    """A mutation: replace old by new in one file of the project (old must be there)."""
    def mutate(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert text.count(old) >= count, (path, old)
        file.write_text(text.replace(old, new, count), encoding="utf-8")
    return mutate


def delete(path: str):
    return lambda project: (project / path).unlink()


def at(path: str, needle: str, after: int = 0) -> str:
    """'path:line' of the first line holding needle in the project's own code files (plus
    `after` lines), so the expectations follow edits to the wording and the templates."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    return f"{path}:{next(n for n, line in enumerate(lines, 1) if needle in line) + after}"


def fixture_line(needle: str) -> int:
    """The line of the fixture project's site.yaml that starts with needle."""
    lines = (FIXTURE / "site.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(needle))


BRACKET = ("a value that starts with '[' must be in double quotes (a list in brackets ends "
           "with ']', with ',' between its items)")

# (name, the code folders the mistake is in, the mistake, the exact problems check reports,
# or None for a slip that both now take in their stride)
CORPUS = [
    ("broken locale", ("locales",),
     edit("locales/en-GB.yaml", "home_link: Home", "home_link: [Home"),
     [at('locales/en-GB.yaml', 'home_link: Home') + f": this is not valid YAML: {BRACKET}"]),
    ("locale without a text a template uses", ("locales",),
     edit("locales/en-GB.yaml", "home_link: Home\n", ""),
     ["locales/en-GB.yaml:3: 'home_link' is missing (used by _partials/breadcrumbs.html) "
      "(did you mean 'home_intro'?)"]),
    ("locale with a list where text is expected", ("locales",),
     edit("locales/en-GB.yaml", "home_link: Home", "home_link: [Home]"),
     [at('locales/en-GB.yaml', 'home_link: Home') + ": home_link: must be text"]),
    ("locale with an unclosed placeholder", ("locales",),
     edit("locales/en-GB.yaml", 'service_many: "{n} services"', 'service_many: "{n services"'),
     [at('locales/en-GB.yaml', 'service_many:') + ": js.service_many: expected '}' before end of string (write a "
      "placeholder as {name}, and a brace as {{ or }})"]),
    ("locale with a placeholder the code does not fill", ("locales",),
     edit("locales/en-GB.yaml", 'services_count_many: "{n} services"',
          'services_count_many: "{count} services"'),
     [at('locales/en-GB.yaml', 'services_count_many:') + ": services_count_many: the placeholder {count} is not one this text "
      "is given (keep the placeholders of the original, like {n})"]),
    ("script wording with a placeholder the script does not fill", ("locales",),
     edit("locales/en-GB.yaml", 'open_now: "Open now, closes {when}"',
          'open_now: "Open now, closes {time}"'),
     [at('locales/en-GB.yaml', 'open_now:') + ": js.open_now: must have the placeholders "
      "{when} and no others"]),
    ("script wording that leaves out the boroughs' links", ("locales",),
     edit("locales/en-GB.yaml", 'finder_in: "{place} is in {boroughs}."',
          'finder_in: "{place} is in London."'),
     [at('locales/en-GB.yaml', 'finder_in:') + ": js.finder_in: must have the placeholders "
      "{boroughs} {place} and no others"]),
    ("script wording with a placeholder where none is filled", ("locales",),
     edit("locales/en-GB.yaml", "  show_more: Show more results",
          '  show_more: "Show {n} more results"'),
     [at('locales/en-GB.yaml', '  show_more:') + ": js.show_more: has no placeholders to "
      "fill in: take out the braces"]),
    ("locale reaching into a placeholder", ("locales",),
     edit("locales/en-GB.yaml", 'services_count_many: "{n} services"',
          'services_count_many: "{n.__class__} services"'),
     [at('locales/en-GB.yaml', 'services_count_many:') + ": services_count_many: "
      "'{n.__class__}' is not a placeholder (write a placeholder as {name}, and a brace as "
      "{{ or }})"]),
    ("locale padding a placeholder", ("locales",),
     edit("locales/en-GB.yaml", 'services_count_many: "{n} services"',
          'services_count_many: "{n:>999999999} services"'),
     [at('locales/en-GB.yaml', 'services_count_many:') + ": services_count_many: "
      "'{n:>999999999}' is not a placeholder (write a placeholder as {name}, and a brace as "
      "{{ or }})"]),
    ("locale with an empty Exit button", ("locales",),
     edit("locales/en-GB.yaml", "exit_link: Exit this page", 'exit_link: ""'),
     [at('locales/en-GB.yaml', 'exit_link: Exit this page') + ": exit_link: is empty: write "
      "the words shown"]),
    ("category renamed in site.yaml", (), edit("site.yaml", "  lgbt:\n", "  lgbtq:\n"),
     [at('templates/home.html', 'href="/categories/lgbt/"') + ": link to /categories/lgbt/ goes to a page that does not exist "
      "(on /)"]),
    ("area slug that is also a page of the site", (),
     lambda project: (edit("site.yaml", "  camden:\n", "  coverage:\n")(project),
                      edit("services.yaml", "areas: [lewisham]", "areas: [coverage]")(project)),
     [f"site.yaml:{fixture_line('  camden:')}: two pages would be written to "
      "/professionals/coverage/ ('What the directory covers' and 'For professionals in "
      "Camden'): rename one"]),
    ("base_url ending in /", (),
     edit("site.yaml", "base_url: https://directory.example.org",
          "base_url: https://directory.example.org/"),
     None),
    ("opening period with no days", (),
     edit("services.yaml", "      - days: [sat]", "      - days: []"),
     ["services.yaml:48: service 'lambeth-women-service': opening_hours.days: must name at "
      "least one day, like [mon, tue] (got an empty list)"]),
    ("template link to a page that does not exist", ("templates",),
     edit("templates/_partials/page_parts.html", 'href="/about/"', 'href="/abuot/"'),
     [at('templates/_partials/page_parts.html', 'href="/about/"') + ": link to /abuot/ goes to a page that does not exist (on /, and "
      "29 other page(s))"]),
    ("template using a name it is not given", ("templates",),
     edit("templates/404.html", "{{ t.not_found_home }}", "{{ nope }}"),
     [at('templates/404.html', 't.not_found_home') + ": while rendering /404.html: 'nope' is undefined"]),
    ("card template using a name it is not given", ("templates",),
     edit("templates/_partials/service_card.html", "<p>{{ service.summary }}</p>",
          "<p>{{ nope }}</p>"),
     [at('templates/_partials/service_card.html', '{{ service.summary }}') + ": while rendering "
      "/: 'nope' is undefined"]),
    ("template syntax error", ("templates",),
     edit("templates/_partials/breadcrumbs.html", "{% for", "{% fro"),
     [at('templates/_partials/breadcrumbs.html', '{% for') + ": while rendering /services/test-helpline/: "
      "Encountered unknown tag 'fro'. Jinja was looking for the following tags: 'endmacro'. "
      "The innermost block that needs to be closed is 'macro'."]),
    ("stylesheet missing", ("assets",), delete("assets/css/site.css"),
     [at('templates/base.html', 'site.css') + ": link to /assets/css/site.css goes to a page that does not exist "
      "(on /, and 37 other page(s))"]),
    ("required content page missing", (), delete("content/about.md"),
     ["content/about.md:1: the content page about.md is missing: every page of the site links "
      "to it"]),
    ("required content page with a mistake: that mistake only, no follow-on", (),
     edit("content/about.md", "title:", "titel:"),
     ["content/about.md:1: front matter: title is required",
      "content/about.md:2: front matter: unknown key 'titel' (did you mean 'title'?)"]),
    ("description links to a page that does not exist", (),
     edit("services.yaml", "See [staying safe](/staying-safe-online/)", "See [help](/help/)"),
     ["services.yaml:8: service 'test-helpline': description: link to /help/ goes to a page "
      "that does not exist"]),
    # A listing's id changed: where its old id is used, and the listing named (the home
    # page would have lost its line to call without a word).
    ("a listing's id changed, still named in site.yaml and a help page", (),
     edit("services.yaml", "- id: test-helpline", "- id: test-line"),
     ["content/staying-safe-online.md:6: link to /services/test-helpline/ goes to a page that "
      "does not exist (the listing 'Test Helpline' is at /services/test-line/)",
      f"site.yaml:{fixture_line('home_helpline')}: home_helpline: no listing has the id "
      "'test-helpline', so no page would offer it (the listing 'Test Helpline' has the id "
      "'test-line'): if you changed a listing's id in services.yaml, change it here too"]),
    # Every problem at once: a listing's YAML mistake did not stop the links being checked.
    ("a YAML mistake in one listing, and a help page's mistyped link to another", (),
     lambda project: (edit("services.yaml", "    name: Lambeth Women's Service",
                           "    name Lambeth Women's Service")(project),
                      edit("content/for-professionals.md", "/services/lewisham-risk-meeting/",
                           "/services/lewisham-risk-meting/")(project)),
     ["content/for-professionals.md:7: link to /services/lewisham-risk-meting/ goes to a page "
      "that does not exist (did you mean /services/lewisham-risk-meeting/?)",
      "services.yaml:22: service 'lambeth-women-service': this is not valid YAML: this line has "
      "no ':' after its key: write 'key: value' (a value on several lines goes after 'key: |')"]),
    # The help page's link is a consequence of the one mistake, and says which id it needs.
    ("mistyped id, linked to from a help page", (),
     edit("services.yaml", "- id: test-helpline", "- id: Test helpline"),
     ["content/staying-safe-online.md:6: link to /services/test-helpline/ goes to a page that "
      "does not exist (services.yaml line 3 has an id that is not valid or is used twice: if "
      "this link is to that listing, its id should be 'test-helpline')",
      "services.yaml:3: service 'Test helpline': id: must be lower-case letters, digits and "
      "hyphens, like 'gaia-centre' (got 'Test helpline')"]),
]


@pytest.mark.parametrize("code, mutate, expected", [c[1:] for c in CORPUS],
                         ids=[c[0] for c in CORPUS])
def test_check_fails_wherever_build_fails(code, mutate, expected, tmp_path, monkeypatch):
    make_project(tmp_path / "project", copy=code)
    mutate(tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")  # as a person runs it, in the project folder
    settings = Settings.for_root(Path("."), out_dir=Path("../_site"))

    def outcome(step, *args) -> list[str] | None:
        try:
            step(settings, *args, today=TODAY)
        except BuildFailed as failed:
            return sorted(str(p) for p in failed.problems)
        return None

    built = outcome(build)
    checked = outcome(check)
    assert checked == built == expected
    if expected:
        assert not Path("../_site").exists()


def test_the_fixture_project_itself_passes(tmp_path):
    """The corpus starts from a good project: each failure above is its mistake's."""
    settings = make_project(tmp_path / "project")
    check(settings, TODAY)
    assert build(settings, today=TODAY).services == 3


def test_the_command_line_names_the_wording_file_as_typed(tmp_path):
    """The CLI in the project folder names a broken locale by its path there, at its line."""
    make_project(tmp_path / "project", copy=("locales",))
    edit("locales/en-GB.yaml", "home_link: Home", "home_link: [Home")(tmp_path / "project")
    (tmp_path / "project" / "build.py").write_text((ROOT / "build.py").read_text())
    for command in ("check", "build"):
        result = subprocess.run([sys.executable, "build.py", command], capture_output=True,
                                text=True, cwd=tmp_path / "project")
        assert result.returncode == 1
        assert result.stderr.splitlines()[:2] == [CORPUS[0][3][0], "1 problem(s) found."]
    assert not (tmp_path / "project" / "_site").exists()
