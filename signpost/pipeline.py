"""The whole build: load and check everything, plan every file, then render each file in
turn, check its links and write it (check writes nothing), so that no more than one page
is held at a time."""
from __future__ import annotations

import datetime as dt
import gc
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .content import Page, load_pages
from .forks import Child, Chunks, Here, apart, aside, can_fork, cores, each_apart
from .headers import plan_headers
from .openreferral import encode_records, last_modified, plan_feed, rewrites
from .places import load_places, plan_lookup
from .problems import BuildFailed, Problem
from .redirects import plan_redirects
from .render import (SiteWriter, compile_templates, make_env, out_dir_problems, plan_assets,
                     render_site, staged)
from .search import INDEX_FOLDER, SearchIndex, shards
from .services import Service, load_services, load_services_in_parts
from .settings import Settings, load_settings
from .site import Output, RenderedLinks, check_site, plan_site
from .wording import load_wording
from .yamlfile import collector_paused

# The phases a build reports the seconds of: reading and checking the inputs, planning
# (the feed aside), waiting for the Open Referral feed (made while the pages are planned),
# rendering and checking links, writing files, and waiting for the search index once all
# else is written.
PHASES = ("load", "plan", "feed", "render", "write", "index")
# The outputs a renderer takes at a time from those the two share: enough that taking costs
# nothing, few enough that neither is left with much when the other has finished.
CHUNK = 50
# How much less the renderers ask of the processors once the index has started (a nice
# value): Pagefind then runs almost as if alone, and the renderers use what it leaves, mostly
# the core its last, single-threaded steps do not. At 1,000 listings, about a tenth off the
# build's time. Not the lowest priority (19): on a busy machine the renderers still get
# some of their share.
_YIELD = 10


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
    plan = _planned(settings, today, exit_url)
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
    plan = _planned(settings, today, exit_url, seconds)
    if plan.problems:  # find what rendering adds to them, without a stage to write in
        render_plan(plan, None, progress, seconds)
    # The old site is replaced only when every file is written and the index is built.
    with staged(plan.settings.out_dir, plan.settings.inputs) as stage:
        writer, index = SiteWriter(stage), SearchIndex(stage)
        try:
            render_plan(plan, _Sink(writer, index), progress, seconds)
            waited = time.perf_counter()
            index.finish()
        except BaseException:
            index.abort()
            raise
        seconds["index"] = time.perf_counter() - waited
    seconds["total"] = time.perf_counter() - started
    return Summary(len(plan.services), pages_in(plan.outputs), writer.files, seconds)


def _planned(settings: Settings, today: dt.date | None, exit_url: str | None,
             seconds: dict[str, float] | None = None) -> Plan:
    """plan_build with the garbage collector paused, and what it made frozen: reading and
    planning keep nearly all they make until the build ends, and the collector's passes over
    it cost more than the planning (10,000 listings: plan_site 1.65 s of CPU to 1.1 s).
    render_plan lets it go at the end."""
    with collector_paused():
        plan = plan_build(settings, today, exit_url, seconds)
        gc.freeze()
    return plan


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

    def plan_feed(self, services: list[Service], settings: Settings) -> Child | Here:
        """The feed's files, begun: it needs only the listings, so where it can a child
        makes them on the other core while this process plans the pages."""
        return aside(plan_feed, services, settings, self.encode_records,
                     self.last_modified(settings))

    def encode_records(self, services: list[Service], settings: Settings, terms, orgs: dict,
                       modified: str) -> list[tuple[str, bytes, bytes]]:
        """The feed's record of each service, encoded (see openreferral.plan_feed)."""
        return encode_records(services, settings, terms, orgs, modified)

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
    today = today or dt.date.today()
    # Files are named in problems as the person gave them (relative stays relative).
    settings, problems = load_settings(settings, str(settings.settings_file))
    if problems:
        raise BuildFailed(problems)  # the vocabularies are needed to check anything else
    services_file = str(settings.services_file)
    services, service_problems = steps.load_services(settings, services_file, today)
    content_dir = str(settings.content_dir)
    pages, page_problems = load_pages(settings.content_dir, content_dir)
    lookup, place_problems = steps.plan_places(settings)
    wording, wording_problems = load_wording(settings.locale_file, settings.templates_dir)
    if service_problems and not services:
        # Nothing could be read from the file: every link to a service would fail too.
        raise BuildFailed(service_problems + page_problems + place_problems + wording_problems)
    loaded = time.perf_counter()
    feed = steps.plan_feed(services, settings)
    try:
        outputs = steps.plan_site(services, pages, settings, today)
        outputs += [lookup] if lookup else []
        outputs += plan_assets(settings.assets_dir)
        # Every page uses the wording: without it nothing can be rendered.
        env = None if wording_problems else steps.make_env(settings, exit_url, wording)
        if env:  # while the feed is made: once here, for every renderer forked after
            compile_templates(env)
        fed = time.perf_counter()
        outputs += feed.result()
        fed = time.perf_counter() - fed
    except BaseException:
        feed.kill()
        raise
    outputs.append(plan_redirects(outputs, rewrites()))
    # Last: its rules follow every other file, and the folder the search index goes in.
    outputs.append(plan_headers(outputs, settings, (INDEX_FOLDER + "/",)))
    pending = {f"/services/{p.service}/" for p in service_problems if p.service} | \
        {f"/{Path(p.file).stem}/" for p in page_problems}
    problems = service_problems + page_problems + place_problems + wording_problems + \
        check_site(outputs, services, pages, services_file, content_dir, pending,
                   str(settings.settings_file))
    if env is None:
        raise BuildFailed(problems)
    seconds.update(load=loaded - started, feed=fed,
                   plan=time.perf_counter() - loaded - fed)
    return Plan(settings, services, pages, outputs, env, pending, problems)


