"""Local servers for the browser tests: the built site with netlify.toml's headers, and a
second origin standing in for the exit destination, which records the Referer it gets."""
from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from signpost.headers import headers_for, load_header_rules
from signpost.redirects import load_rewrites, rewrite


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_page(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _SiteHandler(_Quiet):
    rules: list = []
    rewrites: list = []

    def translate_path(self, path):
        # _redirects' rewrites, as Netlify applies them (the query string plays no part).
        return super().translate_path(rewrite(self.rewrites, path) or path)

    def send_header(self, keyword, value):
        # A Content-Type from the rules (the feed's JSON) replaces the guessed one, as on Netlify.
        if keyword.lower() == "content-type" and \
                "Content-Type" in headers_for(self.rules, self.path.split("?")[0]):
            return
        super().send_header(keyword, value)

    def end_headers(self):
        for name, value in headers_for(self.rules, self.path.split("?")[0]).items():
            super().send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            return super().send_error(code, message, explain)
        self.send_page(404, not_found.read_bytes())  # as Netlify serves it


class _DestinationHandler(_Quiet):
    """The exit destination, and host pages (a borough site) the tests put in `pages`."""

    def do_GET(self):
        self.server.visits.append({"path": self.path, "referer": self.headers.get("Referer")})
        time.sleep(self.server.delay)
        self.send_page(200, self.server.pages.get(
            self.path, "<!DOCTYPE html><title>Weather</title><h1>Weather</h1>").encode())


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser that closes mid-response is not a failure of the site


class Server:
    """A threaded HTTP server on 127.0.0.1 and a free port, stopped by close()."""

    def __init__(self, handler):
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def serve_site(site_dir: Path, netlify_toml: Path) -> Server:
    handler = type("Handler", (_SiteHandler,), {"rules": load_header_rules(netlify_toml, site_dir),
                                                "rewrites": load_rewrites(site_dir)})
    return Server(functools.partial(handler, directory=str(site_dir)))


def serve_destination() -> Server:
    server = Server(_DestinationHandler)
    server.httpd.visits = []
    server.httpd.delay = 0
    server.httpd.pages = {}
    return server


class DevServer:
    """`serve` (the dev server, with live reload) over a project folder, in its own process
    on a free port, stopped by close(). Its output is kept in `log`."""

    def __init__(self, root: Path, out_dir: Path, exit_url: str | None = None):
        import socket
        import subprocess
        import sys
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(out_dir).parent / f"serve-{self.port}.log"
        code = ("import sys; from pathlib import Path; from signpost.serve import serve; "
                "from signpost.settings import Settings; "
                "serve(Settings.for_root(Path(sys.argv[1]), out_dir=Path(sys.argv[2])), "
                "int(sys.argv[3]), sys.argv[4] or None)")
        self._log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-c", code, str(root), str(out_dir), str(self.port),
             exit_url or ""], stdout=self._log, stderr=subprocess.STDOUT,
            cwd=Path(__file__).resolve().parent.parent)

    @property
    def log(self) -> str:
        return self.log_path.read_text()

    def wait_ready(self, timeout: float = 300) -> None:
        """Until the first build is served."""
        import urllib.request
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve stopped:\n{self.log}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"serve did not answer in {timeout} s:\n{self.log}")

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except Exception:
            self.process.kill()
            self.process.wait()
        self._log.close()
