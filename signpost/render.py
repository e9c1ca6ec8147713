"""The Jinja environment, and each planned output rendered with it (the assets, which need no
template, are planned in assets.py)."""
from __future__ import annotations

import functools
import marshal
import os
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

try:  # markupsafe's own escaping (C where built), without making a Markup of each result
    from markupsafe import _escape_inner
except ImportError:  # a markupsafe without it: the same text, a little slower
    def _escape_inner(text: str) -> str:
        return str(escape(text))

from .addresses import address_problem
from .facets import BROWSE_WORD, MAX_AGE, hours_code, who_ranges, who_values
from .headers import GUIDE_POLICY, POLICY
from .hours import clock, describe_hours, long_date
from .languages import spoken_names
from .order import YOUNG_UP_TO, young_only
from .outputs import Output
from .places import LOOKUP_URL
from .spelling import TYPED, everyday_words, spelling_words
from .problems import BuildFailed, Problem
from .settings import EXIT_EXPECTED, Settings
from .wording import load_wording
from .writer import replace_file

# The script wording every page carries, on <body>: what open-now.js, filter-list.js and the
# place finder (place-lookup.js, besides its own block's) show. The rest is the search page's
# alone (search.js, search-words.js), on its form: on every other page it weighed about a
# fifth of a service page (0.8 of 3.9 KB, gzipped). tests/test_content.py checks that each
# script finds the texts it uses.
EVERY_PAGE_TEXT = frozenset({"open_always", "open_now", "closed_now", "today", "tomorrow",
                             "at", "days", "filter_count", "filter_count_all", "and"})


def make_env(settings: Settings, exit_url: str | None = None,
             locale: dict | None = None) -> jinja2.Environment:
    """Return the Jinja environment: autoescaped, strict about undefined names.

    :param locale: the interface wording, already checked (default: read it now).
    :raises BuildFailed: when exit_url (from --exit-url) is not a complete address.
    """
    wrong = exit_url and address_problem(exit_url, EXIT_EXPECTED, loopback_http=True)
    if wrong:  # an exit that goes nowhere is worse than no build
        raise BuildFailed([Problem("--exit-url", 1, wrong)])
    env = _Environment(
        loader=jinja2.FileSystemLoader(settings.templates_dir),
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
        # One environment per build (make_env is called for each): a template cannot change
        # during one, so Jinja need not look at its file again for every page that uses it.
        auto_reload=False,
        # Jinja's optimizer works out constant expressions once, when a template compiles;
        # ours have almost none, and it was 40% of compiling them (0.07 s of CPU a build),
        # with no difference in the pages or in the time to render them.
        optimized=False)
    locale = load_locale(settings.locale_file, settings.templates_dir) if locale is None else locale
    env.filters.update(hours=describe_hours, long_date=long_date, clock=clock,
                       services_count=lambda n: locale["services_count_one"] if n == 1 else
                       locale["services_count_many"].format(n=n),
                       hours_code=hours_code, who_ranges=who_ranges, who_values=who_values,
                       web_address=web_address, young_only=young_only,
                       area_names=lambda service: locale["areas_everywhere"]
                       if settings.everywhere(service.areas) else
                       ", ".join(settings.areas[slug].name for slug in service.areas))
    env.wording = locale  # as read, with where each text is, for problems while rendering
    # The place finder's script wording rides in the finder's own block: pages without it
    # (the search page among them, within one round trip) do not carry it.
    finder_text = {k: v for k, v in locale["js"].items() if k.startswith("finder_")}
    env.globals.update(site=settings, t=_Wording(locale), finder_text=finder_text,
                       script_text={k: v for k, v in locale["js"].items()
                                    if k in EVERY_PAGE_TEXT},
                       search_text={k: v for k, v in locale["js"].items()
                                    if k not in EVERY_PAGE_TEXT and k not in finder_text},
                       exit_url=exit_url or settings.exit_url,
                       max_age=MAX_AGE, browse_word=BROWSE_WORD,
                       # The youngest age no service only for the young serves (search-words.js:
                       # a parent's words put services for adults first).
                       adult_age=YOUNG_UP_TO + 1,
                       content_security_policy=POLICY, guide_policy=GUIDE_POLICY,
                       # The place finder is shown only where its data is (places.py).
                       place_lookup=LOOKUP_URL if settings.data_dir.is_dir() else "",
                       spelling_words=lambda services, pages: spelling_words(services, pages,
                                                                             settings),
                       typed=sorted(TYPED),
                       everyday_words=lambda spelling: everyday_words(spelling, settings),
                       spoken_names=spoken_names)
    # Parts many pages share, each made once for each set of arguments: a service's card
    # (on many listings), the top and foot of every page, a service in a fragment, the line
    # to call now, breadcrumbs (one for each trail), a listing's filter (one for each set of
    # kinds of help). A run of cards or of fragment items is one call from a template.
    part = functools.partial(_once, env)
    env.globals.update(
        cards=_joined(part("_partials/service_card.html", "service_card")),
        fragment_items=_joined(part("_partials/fragment_item.html", "fragment_item")),
        page_top=part("_partials/page_parts.html", "page_top"),
        page_foot=part("_partials/page_parts.html", "page_foot"),
        call_now=part("_partials/call_now.html", "call_now"),
        breadcrumbs=part("_partials/breadcrumbs.html", "breadcrumbs", by_value=True),
        filter_list=part("_partials/filter_list.html", "filter_list", by_value=True))
    return env


