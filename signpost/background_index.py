"""The dev server's search index: rebuilt in the background after an edit, over a snapshot
of the site, and swapped in when done, so that the browsers reload first."""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from .outputs import Output
from .problems import BuildFailed
from .search import INDEX_FOLDER, SearchIndex, shards
from .writer import MARKER


class BackgroundIndex:
    """The search index, rebuilt in the background after pages are written: Pagefind runs
    over a snapshot of the site (hard links, so later edits, which replace files, do not
    change it) and its index replaces the site's when done."""

    def __init__(self, out_dir: Path, on_fresh=None, delay: float = 0):
        self.out_dir = Path(out_dir)
        self.on_fresh = on_fresh  # called (in the indexing thread) when an index is swapped in
        # Seconds to wait before starting: the dev server lets the browsers reload first,
        # rather than share the processor with the snapshot and Pagefind.
        self.delay = delay
        self.error: str = ""
        self._lock = threading.Lock()
        self._generation = 0
        self._done = 0  # the last generation indexed (or that failed)
        self._thread: threading.Thread | None = None
        self._index: SearchIndex | None = None

    @property
    def stale(self) -> bool:
        """Whether the index lags behind the pages (or is being built for the first time)."""
        return self._generation != self._done

    def start(self, outputs: list[Output]) -> None:
        """Index these pages (already written) instead of whatever is being indexed now."""
        with self._lock:
            self._generation += 1
            if self._index is not None:
                self._index.abort()
            pages = [[o.dest_path for o in shard] for shard in shards(outputs)]
            self._thread = threading.Thread(
                target=self._run, daemon=True, name="signpost-index",
                args=(self._generation, pages, self._thread))
            self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self, generation: int, pages, previous) -> None:
        if previous is not None:
            previous.join()  # it was aborted; one index at a time
        time.sleep(self.delay)
        if generation != self._generation:
            return
        try:
            snapshot = _snapshot(self.out_dir, [page for shard in pages for page in shard])
        except OSError as error:  # a page gone since it was written (by hand, say)
            with self._lock:
                if generation == self._generation:
                    self.error, self._done = str(error), generation
            return
        try:
            with self._lock:
                if generation != self._generation:
                    return
                index = self._index = SearchIndex(snapshot)
            try:
                index.start(pages)
                index.written()
                index.finish()
            except BuildFailed as failed:
                with self._lock:
                    if generation == self._generation:
                        self.error = "; ".join(p.message for p in failed.problems)
                        self._done = generation
                return
            except BaseException:
                index.abort()
                raise
            with self._lock:
                if generation != self._generation or not (self.out_dir / MARKER).is_file():
                    return
                live, old = self.out_dir / INDEX_FOLDER, self.out_dir / f".{INDEX_FOLDER}.old"
                shutil.rmtree(old, ignore_errors=True)
                if live.exists():
                    live.rename(old)
                (snapshot / INDEX_FOLDER).rename(live)
                shutil.rmtree(old, ignore_errors=True)
                self.error = ""
                self._done = generation
            if self.on_fresh:
                self.on_fresh()
        finally:
            shutil.rmtree(snapshot, ignore_errors=True)


def _snapshot(out_dir: Path, pages: list[str]) -> Path:
    """A copy of the pages the index reads (paths in the site), made of hard links, beside
    the site (so on the same file system). Only those: Pagefind is pointed at them alone,
    and every file of the site, linked then deleted after each edit, was nearly four times
    as many (3,854 against 1,001 at 1,000 listings, 0.24 s against 0.08 s), and deleting
    many files leaves this disk slower to make them (see the README's benchmarks)."""
    out_dir = Path(out_dir).resolve()
    snapshot = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.index-", dir=out_dir.parent))
    made = set()
    try:
        for page in pages:
            folder = os.path.dirname(page)
            if folder not in made:
                os.makedirs(snapshot / folder, exist_ok=True)
                made.add(folder)
            os.link(out_dir / page, snapshot / page)
    except OSError:
        shutil.rmtree(snapshot, ignore_errors=True)
        raise
    return snapshot
