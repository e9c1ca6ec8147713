"""Where things are, and the site-wide settings and vocabularies from site.yaml.

site.yaml is described by the table FORMAT below, of the same field types as the listing
format (signpost/fields.py), and read by the same Shape; only its wording differs
(_SettingsReader)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .addresses import is_origin
from .fields import Flag, List, Reader, Shape, Text, Word
from .sitefields import Colour, Entries, Number, OnsCode, Verbatim
from .textformats import Email, Slug, Url
from .problems import Problem, close_id, did_you_mean, quote, renamed
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
    helplines: tuple[str, ...] = ()  # ids of the lines its list offers first (else the
    # home_helpline); a category's also when a service of it cannot be contacted directly
    for_people_who_harm: bool = False  # categories: so is each listing of it, whatever it says
    not_domestic_abuse: bool = False  # categories: help with something else (trafficking)
    particular_situation: bool = False  # categories: for a situation few readers are in
    about_children: bool = False  # categories: for children, or anyone worried about a child
    first_when_named: bool = False  # categories: a search naming its situation lists it first
    # categories: words that name its situation in a search as its keywords do, but find only
    # the services whose own words have them (a dog, a cat: foster care for each)
    situation_words: tuple[str, ...] = ()


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
    # The lines of the settings that name listings or pages (_lines), by setting_name, for
    # the problems found once the listings are read and the pages planned.
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def for_people_who_harm(self, categories) -> bool:
        """Whether these kinds of help make a listing help for people who harm."""
        return any(self.categories[slug].for_people_who_harm for slug in categories)

    def for_domestic_abuse(self, categories) -> bool:
        """Whether a listing of these kinds of help is help with domestic abuse: not if one is
        marked not_domestic_abuse (feeling suicidal, trafficking), so that its line, open 24
        hours, does not come before the other lines for that (order.py)."""
        return not any(self.categories[slug].not_domestic_abuse for slug in categories)

    def particular(self, categories) -> bool:
        """Whether a listing of these kinds of help is for one particular situation that few
        who read a list are in (a dog to foster, sex work, social workers involved): one kind
        marked particular_situation is enough, so that it comes after the helplines, in a
        group of its own (order.py)."""
        return any(self.categories[slug].particular_situation for slug in categories)

    def everywhere(self, areas) -> bool:
        """Whether these areas are every borough (all but 'national'): a service in all of them
        is for anyone in London, said so in one phrase and, with no borough chosen, found
        before a single borough's services."""
        boroughs = self.areas.keys() - {"national"}
        return bool(boroughs) and boroughs <= set(areas)

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
                self.templates_dir, self.assets_dir, self.locale_file.parent, self.data_dir)

    @classmethod
    def for_root(cls, root: Path, **paths) -> "Settings":
        """Return default paths under root; keyword arguments override them."""
        root = Path(root)
        defaults = dict(services_file=root / "services.yaml", content_dir=root / "content",
                        out_dir=root / "_site")
        defaults.update({k: Path(v) for k, v in paths.items() if v is not None})
        return cls(root=root, **defaults)


NAME_LIMIT, DESCRIPTION_LIMIT = 120, 300
EXIT_EXPECTED = "a complete https:// address with a host, like https://www.bbc.co.uk/weather"
VOCABULARIES = ("areas", "categories", "genders")  # required: without them there is no site


class _SettingsReader(Reader):
    """site.yaml names a value by its path (`embed: 'lambeth': name: must be text ...`), an
    unknown key at the top as a setting, and one inside an entry as a key."""

    def add(self, line: int, name: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, f"{name}: {message}" if name else message))

    def key(self, name: str, key: str) -> str:
        return f"{name}: {key}" if name else key

    def unknown(self, line: int, name: str, key: str, hint: str) -> None:
        self.add(line, name, f"unknown key '{key}'{hint}" if name
                 else f"unknown setting '{key}'{hint}")


def _each_an_origin(embed: dict, entry: YamlMap, name: str, at) -> None:
    # Said once for the list. Each origin goes into a response header as written.
    if not all(is_origin(origin) for origin in embed.get("origins") or ()):
        at.add(entry.lines["origins"], name, "each origin must be like https://www.example.gov.uk "
               "(no path, no /)")


TERM = Shape({"name": Text(NAME_LIMIT), "description": Text(DESCRIPTION_LIMIT),
              "ons_code": OnsCode(), "keywords": List(Word(60)), "helplines": List(Slug()),
              "for_people_who_harm": Flag(), "not_domestic_abuse": Flag(),
              "particular_situation": Flag(), "about_children": Flag(),
              "first_when_named": Flag(), "situation_words": List(Word(60))},
             dict, required=("name",))
