"""Rewrites: paths served with another file's content (status 200), written by the build to
_site/_redirects in Netlify's format. The dev server and the test server read the same file
through rewrite(), so what is tested is what is deployed.

Netlify matches a rule on the path alone: a query string (?page=2) does not change which
file answers, which is why a static feed answers page 1 for any page."""
from __future__ import annotations

import re
from pathlib import Path

FILE = "_redirects"


def write_redirects(site_dir: Path, rules: list[tuple[str, str]]) -> None:
    """Write the rewrite rules (from, to) with status 200."""
    width = max((len(source) for source, _ in rules), default=0)
    lines = ["# Written by the build (signpost/redirects.py): rewrites, status 200."]
    lines += [f"{source.ljust(width)}  {target}  200" for source, target in rules]
    (site_dir / FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


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
        pattern = "".join(f"(?P<{p[1:]}>[^/]+)" if p.startswith(":") else re.escape(p)
                          for p in re.split(r"(:[a-z_]+)", parts[0]) if p)
        rules.append((re.compile(f"^{pattern}$"), parts[1]))
    return rules


def rewrite(rules: list[tuple[re.Pattern, str]], path: str) -> str | None:
    """The path whose file answers a request path (query string ignored), or None."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    for pattern, target in rules:
        match = pattern.match(path)
        if match:
            return re.sub(r":([a-z_]+)", lambda m: match.group(m.group(1)), target)
    return None
