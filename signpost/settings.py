"""Where things are, and the site-wide settings and vocabularies from site.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .addresses import MAX_URL, address_problem, is_origin
from .problems import Problem, did_you_mean, quote, unknown_keys
from .text import SETTINGS_LIMIT, TextError, read_text
from .yamlfile import YamlMap, load_yaml

DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: an area, a category or a gender."""

    slug: str
    name: str
    description: str = ""
    ons_code: str = ""
    keywords: tuple[str, ...] = ()  # categories: words people type, indexed for search
    helplines: tuple[str, ...] = ()  # categories: ids of the lines offered when a service
    # of this kind cannot be contacted directly (Childline for children's services)


@dataclass(frozen=True)
class Embed:
    """A borough site that may frame our listings: its origins, name and colour."""

    area: str
    name: str
    origins: tuple[str, ...]
    accent: str = ""  # a hex colour for links and borders, dark enough on white


@dataclass(frozen=True)
class Settings:
    """Paths and site-wide settings; nothing else reads paths from globals."""

    root: Path
    services_file: Path
    content_dir: Path
    out_dir: Path
    site_name: str = "Find help"
    base_url: str = "https://example.org"
    exit_url: str = DEFAULT_EXIT_URL
    report_email: str = ""
    home_helpline: str = ""  # the id of the service shown first on the home page
    page_size: int = 20
    areas: dict[str, Term] = field(default_factory=dict)
    categories: dict[str, Term] = field(default_factory=dict)
    genders: dict[str, Term] = field(default_factory=dict)
    embeds: dict[str, Embed] = field(default_factory=dict)
    extra_embed_origins: tuple[str, ...] = ()  # --embed-origin: one build only

    @property
    def settings_file(self) -> Path:
        return self.root / "site.yaml"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def assets_dir(self) -> Path:
        return self.root / "assets"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"  # open data for the place finder (signpost/places.py)

    @property
    def locale_file(self) -> Path:
        return self.root / "locales" / "en-GB.yaml"

    @property
    def inputs(self) -> tuple[Path, ...]:
        """Every file and folder the build reads: the site may never be written over them."""
        return (self.root, self.services_file, self.settings_file, self.content_dir,
                self.templates_dir, self.assets_dir, self.locale_file.parent)

    @classmethod
    def for_root(cls, root: Path, **paths) -> "Settings":
        """Return default paths under root; keyword arguments override them."""
        root = Path(root)
        defaults = dict(services_file=root / "services.yaml", content_dir=root / "content",
                        out_dir=root / "_site")
        defaults.update({k: Path(v) for k, v in paths.items() if v is not None})
        return cls(root=root, **defaults)


_TOP_KEYS = {"site_name", "base_url", "exit_url", "report_email", "home_helpline", "page_size",
             "areas", "categories", "genders", "embed"}
_EMBED_KEYS = {"name", "origins", "accent"}
_TERM_KEYS = {"name", "description", "ons_code", "keywords", "helplines"}
# Slugs become folders of the site (/areas/<slug>/): plain words only, never a path.
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*", re.ASCII)
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}", re.ASCII)
NAME_LIMIT, DESCRIPTION_LIMIT = 120, 300
EXIT_EXPECTED = "a complete https:// address with a host, like https://www.bbc.co.uk/weather"
_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", re.ASCII)


def load_settings(settings: Settings, display_name: str = "site.yaml") -> tuple[Settings, list[Problem]]:
    """Read site.yaml into a copy of settings, or return the problems with it."""
    file = display_name
    try:
        text = read_text(settings.settings_file, SETTINGS_LIMIT)
    except OSError as err:
        return settings, [Problem(file, 1, f"cannot read the settings file ({err.strerror})")]
    except TextError as err:
        return settings, [Problem(file, err.line, f"cannot read the settings file ({err})")]
    data, problems = load_yaml(text, file)
    if problems:
        return settings, problems
    if not isinstance(data, YamlMap):
        return settings, [Problem(file, 1, "the settings file must be a mapping of settings")]
    problems += [Problem(file, line, f"unknown setting '{key}'{hint}")
                 for key, line, hint in unknown_keys(data, _TOP_KEYS)]
    values = {}
    for key in ("site_name", "base_url", "exit_url", "report_email", "home_helpline"):
        if key in data and data[key] != "":
            text = _name(data[key], data.lines[key], key, file, problems,
                         MAX_URL if key.endswith("_url") else NAME_LIMIT)
            if text:
                values[key] = text
    if "base_url" in values:  # pages join it to paths that start with /
        values["base_url"] = values["base_url"].rstrip("/")
    for key in ("base_url", "exit_url"):
        if key in values and not values[key].startswith("https://"):
            problems.append(Problem(file, data.lines[key], f"{key}: must start with https:// "
                                    f"(got {quote(values[key])})"))
        elif key in values and address_problem(values[key]):
            expected = EXIT_EXPECTED if key == "exit_url" else EXIT_EXPECTED.replace(
                "www.bbc.co.uk/weather", "example.org")
            problems.append(Problem(file, data.lines[key], f"{key}: "
                                    + address_problem(values[key], expected)))
    if values.get("report_email") and not _EMAIL.fullmatch(values["report_email"]):
        problems.append(Problem(file, data.lines["report_email"], "report_email: must be an email "
                                f"address (got {quote(values['report_email'])})"))
    if "page_size" in data:
        size = data["page_size"]  # isdecimal and isascii: int() would choke on '²'
        if isinstance(size, str) and size.isascii() and size.isdecimal() and 5 <= int(size) <= 500:
            values["page_size"] = int(data["page_size"])
        else:
            problems.append(Problem(file, data.lines["page_size"],
                                    "page_size: must be a whole number from 5 to 500"))
    for key in ("areas", "categories", "genders"):
        values[key] = _read_vocabulary(data, key, file, problems)
    if "national" not in values["areas"]:
        problems.append(Problem(file, data.line, "areas: must include 'national'"))
    values["embeds"] = _read_embeds(data, values["areas"], file, problems)
    for origin in settings.extra_embed_origins:
        if not is_origin(origin):
            problems.append(Problem("--embed-origin", 1, f"must be like https://www.example.gov.uk "
                                    f"(got {quote(origin)})"))
    values["embeds"] = {slug: replace(e, origins=e.origins + settings.extra_embed_origins)
                        for slug, e in values["embeds"].items()}
    return replace(settings, **values), problems


