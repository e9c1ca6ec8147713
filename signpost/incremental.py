"""Rebuild the site after an edit, for the dev server: check everything as `check` does, but
reparse only the listings whose text changed, re-render only the outputs whose inputs
changed, and rewrite only the files whose bytes changed (output_folder.py). What it writes is
byte for byte what a cold build writes (tests/test_incremental.py compares them over a series
of edits)."""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
import threading
from dataclasses import replace

from .entries import Split, split_again
from .forks import Here
from .links import check_rendered_links
from .openreferral import encode, last_modified, rewrites
from .output_folder import OutputFolder, Update
from .outputs import Output, same_inputs
from .pipeline import Steps, plan_build
from .problems import BuildFailed
from .render import render_site
from .services import Service
from .servicesfile import check_services, load_services
from .settings import Settings
from .site import plan_site
from .text import SERVICES_LIMIT, TextError, read_text
from .yamlfile import load_yaml


class Incremental(Steps):
    """The state kept between rebuilds: parsed listings by their text, rendered outputs by
    the fingerprint of their inputs, and what the output folder holds. Its Steps are
    pipeline.plan_build's, each reusing what it made last time from unchanged inputs."""

    def __init__(self, settings: Settings, exit_url: str | None = None):
        self.given = settings  # as the command line gave it; site.yaml is read on each check
        self.exit_url = exit_url
        self._entries: dict[str, tuple[Service, str]] = {}  # entry text -> (service, digest)
        self._entries_key = None  # the settings and day the entries were checked with
        self._split: Split | None = None  # the services file's text last read, split
        self._modified: _Later | None = None  # the feed's date, being worked out
        self._digests: dict[int, str] = {}  # id(service) -> digest, for the services last read
        self._lists: dict = {}  # plan_site's reuse: the pages of each list of services
        self._places = (None, None)  # (key, (lookup output, problems))
        self._env = (None, None)  # (key, env)
        # url -> the output last rendered there, as planned and as rendered; and the digests
        # of the listings those planned outputs hold, by id(service).
        self._rendered: dict[str, tuple[Output, Output]] = {}
        self._compared: dict[int, str] = {}
        self._links: dict = {}  # check_rendered_links' memo of the links in each output
        self._feed: dict = {}  # (service digest, org) -> (id, record, list item, date)
        self._feed_settings: tuple[Settings, int] | None = None
        self._folder = OutputFolder()  # what the output folder holds

    # Checking --------------------------------------------------------------------------

    def check(self, today: dt.date | None = None) -> tuple[Settings, list[Service], list[Output]]:
        """Do what pipeline.check does, reusing what the last check made from unchanged
        inputs; return the rendered outputs or raise BuildFailed with the same problems."""
        plan = plan_build(self.given, today, self.exit_url, steps=self)
        settings = plan.settings
        rendered, render_problems = self._render(plan.outputs, settings, plan.env)
        problems = plan.problems + render_problems + check_rendered_links(
            plan.outputs, rendered, plan.services, plan.pages, rewrites(),
            settings.templates_dir, settings.base_url, plan.pending, memo=self._links)
        if problems:
            raise BuildFailed(problems)
        return settings, plan.services, rendered

    def load_services(self, settings: Settings, file: str, today: dt.date):
        """Read the services file as load_services does, reparsing only entries whose text
        changed; any problem, or a shape this reader does not split, reads the whole file
        again the usual way, so problems are exactly a cold check's."""
        if self._entries_key != (settings, today):
            self._entries, self._entries_key = {}, (settings, today)
        # The feed's date asks git, a process of its own: it answers while the file is read.
        self._modified = _Later(last_modified, settings.services_file)
        try:
            found = self._read_entries(read_text(settings.services_file, SERVICES_LIMIT),
                                       file, settings, today)
        except (OSError, TextError):
            found = None
        if found is not None:
            services, self._digests = found
            return services, []
        services, problems = load_services(settings, file, today)
        self._digests = {id(s): _digest(repr(replace(s, line=0))) for s in services}
        return services, problems

    def _read_entries(self, text: str, file: str, settings: Settings, today: dt.date):
        self._split = split = split_again(self._split, text)
        if split is None:
            return None
        services, digests, kept, seen = [], {}, {}, set()
        for start, _, chunk in split.entries:
            known = self._entries.get(chunk)
            if known is None:
                # The entry alone, under the same key: line 2 of this text is line `start`.
                data, problems = load_yaml("services:\n" + chunk, file)
                if problems or data is None or len(data.get("services") or ()) != 1:
                    return None
                checked, problems = check_services(data, file, settings, today)
                if problems or len(checked) != 1:
                    return None
                known = (checked[0], _digest(chunk))
            if known[0].line != start:  # the item's line: line 2 of the text parsed alone
                known = (replace(known[0], line=start), known[1])
            kept[chunk] = known
            service = known[0]
            if service.id in seen:
                return None  # a duplicate id: the whole read words it
            seen.add(service.id)
            services.append(service)
            digests[id(service)] = known[1]
        self._entries = kept
        return services, digests

    def plan_site(self, services: list[Service], pages, settings: Settings, today: dt.date):
        """plan_site, planning again only the lists of services that changed."""
        return plan_site(services, pages, settings, today, self._lists)

    def last_modified(self, settings: Settings) -> str:
        """openreferral.last_modified, asked when the services file was read."""
        asked, self._modified = self._modified, None
        return asked.result() if asked else super().last_modified(settings)

    def plan_places(self, settings: Settings):
        """The place finder's file, planned again only when a file of data/ changed."""
        folder = settings.data_dir
        stamps = tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                              for p in folder.rglob("*") if p.is_file())) \
            if folder.is_dir() else None
        key = (stamps, settings.areas)
        if self._places[0] != key:
            self._places = (key, super().plan_places(settings))
        return self._places[1]

    # The feed is made in this process: encode_records keeps the records for the next rebuild.
    begin_feed = Here

    def encode_records(self, services: list[Service], settings: Settings, terms, orgs: dict,
                       modified: str, zone: int) -> list[tuple[str, bytes, bytes]]:
        """openreferral.encode_records, encoding again only the records that changed."""
        # The vocabularies, the site's address, and the clocks changing while it serves.
        if self._feed_settings != (settings, zone):
            self._feed, self._feed_settings = {}, (settings, zone)
        cache, records = {}, []
        stamp = encode({"last_modified": modified})[1:-1]
        for s in services:
            org = orgs.get(s.organisation)
            key = (self._digests.get(id(s)) or _digest(repr(replace(s, line=0))), repr(org))
            found = self._feed.get(key)
            if found is None:
                found = (*super().encode_records([s], settings, terms, orgs, modified, zone)[0],
                         stamp)
            elif found[3] != stamp:
                # Outside git the file's modification time dates every record, and an edit
                # changes it: the new date goes in as the encoder would write it. (A quote in
                # any text is escaped, so only the key itself can match.)
                found = (found[0], found[1].replace(found[3], stamp),
                         found[2].replace(found[3], stamp), stamp)
            cache[key] = found
            records.append(found[:3])
        self._feed = cache
        return records

    def make_env(self, settings: Settings, exit_url: str | None, wording: dict):
        """The template environment, made again only when a template, the wording or a
        setting changed: then every page may have, and all are rendered again."""
        templates = _digest("".join(
            f"{p.relative_to(settings.templates_dir)}\0{p.read_bytes().hex()}\0"
            for p in sorted(settings.templates_dir.rglob("*")) if p.is_file()))
        key = (settings, wording, exit_url, templates, settings.data_dir.is_dir())
        if self._env[0] != key:
            self._env = (key, super().make_env(settings, exit_url, wording))
            self._rendered = {}
        return self._env[1]

    def _render(self, outputs: list[Output], settings: Settings, env):
        """Render the outputs whose inputs changed; reuse the text of the others."""
        todo, kept = [], {}
        for output in outputs:
            if output.body is not None:
                continue
            known = self._rendered.get(output.url)
            if known is not None and same_inputs(known[0], output, self._compared, self._digests):
                kept[output.url] = known[1]
            else:
                todo.append(output)
        mistakes: dict = {}
        fresh = {output.url: replace(output, html=text) for output, text
                 in render_site(todo, env, settings.templates_dir, mistakes)}
        problems = list(mistakes.values())
        rendered, cache = [], {}
        for output in outputs:
            if output.body is None:
                # The one rendered now, or the same inputs' text from before; missing: it
                # failed, and its problem is reported.
                planned, output = output, fresh.get(output.url) or kept.get(output.url)
                if output is None:
                    continue
                cache[output.url] = (planned, output)
            rendered.append(output)
        if not problems:
            self._rendered, self._compared = cache, self._digests
        return rendered, problems

    # Writing ---------------------------------------------------------------------------

    def build(self, today: dt.date | None = None) -> Update:
        """Check, then bring the output folder up to date (OutputFolder.update): only the
        files whose bytes changed are rewritten. On problems nothing is written."""
        # The caches hold a million objects: a full garbage collection during a rebuild
        # would cost more than the rebuild. Nothing here makes cycles worth collecting.
        collecting = gc.isenabled()
        gc.disable()
        try:
            settings, services, outputs = self.check(today)
            return self._folder.update(settings, len(services), outputs)
        finally:
            if collecting:
                gc.enable()


class _Later:
    """A call made in a thread of its own, for its result later."""

    def __init__(self, call, *args):
        self._call, self._answer = (call, args), []
        self._thread = threading.Thread(target=lambda: self._answer.append(call(*args)),
                                        daemon=True, name="signpost-later")
        self._thread.start()

    def result(self):
        self._thread.join()
        if not self._answer:  # it raised there: raise it here
            call, args = self._call
            return call(*args)
        return self._answer[0]


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
