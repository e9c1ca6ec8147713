#!/usr/bin/env python3
"""Benchmark: build N synthetic listings and print the time of each phase and the weight of
the pages, so runs can be compared. Not a test: it prints figures and judges nothing.

    python tests/benchmark.py 1000 10000 [--generator ../shared/bench/gen_services.py]
"""
from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signpost.pipeline import build  # noqa: E402
from signpost.settings import Settings  # noqa: E402

PLAIN_CONTENT = ROOT / "tests" / "fixtures" / "plain-content"  # the real pages link to real services


def measure(n: int, generator: Path, work: Path) -> dict:
    listings = work / f"synthetic-{n}.yaml"
    subprocess.run([sys.executable, str(generator), str(n), "--out", str(listings)],
                   check=True, capture_output=True)
    settings = Settings.for_root(ROOT, services_file=listings, content_dir=PLAIN_CONTENT,
                                 out_dir=work / f"site-{n}")
    summary = build(settings)
    pages = sorted(settings.out_dir.rglob("*.html"))
    packed = [len(gzip.compress(p.read_bytes(), 9)) for p in pages]
    assets = {p.name: len(gzip.compress(p.read_bytes(), 9))
              for p in (settings.assets_dir / "css" / "site.css", settings.assets_dir / "js" / "exit.js")}
    return {"services": summary.services, "pages": summary.pages, "check": summary.seconds_checking,
            "write": summary.seconds_writing, "gzip": packed, "assets": assets}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--generator", type=Path,
                        default=ROOT.parent / "shared" / "bench" / "gen_services.py")
    args = parser.parse_args()
    if not args.generator.exists():
        print(f"The generator is not at {args.generator}: pass --generator.", file=sys.stderr)
        return 1
    print("listings  pages   check s  write s  s/1000  page gzip median/max KB  site gzip MB")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            r = measure(n, args.generator, Path(tmp))
            total = r["check"] + r["write"]
            print(f"{r['services']:>8}  {r['pages']:>5}  {r['check']:>8.2f}  {r['write']:>7.2f}  "
                  f"{total / r['services'] * 1000:>6.2f}  "
                  f"{statistics.median(r['gzip']) / 1024:>10.1f} / {max(r['gzip']) / 1024:<8.1f}  "
                  f"{sum(r['gzip']) / 1024 / 1024:>10.1f}")
        print("assets gzip bytes: " + ", ".join(f"{k} {v}" for k, v in r["assets"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
