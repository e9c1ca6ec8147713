"""The stylesheets, scripts and images of assets/, planned as outputs of the site like every
other file (outputs.py), each with its bytes: they need no template, so they are not
render.py's business."""
from __future__ import annotations

from pathlib import Path

from .outputs import Output


def plan_assets(assets_dir: Path) -> list[Output]:
    """The stylesheets, scripts and images of assets/, as outputs of the site under
    /assets/, each with its bytes: scripts and stylesheets minified (their comments are for
    us; residents on slow networks pay for every byte)."""
    return [Output(f"/assets/{name}", "", f"Asset: {name}", body=minified(path),
                   sources=(f"asset:{name}",))
            for path, name in sorted((p, p.relative_to(assets_dir).as_posix())
                                     for p in assets_dir.rglob("*") if p.is_file())]


def minified(path: Path) -> bytes:
    """A file's bytes, without comments and spacing if it is a script or a stylesheet."""
    data = path.read_bytes()
    if path.suffix == ".js":
        import rjsmin  # imported here: only a build needs it
        return rjsmin.jsmin(data)
    if path.suffix == ".css":
        import rcssmin
        return rcssmin.cssmin(data)
    return data
