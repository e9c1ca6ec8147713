"""Rewrites: paths served with another file's content (status 200), planned by the build as
_site/_redirects in Netlify's format, for the planned files they lead to. The dev server and
the test server read the same file through rewrite(), so what is tested is what is deployed.

Netlify matches a rule on the path alone: a query string (?page=2) does not change which
file answers, which is why a static feed answers page 1 for any page."""
from __future__ import annotations

import re
from pathlib import Path

from .outputs import Output

FILE = "_redirects"


def plan_redirects(outputs: list[Output], rules: list[tuple[str, str]]) -> Output:
    """_redirects with the rewrite rules (from, to), status 200, that lead to a planned file
    (for a rule with a :placeholder, to a planned file of its pattern)."""
    urls = {o.url for o in outputs}
    kept = [(source, target) for source, target in rules
            if target in urls or ":" in target and _matches_any(_pattern(target), urls)]
    width = max((len(source) for source, _ in kept), default=0)
    lines = ["# Written by the build (signpost/redirects.py): rewrites, status 200."]
    lines += [f"{source.ljust(width)}  {target}  200" for source, target in kept]
    return Output("/" + FILE, "", "Rewrites", body=("\n".join(lines) + "\n").encode("utf-8"),
                  sources=("plan",))


def _matches_any(pattern: re.Pattern, urls: set[str]) -> bool:
    return any(pattern.match(url) for url in urls)


def _pattern(path: str) -> re.Pattern:
    """A rule's path as a pattern: each :name matches one segment."""
    return re.compile("^" + "".join(f"(?P<{p[1:]}>[^/]+)" if p.startswith(":") else re.escape(p)
                                    for p in re.split(r"(:[a-z_]+)", path) if p) + "$")


def rewrite_rules(rules: list[tuple[str, str]]) -> list[tuple[re.Pattern, str]]:
    """Rules (from, to) as patterns and target templates, for rewrite()."""
    return [(_pattern(source), target) for source, target in rules]


def load_rewrites(site_dir: Path) -> list[tuple[re.Pattern, str]]:
    """Read a built site's _redirects: each rule as a pattern and a target template."""
    path = site_dir / FILE
    if not path.is_file():
        return []
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 3 or line.startswith("#") or parts[2] != "200":
            continue
        rules.append((parts[0], parts[1]))
    return rewrite_rules(rules)


def rewrite(rules: list[tuple[re.Pattern, str]], path: str) -> str | None:
    """The path whose file answers a request path (query string ignored), or None."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    for pattern, target in rules:
        match = pattern.match(path)
        if match:
            return re.sub(r":([a-z_]+)", lambda m: match.group(m.group(1)), target)
    return None
