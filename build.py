#!/usr/bin/env python3
"""Build, check or serve the directory site.

    python build.py [build] [--out DIR] [--services FILE] [--content DIR] [--exit-url URL]
    python build.py check [--services FILE] [--content DIR]
    python build.py serve [--port 8000]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from signpost.pipeline import build, check
from signpost.problems import BuildFailed, format_problems
from signpost.serve import serve
from signpost.settings import Settings

ROOT = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    settings = Settings.for_root(ROOT, services_file=args.services, content_dir=args.content,
                                 out_dir=getattr(args, "out", None))
    if args.command == "serve":
        serve(settings, args.port, args.exit_url)
        return 0
    started = time.perf_counter()
    try:
        if args.command == "check":
            _, count, outputs = check(settings)
            print(f"No problems: {count} services, {len(outputs)} pages.")
        else:
            summary = build(settings, args.exit_url, progress=_progress if sys.stdout.isatty() else None)
            print(f"Built {summary.services} services, {summary.pages} pages in "
                  f"{time.perf_counter() - started:.2f} s into {settings.out_dir}")
    except BuildFailed as failed:
        print(format_problems(failed.problems), file=sys.stderr)
        print("Nothing was written." if args.command == "build" else "", end="", file=sys.stderr)
        return 1
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\rWriting pages: {done}/{total}", end="\n" if done >= total else "", flush=True)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command")
    for name, text in (("build", "build the site (the default)"), ("check", "check the data only"),
                       ("serve", "build, serve on 127.0.0.1 and rebuild on change")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--services", help="the listings file (default: services.yaml)")
        sub.add_argument("--content", help="the content pages folder (default: content/)")
        if name != "check":
            sub.add_argument("--exit-url", help="override where 'Exit this page' goes")
        if name == "build":
            sub.add_argument("--out", help="where to write the site (default: _site/)")
        if name == "serve":
            sub.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv or ["build"])
    return args


if __name__ == "__main__":
    sys.exit(main())
