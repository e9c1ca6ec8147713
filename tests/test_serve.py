"""The dev server's pieces, without a real server: headers from netlify.toml, and a
rebuild that survives bad data and keeps the last good site."""
from __future__ import annotations

from signpost.pipeline import build
from signpost.headers import headers_for, load_header_rules
from signpost.serve import rebuild
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
