"""Turn Markdown from pull requests into HTML that cannot run script or load anything.

Decision: raw HTML is rejected, not sanitised. Staff get a clear problem to fix, and as a
second layer the converter never passes HTML through (it is shown as text). Images are
rejected (they would fetch from other sites), and links may only be https, mailto, tel or
a path on this site. External links get rel="noreferrer" and open in the same tab.
"""
from __future__ import annotations

import re
import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_SAFE_LINK = re.compile(r"^(https://|mailto:|tel:|/(?!/)|#)", re.IGNORECASE)
# A tag-like run: <script ...>, </div>, <!-- ... -->. "a < b" and "<3" are not tags.
_RAW_HTML = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?/?>|<!--")


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
                href = element.get("href", "")
                if not _SAFE_LINK.match(href):
                    self.md.unsafe.append(f"link {href[:40]!r} must start with https://, "
                                          "mailto:, tel: or /")
                    element.set("href", "#")
                elif href.lower().startswith("https://"):
                    element.set("rel", "noreferrer")


class _SafeMarkdown(Extension):
    def extendMarkdown(self, md):
        # Show any HTML as text instead of passing it through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_CheckLinks(md), "check_links", 0)


def make_converter() -> markdown.Markdown:
    """Return a reusable converter (tables emit align=, never style=, so CSP holds)."""
    md = markdown.Markdown(extensions=["tables", "sane_lists", _SafeMarkdown()],
                           extension_configs={"tables": {"use_align_attribute": True}})
    md.unsafe = []
    return md


_converter = make_converter()


def to_html(text: str) -> tuple[str, list[str]]:
    """Convert Markdown to HTML; return it with a list of what was unsafe in it."""
    _converter.reset()
    _converter.unsafe = []
    issues = []
    tag = _RAW_HTML.search(text)
    if tag:
        issues.append(f"contains HTML ({tag.group(0)[:30]!r}): write Markdown instead")
    html = _converter.convert(text)
    return html, issues + _converter.unsafe

