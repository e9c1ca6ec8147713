"""Check the site's addresses and links: that every planned page has a URL and a title of
its own and every link written in the listings and content pages goes to a page of the site;
then, as each page is rendered, that its links do too."""
from __future__ import annotations

import re
from pathlib import Path

from .content import Page
from .outputs import Output
from .problems import Problem, close_id, renamed
from .redirects import rewrite, rewrite_rules
from .services import Service
from .site import RESERVED

REQUIRED_PAGES = ("staying-safe-online", "about")  # every page links to these
_HREF = re.compile(r'href="(/[^"#?]*)')
# Written by the search indexer after the plan: links into it are not checked.
GENERATED = ("/pagefind/",)
_TEXT_FILES = (".json", ".xml", ".txt", ".js", ".css", ".html")  # read for links when data


def check_site(outputs: list[Output], services: list[Service], pages: list[Page],
               services_file: str, content_dir: str, pending: set[str] = frozenset(),
               settings_file: str = "site.yaml", bad_ids: tuple[int, ...] = ()) -> list[Problem]:
    """Return problems with the planned site: clashing URLs and broken internal links.

    :param pending: URLs of pages left out because their data has problems already
        reported; a link to one of them is not a second problem.
    :param bad_ids: the lines of listings whose id is missing or not valid: a link to a
        service that does not exist may be to one of them, and says so.
    """
    problems = []
    slugs = {page.slug for page in pages}
    for slug in REQUIRED_PAGES:
        if slug not in slugs and f"/{slug}/" not in pending:  # else its mistakes are reported
            problems.append(Problem(f"{content_dir.rstrip('/')}/{slug}.md", 1, f"the content page {slug}.md is missing: "
                                    "every page of the site links to it"))
    for page in pages:
        if page.slug in RESERVED:
            problems.append(Problem(page.src_path, 1, f"the file name '{page.slug}.md' is "
                                    f"reserved for the site's own pages: rename it"))
    titles: dict[str, str] = {}
    urls: dict[str, str] = {}
    for output in outputs:
        if output.url in urls:  # a slug in site.yaml that is also a page of the site
            problems.append(Problem(output.source[0] or settings_file, output.source[1] or 1,
                                    f"two pages would be written to {output.url} "
                                    f"('{urls[output.url]}' and '{output.title}'): rename one"))
        urls.setdefault(output.url, output.title)
        if output.title in titles and output.template != "sitemap.xml":
            problems.append(Problem(output.source[0] or services_file, output.source[1] or 1,
                                    f"two pages would have the title '{output.title}' "
                                    f"({titles[output.title]} and {output.url})"))
        titles.setdefault(output.title, output.url)
    known = {o.url for o in outputs} | set(pending)
    sources = [(p.html, p.src_path, 1, None) for p in pages] + \
              [(s.description_html, services_file, s.line, s.id) for s in services]
    texts: dict[str, list[str]] = {}  # each file with a link that goes nowhere, read once
    for html, file, line, sid in sources:
        told: dict[str, list[int]] = {}  # the lines each link was told at, in turn
        for href in _HREF.findall(html):
            target = href if href.endswith("/") or "." in href.rsplit("/", 1)[-1] else href + "/"
            if target not in known:
                if file not in texts:
                    texts[file] = _lines_of(file)
                at = _next_line(href, texts[file], told.setdefault(href, []), line)
                problems.append(Problem(file, at, f"link to {href} goes to a page that does "
                                        "not exist" + _id_hint(href, bad_ids, services_file,
                                                               services),
                                        sid, "description" if sid else None))
    return problems


def _id_hint(href: str, bad_ids: tuple[int, ...], services_file: str, services) -> str:
    """For a link to a service page that does not exist: while some listing's id is not
    valid or used twice, the link may be to that listing, so say which id it needs;
    otherwise the listing it was meant for (its id changed), or one with a close id (the
    link's is mistyped). Staff would otherwise read of broken links in help pages, not of
    the one mistake or change that broke them."""
    parts = href.split("/")
    if len(parts) != 4 or parts[1] != "services" or parts[3]:
        return ""
    if not bad_ids:
        found = renamed(parts[2], services)
        if found:
            return f" (the listing '{found[0]}' is at /services/{found[1]}/)"
        close = close_id(parts[2], [s.id for s in services])
        return f" (did you mean /services/{close}/?)" if close else ""
    if len(bad_ids) == 1:
        which = f"line {bad_ids[0]} has an id that is not valid or is used twice: if this " \
                "link is to that listing"
    else:
        which = (f"lines {', '.join(map(str, bad_ids[:-1]))} and {bad_ids[-1]} have ids that "
                 "are not valid or are used twice: if this link is to one of them")
    return f" ({services_file} {which}, its id should be '{parts[2]}')"