EMBED = Shape({"name": Text(NAME_LIMIT), "origins": List(Verbatim()), "accent": Colour()},
              dict, required=("origins",), rules=(_each_an_origin,))


def _term(slug: str, values: dict) -> Term:
    return Term(slug, values["name"], values.get("description") or "",
                values.get("ons_code") or "", values.get("keywords") or (),
                values.get("helplines") or (), bool(values.get("for_people_who_harm")),
                bool(values.get("not_domestic_abuse")), bool(values.get("particular_situation")),
                bool(values.get("about_children")), bool(values.get("first_when_named")),
                values.get("situation_words") or ())


VOCABULARY = Entries(TERM, _term, "a mapping of slug to name", "needs a name", short="name")


FORMAT = {
    "site_name": Text(NAME_LIMIT),
    "base_url": Url(expected=EXIT_EXPECTED.replace("www.bbc.co.uk/weather", "example.org"),
                    https_first=True),
    "exit_url": Url(expected=EXIT_EXPECTED, https_first=True),
    "report_email": Email(NAME_LIMIT, expected="an email address"),
    "home_helpline": Text(NAME_LIMIT),
    "page_size": Number(5, 500),
    "areas": VOCABULARY,
    "categories": VOCABULARY,
    "genders": VOCABULARY,
    # Keys are checked against the areas, once those are read (_embeds_in_areas).
    "embed": Entries(EMBED, lambda slug, v: v, "a mapping of borough slug to its name and "
                     "origins", "needs origins: a list of https://host addresses", slugs=False),
}
SITE = Shape(FORMAT, dict)


def load_settings(settings: Settings, display_name: str = "site.yaml") -> tuple[Settings, list[Problem]]:
    """Read site.yaml into a copy of settings, and return it with the problems found.

    Every listing is checked against the vocabularies: when they cannot be read whole, the
    copy has none (a listing would only be told that its area is unknown) and nothing more
    can be checked. Other mistakes leave their settings' defaults, and the build goes on to
    find every other problem too."""
    file = display_name
    unread = replace(settings, **_no_vocabularies())
    try:
        text = read_text(settings.settings_file, SETTINGS_LIMIT)
    except OSError as err:
        return unread, [Problem(file, 1, f"cannot read the settings file ({err.strerror})")]
    except TextError as err:
        return unread, [Problem(file, err.line, f"cannot read the settings file ({err})")]
    data, problems = load_yaml(text, file)
    if problems:
        return unread, problems
    if not isinstance(data, YamlMap):
        return unread, [Problem(file, 1, "the settings file must be a mapping of settings")]
    at = _SettingsReader(file)
    for key in FORMAT:  # a setting left empty ("") is not set
        if data.get(key) == "":
            del data[key]
    values = {key: value for key, value in SITE.check(data, data.line, "", at).items() if value}
    for key in VOCABULARIES:
        if key not in data:
            at.add(data.lines.get(key, data.line), key, f"must be {FORMAT[key].expected}")
        values.setdefault(key, {})
    if "national" not in values["areas"]:
        at.add(data.line, "areas", "must include 'national'")
    if "services" in values["areas"]:  # a borough's embed and fragments sit beside theirs
        at.add(data["areas"].lines["services"], "areas", "'services' is the name of the "
               "folder of embedded service pages (/embed/services/): choose another slug")
    if "base_url" in values:  # pages join it to paths that start with /
        values["base_url"] = values["base_url"].rstrip("/")
        # It goes into feeds, headers and the code web teams paste into their pages: the
        # site's address alone, as every page's own links start at the root.
        if not is_origin(values["base_url"]):
            wrong = values.pop("base_url")
            at.add(data.lines["base_url"], "base_url", "must be the site's address alone, "
                   f"like https://example.org, with no path (got {quote(wrong)})")
    embeds = _embeds_in_areas(values.pop("embed", {}), values["areas"], data, at)
    for origin in settings.extra_embed_origins:
        if not is_origin(origin):
            at.problems.append(Problem("--embed-origin", 1, f"must be like "
                                       f"https://www.example.gov.uk (got {quote(origin)})"))
    values["embeds"] = {slug: replace(e, origins=e.origins + settings.extra_embed_origins)
                        for slug, e in embeds.items()}
    values["lines"] = _lines(data)
    if any(p.message.startswith(tuple(f"{key}:" for key in VOCABULARIES)) for p in at.problems):
        values.update(_no_vocabularies())  # a mistake in one: none (above)
    return replace(settings, **values), at.problems


def _no_vocabularies() -> dict[str, dict]:
    """What settings hold when the vocabularies cannot be read whole: none."""
    return {key: {} for key in VOCABULARIES}