def _read_embeds(data: YamlMap, areas: dict, file: str, problems: list[Problem]) -> dict[str, Embed]:
    embeds: dict[str, Embed] = {}
    entries = data.get("embed", YamlMap())
    if not isinstance(entries, YamlMap):
        problems.append(Problem(file, data.lines["embed"], "embed: must be a mapping of borough "
                                "slug to its name and origins"))
        return embeds
    for slug, entry in entries.items():
        line = entries.lines[slug]
        if slug not in areas or slug == "national":
            problems.append(Problem(file, line, f"embed: '{slug}' is not a borough in areas"
                                    + did_you_mean(slug, areas)))
            continue
        if not isinstance(entry, YamlMap) or not isinstance(entry.get("origins"), list):
            problems.append(Problem(file, line, f"embed: '{slug}' needs origins: a list of "
                                    "https://host addresses"))
            continue
        problems += [Problem(file, key_line, f"embed: '{slug}': unknown key '{extra}'{hint}")
                     for extra, key_line, hint in unknown_keys(entry, _EMBED_KEYS)]
        origins = tuple(o for o in entry["origins"] if is_origin(o))
        if len(origins) != len(entry["origins"]):
            problems.append(Problem(file, entry.lines["origins"], f"embed: '{slug}': each origin "
                                    "must be like https://www.example.gov.uk (no path, no /)"))
        accent = entry.get("accent", "")
        if accent and not (isinstance(accent, str) and _HEX_COLOUR.fullmatch(accent)
                           and _contrast(accent) >= 4.5):
            problems.append(Problem(file, entry.lines["accent"], f"embed: '{slug}': accent must "
                                    "be a colour like #1d4f91 with a contrast of at least 4.5:1 "
                                    f"on white (got {quote(accent)})"))
            accent = ""
        name = _name(entry.get("name"), entry.lines.get("name", line), f"embed: '{slug}': name",
                     file, problems) if "name" in entry else areas[slug].name
        embeds[slug] = Embed(slug, name or areas[slug].name, origins, accent)
    return embeds


def _contrast(hex_colour: str) -> float:
    """WCAG contrast ratio of a colour against white."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def _read_vocabulary(data: YamlMap, key: str, file: str, problems: list[Problem]) -> dict[str, Term]:
    terms: dict[str, Term] = {}
    entries = data.get(key)
    if not isinstance(entries, YamlMap) or not entries:
        problems.append(Problem(file, data.lines.get(key, data.line),
                                f"{key}: must be a mapping of slug to name"))
        return terms
    for slug, entry in entries.items():
        line = entries.lines[slug]
        if not _SLUG.fullmatch(slug) or len(slug) > 60:
            problems.append(Problem(file, line, f"{key}: {quote(slug)} must be lower-case letters, "
                                    "digits and hyphens, like 'barking-and-dagenham' (it becomes "
                                    "part of the site's addresses)"))
            continue
        if isinstance(entry, str):
            entry = YamlMap(name=entry)
            entry.lines = {"name": line}
        if not isinstance(entry, YamlMap) or not entry.get("name"):
            problems.append(Problem(file, line, f"{key}: '{slug}' needs a name"))
            continue
        problems += [Problem(file, line, f"{key}: '{slug}': unknown key '{extra}'{hint}")
                     for extra, _, hint in unknown_keys(entry, _TERM_KEYS)]
        lists = {}
        for extra in ("keywords", "helplines"):
            value = entry.get(extra, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                problems.append(Problem(file, getattr(entry, "lines", {}).get(extra, line), f"{key}: '{slug}': "
                                        f"{extra} must be a list of words, like [housing, husband]"))
                value = []
            lists[extra] = tuple(v.strip() for v in value)
        where = f"{key}: '{slug}'"
        name = _name(entry["name"], entry.lines.get("name", line), f"{where}: name", file, problems)
        description = _name(entry.get("description", ""), entry.lines.get("description", line),
                            f"{where}: description", file, problems, DESCRIPTION_LIMIT)
        ons_code = _name(entry.get("ons_code", ""), entry.lines.get("ons_code", line),
                         f"{where}: ons_code", file, problems, 9)
        if name:
            terms[slug] = Term(slug, name, description or "", ons_code or "", **lists)
    return terms


def _name(value, line: int, where: str, file: str, problems: list[Problem],
          limit: int = NAME_LIMIT) -> str | None:
    """Return a setting's text, or record why it cannot be used (not text, or too long)."""
    if not isinstance(value, str):
        problems.append(Problem(file, line, f"{where}: must be text, not a list or a mapping"))
        return None
    value = value.strip()
    if len(value) > limit:
        problems.append(Problem(file, line, f"{where}: is too long ({len(value)} characters; "
                                f"keep it under {limit})"))
        return None
    return value
