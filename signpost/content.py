"""Turn content/*.md (YAML front matter + Markdown) into Page objects, or problems."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .fields import Choice, List, Reader, Shape, Text, Word
from .markup import issue_line, to_html
from .problems import Problem
from .text import PAGE_LIMIT, TextError, hidden_characters, read_text
from .yamlfile import YamlMap, load_yaml

AUDIENCES = ("residents", "professionals")
# Front matter is described by the same field types as the listing format (signpost/fields.py).
FRONT_MATTER = {
    "title": Text(120),
    "summary": Text(300),
    "audience": Choice(AUDIENCES, one=True, expected="residents or professionals"),
    # Words people type for what the page is about, said on it or not ("gaslighting" of
    # What is domestic abuse?): the search finds the page by them, and puts it first for a
    # question with one of them (search.js: isAbout).
    "keywords": List(Word(60)),
}
REQUIRED = ("title", "summary")
_READ = Shape(FRONT_MATTER, dict)  # required keys are said as content pages say them, below
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_TAG = re.compile(r"<[^>]*>")  # in HTML the converter wrote: a "<" in text is &lt;


class _FrontMatter(Reader):
    """Front matter words its problems `front matter: title is too long (...)`, and one that
    does not go on from its key's name after a colon (`keywords: several values go in ...`)."""

    def add(self, line: int, name: str, message: str) -> None:
        if name and not message.startswith(("is ", "must ", "takes ")):
            name += ":"
        self.problems.append(Problem(self.file, line, " ".join(
            filter(None, ("front matter:", name, message)))))

    def unknown(self, line: int, name: str, key: str, hint: str) -> None:
        self.add(line, "", f"unknown key '{key}'{hint}")


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    summary: str
    audience: str
    html: str
    src_path: str
    keywords: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return f"/{self.slug}/"


def load_pages(content_dir: Path, display_dir: str) -> tuple[list[Page], list[Problem]]:
    """Read every .md file in content_dir; return the pages and all problems."""
    pages, problems = [], []
    if not content_dir.is_dir():
        return [], [Problem(display_dir, 1, "the content folder does not exist")]
    for path in sorted(content_dir.iterdir()):
        file = f"{display_dir.rstrip('/')}/{path.name}"
        if path.suffix == ".md" and not path.is_dir():
            page, page_problems = read_page(path, file)
            problems += page_problems
            pages += [page] if page else []
        elif not _junk(path.name):
            # Left out without a word, a page saved as .markdown or in a folder would be
            # missing from the site.
            problems.append(Problem(file, 1, "is not a help page: help pages are files named "
                                    "like page-name.md, directly in the content folder"))
    return pages, problems


def _junk(name: str) -> bool:
    """A file an editor or the computer leaves beside the pages (.gitkeep, .DS_Store,
    Thumbs.db, desktop.ini, page.md~, ~$page.md): not meant as one."""
    return name.startswith((".", "~")) or name.endswith("~") or \
        name.lower() in ("thumbs.db", "desktop.ini")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter, body, line where the body starts); None if there is none."""
    match = re.match(r"---[ \t]*\n(.*?\n)?---[ \t]*(\n|$)", text, re.DOTALL)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end():], text.count("\n", 0, match.end()) + 1


def _no_front_matter(text: str, file: str) -> Problem:
    """What is wrong with the front matter split_front_matter did not find, at its line."""
    lines = text.split("\n")
    if lines[0].strip() == "---":
        return Problem(file, 1, "the front matter that starts here has no '---' line to end "
                                "it: put '---' on a line of its own after summary:")
    if not lines[0].strip() and any(line.strip() == "---" for line in lines[1:3]):
        return Problem(file, 1, "the first line must be '---': take out the blank line above it")
    return Problem(file, 1, "front matter is missing: start the file with '---' on a line of "
                            "its own, then title: and summary:, then '---'")


def read_page(path: Path, file: str) -> tuple[Page | None, list[Problem]]:
    """Read one content page."""
    try:
        text = read_text(path, PAGE_LIMIT, links=False)
    except OSError as err:
        return None, [Problem(file, 1, f"cannot read the file ({err})")]
    except TextError as err:
        return None, [Problem(file, err.line, f"cannot read the file ({err})")]
    problems = []
    slug = path.stem
    if not _SLUG.fullmatch(slug):
        problems.append(Problem(file, 1, "the file name must be lower-case letters, digits and "
                                         "hyphens, like 'staying-safe-online.md'"))
    front, body, body_line = split_front_matter(text)
    if front is None:
        return None, problems + [_no_front_matter(text, file)]
    # The front matter starts on line 2, after the opening '---'.
    meta, yaml_problems = load_yaml("\n" + front, file)
    problems += yaml_problems
    if meta is None and yaml_problems:  # unreadable: "title is required" would only confuse
        return None, problems
    if not isinstance(meta, YamlMap):
        meta = YamlMap()
        meta.line, meta.lines = 1, {}
    at = _FrontMatter(file)
    values = _READ.check(meta, 1, "", at)
    for key in REQUIRED:
        if not meta.get(key):  # "is required" at line 1 when missing: no line holds it
            at.add(meta.lines.get(key, 1), key, "is required")
    problems += at.problems
    hidden = hidden_characters(body, file, body_line)
    if hidden:  # the front matter's are found as it is read
        return None, problems + hidden
    html, issues = to_html(body)
    problems += [Problem(file, body_line + issue_line(body, issue), issue) for issue in issues]
    if not issues and not any(c.isalnum() for c in _TAG.sub("", html)):
        # A page with nothing to read is a dead end, and the search could not index it.
        problems.append(Problem(file, body_line, "the page has no words: write its text "
                                                 "after the front matter"))
    if problems:
        return None, problems
    return Page(slug, values["title"], values["summary"], values.get("audience", "residents"),
                html, file, values.get("keywords") or ()), []
