"""The dev server: build, serve with netlify.toml's headers, rebuild on change (only what the
change touches), and keep serving the last good site when a change breaks the build."""
from __future__ import annotations

import logging
import threading
import time

from .background_index import BackgroundIndex
from .headers import headers_for, load_header_rules
from .incremental import Incremental
from .output_folder import Update
from .problems import BuildFailed, format_problems
from .redirects import load_rewrites, rewrite
from .settings import Settings
from .watch import POLL, changes, input_stamps

log = logging.getLogger(__name__)

INDEX_DELAY = 1.0  # seconds after the reload before the search index is rebuilt: Pagefind
# and the snapshot would slow the browsers reloading the page (0.87 s median at 0.5, 0.45 s at 3)
SEARCH_PAGE = "/search/"
# Shown on the search page by the dev server only (the built page stays a cold build's),
# as markup with the site's own class: no inline style or script, so the CSP holds.
STALE_NOTICE = (b'<p class="app-notice" role="status">Dev server: the search index is being '
                b'rebuilt after your edit, so results may be out of date. This page reloads '
                b'when it is ready.</p>')


def rebuild(settings: Settings, exit_url: str | None = None,
            site: Incremental | None = None, unchanged=None) -> Update | None:
    """Build once, or bring the site up to date after an edit, printing a summary or the
    problems; return what changed, or None when nothing could be built. Never raise for
    bad input.

    :param unchanged: asked after problems are found: False when the inputs changed since
        the edit was seen, so the problems may be those of a file still being written (on a
        busy machine a save can pause between emptying the file and filling it); they are
        not shown, as the watch will see the rest of the save and rebuild."""
    started = time.perf_counter()
    try:
        update = (site or Incremental(settings, exit_url)).build()
    except BuildFailed as failed:
        if unchanged is not None and not unchanged():
            print("An input changed while it was read: rebuilding again.")
            return None
        print(format_problems(failed.problems))
        print("The site was not rebuilt: still serving the last good build.")
        return None
    except Exception as err:  # a bug, not bad input; the server must keep serving
        log.debug("rebuild failed", exc_info=True)
        print(f"The build stopped on an unexpected error ({type(err).__name__}: "
              f"{str(err)[:200]}); this is a bug in the build, please report it.")
        print("The site was not rebuilt: still serving the last good build.")
        return None
    print(f"Rebuilt {update.services} services: {len(update.written)} file(s) written, "
          f"{len(update.deleted)} deleted in {time.perf_counter() - started:.2f} s")
    return update


class Watch:
    """Rebuild when an input changes, then tell the browsers to reload, and rebuild the
    search index in the background when a page it indexes changed."""

    def __init__(self, settings: Settings, site: Incremental, index: BackgroundIndex,
                 reload, poll: float = POLL):
        self.settings, self.site, self.index, self.reload, self.poll = \
            settings, site, index, reload, poll
        self.stop = threading.Event()

    def run(self) -> None:
        for stamps in changes(self.settings, self.stop, self.poll):
            self.once(stamps)

    def once(self, stamps: dict | None = None) -> Update | None:
        """Rebuild for inputs seen with these stamps (input_stamps), and reload."""
        update = rebuild(self.settings, site=self.site, unchanged=None if stamps is None else
                         lambda: input_stamps(self.settings) == stamps)
        if update is None or not (update.written or update.deleted):
            return update
        if update.indexed_changed:
            self.index.start(update.outputs)  # before the reload: the notice shows at once
        self.reload()
        if self.index.error:
            print(f"The search index could not be rebuilt: {self.index.error}")
        return update


