#!/usr/bin/env python3
"""Benchmark: how long an edit to one listing takes to show in the browser, from saving
services.yaml to the reloaded page, with `serve` on N synthetic listings. Not a test: it
prints figures and judges nothing.

    python tests/bench_serve.py [--services FILE] [--listings 1000] [--edits 8]

The project is a temporary copy (site.yaml, the content fixture, the listings; templates,
assets, wording and place data linked in), in a git repository as a real checkout is: the
Open Referral feed dates every record by the listings file's last commit (or, outside git,
its modification time, which an edit changes for every record). Headless Chromium (the
system's, through Playwright) opens the edited service's page; each edit renames the
service. Two times are taken for each edit: when the browser first painted the reloaded page
(its own timeline: the page's start plus its first contentful paint), which is when a person
sees the edit, and when this script saw the page loaded with the new name. The script waits
for the page's load event rather than asking the page for the name many times a second:
asked so, on this 2-core machine, Chromium's polling took the processor from the server
while it rebuilt (save to page shown 0.33-0.47 s, against 0.26-0.32 s waiting for the load).
Also printed: the server's own figure for each rebuild (check, render, write) and the CPU
time the server process used (from /proc: Pagefind's own process is not counted). On a busy
machine the wall-clock figures stretch; the CPU figures much less.
"""
from __future__ import annotations

import argparse
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

from benchmark import GENERATOR, PLAIN_CONTENT, generate  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from servers import DevServer  # noqa: E402


def make_project(services: Path, folder: Path) -> Path:
    root = folder / "project"
    root.mkdir()
    for name in ("templates", "assets", "locales", "data"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    shutil.copy(ROOT / "netlify.toml", root / "netlify.toml")
    shutil.copytree(PLAIN_CONTENT, root / "content")
    shutil.copy(services, root / "services.yaml")
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(git + ["-C", str(root), "add", "services.yaml"], check=True)
    subprocess.run(git + ["-C", str(root), "commit", "-qm", "listings"], check=True)
    return root


# When the page was first painted, in ms since the epoch (as time.time() * 1000); the
# load event's end where the browser records no paint.
FIRST_PAINT = """() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const at = paint ? paint.startTime : performance.getEntriesByType("navigation")[0].loadEventEnd;
    return performance.timeOrigin + at;
}"""


def wait_for_index(server: DevServer, timeout: float = 300) -> None:
    """Until the search page no longer says its index is being rebuilt."""
    import urllib.request
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.5)
        with urllib.request.urlopen(server.url + "/search/") as answer:
            if b"search index is being rebuilt" not in answer.read():
                time.sleep(0.5)  # its reload of open pages
                return
    raise TimeoutError("the search index was not rebuilt")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime + stime, in clock ticks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=Path,
                        help="the listings (default: --listings generated ones)")
    parser.add_argument("--listings", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=8)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        listings = args.services or generate(args.listings, GENERATOR, Path(tmp))
        root = make_project(listings, Path(tmp))
        services = root / "services.yaml"
        text = services.read_text(encoding="utf-8")
        # The first listing whose name is plain YAML (not quoted), so that words can be added.
        sid, name = re.search(r"^\s*- id: (\S+)\n\s+name: ([^'\"\n][^\n]*)$", text, re.M).groups()
        server = DevServer(root, Path(tmp) / "site")
        try:
            started = time.perf_counter()
            server.wait_ready()
            print(f"first build and serve: {time.perf_counter() - started:.1f} s")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(f"{server.url}/services/{sid}/")
                wait_for_index(server)
                time.sleep(3)  # the reloads the fresh index asked for, and livereload's socket
                painted, latencies, critical, cpus = [], [], [], []
                current = name
                for n in range(args.edits):
                    new = f"{name} edit {n}"
                    before_cpu = cpu_seconds(server.process.pid)
                    saved, saved_at = time.perf_counter(), time.time()
                    text = text.replace(f"name: {current}\n", f"name: {new}\n", 1)
                    services.write_text(text, encoding="utf-8")
                    while True:  # the reload the edit brings (not one before it)
                        page.wait_for_event("load", timeout=60000)
                        if new in page.inner_text("h1"):
                            break
                    shown = time.perf_counter()
                    critical.append(cpu_seconds(server.process.pid) - before_cpu)
                    latencies.append(shown - saved)
                    painted.append(page.evaluate(FIRST_PAINT) / 1000 - saved_at)
                    print(f"edit {n + 1}: painted after {painted[-1]:.3f} s, "
                          f"seen loaded after {shown - saved:.3f} s")
                    wait_for_index(server)  # as a person pauses; and its reload is not ours
                    # Reading the stale search page asks for a second reload 2 s after the
                    # index is fresh (for a page that loaded before its socket connected).
                    time.sleep(3)
                    cpus.append(cpu_seconds(server.process.pid) - before_cpu)
                    current = new
                browser.close()
            rebuilt = [float(s) for s in re.findall(r"deleted in ([\d.]+) s", server.log)][1:]
            print()
            for what, times in (("painted", painted), ("seen loaded", latencies)):
                print(f"{len(times)} edits, save to page {what}: median "
                      f"{statistics.median(times):.3f} s, min {min(times):.3f} s, "
                      f"max {max(times):.3f} s")
            print(f"server's rebuild (check + render + write), wall: median "
                  f"{statistics.median(rebuilt):.3f} s, min {min(rebuilt):.3f} s")
            print(f"server process CPU from save to page shown (look, rebuild, serve): median "
                  f"{statistics.median(critical):.3f} s, min {min(critical):.3f} s")
            print(f"server process CPU per edit, with the index's snapshot and swap: median "
                  f"{statistics.median(cpus):.3f} s")
        finally:
            server.close()


if __name__ == "__main__":
    main()