def _lines_of(file: str) -> list[str]:
    try:
        return Path(file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _next_line(href: str, lines: list[str], told: list[int], start: int) -> int:
    """The line of the next time the link is written, after the times already told (the
    lines in `told`, to which this one is added), from line `start`."""
    def written(n: int) -> int:
        text = lines[n - 1] if 0 < n <= len(lines) else ""
        return text.count(f"({href}") + text.count(f"<{href}>") + text.count(f": {href}")
    if told and written(told[-1]) > told.count(told[-1]):
        line = told[-1]  # written again on the same line
    else:
        begin = told[-1] + 1 if told else start
        line = next((n for n in range(begin, len(lines) + 1) if written(n)),
                    told[-1] if told else start)
    told.append(line)
    return line


def check_rendered_links(planned: list[Output], rendered: list[Output], services: list[Service],
                         pages: list[Page], rewrites: list[tuple[str, str]], templates_dir,
                         base_url: str, pending: set[str] = frozenset(),
                         memo: dict | None = None) -> list[Problem]:
    """Return a problem for each internal link in the rendered outputs that goes nowhere
    (see RenderedLinks).

    :param memo: the links found in each output's text, kept between calls (the dev server's
        rebuild after an edit reads only the outputs whose text changed)."""
    seen = None if memo is None else memo.setdefault(base_url, {})
    links = RenderedLinks(planned, services, pages, rewrites, base_url, pending, seen)
    for output in rendered:
        links.read(output, output.body if output.body is not None else output.html)
    if seen is not None:  # forget pages no longer planned
        for url in set(seen) - {o.url for o in rendered}:
            del seen[url]
    return links.problems(templates_dir)


class RenderedLinks:
    """The internal links of rendered outputs that go nowhere, read one output at a time as
    it is rendered (the pages that exist are known from the plan), so no page need be kept.
    Pages are read for their links; other text files (the sitemap, the feed, scripts made
    from templates) for every address of the site they hold.

    :param rewrites: the rules (from, to) of _redirects: a path they rewrite to a planned
        file is a page of the site.
    :param pending: URLs of pages left out because of problems already reported.
    :param memo: the links found in each output's text, kept between calls (the dev server's
        rebuild after an edit reads only the outputs whose text changed).
    """

    def __init__(self, planned: list[Output], services: list[Service], pages: list[Page],
                 rewrites: list[tuple[str, str]], base_url: str,
                 pending: set[str] = frozenset(), memo: dict | None = None):
        self.memo = memo  # url: (text, its links), when kept between rebuilds
        # Links in descriptions and content pages are reported by check_site, at their line.
        written = {href for html in [p.html for p in pages] + [s.description_html for s in services]
                   for href in _HREF.findall(html)}
        self.position = {o.url: n for n, o in enumerate(planned)}
        self.known = set(self.position) | set(pending) | written
        # Reported by check_site when missing.
        self.known |= {f"/{slug}/" for slug in REQUIRED_PAGES}
        self.rules, self.rewrite = rewrite_rules(rewrites), rewrite
        base = re.escape(base_url.rstrip("/"))
        # One pass for both kinds of link a page holds, in href or src: a path (not //host)
        # or an address on this site. It starts with the literal =" so the search skips to
        # each value.
        self.links = re.compile(r'="(?:(?<=href=")|(?<=src="))(?:(/[^/"#?][^"#?]*|/)[#?"]|'
                                + base + r'(/[^"#?]*))')
        self.anywhere = re.compile(base + r'(/[^"\'<>#?\s\\]*)')
        self.fine: set[str] = set()  # links already found to go somewhere: most are on every page
        self.broken: dict[str, tuple[Output, int]] = {}  # the first output with it, how many

    def read(self, output: Output, text: str | bytes) -> None:
        """Note the links of one rendered output (its text, or a data file's bytes)."""
        kept = self.memo.get(output.url) if self.memo is not None else None
        if kept is not None and kept[0] is text:
            found = kept[1]
        else:
            found = self._links_in(output, text)
            if self.memo is not None:
                self.memo[output.url] = (text, found)
        for href in found - self.fine:
            target = href if href.endswith("/") or "." in href.rsplit("/", 1)[-1] else href + "/"
            if target in self.known or href in self.known or target.startswith(GENERATED) or \
                    self.rewrite(self.rules, href) in self.known:  # the last: an Open Referral API path
                self.fine.add(href)
                continue
            first, count = self.broken.get(href, (output, 0))
            # Named on the first page of the plan that has it, in whatever order they are read.
            if self.position[output.url] < self.position[first.url]:
                first = output
            self.broken[href] = (first, count + 1)

    def _links_in(self, output: Output, text: str | bytes) -> set[str]:
        """The addresses of the site an output's text holds: its links, for a page."""
        if output.template.endswith(".html"):
            found = {href for pair in self.links.findall(text) for href in pair}
            found.discard("")
            return found
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace") if output.url.endswith(_TEXT_FILES) else ""
        return set(self.anywhere.findall(text)) if text else set()

    def merge(self, broken: dict[str, tuple[Output, int]]) -> None:
        """Add the links that go nowhere another reader found (in another process)."""
        for href, (first, count) in broken.items():
            mine, counted = self.broken.get(href, (first, 0))
            if self.position[first.url] < self.position[mine.url]:
                mine = first
            self.broken[href] = (mine, counted + count)

    def problems(self, templates_dir) -> list[Problem]:
        """A problem for each link that goes nowhere, once per link, at the template line
        that writes it when it is written there as is; in the order of the pages named."""
        problems = []
        # sorted() keeps the order links were found in within a page.
        for href, (first, count) in sorted(self.broken.items(),
                                           key=lambda item: self.position[item[1][0].url]):
            if not first.template:  # a data file: where its data comes from, else the file
                file, line = first.source if first.source[0] else (first.dest_path, 1)
            else:
                file, line = _written_at(href, templates_dir, first.template)
            others = f", and {count - 1} other page(s)" if count > 1 else ""
            problems.append(Problem(file, line, f"link to {href} goes to a page that does not "
                                    f"exist (on {first.url}{others})"))
        return problems


def _written_at(href: str, templates_dir, template: str) -> tuple[str, int]:
    """The template file and line holding this link as written, else the page's template."""
    for path in sorted(templates_dir.rglob("*")):
        if not path.is_file():
            continue
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if f'"{href}"' in text or "}}" + href in text:  # as is, or after the base URL
                return str(path), number
    return str(templates_dir / template), 1
