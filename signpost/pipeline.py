"""The whole build: load and check everything, then write."""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from .content import load_pages
from .headers import plan_headers
from .problems import BuildFailed
from .openreferral import plan_feed, rewrites
from .places import load_places, plan_lookup
from .redirects import plan_redirects
from .render import make_env, out_dir_problems, plan_assets, render_site, staged, write_site
from .search import INDEX_FOLDER, SearchIndex
from .services import Service, load_services
from .settings import Settings, load_settings
from .site import Output, check_rendered_links, check_site, plan_site
from .wording import load_wording


@dataclass(frozen=True)
class Summary:
    services: int
    pages: int
    seconds_checking: float
    seconds_writing: float


def check(settings: Settings, today: dt.date | None = None, exit_url: str | None = None,
          progress=None) -> tuple[Settings, list[Service], list[Output]]:
    """Do everything the build does except write: load and check every input, plan every
    file of the site and render it in memory. Return the rendered outputs (every file the
    site has but the search index), or raise BuildFailed."""
    today = today or dt.date.today()
    # Files are named in problems as the person gave them (relative stays relative).
    settings, problems = load_settings(settings, str(settings.settings_file))
    if problems:
        raise BuildFailed(problems)  # the vocabularies are needed to check anything else
    services_file = str(settings.services_file)
    services, service_problems = load_services(settings, services_file, today)
    content_dir = str(settings.content_dir)
    pages, page_problems = load_pages(settings.content_dir, content_dir)
    places, place_problems = load_places(settings.data_dir, settings.areas, str(settings.data_dir))
    wording, wording_problems = load_wording(settings.locale_file, settings.templates_dir)
    if service_problems and not services:
        # Nothing could be read from the file: every link to a service would fail too.
        raise BuildFailed(service_problems + page_problems + place_problems + wording_problems)
    outputs = plan_site(services, pages, settings, today)
    outputs += [plan_lookup(places, settings.areas)] if places else []
    outputs += plan_assets(settings.assets_dir) + plan_feed(services, settings)
    outputs.append(plan_redirects(outputs, rewrites()))
    # Last: its rules follow every other file, and the folder the search index goes in.
    outputs.append(plan_headers(outputs, settings, (INDEX_FOLDER + "/",)))
    pending = {f"/services/{p.service}/" for p in service_problems if p.service} | \
        {f"/{Path(p.file).stem}/" for p in page_problems}
    problems = service_problems + page_problems + place_problems + wording_problems + \
        check_site(outputs, services, pages, services_file, content_dir, pending,
                   str(settings.settings_file))
    if wording_problems:
        raise BuildFailed(problems)  # every page uses the wording
    # Rendering finds what only templates know: their mistakes, and the links they write.
    rendered, render_problems = render_site(outputs, make_env(settings, exit_url, wording),
                                            settings.templates_dir, progress)
    problems += render_problems + check_rendered_links(
        outputs, rendered, services, pages, rewrites(), settings.templates_dir,
        settings.base_url, pending)
    if problems:
        raise BuildFailed(problems)
    return settings, services, rendered


def build(settings: Settings, exit_url: str | None = None, today: dt.date | None = None,
          progress=None) -> Summary:
    """Build the whole site into settings.out_dir, or raise BuildFailed and write nothing."""
    started = time.perf_counter()
    refused = out_dir_problems(settings.out_dir, settings.inputs)
    if refused:  # say so before any other work
        raise BuildFailed(refused)
    settings, services, outputs = check(settings, today, exit_url, progress)
    checked = time.perf_counter()
    # Only checked, rendered pages reach this point; the old site is replaced only when all
    # is written.
    with staged(settings.out_dir, settings.inputs) as stage:
        write_site(outputs, stage)
        index = SearchIndex(stage)
        try:
            for output in outputs:
                if index.indexes(output):
                    index.add(output.dest_path, output.html)
            index.finish()
        except BaseException:
            index.abort()
            raise
    return Summary(len(services), pages_in(outputs), checked - started,
                   time.perf_counter() - checked)


def pages_in(outputs: list[Output]) -> int:
    """How many of the outputs are rendered from a template (pages, embeds, fragments): the
    count people are told; the rest are data files and assets."""
    return sum(1 for o in outputs if o.template)

