"""The whole build: load and check everything, then write."""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from .content import load_pages
from .headers import write_headers
from .problems import BuildFailed
from .openreferral import write_feed
from .render import copy_assets, make_env, out_dir_problems, staged, write_site
from .search import index_site
from .services import Service, load_services
from .settings import Settings, load_settings
from .site import Output, check_site, plan_site


@dataclass(frozen=True)
class Summary:
    services: int
    pages: int
    seconds_checking: float
    seconds_writing: float


def check(settings: Settings, today: dt.date | None = None
          ) -> tuple[Settings, list[Service], list[Output]]:
    """Load and check every input; return what to write, or raise BuildFailed."""
    today = today or dt.date.today()
    # Files are named in problems as the person gave them (relative stays relative).
    settings, problems = load_settings(settings, str(settings.settings_file))
    if problems:
        raise BuildFailed(problems)  # the vocabularies are needed to check anything else
    services_file = str(settings.services_file)
    services, service_problems = load_services(settings, services_file, today)
    content_dir = str(settings.content_dir)
    pages, page_problems = load_pages(settings.content_dir, content_dir)
    if service_problems and not services:
        # Nothing could be read from the file: every link to a service would fail too.
        raise BuildFailed(service_problems + page_problems)
    outputs = plan_site(services, pages, settings, today)
    pending = {f"/services/{p.service}/" for p in service_problems if p.service}
    problems = service_problems + page_problems + \
        check_site(outputs, services, pages, services_file, content_dir, pending)
    if problems:
        raise BuildFailed(problems)
    return settings, services, outputs


def build(settings: Settings, exit_url: str | None = None, today: dt.date | None = None,
          progress=None) -> Summary:
    """Build the whole site into settings.out_dir, or raise BuildFailed and write nothing."""
    started = time.perf_counter()
    if out_dir_problems(settings.out_dir, settings.inputs):  # say so before any other work
        raise BuildFailed(out_dir_problems(settings.out_dir, settings.inputs))
    settings, services, outputs = check(settings, today)
    checked = time.perf_counter()
    # Only checked data reaches this point; the old site is replaced only when all is written.
    env = make_env(settings, exit_url)
    with staged(settings.out_dir, settings.inputs) as stage:
        write_site(outputs, env, stage, progress)
        copy_assets(settings.assets_dir, stage / "assets")
        write_feed(services, settings, stage)
        index_site(stage)
        write_headers(stage, settings)  # last: its rules follow what is in the site
    return Summary(len(services), len(outputs), checked - started, time.perf_counter() - checked)

