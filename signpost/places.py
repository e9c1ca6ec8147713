"""Which borough a postcode or place is in: the open data in data/, checked against the
areas in site.yaml, and the small lookup file the place finder fetches on first use, so
that the answer is worked out on the person's own device and nothing typed is sent."""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .outputs import Output
from .problems import Problem, did_you_mean, quote
from .settings import Term
from .sitefields import ONS_CODE

LOOKUP_URL = "/assets/places.json"  # a neutral name: no hash, since every path is no-store
DISTRICTS, SECTORS, PLACES = "postcode-districts.csv", "postcode-sectors.csv", "places.csv"
_COLUMNS = {
    DISTRICTS: ["district", "ons_code", "borough_name", "share", "share_excl_stacked"],
    SECTORS: ["sector", "ons_code", "borough_name", "share", "share_excl_stacked"],
    PLACES: ["place", "ons_code", "borough_name", "source"],
}
_KEY = {DISTRICTS: re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?"),
        SECTORS: re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]")}
_KEY_SHAPE = {DISTRICTS: "an outward code like SE6 or SW1A",
              SECTORS: "an outward code, a space and a digit, like SE6 4"}
_SHARE = re.compile(r"0(\.[0-9]{1,6})?|1(\.0{1,6})?")
SOURCES = ("ons-lad-name", "wikipedia-list-of-areas-of-london", "os-codepoint-open-ward")
LONDON = "E09"  # ONS codes of the 33 London boroughs; other codes are outside London
# Below 1% a borough holds a handful of boundary postcodes: naming it would mislead more
# people than it helps (a full postcode is answered from its sector, which is finer).
MIN_SHARE = 0.01
OUTSIDE = -1  # in the lookup file, the part of a district that is outside London


@dataclass(frozen=True)
class Share:
    """Part of a district or sector: a borough's slug (None outside London) and its share
    of the postcodes, leaving out stacked PO-box postcodes (data/README.md says why)."""

    area: str | None
    share: float


@dataclass(frozen=True)
class Places:
    """The checked data: postcode districts and sectors with their boroughs, and place names
    with the boroughs they are in, most likely first."""

    districts: dict[str, tuple[Share, ...]]
    sectors: dict[str, tuple[Share, ...]]
    names: dict[str, tuple[str, ...]]


def load_places(data_dir: Path, areas: dict[str, Term], display_dir: str = "data"
                ) -> tuple[Places | None, list[Problem]]:
    """Read and check the three tables; every bad row is a problem naming file and line.
    A project with no data folder at all has no place finder (None)."""
    if not Path(data_dir).is_dir():
        return None, []
    by_code = {a.ons_code: a for a in areas.values() if a.ons_code}
    problems: list[Problem] = []
    shares, written = {}, {}
    for name in (DISTRICTS, SECTORS):
        rows, written[name] = _read(Path(data_dir) / name, f"{display_dir.rstrip('/')}/{name}",
                                    problems)
        shares[name] = _shares(rows, name, by_code, problems)
    file = f"{display_dir.rstrip('/')}/{SECTORS}"
    for sector, (line, _) in shares[SECTORS].items():
        # (A district whose rows are bad, or a table that could not be read, says so itself.)
        if written[DISTRICTS] and sector.split(" ")[0] not in written[DISTRICTS]:
            problems.append(Problem(file, line, f"sector {sector}: its district "
                                    f"{sector.split(' ')[0]} is not in {DISTRICTS}"))
    rows, _ = _read(Path(data_dir) / PLACES, f"{display_dir.rstrip('/')}/{PLACES}", problems)
    names = _names(rows, by_code, problems)
    return Places({k: v for k, (_, v) in shares[DISTRICTS].items()},
                  {k: v for k, (_, v) in shares[SECTORS].items()}, names), _once_each(problems)


