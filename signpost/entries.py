"""Split the text of a services file into the text of each entry, for the dev server's
rebuild (incremental.py), which parses again only the entries whose text changed; and split
it again after an edit looking only at what changed: the entries before the edit and after it
are the same text at the same place, counted from the start and from the end of the file."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import hidden_character

# Other line breaks YAML knows: a file with any of them is read the usual way.
_BREAKS = "\r\x85\u2028\u2029"
_TAB = re.compile(r"\n *\t")
# Comments and blank lines, `services:`, more of them, then the first item's indentation.
_BEFORE = r"(?:[ ]*(?:#[^\n]*)?\n)*services:[ ]*\n(?:[ ]*(?:#[^\n]*)?\n)*"
_HEAD = re.compile(_BEFORE + r"( *)-(?= |\n)")
# ... or a first item's first field with no '- ' before it: its indentation.
FIRST_UNDASHED = re.compile(_BEFORE + r"( {2,})(?=[a-z_]+:)")


@dataclass(frozen=True)
class Split:
    """A services file's text and its entries: (line, offset, text) of each."""

    text: str
    indent: int
    entries: list[tuple[int, int, str]]

    @property
    def body(self) -> int:
        return self.entries[0][1]


def split_entries(text: str) -> list[tuple[int, str]] | None:
    """Split the text of a services file into its entries, each with the line it starts on:
    the file is `services:` then a block list, each item starting `- ` at one indentation.
    Return None for any other shape (comments and blank lines before `services:` aside), so
    that the whole file is read the usual way."""
    split = split_text(text)
    return None if split is None else [(line, chunk) for line, _, chunk in split.entries]


def split_text(text: str, tabs: bool = False) -> Split | None:
    """split_entries' answer, with where each entry starts in the text.

    :param tabs: split a text with a tab in its indentation too (each entry read alone then
        says so), rather than leave it to the read of the whole file."""
    head = _HEAD.match(text)
    if head is None:
        return None
    indent = len(head.group(1))
    body = head.start(1)
    # Each entry's text is checked for hidden characters when it is parsed.
    if any(c in text[:body] for c in _BREAKS) or hidden_character(text[:body]):
        return None
    entries = _entries(text, body, len(text), indent, text.count("\n", 0, body) + 1, tabs)
    return None if entries is None else Split(text, indent, entries)


def split_again(before: Split | None, text: str) -> Split | None:
    """split_text(text), given its answer for the text before an edit: only the entries
    between those unchanged from the start and those unchanged from the end are split."""
    if before is None or not before.text.endswith("\n") or not text.endswith("\n"):
        return split_text(text)  # the last entry's text is not the file's: split it all
    old, entries = before.text, before.entries
    body = before.body
    if not text.startswith(old[:body]):
        return split_text(text)
    first = 0  # the first entry that is not the same text at the same place
    while first < len(entries) and text.startswith(entries[first][2], entries[first][1]):
        first += 1
    start = entries[first][1] if first < len(entries) else len(old)
    after = len(entries)  # the first of the entries that are the same counted from the end
    while after > first:
        at = len(text) - (len(old) - entries[after - 1][1])
        if at < start or not text.startswith(entries[after - 1][2], at):
            break
        after -= 1
    end = len(text) - (len(old) - entries[after][1]) if after < len(entries) else len(text)
    if start < end and not (text.startswith(" " * before.indent + "-", start) and
                            text[start + before.indent + 1] in " \n" and text[end - 1] == "\n"):
        return split_text(text)  # the edit joined an entry to the one before: split it all
    line = entries[first][0] if first < len(entries) else \
        entries[-1][0] + entries[-1][2].count("\n")
    middle = _entries(text, start, end, before.indent, line) if start < end else []
    if middle is None:
        return split_text(text)  # None again, most likely; that says why
    moved = line + text.count("\n", start, end) - entries[after][0] if after < len(entries) else 0
    tail = [(n + moved, len(text) - (len(old) - at), chunk) for n, at, chunk in entries[after:]]
    found = entries[:first] + middle + tail
    return Split(text, before.indent, found) if found else split_text(text)


def _entries(text: str, start: int, end: int, indent: int, line: int, tabs: bool = False
             ) -> list[tuple[int, int, str]] | None:
    """The entries of text[start:end], which starts with an item on this line and ends at
    the end of a line; None if it is not only items at `indent`, comments and blank lines."""
    if any(c in text[start:end] for c in _BREAKS):
        return None
    if not tabs and _TAB.search(text, start - 1, end):
        return None  # YAML refuses a tab as indentation: the full read says so
    # Every line starting at most `indent` spaces in must be an item, a comment or blank:
    # anything else (another top-level key, a document marker) is a shape not split here.
    starts = []
    for found in re.compile(r"\n( {0,%d})(?=[^ ])" % indent).finditer(text, start - 1, end):
        at = found.end()
        first = text[at]
        if first in "\n#" or (tabs and first == "\t"):  # a tab: part of the entry above
            continue
        if len(found.group(1)) != indent or first != "-" or \
                text[at + 1:at + 2] not in (" ", "\n", ""):
            return None
        starts.append(at - indent)
    if not starts or starts[0] != start:
        return None
    entries, at = [], start
    for n, begin in enumerate(starts):
        line += text.count("\n", at, begin)
        at = begin
        chunk = text[begin:starts[n + 1] if n + 1 < len(starts) else end]
        entries.append((line, begin, chunk if chunk.endswith("\n") else chunk + "\n"))
    return entries
