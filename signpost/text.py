"""Read input files safely, and find characters that hide or disguise text.

Everything here arrives by pull request. A file must be an ordinary file of UTF-8 text under a
size limit (a link to /dev/zero would otherwise be read for ever). Invisible characters are
refused, not removed: a right-to-left override can make "0808 2000 247" read as another
number, and an editor should see and delete what is there rather than have it changed."""
from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from .problems import Problem

# Whole files. services.yaml for 10,000 listings is about 18 MB, for 100,000 (a national
# directory) about 190 MB.
SERVICES_LIMIT = 256_000_000
SETTINGS_LIMIT = 1_000_000
PAGE_LIMIT = 100_000  # the longest page today is 4 KB

# Control characters (except tab and line ends), bidirectional controls, zero-width spaces and
# joiners used alone, line and paragraph separators, and the invisible "tag" characters.
# ZWJ and ZWNJ (U+200C, U+200D) are allowed inside words: some scripts and emoji need them.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f"
                     "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
                     "\U000e0000-\U000e007f]")
_MAX_REPORTED = 10


class TextError(ValueError):
    """A file that cannot be read as text: the reason and the line it is on."""

    def __init__(self, reason: str, line: int = 1):
        super().__init__(reason)
        self.line = line


def read_text(path: Path, limit: int, links: bool = True) -> str:
    """Return a file's text without its byte-order mark, with \\n line ends.

    :param links: follow a symbolic link (not for content pages, which must be their own files).
    :raises OSError: when it cannot be opened.
    :raises TextError: a link, not an ordinary file, over limit bytes, or not UTF-8.
    """
    info = os.stat(path) if links else os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise TextError("it is a link to another file: save the page itself here")
    if not stat.S_ISREG(info.st_mode):
        raise TextError("it is not an ordinary file")
    with open(path, "rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise TextError(f"it is larger than the limit of {limit:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise TextError(f"it is not UTF-8 text: byte 0x{data[err.start]:02x} on this line "
                        "cannot be read; save the file as UTF-8",
                        data.count(b"\n", 0, err.start) + 1) from None
    # Notepad saves a byte-order mark at the start, and Windows ends lines with CR LF.
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def hidden_character(text: str) -> str | None:
    """Return the message for the first control or invisible character in text, or None."""
    match = _HIDDEN.search(text)
    return _hidden_message(match.group()) if match else None


HIDDEN = "contains an invisible or control character"  # how each such problem begins


def _hidden_message(char: str) -> str:
    name = unicodedata.name(char, "a control character")
    return f"{HIDDEN} (U+{ord(char):04X}, {name}): delete it, as it can hide or reorder text"


def hidden_characters(text: str, file: str, first_line: int = 1) -> list[Problem]:
    """Return a problem for each line (up to ten) with a control or invisible character."""
    problems: list[Problem] = []
    line, counted_to = first_line, 0
    for match in _HIDDEN.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        if problems and problems[-1].line == line:
            continue
        problems.append(Problem(file, line, _hidden_message(match.group())))
        if len(problems) == _MAX_REPORTED:
            break
    return problems


def is_invisible(text: str) -> bool:
    """True when text has characters but none that can be seen (only spaces and joiners)."""
    if text.isascii():
        return bool(text) and text.isspace()
    return bool(text) and all(c.isspace() or unicodedata.category(c) in ("Cf", "Mn", "Cc", "Zs")
                              for c in text)
