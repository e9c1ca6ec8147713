"""Read YAML into plain dicts, lists and strings that remember their line numbers.

Every scalar is read as text (no YAML 1.1 guessing, so `09:00` never becomes 540 and
`0207...` never becomes an octal number); the checkers convert each field themselves.
"""
from __future__ import annotations

import contextlib
import gc
import re

import yaml

from .problems import Problem, quote
from .text import hidden_character, hidden_characters, is_invisible

NOT_YAML = "this is not valid YAML"
ALIAS_HINT = "a value cannot start with '*' or '&': put it in double quotes"
MAX_DEPTH = 20  # services.yaml needs 7 levels; deeper is a mistake (or an attack on the stack)
_TOO_DEEP = "this is nested more than"

_TAGS = {yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
         yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
         yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG}


class _TextLoader(getattr(yaml, "CBaseLoader", yaml.BaseLoader)):
    """The base loaders resolve every plain scalar to a string; the C one (libyaml) is about
    ten times faster than pure Python on a large services.yaml. Their resolver still runs
    three Python calls per node (a third of the C loader's time) to find what is always the
    default tag: these give it at once."""

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        return _TAGS[kind]


class YamlMap(dict):
    """A mapping read from YAML: `line` of the mapping, `lines[key]` of each key."""

    line: int = 0
    end: int = 0  # the last line the mapping spans
    lines: dict


class YamlList(list):
    """A sequence read from YAML: `line` of the sequence, `lines[i]` of each item."""

    line: int = 0
    lines: list


def load_yaml(text: str, file: str) -> tuple[object, list[Problem]]:
    """Parse YAML text into YamlMap/YamlList/str values, or return the problems."""
    with collector_paused():
        return _load(text, file)


