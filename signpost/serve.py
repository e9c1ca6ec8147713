"""The dev server: build, serve with netlify.toml's headers, rebuild on change, and keep
serving the last good site when a change breaks the build."""
from __future__ import annotations

import logging
import time

from .headers import headers_for, load_header_rules
from .pipeline import build
from .problems import BuildFailed, format_problems
from .redirects import load_rewrites, rewrite
from .settings import Settings

log = logging.getLogger(__name__)


def rebuild(settings: Settings, exit_url: str | None = None) -> bool:
    """Build once, printing a summary or the problems; never raise for bad input."""
    started = time.perf_counter()
    try:
        summary = build(settings, exit_url)
    except BuildFailed as failed:
        print(format_problems(failed.problems))
        print("The site was not rebuilt: still serving the last good build.")
        return False
    except Exception as err:  # a bug, not bad input; the server must keep serving
        log.debug("rebuild failed", exc_info=True)
        print(f"The build stopped on an unexpected error ({type(err).__name__}: "
              f"{str(err)[:200]}); this is a bug in the build, please report it.")
        print("The site was not rebuilt: still serving the last good build.")
        return False
    print(f"Rebuilt {summary.services} services, {summary.pages} pages "
          f"in {time.perf_counter() - started:.2f} s")
    return True


def serve(settings: Settings, port: int = 8000, exit_url: str | None = None) -> None:
    """Build, then serve settings.out_dir on 127.0.0.1 with live reload."""
    from livereload import Server  # imported here so building needs no server packages
    from livereload.server import LiveScriptInjector, StaticFileHandler

    rebuild(settings, exit_url)
    site_dir = settings.out_dir.resolve()

    class ExternalReloadScript(LiveScriptInjector):
        # livereload injects an inline <script>, which our Content-Security-Policy blocks
        # (rightly); load its client as a same-origin file instead.
        script = f'<script src="/livereload.js?port={port}"></script>'.encode()

    class SiteHandler(StaticFileHandler):
        def set_default_headers(self):
            # Read each time: a rebuild may change _headers (a new page, a new embed).
            rules = load_header_rules(settings.root / "netlify.toml", site_dir)
            for name, value in headers_for(rules, self.request.path).items():
                self.set_header(name, value)

        def parse_url_path(self, url_path):
            # _redirects' rewrites (the feed's API paths), read each time like _headers.
            target = rewrite(load_rewrites(site_dir), "/" + url_path)
            return super().parse_url_path(target.lstrip("/") if target else url_path)

        def prepare(self):
            self._transforms = [ExternalReloadScript(self.request)
                                if isinstance(t, LiveScriptInjector) else t for t in self._transforms]

        def write_error(self, status_code, **kwargs):
            not_found = site_dir / "404.html"
            if status_code == 404 and not_found.exists():  # as Netlify does
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(not_found.read_bytes())
            else:
                super().write_error(status_code, **kwargs)

    server = Server()
    server.SFH = SiteHandler
    for path in (settings.services_file, settings.content_dir, settings.settings_file,
                 settings.templates_dir, settings.assets_dir, settings.locale_file.parent,
                 settings.data_dir):
        server.watch(str(path), lambda: rebuild(settings, exit_url))
    server.serve(port=port, host="127.0.0.1", root=str(site_dir))
