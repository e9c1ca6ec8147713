"""The dev server's pieces, without a real server: headers from netlify.toml, a rebuild
that survives bad data and keeps the last good site, and the watch on the inputs."""
from __future__ import annotations

import os
import queue
import threading
import time

import pytest

from signpost.pipeline import build
from signpost.headers import headers_for, load_header_rules
from signpost.incremental import Incremental
from signpost.serve import rebuild
from signpost.watch import changes
from conftest import ROOT, soup


CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "


def test_every_path_gets_the_privacy_headers(built):
    rules = load_header_rules(ROOT / "netlify.toml", built)
    for path in ("/", "/services/test-helpline/", "/assets/css/site.css", "/areas/lambeth/2/",
                 "/staying-safe-online/", "/404.html", "/no-such-page"):
        headers = headers_for(rules, path)
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cache-Control"] == "no-store"
        assert headers["Strict-Transport-Security"].startswith("max-age=")
        if path != "/no-such-page":  # no rule can match an unknown path: see the next test
            assert headers["Content-Security-Policy"].startswith(CSP)
            assert headers["Content-Security-Policy"].endswith("; frame-ancestors 'none'")
            assert headers["X-Frame-Options"] == "DENY"


def test_pages_carry_the_policy_too_for_unknown_paths(built):
    """A 404 at an unknown path matches no _headers rule, so the page brings its own CSP."""
    meta = soup(built / "404.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"].startswith(CSP) and "frame-ancestors" not in meta["content"]


def test_no_header_is_set_twice_for_one_path(built):
    """Netlify combines the values when two matching rules set one header."""
    rules = load_header_rules(ROOT / "netlify.toml", built)
    for path in ("/", "/services/test-helpline/", "/assets/js/exit.js", "/openreferral/services.json",
                 "/embed/lambeth/", "/embed/services/test-helpline/", "/embed/host.js",
                 "/embed-this-directory/"):
        names = [name for pattern, values in rules if pattern.match(path) for name in values]
        assert len(names) == len(set(names)), path


def test_embeds_may_be_framed_only_by_their_borough(built):
    rules = load_header_rules(ROOT / "netlify.toml", built)
    lambeth = headers_for(rules, "/embed/lambeth/")
    assert lambeth["Content-Security-Policy"].endswith(
        "; frame-ancestors 'self' https://lambeth.example.org https://www.lambeth.example.org")
    assert "X-Frame-Options" not in lambeth
    service = headers_for(rules, "/embed/services/test-helpline/")["Content-Security-Policy"]
    assert "https://lewisham.example.org" in service and "https://lambeth.example.org" in service
    assert headers_for(rules, "/embed/host.js")["Cross-Origin-Resource-Policy"] == "cross-origin"
    guide = headers_for(rules, "/embed-this-directory/")["Content-Security-Policy"]
    assert "frame-src 'self'; frame-ancestors 'none'" in guide


def test_the_open_data_feed_is_readable_from_any_site(built):
    headers = headers_for(load_header_rules(ROOT / "netlify.toml", built), "/openreferral/services.json")
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_rebuild_keeps_the_last_good_site(project, capsys):
    build(project)
    index = (project.out_dir / "index.html").read_text()
    assert rebuild(project) is not None
    project.services_file.write_text("services:\n  - id: Broken\n")
    assert rebuild(project) is None
    out = capsys.readouterr().out
    assert "service 'Broken': id: must be lower-case" in out
    assert "still serving the last good build" in out
    assert (project.out_dir / "index.html").read_text() == index


def test_problems_of_a_file_still_being_written_are_not_shown(project, capsys):
    """A save seen between emptying the file and filling it: the watch rebuilds again once
    the rest is written, so the empty file's problems would only alarm."""
    site = Incremental(project)
    assert rebuild(project, site=site) is not None
    index = (project.out_dir / "index.html").read_text()
    text = project.services_file.read_text()
    project.services_file.write_text("")  # emptied: the rest is still to come
    assert rebuild(project, site=site, unchanged=lambda: False) is None
    out = capsys.readouterr().out
    assert "rebuilding again" in out and "problem" not in out
    project.services_file.write_text(text.replace("services:\n", "services:\n  - id: Broken\n", 1))
    assert rebuild(project, site=site, unchanged=lambda: True) is None  # the save is done
    assert "service 'Broken': id: must be lower-case" in capsys.readouterr().out
    assert (project.out_dir / "index.html").read_text() == index


@pytest.mark.parametrize("woken", [True, False], ids=["woken by the system", "looking"])
def test_the_watch_sees_each_edit_to_an_input_and_nothing_else(project, woken):
    seen: queue.Queue = queue.Queue()
    stop = threading.Event()

    def watch():
        for _ in changes(project, stop, woken=woken):
            seen.put(True)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        time.sleep(0.5)  # the watch has begun
        services = project.services_file
        services.write_text(services.read_text() + "\n")
        assert seen.get(timeout=5)
        # An editor that saves by renaming a new file into place.
        new = project.root / ".services.yaml.new"
        new.write_text(services.read_text() + "\n")
        os.replace(new, services)
        assert seen.get(timeout=5)
        # Not inputs: an editor's swap file beside them, the output folder's files.
        (project.root / ".services.yaml.swp").write_text("swap")
        (project.root / "_site").mkdir()
        (project.root / "_site" / "index.html").write_text("<p>built</p>")
        (project.content_dir / "notes").mkdir()  # a folder, empty: no input changed
        time.sleep(1.5)
        assert seen.empty()
        # A page in the folder made after the watch began.
        (project.content_dir / "notes" / "draft.md").write_text("---\ntitle: Draft\n---\n")
        assert seen.get(timeout=5)
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()