def render_plan(plan: Plan, sink: _Sink | None, progress=None,
                seconds: dict[str, float] | None = None) -> None:
    """Render every planned output, check its links and hand it to the sink, if any (which
    writes it and lets it go); raise BuildFailed with every problem, the plan's among them.

    The outputs go in three stages: the pages of the search index's first shard, those of
    its other shards, then the rest. The index starts on the first shard once its pages are
    written, and goes on to the others once theirs are. Where it can, the work is shared a
    chunk at a time with a forked child (the partner) on the second core; once the index has
    started, this process's share goes to a second child (the helper), and both yield to
    the index (see _YIELD) while this process keeps its priority, for the builds it may make
    after this one.

    :param progress: called as progress(done, total) every 500 outputs or so, for long builds.
    """
    seconds = {} if seconds is None else seconds
    started = time.perf_counter()
    settings, outputs = plan.settings, plan.outputs
    # Rendering finds what only templates know: their mistakes, and the links they write.
    links = RenderedLinks(outputs, plan.services, plan.pages, rewrites(), settings.base_url,
                          plan.pending)
    planned = shards(outputs)
    later = [o for shard in planned[1:] for o in shard]
    order = planned[0] + later + [o for o in outputs if not SearchIndex.indexes(o)]
    sizes = (len(planned[0]), len(later), len(order) - len(planned[0]) - len(later))
    stages = [(Chunks(size, CHUNK), sum(sizes[:n])) for n, size in enumerate(sizes)]
    renderer = _Renderer(plan, order, links, sink)
    partner = helper = None
    # The plan (frozen by _planned) and what was made for rendering live until the end: the
    # garbage collector need not look through them for every page (at 10,000 listings it
    # did so for a good part of rendering), nor make the children copy the memory it would
    # touch doing so.
    gc.freeze()
    try:
        if can_fork(cores_needed=2) and len(order) > 2 * CHUNK:  # before the index's thread
            partner = _RendererChild(renderer, stages, 0)
        renderer.take(*stages[0], progress)
        if partner:
            partner.passed()  # it has written its part of the first shard too
        if sink and not renderer.problems:
            sink.index.start([[o.dest_path for o in shard] for shard in planned])
        if partner:
            helper = _RendererChild(renderer, stages, 1, progress)
            partner.passed()
            helper.passed()
        else:
            renderer.take(*stages[1], progress)
        if sink:
            sink.index.written()  # every page the index reads
        if partner:
            for child in (helper, partner):
                problems, broken, files, writing = child.result()
                renderer.problems += problems
                links.merge(broken)
                if sink:
                    sink.writer.files += files
                renderer.writing += writing if child is helper else 0  # as if this process's
        else:
            renderer.take(*stages[2], progress)
    except BaseException:
        for child in (helper, partner):
            if child:
                child.kill()
        raise
    finally:
        for chunks, _ in stages:
            chunks.close()
        gc.unfreeze()  # a process that builds again (tests, the dev server) frees this plan
    if progress:
        progress(len(outputs), len(outputs))
    problems = plan.problems + renderer.found() + links.problems(settings.templates_dir)
    seconds.update(render=time.perf_counter() - started - renderer.writing,
                   write=renderer.writing)
    if problems:
        raise BuildFailed(problems)


