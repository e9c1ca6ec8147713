"""Response headers. netlify.toml holds the headers that are the same on every path; the
build writes _headers with the Content-Security-Policy and framing rules, one rule for each
top-level part of the site, so that no path is matched by two rules setting one header:
Netlify applies every rule that matches a path, and two values of one header would be
combined, so a site-wide frame-ancestors 'none' would also block the embeds.

_headers is an output of the plan, and its rules follow the planned files (and the folders
that tools write beside them, such as the search index), not a listing of the disk.

The dev server and the tests read both files, so what is tested is what is deployed."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .outputs import Output
from .settings import Settings

FILE = "_headers"

# Only our own files; nothing inline; no forms, plugins or report endpoints (a report would
# tell a collector which page someone read). 'wasm-unsafe-eval' only because Pagefind's
# search runs as WebAssembly. No workers: the search runs Pagefind without its worker
# (search.js sets noWorker), and a service worker would keep a copy of the site on the device.
# worker-src must say 'none': left out, it falls back to script-src 'self'. Pages also carry
# this in a <meta>, so that even a 404 at an unknown path, which no _headers rule matches,
# keeps it.
POLICY = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
          "img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'none'; "
          "manifest-src 'none'; base-uri 'none'; form-action 'none'")
EMBED_GUIDE = "embed-this-directory"  # shows live previews, so it may frame our own embeds
GUIDE_POLICY = POLICY + "; frame-src 'self'"


def csp(frame_ancestors: str, policy: str = POLICY) -> str:
    return f"{policy}; frame-ancestors {frame_ancestors}"


def header_rules(paths, settings: Settings) -> list[tuple[str, dict]]:
    """The per-path rules for _headers, for the files of the site at these paths (relative
    to the site's folder, as Output.dest_path; a folder may end with /)."""
    unframed = {"Content-Security-Policy": csp("'none'"), "X-Frame-Options": "DENY",
                "Cross-Origin-Resource-Policy": "same-origin"}
    rules = [("/", unframed)]
    top = {}  # each top-level name, and whether it is a folder
    for path in paths:
        name, slash, _ = path.partition("/")
        top[name] = top.get(name, False) or bool(slash)
    for name, is_dir in sorted(top.items()):
        if name in ("embed", FILE, "_redirects"):
            continue
        values = dict(unframed)
        if name == EMBED_GUIDE:
            values["Content-Security-Policy"] = csp("'none'", GUIDE_POLICY)
        if name == "openreferral":  # open data: any site may fetch it
            values["Cross-Origin-Resource-Policy"] = "cross-origin"
        rules += [(f"/{name}/*", values)] if is_dir else [(f"/{name}", values)]
    if top.get("embed"):
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


def plan_headers(outputs: list[Output], settings: Settings, folders: tuple[str, ...] = ()
                 ) -> Output:
    """_headers in Netlify's format, for the planned outputs and the folders (such as
    "pagefind/") that a tool writes into the site after them."""
    lines = ["# Written by the build (signpost/headers.py): one rule per part of the site."]
    for path, values in header_rules([o.dest_path for o in outputs] + list(folders), settings):
        lines.append(path)
        lines += [f"  {name}: {value}" for name, value in values.items()]
    return Output("/" + FILE, "", "Response headers",
                  body=("\n".join(lines) + "\n").encode("utf-8"), sources=("plan",))


def load_header_rules(netlify_toml: Path, site_dir: Path | None = None) -> list[tuple[re.Pattern, dict]]:
    """Read netlify.toml's [[headers]] and, when given, the built site's _headers."""
    config = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    rules = [(rule["for"], rule["values"]) for rule in config.get("headers", [])]
    headers_file = site_dir / FILE if site_dir else None
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
