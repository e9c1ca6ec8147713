"""The one error vocabulary: every mistake in data, content or settings is a Problem."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, pointing at the line to fix."""

    file: str
    line: int
    message: str
    service: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        return f"{printable(self.file)}:{self.line}: {self.text()}"

    def text(self) -> str:
        """The problem without its file and line."""
        service = f"service '{self.service}': " if self.service is not None else ""
        return printable(service + (f"{self.field}: " if self.field else "") + self.message,
                         keep="\n")


def printable(text: str, keep: str = "") -> str:
    """The text with each character a terminal would act on (an escape that colours or
    clears it, a new line in a file's name) but those in `keep` written as its escape,
    like \\x1b."""
    return text if text.isprintable() else "".join(
        c if c.isprintable() or c in keep else repr(c)[1:-1] for c in text)


class BuildFailed(Exception):
    """Raised when the inputs have problems; nothing has been written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def format_problems(problems: list[Problem]) -> str:
    """Return the problems one per line, in file and line order, with a count."""
    lines = [str(p) for p in sorted(problems, key=lambda p: (p.file, p.line))]
    lines.append(f"{len(problems)} problem(s) found.")
    return "\n".join(lines)


def annotation(problem: Problem, level: str = "error") -> str:
    """The problem as a GitHub Actions workflow command, shown on the line in a pull request."""
    def escape(text: str, extra: str = "") -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if extra else text
    return (f"::{level} file={escape(printable(problem.file), 'p')},line={problem.line}::"
            f"{escape(problem.text())}")


def quote(value: object, limit: int = 40) -> str:
    """Quote a bad value briefly, never whole."""
    text = str(value).replace("\n", " ")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def did_you_mean(value: str, choices) -> str:
    """Return ' (did you mean 'x'?)' when a choice looks like what was meant, else ''."""
    found = meant(value, choices)
    return f" (did you mean '{found}'?)" if found else ""


def meant(value: str, choices) -> str | None:
    """The choice that looks like what was meant, if one does: the same but for case and
    spaces ('Sexual violence'), the one choice it begins ('barking' for
    'barking-and-dagenham') or that begins it ('Monday' for 'mon'), or a close spelling
    that starts with the same letter or is closer still (not 'brent' for 'kent', a county,
    not a borough)."""
    choices = [c for c in choices if isinstance(c, str)]
    written = str(value).strip().lower().replace(" ", "-")
    same = [c for c in choices if c.lower() == written]
    begun = [c for c in choices if len(written) >= 4 and c.lower().startswith(written)] or \
        [c for c in choices if len(c) >= 3 and written.startswith(c.lower())]  # Monday: mon
    close = [c for c in difflib.get_close_matches(written, choices, n=3, cutoff=0.6)
             if c[:1].lower() == written[:1] or
             difflib.SequenceMatcher(None, written, c).ratio() >= 0.8]
    found = same or (begun if len(begun) == 1 else []) or close
    return found[0] if found else None


def renamed(sid: str, services) -> tuple[str, str] | None:
    """The listing (its name and id) whose name spells an id no listing has: its id was
    changed ('Gaia Centre', once 'gaia-centre', now 'gaia-centre-lambeth'). No closer guess:
    for a line to call, a similar id is another line ('national-lgbt-domestic-abuse-helpline'
    for 'national-domestic-abuse-helpline')."""
    return next(((s.name, s.id) for s in services
                 if re.sub(r"[^a-z0-9]+", "-", s.name.lower()).strip("-") == sid), None)


def close_id(sid: str, ids) -> str | None:
    """A listing's id that a mistyped one looks like. Ids share words ('lambeth-lado' and
    'lambeth-vawg-forum'; 'national-domestic-abuse-helpline' and the LGBT+ line's): only a
    spelling two letters off, or one that begins the other ('athena', 'athena-lewisham'), is
    a guess."""
    found = meant(sid, ids)
    return found if found and (found.startswith(sid) or sid.startswith(found) or
                               _edits(sid, found) <= 2) else None


def _edits(a: str, b: str) -> int:
    """Letters added, dropped or changed from a to b (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        row, last = [i], row
        for j, y in enumerate(b, 1):
            row.append(min(last[j] + 1, row[j - 1] + 1, last[j - 1] + (x != y)))
    return row[-1]


def unknown_keys(mapping, known) -> list[tuple[str, int, str]]:
    """The keys of a YAML mapping that are not in known, in the order written: each as
    (key, its line, ' (did you mean 'x'?)' or ''). Every reader words its own message."""
    lines = getattr(mapping, "lines", {})
    return [(key, lines.get(key, getattr(mapping, "line", 1)), did_you_mean(key, known))
            for key in mapping if key not in known]
