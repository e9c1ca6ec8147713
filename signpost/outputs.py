"""One file of the site, as planned: every file the site has (pages, embeds, fragments, the
feed, the assets, _redirects, _headers) is an Output, with its inputs."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

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
