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
from .render import (SiteWriter, make_env, out_dir_problems, plan_assets, render_site,
                     same_mistake, staged)
from .search import INDEX_FOLDER, SearchIndex, shards
from .services import Service, load_services, load_services_in_parts
from .settings import Settings, load_settings
from .site import Output, RenderedLinks, check_site, plan_site
from .wording import load_wording

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
    plan = plan_build(settings, today, exit_url)
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
    plan = plan_build(settings, today, exit_url, seconds)
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
    if wording_problems:
        raise BuildFailed(problems)  # every page uses the wording
    env = steps.make_env(settings, exit_url, wording)
    seconds.update(load=loaded - started, feed=fed,
                   plan=time.perf_counter() - loaded - fed)
    return Plan(settings, services, pages, outputs, env, pending, problems)


def render_plan(plan: Plan, sink: _Sink | None, progress=None,
                seconds: dict[str, float] | None = None) -> None:
    """Render every planned output, check its links and hand it to the sink, if any (which
    writes it and lets it go); raise BuildFailed with every problem, the plan's among them.

    The work is shared, a chunk at a time, with a forked copy of this process on the second
    core. The pages the search indexes come first, shard by shard of its index, so that
    the indexer can start on the first while the rest is rendered and written.

    :param progress: called as progress(done, total) every 500 outputs or so, for long builds.
    """
    seconds = {} if seconds is None else seconds
    started = time.perf_counter()
    settings, outputs = plan.settings, plan.outputs
    # Rendering finds what only templates know: their mistakes, and the links they write.
    links = RenderedLinks(outputs, plan.services, plan.pages, rewrites(), settings.base_url,
                          plan.pending)
    planned = shards(outputs)
    order = [o for shard in planned for o in shard]
    order += [o for o in outputs if not SearchIndex.indexes(o)]  # in the plan's order
    indexed = len(planned[0])  # the first shard's pages: the index starts once they are written
    renderer = _Renderer(plan, order, links, sink)
    first, rest = Chunks(indexed, CHUNK), Chunks(len(order) - indexed, CHUNK)
    partner = helper = handoff = None
    # The plan lives until the end: the garbage collector need not look through it again
    # for every page (at 10,000 listings it did so for a good part of rendering), nor make
    # the child copy the memory it would touch doing so.
    gc.freeze()
    try:
        if can_fork(cores_needed=2) and len(order) > 2 * CHUNK:  # before the index's thread
            read, write = os.pipe()
            partner = Child(renderer.share, first, rest, indexed, write)
            os.close(write)
            handoff = os.fdopen(read, "rb")
        renderer.take(first, 0, progress)
        if partner and not handoff.read(1):  # the child has written its part of them too
            partner.result()  # it stopped: raise its mistake
        if sink and not renderer.problems:  # every page of the first shard is written
            sink.index.start([[o.dest_path for o in shard] for shard in planned])
        if partner:
            # This process's share of the rest is rendered in a child too, so that both
            # renderers can yield to the index (see _Renderer.yielding) while this process
            # keeps its priority, for the builds it may make after this one.
            helper = Child(renderer.yielding, rest, indexed, progress)
            for child in (helper, partner):
                problems, broken, files, writing = child.result()
                renderer.problems += problems
                links.merge(broken)
                if sink:
                    sink.writer.files += files
                renderer.writing += writing if child is helper else 0
        else:
            renderer.take(rest, indexed, progress)
        if sink:
            sink.index.written()
    except BaseException:
        for child in (helper, partner):
            if child:
                child.kill()
        raise
    finally:
        first.close()
        rest.close()
        if handoff:
            handoff.close()
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
        self.problems: list[tuple[int, Problem]] = []
        self.writing = 0.0

    def render(self, start: int, end: int, progress=None) -> None:
        found: list[Problem] = []
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
                self.sink.write(output, text)
                self.writing += time.perf_counter() - wrote
        self.problems += [(start, problem) for problem in found]

    def take(self, chunks: Chunks, offset: int, progress=None):
        """Render chunks of the outputs after `offset` until none is left; return what a
        child sends back: its problems, its broken links, the files it wrote and the seconds
        it spent writing them."""
        for start, end in chunks:
            self.render(offset + start, offset + end, progress)
        return (self.problems, self.links.broken, self.sink.writer.files if self.sink else 0,
                self.writing)

    def share(self, first: Chunks, rest: Chunks, indexed: int, handoff: int):
        """What the partner child does: take chunks of the first shard's pages, then tell
        the parent (on the handoff pipe) that it has written them, so that the index can
        start, then yield to the index and take chunks of the rest; return what take()
        does."""
        self.take(first, 0)
        os.write(handoff, b"!")
        os.close(handoff)
        os.nice(_YIELD)
        return self.take(rest, indexed)

    def yielding(self, rest: Chunks, indexed: int, progress=None):
        """What the helper child does for the parent: take chunks of the rest, yielding to
        the index; return what take() does, of its own work only."""
        os.nice(_YIELD)
        self.problems, self.links.broken, self.writing = [], {}, 0.0
        if self.sink:
            self.sink.writer.files = 0
        return self.take(rest, indexed, progress)

    def found(self) -> list[Problem]:
        """The template mistakes, each once, in the order of the outputs."""
        mistakes: dict[tuple, Problem] = {}
        for _, problem in sorted(self.problems, key=lambda pair: pair[0]):
            mistakes.setdefault(same_mistake(problem), problem)
        return list(mistakes.values())


class _Sink:
    """Where a build's rendered outputs go: into the stage, and to the search index."""

    def __init__(self, writer: SiteWriter, index: SearchIndex):
        self.writer, self.index = writer, index

    def write(self, output: Output, text: str | bytes) -> None:
        self.writer.write(output, text)


def pages_in(outputs: list[Output]) -> int:
    """How many of the outputs are rendered from a template (pages, embeds, fragments): the
    count people are told; the rest are data files and assets."""
    return sum(1 for o in outputs if o.template)