def web_address(url: str) -> str:
    """A web address as a person reads it: without "https://" or a last "/"."""
    return url.removeprefix("https://").rstrip("/")


def _escaped(value) -> str:
    """What markupsafe.escape gives, as plain text: the same characters, without a Markup
    made for each (about 200,000 values a build at 1,000 listings; every page rendered in
    one warm process, 0.43 s to 0.33 s). Only the value of an output expression ({{ ... }})
    goes through this, and Jinja only joins that with the rest of the page, or makes the
    joined whole Markup (a macro, a block set): nothing can escape it a second time or
    take it for markup unescaped."""
    if type(value) is str:
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_inner(str(value))


class _Template(jinja2.Template):
    """A template whose output expressions escape with _escaped: the compiled code looks its
    `escape` up among the template's globals when it runs. Should a later Jinja no longer
    make templates through _from_namespace, they keep markupsafe's escape: slower, the same."""

    @classmethod
    def _from_namespace(cls, environment, namespace, globals):
        namespace["escape"] = _escaped
        return super()._from_namespace(environment, namespace, globals)


class _Environment(jinja2.Environment):
    """Jinja's environment, with each template's globals in a plain dict rather than a chain
    over the environment's: every page, include and import copies or compares them, and the
    chain made that a good part of a page's time. The globals are all set in make_env, before
    any template is loaded, so no template misses one."""

    template_class = _Template

    def make_globals(self, d):
        return {**self.globals, **(d or {})}


class _Wording(dict):
    """The interface wording, each text also an attribute: a template's `t.name` is then
    found at once, where on a plain mapping Jinja first asks for an attribute, fails with an
    exception and only then looks the key up (36,000 times a build at 1,000 listings)."""

    def __init__(self, wording: dict):
        super().__init__(wording)
        self.__dict__.update(wording)


def _once(env: jinja2.Environment, template: str, name: str, by_value: bool = False):
    """Return the macro `name` of `template`, remembering what it returns for each set of
    arguments (it reads only them and the environment's globals, which do not change).

    :param by_value: the arguments are small values (strings, numbers, lists of tuples of
        them), told apart by value; otherwise by identity (a list by its items'), which is
        cheaper than hashing a whole Service.
    """
    made: dict[tuple, tuple[tuple, object]] = {}
    key = _values if by_value else _ids

    def call(*args):
        hit = made.get(key(args))
        if hit is None:
            macro = getattr(env.get_template(template).module, name)
            # The arguments are kept with what they made: while they live, no other object
            # can have their ids, so the same ids are the same arguments.
            hit = made[key(args)] = (args, macro(*args))
        return hit[1]
    return call


def _ids(args: tuple) -> tuple:
    return tuple(tuple(map(id, a)) if type(a) is list else id(a) for a in args)


def _values(args: tuple) -> tuple:
    return tuple(tuple(a) if type(a) is list else a for a in args)


def _joined(part):
    """Return a function that makes part(item, *args) for each of a run of items, one a line:
    one call from a template, rather than one for each item."""
    def joined(items, *args) -> Markup:
        return Markup("".join([f"{part(item, *args)}\n" for item in items]))
    return joined


def load_locale(path: Path, templates_dir: Path | None = None) -> dict:
    """Read the interface wording; a broken locale file is a build problem.

    :param templates_dir: the templates that use it (default: the project's, beside locales/).
    """
    data, problems = load_wording(path, templates_dir or path.parent.parent / "templates")
    if problems:
        raise BuildFailed(problems)
    return data


def compile_templates(env: jinja2.Environment, compiled: dict[str, bytes] | None = None) -> None:
    """Compile every template now: renderers forked after this share them, where each
    compiled its own (our 28 templates: 0.13 s of CPU each time). A template that does not
    compile is left for rendering to report, on the pages that use it; a file that is no
    template (an editor's backup, say) is no one's business here.

    :param compiled: what compiled_templates gave, in another process: taken as it is (Jinja
        still compiles again a template whose text is not the one compiled)."""
    if compiled is not None:
        env.bytecode_cache = _Compiled(compiled)
    for name in env.list_templates(filter_func=lambda name: not name.startswith(".")
                                   and "/." not in name):
        try:
            env.get_template(name)
        except (jinja2.TemplateError, ValueError, OSError):
            pass


def compiled_templates(env: jinja2.Environment) -> dict[str, bytes]:
    """Compile every template (see compile_templates) and return them as Jinja's bytecode
    cache keeps them: a child compiles them on the other core while the build plans, and
    hands them back for compile_templates (0.12 s of the plan at 1,000 listings), unless
    `make` has kept them compiled (save_compiled)."""
    env.bytecode_cache = _Compiled({})
    compile_templates(env)
    return env.bytecode_cache.codes


