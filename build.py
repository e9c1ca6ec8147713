#!/usr/bin/env python3
"""Build, check or serve the directory site; report on listings; import Open Referral.

    python build.py [build] [--out DIR] [--services FILE] [--content DIR] [--exit-url URL]
    python build.py check [--services FILE] [--content DIR]
    python build.py serve [--port 8000]
    python build.py report [--services FILE]
    python build.py import-openreferral FILE.json [--out FILE.yaml]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

from signpost.openreferral import entries_yaml, import_services, read_feed
from signpost.pipeline import build, check
from signpost.problems import BuildFailed, annotation, format_problems
from signpost.review import overdue_warnings, review_report
from signpost.serve import serve
from signpost.settings import Settings, load_settings

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
        serve(settings, args.port, args.exit_url)
        return 0
    if args.command == "import-openreferral":
        return _import(settings, Path(args.file), args.out)
    started = time.perf_counter()
    github = os.environ.get("GITHUB_ACTIONS") == "true"  # annotate the pull request's lines
    try:
        if args.command in ("check", "report"):
            _, services, outputs = check(settings)
            if args.command == "report":
                print(review_report(services, dt.date.today()))
                return 0
            print(f"No problems: {len(services)} services, {len(outputs)} pages.")
            warnings = overdue_warnings(services, str(settings.services_file), dt.date.today())
            for warning in warnings:
                print(annotation(warning, "warning") if github else f"warning: {warning}",
                      file=sys.stderr)
        else:
            summary = build(settings, args.exit_url, progress=_progress if sys.stdout.isatty() else None)
            print(f"Built {summary.services} services, {summary.pages} pages in "
                  f"{time.perf_counter() - started:.2f} s into {settings.out_dir}")
    except BuildFailed as failed:
        print(format_problems(failed.problems), file=sys.stderr)
        if github:
            print("\n".join(annotation(p) for p in failed.problems), file=sys.stderr)
        print("Nothing was written." if args.command == "build" else "", end="", file=sys.stderr)
        return 1
    return 0


def _import(settings: Settings, source: Path, out: str | None) -> int:
    """Print (or write) listing entries made from Open Referral services."""
    settings, problems = load_settings(settings)
    try:
        data = read_feed(source)
    except (OSError, ValueError) as err:
        problems.append(f"{source}:1: cannot read this as Open Referral JSON ({err})")
    if problems:
        print("\n".join(map(str, problems)), file=sys.stderr)
        return 1
    entries, notes = import_services(data, settings)
    text = entries_yaml(entries, f"# {len(entries)} services imported from {source.name} on "
                        f"{dt.date.today()}.\n# Check every detail with the service before "
                        "adding them to services.yaml.\n")
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    for note in notes:
        print(f"{source}: {note}", file=sys.stderr)
    print(f"Imported {len(entries)} services; {len(notes)} note(s) on what could not be mapped.",
          file=sys.stderr)
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
        if name == "serve":
            sub.add_argument("--port", type=int, default=8000)
    imports = commands.add_parser("import-openreferral",
                                  help="turn an Open Referral services file into listing entries")
    imports.add_argument("file", help="an HSDS 3.0 / Open Referral UK services JSON file, "
                                      "or a feed folder with services/*.json")
    imports.add_argument("--out", help="write the entries here instead of printing them")
    imports.set_defaults(services=None, content=None)
    return parser.parse_args(argv or ["build"])


if __name__ == "__main__":
    sys.exit(main())