@contextlib.contextmanager
def collector_paused():
    """Pause the garbage collector for a while.

    Reading builds millions of small objects and no cycles: the garbage collector's passes
    over them made loading superlinear (10,000 listings: 11 s with it, 2.4 s without)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _load(text: str, file: str) -> tuple[object, list[Problem]]:
    problems = hidden_characters(text, file)
    if problems:
        return None, problems
    try:
        node = yaml.compose(text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as err:
        line, what = _in_plain_words(err, text)
        return None, [Problem(file, line, f"{NOT_YAML}: {what}")]
    except yaml.YAMLError as err:  # e.g. a character that is not allowed
        first_line = str(err).splitlines()[0]
        position = getattr(err, "position", None)  # a ReaderError knows where it stopped
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else 1
        return None, [Problem(file, line, f"{NOT_YAML}: {first_line}")]
    if node is None:
        return None, problems
    data = _convert(node, file, problems, set(), 0)
    if any(p.message.startswith(_TOO_DEEP) for p in problems):
        return None, problems  # its shape is lost: checking it would only add confusion
    cut = _cut_lines(text)
    if cut:
        _as_written(node, text, cut, file, problems)
    return data, problems


def _block_above(lines: list[str]) -> str | None:
    """The key of the text block ('description: |') the last line may have been part of:
    one above it, with only lines indented more than the last between them."""
    indent = len(lines[-1]) - len(lines[-1].lstrip(" "))
    for above in reversed(lines[:-1]):
        block = re.match(r" *(?:- )?([\w-]+): *[|>][-+]? *$", above)
        if block:
            return block.group(1)
        if above.strip() and len(above) - len(above.lstrip(" ")) <= indent:
            return None
    return None


def _in_plain_words(err: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line of a YAML syntax error and what it most likely is, in the words of someone
    editing a listing rather than the parser's (whose words are kept for the rare rest).
    The line is where the mistake was made: where a quote or bracket opened, for one that
    never closes."""
    context, problem = err.context or "", err.problem or ""
    at, opened = err.problem_mark or err.context_mark, err.context_mark or err.problem_mark
    line = at.line + 1 if at else 1
    lines = text.split("\n", line)[:line]  # up to the error's line (which may be past the end)
    lines += [""] * (line - len(lines))
    here = lines[-1]
    above = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip()), 0)
    for n in (line, above):  # pasted from a document: it looks like a space, but is not one
        if n and "\xa0" in lines[n - 1]:
            return n, "a non-breaking space (pasted from a document): type the spaces on " \
                      "this line again"
    for n in (line, above):
        if n and re.match(r" *-[^ \-]", lines[n - 1]):
            return n, "a list item starts with '- ', a dash and a space"
    if "flow sequence" in context:
        return opened.line + 1, "a value that starts with '[' must be in double quotes (a " \
                                "list in brackets ends with ']', with ',' between its items)"
    if "flow mapping" in context:
        return opened.line + 1, "a value that starts with '{' must be in double quotes"
    if "quoted scalar" in context and "end of stream" in problem:
        return opened.line + 1, "a quote opens here and never closes: end the value with " \
                                "the same quote mark"
    if "escape" in problem:
        return line, "a backslash (\\) inside double quotes: use single quotes instead"
    if "simple key" in context:
        block = _block_above(text.split("\n", opened.line + 1)[:opened.line + 1])
        return opened.line + 1, "this line has no ':' after its key: write 'key: value' " + (
            f"(if it is more of the text of '{block}: |' above it, indent it as that text is)"
            if block else "(a value on several lines goes after 'key: |')")
    if "tab" in problem or (at and text[at.index:at.index + 1] == "\t"):
        return line, "a tab character: indent with spaces only"
    if "alias" in problem or "alias" in context or "anchor" in context:
        if re.match(r" *[-*] ", here) and above and lines[above - 1].rstrip().endswith(":"):
            return line, "a list or bold text in a value: write 'key: |' and the text below " \
                         "it, indented"
        return line, ALIAS_HINT
    if "cannot start any token" in problem:
        found = text[at.index:at.index + 1] if at else ""
        return line, (f"a value cannot start with {found!r}" if found.strip() else
                      "a value cannot start with this character") + ": put it in double quotes"
    if "block sequence entries" in problem:
        return line, "a list item ('- ') starts a line of its own: put a value that starts " \
                     "with '- ' in double quotes"
    if "mapping values are not allowed" in problem:
        if above and _indent(here) > _indent(lines[above - 1]) and \
                not lines[above - 1].rstrip().endswith((":", "|", ">")):
            return line, "this line is indented further than the line above, so it is read " \
                         "as part of that value: line it up with the keys above"
        return line, "a value holds a colon and a space (': '): put the whole value in " \
                     "double quotes"
    value = here.split(": ", 1)[1].lstrip() if ": " in here else ""
    if "expected key" in problem and value[:1] in ("[", "{"):
        return line, f"a value that starts with '{value[0]}' must be in double quotes"
    if "expected key" in problem and at and '"' in here:
        # A quote left open on a line above ran on to this line's first quote.
        for n in range(line - 1, max(0, line - 40), -1):
            if lines[n - 1].count('"') % 2 and re.match(r' *(- )?[\w-]+: *"', lines[n - 1]):
                return n, "a quote opens here and never closes on this line: end the value " \
                          "with the same quote mark"
    if "expected key" in problem and at and \
            any(q in text[text.rfind("\n", 0, at.index) + 1:at.index] for q in "'\""):
        return line, "the quotes end before the value does: put a value that holds ' in " \
                     "double quotes, and one that holds \" in single quotes"
    if "block" in context or "block sequence" in problem:
        return line, "this line does not line up with the lines above it: the keys of a " \
                     "listing start in one column, and each '- ' of a list in one column"
    what = " ".join(filter(None, [context, problem]))
    return line, f"{what} (check indentation, colons and quotes)"


def _indent(line: str) -> int:
    """Where a line's key starts: after the '- ' of a list's item."""
    return re.match(r"[ -]*", line).end()