def serve(settings: Settings, port: int = 8000, exit_url: str | None = None) -> None:
    """Build, then serve settings.out_dir on 127.0.0.1 with live reload."""
    from livereload import Server  # imported here so building needs no server packages
    from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
    from livereload.server import LiveScriptInjector, StaticFileHandler
    from livereload.watcher import Watcher
    from tornado import web
    from tornado.ioloop import IOLoop

    site = Incremental(settings, exit_url)
    loop: list[IOLoop] = []

    def reload(path: str = "*") -> None:  # from any thread
        if loop:
            loop[0].add_callback(LiveReloadHandler.reload_waiters, path)

    served_stale = [0.0]  # when a search page with the notice was last sent

    def fresh() -> None:
        print("The search index is up to date.")
        reload(SEARCH_PAGE)
        if time.monotonic() - served_stale[0] < 3 and loop:
            # That page may have loaded before its live reload connected, and missed the
            # first reload: one more, once it has.
            loop[0].call_later(2, LiveReloadHandler.reload_waiters, SEARCH_PAGE)

    index = BackgroundIndex(settings.out_dir, on_fresh=fresh, delay=INDEX_DELAY)
    watch = Watch(settings, site, index, reload)
    first = rebuild(settings, exit_url, site)
    if first is not None:
        index.start(first.outputs)
    site_dir = settings.out_dir.resolve()

    class InputWatcher(Watcher):
        # livereload polls every 0.8 s and ignores changes for 3 s after a reload; ours is
        # woken by the change (signpost/watch.py) and reloads as soon as files are written.
        def start(self, callback):
            loop.append(IOLoop.current())
            threading.Thread(target=watch.run, daemon=True, name="signpost-watch").start()
            return True

        def examine(self):
            return None, None

    class ExternalReloadScript(LiveScriptInjector):
        # livereload injects an inline <script>, which our Content-Security-Policy blocks
        # (rightly); load its client as a same-origin file instead. Deferred: in the head,
        # a plain script would hold back the page until its 37 KB are fetched and run.
        script = f'<script src="/livereload.js?port={port}" defer></script>'.encode()

        def __init__(self, request):
            super().__init__(request)
            self.path = request.path

        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            status_code, headers, chunk = super().transform_first_chunk(
                status_code, headers, chunk, finishing)
            if self.path in (SEARCH_PAGE, SEARCH_PAGE + "index.html") and index.stale:
                chunk = _with_notice(chunk, headers)
                served_stale[0] = time.monotonic()
            return status_code, headers, chunk

    # Only this machine's own pages may use the server: a page from another site (even one
    # whose address leads to 127.0.0.1, by DNS rebinding) may not read the preview, nor
    # listen for saves on the live reload, nor reload the open pages.
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    origins = {f"http://{host}" for host in hosts}

    class LocalOnly(web.RequestHandler):
        def prepare(self):
            if self.request.host not in hosts:
                raise web.HTTPError(403)

    class LiveReload(LocalOnly, LiveReloadHandler):
        def check_origin(self, origin):
            return origin in origins

    class LiveReloadScript(LocalOnly, LiveReloadJSHandler):
        pass

    class SiteHandler(LocalOnly, StaticFileHandler):
        def set_default_headers(self):
            # Read each time: a rebuild may change _headers (a new page, a new embed).
            rules = load_header_rules(settings.root / "netlify.toml", site_dir)
            for name, value in headers_for(rules, self.request.path).items():
                self.set_header(name, value)

        def parse_url_path(self, url_path):
            if "\x00" in url_path:  # no file has it; the file system would refuse it
                raise web.HTTPError(404)
            # _redirects' rewrites (the feed's API paths), read each time like _headers.
            target = rewrite(load_rewrites(site_dir), "/" + url_path)
            return super().parse_url_path(target.lstrip("/") if target else url_path)

        def write_error(self, status_code, **kwargs):
            not_found = site_dir / "404.html"
            if status_code == 404 and not_found.exists():  # as Netlify does
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(not_found.read_bytes())
            else:
                super().write_error(status_code, **kwargs)

    class LocalServer(Server):
        def application(self, port, host, liveport=None, debug=None, live_css=True):
            # livereload's own, without its /forcereload (any page could reload ours) and
            # with the handlers above.
            LiveReloadHandler.watcher, LiveReloadHandler.live_css = self.watcher, live_css
            web.Application(handlers=[
                (r"/livereload", LiveReload), (r"/livereload.js", LiveReloadScript),
                (r"/(.*)", SiteHandler, {"path": str(site_dir), "default_filename": "index.html"}),
            ], transforms=[ExternalReloadScript]).listen(port, address=host)

    server = LocalServer(watcher=InputWatcher())
    # A task, so that livereload does not watch the working folder on its own.
    server.watch(str(settings.services_file))
    server.serve(port=port, host="127.0.0.1", root=str(site_dir))


def _with_notice(chunk: bytes, headers) -> bytes:
    """The search page with the stale-index notice first in its main content."""
    start = chunk.find(b"<main")
    end = chunk.find(b">", start)
    if start < 0 or end < 0:
        return chunk
    if "Content-Length" in headers:
        headers["Content-Length"] = str(int(headers["Content-Length"]) + len(STALE_NOTICE))
    return chunk[:end + 1] + STALE_NOTICE + chunk[end + 1:]