def _once_each(problems: list[Problem]) -> list[Problem]:
    """Each problem told once per file, at its first line, with how many more lines have it:
    one borough's code mistyped in site.yaml is one mistake, not a hundred in the tables."""
    counted: dict[tuple, list] = {}  # each problem: its first time, and how many in all
    for p in problems:
        counted.setdefault((p.file, p.field, p.message), [p, 0])[1] += 1
    return [p if n == 1 else Problem(p.file, p.line, f"{p.message} (and {n - 1} more "
                                     f"line{'s' * (n > 2)} after it)", p.service, p.field)
            for p, n in counted.values()]


def lookup_json(places: Places, areas: dict[str, Term]) -> bytes:
    """Return the lookup file: each London borough once, then districts, sectors and places
    pointing at them by position; shares as whole percentages, largest first."""
    boroughs = [a for a in areas.values() if a.ons_code.startswith(LONDON)]
    index = {a.slug: i for i, a in enumerate(boroughs)}

    def parts(shares: tuple[Share, ...]) -> list[list[int]]:
        outside = sum(s.share for s in shares if s.area is None)
        kept = [(index[s.area], s.share) for s in shares if s.area and s.share >= MIN_SHARE]
        kept += [(OUTSIDE, outside)] if outside >= MIN_SHARE else []
        return [[i, round(share * 100)] for i, share in sorted(kept, key=lambda p: -p[1])]

    def table(rows: dict[str, tuple[Share, ...]]) -> dict[str, list]:
        found = {key: parts(shares) for key, shares in sorted(rows.items())}
        return {key: value for key, value in found.items() if value}  # all stacked: unknown

    data = {
        # Share-alike: whoever reuses this file gets the licences and attribution with it.
        "licence": "Postcodes: OS Code-Point Open and ONS codes, Open Government Licence v3.0 "
                   "(https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
                   "). Contains Ordnance Survey data, Royal Mail data and National Statistics "
                   "data, Crown copyright and database right 2025, Royal Mail copyright and "
                   "database right 2025. Place names: Wikipedia contributors, List of areas of "
                   "London (https://en.wikipedia.org/wiki/List_of_areas_of_London), CC BY-SA 4.0 "
                   "(https://creativecommons.org/licenses/by-sa/4.0/), boroughs matched to ONS "
                   "codes, with OS ward names. This file is shared under CC BY-SA 4.0.",
        "boroughs": [[a.slug, a.name] for a in boroughs],
        "districts": table(places.districts),
        "sectors": table(places.sectors),
        "places": [[name, *(index[slug] for slug in slugs)]
                   for name, slugs in sorted(places.names.items())],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def plan_lookup(places: Places, areas: dict[str, Term]) -> Output:
    """The lookup file as one output of the site, written as it is."""
    return Output(LOOKUP_URL, "", "Place finder data", body=lookup_json(places, areas))


def _read(path: Path, file: str, problems: list[Problem]
          ) -> tuple[list[tuple[int, dict]], set[str]]:
    """Rows of one table with their line numbers, after checking its columns; and the first
    value of every line, good or bad (a key that is there but broken is not also missing)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) else "it is not UTF-8 text"
        problems.append(Problem(file, 1, f"cannot read the place finder's data ({reason})"))
        return [], set()
    reader = csv.reader(text.splitlines())
    columns = _COLUMNS[path.name]
    header = next(reader, [])
    if header != columns:
        problems.append(Problem(file, 1, f"the first line must name the columns "
                                f"{','.join(columns)} (got {quote(','.join(header), 80)})"))
        return [], set()
    rows, keys = [], set()
    for values in reader:
        line = reader.line_num
        keys.add(values[0].strip() if values else "")
        if len(values) != len(columns):
            problems.append(Problem(file, line, f"expected {len(columns)} values "
                                    f"({','.join(columns)}), got {len(values)}"))
            continue
        rows.append((line, dict(zip(columns, (v.strip() for v in values)), file=file)))
    return rows, keys


def _area(row: dict, line: int, by_code: dict[str, Term], problems: list[Problem]) -> str | None:
    """The slug of the row's London borough; None outside London or when the row is bad."""
    code, name = row["ons_code"], row["borough_name"]
    if not ONS_CODE.fullmatch(code):
        problems.append(Problem(row["file"], line, f"must be an ONS code like E09000023 "
                                f"(got {quote(code)})", field="ons_code"))
        return None
    if not name:
        problems.append(Problem(row["file"], line, "must not be empty", field="borough_name"))
        return None
    if not code.startswith(LONDON):
        return None
    area = by_code.get(code)
    if area is None:
        problems.append(Problem(row["file"], line, f"{code} ({quote(name)}) is not the ons_code "
                                "of any area in site.yaml: if it is that borough's, check its "
                                "ons_code there", field="ons_code"))
    elif area.name != name:
        problems.append(Problem(row["file"], line, f"{quote(name)} is not the name site.yaml gives "
                                f"{code} (expected {quote(area.name)})", field="borough_name"))
    else:
        return area.slug
    return None


def _shares(rows: list[tuple[int, dict]], table: str, by_code: dict[str, Term],
            problems: list[Problem]) -> dict[str, tuple[int, tuple[Share, ...]]]:
    """Districts or sectors with the line they start on and their shares, largest first."""
    key_column = _COLUMNS[table][0]
    found: dict[str, tuple[int, list]] = {}
    seen: set[tuple[str, str]] = set()
    broken: set[str] = set()  # a bad row already says what is wrong; its sum would repeat it
    for line, row in rows:
        key, file = row[key_column], row["file"]
        if not _KEY[table].fullmatch(key):
            problems.append(Problem(file, line, f"must be {_KEY_SHAPE[table]} (got {quote(key)})",
                                    field=key_column))
            continue
        if (key, row["ons_code"]) in seen:
            problems.append(Problem(file, line, f"{key} names {row['ons_code']} twice"))
            broken.add(key)
            continue
        seen.add((key, row["ons_code"]))
        bad = [c for c in ("share", "share_excl_stacked") if not _SHARE.fullmatch(row[c])
               and not (c == "share_excl_stacked" and row[c] == "")]
        for column in bad:
            problems.append(Problem(file, line, f"must be a number from 0 to 1 (got "
                                    f"{quote(row[column])})", field=column))
        before = len(problems)
        area = _area(row, line, by_code, problems)
        if bad or len(problems) > before:
            broken.add(key)
            continue
        # Blank: every postcode there is a PO box or bulk user; it counts as nothing.
        share = float(row["share_excl_stacked"] or 0)
        found.setdefault(key, (line, []))[1].append((Share(area, share), float(row["share"])))
    result = {}
    for key, (line, shares) in found.items():
        for column, values in (("share", [s for _, s in shares]),
                               ("share_excl_stacked", [s.share for s, _ in shares])):
            total = sum(values)
            if key not in broken and not (abs(total - 1) <= 0.005 or (column == "share_excl_stacked" and total == 0)):
                problems.append(Problem(rows[0][1]["file"], line, f"{key}: the shares add up to "
                                        f"{total:.4f}, not 1 (is a row missing?)", field=column))
                break  # one problem for the district is enough
        result[key] = (line, tuple(sorted((s for s, _ in shares), key=lambda s: -s.share)))
    return result


def _names(rows: list[tuple[int, dict]], by_code: dict[str, Term], problems: list[Problem]
           ) -> dict[str, tuple[str, ...]]:
    """Place names with their London boroughs, those named by more sources first."""
    votes: dict[str, dict[str, int]] = {}
    for line, row in rows:
        name, file = row["place"], row["file"]
        if not name or len(name) > 80 or not name.isprintable():
            problems.append(Problem(file, line, "must be a place name of 1 to 80 characters "
                                    f"(got {quote(name)})", field="place"))
            continue
        if row["source"] not in SOURCES:
            problems.append(Problem(file, line, f"unknown source {quote(row['source'])}"
                                    + did_you_mean(row["source"], SOURCES)
                                    + f" (expected one of: {', '.join(SOURCES)})", field="source"))
            continue
        area = _area(row, line, by_code, problems)
        if area:
            # Dicts keep insertion order, so a tie keeps the order the table gives.
            counts = votes.setdefault(name, {})
            counts[area] = counts.get(area, 0) + 1
    return {name: tuple(sorted(counts, key=lambda slug: -counts[slug]))
            for name, counts in votes.items()}