class _Renderer:
    """Renders ranges of the outputs in order, reads their links and hands them to the
    sink. Each template mistake is kept with the place of the first output it broke, so
    that two renderers' problems join in the order one renderer would have found them."""

    def __init__(self, plan: Plan, order: list[Output], links: RenderedLinks,
                 sink: _Sink | None):
        self.plan, self.order, self.links, self.sink = plan, order, links, sink
        self.problems: list[tuple[int, tuple, Problem]] = []  # (where, mistake, problem)
        self.writing = 0.0

    def render(self, start: int, end: int, progress=None) -> None:
        found: dict[tuple, Problem] = {}
        # After a problem (here, in the plan or in the other renderer, which will say so),
        # nothing written will be published.
        write = self.sink and not self.plan.problems
        for done, (output, text) in enumerate(render_site(
                self.order[start:end], self.plan.env, self.plan.settings.templates_dir, found),
                start):
            if progress and done % 500 == 0:
                progress(done, len(self.order))
            self.links.read(output, text)
            if write and not (found or self.problems):
                wrote = time.perf_counter()
                self.sink.writer.write(output, text)
                self.writing += time.perf_counter() - wrote
        self.problems += [(start, mistake, problem) for mistake, problem in found.items()]

    def take(self, chunks: Chunks, offset: int, progress=None) -> None:
        """Render chunks of the outputs after `offset` until none is left."""
        for start, end in chunks:
            self.render(offset + start, offset + end, progress)

    def stages(self, stages: list[tuple[Chunks, int]], start: int, signal: int, progress=None):
        """What a child does: take the chunks of each stage from `start` on, writing a byte
        on the signal pipe after each but the last; from the second on (the index has
        started), yield to the index. Return its own problems, broken links, files written
        and seconds spent writing them."""
        self.problems, self.links.broken, self.writing = [], {}, 0.0
        if self.sink:
            self.sink.writer.files = 0
        for n in range(start, len(stages)):
            if n == max(start, 1):
                os.nice(_YIELD)
            self.take(*stages[n], progress)
            if n < len(stages) - 1:
                os.write(signal, b"!")
        return (self.problems, self.links.broken, self.sink.writer.files if self.sink else 0,
                self.writing)

    def found(self) -> list[Problem]:
        """The template mistakes, each once, in the order of the outputs."""
        mistakes: dict[tuple, Problem] = {}
        for _, mistake, problem in sorted(self.problems, key=lambda found: found[0]):
            mistakes.setdefault(mistake, problem)
        return list(mistakes.values())


class _RendererChild:
    """A child taking stages of the chunks (_Renderer.stages) from `start` on; passed()
    waits until it has finished the stage it is in."""

    def __init__(self, renderer: _Renderer, stages: list, start: int, progress=None):
        read, write = os.pipe()
        self.child = Child(renderer.stages, stages, start, write, progress)
        os.close(write)
        self.signals = os.fdopen(read, "rb")

    def passed(self) -> None:
        if not self.signals.read(1):  # it stopped: raise its mistake
            self.child.result()
            raise RuntimeError("a renderer stopped without saying why")

    def result(self):
        self.signals.close()
        return self.child.result()

    def kill(self) -> None:
        self.signals.close()
        self.child.kill()


class _Sink:
    """Where a build's rendered outputs go: into the stage, and to the search index."""

    def __init__(self, writer: SiteWriter, index: SearchIndex):
        self.writer, self.index = writer, index


def pages_in(outputs: list[Output]) -> int:
    """How many of the outputs are rendered from a template (pages, embeds, fragments): the
    count people are told; the rest are data files and assets."""
    return sum(1 for o in outputs if o.template)