def _convert(node, file: str, problems: list[Problem], seen: set, depth: int):
    if type(node) is yaml.ScalarNode:
        return _scalar(node, file, problems)
    if id(node) in seen:
        # An alias: PyYAML hands back the anchored node again. (A scalar's alias is its text.)
        problems.append(Problem(file, node.start_mark.line + 1,
                                "YAML anchors and aliases (& and *) are not allowed here: "
                                "write the value out in full"))
        return ""
    if depth >= MAX_DEPTH:
        problems.append(Problem(file, node.start_mark.line + 1, f"{_TOO_DEEP} "
                                f"{MAX_DEPTH} levels deep: nothing here needs so many"))
        return ""
    seen.add(id(node))
    # Most values are plain text, taken here without a call to _convert each.
    scalar, depth = yaml.ScalarNode, depth + 1
    if type(node) is yaml.SequenceNode:
        out = YamlList(item.value if type(item) is scalar and _plain(item)
                       else _convert(item, file, problems, seen, depth) for item in node.value)
        out.line = node.start_mark.line + 1
        out.lines = [item.start_mark.line + 1 for item in node.value]
        for item, after in zip(node.value, node.value[1:]):
            _pasted_into(item, after, file, problems)
        return out
    out = YamlMap()
    out.line = node.start_mark.line + 1
    # A block mapping ends where the next, less indented, token starts: not its line.
    out.end = node.end_mark.line + (node.end_mark.column > node.start_mark.column)
    out.lines = lines = {}
    joined = False  # its first key set again: a listing that left out its '- ' is joined on
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if type(key_node) is not scalar:
            problems.append(Problem(file, line, "a key must be plain text"))
            continue
        key = key_node.value
        if key in out and joined:
            continue  # the rest of the joined listing: told once, with its first key
        if key in out:
            joined = key == next(iter(out))
            if joined and key == "id" and type(value_node) is scalar and isinstance(out[key], str):
                # A listing that left out its '- ', named: links to it are then not told as
                # broken too.
                problems.append(Problem(file, line, "starts without '- ', so it is read as "
                                        f"part of the listing above ({quote(out[key])}, line "
                                        f"{lines[key]}): put '- ' before 'id:'",
                                        value_node.value))
                continue
            # Most often a '- ' left out, which joins two listings or phones into one.
            problems.append(Problem(file, line, f"is set twice (first on line {lines[key]}): "
                                    "if this line starts a new listing or phone, put '- ' "
                                    "before it; if not, keep one", field=key))
            continue
        out[key] = value_node.value if type(value_node) is scalar and _plain(value_node) \
            else _convert(value_node, file, problems, seen, depth)
        lines[key] = line
    return out


def _pasted_into(item, after, file: str, problems: list[Problem]) -> None:
    """Say so when a listing ends with a field left empty and the next one follows: most
    often a listing pasted after that field (`phones:`), inside another, which then takes
    the rest of that one's lines as its own (its phone numbers, under another name)."""
    if type(item) is not yaml.MappingNode or not item.value or \
            type(after) is not yaml.MappingNode or not after.value:
        return
    (key, value), (first, name) = item.value[-1], after.value[0]
    # Listings are set apart by a blank line; a pasted one comes on the very next line.
    if type(value) is yaml.ScalarNode and value.value == "" and not value.style and \
            first.start_mark.line == key.start_mark.line + 1 and \
            type(first) is yaml.ScalarNode and first.value == "id" and type(name) is yaml.ScalarNode:
        problems.append(Problem(file, key.start_mark.line + 1, f"is empty, and the listing "
                                f"{quote(name.value)} starts on the next line: if it was pasted "
                                "into this listing, move it to before a '- id:' line (the lines "
                                "after it belong to this one); if not, give this field a value "
                                "or take its line out", field=key.value))


