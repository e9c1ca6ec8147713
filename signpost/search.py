"""The search index: running Pagefind over the built site (offline; the binary comes from
PyPI), split into shards for a large directory. What the pages carry for it is in
facets.py; the glob naming a shard's pages, in pagefind_glob.py."""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from .pagefind_glob import glob_of
from .problems import BuildFailed, Problem

INDEX_FOLDER = "pagefind"  # where Pagefind writes the index, inside the site
# Above this many service pages the index is split into shards (SearchIndex), built one after
# another, so that no Pagefind run needs more than about 550 MB: beside the build's own memory,
# 10,000 listings then peak at about 1.15 GB in all, not 1.69 GB (Hugo + Pagefind: 1.24 GB). The
# search page and the build both ask index_shards(), so they agree.
SHARD_SERVICES = 5_000


def _pagefind() -> tuple[str, ...]:
    """How to run Pagefind: its binary from PyPI, directly where it can be found (through
    `python -m pagefind`, a Python starts and imports its wrapper first, at every run)."""
    try:
        from pagefind_bin import get_executable
        return (str(get_executable().absolute()),)
    except (ImportError, OSError):
        return (sys.executable, "-m", "pagefind")


PAGEFIND = _pagefind()


# Up to this many pages indexed, a first search fetches every result's details, so the files
# fetched are the same whatever is searched and say nothing of it: one file of them all
# (DETAILS, 25 KB on the wire for the real directory's 50 pages, where Pagefind's file per
# result came to 55 KB in 50 requests). Above it, each result's file is fetched as it is
# shown (at 1,000 listings all would be about 900 KB).
ALL_RESULTS_UP_TO = 100
DETAILS = "details.json"  # in the index's folder, so it is never kept on the device either
_FRAGMENT_SIGNATURE = b"pagefind_dcd"  # what a Pagefind 1.5 file begins with, once unzipped


def fetches_all(shards: int, pages: int) -> bool:
    """Whether a first search fetches every result's details, with the index in this many
    shards and this many pages indexed (the search page is told so; search.js)."""
    return shards == 1 and pages <= ALL_RESULTS_UP_TO