def setting_name(key: str, slug: str = "", field: str = "") -> str:
    """A setting as problems name it (as _SettingsReader does): `home_helpline`,
    `areas: 'camden'`, `categories: 'lgbt': helplines`."""
    return ": ".join(filter(None, (key, slug and f"'{slug}'", field)))


def _lines(data: YamlMap) -> dict[str, int]:
    """The lines of the settings that name listings or pages, for the problems found once
    the listings are read and the pages planned: home_helpline, each entry of a vocabulary
    (`areas: 'camden'`) and each category's helplines."""
    lines = {"home_helpline": data.lines.get("home_helpline", data.line)}
    for key in VOCABULARIES:
        entries = data.get(key)
        for slug, entry in entries.items() if isinstance(entries, YamlMap) else ():
            lines[setting_name(key, slug)] = entries.lines[slug]
            if isinstance(entry, YamlMap) and "helplines" in entry:
                lines[setting_name(key, slug, "helplines")] = entry.lines["helplines"]
    return lines


def check_helplines(settings: Settings, services: list, file: str,
                    left_out: frozenset[str] | None = frozenset()) -> list[Problem]:
    """The lines site.yaml offers to call (home_helpline, each term's helplines) are
    listings, offered to victims: never one for people who harm. A kind of help for people
    who harm offers its own lines only: never a victims' line as the help for changing."""
    harm = {s.id for s in services if s.for_people_who_harm}
    victims = {s.id for s in services} - harm
    # A line renamed or deleted in the project's own listings would leave the home page
    # without its number. Another listings file (`--services`, as the benchmarks' generated
    # listings) is not the one site.yaml names lines in: `check` only warns of them.
    own = settings.services_file.resolve() == (settings.root / "services.yaml").resolve()
    # left_out: the ids of listings left out for their problems (told), None when a
    # listing's id could not be read (any line could be that listing).
    missing = unknown_helplines(settings, services, file, left_out) \
        if own and left_out is not None else []
    return missing + [
        Problem(file, settings.lines.get(where, 1), f"{where}: '{sid}' is help for people "
                "who harm: it can never be offered as a line for victims to call")
        for where, sid, for_harm in _helplines(settings) if sid in harm and not for_harm] + \
        [Problem(file, settings.lines.get(where, 1), f"{where}: '{sid}' is not help for people "
                 "who harm: a kind of help for people who harm offers only lines for them "
                 "(listings with for_people_who_harm: true)")
         for where, sid, for_harm in _helplines(settings) if sid in victims and for_harm]


def unknown_helplines(settings: Settings, services: list, file: str,
                      left_out: frozenset[str] = frozenset()) -> list[Problem]:
    """Each line site.yaml offers to call that no listing has: the pages meant to offer it
    would offer nothing (a problem in the project's own listings: check_helplines). A
    listing left out for its own problems (left_out) is not missing: those are told."""
    ids = {s.id for s in services} | left_out

    def hint(sid: str) -> str:
        found = renamed(sid, services)
        close = not found and close_id(sid, ids)
        return f" (the listing '{found[0]}' has the id '{found[1]}')" if found else \
            f" (did you mean '{close}'?)" if close else ""
    return [Problem(file, settings.lines.get(where, 1), f"{where}: no listing has the id "
                    f"'{sid}', so no page would offer it{hint(sid)}: if you changed a "
                    "listing's id in services.yaml, change it here too")
            for where, sid, _ in _helplines(settings) if sid not in ids]


def _helplines(settings: Settings) -> list[tuple[str, str, bool]]:
    """Each line site.yaml names to call, as (the setting, the listing's id, whether it is
    named by a kind of help for people who harm)."""
    named = [("home_helpline", settings.home_helpline, False)] if settings.home_helpline else []
    return named + [(setting_name(key, term.slug, "helplines"), sid, term.for_people_who_harm)
                    for key in VOCABULARIES for term in getattr(settings, key).values()
                    for sid in term.helplines]


def _embeds_in_areas(embeds: dict[str, dict], areas: dict[str, Term], data: YamlMap,
                     at: Reader) -> dict[str, Embed]:
    """Keep the embeds of boroughs in areas, named as the area unless they say otherwise."""
    out, boroughs = {}, [slug for slug in areas if slug != "national"]
    for slug, embed in embeds.items():
        if slug not in boroughs:
            at.add(data["embed"].lines[slug], "embed", f"'{slug}' is not a borough in areas"
                   + did_you_mean(slug, boroughs))
            continue
        origins = tuple(origin for origin in embed["origins"] if is_origin(origin))
        out[slug] = Embed(slug, embed.get("name") or areas[slug].name, origins,
                          embed.get("accent") or "")
    return out
