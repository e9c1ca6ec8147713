"""The dev server's pieces, without a real server: headers from netlify.toml, and a
rebuild that survives bad data and keeps the last good site."""
from __future__ import annotations

from signpost.pipeline import build
from signpost.serve import headers_for, load_header_rules, rebuild
from conftest import ROOT


def test_every_path_gets_the_privacy_headers():
    rules = load_header_rules(ROOT / "netlify.toml")
    for path in ("/", "/services/athena/", "/assets/css/site.css", "/no-such-page"):
        headers = headers_for(rules, path)
        assert headers["Content-Security-Policy"].startswith("default-src 'none'; ")
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "unsafe-inline" not in headers["Content-Security-Policy"]
        assert "report" not in headers["Content-Security-Policy"]
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Cache-Control"] == "no-store"


def test_no_header_is_set_twice_for_one_path():
    """Netlify combines the values when two matching rules set one header."""
    rules = load_header_rules(ROOT / "netlify.toml")
    for path in ("/", "/services/athena/", "/assets/js/exit.js", "/openreferral/services.json"):
        names = [name for pattern, values in rules if pattern.match(path) for name in values]
        assert len(names) == len(set(names)), path


def test_the_open_data_feed_is_readable_from_any_site():
    headers = headers_for(load_header_rules(ROOT / "netlify.toml"), "/openreferral/services.json")
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_rebuild_keeps_the_last_good_site(project, capsys):
    build(project)
    index = (project.out_dir / "index.html").read_text()
    assert rebuild(project) is True
    project.services_file.write_text("services:\n  - id: Broken\n")
    assert rebuild(project) is False
    out = capsys.readouterr().out
    assert "service '#1': id: must be lower-case" in out
    assert "still serving the last good build" in out
    assert (project.out_dir / "index.html").read_text() == index
