"""Rendering the plan: each planned output rendered, its links read, and handed to the sink
(written and indexed by a build, dropped by a check), in stages so that the search index
starts as soon as the pages it reads are written; shared, a chunk at a time, with forked
children on the other core where the system allows (forks.py)."""
from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from .forks import Child, Chunks, can_fork
from .links import RenderedLinks
from .openreferral import rewrites
from .outputs import Output
from .problems import BuildFailed, Problem
from .render import render_site
from .search import SearchIndex, shards
from .writer import SiteWriter

if TYPE_CHECKING:  # the pipeline hands its plan here
    from .pipeline import Plan

# The outputs a renderer takes at a time from those the two share: enough that taking costs
# nothing, few enough that neither is left with much when the other has finished.
CHUNK = 50
# How much less the renderers ask of the processors once the index has started (a nice
# value), while the index's later shards wait for their pages: Pagefind then runs almost as
# if alone, and the renderers use what it leaves, mostly the core its last, single-threaded
# steps do not. Not the lowest priority: on a busy machine they still get some of their share.
_YIELD = 10
# And once nothing waits on what they render but the end of the build (render_plan): the
# lowest priority there is. On a busy machine the build's own process does what they cannot.
_IDLE = 19


def render_plan(plan: Plan, sink: Sink | None, progress=None,
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

    Once every page the index reads is written, nothing waits on the rest but the end of
    the build: the children render it at the lowest priority (_IDLE), and this process joins
    them at its own once the index is done. At 1,000 listings Pagefind then took about
    1.05 s beside them, not 1.18 s, and the build ended with it.

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
    waited = 0.0  # for the index, which the build counts as its own phase
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
            if sink:
                waiting = time.perf_counter()
                sink.index.wait()
                waited = time.perf_counter() - waiting
            renderer.take(*stages[2], progress)  # what the children have not taken yet
            for child in (helper, partner):
                problems, broken, files = child.result()
                renderer.problems += problems
                links.merge(broken)
                if sink:
                    sink.writer.files += files
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
    if progress:
        progress(len(outputs), len(outputs))
    problems = plan.problems + renderer.found() + links.problems(settings.templates_dir)
    seconds.update(render=time.perf_counter() - started - renderer.writing - waited,
                   write=renderer.writing, index=waited)
    if problems:
        raise BuildFailed(problems)


class _Renderer:
    """Renders ranges of the outputs in order, reads their links and hands them to the
    sink. Each template mistake is kept with the place of the first output it broke, so
    that two renderers' problems join in the order one renderer would have found them."""

    def __init__(self, plan: Plan, order: list[Output], links: RenderedLinks,
                 sink: Sink | None):
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
        started), yield to the index, and in the last, to everything. Return its own
        problems, broken links and files written."""
        self.problems, self.links.broken = [], {}
        if self.sink:
            self.sink.writer.files = 0
        for n in range(start, len(stages)):
            if n == max(start, 1):
                os.nice(_YIELD)
            if n == len(stages) - 1:
                os.nice(_IDLE - os.nice(0))
            self.take(*stages[n], progress)
            if n < len(stages) - 1:
                os.write(signal, b"!")
        return self.problems, self.links.broken, self.sink.writer.files if self.sink else 0

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


class Sink:
    """Where a build's rendered outputs go: into the stage, and to the search index."""

    def __init__(self, writer: SiteWriter, index: SearchIndex):
        self.writer, self.index = writer, index
