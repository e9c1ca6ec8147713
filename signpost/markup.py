"""Turn Markdown from pull requests into HTML that cannot run script or load anything.

Decision: raw HTML is rejected, not sanitised. Staff get a clear problem to fix, and as a
second layer the converter never passes HTML through (it is shown as text). Images are
rejected (they would fetch from other sites), and links may only be https, mailto, tel or
a path on this site. External links get rel="noreferrer" and open in the same tab.
"""
from __future__ import annotations

import functools
import html as html_text
import re

import markdown
from markdown import util
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor

from .addresses import address_problem
from .text import hidden_character

_SAFE_LINK = re.compile(r"^(https://|mailto:|tel:|/(?!/)|#)", re.IGNORECASE)
# A tag-like run: <script ...>, </div>, <!-- ... -->. "a < b" and "<3" are not tags.
_RAW_HTML = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?/?>|<!--")
# Python-Markdown's link and image patterns look for the ] (and then the )) that closes each [
# by scanning on through the paragraph, so every [ that is never closed costs the rest of the
# paragraph: 10,000 of them took a minute. Text whose brackets would cost more than this
# budget is refused before conversion, so conversion time stays linear in the length.
_BRACKETS = re.compile(r"\\.|`+|[\[\]()]", re.DOTALL)
_PLACEHOLDER = 16  # util.INLINE_PLACEHOLDER with its number
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
WORK_PER_CHARACTER, WORK_ALLOWANCE = 20, 50_000
# Each inline piece (code, emphasis, link) adds to the work on the rest of its paragraph, so a
# paragraph is kept to a length whose worst case is still a fraction of a second.
MAX_BLOCK = 20_000
# Lists and quotes nest by indentation or by markers ("- - - x", "> > x"); the converter
# recurses once per level, so hundreds of levels take minutes or overflow the stack.
_NESTING = re.compile(r"^([ \t]*)((?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*)", re.MULTILINE)
_MARKER = re.compile(r"[-*+>]|\d{1,9}[.)]")
MAX_INDENT, MAX_MARKERS = 64, 16


class _CheckLinks(Treeprocessor):
    """Record unsafe links and images, and mark external links rel=noreferrer."""

    def run(self, root):
        for element in root.iter():
            if element.tag == "img":
                self.md.unsafe.append("images are not allowed (they load from other sites)")
                alt = element.get("alt", "")
                element.clear()
                element.tag, element.text = "span", alt
            if element.tag == "a":
                # An email autolink (<help@example.org>) comes with its address hidden in
                # character references behind an internal placeholder: read it as written.
                href = html_text.unescape(element.get("href", "").replace(util.AMP_SUBSTITUTE, "&"))
                element.set("href", href)
                if not _SAFE_LINK.match(href):
                    self.md.unsafe.append(f"link {href[:40]!r} must start with https://, "
                                          "mailto:, tel: or /")
                    element.set("href", "#")
                elif href.lower().startswith("https://"):
                    wrong = address_problem(href)
                    if wrong:
                        self.md.unsafe.append(f"link {wrong}")
                        element.set("href", "#")
                    element.set("rel", "noreferrer")


class _SafeMarkdown(Extension):
    def extendMarkdown(self, md):
        # Show any HTML as text instead of passing it through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_CheckLinks(md), "check_links", 0)


def make_converter(without: frozenset[str] = frozenset()) -> markdown.Markdown:
    """Return a reusable converter (tables emit align=, never style=, so CSP holds).

    :param without: inline patterns and block processors ("block:table") to leave out
        (see _NEEDS).
    """
    # The extensions given as objects, not by name: a name is looked up among every installed
    # package's entry points, which took longer than converting a hundred texts.
    md = markdown.Markdown(extensions=[TableExtension(use_align_attribute=True),
                                       SaneListExtension(), _SafeMarkdown()])
    for name in without:
        if name.startswith(_BLOCK):
            md.parser.blockprocessors.deregister(name.removeprefix(_BLOCK))
        else:
            md.inlinePatterns.deregister(name)
    md.unsafe = []
    return md


