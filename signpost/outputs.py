"""One file of the site, as planned: every file the site has (pages, embeds, fragments, the
feed, the assets, _redirects, _headers) is an Output, with its inputs; and, for the dev
server's rebuild, what tells that a file planned again has the same inputs as last time."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass

from .services import Service


@dataclass(frozen=True)
class Output:
    """One file of the site: its URL, the template that renders it and what it is given,
    or its bytes; and its inputs.

    :param sources: what its content comes from, beyond its template, the templates that
        includes, the wording and the settings (which every rendered output uses):
        "service:ID" and "page:SLUG" for one listing or content page, "services" and
        "pages" for all of them, "places" for the place finder's data, "asset:PATH" for a
        file of assets/, and "plan" for the list of outputs itself (sitemap, _headers).
    """

    url: str
    template: str
    title: str
    context: dict = field(default_factory=dict, compare=False)
    source: tuple[str, int] = ("", 0)  # where a broken link in it should be reported
    body: bytes | None = field(default=None, compare=False)  # written as is, not rendered
    html: str = field(default="", compare=False, repr=False)  # the text, once rendered
    sources: tuple[str, ...] = field(default=(), compare=False)

    @property
    def dest_path(self) -> str:
        return self.url.lstrip("/") + ("index.html" if self.url.endswith("/") else "")


def service_sources(services: list[Service]) -> tuple[str, ...]:
    """The sources naming these listings."""
    return tuple(["service:" + s.id for s in services])


def reused(reuse: dict | None, key: Callable[[], tuple], make: Callable):
    """make(); or, in a rebuild (reuse: site.plan_site's), the very object made last time
    for the same key, which the dev server then knows at once as unchanged. The key is
    made only then: a cold build does not pay for it."""
    if reuse is None:
        return make()
    known = key()
    made = reuse["now"][known] = reuse["last"].get(known) or make()
    return made


def same_inputs(old: Output, new: Output, before: dict[int, str], now: dict[int, str]
                ) -> bool:
    """Whether a template writes for `new` what it wrote for `old`: the same template, title
    and sources, and an equal context. Unchanged listings are the same objects from one
    rebuild to the next, so comparing is mostly telling them apart by identity; a listing
    whose text is unchanged but whose line moved (one added above it) is a new object, and
    is compared by the digest of its text (before: old's listings', now: new's)."""
    if old is new:  # planned again from the same listings (site.plan_site's reuse)
        return True
    if (old.template, old.title, old.source, old.sources) != \
            (new.template, new.title, new.source, new.sources):
        return False

    def alike(old, new) -> bool:
        if old is new:
            return True
        kind = type(old)
        if kind is not type(new):
            return False
        if kind is list or kind is tuple:
            return len(old) == len(new) and all(map(alike, old, new))
        if kind is dict:
            return old.keys() == new.keys() and all(alike(v, new[k]) for k, v in old.items())
        if kind is Service:
            digest = before.get(id(old))
            return digest is not None and digest == now.get(id(new))
        if is_dataclass(old):
            return all(alike(getattr(old, f.name), getattr(new, f.name)) for f in fields(old))
        return old == new

    return old.context == new.context or alike(old.context, new.context)
