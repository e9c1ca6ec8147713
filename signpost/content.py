"""Turn content/*.md (YAML front matter + Markdown) into Page objects, or problems."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .markup import to_html
from .problems import Problem, did_you_mean, unknown_keys
from .text import PAGE_LIMIT, TextError, hidden_characters, read_text
from .yamlfile import YamlMap, load_yaml

FRONT_MATTER_KEYS = ("title", "summary", "audience")
AUDIENCES = ("residents", "professionals")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    summary: str
    audience: str
    html: str
    src_path: str

    @property
    def url(self) -> str:
        return f"/{self.slug}/"


def load_pages(content_dir: Path, display_dir: str) -> tuple[list[Page], list[Problem]]:
    """Read every .md file in content_dir; return the pages and all problems."""
    pages, problems = [], []
    if not content_dir.is_dir():
        return [], [Problem(display_dir, 1, "the content folder does not exist")]
    for path in sorted(content_dir.glob("*.md")):
        page, page_problems = read_page(path, f"{display_dir.rstrip('/')}/{path.name}")
        problems += page_problems
        if page:
            pages.append(page)
    return pages, problems


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter, body, line where the body starts); None if there is none."""
    match = re.match(r"---[ \t]*\n(.*?\n)?---[ \t]*(\n|$)", text, re.DOTALL)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end():], text.count("\n", 0, match.end()) + 1


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
    if not _SLUG.match(slug):
        problems.append(Problem(file, 1, "the file name must be lower-case letters, digits and "
                                         "hyphens, like 'staying-safe-online.md'"))
    front, body, body_line = split_front_matter(text)
    if front is None:
        return None, problems + [Problem(file, 1, "front matter is missing: start the file with "
                                                  "'---', then title: and summary:, then '---'")]
    # The front matter starts on line 2, after the opening '---'.
    meta, yaml_problems = load_yaml("\n" + front, file)
    problems += yaml_problems
    if meta is None and yaml_problems:  # unreadable: "title is required" would only confuse
        return None, problems
    if not isinstance(meta, YamlMap):
        meta = YamlMap()
        meta.line, meta.lines = 1, {}
    problems += [Problem(file, line, f"front matter: unknown key '{key}'{hint}")
                 for key, line, hint in unknown_keys(meta, FRONT_MATTER_KEYS)]
    for key, limit in (("title", 120), ("summary", 300)):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            problems.append(Problem(file, meta.lines.get(key, 1), f"front matter: {key} is required"))
        elif len(meta[key].strip()) > limit:
            problems.append(Problem(file, meta.lines[key], f"front matter: {key} is too long "
                                    f"({len(meta[key].strip())} characters; keep it under {limit})"))
    audience = meta.get("audience", "residents")
    if audience not in AUDIENCES:
        problems.append(Problem(file, meta.lines.get("audience", 1), f"front matter: audience must "
                                f"be residents or professionals{did_you_mean(audience, AUDIENCES)}"))
    hidden = hidden_characters(body, file, body_line)
    if hidden:  # the front matter's are found as it is read
        return None, problems + hidden
    html, issues = to_html(body)
    problems += [Problem(file, body_line, issue) for issue in issues]
    if problems:
        return None, problems
    return Page(slug, meta["title"].strip(), meta["summary"].strip(), audience, html, file), []
