"""Read services.yaml into Service objects and the problems found: the whole file at once, or
on several cores in parts of whole entries that give the same answer.

Each entry is checked on its own (listingformat.check_entry); what only the whole file can
tell is checked here: that it holds one key, services, with a list; that no two services
share an id; and which service a problem in the YAML itself (a duplicate key) falls in."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Callable

from .entries import FIRST_UNDASHED, split_text
from .listingformat import check_entry
from .problems import Problem, unknown_keys
from .services import Service
from .settings import Settings
from .text import HIDDEN, SERVICES_LIMIT, TextError, read_text
from .yamlfile import ALIAS_HINT, NOT_YAML, YamlList, YamlMap, collector_paused, load_yaml


def load_services(settings: Settings, display_name: str, today: dt.date
                  ) -> tuple[list[Service], list[Problem]]:
    """Read and check the services file named in settings."""
    try:
        text = read_text(settings.services_file, SERVICES_LIMIT)
    except OSError as err:
        return [], [Problem(display_name, 1, f"cannot read the services file ({err})")]
    except TextError as err:
        return [], [Problem(display_name, err.line, f"cannot read the services file ({err})")]
    return read_services(text, display_name, settings, today)


def read_services(text: str, file: str, settings: Settings, today: dt.date
                  ) -> tuple[list[Service], list[Problem]]:
    """Parse and check the text of a services file."""
    with collector_paused():  # checking, too, keeps all it makes (10,000 listings: 0.6 s)
        data, problems = load_yaml(text, file)
        if problems and data is None:
            return _unreadable(text, problems, file, settings, today)
        services, more = check_services(data, file, settings, today)
        return services, _attribute(problems, data) + more


def _unreadable(text: str, problems: list[Problem], file: str, settings: Settings,
                today: dt.date) -> tuple[list[Service], list[Problem]]:
    """Every problem of a file the YAML reader refused, each naming its listing, and the
    listings that could be read around the mistakes: the rest of the check (links to them,
    the lines site.yaml offers) then finds its problems in the same run."""
    if not problems[0].message.startswith(NOT_YAML):  # hidden characters, or too deep
        return [], _named(problems, text)
    undashed = FIRST_UNDASHED.match(text)
    if undashed:  # read as if it had its '- ', for the rest of the file's problems
        at = text.count("\n", 0, undashed.start(1)) + 1
        fixed = text[:undashed.start(1)] + undashed.group(1)[2:] + "- " + text[undashed.end(1):]
        services, more = read_services(fixed, file, settings, today)
        return services, _named([Problem(file, at, "the first listing starts without '- ': "
                                         "put '- ' before its first field")], text) + more
    return _each_entry_alone(text, file, settings, today) or ([], _named(problems, text))


def check_services(data, file: str, settings: Settings, today: dt.date
                   ) -> tuple[list[Service], list[Problem]]:
    """Check parsed YAML data; return the good services and every problem found."""
    if not isinstance(data, YamlMap) or "services" not in data:
        return [], [Problem(file, getattr(data, "line", 1),
                            "the file must start with 'services:' followed by a list of services")]
    problems = [Problem(file, line, f"unknown top-level key '{key}'{hint}")
                for key, line, hint in unknown_keys(data, ("services",))]
    entries = data["services"]
    if not isinstance(entries, YamlList):
        return [], problems + [Problem(file, data.lines["services"],
                                       "'services' must be a list, each item starting with '- '")]
    services, more = _join(_check_entries(entries, 0, file, settings, today), file)
    return services, problems + more


# Each entry checked: its service (None if it has problems), its id as written (or None)
# and that line, and its problems.
Checked = tuple[Service | None, str | None, int, list[Problem]]


def _check_entries(entries: YamlList, first: int, file: str, settings: Settings, today: dt.date
                   ) -> list[Checked]:
    """Check each entry on its own; `first` is the number of entries before them in the file."""
    checked = []
    for n, entry in enumerate(entries):
        service, problems = check_entry(entry, entries.lines[n], first + n, file, settings, today)
        sid = entry.get("id") if isinstance(entry, YamlMap) else None
        sid = sid.strip() if isinstance(sid, str) else ""  # as the service's id is read
        checked.append((service, sid, entry.lines["id"], problems) if sid
                       else (service, None, 0, problems))
    return checked


def _join(checked: list[Checked], file: str) -> tuple[list[Service], list[Problem]]:
    """The good services and every problem, in file order: the checks across entries
    (a duplicate id, told even when either entry has other problems) need them all."""
    services, problems, first_seen = [], [], {}
    for service, sid, id_line, found in checked:
        problems += found
        if sid in first_seen:
            problems.append(Problem(file, id_line, f"duplicate id (also used by the "
                                    f"service on line {first_seen[sid]})", sid, "id"))
            continue
        if sid is not None:
            first_seen[sid] = id_line
        if service is not None:
            services.append(service)
    return services, problems


def _each_entry_alone(text: str, file: str, settings: Settings, today: dt.date
                      ) -> tuple[list[Service], list[Problem]] | None:
    """The problems of a file that is not valid YAML, found by reading each entry on its
    own: the mistake in each entry's YAML (not the first alone), named by the entry's id;
    then the file is read again with those entries left blank, for the other listings and
    every problem of theirs. None when the file is not a plain list of entries
    (entries.split_text) or no entry alone shows the mistake."""
    split = split_text(text, tabs=True)
    if split is None:
        return None
    problems, kept = [], [text[:split.body]]
    anchors = "&" in text  # an alias may name an anchor in another entry: not a mistake there
    for line, _, chunk in split.entries:
        data, found = load_yaml("services:\n" + chunk, file)
        if data is None and anchors and all(p.message.endswith(ALIAS_HINT) for p in found):
            kept.append(chunk)
        elif data is None:  # (the first line of what was read is 'services:', not line - 1)
            problems += _named([Problem(p.file, p.line + line - 2, p.message) for p in found],
                               chunk, line)
            kept.append("\n" * chunk.count("\n"))
        else:
            kept.append(chunk)
    if not problems:
        return None
    data, found = load_yaml("".join(kept), file)
    services = []
    if isinstance(data, YamlMap) and isinstance(data.get("services"), YamlList):
        services, more = check_services(data, file, settings, today)
        problems += _attribute(found, data) + more
    return services, sorted(problems, key=lambda p: p.line)


# An entry's id, as written, when its YAML cannot be read: to name it in the problem (and
# so not tell the links to it as broken too), its colon left out too ("- id athena").
_ID = re.compile(r"^[ -]*id(?::[ ]*| +(?=[a-z0-9-]+ *$))[\"']?([a-z0-9-]+)", re.MULTILINE)
# The key a line sets ("address: ..."), to name the field of a hidden character on it.
_KEY = re.compile(r"[ \t]*(?:- )?([a-z_]+):[ \t]")


def written_ids(text: str) -> frozenset[str]:
    """The ids of the listings in a services file's text, read or not."""
    return frozenset(_ID.findall(text))