def index_shards(services: int) -> int:
    """How many shards the search index of this many service pages is split into."""
    return max(1, -(-services // SHARD_SERVICES))


def shards(outputs) -> list[list]:
    """The outputs the search indexes, shard by shard of its index (see SearchIndex), each
    in the plan's order: the service pages in ranges of the order the search page sorts
    them by when browsing (the page's `browse` key, from order.browse_key; Pagefind
    compares by code point, as Python does), the first shard also every help page. A build
    writes them in this order, so that the first shard can be indexed while the others are
    written."""
    indexed = [o for o in outputs if SearchIndex.indexes(o)]
    services = sorted((o for o in indexed if o.template == "service.html"),
                      key=lambda o: (o.context["browse"][0], o.dest_path))
    count = index_shards(len(services))
    shard_of = {id(o): k for k in range(count) for o in
                services[k * len(services) // count:(k + 1) * len(services) // count]}
    by_shard: list[list] = [[] for _ in range(count)]
    for output in indexed:
        by_shard[shard_of.get(id(output), 0)].append(output)
    return by_shard


class SearchIndex:
    """The Pagefind index of a site being written into site_dir.

    The build calls start() with the pages of each shard (shards()) once the first shard's
    are written (the index is built from then on, in the background, while the build writes
    the rest), written() once the other shards' are too, and finish() at the end, which
    waits for the index or raises BuildFailed; abort() on any failure.

    Pagefind's memory grows with the pages one run indexes (about 1.1 GB at 10,000), so above
    SHARD_SERVICES service pages the index is split into shards, built one after another:
    the peak is one shard's. Shard k holds the k-th range of services in the browse order
    (the first also every help page), in /pagefind/ for the first and /pagefind/k/ for the
    others; search.js merges them with Pagefind's mergeIndex and, browsing, lists shard
    after shard. Below that, one index, as before: a first search loads no more."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.thread: threading.Thread | None = None
        self.process: subprocess.Popen | None = None
        self.failure: str | None = None  # what to tell the person: Pagefind failed
        self.error: BaseException | None = None  # a bug, raised again by finish()
        self.aborted = False
        self._written = threading.Event()  # every shard's pages are written

    @staticmethod
    def indexes(output) -> bool:
        """Whether the search indexes this output: service pages and content pages."""
        return output.template == "page.html" or (
            output.template == "service.html" and not output.context.get("embedded"))

    def start(self, by_shard: list[list[str]]) -> None:
        """Begin indexing these pages (paths in the site), shard by shard: the first shard's
        are written; the others are indexed once written() is called."""
        self.thread = threading.Thread(target=self._build, args=(by_shard,),
                                       name="search-index", daemon=True)
        self.thread.start()

    def written(self) -> None:
        """Every page of every shard is written: the shards after the first can be built."""
        self._written.set()

    def _build(self, by_shard: list[list[str]]) -> None:
        try:
            for k, pages in enumerate(by_shard):
                if k:
                    self._written.wait()
                if self.aborted:
                    return
                self._run_shard(k, pages)
            if not self.aborted and fetches_all(len(by_shard), len(by_shard[0])):
                _bundle_details(self.site_dir.resolve() / INDEX_FOLDER)
        except OSError as error:
            self.failure = str(error)
        except BaseException as error:  # not lost with the thread
            self.error = error
        finally:
            shutil.rmtree(self._run_folder(), ignore_errors=True)

    def _run_folder(self) -> Path:
        """Where Pagefind runs, for its settings file; inside the site being written."""
        return self.site_dir / f".{INDEX_FOLDER}-run"

    def _run_shard(self, k: int, pages: list[str]) -> None:
        out = self.site_dir.resolve() / INDEX_FOLDER / (str(k) if k else "")
        # Pointed only at the pages it indexes, Pagefind skips parsing every listing page,
        # embed and fragment (at 1,000 listings: 6.5 s and 227 MB become 3.0 s and 155 MB).
        # They are named in the settings file Pagefind reads from the folder it runs in: as
        # an argument, a shard's 5,000 paths would pass the length limit of one.
        run = self._run_folder()
        run.mkdir(exist_ok=True)
        # Everything it indexes (the body, the filters, the meta) is in the page's <main>:
        # Pagefind then reads only that, the same index for a tenth less of its CPU.
        (run / "pagefind.json").write_text(json.dumps({
            "site": str(self.site_dir.resolve()), "output_path": str(out),
            "glob": glob_of(pages), "root_selector": "main"}), encoding="utf-8")
        self.process = subprocess.Popen(PAGEFIND, cwd=run, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        if self.aborted:  # abort() came between the check above and the start
            self.process.kill()
        stdout, stderr = self.process.communicate()
        if self.aborted:
            return
        if self.process.returncode != 0:
            self.failure = ((stderr or stdout).strip().splitlines()[-1:] or ["no output"])[0]
        elif (held := _page_count(out)) != len(pages):  # never an index missing pages unsaid
            self.failure = f"it holds {held} of the {len(pages)} pages it should"
        if self.failure:
            self.aborted = True  # the shards after it would be of no use
            return
        # Pagefind ships UIs we do not use; leaving them out keeps the site small and makes
        # sure nothing can load its modal (which would cover the exit button). Merged shards
        # use the first one's script and WebAssembly.
        unused = _UNUSED if k == 0 else [p.name for p in out.iterdir() if p.is_file()
                                         and p.name != "pagefind-entry.json"
                                         and not p.name.endswith(".pf_meta")]
        for name in unused:
            (out / name).unlink(missing_ok=True)

    def wait(self) -> None:
        """Wait until the index is built, has failed or was never started (finish() says
        which)."""
        if self.thread is not None:
            self.thread.join()

    def finish(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise self.error
        if self.failure:
            raise BuildFailed([Problem("pagefind", 1, f"the search index could not be built: "
                                                      f"{self.failure}")])

    def abort(self) -> None:
        self.aborted = True
        self._written.set()  # a shard waiting for its pages stops instead
        process = self.process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        if self.thread is not None:
            self.thread.join()


_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
           "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-highlight.js", "pagefind-worker.js")  # the search runs without a worker


def _page_count(index_folder: Path) -> int:
    """The pages an index written by Pagefind holds."""
    entry = json.loads((index_folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def _bundle_details(index_folder: Path) -> None:
    """Put every result's details (Pagefind's file per page) into one file, DETAILS, keyed by
    the page's id in the index, with what the search page reads of them: the address, the
    meta data and the text (search-words.js finds in it the word a search matched). The
    per-page files go, so that no search can fetch one and say which services it found."""
    details = {}
    for path in sorted((index_folder / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(_FRAGMENT_SIGNATURE):
            raise OSError(f"{path.name} is not in the format of Pagefind 1.5")
        fragment = json.loads(data[len(_FRAGMENT_SIGNATURE):])
        # As Pagefind's script gives them: the text without its zero-width spaces.
        details[path.name.removesuffix(".pf_fragment")] = {
            "url": fragment["url"], "meta": fragment["meta"],
            "content": fragment["content"].replace("\u200b", "")}
    (index_folder / DETAILS).write_text(json.dumps(details, ensure_ascii=False, sort_keys=True,
                                                   separators=(",", ":")), encoding="utf-8")
    shutil.rmtree(index_folder / "fragment")