def _cut_lines(text: str) -> set[int]:
    """The lines (from 0) where YAML may have read less than was written: text then ' #'
    (the rest is a comment) or a '!' starting a value (a tag, dropped with the word it is
    in). Both are rare, so only these lines are looked at again (_as_written). Found with
    str.find, in linear time: a regular expression took 0.12 s over 1,000 listings."""
    lines = set()
    for mark in "#!":
        line, at, i = 0, 0, text.find(mark)
        while i >= 0:
            j = i - 1
            if mark == "#":  # back over the spaces before it, to text or the line's start
                while j >= 0 and text[j] in " \t":
                    j -= 1
                cut = j < i - 1 and j >= 0 and text[j] != "\n"
            else:
                cut = j < 0 or text[j] in " \t\n:,[{-"
            if cut:
                line, at = line + text.count("\n", at, i), i
                lines.add(line)
            i = text.find(mark, i + 1)
    return lines


def _as_written(node, text: str, lines: set[int], file: str, problems: list[Problem],
                seen: set | None = None, key: str | None = None) -> None:
    """Report values on these lines (counted from 0) that YAML read as less than was
    written: `summary: The number #1 line` is 'The number', `alert: !Closed today` is
    'today', `label: Line #2` is 'Line'. A comment after one word (`min_age: 16 # seed 3`),
    or set off by two spaces (`label: Main office  # seed 3`), is taken as meant, unless a
    word follows its '#' at once, as no comment's does ('#2', '#until')."""
    seen = set() if seen is None else seen
    if type(node) is not yaml.ScalarNode:
        if id(node) in seen:  # an alias, reported by _convert: once is enough
            return
        seen.add(id(node))
        # Each value with the key it is under, which the problem names.
        children = [(n, key) for n in node.value] if type(node) is yaml.SequenceNode else \
            [(n, k.value if type(k) is yaml.ScalarNode else None)
             for k, v in node.value for n in (k, v)]
        for child, under in children:
            _as_written(child, text, lines, file, problems, seen, under)
        return
    if node.start_mark.line not in lines and node.end_mark.line not in lines:
        return
    line = node.start_mark.line + 1
    if node.tag != _TAGS[yaml.ScalarNode]:
        problems.append(Problem(file, line, f"YAML reads the '{node.tag}' at the start of "
                                "this value as a tag and drops it: put the whole value in "
                                "double quotes", field=key))
    elif not node.style:  # plain: not quoted, not a block
        end = text.find("\n", node.end_mark.index)
        rest = text[node.end_mark.index:end if end >= 0 else len(text)]
        if rest.startswith((" #", "\t#")) and " " in node.value.strip() or \
                re.match(r"[ \t]+#[^\s#]", rest):
            problems.append(Problem(file, line, f"YAML reads the text from '{rest.strip()[:30]}' "
                                    "as a comment and drops it: put the whole value in double "
                                    "quotes, or the comment on a line of its own", field=key))


def _plain(node) -> bool:
    """True for text that _scalar would return as it is, found without looking at each
    character: not in double quotes, all ASCII, not only spaces, on one line."""
    return node.style != '"' and node.value.isascii() and not node.value.isspace() and \
        "\n" not in node.value


def _scalar(node, file: str, problems: list[Problem]) -> str:
    # The text was checked whole: only an escape in double quotes ("\u202e", "\e") can
    # make a hidden character.
    hidden = node.style == '"' and hidden_character(node.value)
    if hidden:
        problems.append(Problem(file, node.start_mark.line + 1, hidden))
    elif is_invisible(node.value):
        problems.append(Problem(file, node.start_mark.line + 1, "this value has no visible "
                                "characters: write it out, or delete it"))
    elif not node.style and "\n" in node.value:  # plain: no quotes, no | or >
        # Lines with a blank line between them, but no '|': YAML joins each paragraph into
        # one line, and the paragraphs, lists and headings of a description would be lost.
        problems.append(Problem(file, node.start_mark.line + 1, "this value runs over "
                                "several lines, with blank lines, but without '|' after its "
                                "key: its paragraphs would run together; write 'key: |' and "
                                "the text below it, indented"))
    elif node.style == ">" and "\n" in node.value.rstrip("\n"):
        problems.append(Problem(file, node.start_mark.line + 1, "'>' joins the lines of this "
                                "value: its paragraphs and lists would run together; write "
                                "'key: |' instead"))
    return node.value