def _named(problems: list[Problem], text: str, line: int = 1) -> list[Problem]:
    """Name in each problem the service whose id comes last before its line in text (the
    file, or one entry's text, which starts on `line`), if any: for YAML that cannot be
    read, so has no entries. A hidden character's problem names the field its line sets
    too, as other problems do."""
    out = []
    for p in problems:
        start = 0
        for _ in range(p.line - line):  # the start of the problem's line
            start = text.find("\n", start) + 1 or len(text)
        end = text.find("\n", start) + 1 or len(text)
        ids = _ID.findall(text, 0, end)
        key = _KEY.match(text, start) if p.message.startswith(HIDDEN) else None
        out.append(Problem(p.file, p.line, p.message, ids[-1] if ids else p.service,
                           key.group(1) if key else p.field))
    return out


# Reading in parts, on several cores --------------------------------------------------------

def load_services_in_parts(settings: Settings, display_name: str, today: dt.date, count: int,
                           run: Callable) -> tuple[list[Service], list[Problem]] | None:
    """Do what load_services does, reading the file in parts (see read_in_parts), or return
    None when it is not read so: load_services words why a file cannot be read."""
    try:
        text = read_text(settings.services_file, SERVICES_LIMIT)
    except (OSError, TextError):
        return None
    return read_in_parts(text, display_name, settings, today, count, run)


def read_in_parts(text: str, file: str, settings: Settings, today: dt.date, count: int,
                  run: Callable) -> tuple[list[Service], list[Problem]] | None:
    """Do what read_services does, in up to `count` parts of whole entries, each parsed and
    checked by `run(check_part, [arguments of each part])`, which returns their answers in
    order (on other cores, say); then join them. Return None when the file is not a plain
    list of entries (entries.split_text) or a part has a problem in its YAML: only a whole read
    tells those as they must be told (which service a duplicate key is in, at most ten
    hidden characters, the first syntax error alone)."""
    split = split_text(text)
    if split is None:
        return None
    starts = split.entries  # (line, offset, text) of each
    # Parts of about the same length, each of whole entries: part k ends before entry ends[k].
    offsets = [offset for _, offset, _ in starts] + [len(text)]
    ends = sorted({bisect.bisect_left(offsets, len(text) * k // count) for k in range(1, count)}
                  - {0, len(starts)}) + [len(starts)]
    parts, first = [], 0
    for end in ends:
        parts.append((text, offsets[first], offsets[end], starts[first][0], first, file,
                      settings, today))
        first = end
    answers = run(check_part, parts)
    if any(answer is None for answer in answers):
        return None
    return _join([checked for answer in answers for checked in answer], file)


def check_part(text: str, start: int, end: int, line: int, first: int, file: str,
               settings: Settings, today: dt.date) -> list[Checked] | None:
    """Parse and check the entries text[start:end], the first of which is on `line` and has
    `first` entries before it; None if its YAML has a problem."""
    # Blank lines before 'services:' put every line where it is in the file, for the problems.
    data, problems = load_yaml("\n" * (line - 2) + "services:\n" + text[start:end], file)
    entries = data.get("services") if isinstance(data, YamlMap) else None
    if problems or not isinstance(entries, YamlList) or len(data) != 1:
        return None
    with collector_paused():
        return _check_entries(entries, first, file, settings, today)


def _attribute(problems: list[Problem], data) -> list[Problem]:
    """Name the service that each YAML-level problem (a duplicate key, say) falls inside."""
    entries = data.get("services") if isinstance(data, YamlMap) else None
    if not isinstance(entries, YamlList):
        return problems
    spans = [(line, e.end, e.get("id")) for line, e in zip(entries.lines, entries)
             if isinstance(e, YamlMap)]
    out = []
    for p in problems:
        # Only inside an entry: a second top-level 'services:' belongs to no service.
        owner = [sid for start, end, sid in spans if start <= p.line <= end]
        if owner and isinstance(owner[-1], str) and p.service is None:
            p = Problem(p.file, p.line, p.message, owner[-1], p.field)
        out.append(p)
    return out
