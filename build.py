#!/usr/bin/env python3
"""Build, check or serve the directory site; report on listings; import Open Referral.

    python build.py [build] [--out DIR] [--services FILE] [--content DIR] [--exit-url URL]
                    [--timings]
    python build.py check [--services FILE] [--content DIR]
    python build.py serve [--port 8000]
    python build.py report [--services FILE]
    python build.py import-openreferral SOURCE [SOURCE ...] [--out FILE.yaml] [--area SLUG ...]
    python build.py schema  (rewrite services.schema.json from the listing format and site.yaml)
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from signpost.hours import uk_today
from signpost.listingformat import SCHEMA_FILE, schema_text
from signpost.pipeline import build, check, pages_in
from signpost.problems import BuildFailed, annotation, format_problems
from signpost.review import overdue_warnings, review_report
from signpost.settings import Settings, load_settings, unknown_helplines

ROOT = Path(__file__).resolve().parent
# Run from the project folder, files are named relative to it ("services.yaml:31: ..."),
# as a person would type them; paths given on the command line are kept as given.
HERE = Path(os.path.relpath(ROOT)) if Path.cwd() == ROOT or ROOT in Path.cwd().parents else ROOT


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    settings = Settings.for_root(HERE, services_file=args.services, content_dir=args.content,
                                 out_dir=getattr(args, "out", None))
    if getattr(args, "embed_origin", None):
        settings = replace(settings, extra_embed_origins=tuple(args.embed_origin))
    if args.command == "serve":
        from signpost.serve import serve  # each command imports what only it needs
        serve(settings, args.port, args.exit_url)
        return 0
    if args.command == "import-openreferral":
        return _import(settings, [Path(f) for f in args.source], args.out, args.area or [])
    if args.command == "schema":
        return _schema(settings)
    if args.command == "compile":
        return _compile(settings)
    started = time.perf_counter()
    github = os.environ.get("GITHUB_ACTIONS") == "true"  # annotate the pull request's lines
    try:
        if args.command in ("check", "report"):
            settings, services, outputs = check(settings)
            if args.command == "report":
                print(review_report(services, uk_today()))
                return 0
            print(f"No problems: {len(services)} services, {pages_in(outputs)} pages.")
            warnings = unknown_helplines(settings, services, str(settings.settings_file)) + \
                overdue_warnings(services, str(settings.services_file), uk_today())
            for warning in warnings:
                print(annotation(warning, "warning") if github else f"warning: {warning}",
                      file=sys.stderr)
        else:
            summary = build(settings, args.exit_url, progress=_progress if sys.stdout.isatty() else None)
            print(f"Built {summary.services} services, {summary.pages} pages in "
                  f"{time.perf_counter() - started:.2f} s into {settings.out_dir}")
            if args.timings:  # one line, read by tests/benchmark.py
                print("timings: " + " ".join(f"{phase}={seconds:.3f}" for phase, seconds in
                                             summary.seconds.items()), f"files={summary.files}")
    except BuildFailed as failed:
        print(format_problems(failed.problems), file=sys.stderr)
        if github:
            print("\n".join(annotation(p) for p in failed.problems), file=sys.stderr)
        print("Nothing was written." if args.command == "build" else "", end="", file=sys.stderr)
        return 1
    return 0


def _import(settings: Settings, sources: list[Path], out: str | None, areas: list[str]) -> int:
    """Write (or print) listing entries made from Open Referral services: only entries that
    pass check; on stderr, how many were read, and every service or field left out and why."""
    # Imported here: only the import needs the HTML readers (nh3, markdownify).
    from signpost.orfeed import read_sources
    from signpost.orimport import import_services
    from signpost.oryaml import entries_yaml
    from signpost.servicesfile import written_ids
    settings, problems = load_settings(settings)
    if out and Path(out).exists():  # never over services.yaml, or an import not yet reviewed
        problems.append(f"--out {out}: already exists: give a new file name (the import never "
                        "overwrites a file)")
    if not problems:
        problems += [f"--area {a}: unknown area (expected one of the areas in site.yaml: "
                     f"{', '.join(list(settings.areas)[:6])}, ...)" for a in areas
                     if a not in settings.areas]
    feed = read_sources(sources) if not problems else None
    if feed and feed.problems:
        problems += feed.problems
    elif feed and not feed.services:  # a taxonomy file, an empty page, another kind of data
        problems.append(f"{', '.join(map(str, sources))}: no services found (an Open "
                        "Referral feed has them as a list of services, or under 'contents' "
                        "in a page of /services)")
    if problems:
        print("\n".join(map(str, problems)), file=sys.stderr)
        print("Nothing was imported.", file=sys.stderr)
        return 1
    try:  # the ids already listed, which new entries must not reuse
        taken = written_ids(settings.services_file.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        taken = frozenset()
    result = import_services(feed.services, settings, uk_today(), tuple(areas), taken)
    names = ", ".join(s.name for s in sources)
    text = entries_yaml(result.entries, f"# {len(result.entries)} services imported from {names} "
                        f"on {uk_today()}.\n# Check every detail with the service before "
                        "adding them to services.yaml.\n")
    if out:
        # Written beside it, then linked to its name (which fails rather than overwrite), so
        # that a full disk never leaves half a file that the next try would refuse.
        part = Path(out).with_name(f".{Path(out).name}.part")
        try:
            part.write_text(text, encoding="utf-8")
            os.link(part, out)
        except OSError as err:
            print(f"--out {out}: cannot write it ({err.strerror})\nNothing was imported.",
                  file=sys.stderr)
            return 1
        finally:
            part.unlink(missing_ok=True)
    else:
        print(text, end="")
    for line in result.skipped + result.notes:
        print(line, file=sys.stderr)
    print(feed.summary(), file=sys.stderr)
    print(f"Imported {len(result.entries)} services; skipped {len(result.skipped)}; "
          f"{len(result.notes)} note(s) on what was left out or not mapped.", file=sys.stderr)
    return 0


def _schema(settings: Settings) -> int:
    """Write the JSON Schema editors use to complete and check services.yaml."""
    settings, problems = load_settings(settings)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return 1
    (settings.root / SCHEMA_FILE).write_text(schema_text(settings), encoding="utf-8")
    print(f"Wrote {settings.root / SCHEMA_FILE}")
    return 0


def _compile(settings: Settings) -> int:
    """Compile the templates once, for every build after (`make` does, as it compiles our
    modules): a build reads them and compiles again only a template changed since. Without
    them a build compiles its templates itself, so a problem here stops nothing: the build
    reports it."""
    from signpost.render import make_env, save_compiled
    try:
        settings, problems = load_settings(settings)
        if not problems:
            kept = save_compiled(make_env(settings), settings.templates_dir)
            print(f"Compiled the templates into {kept}")
            return 0
    except (BuildFailed, OSError):
        pass
    print("The templates were not compiled: each build will compile them.", file=sys.stderr)
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\rRendering pages: {done}/{total}", end="\n" if done >= total else "", flush=True)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command")
    for name, text in (("build", "build the site (the default)"), ("check", "check the data only"),
                       ("serve", "build, serve on 127.0.0.1 and rebuild on change"),
                       ("report", "list listings due for review, or overdue")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--services", help="the listings file (default: services.yaml)")
        sub.add_argument("--content", help="the content pages folder (default: content/)")
        if name in ("build", "serve"):
            sub.add_argument("--exit-url", help="override where 'Exit this page' goes")
            sub.add_argument("--embed-origin", action="append", metavar="ORIGIN",
                             help="also let this origin frame the embeds (one build only)")
        if name == "build":
            sub.add_argument("--out", help="where to write the site (default: _site/)")
            sub.add_argument("--timings", action="store_true",
                             help="print the seconds of each phase of the build")
        if name == "serve":
            sub.add_argument("--port", type=int, default=8000)
    imports = commands.add_parser("import-openreferral",
                                  help="turn Open Referral services into listing entries")
    imports.add_argument("source", nargs="+",
                         help="HSDS 3.0 / Open Referral UK JSON: a service, a list, a page of "
                              "results (give several saved pages together) or a feed folder")
    imports.add_argument("--out", help="write the entries here instead of printing them")
    imports.add_argument("--area", action="append", metavar="SLUG",
                         help="an area from site.yaml for services whose own areas cannot be "
                              "matched (repeat for several)")
    imports.set_defaults(services=None, content=None)
    commands.add_parser("schema", help="rewrite services.schema.json for editors").set_defaults(
        services=None, content=None)
    commands.add_parser("compile", help="compile the templates for the builds after (make "
                        "does this)").set_defaults(services=None, content=None)
    return parser.parse_args(argv or ["build"])


if __name__ == "__main__":
    code = main()
    # Leave without freeing each object in turn: a build's plan is millions of them, and
    # freeing them took 60 ms at 1,000 listings. Nothing is left to do but print.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader has gone (`| head`): there is no one left to tell
        pass
    os._exit(code)
