"""The whole build: load and check everything, plan every file, then render each file in
turn, check its links and write it (check writes nothing; renderers.py), so that no more
than one page is held at a time."""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .assets import plan_assets
from .content import Page, load_pages
from .forks import Child, Here, apart, aside, can_fork, cores, each_apart
from .headers import plan_headers
from .hours import uk_today
from .links import check_site
from .openreferral import encode_records, last_modified, plan_feed, rewrites
from .outputs import Output
from .places import load_places, plan_lookup
from .problems import BuildFailed, Problem
from .redirects import plan_redirects
from .render import compile_templates, compiled_templates, make_env, read_compiled
from .renderers import Sink, render_plan
from .search import INDEX_FOLDER, SearchIndex
from .services import Service
from .servicesfile import load_services, load_services_in_parts
from .settings import Settings, check_helplines, load_settings
from .site import plan_site
from .wording import load_wording
from .writer import SiteWriter, out_dir_problems, staged
from .yamlfile import collector_paused

# The phases a build reports the seconds of: reading and checking the inputs, planning
# (the feed aside), waiting for the Open Referral feed (made while the pages are planned),
# rendering and checking links, writing files, and waiting for the search index once all
# else is written.
PHASES = ("load", "plan", "feed", "render", "write", "index")


@dataclass(frozen=True)
class Summary:
    services: int
    pages: int
    files: int  # written by the build, the search index's aside
    seconds: dict[str, float] = field(default_factory=dict)  # by phase (PHASES), and "total"


@dataclass(frozen=True)
class Plan:
    """Every input, loaded and checked, and every file of the site, planned."""

    settings: Settings
    services: list[Service]
    pages: list[Page]
    outputs: list[Output]
    env: jinja2.Environment
    pending: set[str]  # pages left out because of problems already reported
    problems: list[Problem]


def check(settings: Settings, today: dt.date | None = None, exit_url: str | None = None,
          progress=None) -> tuple[Settings, list[Service], list[Output]]:
    """Do everything the build does except write: load and check every input, plan every
    file of the site, render each and check its links. Return the planned outputs (every
    file the site has but the search index), or raise BuildFailed."""
    with _planned(settings, today, exit_url) as plan:
        render_plan(plan, None, progress)
    return plan.settings, plan.services, plan.outputs


def build(settings: Settings, exit_url: str | None = None, today: dt.date | None = None,
          progress=None) -> Summary:
    """Build the whole site into settings.out_dir, or raise BuildFailed and write nothing."""
    started = time.perf_counter()
    refused = out_dir_problems(settings.out_dir, settings.inputs)
    if refused:  # say so before any other work
        raise BuildFailed(refused)
    seconds: dict[str, float] = {}
    with _planned(settings, today, exit_url, seconds) as plan:
        if plan.problems:  # find what rendering adds to them, without a stage to write in
            render_plan(plan, None, progress, seconds)
        # The old site is replaced only when every file is written and the index is built.
        with staged(plan.settings.out_dir, plan.settings.inputs) as stage:
            writer, index = SiteWriter(stage), SearchIndex(stage)
            try:
                render_plan(plan, Sink(writer, index), progress, seconds)
                waited = time.perf_counter()
                index.finish()
            except BaseException:
                index.abort()
                raise
            seconds["index"] += time.perf_counter() - waited
    seconds["total"] = time.perf_counter() - started
    return Summary(len(plan.services), pages_in(plan.outputs), writer.files, seconds)


@contextlib.contextmanager
def _planned(settings: Settings, today: dt.date | None, exit_url: str | None,
             seconds: dict[str, float] | None = None) -> Iterator[Plan]:
    """plan_build with the garbage collector paused, and what it made frozen while the
    plan is rendered: reading and planning keep nearly all they make until the build ends,
    and the collector's passes over it cost more than the planning (10,000 listings:
    plan_site 1.65 s of CPU to 0.9 s), and in rendering, for every page, a good part of it;
    the renderers forked after need not copy the memory those passes would touch. Let go at
    the end, for a process that builds again (tests, the dev server)."""
    with collector_paused():
        plan = plan_build(settings, today, exit_url, seconds)
        gc.freeze()
    try:
        yield plan
    finally:
        gc.unfreeze()


