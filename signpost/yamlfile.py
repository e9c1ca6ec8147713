"""Read YAML into plain dicts, lists and strings that remember their line numbers.

Every scalar is read as text (no YAML 1.1 guessing, so `09:00` never becomes 540 and
`0207...` never becomes an octal number); the checkers convert each field themselves.
"""
from __future__ import annotations

import yaml

from .problems import Problem

# The base loaders resolve every plain scalar to a string; the C one (libyaml) is
# about ten times faster than pure Python on a large services.yaml.
_TextLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class YamlMap(dict):
    """A mapping read from YAML: `line` of the mapping, `lines[key]` of each key."""

    line: int = 0
    lines: dict
    misspelt: bool = False  # set by checkers that found an unknown key in it


class YamlList(list):
    """A sequence read from YAML: `line` of the sequence, `lines[i]` of each item."""

    line: int = 0
    lines: list


def load_yaml(text: str, file: str) -> tuple[object, list[Problem]]:
    """Parse YAML text into YamlMap/YamlList/str values, or return the problems."""
    try:
        node = yaml.compose(text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(filter(None, [err.context, err.problem]))
        return None, [Problem(file, line, f"this is not valid YAML: {what} "
                                          "(check indentation, colons and quotes)")]
    except yaml.YAMLError as err:  # e.g. a byte that is not text
        first_line = str(err).splitlines()[0]
        return None, [Problem(file, 1, f"this is not valid YAML: {first_line}")]
    problems: list[Problem] = []
    if node is None:
        return None, problems
    return _convert(node, file, problems, set()), problems


def _convert(node, file: str, problems: list[Problem], seen: set):
    if id(node) in seen:
        # An alias: PyYAML hands back the anchored node again.
        problems.append(Problem(file, node.start_mark.line + 1,
                                "YAML anchors and aliases (& and *) are not allowed here: "
                                "write the value out in full"))
        return ""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        out = YamlList(_convert(item, file, problems, seen) for item in node.value)
        out.line = node.start_mark.line + 1
        out.lines = [item.start_mark.line + 1 for item in node.value]
        return out
    out = YamlMap()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(file, line, "a key must be plain text"))
            continue
        key = key_node.value
        if key in out:
            problems.append(Problem(file, line, f"is set twice (first on line {out.lines[key]}); "
                                                "keep one", field=key))
            continue
        out[key] = _convert(value_node, file, problems, seen)
        out.lines[key] = line
    return out
