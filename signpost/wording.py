"""The interface wording (locales/en-GB.yaml): read it, and check it has every text the
templates use, each one text with well-formed {placeholders}."""
from __future__ import annotations

import re
import string
from pathlib import Path

from .problems import Problem, did_you_mean
from .yamlfile import YamlMap, load_yaml

_USED = re.compile(r"\bt\.([a-z_][a-z0-9_]*)")
# The placeholders the scripts fill in, for each script text that has any (a template's are
# found when it is rendered): a text that leaves one out, or has another, would show the
# braces or lose the boroughs' links. tests/test_content.py checks the scripts use these.
SCRIPT_PLACEHOLDERS = {
    "service_many": {"n"}, "page_many": {"n"}, "found": {"what"}, "found_some": {"what"},
    "chosen": {"n"}, "search_in": {"boroughs"}, "search_place_in": {"place", "boroughs"},
    "search_none_in": {"boroughs"}, "search_place_none": {"place", "boroughs"},
    "search_outside": {"place"}, "search_age": {"age"},
    "search_group": {"group"}, "search_spelt": {"words"},
    "open_now": {"when"}, "closed_now": {"when"}, "filter_count": {"shown", "total"},
    "filter_count_all": {"shown", "total"},
    "finder_in": {"place", "boroughs"}, "finder_several": {"place", "boroughs"},
    "finder_mostly": {"place", "first", "rest"}, "finder_mostly_outside": {"place", "boroughs"},
    "finder_part_outside": {"place"}, "finder_outside": {"place"},
}


def load_wording(path: Path, templates_dir: Path, display: str | None = None
                 ) -> tuple[dict, list[Problem]]:
    """Return the wording, or the problems with it, each at its line.

    :param display: the file's name in problems (default: the path as given).
    """
    file = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return {}, [Problem(file, 1, f"cannot read the interface wording ({err})")]
    data, problems = load_yaml(text, file)
    if problems:
        return {}, problems
    if not isinstance(data, YamlMap):
        return {}, [Problem(file, 1, "must be a mapping of names to the words shown, "
                                     "like 'exit_link: Exit this page'")]
    data.file = file  # for problems found later, while rendering
    _check_texts(data, file, "", problems)
    for name, template in sorted(_used_names(templates_dir).items()):
        if name not in data:
            problems.append(Problem(file, data.line or 1, f"'{name}' is missing (used by "
                                    f"{template})" + did_you_mean(name, data)))
    return data, problems


def _check_texts(data: YamlMap, file: str, prefix: str, problems: list[Problem]) -> None:
    """Every value is text (the script wording, `js`, is one level deeper, and may hold
    lists of texts, like the names of the days)."""
    for key, value in data.items():
        line = data.lines[key]
        if isinstance(value, YamlMap) and not prefix:
            _check_texts(value, file, f"{key}.", problems)
        elif prefix and isinstance(value, list) and value and \
                all(isinstance(v, str) for v in value):
            continue
        elif not isinstance(value, str):
            problems.append(Problem(file, line, f"{prefix}{key}: must be text"))
        elif not value:  # an empty Exit button, heading or label would leave people lost
            problems.append(Problem(file, line, f"{prefix}{key}: is empty: write the words "
                                    "shown"))
        else:
            wrong = _placeholder_problem(value)
            if wrong:
                problems.append(Problem(file, line, f"{prefix}{key}: {wrong} (write a "
                                        "placeholder as {name}, and a brace as {{ or }})"))
            elif prefix == "js." and _names(value) != SCRIPT_PLACEHOLDERS.get(key, set()):
                given = " ".join(f"{{{n}}}" for n in sorted(SCRIPT_PLACEHOLDERS.get(key, ())))
                problems.append(Problem(file, line, f"{prefix}{key}: must have the "
                                        f"placeholders {given} and no others" if given else
                                        f"{prefix}{key}: has no placeholders to fill in: "
                                        "take out the braces"))


def _placeholder_problem(text: str) -> str | None:
    """What is wrong with the {placeholders} of a text, if anything: each is a plain name,
    filled in by the template, with nothing that reaches into it ({n.__class__}) or pads it
    ({n:>999999999})."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as err:
        return str(err)
    for _, name, spec, conversion in parts:
        if name is not None and (not name.isidentifier() or spec or conversion):
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            return f"'{{{shown}}}' is not a placeholder"
    return None


def _names(text: str) -> set[str]:
    """The placeholders of a text (which _placeholder_problem found well formed)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _used_names(templates_dir: Path) -> dict[str, str]:
    """Each wording name the templates use, with the first template that uses it."""
    used: dict[str, str] = {}
    for template in sorted(templates_dir.rglob("*")):
        if template.is_file():
            for name in _USED.findall(template.read_text(encoding="utf-8")):
                used.setdefault(name, template.relative_to(templates_dir).as_posix())
    return used
