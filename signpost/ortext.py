"""Text from an Open Referral feed: HTML made into clean Markdown, plain text and summaries,
and the addresses that only stand in for "none"."""
from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import nh3
from markdownify import markdownify

# Tags kept when an HTML description is cleaned before it becomes Markdown.
KEEP_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a", "h1", "h2", "h3",
             "h4", "h5", "h6", "blockquote"}
# Addresses and hosts that stand in for "none": never imported as facts.
_PLACEHOLDER_HOST = re.compile(r"(^|\.)(example\.(com|org|net)"
                               r"|[a-z0-9-]+\.(invalid|test|example|localhost))$")
_PLACEHOLDER_LOCAL = re.compile(r"no-?e?mail|no-?reply|do-?not-?reply|^test$|^none$", re.I)
# [text](url), with one level of (...) in the url; bounded, so linear on any input.
_LINK = re.compile(r"!?\[([^\]]{0,300})\]\((?:[^()]|\([^()]{0,500}\)){0,2000}\)")


def to_markdown(text: str) -> str:
    """HTML (or plain text, or Markdown) as clean Markdown: sanitised first, so no script,
    style, image or attribute other than a link's href survives."""
    if not re.search(r"<[a-zA-Z/!]", text):
        return text.strip()
    clean = nh3.clean(text, tags=KEEP_TAGS, attributes={"a": {"href"}},
                      url_schemes={"https", "mailto", "tel"}, link_rel=None, strip_comments=True)
    try:
        markdown = markdownify(clean, heading_style="ATX", bullets="-", escape_misc=False)
    except RecursionError:  # absurdly deep nesting: keep the words, drop the structure
        return plain(clean)
    # Any tag-like text left (escaped "<b>" in the source, say) would fail the checker.
    markdown = re.sub(r"<(/?[a-zA-Z][^<>]*)>", r"\1", markdown)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip()


def plain(text: str) -> str:
    """Text with every tag removed and entities decoded, on one line."""
    stripped = nh3.clean(text, tags=set())
    return re.sub(r"\s+", " ", html.unescape(stripped)).strip()


def plain_paragraphs(markdown: str) -> str:
    """Markdown as plain paragraphs: every link and image replaced by its text."""
    return "\n\n".join(filter(None, (plain(_LINK.sub(r"\1", b))
                                     for b in re.split(r"\n\s*\n", markdown))))


def summary(markdown: str, name: str) -> tuple[str, str]:
    """The first paragraph that is not a heading, as plain text under 300 characters, and
    the rest of the Markdown (empty when the summary was all there was)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", markdown) if b.strip()]
    for index, block in enumerate(blocks):
        if block.startswith("#"):
            continue
        text = re.sub(r"^[-*>]\s+|[*_`]", "", block, flags=re.M)
        text = plain(_LINK.sub(r"\1", text) if "](" in text else text)
        if not text:
            continue
        rest = blocks[:index] + blocks[index + 1:]
        if len(text) > 300:
            text = shortened(text, 300)
            rest = blocks  # the summary is shortened: keep the whole text below it
        if not any(not b.startswith("#") for b in rest):
            rest = []
        return text, "\n\n".join(rest)
    return name, ""


def shortened(text: str, limit: int) -> str:
    """Text cut to fit `limit` characters: after the last whole paragraph, else sentence,
    else word that fits, with "…" where words were cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    for end, keep in (("\n\n", 0), (". ", 1)):
        at = cut.rfind(end)
        if at > limit // 2:
            return cut[:at + keep].rstrip()
    word = cut.rsplit(" ", 1)[0].rstrip()
    return (word if len(word) > limit // 2 else cut[:limit - 1]) + "…"  # a long word: cut it


def placeholder_email(address: str) -> bool:
    """Whether an e-mail address only stands in for none (noreply@, x@example.com)."""
    local, _, domain = address.lower().rpartition("@")
    return bool(_PLACEHOLDER_HOST.search(domain) or _PLACEHOLDER_LOCAL.search(local)
                or _PLACEHOLDER_LOCAL.search(domain.split(".")[0]))


def placeholder_url(url: str) -> bool:
    """Whether a web address is on a host kept for examples and tests."""
    host = (urlsplit(url).hostname or "").lower()
    return bool(_PLACEHOLDER_HOST.search(host))
