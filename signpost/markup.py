"""Turn Markdown from pull requests into HTML that cannot run script or load anything.

Decision: raw HTML is rejected, not sanitised. Staff get a clear problem to fix, and as a
second layer the converter never passes HTML through (it leaves it out). Images are rejected
(they would fetch from other sites), and links may only be https, mailto, tel or a path on
this site. External links get rel="noreferrer" and open in the same tab.

The converter is cmark-gfm, GitHub's own (through cmarkgfm, the binding PyPI itself uses to
show READMEs): staff see in a pull request's preview what the site will show, it reads any
text in time linear in its length, and it is about fifteen times faster than Python-Markdown,
which was 40% of reading the listings.
"""
from __future__ import annotations

import functools
import html as html_text
import re
from urllib.parse import unquote

import cmarkgfm
from cmarkgfm.cmark import Options

from .addresses import address_problem, is_email, tel_uri
from .text import hidden_character

_SAFE_LINK = re.compile(r"^(https://|mailto:|tel:|/(?!/)|#)", re.IGNORECASE)
# A tag-like run: <script ...>, </div>, <!-- ... -->. "a < b" and "<3" are not tags.
_RAW_HTML = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?/?>|<!--")
# Where the converter took HTML that the pattern above does not know (<?php, <!DOCTYPE, an
# unclosed <script): what a problem quotes.
_HTML_START = re.compile(r"<[a-zA-Z/!?][^\n]*")
_OMITTED = "<!-- raw HTML omitted -->"  # what the converter writes for HTML it leaves out
# The converter writes every link and image the same way, with its attributes escaped, and
# text never holds a "<" of its own (it is &lt;): so each match is one the converter made.
_LINK = re.compile(r'<a href="([^"]*)"')
_ELEMENT = re.compile(r'<a href="([^"]*)"|<img src="[^"]*" alt="([^"]*)"(?: title="[^"]*")? />')
# Lists and quotes nest by indentation or by markers ("- - - x", "> > x"): hundreds of levels
# are a mistake, and a page nested so deep is hard to read and to use with a screen reader.
_NESTING = re.compile(r"^([ \t]*)((?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*)", re.MULTILINE)
_MARKER = re.compile(r"[-*+>]|\d{1,9}[.)]")
MAX_INDENT, MAX_MARKERS = 64, 16


def convert(text: str, unsafe: bool = False) -> str:
    """Markdown to HTML as GitHub shows it (tables too; their alignment as align=, never
    style=, so the CSP holds), leaving out HTML and javascript: addresses unless `unsafe`."""
    return cmarkgfm.markdown_to_html_with_extensions(
        text, options=Options.CMARK_OPT_UNSAFE if unsafe else 0, extensions=["table"])


def nesting_problem(text: str) -> str | None:
    """Return why text nests lists or quotes too deeply to read, or None."""
    for match in _NESTING.finditer(text):
        indent = len(match.group(1).expandtabs(4))
        markers = len(_MARKER.findall(match.group(2)))
        if indent > MAX_INDENT or markers > MAX_MARKERS:
            line = text.count("\n", 0, match.start()) + 1
            return (f"line {line} of the text is nested too deeply (more than {MAX_INDENT} "
                    f"spaces, or {MAX_MARKERS} list or quote markers): write it flatter")
    return None


def issue_line(text: str, issue: str) -> int:
    """The line of the text (from 0) an issue of to_html is on, found by what it quotes
    (the HTML, the link) or says (an image, a line nested too deeply); 0 if not found."""
    nested = re.match(r"line (\d+) of the text", issue)
    if nested:
        return int(nested.group(1)) - 1
    quoted = re.search(r"(['\"])(.+?)\1", issue)
    needle = quoted.group(2) if quoted else "![" if issue.startswith("images") else ""
    at = text.find(needle) if needle else -1
    return text.count("\n", 0, at) if at >= 0 else 0


def to_html(text: str, top: int = 2) -> tuple[str, list[str]]:
    """Convert Markdown to HTML; return it with a list of what was unsafe in it.

    :param top: the level its highest heading takes (a help page's are 2, under the page's
        title; a description's 3, under "About the service"), the others keeping their
        places below it: "# Who we help" in a description would be a second <h1>."""
    html, issues = _to_html(text, top)
    return html, list(issues)


_HEADING = re.compile(r"<(/?)h([1-6])>")  # as the converter writes them: text has no "<"


def _headings_from(html: str, top: int) -> str:
    levels = [int(level) for _, level in _HEADING.findall(html)]
    if not levels or min(levels) == top:
        return html
    shift = top - min(levels)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}>", html)


@functools.lru_cache(maxsize=20_000)  # serve converts again only the texts that changed
def _to_html(text: str, top: int) -> tuple[str, tuple[str, ...]]:
    nested = nesting_problem(text)
    if nested:
        return "", (nested,)
    hidden = hidden_character(html_text.unescape(text))  # as a reference: &#x202e; or &rlm;
    if hidden:
        return "", (hidden,)
    # A table wider than the screen scrolls in its own box (site.css), which keyboards reach.
    html = _headings_from(convert(text).removesuffix("\n"), top).replace(
        "<table>", '<table tabindex="0">')
    issues = []
    tag = _RAW_HTML.search(text) or (_OMITTED in html and _HTML_START.search(text))
    if tag:
        issues.append(f"contains HTML ({tag.group(0)[:30]!r}): write Markdown instead")
    return _made_safe(html, text, issues), tuple(issues)


def _made_safe(html: str, text: str, issues: list[str]) -> str:
    """Return the HTML with each image as its text and each link that is not allowed going
    nowhere ("#"), adding a problem for each in the order they come; links to other sites
    get rel="noreferrer"."""
    hrefs = [html_text.unescape(href) for href in _LINK.findall(html)]
    if "" in hrefs:  # the converter empties a javascript:, data: or file: address: as written
        written = [html_text.unescape(href) for href in _LINK.findall(convert(text, unsafe=True))]
        hrefs = written if len(written) == len(hrefs) else hrefs  # else HTML, refused already
    links = iter(hrefs)

    def made_safe(element: re.Match) -> str:
        if element.group(1) is None:
            issues.append("images are not allowed (they load from other sites)")
            return f"<span>{element.group(2)}</span>"
        href = next(links)
        if not _SAFE_LINK.match(href):
            issues.append(f"link {href[:40]!r} must start with https://, mailto:, tel: or /")
            return '<a href="#"'
        scheme = href.split(":", 1)[0].lower()
        # As a browser reads it: "%3F" is a "?" that starts a ?bcc= to another address.
        if scheme == "mailto" and not is_email(unquote(href[7:])):
            issues.append(f"link {href[:40]!r} must be mailto: and one email address alone")
            return '<a href="#"'
        if scheme == "tel" and not tel_uri(unquote(href[4:])):
            issues.append(f"link {href[:40]!r} must be tel: and a UK phone number, or an "
                          "international one starting with +")
            return '<a href="#"'
        if scheme == "https":
            wrong = address_problem(href)
            if wrong:
                issues.append(f"link {wrong}")
                return '<a href="#"'
            return element.group(0) + ' rel="noreferrer"'
        return element.group(0)
    return _ELEMENT.sub(made_safe, html)
