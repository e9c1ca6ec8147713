"""The search index: the facets each service page carries for Pagefind, and running
Pagefind over the built site (offline; the binary comes from PyPI)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .problems import BuildFailed, Problem
from .services import Group, Hours, Service

MAX_AGE = 120  # the oldest age a person can search for; an open upper limit is this

# Pagefind 1.5 answers a search with no words by loading its whole word index (4.6 MB for
# 10,000 listings). Every service page carries this one word, so browsing by filters is a
# one-word search that loads one small part of the index instead (about 0.3 MB).
BROWSE_WORD = "zzlisting"
INDEX_FOLDER = "pagefind"  # where Pagefind writes the index, inside the site


def who_values(service: Service) -> list[str]:
    """Return the service's 'who' filter values: for each distinct age range it serves (a
    slot, numbered from 0), 'N from LOW', 'N to HIGH' and 'N GENDER' for every gender in it.

    Pagefind filters are exact values with no ranges. One value per year of age made the
    filter data loaded by a first search grow to hundreds of KB; a few values per service
    keep it small while a search stays exact: the search page asks for a slot whose 'from'
    is at most the age, whose 'to' is at least it and whose gender is the one chosen or
    'any'. Within a slot every gender has the same ages, so a service for women from 13 and
    men from 16 (two slots) does not match a boy of 14. A service that has not said who it
    is for matches everyone, so that nobody is wrongly told there is nothing for them; its
    page says it has not said. A service only for professionals (a forum, a risk meeting)
    is help for nobody's age, and help for people who harm never matches a victim's age or
    gender.
    """
    if "residents" not in service.audiences or service.for_people_who_harm:
        return []
    slots: dict[tuple[int, int], list[str]] = {}
    for group in service.eligibility or (Group(),):
        low = group.min_age if group.min_age is not None else 0
        high = group.max_age if group.max_age is not None else MAX_AGE
        genders = slots.setdefault((low, high), [])
        if (group.gender or "any") not in genders:
            genders.append(group.gender or "any")
    values = []
    for n, ((low, high), genders) in enumerate(slots.items()):
        values += [f"{n} from {low}", f"{n} to {high}"] + [f"{n} {gender}" for gender in genders]
    return values


def who_slots(services) -> int:
    """Return how many age-range slots the search page must ask about: the most any
    service has (at least 1)."""
    return max([1] + [sum(" from " in value for value in who_values(s)) for s in services])


def who_ranges(service: Service) -> str:
    """Say who a service is for compactly, for filtering a listing page in place:
    'women:13-120 men:16-120'; 'any:0-120' for a group open to any gender; '' when the
    service has not said; '-' when it is only for professionals or for people who harm."""
    if "residents" not in service.audiences or service.for_people_who_harm:
        return "-"
    return " ".join(f"{g.gender or 'any'}:{g.min_age or 0}-{120 if g.max_age is None else g.max_age}"
                    for g in service.eligibility)


def hours_code(hours: Hours | None) -> str:
    """Write opening hours compactly for the 'open now' script: '24/7' or
    'mon,tue 09:00-17:00;sat 22:00-02:00' (a closing time before the opening time runs
    past midnight)."""
    if hours is None:
        return ""
    if hours.always:
        return "24/7"
    return ";".join(f"{','.join(p.days)} {p.opens}-{p.closes}" for p in hours.periods)


class SearchIndex:
    """The Pagefind index of a site being written into site_dir.

    The build calls add() for each page the search indexes, once its file is written (with
    its text, for an indexer that reads from memory), ready() when every such page has been
    added (the index may be built from then on, while the build writes the rest), and
    finish() at the end, which waits for the index or raises BuildFailed; abort() on any
    failure."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.pages: list[str] = []
        self.process: subprocess.Popen | None = None

    @staticmethod
    def indexes(output) -> bool:
        """Whether the search indexes this output: service pages and content pages."""
        return output.template == "page.html" or (
            output.template == "service.html" and not output.context.get("embedded"))

    def add(self, dest_path: str, html: str) -> None:
        self.pages.append(dest_path)

    def ready(self) -> None:
        # Pointed only at the pages it indexes, Pagefind skips parsing every listing page,
        # embed and fragment (at 1,000 listings: 6.5 s and 227 MB become 3.0 s and 155 MB).
        # Service pages go by one pattern: a list of 10,000 paths would pass the argument
        # length limit.
        others = sorted(_glob_escape(p) for p in self.pages if not p.startswith("services/"))
        pattern = "{" + ",".join(["services/*/index.html"] + others) + "}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(self.site_dir), "--glob", pattern],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def finish(self) -> None:
        if self.process is None:
            self.ready()
        stdout, stderr = self.process.communicate()
        if self.process.returncode != 0:
            detail = (stderr or stdout).strip().splitlines()[-1:] or ["no output"]
            raise BuildFailed([Problem("pagefind", 1, f"the search index could not be built: "
                                                      f"{detail[0]}")])
        # Pagefind ships UIs we do not use; leaving them out keeps the site small and makes
        # sure nothing can load its modal (which would cover the exit button).
        for unused in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
                       "pagefind-modular-ui.css", "pagefind-component-ui.js",
                       "pagefind-component-ui.css", "pagefind-highlight.js"):
            (self.site_dir / INDEX_FOLDER / unused).unlink(missing_ok=True)

    def abort(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process is not None:  # started early, it may be stopped before finish()
            for pipe in (self.process.stdout, self.process.stderr):
                pipe.close()


def _glob_escape(path: str) -> str:
    """Escape a path for Pagefind's glob (wax syntax): brackets, braces, stars, commas."""
    return "".join("\\" + c if c in "[]{}*?,\\" else c for c in path)
