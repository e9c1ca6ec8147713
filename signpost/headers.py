"""Response headers. netlify.toml holds the headers that are the same on every path; the
build writes _headers with the Content-Security-Policy and framing rules, one rule for each
top-level part of the site, so that no path is matched by two rules setting one header:
Netlify applies every rule that matches a path, and two values of one header would be
combined, so a site-wide frame-ancestors 'none' would also block the embeds.

The dev server and the tests read both files, so what is tested is what is deployed."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .settings import Settings

# Only our own files; nothing inline; no forms, plugins or report endpoints (a report would
# tell a collector which page someone read). 'wasm-unsafe-eval' only because Pagefind's
# search runs as WebAssembly. Pages also carry this in a <meta>, so that even a 404 at an
# unknown path, which no _headers rule matches, keeps it.
POLICY = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
          "img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; "
          "manifest-src 'none'; base-uri 'none'; form-action 'none'")
EMBED_GUIDE = "embed-this-directory"  # shows live previews, so it may frame our own embeds
GUIDE_POLICY = POLICY + "; frame-src 'self'"


def csp(frame_ancestors: str, policy: str = POLICY) -> str:
    return f"{policy}; frame-ancestors {frame_ancestors}"


def header_rules(site_dir: Path, settings: Settings) -> list[tuple[str, dict]]:
    """The per-path rules for _headers, from what is in the built site."""
    unframed = {"Content-Security-Policy": csp("'none'"), "X-Frame-Options": "DENY",
                "Cross-Origin-Resource-Policy": "same-origin"}
    rules = [("/", unframed)]
    for entry in sorted(site_dir.iterdir()):
        if entry.name in ("embed", "_headers", "_redirects"):
            continue
        values = dict(unframed)
        if entry.name == EMBED_GUIDE:
            values["Content-Security-Policy"] = csp("'none'", GUIDE_POLICY)
        if entry.name == "openreferral":  # open data: any site may fetch it
            values["Cross-Origin-Resource-Policy"] = "cross-origin"
        rules += [(f"/{entry.name}/*", values)] if entry.is_dir() else [(f"/{entry.name}", values)]
    if (site_dir / "embed").is_dir():
        # The host script is loaded by borough pages, so other sites may fetch it.
        rules.append(("/embed/host.js", {"Content-Security-Policy": csp("'none'"),
                                         "Cross-Origin-Resource-Policy": "cross-origin"}))
        everyone = tuple(dict.fromkeys(o for e in settings.embeds.values() for o in e.origins))
        # Embeds are loaded by other sites' frames, which browsers also check against
        # Cross-Origin-Resource-Policy; who may frame them is frame-ancestors' job.
        rules.append(("/embed/services/*", {  # a service page may sit in any borough's embed
            "Content-Security-Policy": csp(" ".join(("'self'",) + everyone)),
            "Cross-Origin-Resource-Policy": "cross-origin"}))
        for embed in settings.embeds.values():
            rules.append((f"/embed/{embed.area}/*", {
                "Content-Security-Policy": csp(" ".join(("'self'",) + embed.origins)),
                "Cross-Origin-Resource-Policy": "cross-origin"}))
    return rules


def write_headers(site_dir: Path, settings: Settings) -> None:
    """Write site_dir/_headers in Netlify's format."""
    lines = ["# Written by the build (signpost/headers.py): one rule per part of the site."]
    for path, values in header_rules(site_dir, settings):
        lines.append(path)
        lines += [f"  {name}: {value}" for name, value in values.items()]
    (site_dir / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_header_rules(netlify_toml: Path, site_dir: Path | None = None) -> list[tuple[re.Pattern, dict]]:
    """Read netlify.toml's [[headers]] and, when given, the built site's _headers."""
    config = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    rules = [(rule["for"], rule["values"]) for rule in config.get("headers", [])]
    headers_file = site_dir / "_headers" if site_dir else None
    if headers_file and headers_file.exists():
        for line in headers_file.read_text(encoding="utf-8").splitlines():
            if line.startswith("/"):
                rules.append((line.strip(), {}))
            elif line.startswith("  ") and rules:
                name, _, value = line.strip().partition(": ")
                rules[-1][1][name] = value
    return [(re.compile("^" + re.escape(path).replace(r"\*", ".*") + "$"), values)
            for path, values in rules]


def headers_for(rules, path: str) -> dict:
    """Return the headers Netlify would send for a path: every matching rule applies."""
    headers: dict = {}
    for pattern, values in rules:
        if pattern.match(path):
            headers.update(values)
    return headers
