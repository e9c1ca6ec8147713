"""Page weight: a page's HTML plus the CSS, scripts and icon it loads directly, compressed,
must fit in the first round trip of a new connection (about 14 KB). Pagefind's files load
only when someone searches, and the place finder's answers only when someone types in it
(a dynamic import and a fetch, which this does not follow); both are reported separately."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

BUDGET = 14 * 1024
_LOADS = re.compile(r'<(?:script|link)\b[^>]*?(?:src|href)="(/assets/[^"]+)"')
_IMPORTS = re.compile(r'^import\b[^"\']*["\']\./([^"\']+)["\']', re.MULTILINE)


def compressed(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def page_weight(site_dir: Path, page: Path) -> dict[str, int]:
    """Compressed bytes of a page and of each asset it loads directly (static imports too)."""
    weights = {page.relative_to(site_dir).as_posix(): compressed(page)}
    pending = _LOADS.findall(page.read_text(encoding="utf-8"))
    while pending:
        url = pending.pop()
        if url in weights:
            continue
        asset = site_dir / url.lstrip("/")
        weights[url] = compressed(asset)
        if asset.suffix == ".js":
            folder = url.rsplit("/", 1)[0]
            pending += [f"{folder}/{name}" for name in _IMPORTS.findall(asset.read_text())]
    return weights


def pages(site_dir: Path) -> list[Path]:
    """Every page (fragments for server-side includes are parts of other sites' pages)."""
    return [p for p in site_dir.rglob("*.html") if p.relative_to(site_dir).parts[0] != "fragments"]


def over_budget(site_dir: Path) -> dict[str, int]:
    """Every page whose total is over the budget, with its total."""
    totals = {p: sum(page_weight(site_dir, p).values()) for p in pages(site_dir)}
    return {p.relative_to(site_dir).as_posix(): n for p, n in totals.items() if n > BUDGET}