class Steps:
    """The steps of plan_build that the dev server does its own way: its Incremental
    (incremental.py) reuses what each made from inputs unchanged since the last rebuild.
    A build and check use these, which make everything afresh."""

    def load_services(self, settings: Settings, file: str, today: dt.date
                      ) -> tuple[list[Service], list[Problem]]:
        # On every core: the file in parts, one child process each, when it splits into whole
        # entries and no part has a mistake in its YAML; otherwise whole, in one.
        if can_fork(cores_needed=2):
            read = load_services_in_parts(settings, file, today, cores(), each_apart)
            if read is not None:
                return read
        return apart(load_services, settings, file, today)

    def plan_site(self, services: list[Service], pages: list[Page], settings: Settings,
                  today: dt.date) -> list[Output]:
        return plan_site(services, pages, settings, today)

    def plan_places(self, settings: Settings) -> tuple[Output | None, list[Problem]]:
        """The place finder's file (None without its tables), or the tables' problems."""
        folder = settings.data_dir
        places, problems = load_places(folder, settings.areas, str(folder))
        return (plan_lookup(places, settings.areas) if places else None), problems

    # How the feed is begun: beside this process where it can be (forks.aside).
    begin_feed = staticmethod(aside)

    def plan_feed(self, services: list[Service], settings: Settings, today: dt.date
                  ) -> Child | Here:
        """The feed's files, begun: it needs only the listings, so where it can a child
        makes them on the other core while this process plans the pages."""
        return self.begin_feed(plan_feed, services, settings, self.encode_records,
                               self.last_modified(settings), today)

    def encode_records(self, services: list[Service], settings: Settings, terms, orgs: dict,
                       modified: str, zone: int) -> list[tuple[str, bytes, bytes]]:
        """The feed's record of each service, encoded (see openreferral.plan_feed)."""
        return encode_records(services, settings, terms, orgs, modified, zone)

    def last_modified(self, settings: Settings) -> str:
        """When the listings last changed, for the feed (see openreferral.last_modified)."""
        return last_modified(settings.services_file)

    def make_env(self, settings: Settings, exit_url: str | None, wording: dict
                 ) -> jinja2.Environment:
        return make_env(settings, exit_url, wording)


def plan_build(settings: Settings, today: dt.date | None = None, exit_url: str | None = None,
               seconds: dict[str, float] | None = None, steps: Steps = Steps()) -> Plan:
    """Load and check every input and plan every output; raise BuildFailed when nothing
    more can be checked (the problems that remain are in the plan).

    :param steps: how to do the costliest steps; the dev server's reuse their last results.
    """
    seconds = {} if seconds is None else seconds
    started = time.perf_counter()
    today = today or uk_today()
    # Files are named in problems as the person gave them (relative stays relative).
    settings, settings_problems = load_settings(settings, str(settings.settings_file))
    if not settings.areas:  # nothing else can be checked without the vocabularies
        raise BuildFailed(settings_problems)
    services_file = str(settings.services_file)
    places = aside(steps.plan_places, settings)  # beside the reading of the listings
    try:
        services, service_problems = steps.load_services(settings, services_file, today)
    except BaseException:
        places.kill()
        raise
    lookup, place_problems = places.result()
    content_dir = str(settings.content_dir)
    pages, page_problems = load_pages(settings.content_dir, content_dir)
    wording, wording_problems = load_wording(settings.locale_file, settings.templates_dir)
    if service_problems and not services:
        # Nothing could be read from the file: every link to a service would fail too.
        raise BuildFailed(settings_problems + service_problems + page_problems + place_problems
                          + wording_problems)
    loaded = time.perf_counter()
    # Every page uses the wording: without it nothing can be rendered.
    env = None if wording_problems else steps.make_env(settings, exit_url, wording)
    # The feed and the templates are made on the other core while the pages are planned;
    # the templates once, for every renderer forked after, unless `make` keeps them compiled.
    feed = steps.plan_feed(services, settings, today)
    kept = read_compiled(env, settings.templates_dir) if env else {}
    compiled = aside(compiled_templates, env) if env and not kept else Here(dict, kept)
    try:
        outputs = steps.plan_site(services, pages, settings, today)
        outputs += [lookup] if lookup else []
        outputs += plan_assets(settings.assets_dir)
        if env:
            compile_templates(env, compiled.result())
        fed = time.perf_counter()
        outputs += feed.result()
        fed = time.perf_counter() - fed
    except BaseException:
        feed.kill()
        compiled.kill()
        raise
    outputs.append(plan_redirects(outputs, rewrites()))
    # Last: its rules follow every other file, and the folder the search index goes in.
    outputs.append(plan_headers(outputs, settings, (INDEX_FOLDER + "/",)))
    pending = {f"/services/{p.service}/" for p in service_problems if p.service} | \
        {f"/{Path(p.file).stem}/" for p in page_problems}
    # The lines of listings whose id is not valid, used twice or could not be read (a YAML
    # mistake no listing is named in): a link to, or a line to call that is, a listing that
    # does not exist may be one of them.
    unread = tuple(p.line for p in service_problems if p.field == "id" or not p.service)
    problems = settings_problems + service_problems + page_problems + place_problems + \
        wording_problems + \
        check_site(outputs, services, pages, services_file, content_dir, pending,
                   str(settings.settings_file), unread) + \
        check_helplines(settings, services, str(settings.settings_file), None if unread else
                        frozenset(p.service for p in service_problems if p.service))
    if env is None:
        raise BuildFailed(problems)
    seconds.update(load=loaded - started, feed=fed,
                   plan=time.perf_counter() - loaded - fed)
    return Plan(settings, services, pages, outputs, env, pending, problems)


def pages_in(outputs: list[Output]) -> int:
    """How many of the outputs are rendered from a template (pages, embeds, fragments): the
    count people are told; the rest are data files and assets."""
    return sum(1 for o in outputs if o.template)
