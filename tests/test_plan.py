"""One plan: every file of the built site is an output of the plan, with its inputs; the
response headers follow the plan; check reads the links of every output."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import TODAY, make_project
from signpost.headers import headers_for, load_header_rules
from signpost.links import check_rendered_links
from signpost.openreferral import rewrites
from signpost.outputs import Output
from signpost.pipeline import build, check
from signpost.problems import BuildFailed
from signpost.render import make_env, render_one
from signpost.search import INDEX_FOLDER
from signpost.writer import MARKER, write_site


@pytest.fixture
def planned_and_built(project):
    """The fixture project's planned outputs (from check), and the site build wrote."""
    loaded, services, outputs = check(project, today=TODAY)
    build(project, today=TODAY)
    return services, outputs, project.out_dir, loaded


def test_every_file_on_disk_is_a_planned_output(planned_and_built):
    services, outputs, site, settings = planned_and_built
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    index = {p for p in on_disk if p.startswith(INDEX_FOLDER + "/")}
    assert index, "Pagefind writes its own folder"
    assert on_disk - index - {MARKER} == {o.dest_path for o in outputs}
    # The feed, the rewrites, the headers and the copied assets are among them.
    for path in ("openreferral/index.json", "openreferral/services.json", "_redirects",
                 "_headers", "assets/css/site.css", "sitemap.xml", "embed/host.js"):
        assert path in {o.dest_path for o in outputs}
    env = make_env(settings)
    for output in outputs:  # and each is written as planned
        written = (site / output.dest_path).read_bytes()
        assert written == (output.body if output.body is not None else
                           render_one(env, output).encode())


def test_outputs_name_their_inputs(planned_and_built):
    services, outputs, _, _ = planned_and_built
    by_url = {o.url: o for o in outputs}
    for service in services:
        assert f"service:{service.id}" in by_url[service.url].sources
    data = [o for o in outputs if not o.template]
    assert data and all(o.sources for o in data)  # a file with no template says what it is made of
    feed = [o for o in data if o.url.startswith("/openreferral/services/")]
    assert sorted(s for o in feed for s in o.sources) == sorted(f"service:{s.id}" for s in services)


def test_header_rules_follow_the_plan(planned_and_built, tmp_path):
    _, outputs, site, settings = planned_and_built
    (tmp_path / "netlify.toml").write_text("", encoding="utf-8")  # only the built _headers
    rules = load_header_rules(tmp_path / "netlify.toml", site)
    # Netlify reads _headers and _redirects as its settings and does not serve them.
    # A file may be asked for by its URL or by its path.
    paths = [path for o in outputs if o.url not in ("/_headers", "/_redirects")
             for path in {o.url, "/" + o.dest_path}] + [f"/{INDEX_FOLDER}/pagefind.js"]
    for path in paths:  # every file of the site is sent with a policy saying who may frame it
        assert "frame-ancestors" in headers_for(rules, path).get("Content-Security-Policy", ""), path
    for pattern, _ in rules:  # and no rule is for a part of the site the plan does not have
        assert any(pattern.match(path) for path in paths), pattern.pattern
    for path in paths:
        policy = headers_for(rules, path)
        if path.startswith("/openreferral/"):  # open data, fetched by any site
            assert policy["Cross-Origin-Resource-Policy"] == "cross-origin"
        for embed in settings.embeds.values() if path.startswith("/embed/") else ():
            if path.startswith(f"/embed/{embed.area}/"):
                assert all(origin in policy["Content-Security-Policy"] for origin in embed.origins)


def test_a_broken_link_in_the_sitemap_is_found_by_check(tmp_path):
    project = make_project(tmp_path / "p", copy=("templates",))
    sitemap = project.templates_dir / "sitemap.xml"
    lines = sitemap.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "  <url><loc>{{ site.base_url }}/gone-away/</loc></url>")
    sitemap.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        check(project, today=TODAY)
    assert [(p.file, p.line, p.message) for p in failed.value.problems] == [
        (str(sitemap), 3, "link to /gone-away/ goes to a page that does not exist (on /sitemap.xml)")]


def test_links_in_the_feed_are_checked_and_reported_where_its_data_comes_from(tmp_path):
    base = "https://directory.example.org"
    planned = [Output("/services/here/", "service.html", "Here"),
               Output("/openreferral/services/abc.json", "", "Feed: abc", body=b"{}")]
    feed = Output("/openreferral/services/x.json", "", "Feed: x", source=("services.yaml", 7),
                  body=(f'{{"a":"{base}/services/here/","b":"{base}/openreferral/services/abc",'
                        f'"c":"{base}/services/gone/"}}').encode())
    problems = check_rendered_links(planned + [feed], [feed], [], [], rewrites(), tmp_path, base)
    assert [(p.file, p.line, p.message) for p in problems] == [
        ("services.yaml", 7, "link to /services/gone/ goes to a page that does not exist "
                             "(on /openreferral/services/x.json)")]


def test_each_folder_is_created_once(tmp_path, monkeypatch):
    asked = []  # each folder asked for, and whether it was there already
    mkdir = os.mkdir
    monkeypatch.setattr(os, "mkdir", lambda path, *a, **k: (
        asked.append((str(path), os.path.isdir(path))), mkdir(path, *a, **k)))
    outputs = [Output(f"/{folder}{n}.json", "", f"{folder}{n}", body=b"{}")
               for folder in ("a/", "a/b/", "c/d/", "") for n in range(3)]
    write_site(outputs, tmp_path)
    # Not once per file, and never one that is there already (the site's own, the stage).
    assert not [path for path, there in asked if there]
    assert sorted(Path(path) for path, _ in asked) == [tmp_path / "a", tmp_path / "a/b",
                                                       tmp_path / "c", tmp_path / "c/d"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.json")) == \
        sorted(o.dest_path for o in outputs)