# Python-Markdown tries every inline pattern on every run of text, and most texts hold none
# of what most patterns look for. Each pattern here cannot match a text without one of these
# (the block parser only takes characters away, and tabs become spaces); a converter without
# the patterns a text cannot use gives the same HTML, sooner. Others are always kept.
_LINKS = ("[",)
_NEEDS = {"backtick": ("`",), "escape": ("\\",), "reference": _LINKS, "link": _LINKS,
          "image_link": _LINKS, "image_reference": _LINKS, "short_reference": _LINKS,
          "short_image_ref": _LINKS, "autolink": ("<",), "automail": ("<",),
          "linebreak": ("  \n", "  \r", "\t"), "entity": ("&",), "em_strong": ("*", "_"),
          # So with the block processors that test each paragraph: a table needs a |, a code
          # block four spaces (or a tab), a reference [x]: and so on.
          "block:table": ("|",), "block:code": ("    ", "\t"), "block:hashheader": ("#",),
          "block:quote": (">",), "block:reference": ("]:",)}
_BLOCK = "block:"
_converters: dict[frozenset[str], markdown.Markdown] = {}


def _converter_for(text: str) -> markdown.Markdown:
    # The converter deletes its own markers, STX and ETX, first: that could join characters.
    without = frozenset() if util.STX in text or util.ETX in text else frozenset(
        name for name, needs in _NEEDS.items() if not any(need in text for need in needs))
    if without not in _converters:
        _converters[without] = make_converter(without)
    return _converters[without]


def bracket_work(text: str) -> int:
    """Return how many characters the link patterns would scan to match every [ and (.

    Counted in the converter's own terms: by then each backslash escape and code span has
    been replaced by a placeholder of up to 16 characters, so each counts as 16."""
    work = 0
    for block in _BLOCK_BREAK.split(text):
        if "[" not in block and "(" not in block:
            continue  # nothing opened, nothing to scan
        open_at: dict[str, list[int]] = {"[": [], "(": []}
        shift = 0
        for match in _BRACKETS.finditer(block):
            token, at = match.group(), match.start() + shift
            if token[0] in "\\`":
                shift += _PLACEHOLDER
            elif token in open_at:
                open_at[token].append(at)
            elif open_at["[" if token == "]" else "("]:
                work += at - open_at["[" if token == "]" else "("].pop()
        end = len(block) + shift
        work += sum(end - at for opened in open_at.values() for at in opened)
    return work


def nesting_problem(text: str) -> str | None:
    """Return why text nests lists or quotes too deeply to convert quickly, or None."""
    for match in _NESTING.finditer(text):
        indent = len(match.group(1).expandtabs(4))
        markers = len(_MARKER.findall(match.group(2)))
        if indent > MAX_INDENT or markers > MAX_MARKERS:
            line = text.count("\n", 0, match.start()) + 1
            return (f"line {line} of the text is nested too deeply (more than {MAX_INDENT} "
                    f"spaces, or {MAX_MARKERS} list or quote markers): write it flatter")
    return None


def to_html(text: str) -> tuple[str, list[str]]:
    """Convert Markdown to HTML; return it with a list of what was unsafe in it."""
    html, issues = _to_html(text)
    return html, list(issues)


@functools.lru_cache(maxsize=20_000)  # serve converts again only the texts that changed
def _to_html(text: str) -> tuple[str, tuple[str, ...]]:
    nested = nesting_problem(text)
    if nested:
        return "", (nested,)
    hidden = hidden_character(html_text.unescape(text))  # as a reference: &#x202e; or &rlm;
    if hidden:
        return "", (hidden,)
    if any(len(block) > MAX_BLOCK for block in _BLOCK_BREAK.split(text)):
        return "", (f"has a paragraph longer than {MAX_BLOCK:,} characters: split it with "
                    "blank lines",)
    if bracket_work(text) > WORK_PER_CHARACTER * len(text) + WORK_ALLOWANCE:
        return "", ("has too many [ or ( without a closing ] or ) for the converter to read "
                    "quickly: close each one, or write \\[ for a bracket that is only text",)
    converter = _converter_for(text)
    converter.reset()
    converter.unsafe = []
    issues = []
    tag = _RAW_HTML.search(text)
    if tag:
        issues.append(f"contains HTML ({tag.group(0)[:30]!r}): write Markdown instead")
    try:
        html = converter.convert(text)
    except RecursionError:  # a last guard: nesting_problem should have caught it
        return "", tuple(issues + ["is nested too deeply to convert: write it flatter"])
    return html, tuple(issues + converter.unsafe)