def compiled_file(templates_dir: Path) -> Path:
    """Where `make` keeps the templates compiled: beside their folder, not in it (what reads
    the folder reads templates)."""
    return templates_dir.parent / f".{templates_dir.name}.compiled"


def save_compiled(env: jinja2.Environment, templates_dir: Path) -> Path:
    """Compile every template and keep them in compiled_file, as `make` keeps our modules'
    bytecode at install: a build only reads it (read_compiled), and writes nothing outside
    its site."""
    file = compiled_file(templates_dir)
    replace_file(file, marshal.dumps((_made_by(env), compiled_templates(env))))
    return file


def read_compiled(env: jinja2.Environment, templates_dir: Path) -> dict[str, bytes]:
    """The templates save_compiled kept, for compile_templates; none if there are none, or
    if they were compiled another way (another Jinja, other settings). Jinja compiles again
    each template whose text has changed since (it keeps a checksum of the text with it)."""
    try:
        made_by, codes = marshal.loads(compiled_file(templates_dir).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):  # none, or not whole
        return {}
    fits = made_by == _made_by(env) and isinstance(codes, dict) and \
        all(isinstance(code, bytes) for code in codes.values())
    return codes if fits else {}


def _made_by(env: jinja2.Environment) -> str:
    """What a compiled template depends on besides its own text: Jinja's version and how
    this environment reads templates, compiles them and checks their filters and tests."""
    return repr((jinja2.__version__, env.block_start_string, env.block_end_string,
                 env.variable_start_string, env.variable_end_string, env.comment_start_string,
                 env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
                 env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                 env.keep_trailing_newline, env.optimized, env.autoescape,
                 sorted(env.extensions), sorted(env.filters), sorted(env.tests)))


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates kept in memory, by name: Jinja refuses the code of a template
    compiled from other text, wherever its file is (a build run from elsewhere names the
    same files by another path)."""

    def __init__(self, codes: dict[str, bytes]):
        self.codes = codes

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return name

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.codes:  # the bucket refuses code compiled from other text
            bucket.bytecode_from_string(self.codes[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


def render_site(outputs: Iterable[Output], env: jinja2.Environment, templates_dir: Path,
                problems: dict[tuple, Problem]) -> Iterator[tuple[Output, str | bytes]]:
    """Render each output in turn and yield it with its text (a data file with its bytes),
    so that the caller can write it and let it go; add each template mistake to problems
    once however many pages it breaks, under what makes it one mistake (its template, line
    and error, whichever page showed it), so that processes rendering different pages can
    join theirs. An output that fails is not yielded."""
    for output in outputs:
        if output.body is not None:  # a data file, written as it is
            yield output, output.body
            continue
        try:
            html = render_one(env, output)
        except (jinja2.TemplateError, LookupError, ValueError, TypeError, AttributeError) as err:
            # LookupError and ValueError: a {placeholder} in the wording that the template
            # does not fill; the others: a template using data the wrong way.
            name, line = _template_line(err, output.template, templates_dir)
            wording = _wording_problem(err, getattr(env, "wording", None))
            key = (wording,) if wording else (name, line, str(err))
            if key not in problems:
                problems[key] = wording or Problem(str(templates_dir / name), line,
                                                   f"while rendering {output.url}: {err}")
            continue
        yield output, html


def render_one(env: jinja2.Environment, output: Output) -> str:
    """Render one planned output from its template: the one place a page is made, so a
    cold build and a partial rebuild make the same bytes."""
    return env.get_template(output.template).render(url=output.url, title=output.title,
                                                    **output.context)


def _template_line(err: Exception, default: str, templates_dir: Path) -> tuple[str, int]:
    """The template and line where rendering failed: Jinja rewrites the traceback so that
    template frames carry the template's file and line, and the innermost is the one to fix."""
    if isinstance(err, jinja2.TemplateSyntaxError) and err.name:
        return err.name, err.lineno or 1
    found = (default, 1)
    root = os.path.normpath(templates_dir) + os.sep
    for frame in traceback.extract_tb(err.__traceback__):
        if frame.filename.startswith(root):
            found = (Path(frame.filename[len(root):]).as_posix(), frame.lineno or 1)
    return found


def _wording_problem(err: Exception, wording) -> Problem | None:
    """A {placeholder} the code does not fill is a mistake in the wording: say where."""
    if not isinstance(err, KeyError) or not getattr(wording, "lines", None):
        return None
    mark = "{" + str(err.args[0])
    for key, value in wording.items():
        if isinstance(value, str) and mark in value:
            return Problem(getattr(wording, "file", "locales/en-GB.yaml"), wording.lines[key],
                           f"{key}: the placeholder {mark}}} is not one this text is given "
                           "(keep the placeholders of the original, like {n})")
    return None
